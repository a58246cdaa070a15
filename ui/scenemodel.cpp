#include "scenemodel.h"

#include "sceneprocesses.h"
#include "statestyle.h"
#include "tracesession.h"
#include "trace/replay.h"
#include "trace/trace.h"

#include <QHash>
#include <QSet>
#include <algorithm>

namespace clab {

namespace {

// How far back from the cursor the scene looks for each actor's latest
// read, write, put or get: at least kLookBack events, and on until every
// thread that holds a copy of a shared variable is found (a thread the OS
// has not scheduled for a while may be far back), but never more than
// kLookBackMax.
constexpr int kLookBack = 20000;
constexpr int kLookBackMax = 500000;

QString reasonId(WaitReason reason)
{
    switch (reason) {
    case WaitReason::Lock: return QStringLiteral("lock");
    case WaitReason::Semaphore: return QStringLiteral("semaphore");
    case WaitReason::ReadWriteLock: return QStringLiteral("rwlock");
    case WaitReason::Condition: return QStringLiteral("condition");
    case WaitReason::Event: return QStringLiteral("event");
    case WaitReason::Queue: return QStringLiteral("queue");
    case WaitReason::Barrier: return QStringLiteral("barrier");
    case WaitReason::Join: return QStringLiteral("join");
    case WaitReason::Future: return QStringLiteral("future");
    case WaitReason::Sleep: return QStringLiteral("sleep");
    case WaitReason::Io: return QStringLiteral("io");
    case WaitReason::Gil: return QStringLiteral("gil");
    }
    return {};
}

// Index of the first event after `ns`.
size_t endIndexAt(const std::vector<TraceEvent> &events, qint64 ns)
{
    return size_t(std::upper_bound(events.cbegin(), events.cend(), ns,
                                   [](qint64 t, const TraceEvent &e) { return t < e.ts; })
                  - events.cbegin());
}

// The event of `kind` by `actor` at exactly `ns`, if any.
const TraceEvent *eventAt(const std::vector<TraceEvent> &events, qint64 ns, EventKind kind, ActorId actor,
                          size_t *index = nullptr)
{
    auto it = std::lower_bound(events.cbegin(), events.cend(), ns,
                               [](const TraceEvent &e, qint64 t) { return e.ts < t; });
    for (; it != events.cend() && it->ts == ns; ++it) {
        if (it->kind == kind && it->actor == actor) {
            if (index)
                *index = size_t(it - events.cbegin());
            return &*it;
        }
    }
    return nullptr;
}

// What each actor last did to a shared variable or a queue, found by
// looking back from the cursor.
struct RecentOp {
    EventKind kind = EventKind::Mark;
    ObjectId object = 0;
    qint64 value = 0;
    qint64 ts = 0;
    bool stale = false;   // a read that another thread's write has since overtaken
};

struct VariableDetail {
    ActorId lastWriter = 0;
    qint64 lastWriteNs = 0;
    qint64 lastWriteValue = 0;
    // The latest write that wiped out another thread's update.
    ActorId victim = 0;
    qint64 victimValue = 0;
    qint64 victimNs = 0;
    qint64 lostWriteValue = 0;
    int lostWriteCount = 0;     // how many updates that one write wiped out
    qint64 lostReadValue = 0;
    bool lostRead = false;
};

struct RecentActivity {
    QHash<ActorId, RecentOp> varOps;    // latest VarRead/VarWrite
    QHash<ActorId, RecentOp> itemOps;   // latest Put/Get
    QHash<ObjectId, VariableDetail> variables;
};

RecentActivity recentActivity(const std::vector<TraceEvent> &events, size_t end, QSet<ActorId> wanted)
{
    RecentActivity out;
    QHash<ObjectId, QSet<ActorId>> writersSince;  // writers after the point reached
    const size_t soonest = end > size_t(kLookBack) ? end - size_t(kLookBack) : 0;
    const size_t stop = end > size_t(kLookBackMax) ? end - size_t(kLookBackMax) : 0;
    for (size_t i = end; i-- > stop;) {
        if (i < soonest && wanted.isEmpty())
            break;
        const TraceEvent &e = events[i];
        if (e.kind == EventKind::VarRead || e.kind == EventKind::VarWrite)
            wanted.remove(e.actor);
        switch (e.kind) {
        case EventKind::VarRead:
            if (!out.varOps.contains(e.actor)) {
                const QSet<ActorId> &writers = writersSince[e.object];
                const bool overtaken = std::any_of(writers.cbegin(), writers.cend(),
                                                   [&](ActorId w) { return w != e.actor; });
                out.varOps.insert(e.actor, RecentOp{e.kind, e.object, e.value, e.ts, overtaken});
            }
            break;
        case EventKind::VarWrite: {
            if (!out.varOps.contains(e.actor))
                out.varOps.insert(e.actor, RecentOp{e.kind, e.object, e.value, e.ts, false});
            VariableDetail &v = out.variables[e.object];
            if (v.lastWriter == 0) {
                v.lastWriter = e.actor;
                v.lastWriteNs = e.ts;
                v.lastWriteValue = e.value;
            }
            writersSince[e.object].insert(e.actor);
            break;
        }
        case EventKind::Put:
        case EventKind::Get:
            if (!out.itemOps.contains(e.actor))
                out.itemOps.insert(e.actor, RecentOp{e.kind, e.object, e.value, e.ts, false});
            break;
        default:
            break;
        }
    }
    return out;
}

// Who lost the update that `writer`'s write at `ns` wiped out, and what the
// writer had read before it.
void explainLostUpdate(const std::vector<TraceEvent> &events, ObjectId variable, ActorId writer, qint64 ns,
                       VariableDetail &v)
{
    size_t at = 0;
    const TraceEvent *write = eventAt(events, ns, EventKind::VarWrite, writer, &at);
    if (!write)
        return;
    v.lostWriteValue = write->value;
    v.lostWriteCount = int(write->aux);
    // The victim: the latest write by another thread before this one. The
    // read: the writer's latest read before it. (Reads and writes of
    // different threads are stamped a little apart from when they touched
    // the value, so do not insist on the victim landing after the read.)
    // A writer that wiped out many updates was usually preempted between
    // its read and its write, so its read can be far back.
    const size_t stop = at > size_t(kLookBackMax) ? at - size_t(kLookBackMax) : 0;
    for (size_t i = at; i-- > stop && (v.victim == 0 || !v.lostRead);) {
        const TraceEvent &e = events[i];
        if (e.object != variable)
            continue;
        if (e.kind == EventKind::VarWrite && e.actor != writer && v.victim == 0) {
            v.victim = e.actor;
            v.victimValue = e.value;
            v.victimNs = e.ts;
        } else if (e.kind == EventKind::VarRead && e.actor == writer && !v.lostRead) {
            v.lostRead = true;
            v.lostReadValue = e.value;
        }
    }
}

QVariantList names(const Trace &trace, const QList<ActorId> &actors)
{
    QVariantList out;
    for (ActorId a : actors)
        out.append(trace.actorName(a));
    return out;
}

QVariantList tasks(const Trace &trace, const QList<TaskSnapshot> &list)
{
    QVariantList out;
    for (const TaskSnapshot &t : list) {
        out.append(QVariantMap{{QStringLiteral("id"), t.id},
                               {QStringLiteral("worker"), int(t.worker)},
                               {QStringLiteral("workerName"), trace.actorName(t.worker)},
                               {QStringLiteral("ok"), t.ok},
                               {QStringLiteral("hasResult"), t.hasResult},
                               {QStringLiteral("result"), t.result},
                               {QStringLiteral("sinceNs"), t.sinceNs}});
    }
    return out;
}

} // namespace

SceneModel::SceneModel(QObject *parent)
    : QObject(parent)
{
    m_throttle.setSingleShot(true);
    m_throttle.setInterval(15);
    connect(&m_throttle, &QTimer::timeout, this, &SceneModel::rebuild);
}

SceneModel::~SceneModel() = default;

void SceneModel::setSession(TraceSession *session)
{
    if (m_session == session)
        return;
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    m_session = session;
    if (m_session)
        connect(m_session, &TraceSession::grew, this, &SceneModel::traceChanged);
    m_replay.reset();
    m_replayOf = nullptr;
    emit sessionChanged();
    traceChanged();
}

void SceneModel::setCursorNs(double ns)
{
    if (ns == m_cursorNs)
        return;
    m_cursorNs = ns;
    emit cursorNsChanged();
    if (!m_throttle.isActive())
        m_throttle.start();
}

void SceneModel::traceChanged()
{
    if (!m_throttle.isActive())
        m_throttle.start();
}

void SceneModel::ensureReplay() const
{
    if (!m_session)
        return;
    const Trace &trace = m_session->trace();
    const int events = int(trace.events().size());
    if (!m_replay || m_replayOf != &trace || events < m_replayEvents) {
        m_replay = std::make_unique<TraceReplay>(trace);
        m_replayOf = &trace;
    } else if (events != m_replayEvents) {
        m_replay->refresh();
    }
    m_replayEvents = events;
}

void SceneModel::rebuild()
{
    m_actors.clear();
    m_objects.clear();
    m_processes.clear();
    m_deadlock.clear();
    m_eventsApplied = 0;
    if (!m_session || m_session->trace().isEmpty()) {
        emit snapshotChanged();
        return;
    }
    ensureReplay();
    const Trace &trace = m_session->trace();
    const qint64 at = qint64(m_cursorNs);
    const SceneSnapshot snap = m_replay->at(at);
    m_eventsApplied = snap.eventsApplied;

    const std::vector<TraceEvent> &events = trace.events();
    QSet<ActorId> holdingCopies;
    for (const ActorSnapshot &a : snap.actors) {
        if (a.hasPrivateValue && a.state != ActorState::Finished)
            holdingCopies.insert(a.id);
    }
    const RecentActivity recent = recentActivity(events, endIndexAt(events, at), holdingCopies);

    for (const ActorSnapshot &a : snap.actors) {
        if (a.kind == ActorKind::Process)
            continue;
        const ActorInfo *info = trace.actor(a.id);
        const bool waits = a.started && a.state != ActorState::Running && a.state != ActorState::Finished
                           && a.state != ActorState::Ready;
        // A join names the thread it waits for in its WaitBegin.
        ActorId awaited = 0;
        if (waits && a.reason == WaitReason::Join) {
            if (const TraceEvent *begin = eventAt(events, a.sinceNs, EventKind::WaitBegin, a.id))
                awaited = ActorId(begin->aux);
        }
        // How a finished actor ended: returned, raised, or was cancelled
        // (a stopped run, a daemon at exit).
        QString ended;
        if (a.started && a.state == ActorState::Finished) {
            if (const TraceEvent *end = eventAt(events, a.sinceNs, EventKind::ActorEnd, a.id))
                ended = end->value == 1 ? QStringLiteral("raised")
                      : end->value == 2 ? QStringLiteral("cancelled") : QStringLiteral("returned");
        }
        const RecentOp varOp = recent.varOps.value(a.id);
        const RecentOp itemOp = recent.itemOps.value(a.id);
        const ObjectInfo *waitedOn = trace.object(a.object);
        const ActorInfo *process = processOf(trace, a.id);
        m_actors.append(QVariantMap{
            {QStringLiteral("id"), int(a.id)},
            {QStringLiteral("name"), a.name},
            {QStringLiteral("started"), a.started},
            {QStringLiteral("state"), int(a.state)},
            {QStringLiteral("stateLabel"), stateLabel(a.state)},
            {QStringLiteral("object"), int(a.object)},
            {QStringLiteral("objectName"), trace.objectName(a.object)},
            {QStringLiteral("sinceNs"), a.sinceNs},
            {QStringLiteral("forNs"), at - a.sinceNs},
            {QStringLiteral("hasPrivateValue"), a.hasPrivateValue},
            {QStringLiteral("privateValue"), a.privateValue},
            {QStringLiteral("runningTask"), a.runningTask},
            // Added for the scenes; see scenemodel.h.
            {QStringLiteral("daemon"), info && info->daemon},
            {QStringLiteral("ended"), ended},
            {QStringLiteral("reason"), waits ? reasonId(a.reason) : QString()},
            {QStringLiteral("objectKind"), waitedOn ? objectKindName(waitedOn->kind) : QString()},
            {QStringLiteral("awaited"), int(awaited)},
            {QStringLiteral("awaitedName"), awaited ? trace.actorName(awaited) : QString()},
            {QStringLiteral("lastVarOp"), varOp.kind == EventKind::VarRead ? QStringLiteral("read")
                                          : varOp.kind == EventKind::VarWrite ? QStringLiteral("write")
                                                                               : QString()},
            {QStringLiteral("lastVarValue"), varOp.value},
            {QStringLiteral("lastVarNs"), varOp.ts},
            {QStringLiteral("copyStale"), varOp.stale},
            {QStringLiteral("lastItemOp"), itemOp.kind == EventKind::Put ? QStringLiteral("put")
                                           : itemOp.kind == EventKind::Get ? QStringLiteral("get")
                                                                            : QString()},
            {QStringLiteral("lastItem"), itemOp.value},
            {QStringLiteral("lastItemNs"), itemOp.ts},
            {QStringLiteral("kind"), a.kind == ActorKind::Coroutine ? QStringLiteral("coroutine") : QStringLiteral("thread")},
            {QStringLiteral("parent"), info ? int(info->parent) : 0},
            {QStringLiteral("wakeAtNs"), a.started && a.state == ActorState::Sleeping ? a.wakeAtNs : qint64(0)},
            {QStringLiteral("readySeq"), a.readySeq},
            // Processes: where it runs, and when it was spawned and began.
            {QStringLiteral("process"), process ? int(process->id) : 0},
            {QStringLiteral("processName"), process ? process->name : QString()},
            {QStringLiteral("pid"), process ? process->osId : 0},
            {QStringLiteral("spawnedNs"), a.spawnedNs},
            {QStringLiteral("startedNs"), a.started ? a.startedNs : qint64(0)},
            {QStringLiteral("tasksDone"), a.tasksDone},
        });
    }
    for (const ObjectSnapshot &o : snap.objects) {
        QVariantList waiters;
        for (const WaiterSnapshot &w : o.waiters) {
            waiters.append(QVariantMap{{QStringLiteral("actor"), int(w.actor)},
                                       {QStringLiteral("name"), trace.actorName(w.actor)},
                                       {QStringLiteral("sinceNs"), w.sinceNs},
                                       {QStringLiteral("forNs"), at - w.sinceNs}});
        }
        QVariantList items;
        for (qint64 id : o.items)
            items.append(id);
        QVariantList putters;
        for (ActorId id : o.putters)
            putters.append(int(id));
        QVariantList getters;
        for (ActorId id : o.getters)
            getters.append(int(id));
        VariableDetail variable = recent.variables.value(o.id);
        if (o.kind == ObjectKind::Variable && o.lastLostBy != 0)
            explainLostUpdate(events, o.id, o.lastLostBy, o.lastLostNs, variable);
        m_objects.append(QVariantMap{
            {QStringLiteral("id"), int(o.id)},
            {QStringLiteral("kind"), objectKindName(o.kind)},
            {QStringLiteral("name"), o.name},
            {QStringLiteral("capacity"), o.capacity},
            {QStringLiteral("owner"), int(o.owner)},
            {QStringLiteral("ownerName"), trace.actorName(o.owner)},
            {QStringLiteral("recursion"), o.recursion},
            {QStringLiteral("holders"), names(trace, o.holders)},
            {QStringLiteral("freePermits"), o.freePermits},
            {QStringLiteral("flag"), o.flag},
            {QStringLiteral("waiters"), waiters},
            {QStringLiteral("lastWakerName"), trace.actorName(o.lastWaker)},
            {QStringLiteral("lastWakeNs"), o.lastWakeNs},
            {QStringLiteral("items"), items},
            {QStringLiteral("unfinished"), o.unfinished},
            {QStringLiteral("puts"), o.puts},
            {QStringLiteral("gets"), o.gets},
            {QStringLiteral("putters"), putters},
            {QStringLiteral("getters"), getters},
            {QStringLiteral("value"), o.value},
            {QStringLiteral("lostUpdates"), o.lostUpdates},
            {QStringLiteral("lastLostByName"), trace.actorName(o.lastLostBy)},
            {QStringLiteral("lastLostNs"), o.lastLostNs},
            {QStringLiteral("queuedTasks"), tasks(trace, o.queuedTasks)},
            {QStringLiteral("runningTasks"), tasks(trace, o.runningTasks)},
            {QStringLiteral("finishedTasks"), tasks(trace, o.finishedTasks)},
            {QStringLiteral("finishedCount"), o.finishedCount},
            {QStringLiteral("failedCount"), o.failedCount},
            // Variable: the latest write, and the update the latest lost
            // one wiped out (who wrote it, what the loser had read).
            {QStringLiteral("lastWriterName"), trace.actorName(variable.lastWriter)},
            {QStringLiteral("lastWriteNs"), variable.lastWriteNs},
            {QStringLiteral("lastWriteValue"), variable.lastWriteValue},
            {QStringLiteral("lastWriteLost"), o.lastLostBy != 0 && variable.lastWriter == o.lastLostBy
                                                  && variable.lastWriteNs == o.lastLostNs},
            {QStringLiteral("lostVictimName"), trace.actorName(variable.victim)},
            {QStringLiteral("lostVictimValue"), variable.victimValue},
            {QStringLiteral("lostVictimNs"), variable.victimNs},
            {QStringLiteral("lostWriteValue"), variable.lostWriteValue},
            {QStringLiteral("lostWriteCount"), variable.lostWriteCount},
            {QStringLiteral("lostReadValue"), variable.lostRead ? QVariant(variable.lostReadValue) : QVariant()},
            // Lock-like objects and the GIL: how often it was taken, since
            // when the owner holds it, and the GIL's drop requests.
            {QStringLiteral("acquireCount"), o.acquireCount},
            {QStringLiteral("ownerSinceNs"), o.owner != 0 ? o.ownerSinceNs : qint64(0)},
            {QStringLiteral("dropRequests"), o.dropRequests},
            {QStringLiteral("lastDropRequester"), int(o.lastDropRequester)},
            {QStringLiteral("lastDropRequesterName"), trace.actorName(o.lastDropRequester)},
            {QStringLiteral("lastDropRequestNs"), o.lastDropRequestNs},
            {QStringLiteral("dropRequestPending"), o.dropRequestPending},
            {QStringLiteral("acquiredOnDropRequest"), o.acquiredOnDropRequest},
        });
    }
    m_processes = processList(trace, snap);
    if (snap.deadlock) {
        QVariantList objects;
        for (ObjectId id : snap.deadlock->objects)
            objects.append(trace.objectName(id));
        QVariantList actorIds;
        for (ActorId id : snap.deadlock->actors)
            actorIds.append(int(id));
        QVariantList objectIds;
        for (ObjectId id : snap.deadlock->objects)
            objectIds.append(int(id));
        m_deadlock = {{QStringLiteral("actors"), names(trace, snap.deadlock->actors)},
                      {QStringLiteral("actorIds"), actorIds},
                      {QStringLiteral("objects"), objects},
                      {QStringLiteral("objectIds"), objectIds},
                      {QStringLiteral("foundNs"), snap.deadlock->foundNs}};
    }
    emit snapshotChanged();
}

QVariantList SceneModel::objectsOfKind(const QString &kind) const
{
    QVariantList out;
    for (const QVariant &o : m_objects) {
        if (o.toMap().value(QStringLiteral("kind")).toString() == kind)
            out.append(o);
    }
    return out;
}

double SceneModel::nextEventNs(double ns) const
{
    if (!m_session || m_session->trace().isEmpty())
        return ns;
    ensureReplay();
    const auto next = m_replay->nextEventNs(qint64(ns));
    return next ? double(*next) : ns;
}

double SceneModel::previousEventNs(double ns) const
{
    if (!m_session || m_session->trace().isEmpty())
        return ns;
    ensureReplay();
    const auto previous = m_replay->previousEventNs(qint64(ns));
    return previous ? double(*previous) : ns;
}

} // namespace clab
