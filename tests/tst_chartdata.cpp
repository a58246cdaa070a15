// ChartData: the metrics pane's bar charts, computed from real runs: a
// histogram of lock waits and pool tasks finished per time bin.

#include "chartdata.h"
#include "lanemodel.h"
#include "timeaxis.h"
#include "tracesession.h"

#include "scenarios/registry.h"
#include "scenarios/scenariorun.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QtTest>
#include <algorithm>

using namespace clab;

namespace {

Trace record(const QString &id, const QStringList &assignments, quint64 seed = 1)
{
    const Scenario *scenario = ScenarioRegistry::instance().find(id);
    if (!scenario)
        qFatal("no scenario %s", qPrintable(id));
    ParameterValues params(scenario->parameters());
    QString error;
    if (!params.applyAssignments(scenario->parameters(), assignments, &error))
        qFatal("%s", qPrintable(error));
    ScenarioRun run(*scenario, params, seed);
    run.runHere();
    return run.trace();
}

int sumOf(const QVariantList &bars)
{
    int sum = 0;
    for (const QVariant &b : bars)
        sum += b.toMap().value("value").toInt();
    return sum;
}

} // namespace

class TestChartData : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void lockWaitsCountEveryWait_data();
    void lockWaitsCountEveryWait();
    void throughputCountsFinishedTasks_data();
    void throughputCountsFinishedTasks();
    void emptyWithoutData();
    void binsAreClamped_data();
    void binsAreClamped();
    void changedFollowsTheSession();

private:
    Trace m_contention;
    Trace m_pool;
    std::unique_ptr<TraceSession> m_session;
    std::unique_ptr<QAbstractItemModelTester> m_lanesTester;
    std::unique_ptr<ChartData> m_charts;
};

void TestChartData::initTestCase()
{
    m_contention = record(QStringLiteral("lock-contention"),
                          {"threads=4", "iterations=15", "critical_us=300", "outside_us=100"});
    m_pool = record(QStringLiteral("thread-pool"), {"workers=3", "tasks=24", "min_ms=1", "max_ms=6"});
}

