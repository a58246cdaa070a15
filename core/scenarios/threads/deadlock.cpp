#include "scenarios/builtin.h"
#include "sync/barrier.h"
#include "sync/lock.h"
#include "threads/errors.h"
#include "threads/runcontext.h"
#include "threads/thread.h"
#include "trace/trace.h"

#include <QJsonArray>
#include <QSet>
#include <algorithm>
#include <atomic>
#include <memory>
#include <vector>

namespace clab {
namespace {

// Threads that take two locks in opposite orders, or philosophers who each
// pick up the left fork and then the right. Everyone ends up holding one and
// waiting for the next: a wait-for cycle. The engine finds the cycle, reports
// it and stops the run. With `ordered`, locks are always taken lowest first,
// and no cycle can form.
class Deadlock final : public Scenario
{
public:
    QString id() const override { return QStringLiteral("deadlock"); }
    ScenarioGroup group() const override { return ScenarioGroup::Locks; }
    QString title() const override { return trScenario(QT_TRANSLATE_NOOP("clab::Scenario", "Deadlock")); }
    QString description() const override
    {
        return trScenario(QT_TRANSLATE_NOOP("clab::Scenario",
            "Each thread holds one lock and waits for a lock another thread holds, in a cycle, so none can go on. "
            "Taking locks in one global order (ordered) prevents it."));
    }
    QString scene() const override { return QStringLiteral("deadlock"); }
    QList<ParameterSpec> parameters() const override
    {
        return {
            ParameterSpec::choice(QStringLiteral("mode"), {QStringLiteral("two-locks"), QStringLiteral("philosophers")},
                QStringLiteral("two-locks"),
                QT_TRANSLATE_NOOP("clab::Scenario", "Two threads and two locks, or dining philosophers")),
            ParameterSpec::integer(QStringLiteral("philosophers"), 5, 2, 12,
                QT_TRANSLATE_NOOP("clab::Scenario", "How many philosophers (and forks) sit at the table")),
            ParameterSpec::boolean(QStringLiteral("ordered"), false,
                QT_TRANSLATE_NOOP("clab::Scenario", "The fix: always take the lower-numbered lock first")),
            ParameterSpec::integer(QStringLiteral("meals"), 3, 1, 100,
                QT_TRANSLATE_NOOP("clab::Scenario", "How many times each thread needs both locks")),
        };
    }

    void run(ScenarioContext &ctx) const override
    {
        const bool philosophers = ctx.params.choice(QStringLiteral("mode")) == QLatin1String("philosophers");
        const int n = philosophers ? ctx.params.count(QStringLiteral("philosophers")) : 2;
        const bool ordered = ctx.params.boolean(QStringLiteral("ordered"));
        const int meals = ctx.params.count(QStringLiteral("meals"));
        std::vector<std::unique_ptr<Lock>> locks;
        for (int i = 0; i < n; ++i) {
            locks.push_back(std::make_unique<Lock>(philosophers ? QStringLiteral("fork-%1").arg(i)
                                                                : QStringLiteral("lock_%1").arg(QChar(u'a' + i))));
        }
        std::atomic<int> eaten{0};
        // Everyone sits down at the same moment, so all reach for their
        // first lock together, as the classic picture has it.
        Barrier seated(n, {}, {}, QStringLiteral("table"));
        std::vector<std::unique_ptr<Thread>> threads;
        for (int i = 0; i < n; ++i) {
            // Two locks: thread 0 takes a then b, thread 1 takes b then a.
            int first = i;
            int second = (i + 1) % n;
            if (ordered && first > second)
                std::swap(first, second);
            const QString name = philosophers ? QStringLiteral("Philosopher-%1").arg(i) : QString();
            threads.push_back(std::make_unique<Thread>([&, first, second] {
                seated.wait();
                for (int meal = 0; meal < meals; ++meal) {
                    clab::sleep(0.002);  // think
                    locks[size_t(first)]->acquire();
                    clab::sleep(0.010);  // reach for the other one
                    locks[size_t(second)]->acquire();
                    clab::sleep(0.002);  // eat
                    eaten.fetch_add(1);
                    locks[size_t(second)]->release();
                    locks[size_t(first)]->release();
                }
            }, name));
        }
        for (auto &t : threads)
            t->start();
        try {
            for (auto &t : threads)
                t->join();
        } catch (const RunCancelled &) {
            if (!ctx.run.deadlock())
                throw;  // stopped by the user
        }
        ctx.metrics.insert(QStringLiteral("meals_eaten"), eaten.load());
        ctx.metrics.insert(QStringLiteral("meals_wanted"), n * meals);
    }

    void summarize(const Trace &trace, ScenarioContext &ctx) const override
    {
        QJsonArray cycle;
        QSet<ActorId> inCycle;
        qint64 foundAt = 0;
        for (const TraceEvent &e : trace.events()) {
            if (e.kind == EventKind::DeadlockFound) {
                cycle.append(trace.actorName(e.actor));
                inCycle.insert(e.actor);
                foundAt = e.ts;
            }
        }
        ctx.metrics.insert(QStringLiteral("deadlock"), !cycle.isEmpty());
        ctx.metrics.insert(QStringLiteral("cycle"), cycle);
        if (cycle.isEmpty())
            return;
        // From the moment the last of them blocked to the report.
        qint64 lastBlocked = 0;
        for (const TraceEvent &e : trace.events()) {
            if (e.kind == EventKind::WaitBegin && inCycle.contains(e.actor) && e.ts <= foundAt)
                lastBlocked = std::max(lastBlocked, e.ts);
        }
        ctx.metrics.insert(QStringLiteral("detected_after_ms"), double(foundAt - lastBlocked) / 1e6);
    }
};

} // namespace

std::unique_ptr<Scenario> makeDeadlockScenario()
{
    return std::make_unique<Deadlock>();
}

} // namespace clab
