#include "threads/taskmemory.h"

#include <QSemaphore>
#include <QTest>
#include <cstdint>
#include <cstring>
#include <set>
#include <thread>
#include <vector>

using namespace clab;

namespace {
std::uintptr_t chunkBase(void *p)
{
    return reinterpret_cast<std::uintptr_t>(p) & ~std::uintptr_t(taskmemory::kChunkSize - 1);
}
} // namespace

class TestTaskMemory : public QObject
{
    Q_OBJECT
private slots:
    void blocksAreAlignedAndDisjoint_data();
    void blocksAreAlignedAndDisjoint();
    void zeroBytesStillGetDistinctBlocks();
    void chunkReturnsWhenItsLastTaskIsFreed();
    void ownersChunkReturnsWhenTheThreadEnds();
    void largeRequestsBypassTheChunks();
    void cacheIsBounded();
};

void TestTaskMemory::blocksAreAlignedAndDisjoint_data()
{
    QTest::addColumn<int>("size");
    QTest::newRow("1 byte") << 1;
    QTest::newRow("15 bytes") << 15;
    QTest::newRow("16 bytes") << 16;
    QTest::newRow("17 bytes") << 17;
    QTest::newRow("a typical task") << 96;
    QTest::newRow("the largest carved") << int(taskmemory::kLargestTask);
}

void TestTaskMemory::blocksAreAlignedAndDisjoint()
{
    QFETCH(int, size);
    // Enough to span several chunks.
    const int count = int(3 * taskmemory::kChunkSize / size_t(size)) + 5;
    std::vector<unsigned char *> blocks;
    for (int i = 0; i < count; ++i) {
        auto *p = static_cast<unsigned char *>(taskmemory::allocate(size_t(size)));
        QCOMPARE(reinterpret_cast<std::uintptr_t>(p) % 16, 0u);
        std::memset(p, i & 0xff, size_t(size));
        blocks.push_back(p);
    }
    // Each block still holds its own pattern: none overlapped another.
    for (int i = 0; i < count; ++i) {
        for (int b = 0; b < size; ++b)
            if (blocks[size_t(i)][b] != (i & 0xff))
                QFAIL(qPrintable(QStringLiteral("block %1 was overwritten at byte %2").arg(i).arg(b)));
    }
    for (unsigned char *p : blocks)
        taskmemory::deallocate(p, size_t(size));
}

void TestTaskMemory::zeroBytesStillGetDistinctBlocks()
{
    std::vector<void *> blocks;
    std::thread([&] {
        // More than a chunk holds.
        for (size_t i = 0; i < taskmemory::kChunkSize / 16 + 10; ++i)
            blocks.push_back(taskmemory::allocate(0));
    }).join();
    std::set<void *> distinct(blocks.begin(), blocks.end());
    QCOMPARE(distinct.size(), blocks.size());
    // None sits on a chunk's first bytes, where its count lives.
    for (void *p : blocks)
        QVERIFY(reinterpret_cast<std::uintptr_t>(p) - chunkBase(p) >= 64);
    for (void *p : blocks)
        taskmemory::deallocate(p, 0);
}

void TestTaskMemory::chunkReturnsWhenItsLastTaskIsFreed()
{
    std::vector<void *> firstChunk;
    QSemaphore filled, mayEnd;
    std::thread owner([&] {
        void *first = taskmemory::allocate(64);
        firstChunk.push_back(first);
        // Carve until a block lands in the next chunk; the owner has then
        // moved on from the first.
        for (;;) {
            void *p = taskmemory::allocate(64);
            if (chunkBase(p) != chunkBase(first)) {
                taskmemory::deallocate(p, 64);
                break;
            }
            firstChunk.push_back(p);
        }
        filled.release();
        mayEnd.acquire();
    });
    filled.acquire();
    const std::size_t before = taskmemory::cachedChunks();
    // Freed on another thread than the one that carved them.
    for (size_t i = 1; i < firstChunk.size(); ++i)
        taskmemory::deallocate(firstChunk[i], 64);
    QCOMPARE(taskmemory::cachedChunks(), before); // one task still lives there
    taskmemory::deallocate(firstChunk[0], 64);
    QCOMPARE(taskmemory::cachedChunks(), before + 1);
    mayEnd.release();
    owner.join();
    QCOMPARE(taskmemory::cachedChunks(), before + 2); // the chunk it carved from last
}

void TestTaskMemory::ownersChunkReturnsWhenTheThreadEnds()
{
    QSemaphore freed, mayEnd;
    std::size_t whileOwned = 0;
    std::thread owner([&] {
        taskmemory::deallocate(taskmemory::allocate(32), 32);
        freed.release();
        mayEnd.acquire();
    });
    freed.acquire();
    whileOwned = taskmemory::cachedChunks();
    mayEnd.release();
    owner.join();
    QCOMPARE(taskmemory::cachedChunks(), whileOwned + 1);
}

void TestTaskMemory::largeRequestsBypassTheChunks()
{
    const std::size_t size = taskmemory::kLargestTask + 1;
    std::size_t before = 0;
    std::thread([&] {
        before = taskmemory::cachedChunks();
        void *p = taskmemory::allocate(size);
        std::memset(p, 0xab, size);
        taskmemory::deallocate(p, size);
    }).join();
    // The thread never took a chunk, so it returned none when it ended.
    QCOMPARE(taskmemory::cachedChunks(), before);
}

void TestTaskMemory::cacheIsBounded()
{
    const std::size_t limit = taskmemory::kMaxCachedBytes / taskmemory::kChunkSize;
    std::vector<void *> blocks;
    std::thread([&] {
        std::set<std::uintptr_t> chunks;
        while (chunks.size() < limit + 8) {
            void *p = taskmemory::allocate(taskmemory::kLargestTask);
            chunks.insert(chunkBase(p));
            blocks.push_back(p);
        }
    }).join();
    for (void *p : blocks)
        taskmemory::deallocate(p, taskmemory::kLargestTask);
    QCOMPARE(taskmemory::cachedChunks(), limit);
}

QTEST_GUILESS_MAIN(TestTaskMemory)
#include "tst_taskmemory.moc"
