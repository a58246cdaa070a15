// TimeAxis: the mapping between trace time and timeline pixels, its zoom,
// pan and fit, the ruler's ticks and how durations are written.

#include "timeaxis.h"

#include <QtTest>
#include <cmath>

using namespace clab;

class TestTimeAxis : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void xForNsAndNsAtXRoundTrip_data();
    void xForNsAndNsAtXRoundTrip();
    void fitShowsTheRangeWithMargins_data();
    void fitShowsTheRangeWithMargins();
    void fitIgnoresAnEmptyWidth();
    void zoomAtKeepsTheTimeUnderTheMouse_data();
    void zoomAtKeepsTheTimeUnderTheMouse();
    void zoomAtIgnoresNonPositiveFactors();
    void panPixelsMovesTheContent_data();
    void panPixelsMovesTheContent();
    void niceStep_data();
    void niceStep();
    void ticksAreRoundEvenlySpacedAndLabelledFromTheBase_data();
    void ticksAreRoundEvenlySpacedAndLabelledFromTheBase();
    void ticksLabels_data();
    void ticksLabels();
    void ticksOfAnEmptyWidth();
    void formatDuration_data();
    void formatDuration();
};

static TimeAxis axis(qint64 originNs, double nsPerPixel)
{
    TimeAxis a;
    a.originNs = originNs;
    a.nsPerPixel = nsPerPixel;
    return a;
}

void TestTimeAxis::xForNsAndNsAtXRoundTrip_data()
{
    QTest::addColumn<qint64>("originNs");
    QTest::addColumn<double>("nsPerPixel");
    QTest::addColumn<qint64>("ns");
    QTest::addColumn<double>("expectedX");

    QTest::newRow("origin") << qint64(5000) << 1000.0 << qint64(5000) << 0.0;
    QTest::newRow("1 us per px") << qint64(0) << 1000.0 << qint64(250000) << 250.0;
    QTest::newRow("offset origin") << qint64(1000) << 10.0 << qint64(2000) << 100.0;
    QTest::newRow("before the origin") << qint64(1000000) << 100.0 << qint64(990000) << -100.0;
    QTest::newRow("deepest zoom") << qint64(42) << TimeAxis::kMinNsPerPixel << qint64(45) << 300.0;
    QTest::newRow("fractional px") << qint64(0) << 3.0 << qint64(10) << 10.0 / 3.0;
    QTest::newRow("monotonic clock values") << qint64(123456789012345) << 2500.0 << qint64(123456790012345)
                                            << 400.0;
    QTest::newRow("widest zoom") << qint64(0) << TimeAxis::kMaxNsPerPixel << qint64(3000000000000) << 3.0;
}

void TestTimeAxis::xForNsAndNsAtXRoundTrip()
{
    QFETCH(qint64, originNs);
    QFETCH(double, nsPerPixel);
    QFETCH(qint64, ns);
    QFETCH(double, expectedX);

    const TimeAxis a = axis(originNs, nsPerPixel);
    const double x = a.xForNs(ns);
    QVERIFY2(std::abs(x - expectedX) < 1e-6, qPrintable(QStringLiteral("x = %1").arg(x)));
    QCOMPARE(a.nsAtX(x), ns);
    QCOMPARE(a.nsAtX(0), originNs);
    // Whole pixels map to times and back to the same pixel, to rounding.
    for (const double px : {0.0, 1.0, 17.0, 640.0, -3.0}) {
        const qint64 t = a.nsAtX(px);
        QVERIFY2(std::abs(a.xForNs(t) - px) <= 0.5 / nsPerPixel + 1e-9,
                 qPrintable(QStringLiteral("px %1 -> %2 ns -> %3").arg(px).arg(t).arg(a.xForNs(t))));
    }
}

