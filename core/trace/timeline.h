#pragma once

#include "traceevent.h"

#include <QHash>
#include <QString>
#include <tuple>
#include <vector>

namespace clab {

class Trace;

// What an actor is doing over an interval. Values index colour tables.
enum class ActorState : quint8 {
    Running = 0,
    WaitingLock,    // Lock, RLock, Semaphore, read-write lock
    WaitingSignal,  // Condition, Event, Queue, Barrier, join, future
    Sleeping,       // sleep or I/O
    Finished,
    WaitingGil,
    Ready,          // runnable but not scheduled (coroutines)
};
constexpr int kActorStateCount = 7;

ActorState stateForWait(WaitReason reason);
// Stable machine name, used as the category in exported traces.
QString stateId(ActorState state);

struct StateInterval {
    ActorId actor = 0;
    ActorState state = ActorState::Running;
    qint64 startNs = 0;
    qint64 endNs = 0;
    ObjectId object = 0;   // what it waited on, if it waited
    WaitReason reason = WaitReason::Lock;

    qint64 durationNs() const { return endNs - startNs; }
    friend bool operator==(const StateInterval &a, const StateInterval &b)
    {
        return std::tie(a.actor, a.state, a.startNs, a.endNs, a.object, a.reason)
            == std::tie(b.actor, b.state, b.startNs, b.endNs, b.object, b.reason);
    }
};

enum class HandoffKind : quint8 {
    Wake,   // a release, notify or set let a waiter continue
    Item,   // a queue put fed this get
    Spawn,  // a thread started another
    Join,   // a thread's end let a joiner continue
    Task,   // a pool task went from submitter to worker
};

struct Handoff {
    HandoffKind kind = HandoffKind::Wake;
    ObjectId object = 0;
    ActorId from = 0;
    ActorId to = 0;
    qint64 fromNs = 0;
    qint64 toNs = 0;
    qint64 value = 0;      // item or task id where there is one

    friend bool operator==(const Handoff &a, const Handoff &b)
    {
        return std::tie(a.kind, a.object, a.from, a.to, a.fromNs, a.toNs, a.value)
            == std::tie(b.kind, b.object, b.from, b.to, b.fromNs, b.toNs, b.value);
    }
};

// Turns events into state intervals and handoffs as they arrive, so a live
// view can update without rescanning the whole trace. Feed each actor's
// events in time order.
class TimelineBuilder
{
public:
    void feed(const TraceEvent &e);
    // Closed intervals and handoffs found since the previous take.
    std::vector<StateInterval> takeIntervals();
    std::vector<Handoff> takeHandoffs();
    // The interval each actor is in now, cut at `nowNs`; Finished included.
    std::vector<StateInterval> openIntervals(qint64 nowNs) const;

private:
    struct Open {
        ActorState state;
        qint64 startNs;
        ObjectId object;
        WaitReason reason;
        quint32 awaited;  // the actor a join waits for
    };
    struct Source {
        qint64 ts;
        ActorId actor;
        EventKind kind;
    };
    void enter(ActorId actor, qint64 ts, ActorState state, ObjectId object = 0,
               WaitReason reason = WaitReason::Lock, quint32 awaited = 0);

    QHash<ActorId, Open> m_open;
    QHash<ObjectId, Source> m_lastWake;
    QHash<ActorId, qint64> m_endedAt;
    QHash<ActorId, Source> m_spawnedBy;
    QHash<quint64, Source> m_puts;       // (queue, item) -> put
    QHash<quint64, Source> m_submits;    // (pool, task) -> submit
    std::vector<StateInterval> m_intervals;
    std::vector<Handoff> m_handoffs;
};

// Whole-trace derivations for a finished run.
std::vector<StateInterval> deriveIntervals(const Trace &trace);
std::vector<Handoff> deriveHandoffs(const Trace &trace);

} // namespace clab
