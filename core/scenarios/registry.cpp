#include "registry.h"

#include "builtin.h"

namespace clab {

const ScenarioRegistry &ScenarioRegistry::instance()
{
    static const ScenarioRegistry registry;
    return registry;
}

ScenarioRegistry::ScenarioRegistry()
{
    m_scenarios.push_back(makeThreadBasicsScenario());
    m_scenarios.push_back(makeRaceConditionScenario());
    m_scenarios.push_back(makeLockContentionScenario());
    m_scenarios.push_back(makeDeadlockScenario());
    m_scenarios.push_back(makeProducerConsumerScenario());
    m_scenarios.push_back(makeThreadPoolScenario());
    m_scenarios.push_back(makeGilCpuBoundScenario());
    m_scenarios.push_back(makeGilIoBoundScenario());
    m_scenarios.push_back(makeGilConvoyScenario());
    m_scenarios.push_back(makeThreadsVsProcessesGilScenario());
    m_scenarios.push_back(makeAsyncBasicsScenario());
    m_scenarios.push_back(makeAsyncGatherScenario());
    m_scenarios.push_back(makeAsyncQueueScenario());
    m_scenarios.push_back(makeAsyncSemaphoreScenario());
    m_scenarios.push_back(makeGeventGreenletsScenario());
    m_scenarios.push_back(makeAsyncServerScenario());
    m_scenarios.push_back(makeCoroutinesVsThreadsScenario());
    m_scenarios.push_back(makeProcessesPlusCoroutinesScenario());
    m_scenarios.push_back(makeProcessBasicsScenario());
    m_scenarios.push_back(makeForkScenario());
    m_scenarios.push_back(makeProcessPoolScenario());
    m_scenarios.push_back(makeProcessQueueScenario());
    m_scenarios.push_back(makePipeScenario());
    m_scenarios.push_back(makeSharedMemoryScenario());
    m_scenarios.push_back(makeSubprocessScenario());
    m_scenarios.push_back(makeThreadsVsProcessesScenario());
}

const Scenario *ScenarioRegistry::find(const QString &id) const
{
    for (const auto &s : m_scenarios) {
        if (s->id() == id)
            return s.get();
    }
    return nullptr;
}

QStringList ScenarioRegistry::ids() const
{
    QStringList out;
    for (const auto &s : m_scenarios)
        out << s->id();
    return out;
}

} // namespace clab
