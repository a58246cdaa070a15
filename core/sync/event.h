#pragma once

#include "instrumented.h"
#include "threads/timeout.h"

#include <condition_variable>
#include <mutex>

namespace clab {

// threading.Event: a flag that wakes every waiter when set.
class Event : public Instrumented
{
public:
    explicit Event(const QString &name = {});

    void set();
    void clear();
    bool isSet() const;
    // Returns the flag: false only when the timeout expired first. As in
    // Python, a waiter woken by set() returns true even if clear() came
    // before it ran again.
    bool wait(Timeout timeout = {});

private:
    mutable std::mutex m_mutex;
    std::condition_variable m_cv;
    bool m_flag = false;
    quint64 m_sets = 0; // set() calls, so a waiter sees a set even if cleared since
};

} // namespace clab
