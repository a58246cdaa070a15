#pragma once

#include "callstate.h"
#include "workerlanes.h"

#include "threads/timeout.h"
#include "trace/traceevent.h"

#include <QCborArray>
#include <QCborValue>
#include <QString>
#include <condition_variable>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

class QProcess;

namespace clab {
class RunContext;
}

namespace clab::process {

// The worker executable: $CLAB_WORKER, else next to this program, else
// where the build put it.
QString workerExecutable();

// One worker process, seen from the app: started through QProcess on the
// I/O thread, spoken to with the frame protocol. Its lanes (the process and
// its threads, with their real PIDs and thread ids) join the run's trace.
// Handles QProcess::finished and errorOccurred: a worker that dies fails
// the call it was running with a clear error.
class WorkerProcess : public std::enable_shared_from_this<WorkerProcess>
{
public:
    struct Setup {
        QString name;               // ForkPoolWorker-1, Process-2, ...
        RunContext *run = nullptr;  // whose trace it joins; may be null
        int inheritedFd = -1;       // becomes fd 3 in the worker (a Pipe's end)
        // Objects the worker registers under these names are these objects
        // of the run, not new ones: the end of a Pipe it inherits
        // (protocol.h's kInheritedChannel), a shared memory block (by its key).
        std::map<QString, ObjectId> sharedObjects;
    };

    static std::shared_ptr<WorkerProcess> start(const Setup &setup);
    ~WorkerProcess();

    QString name() const { return m_setup.name; }
    // Blocks until the worker said Hello (true) or died (false).
    bool waitReady(Timeout timeout = {});
    bool isReady() const;
    qint64 pid() const;
    qint64 startToReadyNs() const;

    // Sends a call. `chunk`: args are items, the task runs on each (Pool.map).
    // `once`: the worker exits after it (exit code 1 if it raised).
    void send(const std::shared_ptr<CallState> &call, const QString &task, const QCborArray &args,
              bool chunk = false, bool once = false);
    // Calls sent and not answered yet, oldest first.
    int pendingCalls() const;

    void shutdown();   // asks it to finish and exit
    void terminate();  // SIGTERM
    void kill();       // SIGKILL
    bool waitFinished(Timeout timeout = {});
    // Waits, without a cancellation point, until the worker has ended and
    // every callback about it has run: after this nothing calls back.
    // Destructors use it; never call it on the process I/O thread.
    void waitSettled();
    bool isAlive() const;
    // Python's Process.exitcode: None while running, the exit status, or
    // minus the signal that killed it.
    std::optional<int> exitCode() const;
    QString deathReason() const;

    ActorId mainActor() const { return m_lanes.mainActor(); }
    ActorId processActor() const { return m_lanes.processActor(); }

    // Called on the I/O thread. onDied gets the calls that were pending when
    // it died (the first was running); without it they fail.
    std::function<void(std::vector<std::shared_ptr<CallState>> pending)> onDied;
    std::function<void()> onReady;
    std::function<void(const QString &line)> onOutput;

private:
    explicit WorkerProcess(const Setup &setup);
    void launch();                  // I/O thread
    void onReadable();              // I/O thread
    void flushOutbox();             // I/O thread: writes m_outbox
    void onEnded(const QString &reason, std::optional<int> exitCode);  // I/O thread

    const Setup m_setup;
    QProcess *m_process = nullptr;  // lives on the I/O thread
    QByteArray m_decoderBuffer;
    class Decoder;
    std::unique_ptr<Decoder> m_decoder;

    mutable std::mutex m_mutex;
    std::condition_variable m_changed;
    bool m_ready = false;
    std::string m_program;  // the worker executable
    std::string m_clock;    // the app's clock calibration, for the worker
    bool m_ended = false;
    bool m_settled = false;   // ended, and its calls answered
    qint64 m_pid = 0;
    qint64 m_startNs = 0;
    qint64 m_readyNs = 0;
    std::optional<int> m_exitCode;
    QString m_deathReason;
    std::deque<std::shared_ptr<CallState>> m_pending;
    QByteArray m_outbox;      // calls encoded, not yet handed to m_process
    bool m_killRequested = false;
    int m_signalSent = 0;

    WorkerLanes m_lanes;
};

// The error a call gets when its worker dies under it.
inline constexpr const char *kWorkerDied = "WorkerDied";

} // namespace clab::process
