// Tests for core/trace/scenebuilder.h: what each event does to the actors
// and objects of a scene.

#include "scenetestsupport.h"
#include "testsupport.h"
#include "trace/scenebuilder.h"
#include "trace/timeline.h"

#include <limits>

using namespace clab;
using namespace clab::test;
using namespace clab::scenetest;

namespace {

// The scene after the first `count` events, built by SceneBuilder alone.
SceneSnapshot sceneAfterEvents(const Trace &trace, int count)
{
    SceneSnapshot scene;
    SceneBuilder builder(scene, trace);
    builder.syncWithTrace();
    const int applied = std::clamp(count, 0, int(trace.events().size()));
    for (int i = 0; i < applied; ++i)
        builder.apply(trace.events()[size_t(i)]);
    scene.eventsApplied = applied;
    return scene;
}

// The scene after every event with ts <= ns.
SceneSnapshot sceneAt(const Trace &trace, qint64 ns)
{
    const auto &events = trace.events();
    const auto after = std::upper_bound(events.begin(), events.end(), ns,
                                        [](qint64 t, const TraceEvent &e) { return t < e.ts; });
    SceneSnapshot scene = sceneAfterEvents(trace, int(after - events.begin()));
    scene.atNs = ns;
    return scene;
}

} // namespace

class TestSceneBuilder : public QObject
{
    Q_OBJECT

private slots:
    void lockOwnership_data();
    void lockOwnership();
    void semaphorePermitsAndHolders_data();
    void semaphorePermitsAndHolders();
    void queueItems_data();
    void queueItems();
    void flagsAndWakers_data();
    void flagsAndWakers();
    void lostUpdateWithPrivateCopies_data();
    void lostUpdateWithPrivateCopies();
    void poolTasks_data();
    void poolTasks();
    void finishedTasksKeepOnlyTheMostRecent();
    void workerEndingInsideATaskFailsIt();
    void submitStampedAfterItsStartIsNotQueued();
    void deadlockFromItsFinding();
    void actorStates_data();
    void actorStates();
    void sleepersKnowWhenTheyWake_data();
    void sleepersKnowWhenTheyWake();
    void spawnedStartedAndTasksDone_data();
    void spawnedStartedAndTasksDone();
    void queueCountsWhoPutsAndWhoGets_data();
    void queueCountsWhoPutsAndWhoGets();
    void readyActorsInTheOrderTheyBecameReady_data();
    void readyActorsInTheOrderTheyBecameReady();
    void gilDropRequestsAndSwitches_data();
    void gilDropRequestsAndSwitches();
    void actorStatesMatchTimelineBuilder();
    void snapshotListsEveryKnownActorAndObject();
};

void TestSceneBuilder::lockOwnership_data()
{
    QTest::addColumn<Events>("events");
    QTest::addColumn<ObjectId>("object");
    QTest::addColumn<qint64>("ns");
    QTest::addColumn<ActorId>("owner");
    QTest::addColumn<int>("recursion");
    QTest::addColumn<ActorIds>("holders");
    QTest::addColumn<ActorIds>("waiters");
    QTest::addColumn<Times>("waitingSince");

    const Events events{
        ev(1, A, EventKind::ActorStart), ev(2, B, EventKind::ActorStart), ev(3, C, EventKind::ActorStart),
        // Lock: B then C queue behind A.
        ev(20, A, EventKind::Acquired, L), waitBegin(30, B, WaitReason::Lock, L),
        waitBegin(40, C, WaitReason::Lock, L), ev(50, A, EventKind::Released, L), waitEnd(55, B, L),
        ev(55, B, EventKind::Acquired, L), ev(60, B, EventKind::Released, L), waitEnd(61, C, L),
        ev(61, C, EventKind::Acquired, L), ev(70, C, EventKind::Released, L),
        // RLock: A twice, B waits for both releases.
        ev(110, A, EventKind::Acquired, R, 1), ev(120, A, EventKind::Acquired, R, 2),
        waitBegin(125, B, WaitReason::Lock, R), ev(130, A, EventKind::Released, R, 1),
        ev(140, A, EventKind::Released, R, 0), waitEnd(145, B, R), ev(145, B, EventKind::Acquired, R, 1),
        ev(150, B, EventKind::Released, R, 0),
        // ReadWriteLock: two readers, then a writer; B leaves before A.
        ev(210, A, EventKind::Acquired, W, 1, 1), ev(220, B, EventKind::Acquired, W, 1, 2),
        waitBegin(225, C, WaitReason::ReadWriteLock, W), ev(230, B, EventKind::Released, W, 1, 1),
        ev(240, A, EventKind::Released, W, 1, 0), waitEnd(245, C, W), ev(245, C, EventKind::Acquired, W, 2, 0),
        ev(250, C, EventKind::Released, W, 2, 0),
    };
    auto row = [&](const char *name, ObjectId object, qint64 ns, ActorId owner, int recursion,
                   const ActorIds &holders, const ActorIds &waiters, const Times &since) {
        QTest::newRow(name) << events << object << ns << owner << recursion << holders << waiters << since;
    };
    row("Lock: before any event", L, 0, 0, 0, {}, {}, {});
    row("Lock: A holds", L, 20, A, 0, {}, {}, {});
    row("Lock: B waits", L, 30, A, 0, {}, {B}, {30});
    row("Lock: C waits behind B", L, 45, A, 0, {}, {B, C}, {30, 40});
    row("Lock: released, nobody woken yet", L, 50, 0, 0, {}, {B, C}, {30, 40});
    row("Lock: B took it", L, 55, B, 0, {}, {C}, {40});
    row("Lock: C took it", L, 61, C, 0, {}, {}, {});
    row("Lock: free", L, 70, 0, 0, {}, {}, {});
    row("RLock: A once", R, 110, A, 1, {}, {}, {});
    row("RLock: A twice", R, 120, A, 2, {}, {}, {});
    row("RLock: B waits", R, 125, A, 2, {}, {B}, {125});
    row("RLock: A still holds once", R, 130, A, 1, {}, {B}, {125});
    row("RLock: A let go", R, 140, 0, 0, {}, {B}, {125});
    row("RLock: B holds", R, 145, B, 1, {}, {}, {});
    row("RLock: free", R, 150, 0, 0, {}, {}, {});
    row("RWLock: one reader", W, 210, 0, 0, {A}, {}, {});
    row("RWLock: two readers", W, 220, 0, 0, {A, B}, {}, {});
    row("RWLock: writer waits", W, 225, 0, 0, {A, B}, {C}, {225});
    row("RWLock: B left, A stays", W, 230, 0, 0, {A}, {C}, {225});
    row("RWLock: readers gone", W, 240, 0, 0, {}, {C}, {225});
    row("RWLock: C writes", W, 245, C, 0, {}, {}, {});
    row("RWLock: free", W, 250, 0, 0, {}, {}, {});
}

