#pragma once

#include "workerprocess.h"

#include "sync/instrumented.h"

#include <QCborArray>
#include <atomic>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

namespace clab::process {

// The stable C string for a Python exception type name that came from a
// worker (PythonError keeps a pointer to it).
const char *internErrorType(const QString &type);

// What a failed task raises when its result is asked for: the task's own
// Python error type and message, or WorkerDied.
struct TaskError : PythonError {
    TaskError(const QString &type, const QString &message)
        : PythonError(internErrorType(type), message.toStdString()) {}
};

// multiprocessing.pool.AsyncResult.
class AsyncResult
{
public:
    AsyncResult() = default;
    explicit AsyncResult(std::shared_ptr<CallState> call) : m_call(std::move(call)) {}

    // The value; raises the task's error. TimeoutError if not ready in time.
    QCborValue get(Timeout timeout = {}) const;
    bool ready() const { return m_call->done(); }
    // ValueError("... not ready") before it is ready, as in Python.
    bool successful() const;
    void wait(Timeout timeout = {}) const;
    qint64 taskId() const { return m_call->id(); }

private:
    std::shared_ptr<CallState> m_call;
};

// Results of imap_unordered, in the order they finish.
class UnorderedResults
{
public:
    // The next result; nullopt once all have been taken. Raises a task's
    // error when its turn comes.
    std::optional<QCborValue> next(Timeout timeout = {});

private:
    friend class ProcessPool;
    struct Shared;
    std::shared_ptr<Shared> m_shared;
};

// multiprocessing.Pool: worker processes (real ones, with their own PIDs)
// that take tasks by name from one queue. A worker that dies is replaced;
// the task it was running fails with a WorkerDied error and every other
// task still gets its result exactly once.
class ProcessPool : public Instrumented
{
public:
    // 0 processes: one per CPU, as in Python. ValueError below 0.
    explicit ProcessPool(int processes = 0, const QString &name = {});
    // terminate(), as leaving a `with Pool() as pool:` block does.
    ~ProcessPool();

    using Callback = std::function<void(const QCborValue &)>;
    using ErrorCallback = std::function<void(const QString &type, const QString &message)>;

    // ValueError("Pool not running") after close() or terminate().
    AsyncResult applyAsync(const QString &task, const QCborArray &args = {}, Callback callback = {},
                           ErrorCallback errorCallback = {});
    // Results in the order of `items`; raises the first failure in that
    // order. chunksize 0 picks Python's default.
    QCborArray map(const QString &task, const QCborArray &items, int chunksize = 0);
    UnorderedResults imapUnordered(const QString &task, const QCborArray &items, int chunksize = 1);

    void close();      // no more tasks; workers finish what is queued
    void join();       // waits for the workers to exit (after close or terminate)
    void terminate();  // stops the workers now; unfinished tasks fail

    int processes() const { return m_processes; }
    // Waits until every worker has said it is ready (our addition, for
    // timings that must not count start-up, and so that tasks handed out
    // next spread over all workers). False if one died first.
    bool waitUntilReady();
    QList<qint64> pids() const;       // every worker PID so far, replacements included
    int workersStarted() const;
    // Start-to-ready times of the workers so far, in ns.
    std::vector<qint64> startupTimes() const;

    // Lines the tasks printed, for the run's output.
    std::function<void(const QString &worker, const QString &line)> onOutput;

private:
    struct Job {
        std::shared_ptr<CallState> call;
        QString task;
        QCborArray args;
        bool chunk = false;
    };
    struct Slot {
        std::shared_ptr<WorkerProcess> worker;
    };

    void startWorker(size_t slot);
    // The workers now in the slots (only the live ones with aliveOnly).
    std::vector<std::shared_ptr<WorkerProcess>> workersInSlots(bool aliveOnly = false) const;
    std::vector<std::shared_ptr<WorkerProcess>> workersInSlotsLocked(bool aliveOnly = false) const;
    void dispatch();                       // any thread, takes m_mutex
    void workerDied(size_t slot, std::vector<std::shared_ptr<CallState>> pending);
    std::shared_ptr<CallState> newCall(Callback callback, ErrorCallback errorCallback);
    void enqueue(Job job);

    const int m_processes;
    mutable std::mutex m_mutex;
    std::vector<Slot> m_slots;
    std::deque<Job> m_queue;
    std::map<qint64, Job> m_sent;          // by call id, while a worker has it
    bool m_closed = false;
    bool m_terminated = false;
    int m_started = 0;
    QList<qint64> m_pids;
    std::vector<qint64> m_startup;
    std::vector<std::pair<std::shared_ptr<CallState>, CallResult>> m_deathResults;
    std::atomic<qint64> m_nextTask{0};
    // How many tasks a worker may have queued at once: keeps its pipe busy
    // between tiny tasks, and lets one wake-up carry many of them. Tasks in
    // a worker's pipe wait for it even when another worker is idle.
    static constexpr int kPipeline = 16;
};

} // namespace clab::process
