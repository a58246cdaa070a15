#pragma once

#include "actor.h"
#include "timeline.h"
#include "traceevent.h"

#include <QList>
#include <QString>
#include <optional>
#include <vector>

namespace clab {

class Trace;

// What one actor was doing at an instant.
struct ActorSnapshot {
    ActorId id = 0;
    QString name;
    ActorKind kind = ActorKind::Thread;
    bool started = false;       // false before its ActorStart
    ActorState state = ActorState::Running;
    ObjectId object = 0;        // what it waits on, if it waits
    WaitReason reason = WaitReason::Lock;
    qint64 sinceNs = 0;         // when the current state began
    // Race scene: the value this actor last read from a shared variable (its
    // private copy), if it has read one.
    bool hasPrivateValue = false;
    qint64 privateValue = 0;
    ObjectId privateOf = 0;     // which variable the copy is of
    qint64 runningTask = 0;     // pool task it runs now, 0 if none
    // Sleeping with a known duration (SleepBegin's value): when it is due to
    // wake; 0 otherwise.
    qint64 wakeAtNs = 0;
    // Ready: its place in the order actors became ready (smaller came
    // first), so a loop's ready queue can be drawn in order; 0 otherwise.
    qint64 readySeq = 0;
    // When a Spawn named it (0 if none has yet) and when it started (0
    // before its ActorStart): a process's main thread is spawned well
    // before the new process gets to run it.
    qint64 spawnedNs = 0;
    qint64 startedNs = 0;
    int tasksDone = 0;          // pool tasks it finished (TaskFinished it recorded)
};

struct WaiterSnapshot {
    ActorId actor = 0;
    qint64 sinceNs = 0;
};

struct TaskSnapshot {
    qint64 id = 0;
    ActorId worker = 0;     // who runs or ran it
    bool ok = true;         // finished without raising
    bool hasResult = false; // a TaskResult was recorded
    qint64 result = 0;
    qint64 sinceNs = 0;     // queued, started or finished at
};

// What one object looked like at an instant. Fields apply by kind.
struct ObjectSnapshot {
    ObjectId id = 0;
    ObjectKind kind = ObjectKind::Other;
    QString name;
    qint64 capacity = 0;
    // Lock, RLock, ReadWriteLock (writer), Semaphore (one entry per permit held)
    ActorId owner = 0;
    int recursion = 0;                  // RLock depth
    QList<ActorId> holders;             // Semaphore permit holders, read-write lock readers
    int freePermits = 0;                // Semaphore
    bool flag = false;                  // Event
    // Everyone blocked on it now, in the order they began to wait.
    QList<WaiterSnapshot> waiters;
    // Who last released, notified, set, put or got it, and when.
    ActorId lastWaker = 0;
    qint64 lastWakeNs = 0;
    // Queue (also a Pipe or a Queue between processes)
    QList<qint64> items;                // item ids in the buffer, oldest first
    int unfinished = 0;                 // put but not yet task_done
    int puts = 0;                       // Put and Get events so far
    int gets = 0;
    QList<ActorId> putters;             // who has put, in the order they first did
    QList<ActorId> getters;             // who has got, likewise
    // Variable
    qint64 value = 0;
    int lostUpdates = 0;                // writes so far that overwrote others
    ActorId lastLostBy = 0;             // whose write last wiped out an update
    qint64 lastLostNs = 0;
    // Pool
    QList<TaskSnapshot> queuedTasks;    // submitted, not started, in order
    QList<TaskSnapshot> runningTasks;
    QList<TaskSnapshot> finishedTasks;  // the most recent kRecentTasks, newest last
    int finishedCount = 0;
    int failedCount = 0;
    // Lock-like objects (the GIL included): how many times it was taken so
    // far, and since when the current owner holds it.
    int acquireCount = 0;
    qint64 ownerSinceNs = 0;
    // GIL: drop requests (a waiter's switch interval ran out). Pending from
    // the request until the next Acquired; acquiredOnDropRequest tells
    // whether the current owner got it through one.
    int dropRequests = 0;
    ActorId lastDropRequester = 0;
    qint64 lastDropRequestNs = 0;
    bool dropRequestPending = false;
    bool acquiredOnDropRequest = false;
};

struct DeadlockSnapshot {
    QList<ActorId> actors;    // each waits for an object held by the next
    QList<ObjectId> objects;  // objects[i] is what actors[i] waits for
    qint64 foundNs = 0;
};

struct SceneSnapshot {
    qint64 atNs = 0;
    int eventsApplied = 0;                  // events at or before atNs
    std::vector<ActorSnapshot> actors;      // by actor id order
    std::vector<ObjectSnapshot> objects;    // by object id order
    std::optional<DeadlockSnapshot> deadlock; // once found, from then on
    qint64 readyCount = 0;                  // actors made ready so far (ActorSnapshot::readySeq)

    const ActorSnapshot *actor(ActorId id) const;
    const ObjectSnapshot *object(ObjectId id) const;
};

// Rebuilds the scene at any instant of a trace, so a learner can scrub back
// in time. Replays from the nearest checkpoint, so moving the cursor costs
// at most `checkpointEvery` events, whatever the trace's size.
class TraceReplay
{
public:
    static constexpr int kRecentTasks = 64;

    explicit TraceReplay(const Trace &trace, int checkpointEvery = 4096);

    // Call after the trace grew (events appended at its end); extends the
    // checkpoints without starting over. Also copes with a merge that
    // reached back before covered events, or a cleared trace, by dropping
    // the checkpoints those changed.
    void refresh();

    // The state after every event with ts <= ns has been applied.
    SceneSnapshot at(qint64 ns) const;
    // The state after the first `count` events.
    SceneSnapshot afterEvents(int count) const;

    // Event times for stepping the cursor: the first event strictly after /
    // the last strictly before `ns`; nullopt at the ends.
    std::optional<qint64> nextEventNs(qint64 ns) const;
    std::optional<qint64> previousEventNs(qint64 ns) const;

private:
    const Trace &m_trace;
    const int m_every;
    std::vector<SceneSnapshot> m_checkpoints; // m_checkpoints[k] = afterEvents(k * m_every)
    // m_boundaries[k] = the last event checkpoint k applied; refresh() drops
    // checkpoints whose event moved (a merge reaching back, a cleared trace).
    std::vector<TraceEvent> m_boundaries;
};

} // namespace clab
