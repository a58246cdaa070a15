#include "process/ipc.h"
#include "process/process.h"
#include "process/sharedmemory.h"
#include "process/subprocess.h"
#include "scenarios/builtin.h"
#include "threads/thread.h"

#include <QCborMap>
#include <QJsonArray>
#include <atomic>
#include <thread>

namespace clab {
namespace {

using process::Process;

// A producer process and a consumer process joined by a Queue (a socket
// carrying whole messages). The consumer reads forever, so when everything
// has arrived the parent terminates it, as the classic example does.
class ProcessQueue final : public Scenario
{
public:
    QString id() const override { return QStringLiteral("process-queue"); }
    ScenarioGroup group() const override { return ScenarioGroup::Processes; }
    QString title() const override { return trScenario(QT_TRANSLATE_NOOP("clab::Scenario", "A Queue between processes")); }
    QString description() const override
    {
        return trScenario(QT_TRANSLATE_NOOP("clab::Scenario",
            "A writer process puts messages into a Queue and a reader process takes them out. The reader is "
            "slower than the writer, so messages wait in the Queue. It loops forever, so the parent terminates it "
            "at the end."));
    }
    QString scene() const override { return QStringLiteral("process"); }
    QList<ParameterSpec> parameters() const override
    {
        return {
            ParameterSpec::integer(QStringLiteral("messages"), 5, 1, 10000, QT_TRANSLATE_NOOP("clab::Scenario", "Messages the writer puts")),
            ParameterSpec::integer(QStringLiteral("gap_ms"), 10, 0, 5000,
                QT_TRANSLATE_NOOP("clab::Scenario", "Pause between messages, ms")),
            ParameterSpec::integer(QStringLiteral("reader_ms"), 30, 0, 5000,
                QT_TRANSLATE_NOOP("clab::Scenario", "How long the reader takes over each message, ms")),
        };
    }
    void run(ScenarioContext &ctx) const override
    {
        const int messages = ctx.params.count(QStringLiteral("messages"));
        auto [writerEnd, readerEnd] = process::makePipe(QStringLiteral("Queue"));
        std::atomic<int> received{0};
        Process writer(QStringLiteral("send-messages"), QCborArray{messages, ctx.params.integer(QStringLiteral("gap_ms")) / 1000.0},
                       QStringLiteral("Writer"));
        writer.setInheritedEnd(writerEnd);
        Process reader(QStringLiteral("receive-messages"),
                       QCborArray{true, ctx.params.integer(QStringLiteral("reader_ms")) / 1000.0}, QStringLiteral("Reader"));
        reader.setInheritedEnd(readerEnd);
        reader.onOutput = [&](const QString &line) {
            received.fetch_add(1);
            ctx.print(QStringLiteral("Reader: ") + line);
        };
        writer.start();
        reader.start();
        writerEnd.close();
        readerEnd.close();
        writer.join();
        while (received.load() < messages && reader.isAlive())
            clab::sleep(0.005);
        reader.terminate(); // the endless reader
        reader.join();
        ctx.metrics.insert(QStringLiteral("produced"), writer.result().toInteger());
        ctx.metrics.insert(QStringLiteral("consumed"), received.load());
        ctx.metrics.insert(QStringLiteral("reader_exitcode"), reader.exitcode().value_or(0));
        ctx.metrics.insert(QStringLiteral("tasks_done"), received.load());
    }
};

// multiprocessing.Pipe(): the child sends on its end, the parent receives
// on the other, until the child closes it.
class PipeScenario final : public Scenario
{
public:
    QString id() const override { return QStringLiteral("pipe"); }
    ScenarioGroup group() const override { return ScenarioGroup::Processes; }
    QString title() const override { return trScenario(QT_TRANSLATE_NOOP("clab::Scenario", "A Pipe between processes")); }
    QString description() const override
    {
        return trScenario(QT_TRANSLATE_NOOP("clab::Scenario",
            "Pipe() gives two connected ends. The child process sends messages on its end; the parent receives "
            "them on the other until the child is done and its end closes. Messages the parent has not received "
            "yet wait in the pipe."));
    }
    QString scene() const override { return QStringLiteral("process"); }
    QList<ParameterSpec> parameters() const override
    {
        return {
            ParameterSpec::integer(QStringLiteral("messages"), 5, 1, 10000,
                QT_TRANSLATE_NOOP("clab::Scenario", "Messages the child sends")),
            ParameterSpec::integer(QStringLiteral("parent_ms"), 25, 0, 5000,
                QT_TRANSLATE_NOOP("clab::Scenario", "How long the parent takes over each message, ms")),
        };
    }
    void run(ScenarioContext &ctx) const override
    {
        const int messages = ctx.params.count(QStringLiteral("messages"));
        const double handling = ctx.params.integer(QStringLiteral("parent_ms")) / 1000.0;
        auto [parentEnd, childEnd] = process::makePipe();
        Process child(QStringLiteral("send-messages"), QCborArray{messages, 0.01}, QStringLiteral("Child"));
        child.setInheritedEnd(childEnd);
        child.start();
        childEnd.close(); // only the child holds it now: its exit is our end of file
        int received = 0;
        QJsonArray senders;
        for (;;) {
            try {
                const QCborMap message = parentEnd.recv().toMap();
                ++received;
                if (senders.isEmpty())
                    senders.append(message.value(QStringLiteral("from")).toInteger());
                if (handling > 0)
                    clab::sleep(handling); // handles it: the next ones wait in the pipe
            } catch (const PythonError &e) {
                if (QLatin1String(e.pythonType()) == QLatin1String("EOFError"))
                    break;
                throw;
            }
        }
        child.join();
        ctx.metrics.insert(QStringLiteral("sent"), child.result().toInteger());
        ctx.metrics.insert(QStringLiteral("received"), received);
        ctx.metrics.insert(QStringLiteral("sender_pid"), senders.isEmpty() ? 0 : senders.first());
        ctx.metrics.insert(QStringLiteral("tasks_done"), received);
    }
};

// Processes adding to one shared Value. Without the process-wide Lock, a
// load and the store after it can straddle another process's store, and
// that update is lost.
class SharedMemoryScenario final : public Scenario
{
public:
    QString id() const override { return QStringLiteral("shared-memory"); }
    ScenarioGroup group() const override { return ScenarioGroup::Processes; }
    QString title() const override { return trScenario(QT_TRANSLATE_NOOP("clab::Scenario", "Shared memory")); }
    QString description() const override
    {
        return trScenario(QT_TRANSLATE_NOOP("clab::Scenario",
            "Several processes each add 1 to a shared Value many times. Without the Lock their reads and writes "
            "interleave and updates are lost; with it, none are."));
    }
    QString scene() const override { return QStringLiteral("process"); }
    QList<ParameterSpec> parameters() const override
    {
        return {
            ParameterSpec::integer(QStringLiteral("processes"), 4, 1, 16, QT_TRANSLATE_NOOP("clab::Scenario", "How many processes add")),
            ParameterSpec::integer(QStringLiteral("iterations"), 1000000, 1, 50000000,
                QT_TRANSLATE_NOOP("clab::Scenario", "How many times each adds 1")),
            ParameterSpec::boolean(QStringLiteral("lock"), false,
                QT_TRANSLATE_NOOP("clab::Scenario", "Hold a multiprocessing.Lock around each addition")),
        };
    }
    void run(ScenarioContext &ctx) const override
    {
        const int n = ctx.params.count(QStringLiteral("processes"));
        const qint64 iterations = ctx.params.integer(QStringLiteral("iterations"));
        const bool useLock = ctx.params.boolean(QStringLiteral("lock"));
        process::SharedArray shared(3, QStringLiteral("counter")); // value, ready, go
        process::ProcessLock lock(QStringLiteral("counter_lock"));
        std::vector<std::unique_ptr<Process>> adders;
        for (int i = 0; i < n; ++i) {
            adders.push_back(std::make_unique<Process>(QStringLiteral("shm-add"),
                QCborArray{shared.key(), iterations, useLock, lock.key()}, QStringLiteral("Adder-%1").arg(i + 1)));
            adders.back()->shareObject(shared.key(), shared.id()); // where it begins and ends adding
            adders.back()->start();
        }
        // All begin together, so their additions really overlap.
        while (shared.at(1) < n && std::any_of(adders.begin(), adders.end(), [](auto &p) { return p->isAlive(); }))
            clab::sleep(0.001);
        shared.set(2, 1);
        // The parent watches the value climb while they add: a real read of
        // the shared block every quarter of a millisecond, recorded.
        while (std::any_of(adders.begin(), adders.end(), [](auto &p) { return p->isAlive(); })) {
            shared.sample(0);
            clab::sleep(0.00025);
        }
        for (auto &p : adders)
            p->join();
        const qint64 expected = qint64(n) * iterations;
        const qint64 final = shared.sample(0);
        ctx.metrics.insert(QStringLiteral("expected"), expected);
        ctx.metrics.insert(QStringLiteral("final"), final);
        ctx.metrics.insert(QStringLiteral("lost_updates"), expected - final);
        ctx.metrics.insert(QStringLiteral("tasks_done"), n);
    }
};

// subprocess.run: an external program with arguments, its output, its
// exit code, input fed to it, a timeout, and a missing program.
class SubprocessScenario final : public Scenario
{
public:
    QString id() const override { return QStringLiteral("subprocess"); }
    ScenarioGroup group() const override { return ScenarioGroup::Processes; }
    QString title() const override { return trScenario(QT_TRANSLATE_NOOP("clab::Scenario", "subprocess.run")); }
    QString description() const override
    {
        return trScenario(QT_TRANSLATE_NOOP("clab::Scenario",
            "subprocess.run starts another program, waits for it and captures what it printed and its exit "
            "code. Input can be fed to it, a timeout stops a slow one, and a missing program is an error."));
    }
    QString scene() const override { return QStringLiteral("process"); }
    void run(ScenarioContext &ctx) const override
    {
        using process::runSubprocess;
        const auto uname = runSubprocess(QStringLiteral("uname"), {QStringLiteral("-s"), QStringLiteral("-r")});
        ctx.print(QStringLiteral("$ uname -s -r\n") + QString::fromUtf8(uname.stdoutData).trimmed());
        const auto cat = runSubprocess(QStringLiteral("cat"), {}, "hello from the parent");
        const auto failing = runSubprocess(QStringLiteral("sh"), {QStringLiteral("-c"), QStringLiteral("echo oops >&2; exit 3")});
        QString missing;
        try {
            runSubprocess(QStringLiteral("no-such-program-here"), {});
        } catch (const PythonError &e) {
            missing = QString::fromStdString(e.describe());
        }
        QString timedOut;
        try {
            runSubprocess(QStringLiteral("sleep"), {QStringLiteral("5")}, {}, 0.2);
        } catch (const PythonError &e) {
            timedOut = QString::fromStdString(e.describe());
        }
        ctx.metrics.insert(QStringLiteral("stdout"), QString::fromUtf8(uname.stdoutData).trimmed());
        ctx.metrics.insert(QStringLiteral("returncode"), uname.returncode);
        ctx.metrics.insert(QStringLiteral("cat_echoed"), QString::fromUtf8(cat.stdoutData));
        ctx.metrics.insert(QStringLiteral("failing_returncode"), failing.returncode);
        ctx.metrics.insert(QStringLiteral("failing_stderr"), QString::fromUtf8(failing.stderrData).trimmed());
        ctx.metrics.insert(QStringLiteral("missing_error"), missing);
        ctx.metrics.insert(QStringLiteral("timeout_error"), timedOut);
        ctx.metrics.insert(QStringLiteral("tasks_done"), 3);
    }
};

} // namespace

std::unique_ptr<Scenario> makeProcessQueueScenario()
{
    return std::make_unique<ProcessQueue>();
}

std::unique_ptr<Scenario> makePipeScenario()
{
    return std::make_unique<PipeScenario>();
}

std::unique_ptr<Scenario> makeSharedMemoryScenario()
{
    return std::make_unique<SharedMemoryScenario>();
}

std::unique_ptr<Scenario> makeSubprocessScenario()
{
    return std::make_unique<SubprocessScenario>();
}

} // namespace clab
