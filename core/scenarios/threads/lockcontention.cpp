#include "scenarios/builtin.h"
#include "sync/lock.h"
#include "threads/thread.h"
#include "trace/timeline.h"
#include "trace/trace.h"

#include <algorithm>
#include <memory>
#include <vector>

namespace clab {
namespace {

const QString kLockName = QStringLiteral("shared_lock");

// Threads alternate between work inside one Lock and work outside it. The
// longer the critical section relative to the rest, the more they queue.
class LockContention final : public Scenario
{
public:
    QString id() const override { return QStringLiteral("lock-contention"); }
    ScenarioGroup group() const override { return ScenarioGroup::Locks; }
    QString title() const override { return trScenario(QT_TRANSLATE_NOOP("clab::Scenario", "Lock contention")); }
    QString description() const override
    {
        return trScenario(QT_TRANSLATE_NOOP("clab::Scenario",
            "Each thread repeatedly does some work holding one shared Lock and some work without it. "
            "Only one can be inside, so the others queue at the lock."));
    }
    QString scene() const override { return QStringLiteral("lock"); }
    QList<ParameterSpec> parameters() const override
    {
        return {
            ParameterSpec::integer(QStringLiteral("threads"), 4, 1, 16,
                QT_TRANSLATE_NOOP("clab::Scenario", "How many threads compete for the lock")),
            ParameterSpec::integer(QStringLiteral("iterations"), 20, 1, 10000,
                QT_TRANSLATE_NOOP("clab::Scenario", "How many times each thread enters the critical section")),
            ParameterSpec::integer(QStringLiteral("critical_us"), 500, 0, 100000,
                QT_TRANSLATE_NOOP("clab::Scenario", "CPU work done while holding the lock, in microseconds")),
            ParameterSpec::integer(QStringLiteral("outside_us"), 500, 0, 100000,
                QT_TRANSLATE_NOOP("clab::Scenario", "CPU work done without the lock between entries, in microseconds")),
        };
    }

    void run(ScenarioContext &ctx) const override
    {
        const int n = ctx.params.count(QStringLiteral("threads"));
        const qint64 iterations = ctx.params.integer(QStringLiteral("iterations"));
        const double inside = ctx.params.integer(QStringLiteral("critical_us")) / 1e6;
        const double outside = ctx.params.integer(QStringLiteral("outside_us")) / 1e6;
        Lock lock(kLockName);
        std::vector<std::unique_ptr<Thread>> threads;
        for (int i = 0; i < n; ++i) {
            threads.push_back(std::make_unique<Thread>([&] {
                for (qint64 k = 0; k < iterations; ++k) {
                    lock.acquire();
                    burnCpu(inside);
                    lock.release();
                    burnCpu(outside);
                }
            }));
        }
        for (auto &t : threads)
            t->start();
        for (auto &t : threads)
            t->join();
    }

    void summarize(const Trace &trace, ScenarioContext &ctx) const override
    {
        ObjectId lockId = 0;
        for (const ObjectInfo &o : trace.objects()) {
            if (o.name == kLockName)
                lockId = o.id;
        }
        qint64 acquires = 0;
        qint64 contended = 0;
        for (const TraceEvent &e : trace.events()) {
            if (e.object != lockId)
                continue;
            if (e.kind == EventKind::Acquired)
                ++acquires;
            else if (e.kind == EventKind::WaitBegin)
                ++contended;
        }
        qint64 waitTotal = 0;
        qint64 waitMax = 0;
        for (const StateInterval &s : deriveIntervals(trace)) {
            if (s.state == ActorState::WaitingLock && s.object == lockId) {
                waitTotal += s.durationNs();
                waitMax = std::max(waitMax, s.durationNs());
            }
        }
        ctx.metrics.insert(QStringLiteral("acquires"), acquires);
        ctx.metrics.insert(QStringLiteral("contended_acquires"), contended);
        ctx.metrics.insert(QStringLiteral("contended_share"), acquires ? double(contended) / double(acquires) : 0.0);
        ctx.metrics.insert(QStringLiteral("wait_ms_total"), double(waitTotal) / 1e6);
        ctx.metrics.insert(QStringLiteral("wait_ms_max"), double(waitMax) / 1e6);
    }
};

} // namespace

std::unique_ptr<Scenario> makeLockContentionScenario()
{
    return std::make_unique<LockContention>();
}

} // namespace clab
