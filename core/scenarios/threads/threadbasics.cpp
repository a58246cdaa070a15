#include "scenarios/builtin.h"
#include "threads/thread.h"
#include "trace/trace.h"

#include <QJsonArray>
#include <memory>
#include <vector>

namespace clab {
namespace {

// threading.Thread basics: start, join, names, is_alive and a daemon thread
// that is still running when the program ends.
class ThreadBasics final : public Scenario
{
public:
    QString id() const override { return QStringLiteral("thread-basics"); }
    ScenarioGroup group() const override { return ScenarioGroup::Threads; }
    QString title() const override { return trScenario(QT_TRANSLATE_NOOP("clab::Scenario", "Thread basics")); }
    QString description() const override
    {
        return trScenario(QT_TRANSLATE_NOOP("clab::Scenario",
            "MainThread starts worker threads, each works for a while, and join() waits for them. "
            "A daemon thread is still running at the end and is stopped with the program."));
    }
    QString scene() const override { return QStringLiteral("threads"); }
    QList<ParameterSpec> parameters() const override
    {
        return {
            ParameterSpec::integer(QStringLiteral("threads"), 3, 1, 16,
                QT_TRANSLATE_NOOP("clab::Scenario", "How many worker threads MainThread starts")),
            ParameterSpec::integer(QStringLiteral("work_ms"), 60, 0, 5000,
                QT_TRANSLATE_NOOP("clab::Scenario", "How long the longest worker sleeps, in milliseconds; worker i sleeps (i+1)/threads of it")),
            ParameterSpec::boolean(QStringLiteral("daemon"), true,
                QT_TRANSLATE_NOOP("clab::Scenario", "Also start a daemon thread that never ends by itself")),
        };
    }

    void run(ScenarioContext &ctx) const override
    {
        const int n = ctx.params.count(QStringLiteral("threads"));
        const double work = ctx.params.integer(QStringLiteral("work_ms")) / 1000.0;
        std::vector<std::unique_ptr<Thread>> workers;
        QJsonArray names;
        for (int i = 0; i < n; ++i) {
            const double mine = work * (i + 1) / n;
            workers.push_back(std::make_unique<Thread>([&ctx, mine] {
                ctx.print(Thread::currentName() + QStringLiteral(" starts"));
                clab::sleep(mine);
                ctx.print(Thread::currentName() + QStringLiteral(" ends"));
            }));
            names.append(workers.back()->name());
        }
        std::unique_ptr<Thread> heartbeat;
        if (ctx.params.boolean(QStringLiteral("daemon"))) {
            heartbeat = std::make_unique<Thread>([] {
                for (;;)
                    clab::sleep(0.005);
            }, QStringLiteral("heartbeat"), true);
            heartbeat->start();
        }
        int aliveAfterStart = 0;
        for (auto &t : workers)
            t->start();
        for (auto &t : workers)
            aliveAfterStart += t->isAlive() ? 1 : 0;
        // join(timeout) returns while the thread still runs; is_alive() tells.
        bool joinTimedOut = false;
        if (n > 0 && work > 0.01) {
            workers.back()->join(0.001);
            joinTimedOut = workers.back()->isAlive();
        }
        for (auto &t : workers)
            t->join();
        int aliveAfterJoin = 0;
        for (auto &t : workers)
            aliveAfterJoin += t->isAlive() ? 1 : 0;

        ctx.metrics.insert(QStringLiteral("main_thread"), Thread::currentName());
        ctx.metrics.insert(QStringLiteral("threads_started"), n);
        ctx.metrics.insert(QStringLiteral("names"), names);
        ctx.metrics.insert(QStringLiteral("alive_after_start"), aliveAfterStart);
        ctx.metrics.insert(QStringLiteral("join_timeout_left_alive"), joinTimedOut);
        ctx.metrics.insert(QStringLiteral("alive_after_join"), aliveAfterJoin);
        if (heartbeat)
            ctx.metrics.insert(QStringLiteral("daemon_alive_at_exit"), heartbeat->isAlive());
    }

    void summarize(const Trace &trace, ScenarioContext &ctx) const override
    {
        // A daemon thread still running when the program ends is stopped
        // with it: its lane ends with a cancellation.
        for (const TraceEvent &e : trace.events()) {
            if (e.kind == EventKind::ActorEnd && trace.actorName(e.actor) == QLatin1String("heartbeat"))
                ctx.metrics.insert(QStringLiteral("daemon_stopped_at_exit"), e.value == 2);
        }
        QJsonArray tids;
        for (const ActorInfo &a : trace.actors()) {
            if (a.kind == ActorKind::Thread)
                tids.append(a.osId);
        }
        ctx.metrics.insert(QStringLiteral("native_ids"), tids);
    }
};

} // namespace

std::unique_ptr<Scenario> makeThreadBasicsScenario()
{
    return std::make_unique<ThreadBasics>();
}

} // namespace clab
