#include "gil.h"

#include "threads/thread.h"

#include <chrono>
#include <thread>

namespace clab {

namespace {
using SteadyClock = std::chrono::steady_clock;

qint64 checkedInterval(double seconds)
{
    if (!(seconds > 0))
        throw ValueError("switch interval must be strictly positive");
    return qint64(seconds * 1e9);
}
} // namespace

Gil::Gil(bool enabled, double switchIntervalSeconds, const QString &name)
    : Instrumented(ObjectKind::Gil, name)
    , m_enabled(enabled)
    , m_intervalNs(checkedInterval(switchIntervalSeconds))
{
}

double Gil::switchInterval() const
{
    return double(m_intervalNs.load(std::memory_order_relaxed)) / 1e9;
}

void Gil::setSwitchInterval(double seconds)
{
    m_intervalNs.store(checkedInterval(seconds), std::memory_order_relaxed);
}

bool Gil::heldByCurrentThread() const
{
    return m_holder.load(std::memory_order_relaxed) == this_thread::uid();
}

void Gil::take()
{
    takeInternal(false);
}

void Gil::drop()
{
    dropInternal(false);
}

void Gil::handOver()
{
    dropInternal(true);
    takeInternal(true);
}

void Gil::takeInternal(bool alreadyWaiting)
{
    if (!m_enabled)
        return;
    sched::point(id(), Op::Acquire);
    const quint32 me = this_thread::uid();
    trace::record(EventKind::GilRequest, id());
    bool waited = alreadyWaiting;
    std::unique_lock lock(m_mutex);
    if (m_locked && !waited) {
        trace::record(EventKind::WaitBegin, id(), qint64(WaitReason::Gil));
        waited = true;
    }
    while (m_locked) {
        // One round of CPython's loop: wait up to the interval; if it ran
        // out and nobody switched meanwhile, ask the holder to drop.
        const quint64 savedSwitch = m_switchNumber;
        const auto deadline = SteadyClock::now() + std::chrono::nanoseconds(m_intervalNs.load());
        bool signalled = false;
        while (m_locked && !signalled) {
            if (sched::cancellationRequested()) {
                trace::record(EventKind::WaitEnd, id(), qint64(WaitOutcome::Cancelled));
                throw RunCancelled();
            }
            const auto until = std::min(deadline, SteadyClock::now() + sched::kCancelPoll);
            signalled = m_cond.wait_until(lock, until) == std::cv_status::no_timeout;
            if (!signalled && SteadyClock::now() >= deadline)
                break;
        }
        if (!signalled && m_locked && m_switchNumber == savedSwitch) {
            m_dropRequest.store(true, std::memory_order_relaxed);
            trace::record(EventKind::GilDropRequest, id());
        }
    }
    {
        std::lock_guard switching(m_switchMutex);
        m_locked = true;
        m_lastHolder = me;
        m_holder.store(me, std::memory_order_relaxed);
        ++m_switchNumber;
        m_switches.fetch_add(1, std::memory_order_relaxed);
        m_switchCond.notify_one();
    }
    m_dropRequest.store(false, std::memory_order_relaxed);
    // Stamped once the GIL is really ours, so no two lanes ever show
    // running Python code at the same time.
    if (waited)
        trace::record(EventKind::WaitEnd, id(), qint64(WaitOutcome::Satisfied));
    trace::record(EventKind::Acquired, id());
}

void Gil::dropInternal(bool keepWaiting)
{
    if (!m_enabled)
        return;
    sched::point(id(), Op::Release);
    const quint32 me = this_thread::uid();
    trace::record(EventKind::Released, id());
    if (keepWaiting)
        trace::record(EventKind::WaitBegin, id(), qint64(WaitReason::Gil));
    {
        std::lock_guard lock(m_mutex);
        m_locked = false;
        m_holder.store(0, std::memory_order_relaxed);
        m_cond.notify_one();
    }
    // Forced switching: after a drop request, wait until another thread has
    // taken the GIL, so this one cannot take it straight back.
    if (m_dropRequest.load(std::memory_order_relaxed)) {
        std::unique_lock switching(m_switchMutex);
        if (m_lastHolder == me) {
            m_dropRequest.store(false, std::memory_order_relaxed);
            if (!keepWaiting)
                trace::record(EventKind::WaitBegin, id(), qint64(WaitReason::Gil));
            while (m_lastHolder == me) {
                if (sched::cancellationRequested()) {
                    trace::record(EventKind::WaitEnd, id(), qint64(WaitOutcome::Cancelled));
                    throw RunCancelled();
                }
                m_switchCond.wait_for(switching, sched::kCancelPoll);
            }
            if (!keepWaiting)
                trace::record(EventKind::WaitEnd, id(), qint64(WaitOutcome::Satisfied));
        }
    }
}

Interpreter::Interpreter(Gil &gil)
    : m_gil(gil)
{
    m_gil.take();
}

Interpreter::~Interpreter()
{
    if (m_gil.heldByCurrentThread()) {
        try {
            m_gil.drop();
        } catch (const RunCancelled &) {
        }
    }
}

void Interpreter::unit()
{
    // About as much CPU as one iteration of `while n: n -= 1` in CPython.
    static thread_local quint64 state = 0x9E3779B97F4A7C15ULL;
    quint64 x = state;
    for (int i = 0; i < 12; ++i)
        x = x * 6364136223846793005ULL + 1442695040888963407ULL;
    state = x;
}

void Interpreter::run(qint64 units)
{
    for (qint64 i = 0; i < units; ++i) {
        m_gil.yieldIfRequested();
        unit();
        if ((i & 4095) == 4095)
            sched::checkpoint();
    }
}

void Interpreter::sleep(double seconds)
{
    GilReleased released(m_gil);
    clab::sleep(seconds);
}

void Interpreter::io(double seconds)
{
    GilReleased released(m_gil);
    trace::Span span(EventKind::IoBegin, EventKind::IoEnd);
    const auto deadline = Deadline::after(seconds);
    while (!deadline.hasPassed()) {
        sched::checkpoint();
        std::this_thread::sleep_until(deadline.cap(sched::kCancelPoll));
    }
}

} // namespace clab
