#include "scenarios/builtin.h"
#include "threads/thread.h"
#include "threads/threadpoolexecutor.h"
#include "trace/trace.h"

#include <QSet>
#include <atomic>
#include <random>
#include <vector>

namespace clab {
namespace {

// concurrent.futures.ThreadPoolExecutor: tasks of different lengths are
// submitted to a few workers; each returns its number squared, and the
// results are collected in submission order.
class ThreadPoolScenario final : public Scenario
{
public:
    QString id() const override { return QStringLiteral("thread-pool"); }
    ScenarioGroup group() const override { return ScenarioGroup::Pools; }
    QString title() const override { return trScenario(QT_TRANSLATE_NOOP("clab::Scenario", "Thread pool")); }
    QString description() const override
    {
        return trScenario(QT_TRANSLATE_NOOP("clab::Scenario",
            "Tasks of different lengths are submitted to a ThreadPoolExecutor. Idle workers take the next task "
            "from the queue; result() hands back each answer in the order the tasks were submitted."));
    }
    QString scene() const override { return QStringLiteral("pool"); }
    QList<ParameterSpec> parameters() const override
    {
        return {
            ParameterSpec::integer(QStringLiteral("workers"), 3, 1, 32,
                QT_TRANSLATE_NOOP("clab::Scenario", "max_workers of the executor")),
            ParameterSpec::integer(QStringLiteral("tasks"), 12, 1, 5000,
                QT_TRANSLATE_NOOP("clab::Scenario", "How many tasks are submitted")),
            ParameterSpec::integer(QStringLiteral("min_ms"), 5, 0, 5000,
                QT_TRANSLATE_NOOP("clab::Scenario", "Shortest task, in milliseconds")),
            ParameterSpec::integer(QStringLiteral("max_ms"), 40, 0, 5000,
                QT_TRANSLATE_NOOP("clab::Scenario", "Longest task, in milliseconds")),
            ParameterSpec::choice(QStringLiteral("work"), {QStringLiteral("sleep"), QStringLiteral("cpu")},
                QStringLiteral("sleep"),
                QT_TRANSLATE_NOOP("clab::Scenario", "What a task does: wait like I/O (sleep) or compute (cpu)")),
        };
    }

    void run(ScenarioContext &ctx) const override
    {
        const int tasks = ctx.params.count(QStringLiteral("tasks"));
        const qint64 lo = ctx.params.integer(QStringLiteral("min_ms"));
        const qint64 hi = std::max(lo, ctx.params.integer(QStringLiteral("max_ms")));
        const bool cpu = ctx.params.choice(QStringLiteral("work")) == QLatin1String("cpu");
        std::uniform_int_distribution<qint64> length(lo, hi);
        std::vector<double> seconds;
        double serial = 0;
        for (int i = 0; i < tasks; ++i) {
            seconds.push_back(double(length(ctx.rng)) / 1000.0);
            serial += seconds.back();
        }
        std::atomic<int> callbacks{0};
        bool inOrder = true;
        {
            ThreadPoolExecutor pool(ctx.params.count(QStringLiteral("workers")));
            std::vector<Future<qint64>> futures;
            for (int i = 0; i < tasks; ++i) {
                futures.push_back(pool.submit([i, s = seconds[size_t(i)], cpu] {
                    if (cpu)
                        burnCpu(s);
                    else
                        clab::sleep(s);
                    return qint64(i) * i;
                }));
                futures.back().addDoneCallback([&callbacks](const Future<qint64> &) { callbacks.fetch_add(1); });
            }
            for (int i = 0; i < tasks; ++i)
                inOrder = inOrder && futures[size_t(i)].result() == qint64(i) * i;
            pool.shutdown(true);
        }
        ctx.metrics.insert(QStringLiteral("results_in_order"), inOrder);
        ctx.metrics.insert(QStringLiteral("callbacks"), callbacks.load());
        ctx.metrics.insert(QStringLiteral("serial_ms"), serial * 1000.0);
    }

    void summarize(const Trace &trace, ScenarioContext &ctx) const override
    {
        QSet<ActorId> workers;
        int done = 0;
        qint64 first = 0;
        qint64 last = 0;
        for (const TraceEvent &e : trace.events()) {
            if (e.kind == EventKind::TaskStarted) {
                workers.insert(e.actor);
                if (first == 0)
                    first = e.ts;
            } else if (e.kind == EventKind::TaskFinished && e.aux == 0) {
                ++done;
                last = e.ts;
            }
        }
        const double poolMs = double(last - first) / 1e6;
        ctx.metrics.insert(QStringLiteral("tasks_done"), done);
        ctx.metrics.insert(QStringLiteral("workers_used"), int(workers.size()));
        ctx.metrics.insert(QStringLiteral("pool_ms"), poolMs);
        const double serial = ctx.metrics.value(QStringLiteral("serial_ms")).toDouble();
        ctx.metrics.insert(QStringLiteral("speedup"), poolMs > 0 ? serial / poolMs : 0.0);
    }
};

} // namespace

std::unique_ptr<Scenario> makeThreadPoolScenario()
{
    return std::make_unique<ThreadPoolScenario>();
}

} // namespace clab
