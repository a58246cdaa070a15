#include "future.h"

namespace clab {

bool FutureState::cancel()
{
    std::unique_lock lock(m_mutex);
    if (m_status == Status::Running || m_status == Status::Finished)
        return false;
    if (m_status == Status::Cancelled)
        return true;
    m_status = Status::Cancelled;
    trace::record(EventKind::TaskCancelled, m_pool, m_task);
    m_changed.notify_all();
    runCallbacks(lock);
    return true;
}

bool FutureState::cancelled() const
{
    std::lock_guard lock(m_mutex);
    return m_status == Status::Cancelled;
}

bool FutureState::running() const
{
    std::lock_guard lock(m_mutex);
    return m_status == Status::Running;
}

bool FutureState::done() const
{
    std::lock_guard lock(m_mutex);
    return m_status == Status::Cancelled || m_status == Status::Finished;
}

bool FutureState::setRunningOrNotifyCancel()
{
    std::lock_guard lock(m_mutex);
    if (m_status == Status::Cancelled)
        return false;
    m_status = Status::Running;
    return true;
}

void FutureState::finish(std::exception_ptr error)
{
    std::unique_lock lock(m_mutex);
    m_error = std::move(error);
    m_status = Status::Finished;
    m_changed.notify_all();
    runCallbacks(lock);
}

void FutureState::runCallbacks(std::unique_lock<std::mutex> &lock)
{
    std::vector<std::function<void()>> callbacks = std::move(m_callbacks);
    m_callbacks.clear();
    lock.unlock();
    for (auto &callback : callbacks) {
        try {
            callback();
        } catch (...) {
            // Python logs and ignores exceptions raised by done callbacks.
        }
    }
}

void FutureState::waitDone(Timeout timeout)
{
    WaitSpec spec;
    spec.object = m_pool;
    spec.reason = WaitReason::Future;
    spec.deadline = Deadline::after(timeout);
    std::unique_lock lock(m_mutex);
    const bool done = sched::wait(lock, m_changed, [this] {
        return m_status == Status::Cancelled || m_status == Status::Finished;
    }, spec);
    if (!done)
        throw TimeoutError();
    if (m_status == Status::Cancelled)
        throw CancelledError();
}

std::exception_ptr FutureState::error() const
{
    std::lock_guard lock(m_mutex);
    return m_error;
}

void FutureState::addDoneCallback(std::function<void()> callback)
{
    std::unique_lock lock(m_mutex);
    if (m_status == Status::Cancelled || m_status == Status::Finished) {
        lock.unlock();
        try {
            callback();
        } catch (...) {
        }
        return;
    }
    m_callbacks.push_back(std::move(callback));
}

} // namespace clab
