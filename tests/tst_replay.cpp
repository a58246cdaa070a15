// Tests for core/trace/replay.h: the scene at any instant of a trace, rebuilt
// from checkpoints.

#include "testsupport.h"
#include "sync/lock.h"
#include "threads/errors.h"
#include "threads/thread.h"
#include "threads/threadpoolexecutor.h"
#include "trace/replay.h"
#include "trace/timeline.h"
#include "trace/trace.h"

#include <QRandomGenerator>
#include <QtTest>

#include <algorithm>
#include <limits>
#include <set>

using namespace clab;
using namespace clab::test;

using Events = QList<TraceEvent>;
using ActorIds = QList<ActorId>;
using Times = QList<qint64>;

Q_DECLARE_METATYPE(clab::ActorState)
Q_DECLARE_METATYPE(clab::WaitReason)


namespace {

constexpr ActorId A = 1;
constexpr ActorId B = 2;
constexpr ActorId C = 3;
constexpr ActorId D = 4;

constexpr ObjectId L = 10;  // Lock
constexpr ObjectId R = 11;  // RLock
constexpr ObjectId W = 12;  // ReadWriteLock
constexpr ObjectId S = 13;  // Semaphore
constexpr ObjectId Q = 14;  // Queue
constexpr ObjectId E = 15;  // Event
constexpr ObjectId N = 16;  // Condition
constexpr ObjectId G = 17;  // Barrier
constexpr ObjectId V = 18;  // Variable
constexpr ObjectId P = 19;  // Pool
constexpr ObjectId I = 20;  // GIL (only where a test adds it)

constexpr qint64 kNoCopy = -1;  // an actor without a private copy
constexpr qint64 kNone = -1;    // no next / previous event

TraceEvent ev(qint64 ts, ActorId actor, EventKind kind, ObjectId object = 0, qint64 value = 0, quint32 aux = 0)
{
    TraceEvent e;
    e.ts = ts;
    e.actor = actor;
    e.kind = kind;
    e.object = object;
    e.value = value;
    e.aux = aux;
    return e;
}

TraceEvent waitBegin(qint64 ts, ActorId actor, WaitReason reason, ObjectId object, quint32 awaited = 0)
{
    return ev(ts, actor, EventKind::WaitBegin, object, qint64(reason), awaited);
}

TraceEvent waitEnd(qint64 ts, ActorId actor, ObjectId object, WaitOutcome outcome = WaitOutcome::Satisfied)
{
    return ev(ts, actor, EventKind::WaitEnd, object, qint64(outcome));
}

ObjectInfo objectInfo(ObjectId id, ObjectKind kind, qint64 capacity = 0)
{
    ObjectInfo info;
    info.id = id;
    info.kind = kind;
    info.name = QStringLiteral("%1-%2").arg(objectKindName(kind)).arg(id);
    info.capacity = capacity;
    return info;
}

ActorInfo actorInfo(ActorId id)
{
    ActorInfo info;
    info.id = id;
    info.name = QString(QChar(u'A' + int(id) - 1));
    return info;
}

// Actors A to D and one object of each kind, then `events` as given.
Trace makeTrace(const Events &events)
{
    Trace trace;
    for (ActorId id : {A, B, C, D})
        trace.upsertActor(actorInfo(id));
    trace.addObject(objectInfo(L, ObjectKind::Lock));
    trace.addObject(objectInfo(R, ObjectKind::RLock));
    trace.addObject(objectInfo(W, ObjectKind::ReadWriteLock));
    trace.addObject(objectInfo(S, ObjectKind::Semaphore, 2));
    trace.addObject(objectInfo(Q, ObjectKind::Queue));
    trace.addObject(objectInfo(E, ObjectKind::Event));
    trace.addObject(objectInfo(N, ObjectKind::Condition));
    trace.addObject(objectInfo(G, ObjectKind::Barrier, 2));
    trace.addObject(objectInfo(V, ObjectKind::Variable));
    trace.addObject(objectInfo(P, ObjectKind::Pool, 2));
    for (const TraceEvent &e : events)
        trace.appendOrdered(e);
    return trace;
}

ActorIds waiterIds(const ObjectSnapshot &o)
{
    ActorIds ids;
    for (const WaiterSnapshot &w : o.waiters)
        ids << w.actor;
    return ids;
}

Times waiterTimes(const ObjectSnapshot &o)
{
    Times times;
    for (const WaiterSnapshot &w : o.waiters)
        times << w.sinceNs;
    return times;
}

// "3 B ok 300 @51": task 3, run by B, returned 300, finished at 51.
QString describe(const TaskSnapshot &t)
{
    return QStringLiteral("%1 %2 %3 %4 @%5")
        .arg(t.id)
        .arg(t.worker == 0 ? QStringLiteral("-") : actorInfo(t.worker).name)
        .arg(t.ok ? QStringLiteral("ok") : QStringLiteral("raised"))
        .arg(t.hasResult ? QString::number(t.result) : QStringLiteral("-"))
        .arg(t.sinceNs);
}

QStringList describe(const QList<TaskSnapshot> &tasks)
{
    QStringList out;
    for (const TaskSnapshot &t : tasks)
        out << describe(t);
    return out;
}

template <class T>
QString join(const QList<T> &values)
{
    QStringList parts;
    for (const T &v : values)
        parts << QString::number(v);
    return parts.join(u',');
}

// Every field of a scene, one line per actor or object, so two scenes can be
// compared and a difference read off the failure message.
QStringList describe(const SceneSnapshot &s)
{
    QStringList out;
    out << QStringLiteral("at %1 after %2, %3 made ready").arg(s.atNs).arg(s.eventsApplied).arg(s.readyCount);
    for (const ActorSnapshot &a : s.actors) {
        out << QStringList{QStringLiteral("actor"), QString::number(a.id), a.name, QString::number(int(a.kind)),
                           QString::number(a.started), QString::number(int(a.state)), QString::number(a.object),
                           QString::number(int(a.reason)), QString::number(a.sinceNs),
                           QString::number(a.hasPrivateValue), QString::number(a.privateValue),
                           QString::number(a.privateOf), QString::number(a.runningTask),
                           QString::number(a.wakeAtNs), QString::number(a.readySeq),
                           QString::number(a.spawnedNs), QString::number(a.startedNs), QString::number(a.tasksDone)}
                   .join(u' ');
    }
    for (const ObjectSnapshot &o : s.objects) {
        QStringList waiters;
        for (const WaiterSnapshot &w : o.waiters)
            waiters << QStringLiteral("%1@%2").arg(w.actor).arg(w.sinceNs);
        out << QStringList{QStringLiteral("object"), QString::number(o.id), QString::number(int(o.kind)), o.name,
                           QString::number(o.capacity), QString::number(o.owner), QString::number(o.recursion),
                           join(o.holders), QString::number(o.freePermits), QString::number(o.flag),
                           waiters.join(u','), QString::number(o.lastWaker), QString::number(o.lastWakeNs),
                           join(o.items), QString::number(o.unfinished), QString::number(o.puts),
                           QString::number(o.gets), join(o.putters), join(o.getters), QString::number(o.value),
                           QString::number(o.lostUpdates), QString::number(o.lastLostBy),
                           QString::number(o.lastLostNs), describe(o.queuedTasks).join(u','),
                           describe(o.runningTasks).join(u','), describe(o.finishedTasks).join(u','),
                           QString::number(o.finishedCount), QString::number(o.failedCount),
                           QString::number(o.acquireCount), QString::number(o.ownerSinceNs),
                           QString::number(o.dropRequests), QString::number(o.lastDropRequester),
                           QString::number(o.lastDropRequestNs), QString::number(o.dropRequestPending),
                           QString::number(o.acquiredOnDropRequest)}
                   .join(u' ');
    }
    if (s.deadlock) {
        out << QStringLiteral("deadlock %1 on %2 at %3")
                   .arg(join(s.deadlock->actors), join(s.deadlock->objects))
                   .arg(s.deadlock->foundNs);
    }
    return out;
}

// Each waiter is an actor waiting on that object since it joined the list,
// and every waiting actor is in its object's list.
void checkWaitersAgreeWithActors(const SceneSnapshot &scene)
{
    for (const ObjectSnapshot &o : scene.objects) {
        for (const WaiterSnapshot &w : o.waiters) {
            const ActorSnapshot *a = scene.actor(w.actor);
            QVERIFY(a);
            QCOMPARE(a->object, o.id);
            QCOMPARE(a->sinceNs, w.sinceNs);
            QCOMPARE(int(a->state), int(stateForWait(a->reason)));
        }
    }
    for (const ActorSnapshot &a : scene.actors) {
        if (a.object == 0)
            continue;
        const ObjectSnapshot *o = scene.object(a.object);
        QVERIFY(o);
        QCOMPARE(waiterIds(*o).count(a.id), 1);
    }
}

// Random events of every kind on a fixed cast, with repeated timestamps and
// ids that sometimes match (items, tasks) and sometimes do not. Actor 7 and
// object 50 are unknown to the trace.
std::vector<TraceEvent> generateEvents(int count, quint32 seed, qint64 firstTs = 1000)
{
    static const EventKind kinds[] = {
        EventKind::ActorStart,    EventKind::ActorEnd,     EventKind::WaitBegin,    EventKind::WaitBegin,
        EventKind::WaitBegin,     EventKind::WaitEnd,      EventKind::WaitEnd,      EventKind::WaitEnd,
        EventKind::SleepBegin,    EventKind::SleepEnd,     EventKind::IoBegin,      EventKind::IoEnd,
        EventKind::Acquired,      EventKind::Acquired,     EventKind::Acquired,     EventKind::Released,
        EventKind::Released,      EventKind::Released,     EventKind::Notify,       EventKind::EventSet,
        EventKind::EventClear,    EventKind::Put,          EventKind::Put,          EventKind::Get,
        EventKind::Get,           EventKind::TaskDone,     EventKind::BarrierArrive, EventKind::TaskSubmitted,
        EventKind::TaskSubmitted, EventKind::TaskStarted,  EventKind::TaskStarted,  EventKind::TaskFinished,
        EventKind::TaskFinished,  EventKind::TaskResult,   EventKind::TaskCancelled, EventKind::VarRead,
        EventKind::VarRead,       EventKind::VarWrite,     EventKind::VarWrite,     EventKind::DeadlockFound,
        EventKind::Spawn,         EventKind::Mark,         EventKind::GilDropRequest, EventKind::Ready,
        EventKind::Resume,
    };
    static const ObjectId objects[] = {0, L, R, W, S, Q, E, N, G, V, P, 50};
    QRandomGenerator rng(seed);
    std::vector<TraceEvent> events;
    events.reserve(size_t(count));
    qint64 ts = firstTs;
    for (int i = 0; i < count; ++i) {
        ts += rng.bounded(3);  // 0 often: equal timestamps
        const EventKind kind = kinds[rng.bounded(int(std::size(kinds)))];
        const ActorId actor = ActorId(rng.bounded(1, 8));
        const ObjectId object = objects[rng.bounded(int(std::size(objects)))];
        qint64 value = rng.bounded(1, 9);
        quint32 aux = quint32(rng.bounded(4));
        if (kind == EventKind::WaitBegin)
            value = rng.bounded(1, 13);
        else if (kind == EventKind::WaitEnd)
            value = rng.bounded(-1, 2);
        else if (kind == EventKind::Acquired || kind == EventKind::Released)
            value = rng.bounded(3);
        else if (kind == EventKind::TaskResult)
            aux = quint32(rng.bounded(1, 9));
        events.push_back(ev(ts, actor, kind, object, value, aux));
    }
    return events;
}

Trace makeGeneratedTrace(int count, quint32 seed)
{
    Trace trace = makeTrace({});
    trace.upsertActor(actorInfo(5));
    trace.upsertActor(actorInfo(6));
    for (const TraceEvent &e : generateEvents(count, seed))
        trace.appendOrdered(e);
    return trace;
}

// Instants worth looking at: before, between, on and after events.
QList<qint64> randomInstants(const Trace &trace, int count, quint32 seed)
{
    QRandomGenerator rng(seed);
    QList<qint64> instants{trace.startNs() - 1, trace.startNs(), trace.endNs(), trace.endNs() + 1};
    for (int i = 0; i < count; ++i)
        instants << rng.bounded(trace.startNs() - 2, trace.endNs() + 3);
    return instants;
}

} // namespace

