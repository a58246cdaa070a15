#include "callstate.h"

#include "threads/errors.h"
#include "threads/schedpoint.h"

namespace clab::process {

bool CallState::done() const
{
    std::lock_guard lock(m_mutex);
    return m_done;
}

CallResult CallState::result() const
{
    std::lock_guard lock(m_mutex);
    return m_result;
}

CallResult CallState::wait(Timeout timeout)
{
    WaitSpec spec;
    spec.object = m_pool;
    spec.reason = WaitReason::Future;
    spec.deadline = Deadline::after(timeout);
    std::unique_lock lock(m_mutex);
    if (!sched::wait(lock, m_cv, [this] { return m_done; }, spec))
        throw TimeoutError();
    return m_result;
}

void CallState::complete(CallResult result)
{
    std::function<void(const CallResult &)> callback;
    {
        std::lock_guard lock(m_mutex);
        if (m_done)
            return;
        m_done = true;
        m_result = std::move(result);
        callback = onDone;
    }
    // Outside the lock, or the waiter wakes only to block on it again. The
    // caller of complete() holds a reference, so the state outlives this.
    m_cv.notify_all();
    if (callback)
        callback(m_result);
}

} // namespace clab::process
