#pragma once

#include "trace/timeline.h"
#include "trace/trace.h"

#include <QHash>
#include <QObject>
#include <QQmlEngine>
#include <QVariantMap>
#include <memory>
#include <vector>

namespace clab {

class LaneModel;

// A mark on a lane: an acquire or release, drawn as a tick.
struct LaneMark {
    qint64 ns;
    EventKind kind;
    ObjectId object;
};

// What the engine recorded since the previous delta, with the intervals and
// handoffs already derived (off the GUI thread).
struct TraceDelta {
    TraceBatch batch;
    std::vector<StateInterval> closed;   // intervals that ended
    std::vector<StateInterval> open;     // each actor's current interval, up to now
    std::vector<Handoff> handoffs;
    qint64 nowNs = 0;
};

// Everything the views draw from: the trace and what is derived from it.
struct SessionData {
    Trace trace;
    QHash<ActorId, std::vector<StateInterval>> intervals; // per actor, in time order
    QHash<ActorId, std::vector<LaneMark>> marks;
    std::vector<Handoff> handoffs;      // ordered by toNs
    std::vector<ActorId> openActors;  // lanes whose last interval is still open
    qint64 nowNs = 0;

    // Derives intervals, marks and handoffs from a complete trace. Slow for
    // big traces: call it off the GUI thread.
    static std::shared_ptr<SessionData> fromTrace(Trace trace);
};

// The GUI's copy of a run. It grows delta by delta while the run is live,
// and is swapped for the complete, exactly derived data when it ends. Views
// read it on the GUI thread.
class TraceSession : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by RunController")
    Q_PROPERTY(qint64 startNs READ startNs NOTIFY grew)
    Q_PROPERTY(qint64 endNs READ endNs NOTIFY grew)
    Q_PROPERTY(int eventCount READ eventCount NOTIFY grew)
    Q_PROPERTY(LaneModel *lanes READ lanes CONSTANT)

public:
    explicit TraceSession(QObject *parent = nullptr);
    ~TraceSession() override;

    void clear();
    void append(TraceDelta delta);
    // Replaces the contents with a finished trace (generated or loaded).
    void load(Trace trace);
    // Adopts data prepared elsewhere (by the pump, off the GUI thread).
    void adopt(std::shared_ptr<SessionData> data);

    const Trace &trace() const { return m_data->trace; }
    qint64 startNs() const;
    qint64 endNs() const;
    int eventCount() const { return int(m_data->trace.events().size()); }
    LaneModel *lanes() const { return m_lanes.get(); }

    // Intervals of one actor in time order: closed ones, then its open one.
    const std::vector<StateInterval> &intervals(ActorId actor) const;
    const std::vector<LaneMark> &marks(ActorId actor) const;
    const std::vector<Handoff> &handoffs() const { return m_data->handoffs; }

    // For tooltips and the details pane: the interval of `actor` at `ns`
    // ({} when none) with names resolved.
    Q_INVOKABLE QVariantMap intervalAt(int actor, qint64 ns) const;
    // Actors that ever waited on `object`, for highlighting lanes.
    Q_INVOKABLE QVariantList actorsWaitingOn(int object) const;
    Q_INVOKABLE QString objectName(int object) const;
    Q_INVOKABLE QString actorName(int actor) const;
    // Lock waits: durations in ns of every WaitingLock interval.
    std::vector<qint64> lockWaitDurations() const;

    // Bytes held for the views, per event.
    double bytesPerEvent() const;

Q_SIGNALS:
    void grew();
    void cleared();

private:
    std::shared_ptr<SessionData> m_data;
    std::unique_ptr<LaneModel> m_lanes;
};

} // namespace clab