void TestSceneBuilder::lockOwnership()
{
    QFETCH(Events, events);
    QFETCH(ObjectId, object);
    QFETCH(qint64, ns);
    QFETCH(ActorId, owner);
    QFETCH(int, recursion);
    QFETCH(ActorIds, holders);
    QFETCH(ActorIds, waiters);
    QFETCH(Times, waitingSince);

    const Trace trace = makeTrace(events);
    const SceneSnapshot scene = sceneAt(trace, ns);
    const ObjectSnapshot *o = scene.object(object);
    QVERIFY(o);
    QCOMPARE(o->owner, owner);
    QCOMPARE(o->recursion, recursion);
    QCOMPARE(o->holders, holders);
    QCOMPARE(waiterIds(*o), waiters);
    QCOMPARE(waiterTimes(*o), waitingSince);
    for (ActorId waiter : waiters)
        QCOMPARE(int(scene.actor(waiter)->state), int(ActorState::WaitingLock));
    checkWaitersAgreeWithActors(scene);
}

void TestSceneBuilder::semaphorePermitsAndHolders_data()
{
    QTest::addColumn<qint64>("ns");
    QTest::addColumn<int>("freePermits");
    QTest::addColumn<ActorIds>("holders");
    QTest::addColumn<ActorIds>("waiters");

    QTest::newRow("all free (capacity)") << qint64(0) << 2 << ActorIds{} << ActorIds{};
    QTest::newRow("A holds one") << qint64(10) << 1 << ActorIds{A} << ActorIds{};
    QTest::newRow("A and B hold") << qint64(20) << 0 << ActorIds{A, B} << ActorIds{};
    QTest::newRow("C waits") << qint64(30) << 0 << ActorIds{A, B} << ActorIds{C};
    QTest::newRow("B gave its own permit back") << qint64(40) << 1 << ActorIds{A} << ActorIds{C};
    QTest::newRow("C took it") << qint64(45) << 0 << ActorIds{A, C} << ActorIds{};
    QTest::newRow("D released one it never held: oldest goes") << qint64(50) << 1 << ActorIds{C} << ActorIds{};
    QTest::newRow("A holds again") << qint64(55) << 0 << ActorIds{C, A} << ActorIds{};
    QTest::newRow("A released two: its own, then the oldest") << qint64(60) << 2 << ActorIds{} << ActorIds{};
}

void TestSceneBuilder::semaphorePermitsAndHolders()
{
    QFETCH(qint64, ns);
    QFETCH(int, freePermits);
    QFETCH(ActorIds, holders);
    QFETCH(ActorIds, waiters);

    const Trace trace = makeTrace({
        ev(10, A, EventKind::Acquired, S, 1, 1),
        ev(20, B, EventKind::Acquired, S, 1, 0),
        waitBegin(30, C, WaitReason::Semaphore, S),
        ev(40, B, EventKind::Released, S, 1, 1),
        waitEnd(45, C, S),
        ev(45, C, EventKind::Acquired, S, 1, 0),
        ev(50, D, EventKind::Released, S, 1, 1),
        ev(55, A, EventKind::Acquired, S, 1, 0),
        ev(60, A, EventKind::Released, S, 2, 2),
    });
    const SceneSnapshot scene = sceneAt(trace, ns);
    const ObjectSnapshot *s = scene.object(S);
    QVERIFY(s);
    QCOMPARE(s->freePermits, freePermits);
    QCOMPARE(s->holders, holders);
    QCOMPARE(waiterIds(*s), waiters);
    QCOMPARE(s->owner, ActorId(0));
    checkWaitersAgreeWithActors(scene);
}

void TestSceneBuilder::queueItems_data()
{
    QTest::addColumn<qint64>("ns");
    QTest::addColumn<Times>("items");
    QTest::addColumn<int>("unfinished");
    QTest::addColumn<ActorId>("lastWaker");
    QTest::addColumn<qint64>("lastWakeNs");
    QTest::addColumn<ActorIds>("waiters");

    QTest::newRow("empty") << qint64(0) << Times{} << 0 << ActorId(0) << qint64(0) << ActorIds{};
    QTest::newRow("one put") << qint64(10) << Times{1} << 1 << A << qint64(10) << ActorIds{};
    QTest::newRow("three puts") << qint64(30) << Times{1, 2, 3} << 3 << A << qint64(30) << ActorIds{};
    QTest::newRow("get takes the matching item") << qint64(40) << Times{1, 3} << 3 << B << qint64(40) << ActorIds{};
    QTest::newRow("task_done") << qint64(50) << Times{1, 3} << 2 << B << qint64(50) << ActorIds{};
    QTest::newRow("C waits for an item") << qint64(60) << Times{1, 3} << 2 << B << qint64(50) << ActorIds{C};
    QTest::newRow("drained") << qint64(75) << Times{} << 2 << B << qint64(75) << ActorIds{C};
    QTest::newRow("put while C waits") << qint64(80) << Times{4} << 3 << A << qint64(80) << ActorIds{C};
    QTest::newRow("C got it") << qint64(85) << Times{} << 3 << C << qint64(85) << ActorIds{};
}

void TestSceneBuilder::queueItems()
{
    QFETCH(qint64, ns);
    QFETCH(Times, items);
    QFETCH(int, unfinished);
    QFETCH(ActorId, lastWaker);
    QFETCH(qint64, lastWakeNs);
    QFETCH(ActorIds, waiters);

    const Trace trace = makeTrace({
        ev(10, A, EventKind::Put, Q, 1, 1),
        ev(20, A, EventKind::Put, Q, 2, 2),
        ev(30, A, EventKind::Put, Q, 3, 3),
        ev(40, B, EventKind::Get, Q, 2, 2),
        ev(50, B, EventKind::TaskDone, Q, 0, 2),
        waitBegin(60, C, WaitReason::Queue, Q),
        ev(70, B, EventKind::Get, Q, 1, 1),
        ev(75, B, EventKind::Get, Q, 3, 0),
        ev(80, A, EventKind::Put, Q, 4, 1),
        waitEnd(85, C, Q),
        ev(85, C, EventKind::Get, Q, 4, 0),
    });
    const SceneSnapshot scene = sceneAt(trace, ns);
    const ObjectSnapshot *q = scene.object(Q);
    QVERIFY(q);
    QCOMPARE(q->items, items);
    QCOMPARE(q->unfinished, unfinished);
    QCOMPARE(q->lastWaker, lastWaker);
    QCOMPARE(q->lastWakeNs, lastWakeNs);
    QCOMPARE(waiterIds(*q), waiters);
    checkWaitersAgreeWithActors(scene);
}