void TestChartData::init()
{
    m_session = std::make_unique<TraceSession>();
    m_lanesTester = std::make_unique<QAbstractItemModelTester>(m_session->lanes(),
                                                               QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_charts = std::make_unique<ChartData>();
    m_charts->setSession(m_session.get());
}

void TestChartData::cleanup()
{
    m_charts.reset();
    m_lanesTester.reset();
    m_session.reset();
}

void TestChartData::lockWaitsCountEveryWait_data()
{
    QTest::addColumn<int>("bins");
    QTest::newRow("default") << 10;
    QTest::newRow("one bin") << 1;
    QTest::newRow("5") << 5;
    QTest::newRow("37") << 37;
    QTest::newRow("200") << 200;
}

void TestChartData::lockWaitsCountEveryWait()
{
    QFETCH(int, bins);
    m_session->load(m_contention);
    m_charts->setBins(bins);

    // Every WaitingLock interval of the run, derived afresh from the trace.
    std::vector<qint64> waits;
    for (const StateInterval &s : deriveIntervals(m_contention)) {
        if (s.state == ActorState::WaitingLock)
            waits.push_back(s.durationNs());
    }
    QVERIFY2(waits.size() >= 3, "four threads on one lock should wait");

    const QVariantList bars = m_charts->lockWaits();
    QVERIFY(!bars.isEmpty());
    QCOMPARE(sumOf(bars), int(waits.size()));
    QCOMPARE(m_charts->property("lockWaits").toList(), bars);

    // Equal-width bins from 0, on a round width, enough of them to hold the
    // longest wait and not many more than asked for.
    const qint64 longest = *std::max_element(waits.begin(), waits.end());
    const qint64 width = TimeAxis::niceStep(double(longest) / bins);
    QVERIFY(bars.size() <= int(2.5 * bins) + 1);
    QCOMPARE(bars.size(), int(longest / width) + 1);
    for (int i = 0; i < bars.size(); ++i) {
        const QVariantMap bar = bars[i].toMap();
        QCOMPARE(bar.value("label").toString(), TimeAxis::formatDuration(i * width));
        const int inBin = int(std::count_if(waits.begin(), waits.end(), [&](qint64 w) { return w / width == i; }));
        QCOMPARE(bar.value("value").toInt(), inBin);
    }
    // The last bar holds the longest wait.
    QVERIFY(bars.last().toMap().value("value").toInt() > 0);
}

void TestChartData::throughputCountsFinishedTasks_data()
{
    QTest::addColumn<int>("bins");
    QTest::newRow("default") << 10;
    QTest::newRow("one bin") << 1;
    QTest::newRow("20") << 20;
    QTest::newRow("200") << 200;
}

void TestChartData::throughputCountsFinishedTasks()
{
    QFETCH(int, bins);
    m_session->load(m_pool);
    m_charts->setBins(bins);

    std::vector<qint64> finished;
    for (const TraceEvent &e : m_pool.events()) {
        if (e.kind == EventKind::TaskFinished)
            finished.push_back(e.ts);
    }
    QCOMPARE(int(finished.size()), 24);

    const QVariantList bars = m_charts->throughput();
    QVERIFY(!bars.isEmpty());
    QCOMPARE(sumOf(bars), int(finished.size()));
    // Bins cover the whole run from its start.
    const qint64 width = TimeAxis::niceStep(double(m_pool.durationNs()) / bins);
    QCOMPARE(bars.size(), int(m_pool.durationNs() / width) + 1);
    for (int i = 0; i < bars.size(); ++i) {
        const QVariantMap bar = bars[i].toMap();
        QCOMPARE(bar.value("label").toString(), TimeAxis::formatDuration(i * width));
        const int inBin = int(std::count_if(finished.begin(), finished.end(),
                                            [&](qint64 t) { return (t - m_pool.startNs()) / width == i; }));
        QCOMPARE(bar.value("value").toInt(), inBin);
    }
    // A pool run has no lock waits worth a chart... unless its queue's
    // lock was contended; either way the counts agree with the lanes.
    QCOMPARE(sumOf(m_charts->lockWaits()), int(m_session->lockWaitDurations().size()));
}

void TestChartData::emptyWithoutData()
{
    // No session.
    ChartData alone;
    QVERIFY(alone.lockWaits().isEmpty());
    QVERIFY(alone.throughput().isEmpty());
    QVERIFY(alone.session() == nullptr);

    // An empty session.
    QVERIFY(m_charts->lockWaits().isEmpty());
    QVERIFY(m_charts->throughput().isEmpty());

    // A run without a pool has no throughput; the contention run has waits.
    m_session->load(m_contention);
    QVERIFY(m_charts->throughput().isEmpty());
    QVERIFY(!m_charts->lockWaits().isEmpty());

    // The session going away leaves the charts empty, not dangling.
    m_lanesTester.reset();
    m_session.reset();
    QVERIFY(m_charts->session() == nullptr);
    QVERIFY(m_charts->lockWaits().isEmpty());
    QVERIFY(m_charts->throughput().isEmpty());
}

void TestChartData::binsAreClamped_data()
{
    QTest::addColumn<int>("requested");
    QTest::addColumn<int>("expected");
    QTest::newRow("0") << 0 << 1;
    QTest::newRow("negative") << -5 << 1;
    QTest::newRow("1") << 1 << 1;
    QTest::newRow("42") << 42 << 42;
    QTest::newRow("200") << 200 << 200;
    QTest::newRow("too many") << 1000 << 200;
}

void TestChartData::binsAreClamped()
{
    QFETCH(int, requested);
    QFETCH(int, expected);
    QCOMPARE(m_charts->bins(), 10);
    QSignalSpy changed(m_charts.get(), &ChartData::changed);
    m_charts->setBins(requested);
    QCOMPARE(m_charts->bins(), expected);
    QCOMPARE(changed.size(), expected == 10 ? 0 : 1);
    m_charts->setBins(requested);
    QCOMPARE(changed.size(), expected == 10 ? 0 : 1);
    QVERIFY(m_charts->setProperty("bins", 10));
    QCOMPARE(m_charts->bins(), 10);
}

void TestChartData::changedFollowsTheSession()
{
    QSignalSpy changed(m_charts.get(), &ChartData::changed);
    m_session->load(m_contention);
    QCOMPARE(changed.size(), 1);
    m_session->clear();
    QCOMPARE(changed.size(), 2);
    QVERIFY(m_charts->lockWaits().isEmpty());

    // Another session: changed now, and the old one is no longer followed.
    TraceSession other;
    m_charts->setSession(&other);
    QCOMPARE(changed.size(), 3);
    QCOMPARE(m_charts->session(), &other);
    m_session->load(m_contention);
    QCOMPARE(changed.size(), 3);
    other.load(m_pool);
    QCOMPARE(changed.size(), 4);
    QCOMPARE(sumOf(m_charts->throughput()), 24);
    m_charts->setSession(&other);
    QCOMPARE(changed.size(), 4);
}

QTEST_MAIN(TestChartData)
#include "tst_chartdata.moc"
