#include "workerprocess.h"

#include "processio.h"
#include "protocol.h"

#include "threads/runcontext.h"
#include "threads/schedpoint.h"
#include "trace/clock.h"

#include <QCborMap>
#include <QCoreApplication>
#include <QFileInfo>
#include <QProcess>

#include <csignal>
#include <sys/prctl.h>
#include <unistd.h>

namespace clab::process {

class WorkerProcess::Decoder : public FrameDecoder
{
};

// --- executable ---

QString workerExecutable()
{
    const QString fromEnvironment = qEnvironmentVariable("CLAB_WORKER");
    if (!fromEnvironment.isEmpty())
        return fromEnvironment;
    const QString beside = QCoreApplication::applicationDirPath() + QStringLiteral("/concurrency-lab-worker");
    if (QFileInfo(beside).isExecutable())
        return beside;
    return QStringLiteral(CLAB_WORKER_FALLBACK);
}

// --- WorkerProcess ---

WorkerProcess::WorkerProcess(const Setup &setup)
    : m_setup(setup)
    , m_decoder(std::make_unique<Decoder>())
    , m_lanes(setup.run, setup.name, setup.sharedObjects)
{
}

std::shared_ptr<WorkerProcess> WorkerProcess::start(const Setup &setup)
{
    std::shared_ptr<WorkerProcess> worker(new WorkerProcess(setup));
    // Read here, on the caller's thread: the environment and the
    // application's path belong to the application, not to the I/O thread.
    worker->m_program = workerExecutable().toStdString();
    worker->m_clock = Clock::calibration().toStdString();
    std::weak_ptr<WorkerProcess> weak = worker;
    ProcessIo::instance().post([weak] {
        if (auto w = weak.lock())
            w->launch();
    });
    return worker;
}

WorkerProcess::~WorkerProcess()
{
    QProcess *process = m_process;
    // After the I/O thread stopped, its QProcesses are already gone.
    if (!process || ProcessIo::instance().stopped())
        return;
    ProcessIo::instance().run([process] {
        QObject::disconnect(process, nullptr, nullptr, nullptr);
        if (process->state() != QProcess::NotRunning) {
            process->kill();
            process->waitForFinished(2000);
        }
        delete process;
    });
}

void WorkerProcess::launch()
{
    auto *process = new QProcess(ProcessIo::instance().context());
    m_process = process;
    // Plain std::strings cross to this thread: Qt's implicitly shared
    // strings would be freed by whichever thread lets go last.
    process->setProgram(QString::fromStdString(m_program));
    process->setArguments({QStringLiteral("--clock=") + QString::fromStdString(m_clock)});
    process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    const int fd = m_setup.inheritedFd;
    process->setChildProcessModifier([fd] {
        // Dies with the app, even when the app is killed: no orphans.
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (fd >= 0)
            ::dup2(fd, 3);
    });
    QObject::connect(process, &QProcess::readyReadStandardOutput, process, [this] { onReadable(); });
    QObject::connect(process, &QProcess::finished, process, [this, process](int code, QProcess::ExitStatus status) {
        onReadable();
        int signal = 0;
        {
            std::lock_guard lock(m_mutex);
            signal = m_signalSent;
        }
        if (status == QProcess::NormalExit) {
            onEnded(code == 0 ? QStringLiteral("exited") : QStringLiteral("exited with code %1").arg(code), code);
        } else {
            // On Unix the exit code of a crashed process is its signal.
            const int number = signal ? signal : process->exitCode();
            onEnded(QStringLiteral("killed by signal %1 (%2)").arg(number).arg(QString::fromLatin1(::strsignal(number))),
                    -number);
        }
    });
    QObject::connect(process, &QProcess::errorOccurred, process, [this, process](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            onEnded(QStringLiteral("cannot start the worker program %1: %2").arg(process->program(), process->errorString()),
                    std::nullopt);
        // Crashes are reported by finished(), which follows.
    });
    {
        std::lock_guard lock(m_mutex);
        m_startNs = Clock::monotonicNs();
    }
    process->start();
}

void WorkerProcess::onReadable()
{
    if (!m_process)
        return;
    m_decoder->feed(m_process->readAllStandardOutput());
    while (auto frame = m_decoder->next()) {
        const QCborMap &body = frame->body;
        switch (frame->type) {
        case FrameType::Hello: {
            const qint64 pid = body.value(QStringLiteral("pid")).toInteger();
            m_lanes.greet(ActorId(body.value(QStringLiteral("processActor")).toInteger()),
                          ActorId(body.value(QStringLiteral("mainActor")).toInteger()), pid);
            {
                std::lock_guard lock(m_mutex);
                m_ready = true;
                m_pid = pid;
                m_readyNs = body.value(QStringLiteral("readyNs")).toInteger();
                m_changed.notify_all();
            }
            if (onReady)
                onReady();
            break;
        }
        case FrameType::Result:
        case FrameType::Error: {
            const qint64 id = body.value(QStringLiteral("id")).toInteger();
            std::shared_ptr<CallState> call;
            {
                std::lock_guard lock(m_mutex);
                for (auto it = m_pending.begin(); it != m_pending.end(); ++it) {
                    if ((*it)->id() == id) {
                        call = *it;
                        m_pending.erase(it);
                        break;
                    }
                }
            }
            if (!call)
                break;
            CallResult result;
            result.ok = frame->type == FrameType::Result;
            result.value = body.value(QStringLiteral("value"));
            result.errorType = body.value(QStringLiteral("type")).toString();
            result.errorMessage = body.value(QStringLiteral("message")).toString();
            call->complete(std::move(result));
            break;
        }
        case FrameType::Events:
            m_lanes.import(body);
            break;
        case FrameType::Output:
            if (onOutput)
                onOutput(body.value(QStringLiteral("text")).toString());
            break;
        default:
            break;
        }
    }
    if (m_decoder->failed()) {
        const QString reason = QStringLiteral("sent something that is not the worker protocol: %1").arg(m_decoder->error());
        {
            std::lock_guard lock(m_mutex);
            if (m_deathReason.isEmpty())
                m_deathReason = reason;
            m_signalSent = SIGKILL;
        }
        m_process->kill();
    }
}

void WorkerProcess::onEnded(const QString &reason, std::optional<int> exitCode)
{
    std::deque<std::shared_ptr<CallState>> pending;
    QString why;
    qint64 readyNs = 0;
    {
        std::lock_guard lock(m_mutex);
        if (m_ended)
            return;
        readyNs = m_ready ? m_readyNs : 0;
        m_ended = true;
        if (m_deathReason.isEmpty()) {
            m_deathReason = reason;
            if (m_decoder->pendingBytes() > 0)
                m_deathReason += QStringLiteral(", in the middle of a frame (%1 bytes of it arrived)").arg(m_decoder->pendingBytes());
        }
        why = m_deathReason;
        m_exitCode = exitCode;
        pending.swap(m_pending);
        m_changed.notify_all();
    }
    m_lanes.ended(exitCode, readyNs);
    std::vector<std::shared_ptr<CallState>> calls(pending.begin(), pending.end());
    if (onDied && !calls.empty()) {
        onDied(std::move(calls));
    } else {
        for (const auto &call : calls) {
            CallResult result;
            result.errorType = QString::fromLatin1(kWorkerDied);
            result.errorMessage = QStringLiteral("the worker %1 died while this task ran: %2").arg(m_setup.name, why);
            call->complete(std::move(result));
        }
    }
    // join() returns only now, when every call it could ask about is answered.
    std::lock_guard lock(m_mutex);
    m_settled = true;
    m_changed.notify_all();
}

bool WorkerProcess::waitReady(Timeout timeout)
{
    WaitSpec spec;
    spec.reason = WaitReason::Io;
    spec.deadline = Deadline::after(timeout);
    std::unique_lock lock(m_mutex);
    sched::wait(lock, m_changed, [this] { return m_ready || m_ended; }, spec);
    return m_ready && !m_ended;
}

bool WorkerProcess::isReady() const
{
    std::lock_guard lock(m_mutex);
    return m_ready && !m_ended;
}

qint64 WorkerProcess::pid() const
{
    std::lock_guard lock(m_mutex);
    return m_pid;
}

qint64 WorkerProcess::startToReadyNs() const
{
    std::lock_guard lock(m_mutex);
    return m_ready ? m_readyNs - m_startNs : -1;
}

void WorkerProcess::send(const std::shared_ptr<CallState> &call, const QString &task, const QCborArray &args,
                         bool chunk, bool once)
{
    QCborMap body{{QStringLiteral("id"), call->id()},
                  {QStringLiteral("task"), task},
                  {QStringLiteral("args"), args},
                  {QStringLiteral("pool"), call->pool()},
                  {QStringLiteral("trace"), m_setup.run != nullptr}};
    if (chunk)
        body.insert(QStringLiteral("chunk"), true);
    if (once)
        body.insert(QStringLiteral("once"), true);
    const QByteArray bytes = encodeFrame({FrameType::Call, body});
    bool schedule = false;
    bool ended = false;
    QString why;
    {
        // Into the outbox in the order of m_pending: the worker runs its
        // calls in that order, and its death fails the first one.
        std::lock_guard lock(m_mutex);
        ended = m_ended;
        if (ended) {
            why = m_deathReason;
        } else {
            m_pending.push_back(call);
            schedule = m_outbox.isEmpty();
            m_outbox += bytes;
        }
    }
    if (ended) {
        // Outside the lock: its onDone may ask this worker how busy it is.
        CallResult result;
        result.errorType = QString::fromLatin1(kWorkerDied);
        result.errorMessage = QStringLiteral("the worker %1 is gone: %2").arg(m_setup.name, why);
        call->complete(std::move(result));
        return;
    }
    if (ProcessIo::instance().onIoThread()) {
        // A pool refilling this worker from a result: no job, no wake-up.
        flushOutbox();
        return;
    }
    if (schedule) {
        // One job writes every call queued until it runs.
        std::weak_ptr<WorkerProcess> weak = weak_from_this();
        ProcessIo::instance().post([weak] {
            if (auto w = weak.lock())
                w->flushOutbox();
        });
    }
}

void WorkerProcess::flushOutbox()
{
    if (!m_process)
        return; // launch() has not run: it is queued before this
    QByteArray bytes;
    {
        std::lock_guard lock(m_mutex);
        bytes.swap(m_outbox);
    }
    if (!bytes.isEmpty())
        m_process->write(bytes);
}

int WorkerProcess::pendingCalls() const
{
    std::lock_guard lock(m_mutex);
    return int(m_pending.size());
}

void WorkerProcess::shutdown()
{
    {
        // Behind the calls already sent.
        std::lock_guard lock(m_mutex);
        m_outbox += encodeFrame({FrameType::Shutdown, {}});
    }
    std::weak_ptr<WorkerProcess> weak = weak_from_this();
    ProcessIo::instance().post([weak] {
        if (auto w = weak.lock(); w && w->m_process) {
            w->flushOutbox();
            w->m_process->closeWriteChannel();
        }
    });
}

void WorkerProcess::terminate()
{
    {
        std::lock_guard lock(m_mutex);
        if (!m_signalSent)
            m_signalSent = SIGTERM;
    }
    std::weak_ptr<WorkerProcess> weak = weak_from_this();
    ProcessIo::instance().post([weak] {
        if (auto w = weak.lock(); w && w->m_process)
            w->m_process->terminate();
    });
}

void WorkerProcess::kill()
{
    {
        std::lock_guard lock(m_mutex);
        m_signalSent = SIGKILL;
    }
    std::weak_ptr<WorkerProcess> weak = weak_from_this();
    ProcessIo::instance().post([weak] {
        if (auto w = weak.lock(); w && w->m_process)
            w->m_process->kill();
    });
}

bool WorkerProcess::waitFinished(Timeout timeout)
{
    WaitSpec spec;
    spec.reason = WaitReason::Join;
    spec.deadline = Deadline::after(timeout);
    spec.awaitedActor = mainActor();
    std::unique_lock lock(m_mutex);
    return sched::wait(lock, m_changed, [this] { return m_settled; }, spec);
}

void WorkerProcess::waitSettled()
{
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [this] { return m_settled; });
}

bool WorkerProcess::isAlive() const
{
    std::lock_guard lock(m_mutex);
    return !m_ended;
}

std::optional<int> WorkerProcess::exitCode() const
{
    std::lock_guard lock(m_mutex);
    return m_exitCode;
}

QString WorkerProcess::deathReason() const
{
    std::lock_guard lock(m_mutex);
    return m_deathReason;
}

} // namespace clab::process
