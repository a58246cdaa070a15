#pragma once

#include "parameter.h"
#include "trace/trace.h"

#include <QJsonObject>
#include <QStringList>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>

namespace clab {

class RunContext;
class Scenario;

// How a run ended and what it measured.
struct ScenarioOutcome {
    QString scenario;
    QVariantMap params;
    quint64 seed = 0;
    double elapsedMs = 0;
    QJsonObject metrics;
    QStringList output;
    bool cancelled = false;   // stopped by the user, not finished
    QString error;            // what the scenario raised, Python style
    int actors = 0;           // threads, processes and coroutines seen
    qint64 events = 0;

    // The --summary object.
    QJsonObject toJson() const;
};

// One run of a scenario, on its own thread (start) or the caller's
// (runHere). That thread is the run's MainThread. While it runs, live
// batches of the trace can be taken from any other thread.
class ScenarioRun
{
public:
    ScenarioRun(const Scenario &scenario, const ParameterValues &params, quint64 seed);
    ~ScenarioRun();  // cancels and waits
    ScenarioRun(const ScenarioRun &) = delete;
    ScenarioRun &operator=(const ScenarioRun &) = delete;

    void setStopOnDeadlock(bool stop);

    void start();
    void runHere();
    // Stops the run: every blocked thread wakes within a poll interval.
    void cancel();
    bool wait(std::chrono::milliseconds timeout);
    bool isFinished() const;

    // What was recorded since the previous call. The run keeps the whole
    // trace as well.
    TraceBatch takeLiveBatch();

    // Valid once finished.
    const Trace &trace() const { return m_trace; }
    ScenarioOutcome outcome() const;

    RunContext &context() { return *m_context; }
    const Scenario &scenario() const { return m_scenario; }

private:
    void execute();
    void drainIntoTrace();

    const Scenario &m_scenario;
    const ParameterValues m_params;
    const quint64 m_seed;
    std::unique_ptr<RunContext> m_context;

    mutable std::mutex m_mutex;
    std::condition_variable m_finishedChanged;
    bool m_started = false;
    bool m_finished = false;
    bool m_cancelRequested = false;
    Trace m_trace;
    TraceBatch m_unsent;  // drained into m_trace, not yet taken live
    ScenarioOutcome m_outcome;
    std::thread m_thread;
};

} // namespace clab
