#pragma once

#include "scenario.h"

#include <memory>
#include <vector>

namespace clab {

// Every scenario the app knows, in catalog order.
class ScenarioRegistry
{
public:
    static const ScenarioRegistry &instance();

    const Scenario *find(const QString &id) const;
    const std::vector<std::unique_ptr<Scenario>> &all() const { return m_scenarios; }
    QStringList ids() const;

private:
    ScenarioRegistry();
    std::vector<std::unique_ptr<Scenario>> m_scenarios;
};

} // namespace clab
