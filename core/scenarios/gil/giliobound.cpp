#include "gilwork.h"
#include "scenarios/builtin.h"

namespace clab {
namespace {

// Threads that mostly wait on I/O overlap well even under the GIL: a thread
// lets go of the GIL while it waits, so the others can run.
class GilIoBound final : public Scenario
{
public:
    QString id() const override { return QStringLiteral("gil-io-bound"); }
    ScenarioGroup group() const override { return ScenarioGroup::Gil; }
    QString title() const override { return trScenario(QT_TRANSLATE_NOOP("clab::Scenario", "I/O-bound threads and the GIL")); }
    QString description() const override
    {
        return trScenario(QT_TRANSLATE_NOOP("clab::Scenario",
            "Each request does a little Python work, then waits for I/O. A thread releases the GIL while it "
            "waits, so threads overlap their waits and finish much sooner than one thread doing every request."));
    }
    QString scene() const override { return QStringLiteral("gil"); }
    QList<ParameterSpec> parameters() const override
    {
        return {
            ParameterSpec::integer(QStringLiteral("threads"), 4, 1, 16,
                QT_TRANSLATE_NOOP("clab::Scenario", "How many threads handle requests")),
            gilwork::modeParameter(),
            ParameterSpec::integer(QStringLiteral("requests"), 8, 1, 1000,
                QT_TRANSLATE_NOOP("clab::Scenario", "Requests each thread handles")),
            ParameterSpec::integer(QStringLiteral("io_ms"), 5, 0, 1000,
                QT_TRANSLATE_NOOP("clab::Scenario", "How long each request waits for I/O, in ms")),
            ParameterSpec::integer(QStringLiteral("cpu_units"), 20000, 0, 10000000,
                QT_TRANSLATE_NOOP("clab::Scenario", "Units of Python work per request")),
            gilwork::switchIntervalParameter(),
        };
    }

    void run(ScenarioContext &ctx) const override
    {
        const int n = ctx.params.count(QStringLiteral("threads"));
        const int requests = ctx.params.count(QStringLiteral("requests"));
        const double io = ctx.params.integer(QStringLiteral("io_ms")) / 1000.0;
        const qint64 cpu = ctx.params.integer(QStringLiteral("cpu_units"));
        const bool free = ctx.params.choice(QStringLiteral("mode")) == QLatin1String("free");
        Gil gil(!free, ctx.params.real(QStringLiteral("switch_interval_ms")) / 1000.0);
        auto handle = [cpu, io](Interpreter &py, int count) {
            for (int r = 0; r < count; ++r) {
                py.run(cpu);
                py.io(io);
            }
        };
        const double serial = gilwork::runOnThreads(gil, 1, [&](Interpreter &py, int) { handle(py, n * requests); },
                                                    QStringLiteral("Serial"));
        const quint64 switchesBefore = gil.switches();
        const double elapsed = gilwork::inProcesses(ctx.params)
            ? gilwork::runOnProcesses(std::vector<QCborArray>(size_t(n), QCborArray{cpu, requests, io}))
            : gilwork::runOnThreads(gil, n, [&](Interpreter &py, int) { handle(py, requests); });
        ctx.metrics.insert(QStringLiteral("elapsed_ms"), elapsed);
        ctx.metrics.insert(QStringLiteral("serial_ms"), serial);
        ctx.metrics.insert(QStringLiteral("time_ratio"), serial > 0 ? elapsed / serial : 0.0);
        ctx.metrics.insert(QStringLiteral("gil_switches"), qint64(gil.switches() - switchesBefore));
        ctx.metrics.insert(QStringLiteral("tasks_done"), n * requests);
    }
};

} // namespace

std::unique_ptr<Scenario> makeGilIoBoundScenario()
{
    return std::make_unique<GilIoBound>();
}

} // namespace clab
