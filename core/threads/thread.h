#pragma once

#include "timeout.h"
#include "trace/traceevent.h"

#include <QString>
#include <exception>
#include <functional>
#include <memory>
#include <optional>

namespace clab {

// threading.Thread on a real OS thread. Inside a run it is an actor: it gets
// a lane, a Python-style name (Thread-N) and its events are recorded.
class Thread
{
public:
    using Target = std::function<void()>;

    // daemon: unset inherits the creating thread's flag, as in Python.
    explicit Thread(Target target, const QString &name = {}, std::optional<bool> daemon = {});
    // Unlike a Python object, a C++ Thread must not outlive its OS thread
    // silently: the destructor waits for non-daemon threads. Daemon threads
    // of a run are stopped by the run.
    ~Thread();
    Thread(const Thread &) = delete;
    Thread &operator=(const Thread &) = delete;
    Thread(Thread &&) noexcept;
    Thread &operator=(Thread &&) noexcept;

    // RuntimeError if called twice, or if the OS refuses a new thread.
    void start();
    // Waits for the thread to end, at most `timeout` seconds. Returns
    // whether it has ended (Python returns None; check is_alive()).
    // RuntimeError on joining oneself or a thread never started.
    bool join(Timeout timeout = {});

    bool isAlive() const;
    bool hasStarted() const;
    QString name() const;
    bool daemon() const;
    void setDaemon(bool daemon);  // RuntimeError once started
    qint64 nativeId() const;      // 0 until it runs
    ActorId actor() const;        // 0 outside a run or before start
    // What the target raised (Python would print it via threading.excepthook).
    std::exception_ptr exception() const;

    // threading.current_thread().name
    static QString currentName();

private:
    struct Control;
    static void threadMain(const std::shared_ptr<Control> &control);
    std::shared_ptr<Control> m_control;
};

// time.sleep: records the sleep, and wakes early with RunCancelled if the
// run is being stopped.
void sleep(double seconds);

} // namespace clab

namespace clab {
// Keeps this CPU busy for `seconds`, standing in for real computation (so
// the thread shows as running, not sleeping). Stops early with RunCancelled
// when the run is being stopped.
void burnCpu(double seconds);
} // namespace clab
