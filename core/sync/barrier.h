#pragma once

#include "instrumented.h"
#include "threads/timeout.h"

#include <condition_variable>
#include <functional>
#include <mutex>

namespace clab {

// threading.Barrier: `parties` threads wait until all have arrived. A
// timeout, abort(), reset() or a failing action breaks it, and waiters get
// BrokenBarrierError.
class Barrier : public Instrumented
{
public:
    // ValueError("parties must be >= 1") otherwise.
    explicit Barrier(int parties, std::function<void()> action = {}, Timeout timeout = {},
                     const QString &name = {});

    // Returns this thread's arrival index, 0 .. parties-1.
    int wait(Timeout timeout = {});
    void reset();
    void abort();

    int parties() const { return m_parties; }
    int waiting() const;   // n_waiting
    bool broken() const;

private:
    void breakLocked();

    const int m_parties;
    const std::function<void()> m_action;
    const Timeout m_defaultTimeout;
    mutable std::mutex m_mutex;
    std::condition_variable m_cv;
    int m_count = 0;
    quint64 m_generation = 0;
    quint64 m_resetGeneration = ~quint64(0); // a generation ended by reset()
    bool m_broken = false;
};

} // namespace clab
