#include "scenemodel.h"

#include "statestyle.h"
#include "tracesession.h"
#include "trace/replay.h"

namespace clab {

namespace {

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

    for (const ActorSnapshot &a : snap.actors) {
        if (a.kind == ActorKind::Process)
            continue;
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
            {QStringLiteral("value"), o.value},
            {QStringLiteral("lostUpdates"), o.lostUpdates},
            {QStringLiteral("lastLostByName"), trace.actorName(o.lastLostBy)},
            {QStringLiteral("lastLostNs"), o.lastLostNs},
            {QStringLiteral("queuedTasks"), tasks(trace, o.queuedTasks)},
            {QStringLiteral("runningTasks"), tasks(trace, o.runningTasks)},
            {QStringLiteral("finishedTasks"), tasks(trace, o.finishedTasks)},
            {QStringLiteral("finishedCount"), o.finishedCount},
            {QStringLiteral("failedCount"), o.failedCount},
        });
    }
    if (snap.deadlock) {
        QVariantList objects;
        for (ObjectId id : snap.deadlock->objects)
            objects.append(trace.objectName(id));
        QVariantList actorIds;
        for (ActorId id : snap.deadlock->actors)
            actorIds.append(int(id));
        m_deadlock = {{QStringLiteral("actors"), names(trace, snap.deadlock->actors)},
                      {QStringLiteral("actorIds"), actorIds},
                      {QStringLiteral("objects"), objects},
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
