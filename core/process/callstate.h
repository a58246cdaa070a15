#pragma once

#include "threads/timeout.h"
#include "trace/traceevent.h"

#include <QCborValue>
#include <QString>
#include <condition_variable>
#include <functional>
#include <mutex>

namespace clab::process {

// How one call to a worker ended.
struct CallResult {
    bool ok = false;
    QCborValue value;
    QString errorType;      // Python's exception type: ValueError, WorkerDied, ...
    QString errorMessage;
};

// A call in flight: the caller waits on it, the I/O thread completes it.
class CallState
{
public:
    CallState(qint64 id, ObjectId pool) : m_id(id), m_pool(pool) {}

    qint64 id() const { return m_id; }
    ObjectId pool() const { return m_pool; }
    bool done() const;
    // Waits (cancellably, through the scheduling point) for the result;
    // TimeoutError when it does not come within `timeout`.
    CallResult wait(Timeout timeout);
    // The result once done; for callbacks.
    CallResult result() const;

    // Set before the call is sent; runs on the I/O thread when it completes.
    std::function<void(const CallResult &)> onDone;
    void complete(CallResult result);

private:
    const qint64 m_id;
    const ObjectId m_pool;
    mutable std::mutex m_mutex;
    std::condition_variable m_cv;
    bool m_done = false;
    CallResult m_result;
};

} // namespace clab::process
