#pragma once

#include "parametermodel.h"
#include "tracesession.h"

#include <QObject>
#include <QQmlEngine>
#include <QVariantMap>
#include <memory>

namespace clab {

class Scenario;
class ScenarioRun;
class TracePump;

// Runs the chosen scenario off the GUI thread and feeds its trace to the
// session as it is recorded. Closing or destroying it stops a run cleanly.
class RunController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString scenarioId READ scenarioId WRITE setScenarioId NOTIFY scenarioChanged)
    Q_PROPERTY(QString title READ title NOTIFY scenarioChanged)
    Q_PROPERTY(QString description READ description NOTIFY scenarioChanged)
    Q_PROPERTY(QString scene READ scene NOTIFY scenarioChanged)
    Q_PROPERTY(QString group READ group NOTIFY scenarioChanged)
    Q_PROPERTY(ParameterModel *parameters READ parameters CONSTANT)
    Q_PROPERTY(TraceSession *session READ session CONSTANT)
    Q_PROPERTY(bool running READ running NOTIFY runningChanged)
    Q_PROPERTY(bool hasResult READ hasResult NOTIFY outcomeChanged)
    Q_PROPERTY(QVariantMap metrics READ metrics NOTIFY outcomeChanged)
    Q_PROPERTY(double elapsedMs READ elapsedMs NOTIFY outcomeChanged)
    Q_PROPERTY(bool cancelled READ cancelled NOTIFY outcomeChanged)
    Q_PROPERTY(QString error READ error NOTIFY outcomeChanged)
    Q_PROPERTY(QStringList output READ output NOTIFY outcomeChanged)
    Q_PROPERTY(int seed READ seed WRITE setSeed NOTIFY seedChanged)
    // The CPU cores runs share on this machine (QThread::idealThreadCount).
    Q_PROPERTY(int cpuCores READ cpuCores CONSTANT)
    // The parameters the current (or last) run started with, name → value;
    // empty before a run. The pane's values may have changed since.
    Q_PROPERTY(QVariantMap runParameters READ runParameters NOTIFY runParametersChanged)

public:
    explicit RunController(QObject *parent = nullptr);
    ~RunController() override;

    QString scenarioId() const;
    void setScenarioId(const QString &id);
    QString title() const;
    QString description() const;
    QString scene() const;
    QString group() const;
    ParameterModel *parameters() const { return m_parameters.get(); }
    TraceSession *session() const { return m_session.get(); }
    bool running() const { return bool(m_run); }
    bool hasResult() const { return m_hasResult; }
    QVariantMap metrics() const { return m_metrics; }
    double elapsedMs() const { return m_elapsedMs; }
    bool cancelled() const { return m_cancelled; }
    QString error() const { return m_error; }
    QStringList output() const { return m_output; }
    int seed() const { return m_seed; }
    int cpuCores() const;
    QVariantMap runParameters() const { return m_runParameters; }
    void setSeed(int seed);

    // Starts the scenario with the current parameters. False if one runs.
    Q_INVOKABLE bool run();
    // Stops a running scenario; it ends within a poll interval, even when
    // its threads are deadlocked.
    Q_INVOKABLE void stop();
    // Forgets the last run.
    Q_INVOKABLE void reset();
    // Blocks until the run has ended and its final trace is in the session;
    // for headless use and tests. False on timeout.
    Q_INVOKABLE bool waitForFinished(int timeoutMs);

Q_SIGNALS:
    void scenarioChanged();
    void runningChanged();
    void outcomeChanged();
    void seedChanged();
    void runParametersChanged();
    void started();
    void finished();

private:
    void onFinished(std::shared_ptr<SessionData> data);

    const Scenario *m_scenario = nullptr;
    std::unique_ptr<ParameterModel> m_parameters;
    std::unique_ptr<TraceSession> m_session;
    std::unique_ptr<ScenarioRun> m_run;
    std::unique_ptr<TracePump> m_pump;   // destroyed before m_run
    bool m_hasResult = false;
    QVariantMap m_metrics;
    QVariantMap m_runParameters;
    double m_elapsedMs = 0;
    bool m_cancelled = false;
    QString m_error;
    QStringList m_output;
    int m_seed = 1;
};

} // namespace clab
