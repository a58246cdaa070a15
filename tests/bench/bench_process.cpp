// Processes: the multiprocessing-style pool (round trips of tiny tasks one
// at a time and many at once, map with chunks) and a worker's start-up,
// next to CPython's multiprocessing doing the same in the same run, in
// alternating rounds. Pool creation is left out of every throughput figure.

#include "benchmarks.h"
#include "benchreport.h"

#include "process/process.h"
#include "process/processpool.h"
#include "trace/clock.h"

#include <QFileInfo>
#include <QTextStream>
#include <QThread>
#include <algorithm>
#include <cmath>

namespace clab::bench {

namespace {

using namespace process;

constexpr int kRoundTrips = 2000;       // sequential apply_async + get
constexpr int kOutstanding = 20000;     // submitted before any is taken
constexpr int kMapItems = 100000;
constexpr int kMapChunk = 1000;
constexpr int kStarts = 30;
constexpr int kReps = 7;                // rounds, the peer and ours alternating

// Nearest rank, as the Python peer computes it.
double percentile(std::vector<double> samples, double p)
{
    if (samples.empty())
        return 0;
    std::sort(samples.begin(), samples.end());
    const auto rank = size_t(std::ceil(p * double(samples.size())));
    return samples[std::clamp<size_t>(rank, 1, samples.size()) - 1];
}

double perSecond(int count, qint64 t0)
{
    return count / (double(Clock::monotonicNs() - t0) / 1e9);
}

// Both workers have said Hello: nothing of the pool's start-up is timed.
void waitForWorkers(ProcessPool &pool)
{
    const qint64 deadline = Clock::monotonicNs() + 30'000'000'000;
    while (pool.pids().size() < pool.processes()) {
        if (Clock::monotonicNs() > deadline)
            qFatal("process bench: the pool's workers did not start");
        QThread::msleep(1);
    }
}

double roundTrips(ProcessPool &pool, int count)
{
    qint64 sum = 0;
    const qint64 t0 = Clock::monotonicNs();
    for (int i = 0; i < count; ++i)
        sum += pool.applyAsync(QStringLiteral("square"), {i}).get().toInteger();
    const double rate = perSecond(count, t0);
    if (sum != qint64(count - 1) * count * (2 * qint64(count) - 1) / 6)
        qFatal("process bench: apply_async returned wrong results");
    return rate;
}

double outstanding(ProcessPool &pool, int count)
{
    std::vector<AsyncResult> results;
    results.reserve(size_t(count));
    qint64 sum = 0;
    const qint64 t0 = Clock::monotonicNs();
    for (int i = 0; i < count; ++i)
        results.push_back(pool.applyAsync(QStringLiteral("square"), {i}));
    for (const AsyncResult &r : results)
        sum += r.get().toInteger();
    const double rate = perSecond(count, t0);
    if (sum != qint64(count - 1) * count * (2 * qint64(count) - 1) / 6)
        qFatal("process bench: apply_async returned wrong results");
    return rate;
}

double mapped(ProcessPool &pool, const QCborArray &items, int chunksize)
{
    const qint64 t0 = Clock::monotonicNs();
    const QCborArray out = pool.map(QStringLiteral("square"), items, chunksize);
    const double rate = perSecond(int(items.size()), t0);
    if (out.size() != items.size() || out.last().toInteger() != items.last().toInteger() * items.last().toInteger())
        qFatal("process bench: map returned wrong results");
    return rate;
}

// From start() to the worker's Hello (start() returns then), in ms.
double startToReady()
{
    Process p(QStringLiteral("echo"), {1});
    const qint64 t0 = Clock::monotonicNs();
    p.start();
    const double ms = double(Clock::monotonicNs() - t0) / 1e6;
    if (!p.join(30.0) || p.exitcode() != 0 || p.result().toInteger() != 1)
        qFatal("process bench: the echo process failed: %s", qPrintable(p.error()));
    return ms;
}

std::optional<double> at(const std::vector<double> &values, size_t i, size_t expected)
{
    return values.size() == expected ? std::optional<double>(values[i]) : std::nullopt;
}

std::optional<bool> atLeast(double ours, const std::optional<double> &peer, double times)
{
    if (!peer || *peer <= 0)
        return std::nullopt;
    return ours / *peer >= times;
}

} // namespace

void benchProcess(BenchReport &report)
{
    const QString worker = workerExecutable();
    if (!QFileInfo(worker).isExecutable()) {
        QTextStream(stdout) << "  the worker program " << worker
                            << " is missing: build concurrency-lab-worker or set CLAB_WORKER" << Qt::endl;
        return;
    }
    if (!havePython())
        QTextStream(stdout) << "  python3 not found: the CPython multiprocessing peer is skipped, no ratios" << Qt::endl;

    // CPython's Pool(2), one round of each figure after a warm-up; f lives
    // in a module so that the workers find it whatever the start method.
    const QString peerModule = QStringLiteral(R"(
import math, multiprocessing as mp, os, shutil, statistics, sys, tempfile, time
home = tempfile.mkdtemp()
with open(os.path.join(home, 'clab_bench_peer.py'), 'w') as m:
    m.write('def f(x):\n    return x * x\n\ndef hello(conn):\n    conn.send(1)\n    conn.close()\n')
sys.path.insert(0, home)
from clab_bench_peer import f, hello
def rate(n, run):
    t = time.perf_counter()
    run()
    return n / (time.perf_counter() - t)
)");
    const QString poolScript = peerModule + QStringLiteral(R"(
SEQ, OUT, MAP, CHUNK = %1, %2, %3, %4
def seq(pool, n):
    for i in range(n):
        pool.apply_async(f, (i,)).get()
def out(pool, n):
    for r in [pool.apply_async(f, (i,)) for i in range(n)]:
        r.get()
with mp.Pool(2) as pool:
    seq(pool, 200)
    out(pool, 2000)
    pool.map(f, range(MAP), CHUNK)
    rs = rate(SEQ, lambda: seq(pool, SEQ))
    ro = rate(OUT, lambda: out(pool, OUT))
    rm = rate(MAP, lambda: pool.map(f, range(MAP), CHUNK))
shutil.rmtree(home, ignore_errors=True)
print(rs, ro, rm)
)").arg(kRoundTrips).arg(kOutstanding).arg(kMapItems).arg(kMapChunk);
    // multiprocessing.Process with the default start method, from start()
    // to its first message; median_high, as our median() takes the upper one.
    const QString startScript = peerModule + QStringLiteral(R"(
STARTS = %1
def start_ms():
    r, w = mp.Pipe(duplex=False)
    p = mp.Process(target=hello, args=(w,))
    t = time.perf_counter()
    p.start()
    r.recv()
    ms = (time.perf_counter() - t) * 1000
    p.join()
    r.close()
    w.close()
    return ms
for _ in range(3):
    start_ms()
s = sorted(start_ms() for _ in range(STARTS))
shutil.rmtree(home, ignore_errors=True)
print(statistics.median_high(s), s[math.ceil(0.9 * len(s)) - 1],
      ['fork', 'spawn', 'forkserver'].index(mp.get_start_method()))
)").arg(kStarts);

    // Rounds alternate between the peer and us: on a shared machine the
    // load, and with it the cost of waking a thread on another CPU, changes
    // from second to second, and both sides should see the same.
    std::vector<double> seqRates;
    std::vector<double> outRates;
    std::vector<double> mapRates;
    std::vector<double> peerSeqRates;
    std::vector<double> peerOutRates;
    std::vector<double> peerMapRates;
    {
        ProcessPool pool(2);
        waitForWorkers(pool);
        QCborArray items;
        for (int i = 0; i < kMapItems; ++i)
            items.append(i);
        // Warm up: both workers busy, every path taken once.
        roundTrips(pool, 200);
        outstanding(pool, 2000);
        mapped(pool, items, kMapChunk);
        for (int round = 0; round < kReps; ++round) {
            const auto peer = runPythonNumbers(poolScript);
            if (peer.size() == 3) {
                peerSeqRates.push_back(peer[0]);
                peerOutRates.push_back(peer[1]);
                peerMapRates.push_back(peer[2]);
            }
            seqRates.push_back(roundTrips(pool, kRoundTrips));
            outRates.push_back(outstanding(pool, kOutstanding));
            mapRates.push_back(mapped(pool, items, kMapChunk));
        }
        pool.close();
        pool.join();
    }
    auto peerMedian = [](const std::vector<double> &rates) {
        return rates.size() == size_t(kReps) ? std::optional<double>(median(rates)) : std::nullopt;
    };
    const auto cpython = runPythonNumbers(startScript);
    const QStringList startMethods{QStringLiteral("fork"), QStringLiteral("spawn"), QStringLiteral("forkserver")};
    const QString method = cpython.size() == 3 ? startMethods.value(int(cpython[2])) : QStringLiteral("?");
    const QString version = pythonVersion();
    const QString peerPool = QStringLiteral("CPython %1 Pool(2), %2").arg(version, method);
    const QString peerProcess = QStringLiteral("CPython %1 Process, %2").arg(version, method);

    const double seq = median(seqRates);
    const auto peerSeq = peerMedian(peerSeqRates);
    report.add({QStringLiteral("process pool(2): apply_async+get, one at a time"), QStringLiteral("tasks/s"), seq,
                peerPool, peerSeq, QStringLiteral(">= 3x CPython"), atLeast(seq, peerSeq, 3.0)});
    const double out = median(outRates);
    const auto peerOut = peerMedian(peerOutRates);
    report.add({QStringLiteral("process pool(2): apply_async, %1 outstanding").arg(kOutstanding), QStringLiteral("tasks/s"),
                out, peerPool, peerOut, QStringLiteral(">= 3x CPython"), atLeast(out, peerOut, 3.0)});
    const double map = median(mapRates);
    const auto peerMap = peerMedian(peerMapRates);
    report.add({QStringLiteral("process pool(2): map %1k items, chunksize %2").arg(kMapItems / 1000).arg(kMapChunk),
                QStringLiteral("items/s"), map, peerPool, peerMap, QStringLiteral(">= 1x CPython"),
                atLeast(map, peerMap, 1.0)});

    for (int i = 0; i < 3; ++i) // warm up: the I/O thread, the page cache
        startToReady();
    std::vector<double> starts;
    for (int i = 0; i < kStarts; ++i)
        starts.push_back(startToReady());
    const double startMedian = median(starts);
    const double startP90 = percentile(starts, 0.9);
    report.add({QStringLiteral("worker process start to ready, median of %1").arg(kStarts), QStringLiteral("ms"),
                startMedian, peerProcess, at(cpython, 0, 3), QStringLiteral("<= 20 ms"), startMedian <= 20.0});
    report.add({QStringLiteral("worker process start to ready, p90 of %1").arg(kStarts), QStringLiteral("ms"), startP90,
                peerProcess, at(cpython, 1, 3), {}, {}});
}

} // namespace clab::bench
