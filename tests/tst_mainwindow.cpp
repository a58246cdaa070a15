// The real main window, offscreen: pick race-condition, run it, and see one
// timeline lane per thread, the metrics and the legend.

#include "uitestsupport.h"

#include "lanemodel.h"
#include "statestyle.h"
#include "timelinelane.h"
#include "tracesession.h"

#include "scenarios/registry.h"
#include "trace/replay.h"

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
    void everyScenarioHasAScene_data();
    void everyScenarioHasAScene();
    void processSceneShowsTheTreeAndThePipe();

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

void TestMainWindow::everyScenarioHasAScene_data()
{
    QTest::addColumn<QString>("id");
    for (const QString &id : ScenarioRegistry::instance().ids())
        QTest::newRow(qPrintable(id)) << id;
}

// The scene a scenario names is one Scenes.qml knows, and it loads.
void TestMainWindow::everyScenarioHasAScene()
{
    QFETCH(QString, id);
    RunController &c = *m_main->controller;
    c.setScenarioId(id);
    QVERIFY(!c.scene().isEmpty());
    QQuickItem *sceneArea = findItemNamed(m_main->window->contentItem(), QStringLiteral("sceneArea"));
    QVERIFY(sceneArea);
    const auto loaded = [&] {
        return !findItems(sceneArea, [](QQuickItem *i) {
                    return QByteArray(i->metaObject()->className()).startsWith("QQuickLoader")
                        && qvariant_cast<QObject *>(i->property("item")) != nullptr;
                }).isEmpty();
    };
    QTRY_VERIFY2(loaded(), qPrintable(QStringLiteral("scene \"%1\" did not load").arg(c.scene())));
}

// The process scene after a Pipe run: a card per process with its real
// PID, and the messages in flight at the cursor in the pipe.
void TestMainWindow::processSceneShowsTheTreeAndThePipe()
{
    RunController &c = *m_main->controller;
    c.setScenarioId(QStringLiteral("pipe"));
    QCOMPARE(c.scene(), QStringLiteral("process"));
    QVERIFY(setParameter(c, QStringLiteral("messages"), 4));
    QVERIFY(setParameter(c, QStringLiteral("parent_ms"), 20));
    QSignalSpy finished(&c, &RunController::finished);
    QVERIFY(c.run());
    QVERIFY(finished.wait(30000) || finished.size() == 1);
    QVERIFY2(c.error().isEmpty(), qPrintable(c.error()));

    // A moment with messages in flight: right after a put, before its get.
    const Trace &trace = c.session()->trace();
    ObjectId pipe = 0;
    for (const ObjectInfo &o : trace.objects()) {
        if (o.name == QLatin1String("Pipe"))
            pipe = o.id;
    }
    QVERIFY(pipe != 0);
    TraceReplay replay(trace);
    qint64 cursor = 0;
    QList<qint64> inFlight;
    for (const TraceEvent &e : trace.events()) {
        if (e.kind != EventKind::Put || e.object != pipe)
            continue;
        const SceneSnapshot snap = replay.at(e.ts);
        if (snap.object(pipe) && snap.object(pipe)->items.size() >= 2) {
            cursor = e.ts;
            inFlight = snap.object(pipe)->items;
            break;
        }
    }
    QVERIFY2(cursor != 0, "the parent takes 20 ms per message: messages must queue in the pipe");
    qint64 childPid = 0;
    for (const ActorInfo &a : trace.actors()) {
        if (a.kind == ActorKind::Process && a.name == QLatin1String("Child"))
            childPid = a.osId;
    }
    QVERIFY(childPid > 0);

    QObject *replayClock = qvariant_cast<QObject *>(m_main->window->property("replay"));
    QVERIFY(QMetaObject::invokeMethod(replayClock, "seek", Q_ARG(QVariant, QVariant(double(cursor)))));
    auto *scene = qvariant_cast<QObject *>(m_main->window->property("sceneModel"));
    const int applied = int(std::upper_bound(trace.events().begin(), trace.events().end(), cursor,
                                             [](qint64 t, const TraceEvent &e) { return t < e.ts; })
                            - trace.events().begin());
    QTRY_COMPARE(scene->property("eventsApplied").toInt(), applied);

    QQuickItem *sceneArea = findItemNamed(m_main->window->contentItem(), QStringLiteral("sceneArea"));
    QVERIFY(sceneArea);
    const auto shownCards = [&] {
        int n = 0;
        for (QQuickItem *card : findItemsOfQmlType(sceneArea, QStringLiteral("ProcessCard")))
            n += isShown(card) ? 1 : 0;
        return n;
    };
    QTRY_COMPARE(shownCards(), 2);
    QTRY_VERIFY(!findTexts(sceneArea, QStringLiteral("pid %1").arg(childPid)).isEmpty());
    // One chip per message in flight, numbered as the trace numbers them.
    const auto chips = [&] {
        QList<qint64> numbers;
        for (QQuickItem *chip : findItems(sceneArea, [](QQuickItem *i) {
                 return i->property("kind").toString() == QLatin1String("message") && isShown(i);
             }))
            numbers << chip->property("label").toString().toLongLong();
        std::sort(numbers.begin(), numbers.end());
        return numbers;
    };
    QTRY_COMPARE(chips(), inFlight);
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
