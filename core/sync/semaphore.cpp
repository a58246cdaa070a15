#include "semaphore.h"

#include "threads/errors.h"

namespace clab {

namespace {
int checkedInitial(int value)
{
    if (value < 0)
        throw ValueError("semaphore initial value must be >= 0");
    return value;
}

// threading.Semaphore.acquire's own argument rules, not Lock's: any timeout
// with blocking=False is an error (with its own message), and a negative
// timeout, -1 included, does not wait at all.
Deadline semaphoreDeadline(bool blocking, Timeout timeout)
{
    if (!blocking) {
        if (timeout)
            throw ValueError("can't specify timeout for non-blocking acquire");
        return Deadline::after(0.0);
    }
    return Deadline::after(timeout); // negative: clamped to 0
}
} // namespace

Semaphore::Semaphore(int value, const QString &name)
    : Semaphore(ObjectKind::Semaphore, value, name, false)
{
}

Semaphore::Semaphore(ObjectKind kind, int value, const QString &name, bool bounded)
    : Instrumented(kind, name, checkedInitial(value))
    , m_value(value)
    , m_initial(value)
    , m_bounded(bounded)
{
}

bool Semaphore::acquire(bool blocking, Timeout timeout)
{
    sched::point(id(), Op::Acquire);
    WaitSpec spec;
    spec.object = id();
    spec.reason = WaitReason::Semaphore;
    spec.deadline = semaphoreDeadline(blocking, timeout);
    std::unique_lock lock(m_mutex);
    if (!sched::wait(lock, m_cv, [this] { return m_value > 0; }, spec))
        return false;
    --m_value;
    trace::record(EventKind::Acquired, id(), 1, quint32(m_value));
    return true;
}

void Semaphore::release(int n)
{
    sched::point(id(), Op::Release);
    if (n < 1)
        throw ValueError("n must be one or more");
    std::lock_guard lock(m_mutex);
    if (m_bounded && m_value + n > m_initial)
        throw ValueError("Semaphore released too many times");
    m_value += n;
    trace::record(EventKind::Released, id(), n, quint32(m_value));
    if (n == 1)
        m_cv.notify_one();
    else
        m_cv.notify_all();
}

int Semaphore::value() const
{
    std::lock_guard lock(m_mutex);
    return m_value;
}

BoundedSemaphore::BoundedSemaphore(int value, const QString &name)
    : Semaphore(ObjectKind::BoundedSemaphore, value, name, true)
{
}

} // namespace clab
