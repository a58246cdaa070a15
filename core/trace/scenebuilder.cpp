#include "scenebuilder.h"

#include "trace.h"

#include <algorithm>

namespace clab {

namespace {

// ReadWriteLock's Acquired/Released value: which side was taken.
constexpr qint64 kReaderSide = 1;
constexpr qint64 kWriterSide = 2;

template <class Snapshot>
auto lowerBoundById(std::vector<Snapshot> &items, quint32 id)
{
    return std::lower_bound(items.begin(), items.end(), id,
                            [](const Snapshot &s, quint32 wanted) { return s.id < wanted; });
}

template <class Snapshot>
const Snapshot *findById(const std::vector<Snapshot> &items, quint32 id)
{
    const auto it = std::lower_bound(items.begin(), items.end(), id,
                                     [](const Snapshot &s, quint32 wanted) { return s.id < wanted; });
    return it != items.end() && it->id == id ? &*it : nullptr;
}

bool isSemaphore(ObjectKind kind)
{
    return kind == ObjectKind::Semaphore || kind == ObjectKind::BoundedSemaphore;
}

bool isWakeSource(EventKind kind)
{
    switch (kind) {
    case EventKind::Released:
    case EventKind::Notify:
    case EventKind::EventSet:
    case EventKind::Put:
    case EventKind::Get:
    case EventKind::TaskDone:
    case EventKind::BarrierArrive:
        return true;
    default:
        return false;
    }
}

// Removes the first entry `matches` accepts; returns whether there was one.
template <class T, class Match>
bool removeFirst(QList<T> &list, Match matches)
{
    const auto it = std::find_if(list.cbegin(), list.cend(), matches);
    if (it == list.cend())
        return false;
    list.erase(it);
    return true;
}

} // namespace

void SceneBuilder::syncWithTrace()
{
    for (const ActorInfo &info : m_trace.actors()) {
        ActorSnapshot &a = actorFor(info.id);
        a.name = info.name;
        a.kind = info.kind;
    }
    for (const ObjectInfo &info : m_trace.objects()) {
        ObjectSnapshot &o = objectFor(info.id);
        o.name = info.name;
        o.kind = info.kind;
        o.capacity = info.capacity;
    }
}

void SceneBuilder::apply(const TraceEvent &e)
{
    ActorSnapshot *a = e.actor != 0 ? &actorFor(e.actor) : nullptr;
    ObjectSnapshot *o = e.object != 0 ? &objectFor(e.object) : nullptr;
    switch (e.kind) {
    case EventKind::ActorStart:
        if (a) {
            a->started = true;
            a->startedNs = e.ts;
            enter(*a, e.ts, ActorState::Running);
        }
        break;
    case EventKind::Spawn:
        if (ActorSnapshot *spawned = knownActor(ActorId(e.value)))
            spawned->spawnedNs = e.ts;
        break;
    case EventKind::ActorEnd:
        if (a) {
            abandonRunningTask(*a, e.ts);
            enter(*a, e.ts, ActorState::Finished);
        }
        break;
    case EventKind::WaitBegin:
        if (a)
            enter(*a, e.ts, stateForWait(WaitReason(e.value)), e.object, WaitReason(e.value));
        break;
    case EventKind::WaitEnd:
    case EventKind::SleepEnd:
    case EventKind::IoEnd:
        if (a)
            enter(*a, e.ts, (e.flags & kFlagToReady) ? ActorState::Ready : ActorState::Running);
        break;
    case EventKind::Resume:
        if (a)
            enter(*a, e.ts, ActorState::Running);
        break;
    case EventKind::Ready:
        if (a)
            enter(*a, e.ts, ActorState::Ready);
        break;
    case EventKind::SleepBegin:
        if (a) {
            enter(*a, e.ts, ActorState::Sleeping, 0, WaitReason::Sleep);
            a->wakeAtNs = e.ts + std::max<qint64>(0, e.value);
        }
        break;
    case EventKind::IoBegin:
        if (a)
            enter(*a, e.ts, ActorState::Sleeping, 0, WaitReason::Io);
        break;
    case EventKind::Acquired:
        if (o)
            acquired(*o, e);
        break;
    case EventKind::GilDropRequest:
        if (o) {
            ++o->dropRequests;
            o->lastDropRequester = e.actor;
            o->lastDropRequestNs = e.ts;
            o->dropRequestPending = true;
        }
        break;
    case EventKind::Released:
        if (o)
            released(*o, e);
        break;
    case EventKind::EventSet:
        if (o)
            o->flag = true;
        break;
    case EventKind::EventClear:
        if (o)
            o->flag = false;
        break;
    case EventKind::Put:
        if (o) {
            o->items.append(e.value);
            ++o->unfinished;
            ++o->puts;
            if (e.actor != 0 && !o->putters.contains(e.actor))
                o->putters.append(e.actor);
        }
        break;
    case EventKind::Get:
        if (o) {
            removeFirst(o->items, [&](qint64 item) { return item == e.value; });
            ++o->gets;
            if (e.actor != 0 && !o->getters.contains(e.actor))
                o->getters.append(e.actor);
        }
        break;
    case EventKind::TaskDone:
        if (o)
            o->unfinished = int(e.aux);
        break;
    case EventKind::TaskSubmitted:
        if (o)
            taskSubmitted(*o, e);
        break;
    case EventKind::TaskStarted:
        if (o)
            taskStarted(*o, a, e);
        break;
    case EventKind::TaskResult:
        if (o)
            taskResult(*o, e);
        break;
    case EventKind::TaskFinished:
        if (o)
            taskFinished(*o, e);
        if (a)
            ++a->tasksDone;
        break;
    case EventKind::TaskCancelled:
        if (o)
            removeFirst(o->queuedTasks, [&](const TaskSnapshot &t) { return t.id == e.value; });
        break;
    case EventKind::VarRead:
        if (o)
            o->value = e.value;
        if (a) {
            a->hasPrivateValue = true;
            a->privateValue = e.value;
            a->privateOf = e.object;
        }
        break;
    case EventKind::VarWrite:
        if (o) {
            o->value = e.value;
            o->lostUpdates += int(e.aux);
            if (e.aux > 0) {
                o->lastLostBy = e.actor;
                o->lastLostNs = e.ts;
            }
        }
        break;
    case EventKind::DeadlockFound:
        deadlockFound(e);
        break;
    default:
        break;
    }
    if (o && isWakeSource(e.kind)) {
        o->lastWaker = e.actor;
        o->lastWakeNs = e.ts;
    }
}

ActorSnapshot &SceneBuilder::actorFor(ActorId id)
{
    const auto it = lowerBoundById(m_scene.actors, id);
    if (it != m_scene.actors.end() && it->id == id)
        return *it;
    ActorSnapshot a;
    a.id = id;
    if (const ActorInfo *info = m_trace.actor(id)) {
        a.name = info->name;
        a.kind = info->kind;
    }
    return *m_scene.actors.insert(it, a);
}

ActorSnapshot *SceneBuilder::knownActor(ActorId id)
{
    if (id == 0)
        return nullptr;
    if (ActorSnapshot *a = findActor(id))
        return a;
    return m_trace.actor(id) ? &actorFor(id) : nullptr;
}

ObjectSnapshot &SceneBuilder::objectFor(ObjectId id)
{
    const auto it = lowerBoundById(m_scene.objects, id);
    if (it != m_scene.objects.end() && it->id == id)
        return *it;
    ObjectSnapshot o;
    o.id = id;
    if (const ObjectInfo *info = m_trace.object(id)) {
        o.kind = info->kind;
        o.name = info->name;
        o.capacity = info->capacity;
        if (isSemaphore(info->kind))
            o.freePermits = int(info->capacity);
    }
    return *m_scene.objects.insert(it, o);
}

void SceneBuilder::enter(ActorSnapshot &a, qint64 ts, ActorState state, ObjectId object, WaitReason reason)
{
    if (a.object != 0) {
        if (ObjectSnapshot *waitedOn = findObject(a.object))
            removeFirst(waitedOn->waiters, [&](const WaiterSnapshot &w) { return w.actor == a.id; });
    }
    a.state = state;
    a.sinceNs = ts;
    a.object = object;
    a.reason = reason;
    a.wakeAtNs = 0;
    a.readySeq = state == ActorState::Ready ? ++m_scene.readyCount : 0;
    if (object != 0)
        objectFor(object).waiters.append(WaiterSnapshot{a.id, ts});
}

ObjectSnapshot *SceneBuilder::findObject(ObjectId id)
{
    const auto it = lowerBoundById(m_scene.objects, id);
    return it != m_scene.objects.end() && it->id == id ? &*it : nullptr;
}

void SceneBuilder::acquired(ObjectSnapshot &o, const TraceEvent &e)
{
    ++o.acquireCount;
    o.acquiredOnDropRequest = o.dropRequestPending;
    o.dropRequestPending = false;
    if (isSemaphore(o.kind)) {
        o.holders.append(e.actor);
        o.freePermits = int(e.aux);
    } else if (o.kind == ObjectKind::ReadWriteLock) {
        if (e.value == kWriterSide) {
            o.owner = e.actor;
            o.ownerSinceNs = e.ts;
        } else if (e.value == kReaderSide) {
            o.holders.append(e.actor);
        }
    } else {
        if (o.owner != e.actor)
            o.ownerSinceNs = e.ts;
        o.owner = e.actor;
        if (o.kind == ObjectKind::RLock)
            o.recursion = int(e.value);
    }
}

void SceneBuilder::released(ObjectSnapshot &o, const TraceEvent &e)
{
    if (isSemaphore(o.kind)) {
        // release(n) gives back n permits; permits are not tied to
        // threads, so one the releaser does not hold frees the oldest.
        for (qint64 n = std::max<qint64>(1, e.value); n > 0 && !o.holders.isEmpty(); --n) {
            if (!o.holders.removeOne(e.actor))
                o.holders.removeFirst();
        }
        o.freePermits = int(e.aux);
    } else if (o.kind == ObjectKind::ReadWriteLock) {
        if (e.value == kWriterSide) {
            o.owner = 0;
        } else if (e.value == kReaderSide && !o.holders.isEmpty()) {
            if (!o.holders.removeOne(e.actor))
                o.holders.removeFirst();
        }
    } else if (o.kind == ObjectKind::RLock) {
        o.recursion = int(e.value);
        if (o.recursion <= 0)
            o.owner = 0;
    } else {
        o.owner = 0;
    }
}

void SceneBuilder::taskSubmitted(ObjectSnapshot &pool, const TraceEvent &e)
{
    auto same = [&](const TaskSnapshot &t) { return t.id == e.value; };
    if (std::any_of(pool.runningTasks.cbegin(), pool.runningTasks.cend(), same)
        || std::any_of(pool.finishedTasks.cbegin(), pool.finishedTasks.cend(), same))
        return;
    pool.queuedTasks.append(TaskSnapshot{e.value, 0, true, false, 0, e.ts});
}

void SceneBuilder::taskStarted(ObjectSnapshot &pool, ActorSnapshot *worker, const TraceEvent &e)
{
    removeFirst(pool.queuedTasks, [&](const TaskSnapshot &t) { return t.id == e.value; });
    pool.runningTasks.append(TaskSnapshot{e.value, e.actor, true, false, 0, e.ts});
    if (worker)
        worker->runningTask = e.value;
}

void SceneBuilder::taskResult(ObjectSnapshot &pool, const TraceEvent &e)
{
    auto matches = [&](const TaskSnapshot &t) { return quint32(t.id) == e.aux; };
    for (QList<TaskSnapshot> *tasks : {&pool.runningTasks, &pool.finishedTasks}) {
        const auto it = std::find_if(tasks->begin(), tasks->end(), matches);
        if (it != tasks->end()) {
            it->hasResult = true;
            it->result = e.value;
            return;
        }
    }
}

void SceneBuilder::taskFinished(ObjectSnapshot &pool, const TraceEvent &e)
{
    TaskSnapshot task{e.value, e.actor, true, false, 0, e.ts};
    const auto it = std::find_if(pool.runningTasks.cbegin(), pool.runningTasks.cend(),
                                 [&](const TaskSnapshot &t) { return t.id == e.value; });
    if (it != pool.runningTasks.cend()) {
        task = *it;
        pool.runningTasks.erase(it);
    }
    task.ok = e.aux == 0;
    task.sinceNs = e.ts;
    if (ActorSnapshot *worker = findActor(task.worker); worker && worker->runningTask == task.id)
        worker->runningTask = 0;
    finish(pool, task);
}

void SceneBuilder::abandonRunningTask(ActorSnapshot &worker, qint64 ts)
{
    if (worker.runningTask == 0)
        return;
    for (ObjectSnapshot &pool : m_scene.objects) {
        const auto it = std::find_if(pool.runningTasks.cbegin(), pool.runningTasks.cend(), [&](const TaskSnapshot &t) {
            return t.id == worker.runningTask && t.worker == worker.id;
        });
        if (it == pool.runningTasks.cend())
            continue;
        TaskSnapshot task = *it;
        pool.runningTasks.erase(it);
        task.ok = false;
        task.sinceNs = ts;
        finish(pool, task);
        break;
    }
    worker.runningTask = 0;
}

void SceneBuilder::finish(ObjectSnapshot &pool, const TaskSnapshot &task)
{
    pool.finishedTasks.append(task);
    if (pool.finishedTasks.size() > TraceReplay::kRecentTasks)
        pool.finishedTasks.removeFirst();
    ++pool.finishedCount;
    if (!task.ok)
        ++pool.failedCount;
}

ActorSnapshot *SceneBuilder::findActor(ActorId id)
{
    const auto it = lowerBoundById(m_scene.actors, id);
    return it != m_scene.actors.end() && it->id == id ? &*it : nullptr;
}

void SceneBuilder::deadlockFound(const TraceEvent &e)
{
    if (!m_scene.deadlock || m_scene.deadlock->foundNs != e.ts)
        m_scene.deadlock = DeadlockSnapshot{{}, {}, e.ts};
    m_scene.deadlock->actors.append(e.actor);
    m_scene.deadlock->objects.append(e.object);
}

const ActorSnapshot *SceneSnapshot::actor(ActorId id) const
{
    return findById(actors, id);
}

const ObjectSnapshot *SceneSnapshot::object(ObjectId id) const
{
    return findById(objects, id);
}

} // namespace clab
