#include "runcontroller.h"

#include "scenarios/registry.h"
#include "scenarios/scenariorun.h"
#include "tracepump.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QThread>

#include <algorithm>

namespace clab {

RunController::RunController(QObject *parent)
    : QObject(parent)
    , m_parameters(std::make_unique<ParameterModel>())
    , m_session(std::make_unique<TraceSession>())
{
}

RunController::~RunController()
{
    if (m_run)
        m_run->cancel();
    m_pump.reset();
    m_run.reset();
}

QString RunController::scenarioId() const
{
    return m_scenario ? m_scenario->id() : QString();
}

void RunController::setScenarioId(const QString &id)
{
    const Scenario *scenario = ScenarioRegistry::instance().find(id);
    if (!scenario || scenario == m_scenario)
        return;
    m_scenario = scenario;
    m_parameters->setSpecs(scenario->parameters());
    emit scenarioChanged();
    if (!m_run)
        reset();
}

QString RunController::title() const
{
    return m_scenario ? m_scenario->title() : QString();
}

QString RunController::description() const
{
    return m_scenario ? m_scenario->description() : QString();
}

QString RunController::scene() const
{
    return m_scenario ? m_scenario->scene() : QString();
}

QString RunController::group() const
{
    return m_scenario ? groupTitle(m_scenario->group()) : QString();
}

int RunController::cpuCores() const
{
    return std::max(1, QThread::idealThreadCount());
}

void RunController::setSeed(int seed)
{
    if (seed == m_seed || seed < 0)
        return;
    m_seed = seed;
    emit seedChanged();
}

bool RunController::run()
{
    if (m_run || !m_scenario)
        return false;
    reset();
    m_runParameters = m_parameters->values().values();
    emit runParametersChanged();
    m_run = std::make_unique<ScenarioRun>(*m_scenario, m_parameters->values(), quint64(m_seed));
    m_run->start();
    m_pump = std::make_unique<TracePump>(
        *m_run, this, [this](TraceDelta delta) { m_session->append(std::move(delta)); },
        [this](std::shared_ptr<SessionData> data) { onFinished(std::move(data)); });
    emit runningChanged();
    emit started();
    return true;
}

void RunController::stop()
{
    if (m_run)
        m_run->cancel();
}

void RunController::reset()
{
    if (m_run)
        return;
    m_session->clear();
    m_hasResult = false;
    m_metrics.clear();
    if (!m_runParameters.isEmpty()) {
        m_runParameters.clear();
        emit runParametersChanged();
    }
    m_elapsedMs = 0;
    m_cancelled = false;
    m_error.clear();
    m_output.clear();
    emit outcomeChanged();
}

void RunController::onFinished(std::shared_ptr<SessionData> data)
{
    if (!m_run)
        return;
    const ScenarioOutcome outcome = m_run->outcome();
    m_pump.reset();
    m_run.reset();
    m_session->adopt(std::move(data));
    m_hasResult = true;
    m_metrics = outcome.metrics.toVariantMap();
    m_elapsedMs = outcome.elapsedMs;
    m_cancelled = outcome.cancelled;
    m_error = outcome.error;
    m_output = outcome.output;
    emit outcomeChanged();
    emit runningChanged();
    emit finished();
}

bool RunController::waitForFinished(int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (m_run) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        if (m_run)
            QThread::msleep(2);
    }
    return true;
}

} // namespace clab
