#pragma once

#include "sync/instrumented.h"
#include "threads/errors.h"

#include <atomic>
#include <condition_variable>
#include <exception>
#include <mutex>

namespace clab {

// A global interpreter lock that behaves like CPython's (3.2 and later, see
// Python/ceval_gil.c): a thread that wants it waits on a condition for the
// switch interval; if it times out and no switch happened meanwhile, it sets
// a drop request. The holder checks for the request between units of
// interpreted work and drops the lock; with forced switching it then waits
// until another thread has taken it, so it cannot grab it straight back.
//
// Acquired/Released events record who held it; WaitBegin with reason Gil,
// GilRequest and GilDropRequest show the contention.
class Gil : public Instrumented
{
public:
    static constexpr double kDefaultSwitchInterval = 0.005; // sys.getswitchinterval()

    // enabled = false models a free-threaded build (PEP 703): taking and
    // dropping do nothing.
    explicit Gil(bool enabled = true, double switchIntervalSeconds = kDefaultSwitchInterval,
                 const QString &name = QStringLiteral("GIL"));

    bool enabled() const { return m_enabled; }
    double switchInterval() const;
    void setSwitchInterval(double seconds); // sys.setswitchinterval; ValueError unless > 0

    // take_gil: blocks until the calling thread holds it.
    void take();
    // drop_gil: releases it; if a drop was requested, waits (forced
    // switching) until another thread has taken it.
    void drop();

    // The eval loop's check between units: cheap when nobody waits.
    bool dropRequested() const { return m_dropRequest.load(std::memory_order_relaxed); }
    void yieldIfRequested()
    {
        if (dropRequested()) [[unlikely]]
            handOver();
    }

    bool heldByCurrentThread() const;
    quint64 switches() const { return m_switches.load(std::memory_order_relaxed); }

private:
    void handOver();
    // alreadyWaiting: the caller's WaitBegin(Gil) is recorded (a hand-over
    // waits from its Released to its next Acquired in one piece).
    void takeInternal(bool alreadyWaiting);
    void dropInternal(bool keepWaiting);

    const bool m_enabled;
    std::atomic<qint64> m_intervalNs;
    std::atomic<bool> m_dropRequest{false};
    std::atomic<quint64> m_switches{0};
    std::atomic<quint32> m_holder{0};   // this_thread::uid() of the holder

    std::mutex m_mutex;                 // gil->mutex
    std::condition_variable m_cond;     // gil->cond: the lock became free
    bool m_locked = false;
    quint32 m_lastHolder = 0;
    quint64 m_switchNumber = 0;

    std::mutex m_switchMutex;           // gil->switch_mutex
    std::condition_variable m_switchCond; // gil->switch_cond: somebody took it
};

// Py_BEGIN_ALLOW_THREADS / Py_END_ALLOW_THREADS: drops the GIL for a
// blocking call (I/O, sleep) or native code, and takes it back after.
class [[nodiscard]] GilReleased
{
public:
    explicit GilReleased(Gil &gil) : m_gil(gil), m_unwinding(std::uncaught_exceptions()) { m_gil.drop(); }
    // Takes the GIL back; may throw RunCancelled, except while already
    // unwinding (then the thread is ending anyway).
    ~GilReleased() noexcept(false)
    {
        if (std::uncaught_exceptions() == m_unwinding) {
            m_gil.take();
            return;
        }
        try {
            m_gil.take();
        } catch (const RunCancelled &) {
        }
    }
    GilReleased(const GilReleased &) = delete;
    GilReleased &operator=(const GilReleased &) = delete;

private:
    Gil &m_gil;
    const int m_unwinding;
};

// A thread running Python code: holds the GIL from the start, runs
// "bytecodes" as small units of CPU work, checking for drop requests
// between them, and lets it go around I/O.
class Interpreter
{
public:
    explicit Interpreter(Gil &gil);   // takes the GIL
    ~Interpreter();                   // drops it
    Interpreter(const Interpreter &) = delete;
    Interpreter &operator=(const Interpreter &) = delete;

    // Runs `units` units of interpreted work (a count-down, like `while n:
    // n -= 1`). Checks for cancellation every few thousand units.
    void run(qint64 units);
    // time.sleep: releases the GIL while sleeping.
    void sleep(double seconds);
    // A blocking read or write that takes `seconds`: released, shown as I/O.
    void io(double seconds);

    // One unit of work, for calibration.
    static void unit();

private:
    Gil &m_gil;
};

} // namespace clab
