#pragma once

#include "traceevent.h"

#include <QString>
#include <tuple>

namespace clab {

enum class ActorKind : quint8 { Process = 1, Thread, Coroutine };

// Anything that has its own lane: a process, an OS thread, a coroutine.
struct ActorInfo {
    ActorId id = 0;
    ActorKind kind = ActorKind::Thread;
    QString name;        // as Python would name it: MainThread, Thread-1, ...
    ActorId parent = 0;  // the process of a thread, the thread of a coroutine
    qint64 osId = 0;     // pid for processes, kernel tid for threads
    bool daemon = false;

    friend bool operator==(const ActorInfo &a, const ActorInfo &b)
    {
        return std::tie(a.id, a.kind, a.name, a.parent, a.osId, a.daemon)
            == std::tie(b.id, b.kind, b.name, b.parent, b.osId, b.daemon);
    }
};

enum class ObjectKind : quint8 {
    Lock = 1,
    RLock,
    Semaphore,
    BoundedSemaphore,
    Condition,
    Event,
    Barrier,
    ReadWriteLock,
    Queue,
    Pool,
    Variable,
    Gil,
    Other,
};

// Something actors act on: a lock, a queue, a pool, a shared variable.
struct ObjectInfo {
    ObjectId id = 0;
    ObjectKind kind = ObjectKind::Other;
    QString name;
    qint64 capacity = 0;  // permits, queue maxsize, barrier parties, pool workers
    ObjectId owner = 0;   // e.g. the lock a Condition is built on

    friend bool operator==(const ObjectInfo &a, const ObjectInfo &b)
    {
        return std::tie(a.id, a.kind, a.name, a.capacity, a.owner)
            == std::tie(b.id, b.kind, b.name, b.capacity, b.owner);
    }
};

} // namespace clab

namespace clab {
// Python's class name for the kind: "Lock", "Queue", ...
QString objectKindName(ObjectKind kind);
} // namespace clab
