#pragma once

#include "instrumented.h"
#include "threads/timeout.h"

#include <condition_variable>
#include <deque>
#include <mutex>
#include <utility>

namespace clab {

// What every queue.Queue shares whatever its item type: the waiting, the
// bookkeeping and the events. Each item gets an id, so the trace can say
// which put fed which get.
class QueueCore : public Instrumented
{
public:
    int qsize() const;
    bool empty() const;
    bool full() const;
    int maxsize() const { return m_maxsize; }

    // Marks one earlier get's work as done. ValueError("task_done() called
    // too many times") when no task is unfinished.
    void taskDone();
    // Waits until every item put has been marked done.
    void join(Timeout timeout = {});

protected:
    // As in Python, maxsize <= 0 means unbounded.
    QueueCore(int maxsize, const QString &name);

    // Both are called with m_mutex held through `lock`. They throw
    // QueueFull / QueueEmpty when not blocking or on timeout.
    qint64 beginPut(std::unique_lock<std::mutex> &lock, bool block, Timeout timeout);
    void endPut(qint64 item);
    void beginGet(std::unique_lock<std::mutex> &lock, bool block, Timeout timeout);
    void endGet(qint64 item);

    mutable std::mutex m_mutex;

private:
    bool isFullLocked() const { return m_maxsize > 0 && m_size >= m_maxsize; }

    const int m_maxsize;
    int m_size = 0;
    int m_unfinished = 0;
    qint64 m_nextItem = 1;
    std::condition_variable m_notEmpty;
    std::condition_variable m_notFull;
    std::condition_variable m_allDone;
};

// queue.Queue: FIFO, bounded when maxsize > 0.
template <class T>
class Queue : public QueueCore
{
public:
    explicit Queue(int maxsize = 0, const QString &name = {}) : QueueCore(maxsize, name) {}

    // queue.Full when not blocking or on timeout. As in Python, ValueError for
    // a negative timeout only on a bounded queue (get: on any queue).
    void put(T item, bool block = true, Timeout timeout = {})
    {
        std::unique_lock lock(m_mutex);
        const qint64 itemId = beginPut(lock, block, timeout);
        m_items.emplace_back(itemId, std::move(item));
        endPut(itemId);
    }
    void putNowait(T item) { put(std::move(item), false); }

    T get(bool block = true, Timeout timeout = {})
    {
        std::unique_lock lock(m_mutex);
        beginGet(lock, block, timeout);
        auto [itemId, item] = std::move(m_items.front());
        m_items.pop_front();
        endGet(itemId);
        return std::move(item);
    }
    T getNowait() { return get(false); }

private:
    std::deque<std::pair<qint64, T>> m_items;
};

} // namespace clab
