#include "coro/awaitables.h"
#include "coro/gevent.h"
#include "coro/sync.h"
#include "scenarios/builtin.h"
#include "trace/trace.h"

#include <QJsonArray>

namespace clab {
namespace {

using namespace coro;

struct QueueCounts {
    int produced = 0;
    int consumed = 0;
    int cancelled = 0;
};

Task<void> producer(Queue<int> &queue, QueueCounts &counts, int items, double produce)
{
    for (int i = 0; i < items; ++i) {
        co_await coro::sleep(produce);
        co_await queue.put(counts.produced++);
    }
}

Task<void> consumer(Queue<int> &queue, QueueCounts &counts, double consume)
{
    try {
        for (;;) {
            co_await queue.get();
            co_await coro::sleep(consume);
            ++counts.consumed;
            queue.taskDone();
        }
    } catch (const coro::CancelledError &) {
        ++counts.cancelled;
        throw;
    }
}

Task<void> queueMain(ScenarioContext &ctx, int producers, int consumers, int items, int maxsize, double produce,
                     double consume)
{
    EventLoop *loop = EventLoop::current();
    Queue<int> queue(maxsize, QStringLiteral("queue"));
    QueueCounts counts;
    std::vector<TaskRef<void>> workers;
    for (int c = 0; c < consumers; ++c)
        workers.push_back(loop->createTask(consumer(queue, counts, consume), QStringLiteral("consumer-%1").arg(c + 1)));
    std::vector<TaskRef<void>> makers;
    for (int p = 0; p < producers; ++p) {
        const int share = items / producers + (p < items % producers ? 1 : 0);
        makers.push_back(loop->createTask(producer(queue, counts, share, produce), QStringLiteral("producer-%1").arg(p + 1)));
    }
    for (auto &m : makers)
        co_await m;
    co_await queue.join();          // every item handled
    for (auto &w : workers)
        w.cancel();                 // the endless consumers are cancelled, as the classic example does
    for (auto &w : workers) {
        try {
            co_await w;
        } catch (const coro::CancelledError &) {
        }
    }
    ctx.metrics.insert(QStringLiteral("produced"), counts.produced);
    ctx.metrics.insert(QStringLiteral("consumed"), counts.consumed);
    ctx.metrics.insert(QStringLiteral("consumers_cancelled"), counts.cancelled);
    ctx.metrics.insert(QStringLiteral("tasks_done"), counts.consumed);
}

class AsyncQueueScenario final : public Scenario
{
public:
    QString id() const override { return QStringLiteral("async-queue"); }
    ScenarioGroup group() const override { return ScenarioGroup::Coroutines; }
    QString title() const override { return trScenario(QT_TRANSLATE_NOOP("clab::Scenario", "asyncio.Queue")); }
    QString description() const override
    {
        return trScenario(QT_TRANSLATE_NOOP("clab::Scenario",
            "Producer coroutines put items into an asyncio.Queue, consumers get them and call task_done. "
            "queue.join() waits until every item is handled; then the endless consumers are cancelled."));
    }
    QString scene() const override { return QStringLiteral("loop"); }
    QList<ParameterSpec> parameters() const override
    {
        return {
            ParameterSpec::integer(QStringLiteral("producers"), 1, 1, 20, QT_TRANSLATE_NOOP("clab::Scenario", "Producer tasks")),
            ParameterSpec::integer(QStringLiteral("consumers"), 2, 1, 20, QT_TRANSLATE_NOOP("clab::Scenario", "Consumer tasks")),
            ParameterSpec::integer(QStringLiteral("items"), 10, 1, 10000, QT_TRANSLATE_NOOP("clab::Scenario", "Items in total")),
            ParameterSpec::integer(QStringLiteral("maxsize"), 3, 0, 1000,
                QT_TRANSLATE_NOOP("clab::Scenario", "Queue(maxsize); 0 is unbounded")),
            ParameterSpec::integer(QStringLiteral("produce_ms"), 5, 0, 1000, QT_TRANSLATE_NOOP("clab::Scenario", "Time to make an item, ms")),
            ParameterSpec::integer(QStringLiteral("consume_ms"), 12, 0, 1000, QT_TRANSLATE_NOOP("clab::Scenario", "Time to handle an item, ms")),
        };
    }
    void run(ScenarioContext &ctx) const override
    {
        EventLoop loop;
        loop.run(queueMain(ctx, ctx.params.count(QStringLiteral("producers")), ctx.params.count(QStringLiteral("consumers")),
                           ctx.params.count(QStringLiteral("items")), ctx.params.count(QStringLiteral("maxsize")),
                           ctx.params.integer(QStringLiteral("produce_ms")) / 1000.0,
                           ctx.params.integer(QStringLiteral("consume_ms")) / 1000.0));
    }
};

// --- semaphore ---

Task<void> limited(Semaphore &semaphore, int &inside, int &peak, double work)
{
    co_await semaphore.acquire();
    peak = std::max(peak, ++inside);
    try {
        co_await coro::sleep(work);
    } catch (...) {
        --inside;
        semaphore.release();
        throw;
    }
    --inside;
    semaphore.release();
}

Task<void> semaphoreMain(ScenarioContext &ctx, int tasks, int limit, double work)
{
    Semaphore semaphore(limit, QStringLiteral("semaphore"));
    int inside = 0;
    int peak = 0;
    std::vector<Task<void>> coroutines;
    for (int i = 0; i < tasks; ++i)
        coroutines.push_back(limited(semaphore, inside, peak, work));
    const auto done = co_await gather(std::move(coroutines));
    ctx.metrics.insert(QStringLiteral("max_concurrent"), peak);
    ctx.metrics.insert(QStringLiteral("limit"), limit);
    ctx.metrics.insert(QStringLiteral("tasks_done"), int(done.size()));
}

class AsyncSemaphore final : public Scenario
{
public:
    QString id() const override { return QStringLiteral("async-semaphore"); }
    ScenarioGroup group() const override { return ScenarioGroup::Coroutines; }
    QString title() const override { return trScenario(QT_TRANSLATE_NOOP("clab::Scenario", "asyncio.Semaphore")); }
    QString description() const override
    {
        return trScenario(QT_TRANSLATE_NOOP("clab::Scenario",
            "Many coroutines want in, but `async with semaphore` lets at most `limit` of them inside at once; "
            "the others wait their turn on the semaphore."));
    }
    QString scene() const override { return QStringLiteral("loop"); }
    QList<ParameterSpec> parameters() const override
    {
        return {
            ParameterSpec::integer(QStringLiteral("tasks"), 10, 1, 1000, QT_TRANSLATE_NOOP("clab::Scenario", "How many coroutines")),
            ParameterSpec::integer(QStringLiteral("limit"), 3, 1, 100, QT_TRANSLATE_NOOP("clab::Scenario", "Semaphore(limit)")),
            ParameterSpec::integer(QStringLiteral("work_ms"), 20, 0, 5000,
                QT_TRANSLATE_NOOP("clab::Scenario", "How long each stays inside, ms")),
        };
    }
    void run(ScenarioContext &ctx) const override
    {
        EventLoop loop;
        loop.run(semaphoreMain(ctx, ctx.params.count(QStringLiteral("tasks")), ctx.params.count(QStringLiteral("limit")),
                               ctx.params.integer(QStringLiteral("work_ms")) / 1000.0));
    }
};

// --- gevent ---

Task<int> greenletWork(int i, double seconds)
{
    co_await coro::sleep(seconds);
    co_return i * 10;
}

Task<void> geventMain(ScenarioContext &ctx, int count)
{
    std::vector<gevent::Greenlet<int>> greenlets;
    for (int i = 0; i < count; ++i)
        greenlets.push_back(gevent::spawn(greenletWork(i, 0.01 * (count - i)), QStringLiteral("Greenlet-%1").arg(i + 1)));
    auto endless = gevent::spawn(greenletWork(-1, 3600), QStringLiteral("endless"));
    co_await gevent::joinall(greenlets);
    QJsonArray values;
    bool allDead = true;
    for (auto &g : greenlets) {
        allDead = allDead && g.dead();
        values.append(co_await g.get());
    }
    const bool aliveBeforeKill = !endless.dead();
    co_await endless.kill();
    ctx.metrics.insert(QStringLiteral("values"), values);
    ctx.metrics.insert(QStringLiteral("dead_after_joinall"), allDead);
    ctx.metrics.insert(QStringLiteral("killed"), aliveBeforeKill && endless.dead() && !endless.successful());
    ctx.metrics.insert(QStringLiteral("tasks_done"), int(values.size()));
}

class GeventGreenlets final : public Scenario
{
public:
    QString id() const override { return QStringLiteral("gevent-greenlets"); }
    ScenarioGroup group() const override { return ScenarioGroup::Coroutines; }
    QString title() const override { return trScenario(QT_TRANSLATE_NOOP("clab::Scenario", "gevent greenlets")); }
    QString description() const override
    {
        return trScenario(QT_TRANSLATE_NOOP("clab::Scenario",
            "gevent.spawn starts greenlets, joinall waits for them, get() returns each value, and kill() stops "
            "one that would never end; afterwards it is dead."));
    }
    QString scene() const override { return QStringLiteral("loop"); }
    QList<ParameterSpec> parameters() const override
    {
        return {ParameterSpec::integer(QStringLiteral("greenlets"), 4, 1, 200,
            QT_TRANSLATE_NOOP("clab::Scenario", "How many greenlets gevent.spawn starts"))};
    }
    void run(ScenarioContext &ctx) const override
    {
        EventLoop loop;
        loop.run(geventMain(ctx, ctx.params.count(QStringLiteral("greenlets"))));
    }
};

} // namespace

std::unique_ptr<Scenario> makeAsyncQueueScenario()
{
    return std::make_unique<AsyncQueueScenario>();
}

std::unique_ptr<Scenario> makeAsyncSemaphoreScenario()
{
    return std::make_unique<AsyncSemaphore>();
}

std::unique_ptr<Scenario> makeGeventGreenletsScenario()
{
    return std::make_unique<GeventGreenlets>();
}

} // namespace clab
