// buildLaneRects: what one timeline lane draws at a zoom: shaped bars for
// intervals wider than a pixel, one merged column per pixel for narrower
// ones, highlight markers and acquire/release ticks.

#include "lanegeometry.h"
#include "statestyle.h"

#include <QtTest>
#include <algorithm>
#include <cmath>
#include <map>

using namespace clab;

Q_DECLARE_METATYPE(clab::ActorState)

namespace {

constexpr double kLaneHeight = 24;

TimeAxis axis(qint64 originNs, double nsPerPixel)
{
    TimeAxis a;
    a.originNs = originNs;
    a.nsPerPixel = nsPerPixel;
    return a;
}

LaneStyle style(double width, bool dark = false, ObjectId highlight = 0)
{
    LaneStyle s;
    s.width = width;
    s.height = kLaneHeight;
    s.dark = dark;
    s.highlight = highlight;
    return s;
}

StateInterval interval(ActorState state, qint64 startNs, qint64 endNs, ObjectId object = 0)
{
    StateInterval s;
    s.actor = 1;
    s.state = state;
    s.startNs = startNs;
    s.endNs = endNs;
    s.object = object;
    return s;
}

std::vector<LaneRect> withColor(const std::vector<LaneRect> &rects, const QColor &color)
{
    std::vector<LaneRect> out;
    std::copy_if(rects.begin(), rects.end(), std::back_inserter(out),
                 [&](const LaneRect &r) { return r.color == color; });
    return out;
}

// The horizontal extent covered by `rects`.
QPair<double, double> span(const std::vector<LaneRect> &rects)
{
    double left = std::numeric_limits<double>::max();
    double right = std::numeric_limits<double>::lowest();
    for (const LaneRect &r : rects) {
        left = std::min(left, r.rect.left());
        right = std::max(right, r.rect.right());
    }
    return {left, right};
}

bool isStateColor(const QColor &c, bool dark)
{
    for (int s = 0; s < kActorStateCount; ++s) {
        if (styleFor(ActorState(s), dark).color == c)
            return true;
    }
    return false;
}

QString describe(const std::vector<LaneRect> &rects)
{
    QStringList parts;
    for (const LaneRect &r : rects) {
        parts << QStringLiteral("[%1..%2 y%3 h%4 %5]")
                     .arg(r.rect.left())
                     .arg(r.rect.right())
                     .arg(r.rect.top())
                     .arg(r.rect.height())
                     .arg(r.color.name());
        if (parts.size() > 20)
            break;
    }
    return parts.join(QLatin1Char(' '));
}

} // namespace

class TestLaneGeometry : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void wideIntervalIsAShapedBarInItsStateColour_data();
    void wideIntervalIsAShapedBarInItsStateColour();
    void statesAreToldApartByShape();
    void narrowIntervalsShowTheDominantStatePerPixel_data();
    void narrowIntervalsShowTheDominantStatePerPixel();
    void aHundredThousandNarrowIntervalsGiveAtMostAColumnPerPixel();
    void onlyVisibleIntervalsAreEmitted_data();
    void onlyVisibleIntervalsAreEmitted();
    void emptyLaneSize();
    void highlightMarksWaitsOnTheHighlightedObject_data();
    void highlightMarksWaitsOnTheHighlightedObject();
    void acquireAndReleaseTicks_data();
    void acquireAndReleaseTicks();
};

void TestLaneGeometry::wideIntervalIsAShapedBarInItsStateColour_data()
{
    QTest::addColumn<ActorState>("state");
    QTest::addColumn<bool>("dark");

    for (const bool dark : {false, true}) {
        for (int s = 0; s < kActorStateCount; ++s) {
            const ActorState state = ActorState(s);
            QTest::addRow("%s%s", qPrintable(stateId(state)), dark ? " dark" : "") << state << dark;
        }
    }
}

