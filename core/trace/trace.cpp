#include "trace.h"

#include <algorithm>

namespace clab {

void Trace::merge(TraceBatch &&batch)
{
    for (const ActorInfo &a : batch.actors)
        upsertActor(a);
    for (const ObjectInfo &o : batch.objects)
        addObject(o);
    if (batch.events.empty())
        return;
    const auto oldSize = m_events.size();
    const bool inOrder = m_events.empty() || batch.events.front().ts >= m_events.back().ts;
    m_events.insert(m_events.end(), batch.events.begin(), batch.events.end());
    if (!inOrder) {
        std::inplace_merge(m_events.begin(), m_events.begin() + qsizetype(oldSize), m_events.end(),
                           [](const TraceEvent &a, const TraceEvent &b) { return a.ts < b.ts; });
    }
}

void Trace::clear()
{
    m_events.clear();
    m_actors.clear();
    m_objects.clear();
    m_actorIndex.clear();
    m_objectIndex.clear();
}

void Trace::upsertActor(const ActorInfo &info)
{
    const auto it = m_actorIndex.constFind(info.id);
    if (it != m_actorIndex.cend()) {
        m_actors[size_t(*it)] = info;
        return;
    }
    m_actorIndex.insert(info.id, int(m_actors.size()));
    m_actors.push_back(info);
}

void Trace::addObject(const ObjectInfo &info)
{
    const auto it = m_objectIndex.constFind(info.id);
    if (it != m_objectIndex.cend()) {
        m_objects[size_t(*it)] = info;
        return;
    }
    m_objectIndex.insert(info.id, int(m_objects.size()));
    m_objects.push_back(info);
}

const ActorInfo *Trace::actor(ActorId id) const
{
    const auto it = m_actorIndex.constFind(id);
    return it == m_actorIndex.cend() ? nullptr : &m_actors[size_t(*it)];
}

const ObjectInfo *Trace::object(ObjectId id) const
{
    const auto it = m_objectIndex.constFind(id);
    return it == m_objectIndex.cend() ? nullptr : &m_objects[size_t(*it)];
}

QString Trace::actorName(ActorId id) const
{
    const ActorInfo *a = actor(id);
    return a ? a->name : QString();
}

QString Trace::objectName(ObjectId id) const
{
    const ObjectInfo *o = object(id);
    return o ? o->name : QString();
}

size_t Trace::memoryBytes() const
{
    size_t bytes = m_events.capacity() * sizeof(TraceEvent);
    for (const ActorInfo &a : m_actors)
        bytes += sizeof(ActorInfo) + size_t(a.name.capacity()) * sizeof(QChar);
    for (const ObjectInfo &o : m_objects)
        bytes += sizeof(ObjectInfo) + size_t(o.name.capacity()) * sizeof(QChar);
    return bytes;
}

} // namespace clab
