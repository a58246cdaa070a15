#include "waitforgraph.h"

#include <QSet>

namespace clab {

void WaitForGraph::addThread(ThreadState *state)
{
    std::lock_guard lock(m_mutex);
    m_threads.insert(state->uid, state);
}

void WaitForGraph::removeThread(ThreadState *state)
{
    std::lock_guard lock(m_mutex);
    const auto it = m_threads.find(state->uid);
    if (it != m_threads.end() && *it == state)
        m_threads.erase(it);
}

void WaitForGraph::addOwnedObject(ObjectId object, const std::atomic<quint32> *ownerUid)
{
    std::lock_guard lock(m_mutex);
    m_owners.insert(object, ownerUid);
}

void WaitForGraph::removeOwnedObject(ObjectId object)
{
    std::lock_guard lock(m_mutex);
    m_owners.remove(object);
}

int WaitForGraph::threadCount() const
{
    std::lock_guard lock(m_mutex);
    return int(m_threads.size());
}

std::vector<WaitForGraph::Edge> WaitForGraph::findCycle() const
{
    std::lock_guard lock(m_mutex);
    // Each blocked thread has at most one outgoing edge, so following the
    // chain from every thread finds any cycle.
    auto next = [this](ThreadState *t, ObjectId *via) -> ThreadState * {
        const ObjectId object = t->blockedOn.load(std::memory_order_acquire);
        if (object == 0)
            return nullptr;
        const auto owner = m_owners.constFind(object);
        if (owner == m_owners.cend())
            return nullptr;
        const quint32 uid = (*owner)->load(std::memory_order_acquire);
        if (uid == 0)
            return nullptr;
        *via = object;
        return m_threads.value(uid, nullptr);
    };
    QSet<ThreadState *> cleared;
    for (ThreadState *start : m_threads) {
        std::vector<Edge> path;
        QSet<ThreadState *> onPath;
        ThreadState *t = start;
        while (t && !cleared.contains(t)) {
            if (onPath.contains(t)) {
                auto first = path.begin();
                while (first->waiter != t)
                    ++first;
                return std::vector<Edge>(first, path.end());
            }
            onPath.insert(t);
            ObjectId via = 0;
            ThreadState *owner = next(t, &via);
            if (owner)
                path.push_back({t, via});
            t = owner;
        }
        for (ThreadState *seen : onPath)
            cleared.insert(seen);
    }
    return {};
}

} // namespace clab
