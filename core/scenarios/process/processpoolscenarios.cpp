#include "gil/gil.h"
#include "process/process.h"
#include "process/processpool.h"
#include "scenarios/builtin.h"
#include "scenarios/gil/gilwork.h"
#include "threads/thread.h"

#include <QJsonArray>
#include <QSet>
#include <atomic>
#include <chrono>
#include <thread>

namespace clab {
namespace {

using process::AsyncResult;
using process::ProcessPool;

double msSince(std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

// multiprocessing.Pool: apply_async with callbacks, close, join.
class ProcessPoolScenario final : public Scenario
{
public:
    QString id() const override { return QStringLiteral("process-pool"); }
    ScenarioGroup group() const override { return ScenarioGroup::Processes; }
    QString title() const override { return trScenario(QT_TRANSLATE_NOOP("clab::Scenario", "Process pool")); }
    QString description() const override
    {
        return trScenario(QT_TRANSLATE_NOOP("clab::Scenario",
            "Tasks go to a multiprocessing Pool with apply_async; worker processes take them one by one and a "
            "callback receives each result. close() then join() waits for the workers to finish and exit."));
    }
    QString scene() const override { return QStringLiteral("process"); }
    QList<ParameterSpec> parameters() const override
    {
        return {
            ParameterSpec::integer(QStringLiteral("workers"), 2, 1, 16, QT_TRANSLATE_NOOP("clab::Scenario", "Pool(processes)")),
            ParameterSpec::integer(QStringLiteral("tasks"), 12, 1, 2000, QT_TRANSLATE_NOOP("clab::Scenario", "How many tasks")),
            ParameterSpec::integer(QStringLiteral("task_ms"), 20, 0, 5000,
                QT_TRANSLATE_NOOP("clab::Scenario", "How long each task takes, ms")),
        };
    }
    void run(ScenarioContext &ctx) const override
    {
        const int tasks = ctx.params.count(QStringLiteral("tasks"));
        const double seconds = ctx.params.integer(QStringLiteral("task_ms")) / 1000.0;
        std::atomic<int> callbacks{0};
        QSet<qint64> pids;
        int ok = 0;
        {
            ProcessPool pool(ctx.params.count(QStringLiteral("workers")));
            pool.onOutput = [&ctx](const QString &worker, const QString &line) { ctx.print(worker + QStringLiteral(": ") + line); };
            std::vector<AsyncResult> results;
            for (int i = 0; i < tasks; ++i) {
                results.push_back(pool.applyAsync(QStringLiteral("slow-square"), QCborArray{i, seconds},
                    [&callbacks](const QCborValue &) { callbacks.fetch_add(1); }));
            }
            pool.close();
            pool.join();
            for (int i = 0; i < tasks; ++i)
                ok += results[size_t(i)].get().toInteger() == qint64(i) * i ? 1 : 0;
            for (qint64 pid : pool.pids())
                pids.insert(pid);
        }
        QJsonArray pidList;
        for (qint64 pid : pids)
            pidList.append(pid);
        ctx.metrics.insert(QStringLiteral("tasks_done"), ok);
        ctx.metrics.insert(QStringLiteral("callbacks"), callbacks.load());
        ctx.metrics.insert(QStringLiteral("pids"), pidList);
    }
};

// The same CPU-bound work on threads (which share one GIL) and on
// processes (each with its own), timed on this machine.
class ThreadsVsProcesses final : public Scenario
{
public:
    QString id() const override { return QStringLiteral("threads-vs-processes"); }
    ScenarioGroup group() const override { return ScenarioGroup::Processes; }
    QString title() const override { return trScenario(QT_TRANSLATE_NOOP("clab::Scenario", "Threads against processes")); }
    QString description() const override
    {
        return trScenario(QT_TRANSLATE_NOOP("clab::Scenario",
            "The same CPU-bound Python work on N threads and on N processes. The threads share one GIL, so only "
            "one computes at a time; each process has its own interpreter and GIL, so they use every core."));
    }
    QString scene() const override { return QStringLiteral("process"); }
    QList<ParameterSpec> parameters() const override
    {
        return {
            ParameterSpec::integer(QStringLiteral("workers"), 2, 1, 16,
                QT_TRANSLATE_NOOP("clab::Scenario", "N: threads, then processes")),
            ParameterSpec::integer(QStringLiteral("work"), 8000000, 10000, 500000000,
                QT_TRANSLATE_NOOP("clab::Scenario", "Units of interpreted work in total, split N ways")),
        };
    }
    void run(ScenarioContext &ctx) const override
    {
        const int n = ctx.params.count(QStringLiteral("workers"));
        const qint64 work = ctx.params.integer(QStringLiteral("work"));
        Gil gil;
        const double serial = gilwork::runOnThreads(gil, 1, [work](Interpreter &py, int) { py.run(work); },
                                                    QStringLiteral("Serial"));
        const double threads = gilwork::runOnThreads(gil, n, [work, n](Interpreter &py, int i) {
            py.run(gilwork::share(work, n, i));
        });
        double processes = 0;
        {
            ProcessPool pool(n);
            QCborArray shares;
            for (int i = 0; i < n; ++i)
                shares.append(gilwork::share(work, n, i));
            pool.waitUntilReady(); // every worker is up before the clock starts
            const auto start = std::chrono::steady_clock::now();
            pool.map(QStringLiteral("countdown"), shares, 1);
            processes = msSince(start);
            pool.close();
            pool.join();
        }
        ctx.metrics.insert(QStringLiteral("serial_ms"), serial);
        ctx.metrics.insert(QStringLiteral("threads_ms"), threads);
        ctx.metrics.insert(QStringLiteral("processes_ms"), processes);
        ctx.metrics.insert(QStringLiteral("speedup_threads"), threads > 0 ? serial / threads : 0.0);
        ctx.metrics.insert(QStringLiteral("speedup_processes"), processes > 0 ? serial / processes : 0.0);
        ctx.metrics.insert(QStringLiteral("cores"), int(std::thread::hardware_concurrency()));
        ctx.metrics.insert(QStringLiteral("tasks_done"), 2 * n);
    }
};

// N worker processes, each running its own event loop: the seeds' advice
// for using every core with coroutines.
class ProcessesPlusCoroutines final : public Scenario
{
public:
    QString id() const override { return QStringLiteral("processes-plus-coroutines"); }
    ScenarioGroup group() const override { return ScenarioGroup::Coroutines; }
    QString title() const override
    {
        return trScenario(QT_TRANSLATE_NOOP("clab::Scenario", "Processes plus coroutines"));
    }
    QString description() const override
    {
        return trScenario(QT_TRANSLATE_NOOP("clab::Scenario",
            "Several worker processes, each running its own event loop with many coroutines: every core gets a "
            "loop, and every loop overlaps many waits."));
    }
    QString scene() const override { return QStringLiteral("process"); }
    QList<ParameterSpec> parameters() const override
    {
        return {
            ParameterSpec::integer(QStringLiteral("processes"), 2, 1, 16, QT_TRANSLATE_NOOP("clab::Scenario", "Worker processes")),
            ParameterSpec::integer(QStringLiteral("coroutines"), 200, 1, 100000,
                QT_TRANSLATE_NOOP("clab::Scenario", "Coroutines in each process's event loop")),
            ParameterSpec::integer(QStringLiteral("wait_ms"), 50, 0, 10000,
                QT_TRANSLATE_NOOP("clab::Scenario", "How long each coroutine waits, ms")),
        };
    }
    void run(ScenarioContext &ctx) const override
    {
        const int n = ctx.params.count(QStringLiteral("processes"));
        const int coroutines = ctx.params.count(QStringLiteral("coroutines"));
        const double wait = ctx.params.integer(QStringLiteral("wait_ms")) / 1000.0;
        qint64 done = 0;
        QJsonArray pids;
        const auto start = std::chrono::steady_clock::now();
        {
            // One process per loop, as multiprocessing.Process(target=...)
            // would run them: each loop has a process, and a core, to itself.
            std::vector<std::unique_ptr<process::Process>> loops;
            for (int i = 0; i < n; ++i) {
                loops.push_back(std::make_unique<process::Process>(QStringLiteral("event-loop"),
                    QCborArray{coroutines, wait}, QStringLiteral("Loop-%1").arg(i + 1)));
                loops.back()->start();
            }
            for (auto &l : loops) {
                l->join();
                done += l->result().toInteger();
                pids.append(l->pid().value_or(0));
            }
        }
        ctx.metrics.insert(QStringLiteral("elapsed_ms"), msSince(start));
        ctx.metrics.insert(QStringLiteral("coroutines_total"), done);
        ctx.metrics.insert(QStringLiteral("pids"), pids);
        ctx.metrics.insert(QStringLiteral("tasks_done"), done);
    }
};

} // namespace

std::unique_ptr<Scenario> makeProcessPoolScenario()
{
    return std::make_unique<ProcessPoolScenario>();
}

std::unique_ptr<Scenario> makeThreadsVsProcessesScenario()
{
    return std::make_unique<ThreadsVsProcesses>();
}

std::unique_ptr<Scenario> makeProcessesPlusCoroutinesScenario()
{
    return std::make_unique<ProcessesPlusCoroutines>();
}

} // namespace clab
