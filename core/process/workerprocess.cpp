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

// --- CallState ---

bool CallState::done() const
{
    std::lock_guard lock(m_mutex);
    return m_done;
}

CallResult CallState::result() const
{
    std::lock_guard lock(m_mutex);
    return m_result;
}

CallResult CallState::wait(Timeout timeout)
{
    WaitSpec spec;
    spec.object = m_pool;
    spec.reason = WaitReason::Future;
    spec.deadline = Deadline::after(timeout);
    std::unique_lock lock(m_mutex);
    if (!sched::wait(lock, m_cv, [this] { return m_done; }, spec))
        throw TimeoutError();
    return m_result;
}

void CallState::complete(CallResult result)
{
    std::function<void(const CallResult &)> callback;
    {
        std::lock_guard lock(m_mutex);
        if (m_done)
            return;
        m_done = true;
        m_result = std::move(result);
        callback = onDone;
    }
    // Outside the lock, or the waiter wakes only to block on it again. The
    // caller of complete() holds a reference, so the state outlives this.
    m_cv.notify_all();
    if (callback)
        callback(m_result);
}

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
{
}

std::shared_ptr<WorkerProcess> WorkerProcess::start(const Setup &setup)
{
    std::shared_ptr<WorkerProcess> worker(new WorkerProcess(setup));
    // Read here, on the caller's thread: the environment and the
    // application's path belong to the application, not to the I/O thread.
    worker->m_program = workerExecutable().toStdString();
    worker->m_clock = Clock::calibration().toStdString();
    if (RunContext *run = setup.run) {
        ActorInfo process;
        process.kind = ActorKind::Process;
        process.name = setup.name;
        process.parent = run->processActor();
        worker->m_processActor = run->recorder().addActor(process);
        ActorInfo mainThread;
        mainThread.kind = ActorKind::Thread;
        mainThread.name = QStringLiteral("MainThread");
        mainThread.parent = worker->m_processActor;
        worker->m_mainActor = run->recorder().addActor(mainThread);
        trace::record(EventKind::Spawn, 0, qint64(worker->m_mainActor));
    }
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
            m_actorMap[ActorId(body.value(QStringLiteral("processActor")).toInteger())] = m_processActor;
            m_actorMap[ActorId(body.value(QStringLiteral("mainActor")).toInteger())] = m_mainActor;
            if (m_setup.run && m_processActor)
                m_setup.run->recorder().setActorOsId(m_processActor, pid);
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
            handleEvents(body);
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
    if (m_setup.run && m_mainActor) {
        std::vector<TraceEvent> ends;
        TraceEvent end;
        end.ts = Clock::monotonicNs();
        end.kind = EventKind::ActorEnd;
        end.value = exitCode && *exitCode == 0 ? 0 : 1;
        if (!m_mainStarted && readyNs > 0) {
            // Killed before its first events reached us: its lane began
            // when it said it was ready.
            TraceEvent start;
            start.ts = std::min(readyNs, end.ts);
            start.kind = EventKind::ActorStart;
            start.actor = m_mainActor;
            ends.push_back(start);
        }
        if (!m_mainEnded) {
            // A worker that was killed never recorded its end: end its lane now.
            end.actor = m_mainActor;
            ends.push_back(end);
        }
        if (exitCode) {
            // The process itself: its exit status, as Process.exitcode has it.
            end.actor = m_processActor;
            end.aux = quint32(qint32(*exitCode));
            ends.push_back(end);
        }
        if (!ends.empty())
            m_setup.run->recorder().addForeignEvents(std::move(ends));
    }
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

ActorId WorkerProcess::mapActor(ActorId local, const QCborMap *info)
{
    const auto it = m_actorMap.find(local);
    RunContext *run = m_setup.run;
    if (it != m_actorMap.end()) {
        if (info && run) {
            const qint64 osId = info->value(QStringLiteral("osId")).toInteger();
            if (osId && it->second != m_processActor)
                run->recorder().setActorOsId(it->second, osId);
        }
        return it->second;
    }
    if (!info || !run)
        return m_mainActor;
    ActorInfo actor;
    actor.kind = ActorKind(info->value(QStringLiteral("kind")).toInteger());
    actor.name = info->value(QStringLiteral("name")).toString();
    actor.osId = info->value(QStringLiteral("osId")).toInteger();
    actor.daemon = info->value(QStringLiteral("daemon")).toBool();
    const auto parent = m_actorMap.find(ActorId(info->value(QStringLiteral("parent")).toInteger()));
    actor.parent = parent != m_actorMap.end() ? parent->second : m_processActor;
    const ActorId mapped = run->recorder().addActor(actor);
    m_actorMap[local] = mapped;
    return mapped;
}

ObjectId WorkerProcess::mapObject(ObjectId local)
{
    const auto it = m_objectMap.find(local);
    return it == m_objectMap.end() ? 0 : it->second;
}

void WorkerProcess::handleEvents(const QCborMap &body)
{
    RunContext *run = m_setup.run;
    if (!run)
        return;
    const QCborArray actors = body.value(QStringLiteral("actors")).toArray();
    for (const QCborValue &a : actors) {
        const QCborMap info = a.toMap();
        mapActor(ActorId(info.value(QStringLiteral("id")).toInteger()), &info);
    }
    for (const QCborValue &o : body.value(QStringLiteral("objects")).toArray()) {
        const QCborMap info = o.toMap();
        const QString name = info.value(QStringLiteral("name")).toString();
        const auto shared = m_setup.sharedObjects.find(name);
        if (shared != m_setup.sharedObjects.end() && shared->second != 0) {
            m_objectMap[ObjectId(info.value(QStringLiteral("id")).toInteger())] = shared->second;
            continue;
        }
        ObjectInfo object;
        object.kind = ObjectKind(info.value(QStringLiteral("kind")).toInteger());
        object.name = QStringLiteral("%1 (%2)").arg(name, m_setup.name);
        object.capacity = info.value(QStringLiteral("capacity")).toInteger();
        m_objectMap[ObjectId(info.value(QStringLiteral("id")).toInteger())] = run->recorder().addObject(object);
    }
    const QByteArray raw = body.value(QStringLiteral("events")).toByteArray();
    std::vector<TraceEvent> events(size_t(raw.size()) / sizeof(TraceEvent));
    std::memcpy(events.data(), raw.constData(), events.size() * sizeof(TraceEvent));
    for (TraceEvent &e : events) {
        e.actor = mapActor(e.actor, nullptr);
        switch (e.kind) {
        case EventKind::TaskSubmitted:
        case EventKind::TaskStarted:
        case EventKind::TaskFinished:
        case EventKind::TaskResult:
        case EventKind::TaskCancelled:
            break; // the app's own pool id
        case EventKind::Spawn:
        case EventKind::DeadlockFound:
            e.value = qint64(mapActor(ActorId(e.value), nullptr));
            e.object = mapObject(e.object);
            break;
        default:
            e.object = mapObject(e.object);
            break;
        }
        if (e.kind == EventKind::WaitBegin && WaitReason(e.value) == WaitReason::Join)
            e.aux = mapActor(ActorId(e.aux), nullptr);
        if (e.kind == EventKind::ActorStart && e.actor == m_mainActor)
            m_mainStarted = true;
        if (e.kind == EventKind::ActorEnd && e.actor == m_mainActor)
            m_mainEnded = true;
    }
    run->recorder().addForeignEvents(std::move(events));
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
    spec.awaitedActor = m_mainActor;
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
