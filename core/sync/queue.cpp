#include "queue.h"

#include "threads/errors.h"

namespace clab {

namespace {
Deadline queueDeadline(bool block, Timeout timeout)
{
    if (!block)
        return Deadline::after(0.0);
    if (timeout && *timeout < 0)
        throw ValueError("'timeout' must be a non-negative number");
    return Deadline::after(timeout);
}
} // namespace

QueueCore::QueueCore(int maxsize, const QString &name)
    : Instrumented(ObjectKind::Queue, name, maxsize > 0 ? maxsize : 0)
    , m_maxsize(maxsize > 0 ? maxsize : 0)
{
}

int QueueCore::qsize() const
{
    std::lock_guard lock(m_mutex);
    return m_size;
}

bool QueueCore::empty() const
{
    std::lock_guard lock(m_mutex);
    return m_size == 0;
}

bool QueueCore::full() const
{
    std::lock_guard lock(m_mutex);
    return isFullLocked();
}

qint64 QueueCore::beginPut(std::unique_lock<std::mutex> &lock, bool block, Timeout timeout)
{
    sched::point(id(), Op::Put);
    WaitSpec spec;
    spec.object = id();
    spec.reason = WaitReason::Queue;
    // As in Python, only a bounded queue looks at put's timeout: an
    // unbounded put never waits, so a negative timeout is no error there.
    spec.deadline = m_maxsize > 0 ? queueDeadline(block, timeout) : Deadline::after(0.0);
    if (!sched::wait(lock, m_notFull, [this] { return !isFullLocked(); }, spec))
        throw QueueFull();
    return m_nextItem++;
}

void QueueCore::endPut(qint64 item)
{
    ++m_size;
    ++m_unfinished;
    trace::record(EventKind::Put, id(), item, quint32(m_size));
    m_notEmpty.notify_one();
}

void QueueCore::beginGet(std::unique_lock<std::mutex> &lock, bool block, Timeout timeout)
{
    sched::point(id(), Op::Get);
    WaitSpec spec;
    spec.object = id();
    spec.reason = WaitReason::Queue;
    spec.deadline = queueDeadline(block, timeout);
    if (!sched::wait(lock, m_notEmpty, [this] { return m_size > 0; }, spec))
        throw QueueEmpty();
}

void QueueCore::endGet(qint64 item)
{
    --m_size;
    trace::record(EventKind::Get, id(), item, quint32(m_size));
    m_notFull.notify_one();
}

void QueueCore::taskDone()
{
    sched::point(id(), Op::TaskDone);
    std::lock_guard lock(m_mutex);
    if (m_unfinished <= 0)
        throw ValueError("task_done() called too many times");
    --m_unfinished;
    trace::record(EventKind::TaskDone, id(), 0, quint32(m_unfinished));
    if (m_unfinished == 0)
        m_allDone.notify_all();
}

void QueueCore::join(Timeout timeout)
{
    sched::point(id(), Op::Join);
    WaitSpec spec;
    spec.object = id();
    spec.reason = WaitReason::Queue;
    spec.deadline = Deadline::after(timeout);
    std::unique_lock lock(m_mutex);
    sched::wait(lock, m_allDone, [this] { return m_unfinished == 0; }, spec);
}

} // namespace clab
