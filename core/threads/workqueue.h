#pragma once

#include "spinlock.h"

#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <mutex>

namespace clab {

// The thread pool's first-in first-out queue of pointers. Pushing and
// popping take different locks, and a pushed item is published by the store
// of its slot, so a submitter and the workers share no lock and no counter
// that both write. Slots live in blocks of kBlockSize; the block a popper
// leaves is kept for the next push that needs one.
template <class T>
class WorkQueue
{
public:
    static constexpr std::size_t kBlockSize = 512;

    WorkQueue() : m_head(new Block), m_tail(m_head.block) {}
    ~WorkQueue()
    {
        for (Block *b = m_head.block; b;) {
            Block *next = b->next.load(std::memory_order_relaxed);
            delete b;
            b = next;
        }
        delete m_spare.load(std::memory_order_relaxed);
    }
    WorkQueue(const WorkQueue &) = delete;
    WorkQueue &operator=(const WorkQueue &) = delete;

    // `item` must not be null. Calls beforePublish() under the push lock,
    // then publishes the item. False, with nothing called, once the queue is
    // closed.
    template <class BeforePublish>
    bool push(T *item, BeforePublish &&beforePublish)
    {
        std::lock_guard lock(m_tail.lock);
        if (m_closed.load(std::memory_order_relaxed))
            return false;
        // The cell first: if a new block cannot be had, nothing was done.
        // Linking an empty block early is harmless; its cells read as null.
        if (m_tail.index == kBlockSize) {
            Block *fresh = m_spare.exchange(nullptr, std::memory_order_acquire);
            if (!fresh)
                fresh = new Block;
            // Published before any slot of it, so a popper that reaches the
            // end of the old block finds the new one.
            m_tail.block->next.store(fresh, std::memory_order_release);
            m_tail.block = fresh;
            m_tail.index = 0;
        }
        beforePublish();
        m_tail.block->cells[m_tail.index++].store(item, std::memory_order_release);
        const std::uint64_t pushed = m_pushed.load(std::memory_order_relaxed) + 1;
        // seq_cst: orders the publication before whatever the caller reads
        // next (a pool reads its sleepers), as a sleeper orders the other way.
        m_pushed.store(pushed, std::memory_order_seq_cst);
        return true;
    }
    bool push(T *item)
    {
        return push(item, [] {});
    }

    // No push succeeds after this. Once isClosed() and isEmpty() both hold,
    // nothing more will arrive.
    void close()
    {
        std::lock_guard lock(m_tail.lock);
        m_closed.store(true, std::memory_order_release);
    }
    bool isClosed() const { return m_closed.load(std::memory_order_acquire); }

    // The oldest item, or null when none is published.
    T *tryPop()
    {
        // The cell, not m_pushed: reading the counter the pusher writes on
        // every push would pull its cache line away each time.
        std::lock_guard lock(m_head.lock);
        if (m_head.index == kBlockSize) {
            Block *next = m_head.block->next.load(std::memory_order_acquire);
            if (!next)
                return nullptr;
            retire(m_head.block);
            m_head.block = next;
            m_head.index = 0;
        }
        T *item = m_head.block->cells[m_head.index].load(std::memory_order_acquire);
        if (!item)
            return nullptr;
        ++m_head.index;
        // release: what the popper did before (a pool worker leaving its
        // idle count) is visible to whoever reads the new size.
        m_popped.store(m_popped.load(std::memory_order_relaxed) + 1, std::memory_order_release);
        return item;
    }

    // Exact when no push or pop runs at the same time.
    std::uint64_t size() const
    {
        const std::uint64_t popped = m_popped.load(std::memory_order_seq_cst);
        const std::uint64_t pushed = m_pushed.load(std::memory_order_seq_cst);
        return pushed > popped ? pushed - popped : 0;
    }
    bool isEmpty() const { return size() == 0; }

private:
    struct Block {
        Block() { clear(); }
        void clear()
        {
            for (auto &slot : cells)
                slot.store(nullptr, std::memory_order_relaxed);
            next.store(nullptr, std::memory_order_relaxed);
        }
        std::array<std::atomic<T *>, kBlockSize> cells;
        std::atomic<Block *> next;
    };

    struct alignas(64) End {
        explicit End(Block *b) : block(b) {}
        SpinLock lock;
        Block *block;
        std::size_t index = 0;
    };

    void retire(Block *block)
    {
        block->clear();
        delete m_spare.exchange(block, std::memory_order_release);
    }

    End m_head; // guarded by m_head.lock; poppers only
    End m_tail; // guarded by m_tail.lock; pushers only
    alignas(64) std::atomic<std::uint64_t> m_pushed{0};
    alignas(64) std::atomic<std::uint64_t> m_popped{0};
    std::atomic<Block *> m_spare{nullptr};
    // Read by every push, written once: on a line of its own.
    alignas(64) std::atomic<bool> m_closed{false};
};

} // namespace clab