void TestTimeAxis::fitShowsTheRangeWithMargins_data()
{
    QTest::addColumn<qint64>("startNs");
    QTest::addColumn<qint64>("endNs");
    QTest::addColumn<double>("width");
    QTest::addColumn<double>("margin");

    QTest::newRow("1 ms over 1000 px") << qint64(0) << qint64(1000000) << 1000.0 << 0.02;
    QTest::newRow("no margin") << qint64(500) << qint64(10500) << 250.0 << 0.0;
    QTest::newRow("wide margin") << qint64(2000000) << qint64(4000000) << 800.0 << 0.1;
    QTest::newRow("monotonic clock") << qint64(987654321000000) << qint64(987654821000000) << 1301.0 << 0.02;
    QTest::newRow("seconds") << qint64(0) << qint64(3000000000) << 1200.0 << 0.02;
}

void TestTimeAxis::fitShowsTheRangeWithMargins()
{
    QFETCH(qint64, startNs);
    QFETCH(qint64, endNs);
    QFETCH(double, width);
    QFETCH(double, margin);

    TimeAxis a = axis(-77, 3.5);
    a.fit(startNs, endNs, width, margin);
    const double marginPx = width * margin / (1 + 2 * margin);
    const double xStart = a.xForNs(startNs);
    const double xEnd = a.xForNs(endNs);
    QVERIFY2(std::abs(xStart - marginPx) < 0.01, qPrintable(QStringLiteral("start at %1 px").arg(xStart)));
    QVERIFY2(std::abs(xEnd - (width - marginPx)) < 0.01, qPrintable(QStringLiteral("end at %1 px").arg(xEnd)));
    QVERIFY(xStart >= 0);
    QVERIFY(xEnd <= width);
    QVERIFY(a.nsPerPixel >= TimeAxis::kMinNsPerPixel && a.nsPerPixel <= TimeAxis::kMaxNsPerPixel);
}

void TestTimeAxis::fitIgnoresAnEmptyWidth()
{
    TimeAxis a = axis(1234, 56.0);
    a.fit(0, 1000000, 0);
    QCOMPARE(a.originNs, qint64(1234));
    QCOMPARE(a.nsPerPixel, 56.0);
    a.fit(0, 1000000, -10);
    QCOMPARE(a.originNs, qint64(1234));
    QCOMPARE(a.nsPerPixel, 56.0);

    // A span shorter than a microsecond is shown as one microsecond, so a
    // one-event trace does not zoom to nothing.
    a.fit(5000, 5000, 500, 0.0);
    QCOMPARE(a.nsPerPixel, 2.0);
    QCOMPARE(a.xForNs(5000), 0.0);
}

void TestTimeAxis::zoomAtKeepsTheTimeUnderTheMouse_data()
{
    QTest::addColumn<qint64>("originNs");
    QTest::addColumn<double>("nsPerPixel");
    QTest::addColumn<double>("x");
    QTest::addColumn<double>("factor");
    QTest::addColumn<double>("expectedNsPerPixel");

    QTest::newRow("in 2x at centre") << qint64(1000000) << 1000.0 << 500.0 << 2.0 << 500.0;
    QTest::newRow("out 2x at centre") << qint64(1000000) << 1000.0 << 500.0 << 0.5 << 2000.0;
    QTest::newRow("in at left edge") << qint64(0) << 100.0 << 0.0 << 4.0 << 25.0;
    QTest::newRow("in at right edge") << qint64(-50000) << 100.0 << 1000.0 << 1.5 << 100.0 / 1.5;
    QTest::newRow("wheel step") << qint64(987654321000) << 1234.5 << 333.3 << std::pow(1.0015, 120) << 1234.5 / std::pow(1.0015, 120);
    QTest::newRow("clamped at kMin") << qint64(10000) << 0.02 << 200.0 << 10.0 << TimeAxis::kMinNsPerPixel;
    QTest::newRow("already at kMin") << qint64(10000) << TimeAxis::kMinNsPerPixel << 200.0 << 2.0
                                     << TimeAxis::kMinNsPerPixel;
    QTest::newRow("clamped at kMax") << qint64(0) << 1e11 << 400.0 << 0.001 << TimeAxis::kMaxNsPerPixel;
}

