#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace clab {

class RunContext;

// Watches a run's wait-for graph from its own thread. A cycle seen on two
// passes in a row (so a lock changing hands mid-pass cannot fake one) is
// reported to the run once.
class DeadlockDetector
{
public:
    static constexpr std::chrono::milliseconds kPeriod{10};

    explicit DeadlockDetector(RunContext &run);
    ~DeadlockDetector();
    DeadlockDetector(const DeadlockDetector &) = delete;
    DeadlockDetector &operator=(const DeadlockDetector &) = delete;

    void stop();

private:
    void loop();

    RunContext &m_run;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
    std::thread m_thread;
};

} // namespace clab
