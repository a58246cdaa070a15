#pragma once

#include "threads/errors.h"
#include "threads/stateref.h"
#include "trace/traceevent.h"

#include <QString>
#include <QStringList>
#include <coroutine>
#include <exception>
#include <functional>
#include <memory>
#include <optional>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

namespace clab::coro {

class EventLoop;
struct TaskBase;

// asyncio.CancelledError: thrown at the await point of a cancelled task.
struct CancelledError : PythonError {
    CancelledError() : PythonError("asyncio.CancelledError", "the task was cancelled") {}
};

// A resumable point: a suspended coroutine and the task it runs in.
struct Resumption {
    std::coroutine_handle<> handle;
    TaskBase *task = nullptr;
};

// Called when a task finishes (add_done_callback, gather, awaiting tasks).
struct DoneHook {
    void (*fn)(void *context, TaskBase *task);
    void *context;
};

// What every top-level task (asyncio.Task) shares, whatever its result
// type. Kept small: a million of them must fit in a few hundred MB, so
// what few tasks use (a custom name, the report of an exception nobody
// retrieved, a second waiter) lives outside it.
//
// A task belongs to its loop's thread: its reference count is a plain
// integer, as the loop and every TaskRef to it live on that thread.
struct TaskBase {
    TaskBase();
    TaskBase(const TaskBase &) = delete;
    TaskBase &operator=(const TaskBase &) = delete;
    virtual ~TaskBase();

    EventLoop *loop = nullptr;
    std::exception_ptr error;
    // While suspended: undoes the wait (leave a queue's waiters, drop a
    // timer) and reschedules the task, so cancel() takes effect at once.
    void (*canceller)(void *context, TaskBase *task) = nullptr;
    void *cancellerContext = nullptr;
    TaskBase *prevLive = nullptr;  // the loop's list of unfinished tasks
    TaskBase *nextLive = nullptr;
    quint64 number = 0;            // Task-<number>, as asyncio names them
    ActorId actor = 0;             // its lane, when the run is recorded
    ObjectId waitingOn = 0;        // for the deadlock report
    quint32 references = 0;        // TaskRefs, plus the loop's while it runs
    WaitReason waitReason = WaitReason::Future;
    bool started = false;
    bool done = false;
    bool cancelled = false;        // finished by CancelledError
    bool cancelRequested = false;  // cancel() was called; raised at the next await
    bool retrieved = false;        // someone looked at the result or exception

    QString name() const;
    void setName(const QString &name);
    void setCanceller(void (*fn)(void *, TaskBase *), void *context)
    {
        canceller = fn;
        cancellerContext = context;
    }
    void clearCanceller() { canceller = nullptr; }
    // Requests cancellation; false if already done (asyncio's Task.cancel()).
    bool cancel();
    // Raises CancelledError if cancellation was requested (await_resume calls it).
    void throwIfCancelled();
    // Runs when the coroutine returns or raises.
    virtual void finish(std::exception_ptr error) = 0;

    // Done hooks run once, in the order added, when the task finishes.
    void addDoneHook(DoneHook hook);
    void removeDoneHook(void *context);
    // Runs the hooks and forgets them (the loop calls it as the task finishes).
    void runDoneHooks();
    // Where an exception nobody retrieved is reported when the task goes
    // away (asyncio: "Task exception was never retrieved").
    void setUnretrievedSink(std::shared_ptr<QStringList> sink);

    void ref() { ++references; }
    void deref()
    {
        if (--references == 0)
            delete this;
    }

private:
    // Most tasks have one waiter at most: it is kept inline, and only more
    // of them cost an allocation.
    DoneHook m_firstHook{nullptr, nullptr};
    struct Extras;
    std::unique_ptr<Extras> m_extras;
    Extras &extras();
};

template <class T>
using Stored = std::conditional_t<std::is_void_v<T>, std::monostate, T>;

// A coroutine (async def). Lazy: it runs when awaited, or when handed to
// EventLoop::createTask. Awaiting it runs it inside the awaiting task, as
// awaiting a coroutine does in asyncio.
//
// Write coroutines as functions, or lambdas without captures that take what
// they use as parameters: parameters are copied into the coroutine's frame,
// while a capturing lambda's captures die with the temporary lambda before
// the coroutine resumes.
template <class T = void>
class [[nodiscard]] Task
{
public:
    struct promise_type;
    using Handle = std::coroutine_handle<promise_type>;

    struct FinalAwaiter {
        bool await_ready() const noexcept { return false; }
        std::coroutine_handle<> await_suspend(Handle h) noexcept
        {
            promise_type &p = h.promise();
            if (p.continuation)
                return p.continuation;
            if (p.owner)
                p.owner->finish(p.error);
            return std::noop_coroutine();
        }
        void await_resume() const noexcept {}
    };

