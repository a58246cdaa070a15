// A picture of the window after a lock-contention run, with the cursor in
// the middle of it, checked pixel by pixel: the lanes show running and
// waiting-for-a-lock in their exact colours, the legend has those swatches,
// and the lock scene shows the gate with its holder and its queue.

#include "uitestsupport.h"

#include "statestyle.h"
#include "timelinelane.h"
#include "tracesession.h"

#include "trace/replay.h"

#include <QQmlProperty>
#include <QSignalSpy>
#include <QtQml/qqmlextensionplugin.h>
#include <QtTest>

Q_IMPORT_QML_PLUGIN(ConcurrencyLabPlugin)

using namespace clab;
using namespace clab::test;

namespace {

QString rgbName(QRgb rgb)
{
    return QColor(rgb).name();
}

// The colours most used in `rect`, for failure messages.
QString commonColours(const QImage &image, const QRect &rect)
{
    QHash<QRgb, int> counts;
    const QImage img = image.convertToFormat(QImage::Format_RGB32);
    for (int y = rect.top(); y <= rect.bottom(); ++y) {
        for (int x = rect.left(); x <= rect.right(); ++x)
            ++counts[img.pixel(x, y) & 0xFFFFFF];
    }
    QList<QPair<int, QRgb>> sorted;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        sorted.append({it.value(), it.key()});
    std::sort(sorted.begin(), sorted.end(), [](const auto &a, const auto &b) { return a.first > b.first; });
    QStringList out;
    for (int i = 0; i < std::min<qsizetype>(8, sorted.size()); ++i)
        out << QStringLiteral("%1 x%2").arg(rgbName(sorted[i].second)).arg(sorted[i].first);
    return out.join(QStringLiteral(", "));
}

} // namespace

class TestScreenshot : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void lanesShowRunningAndWaitingColours();
    void legendHasTheSwatches();
    void lockSceneShowsTheGate();
    void statePaletteMatchesTheLanes_data();
    void statePaletteMatchesTheLanes();

private:
    QImage grab() const { return m_main->window->grabWindow(); }
    QList<TimelineLane *> paintedLanes() const
    {
        QList<TimelineLane *> out;
        for (TimelineLane *l : findItemsOfType<TimelineLane>(m_main->window->contentItem())) {
            if (l->isVisible() && l->rectCount() > 0)
                out << l;
        }
        return out;
    }

    std::unique_ptr<MainWindow> m_main;
    ObjectId m_lock = 0;
    qint64 m_cursorNs = 0;
    QRgb m_running = 0;
    QRgb m_waitingLock = 0;
};

void TestScreenshot::initTestCase()
{
    prepareUiTest();
    m_main = std::make_unique<MainWindow>();
    QVERIFY(m_main->load(QSize(1600, 1000)));
    m_running = styleFor(ActorState::Running, false).color.rgb();
    m_waitingLock = styleFor(ActorState::WaitingLock, false).color.rgb();

    RunController &c = *m_main->controller;
    c.setScenarioId(QStringLiteral("lock-contention"));
    QVERIFY(setParameter(c, QStringLiteral("threads"), 4));
    QVERIFY(setParameter(c, QStringLiteral("iterations"), 16));
    QVERIFY(setParameter(c, QStringLiteral("critical_us"), 1500));
    QVERIFY(setParameter(c, QStringLiteral("outside_us"), 300));
    QSignalSpy finished(&c, &RunController::finished);
    QVERIFY(c.run());
    QVERIFY(finished.wait(30000) || finished.size() == 1);
    QVERIFY(!c.cancelled());

    // The cursor in the middle of the run, at a moment the lock is held and
    // someone queues for it (4 threads, 1.5 ms in, 0.3 ms out: most moments).
    const Trace &trace = c.session()->trace();
    for (const ObjectInfo &o : trace.objects()) {
        if (o.name == QLatin1String("shared_lock"))
            m_lock = o.id;
    }
    QVERIFY(m_lock != 0);
    TraceReplay replay(trace);
    const qint64 mid = trace.startNs() + trace.durationNs() / 2;
    for (const TraceEvent &e : trace.events()) {
        if (e.ts < mid || e.kind != EventKind::Acquired || e.object != m_lock)
            continue;
        const qint64 at = e.ts + 200000; // 0.2 ms into the critical section
        const SceneSnapshot snap = replay.at(at);
        const ObjectSnapshot *lock = snap.object(m_lock);
        if (lock && lock->owner == e.actor && !lock->waiters.isEmpty()) {
            m_cursorNs = at;
            break;
        }
    }
    QVERIFY2(m_cursorNs != 0, "no moment after the middle with the lock held and a queue");
    QVERIFY(m_cursorNs < trace.endNs() - trace.durationNs() / 10);

    QObject *replayClock = qvariant_cast<QObject *>(m_main->window->property("replay"));
    QVERIFY(replayClock);
    QVERIFY(QMetaObject::invokeMethod(replayClock, "seek", Q_ARG(QVariant, QVariant(double(m_cursorNs)))));
    QCOMPARE(qint64(QQmlProperty::read(replayClock, QStringLiteral("cursorNs")).toDouble()), m_cursorNs);
    auto *scene = qvariant_cast<QObject *>(m_main->window->property("sceneModel"));
    QVERIFY(scene);
    QTRY_COMPARE(qint64(scene->property("cursorNs").toDouble()), m_cursorNs);
    // The scenes show that moment once the (throttled) snapshot is rebuilt.
    const int applied = int(std::upper_bound(trace.events().begin(), trace.events().end(), m_cursorNs,
                                             [](qint64 t, const TraceEvent &e) { return t < e.ts; })
                            - trace.events().begin());
    QTRY_COMPARE(scene->property("eventsApplied").toInt(), applied);
}

