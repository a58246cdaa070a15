// Coroutines: the cost of one trip through the loop, and of a million
// coroutines, next to asyncio doing the same in the same run; plus what a
// thread costs, for the coroutines-against-threads lesson.

#include "benchmarks.h"
#include "benchreport.h"

#include "coro/awaitables.h"
#include "trace/clock.h"

#include <QFile>
#include <QTextStream>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace clab::bench {

namespace {

using namespace coro;

qint64 statusKb(const char *field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(field))
            return line.mid(qsizetype(qstrlen(field))).trimmed().split(' ').first().toLongLong();
    }
    return 0;
}

// Resets the peak resident size, so the next peak is this benchmark's own.
void resetPeakRss()
{
    QFile clear(QStringLiteral("/proc/self/clear_refs"));
    if (clear.open(QIODevice::WriteOnly))
        clear.write("5");
}

Task<void> yielder(int rounds)
{
    for (int i = 0; i < rounds; ++i)
        co_await coro::sleep(0);
}

Task<int> trivial(int i)
{
    co_return i;
}

Task<qint64> gatherMillion(int n)
{
    std::vector<Task<int>> coroutines;
    coroutines.reserve(size_t(n));
    for (int i = 0; i < n; ++i)
        coroutines.push_back(trivial(i));
    const auto results = co_await gather(std::move(coroutines));
    qint64 sum = 0;
    for (int r : results)
        sum += r;
    co_return sum;
}

} // namespace

void benchCoroutines(BenchReport &report)
{
    const QString peerName = QStringLiteral("CPython %1 asyncio").arg(pythonVersion());

    // One coroutine suspending and being resumed by the loop, again and again.
    constexpr int kRounds = 2'000'000;
    std::vector<double> perRound;
    for (int rep = 0; rep < 5; ++rep) {
        EventLoop loop;
        const qint64 t0 = Clock::monotonicNs();
        loop.run(yielder(kRounds));
        perRound.push_back(double(Clock::monotonicNs() - t0) / kRounds);
    }
    const double roundTrip = median(perRound);
    const auto pyRound = runPython(QStringLiteral(R"(
import asyncio, time, statistics
async def yielder(n):
    for _ in range(n):
        await asyncio.sleep(0)
N = 200_000
out = []
for _ in range(3):
    t = time.perf_counter()
    asyncio.run(yielder(N))
    out.append((time.perf_counter() - t) / N * 1e9)
print(statistics.median(out))
)"));
    report.add({QStringLiteral("coroutine suspend/resume round trip"), QStringLiteral("ns"), roundTrip, peerName,
                pyRound, QStringLiteral("<= 50 ns and >= 25x faster"),
                pyRound ? std::optional<bool>(roundTrip <= 50 && *pyRound / roundTrip >= 25) : std::optional<bool>(roundTrip <= 50)});

    // A million trivial coroutines created, run and gathered.
    constexpr int kMillion = 1'000'000;
    resetPeakRss();
    const qint64 rssBefore = statusKb("VmRSS:");
    const qint64 t0 = Clock::monotonicNs();
    qint64 sum = 0;
    {
        EventLoop loop;
        sum = loop.run(gatherMillion(kMillion));
    }
    const double seconds = double(Clock::monotonicNs() - t0) / 1e9;
    const double bytesEach = double(statusKb("VmHWM:") - rssBefore) * 1024.0 / kMillion;
    if (sum != qint64(kMillion) * (kMillion - 1) / 2)
        qFatal("coroutine bench: wrong sum");
    const auto pyMillion = runPythonNumbers(QStringLiteral(R"(
import asyncio, resource, time
async def trivial(i):
    return i
async def main(n):
    return sum(await asyncio.gather(*[trivial(i) for i in range(n)]))
N = 1_000_000
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
t = time.perf_counter()
asyncio.run(main(N))
elapsed = time.perf_counter() - t
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(elapsed, (after - before) * 1024 / N)
)"), 600000);
    const std::optional<double> pySeconds = pyMillion.size() == 2 ? std::optional<double>(pyMillion[0]) : std::nullopt;
    const std::optional<double> pyBytes = pyMillion.size() == 2 ? std::optional<double>(pyMillion[1]) : std::nullopt;
    report.add({QStringLiteral("1,000,000 coroutines: create, run, gather"), QStringLiteral("s"), seconds, peerName,
                pySeconds, QStringLiteral("<= 1.5 s"), seconds <= 1.5});
    report.add({QStringLiteral("1,000,000 coroutines: peak memory each"), QStringLiteral("B"), bytesEach, peerName,
                pyBytes, QStringLiteral("<= 300 B"), bytesEach <= 300});

    // Threads, for comparison: 1000 OS threads blocked on a condition.
    constexpr int kThreads = 1000;
    std::mutex mutex;
    std::condition_variable go;
    bool release = false;
    const qint64 threadRssBefore = statusKb("VmRSS:");
    const qint64 start = Clock::monotonicNs();
    std::vector<std::thread> threads;
    threads.reserve(kThreads);
    for (int i = 0; i < kThreads; ++i) {
        threads.emplace_back([&] {
            std::unique_lock lock(mutex);
            go.wait(lock, [&] { return release; });
        });
    }
    const double createUs = double(Clock::monotonicNs() - start) / 1e3 / kThreads;
    const double threadBytes = double(statusKb("VmRSS:") - threadRssBefore) * 1024.0 / kThreads;
    {
        std::lock_guard lock(mutex);
        release = true;
    }
    go.notify_all();
    for (auto &t : threads)
        t.join();
    report.add({QStringLiteral("thread: create (for comparison)"), QStringLiteral("us"), createUs, {}, {}, {}, {}});
    report.add({QStringLiteral("thread: resident memory each (for comparison)"), QStringLiteral("B"), threadBytes, {}, {}, {}, {}});
}

} // namespace clab::bench
