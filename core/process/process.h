#pragma once

#include "ipc.h"
#include "workerprocess.h"

#include <QCborArray>
#include <memory>

namespace clab::process {

// multiprocessing.Process: runs one task (by name) in a new worker process,
// a real one with its own PID, then exits. exitcode is 0, 1 if the task
// raised, or minus the signal that killed it.
class Process
{
public:
    explicit Process(const QString &task, const QCborArray &args = {}, const QString &name = {});
    ~Process();   // a live process is killed, as the app exits
    Process(const Process &) = delete;
    Process &operator=(const Process &) = delete;

    // Hands one end of a Pipe or Queue to the process (as its fd 3).
    void setInheritedFd(int fd) { m_fd = fd; }
    // The same, and what the process sends and receives on it is recorded
    // on the end's traced object.
    void setInheritedEnd(const Connection &end);
    // What the process records on an object it names `nameInWorker` (a
    // shared memory block it attaches by key) is recorded on `object`.
    void shareObject(const QString &nameInWorker, ObjectId object);

    // RuntimeError("cannot start a process twice") the second time;
    // RuntimeError with the reason when the worker cannot start.
    void start();
    bool join(Timeout timeout = {});
    bool isAlive() const;
    std::optional<qint64> pid() const;
    std::optional<int> exitcode() const;
    void terminate();
    void kill();
    QString name() const { return m_name; }
    // What the task returned (our addition; Python uses a Queue for this).
    QCborValue result() const;
    // Its error, when exitcode is 1.
    QString error() const;

    std::function<void(const QString &line)> onOutput;

private:
    QString m_task;
    QCborArray m_args;
    QString m_name;
    int m_fd = -1;
    std::map<QString, ObjectId> m_sharedObjects;
    std::shared_ptr<WorkerProcess> m_worker;
    std::shared_ptr<CallState> m_call;
};

} // namespace clab::process
