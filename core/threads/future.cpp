#include "future.h"

namespace clab {

namespace {
struct Stripe {
    std::mutex mutex;
    std::condition_variable changed;
};

Stripe &stripeFor(const void *state)
{
    static Stripe stripes[64];
    return stripes[(reinterpret_cast<quintptr>(state) >> 6) % 64];
}
} // namespace

void FutureState::notifyWatchers()
{
    // seq_cst, like the status change before it and the waiter's store of
    // m_watched: either the waiter sees the new status, or this sees the
    // waiter.
    if (!m_watched.load(std::memory_order_seq_cst))
        return;
    Stripe &stripe = stripeFor(this);
    std::unique_lock lock(stripe.mutex);
    std::unique_ptr<std::vector<std::function<void()>>> callbacks = std::move(m_callbacks);
    // Others on the stripe wake too, see their future is not done, and
    // sleep again.
    stripe.changed.notify_all();
    lock.unlock();
    if (!callbacks)
        return;
    for (auto &callback : *callbacks) {
        try {
            callback();
        } catch (...) {
            // Python logs and ignores exceptions raised by done callbacks.
        }
    }
}

bool FutureState::cancel()
{
    Status expected = Status::Pending;
    if (m_status.compare_exchange_strong(expected, Status::Cancelled, std::memory_order_seq_cst)) {
        trace::record(EventKind::TaskCancelled, m_pool, m_task);
        notifyWatchers();
        return true;
    }
    return expected == Status::Cancelled;
}

bool FutureState::setRunningOrNotifyCancel()
{
    Status expected = Status::Pending;
    return m_status.compare_exchange_strong(expected, Status::Running, std::memory_order_acq_rel);
}

void FutureState::finish(std::exception_ptr error)
{
    m_error = std::move(error);
    m_status.store(Status::Finished, std::memory_order_seq_cst);
    notifyWatchers();
}

void FutureState::waitDone(Timeout timeout)
{
    if (!done()) {
        m_watched.store(true, std::memory_order_seq_cst);
        WaitSpec spec;
        spec.object = m_pool;
        spec.reason = WaitReason::Future;
        spec.deadline = Deadline::after(timeout);
        Stripe &stripe = stripeFor(this);
        std::unique_lock lock(stripe.mutex);
        if (!sched::wait(lock, stripe.changed, [this] { return done(); }, spec))
            throw TimeoutError();
    }
    if (status() == Status::Cancelled)
        throw CancelledError();
}

void FutureState::addDoneCallback(std::function<void()> callback)
{
    m_watched.store(true, std::memory_order_seq_cst);
    {
        std::lock_guard lock(stripeFor(this).mutex);
        if (!done()) {
            if (!m_callbacks)
                m_callbacks = std::make_unique<std::vector<std::function<void()>>>();
            m_callbacks->push_back(std::move(callback));
            return;
        }
    }
    try {
        callback();
    } catch (...) {
    }
}

} // namespace clab