void TestTimeAxis::zoomAtKeepsTheTimeUnderTheMouse()
{
    QFETCH(qint64, originNs);
    QFETCH(double, nsPerPixel);
    QFETCH(double, x);
    QFETCH(double, factor);
    QFETCH(double, expectedNsPerPixel);

    TimeAxis a = axis(originNs, nsPerPixel);
    const double anchorBefore = double(a.originNs) + x * a.nsPerPixel;
    a.zoomAt(x, factor);
    QVERIFY2(std::abs(a.nsPerPixel - expectedNsPerPixel) <= 1e-9 * expectedNsPerPixel,
             qPrintable(QStringLiteral("nsPerPixel %1").arg(a.nsPerPixel)));
    const double anchorAfter = double(a.originNs) + x * a.nsPerPixel;
    // originNs is whole nanoseconds: the anchor moves by under one.
    QVERIFY2(std::abs(anchorAfter - anchorBefore) <= 0.5 + 1e-3,
             qPrintable(QStringLiteral("anchor moved from %1 to %2").arg(anchorBefore, 0, 'f', 3).arg(anchorAfter, 0, 'f', 3)));

    // Zooming back restores the view when nothing was clamped.
    if (expectedNsPerPixel == nsPerPixel / factor) {
        a.zoomAt(x, 1 / factor);
        QVERIFY(std::abs(a.nsPerPixel - nsPerPixel) <= 1e-9 * nsPerPixel);
        QVERIFY(std::abs(double(a.originNs - originNs)) <= 1);
    }
}

void TestTimeAxis::zoomAtIgnoresNonPositiveFactors()
{
    TimeAxis a = axis(777, 12.0);
    a.zoomAt(100, 0);
    a.zoomAt(100, -2);
    QCOMPARE(a.originNs, qint64(777));
    QCOMPARE(a.nsPerPixel, 12.0);
}

void TestTimeAxis::panPixelsMovesTheContent_data()
{
    QTest::addColumn<double>("nsPerPixel");
    QTest::addColumn<double>("dx");
    QTest::addColumn<qint64>("expectedOrigin");

    // Dragging right by dx shows earlier times: the origin moves back.
    QTest::newRow("right 10 px") << 1000.0 << 10.0 << qint64(1000000 - 10000);
    QTest::newRow("left 10 px") << 1000.0 << -10.0 << qint64(1000000 + 10000);
    QTest::newRow("sub-pixel") << 100.0 << 0.25 << qint64(1000000 - 25);
    QTest::newRow("none") << 100.0 << 0.0 << qint64(1000000);
}

void TestTimeAxis::panPixelsMovesTheContent()
{
    QFETCH(double, nsPerPixel);
    QFETCH(double, dx);
    QFETCH(qint64, expectedOrigin);

    TimeAxis a = axis(1000000, nsPerPixel);
    const qint64 t = 1500000;
    const double before = a.xForNs(t);
    a.panPixels(dx);
    QCOMPARE(a.originNs, expectedOrigin);
    QCOMPARE(a.nsPerPixel, nsPerPixel);
    QVERIFY(std::abs(a.xForNs(t) - (before + dx)) < 1e-9);
}