class TestReplay : public QObject
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

// Lock, RLock and ReadWriteLock, each in its own stretch of time.
void TestReplay::lockOwnership_data()
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

void TestReplay::lockOwnership()
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
    const TraceReplay replay(trace, 4);
    const SceneSnapshot scene = replay.at(ns);
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

void TestReplay::semaphorePermitsAndHolders_data()
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

void TestReplay::semaphorePermitsAndHolders()
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
    const SceneSnapshot scene = TraceReplay(trace, 3).at(ns);
    const ObjectSnapshot *s = scene.object(S);
    QVERIFY(s);
    QCOMPARE(s->freePermits, freePermits);
    QCOMPARE(s->holders, holders);
    QCOMPARE(waiterIds(*s), waiters);
    QCOMPARE(s->owner, ActorId(0));
    checkWaitersAgreeWithActors(scene);
}

void TestReplay::queueItems_data()
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

void TestReplay::queueItems()
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
    const SceneSnapshot scene = TraceReplay(trace, 2).at(ns);
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
void TestReplay::flagsAndWakers_data()
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

void TestReplay::flagsAndWakers()
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
    const SceneSnapshot scene = TraceReplay(trace, 5).at(ns);
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
void TestReplay::lostUpdateWithPrivateCopies_data()
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

void TestReplay::lostUpdateWithPrivateCopies()
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
    const SceneSnapshot scene = TraceReplay(trace, 3).at(ns);
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
void TestReplay::poolTasks_data()
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

