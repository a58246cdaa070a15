#include "gilwork.h"
#include "scenarios/builtin.h"

namespace clab {
namespace {

// CPU-bound threads under the GIL take as long as one thread doing all the
// work, or longer: only the thread holding the GIL runs Python code. Without
// a GIL they share the cores.
class GilCpuBound final : public Scenario
{
public:
    QString id() const override { return QStringLiteral("gil-cpu-bound"); }
    ScenarioGroup group() const override { return ScenarioGroup::Gil; }
    QString title() const override { return trScenario(QT_TRANSLATE_NOOP("clab::Scenario", "CPU-bound threads and the GIL")); }
    QString description() const override
    {
        return trScenario(QT_TRANSLATE_NOOP("clab::Scenario",
            "The same counting work, first on one thread, then split among several. Under the GIL only one "
            "thread runs Python code at a time, so splitting does not make it faster; without the GIL it does."));
    }
    QString scene() const override { return QStringLiteral("gil"); }
    QList<ParameterSpec> parameters() const override
    {
        return {
            ParameterSpec::integer(QStringLiteral("threads"), 2, 1, 16,
                QT_TRANSLATE_NOOP("clab::Scenario", "How many threads share the work")),
            gilwork::modeParameter(),
            ParameterSpec::integer(QStringLiteral("work"), 4000000, 1000, 200000000,
                QT_TRANSLATE_NOOP("clab::Scenario", "Units of interpreted work in total (one unit is about one loop iteration)")),
            gilwork::switchIntervalParameter(),
        };
    }

    void run(ScenarioContext &ctx) const override
    {
        const int n = ctx.params.count(QStringLiteral("threads"));
        const qint64 work = ctx.params.integer(QStringLiteral("work"));
        const bool free = ctx.params.choice(QStringLiteral("mode")) == QLatin1String("free");
        Gil gil(!free, ctx.params.real(QStringLiteral("switch_interval_ms")) / 1000.0);

        const double serial = gilwork::runOnThreads(gil, 1, [work](Interpreter &py, int) { py.run(work); },
                                                    QStringLiteral("Serial"));
        const quint64 switchesBefore = gil.switches();
        double elapsed = 0;
        if (gilwork::inProcesses(ctx.params)) {
            std::vector<QCborArray> shares;
            for (int i = 0; i < n; ++i)
                shares.push_back(QCborArray{gilwork::share(work, n, i)});
            elapsed = gilwork::runOnProcesses(shares);
        } else {
            elapsed = gilwork::runOnThreads(gil, n, [work, n](Interpreter &py, int i) {
                py.run(gilwork::share(work, n, i));
            });
        }
        ctx.metrics.insert(QStringLiteral("elapsed_ms"), elapsed);
        ctx.metrics.insert(QStringLiteral("serial_ms"), serial);
        ctx.metrics.insert(QStringLiteral("time_ratio"), serial > 0 ? elapsed / serial : 0.0);
        ctx.metrics.insert(QStringLiteral("gil_switches"), qint64(gil.switches() - switchesBefore));
        ctx.metrics.insert(QStringLiteral("tasks_done"), n);
    }
};

} // namespace

std::unique_ptr<Scenario> makeGilCpuBoundScenario()
{
    return std::make_unique<GilCpuBound>();
}

} // namespace clab
