// Tests for core/trace/replay.h: the scene at any instant of a trace, rebuilt
// from checkpoints, and stepping from event to event.

#include "scenetestsupport.h"
#include "testsupport.h"

#include "sync/lock.h"
#include "threads/errors.h"
#include "threads/thread.h"
#include "threads/threadpoolexecutor.h"
#include "trace/replay.h"
#include "trace/timeline.h"
#include "trace/trace.h"

#include <algorithm>
#include <limits>
#include <set>

using namespace clab;
using namespace clab::test;
using namespace clab::scenetest;

class TestReplay : public QObject
{
    Q_OBJECT

private slots:
    void checkpointsMatchReplayFromScratch_data();
    void checkpointsMatchReplayFromScratch();
    void refreshExtendsCheckpoints();
    void refreshNoticesEventsMergedBeforeCheckpoints();
    void refreshAfterClearStartsOver();
    void stepping_data();
    void stepping();
    void steppingAnEmptyTrace();
    void lockInARealRun();
    void poolInARealRun();
};

void TestReplay::checkpointsMatchReplayFromScratch_data()
{
    QTest::addColumn<int>("events");
    QTest::addColumn<int>("every");
    QTest::newRow("every event") << 1500 << 1;
    QTest::newRow("every 7") << 5000 << 7;
    QTest::newRow("every 64") << 10000 << 64;
    QTest::newRow("default") << 12000 << 4096;
}

void TestReplay::checkpointsMatchReplayFromScratch()
{
    QFETCH(int, events);
    QFETCH(int, every);

    const Trace trace = makeGeneratedTrace(events, quint32(events + every));
    const TraceReplay replay(trace, every);
    const TraceReplay scratch(trace, 1000000);
    for (qint64 ns : randomInstants(trace, 40, quint32(every))) {
        const QStringList got = describe(replay.at(ns));
        QCOMPARE(got, describe(scratch.at(ns)));
    }
    // Either side of checkpoint boundaries.
    for (int k : {0, 1, 2, events / every / 2, events / every}) {
        for (int delta : {-1, 0, 1}) {
            const int count = k * every + delta;
            QCOMPARE(describe(replay.afterEvents(count)), describe(scratch.afterEvents(count)));
        }
    }
    const SceneSnapshot end = replay.at(trace.endNs());
    QCOMPARE(end.eventsApplied, events);
    QVERIFY(end.deadlock);  // the generator records some
    QVERIFY(end.object(50));
}

void TestReplay::refreshExtendsCheckpoints()
{
    const std::vector<TraceEvent> events = generateEvents(6000, 11);
    Trace trace = makeTrace({});
    for (size_t i = 0; i < 4000; ++i)
        trace.appendOrdered(events[i]);
    TraceReplay replay(trace, 50);
    QCOMPARE(replay.at(trace.endNs()).eventsApplied, 4000);

    for (size_t i = 4000; i < events.size(); ++i)
        trace.appendOrdered(events[i]);
    trace.upsertActor(actorInfo(6));
    replay.refresh();

    const TraceReplay scratch(trace, 1000000);
    for (qint64 ns : randomInstants(trace, 40, 3))
        QCOMPARE(describe(replay.at(ns)), describe(scratch.at(ns)));
    for (int count : {3999, 4000, 4001, 4050, 5999, 6000})
        QCOMPARE(describe(replay.afterEvents(count)), describe(scratch.afterEvents(count)));
    const SceneSnapshot end = replay.at(trace.endNs());
    QCOMPARE(end.eventsApplied, 6000);
    QCOMPARE(end.actor(6)->name, QStringLiteral("F"));
    replay.refresh();  // nothing new: changes nothing
    QCOMPARE(describe(replay.at(trace.endNs())), describe(end));
}

// Trace::merge keeps time order, so a late batch lands before events a
// checkpoint already covered.
void TestReplay::refreshNoticesEventsMergedBeforeCheckpoints()
{
    Trace trace = makeTrace({});
    for (qint64 ts = 0; ts < 1000; ts += 10) {
        trace.appendOrdered(ev(ts, A, EventKind::Put, Q, ts, 1));
        trace.appendOrdered(ev(ts + 5, B, EventKind::Get, Q, ts, 0));
    }
    TraceReplay replay(trace, 10);
    QCOMPARE(replay.at(trace.endNs()).object(Q)->items, Times{});

    TraceBatch late;
    late.events = {ev(52, C, EventKind::Put, Q, 7777, 1), ev(53, C, EventKind::Acquired, L)};
    trace.merge(std::move(late));
    replay.refresh();

    const TraceReplay scratch(trace, 1000000);
    for (qint64 ns : randomInstants(trace, 40, 5))
        QCOMPARE(describe(replay.at(ns)), describe(scratch.at(ns)));
    const SceneSnapshot end = replay.at(trace.endNs());
    QCOMPARE(end.object(Q)->items, Times{7777});
    QCOMPARE(end.object(L)->owner, C);
}