// Event flag, and who last woke an Event, a Condition, a Barrier or a Lock.
void TestSceneBuilder::flagsAndWakers_data()
{
    QTest::addColumn<ObjectId>("object");
    QTest::addColumn<qint64>("ns");
    QTest::addColumn<bool>("flag");
    QTest::addColumn<ActorId>("lastWaker");
    QTest::addColumn<qint64>("lastWakeNs");
    QTest::addColumn<ActorIds>("waiters");

    QTest::newRow("Event: B waits") << E << qint64(10) << false << ActorId(0) << qint64(0) << ActorIds{B};
    QTest::newRow("Event: A set it") << E << qint64(20) << true << A << qint64(20) << ActorIds{B};
    QTest::newRow("Event: B woke") << E << qint64(21) << true << A << qint64(20) << ActorIds{};
    QTest::newRow("Event: clear wakes nobody") << E << qint64(30) << false << A << qint64(20) << ActorIds{};
    QTest::newRow("Condition: C waits") << N << qint64(40) << false << ActorId(0) << qint64(0) << ActorIds{C};
    QTest::newRow("Condition: A notified") << N << qint64(50) << false << A << qint64(50) << ActorIds{C};
    QTest::newRow("Barrier: B arrived first") << G << qint64(60) << false << B << qint64(60) << ActorIds{B};
    QTest::newRow("Barrier: C arrived last") << G << qint64(70) << false << C << qint64(70) << ActorIds{};
    QTest::newRow("Lock: acquiring wakes nobody") << L << qint64(80) << false << ActorId(0) << qint64(0)
                                                  << ActorIds{};
    QTest::newRow("Lock: A released") << L << qint64(90) << false << A << qint64(90) << ActorIds{};
}

void TestSceneBuilder::flagsAndWakers()
{
    QFETCH(ObjectId, object);
    QFETCH(qint64, ns);
    QFETCH(bool, flag);
    QFETCH(ActorId, lastWaker);
    QFETCH(qint64, lastWakeNs);
    QFETCH(ActorIds, waiters);

    const Trace trace = makeTrace({
        waitBegin(10, B, WaitReason::Event, E),
        ev(20, A, EventKind::EventSet, E),
        waitEnd(21, B, E),
        ev(30, A, EventKind::EventClear, E),
        waitBegin(40, C, WaitReason::Condition, N),
        ev(50, A, EventKind::Notify, N, 1),
        waitEnd(51, C, N),
        ev(60, B, EventKind::BarrierArrive, G, 0, 1),
        waitBegin(60, B, WaitReason::Barrier, G),
        ev(70, C, EventKind::BarrierArrive, G, 1, 0),
        ev(70, C, EventKind::BarrierPass, G, 1),
        waitEnd(70, B, G),
        ev(70, B, EventKind::BarrierPass, G, 0),
        ev(80, A, EventKind::Acquired, L),
        ev(90, A, EventKind::Released, L),
    });
    const SceneSnapshot scene = sceneAt(trace, ns);
    const ObjectSnapshot *o = scene.object(object);
    QVERIFY(o);
    QCOMPARE(o->flag, flag);
    QCOMPARE(o->lastWaker, lastWaker);
    QCOMPARE(o->lastWakeNs, lastWakeNs);
    QCOMPARE(waiterIds(*o), waiters);
    checkWaitersAgreeWithActors(scene);
}

// The variable starts at 5, which only its first read reveals. A and B both
// read 5 and write 6: B's write wipes out A's update.
void TestSceneBuilder::lostUpdateWithPrivateCopies_data()
{
    QTest::addColumn<qint64>("ns");
    QTest::addColumn<qint64>("value");
    QTest::addColumn<int>("lostUpdates");
    QTest::addColumn<ActorId>("lastLostBy");
    QTest::addColumn<qint64>("lastLostNs");
    QTest::addColumn<qint64>("copyOfA");
    QTest::addColumn<qint64>("copyOfB");

    QTest::newRow("nothing read") << qint64(0) << qint64(0) << 0 << ActorId(0) << qint64(0) << kNoCopy << kNoCopy;
    QTest::newRow("A read") << qint64(10) << qint64(5) << 0 << ActorId(0) << qint64(0) << qint64(5) << kNoCopy;
    QTest::newRow("B read") << qint64(20) << qint64(5) << 0 << ActorId(0) << qint64(0) << qint64(5) << qint64(5);
    QTest::newRow("A wrote, keeps its copy") << qint64(30) << qint64(6) << 0 << ActorId(0) << qint64(0) << qint64(5)
                                             << qint64(5);
    QTest::newRow("B overwrote A's update") << qint64(40) << qint64(6) << 1 << B << qint64(40) << qint64(5)
                                            << qint64(5);
    QTest::newRow("A read again") << qint64(50) << qint64(6) << 1 << B << qint64(40) << qint64(6) << qint64(5);
    QTest::newRow("A wrote cleanly") << qint64(60) << qint64(7) << 1 << B << qint64(40) << qint64(6) << qint64(5);
    QTest::newRow("C lost two at once") << qint64(70) << qint64(9) << 3 << C << qint64(70) << qint64(6)
                                        << qint64(5);
}

void TestSceneBuilder::lostUpdateWithPrivateCopies()
{
    QFETCH(qint64, ns);
    QFETCH(qint64, value);
    QFETCH(int, lostUpdates);
    QFETCH(ActorId, lastLostBy);
    QFETCH(qint64, lastLostNs);
    QFETCH(qint64, copyOfA);
    QFETCH(qint64, copyOfB);

    const Trace trace = makeTrace({
        ev(10, A, EventKind::VarRead, V, 5),
        ev(20, B, EventKind::VarRead, V, 5),
        ev(30, A, EventKind::VarWrite, V, 6, 0),
        ev(40, B, EventKind::VarWrite, V, 6, 1),
        ev(50, A, EventKind::VarRead, V, 6),
        ev(60, A, EventKind::VarWrite, V, 7, 0),
        ev(70, C, EventKind::VarWrite, V, 9, 2),
    });
    const SceneSnapshot scene = sceneAt(trace, ns);
    const ObjectSnapshot *v = scene.object(V);
    QVERIFY(v);
    QCOMPARE(v->value, value);
    QCOMPARE(v->lostUpdates, lostUpdates);
    QCOMPARE(v->lastLostBy, lastLostBy);
    QCOMPARE(v->lastLostNs, lastLostNs);
    auto copyOf = [&](ActorId id) {
        const ActorSnapshot *a = scene.actor(id);
        if (!a->hasPrivateValue)
            return kNoCopy;
        return a->privateOf == V ? a->privateValue : std::numeric_limits<qint64>::min();
    };
    QCOMPARE(copyOf(A), copyOfA);
    QCOMPARE(copyOf(B), copyOfB);
    QVERIFY(!scene.actor(C)->hasPrivateValue);  // a blind write is no read
}

