#pragma once

#include "errors.h"
#include "schedpoint.h"
#include "stateref.h"
#include "timeout.h"

#include <atomic>
#include <condition_variable>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <type_traits>
#include <variant>
#include <vector>

namespace clab {

// The part of a future that does not depend on its value type. Its status is
// an atomic, so finishing a task and reading a finished result take no lock.
// Waiters and callbacks use a mutex and condition shared by a stripe of
// futures, so a future carries no mutex of its own: a pool creates one per
// task, and most are never waited on.
//
// It counts its own references (StateRef), so a pool hands out the future
// and keeps its own reference without an atomic operation per submit.
class FutureState
{
public:
    enum class Status : quint8 { Pending, Running, Cancelled, Finished };

    FutureState(ObjectId pool, qint64 task) : m_pool(pool), m_task(task) {}
    virtual ~FutureState() = default;
    FutureState(const FutureState &) = delete;
    FutureState &operator=(const FutureState &) = delete;

    void ref() const noexcept { m_references.fetch_add(1, std::memory_order_relaxed); }
    void deref() const noexcept
    {
        if (m_references.fetch_sub(1, std::memory_order_acq_rel) == 1)
            delete this;
    }

    // Runs the task and finishes the future; overridden by pool tasks.
    virtual void run() {}

    ObjectId pool() const { return m_pool; }
    qint64 task() const { return m_task; }

    bool cancel();
    bool cancelled() const { return status() == Status::Cancelled; }
    bool running() const { return status() == Status::Running; }
    bool done() const
    {
        const Status s = status();
        return s == Status::Cancelled || s == Status::Finished;
    }

    // The worker calls this before running the task: false means it was
    // cancelled and must not run (Python's set_running_or_notify_cancel).
    bool setRunningOrNotifyCancel();
    // Call once, after the value (if any) is stored.
    void finish(std::exception_ptr error);

    // Waits until done. TimeoutError on timeout; CancelledError if cancelled.
    void waitDone(Timeout timeout);
    // What the task raised; only meaningful once done() is true.
    std::exception_ptr error() const { return done() ? m_error : nullptr; }

    void addDoneCallback(std::function<void()> callback);

private:
    friend class ThreadPoolExecutor;

    Status status() const { return m_status.load(std::memory_order_seq_cst); }
    void notifyWatchers();

    const ObjectId m_pool;
    qint64 m_task; // a pool numbers its tasks as it queues them
    mutable std::atomic<int> m_references{1};
    std::atomic<Status> m_status{Status::Pending};
    // Set (before looking at the status) by anyone who waits or adds a
    // callback; tells notifyWatchers() it must take the mutex and notify.
    std::atomic<bool> m_watched{false};
    std::exception_ptr m_error;   // written before the status becomes Finished
    // Guarded by the stripe's mutex; made by the first add_done_callback, as
    // most futures never get one.
    std::unique_ptr<std::vector<std::function<void()>>> m_callbacks;
};

template <class T>
using StoredValue = std::conditional_t<std::is_void_v<T>, std::monostate, T>;

template <class T>
struct FutureData : FutureState {
    using FutureState::FutureState;
    std::optional<StoredValue<T>> value; // written once, before finish()
};

// concurrent.futures.Future: the eventual result of a submitted task.
template <class T>
class Future
{
public:
    Future() = default;
    explicit Future(StateRef<FutureData<T>> data) : m_data(std::move(data)) {}

    bool isValid() const { return bool(m_data); }
    bool cancel() { return m_data->cancel(); }
    bool cancelled() const { return m_data->cancelled(); }
    bool running() const { return m_data->running(); }
    bool done() const { return m_data->done(); }
    qint64 taskId() const { return m_data->task(); }

    // The task's value; rethrows what the task raised. TimeoutError if not
    // done within `timeout`, CancelledError if it was cancelled.
    T result(Timeout timeout = {}) const
    {
        sched::point(m_data->pool(), Op::Result);
        m_data->waitDone(timeout);
        trace::record(EventKind::ResultTaken, m_data->pool(), m_data->task());
        if (auto error = m_data->error())
            std::rethrow_exception(error);
        if constexpr (!std::is_void_v<T>)
            return *m_data->value;
    }

    // What the task raised, or null when it returned normally.
    std::exception_ptr exception(Timeout timeout = {}) const
    {
        sched::point(m_data->pool(), Op::Result);
        m_data->waitDone(timeout);
        return m_data->error();
    }

    // Called with the future once it is done (at once if it already is),
    // on the thread that completed it.
    void addDoneCallback(std::function<void(const Future<T> &)> callback)
    {
        Future<T> self = *this;
        m_data->addDoneCallback([self, callback = std::move(callback)] { callback(self); });
    }

private:
    StateRef<FutureData<T>> m_data;
};

} // namespace clab
