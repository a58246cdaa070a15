// Tests for clab::Clock (core/trace/clock.h): the one clock every event is
// stamped with, and its conversion of raw ticks to CLOCK_MONOTONIC time.

#include "testsupport.h"
#include "trace/clock.h"

#include <QFile>
#include <QtTest>

#include <atomic>
#include <thread>
#include <vector>

using namespace clab;

namespace {

// How far a converted stamp may stray from CLOCK_MONOTONIC. The calibration
// is good to microseconds; a wrong unit or a wrong anchor is off by far more.
constexpr qint64 kToleranceNs = 1'000'000;

bool cpuReportsInvariantTsc()
{
#if defined(__x86_64__) || defined(__i386__)
    QFile cpuinfo(QStringLiteral("/proc/cpuinfo"));
    if (!cpuinfo.open(QIODevice::ReadOnly))
        return false;
    // /proc files report size 0: read to the end instead of testing atEnd().
    const QList<QByteArray> lines = cpuinfo.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith("flags")) {
            const QList<QByteArray> flags = line.simplified().split(' ');
            return flags.contains("constant_tsc") && flags.contains("nonstop_tsc");
        }
    }
#endif
    return false;
}

} // namespace

class TestClock : public QObject
{
    Q_OBJECT

private slots:
    // Must stay first: the calibration happens on the first conversion of the
    // process, and here several threads race to trigger it.
    void firstConversionRacesFromManyThreads();
    void ticksNeverGoBackwardsOnOneThread();
    void conversionIsMonotonic();
    void convertedStampMatchesMonotonicClock_data();
    void convertedStampMatchesMonotonicClock();
    void elapsedTicksMatchElapsedMonotonicTime();
    void stampsOrderedAcrossThreads();
    void ticksPerNsAgreesWithConversion();
    void usesTscOnlyWithInvariantTsc();
    void monotonicNsMatchesSteadyClock();
};

void TestClock::firstConversionRacesFromManyThreads()
{
    constexpr int kThreads = 4;
    std::atomic<bool> go{false};
    struct Result {
        qint64 before = 0;
        qint64 converted = 0;
        qint64 after = 0;
        double ticksPerNs = 0;
    };
    std::vector<Result> results(kThreads);
    std::vector<std::thread> threads;
    for (int i = 0; i < kThreads; ++i) {
        threads.emplace_back([&, i] {
            while (!go.load(std::memory_order_acquire))
                std::this_thread::yield();
            Result &r = results[size_t(i)];
            r.before = Clock::monotonicNs();
            const quint64 t = Clock::ticks();
            r.after = Clock::monotonicNs();
            r.converted = Clock::toNs(t); // the first call calibrates
            r.ticksPerNs = Clock::ticksPerNs();
        });
    }
    go.store(true, std::memory_order_release);
    for (auto &t : threads)
        t.join();
    for (const Result &r : results) {
        QVERIFY2(r.converted >= r.before - kToleranceNs && r.converted <= r.after + kToleranceNs,
                 qPrintable(QStringLiteral("converted %1 outside [%2, %3]").arg(r.converted).arg(r.before).arg(r.after)));
        // Every thread sees the one calibration.
        QCOMPARE(r.ticksPerNs, results.front().ticksPerNs);
    }
    QVERIFY(results.front().ticksPerNs > 0);
}

void TestClock::ticksNeverGoBackwardsOnOneThread()
{
    constexpr int kSamples = 100'000;
    std::vector<quint64> samples(kSamples);
    for (auto &s : samples)
        s = Clock::ticks();
    for (int i = 1; i < kSamples; ++i)
        QVERIFY2(samples[size_t(i)] >= samples[size_t(i - 1)], qPrintable(QString::number(i)));
    QVERIFY(samples.back() > samples.front());
}

void TestClock::conversionIsMonotonic()
{
    quint64 t = Clock::ticks();
    qint64 previous = Clock::toNs(t);
    // Neighbouring ticks and big jumps alike.
    for (quint64 step : {quint64(1), quint64(7), quint64(1000), quint64(1) << 20, quint64(1) << 32}) {
        for (int i = 0; i < 100; ++i) {
            t += step;
            const qint64 ns = Clock::toNs(t);
            QVERIFY2(ns >= previous, qPrintable(QStringLiteral("step %1").arg(step)));
            previous = ns;
        }
    }
}

void TestClock::convertedStampMatchesMonotonicClock_data()
{
    QTest::addColumn<int>("sleepMs");
    QTest::newRow("now") << 0;
    QTest::newRow("after 5 ms") << 5;
    QTest::newRow("after 30 ms") << 30;
}

