#include "gilwork.h"
#include "scenarios/builtin.h"
#include "trace/clock.h"

#include <QJsonArray>
#include <algorithm>
#include <atomic>

namespace clab {
namespace {

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const auto index = size_t(std::clamp(p, 0.0, 1.0) * double(values.size() - 1) + 0.5);
    return values[index];
}

// The convoy effect: a thread that sleeps for 1 ms again and again wakes up
// on time, but must then wait for the GIL. A CPU-bound thread holds it until
// the waiter's switch interval runs out, so every wake-up is late by about
// one interval.
class GilConvoy final : public Scenario
{
public:
    QString id() const override { return QStringLiteral("gil-convoy"); }
    ScenarioGroup group() const override { return ScenarioGroup::Gil; }
    QString title() const override { return trScenario(QT_TRANSLATE_NOOP("clab::Scenario", "The GIL convoy")); }
    QString description() const override
    {
        return trScenario(QT_TRANSLATE_NOOP("clab::Scenario",
            "A thread sleeps 1 ms again and again while other threads compute. Each time it wakes, it must "
            "wait for the GIL until its switch interval runs out, so it resumes about one interval late."));
    }
    QString scene() const override { return QStringLiteral("gil"); }
    QList<ParameterSpec> parameters() const override
    {
        return {
            ParameterSpec::integer(QStringLiteral("spinners"), 1, 0, 8,
                QT_TRANSLATE_NOOP("clab::Scenario", "How many CPU-bound threads compete with the sleeper")),
            gilwork::switchIntervalParameter(),
            ParameterSpec::integer(QStringLiteral("samples"), 40, 5, 1000,
                QT_TRANSLATE_NOOP("clab::Scenario", "How many 1 ms sleeps the sleeper measures")),
            gilwork::modeParameter(),
        };
    }

    void run(ScenarioContext &ctx) const override
    {
        const int spinners = ctx.params.count(QStringLiteral("spinners"));
        const int samples = ctx.params.count(QStringLiteral("samples"));
        const bool free = ctx.params.choice(QStringLiteral("mode")) == QLatin1String("free");
        Gil gil(!free, ctx.params.real(QStringLiteral("switch_interval_ms")) / 1000.0);
        std::atomic<bool> stop{false};
        std::vector<double> late;
        late.reserve(size_t(samples));

        // In processes mode the spinners are worker processes with GILs of
        // their own: the sleeper's GIL has nobody else to wait for.
        std::unique_ptr<process::ProcessPool> spinnerProcesses;
        if (gilwork::inProcesses(ctx.params) && spinners > 0) {
            spinnerProcesses = std::make_unique<process::ProcessPool>(spinners, QStringLiteral("Pool"));
            spinnerProcesses->waitUntilReady();
            for (int i = 0; i < spinners; ++i)
                (void)spinnerProcesses->applyAsync(QStringLiteral("spin"), {60.0});
        }
        const int spinnerThreads = spinnerProcesses ? 0 : spinners;
        gilwork::runOnThreads(gil, 1 + spinnerThreads, [&](Interpreter &py, int i) {
            if (i == 0) {
                for (int s = 0; s < samples; ++s) {
                    const qint64 before = Clock::monotonicNs();
                    py.sleep(0.001);
                    late.push_back(double(Clock::monotonicNs() - before) / 1e6 - 1.0);
                }
                stop.store(true);
                return;
            }
            while (!stop.load(std::memory_order_relaxed))
                py.run(2000);
        });
        if (spinnerProcesses) {
            spinnerProcesses->terminate();
            spinnerProcesses->join();
        }
        QJsonArray all;
        for (double v : late)
            all.append(v);
        ctx.metrics.insert(QStringLiteral("extra_latency_ms_median"), percentile(late, 0.5));
        ctx.metrics.insert(QStringLiteral("extra_latency_ms_p90"), percentile(late, 0.9));
        ctx.metrics.insert(QStringLiteral("extra_latency_ms"), all);
        ctx.metrics.insert(QStringLiteral("gil_switches"), qint64(gil.switches()));
        ctx.metrics.insert(QStringLiteral("tasks_done"), int(late.size()));
    }
};

// Time against thread count for the same CPU-bound work, with and without
// the GIL and in worker processes: the GIL line stays flat (or rises), the
// free and processes lines fall until the cores run out.
class ThreadsVsProcessesGil final : public Scenario
{
public:
    QString id() const override { return QStringLiteral("threads-vs-processes-gil"); }
    ScenarioGroup group() const override { return ScenarioGroup::Gil; }
    QString title() const override
    {
        return trScenario(QT_TRANSLATE_NOOP("clab::Scenario", "More threads: GIL, no GIL, processes"));
    }
    QString description() const override
    {
        return trScenario(QT_TRANSLATE_NOOP("clab::Scenario",
            "The same CPU-bound work on 1, 2, 3 … threads with the GIL and without it, and on as many worker "
            "processes, timed for real on this machine's cores."));
    }
    QString scene() const override { return QStringLiteral("gilchart"); }
    QList<ParameterSpec> parameters() const override
    {
        return {
            ParameterSpec::integer(QStringLiteral("max_threads"), 4, 1, 8,
                QT_TRANSLATE_NOOP("clab::Scenario", "Up to how many threads")),
            ParameterSpec::integer(QStringLiteral("work"), 2000000, 1000, 100000000,
                QT_TRANSLATE_NOOP("clab::Scenario", "Units of interpreted work in total, split among the threads")),
        };
    }

