#pragma once

#include "trace/traceevent.h"

#include <QString>
#include <map>
#include <optional>

class QCborMap;

namespace clab {
class RunContext;
}

namespace clab::process {

// A worker process's lanes in the app's trace: the process and its
// MainThread, registered when the worker is started, and every actor,
// object and event the worker reports, mapped from its own ids to the run's.
// Without a run nothing is recorded. After construction, only the process
// I/O thread uses it.
class WorkerLanes
{
public:
    // Registers the process (named `workerName`) and its MainThread, and
    // records their Spawn on the calling thread. Objects the worker names
    // in `sharedObjects` are those objects of the run, not new ones.
    WorkerLanes(RunContext *run, const QString &workerName, std::map<QString, ObjectId> sharedObjects);

    ActorId processActor() const { return m_processActor; }
    ActorId mainActor() const { return m_mainActor; }

    // The worker's Hello: its own ids for the process and main thread.
    void greet(ActorId workerProcessActor, ActorId workerMainActor, qint64 pid);
    // An Events frame: actors, objects and the events themselves.
    void import(const QCborMap &body);
    // The worker ended: ends the lanes it could not end itself (it was
    // killed) and records the process's exit status. `readyNs` is when it
    // said Hello, 0 if it never did.
    void ended(std::optional<int> exitCode, qint64 readyNs);

private:
    ActorId mapActor(ActorId local, const QCborMap *info);
    ObjectId mapObject(ObjectId local) const;

    RunContext *const m_run;
    const QString m_workerName;
    const std::map<QString, ObjectId> m_sharedObjects;
    ActorId m_processActor = 0;
    ActorId m_mainActor = 0;
    std::map<ActorId, ActorId> m_actorMap;
    std::map<ObjectId, ObjectId> m_objectMap;
    bool m_mainStarted = false;  // the worker's own start reached the trace
    bool m_mainEnded = false;    // the worker recorded its own end
};

} // namespace clab::process
