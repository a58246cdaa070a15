// RunController: runs a scenario off the GUI thread, feeds the session as
// the run records, and stops or is destroyed cleanly.

#include "lanemodel.h"
#include "parametermodel.h"
#include "runcontroller.h"
#include "tracesession.h"

#include "scenarios/registry.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QtTest>
#include <sys/syscall.h>
#include <unistd.h>

using namespace clab;

namespace {

int threadCount()
{
    return int(QDir(QStringLiteral("/proc/self/task")).entryList(QDir::Dirs | QDir::NoDotAndDotDot).size());
}

qint64 guiThreadTid()
{
    return qint64(::syscall(SYS_gettid));
}

bool setParameter(RunController &c, const QString &name, const QVariant &value)
{
    ParameterModel *p = c.parameters();
    for (int row = 0; row < p->rowCount(); ++row) {
        if (p->index(row).data(ParameterModel::NameRole).toString() == name)
            return p->setValue(row, value);
    }
    return false;
}

QStringList threadLanes(const TraceSession &session)
{
    QStringList names;
    const LaneModel *lanes = session.lanes();
    for (int row = 0; row < lanes->rowCount(); ++row) {
        if (lanes->index(row).data(LaneModel::KindRole).toString() == QLatin1String("thread"))
            names << lanes->index(row).data(LaneModel::NameRole).toString();
    }
    return names;
}

// A lock-contention run that would take hours: only stop() ends it.
void makeEndless(RunController &c)
{
    c.setScenarioId(QStringLiteral("lock-contention"));
    QVERIFY(setParameter(c, QStringLiteral("threads"), 4));
    QVERIFY(setParameter(c, QStringLiteral("iterations"), 10000));
    QVERIFY(setParameter(c, QStringLiteral("critical_us"), 100000));
    QVERIFY(setParameter(c, QStringLiteral("outside_us"), 1000));
}

} // namespace

class TestRunController : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void scenarioSelection();
    void runsRaceConditionOffTheGuiThread();
    void raceConditionMetrics_data();
    void raceConditionMetrics();
    void deadlockStopsItself();
    void stopEndsARunPromptly();
    void destroyingDuringARunLeavesNoThread();
    void resetForgetsTheRun();

private:
    int m_baselineThreads = 0;
};

void TestRunController::initTestCase()
{
    m_baselineThreads = threadCount();
    QVERIFY(m_baselineThreads >= 1);
}

