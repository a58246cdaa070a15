#pragma once

#include "task.h"

#include "trace/recorder.h"

#include <QStringList>
#include <deque>
#include <queue>
#include <unordered_map>
#include <vector>

namespace clab::coro {

// The loop found every task waiting with nothing left that could wake any
// of them. asyncio would hang; here the run reports it and ends.
struct EventLoopDeadlock : PythonError {
    explicit EventLoopDeadlock(const std::string &m) : PythonError("RuntimeError", m) {}
};

// A single-threaded event loop running C++20 coroutines, in the shape of
// asyncio's: a FIFO of ready coroutines, a heap of timers, and epoll for
// sockets. Each task is an actor of the trace: running (on the loop's
// thread), ready (queued), or suspended on what it awaits, and the trace
// records who woke whom.
class EventLoop
{
public:
    EventLoop();
    ~EventLoop();
    EventLoop(const EventLoop &) = delete;
    EventLoop &operator=(const EventLoop &) = delete;

    // The loop running on the calling thread, or null.
    static EventLoop *current();
    TaskBase *currentTask() const { return m_current; }

    // asyncio.run: runs `main` as a task until it finishes, then cancels
    // what is left and waits for it. Rethrows what main raised;
    // EventLoopDeadlock if everything waits forever.
    template <class T>
    T run(Task<T> main);

    // asyncio.create_task: schedules the coroutine as a task of its own.
    template <class T>
    TaskRef<T> createTask(Task<T> coroutine, const QString &name = {});

    // --- used by awaitables ---
    // Queues a coroutine to resume; recorded as Ready for its task unless
    // `recorded` (the end of its wait already said it is ready).
    void schedule(const Resumption &r, bool recorded = false);
    // Ends `task`'s wait on `object` and schedules it (WaitEnd + Ready are
    // recorded for it, by the loop, so the trace shows who woke it).
    void wake(const Resumption &r, ObjectId object, WaitOutcome outcome = WaitOutcome::Satisfied);
    // Records the suspension of the current task on `object`.
    void noteWait(WaitReason reason, ObjectId object, quint32 awaitedActor = 0);

    using TimerId = quint64;
    TimerId addTimer(qint64 deadlineNs, void (*fire)(void *), void *context);
    void cancelTimer(TimerId id);
    // Resumes `r` once `fd` is readable (or writable).
    void watchFd(int fd, bool forWrite, const Resumption &r);
    void unwatchFd(int fd, bool forWrite);

    static qint64 nowNs();

    // Tasks that raised and whose exception nobody retrieved, reported when
    // run() ends ("Task exception was never retrieved").
    QStringList unretrievedErrors() const { return m_unretrieved; }
    // What the deadlock report said, if there was one.
    QString deadlockReport() const { return m_deadlockReport; }
    quint64 resumes() const { return m_resumes; }
    int liveTasks() const { return m_liveCount; }
    int peakReady() const { return m_peakReady; }
    ActorId threadActor() const { return m_threadActor; }

    // Task bookkeeping, for TaskState. The frame is destroyed once the
    // resume that finished it has returned: a finished task's locals (a
    // socket, a lock guard) go away at once, as in asyncio.
    void taskFinished(TaskBase *task, std::coroutine_handle<> frame);

private:
    template <class T>
    friend struct TaskState;

    void adopt(TaskBase *task, const QString &name);
    void runUntil(TaskBase *main);
    void resume(const Resumption &r);
    bool fireDueTimers();
    void pollIo(qint64 timeoutNs);
    [[noreturn]] void failDeadlock();
    void cancelAllAndDrain();
    void releaseFinished();

    struct Timer {
        qint64 deadline;
        TimerId id;
        bool operator>(const Timer &o) const { return deadline != o.deadline ? deadline > o.deadline : id > o.id; }
    };
    struct TimerAction {
        void (*fire)(void *);
        void *context;
    };
    struct FdWatch {
        Resumption reader;
        Resumption writer;
    };

    EventLoop *m_previous;
    TaskBase *m_current = nullptr;
    std::deque<Resumption> m_ready;
    std::priority_queue<Timer, std::vector<Timer>, std::greater<>> m_timers;
    std::unordered_map<TimerId, TimerAction> m_timerActions;
    TimerId m_nextTimer = 1;
    int m_epoll = -1;
    std::unordered_map<int, FdWatch> m_fds;
    bool m_draining = false;      // cancelling what is left: no more cancel checks
    TaskBase *m_live = nullptr;   // unfinished tasks, for the deadlock report
    int m_liveCount = 0;
    quint64 m_nextTaskNumber = 1;
    quint64 m_resumes = 0;
    int m_peakReady = 0;
    ActorId m_threadActor = 0;
    std::vector<TaskBase *> m_finished; // the loop's references, dropped after the resume returns
    std::vector<std::coroutine_handle<>> m_finishedFrames;
    std::shared_ptr<QStringList> m_unretrievedSink = std::make_shared<QStringList>();
    QStringList m_unretrieved;
    QString m_deadlockReport;
};

// --- templates ---

template <class T>
void Task<T>::InitialAwaiter::await_resume() const
{
    if (EventLoop *loop = EventLoop::current()) {
        if (TaskBase *task = loop->currentTask())
            task->throwIfCancelled();
    }
}

template <class T>
void TaskState<T>::finish(std::exception_ptr e)
{
    if (e) {
        try {
            std::rethrow_exception(e);
        } catch (const CancelledError &) {
            cancelled = true;
        } catch (...) {
            error = e;
        }
    } else if constexpr (std::is_void_v<T>) {
        value.emplace();
    } else {
        value.emplace(std::move(*coroutine.handle().promise().value));
    }
    done = true;
    loop->taskFinished(this, coroutine.release());
}

template <class T>
TaskRef<T> EventLoop::createTask(Task<T> coroutine, const QString &name)
{
    auto *state = new TaskState<T>();
    state->coroutine = std::move(coroutine);
    state->coroutine.handle().promise().owner = state;
    state->ref(); // the loop's, dropped once the task has finished
    adopt(state, name);
    schedule({state->coroutine.handle(), state});
    return TaskRef<T>(state);
}

template <class T>
T EventLoop::run(Task<T> main)
{
    TaskRef<T> task = createTask(std::move(main));
    runUntil(task.base());
    cancelAllAndDrain();
    return task.result();
}

template <class T>
auto TaskRef<T>::operator co_await() const
{
    struct Awaiter {
        TaskRef<T> task;
        Resumption self;
        bool await_ready() const noexcept { return task.done(); }
        void await_suspend(std::coroutine_handle<> h)
        {
            EventLoop *loop = EventLoop::current();
            self = {h, loop->currentTask()};
            task.base()->addDoneHook({[](void *context, TaskBase *) {
                auto *me = static_cast<Awaiter *>(context);
                me->self.task->clearCanceller();
                me->self.task->loop->wake(me->self, 0);
            }, this});
            self.task->setCanceller([](void *context, TaskBase *task) {
                auto *me = static_cast<Awaiter *>(context);
                me->task.base()->removeDoneHook(me);
                task->loop->wake(me->self, 0);
            }, this);
            loop->noteWait(WaitReason::Join, 0, task.actor());
        }
        T await_resume()
        {
            if (self.task)
                self.task->throwIfCancelled();
            return task.result();
        }
    };
    return Awaiter{*this, {}};
}

} // namespace clab::coro
