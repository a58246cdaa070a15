// Is the GIL model faithful to CPython's? The same experiments on both, in
// the same run: CPU-bound threads against one thread doing all the work, a
// sleeper's extra wake-up latency next to a spinning thread, and the
// speed-up without a GIL. CPython's figures are measured here, never typed in.

#include "benchmarks.h"
#include "benchreport.h"

#include "scenarios/registry.h"
#include "scenarios/scenariorun.h"

#include <QTextStream>
#include <cmath>
#include <functional>

namespace clab::bench {

namespace {

QJsonObject runScenario(const QString &id, const QStringList &assignments)
{
    const Scenario *scenario = ScenarioRegistry::instance().find(id);
    ParameterValues params(scenario->parameters());
    QString error;
    if (!params.applyAssignments(scenario->parameters(), assignments, &error))
        qFatal("gil bench: %s", qPrintable(error));
    ScenarioRun run(*scenario, params, 1);
    run.runHere();
    return run.outcome().metrics;
}

double medianOf(const std::function<double()> &measure, int times)
{
    std::vector<double> samples;
    for (int i = 0; i < times; ++i)
        samples.push_back(measure());
    return median(samples);
}

std::optional<bool> within(double ours, const std::optional<double> &peer, double tolerance)
{
    if (!peer || *peer <= 0)
        return std::nullopt;
    return std::abs(ours / *peer - 1.0) <= tolerance;
}

} // namespace

void benchGil(BenchReport &report)
{
    // CPython: a pure-Python count-down, serial and split among threads.
    const auto cpython = runPythonNumbers(QStringLiteral(R"(
import threading, time, statistics
def count(n):
    while n > 0:
        n -= 1
N = 6_000_000
def timed(threads):
    ts = [threading.Thread(target=count, args=(N // threads,)) for _ in range(threads)]
    t0 = time.perf_counter()
    for t in ts: t.start()
    for t in ts: t.join()
    return time.perf_counter() - t0
r2, r4 = [], []
for _ in range(3):
    t0 = time.perf_counter(); count(N); serial = time.perf_counter() - t0
    r2.append(timed(2) / serial)
    r4.append(timed(4) / serial)
print(statistics.median(r2), statistics.median(r4))
)"));
    const auto latency = runPythonNumbers(QStringLiteral(R"(
import threading, time, statistics
stop = False
def spin():
    n = 0
    while not stop:
        n += 1
t = threading.Thread(target=spin)
t.start()
time.sleep(0.05)
late = []
for _ in range(100):
    t0 = time.perf_counter()
    time.sleep(0.001)
    late.append((time.perf_counter() - t0 - 0.001) * 1000)
stop = True
t.join()
print(statistics.median(late))
)"));
    const QString peerName = QStringLiteral("CPython %1").arg(pythonVersion());

    const QStringList work{QStringLiteral("work=6000000")};
    const double ours2 = medianOf([&] {
        return runScenario(QStringLiteral("gil-cpu-bound"), work + QStringList{QStringLiteral("threads=2")})
            .value(QStringLiteral("time_ratio")).toDouble();
    }, 3);
    const double ours4 = medianOf([&] {
        return runScenario(QStringLiteral("gil-cpu-bound"), work + QStringList{QStringLiteral("threads=4")})
            .value(QStringLiteral("time_ratio")).toDouble();
    }, 3);
    const std::optional<double> peer2 = cpython.size() == 2 ? std::optional<double>(cpython[0]) : std::nullopt;
    const std::optional<double> peer4 = cpython.size() == 2 ? std::optional<double>(cpython[1]) : std::nullopt;
    report.add({QStringLiteral("GIL: 2 CPU-bound threads, time / serial"), QStringLiteral("x"), ours2, peerName, peer2,
                QStringLiteral("within 25% of CPython"), within(ours2, peer2, 0.25)});
    report.add({QStringLiteral("GIL: 4 CPU-bound threads, time / serial"), QStringLiteral("x"), ours4, peerName, peer4,
                QStringLiteral("within 25% of CPython"), within(ours4, peer4, 0.25)});

    const double oursLate = runScenario(QStringLiteral("gil-convoy"),
                                        {QStringLiteral("spinners=1"), QStringLiteral("samples=100")})
                                .value(QStringLiteral("extra_latency_ms_median")).toDouble();
    const std::optional<double> peerLate = latency.size() == 1 ? std::optional<double>(latency[0]) : std::nullopt;
    report.add({QStringLiteral("GIL: 1 ms sleeper's extra latency next to 1 spinner"), QStringLiteral("ms"), oursLate,
                peerName, peerLate, QStringLiteral("within 25% of CPython"), within(oursLate, peerLate, 0.25)});

    const double free2 = medianOf([&] {
        return runScenario(QStringLiteral("gil-cpu-bound"),
                           work + QStringList{QStringLiteral("threads=2"), QStringLiteral("mode=free")})
            .value(QStringLiteral("time_ratio")).toDouble();
    }, 3);
    report.add({QStringLiteral("no GIL (free): 2 threads, speed-up over serial"), QStringLiteral("x"),
                free2 > 0 ? 1.0 / free2 : 0.0, {}, {}, QStringLiteral("about 2x on 2 cores"), {}});
}

} // namespace clab::bench
