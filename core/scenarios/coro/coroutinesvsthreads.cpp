#include "coro/awaitables.h"
#include "scenarios/builtin.h"
#include "threads/thread.h"

#include <QFile>
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace clab {
namespace {

using namespace coro;

// Resident memory of this process, from /proc.
qint64 residentBytes()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong() * 1024;
    }
    return 0;
}

Task<void> waiter(double seconds)
{
    co_await coro::sleep(seconds);
}

Task<void> pingPong(int rounds)
{
    for (int i = 0; i < rounds; ++i)
        co_await coro::sleep(0);
}

struct Measured {
    double createUs = 0;
    double bytesEach = 0;
    double elapsedMs = 0;
    double switchNs = 0;
    int done = 0;
};

Task<void> coroutineSide(int count, double wait, Measured &m)
{
    EventLoop *loop = EventLoop::current();
    const qint64 before = residentBytes();
    const qint64 start = EventLoop::nowNs();
    std::vector<TaskRef<void>> tasks;
    tasks.reserve(size_t(count));
    for (int i = 0; i < count; ++i)
        tasks.push_back(loop->createTask(waiter(wait)));
    const qint64 created = EventLoop::nowNs();
    co_await coro::sleep(0); // every task has started and sleeps now
    m.bytesEach = double(std::max<qint64>(0, residentBytes() - before)) / count;
    for (auto &t : tasks) {
        co_await t;
        ++m.done;
    }
    m.createUs = double(created - start) / 1e3 / count;
    m.elapsedMs = double(EventLoop::nowNs() - start) / 1e6;
    // Two coroutines handing the loop to each other.
    constexpr int kRounds = 20000;
    std::vector<Task<void>> pair;
    pair.push_back(pingPong(kRounds));
    pair.push_back(pingPong(kRounds));
    const qint64 t0 = EventLoop::nowNs();
    co_await gather(std::move(pair));
    m.switchNs = double(EventLoop::nowNs() - t0) / (2.0 * kRounds);
}

Measured threadSide(int count, double wait, QString *error)
{
    Measured m;
    const qint64 before = residentBytes();
    const auto start = std::chrono::steady_clock::now();
    std::vector<std::unique_ptr<Thread>> threads;
    std::atomic<int> sleeping{0};
    try {
        for (int i = 0; i < count; ++i) {
            threads.push_back(std::make_unique<Thread>([&sleeping, wait] {
                sleeping.fetch_add(1);
                clab::sleep(wait);
            }));
            threads.back()->start();
        }
    } catch (const PythonError &e) {
        *error = QString::fromStdString(e.describe());
    }
    const auto created = std::chrono::steady_clock::now();
    while (sleeping.load() < int(threads.size()) && std::chrono::steady_clock::now() - created < std::chrono::seconds(10))
        std::this_thread::yield();
    m.bytesEach = threads.empty() ? 0 : double(std::max<qint64>(0, residentBytes() - before)) / double(threads.size());
    for (auto &t : threads) {
        t->join();
        ++m.done;
    }
    m.createUs = threads.empty() ? 0 : std::chrono::duration<double, std::micro>(created - start).count() / double(threads.size());
    m.elapsedMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    // Two OS threads handing a token to each other through a condition
    // variable: each hand-over is a kernel wake-up and a context switch.
    constexpr int kRounds = 20000;
    std::mutex mutex;
    std::condition_variable turn;
    int token = 0;
    auto player = [&](int me) {
        for (int i = 0; i < kRounds; ++i) {
            std::unique_lock lock(mutex);
            turn.wait(lock, [&] { return token % 2 == me; });
            ++token;
            turn.notify_one();
        }
    };
    const auto t0 = std::chrono::steady_clock::now();
    std::thread a(player, 0);
    std::thread b(player, 1);
    a.join();
    b.join();
    m.switchNs = std::chrono::duration<double, std::nano>(std::chrono::steady_clock::now() - t0).count() / (2.0 * kRounds);
    return m;
}

class CoroutinesVsThreads final : public Scenario
{
public:
    QString id() const override { return QStringLiteral("coroutines-vs-threads"); }
    ScenarioGroup group() const override { return ScenarioGroup::Coroutines; }
    QString title() const override { return trScenario(QT_TRANSLATE_NOOP("clab::Scenario", "Coroutines against threads")); }
    QString description() const override
    {
        return trScenario(QT_TRANSLATE_NOOP("clab::Scenario",
            "The same waiting work on many coroutines and on as many threads, measured on this machine: memory "
            "each, time to create each, and time to switch from one to another."));
    }
    QString scene() const override { return QStringLiteral("loop"); }
    QList<ParameterSpec> parameters() const override
    {
        return {
            ParameterSpec::integer(QStringLiteral("count"), 500, 10, 20000,
                QT_TRANSLATE_NOOP("clab::Scenario", "How many coroutines, and how many threads")),
            ParameterSpec::integer(QStringLiteral("wait_ms"), 50, 1, 5000,
                QT_TRANSLATE_NOOP("clab::Scenario", "How long each one waits, ms")),
        };
    }
    void run(ScenarioContext &ctx) const override
    {
        const int count = ctx.params.count(QStringLiteral("count"));
        const double wait = ctx.params.integer(QStringLiteral("wait_ms")) / 1000.0;
        Measured coroutines;
        {
            EventLoop loop;
            loop.run(coroutineSide(count, wait, coroutines));
        }
        QString error;
        const Measured threads = threadSide(count, wait, &error);
        ctx.metrics.insert(QStringLiteral("coroutine_create_us"), coroutines.createUs);
        ctx.metrics.insert(QStringLiteral("thread_create_us"), threads.createUs);
        ctx.metrics.insert(QStringLiteral("coroutine_bytes_each"), coroutines.bytesEach);
        ctx.metrics.insert(QStringLiteral("thread_bytes_each"), threads.bytesEach);
        ctx.metrics.insert(QStringLiteral("coroutine_switch_ns"), coroutines.switchNs);
        ctx.metrics.insert(QStringLiteral("thread_switch_ns"), threads.switchNs);
        ctx.metrics.insert(QStringLiteral("coroutines_elapsed_ms"), coroutines.elapsedMs);
        ctx.metrics.insert(QStringLiteral("threads_elapsed_ms"), threads.elapsedMs);
        ctx.metrics.insert(QStringLiteral("threads_started"), threads.done);
        if (!error.isEmpty())
            ctx.metrics.insert(QStringLiteral("thread_error"), error);
        ctx.metrics.insert(QStringLiteral("tasks_done"), coroutines.done + threads.done);
    }
};

} // namespace

std::unique_ptr<Scenario> makeCoroutinesVsThreadsScenario()
{
    return std::make_unique<CoroutinesVsThreads>();
}

} // namespace clab
