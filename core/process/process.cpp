#include "process.h"
#include "protocol.h"

#include "threads/errors.h"
#include "threads/runcontext.h"
#include "threads/schedpoint.h"

#include <atomic>

namespace clab::process {

namespace {
std::atomic<int> s_processNumber{0};
}

Process::Process(const QString &task, const QCborArray &args, const QString &name)
    : m_task(task)
    , m_args(args)
    , m_name(name.isEmpty() ? QStringLiteral("Process-%1").arg(s_processNumber.fetch_add(1) + 1) : name)
{
}

Process::~Process()
{
    if (!m_worker)
        return;
    if (m_worker->isAlive())
        m_worker->kill();
    m_worker->waitSettled(); // its onOutput refers to this Process
}

void Process::setInheritedEnd(const Connection &end)
{
    m_fd = end.fileno();
    shareObject(QString::fromLatin1(kInheritedChannel), end.tracedObject());
}

void Process::shareObject(const QString &nameInWorker, ObjectId object)
{
    if (object != 0)
        m_sharedObjects[nameInWorker] = object;
}

void Process::start()
{
    sched::point(0, Op::Start);
    if (m_worker)
        throw RuntimeError("cannot start a process twice");
    WorkerProcess::Setup setup;
    setup.name = m_name;
    setup.run = this_thread::run();
    setup.inheritedFd = m_fd;
    setup.sharedObjects = m_sharedObjects;
    m_worker = WorkerProcess::start(setup);
    m_worker->onOutput = [this](const QString &line) {
        if (onOutput)
            onOutput(line);
    };
    if (!m_worker->waitReady(30.0))
        throw RuntimeError("the process " + m_name.toStdString() + " did not start: "
                           + m_worker->deathReason().toStdString());
    m_call = std::make_shared<CallState>(1, 0);
    m_worker->send(m_call, m_task, m_args, false, true);
}

bool Process::join(Timeout timeout)
{
    sched::point(0, Op::Join);
    if (!m_worker)
        throw RuntimeError("can only join a started process");
    return m_worker->waitFinished(timeout);
}

bool Process::isAlive() const
{
    return m_worker && m_worker->isAlive();
}

std::optional<qint64> Process::pid() const
{
    if (!m_worker || m_worker->pid() == 0)
        return std::nullopt;
    return m_worker->pid();
}

std::optional<int> Process::exitcode() const
{
    return m_worker ? m_worker->exitCode() : std::nullopt;
}

void Process::terminate()
{
    if (m_worker)
        m_worker->terminate();
}

void Process::kill()
{
    if (m_worker)
        m_worker->kill();
}

QCborValue Process::result() const
{
    return m_call && m_call->done() ? m_call->result().value : QCborValue();
}

QString Process::error() const
{
    if (!m_call || !m_call->done() || m_call->result().ok)
        return {};
    const CallResult r = m_call->result();
    return r.errorType + QStringLiteral(": ") + r.errorMessage;
}

} // namespace clab::process