// A submits four tasks to workers B and C; task 2 raises, task 4 is cancelled.
void TestSceneBuilder::poolTasks_data()
{
    QTest::addColumn<qint64>("ns");
    QTest::addColumn<Times>("queued");
    QTest::addColumn<QStringList>("running");
    QTest::addColumn<QStringList>("finished");
    QTest::addColumn<int>("finishedCount");
    QTest::addColumn<int>("failedCount");
    QTest::addColumn<qint64>("taskOfB");
    QTest::addColumn<qint64>("taskOfC");

    using Lines = QStringList;
    QTest::newRow("one queued") << qint64(10) << Times{1} << Lines{} << Lines{} << 0 << 0 << qint64(0) << qint64(0);
    QTest::newRow("four queued") << qint64(13) << Times{1, 2, 3, 4} << Lines{} << Lines{} << 0 << 0 << qint64(0)
                                 << qint64(0);
    QTest::newRow("B runs 1") << qint64(20) << Times{2, 3, 4} << Lines{"1 B ok - @20"} << Lines{} << 0 << 0 << qint64(1)
                              << qint64(0);
    QTest::newRow("C runs 2") << qint64(21) << Times{3, 4} << Lines{"1 B ok - @20", "2 C ok - @21"} << Lines{} << 0 << 0
                              << qint64(1) << qint64(2);
    QTest::newRow("1 has a result before it finishes")
        << qint64(30) << Times{3, 4} << Lines{"1 B ok 100 @20", "2 C ok - @21"} << Lines{} << 0 << 0 << qint64(1)
        << qint64(2);
    QTest::newRow("1 finished") << qint64(31) << Times{3, 4} << Lines{"2 C ok - @21"} << Lines{"1 B ok 100 @31"} << 1 << 0
                                << qint64(0) << qint64(2);
    QTest::newRow("B runs 3") << qint64(32) << Times{4} << Lines{"2 C ok - @21", "3 B ok - @32"} << Lines{"1 B ok 100 @31"}
                              << 1 << 0 << qint64(3) << qint64(2);
    QTest::newRow("2 raised") << qint64(40) << Times{4} << Lines{"3 B ok - @32"}
                              << Lines{"1 B ok 100 @31", "2 C raised - @40"} << 2 << 1 << qint64(3) << qint64(0);
    QTest::newRow("4 cancelled") << qint64(45) << Times{} << Lines{"3 B ok - @32"}
                                 << Lines{"1 B ok 100 @31", "2 C raised - @40"} << 2 << 1 << qint64(3) << qint64(0);
    QTest::newRow("all done") << qint64(51) << Times{} << Lines{}
                              << Lines{"1 B ok 100 @31", "2 C raised - @40", "3 B ok 300 @51"} << 3 << 1 << qint64(0)
                              << qint64(0);
}

void TestSceneBuilder::poolTasks()
{
    QFETCH(qint64, ns);
    QFETCH(Times, queued);
    QFETCH(QStringList, running);
    QFETCH(QStringList, finished);
    QFETCH(int, finishedCount);
    QFETCH(int, failedCount);
    QFETCH(qint64, taskOfB);
    QFETCH(qint64, taskOfC);

    const Trace trace = makeTrace({
        ev(10, A, EventKind::TaskSubmitted, P, 1, 1),
        ev(11, A, EventKind::TaskSubmitted, P, 2, 2),
        ev(12, A, EventKind::TaskSubmitted, P, 3, 3),
        ev(13, A, EventKind::TaskSubmitted, P, 4, 4),
        ev(20, B, EventKind::TaskStarted, P, 1),
        ev(21, C, EventKind::TaskStarted, P, 2),
        ev(30, B, EventKind::TaskResult, P, 100, 1),
        ev(31, B, EventKind::TaskFinished, P, 1, 0),
        ev(32, B, EventKind::TaskStarted, P, 3),
        ev(40, C, EventKind::TaskFinished, P, 2, 1),
        ev(45, A, EventKind::TaskCancelled, P, 4),
        ev(50, B, EventKind::TaskResult, P, 300, 3),
        ev(51, B, EventKind::TaskFinished, P, 3, 0),
    });
    const SceneSnapshot scene = sceneAt(trace, ns);
    const ObjectSnapshot *p = scene.object(P);
    QVERIFY(p);
    Times queuedIds;
    for (const TaskSnapshot &t : p->queuedTasks) {
        queuedIds << t.id;
        QCOMPARE(t.worker, ActorId(0));
    }
    QCOMPARE(queuedIds, queued);
    QCOMPARE(describe(p->runningTasks), running);
    QCOMPARE(describe(p->finishedTasks), finished);
    QCOMPARE(p->finishedCount, finishedCount);
    QCOMPARE(p->failedCount, failedCount);
    QCOMPARE(scene.actor(B)->runningTask, taskOfB);
    QCOMPARE(scene.actor(C)->runningTask, taskOfC);
}

void TestSceneBuilder::finishedTasksKeepOnlyTheMostRecent()
{
    const int total = TraceReplay::kRecentTasks + 10;
    Events events;
    for (int task = 1; task <= total; ++task) {
        const qint64 ts = 3 * task;
        events << ev(ts, A, EventKind::TaskSubmitted, P, task, 1) << ev(ts + 1, B, EventKind::TaskStarted, P, task)
               << ev(ts + 2, B, EventKind::TaskFinished, P, task, task % 5 == 0 ? 1 : 0);
    }
    const Trace trace = makeTrace(events);

    const ObjectSnapshot early = *sceneAfterEvents(trace, 30).object(P);
    QCOMPARE(early.finishedTasks.size(), 10);
    QCOMPARE(early.finishedTasks.front().id, qint64(1));
    QCOMPARE(early.finishedCount, 10);
    QCOMPARE(early.failedCount, 2);

    const ObjectSnapshot last = *sceneAt(trace, trace.endNs()).object(P);
    QCOMPARE(last.finishedTasks.size(), TraceReplay::kRecentTasks);
    QCOMPARE(last.finishedTasks.front().id, qint64(total - TraceReplay::kRecentTasks + 1));
    QCOMPARE(last.finishedTasks.back().id, qint64(total));
    QCOMPARE(last.finishedCount, total);
    QCOMPARE(last.failedCount, total / 5);
    QVERIFY(last.runningTasks.isEmpty());
    QVERIFY(last.queuedTasks.isEmpty());
}

