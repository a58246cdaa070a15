// Shared by the scene tests (SceneBuilder) and the replay tests
// (TraceReplay): a fixed cast of actors and objects, event makers, a
// readable description of a scene, and a generator of random traces.
#pragma once

#include "testsupport.h"
#include "trace/replay.h"
#include "trace/trace.h"

#include <QRandomGenerator>
#include <QtTest>

#include <vector>

using Events = QList<clab::TraceEvent>;
using ActorIds = QList<clab::ActorId>;
using Times = QList<qint64>;

Q_DECLARE_METATYPE(clab::ActorState)
Q_DECLARE_METATYPE(clab::WaitReason)

namespace clab::scenetest {

using test::ev;
using test::waitBegin;
using test::waitEnd;

inline constexpr ActorId A = 1;
inline constexpr ActorId B = 2;
inline constexpr ActorId C = 3;
inline constexpr ActorId D = 4;

inline constexpr ObjectId L = 10;  // Lock
inline constexpr ObjectId R = 11;  // RLock
inline constexpr ObjectId W = 12;  // ReadWriteLock
inline constexpr ObjectId S = 13;  // Semaphore
inline constexpr ObjectId Q = 14;  // Queue
inline constexpr ObjectId E = 15;  // Event
inline constexpr ObjectId N = 16;  // Condition
inline constexpr ObjectId G = 17;  // Barrier
inline constexpr ObjectId V = 18;  // Variable
inline constexpr ObjectId P = 19;  // Pool
inline constexpr ObjectId I = 20;  // GIL (only where a test adds it)

inline constexpr qint64 kNoCopy = -1;  // an actor without a private copy
inline constexpr qint64 kNone = -1;    // no next / previous event

inline ObjectInfo objectInfo(ObjectId id, ObjectKind kind, qint64 capacity = 0)
{
    ObjectInfo info;
    info.id = id;
    info.kind = kind;
    info.name = QStringLiteral("%1-%2").arg(objectKindName(kind)).arg(id);
    info.capacity = capacity;
    return info;
}

inline ActorInfo actorInfo(ActorId id)
{
    ActorInfo info;
    info.id = id;
    info.name = QString(QChar(u'A' + int(id) - 1));
    return info;
}

// Actors A to D and one object of each kind, then `events` as given.
inline Trace makeTrace(const Events &events)
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

inline ActorIds waiterIds(const ObjectSnapshot &o)
{
    ActorIds ids;
    for (const WaiterSnapshot &w : o.waiters)
        ids << w.actor;
    return ids;
}

inline Times waiterTimes(const ObjectSnapshot &o)
{
    Times times;
    for (const WaiterSnapshot &w : o.waiters)
        times << w.sinceNs;
    return times;
}

// "3 B ok 300 @51": task 3, run by B, returned 300, finished at 51.
inline QString describe(const TaskSnapshot &t)
{
    return QStringLiteral("%1 %2 %3 %4 @%5")
        .arg(t.id)
        .arg(t.worker == 0 ? QStringLiteral("-") : actorInfo(t.worker).name)
        .arg(t.ok ? QStringLiteral("ok") : QStringLiteral("raised"))
        .arg(t.hasResult ? QString::number(t.result) : QStringLiteral("-"))
        .arg(t.sinceNs);
}

inline QStringList describe(const QList<TaskSnapshot> &tasks)
{
    QStringList out;
    for (const TaskSnapshot &t : tasks)
        out << describe(t);
    return out;
}

template <class T>
inline QString join(const QList<T> &values)
{
    QStringList parts;
    for (const T &v : values)
        parts << QString::number(v);
    return parts.join(u',');
}

// Every field of a scene, one line per actor or object, so two scenes can be
// compared and a difference read off the failure message.
inline QStringList describe(const SceneSnapshot &s)
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
inline void checkWaitersAgreeWithActors(const SceneSnapshot &scene)
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
inline std::vector<TraceEvent> generateEvents(int count, quint32 seed, qint64 firstTs = 1000)
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

inline Trace makeGeneratedTrace(int count, quint32 seed)
{
    Trace trace = makeTrace({});
    trace.upsertActor(actorInfo(5));
    trace.upsertActor(actorInfo(6));
    for (const TraceEvent &e : generateEvents(count, seed))
        trace.appendOrdered(e);
    return trace;
}

// Instants worth looking at: before, between, on and after events.
inline QList<qint64> randomInstants(const Trace &trace, int count, quint32 seed)
{
    QRandomGenerator rng(seed);
    QList<qint64> instants{trace.startNs() - 1, trace.startNs(), trace.endNs(), trace.endNs() + 1};
    for (int i = 0; i < count; ++i)
        instants << rng.bounded(trace.startNs() - 2, trace.endNs() + 3);
    return instants;
}

} // namespace clab::scenetest
