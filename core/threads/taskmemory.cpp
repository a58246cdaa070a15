#include "taskmemory.h"

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <cstdlib>
#include <mutex>
#include <new>
#include <vector>

namespace clab::taskmemory {

namespace {

constexpr std::size_t kAlignment = 16;
constexpr std::size_t kMaxCachedChunks = kMaxCachedBytes / kChunkSize;
// Added to a chunk's count while its owner still carves from it, so frees
// cannot bring it to zero before the owner is done.
constexpr std::int64_t kOwnerBias = std::int64_t(1) << 40;

struct alignas(64) Chunk {
    // kOwnerBias plus tasks carved, minus tasks freed. Zero: free to reuse.
    std::atomic<std::int64_t> balance{0};
};
constexpr std::size_t kFirstOffset = sizeof(Chunk);

Chunk *chunkOf(void *pointer)
{
    return reinterpret_cast<Chunk *>(reinterpret_cast<std::uintptr_t>(pointer) & ~std::uintptr_t(kChunkSize - 1));
}

class ChunkCache
{
public:
    ChunkCache() { m_chunks.reserve(kMaxCachedChunks); }

    Chunk *take()
    {
        {
            std::lock_guard lock(m_mutex);
            if (!m_chunks.empty()) {
                Chunk *chunk = m_chunks.back();
                m_chunks.pop_back();
                return chunk;
            }
        }
        void *memory = std::aligned_alloc(kChunkSize, kChunkSize);
        if (!memory)
            throw std::bad_alloc();
        return new (memory) Chunk;
    }

    void give(Chunk *chunk)
    {
        {
            std::lock_guard lock(m_mutex);
            if (m_chunks.size() < kMaxCachedChunks) {
                m_chunks.push_back(chunk);
                return;
            }
        }
        chunk->~Chunk();
        std::free(chunk);
    }

    std::size_t size()
    {
        std::lock_guard lock(m_mutex);
        return m_chunks.size();
    }

private:
    std::mutex m_mutex;
    std::vector<Chunk *> m_chunks;
};

// Never destroyed: threads may free tasks while the program exits.
ChunkCache &cache()
{
    static ChunkCache *const instance = new ChunkCache;
    return *instance;
}

void release(Chunk *chunk, std::int64_t count)
{
    // acq_rel: whoever brings the count to zero sees every task's last
    // writes before the chunk is handed out again.
    if (chunk->balance.fetch_sub(count, std::memory_order_acq_rel) == count)
        cache().give(chunk);
}

// The chunk this thread carves from.
struct CurrentChunk {
    Chunk *chunk = nullptr;
    std::size_t offset = 0;
    std::int64_t carved = 0;

    void retire()
    {
        if (chunk)
            release(chunk, kOwnerBias - carved);
        chunk = nullptr;
    }
    void replace()
    {
        retire();
        chunk = cache().take();
        chunk->balance.store(kOwnerBias, std::memory_order_relaxed);
        offset = kFirstOffset;
        carved = 0;
    }
    ~CurrentChunk() { retire(); }
};

thread_local CurrentChunk t_current;

std::size_t rounded(std::size_t size)
{
    // Never zero: a block must lie inside the chunk it came from.
    return std::max(kAlignment, (size + kAlignment - 1) & ~(kAlignment - 1));
}

} // namespace

void *allocate(std::size_t size)
{
    size = rounded(size);
    if (size > kLargestTask)
        return ::operator new(size);
    CurrentChunk &current = t_current;
    if (!current.chunk || current.offset + size > kChunkSize)
        current.replace();
    void *pointer = reinterpret_cast<char *>(current.chunk) + current.offset;
    current.offset += size;
    ++current.carved;
    return pointer;
}

void deallocate(void *pointer, std::size_t size) noexcept
{
    size = rounded(size);
    if (size > kLargestTask) {
        ::operator delete(pointer);
        return;
    }
    release(chunkOf(pointer), 1);
}

std::size_t cachedChunks()
{
    return cache().size();
}

} // namespace clab::taskmemory