void TestScreenshot::cleanupTestCase()
{
    m_main.reset();
}

void TestScreenshot::lanesShowRunningAndWaitingColours()
{
    // MainThread and the four workers each have a drawn lane.
    QTRY_COMPARE_WITH_TIMEOUT(paintedLanes().size(), 5, 5000);

    // Grab until the lanes are drawn (the first frames may predate the fit);
    // lanes are found afresh each time, as a delegate may be remade.
    int running = 0;
    int waiting = 0;
    QString seen;
    const auto lanesDrawn = [&] {
        const QList<TimelineLane *> lanes = paintedLanes();
        if (lanes.isEmpty())
            return false;
        const QImage image = grab();
        running = 0;
        waiting = 0;
        for (TimelineLane *lane : lanes) {
            const QRect r = imageRect(lane, image);
            running += countPixels(image, r, m_running);
            waiting += countPixels(image, r, m_waitingLock);
        }
        seen = commonColours(image, imageRect(lanes.first(), image));
        return running > 200 && waiting > 200;
    };
    QTRY_VERIFY2_WITH_TIMEOUT(lanesDrawn(),
                              qPrintable(QStringLiteral("running %1 px, waiting %2 px; a lane: %3")
                                             .arg(running)
                                             .arg(waiting)
                                             .arg(seen)),
                              5000);

    // The workers' lanes show both: they all ran and they all queued.
    const QImage image = grab();
    int lanesWithBoth = 0;
    for (TimelineLane *lane : paintedLanes()) {
        const QRect r = imageRect(lane, image);
        QVERIFY(!r.isEmpty());
        if (countPixels(image, r, m_running) > 0 && countPixels(image, r, m_waitingLock) > 0)
            ++lanesWithBoth;
    }
    QVERIFY2(lanesWithBoth >= 3, qPrintable(QString::number(lanesWithBoth)));
}

void TestScreenshot::legendHasTheSwatches()
{
    const QList<QQuickItem *> legends = findItemsOfQmlType(m_main->window->contentItem(), QStringLiteral("Legend"));
    QCOMPARE(legends.size(), 1);
    QQuickItem *legend = legends.first();
    QVERIFY(isShown(legend));
    const QImage image = grab();
    const QRect r = imageRect(legend, image);
    QVERIFY(!r.isEmpty());
    for (const ActorState s : {ActorState::Running, ActorState::WaitingLock, ActorState::WaitingSignal,
                               ActorState::Sleeping, ActorState::Finished}) {
        const QRgb colour = styleFor(s, false).color.rgb();
        const int n = countPixels(image, r, colour);
        // A swatch is tens of pixels, not a stray one.
        QVERIFY2(n >= 20, qPrintable(QStringLiteral("%1 (%2): %3 px; legend has %4")
                                         .arg(stateLabel(s), rgbName(colour))
                                         .arg(n)
                                         .arg(commonColours(image, r))));
    }
}

