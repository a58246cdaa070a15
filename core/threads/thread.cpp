#include "thread.h"

#include "errors.h"
#include "runcontext.h"
#include "schedpoint.h"

#include <atomic>
#include <condition_variable>
#include <system_error>
#include <thread>

namespace clab {

struct Thread::Control {
    std::mutex mutex;
    std::condition_variable changed;
    Target target;
    RunContext *run = nullptr;
    ThreadState state;             // name, daemon, actor
    bool started = false;
    bool finished = false;
    std::atomic<qint64> nativeId{0};
    std::atomic<quint32> uid{0};   // this_thread::uid() of the OS thread, in a run or not
    std::exception_ptr exception;
};

namespace {
std::atomic<int> s_threadsOutsideRuns{0};
} // namespace

Thread::Thread(Target target, const QString &name, std::optional<bool> daemon)
    : m_control(std::make_shared<Control>())
{
    m_control->target = std::move(target);
    m_control->run = this_thread::run();
    ThreadState *creator = this_thread::state();
    m_control->state.daemon = daemon.value_or(creator ? creator->daemon : false);
    if (!name.isEmpty()) {
        m_control->state.name = name;
    } else {
        const int n = m_control->run ? m_control->run->nextThreadNumber() : s_threadsOutsideRuns.fetch_add(1) + 1;
        m_control->state.name = QStringLiteral("Thread-%1").arg(n);
    }
}

Thread::~Thread()
{
    if (!m_control)
        return;
    std::unique_lock lock(m_control->mutex);
    if (!m_control->started || m_control->finished)
        return;
    if (m_control->run && m_control->state.daemon)
        return; // the run stops and waits for it
    m_control->changed.wait(lock, [this] { return m_control->finished; });
}

Thread::Thread(Thread &&) noexcept = default;
Thread &Thread::operator=(Thread &&) noexcept = default;

void Thread::threadMain(const std::shared_ptr<Control> &c)
{
    c->nativeId.store(this_thread::nativeId());
    c->uid.store(this_thread::uid());
    if (c->run)
        c->run->enterThread(&c->state);
    qint64 outcome = 0;
    try {
        c->target();
    } catch (const RunCancelled &) {
        outcome = 2;
    } catch (...) {
        std::lock_guard lock(c->mutex);
        c->exception = std::current_exception();
        outcome = 1;
    }
    // Captures may own primitives of the run; they must go while it exists.
    c->target = nullptr;
    if (c->run) {
        trace::record(EventKind::ActorEnd, 0, outcome);
        c->run->leaveThread(&c->state);
    }
    {
        std::lock_guard lock(c->mutex);
        c->finished = true;
    }
    c->changed.notify_all();
}

void Thread::start()
{
    Control &c = *m_control;
    sched::point(0, Op::Start);
    {
        std::lock_guard lock(c.mutex);
        if (c.started)
            throw RuntimeError("threads can only be started once");
        c.started = true;
        if (c.run) {
            ActorInfo info;
            info.kind = ActorKind::Thread;
            info.name = c.state.name;
            info.parent = c.run->processActor();
            info.daemon = c.state.daemon;
            c.state.actor = c.run->recorder().addActor(info);
        }
    }
    if (c.run) {
        trace::record(EventKind::Spawn, 0, qint64(c.state.actor));
        c.run->addStartingThread(&c.state);
    }
    try {
        std::thread(&Thread::threadMain, m_control).detach();
    } catch (const std::system_error &) {
        if (c.run)
            c.run->removeStartingThread(&c.state);
        std::lock_guard lock(c.mutex);
        c.finished = true;
        throw RuntimeError("can't start new thread");
    }
}

bool Thread::join(Timeout timeout)
{
    Control &c = *m_control;
    if (c.uid.load() == this_thread::uid())
        throw RuntimeError("cannot join current thread");
    sched::point(0, Op::Join);
    std::unique_lock lock(c.mutex);
    if (!c.started)
        throw RuntimeError("cannot join thread before it is started");
    WaitSpec spec;
    spec.reason = WaitReason::Join;
    spec.deadline = Deadline::after(timeout);
    spec.awaitedActor = c.state.actor;
    return sched::wait(lock, c.changed, [&c] { return c.finished; }, spec);
}

bool Thread::isAlive() const
{
    std::lock_guard lock(m_control->mutex);
    return m_control->started && !m_control->finished;
}

bool Thread::hasStarted() const
{
    std::lock_guard lock(m_control->mutex);
    return m_control->started;
}

QString Thread::name() const
{
    return m_control->state.name;
}

bool Thread::daemon() const
{
    return m_control->state.daemon;
}

void Thread::setDaemon(bool daemon)
{
    std::lock_guard lock(m_control->mutex);
    if (m_control->started)
        throw RuntimeError("cannot set daemon status of active thread");
    m_control->state.daemon = daemon;
}

qint64 Thread::nativeId() const
{
    return m_control->nativeId.load();
}

ActorId Thread::actor() const
{
    std::lock_guard lock(m_control->mutex);
    return m_control->state.actor;
}

std::exception_ptr Thread::exception() const
{
    std::lock_guard lock(m_control->mutex);
    return m_control->exception;
}

QString Thread::currentName()
{
    if (ThreadState *s = this_thread::state())
        return s->name;
    return QStringLiteral("Thread-%1").arg(this_thread::nativeId());
}

void sleep(double seconds)
{
    sched::point(0, Op::Sleep);
    const auto deadline = Deadline::after(seconds);
    if (!this_thread::state()) {
        std::this_thread::sleep_until(deadline.cap(std::chrono::hours(24 * 365)));
        return;
    }
    trace::record(EventKind::SleepBegin, 0, qint64(seconds * 1e9));
    while (!deadline.hasPassed()) {
        if (sched::cancellationRequested()) {
            trace::record(EventKind::SleepEnd);
            throw RunCancelled();
        }
        std::this_thread::sleep_until(deadline.cap(sched::kCancelPoll));
    }
    trace::record(EventKind::SleepEnd);
}

} // namespace clab

namespace clab {

void burnCpu(double seconds)
{
    const auto deadline = Deadline::after(seconds);
    volatile quint64 sink = 0;
    while (!deadline.hasPassed()) {
        for (int i = 0; i < 256; ++i)
            sink = sink * 6364136223846793005ULL + 1442695040888963407ULL;
        sched::checkpoint();
    }
}

} // namespace clab
