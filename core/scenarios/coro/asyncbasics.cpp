#include "coro/awaitables.h"
#include "coro/sync.h"
#include "scenarios/builtin.h"

#include <QJsonArray>
#include <memory>

namespace clab {
namespace {

using namespace coro;

// async def worker(i, delay): await asyncio.sleep(delay); return i
Task<int> worker(int index, double seconds)
{
    co_await coro::sleep(seconds);
    co_return index;
}

Task<void> basicsMain(ScenarioContext &ctx, int tasks, double longest)
{
    EventLoop *loop = EventLoop::current();
    const qint64 start = EventLoop::nowNs();
    std::vector<TaskRef<int>> running;
    double sum = 0;
    for (int i = 0; i < tasks; ++i) {
        const double seconds = longest * (i + 1) / tasks;
        sum += seconds;
        running.push_back(loop->createTask(worker(i, seconds)));
    }
    int done = 0;
    for (auto &t : running)
        done += (co_await t) >= 0 ? 1 : 0;
    const double elapsedMs = double(EventLoop::nowNs() - start) / 1e6;
    ctx.metrics.insert(QStringLiteral("tasks_done"), done);
    ctx.metrics.insert(QStringLiteral("sum_of_sleeps_ms"), sum * 1000);
    ctx.metrics.insert(QStringLiteral("longest_sleep_ms"), longest * 1000);
    ctx.metrics.insert(QStringLiteral("elapsed_ms"), elapsedMs);
    ctx.metrics.insert(QStringLiteral("overlap"), elapsedMs > 0 ? sum * 1000 / elapsedMs : 0.0);
}

class AsyncBasics final : public Scenario
{
public:
    QString id() const override { return QStringLiteral("async-basics"); }
    ScenarioGroup group() const override { return ScenarioGroup::Coroutines; }
    QString title() const override { return trScenario(QT_TRANSLATE_NOOP("clab::Scenario", "async and await")); }
    QString description() const override
    {
        return trScenario(QT_TRANSLATE_NOOP("clab::Scenario",
            "asyncio.run starts the event loop; create_task schedules coroutines that each await asyncio.sleep. "
            "They all sleep at once on one thread, so the run takes about the longest sleep, not the sum."));
    }
    QString scene() const override { return QStringLiteral("loop"); }
    QList<ParameterSpec> parameters() const override
    {
        return {
            ParameterSpec::integer(QStringLiteral("tasks"), 5, 1, 1000,
                QT_TRANSLATE_NOOP("clab::Scenario", "How many tasks create_task starts")),
            ParameterSpec::integer(QStringLiteral("max_sleep_ms"), 100, 0, 10000,
                QT_TRANSLATE_NOOP("clab::Scenario", "The longest sleep; task i sleeps (i+1)/tasks of it, in ms")),
        };
    }
    void run(ScenarioContext &ctx) const override
    {
        EventLoop loop;
        loop.run(basicsMain(ctx, ctx.params.count(QStringLiteral("tasks")),
                            ctx.params.integer(QStringLiteral("max_sleep_ms")) / 1000.0));
    }
};

// --- gather ---

// Shared: after gather raised, the others still finish, after gatherMain
// has stopped waiting for them.
using ReturnedCount = std::shared_ptr<int>;

Task<int> square(int i, double seconds, int failIndex, ReturnedCount returned)
{
    co_await coro::sleep(seconds);
    if (i == failIndex)
        throw ValueError("task " + std::to_string(i) + " failed");
    ++*returned;
    co_return i * i;
}

double gatherSleepSeconds(int i, int tasks)
{
    return 0.005 * ((i * 7) % tasks + 1);
}

Task<void> gatherMain(ScenarioContext &ctx, int tasks, int failIndex, bool returnExceptions)
{
    std::vector<Task<int>> coroutines;
    auto returned = std::make_shared<int>(0);
    for (int i = 0; i < tasks; ++i)
        coroutines.push_back(square(i, gatherSleepSeconds(i, tasks), failIndex, returned));
    QJsonArray results;
    QString raised;
    bool inOrder = true;
    if (returnExceptions) {
        const auto outcomes = co_await gatherReturnExceptions(std::move(coroutines));
        for (size_t i = 0; i < outcomes.size(); ++i) {
            if (outcomes[i].ok()) {
                results.append(*outcomes[i].value);
                inOrder = inOrder && *outcomes[i].value == int(i * i);
            } else {
                try {
                    std::rethrow_exception(outcomes[i].error);
                } catch (const PythonError &e) {
                    results.append(QString::fromStdString(e.describe()));
                }
            }
        }
    } else {
        try {
            const auto values = co_await gather(std::move(coroutines));
            for (size_t i = 0; i < values.size(); ++i) {
                results.append(values[i]);
                inOrder = inOrder && values[i] == int(i * i);
            }
        } catch (const PythonError &e) {
            raised = QString::fromStdString(e.describe());
        }
        // As in asyncio, the others run on after gather raised; wait for
        // the longest so every one has finished.
        co_await coro::sleep(0.005 * tasks + 0.01); // the longest sleep is 0.005 * tasks
    }
    ctx.metrics.insert(QStringLiteral("results"), results);
    ctx.metrics.insert(QStringLiteral("raised"), raised);
    ctx.metrics.insert(QStringLiteral("results_in_order"), inOrder);
    // Coroutines that returned a value, whether gather handed it back or not.
    ctx.metrics.insert(QStringLiteral("tasks_done"), *returned);
}

class AsyncGather final : public Scenario
{
public:
    QString id() const override { return QStringLiteral("async-gather"); }
    ScenarioGroup group() const override { return ScenarioGroup::Coroutines; }
    QString title() const override { return trScenario(QT_TRANSLATE_NOOP("clab::Scenario", "asyncio.gather")); }
    QString description() const override
    {
        return trScenario(QT_TRANSLATE_NOOP("clab::Scenario",
            "gather runs coroutines together and returns their results in the order they were given, whatever "
            "order they finish in. If one raises, gather raises it; with return_exceptions it is returned instead."));
    }
    QString scene() const override { return QStringLiteral("loop"); }
    QList<ParameterSpec> parameters() const override
    {
        return {
            ParameterSpec::integer(QStringLiteral("tasks"), 6, 1, 200,
                QT_TRANSLATE_NOOP("clab::Scenario", "How many coroutines gather runs")),
            ParameterSpec::integer(QStringLiteral("fail_index"), 2, -1, 199,
                QT_TRANSLATE_NOOP("clab::Scenario", "Which one raises ValueError (-1: none)")),
            ParameterSpec::boolean(QStringLiteral("return_exceptions"), false,
                QT_TRANSLATE_NOOP("clab::Scenario", "gather(..., return_exceptions=True)")),
        };
    }
    void run(ScenarioContext &ctx) const override
    {
        EventLoop loop;
        loop.run(gatherMain(ctx, ctx.params.count(QStringLiteral("tasks")), ctx.params.count(QStringLiteral("fail_index")),
                            ctx.params.boolean(QStringLiteral("return_exceptions"))));
        for (const QString &line : loop.unretrievedErrors())
            ctx.print(line);
    }
};

} // namespace

std::unique_ptr<Scenario> makeAsyncBasicsScenario()
{
    return std::make_unique<AsyncBasics>();
}

std::unique_ptr<Scenario> makeAsyncGatherScenario()
{
    return std::make_unique<AsyncGather>();
}

} // namespace clab
