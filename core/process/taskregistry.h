#pragma once

#include <QCborArray>
#include <QCborValue>
#include <QStringList>
#include <functional>
#include <map>

namespace clab::process {

// What a task can use while it runs inside a worker.
class TaskContext
{
public:
    virtual ~TaskContext() = default;
    // Like print(): a line the app shows with the run's output.
    virtual void print(const QString &line) = 0;
    // Sends what the task recorded so far to the app now, when the call is
    // traced, rather than when the task returns: what a task that may be
    // killed did (an endless reader) reaches the trace, and a live replay
    // sees it as it happens.
    virtual void flushTrace() {}
};

// A function a worker can run by name. It returns a CBOR value or throws a
// PythonError, which reaches the app as that task's error.
using TaskFunction = std::function<QCborValue(const QCborArray &args, TaskContext &context)>;

// Every task a worker knows, compiled into the worker: the app asks for
// them by name.
class TaskRegistry
{
public:
    static const TaskRegistry &instance();
    const TaskFunction *find(const QString &name) const;
    QStringList names() const;

private:
    TaskRegistry();
    std::map<QString, TaskFunction> m_tasks;
};

// A process-wide integer: each worker process has its own copy, which is
// the point of the memory-isolation lesson.
extern qint64 g_processGlobal;

} // namespace clab::process
