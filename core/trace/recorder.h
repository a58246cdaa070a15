#pragma once

#include "actor.h"
#include "clock.h"
#include "traceevent.h"

#include <atomic>
#include <memory>
#include <mutex>
#include <vector>

namespace clab {

// Events, actors and objects recorded since the previous drain.
struct TraceBatch {
    std::vector<TraceEvent> events;       // in nanoseconds, ordered per actor
    std::vector<ActorInfo> actors;   // new or changed since the previous batch
    std::vector<ObjectInfo> objects; // new since the previous batch

    bool isEmpty() const { return events.empty() && actors.empty() && objects.empty(); }
};

// One thread's private event log: a chain of chunks written by that thread
// alone and read concurrently by Recorder::drain(). The writer publishes each
// event with a release store of the chunk's count, so recording takes no lock.
class ThreadBuffer
{
public:
    explicit ThreadBuffer(ActorId actor);
    ~ThreadBuffer();
    ThreadBuffer(const ThreadBuffer &) = delete;
    ThreadBuffer &operator=(const ThreadBuffer &) = delete;

    inline void append(EventKind kind, ObjectId object, qint64 value, quint32 aux)
    {
        appendAs(m_actor, kind, object, value, aux);
    }

    // On behalf of another actor of this thread: a coroutine loop records
    // that it woke a task.
    inline void appendAs(ActorId actor, EventKind kind, ObjectId object, qint64 value, quint32 aux,
                         quint16 flags = 0)
    {
        Chunk *chunk = m_writeChunk;
        // Only this thread writes `committed`, so it doubles as the write position.
        int pos = chunk->committed.load(std::memory_order_relaxed);
        if (pos == chunk->capacity) [[unlikely]] {
            chunk = grow();
            pos = 0;
        }
        TraceEvent &e = chunk->events[pos];
        e.ts = qint64(Clock::ticks());
        e.value = value;
        e.actor = actor;
        e.object = object;
        e.aux = aux;
        e.kind = kind;
        e.flags = flags;
        chunk->committed.store(pos + 1, std::memory_order_release);
    }

    // The actor stamped on events from now on. Coroutine loops switch it on
    // every resume; only the owning thread may call this.
    void setActor(ActorId actor) { m_actor = actor; }
    ActorId actor() const { return m_actor; }

    // Reader side: appends everything committed since the last call, with
    // timestamps converted to nanoseconds. Only Recorder calls this.
    void drainInto(std::vector<TraceEvent> &out);

private:
    struct Chunk {
        explicit Chunk(int cap) : capacity(cap), events(new TraceEvent[size_t(cap)]) {}
        ~Chunk() { delete[] events; }
        Chunk(const Chunk &) = delete;
        Chunk &operator=(const Chunk &) = delete;
        const int capacity;
        TraceEvent *const events;
        std::atomic<int> committed{0};
        std::atomic<Chunk *> next{nullptr};
    };
    Chunk *grow();

    ActorId m_actor;
    Chunk *m_writeChunk;
    Chunk *m_head;        // owned chain, freed in the destructor
    Chunk *m_readChunk;   // reader cursor
    int m_readPos = 0;
};

namespace trace {
// The calling thread's buffer, or null when the thread is not recording.
// Checking it is the whole cost of a disabled recording.
inline thread_local ThreadBuffer *t_buffer = nullptr;

inline void record(EventKind kind, ObjectId object = 0, qint64 value = 0, quint32 aux = 0)
{
    if (ThreadBuffer *buffer = t_buffer)
        buffer->append(kind, object, value, aux);
}

inline void recordAs(ActorId actor, EventKind kind, ObjectId object = 0, qint64 value = 0, quint32 aux = 0,
                     quint16 flags = 0)
{
    if (ThreadBuffer *buffer = t_buffer)
        buffer->appendAs(actor, kind, object, value, aux, flags);
}

inline ActorId currentActor()
{
    ThreadBuffer *buffer = t_buffer;
    return buffer ? buffer->actor() : 0;
}

// Records a begin event now and the matching end event when it goes out of
// scope, e.g. SleepBegin/SleepEnd around a sleep.
class [[nodiscard]] Span
{
public:
    Span(EventKind begin, EventKind end, ObjectId object = 0, qint64 value = 0)
        : m_end(end), m_object(object)
    {
        record(begin, object, value);
    }
    ~Span() { record(m_end, m_object); }
    Span(const Span &) = delete;
    Span &operator=(const Span &) = delete;

private:
    EventKind m_end;
    ObjectId m_object;
};
} // namespace trace

// Collects the events of one run from every thread that attaches to it.
// Registering actors and objects takes a mutex (rare); recording events
// does not.
class Recorder
{
public:
    Recorder();
    ~Recorder();
    Recorder(const Recorder &) = delete;
    Recorder &operator=(const Recorder &) = delete;

    ActorId addActor(ActorInfo info);   // info.id is assigned here
    void setActorOsId(ActorId actor, qint64 osId);
    ObjectId addObject(ObjectInfo info); // info.id is assigned here
    std::vector<ActorInfo> actors() const;
    std::vector<ObjectInfo> objects() const;

    // Makes the calling thread record into a new buffer of this recorder as
    // `actor`, until detachCurrentThread(). The buffer lives as long as the
    // recorder, so events survive the thread.
    void attachCurrentThread(ActorId actor);
    static void detachCurrentThread();

    // Events that were recorded elsewhere, already in nanoseconds (for
    // example by a worker process).
    void addForeignEvents(std::vector<TraceEvent> events);

    // Everything recorded since the previous drain, sorted by time. Safe to
    // call while threads record.
    TraceBatch drain();

private:
    mutable std::mutex m_mutex;
    std::vector<std::unique_ptr<ThreadBuffer>> m_buffers;
    std::vector<ActorInfo> m_actors;
    std::vector<ObjectInfo> m_objects;
    std::vector<TraceEvent> m_foreign;
    size_t m_objectsSent = 0;
    std::vector<ActorId> m_dirtyActors;
};

} // namespace clab
