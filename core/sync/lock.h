#pragma once

#include "instrumented.h"
#include "threads/timeout.h"

#include <atomic>
#include <condition_variable>
#include <mutex>

namespace clab {

// What a Condition needs from the lock it is built on (Python's
// _is_owned, _release_save and _acquire_restore).
class ConditionLockable
{
public:
    virtual ~ConditionLockable() = default;
    virtual ObjectId lockId() const = 0;
    virtual bool acquireLock(bool blocking, Timeout timeout) = 0;
    virtual void releaseLock() = 0;
    virtual bool isOwnedByCurrentThread() const = 0;
    virtual int releaseAll() = 0;              // returns what reacquire needs
    virtual void reacquire(int saved) = 0;
};

// Python's acquire(blocking, timeout) argument rules.
Deadline acquireDeadline(bool blocking, Timeout timeout);

// threading.Lock. Uncontended acquire and release are one atomic operation
// each plus one recorded event; only contended paths take the internal mutex.
class Lock final : public Instrumented, public ConditionLockable
{
public:
    explicit Lock(const QString &name = {});

    bool acquire(bool blocking = true, Timeout timeout = {})
    {
        sched::point(id(), Op::Acquire);
        if (!blocking || timeout) [[unlikely]]
            return acquireWithArguments(blocking, timeout);
        return tryAcquireNow() || acquireContended(Deadline::never());
    }

    // RuntimeError("release unlocked lock") when not locked. Any thread may
    // release a Lock, as in Python.
    void release()
    {
        sched::point(id(), Op::Release);
        if (m_state.load(std::memory_order_relaxed) == kFree) [[unlikely]]
            throwReleaseUnlocked();
        m_owner.store(0, std::memory_order_relaxed);
        trace::record(EventKind::Released, id());
        if (m_state.exchange(kFree, std::memory_order_release) == kLockedWithWaiters) [[unlikely]]
            wakeOne();
    }

    bool locked() const { return m_state.load(std::memory_order_relaxed) != kFree; }
    quint32 ownerUid() const { return m_owner.load(std::memory_order_relaxed); }

    // BasicLockable, for std::lock_guard and std::scoped_lock. unlock() stays
    // quiet while unwinding from a cancelled wait, where the lock may not be
    // held.
    void lock() { acquire(); }
    bool try_lock() { return acquire(false); }
    void unlock();

    ObjectId lockId() const override { return id(); }
    bool acquireLock(bool blocking, Timeout timeout) override { return acquire(blocking, timeout); }
    void releaseLock() override { release(); }
    bool isOwnedByCurrentThread() const override { return ownerUid() == this_thread::uid(); }
    int releaseAll() override;
    void reacquire(int saved) override;

private:
    static constexpr quint32 kFree = 0;
    static constexpr quint32 kLocked = 1;
    static constexpr quint32 kLockedWithWaiters = 2;

    bool tryAcquireNow()
    {
        quint32 expected = kFree;
        if (!m_state.compare_exchange_strong(expected, kLocked, std::memory_order_acquire,
                                             std::memory_order_relaxed))
            return false;
        m_owner.store(this_thread::uid(), std::memory_order_relaxed);
        trace::record(EventKind::Acquired, id());
        return true;
    }
    bool acquireWithArguments(bool blocking, Timeout timeout);
    bool acquireContended(const Deadline &deadline);
    void wakeOne();
    [[noreturn]] static void throwReleaseUnlocked();

    std::atomic<quint32> m_state{kFree};
    std::atomic<quint32> m_owner{0};
    std::mutex m_mutex;
    std::condition_variable m_cv;
};

// threading.RLock: the owner may acquire again; each acquire needs a release.
// Acquired and Released carry the recursion depth after the call in aux (as
// the event format specifies) and, as before, in value.
class RLock final : public Instrumented, public ConditionLockable
{
public:
    explicit RLock(const QString &name = {});

    bool acquire(bool blocking = true, Timeout timeout = {});
    // RuntimeError("cannot release un-acquired lock") unless the caller owns it.
    void release();
    int recursionCount() const;  // for the calling thread's view: 0 if it does not own it

    void lock() { acquire(); }
    bool try_lock() { return acquire(false); }
    void unlock();

    ObjectId lockId() const override { return id(); }
    bool acquireLock(bool blocking, Timeout timeout) override { return acquire(blocking, timeout); }
    void releaseLock() override { release(); }
    bool isOwnedByCurrentThread() const override;
    int releaseAll() override;
    void reacquire(int saved) override;

private:
    bool acquireCounted(const Deadline &deadline, int count);

    mutable std::mutex m_mutex;
    std::condition_variable m_cv;
    std::atomic<quint32> m_owner{0};
    int m_count = 0;
};

} // namespace clab
