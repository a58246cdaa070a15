#pragma once

#include "awaitables.h"

#include "sync/instrumented.h"

#include <deque>
#include <utility>

namespace clab::coro {

// Tasks waiting on one condition of a primitive, in the order they came.
// Cancelling a waiting task takes it off the list; a task that was woken
// but cancelled before it ran passes the wake-up on.
class WaitList
{
public:
    class [[nodiscard]] Wait
    {
    public:
        Wait(WaitList &list, ObjectId object, WaitReason reason) : m_list(list), m_object(object), m_reason(reason) {}
        bool await_ready() const noexcept { return false; }
        void await_suspend(std::coroutine_handle<> h)
        {
            EventLoop *loop = EventLoop::current();
            m_self = {h, loop->currentTask()};
            m_list.m_waiters.push_back(this);
            if (m_self.task) {
                m_self.task->setCanceller([](void *context, TaskBase *task) {
                    auto *me = static_cast<Wait *>(context);
                    me->m_list.remove(me);
                    task->loop->wake(me->m_self, me->m_object, WaitOutcome::Cancelled);
                }, this);
            }
            loop->noteWait(m_reason, m_object);
        }
        void await_resume()
        {
            if (m_self.task && m_self.task->cancelRequested && m_notified)
                m_list.notifyOne(); // pass on the wake-up this task will not use
            if (m_self.task)
                m_self.task->throwIfCancelled();
        }

    private:
        friend class WaitList;
        WaitList &m_list;
        ObjectId m_object;
        WaitReason m_reason;
        Resumption m_self;
        bool m_notified = false;
    };

    Wait wait(ObjectId object, WaitReason reason) { return Wait(*this, object, reason); }
    bool notifyOne()
    {
        if (m_waiters.empty())
            return false;
        Wait *w = m_waiters.front();
        m_waiters.pop_front();
        w->m_notified = true;
        if (w->m_self.task)
            w->m_self.task->clearCanceller();
        EventLoop::current()->wake(w->m_self, w->m_object);
        return true;
    }
    void notifyAll()
    {
        while (notifyOne()) {
        }
    }
    bool empty() const { return m_waiters.empty(); }
    int size() const { return int(m_waiters.size()); }

private:
    void remove(Wait *w)
    {
        for (auto it = m_waiters.begin(); it != m_waiters.end(); ++it) {
            if (*it == w) {
                m_waiters.erase(it);
                return;
            }
        }
    }
    std::deque<Wait *> m_waiters;
};

// asyncio.Semaphore: `async with sem:` is `co_await sem.acquire(); ...;
// sem.release();`.
class Semaphore : public Instrumented
{
public:
    explicit Semaphore(int value = 1, const QString &name = {})
        : Instrumented(ObjectKind::Semaphore, name, value), m_value(value)
    {
        if (value < 0)
            throw ValueError("Semaphore initial value must be >= 0");
    }
    Task<void> acquire()
    {
        while (m_value <= 0)
            co_await m_waiters.wait(id(), WaitReason::Semaphore);
        --m_value;
        trace::record(EventKind::Acquired, id(), 1, quint32(m_value));
    }
    void release()
    {
        ++m_value;
        trace::record(EventKind::Released, id(), 1, quint32(m_value));
        m_waiters.notifyOne();
    }
    bool locked() const { return m_value == 0; }
    int value() const { return m_value; }

private:
    int m_value;
    WaitList m_waiters;
};

// asyncio.Lock.
class Lock : public Instrumented
{
public:
    explicit Lock(const QString &name = {}) : Instrumented(ObjectKind::Lock, name) {}
    Task<void> acquire()
    {
        while (m_locked)
            co_await m_waiters.wait(id(), WaitReason::Lock);
        m_locked = true;
        trace::record(EventKind::Acquired, id());
    }
    // RuntimeError("Lock is not acquired.") when it is not held.
    void release()
    {
        if (!m_locked)
            throw RuntimeError("Lock is not acquired.");
        m_locked = false;
        trace::record(EventKind::Released, id());
        m_waiters.notifyOne();
    }
    bool locked() const { return m_locked; }

private:
    bool m_locked = false;
    WaitList m_waiters;
};

// asyncio.Event.
class Event : public Instrumented
{
public:
    explicit Event(const QString &name = {}) : Instrumented(ObjectKind::Event, name) {}
    Task<bool> wait()
    {
        if (!m_flag)
            co_await m_waiters.wait(id(), WaitReason::Event);
        co_return true;
    }
    void set()
    {
        m_flag = true;
        trace::record(EventKind::EventSet, id());
        m_waiters.notifyAll();
    }
    void clear()
    {
        m_flag = false;
        trace::record(EventKind::EventClear, id());
    }
    bool isSet() const { return m_flag; }

private:
    bool m_flag = false;
    WaitList m_waiters;
};

struct AsyncQueueFull : PythonError {
    AsyncQueueFull() : PythonError("asyncio.QueueFull", "") {}
};
struct AsyncQueueEmpty : PythonError {
    AsyncQueueEmpty() : PythonError("asyncio.QueueEmpty", "") {}
};

// asyncio.Queue: FIFO, bounded when maxsize > 0. Items get ids, so the
// trace can say which put fed which get.
template <class T>
class Queue : public Instrumented
{
public:
    explicit Queue(int maxsize = 0, const QString &name = {})
        : Instrumented(ObjectKind::Queue, name, maxsize > 0 ? maxsize : 0), m_maxsize(maxsize > 0 ? maxsize : 0)
    {
    }

    Task<void> put(T item)
    {
        while (full())
            co_await m_putters.wait(id(), WaitReason::Queue);
        putNowait(std::move(item));
    }
    void putNowait(T item)
    {
        if (full())
            throw AsyncQueueFull();
        const qint64 itemId = m_nextItem++;
        m_items.emplace_back(itemId, std::move(item));
        ++m_unfinished;
        trace::record(EventKind::Put, id(), itemId, quint32(m_items.size()));
        m_getters.notifyOne();
    }
    Task<T> get()
    {
        while (m_items.empty())
            co_await m_getters.wait(id(), WaitReason::Queue);
        co_return getNowait();
    }
    T getNowait()
    {
        if (m_items.empty())
            throw AsyncQueueEmpty();
        auto [itemId, item] = std::move(m_items.front());
        m_items.pop_front();
        trace::record(EventKind::Get, id(), itemId, quint32(m_items.size()));
        m_putters.notifyOne();
        return std::move(item);
    }
    // ValueError("task_done() called too many times") when nothing is unfinished.
    void taskDone()
    {
        if (m_unfinished <= 0)
            throw ValueError("task_done() called too many times");
        --m_unfinished;
        trace::record(EventKind::TaskDone, id(), 0, quint32(m_unfinished));
        if (m_unfinished == 0)
            m_joiners.notifyAll();
    }
    Task<void> join()
    {
        while (m_unfinished > 0)
            co_await m_joiners.wait(id(), WaitReason::Queue);
    }
    int qsize() const { return int(m_items.size()); }
    bool empty() const { return m_items.empty(); }
    bool full() const { return m_maxsize > 0 && int(m_items.size()) >= m_maxsize; }
    int maxsize() const { return m_maxsize; }

private:
    const int m_maxsize;
    std::deque<std::pair<qint64, T>> m_items;
    qint64 m_nextItem = 1;
    int m_unfinished = 0;
    WaitList m_getters;
    WaitList m_putters;
    WaitList m_joiners;
};

} // namespace clab::coro