void TestReplay::refreshAfterClearStartsOver()
{
    Trace trace = makeGeneratedTrace(3000, 5);
    TraceReplay replay(trace, 100);
    QCOMPARE(replay.at(trace.endNs()).eventsApplied, 3000);

    trace.clear();
    trace.upsertActor(actorInfo(A));
    trace.addObject(objectInfo(L, ObjectKind::Lock));
    trace.appendOrdered(ev(5, A, EventKind::ActorStart));
    trace.appendOrdered(ev(6, A, EventKind::Acquired, L));
    replay.refresh();

    const SceneSnapshot scene = replay.at(100);
    QCOMPARE(scene.eventsApplied, 2);
    QCOMPARE(scene.actors.size(), size_t(1));
    QCOMPARE(scene.objects.size(), size_t(1));
    QCOMPARE(scene.object(L)->owner, A);
    QVERIFY(!scene.deadlock);
    QCOMPARE(describe(scene), describe(TraceReplay(trace).at(100)));
}

void TestReplay::stepping_data()
{
    QTest::addColumn<qint64>("ns");
    QTest::addColumn<qint64>("next");
    QTest::addColumn<qint64>("previous");
    QTest::addColumn<int>("eventsApplied");

    QTest::newRow("before the first") << qint64(5) << qint64(10) << kNone << 0;
    QTest::newRow("on the first") << qint64(10) << qint64(20) << kNone << 1;
    QTest::newRow("between") << qint64(15) << qint64(20) << qint64(10) << 1;
    QTest::newRow("on two equal times") << qint64(20) << qint64(30) << qint64(10) << 3;
    QTest::newRow("after two equal times") << qint64(25) << qint64(30) << qint64(20) << 3;
    QTest::newRow("on the last") << qint64(30) << kNone << qint64(20) << 4;
    QTest::newRow("after the last") << qint64(40) << kNone << qint64(30) << 4;
}

void TestReplay::stepping()
{
    QFETCH(qint64, ns);
    QFETCH(qint64, next);
    QFETCH(qint64, previous);
    QFETCH(int, eventsApplied);

    const Trace trace = makeTrace({
        ev(10, A, EventKind::Mark),
        ev(20, A, EventKind::Mark),
        ev(20, B, EventKind::Mark),
        ev(30, A, EventKind::Mark),
    });
    const TraceReplay replay(trace, 2);
    QCOMPARE(replay.nextEventNs(ns).value_or(kNone), next);
    QCOMPARE(replay.previousEventNs(ns).value_or(kNone), previous);
    QCOMPARE(replay.at(ns).eventsApplied, eventsApplied);
}

void TestReplay::steppingAnEmptyTrace()
{
    const Trace trace = makeTrace({});
    const TraceReplay replay(trace);
    QVERIFY(!replay.nextEventNs(0));
    QVERIFY(!replay.previousEventNs(0));
    const SceneSnapshot scene = replay.at(0);
    QCOMPARE(scene.eventsApplied, 0);
    QCOMPARE(scene.actors.size(), size_t(4));
    QCOMPARE(scene.objects.size(), size_t(10));
    QCOMPARE(replay.afterEvents(5).eventsApplied, 0);
}