void TestLaneGeometry::wideIntervalIsAShapedBarInItsStateColour()
{
    QFETCH(ActorState, state);
    QFETCH(bool, dark);

    // 1 µs per pixel; the interval is 50 px wide, from x = 10 to x = 60.
    const std::vector<StateInterval> intervals{interval(state, 10000, 60000)};
    const std::vector<LaneRect> rects = buildLaneRects(intervals, {}, axis(0, 1000), style(400, dark));
    QVERIFY(!rects.empty());

    const StateStyle s = styleFor(state, dark);
    const std::vector<LaneRect> main = withColor(rects, s.color);
    QVERIFY2(!main.empty(), qPrintable(describe(rects)));
    const auto [left, right] = span(main);
    QCOMPARE(left, 10.0);
    QCOMPARE(right, 60.0);
    for (const LaneRect &r : rects) {
        // Everything drawn lies on the interval and inside the lane, in
        // the state's colour or its accent.
        QVERIFY2(r.rect.left() >= 10.0 - 1e-9 && r.rect.right() <= 60.0 + 1e-9, qPrintable(describe(rects)));
        QVERIFY2(r.rect.top() >= 0 && r.rect.bottom() <= kLaneHeight, qPrintable(describe(rects)));
        QVERIFY(r.rect.width() > 0 && r.rect.height() > 0);
        QVERIFY2(r.color == s.color || r.color == s.accent, qPrintable(describe(rects)));
    }
    // Not a column per pixel: a bar is a handful of rectangles.
    QVERIFY2(rects.size() < 50, qPrintable(describe(rects)));
}

void TestLaneGeometry::statesAreToldApartByShape()
{
    // Without colour, the drawings of two states still differ (the
    // geometry, colours aside).
    QList<QList<QRectF>> shapes;
    for (int s = 0; s < kActorStateCount; ++s) {
        const std::vector<LaneRect> rects = buildLaneRects({interval(ActorState(s), 10000, 60000)}, {}, axis(0, 1000),
                                                           style(400));
        QList<QRectF> shape;
        for (const LaneRect &r : rects)
            shape << r.rect;
        QVERIFY2(!shapes.contains(shape), qPrintable(stateId(ActorState(s))));
        shapes << shape;
    }
}

void TestLaneGeometry::narrowIntervalsShowTheDominantStatePerPixel_data()
{
    QTest::addColumn<ActorState>("first");
    QTest::addColumn<int>("firstShareNs"); // of each 1000 ns pixel
    QTest::addColumn<ActorState>("second");
    QTest::addColumn<ActorState>("expected");

    QTest::newRow("mostly running") << ActorState::Running << 800 << ActorState::Sleeping << ActorState::Running;
    QTest::newRow("mostly waiting for a lock") << ActorState::Running << 200 << ActorState::WaitingLock
                                               << ActorState::WaitingLock;
    QTest::newRow("mostly sleeping") << ActorState::WaitingSignal << 150 << ActorState::Sleeping
                                     << ActorState::Sleeping;
    QTest::newRow("mostly finished") << ActorState::Finished << 900 << ActorState::Running << ActorState::Finished;
    QTest::newRow("mostly running after a wait") << ActorState::WaitingLock << 100 << ActorState::Running
                                                 << ActorState::Running;
    // About equal: the wait is what a learner looks for.
    QTest::newRow("half running, half waiting") << ActorState::Running << 500 << ActorState::WaitingLock
                                                << ActorState::WaitingLock;
    QTest::newRow("half waiting, half running") << ActorState::WaitingSignal << 500 << ActorState::Running
                                                << ActorState::WaitingSignal;
}

void TestLaneGeometry::narrowIntervalsShowTheDominantStatePerPixel()
{
    QFETCH(ActorState, first);
    QFETCH(int, firstShareNs);
    QFETCH(ActorState, second);
    QFETCH(ActorState, expected);

    // 200 pixels of 1000 ns, each split between two sub-pixel intervals.
    const int pixels = 200;
    std::vector<StateInterval> intervals;
    for (int p = 0; p < pixels; ++p) {
        const qint64 t = qint64(p) * 1000;
        intervals.push_back(interval(first, t, t + firstShareNs));
        intervals.push_back(interval(second, t + firstShareNs, t + 1000));
    }
    const std::vector<LaneRect> rects = buildLaneRects(intervals, {}, axis(0, 1000), style(300));
    QVERIFY(!rects.empty());
    const QColor want = styleFor(expected, false).color;
    for (const LaneRect &r : rects)
        QVERIFY2(r.color == want, qPrintable(QStringLiteral("expected %1: %2").arg(want.name(), describe(rects))));
    // Every covered pixel is drawn, none twice, and nothing beyond the
    // intervals.
    std::vector<int> cover(size_t(pixels + 2), 0);
    for (const LaneRect &r : rects) {
        for (int c = int(std::floor(r.rect.left())); c < int(std::ceil(r.rect.right())); ++c) {
            QVERIFY2(c >= 0 && c < pixels, qPrintable(describe(rects)));
            ++cover[size_t(c)];
        }
    }
    for (int c = 0; c < pixels; ++c)
        QVERIFY2(cover[size_t(c)] == 1, qPrintable(QStringLiteral("column %1 drawn %2 times").arg(c).arg(cover[size_t(c)])));
    // One state throughout: the columns are merged into few rectangles.
    QVERIFY2(rects.size() <= 2, qPrintable(describe(rects)));
}