// A cancelled run stops a worker inside its task: no TaskFinished follows.
void TestSceneBuilder::workerEndingInsideATaskFailsIt()
{
    const Trace trace = makeTrace({
        ev(10, A, EventKind::TaskSubmitted, P, 1, 1),
        ev(20, B, EventKind::TaskStarted, P, 1),
        ev(30, B, EventKind::ActorEnd, 0, 2),
    });

    const SceneSnapshot running = sceneAt(trace, 29);
    QCOMPARE(describe(running.object(P)->runningTasks), QStringList{"1 B ok - @20"});
    QCOMPARE(running.actor(B)->runningTask, qint64(1));

    const SceneSnapshot ended = sceneAt(trace, 30);
    QVERIFY(ended.object(P)->runningTasks.isEmpty());
    QCOMPARE(describe(ended.object(P)->finishedTasks), QStringList{"1 B raised - @30"});
    QCOMPARE(ended.object(P)->failedCount, 1);
    QCOMPARE(ended.actor(B)->runningTask, qint64(0));
    QCOMPARE(int(ended.actor(B)->state), int(ActorState::Finished));
}

// Two threads can stamp the same instant, so a worker's TaskStarted may sort
// before the submitter's TaskSubmitted.
void TestSceneBuilder::submitStampedAfterItsStartIsNotQueued()
{
    const Trace trace = makeTrace({
        ev(10, B, EventKind::TaskStarted, P, 1),
        ev(10, A, EventKind::TaskSubmitted, P, 1, 1),
        ev(20, B, EventKind::TaskFinished, P, 1, 0),
        ev(20, A, EventKind::TaskSubmitted, P, 1, 1),
    });
    const SceneSnapshot started = sceneAt(trace, 10);
    QVERIFY(started.object(P)->queuedTasks.isEmpty());
    QCOMPARE(describe(started.object(P)->runningTasks), QStringList{"1 B ok - @10"});
    const SceneSnapshot finished = sceneAt(trace, 20);
    QVERIFY(finished.object(P)->queuedTasks.isEmpty());
    QCOMPARE(finished.object(P)->finishedCount, 1);
}

void TestSceneBuilder::deadlockFromItsFinding()
{
    constexpr ObjectId L2 = 20;
    Trace trace = makeTrace({
        ev(10, A, EventKind::Acquired, L),
        ev(11, B, EventKind::Acquired, L2),
        waitBegin(20, A, WaitReason::Lock, L2),
        waitBegin(21, B, WaitReason::Lock, L),
        ev(100, A, EventKind::DeadlockFound, L2, B),
        ev(100, B, EventKind::DeadlockFound, L, A),
        waitEnd(120, A, L2, WaitOutcome::Cancelled),
        waitEnd(121, B, L, WaitOutcome::Cancelled),
        ev(130, A, EventKind::ActorEnd, 0, 2),
        ev(131, B, EventKind::ActorEnd, 0, 2),
    });
    trace.addObject(objectInfo(L2, ObjectKind::Lock));

    const SceneSnapshot before = sceneAt(trace, 99);
    QVERIFY(!before.deadlock);
    QCOMPARE(before.object(L)->owner, A);
    QCOMPARE(waiterIds(*before.object(L)), ActorIds{B});
    QCOMPARE(before.object(L2)->owner, B);
    QCOMPARE(waiterIds(*before.object(L2)), ActorIds{A});

    for (qint64 ns : {qint64(100), qint64(125), trace.endNs() + 50}) {
        const SceneSnapshot scene = sceneAt(trace, ns);
        QVERIFY(scene.deadlock);
        QCOMPARE(scene.deadlock->actors, (ActorIds{A, B}));
        QCOMPARE(scene.deadlock->objects, (QList<ObjectId>{L2, L}));
        QCOMPARE(scene.deadlock->foundNs, qint64(100));
    }
    QVERIFY(sceneAt(trace, 125).object(L2)->waiters.isEmpty());
}

void TestSceneBuilder::actorStates_data()
{
    QTest::addColumn<qint64>("ns");
    QTest::addColumn<bool>("started");
    QTest::addColumn<ActorState>("state");
    QTest::addColumn<ObjectId>("object");
    QTest::addColumn<WaitReason>("reason");
    QTest::addColumn<qint64>("sinceNs");

    QTest::newRow("not started") << qint64(5) << false << ActorState::Running << ObjectId(0) << WaitReason::Lock
                                 << qint64(0);
    QTest::newRow("started") << qint64(10) << true << ActorState::Running << ObjectId(0) << WaitReason::Lock
                             << qint64(10);
    QTest::newRow("sleeping") << qint64(25) << true << ActorState::Sleeping << ObjectId(0) << WaitReason::Sleep
                              << qint64(20);
    QTest::newRow("woke") << qint64(30) << true << ActorState::Running << ObjectId(0) << WaitReason::Lock
                          << qint64(30);
    QTest::newRow("in I/O") << qint64(40) << true << ActorState::Sleeping << ObjectId(0) << WaitReason::Io
                            << qint64(40);
    QTest::newRow("joining") << qint64(60) << true << ActorState::WaitingSignal << ObjectId(0) << WaitReason::Join
                             << qint64(60);
    QTest::newRow("on a condition") << qint64(85) << true << ActorState::WaitingSignal << N
                                    << WaitReason::Condition << qint64(80);
    QTest::newRow("timed out: running") << qint64(90) << true << ActorState::Running << ObjectId(0)
                                        << WaitReason::Lock << qint64(90);
    QTest::newRow("finished") << qint64(1000) << true << ActorState::Finished << ObjectId(0) << WaitReason::Lock
                              << qint64(100);
}

void TestSceneBuilder::actorStates()
{
    QFETCH(qint64, ns);
    QFETCH(bool, started);
    QFETCH(ActorState, state);
    QFETCH(ObjectId, object);
    QFETCH(WaitReason, reason);
    QFETCH(qint64, sinceNs);

    const Trace trace = makeTrace({
        ev(10, A, EventKind::ActorStart),
        ev(20, A, EventKind::SleepBegin, 0, 1000),
        ev(30, A, EventKind::SleepEnd),
        ev(40, A, EventKind::IoBegin),
        ev(50, A, EventKind::IoEnd),
        waitBegin(60, A, WaitReason::Join, 0, B),
        waitEnd(70, A, 0),
        waitBegin(80, A, WaitReason::Condition, N),
        waitEnd(90, A, N, WaitOutcome::TimedOut),
        ev(100, A, EventKind::ActorEnd),
    });
    const ActorSnapshot a = *sceneAt(trace, ns).actor(A);
    QCOMPARE(a.started, started);
    QCOMPARE(int(a.state), int(state));
    QCOMPARE(a.object, object);
    QCOMPARE(int(a.reason), int(reason));
    QCOMPARE(a.sinceNs, sinceNs);
}