void TestReplay::poolTasks()
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
    const SceneSnapshot scene = TraceReplay(trace, 4).at(ns);
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

void TestReplay::finishedTasksKeepOnlyTheMostRecent()
{
    const int total = TraceReplay::kRecentTasks + 10;
    Events events;
    for (int task = 1; task <= total; ++task) {
        const qint64 ts = 3 * task;
        events << ev(ts, A, EventKind::TaskSubmitted, P, task, 1) << ev(ts + 1, B, EventKind::TaskStarted, P, task)
               << ev(ts + 2, B, EventKind::TaskFinished, P, task, task % 5 == 0 ? 1 : 0);
    }
    const Trace trace = makeTrace(events);
    const TraceReplay replay(trace, 16);

    const ObjectSnapshot early = *replay.afterEvents(30).object(P);
    QCOMPARE(early.finishedTasks.size(), 10);
    QCOMPARE(early.finishedTasks.front().id, qint64(1));
    QCOMPARE(early.finishedCount, 10);
    QCOMPARE(early.failedCount, 2);

    const ObjectSnapshot last = *replay.at(trace.endNs()).object(P);
    QCOMPARE(last.finishedTasks.size(), TraceReplay::kRecentTasks);
    QCOMPARE(last.finishedTasks.front().id, qint64(total - TraceReplay::kRecentTasks + 1));
    QCOMPARE(last.finishedTasks.back().id, qint64(total));
    QCOMPARE(last.finishedCount, total);
    QCOMPARE(last.failedCount, total / 5);
    QVERIFY(last.runningTasks.isEmpty());
    QVERIFY(last.queuedTasks.isEmpty());
}