void TestRunController::scenarioSelection()
{
    RunController c;
    QAbstractItemModelTester parameters(c.parameters(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester lanes(c.session()->lanes(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy scenario(&c, &RunController::scenarioChanged);
    QSignalSpy seed(&c, &RunController::seedChanged);

    QVERIFY(c.scenarioId().isEmpty());
    QVERIFY(!c.running());
    QVERIFY(!c.run()); // nothing chosen
    QVERIFY(!c.running());

    c.setScenarioId(QStringLiteral("race-condition"));
    QCOMPARE(scenario.size(), 1);
    const Scenario *race = ScenarioRegistry::instance().find(QStringLiteral("race-condition"));
    QCOMPARE(c.scenarioId(), QStringLiteral("race-condition"));
    QCOMPARE(c.title(), race->title());
    QCOMPARE(c.description(), race->description());
    QCOMPARE(c.scene(), QStringLiteral("race"));
    QCOMPARE(c.group(), groupTitle(race->group()));
    QCOMPARE(c.parameters()->rowCount(), int(race->parameters().size()));

    // Unknown ids and the same id change nothing.
    c.setScenarioId(QStringLiteral("no-such-scenario"));
    c.setScenarioId(QStringLiteral("race-condition"));
    QCOMPARE(scenario.size(), 1);
    QCOMPARE(c.scenarioId(), QStringLiteral("race-condition"));

    c.setSeed(42);
    QCOMPARE(c.seed(), 42);
    c.setSeed(-1);
    QCOMPARE(c.seed(), 42);
    QCOMPARE(seed.size(), 1);

    c.setScenarioId(QStringLiteral("thread-pool"));
    QCOMPARE(scenario.size(), 2);
    QCOMPARE(c.scene(), QStringLiteral("pool"));
    QVERIFY(setParameter(c, QStringLiteral("workers"), 5));
}

void TestRunController::runsRaceConditionOffTheGuiThread()
{
    RunController c;
    QAbstractItemModelTester lanes(c.session()->lanes(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    c.setScenarioId(QStringLiteral("race-condition"));
    QVERIFY(setParameter(c, QStringLiteral("threads"), 3));
    QVERIFY(setParameter(c, QStringLiteral("iterations"), 60000));

    QSignalSpy running(&c, &RunController::runningChanged);
    QSignalSpy started(&c, &RunController::started);
    QSignalSpy finished(&c, &RunController::finished);
    QSignalSpy outcome(&c, &RunController::outcomeChanged);
    QSignalSpy grew(c.session(), &TraceSession::grew);

    // The GUI thread keeps its event loop while the run goes on.
    int ticksWhileRunning = 0;
    int eventsSeenWhileRunning = 0;
    QTimer timer;
    timer.setInterval(5);
    connect(&timer, &QTimer::timeout, this, [&] {
        if (c.running()) {
            ++ticksWhileRunning;
            eventsSeenWhileRunning = std::max(eventsSeenWhileRunning, c.session()->eventCount());
        }
    });
    timer.start();

    QVERIFY(c.run());
    // run() returned at once: the scenario runs elsewhere.
    QVERIFY(c.running());
    QCOMPARE(running.size(), 1);
    QCOMPARE(started.size(), 1);
    QCOMPARE(finished.size(), 0);
    QVERIFY(!c.hasResult());
    QVERIFY(!c.run()); // one run at a time
    QCOMPARE(started.size(), 1);

    QVERIFY(finished.wait(20000) || finished.size() == 1);
    QCOMPARE(finished.size(), 1);
    QVERIFY(!c.running());
    QCOMPARE(running.size(), 2);
    QVERIFY(outcome.size() >= 1);
    QVERIFY(c.hasResult());
    QVERIFY(!c.cancelled());
    QVERIFY2(c.error().isEmpty(), qPrintable(c.error()));
    QVERIFY(c.elapsedMs() > 0);

    // The timer fired while the run went on, and live deltas reached the
    // session before the end.
    QVERIFY2(ticksWhileRunning >= 2, qPrintable(QString::number(ticksWhileRunning)));
    QVERIFY2(eventsSeenWhileRunning > 0, "the session did not grow during the run");
    QVERIFY(grew.size() >= 2);
    QVERIFY(c.session()->eventCount() >= eventsSeenWhileRunning);

    // MainThread of the run is another kernel thread than the GUI's.
    const LaneModel *model = c.session()->lanes();
    QCOMPARE(model->index(0).data(LaneModel::KindRole).toString(), QStringLiteral("process"));
    const int mainRow = 1;
    QCOMPARE(model->index(mainRow).data(LaneModel::NameRole).toString(), QStringLiteral("MainThread"));
    const qint64 runThread = model->index(mainRow).data(LaneModel::OsIdRole).toLongLong();
    QVERIFY(runThread != 0);
    QVERIFY(runThread != guiThreadTid());

    QCOMPARE(threadLanes(*c.session()), (QStringList{"MainThread", "Thread-1", "Thread-2", "Thread-3"}));
    QVERIFY(c.output().join(QLatin1Char('\n')).contains(QStringLiteral("balance = ")));

    // And again: a second run replaces the first.
    const int firstEvents = c.session()->eventCount();
    QVERIFY(setParameter(c, QStringLiteral("iterations"), 100));
    QVERIFY(c.run());
    QVERIFY(c.session()->eventCount() < firstEvents); // cleared at the start
    QVERIFY(c.waitForFinished(20000));
    QVERIFY(!c.running());
    QCOMPARE(finished.size(), 2);
    QVERIFY(c.session()->eventCount() > 0);
    QVERIFY(c.session()->eventCount() < firstEvents);
}

void TestRunController::raceConditionMetrics_data()
{
    QTest::addColumn<bool>("lock");
    QTest::newRow("without the lock") << false;
    QTest::newRow("with the lock") << true;
}

void TestRunController::raceConditionMetrics()
{
    QFETCH(bool, lock);
    RunController c;
    c.setScenarioId(QStringLiteral("race-condition"));
    QVERIFY(setParameter(c, QStringLiteral("threads"), 4));
    QVERIFY(setParameter(c, QStringLiteral("iterations"), 5000));
    QVERIFY(setParameter(c, QStringLiteral("lock"), lock));
    QSignalSpy finished(&c, &RunController::finished);
    QVERIFY(c.run());
    QVERIFY(finished.wait(20000) || finished.size() == 1);

    const QVariantMap m = c.metrics();
    QVERIFY2(m.contains("expected") && m.contains("final") && m.contains("lost_updates"),
             qPrintable(QStringList(m.keys()).join(',')));
    QCOMPARE(m.value("expected").toLongLong(), qint64(0));
    QCOMPARE(c.property("metrics").toMap(), m);
    QVERIFY(m.value("lost_updates").toLongLong() >= 0);
    QCOMPARE(m.value("updates").toLongLong(), qint64(2 * 4 * 5000));
    if (lock) {
        // With the lock no update is lost and the balance ends at 0.
        QCOMPARE(m.value("lost_updates").toLongLong(), qint64(0));
        QCOMPARE(m.value("final").toLongLong(), qint64(0));
    } else if (m.value("lost_updates").toLongLong() == 0) {
        QCOMPARE(m.value("final").toLongLong(), qint64(0));
    }
    QCOMPARE(threadLanes(*c.session()).size(), 5);
}

void TestRunController::deadlockStopsItself()
{
    RunController c;
    c.setScenarioId(QStringLiteral("deadlock"));
    QSignalSpy finished(&c, &RunController::finished);
    QVERIFY(c.run());
    QVERIFY(finished.wait(20000) || finished.size() == 1);
    QVERIFY(!c.running());
    QVERIFY(!c.cancelled()); // the engine ended it, not the user
    QCOMPARE(c.metrics().value("deadlock").toBool(), true);
    QCOMPARE(c.metrics().value("cycle").toList().size(), 2);
}

void TestRunController::stopEndsARunPromptly()
{
    RunController c;
    makeEndless(c);
    QSignalSpy running(&c, &RunController::runningChanged);
    QSignalSpy finished(&c, &RunController::finished);
    QVERIFY(c.run());
    // Wait until it really runs: threads are inside and queued at the lock.
    QTRY_VERIFY_WITH_TIMEOUT(c.session()->lockWaitDurations().size() >= 1, 10000);
    QVERIFY(c.running());
    QCOMPARE(running.size(), 1);

    QElapsedTimer sinceStop;
    sinceStop.start();
    c.stop();
    c.stop(); // twice is harmless
    // The GUI thread sees running() == false within 200 ms of stop().
    QVERIFY(running.size() == 2 || running.wait(200));
    const qint64 ms = sinceStop.elapsed();
    QVERIFY2(ms <= 200, qPrintable(QStringLiteral("stopped after %1 ms").arg(ms)));
    QVERIFY(!c.running());
    QCOMPARE(finished.size(), 1);
    QVERIFY(c.cancelled());
    QVERIFY(c.hasResult());
    QVERIFY(c.session()->eventCount() > 0);
    // The partial run is there to look at: every thread got a lane.
    QCOMPARE(threadLanes(*c.session()).size(), 5);
    c.stop(); // after the end: nothing happens
    QCOMPARE(finished.size(), 1);
}

void TestRunController::destroyingDuringARunLeavesNoThread()
{
    const int before = threadCount();
    auto c = std::make_unique<RunController>();
    makeEndless(*c);
    QVERIFY(c->run());
    QTRY_VERIFY_WITH_TIMEOUT(c->session()->eventCount() > 0, 10000);
    QVERIFY(threadCount() > before); // the run, its threads and the pump

    QElapsedTimer timer;
    timer.start();
    c.reset();
    // Loose: "promptly", not a speed figure.
    QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
    // Joined threads are gone at once; allow the kernel a moment to reap.
    QTRY_COMPARE_WITH_TIMEOUT(threadCount(), before, 2000);
    // Nothing posted by the pump arrives for the dead controller.
    QCoreApplication::sendPostedEvents();
    QCoreApplication::processEvents();
    QCOMPARE(threadCount(), before);
}

void TestRunController::resetForgetsTheRun()
{
    RunController c;
    c.setScenarioId(QStringLiteral("race-condition"));
    QVERIFY(setParameter(c, QStringLiteral("iterations"), 200));
    QVERIFY(c.run());
    QVERIFY(c.waitForFinished(20000));
    QVERIFY(c.hasResult());
    QVERIFY(c.session()->eventCount() > 0);

    QSignalSpy outcome(&c, &RunController::outcomeChanged);
    QSignalSpy cleared(c.session(), &TraceSession::cleared);
    c.reset();
    QCOMPARE(outcome.size(), 1);
    QCOMPARE(cleared.size(), 1);
    QVERIFY(!c.hasResult());
    QVERIFY(c.metrics().isEmpty());
    QCOMPARE(c.session()->eventCount(), 0);
    QCOMPARE(c.session()->lanes()->rowCount(), 0);
    QVERIFY(c.output().isEmpty());

    // Reset during a run does nothing: the run's data stays.
    makeEndless(c);
    QVERIFY(c.run());
    QTRY_VERIFY_WITH_TIMEOUT(c.session()->eventCount() > 0, 10000);
    c.reset();
    QVERIFY(c.running());
    QVERIFY(c.session()->eventCount() > 0);
    c.stop();
    QVERIFY(c.waitForFinished(5000));
}

QTEST_MAIN(TestRunController)
#include "tst_runcontroller.moc"