void TestTimeAxis::niceStep_data()
{
    QTest::addColumn<double>("ns");
    QTest::addColumn<qint64>("expected");

    QTest::newRow("0") << 0.0 << qint64(1);
    QTest::newRow("0.3") << 0.3 << qint64(1);
    QTest::newRow("1") << 1.0 << qint64(1);
    QTest::newRow("1.5") << 1.5 << qint64(2);
    QTest::newRow("2") << 2.0 << qint64(2);
    QTest::newRow("2.01") << 2.01 << qint64(5);
    QTest::newRow("3") << 3.0 << qint64(5);
    QTest::newRow("5") << 5.0 << qint64(5);
    QTest::newRow("7") << 7.0 << qint64(10);
    QTest::newRow("10") << 10.0 << qint64(10);
    QTest::newRow("11") << 11.0 << qint64(20);
    QTest::newRow("999") << 999.0 << qint64(1000);
    QTest::newRow("1001") << 1001.0 << qint64(2000);
    QTest::newRow("90000") << 90000.0 << qint64(100000);
    QTest::newRow("4.9e6") << 4.9e6 << qint64(5000000);
    QTest::newRow("5e6") << 5e6 << qint64(5000000);
    QTest::newRow("1.2e9") << 1.2e9 << qint64(2000000000);
    QTest::newRow("6e11") << 6e11 << qint64(1000000000000);
}

void TestTimeAxis::niceStep()
{
    QFETCH(double, ns);
    QFETCH(qint64, expected);
    const qint64 step = TimeAxis::niceStep(ns);
    QCOMPARE(step, expected);
    // A 1, 2 or 5 times a power of ten, and not below what was asked.
    qint64 m = step;
    while (m >= 10 && m % 10 == 0)
        m /= 10;
    QVERIFY2(m == 1 || m == 2 || m == 5, qPrintable(QString::number(step)));
    QVERIFY(double(step) >= ns);
}

void TestTimeAxis::ticksAreRoundEvenlySpacedAndLabelledFromTheBase_data()
{
    QTest::addColumn<qint64>("originNs");
    QTest::addColumn<double>("nsPerPixel");
    QTest::addColumn<qint64>("baseNs");
    QTest::addColumn<double>("width");
    QTest::addColumn<double>("minSpacing");

    QTest::newRow("1 us/px from 0") << qint64(0) << 1000.0 << qint64(0) << 1000.0 << 90.0;
    QTest::newRow("base inside") << qint64(1000000) << 537.0 << qint64(1123457) << 1301.0 << 90.0;
    QTest::newRow("base before the view") << qint64(500000000) << 12345.0 << qint64(400000003) << 900.0 << 90.0;
    QTest::newRow("base after the view") << qint64(0) << 20.0 << qint64(50000) << 700.0 << 60.0;
    QTest::newRow("deep zoom") << qint64(1000) << 0.05 << qint64(1000) << 800.0 << 90.0;
    QTest::newRow("seconds") << qint64(0) << 5e6 << qint64(0) << 1000.0 << 120.0;
    QTest::newRow("dense ruler") << qint64(0) << 1000.0 << qint64(0) << 1000.0 << 10.0;
}

void TestTimeAxis::ticksAreRoundEvenlySpacedAndLabelledFromTheBase()
{
    QFETCH(qint64, originNs);
    QFETCH(double, nsPerPixel);
    QFETCH(qint64, baseNs);
    QFETCH(double, width);
    QFETCH(double, minSpacing);

    const TimeAxis a = axis(originNs, nsPerPixel);
    const std::vector<TimeAxis::Tick> ticks = a.ticks(width, baseNs, minSpacing);
    QVERIFY(ticks.size() >= 2);
    const qint64 step = ticks[1].ns - ticks[0].ns;
    QCOMPARE(step, TimeAxis::niceStep(minSpacing * nsPerPixel));
    const double spacing = double(step) / nsPerPixel;
    QVERIFY2(spacing >= minSpacing - 1e-9, qPrintable(QString::number(spacing)));
    QVERIFY2(spacing <= 2.5 * minSpacing + 1e-9, qPrintable(QString::number(spacing)));

    for (size_t i = 0; i < ticks.size(); ++i) {
        const TimeAxis::Tick &t = ticks[i];
        QVERIFY(t.x >= 0 && t.x <= width);
        QCOMPARE(t.x, a.xForNs(t.ns));
        QCOMPARE((t.ns - baseNs) % step, qint64(0));
        QCOMPARE(t.label, TimeAxis::formatDuration(t.ns - baseNs));
        if (i > 0)
            QCOMPARE(t.ns - ticks[i - 1].ns, step);
    }
    // Every round step in view is there: none before the first or after
    // the last.
    QVERIFY(a.xForNs(ticks.front().ns - step) < 0);
    QVERIFY(a.xForNs(ticks.back().ns + step) > width);
}