// A cancelled run stops a worker inside its task: no TaskFinished follows.
void TestReplay::workerEndingInsideATaskFailsIt()
{
    const Trace trace = makeTrace({
        ev(10, A, EventKind::TaskSubmitted, P, 1, 1),
        ev(20, B, EventKind::TaskStarted, P, 1),
        ev(30, B, EventKind::ActorEnd, 0, 2),
    });
    const TraceReplay replay(trace);

    const SceneSnapshot running = replay.at(29);
    QCOMPARE(describe(running.object(P)->runningTasks), QStringList{"1 B ok - @20"});
    QCOMPARE(running.actor(B)->runningTask, qint64(1));

    const SceneSnapshot ended = replay.at(30);
    QVERIFY(ended.object(P)->runningTasks.isEmpty());
    QCOMPARE(describe(ended.object(P)->finishedTasks), QStringList{"1 B raised - @30"});
    QCOMPARE(ended.object(P)->failedCount, 1);
    QCOMPARE(ended.actor(B)->runningTask, qint64(0));
    QCOMPARE(int(ended.actor(B)->state), int(ActorState::Finished));
}

// Two threads can stamp the same instant, so a worker's TaskStarted may sort
// before the submitter's TaskSubmitted.
void TestReplay::submitStampedAfterItsStartIsNotQueued()
{
    const Trace trace = makeTrace({
        ev(10, B, EventKind::TaskStarted, P, 1),
        ev(10, A, EventKind::TaskSubmitted, P, 1, 1),
        ev(20, B, EventKind::TaskFinished, P, 1, 0),
        ev(20, A, EventKind::TaskSubmitted, P, 1, 1),
    });
    const TraceReplay replay(trace);
    const SceneSnapshot started = replay.at(10);
    QVERIFY(started.object(P)->queuedTasks.isEmpty());
    QCOMPARE(describe(started.object(P)->runningTasks), QStringList{"1 B ok - @10"});
    const SceneSnapshot finished = replay.at(20);
    QVERIFY(finished.object(P)->queuedTasks.isEmpty());
    QCOMPARE(finished.object(P)->finishedCount, 1);
}

