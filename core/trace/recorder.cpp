#include "recorder.h"

#include <algorithm>

namespace clab {

namespace {
// Small first chunk: runs with thousands of short-lived threads must not pay
// for a large buffer each. Busy threads grow quickly to large chunks.
constexpr int kFirstChunkEvents = 64;
constexpr int kMaxChunkEvents = 16384;
} // namespace

ThreadBuffer::ThreadBuffer(ActorId actor)
    : m_actor(actor)
    , m_writeChunk(new Chunk(kFirstChunkEvents))
    , m_head(m_writeChunk)
    , m_readChunk(m_writeChunk)
{
}

ThreadBuffer::~ThreadBuffer()
{
    Chunk *chunk = m_head;
    while (chunk) {
        Chunk *next = chunk->next.load(std::memory_order_acquire);
        delete chunk;
        chunk = next;
    }
}

ThreadBuffer::Chunk *ThreadBuffer::grow()
{
    auto *next = new Chunk(std::min(m_writeChunk->capacity * 4, kMaxChunkEvents));
    m_writeChunk->next.store(next, std::memory_order_release);
    m_writeChunk = next;
    return next;
}

void ThreadBuffer::drainInto(std::vector<TraceEvent> &out)
{
    for (;;) {
        const int committed = m_readChunk->committed.load(std::memory_order_acquire);
        for (int i = m_readPos; i < committed; ++i) {
            TraceEvent e = m_readChunk->events[i];
            e.ts = Clock::toNs(quint64(e.ts));
            out.push_back(e);
        }
        m_readPos = committed;
        if (committed < m_readChunk->capacity)
            return;
        Chunk *next = m_readChunk->next.load(std::memory_order_acquire);
        if (!next)
            return;
        m_readChunk = next;
        m_readPos = 0;
    }
}

Recorder::Recorder() = default;

Recorder::~Recorder()
{
    // A thread still attached here would write into freed memory.
    for (const auto &buffer : m_buffers) {
        if (trace::t_buffer == buffer.get())
            trace::t_buffer = nullptr;
    }
}

ActorId Recorder::addActor(ActorInfo info)
{
    std::lock_guard lock(m_mutex);
    info.id = ActorId(m_actors.size() + 1);
    m_actors.push_back(info);
    m_dirtyActors.push_back(info.id);
    return info.id;
}

void Recorder::setActorOsId(ActorId actor, qint64 osId)
{
    std::lock_guard lock(m_mutex);
    if (actor == 0 || actor > m_actors.size())
        return;
    m_actors[actor - 1].osId = osId;
    m_dirtyActors.push_back(actor);
}

ObjectId Recorder::addObject(ObjectInfo info)
{
    std::lock_guard lock(m_mutex);
    info.id = ObjectId(m_objects.size() + 1);
    m_objects.push_back(info);
    return info.id;
}

std::vector<ActorInfo> Recorder::actors() const
{
    std::lock_guard lock(m_mutex);
    return m_actors;
}

std::vector<ObjectInfo> Recorder::objects() const
{
    std::lock_guard lock(m_mutex);
    return m_objects;
}

void Recorder::attachCurrentThread(ActorId actor)
{
    auto buffer = std::make_unique<ThreadBuffer>(actor);
    trace::t_buffer = buffer.get();
    std::lock_guard lock(m_mutex);
    m_buffers.push_back(std::move(buffer));
}

void Recorder::detachCurrentThread()
{
    trace::t_buffer = nullptr;
}

void Recorder::addForeignEvents(std::vector<TraceEvent> events)
{
    std::lock_guard lock(m_mutex);
    m_foreign.insert(m_foreign.end(), events.begin(), events.end());
}

TraceBatch Recorder::drain()
{
    TraceBatch batch;
    std::lock_guard lock(m_mutex);
    for (const auto &buffer : m_buffers)
        buffer->drainInto(batch.events);
    batch.events.insert(batch.events.end(), m_foreign.begin(), m_foreign.end());
    m_foreign.clear();
    // Stable: events of one buffer with equal stamps keep their order.
    std::stable_sort(batch.events.begin(), batch.events.end(),
                     [](const TraceEvent &a, const TraceEvent &b) { return a.ts < b.ts; });

    std::sort(m_dirtyActors.begin(), m_dirtyActors.end());
    m_dirtyActors.erase(std::unique(m_dirtyActors.begin(), m_dirtyActors.end()), m_dirtyActors.end());
    for (ActorId id : m_dirtyActors)
        batch.actors.push_back(m_actors[id - 1]);
    m_dirtyActors.clear();
    batch.objects.assign(m_objects.begin() + qsizetype(m_objectsSent), m_objects.end());
    m_objectsSent = m_objects.size();
    return batch;
}

} // namespace clab