void TestTimeAxis::ticksLabels_data()
{
    QTest::addColumn<qint64>("originNs");
    QTest::addColumn<qint64>("baseNs");
    QTest::addColumn<QStringList>("labels");

    // 1 µs per pixel, 500 px, 90 px apart: a tick every 100 µs.
    QTest::newRow("from the start") << qint64(0) << qint64(0)
                                    << QStringList{"0 ns", "100 µs", "200 µs", "300 µs", "400 µs", "500 µs"};
    QTest::newRow("base in the middle") << qint64(0) << qint64(250000)
                                        << QStringList{"-200 µs", "-100 µs", "0 ns", "100 µs", "200 µs"};
    QTest::newRow("later in the run") << qint64(800000) << qint64(0)
                                      << QStringList{"800 µs", "900 µs", "1 ms", "1.1 ms", "1.2 ms", "1.3 ms"};
}

void TestTimeAxis::ticksLabels()
{
    QFETCH(qint64, originNs);
    QFETCH(qint64, baseNs);
    QFETCH(QStringList, labels);

    const TimeAxis a = axis(originNs, 1000.0);
    QStringList got;
    for (const TimeAxis::Tick &t : a.ticks(500, baseNs, 90))
        got << t.label;
    QCOMPARE(got, labels);
}

void TestTimeAxis::ticksOfAnEmptyWidth()
{
    const TimeAxis a = axis(0, 1000.0);
    QVERIFY(a.ticks(0, 0).empty());
    QVERIFY(a.ticks(-5, 0).empty());
}

void TestTimeAxis::formatDuration_data()
{
    QTest::addColumn<qint64>("ns");
    QTest::addColumn<QString>("expected");

    QTest::newRow("0") << qint64(0) << "0 ns";
    QTest::newRow("1 ns") << qint64(1) << "1 ns";
    QTest::newRow("850 ns") << qint64(850) << "850 ns";
    QTest::newRow("999 ns") << qint64(999) << "999 ns";
    QTest::newRow("1 us") << qint64(1000) << "1 µs";
    QTest::newRow("1.5 us") << qint64(1500) << "1.5 µs";
    QTest::newRow("12.5 us") << qint64(12500) << "12.5 µs";
    QTest::newRow("123 us") << qint64(123456) << "123 µs";
    QTest::newRow("just under 1 ms") << qint64(999700) << "1 ms";
    QTest::newRow("1 ms") << qint64(1000000) << "1 ms";
    QTest::newRow("3.2 ms") << qint64(3200000) << "3.2 ms";
    QTest::newRow("3.21 ms") << qint64(3210000) << "3.21 ms";
    QTest::newRow("12.3 ms") << qint64(12345678) << "12.3 ms";
    QTest::newRow("100 ms") << qint64(100000000) << "100 ms";
    QTest::newRow("just under 1 s") << qint64(999999999) << "1 s";
    QTest::newRow("1.25 s") << qint64(1250000000) << "1.25 s";
    QTest::newRow("90 s") << qint64(90000000000) << "90 s";
    QTest::newRow("-1.5 us") << qint64(-1500) << "-1.5 µs";
    QTest::newRow("-200 ms") << qint64(-200000000) << "-200 ms";
}

void TestTimeAxis::formatDuration()
{
    QFETCH(qint64, ns);
    QFETCH(QString, expected);
    QCOMPARE(TimeAxis::formatDuration(ns), expected);
}

QTEST_MAIN(TestTimeAxis)
#include "tst_timeaxis.moc"