void TestClock::convertedStampMatchesMonotonicClock()
{
    QFETCH(int, sleepMs);
    QThread::msleep(ulong(sleepMs));
    const qint64 before = Clock::monotonicNs();
    const quint64 t = Clock::ticks();
    const qint64 after = Clock::monotonicNs();
    const qint64 converted = Clock::toNs(t);
    QVERIFY2(converted >= before - kToleranceNs && converted <= after + kToleranceNs,
             qPrintable(QStringLiteral("converted %1 outside [%2, %3]").arg(converted).arg(before).arg(after)));
}

void TestClock::elapsedTicksMatchElapsedMonotonicTime()
{
    const qint64 n0 = Clock::monotonicNs();
    const quint64 t0 = Clock::ticks();
    QThread::msleep(20);
    const quint64 t1 = Clock::ticks();
    const qint64 n1 = Clock::monotonicNs();
    const qint64 byTicks = Clock::toNs(t1) - Clock::toNs(t0);
    const qint64 byMonotonic = n1 - n0;
    // The sleep lasted at least 20 ms, whichever clock measures it.
    QVERIFY2(byTicks >= 20'000'000 - kToleranceNs, qPrintable(QString::number(byTicks)));
    QVERIFY2(byTicks <= byMonotonic + kToleranceNs,
             qPrintable(QStringLiteral("ticks say %1 ns, monotonic clock %2 ns").arg(byTicks).arg(byMonotonic)));
}

void TestClock::stampsOrderedAcrossThreads()
{
    // A stamp taken before a release store is not later, once converted,
    // than a stamp taken after the matching acquire load on another thread:
    // the merged trace depends on one time axis for all threads.
    constexpr int kRounds = 500;
    constexpr qint64 kSkewNs = 50'000;
    std::atomic<int> turn{0};
    std::vector<quint64> pingStamps(kRounds), pongStamps(kRounds);
    std::thread pong([&] {
        for (int i = 0; i < kRounds; ++i) {
            while (turn.load(std::memory_order_acquire) != 2 * i + 1)
                std::this_thread::yield();
            pongStamps[size_t(i)] = Clock::ticks();
            turn.store(2 * i + 2, std::memory_order_release);
        }
    });
    for (int i = 0; i < kRounds; ++i) {
        while (turn.load(std::memory_order_acquire) != 2 * i)
            std::this_thread::yield();
        pingStamps[size_t(i)] = Clock::ticks();
        turn.store(2 * i + 1, std::memory_order_release);
    }
    pong.join();
    for (int i = 0; i < kRounds; ++i) {
        const qint64 ping = Clock::toNs(pingStamps[size_t(i)]);
        const qint64 pongNs = Clock::toNs(pongStamps[size_t(i)]);
        QVERIFY2(pongNs >= ping - kSkewNs, qPrintable(QStringLiteral("round %1: %2 < %3").arg(i).arg(pongNs).arg(ping)));
        if (i + 1 < kRounds) {
            const qint64 nextPing = Clock::toNs(pingStamps[size_t(i + 1)]);
            QVERIFY2(nextPing >= pongNs - kSkewNs, qPrintable(QString::number(i)));
        }
    }
}

void TestClock::ticksPerNsAgreesWithConversion()
{
    const double rate = Clock::ticksPerNs();
    QVERIFY(rate > 0);
    const quint64 t = Clock::ticks();
    if (!Clock::usesTsc()) {
        QCOMPARE(rate, 1.0);
        QCOMPARE(Clock::toNs(t), qint64(t));
        return;
    }
    // One millisecond worth of ticks converts to one millisecond.
    const qint64 a = Clock::toNs(t);
    const qint64 b = Clock::toNs(t + quint64(rate * 1e6));
    QVERIFY2(qAbs(b - a - 1'000'000) <= 2, qPrintable(QString::number(b - a)));
}

void TestClock::usesTscOnlyWithInvariantTsc()
{
    QCOMPARE(Clock::usesTsc(), cpuReportsInvariantTsc());
}

void TestClock::monotonicNsMatchesSteadyClock()
{
    const auto s0 = std::chrono::steady_clock::now();
    const qint64 m = Clock::monotonicNs();
    const auto s1 = std::chrono::steady_clock::now();
    const auto ns = [](std::chrono::steady_clock::time_point p) {
        return qint64(std::chrono::duration_cast<std::chrono::nanoseconds>(p.time_since_epoch()).count());
    };
    QVERIFY(m >= ns(s0));
    QVERIFY(m <= ns(s1));
}

QTEST_GUILESS_MAIN(TestClock)
#include "tst_clock.moc"