    // A coroutine starts when first resumed; if its task was cancelled
    // before that, it raises CancelledError before running any of its body.
    struct InitialAwaiter {
        bool await_ready() const noexcept { return false; }
        void await_suspend(std::coroutine_handle<>) const noexcept {}
        void await_resume() const;
    };

    struct PromiseBase {
        std::coroutine_handle<> continuation;  // who awaits this coroutine
        TaskBase *owner = nullptr;             // set for a task's top coroutine
        std::exception_ptr error;
        InitialAwaiter initial_suspend() noexcept { return {}; }
        FinalAwaiter final_suspend() noexcept { return {}; }
        void unhandled_exception() { error = std::current_exception(); }
    };

    struct ValuePromise : PromiseBase {
        std::optional<T> value;
        template <class U>
        void return_value(U &&v) { value.emplace(std::forward<U>(v)); }
    };
    struct VoidPromise : PromiseBase {
        void return_void() {}
    };

    struct promise_type : std::conditional_t<std::is_void_v<T>, VoidPromise, ValuePromise> {
        Task get_return_object() { return Task(Handle::from_promise(*this)); }
    };

    Task() = default;
    explicit Task(Handle h) : m_handle(h) {}
    Task(Task &&other) noexcept : m_handle(std::exchange(other.m_handle, {})) {}
    Task &operator=(Task &&other) noexcept
    {
        if (this != &other) {
            destroy();
            m_handle = std::exchange(other.m_handle, {});
        }
        return *this;
    }
    Task(const Task &) = delete;
    Task &operator=(const Task &) = delete;
    ~Task() { destroy(); }

    bool isValid() const { return bool(m_handle); }
    Handle handle() const { return m_handle; }
    // Gives up ownership of the frame; the caller destroys it.
    std::coroutine_handle<> release() { return std::exchange(m_handle, {}); }
    bool finished() const { return m_handle && m_handle.done(); }

    // The result of a finished coroutine; rethrows what it raised.
    T takeResult()
    {
        promise_type &p = m_handle.promise();
        if (p.error)
            std::rethrow_exception(p.error);
        if constexpr (!std::is_void_v<T>)
            return std::move(*p.value);
    }
    std::exception_ptr error() const { return m_handle.promise().error; }

    // `co_await coroutine()`: runs it now, inside the awaiting task.
    auto operator co_await() &&
    {
        struct Awaiter {
            Handle handle;
            bool await_ready() const noexcept { return !handle || handle.done(); }
            std::coroutine_handle<> await_suspend(std::coroutine_handle<> awaiting) noexcept
            {
                handle.promise().continuation = awaiting;
                return handle;
            }
            T await_resume()
            {
                promise_type &p = handle.promise();
                if (p.error)
                    std::rethrow_exception(p.error);
                if constexpr (!std::is_void_v<T>)
                    return std::move(*p.value);
            }
        };
        return Awaiter{m_handle};
    }

private:
    void destroy()
    {
        if (m_handle) {
            m_handle.destroy();
            m_handle = {};
        }
    }
    Handle m_handle;
};

// A task scheduled on the loop, with its coroutine and result.
template <class T>
struct TaskState final : TaskBase {
    Task<T> coroutine;               // released (and destroyed) once it finishes
    std::optional<Stored<T>> value;  // moved out of the frame when it returns
    void finish(std::exception_ptr e) override;
};

// asyncio.Task: a handle to a scheduled task. Awaiting it waits for the
// task to finish and returns its result (or raises what it raised).
template <class T = void>
class TaskRef
{
public:
    TaskRef() = default;
    // Takes a reference to `state`.
    explicit TaskRef(TaskState<T> *state) : m_state(StateRef<TaskState<T>>::share(state)) {}

    bool isValid() const { return bool(m_state); }
    bool done() const { return m_state->done; }
    bool cancelled() const { return m_state->cancelled; }
    bool cancel() { return m_state->cancel(); }
    QString name() const { return m_state->name(); }
    ActorId actor() const { return m_state->actor; }

    // Task.result(): the value of a finished task. InvalidStateError if not
    // done, CancelledError if it was cancelled, or what it raised.
    T result() const
    {
        if (!m_state->done)
            throw PythonError("asyncio.InvalidStateError", "Result is not set.");
        m_state->retrieved = true;
        if (m_state->cancelled)
            throw CancelledError();
        if (m_state->error)
            std::rethrow_exception(m_state->error);
        if constexpr (!std::is_void_v<T>)
            return *m_state->value;
    }
    // Task.exception(): what it raised, or null.
    std::exception_ptr exception() const
    {
        m_state->retrieved = true;
        return m_state->cancelled ? nullptr : m_state->error;
    }

    auto operator co_await() const;

    TaskBase *base() const { return m_state.get(); }
    TaskState<T> *state() const { return m_state.get(); }

private:
    StateRef<TaskState<T>> m_state;
};

} // namespace clab::coro
