#pragma once

#include "parameter.h"

#include <QJsonObject>
#include <QMutex>
#include <QStringList>
#include <random>

namespace clab {

class RunContext;
class Trace;

enum class ScenarioGroup { Threads, Locks, Pools, Processes, Gil, Coroutines };

QString groupId(ScenarioGroup group);     // English, stable: used on the command line
QString groupTitle(ScenarioGroup group);  // translated

// What a scenario's code sees while it runs.
class ScenarioContext
{
public:
    ScenarioContext(RunContext &run, const ParameterValues &params, quint64 seed);

    RunContext &run;
    const ParameterValues &params;
    std::mt19937_64 rng;   // seeded by --seed, so a run can be repeated
    QJsonObject metrics;   // the scenario's own figures, by snake_case name

    // Like Python's print(): a line of the run's output. Any thread may call it.
    void print(const QString &line);
    QStringList output() const;

private:
    mutable QMutex m_outputMutex;
    QStringList m_output;
};

// A runnable lesson example: real engine code with typed parameters.
class Scenario
{
public:
    virtual ~Scenario() = default;

    virtual QString id() const = 0;
    virtual ScenarioGroup group() const = 0;
    virtual QString title() const = 0;        // translated
    virtual QString description() const = 0; // translated, one or two sentences
    // The scene the views show for it: threads, race, lock, pool, queue, deadlock.
    virtual QString scene() const = 0;
    virtual QList<ParameterSpec> parameters() const { return {}; }

    // Runs on the run's MainThread. Blocking calls throw RunCancelled when
    // the run is stopped; let it pass.
    virtual void run(ScenarioContext &ctx) const = 0;

    // After every thread of the run has ended: metrics that are read off the
    // complete trace, so they agree with what the views show.
    virtual void summarize(const Trace &trace, ScenarioContext &ctx) const;
};

} // namespace clab
