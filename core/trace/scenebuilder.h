#pragma once

#include "replay.h"

namespace clab {

class Trace;

// Applies events to a scene (TraceReplay keeps checkpoints of its results).
// The one place that knows what each event does to the actors and objects
// it names.
class SceneBuilder
{
public:
    SceneBuilder(SceneSnapshot &scene, const Trace &trace) : m_scene(scene), m_trace(trace) {}

    // Adds the actors and objects the trace knows but the scene does not yet,
    // and refreshes names and kinds (the trace may have learned them late).
    void syncWithTrace();
    void apply(const TraceEvent &e);

private:
    ActorSnapshot &actorFor(ActorId id);
    // An actor the scene or the trace knows; null for an id nobody named.
    ActorSnapshot *knownActor(ActorId id);
    ObjectSnapshot &objectFor(ObjectId id);
    // Same transitions as TimelineBuilder. An actor is in an object's
    // waiters exactly while its current state is a wait on that object.
    void enter(ActorSnapshot &a, qint64 ts, ActorState state, ObjectId object = 0,
               WaitReason reason = WaitReason::Lock);
    ObjectSnapshot *findObject(ObjectId id);
    void acquired(ObjectSnapshot &o, const TraceEvent &e);
    void released(ObjectSnapshot &o, const TraceEvent &e);
    // Task ids are unique per pool: a submit that comes after its task
    // started was stamped out of order (same instant on two threads).
    void taskSubmitted(ObjectSnapshot &pool, const TraceEvent &e);
    void taskStarted(ObjectSnapshot &pool, ActorSnapshot *worker, const TraceEvent &e);
    // The result event carries the task id in aux, truncated to 32 bits.
    void taskResult(ObjectSnapshot &pool, const TraceEvent &e);
    void taskFinished(ObjectSnapshot &pool, const TraceEvent &e);
    // A worker stopped by a cancelled run ends inside its task, so no
    // TaskFinished follows: the task ends with the worker, as a failure.
    void abandonRunningTask(ActorSnapshot &worker, qint64 ts);
    static void finish(ObjectSnapshot &pool, const TaskSnapshot &task);
    ActorSnapshot *findActor(ActorId id);
    // The detector records one event per actor of the cycle, all at the
    // same instant; a later instant is a new finding.
    void deadlockFound(const TraceEvent &e);

    SceneSnapshot &m_scene;
    const Trace &m_trace;
};

} // namespace clab
