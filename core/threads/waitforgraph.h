#pragma once

#include "threadstate.h"

#include <QHash>
#include <mutex>
#include <vector>

namespace clab {

// Who waits for whom: threads blocked on objects that have an owner (a held
// Lock or RLock). A cycle in it is a deadlock.
class WaitForGraph
{
public:
    void addThread(ThreadState *state);
    void removeThread(ThreadState *state);
    void addOwnedObject(ObjectId object, const std::atomic<quint32> *ownerUid);
    void removeOwnedObject(ObjectId object);

    struct Edge {
        ThreadState *waiter;
        ObjectId object;
        friend bool operator==(const Edge &a, const Edge &b)
        {
            return a.waiter == b.waiter && a.object == b.object;
        }
    };
    // One cycle of waiters, each blocked on an object held by the next, as
    // seen in one pass over the graph. Empty when there is none.
    std::vector<Edge> findCycle() const;

    int threadCount() const;

private:
    mutable std::mutex m_mutex;
    QHash<quint32, ThreadState *> m_threads;              // by uid
    QHash<ObjectId, const std::atomic<quint32> *> m_owners;
};

} // namespace clab