void TestLaneGeometry::aHundredThousandNarrowIntervalsGiveAtMostAColumnPerPixel()
{
    // 100000 intervals of 7..13 ns in a varying mix of states, shown whole
    // across 800 px: about 125 intervals per pixel.
    const int count = 100000;
    const double width = 800;
    std::vector<StateInterval> intervals;
    intervals.reserve(count);
    qint64 t = 1000000000;
    const qint64 start = t;
    quint32 rng = 12345;
    for (int i = 0; i < count; ++i) {
        rng = rng * 1664525u + 1013904223u;
        const qint64 length = 7 + qint64((rng >> 24) % 7);
        // Long stretches of one state with others mixed in, so neighbouring
        // pixels differ sometimes.
        const int phase = (i / 3000) % 4;
        const ActorState state = (rng >> 8) % 5 == 0 ? ActorState::Sleeping
            : phase == 0 ? ActorState::Running
            : phase == 1 ? ActorState::WaitingLock
            : phase == 2 ? ActorState::Running
                         : ActorState::WaitingSignal;
        intervals.push_back(interval(state, t, t + length));
        t += length;
    }
    TimeAxis a;
    a.fit(start, t, width, 0.0);
    const std::vector<LaneRect> rects = buildLaneRects(intervals, {}, a, style(width));

    QVERIFY(!rects.empty());
    QVERIFY2(rects.size() <= size_t(width) + 1, qPrintable(QString::number(rects.size())));
    std::vector<int> cover(size_t(width) + 2, 0);
    for (const LaneRect &r : rects) {
        QVERIFY2(r.rect.left() >= 0 && r.rect.right() <= width + 1, qPrintable(describe({r})));
        QVERIFY(isStateColor(r.color, false));
        for (int c = int(std::floor(r.rect.left())); c < int(std::ceil(r.rect.right())); ++c)
            ++cover[size_t(c)];
    }
    int drawn = 0;
    for (size_t c = 0; c < cover.size(); ++c) {
        QVERIFY2(cover[c] <= 1, qPrintable(QStringLiteral("column %1 drawn %2 times").arg(c).arg(cover[c])));
        drawn += cover[c];
    }
    // The whole lane is drawn: no holes where the intervals are.
    QVERIFY2(drawn >= int(width) - 1, qPrintable(QString::number(drawn)));
    // The four phases show: running, waiting for a lock and waiting on a
    // signal each dominate some pixels.
    for (const ActorState s : {ActorState::Running, ActorState::WaitingLock, ActorState::WaitingSignal})
        QVERIFY2(!withColor(rects, styleFor(s, false).color).empty(), qPrintable(stateId(s)));
}

void TestLaneGeometry::onlyVisibleIntervalsAreEmitted_data()
{
    QTest::addColumn<qint64>("originNs");
    QTest::addColumn<QList<int>>("visibleStates");
    QTest::addColumn<double>("expectedLeft");
    QTest::addColumn<double>("expectedRight");

    // Intervals: running 0..100 µs, waiting for a lock 100..200 µs,
    // sleeping 200..300 µs. The view is 500 px at 0.1 µs per pixel: 50 µs.
    QTest::newRow("inside the wait") << qint64(120000) << QList<int>{int(ActorState::WaitingLock)} << 0.0 << 500.0;
    QTest::newRow("across running and the wait")
        << qint64(80000) << QList<int>{int(ActorState::Running), int(ActorState::WaitingLock)} << 0.0 << 500.0;
    QTest::newRow("end of the lane") << qint64(280000) << QList<int>{int(ActorState::Sleeping)} << 0.0 << 200.0;
    QTest::newRow("start of the lane") << qint64(-20000) << QList<int>{int(ActorState::Running)} << 200.0 << 500.0;
    QTest::newRow("before the lane") << qint64(-100000) << QList<int>{} << 0.0 << 0.0;
    QTest::newRow("after the lane") << qint64(400000) << QList<int>{} << 0.0 << 0.0;
}