// SleepBegin's value is the requested duration: the sleeper knows when it is
// due to wake, and forgets it once it stops sleeping.
void TestSceneBuilder::sleepersKnowWhenTheyWake_data()
{
    QTest::addColumn<qint64>("ns");
    QTest::addColumn<ActorId>("actor");
    QTest::addColumn<qint64>("wakeAtNs");

    QTest::newRow("before sleeping") << qint64(15) << A << qint64(0);
    QTest::newRow("sleeping 1000 ns from 20") << qint64(25) << A << qint64(1020);
    QTest::newRow("woke early (cancelled)") << qint64(500) << A << qint64(0);
    QTest::newRow("sleep(0): due at once") << qint64(600) << A << qint64(600);
    QTest::newRow("in I/O: no wake time") << qint64(25) << B << qint64(0);
    QTest::newRow("a coroutine's sleep ends ready") << qint64(2100) << C << qint64(0);
    QTest::newRow("a coroutine sleeping") << qint64(1000) << C << qint64(2030);
}

void TestSceneBuilder::sleepersKnowWhenTheyWake()
{
    QFETCH(qint64, ns);
    QFETCH(ActorId, actor);
    QFETCH(qint64, wakeAtNs);

    TraceEvent coroutineWoke = ev(2040, C, EventKind::SleepEnd);
    coroutineWoke.flags = kFlagToReady;
    const Trace trace = makeTrace({
        ev(10, A, EventKind::ActorStart), ev(10, B, EventKind::ActorStart), ev(10, C, EventKind::ActorStart),
        ev(20, A, EventKind::SleepBegin, 0, 1000), ev(20, B, EventKind::IoBegin),
        ev(30, C, EventKind::SleepBegin, 0, 2000), ev(400, A, EventKind::SleepEnd), ev(600, A, EventKind::SleepBegin),
        coroutineWoke,
    });
    const SceneSnapshot scene = sceneAt(trace, ns);
    const ActorSnapshot *a = scene.actor(actor);
    QVERIFY(a);
    QCOMPARE(a->wakeAtNs, wakeAtNs);
}

// A process's main thread is spawned (Spawn names it) well before it
// starts; a worker counts the pool tasks it finished.
void TestSceneBuilder::spawnedStartedAndTasksDone_data()
{
    QTest::addColumn<qint64>("ns");
    QTest::addColumn<qint64>("spawnedB");
    QTest::addColumn<qint64>("startedB");
    QTest::addColumn<int>("doneB");
    QTest::addColumn<qint64>("spawnedC");

    QTest::newRow("before the spawn") << qint64(5) << qint64(0) << qint64(0) << 0 << qint64(0);
    QTest::newRow("spawned, not started") << qint64(15) << qint64(10) << qint64(0) << 0 << qint64(0);
    QTest::newRow("started") << qint64(30) << qint64(10) << qint64(30) << 0 << qint64(0);
    QTest::newRow("one task done") << qint64(50) << qint64(10) << qint64(30) << 1 << qint64(0);
    QTest::newRow("a failed task counts too") << qint64(70) << qint64(10) << qint64(30) << 2 << qint64(0);
    QTest::newRow("C spawned by B") << qint64(80) << qint64(10) << qint64(30) << 2 << qint64(80);
    QTest::newRow("ended: the counts stay") << qint64(100) << qint64(10) << qint64(30) << 2 << qint64(80);
}

void TestSceneBuilder::spawnedStartedAndTasksDone()
{
    QFETCH(qint64, ns);
    QFETCH(qint64, spawnedB);
    QFETCH(qint64, startedB);
    QFETCH(int, doneB);
    QFETCH(qint64, spawnedC);

    const Trace trace = makeTrace({
        ev(1, A, EventKind::ActorStart),
        ev(10, A, EventKind::Spawn, 0, B),
        ev(12, A, EventKind::Spawn, 0, 77),   // an actor nobody named: ignored
        ev(20, A, EventKind::TaskSubmitted, P, 1, 1),
        ev(21, A, EventKind::TaskSubmitted, P, 2, 2),
        ev(30, B, EventKind::ActorStart),
        ev(40, B, EventKind::TaskStarted, P, 1),
        ev(50, B, EventKind::TaskFinished, P, 1, 0),
        ev(60, B, EventKind::TaskStarted, P, 2),
        ev(70, B, EventKind::TaskFinished, P, 2, 1),
        ev(80, B, EventKind::Spawn, 0, C),
        ev(90, B, EventKind::ActorEnd),
    });
    const SceneSnapshot scene = sceneAt(trace, ns);
    const ActorSnapshot *b = scene.actor(B);
    QVERIFY(b);
    QCOMPARE(b->spawnedNs, spawnedB);
    QCOMPARE(b->startedNs, startedB);
    QCOMPARE(b->started, startedB != 0);
    QCOMPARE(b->tasksDone, doneB);
    QCOMPARE(scene.actor(C)->spawnedNs, spawnedC);
    QCOMPARE(scene.actor(A)->tasksDone, 0);
    QVERIFY(!scene.actor(77));
}

// A queue, or a pipe between processes, counts its puts and gets and knows
// who put and who got, in the order they first did.
void TestSceneBuilder::queueCountsWhoPutsAndWhoGets_data()
{
    QTest::addColumn<qint64>("ns");
    QTest::addColumn<int>("puts");
    QTest::addColumn<int>("gets");
    QTest::addColumn<ActorIds>("putters");
    QTest::addColumn<ActorIds>("getters");
    QTest::addColumn<Times>("items");

    QTest::newRow("nothing yet") << qint64(5) << 0 << 0 << ActorIds{} << ActorIds{} << Times{};
    QTest::newRow("C waits: not a getter yet") << qint64(15) << 0 << 0 << ActorIds{} << ActorIds{} << Times{};
    QTest::newRow("A put 1") << qint64(20) << 1 << 0 << ActorIds{A} << ActorIds{} << Times{1};
    QTest::newRow("A put 2, in flight") << qint64(30) << 2 << 0 << ActorIds{A} << ActorIds{} << Times{1, 2};
    QTest::newRow("C got 1") << qint64(40) << 2 << 1 << ActorIds{A} << ActorIds{C} << Times{2};
    QTest::newRow("B puts too") << qint64(50) << 3 << 1 << ActorIds{A, B} << ActorIds{C} << Times{2, 3};
    QTest::newRow("D gets, C again") << qint64(70) << 3 << 3 << ActorIds{A, B} << ActorIds{C, D} << Times{};
}