    void run(ScenarioContext &ctx) const override
    {
        const int maxThreads = ctx.params.count(QStringLiteral("max_threads"));
        const qint64 work = ctx.params.integer(QStringLiteral("work"));
        QJsonArray counts;
        QJsonArray gilMs;
        QJsonArray freeMs;
        QJsonArray processesMs;
        // A first untimed round, so that the first timed one does not pay
        // for cold caches and a CPU still ramping up its clock.
        {
            Gil warm(true, Gil::kDefaultSwitchInterval, QStringLiteral("warm-up GIL"));
            gilwork::runOnThreads(warm, 1, [work](Interpreter &py, int) { py.run(work / 2); }, QStringLiteral("warmup"));
        }
        for (int n = 1; n <= maxThreads; ++n) {
            counts.append(n);
            for (const bool enabled : {true, false}) {
                Gil gil(enabled, Gil::kDefaultSwitchInterval, enabled ? QStringLiteral("GIL") : QStringLiteral("no GIL"));
                const double ms = gilwork::runOnThreads(gil, n, [work, n](Interpreter &py, int i) {
                    py.run(gilwork::share(work, n, i));
                }, QStringLiteral("%1x%2").arg(enabled ? QStringLiteral("gil") : QStringLiteral("free")).arg(n));
                (enabled ? gilMs : freeMs).append(ms);
            }
            std::vector<QCborArray> shares;
            for (int i = 0; i < n; ++i)
                shares.push_back(QCborArray{gilwork::share(work, n, i)});
            processesMs.append(gilwork::runOnProcesses(shares));
        }
        ctx.metrics.insert(QStringLiteral("processes_ms"), processesMs);
        ctx.metrics.insert(QStringLiteral("threads"), counts);
        ctx.metrics.insert(QStringLiteral("gil_ms"), gilMs);
        ctx.metrics.insert(QStringLiteral("free_ms"), freeMs);
        ctx.metrics.insert(QStringLiteral("tasks_done"), maxThreads * 3);
    }
};

} // namespace

std::unique_ptr<Scenario> makeGilConvoyScenario()
{
    return std::make_unique<GilConvoy>();
}

std::unique_ptr<Scenario> makeThreadsVsProcessesGilScenario()
{
    return std::make_unique<ThreadsVsProcessesGil>();
}

} // namespace clab