void TestLaneGeometry::onlyVisibleIntervalsAreEmitted()
{
    QFETCH(qint64, originNs);
    QFETCH(QList<int>, visibleStates);
    QFETCH(double, expectedLeft);
    QFETCH(double, expectedRight);

    const std::vector<StateInterval> intervals{interval(ActorState::Running, 0, 100000),
                                               interval(ActorState::WaitingLock, 100000, 200000, 3),
                                               interval(ActorState::Sleeping, 200000, 300000)};
    const std::vector<LaneRect> rects = buildLaneRects(intervals, {}, axis(originNs, 100), style(500));
    if (visibleStates.isEmpty()) {
        QVERIFY2(rects.empty(), qPrintable(describe(rects)));
        return;
    }
    for (const LaneRect &r : rects)
        QVERIFY2(r.rect.left() >= 0 && r.rect.right() <= 500, qPrintable(describe(rects)));
    const auto [left, right] = span(rects);
    QCOMPARE(left, expectedLeft);
    QCOMPARE(right, expectedRight);
    for (int s = 0; s < kActorStateCount; ++s) {
        const bool shown = !withColor(rects, styleFor(ActorState(s), false).color).empty();
        QVERIFY2(shown == visibleStates.contains(s),
                 qPrintable(QStringLiteral("%1 shown: %2; %3").arg(stateId(ActorState(s))).arg(shown).arg(describe(rects))));
    }
}

void TestLaneGeometry::emptyLaneSize()
{
    const std::vector<StateInterval> intervals{interval(ActorState::Running, 0, 100000)};
    const std::vector<LaneMark> marks{{50000, EventKind::Acquired, 1}};
    QVERIFY(buildLaneRects(intervals, marks, axis(0, 1000), style(0)).empty());
    LaneStyle flat = style(500);
    flat.height = 0;
    QVERIFY(buildLaneRects(intervals, marks, axis(0, 1000), flat).empty());
    QVERIFY(buildLaneRects({}, {}, axis(0, 1000), style(500)).empty());
}

void TestLaneGeometry::highlightMarksWaitsOnTheHighlightedObject_data()
{
    QTest::addColumn<double>("nsPerPixel");
    QTest::addColumn<quint32>("highlight");
    QTest::addColumn<double>("expectedLeft");  // of the marker; < 0: none
    QTest::addColumn<double>("expectedRight");

    // Waits on object 7 at 20..40 µs and on object 8 at 60..80 µs.
    QTest::newRow("wide, object 7") << 1000.0 << 7u << 20.0 << 40.0;
    QTest::newRow("wide, object 8") << 1000.0 << 8u << 60.0 << 80.0;
    QTest::newRow("wide, no highlight") << 1000.0 << 0u << -1.0 << -1.0;
    QTest::newRow("wide, other object") << 1000.0 << 9u << -1.0 << -1.0;
    // 50 µs per pixel: the 20 µs wait is inside column 0.
    QTest::newRow("narrow, object 7") << 50000.0 << 7u << 0.0 << 1.0;
    QTest::newRow("narrow, object 8") << 50000.0 << 8u << 1.0 << 2.0;
    QTest::newRow("narrow, no highlight") << 50000.0 << 0u << -1.0 << -1.0;
}

void TestLaneGeometry::highlightMarksWaitsOnTheHighlightedObject()
{
    QFETCH(double, nsPerPixel);
    QFETCH(quint32, highlight);
    QFETCH(double, expectedLeft);
    QFETCH(double, expectedRight);

    const std::vector<StateInterval> intervals{
        interval(ActorState::Running, 0, 20000),
        interval(ActorState::WaitingLock, 20000, 40000, 7),
        interval(ActorState::Running, 40000, 60000),
        interval(ActorState::WaitingLock, 60000, 80000, 8),
        interval(ActorState::Running, 80000, 100000),
    };
    const LaneStyle s = style(500, false, highlight);
    const std::vector<LaneRect> rects = buildLaneRects(intervals, {}, axis(0, nsPerPixel), s);
    QVERIFY(!rects.empty());
    const std::vector<LaneRect> markers = withColor(rects, s.highlightColor);
    if (expectedLeft < 0) {
        QVERIFY2(markers.empty(), qPrintable(describe(rects)));
        return;
    }
    QVERIFY2(!markers.empty(), qPrintable(describe(rects)));
    const auto [left, right] = span(markers);
    QCOMPARE(left, expectedLeft);
    QCOMPARE(right, expectedRight);
    // A marker is a strip along the top edge, not a bar.
    for (const LaneRect &m : markers) {
        QCOMPARE(m.rect.top(), 0.0);
        QVERIFY(m.rect.height() < kLaneHeight / 2);
    }
    // The wait itself is still drawn in its state's colour.
    QVERIFY(!withColor(rects, styleFor(ActorState::WaitingLock, false).color).empty());
}

