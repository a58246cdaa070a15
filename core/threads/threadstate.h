#pragma once

#include "trace/traceevent.h"

#include <QString>
#include <atomic>

namespace clab {

class RunContext;

// What the engine knows about an OS thread taking part in a run.
struct ThreadState {
    RunContext *run = nullptr;
    ActorId actor = 0;
    quint32 uid = 0;  // this thread's this_thread::uid()
    QString name;     // immutable once the state is registered
    bool daemon = false;
    std::atomic<ObjectId> blockedOn{0};      // owned object it waits for, for deadlock detection
    std::atomic<bool> cancelRequested{false}; // this thread alone is asked to stop (daemons at exit)
};

namespace this_thread {

namespace detail {
inline thread_local ThreadState *t_state = nullptr;
inline thread_local quint32 t_uid = 0;
quint32 allocateUid();
} // namespace detail

// The calling thread's run state; null when it is not part of a run.
inline ThreadState *state()
{
    return detail::t_state;
}

inline RunContext *run()
{
    ThreadState *s = detail::t_state;
    return s ? s->run : nullptr;
}

// A small nonzero number unique to the calling OS thread, used as the owner
// of locks whether or not a run is recording.
inline quint32 uid()
{
    quint32 id = detail::t_uid;
    if (id == 0) [[unlikely]]
        id = detail::t_uid = detail::allocateUid();
    return id;
}

// The kernel's thread id, as Python's threading.get_native_id().
qint64 nativeId();

} // namespace this_thread
} // namespace clab