void TestReplay::deadlockFromItsFinding()
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
    const TraceReplay replay(trace, 3);

    const SceneSnapshot before = replay.at(99);
    QVERIFY(!before.deadlock);
    QCOMPARE(before.object(L)->owner, A);
    QCOMPARE(waiterIds(*before.object(L)), ActorIds{B});
    QCOMPARE(before.object(L2)->owner, B);
    QCOMPARE(waiterIds(*before.object(L2)), ActorIds{A});

    for (qint64 ns : {qint64(100), qint64(125), trace.endNs() + 50}) {
        const SceneSnapshot scene = replay.at(ns);
        QVERIFY(scene.deadlock);
        QCOMPARE(scene.deadlock->actors, (ActorIds{A, B}));
        QCOMPARE(scene.deadlock->objects, (QList<ObjectId>{L2, L}));
        QCOMPARE(scene.deadlock->foundNs, qint64(100));
    }
    QVERIFY(replay.at(125).object(L2)->waiters.isEmpty());
}

void TestReplay::actorStates_data()
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

void TestReplay::actorStates()
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
    const ActorSnapshot a = *TraceReplay(trace, 2).at(ns).actor(A);
    QCOMPARE(a.started, started);
    QCOMPARE(int(a.state), int(state));
    QCOMPARE(a.object, object);
    QCOMPARE(int(a.reason), int(reason));
    QCOMPARE(a.sinceNs, sinceNs);
}

// SleepBegin's value is the requested duration: the sleeper knows when it is
// due to wake, and forgets it once it stops sleeping.
void TestReplay::sleepersKnowWhenTheyWake_data()
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

