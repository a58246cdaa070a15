#include "timeline.h"

#include "trace.h"

namespace clab {

ActorState stateForWait(WaitReason reason)
{
    switch (reason) {
    case WaitReason::Lock:
    case WaitReason::Semaphore:
    case WaitReason::ReadWriteLock:
        return ActorState::WaitingLock;
    case WaitReason::Sleep:
    case WaitReason::Io:
        return ActorState::Sleeping;
    case WaitReason::Gil:
        return ActorState::WaitingGil;
    case WaitReason::Condition:
    case WaitReason::Event:
    case WaitReason::Queue:
    case WaitReason::Barrier:
    case WaitReason::Join:
    case WaitReason::Future:
        break;
    }
    return ActorState::WaitingSignal;
}

QString stateId(ActorState state)
{
    switch (state) {
    case ActorState::Running: return QStringLiteral("running");
    case ActorState::WaitingLock: return QStringLiteral("waiting-lock");
    case ActorState::WaitingSignal: return QStringLiteral("waiting-signal");
    case ActorState::Sleeping: return QStringLiteral("sleeping-io");
    case ActorState::Finished: return QStringLiteral("finished");
    case ActorState::WaitingGil: return QStringLiteral("waiting-gil");
    case ActorState::Ready: return QStringLiteral("ready");
    }
    return QStringLiteral("unknown");
}

namespace {
quint64 pairKey(quint32 a, qint64 b)
{
    return (quint64(a) << 40) ^ quint64(b);
}

bool isWakeSource(EventKind kind)
{
    switch (kind) {
    case EventKind::Released:
    case EventKind::Notify:
    case EventKind::EventSet:
    case EventKind::BarrierArrive:
    case EventKind::TaskDone:
    case EventKind::Put:
    case EventKind::Get:
        return true;
    default:
        return false;
    }
}
} // namespace

void TimelineBuilder::enter(ActorId actor, qint64 ts, ActorState state, ObjectId object,
                            WaitReason reason, quint32 awaited)
{
    auto it = m_open.find(actor);
    if (it != m_open.end()) {
        if (ts > it->startNs)
            m_intervals.push_back({actor, it->state, it->startNs, ts, it->object, it->reason});
        *it = Open{state, ts, object, reason, awaited};
    } else {
        m_open.insert(actor, Open{state, ts, object, reason, awaited});
    }
}

void TimelineBuilder::feed(const TraceEvent &e)
{
    switch (e.kind) {
    case EventKind::ActorStart: {
        enter(e.actor, e.ts, ActorState::Running);
        const auto spawn = m_spawnedBy.find(e.actor);
        if (spawn != m_spawnedBy.end()) {
            m_handoffs.push_back({HandoffKind::Spawn, 0, spawn->actor, e.actor, spawn->ts, e.ts, 0});
            m_spawnedBy.erase(spawn);
        }
        break;
    }
    case EventKind::Spawn:
        m_spawnedBy.insert(ActorId(e.value), Source{e.ts, e.actor, e.kind});
        break;
    case EventKind::ActorEnd:
        enter(e.actor, e.ts, ActorState::Finished);
        m_endedAt.insert(e.actor, e.ts);
        break;
    case EventKind::WaitBegin:
        enter(e.actor, e.ts, stateForWait(WaitReason(e.value)), e.object, WaitReason(e.value), e.aux);
        break;
    case EventKind::WaitEnd: {
        const auto it = m_open.constFind(e.actor);
        if (it != m_open.cend() && WaitOutcome(e.value) == WaitOutcome::Satisfied) {
            if (it->reason == WaitReason::Join) {
                const auto ended = m_endedAt.constFind(ActorId(it->awaited));
                if (ended != m_endedAt.cend())
                    m_handoffs.push_back({HandoffKind::Join, 0, ActorId(it->awaited), e.actor, *ended, e.ts, 0});
            } else if (it->object != 0) {
                const auto wake = m_lastWake.constFind(it->object);
                if (wake != m_lastWake.cend() && wake->actor != e.actor && wake->ts <= e.ts
                    && wake->kind != EventKind::Put) { // a put is drawn as its item's flow
                    m_handoffs.push_back({HandoffKind::Wake, it->object, wake->actor, e.actor, wake->ts, e.ts, 0});
                }
            }
        }
        enter(e.actor, e.ts, (e.flags & kFlagToReady) ? ActorState::Ready : ActorState::Running);
        break;
    }
    case EventKind::SleepBegin:
        enter(e.actor, e.ts, ActorState::Sleeping, 0, WaitReason::Sleep);
        break;
    case EventKind::IoBegin:
        enter(e.actor, e.ts, ActorState::Sleeping, 0, WaitReason::Io);
        break;
    case EventKind::SleepEnd:
    case EventKind::IoEnd:
        enter(e.actor, e.ts, (e.flags & kFlagToReady) ? ActorState::Ready : ActorState::Running);
        break;
    case EventKind::Resume:
        enter(e.actor, e.ts, ActorState::Running);
        break;
    case EventKind::Ready:
        enter(e.actor, e.ts, ActorState::Ready);
        break;
    case EventKind::TaskSubmitted:
        m_submits.insert(pairKey(e.object, e.value), Source{e.ts, e.actor, e.kind});
        break;
    case EventKind::TaskStarted: {
        const auto it = m_submits.find(pairKey(e.object, e.value));
        if (it != m_submits.end()) {
            m_handoffs.push_back({HandoffKind::Task, e.object, it->actor, e.actor, it->ts, e.ts, e.value});
            m_submits.erase(it);
        }
        break;
    }
    case EventKind::Get: {
        const auto it = m_puts.find(pairKey(e.object, e.value));
        if (it != m_puts.end()) {
            m_handoffs.push_back({HandoffKind::Item, e.object, it->actor, e.actor, it->ts, e.ts, e.value});
            m_puts.erase(it);
        }
        break;
    }
    default:
        break;
    }
    if (e.kind == EventKind::Put)
        m_puts.insert(pairKey(e.object, e.value), Source{e.ts, e.actor, e.kind});
    if (isWakeSource(e.kind))
        m_lastWake.insert(e.object, Source{e.ts, e.actor, e.kind});
}

std::vector<StateInterval> TimelineBuilder::takeIntervals()
{
    return std::exchange(m_intervals, {});
}

std::vector<Handoff> TimelineBuilder::takeHandoffs()
{
    return std::exchange(m_handoffs, {});
}

std::vector<StateInterval> TimelineBuilder::openIntervals(qint64 nowNs) const
{
    std::vector<StateInterval> out;
    out.reserve(size_t(m_open.size()));
    for (auto it = m_open.cbegin(); it != m_open.cend(); ++it) {
        if (nowNs > it->startNs)
            out.push_back({it.key(), it->state, it->startNs, nowNs, it->object, it->reason});
    }
    return out;
}

std::vector<StateInterval> deriveIntervals(const Trace &trace)
{
    TimelineBuilder builder;
    for (const TraceEvent &e : trace.events())
        builder.feed(e);
    std::vector<StateInterval> out = builder.takeIntervals();
    const std::vector<StateInterval> open = builder.openIntervals(trace.endNs());
    out.insert(out.end(), open.begin(), open.end());
    return out;
}

std::vector<Handoff> deriveHandoffs(const Trace &trace)
{
    TimelineBuilder builder;
    for (const TraceEvent &e : trace.events())
        builder.feed(e);
    return builder.takeHandoffs();
}

} // namespace clab
