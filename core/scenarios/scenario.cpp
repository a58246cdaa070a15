#include "scenario.h"

#include <QCoreApplication>
#include <QMutexLocker>

namespace clab {

QString groupId(ScenarioGroup group)
{
    switch (group) {
    case ScenarioGroup::Threads: return QStringLiteral("Threads");
    case ScenarioGroup::Locks: return QStringLiteral("Locks and synchronization");
    case ScenarioGroup::Pools: return QStringLiteral("Pools");
    case ScenarioGroup::Processes: return QStringLiteral("Processes");
    case ScenarioGroup::Gil: return QStringLiteral("GIL");
    case ScenarioGroup::Coroutines: return QStringLiteral("Coroutines");
    }
    return {};
}

QString groupTitle(ScenarioGroup group)
{
    switch (group) {
    case ScenarioGroup::Threads: return QCoreApplication::translate("clab::Scenario", "Threads");
    case ScenarioGroup::Locks: return QCoreApplication::translate("clab::Scenario", "Locks and synchronization");
    case ScenarioGroup::Pools: return QCoreApplication::translate("clab::Scenario", "Pools");
    case ScenarioGroup::Processes: return QCoreApplication::translate("clab::Scenario", "Processes");
    case ScenarioGroup::Gil: return QCoreApplication::translate("clab::Scenario", "GIL");
    case ScenarioGroup::Coroutines: return QCoreApplication::translate("clab::Scenario", "Coroutines");
    }
    return {};
}

ScenarioContext::ScenarioContext(RunContext &r, const ParameterValues &p, quint64 seed)
    : run(r)
    , params(p)
    , rng(seed)
{
}

void ScenarioContext::print(const QString &line)
{
    QMutexLocker lock(&m_outputMutex);
    m_output << line;
}

QStringList ScenarioContext::output() const
{
    QMutexLocker lock(&m_outputMutex);
    return m_output;
}

void Scenario::summarize(const Trace &, ScenarioContext &) const
{
}

} // namespace clab
