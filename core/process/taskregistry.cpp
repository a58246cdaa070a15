#include "taskregistry.h"
#include "ipc.h"
#include "protocol.h"

#include "coro/awaitables.h"
#include "sync/instrumented.h"
#include "gil/gil.h"
#include "threads/errors.h"
#include "threads/runcontext.h"
#include "threads/schedpoint.h"
#include "threads/thread.h"
#include "trace/clock.h"

#include <QCborMap>
#include <QSharedMemory>
#include <QSystemSemaphore>
#include <atomic>
#include <csignal>
#include <sys/socket.h>
#include <sys/wait.h>
#include <poll.h>
#include <unistd.h>

namespace clab::process {

qint64 g_processGlobal = 0;

namespace {

qint64 intArg(const QCborArray &args, qsizetype i, const char *name)
{
    if (i >= args.size() || !args[i].isInteger())
        throw ValueError(std::string("argument ") + name + " must be an integer");
    return args[i].toInteger();
}

double realArg(const QCborArray &args, qsizetype i, const char *name)
{
    if (i >= args.size() || !(args[i].isDouble() || args[i].isInteger()))
        throw ValueError(std::string("argument ") + name + " must be a number");
    return args[i].isInteger() ? double(args[i].toInteger()) : args[i].toDouble();
}

QString stringArg(const QCborArray &args, qsizetype i, const char *name)
{
    if (i >= args.size() || !args[i].isString())
        throw ValueError(std::string("argument ") + name + " must be a string");
    return args[i].toString();
}

// Whole messages over a SOCK_SEQPACKET socket (a Pipe or a Queue).
void sendMessage(int fd, const QCborValue &value)
{
    const QByteArray bytes = value.toCbor();
    if (::send(fd, bytes.constData(), size_t(bytes.size()), MSG_NOSIGNAL) != bytes.size())
        throw PythonError("BrokenPipeError", "the other end of the pipe is closed");
}

std::optional<QCborValue> receiveMessage(int fd)
{
    for (;;) {
        pollfd ready{fd, POLLIN, 0};
        ::poll(&ready, 1, -1);
        QByteArray buffer(std::max<qsizetype>(1, nextMessageBytes(fd)), Qt::Uninitialized);
        const ssize_t n = ::recv(fd, buffer.data(), size_t(buffer.size()), 0);
        if (n > 0)
            return QCborValue::fromCbor(buffer.left(int(n)));
        if (n == 0)
            return std::nullopt; // every writer has closed its end
        if (errno != EINTR)
            throw PythonError("OSError", "cannot read the pipe");
    }
}

// An object of the worker's trace, recorded on by hand: the end of a Pipe
// on fd 3, a shared memory block. The app maps it onto its own object of
// the same name when it shares one (WorkerProcess::Setup::sharedObjects).
class TracedObject : public Instrumented
{
public:
    TracedObject(ObjectKind kind, const QString &name) : Instrumented(kind, name) {}
};

// Count-down work under this process's own GIL (uncontended: one thread).
qint64 countdown(qint64 n)
{
    Gil gil;
    Interpreter python(gil);
    python.run(n);
    return n;
}

} // namespace

const TaskRegistry &TaskRegistry::instance()
{
    static const TaskRegistry registry;
    return registry;
}

TaskRegistry::TaskRegistry()
{
    m_tasks[QStringLiteral("identify")] = [](const QCborArray &, TaskContext &) {
        return QCborValue(QCborMap{{QStringLiteral("pid"), qint64(::getpid())}, {QStringLiteral("ppid"), qint64(::getppid())}});
    };
    m_tasks[QStringLiteral("echo")] = [](const QCborArray &args, TaskContext &) {
        return args.isEmpty() ? QCborValue() : args[0];
    };
    m_tasks[QStringLiteral("square")] = [](const QCborArray &args, TaskContext &) {
        const qint64 x = intArg(args, 0, "x");
        return QCborValue(x * x);
    };
    m_tasks[QStringLiteral("sleep")] = [](const QCborArray &args, TaskContext &) {
        const double seconds = realArg(args, 0, "seconds");
        clab::sleep(seconds);
        return QCborValue(seconds);
    };
    m_tasks[QStringLiteral("countdown")] = [](const QCborArray &args, TaskContext &) {
        return QCborValue(countdown(intArg(args, 0, "n")));
    };
    // One Python thread's share of a GIL scenario, in a process of its own
    // (with its own GIL): `requests` times, `units` of work then `io` seconds
    // of I/O.
    m_tasks[QStringLiteral("interpret")] = [](const QCborArray &args, TaskContext &) {
        const qint64 units = intArg(args, 0, "units");
        const qint64 requests = args.size() > 1 ? intArg(args, 1, "requests") : 1;
        const double io = args.size() > 2 ? realArg(args, 2, "io") : 0.0;
        Gil gil;
        Interpreter python(gil);
        for (qint64 r = 0; r < requests; ++r) {
            python.run(units);
            if (io > 0)
                python.io(io);
        }
        return QCborValue(units * requests);
    };
    // CPU-bound work for `seconds`, or until the process is terminated.
    m_tasks[QStringLiteral("spin")] = [](const QCborArray &args, TaskContext &) {
        const double seconds = realArg(args, 0, "seconds");
        Gil gil;
        Interpreter python(gil);
        const qint64 end = Clock::monotonicNs() + qint64(seconds * 1e9);
        qint64 units = 0;
        while (Clock::monotonicNs() < end) {
            python.run(2000);
            units += 2000;
        }
        return QCborValue(units);
    };
    m_tasks[QStringLiteral("raise")] = [](const QCborArray &args, TaskContext &) -> QCborValue {
        throw ValueError(args.isEmpty() ? std::string("raised on purpose") : stringArg(args, 0, "message").toStdString());
    };
    m_tasks[QStringLiteral("crash")] = [](const QCborArray &, TaskContext &) -> QCborValue {
        ::kill(::getpid(), SIGKILL); // dies in the middle of a task, for real
        ::pause();
        return {};
    };
    // Faults on the wire: bytes that are not a frame, and a frame cut short
    // by the worker's death. The app must fail the worker, never hang.
    m_tasks[QStringLiteral("write-garbage")] = [](const QCborArray &, TaskContext &) -> QCborValue {
        static const char text[] = "Traceback (most recent call last): not a frame\n";
        [[maybe_unused]] const auto written = ::write(STDOUT_FILENO, text, sizeof text - 1);
        ::pause();
        return {};
    };
    m_tasks[QStringLiteral("truncated-frame")] = [](const QCborArray &, TaskContext &) -> QCborValue {
        const unsigned char header[] = {100, 0, 0, 0, quint8(FrameType::Result), 0xa1};
        [[maybe_unused]] const auto written = ::write(STDOUT_FILENO, header, sizeof header);
        ::_exit(0);
    };
    m_tasks[QStringLiteral("set-global")] = [](const QCborArray &args, TaskContext &) {
        const qint64 before = g_processGlobal;
        g_processGlobal = intArg(args, 0, "value");
        return QCborValue(QCborMap{{QStringLiteral("before"), before}, {QStringLiteral("after"), g_processGlobal}});
    };
    m_tasks[QStringLiteral("fork")] = [](const QCborArray &, TaskContext &) {
        int report[2];
        if (::pipe(report) != 0)
            throw PythonError("OSError", "pipe failed");
        // The child has no trace of its own: it joins this process's trace
        // as a process with one thread, from the times it reports.
        RunContext *run = this_thread::run();
        ActorId childProcess = 0;
        ActorId childThread = 0;
        if (run) {
            ActorInfo process;
            process.kind = ActorKind::Process;
            process.name = QStringLiteral("forked child");
            process.parent = run->processActor();
            childProcess = run->recorder().addActor(process);
            ActorInfo thread;
            thread.kind = ActorKind::Thread;
            thread.name = QStringLiteral("MainThread");
            thread.parent = childProcess;
            childThread = run->recorder().addActor(thread);
            trace::record(EventKind::Spawn, 0, qint64(childThread));
        }
        const pid_t pid = ::fork();
        if (pid < 0)
            throw PythonError("OSError", "fork failed");
        if (pid == 0) {
            // The child: fork() returned 0 here. It tells the parent, then
            // leaves without touching anything it shares with the parent.
            timespec now{};
            ::clock_gettime(CLOCK_MONOTONIC, &now);
            const qint64 mine[3] = {0, qint64(::getpid()), qint64(now.tv_sec) * 1'000'000'000 + now.tv_nsec};
            [[maybe_unused]] ssize_t w = ::write(report[1], mine, sizeof mine);
            ::_exit(0);
        }
        ::close(report[1]);
        qint64 child[3] = {-1, -1, 0};
        [[maybe_unused]] ssize_t r = ::read(report[0], child, sizeof child);
        const qint64 reportedNs = Clock::monotonicNs();
        ::close(report[0]);
        int status = 0;
        ::waitpid(pid, &status, 0);
        if (run) {
            run->recorder().setActorOsId(childProcess, qint64(pid));
            const qint64 exitStatus = WIFSIGNALED(status) ? -WTERMSIG(status) : WEXITSTATUS(status);
            TraceEvent start;
            start.ts = child[2] > 0 ? child[2] : reportedNs;
            start.kind = EventKind::ActorStart;
            start.actor = childThread;
            TraceEvent end = start;
            end.ts = std::max(start.ts, reportedNs);
            end.kind = EventKind::ActorEnd;
            end.value = exitStatus == 0 ? 0 : 1;
            TraceEvent exited = end;
            exited.ts = std::max(end.ts, Clock::monotonicNs());
            exited.actor = childProcess;
            exited.aux = quint32(qint32(exitStatus));
            run->recorder().addForeignEvents({start, end, exited});
        }
        return QCborValue(QCborMap{{QStringLiteral("parent_got"), qint64(pid)},
                                   {QStringLiteral("child_got"), child[0]},
                                   {QStringLiteral("child_pid"), child[1]},
                                   {QStringLiteral("parent_pid"), qint64(::getpid())}});
    };
    m_tasks[QStringLiteral("slow-square")] = [](const QCborArray &args, TaskContext &) {
        const qint64 x = intArg(args, 0, "x");
        clab::sleep(realArg(args, 1, "seconds"));
        return QCborValue(x * x);
    };
    // Adds 1 to a shared Value `iterations` times: a load, then a separate
    // store, so without the lock another process can write in between.
    // Cells: [0] the value, [1] processes ready, [2] the start signal, so
    // that every process begins adding at the same moment.
    m_tasks[QStringLiteral("shm-add")] = [](const QCborArray &args, TaskContext &) {
        QSharedMemory memory(stringArg(args, 0, "key"));
        const qint64 iterations = intArg(args, 1, "iterations");
        const bool useLock = args.size() > 2 && args[2].toBool();
        if (!memory.attach())
            throw PythonError("FileNotFoundError", "no shared memory named " + args[0].toString().toStdString());
        std::optional<QSystemSemaphore> lock;
        if (useLock)
            lock.emplace(stringArg(args, 3, "lock"), 1, QSystemSemaphore::Open);
        auto *cells = static_cast<qint64 *>(memory.data());
        std::atomic_ref<qint64> shared(cells[0]);
        // Only where it begins and ends is traced (what it first read, what
        // it last wrote): an event per addition would change the race.
        const TracedObject block(ObjectKind::Variable, args[0].toString());
        std::atomic_ref<qint64>(cells[1]).fetch_add(1);
        while (std::atomic_ref<qint64>(cells[2]).load() == 0)
            sched::checkpoint();
        trace::record(EventKind::VarRead, block.id(), shared.load(std::memory_order_relaxed));
        qint64 last = 0;
        for (qint64 i = 0; i < iterations; ++i) {
            if (lock)
                lock->acquire();
            const qint64 seen = shared.load(std::memory_order_relaxed);
            shared.store(seen + 1, std::memory_order_relaxed);
            last = seen + 1;
            if (lock)
                lock->release();
        }
        if (iterations > 0)
            trace::record(EventKind::VarWrite, block.id(), last);
        memory.detach();
        return QCborValue(iterations);
    };
    // A Pipe's or a Queue's end arrives as file descriptor 3.
    m_tasks[QStringLiteral("send-messages")] = [](const QCborArray &args, TaskContext &) {
        const qint64 count = intArg(args, 0, "count");
        const double gap = args.size() > 1 ? realArg(args, 1, "gap") : 0.0;
        // Message i + 1 on this end, put as it leaves (see Connection).
        const TracedObject channel(ObjectKind::Queue, QString::fromLatin1(kInheritedChannel));
        for (qint64 i = 0; i < count; ++i) {
            PendingPut put(channel.id(), i + 1);
            sendMessage(3, QCborMap{{QStringLiteral("n"), i}, {QStringLiteral("from"), qint64(::getpid())}});
            put.commit();
            if (gap > 0)
                clab::sleep(gap);
        }
        return QCborValue(count);
    };
    // Reads until the writers close; `forever` keeps waiting (the classic
    // endless reader, which its parent terminates). `seconds`: how long it
    // takes over each message.
    m_tasks[QStringLiteral("receive-messages")] = [](const QCborArray &args, TaskContext &context) {
        const bool endless = !args.isEmpty() && args[0].toBool();
        const double handling = args.size() > 1 ? realArg(args, 1, "seconds") : 0.0;
        const TracedObject channel(ObjectKind::Queue, QString::fromLatin1(kInheritedChannel));
        qint64 received = 0;
        for (;;) {
            // It waits on the pipe; the app hears so before it blocks, and
            // hears of each Get before the line that reports it (after
            // which its parent may terminate it).
            trace::record(EventKind::WaitBegin, channel.id(), qint64(WaitReason::Queue));
            context.flushTrace();
            const auto message = receiveMessage(3);
            if (!message) {
                if (endless) {
                    ::pause(); // still waiting: nothing will come
                    continue;
                }
                trace::record(EventKind::WaitEnd, channel.id(), qint64(WaitOutcome::Satisfied));
                break;
            }
            trace::record(EventKind::WaitEnd, channel.id(), qint64(WaitOutcome::Satisfied));
            ++received;
            trace::record(EventKind::Get, channel.id(), received);
            context.flushTrace();
            if (handling > 0)
                clab::sleep(handling);
            context.print(QStringLiteral("got %1 from pid %2")
                              .arg(message->toMap().value(QStringLiteral("n")).toInteger())
                              .arg(message->toMap().value(QStringLiteral("from")).toInteger()));
        }
        return QCborValue(received);
    };
    // Runs an event loop with `count` coroutines that each sleep: one
    // process's share of the processes-plus-coroutines pattern.
    m_tasks[QStringLiteral("event-loop")] = [](const QCborArray &args, TaskContext &) {
        const qint64 count = intArg(args, 0, "count");
        const double seconds = realArg(args, 1, "seconds");
        struct Local {
            static coro::Task<int> sleeper(double s)
            {
                co_await coro::sleep(s);
                co_return 1;
            }
            static coro::Task<qint64> main(qint64 n, double s)
            {
                std::vector<coro::Task<int>> tasks;
                for (qint64 i = 0; i < n; ++i)
                    tasks.push_back(sleeper(s));
                const auto done = co_await coro::gather(std::move(tasks));
                co_return qint64(done.size());
            }
        };
        coro::EventLoop loop;
        return QCborValue(loop.run(Local::main(count, seconds)));
    };
}

const TaskFunction *TaskRegistry::find(const QString &name) const
{
    const auto it = m_tasks.find(name);
    return it == m_tasks.end() ? nullptr : &it->second;
}

QStringList TaskRegistry::names() const
{
    QStringList out;
    for (const auto &[name, fn] : m_tasks)
        out << name;
    return out;
}

} // namespace clab::process
