#pragma once

#include "instrumented.h"
#include "threads/timeout.h"

#include <condition_variable>
#include <mutex>

namespace clab {

// threading.Semaphore: a counter of free permits. Acquired and Released
// events carry the permits left, for the "free permits" counter.
class Semaphore : public Instrumented
{
public:
    // ValueError("semaphore initial value must be >= 0") for a negative value.
    explicit Semaphore(int value = 1, const QString &name = {});

    // As Python's Semaphore.acquire: ValueError("can't specify timeout for
    // non-blocking acquire") for blocking=false with any timeout; a negative
    // timeout (-1 too) gives up at once instead of waiting.
    bool acquire(bool blocking = true, Timeout timeout = {});
    // ValueError("n must be one or more") for n < 1.
    void release(int n = 1);
    int value() const;

    void lock() { acquire(); }
    bool try_lock() { return acquire(false); }
    void unlock() { release(); }

protected:
    Semaphore(ObjectKind kind, int value, const QString &name, bool bounded);

private:
    mutable std::mutex m_mutex;
    std::condition_variable m_cv;
    int m_value;
    const int m_initial;
    const bool m_bounded;
};

// threading.BoundedSemaphore: releasing past the initial value is an error,
// ValueError("Semaphore released too many times").
class BoundedSemaphore : public Semaphore
{
public:
    explicit BoundedSemaphore(int value = 1, const QString &name = {});
};

} // namespace clab
