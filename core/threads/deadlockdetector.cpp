#include "deadlockdetector.h"

#include "runcontext.h"
#include "trace/clock.h"

namespace clab {

DeadlockDetector::DeadlockDetector(RunContext &run)
    : m_run(run)
    , m_thread([this] { loop(); })
{
}

DeadlockDetector::~DeadlockDetector()
{
    stop();
}

void DeadlockDetector::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

void DeadlockDetector::loop()
{
    std::vector<WaitForGraph::Edge> previous;
    std::unique_lock lock(m_mutex);
    while (!m_wake.wait_for(lock, kPeriod, [this] { return m_stopping; })) {
        std::vector<WaitForGraph::Edge> cycle = m_run.waitForGraph().findCycle();
        if (!cycle.empty() && cycle == previous) {
            DeadlockReport report;
            report.detectedNs = Clock::monotonicNs();
            for (const auto &edge : cycle) {
                report.actors.push_back(edge.waiter->actor);
                report.names.push_back(edge.waiter->name);
                report.objects.push_back(edge.object);
            }
            m_run.reportDeadlock(std::move(report));
            return;
        }
        previous = std::move(cycle);
    }
}

} // namespace clab
