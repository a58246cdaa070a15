#include "loop.h"

#include "threads/runcontext.h"
#include "threads/schedpoint.h"
#include "trace/clock.h"

#include <cerrno>
#include <sys/epoll.h>
#include <unistd.h>

namespace clab::coro {

namespace {
thread_local EventLoop *t_loop = nullptr;

QString describe(std::exception_ptr e)
{
    try {
        std::rethrow_exception(e);
    } catch (const PythonError &error) {
        return QString::fromStdString(error.describe());
    } catch (const std::exception &error) {
        return QString::fromUtf8(error.what());
    } catch (...) {
        return QStringLiteral("unknown exception");
    }
}
} // namespace

struct TaskBase::Extras {
    QString name;
    std::shared_ptr<QStringList> unretrievedSink;
    std::vector<DoneHook> moreHooks;
};

TaskBase::TaskBase() = default;

TaskBase::~TaskBase()
{
    if (done && error && !retrieved && m_extras && m_extras->unretrievedSink)
        m_extras->unretrievedSink->append(
            QStringLiteral("Task exception was never retrieved: %1: %2").arg(name(), describe(error)));
}

TaskBase::Extras &TaskBase::extras()
{
    if (!m_extras)
        m_extras = std::make_unique<Extras>();
    return *m_extras;
}

QString TaskBase::name() const
{
    return m_extras && !m_extras->name.isEmpty() ? m_extras->name : QStringLiteral("Task-%1").arg(number);
}

void TaskBase::setName(const QString &name)
{
    if (!name.isEmpty() || m_extras)
        extras().name = name;
}

void TaskBase::setUnretrievedSink(std::shared_ptr<QStringList> sink)
{
    extras().unretrievedSink = std::move(sink);
}

void TaskBase::addDoneHook(DoneHook hook)
{
    if (!m_firstHook.fn)
        m_firstHook = hook;
    else
        extras().moreHooks.push_back(hook);
}

void TaskBase::removeDoneHook(void *context)
{
    if (m_firstHook.fn && m_firstHook.context == context) {
        // The next one moves up, so hooks still run in the order added.
        if (m_extras && !m_extras->moreHooks.empty()) {
            m_firstHook = m_extras->moreHooks.front();
            m_extras->moreHooks.erase(m_extras->moreHooks.begin());
        } else {
            m_firstHook = {nullptr, nullptr};
        }
        return;
    }
    if (!m_extras)
        return;
    auto &more = m_extras->moreHooks;
    for (auto it = more.begin(); it != more.end(); ++it) {
        if (it->context == context) {
            more.erase(it);
            return;
        }
    }
}

void TaskBase::runDoneHooks()
{
    if (!m_firstHook.fn)
        return;
    const DoneHook first = std::exchange(m_firstHook, DoneHook{nullptr, nullptr});
    std::vector<DoneHook> more;
    if (m_extras)
        more.swap(m_extras->moreHooks);
    first.fn(first.context, this);
    for (const DoneHook &hook : more)
        hook.fn(hook.context, this);
}

bool TaskBase::cancel()
{
    if (done)
        return false;
    cancelRequested = true;
    if (canceller) {
        auto fn = canceller;
        canceller = nullptr;
        fn(cancellerContext, this);
    }
    return true;
}

void TaskBase::throwIfCancelled()
{
    if (cancelRequested) {
        cancelRequested = false;
        throw CancelledError();
    }
}

EventLoop::EventLoop()
    : m_previous(t_loop)
{
    t_loop = this;
    m_epoll = ::epoll_create1(EPOLL_CLOEXEC);
    if (m_epoll < 0)
        throw RuntimeError("cannot create an epoll instance");
    if (ThreadState *s = this_thread::state())
        m_threadActor = s->actor;
}

EventLoop::~EventLoop()
{
    // Tasks still suspended are destroyed with their coroutine frames.
    while (m_live) {
        TaskBase *task = m_live;
        m_live = task->nextLive;
        task->deref();
    }
    for (std::coroutine_handle<> frame : m_finishedFrames)
        frame.destroy();
    m_finishedFrames.clear();
    releaseFinished();
    ::close(m_epoll);
    t_loop = m_previous;
}

EventLoop *EventLoop::current()
{
    return t_loop;
}

qint64 EventLoop::nowNs()
{
    return Clock::monotonicNs();
}

void EventLoop::adopt(TaskBase *task, const QString &name)
{
    task->loop = this;
    task->number = m_nextTaskNumber++;
    task->setName(name);
    task->nextLive = m_live;
    if (m_live)
        m_live->prevLive = task;
    m_live = task;
    ++m_liveCount;
    // Tasks are lanes only when the run is recorded: registering a million
    // actors would cost more than the tasks themselves.
    if (trace::t_buffer) {
        if (RunContext *run = this_thread::run()) {
            ActorInfo info;
            info.kind = ActorKind::Coroutine;
            info.name = task->name();
            info.parent = m_threadActor;
            task->actor = run->recorder().addActor(info);
            trace::record(EventKind::Spawn, 0, qint64(task->actor));
        }
    }
}

void EventLoop::schedule(const Resumption &r, bool recorded)
{
    if (!recorded && r.task && r.task->actor)
        trace::recordAs(r.task->actor, EventKind::Ready);
    m_ready.push_back(r);
    m_peakReady = std::max(m_peakReady, int(m_ready.size()));
}

void EventLoop::wake(const Resumption &r, ObjectId object, WaitOutcome outcome)
{
    if (r.task) {
        r.task->waitingOn = 0;
        if (r.task->actor) {
            trace::recordAs(r.task->actor, EventKind::WaitEnd, object, qint64(outcome), 0, kFlagToReady);
            m_ready.push_back(r);
            m_peakReady = std::max(m_peakReady, int(m_ready.size()));
            return;
        }
    }
    schedule(r);
}

void EventLoop::noteWait(WaitReason reason, ObjectId object, quint32 awaitedActor)
{
    if (TaskBase *task = m_current) {
        task->waitingOn = object;
        task->waitReason = reason;
    }
    trace::record(EventKind::WaitBegin, object, qint64(reason), awaitedActor);
}

void EventLoop::resume(const Resumption &r)
{
    TaskBase *previous = m_current;
    m_current = r.task;
    ThreadBuffer *buffer = trace::t_buffer;
    if (r.task && r.task->actor && buffer) {
        sched::point(0, Op::Wait);
        buffer->setActor(r.task->actor);
        buffer->append(r.task->started ? EventKind::Resume : EventKind::ActorStart, 0, 0, 0);
    }
    if (r.task)
        r.task->started = true;
    ++m_resumes;
    r.handle.resume();
    if (buffer && m_threadActor)
        buffer->setActor(m_threadActor);
    m_current = previous;
    for (std::coroutine_handle<> frame : m_finishedFrames)
        frame.destroy();
    m_finishedFrames.clear();
    releaseFinished();
}

void EventLoop::releaseFinished()
{
    for (TaskBase *task : m_finished)
        task->deref();
    m_finished.clear();
}

void EventLoop::taskFinished(TaskBase *task, std::coroutine_handle<> frame)
{
    if (frame)
        m_finishedFrames.push_back(frame);
    if (task->prevLive)
        task->prevLive->nextLive = task->nextLive;
    else if (m_live == task)
        m_live = task->nextLive;
    if (task->nextLive)
        task->nextLive->prevLive = task->prevLive;
    task->prevLive = task->nextLive = nullptr;
    --m_liveCount;
    if (task->actor)
        trace::recordAs(task->actor, EventKind::ActorEnd, 0, task->cancelled ? 2 : task->error ? 1 : 0);
    if (task->error)
        task->setUnretrievedSink(m_unretrievedSink);
    task->runDoneHooks();
    // Released after the current resume returns: the coroutine frame is
    // still suspending.
    m_finished.push_back(task);
}

EventLoop::TimerId EventLoop::addTimer(qint64 deadlineNs, void (*fire)(void *), void *context)
{
    const TimerId id = m_nextTimer++;
    m_timers.push({deadlineNs, id});
    m_timerActions.emplace(id, TimerAction{fire, context});
    return id;
}

void EventLoop::cancelTimer(TimerId id)
{
    m_timerActions.erase(id); // the heap entry is skipped when it comes up
}

bool EventLoop::fireDueTimers()
{
    bool fired = false;
    const qint64 now = nowNs();
    while (!m_timers.empty() && m_timers.top().deadline <= now) {
        const TimerId id = m_timers.top().id;
        m_timers.pop();
        const auto it = m_timerActions.find(id);
        if (it == m_timerActions.end())
            continue;
        const TimerAction action = it->second;
        m_timerActions.erase(it);
        action.fire(action.context);
        fired = true;
    }
    // Drop cancelled timers from the top, so the next deadline is real.
    while (!m_timers.empty() && !m_timerActions.count(m_timers.top().id))
        m_timers.pop();
    return fired;
}

void EventLoop::watchFd(int fd, bool forWrite, const Resumption &r)
{
    FdWatch &watch = m_fds[fd];
    const bool known = watch.reader.handle || watch.writer.handle;
    (forWrite ? watch.writer : watch.reader) = r;
    epoll_event ev{};
    ev.events = (watch.reader.handle ? EPOLLIN : 0) | (watch.writer.handle ? EPOLLOUT : 0);
    ev.data.fd = fd;
    if (::epoll_ctl(m_epoll, known ? EPOLL_CTL_MOD : EPOLL_CTL_ADD, fd, &ev) != 0
        && ::epoll_ctl(m_epoll, known ? EPOLL_CTL_ADD : EPOLL_CTL_MOD, fd, &ev) != 0)
        throw RuntimeError("cannot watch a file descriptor");
}

void EventLoop::unwatchFd(int fd, bool forWrite)
{
    const auto it = m_fds.find(fd);
    if (it == m_fds.end())
        return;
    (forWrite ? it->second.writer : it->second.reader) = {};
    if (!it->second.reader.handle && !it->second.writer.handle) {
        ::epoll_ctl(m_epoll, EPOLL_CTL_DEL, fd, nullptr);
        m_fds.erase(it);
        return;
    }
    epoll_event ev{};
    ev.events = (it->second.reader.handle ? EPOLLIN : 0) | (it->second.writer.handle ? EPOLLOUT : 0);
    ev.data.fd = fd;
    ::epoll_ctl(m_epoll, EPOLL_CTL_MOD, fd, &ev);
}

void EventLoop::pollIo(qint64 timeoutNs)
{
    // The loop's own thread waits here: drawn as I/O on its lane.
    const bool idle = timeoutNs != 0;
    if (idle)
        trace::record(EventKind::IoBegin);
    epoll_event events[64];
    const int timeoutMs = timeoutNs < 0 ? -1 : int((timeoutNs + 999'999) / 1'000'000);
    const int n = ::epoll_wait(m_epoll, events, 64, timeoutMs);
    if (idle)
        trace::record(EventKind::IoEnd);
    for (int i = 0; i < n; ++i) {
        const int fd = events[i].data.fd;
        const auto it = m_fds.find(fd);
        if (it == m_fds.end())
            continue;
        if ((events[i].events & (EPOLLIN | EPOLLERR | EPOLLHUP)) && it->second.reader.handle) {
            const Resumption r = it->second.reader;
            unwatchFd(fd, false);
            if (r.task && r.task->actor)
                trace::recordAs(r.task->actor, EventKind::IoEnd, 0, 0, 0, kFlagToReady);
            if (r.task)
                r.task->clearCanceller();
            schedule(r, true);
        }
        const auto again = m_fds.find(fd);
        if (again != m_fds.end() && (events[i].events & (EPOLLOUT | EPOLLERR | EPOLLHUP)) && again->second.writer.handle) {
            const Resumption r = again->second.writer;
            unwatchFd(fd, true);
            if (r.task && r.task->actor)
                trace::recordAs(r.task->actor, EventKind::IoEnd, 0, 0, 0, kFlagToReady);
            if (r.task)
                r.task->clearCanceller();
            schedule(r, true);
        }
    }
}

void EventLoop::runUntil(TaskBase *main)
{
    for (;;) {
        // Runs what is ready now; what becomes ready meanwhile waits for the
        // next round, as in asyncio.
        for (size_t n = m_ready.size(); n > 0 && !m_ready.empty(); --n) {
            const Resumption r = m_ready.front();
            m_ready.pop_front();
            resume(r);
        }
        if (main && main->done)
            return;
        if (!m_draining && sched::cancellationRequested()) {
            cancelAllAndDrain();
            throw RunCancelled();
        }
        if (!m_timers.empty())
            fireDueTimers();
        if (!m_ready.empty())
            continue;
        const bool timers = !m_timers.empty();
        const bool io = !m_fds.empty();
        if (!timers && !io) {
            if (m_liveCount == 0 || !main)
                return;
            failDeadlock();
        }
        // Sleep until the next timer, a socket, or the next look at the
        // run's cancel flag.
        qint64 wait = timers ? std::max<qint64>(0, m_timers.top().deadline - nowNs()) : -1;
        if (this_thread::run()) {
            const qint64 poll = std::chrono::nanoseconds(sched::kCancelPoll).count();
            wait = wait < 0 ? poll : std::min(wait, poll);
        }
        pollIo(wait);
    }
}

void EventLoop::failDeadlock()
{
    QStringList waiting;
    std::vector<TraceEvent> found;
    for (TaskBase *t = m_live; t; t = t->nextLive) {
        QString what;
        if (RunContext *run = this_thread::run()) {
            for (const ObjectInfo &o : run->recorder().objects()) {
                if (o.id == t->waitingOn)
                    what = o.name;
            }
        }
        waiting << (what.isEmpty() ? t->name() : QStringLiteral("%1 (on %2)").arg(t->name(), what));
        if (t->actor) {
            TraceEvent e;
            e.ts = Clock::monotonicNs();
            e.kind = EventKind::DeadlockFound;
            e.actor = t->actor;
            e.object = t->waitingOn;
            found.push_back(e);
        }
    }
    if (RunContext *run = this_thread::run())
        run->recorder().addForeignEvents(std::move(found));
    m_deadlockReport = QStringLiteral("event loop deadlock: every task waits and nothing can wake them: %1")
                           .arg(waiting.join(QStringLiteral(", ")));
    cancelAllAndDrain();
    throw EventLoopDeadlock(m_deadlockReport.toStdString());
}

void EventLoop::cancelAllAndDrain()
{
    // Everything still running is cancelled and allowed to unwind (its
    // finally blocks run), as asyncio.run does at the end.
    m_draining = true;
    for (int round = 0; m_live && round < 1000; ++round) {
        std::vector<TaskBase *> live;
        for (TaskBase *t = m_live; t; t = t->nextLive)
            live.push_back(t);
        for (TaskBase *t : live)
            t->cancel();
        runUntil(nullptr);
    }
    m_draining = false;
    m_unretrieved = *m_unretrievedSink;
}

} // namespace clab::coro
