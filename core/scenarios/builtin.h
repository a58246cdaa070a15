#pragma once

#include "scenario.h"

#include <QCoreApplication>
#include <memory>

namespace clab {

// Titles, descriptions and help are marked with QT_TRANSLATE_NOOP in context
// "clab::Scenario" and translated when shown.
inline QString trScenario(const char *text)
{
    return QCoreApplication::translate("clab::Scenario", text);
}

std::unique_ptr<Scenario> makeThreadBasicsScenario();
std::unique_ptr<Scenario> makeRaceConditionScenario();
std::unique_ptr<Scenario> makeLockContentionScenario();
std::unique_ptr<Scenario> makeProducerConsumerScenario();
std::unique_ptr<Scenario> makeThreadPoolScenario();
std::unique_ptr<Scenario> makeDeadlockScenario();
std::unique_ptr<Scenario> makeGilCpuBoundScenario();
std::unique_ptr<Scenario> makeGilIoBoundScenario();
std::unique_ptr<Scenario> makeGilConvoyScenario();
std::unique_ptr<Scenario> makeThreadsVsProcessesGilScenario();
std::unique_ptr<Scenario> makeAsyncBasicsScenario();
std::unique_ptr<Scenario> makeAsyncGatherScenario();
std::unique_ptr<Scenario> makeAsyncQueueScenario();
std::unique_ptr<Scenario> makeAsyncSemaphoreScenario();
std::unique_ptr<Scenario> makeGeventGreenletsScenario();
std::unique_ptr<Scenario> makeAsyncServerScenario();
std::unique_ptr<Scenario> makeCoroutinesVsThreadsScenario();
std::unique_ptr<Scenario> makeProcessBasicsScenario();
std::unique_ptr<Scenario> makeForkScenario();
std::unique_ptr<Scenario> makeProcessPoolScenario();
std::unique_ptr<Scenario> makeProcessQueueScenario();
std::unique_ptr<Scenario> makePipeScenario();
std::unique_ptr<Scenario> makeSharedMemoryScenario();
std::unique_ptr<Scenario> makeSubprocessScenario();
std::unique_ptr<Scenario> makeThreadsVsProcessesScenario();
std::unique_ptr<Scenario> makeProcessesPlusCoroutinesScenario();

} // namespace clab