void TestScreenshot::lockSceneShowsTheGate()
{
    const Trace &trace = m_main->controller->session()->trace();
    const SceneSnapshot snap = TraceReplay(trace).at(m_cursorNs);
    const ObjectSnapshot *lock = snap.object(m_lock);
    QVERIFY(lock && lock->owner != 0 && !lock->waiters.isEmpty());

    // The scene's items are remade whenever its snapshot changes, so each
    // attempt finds them afresh, grabs and checks without returning to the
    // event loop in between.
    QString failure;
    const auto gateShown = [&] {
        QQuickItem *sceneArea = findItemNamed(m_main->window->contentItem(), QStringLiteral("sceneArea"));
        if (!sceneArea) {
            failure = QStringLiteral("no sceneArea");
            return false;
        }
        // The gate names the lock.
        const bool named = !findItems(sceneArea, [](QQuickItem *i) {
                                return i->isVisible() && i->metaObject()->indexOfProperty("font") >= 0
                                    && i->property("text").toString().contains(QLatin1String("shared_lock"));
                            }).isEmpty();
        if (!named) {
            failure = QStringLiteral("the scene does not name shared_lock");
            return false;
        }
        // The gate: a bordered shape outlined in the running colour while
        // the lock is held.
        const QList<QQuickItem *> gates = findItems(sceneArea, [&](QQuickItem *i) {
            auto *border = qvariant_cast<QObject *>(i->property("border"));
            return isShown(i) && border && border->property("width").toDouble() >= 2
                && border->property("color").value<QColor>().rgb() == m_running;
        });
        if (gates.isEmpty()) {
            failure = QStringLiteral("no gate outlined in the running colour");
            return false;
        }
        const QImage image = grab();
        const QRect scene = imageRect(sceneArea, image);
        const QRect g = imageRect(gates.first(), image);
        if (g.width() <= 20 || g.height() <= 20) {
            failure = QStringLiteral("the gate is %1x%2 px").arg(g.width()).arg(g.height());
            return false;
        }
        // Its outline: the middle of each side is the running colour (a
        // rounded rectangle's straight parts are exact).
        const QPoint sides[] = {{g.left() + 1, g.center().y()}, {g.right() - 1, g.center().y()},
                                {g.center().x(), g.top() + 1}, {g.center().x(), g.bottom() - 1}};
        for (const QPoint p : sides) {
            if ((image.pixel(p) & 0xFFFFFF) != (m_running & 0xFFFFFF)) {
                failure = QStringLiteral("gate outline at (%1,%2) is %3").arg(p.x()).arg(p.y()).arg(rgbName(image.pixel(p)));
                return false;
            }
        }
        // The holder inside is drawn in the running colour, the queue
        // outside in the waiting-for-a-lock colour (tokens animate their
        // colour briefly, hence the retries).
        const int runningInGate = countPixels(image, g, m_running);
        const int waitingInGate = countPixels(image, g, m_waitingLock);
        const int waitingInScene = countPixels(image, scene, m_waitingLock);
        failure = QStringLiteral("running in the gate %1 px, waiting in the scene %2 px (%3 in the gate); scene: %4")
                      .arg(runningInGate)
                      .arg(waitingInScene)
                      .arg(waitingInGate)
                      .arg(commonColours(image, scene));
        return runningInGate > 1000 && waitingInScene - waitingInGate > 300;
    };
    QTRY_VERIFY2_WITH_TIMEOUT(gateShown(), qPrintable(failure), 5000);
}

void TestScreenshot::statePaletteMatchesTheLanes_data()
{
    QTest::addColumn<int>("state");
    for (int s = 0; s < kActorStateCount; ++s)
        QTest::newRow(qPrintable(stateId(ActorState(s)))) << s;
}

void TestScreenshot::statePaletteMatchesTheLanes()
{
    // The legend and the scenes take their colours from StatePalette; the
    // lanes from styleFor: they are the same colours.
    QFETCH(int, state);
    QObject *palette = m_main->engine->singletonInstance<QObject *>(qmlTypeId("ConcurrencyLab", 1, 0, "StatePalette"));
    QVERIFY(palette);
    QCOMPARE(palette->property("dark").toBool(), false);
    QColor colour;
    QVERIFY(QMetaObject::invokeMethod(palette, "color", Q_RETURN_ARG(QColor, colour), Q_ARG(int, state)));
    QCOMPARE(colour, styleFor(ActorState(state), false).color);
}

QTEST_MAIN(TestScreenshot)
#include "tst_screenshot.moc"
