#include "readwritelock.h"

#include "lock.h"
#include "threads/errors.h"

namespace clab {

ReadWriteLock::ReadWriteLock(const QString &name)
    : Instrumented(ObjectKind::ReadWriteLock, name)
{
    trackOwner(&m_writer);
}

bool ReadWriteLock::acquireRead(bool blocking, Timeout timeout)
{
    sched::point(id(), Op::Acquire);
    WaitSpec spec;
    spec.object = id();
    spec.reason = WaitReason::ReadWriteLock;
    spec.deadline = acquireDeadline(blocking, timeout);
    spec.objectHasOwner = true;
    std::unique_lock lock(m_mutex);
    if (!sched::wait(lock, m_cv, [this] {
            return m_writer.load(std::memory_order_relaxed) == 0 && m_writersWaiting == 0;
        }, spec))
        return false;
    ++m_readers;
    trace::record(EventKind::Acquired, id(), kRead, quint32(m_readers));
    return true;
}

void ReadWriteLock::releaseRead()
{
    sched::point(id(), Op::Release);
    std::lock_guard lock(m_mutex);
    if (m_readers == 0)
        throw RuntimeError("release unlocked lock");
    --m_readers;
    trace::record(EventKind::Released, id(), kRead, quint32(m_readers));
    if (m_readers == 0)
        m_cv.notify_all();
}

bool ReadWriteLock::acquireWrite(bool blocking, Timeout timeout)
{
    sched::point(id(), Op::Acquire);
    WaitSpec spec;
    spec.object = id();
    spec.reason = WaitReason::ReadWriteLock;
    spec.deadline = acquireDeadline(blocking, timeout);
    spec.objectHasOwner = true;
    std::unique_lock lock(m_mutex);
    ++m_writersWaiting;
    bool got = false;
    try {
        got = sched::wait(lock, m_cv, [this] {
            return m_writer.load(std::memory_order_relaxed) == 0 && m_readers == 0;
        }, spec);
    } catch (...) {
        --m_writersWaiting;
        m_cv.notify_all();
        throw;
    }
    --m_writersWaiting;
    if (!got) {
        m_cv.notify_all(); // readers held back by this writer may go
        return false;
    }
    m_writer.store(this_thread::uid(), std::memory_order_relaxed);
    trace::record(EventKind::Acquired, id(), kWrite, quint32(m_readers));
    return true;
}

void ReadWriteLock::releaseWrite()
{
    sched::point(id(), Op::Release);
    std::lock_guard lock(m_mutex);
    if (m_writer.load(std::memory_order_relaxed) != this_thread::uid())
        throw RuntimeError("cannot release un-acquired lock");
    m_writer.store(0, std::memory_order_relaxed);
    trace::record(EventKind::Released, id(), kWrite, 0);
    m_cv.notify_all();
}

int ReadWriteLock::readers() const
{
    std::lock_guard lock(m_mutex);
    return m_readers;
}

bool ReadWriteLock::writing() const
{
    return m_writer.load(std::memory_order_relaxed) != 0;
}

} // namespace clab