void TestSceneBuilder::queueCountsWhoPutsAndWhoGets()
{
    QFETCH(qint64, ns);
    QFETCH(int, puts);
    QFETCH(int, gets);
    QFETCH(ActorIds, putters);
    QFETCH(ActorIds, getters);
    QFETCH(Times, items);

    const Trace trace = makeTrace({
        waitBegin(10, C, WaitReason::Queue, Q),
        ev(20, A, EventKind::Put, Q, 1),
        ev(30, A, EventKind::Put, Q, 2),
        waitEnd(40, C, Q),
        ev(40, C, EventKind::Get, Q, 1),
        ev(50, B, EventKind::Put, Q, 3),
        ev(60, D, EventKind::Get, Q, 2),
        ev(70, C, EventKind::Get, Q, 3),
    });
    const SceneSnapshot scene = sceneAt(trace, ns);
    const ObjectSnapshot *q = scene.object(Q);
    QVERIFY(q);
    QCOMPARE(q->puts, puts);
    QCOMPARE(q->gets, gets);
    QCOMPARE(q->putters, putters);
    QCOMPARE(q->getters, getters);
    QCOMPARE(q->items, items);
}

// A loop's ready queue: actors are numbered in the order they became ready
// (Ready events and waits that end ready), equal timestamps included.
void TestSceneBuilder::readyActorsInTheOrderTheyBecameReady_data()
{
    QTest::addColumn<qint64>("ns");
    QTest::addColumn<ActorIds>("readyInOrder");

    QTest::newRow("nobody ready") << qint64(5) << ActorIds{};
    QTest::newRow("C, then A at the same instant") << qint64(10) << ActorIds{C, A};
    QTest::newRow("B woken ready behind them") << qint64(15) << ActorIds{C, A, B};
    QTest::newRow("C resumed") << qint64(20) << ActorIds{A, B};
    QTest::newRow("C ready again, at the back") << qint64(25) << ActorIds{A, B, C};
    QTest::newRow("A and B ran") << qint64(40) << ActorIds{C};
    QTest::newRow("D's I/O ended ready") << qint64(45) << ActorIds{C, D};
}

void TestSceneBuilder::readyActorsInTheOrderTheyBecameReady()
{
    QFETCH(qint64, ns);
    QFETCH(ActorIds, readyInOrder);

    TraceEvent bWoke = waitEnd(15, B, Q);
    bWoke.flags = kFlagToReady;
    TraceEvent dWoke = ev(45, D, EventKind::IoEnd);
    dWoke.flags = kFlagToReady;
    const Trace trace = makeTrace({
        ev(1, B, EventKind::ActorStart), ev(1, D, EventKind::ActorStart), waitBegin(2, B, WaitReason::Queue, Q),
        ev(3, D, EventKind::IoBegin),
        ev(10, C, EventKind::Ready), ev(10, A, EventKind::Ready), bWoke,
        ev(20, C, EventKind::ActorStart), ev(25, C, EventKind::Ready),
        ev(30, A, EventKind::ActorStart), ev(31, A, EventKind::ActorEnd), ev(35, B, EventKind::Resume),
        ev(36, B, EventKind::SleepBegin, 0, 100), dWoke,
    });
    const SceneSnapshot scene = sceneAt(trace, ns);
    std::vector<ActorSnapshot> ready;
    for (const ActorSnapshot &a : scene.actors) {
        if (a.state == ActorState::Ready)
            ready.push_back(a);
        else
            QCOMPARE(a.readySeq, qint64(0));
    }
    std::sort(ready.begin(), ready.end(), [](const ActorSnapshot &x, const ActorSnapshot &y) {
        return x.readySeq < y.readySeq;
    });
    ActorIds got;
    for (const ActorSnapshot &a : ready) {
        QVERIFY(a.readySeq > 0);
        got << a.id;
    }
    QCOMPARE(got, readyInOrder);
}

// The GIL: how often it was taken, since when the owner has it, and the
// drop requests (pending from the request until the next taker has it).
void TestSceneBuilder::gilDropRequestsAndSwitches_data()
{
    QTest::addColumn<qint64>("ns");
    QTest::addColumn<ActorId>("owner");
    QTest::addColumn<qint64>("ownerSinceNs");
    QTest::addColumn<int>("acquireCount");
    QTest::addColumn<int>("dropRequests");
    QTest::addColumn<ActorId>("lastRequester");
    QTest::addColumn<qint64>("lastRequestNs");
    QTest::addColumn<bool>("pending");
    QTest::addColumn<bool>("acquiredOnRequest");
    QTest::addColumn<ActorIds>("waiters");

    auto row = [](const char *name, qint64 ns, ActorId owner, qint64 since, int count, int requests,
                  ActorId requester, qint64 requestNs, bool pending, bool onRequest, const ActorIds &waiters) {
        QTest::newRow(name) << ns << owner << since << count << requests << requester << requestNs << pending
                            << onRequest << waiters;
    };
    row("nobody took it yet", 5, 0, 0, 0, 0, 0, 0, false, false, {});
    row("A takes it", 10, A, 10, 1, 0, 0, 0, false, false, {});
    row("B waits", 20, A, 10, 1, 0, 0, 0, false, false, {B});
    row("B's interval ran out", 70, A, 10, 1, 1, B, 70, true, false, {B});
    row("A let go, still pending", 71, 0, 10, 1, 1, B, 70, true, false, {B, A});
    row("B took it on the request", 72, B, 72, 2, 1, B, 70, false, true, {A});
    row("A took it when B let go for I/O", 90, A, 90, 3, 1, B, 70, false, false, {});
    row("A takes it back after its I/O", 110, A, 110, 4, 1, B, 70, false, false, {});
}

