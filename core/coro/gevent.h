#pragma once

#include "awaitables.h"

namespace clab::coro::gevent {

// gevent's names over the same loop: a greenlet is a task.
template <class T>
class Greenlet
{
public:
    Greenlet() = default;
    explicit Greenlet(TaskRef<T> task) : m_task(std::move(task)) {}

    // Greenlet.dead: it has finished (or was killed).
    bool dead() const { return m_task.done(); }
    // Greenlet.successful(): finished without raising.
    bool successful() const { return m_task.done() && !m_task.cancelled() && !m_task.exception(); }
    // Greenlet.get(): waits for it; returns its value or raises what it raised.
    Task<Stored<T>> get()
    {
        if constexpr (std::is_void_v<T>) {
            co_await m_task;
            co_return Stored<T>{};
        } else {
            co_return co_await m_task;
        }
    }
    // Greenlet.kill(): raises GreenletExit (here: CancelledError) inside it
    // and waits until it is dead.
    Task<void> kill()
    {
        m_task.cancel();
        // Named, not a braced list inside co_await: GCC 12 miscompiles that.
        std::vector<TaskBase *> waited{m_task.base()};
        co_await detail::WaitTasks(std::move(waited), false);
    }
    TaskRef<T> task() const { return m_task; }
    QString name() const { return m_task.name(); }

private:
    TaskRef<T> m_task;
};

// gevent.spawn
template <class T>
Greenlet<T> spawn(Task<T> coroutine, const QString &name = {})
{
    return Greenlet<T>(EventLoop::current()->createTask(std::move(coroutine), name));
}

// gevent.joinall: waits until every greenlet is dead.
template <class T>
Task<void> joinall(const std::vector<Greenlet<T>> &greenlets)
{
    std::vector<TaskBase *> bases;
    for (const auto &g : greenlets)
        bases.push_back(g.task().base());
    co_await detail::WaitTasks(bases, false);
}

} // namespace clab::coro::gevent
