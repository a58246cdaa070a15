#include "tracesession.h"

#include "lanemodel.h"
#include "statestyle.h"
#include "timeaxis.h"

#include <QSet>
#include <algorithm>

namespace clab {

namespace {
const std::vector<StateInterval> kNoIntervals;
const std::vector<LaneMark> kNoMarks;

bool isMark(EventKind kind)
{
    return kind == EventKind::Acquired || kind == EventKind::Released;
}
} // namespace

static void addIntervals(SessionData &d, const std::vector<StateInterval> &intervals)
{
    for (const StateInterval &s : intervals)
        d.intervals[s.actor].push_back(s);
}

static void addMarks(SessionData &d, const std::vector<TraceEvent> &events)
{
    for (const TraceEvent &e : events) {
        if (isMark(e.kind))
            d.marks[e.actor].push_back({e.ts, e.kind, e.object});
    }
}

std::shared_ptr<SessionData> SessionData::fromTrace(Trace trace)
{
    auto d = std::make_shared<SessionData>();
    d->trace = std::move(trace);
    TimelineBuilder builder;
    for (const TraceEvent &e : d->trace.events())
        builder.feed(e);
    addIntervals(*d, builder.takeIntervals());
    addIntervals(*d, builder.openIntervals(d->trace.endNs()));
    addMarks(*d, d->trace.events());
    d->handoffs = builder.takeHandoffs();
    d->nowNs = d->trace.endNs();
    return d;
}

TraceSession::TraceSession(QObject *parent)
    : QObject(parent)
    , m_data(std::make_shared<SessionData>())
    , m_lanes(std::make_unique<LaneModel>())
{
}

TraceSession::~TraceSession() = default;

void TraceSession::clear()
{
    m_data = std::make_shared<SessionData>();
    m_lanes->clear();
    emit cleared();
    emit grew();
}

qint64 TraceSession::startNs() const
{
    return m_data->trace.startNs();
}

qint64 TraceSession::endNs() const
{
    return std::max(m_data->trace.endNs(), m_data->nowNs);
}

void TraceSession::append(TraceDelta delta)
{
    SessionData &d = *m_data;
    // Each actor's open interval sits last in its lane; the delta replaces it.
    for (ActorId actor : std::as_const(d.openActors)) {
        auto it = d.intervals.find(actor);
        if (it != d.intervals.end() && !it->empty())
            it->pop_back();
    }
    d.openActors.clear();
    addIntervals(d, delta.closed);
    for (const StateInterval &s : delta.open) {
        d.intervals[s.actor].push_back(s);
        d.openActors.push_back(s.actor);
    }
    addMarks(d, delta.batch.events);
    // Kept ordered by arrival time: the overlay searches them by time.
    const auto oldCount = qsizetype(d.handoffs.size());
    d.handoffs.insert(d.handoffs.end(), delta.handoffs.begin(), delta.handoffs.end());
    std::inplace_merge(d.handoffs.begin(), d.handoffs.begin() + oldCount, d.handoffs.end(),
                       [](const Handoff &a, const Handoff &b) { return a.toNs < b.toNs; });
    d.nowNs = std::max(d.nowNs, delta.nowNs);
    d.trace.merge(std::move(delta.batch));
    m_lanes->sync(d.trace);
    emit grew();
}

void TraceSession::load(Trace trace)
{
    adopt(SessionData::fromTrace(std::move(trace)));
}

void TraceSession::adopt(std::shared_ptr<SessionData> data)
{
    m_data = std::move(data);
    // The end of a live run keeps its lanes; a different trace replaces them
    // (sync only adds and updates rows).
    for (int row = 0; row < m_lanes->rowCount(); ++row) {
        if (!m_data->trace.actor(ActorId(m_lanes->actorAt(row)))) {
            m_lanes->clear();
            break;
        }
    }
    m_lanes->sync(m_data->trace);
    emit grew();
}

const std::vector<StateInterval> &TraceSession::intervals(ActorId actor) const
{
    const auto it = m_data->intervals.constFind(actor);
    return it == m_data->intervals.cend() ? kNoIntervals : *it;
}

const std::vector<LaneMark> &TraceSession::marks(ActorId actor) const
{
    const auto it = m_data->marks.constFind(actor);
    return it == m_data->marks.cend() ? kNoMarks : *it;
}

QVariantMap TraceSession::intervalAt(int actor, qint64 ns) const
{
    const std::vector<StateInterval> &lane = intervals(ActorId(actor));
    auto it = std::upper_bound(lane.begin(), lane.end(), ns,
                               [](qint64 t, const StateInterval &s) { return t < s.startNs; });
    if (it == lane.begin())
        return {};
    --it;
    if (ns > it->endNs)
        return {};
    return {{QStringLiteral("actor"), actor},
            {QStringLiteral("actorName"), m_data->trace.actorName(ActorId(actor))},
            {QStringLiteral("state"), int(it->state)},
            {QStringLiteral("stateLabel"), stateLabel(it->state)},
            {QStringLiteral("object"), int(it->object)},
            {QStringLiteral("objectName"), m_data->trace.objectName(it->object)},
            {QStringLiteral("startNs"), it->startNs},
            {QStringLiteral("endNs"), it->endNs},
            {QStringLiteral("start"), TimeAxis::formatDuration(it->startNs - startNs())},
            {QStringLiteral("duration"), TimeAxis::formatDuration(it->durationNs())}};
}

QVariantList TraceSession::actorsWaitingOn(int object) const
{
    QSet<ActorId> actors;
    for (auto it = m_data->intervals.cbegin(); it != m_data->intervals.cend(); ++it) {
        for (const StateInterval &s : *it) {
            if (int(s.object) == object && s.state != ActorState::Running) {
                actors.insert(it.key());
                break;
            }
        }
    }
    QVariantList out;
    for (ActorId a : actors)
        out.append(int(a));
    return out;
}

QString TraceSession::objectName(int object) const
{
    return m_data->trace.objectName(ObjectId(object));
}

QString TraceSession::actorName(int actor) const
{
    return m_data->trace.actorName(ActorId(actor));
}

std::vector<qint64> TraceSession::lockWaitDurations() const
{
    std::vector<qint64> out;
    for (const auto &lane : m_data->intervals) {
        for (const StateInterval &s : lane) {
            if (s.state == ActorState::WaitingLock)
                out.push_back(s.durationNs());
        }
    }
    return out;
}

double TraceSession::bytesPerEvent() const
{
    const SessionData &d = *m_data;
    if (d.trace.events().empty())
        return 0;
    size_t bytes = d.trace.memoryBytes() + d.handoffs.capacity() * sizeof(Handoff);
    for (const auto &lane : d.intervals)
        bytes += lane.capacity() * sizeof(StateInterval);
    for (const auto &marks : d.marks)
        bytes += marks.capacity() * sizeof(LaneMark);
    return double(bytes) / double(d.trace.events().size());
}

} // namespace clab
