#include "lock.h"

#include "threads/errors.h"

#include <exception>

namespace clab {

Deadline acquireDeadline(bool blocking, Timeout timeout)
{
    if (!blocking) {
        if (timeout && *timeout != -1)
            throw ValueError("can't specify a timeout for a non-blocking call");
        return Deadline::after(0.0);
    }
    if (!timeout || *timeout == -1)
        return Deadline::never();
    if (*timeout < 0)
        throw ValueError("timeout value must be a non-negative number");
    return Deadline::after(timeout);
}

Lock::Lock(const QString &name)
    : Instrumented(ObjectKind::Lock, name)
{
    trackOwner(&m_owner);
}

bool Lock::acquireWithArguments(bool blocking, Timeout timeout)
{
    const Deadline deadline = acquireDeadline(blocking, timeout);
    if (tryAcquireNow())
        return true;
    return blocking && acquireContended(deadline);
}

bool Lock::acquireContended(const Deadline &deadline)
{
    std::unique_lock lock(m_mutex);
    WaitSpec spec;
    spec.object = id();
    spec.reason = WaitReason::Lock;
    spec.deadline = deadline;
    spec.objectHasOwner = true;
    // Marking the lock "with waiters" before sleeping makes the holder's
    // release take the notifying path.
    const bool got = sched::wait(lock, m_cv, [this] {
        return m_state.exchange(kLockedWithWaiters, std::memory_order_acquire) == kFree;
    }, spec);
    if (got) {
        m_owner.store(this_thread::uid(), std::memory_order_relaxed);
        trace::record(EventKind::Acquired, id());
    }
    return got;
}

void Lock::wakeOne()
{
    std::lock_guard lock(m_mutex);
    m_cv.notify_one();
}

void Lock::throwReleaseUnlocked()
{
    throw RuntimeError("release unlocked lock");
}

void Lock::unlock()
{
    if (std::uncaught_exceptions() > 0 && !isOwnedByCurrentThread())
        return;
    release();
}

int Lock::releaseAll()
{
    release();
    return 1;
}

void Lock::reacquire(int)
{
    acquire();
}

RLock::RLock(const QString &name)
    : Instrumented(ObjectKind::RLock, name)
{
    trackOwner(&m_owner);
}

bool RLock::acquire(bool blocking, Timeout timeout)
{
    return acquireCounted(acquireDeadline(blocking, timeout), 1);
}

bool RLock::acquireCounted(const Deadline &deadline, int count)
{
    sched::point(id(), Op::Acquire);
    const quint32 me = this_thread::uid();
    std::unique_lock lock(m_mutex);
    if (m_owner.load(std::memory_order_relaxed) == me) {
        m_count += count;
        trace::record(EventKind::Acquired, id(), m_count, quint32(m_count));
        return true;
    }
    WaitSpec spec;
    spec.object = id();
    spec.reason = WaitReason::Lock;
    spec.deadline = deadline;
    spec.objectHasOwner = true;
    if (!sched::wait(lock, m_cv, [this] { return m_owner.load(std::memory_order_relaxed) == 0; }, spec))
        return false;
    m_owner.store(me, std::memory_order_relaxed);
    m_count = count;
    trace::record(EventKind::Acquired, id(), m_count, quint32(m_count));
    return true;
}

void RLock::release()
{
    sched::point(id(), Op::Release);
    std::unique_lock lock(m_mutex);
    if (m_owner.load(std::memory_order_relaxed) != this_thread::uid())
        throw RuntimeError("cannot release un-acquired lock");
    --m_count;
    trace::record(EventKind::Released, id(), m_count, quint32(m_count));
    if (m_count == 0) {
        m_owner.store(0, std::memory_order_relaxed);
        m_cv.notify_one();
    }
}

int RLock::recursionCount() const
{
    std::lock_guard lock(m_mutex);
    return m_owner.load(std::memory_order_relaxed) == this_thread::uid() ? m_count : 0;
}

void RLock::unlock()
{
    if (std::uncaught_exceptions() > 0 && !isOwnedByCurrentThread())
        return;
    release();
}

bool RLock::isOwnedByCurrentThread() const
{
    return m_owner.load(std::memory_order_relaxed) == this_thread::uid();
}

int RLock::releaseAll()
{
    sched::point(id(), Op::Release);
    std::lock_guard lock(m_mutex);
    if (m_owner.load(std::memory_order_relaxed) != this_thread::uid())
        throw RuntimeError("cannot release un-acquired lock");
    const int saved = m_count;
    m_count = 0;
    m_owner.store(0, std::memory_order_relaxed);
    trace::record(EventKind::Released, id(), 0);
    m_cv.notify_one();
    return saved;
}

void RLock::reacquire(int saved)
{
    acquireCounted(Deadline::never(), saved);
}

} // namespace clab
