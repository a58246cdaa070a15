#include "threads/workqueue.h"

#include <QTest>
#include <algorithm>
#include <thread>
#include <vector>

using namespace clab;

class TestWorkQueue : public QObject
{
    Q_OBJECT
private slots:
    void emptyQueuePopsNothing();
    void firstInFirstOut_data();
    void firstInFirstOut();
    void interleavedPushAndPopAcrossBlocks();
    void closedQueueRefusesPushesButStillPops();
    void beforePublishRunsOnlyForAcceptedPushes();
    void concurrentPushersAndPoppersLoseAndDuplicateNothing();
};

void TestWorkQueue::emptyQueuePopsNothing()
{
    WorkQueue<int> queue;
    QVERIFY(queue.isEmpty());
    QCOMPARE(queue.size(), 0u);
    QCOMPARE(queue.tryPop(), nullptr);
}

void TestWorkQueue::firstInFirstOut_data()
{
    QTest::addColumn<int>("count");
    const int block = int(WorkQueue<int>::kBlockSize);
    QTest::newRow("one") << 1;
    QTest::newRow("less than a block") << block - 1;
    QTest::newRow("exactly a block") << block;
    QTest::newRow("one past a block") << block + 1;
    QTest::newRow("several blocks") << block * 5 + 17;
}

void TestWorkQueue::firstInFirstOut()
{
    QFETCH(int, count);
    std::vector<int> items(static_cast<size_t>(count));
    WorkQueue<int> queue;
    for (int &item : items)
        QVERIFY(queue.push(&item));
    QCOMPARE(queue.size(), std::uint64_t(count));
    for (int i = 0; i < count; ++i)
        QCOMPARE(queue.tryPop(), &items[size_t(i)]);
    QCOMPARE(queue.tryPop(), nullptr);
    QVERIFY(queue.isEmpty());
}

// Pops keep up with pushes, so retired blocks are reused as spares.
void TestWorkQueue::interleavedPushAndPopAcrossBlocks()
{
    const int total = int(WorkQueue<int>::kBlockSize) * 7 + 3;
    std::vector<int> items(static_cast<size_t>(total));
    WorkQueue<int> queue;
    int popped = 0;
    for (int i = 0; i < total; ++i) {
        QVERIFY(queue.push(&items[size_t(i)]));
        if (i % 3 != 0)
            QCOMPARE(queue.tryPop(), &items[size_t(popped++)]);
    }
    while (int *item = queue.tryPop())
        QCOMPARE(item, &items[size_t(popped++)]);
    QCOMPARE(popped, total);
}

void TestWorkQueue::closedQueueRefusesPushesButStillPops()
{
    int a = 0, b = 0;
    WorkQueue<int> queue;
    QVERIFY(queue.push(&a));
    QVERIFY(!queue.isClosed());
    queue.close();
    QVERIFY(queue.isClosed());
    QVERIFY(!queue.push(&b));
    QCOMPARE(queue.size(), 1u);
    QCOMPARE(queue.tryPop(), &a);
    QCOMPARE(queue.tryPop(), nullptr);
}

void TestWorkQueue::beforePublishRunsOnlyForAcceptedPushes()
{
    int a = 0;
    int calls = 0;
    WorkQueue<int> queue;
    QVERIFY(queue.push(&a, [&] {
        ++calls;
        // Still unpublished while the hook runs.
        QVERIFY(queue.isEmpty());
    }));
    QCOMPARE(calls, 1);
    queue.close();
    QVERIFY(!queue.push(&a, [&] { ++calls; }));
    QCOMPARE(calls, 1);
}

void TestWorkQueue::concurrentPushersAndPoppersLoseAndDuplicateNothing()
{
    constexpr int kPushers = 2;
    constexpr int kPoppers = 3;
    constexpr int kPerPusher = 20000;
    std::vector<int> items(static_cast<size_t>(kPushers * kPerPusher));
    for (size_t i = 0; i < items.size(); ++i)
        items[i] = int(i);
    WorkQueue<int> queue;
    std::vector<std::vector<int>> seen(kPoppers);
    std::atomic<int> taken{0};
    std::vector<std::thread> threads;
    for (int p = 0; p < kPushers; ++p)
        threads.emplace_back([&, p] {
            for (int i = 0; i < kPerPusher; ++i)
                queue.push(&items[size_t(p * kPerPusher + i)]);
        });
    for (int c = 0; c < kPoppers; ++c)
        threads.emplace_back([&, c] {
            while (taken.load() < int(items.size())) {
                if (int *item = queue.tryPop()) {
                    seen[size_t(c)].push_back(*item);
                    taken.fetch_add(1);
                }
            }
        });
    for (auto &t : threads)
        t.join();

    std::vector<int> all;
    for (const auto &s : seen) {
        // One pusher's items reach any one popper in the order pushed.
        for (int p = 0; p < kPushers; ++p) {
            int last = -1;
            for (int v : s)
                if (v / kPerPusher == p) {
                    QVERIFY2(v > last, "a popper saw one pusher's items out of order");
                    last = v;
                }
        }
        all.insert(all.end(), s.begin(), s.end());
    }
    std::sort(all.begin(), all.end());
    QCOMPARE(all.size(), items.size());
    for (size_t i = 0; i < all.size(); ++i)
        QCOMPARE(all[i], int(i));
    QVERIFY(queue.isEmpty());
}

QTEST_GUILESS_MAIN(TestWorkQueue)
#include "tst_workqueue.moc"
