#include "condition.h"

#include "threads/errors.h"

#include <algorithm>
#include <climits>
#include <exception>

namespace clab {

namespace {
ObjectId lockIdOf(ConditionLockable *lock)
{
    return lock ? lock->lockId() : 0;
}
} // namespace

Condition::Condition(ConditionLockable *lock, const QString &name)
    : Instrumented(ObjectKind::Condition, name, 0, lockIdOf(lock))
    , m_ownLock(lock ? nullptr : std::make_unique<RLock>(this->name() + QStringLiteral(".lock")))
    , m_lock(lock ? lock : m_ownLock.get())
{
}

Condition::~Condition() = default;

void Condition::unlock()
{
    if (std::uncaught_exceptions() > 0 && !m_lock->isOwnedByCurrentThread())
        return;
    release();
}

void Condition::forget(Waiter *waiter)
{
    std::lock_guard lock(m_mutex);
    m_waiters.erase(std::remove(m_waiters.begin(), m_waiters.end(), waiter), m_waiters.end());
}

bool Condition::wait(Timeout timeout)
{
    sched::point(id(), Op::Wait);
    if (!m_lock->isOwnedByCurrentThread())
        throw RuntimeError("cannot wait on un-acquired lock");
    Waiter waiter;
    {
        std::lock_guard lock(m_mutex);
        m_waiters.push_back(&waiter);
    }
    const int saved = m_lock->releaseAll();
    bool notified = false;
    try {
        WaitSpec spec;
        spec.object = id();
        spec.reason = WaitReason::Condition;
        spec.deadline = Deadline::after(timeout);
        std::unique_lock lock(m_mutex);
        notified = sched::wait(lock, m_cv, [&waiter] { return waiter.notified; }, spec);
        if (!notified) // still under the mutex, so no notify can pick it meanwhile
            m_waiters.erase(std::remove(m_waiters.begin(), m_waiters.end(), &waiter), m_waiters.end());
    } catch (const RunCancelled &) {
        forget(&waiter);
        try {
            m_lock->reacquire(saved);
        } catch (const RunCancelled &) {
            // Not taken back: the caller's guard sees it is not the owner.
        }
        throw;
    }
    m_lock->reacquire(saved);
    return notified;
}

void Condition::notify(int n)
{
    sched::point(id(), Op::Notify);
    if (!m_lock->isOwnedByCurrentThread())
        throw RuntimeError("cannot notify on un-acquired lock");
    std::lock_guard lock(m_mutex);
    int woken = 0;
    while (woken < n && !m_waiters.empty()) {
        m_waiters.front()->notified = true;
        m_waiters.pop_front();
        ++woken;
    }
    trace::record(EventKind::Notify, id(), woken);
    if (woken > 0)
        m_cv.notify_all();
}

void Condition::notifyAll()
{
    notify(INT_MAX);
}

} // namespace clab