void TestLaneGeometry::acquireAndReleaseTicks_data()
{
    QTest::addColumn<int>("count");
    QTest::addColumn<double>("spacingPx");
    QTest::addColumn<double>("width");
    QTest::addColumn<int>("expectedTicks");

    QTest::newRow("one acquire") << 1 << 10.0 << 300.0 << 1;
    QTest::newRow("sparse") << 20 << 10.0 << 300.0 << 20;
    // 100 marks every 3 px fill 300 px exactly: still drawn.
    QTest::newRow("one per 3 px") << 100 << 3.0 << 300.0 << 100;
    // Denser than one per 3 px: no comb at all.
    QTest::newRow("denser than one per 3 px") << 150 << 2.0 << 300.0 << 0;
    QTest::newRow("very dense") << 3000 << 0.1 << 300.0 << 0;
    // Several marks in one pixel column: one tick (x = 0.5 .. 10.25 is
    // columns 0 to 10).
    QTest::newRow("four per column") << 40 << 0.25 << 300.0 << 11;
}

void TestLaneGeometry::acquireAndReleaseTicks()
{
    QFETCH(int, count);
    QFETCH(double, spacingPx);
    QFETCH(double, width);
    QFETCH(int, expectedTicks);

    // 1 µs per pixel; the marks start at x = 0.5 and alternate acquire,
    // release; marks before and after the view never count.
    const double npp = 1000;
    std::vector<LaneMark> marks;
    marks.push_back({-5000000, EventKind::Acquired, 1});
    for (int i = 0; i < count; ++i) {
        const qint64 ns = qint64(std::llround((0.5 + i * spacingPx) * npp));
        marks.push_back({ns, i % 2 ? EventKind::Released : EventKind::Acquired, 1});
    }
    for (int i = 0; i < 1000; ++i)
        marks.push_back({qint64((width + 10) * npp) + i, EventKind::Released, 1});

    const std::vector<LaneRect> ticks = buildLaneRects({}, marks, axis(0, npp), style(width));
    QCOMPARE(int(ticks.size()), expectedTicks);
    if (expectedTicks == 0)
        return;
    QSet<int> columns;
    double acquireHeight = 0;
    double releaseHeight = 0;
    for (const LaneRect &t : ticks) {
        // A thin tick on the top edge, centred on its mark.
        QVERIFY(t.rect.width() <= 2);
        QCOMPARE(t.rect.top(), 0.0);
        QVERIFY(t.rect.height() < kLaneHeight / 2);
        const double centre = t.rect.center().x();
        QVERIFY2(centre >= 0 && centre <= width, qPrintable(describe({t})));
        const int column = int(std::floor(centre));
        QVERIFY2(!columns.contains(column), qPrintable(QStringLiteral("two ticks in column %1").arg(column)));
        columns.insert(column);
        // Which mark it is: the nearest one.
        const double markX = std::round((centre - 0.5) / spacingPx) * spacingPx + 0.5;
        QVERIFY2(std::abs(centre - markX) < 1e-6, qPrintable(describe({t})));
        const int index = int(std::lround((markX - 0.5) / spacingPx));
        (index % 2 ? releaseHeight : acquireHeight) = t.rect.height();
    }
    // Acquires are the tall ticks, releases the short ones.
    QVERIFY(acquireHeight > 0);
    if (count > 1 && spacingPx >= 1)
        QVERIFY(releaseHeight > 0);
    if (releaseHeight > 0)
        QVERIFY(acquireHeight > releaseHeight);

    // With intervals under them, the ticks are drawn on top (last).
    const std::vector<LaneRect> withBars = buildLaneRects({interval(ActorState::Running, 0, qint64(width * npp))}, marks,
                                                          axis(0, npp), style(width));
    QCOMPARE(int(withBars.size()), int(ticks.size()) + int(withColor(withBars, styleFor(ActorState::Running, false).color).size()));
    for (size_t i = 0; i < ticks.size(); ++i)
        QCOMPARE(withBars[withBars.size() - ticks.size() + i].rect, ticks[i].rect);
}

QTEST_MAIN(TestLaneGeometry)
#include "tst_lanegeometry.moc"
