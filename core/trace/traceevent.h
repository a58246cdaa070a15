#pragma once

#include <QtGlobal>
#include <cstdint>
#include <tuple>

namespace clab {

using ActorId = quint32;   // 0 means "no actor"
using ObjectId = quint32;  // 0 means "no object"

// What happened. Values are stable: they appear in exported traces and, later,
// cross the worker-process protocol.
enum class EventKind : quint16 {
    ActorStart = 1,   // the actor began running
    ActorEnd,         // the actor finished; value = 0 normal, 1 raised, 2 cancelled; for a
                      // process, aux = its exit status (minus the signal that killed it) as int32
    Spawn,            // object = 0, value = the new actor's id
    WaitBegin,        // about to block on object; value = WaitReason
    WaitEnd,          // stopped blocking; value = WaitOutcome
    Acquired,         // took object (lock, permit, read/write side); aux = free permits or depth
    Released,         // gave object back; aux = free permits after
    Notify,           // condition notify; value = how many were asked to wake
    EventSet,         // threading.Event.set()
    EventClear,       // threading.Event.clear()
    Put,              // value = item id; aux = queue depth after
    Get,              // value = item id; aux = queue depth after
    TaskDone,         // queue.task_done(); aux = unfinished tasks after
    BarrierArrive,    // value = arrival index; aux = parties still missing
    BarrierPass,      // the barrier opened for this actor
    BarrierBroken,    // the barrier broke (abort, timeout or cancel)
    SleepBegin,       // value = requested duration in ns
    SleepEnd,
    IoBegin,
    IoEnd,
    TaskSubmitted,    // object = pool; value = task id; aux = tasks queued after
    TaskStarted,      // object = pool; value = task id; the actor is the worker
    TaskFinished,     // object = pool; value = task id; aux = 0 ok, 1 raised
    TaskCancelled,    // object = pool; value = task id
    ResultTaken,      // object = pool; value = task id
    VarRead,          // object = shared variable; value = what was read
    VarWrite,         // object = shared variable; value = what was written
    DeadlockFound,    // object = a lock in the cycle; value = the actor blocked on it
    Cancelled,        // the run was cancelled while this actor was blocked or working
    Mark,             // a scenario's own milestone; value is scenario-defined
    TaskResult,       // object = pool; value = what the task returned (integral results); aux = task id
    GilRequest,       // object = GIL; a thread asks for it (it may get it at once)
    GilDropRequest,   // object = GIL; a waiter's interval ran out: the holder must drop it
    Ready,            // a coroutine is queued to run (state Ready)
    Resume,           // the loop resumes a coroutine (state Running)
};

// Why an actor blocked. Selects the state it is drawn in.
enum class WaitReason : quint16 {
    Lock = 1,
    Semaphore,
    ReadWriteLock,
    Condition,
    Event,
    Queue,
    Barrier,
    Join,
    Future,
    Sleep,
    Io,
    Gil,
};

enum class WaitOutcome : qint8 { Cancelled = -1, TimedOut = 0, Satisfied = 1 };

// TraceEvent::flags: this WaitEnd, SleepEnd or IoEnd leaves the actor ready
// to run, not running (a coroutine woken by another waits for the loop).
constexpr quint16 kFlagToReady = 1;

// One recorded state change. Plain 32-byte value: the merged trace holds
// millions of these, so the layout is packed by hand without padding.
struct TraceEvent {
    qint64 ts = 0;       // nanoseconds on the monotonic clock (raw ticks while buffered)
    qint64 value = 0;    // kind-specific payload
    ActorId actor = 0;   // who did it
    ObjectId object = 0; // what it was done to
    quint32 aux = 0;     // kind-specific second payload (depth, permits, ...)
    EventKind kind = EventKind::Mark;
    quint16 flags = 0;   // kFlag... bits

    friend bool operator==(const TraceEvent &a, const TraceEvent &b)
    {
        return std::tie(a.ts, a.value, a.actor, a.object, a.aux, a.kind, a.flags)
            == std::tie(b.ts, b.value, b.actor, b.object, b.aux, b.kind, b.flags);
    }
};
static_assert(sizeof(TraceEvent) == 32, "TraceEvent must stay 32 bytes");

} // namespace clab
