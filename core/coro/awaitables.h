#pragma once

#include "loop.h"

#include <chrono>
#include <memory>
#include <vector>

namespace clab::coro {

// asyncio.sleep(seconds). sleep(0) only yields to the other ready tasks.
class [[nodiscard]] Sleep
{
public:
    explicit Sleep(double seconds) : m_ns(qint64(std::max(0.0, seconds) * 1e9)) {}

    bool await_ready() const noexcept { return false; }
    void await_suspend(std::coroutine_handle<> h)
    {
        EventLoop *loop = EventLoop::current();
        m_self = {h, loop->currentTask()};
        if (m_ns == 0) {
            loop->schedule(m_self);
            return;
        }
        trace::record(EventKind::SleepBegin, 0, m_ns);
        m_timer = loop->addTimer(EventLoop::nowNs() + m_ns, [](void *context) {
            auto *me = static_cast<Sleep *>(context);
            if (me->m_self.task) {
                me->m_self.task->clearCanceller();
                if (me->m_self.task->actor)
                    trace::recordAs(me->m_self.task->actor, EventKind::SleepEnd, 0, 0, 0, kFlagToReady);
            }
            EventLoop::current()->schedule(me->m_self, true);
        }, this);
        if (m_self.task) {
            m_self.task->setCanceller([](void *context, TaskBase *task) {
                auto *me = static_cast<Sleep *>(context);
                task->loop->cancelTimer(me->m_timer);
                if (task->actor)
                    trace::recordAs(task->actor, EventKind::SleepEnd, 0, 0, 0, kFlagToReady);
                task->loop->schedule(me->m_self, true);
            }, this);
        }
    }
    void await_resume()
    {
        if (m_self.task)
            m_self.task->throwIfCancelled();
    }

private:
    qint64 m_ns;
    Resumption m_self;
    EventLoop::TimerId m_timer = 0;
};

inline Sleep sleep(double seconds)
{
    return Sleep(seconds);
}

// The outcome of one task in gather(..., return_exceptions=True).
template <class T>
struct Outcome {
    std::optional<Stored<T>> value;
    std::exception_ptr error;
    bool ok() const { return !error; }
};

namespace detail {

// Waits for a set of tasks: all of them, or (stopOnError) until the first
// one fails. Cancelling the waiter cancels the tasks, as cancelling a
// gather does.
class [[nodiscard]] WaitTasks
{
public:
    WaitTasks(std::vector<TaskBase *> tasks, bool stopOnError)
        : m_tasks(std::move(tasks)), m_stopOnError(stopOnError) {}

    bool await_ready()
    {
        for (TaskBase *t : m_tasks) {
            if (!t->done)
                ++m_pending;
            else if (m_stopOnError && (t->error || t->cancelled))
                return true;
        }
        return m_pending == 0;
    }
    void await_suspend(std::coroutine_handle<> h)
    {
        EventLoop *loop = EventLoop::current();
        m_self = {h, loop->currentTask()};
        for (TaskBase *t : m_tasks) {
            if (!t->done)
                t->addDoneHook({&WaitTasks::onDone, this});
        }
        if (m_self.task) {
            m_self.task->setCanceller([](void *context, TaskBase *task) {
                auto *me = static_cast<WaitTasks *>(context);
                me->detach();
                for (TaskBase *t : me->m_tasks)
                    t->cancel();
                task->loop->wake(me->m_self, 0, WaitOutcome::Cancelled);
            }, this);
        }
        loop->noteWait(WaitReason::Future, 0);
    }
    void await_resume()
    {
        if (m_self.task)
            m_self.task->throwIfCancelled();
    }

private:
    static void onDone(void *context, TaskBase *task)
    {
        auto *me = static_cast<WaitTasks *>(context);
        if (me->m_woken)
            return;
        --me->m_pending;
        if (me->m_pending == 0 || (me->m_stopOnError && (task->error || task->cancelled))) {
            me->m_woken = true;
            me->detach();
            if (me->m_self.task)
                me->m_self.task->clearCanceller();
            EventLoop::current()->wake(me->m_self, 0);
        }
    }
    void detach()
    {
        for (TaskBase *t : m_tasks)
            t->removeDoneHook(this);
    }

