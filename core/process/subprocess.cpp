#include "subprocess.h"

#include "threads/errors.h"
#include "threads/runcontext.h"
#include "threads/schedpoint.h"
#include "trace/clock.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QFileInfo>
#include <QStandardPaths>

#include <csignal>

namespace clab::process {

CompletedProcess runSubprocess(const QString &program, const QStringList &arguments, const QByteArray &input,
                               Timeout timeout, bool check)
{
    sched::point(0, Op::Start);
    CompletedProcess result;
    result.args = QStringList{program} + arguments;
    const QString command = result.args.join(QLatin1Char(' '));
    if (QStandardPaths::findExecutable(program).isEmpty() && !QFileInfo(program).isExecutable())
        throw PythonError("FileNotFoundError", "[Errno 2] No such file or directory: '" + program.toStdString() + "'");

    QProcess child;
    bool failedToStart = false;
    QString startError;
    bool finished = false;
    QObject::connect(&child, &QProcess::errorOccurred, [&](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart) {
            failedToStart = true;
            startError = child.errorString();
        }
    });
    QObject::connect(&child, &QProcess::finished, [&](int, QProcess::ExitStatus) { finished = true; });

    RunContext *run = this_thread::run();
    ActorId actor = 0;   // the child's one thread: its lane
    ActorId processActor = 0;
    trace::Span io(EventKind::IoBegin, EventKind::IoEnd);
    const qint64 spawnNs = Clock::monotonicNs();   // when it asked the OS for the child
    child.start(program, arguments);
    if (!child.waitForStarted(10000) || failedToStart)
        throw PythonError("FileNotFoundError", "cannot run '" + program.toStdString() + "': " + startError.toStdString());
    result.pid = child.processId();
    if (run) {
        ActorInfo info;
        info.kind = ActorKind::Process;
        info.name = program;
        info.parent = run->processActor();
        info.osId = result.pid;
        ActorInfo thread;
        thread.kind = ActorKind::Thread;
        thread.name = QStringLiteral("MainThread");
        processActor = run->recorder().addActor(info);
        thread.parent = processActor;
        actor = run->recorder().addActor(thread);
        // Stamped on the clock its lane's start is stamped on, so the spawn
        // comes before the start.
        TraceEvent spawn;
        spawn.ts = spawnNs;
        spawn.kind = EventKind::Spawn;
        spawn.actor = trace::currentActor();
        spawn.value = qint64(actor);
        if (spawn.actor != 0)
            run->recorder().addForeignEvents({spawn});
    }
    const qint64 startedNs = Clock::monotonicNs();
    // The child has no trace of its own: a lane from start to exit, on every
    // way out (finished, timed out, cancelled), and the process's exit
    // status (minus the signal that killed it).
    auto closeLane = [&](int status) {
        if (!run || !actor)
            return;
        TraceEvent begin;
        begin.ts = startedNs;
        begin.kind = EventKind::ActorStart;
        begin.actor = actor;
        TraceEvent end = begin;
        end.ts = Clock::monotonicNs();
        end.kind = EventKind::ActorEnd;
        end.value = status == 0 ? 0 : 1;
        TraceEvent exited = end;
        exited.actor = processActor;
        exited.aux = quint32(qint32(status));
        run->recorder().addForeignEvents({begin, end, exited});
        actor = 0;
    };
    auto killChild = [&] {
        child.kill();
        child.waitForFinished(2000);
        closeLane(-SIGKILL);
    };
    if (!input.isEmpty())
        child.write(input);
    child.closeWriteChannel();

    const Deadline deadline = Deadline::after(timeout);
    while (!finished) {
        if (sched::cancellationRequested()) {
            killChild();
            throw RunCancelled();
        }
        if (deadline.hasPassed()) {
            killChild();
            throw PythonError("TimeoutExpired", "Command '" + command.toStdString() + "' timed out after "
                                                    + std::to_string(*timeout) + " seconds");
        }
        child.waitForFinished(20);
    }
    result.stdoutData = child.readAllStandardOutput();
    result.stderrData = child.readAllStandardError();
    result.returncode = child.exitStatus() == QProcess::NormalExit ? child.exitCode() : -child.exitCode();
    closeLane(result.returncode);
    if (check && result.returncode != 0)
        throw PythonError("CalledProcessError", "Command '" + command.toStdString() + "' returned non-zero exit status "
                                                    + std::to_string(result.returncode) + ".");
    return result;
}

} // namespace clab::process