void TestSceneBuilder::gilDropRequestsAndSwitches()
{
    QFETCH(qint64, ns);
    QFETCH(ActorId, owner);
    QFETCH(qint64, ownerSinceNs);
    QFETCH(int, acquireCount);
    QFETCH(int, dropRequests);
    QFETCH(ActorId, lastRequester);
    QFETCH(qint64, lastRequestNs);
    QFETCH(bool, pending);
    QFETCH(bool, acquiredOnRequest);
    QFETCH(ActorIds, waiters);

    Trace trace = makeTrace({});
    trace.addObject(objectInfo(I, ObjectKind::Gil));
    const Events events{
        ev(1, A, EventKind::ActorStart), ev(1, B, EventKind::ActorStart),
        ev(10, A, EventKind::GilRequest, I), ev(10, A, EventKind::Acquired, I),
        ev(20, B, EventKind::GilRequest, I), waitBegin(20, B, WaitReason::Gil, I),
        ev(70, B, EventKind::GilDropRequest, I),
        // Forced switching: A waits from its release until another took it.
        ev(71, A, EventKind::Released, I), waitBegin(71, A, WaitReason::Gil, I),
        waitEnd(72, B, I), ev(72, B, EventKind::Acquired, I),
        ev(80, B, EventKind::Released, I), ev(80, B, EventKind::IoBegin),
        waitEnd(90, A, I), ev(90, A, EventKind::Acquired, I),
        ev(100, A, EventKind::Released, I), ev(100, A, EventKind::IoBegin), ev(105, A, EventKind::IoEnd),
        ev(110, A, EventKind::Acquired, I),
    };
    for (const TraceEvent &e : events)
        trace.appendOrdered(e);
    const SceneSnapshot scene = sceneAt(trace, ns);
    const ObjectSnapshot *gil = scene.object(I);
    QVERIFY(gil);
    QCOMPARE(gil->owner, owner);
    if (owner != 0)
        QCOMPARE(gil->ownerSinceNs, ownerSinceNs);
    QCOMPARE(gil->acquireCount, acquireCount);
    QCOMPARE(gil->dropRequests, dropRequests);
    QCOMPARE(gil->lastDropRequester, lastRequester);
    QCOMPARE(gil->lastDropRequestNs, lastRequestNs);
    QCOMPARE(gil->dropRequestPending, pending);
    QCOMPARE(gil->acquiredOnDropRequest, acquiredOnRequest);
    QCOMPARE(waiterIds(*gil), waiters);
    for (const ActorId id : waiters)
        QCOMPARE(int(scene.actor(id)->state), int(ActorState::WaitingGil));
    checkWaitersAgreeWithActors(scene);
}

// The scene's actor states are TimelineBuilder's open intervals, event by event.
void TestSceneBuilder::actorStatesMatchTimelineBuilder()
{
    const Trace trace = makeGeneratedTrace(6000, 7);
    TimelineBuilder builder;
    int compared = 0;
    for (size_t count = 0; count <= trace.events().size(); ++count) {
        if (count > 0)
            builder.feed(trace.events()[count - 1]);
        if (count % 7 != 0)
            continue;
        const SceneSnapshot scene = sceneAfterEvents(trace, int(count));
        QCOMPARE(scene.eventsApplied, int(count));
        QHash<ActorId, StateInterval> open;
        for (const StateInterval &s : builder.openIntervals(std::numeric_limits<qint64>::max()))
            open.insert(s.actor, s);
        for (const ActorSnapshot &a : scene.actors) {
            const StateInterval expected = open.value(a.id, StateInterval{a.id, ActorState::Running, 0, 0, 0,
                                                                          WaitReason::Lock});
            QCOMPARE(int(a.state), int(expected.state));
            QCOMPARE(a.sinceNs, expected.startNs);
            QCOMPARE(a.object, expected.object);
            QCOMPARE(int(a.reason), int(expected.reason));
            open.remove(a.id);
        }
        QVERIFY2(open.isEmpty(), "an actor the builder tracks is missing from the scene");
        checkWaitersAgreeWithActors(scene);
        ++compared;
    }
    QVERIFY(compared > 800);
}

void TestSceneBuilder::snapshotListsEveryKnownActorAndObject()
{
    Trace trace;
    for (ActorId id : {C, A, B})
        trace.upsertActor(actorInfo(id));
    trace.addObject(objectInfo(S, ObjectKind::Semaphore, 3));
    trace.addObject(objectInfo(L, ObjectKind::Lock));
    trace.appendOrdered(ev(10, A, EventKind::ActorStart));
    trace.appendOrdered(waitBegin(20, 9, WaitReason::Lock, L));  // actor 9: unknown to the trace
    trace.appendOrdered(ev(30, B, EventKind::Put, 44, 1, 1));   // object 44: unknown too

    const SceneSnapshot first = sceneAt(trace, 5);
    QCOMPARE(first.eventsApplied, 0);
    QCOMPARE(first.atNs, qint64(5));
    QCOMPARE(first.actors.size(), size_t(3));
    QCOMPARE(first.actors[0].id, A);
    QCOMPARE(first.actors[1].id, B);
    QCOMPARE(first.actors[2].id, C);
    for (const ActorSnapshot &a : first.actors)
        QVERIFY(!a.started);
    QCOMPARE(first.objects.size(), size_t(2));
    QCOMPARE(first.objects[0].id, L);
    QCOMPARE(first.objects[1].id, S);
    QCOMPARE(first.object(S)->freePermits, 3);
    QCOMPARE(first.object(S)->capacity, qint64(3));
    QCOMPARE(first.object(S)->name, QStringLiteral("Semaphore-13"));
    QCOMPARE(int(first.object(S)->kind), int(ObjectKind::Semaphore));
    QCOMPARE(first.actor(B)->name, QStringLiteral("B"));
    QVERIFY(!first.actor(9));
    QVERIFY(!first.object(44));

    const SceneSnapshot started = sceneAt(trace, 10);
    QVERIFY(started.actor(A)->started);
    QCOMPARE(started.actor(A)->sinceNs, qint64(10));
    QVERIFY(!started.actor(B)->started);

    // Events may name what the trace does not describe; they are kept.
    const SceneSnapshot last = sceneAt(trace, 30);
    QCOMPARE(last.actors.size(), size_t(4));
    QCOMPARE(last.actors.back().id, ActorId(9));
    QVERIFY(last.actor(9)->name.isEmpty());
    QVERIFY(!last.actor(9)->started);  // only its ActorStart starts it
    QCOMPARE(int(last.actor(9)->state), int(ActorState::WaitingLock));
    QCOMPARE(waiterIds(*last.object(L)), ActorIds{9});
    QCOMPARE(last.objects.size(), size_t(3));
    QCOMPARE(last.objects.back().id, ObjectId(44));
    QCOMPARE(last.object(44)->items, Times{1});

    // Names and objects the trace learns later show without a refresh.
    ActorInfo renamed = actorInfo(B);
    renamed.name = QStringLiteral("worker");
    trace.upsertActor(renamed);
    trace.addObject(objectInfo(Q, ObjectKind::Queue));
    const SceneSnapshot later = sceneAt(trace, 5);
    QCOMPARE(later.actor(B)->name, QStringLiteral("worker"));
    QVERIFY(later.object(Q));
    QCOMPARE(later.objects.size(), size_t(3));
}

QTEST_GUILESS_MAIN(TestSceneBuilder)
#include "tst_scenebuilder.moc"
