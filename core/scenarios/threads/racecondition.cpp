#include "scenarios/builtin.h"
#include "sync/barrier.h"
#include "sync/lock.h"
#include "sync/sharedvalue.h"
#include "threads/schedpoint.h"
#include "threads/thread.h"

#include <atomic>
#include <memory>
#include <vector>

namespace clab {
namespace {

// The classic lost update: every thread runs
//     balance = balance + n
//     balance = balance - n
// which should leave balance at 0. Each line is a read and a separate write,
// so without a lock another thread's write can land in between and be
// overwritten.
class RaceCondition final : public Scenario
{
public:
    QString id() const override { return QStringLiteral("race-condition"); }
    ScenarioGroup group() const override { return ScenarioGroup::Locks; }
    QString title() const override { return trScenario(QT_TRANSLATE_NOOP("clab::Scenario", "Race condition")); }
    QString description() const override
    {
        return trScenario(QT_TRANSLATE_NOOP("clab::Scenario",
            "Threads add n to a shared balance and take it away again, so it should end at 0. "
            "Without the lock, a write can land between another thread's read and write and be lost."));
    }
    QString scene() const override { return QStringLiteral("race"); }
    QList<ParameterSpec> parameters() const override
    {
        return {
            ParameterSpec::integer(QStringLiteral("threads"), 2, 2, 16,
                QT_TRANSLATE_NOOP("clab::Scenario", "How many threads change the balance at once")),
            ParameterSpec::integer(QStringLiteral("iterations"), 50000, 1, 1000000,
                QT_TRANSLATE_NOOP("clab::Scenario", "How many times each thread adds and subtracts its n")),
            ParameterSpec::boolean(QStringLiteral("lock"), false,
                QT_TRANSLATE_NOOP("clab::Scenario", "Hold a Lock around each change, as `with lock:` would")),
        };
    }

    void run(ScenarioContext &ctx) const override
    {
        const int n = ctx.params.count(QStringLiteral("threads"));
        const qint64 iterations = ctx.params.integer(QStringLiteral("iterations"));
        const bool useLock = ctx.params.boolean(QStringLiteral("lock"));
        SharedInt balance(0, QStringLiteral("balance"));
        Lock lock(QStringLiteral("balance_lock"));
        // All threads begin their loops together, so they really overlap.
        Barrier start(n, {}, {}, QStringLiteral("start"));
        std::atomic<qint64> lost{0};

        auto change = [&](qint64 amount) {
            const SharedInt::Snapshot a = balance.read();
            qint64 clobbered = balance.write(a.value + amount, a);
            const SharedInt::Snapshot b = balance.read();
            clobbered += balance.write(b.value - amount, b);
            return clobbered;
        };
        std::vector<std::unique_ptr<Thread>> threads;
        for (int i = 0; i < n; ++i) {
            const qint64 amount = 5 + 3 * i; // 5, 8, 11, ...
            threads.push_back(std::make_unique<Thread>([&, amount] {
                start.wait();
                qint64 mine = 0;
                for (qint64 k = 0; k < iterations; ++k) {
                    if (useLock) {
                        lock.acquire();
                        mine += change(amount);
                        lock.release();
                    } else {
                        mine += change(amount);
                    }
                    if ((k & 1023) == 0)
                        sched::checkpoint();
                }
                lost.fetch_add(mine);
            }));
        }
        for (auto &t : threads)
            t->start();
        for (auto &t : threads)
            t->join();
        ctx.metrics.insert(QStringLiteral("expected"), 0);
        ctx.metrics.insert(QStringLiteral("final"), balance.peek());
        ctx.metrics.insert(QStringLiteral("lost_updates"), lost.load());
        ctx.metrics.insert(QStringLiteral("updates"), qint64(2) * n * iterations);
        ctx.print(QStringLiteral("balance = %1 (expected 0), %2 updates lost").arg(balance.peek()).arg(lost.load()));
    }
};

} // namespace

std::unique_ptr<Scenario> makeRaceConditionScenario()
{
    return std::make_unique<RaceCondition>();
}

} // namespace clab
