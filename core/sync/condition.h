#pragma once

#include "instrumented.h"
#include "lock.h"
#include "threads/timeout.h"

#include <chrono>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>

namespace clab {

// threading.Condition over a Lock or RLock (its own RLock when none is
// given). Waiters are woken in the order they began to wait, as in CPython.
class Condition : public Instrumented
{
public:
    explicit Condition(ConditionLockable *lock = nullptr, const QString &name = {});
    ~Condition();

    bool acquire(bool blocking = true, Timeout timeout = {}) { return m_lock->acquireLock(blocking, timeout); }
    void release() { m_lock->releaseLock(); }
    void lock() { acquire(); }
    void unlock();

    // Releases the lock, sleeps until notified or timed out, takes the lock
    // back. Returns false on timeout. RuntimeError("cannot wait on
    // un-acquired lock") unless the caller holds the lock.
    bool wait(Timeout timeout = {});

    // Waits until predicate() holds; returns its last value.
    template <class Predicate>
    bool waitFor(Predicate predicate, Timeout timeout = {})
    {
        using SteadyClock = std::chrono::steady_clock;
        std::optional<SteadyClock::time_point> end;
        bool result = predicate();
        while (!result) {
            Timeout left = timeout;
            if (timeout) {
                if (!end) {
                    end = SteadyClock::now() + std::chrono::duration_cast<SteadyClock::duration>(
                              std::chrono::duration<double>(*timeout));
                } else {
                    left = std::chrono::duration<double>(*end - SteadyClock::now()).count();
                    if (*left <= 0)
                        break;
                }
            }
            wait(left);
            result = predicate();
        }
        return result;
    }

    // RuntimeError("cannot notify on un-acquired lock") unless the caller
    // holds the lock.
    void notify(int n = 1);
    void notifyAll();

    ConditionLockable *underlyingLock() const { return m_lock; }

private:
    struct Waiter {
        bool notified = false;
    };
    void forget(Waiter *waiter);

    std::unique_ptr<RLock> m_ownLock;
    ConditionLockable *m_lock;
    std::mutex m_mutex;
    std::condition_variable m_cv;
    std::deque<Waiter *> m_waiters;
};

} // namespace clab
