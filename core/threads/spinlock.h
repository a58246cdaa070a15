#pragma once

#include <atomic>
#include <thread>

namespace clab {

// A lock for critical sections of a few instructions (a queue push or pop),
// where a std::mutex's sleep and wake-up would cost far more than the work.
// After a short spin it yields, so a preempted holder is not starved.
class SpinLock
{
public:
    void lock()
    {
        for (int spins = 0; m_locked.exchange(true, std::memory_order_acquire); ++spins) {
            while (m_locked.load(std::memory_order_relaxed)) {
                if (spins++ < 64)
                    relax();
                else
                    std::this_thread::yield();
            }
        }
    }
    void unlock() { m_locked.store(false, std::memory_order_release); }

    static inline void relax()
    {
#if defined(__x86_64__) || defined(__i386__)
        __builtin_ia32_pause();
#endif
    }

private:
    std::atomic<bool> m_locked{false};
};

} // namespace clab
