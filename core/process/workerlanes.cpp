#include "workerlanes.h"

#include "threads/runcontext.h"
#include "trace/clock.h"
#include "trace/recorder.h"

#include <QCborArray>
#include <QCborMap>
#include <algorithm>
#include <cstring>
#include <vector>

namespace clab::process {

WorkerLanes::WorkerLanes(RunContext *run, const QString &workerName, std::map<QString, ObjectId> sharedObjects)
    : m_run(run)
    , m_workerName(workerName)
    , m_sharedObjects(std::move(sharedObjects))
{
    if (!run)
        return;
    ActorInfo process;
    process.kind = ActorKind::Process;
    process.name = workerName;
    process.parent = run->processActor();
    m_processActor = run->recorder().addActor(process);
    ActorInfo mainThread;
    mainThread.kind = ActorKind::Thread;
    mainThread.name = QStringLiteral("MainThread");
    mainThread.parent = m_processActor;
    m_mainActor = run->recorder().addActor(mainThread);
    trace::record(EventKind::Spawn, 0, qint64(m_mainActor));
}

void WorkerLanes::greet(ActorId workerProcessActor, ActorId workerMainActor, qint64 pid)
{
    m_actorMap[workerProcessActor] = m_processActor;
    m_actorMap[workerMainActor] = m_mainActor;
    if (m_run && m_processActor)
        m_run->recorder().setActorOsId(m_processActor, pid);
}

ActorId WorkerLanes::mapActor(ActorId local, const QCborMap *info)
{
    const auto it = m_actorMap.find(local);
    RunContext *run = m_run;
    if (it != m_actorMap.end()) {
        if (info && run) {
            const qint64 osId = info->value(QStringLiteral("osId")).toInteger();
            if (osId && it->second != m_processActor)
                run->recorder().setActorOsId(it->second, osId);
        }
        return it->second;
    }
    if (!info || !run)
        return m_mainActor;
    ActorInfo actor;
    actor.kind = ActorKind(info->value(QStringLiteral("kind")).toInteger());
    actor.name = info->value(QStringLiteral("name")).toString();
    actor.osId = info->value(QStringLiteral("osId")).toInteger();
    actor.daemon = info->value(QStringLiteral("daemon")).toBool();
    const auto parent = m_actorMap.find(ActorId(info->value(QStringLiteral("parent")).toInteger()));
    actor.parent = parent != m_actorMap.end() ? parent->second : m_processActor;
    const ActorId mapped = run->recorder().addActor(actor);
    m_actorMap[local] = mapped;
    return mapped;
}

ObjectId WorkerLanes::mapObject(ObjectId local) const
{
    const auto it = m_objectMap.find(local);
    return it == m_objectMap.end() ? 0 : it->second;
}

void WorkerLanes::import(const QCborMap &body)
{
    RunContext *run = m_run;
    if (!run)
        return;
    const QCborArray actors = body.value(QStringLiteral("actors")).toArray();
    for (const QCborValue &a : actors) {
        const QCborMap info = a.toMap();
        mapActor(ActorId(info.value(QStringLiteral("id")).toInteger()), &info);
    }
    for (const QCborValue &o : body.value(QStringLiteral("objects")).toArray()) {
        const QCborMap info = o.toMap();
        const QString name = info.value(QStringLiteral("name")).toString();
        const auto shared = m_sharedObjects.find(name);
        if (shared != m_sharedObjects.end() && shared->second != 0) {
            m_objectMap[ObjectId(info.value(QStringLiteral("id")).toInteger())] = shared->second;
            continue;
        }
        ObjectInfo object;
        object.kind = ObjectKind(info.value(QStringLiteral("kind")).toInteger());
        object.name = QStringLiteral("%1 (%2)").arg(name, m_workerName);
        object.capacity = info.value(QStringLiteral("capacity")).toInteger();
        m_objectMap[ObjectId(info.value(QStringLiteral("id")).toInteger())] = run->recorder().addObject(object);
    }
    const QByteArray raw = body.value(QStringLiteral("events")).toByteArray();
    std::vector<TraceEvent> events(size_t(raw.size()) / sizeof(TraceEvent));
    std::memcpy(events.data(), raw.constData(), events.size() * sizeof(TraceEvent));
    for (TraceEvent &e : events) {
        e.actor = mapActor(e.actor, nullptr);
        switch (e.kind) {
        case EventKind::TaskSubmitted:
        case EventKind::TaskStarted:
        case EventKind::TaskFinished:
        case EventKind::TaskResult:
        case EventKind::TaskCancelled:
            break; // the app's own pool id
        case EventKind::Spawn:
        case EventKind::DeadlockFound:
            e.value = qint64(mapActor(ActorId(e.value), nullptr));
            e.object = mapObject(e.object);
            break;
        default:
            e.object = mapObject(e.object);
            break;
        }
        if (e.kind == EventKind::WaitBegin && WaitReason(e.value) == WaitReason::Join)
            e.aux = mapActor(ActorId(e.aux), nullptr);
        if (e.kind == EventKind::ActorStart && e.actor == m_mainActor)
            m_mainStarted = true;
        if (e.kind == EventKind::ActorEnd && e.actor == m_mainActor)
            m_mainEnded = true;
    }
    run->recorder().addForeignEvents(std::move(events));
}

void WorkerLanes::ended(std::optional<int> exitCode, qint64 readyNs)
{
    if (!m_run || !m_mainActor)
        return;
    std::vector<TraceEvent> ends;
    TraceEvent end;
    end.ts = Clock::monotonicNs();
    end.kind = EventKind::ActorEnd;
    end.value = exitCode && *exitCode == 0 ? 0 : 1;
    if (!m_mainStarted && readyNs > 0) {
        // Killed before its first events reached us: its lane began
        // when it said it was ready.
        TraceEvent start;
        start.ts = std::min(readyNs, end.ts);
        start.kind = EventKind::ActorStart;
        start.actor = m_mainActor;
        ends.push_back(start);
    }
    if (!m_mainEnded) {
        // A worker that was killed never recorded its end: end its lane now.
        end.actor = m_mainActor;
        ends.push_back(end);
    }
    if (exitCode) {
        // The process itself: its exit status, as Process.exitcode has it.
        end.actor = m_processActor;
        end.aux = quint32(qint32(*exitCode));
        ends.push_back(end);
    }
    if (!ends.empty())
        m_run->recorder().addForeignEvents(std::move(ends));
}

} // namespace clab::process