void TestReplay::sleepersKnowWhenTheyWake()
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
    for (const int every : {1, 3, 100}) {
        const SceneSnapshot scene = TraceReplay(trace, every).at(ns); // a->... points into it
        const ActorSnapshot *a = scene.actor(actor);
        QVERIFY(a);
        QCOMPARE(a->wakeAtNs, wakeAtNs);
    }
}

// A process's main thread is spawned (Spawn names it) well before it
// starts; a worker counts the pool tasks it finished.
void TestReplay::spawnedStartedAndTasksDone_data()
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

void TestReplay::spawnedStartedAndTasksDone()
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
    for (const int every : {1, 3, 100}) {
        const SceneSnapshot scene = TraceReplay(trace, every).at(ns);
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
}

// A queue, or a pipe between processes, counts its puts and gets and knows
// who put and who got, in the order they first did.
void TestReplay::queueCountsWhoPutsAndWhoGets_data()
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

void TestReplay::queueCountsWhoPutsAndWhoGets()
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
    for (const int every : {1, 2, 100}) {
        const SceneSnapshot scene = TraceReplay(trace, every).at(ns);
        const ObjectSnapshot *q = scene.object(Q);
        QVERIFY(q);
        QCOMPARE(q->puts, puts);
        QCOMPARE(q->gets, gets);
        QCOMPARE(q->putters, putters);
        QCOMPARE(q->getters, getters);
        QCOMPARE(q->items, items);
    }
}

// A loop's ready queue: actors are numbered in the order they became ready
// (Ready events and waits that end ready), equal timestamps included.
void TestReplay::readyActorsInTheOrderTheyBecameReady_data()
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

void TestReplay::readyActorsInTheOrderTheyBecameReady()
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
    for (const int every : {1, 4, 100}) {
        const SceneSnapshot scene = TraceReplay(trace, every).at(ns);
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
}

// The GIL: how often it was taken, since when the owner has it, and the
// drop requests (pending from the request until the next taker has it).
void TestReplay::gilDropRequestsAndSwitches_data()
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

void TestReplay::gilDropRequestsAndSwitches()
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
    for (const int every : {1, 5, 100}) {
        const SceneSnapshot scene = TraceReplay(trace, every).at(ns);
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
}

// The replay's actor states are the builder's open intervals, event by event.
void TestReplay::actorStatesMatchTimelineBuilder()
{
    const Trace trace = makeGeneratedTrace(6000, 7);
    const TraceReplay replay(trace, 50);
    TimelineBuilder builder;
    int compared = 0;
    for (size_t count = 0; count <= trace.events().size(); ++count) {
        if (count > 0)
            builder.feed(trace.events()[count - 1]);
        if (count % 7 != 0)
            continue;
        const SceneSnapshot scene = replay.afterEvents(int(count));
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

void TestReplay::snapshotListsEveryKnownActorAndObject()
{
    Trace trace;
    for (ActorId id : {C, A, B})
        trace.upsertActor(actorInfo(id));
    trace.addObject(objectInfo(S, ObjectKind::Semaphore, 3));
    trace.addObject(objectInfo(L, ObjectKind::Lock));
    trace.appendOrdered(ev(10, A, EventKind::ActorStart));
    trace.appendOrdered(waitBegin(20, 9, WaitReason::Lock, L));  // actor 9: unknown to the trace
    trace.appendOrdered(ev(30, B, EventKind::Put, 44, 1, 1));   // object 44: unknown too
    const TraceReplay replay(trace, 2);

    const SceneSnapshot first = replay.at(5);
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

    const SceneSnapshot started = replay.at(10);
    QVERIFY(started.actor(A)->started);
    QCOMPARE(started.actor(A)->sinceNs, qint64(10));
    QVERIFY(!started.actor(B)->started);

    // Events may name what the trace does not describe; they are kept.
    const SceneSnapshot last = replay.at(30);
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
    const SceneSnapshot later = replay.at(5);
    QCOMPARE(later.actor(B)->name, QStringLiteral("worker"));
    QVERIFY(later.object(Q));
    QCOMPARE(later.objects.size(), size_t(3));
}

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
