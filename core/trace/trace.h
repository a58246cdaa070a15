#pragma once

#include "actor.h"
#include "traceevent.h"
#include "recorder.h"

#include <QHash>
#include <vector>

namespace clab {

// A recorded run: every event in time order, and the actors and objects
// they name. Grows batch by batch while a run is live.
class Trace
{
public:
    // Adds a batch, keeping events in time order even when the batch reaches
    // back before the newest event already held.
    void merge(TraceBatch &&batch);
    void clear();

    const std::vector<TraceEvent> &events() const { return m_events; }
    const std::vector<ActorInfo> &actors() const { return m_actors; }
    const std::vector<ObjectInfo> &objects() const { return m_objects; }

    const ActorInfo *actor(ActorId id) const;
    const ObjectInfo *object(ObjectId id) const;
    QString actorName(ActorId id) const;
    QString objectName(ObjectId id) const;

    bool isEmpty() const { return m_events.empty(); }
    qint64 startNs() const { return m_events.empty() ? 0 : m_events.front().ts; }
    qint64 endNs() const { return m_events.empty() ? 0 : m_events.back().ts; }
    qint64 durationNs() const { return endNs() - startNs(); }

    // Bytes held for events, actors and objects.
    size_t memoryBytes() const;

    // Appends events that are already in order; for generated traces.
    void reserve(size_t events) { m_events.reserve(events); }
    void appendOrdered(const TraceEvent &e) { m_events.push_back(e); }
    void upsertActor(const ActorInfo &info);
    void addObject(const ObjectInfo &info);

private:
    std::vector<TraceEvent> m_events;
    std::vector<ActorInfo> m_actors;
    std::vector<ObjectInfo> m_objects;
    QHash<ActorId, int> m_actorIndex;
    QHash<ObjectId, int> m_objectIndex;
};

} // namespace clab