// Main holds a Lock while two threads queue for it, one after the other.
void TestReplay::lockInARealRun()
{
    RunFixture fx;
    Lock lock(QStringLiteral("L"));
    auto cancelOnExit = qScopeGuard([&] { fx.context.cancel(); });
    auto work = [&] {
        lock.acquire();
        lock.release();
    };
    auto isWaiting = [&](const Thread &t) {
        fx.trace.merge(fx.context.recorder().drain());
        return std::any_of(fx.trace.events().begin(), fx.trace.events().end(), [&](const TraceEvent &e) {
            return e.kind == EventKind::WaitBegin && e.actor == t.actor() && e.object == lock.id();
        });
    };

    lock.acquire();
    Thread first(work);
    first.start();
    QVERIFY(eventually([&] { return isWaiting(first); }));
    Thread second(work);
    second.start();
    QVERIFY(eventually([&] { return isWaiting(second); }));

    TraceReplay replay(fx.trace);
    const SceneSnapshot contended = replay.at(fx.trace.endNs());
    const ObjectSnapshot *l = contended.object(lock.id());
    QVERIFY(l);
    QCOMPARE(l->name, QStringLiteral("L"));
    QCOMPARE(l->owner, fx.main->actor());
    QCOMPARE(waiterIds(*l), (ActorIds{first.actor(), second.actor()}));
    QCOMPARE(int(contended.actor(first.actor())->state), int(ActorState::WaitingLock));

    lock.release();
    QVERIFY(first.join(5.0));
    QVERIFY(second.join(5.0));
    fx.finish();
    replay.refresh();

    // Whatever order the OS woke them in: one owner, never among the
    // waiters, every waiter blocked on this lock.
    const TraceReplay scratch(fx.trace, 1000000);
    std::set<qint64> instants;
    for (const TraceEvent &e : fx.trace.events())
        instants.insert(e.ts);
    int contendedInstants = 0;
    for (qint64 ns : instants) {
        const SceneSnapshot scene = replay.at(ns);
        const ObjectSnapshot *o = scene.object(lock.id());
        QVERIFY(!waiterIds(*o).contains(o->owner));
        for (const WaiterSnapshot &w : o->waiters)
            QCOMPARE(int(scene.actor(w.actor)->state), int(ActorState::WaitingLock));
        checkWaitersAgreeWithActors(scene);
        if (o->owner != 0 && !o->waiters.isEmpty())
            ++contendedInstants;
        QCOMPARE(describe(scene), describe(scratch.at(ns)));
    }
    QVERIFY(contendedInstants > 0);
    const SceneSnapshot end = replay.at(fx.trace.endNs());
    QCOMPARE(end.object(lock.id())->owner, ActorId(0));
    QVERIFY(end.object(lock.id())->waiters.isEmpty());
    QCOMPARE(int(end.actor(first.actor())->state), int(ActorState::Finished));
    QCOMPARE(int(end.actor(second.actor())->state), int(ActorState::Finished));
}

// Six tasks on two workers, the fourth raising: at every instant each task is
// in exactly one place and its worker says it runs it.
void TestReplay::poolInARealRun()
{
    RunFixture fx;
    auto cancelOnExit = qScopeGuard([&] { fx.context.cancel(); });
    ObjectId poolId = 0;
    {
        ThreadPoolExecutor pool(2);
        poolId = pool.id();
        std::vector<Future<int>> futures;
        for (int i = 1; i <= 6; ++i) {
            futures.push_back(pool.submit([](int n) {
                if (n == 4)
                    throw ValueError("four");
                return n * 10;
            }, i));
        }
        for (int i = 1; i <= 6; ++i) {
            if (i == 4)
                QVERIFY_THROWS_EXCEPTION(ValueError, futures[size_t(i - 1)].result(5.0));
            else
                QCOMPARE(futures[size_t(i - 1)].result(5.0), i * 10);
        }
    }
    const Trace trace = fx.finish();
    const TraceReplay replay(trace, 8);

    int submitted = 0;
    size_t next = 0;
    std::set<qint64> instants;
    for (const TraceEvent &e : trace.events())
        instants.insert(e.ts);
    for (qint64 ns : instants) {
        for (; next < trace.events().size() && trace.events()[next].ts <= ns; ++next)
            submitted += trace.events()[next].kind == EventKind::TaskSubmitted ? 1 : 0;
        const SceneSnapshot scene = replay.at(ns);
        const ObjectSnapshot *p = scene.object(poolId);
        QVERIFY(p);
        QCOMPARE(int(p->queuedTasks.size() + p->runningTasks.size()) + p->finishedCount, submitted);
        for (const TaskSnapshot &t : p->runningTasks)
            QCOMPARE(scene.actor(t.worker)->runningTask, t.id);
    }

    const ObjectSnapshot p = *replay.at(trace.endNs()).object(poolId);
    QCOMPARE(p.finishedCount, 6);
    QCOMPARE(p.failedCount, 1);
    QVERIFY(p.queuedTasks.isEmpty());
    QVERIFY(p.runningTasks.isEmpty());
    std::set<qint64> ids;
    for (const TaskSnapshot &t : p.finishedTasks) {
        ids.insert(t.id);
        QVERIFY(t.worker != 0);
        QCOMPARE(t.ok, t.id != 4);
        QCOMPARE(t.hasResult, t.id != 4);
        if (t.hasResult)
            QCOMPARE(t.result, t.id * 10);
    }
    QCOMPARE(ids, (std::set<qint64>{1, 2, 3, 4, 5, 6}));
}
QTEST_GUILESS_MAIN(TestReplay)
#include "tst_replay.moc"
