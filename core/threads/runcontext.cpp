#include "runcontext.h"

#include "deadlockdetector.h"
#include "schedpoint.h"
#include "trace/clock.h"

#include <algorithm>
#include <unistd.h>

namespace clab {

RunContext::RunContext(quint64 seed)
    : m_seed(seed)
{
    ActorInfo process;
    process.kind = ActorKind::Process;
    process.name = QStringLiteral("MainProcess");
    process.osId = qint64(::getpid());
    m_processActor = m_recorder.addActor(process);
    m_detector = std::make_unique<DeadlockDetector>(*this);
}

RunContext::~RunContext()
{
    shutdown(std::chrono::milliseconds(0));
}

void RunContext::cancel()
{
    m_cancelled.store(true, std::memory_order_relaxed);
}

int RunContext::nextSerial(ObjectKind kind)
{
    std::lock_guard lock(m_mutex);
    const auto index = size_t(kind);
    if (m_objectCounters.size() <= index)
        m_objectCounters.resize(index + 1);
    return ++m_objectCounters[index];
}

QString RunContext::defaultObjectName(ObjectKind kind)
{
    return QStringLiteral("%1-%2").arg(objectKindName(kind)).arg(nextSerial(kind));
}

ObjectId RunContext::addObject(ObjectKind kind, const QString &name, qint64 capacity, ObjectId owner)
{
    ObjectInfo info;
    info.kind = kind;
    info.name = name.isEmpty() ? defaultObjectName(kind) : name;
    info.capacity = capacity;
    info.owner = owner;
    return m_recorder.addObject(info);
}

void RunContext::enterThread(ThreadState *state)
{
    state->run = this;
    state->uid = this_thread::uid();
    this_thread::detail::t_state = state;
    m_recorder.attachCurrentThread(state->actor);
    m_recorder.setActorOsId(state->actor, this_thread::nativeId());
    m_graph.addThread(state);
    {
        std::lock_guard lock(m_mutex);
        if (std::find(m_live.begin(), m_live.end(), state) == m_live.end())
            m_live.push_back(state);
    }
    trace::record(EventKind::ActorStart);
}

void RunContext::addStartingThread(ThreadState *state)
{
    std::lock_guard lock(m_mutex);
    m_live.push_back(state);
}

void RunContext::removeStartingThread(ThreadState *state)
{
    std::lock_guard lock(m_mutex);
    m_live.erase(std::remove(m_live.begin(), m_live.end(), state), m_live.end());
    m_threadsChanged.notify_all();
}

void RunContext::leaveThread(ThreadState *state)
{
    m_graph.removeThread(state);
    Recorder::detachCurrentThread();
    this_thread::detail::t_state = nullptr;
    // Notified under the mutex: once the last thread is gone, shutdown()
    // returns and the run may be destroyed, so nothing here may touch it
    // after the unlock.
    std::lock_guard lock(m_mutex);
    m_live.erase(std::remove(m_live.begin(), m_live.end(), state), m_live.end());
    m_threadsChanged.notify_all();
}

int RunContext::liveThreads() const
{
    std::lock_guard lock(m_mutex);
    return int(m_live.size());
}

std::optional<DeadlockReport> RunContext::deadlock() const
{
    std::lock_guard lock(m_mutex);
    return m_deadlock;
}

void RunContext::reportDeadlock(DeadlockReport report)
{
    std::vector<TraceEvent> events;
    for (size_t i = 0; i < report.actors.size(); ++i) {
        TraceEvent e;
        e.ts = report.detectedNs;
        e.kind = EventKind::DeadlockFound;
        e.actor = report.actors[i];
        e.object = report.objects[i];
        e.value = qint64(report.actors[(i + 1) % report.actors.size()]); // the holder it waits for
        events.push_back(e);
    }
    m_recorder.addForeignEvents(std::move(events));
    {
        std::lock_guard lock(m_mutex);
        m_deadlock = std::move(report);
    }
    if (m_stopOnDeadlock.load())
        cancel();
}

bool RunContext::waitForThreads(bool includeDaemons, std::chrono::steady_clock::time_point until)
{
    ThreadState *self = this_thread::state();
    std::unique_lock lock(m_mutex);
    return m_threadsChanged.wait_until(lock, until, [&] {
        return std::none_of(m_live.begin(), m_live.end(), [&](ThreadState *s) {
            return s != self && (includeDaemons || !s->daemon);
        });
    });
}

bool RunContext::shutdown(std::chrono::milliseconds grace)
{
    using SteadyClock = std::chrono::steady_clock;
    const auto until = SteadyClock::now() + grace;
    bool clean = waitForThreads(false, until);
    {
        std::lock_guard lock(m_mutex);
        for (ThreadState *s : m_live) {
            if (s->daemon)
                s->cancelRequested.store(true);
        }
    }
    clean = waitForThreads(true, std::max(until, SteadyClock::now() + 2 * sched::kCancelPoll)) && clean;
    if (!clean) {
        cancel();
        // Every blocking call notices within one poll; CPU loops at their
        // next checkpoint.
        while (!waitForThreads(true, SteadyClock::now() + std::chrono::seconds(1))) {
        }
    }
    m_detector->stop();
    return clean;
}

RunContext::MainThread::MainThread(RunContext &run)
    : m_run(run)
    , m_previous(this_thread::state())
{
    ActorInfo info;
    info.kind = ActorKind::Thread;
    info.name = QStringLiteral("MainThread");
    info.parent = run.processActor();
    m_state.name = info.name;
    m_state.actor = run.recorder().addActor(info);
    run.enterThread(&m_state);
}

RunContext::MainThread::~MainThread()
{
    trace::record(EventKind::ActorEnd);
    m_run.leaveThread(&m_state);
    this_thread::detail::t_state = m_previous;
}

} // namespace clab
