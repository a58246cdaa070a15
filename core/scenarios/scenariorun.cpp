#include "scenariorun.h"

#include "scenario.h"
#include "threads/errors.h"
#include "threads/runcontext.h"

#include <QJsonArray>
#include <QJsonValue>

#include <algorithm>

namespace clab {

namespace {
// How long the end of a run waits for threads the scenario left running
// before it stops them.
constexpr std::chrono::seconds kShutdownGrace{5};
} // namespace

QJsonObject ScenarioOutcome::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("scenario"), scenario);
    o.insert(QStringLiteral("params"), QJsonObject::fromVariantMap(params));
    o.insert(QStringLiteral("seed"), QJsonValue(qint64(seed)));
    o.insert(QStringLiteral("elapsed_ms"), elapsedMs);
    o.insert(QStringLiteral("actors"), actors);
    o.insert(QStringLiteral("events"), events);
    o.insert(QStringLiteral("metrics"), metrics);
    if (cancelled)
        o.insert(QStringLiteral("cancelled"), true);
    if (!error.isEmpty())
        o.insert(QStringLiteral("error"), error);
    return o;
}

ScenarioRun::ScenarioRun(const Scenario &scenario, const ParameterValues &params, quint64 seed)
    : m_scenario(scenario)
    , m_params(params)
    , m_seed(seed)
    , m_context(std::make_unique<RunContext>(seed))
{
}

ScenarioRun::~ScenarioRun()
{
    cancel();
    if (m_thread.joinable())
        m_thread.join();
}

void ScenarioRun::setStopOnDeadlock(bool stop)
{
    m_context->setStopOnDeadlock(stop);
}

void ScenarioRun::start()
{
    {
        std::lock_guard lock(m_mutex);
        if (m_started)
            return;
        m_started = true;
    }
    m_thread = std::thread([this] { execute(); });
}

void ScenarioRun::runHere()
{
    {
        std::lock_guard lock(m_mutex);
        if (m_started)
            return;
        m_started = true;
    }
    execute();
}

void ScenarioRun::cancel()
{
    {
        std::lock_guard lock(m_mutex);
        if (m_finished)
            return;
        m_cancelRequested = true;
    }
    m_context->cancel();
}

bool ScenarioRun::wait(std::chrono::milliseconds timeout)
{
    std::unique_lock lock(m_mutex);
    return m_finishedChanged.wait_for(lock, timeout, [this] { return m_finished; });
}

bool ScenarioRun::isFinished() const
{
    std::lock_guard lock(m_mutex);
    return m_finished;
}

void ScenarioRun::drainIntoTrace()
{
    TraceBatch batch = m_context->recorder().drain();
    std::lock_guard lock(m_mutex);
    TraceBatch copy = batch;
    m_trace.merge(std::move(copy));
    m_unsent.events.insert(m_unsent.events.end(), batch.events.begin(), batch.events.end());
    m_unsent.actors.insert(m_unsent.actors.end(), batch.actors.begin(), batch.actors.end());
    m_unsent.objects.insert(m_unsent.objects.end(), batch.objects.begin(), batch.objects.end());
}

TraceBatch ScenarioRun::takeLiveBatch()
{
    drainIntoTrace();
    std::lock_guard lock(m_mutex);
    TraceBatch batch = std::move(m_unsent);
    m_unsent = {};
    // Two drains may have reached back before each other's newest event.
    std::stable_sort(batch.events.begin(), batch.events.end(),
                     [](const TraceEvent &a, const TraceEvent &b) { return a.ts < b.ts; });
    return batch;
}

ScenarioOutcome ScenarioRun::outcome() const
{
    std::lock_guard lock(m_mutex);
    return m_outcome;
}

void ScenarioRun::execute()
{
    ScenarioContext ctx(*m_context, m_params, m_seed);
    ScenarioOutcome outcome;
    outcome.scenario = m_scenario.id();
    outcome.params = m_params.values();
    outcome.seed = m_seed;
    const auto started = std::chrono::steady_clock::now();
    {
        RunContext::MainThread mainThread(*m_context);
        try {
            m_scenario.run(ctx);
        } catch (const RunCancelled &) {
            // Stopped by the user, or by the deadlock detector.
        } catch (const PythonError &e) {
            outcome.error = QString::fromStdString(e.describe());
        } catch (const std::exception &e) {
            outcome.error = QString::fromUtf8(e.what());
        }
    }
    outcome.elapsedMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
    m_context->shutdown(std::chrono::duration_cast<std::chrono::milliseconds>(kShutdownGrace));
    drainIntoTrace();

    bool userCancelled = false;
    {
        std::lock_guard lock(m_mutex);
        userCancelled = m_cancelRequested;
    }
    if (!userCancelled) {
        try {
            m_scenario.summarize(m_trace, ctx);
        } catch (const std::exception &e) {
            outcome.error = QString::fromUtf8(e.what());
        }
    }
    outcome.cancelled = userCancelled;
    outcome.metrics = ctx.metrics;
    outcome.output = ctx.output();
    for (const ActorInfo &a : m_trace.actors()) {
        if (a.kind != ActorKind::Process)
            ++outcome.actors;
    }
    outcome.events = qint64(m_trace.events().size());
    {
        std::lock_guard lock(m_mutex);
        m_outcome = std::move(outcome);
        m_finished = true;
    }
    m_finishedChanged.notify_all();
}

} // namespace clab