    std::vector<TaskBase *> m_tasks;
    bool m_stopOnError;
    int m_pending = 0;
    bool m_woken = false;
    Resumption m_self;
};

} // namespace detail

// asyncio.gather: runs the coroutines as tasks, concurrently, and returns
// their results in the order given. The first exception raised propagates
// (the other tasks go on running).
template <class T>
Task<std::vector<Stored<T>>> gather(std::vector<Task<T>> coroutines)
{
    EventLoop *loop = EventLoop::current();
    std::vector<TaskRef<T>> tasks;
    std::vector<TaskBase *> bases;
    tasks.reserve(coroutines.size());
    bases.reserve(coroutines.size());
    for (auto &c : coroutines) {
        tasks.push_back(loop->createTask(std::move(c)));
        bases.push_back(tasks.back().base());
    }
    // The frames belong to the tasks now; free the moved-from handles' memory
    // before waiting, as a million of them add up.
    std::vector<Task<T>>().swap(coroutines);
    co_await detail::WaitTasks(bases, true);
    // The first to fail, in time, is the one that raised first.
    for (auto &t : tasks) {
        if (t.done() && (t.exception() || t.cancelled()))
            t.result();
    }
    std::vector<Stored<T>> results;
    results.reserve(tasks.size());
    for (auto &t : tasks) {
        if constexpr (std::is_void_v<T>) {
            t.result();
            results.emplace_back();
        } else {
            results.push_back(t.result());
        }
    }
    co_return results;
}

// gather(..., return_exceptions=True): every outcome, in order; exceptions
// are returned, not raised.
template <class T>
Task<std::vector<Outcome<T>>> gatherReturnExceptions(std::vector<Task<T>> coroutines)
{
    EventLoop *loop = EventLoop::current();
    std::vector<TaskRef<T>> tasks;
    std::vector<TaskBase *> bases;
    for (auto &c : coroutines) {
        tasks.push_back(loop->createTask(std::move(c)));
        bases.push_back(tasks.back().base());
    }
    std::vector<Task<T>>().swap(coroutines);
    co_await detail::WaitTasks(bases, false);
    std::vector<Outcome<T>> out;
    out.reserve(tasks.size());
    for (auto &t : tasks) {
        Outcome<T> o;
        try {
            if constexpr (std::is_void_v<T>) {
                t.result();
                o.value.emplace();
            } else {
                o.value.emplace(t.result());
            }
        } catch (...) {
            o.error = std::current_exception();
        }
        out.push_back(std::move(o));
    }
    co_return out;
}

// asyncio.TimeoutError (TimeoutError since Python 3.11).
struct AsyncTimeoutError : PythonError {
    AsyncTimeoutError() : PythonError("TimeoutError", "the operation timed out") {}
};

// asyncio.wait_for: runs the coroutine as a task; if it is not done within
// `timeout` seconds it is cancelled and TimeoutError is raised.
template <class T>
Task<T> waitFor(Task<T> coroutine, double timeout)
{
    EventLoop *loop = EventLoop::current();
    TaskRef<T> task = loop->createTask(std::move(coroutine));
    struct Expiry {
        TaskBase *task;
        bool fired = false;
        bool expired = false;
    };
    auto expiry = std::make_shared<Expiry>(Expiry{task.base()});
    // The timer's context owns a reference until the timer fires or is
    // cancelled below.
    auto *holder = new std::shared_ptr<Expiry>(expiry);
    const EventLoop::TimerId timer = loop->addTimer(EventLoop::nowNs() + qint64(std::max(0.0, timeout) * 1e9),
        [](void *context) {
            auto *e = static_cast<std::shared_ptr<Expiry> *>(context);
            (*e)->fired = true;
            if (!(*e)->task->done) {
                (*e)->expired = true;
                (*e)->task->cancel();
            }
            delete e;
        }, holder);
    std::exception_ptr failure;
    // Named, not a braced list inside co_await: GCC 12 miscompiles that.
    std::vector<TaskBase *> waited{task.base()};
    try {
        co_await detail::WaitTasks(std::move(waited), false);
    } catch (...) {
        failure = std::current_exception();
    }
    if (!expiry->fired) {
        loop->cancelTimer(timer);
        delete holder;
    }
    if (failure)
        std::rethrow_exception(failure);
    if (expiry->expired && task.cancelled())
        throw AsyncTimeoutError();
    co_return task.result();
}

} // namespace clab::coro
