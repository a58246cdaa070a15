// The real main window, offscreen: pick race-condition, run it, and see one
// timeline lane per thread, the metrics and the legend.

#include "uitestsupport.h"

#include "lanemodel.h"
#include "statestyle.h"
#include "timelinelane.h"
#include "tracesession.h"

#include <QSignalSpy>
#include <QtQml/qqmlextensionplugin.h>
#include <QtTest>

Q_IMPORT_QML_PLUGIN(ConcurrencyLabPlugin)

using namespace clab;
using namespace clab::test;

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void loadsHeadless();
    void raceConditionGetsALanePerThread_data();
    void raceConditionGetsALanePerThread();
    void spaceRunsTheChosenScenario();
    void metricsPaneShowsLostUpdates();
    void legendListsTheFiveStates();

private:
    // Chooses race-condition with `threads`, runs it and waits for the end.
    void runRace(int threads);
    QStringList threadRows() const;
    QList<TimelineLane *> paintedLanes() const;

    std::unique_ptr<MainWindow> m_main;
};

void TestMainWindow::initTestCase()
{
    prepareUiTest();
}

void TestMainWindow::init()
{
    m_main = std::make_unique<MainWindow>();
    QVERIFY(m_main->load());
}

void TestMainWindow::cleanup()
{
    m_main.reset();
}

void TestMainWindow::runRace(int threads)
{
    RunController &c = *m_main->controller;
    // Choose another scenario first, so picking race-condition is a change.
    c.setScenarioId(QStringLiteral("thread-pool"));
    QCOMPARE(c.scene(), QStringLiteral("pool"));
    c.setScenarioId(QStringLiteral("race-condition"));
    QCOMPARE(c.scenarioId(), QStringLiteral("race-condition"));
    QVERIFY(setParameter(c, QStringLiteral("threads"), threads));
    QVERIFY(setParameter(c, QStringLiteral("iterations"), 3000));

    QSignalSpy finished(&c, &RunController::finished);
    QVERIFY(c.run());
    QVERIFY(finished.wait(20000) || finished.size() == 1);
    QVERIFY(!c.running());
    QVERIFY(c.hasResult());
}

QStringList TestMainWindow::threadRows() const
{
    QStringList names;
    const LaneModel *lanes = m_main->controller->session()->lanes();
    for (int row = 0; row < lanes->rowCount(); ++row) {
        if (lanes->index(row).data(LaneModel::KindRole).toString() == QLatin1String("thread"))
            names << lanes->index(row).data(LaneModel::NameRole).toString();
    }
    return names;
}

QList<TimelineLane *> TestMainWindow::paintedLanes() const
{
    QList<TimelineLane *> out;
    for (TimelineLane *lane : findItemsOfType<TimelineLane>(m_main->window->contentItem())) {
        if (lane->isVisible() && lane->rectCount() > 0)
            out << lane;
    }
    return out;
}

void TestMainWindow::loadsHeadless()
{
    QQuickWindow *w = m_main->window;
    QCOMPARE(w->property("headless").toBool(), true);
    QVERIFY(w->isExposed());
    RunController &c = *m_main->controller;
    QVERIFY(!c.running());
    // Its parts are reachable for the exporter and the tests.
    QVERIFY(qvariant_cast<QObject *>(w->property("replay")));
    QVERIFY(qvariant_cast<QObject *>(w->property("viewport")));
    QVERIFY(qvariant_cast<QObject *>(w->property("sceneModel")));
    QVERIFY(findItemNamed(w->contentItem(), QStringLiteral("timelineArea")));
    QVERIFY(findItemNamed(w->contentItem(), QStringLiteral("sceneArea")));
    // Nothing has run: no lanes are drawn.
    QCOMPARE(c.session()->eventCount(), 0);
    QVERIFY(paintedLanes().isEmpty());
}

void TestMainWindow::raceConditionGetsALanePerThread_data()
{
    QTest::addColumn<int>("threads");
    QTest::newRow("2 threads") << 2;
    QTest::newRow("5 threads") << 5;
}

void TestMainWindow::raceConditionGetsALanePerThread()
{
    QFETCH(int, threads);
    runRace(threads);
    if (QTest::currentTestFailed())
        return;

    QStringList expected{QStringLiteral("MainThread")};
    for (int i = 1; i <= threads; ++i)
        expected << QStringLiteral("Thread-%1").arg(i);
    QCOMPARE(threadRows(), expected);

    // One drawn lane per thread, each for one of those threads.
    QTRY_COMPARE(paintedLanes().size(), threads + 1);
    QSet<int> actors;
    const LaneModel *model = m_main->controller->session()->lanes();
    for (TimelineLane *lane : paintedLanes()) {
        const int row = model->rowOfActor(lane->actorId());
        QVERIFY(row >= 0);
        QCOMPARE(model->index(row).data(LaneModel::KindRole).toString(), QStringLiteral("thread"));
        actors.insert(lane->actorId());
        QVERIFY(lane->width() > 100);
        QVERIFY(lane->height() > 4);
        // Its name is shown beside it.
        QVERIFY(!findTexts(m_main->window->contentItem(), model->index(row).data(LaneModel::NameRole).toString())
                     .isEmpty());
    }
    QCOMPARE(actors.size(), threads + 1);
}

void TestMainWindow::spaceRunsTheChosenScenario()
{
    RunController &c = *m_main->controller;
    c.setScenarioId(QStringLiteral("race-condition"));
    QVERIFY(setParameter(c, QStringLiteral("threads"), 3));
    QVERIFY(setParameter(c, QStringLiteral("iterations"), 2000));
    c.reset();
    QVERIFY(!c.hasResult());

    m_main->window->requestActivate();
    QVERIFY(QTest::qWaitForWindowActive(m_main->window));
    QSignalSpy started(&c, &RunController::started);
    QSignalSpy finished(&c, &RunController::finished);
    QTest::keyClick(m_main->window, Qt::Key_Space);
    QCOMPARE(started.size(), 1);
    QVERIFY(finished.wait(20000) || finished.size() == 1);
    QCOMPARE(threadRows().size(), 4);
    QTRY_COMPARE(paintedLanes().size(), 4);
}

void TestMainWindow::metricsPaneShowsLostUpdates()
{
    runRace(4);
    if (QTest::currentTestFailed())
        return;
    const QVariantMap metrics = m_main->controller->metrics();
    QVERIFY(metrics.contains(QStringLiteral("lost_updates")));
    QQuickItem *root = m_main->window->contentItem();
    // The scenario's own figures are listed by name.
    for (const char *name : {"lost_updates", "expected", "final"})
        QTRY_VERIFY2(!findTexts(root, QString::fromLatin1(name)).isEmpty(), name);

    // Picking another scenario clears them.
    m_main->controller->setScenarioId(QStringLiteral("thread-pool"));
    QTRY_VERIFY(findTexts(root, QStringLiteral("lost_updates")).isEmpty());
}

void TestMainWindow::legendListsTheFiveStates()
{
    const QList<QQuickItem *> legends = findItemsOfQmlType(m_main->window->contentItem(), QStringLiteral("Legend"));
    QCOMPARE(legends.size(), 1);
    QQuickItem *legend = legends.first();
    QVERIFY(isShown(legend));

    const QList<ActorState> five{ActorState::Running, ActorState::WaitingLock, ActorState::WaitingSignal,
                                 ActorState::Sleeping, ActorState::Finished};
    for (const ActorState s : five) {
        const QList<QQuickItem *> labels = findTexts(legend, stateLabel(s));
        QVERIFY2(labels.size() == 1, qPrintable(stateLabel(s)));
    }
    // Each with a swatch of its state.
    QSet<int> swatches;
    for (QQuickItem *swatch : findItemsOfQmlType(legend, QStringLiteral("StateSwatch"))) {
        if (swatch->isVisible())
            swatches.insert(swatch->property("state").toInt());
    }
    for (const ActorState s : five)
        QVERIFY2(swatches.contains(int(s)), qPrintable(stateLabel(s)));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
