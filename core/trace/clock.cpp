#include "clock.h"

#include <QFile>

#include <atomic>
#include <ctime>
#include <mutex>
#include <thread>

namespace clab {

namespace {

bool cpuHasInvariantTsc()
{
#if CLAB_HAVE_TSC
    QFile cpuinfo(QStringLiteral("/proc/cpuinfo"));
    if (!cpuinfo.open(QIODevice::ReadOnly))
        return false;
    // /proc files report size 0, so read to the end rather than test atEnd().
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

struct Calibration {
    quint64 tick0 = 0;
    qint64 ns0 = 0;
    double nsPerTick = 1.0;
};

constexpr qint64 kCalibrationWindowNs = 20'000'000;

// Sampled as a pair whose reads are closest together, so one scheduling
// hiccup between the two reads cannot skew the anchor.
void samplePair(quint64 &tick, qint64 &ns)
{
    qint64 bestGap = -1;
    for (int i = 0; i < 5; ++i) {
        const quint64 t0 = Clock::ticks();
        const qint64 n = Clock::monotonicNs();
        const quint64 t1 = Clock::ticks();
        const auto gap = qint64(t1 - t0);
        if (bestGap < 0 || gap < bestGap) {
            bestGap = gap;
            tick = t0 + (t1 - t0) / 2;
            ns = n;
        }
    }
}

Calibration &calibrationState()
{
    static Calibration c = [] {
        Calibration cal;
        samplePair(cal.tick0, cal.ns0);
        return cal;
    }();
    return c;
}

std::once_flag s_calibrated;

void calibrate()
{
    Calibration &c = calibrationState();
    if (!Clock::usesTsc()) {
        c.nsPerTick = 1.0;
        c.tick0 = 0;
        c.ns0 = 0;
        return;
    }
    const qint64 wait = c.ns0 + kCalibrationWindowNs - Clock::monotonicNs();
    if (wait > 0)
        std::this_thread::sleep_for(std::chrono::nanoseconds(wait));
    quint64 tick1 = 0;
    qint64 ns1 = 0;
    samplePair(tick1, ns1);
    c.nsPerTick = double(ns1 - c.ns0) / double(tick1 - c.tick0);
}

} // namespace

bool Clock::s_useTsc = cpuHasInvariantTsc();

namespace {
// Anchored at load time (after s_useTsc above), so that the calibration
// window has usually long passed by the first conversion.
[[maybe_unused]] const bool s_anchored = (calibrationState(), true);
} // namespace

qint64 Clock::monotonicNs()
{
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return qint64(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

qint64 Clock::toNs(quint64 ticks)
{
    std::call_once(s_calibrated, calibrate);
    const Calibration &c = calibrationState();
    if (!s_useTsc)
        return qint64(ticks);
    return c.ns0 + qint64(double(qint64(ticks - c.tick0)) * c.nsPerTick);
}

QByteArray Clock::calibration()
{
    std::call_once(s_calibrated, calibrate);
    const Calibration &c = calibrationState();
    return QByteArray::number(s_useTsc ? 1 : 0) + ':' + QByteArray::number(c.tick0) + ':'
        + QByteArray::number(c.ns0) + ':' + QByteArray::number(c.nsPerTick, 'g', 17);
}

bool Clock::adoptCalibration(const QByteArray &text)
{
    const QList<QByteArray> parts = text.split(':');
    if (parts.size() != 4)
        return false;
    bool ok[4] = {};
    const bool tsc = parts[0].toInt(&ok[0]) == 1;
    const quint64 tick0 = parts[1].toULongLong(&ok[1]);
    const qint64 ns0 = parts[2].toLongLong(&ok[2]);
    const double nsPerTick = parts[3].toDouble(&ok[3]);
    if (!ok[0] || !ok[1] || !ok[2] || !ok[3] || tsc != s_useTsc || !(nsPerTick > 0))
        return false;
    std::call_once(s_calibrated, [] {}); // never calibrate on our own
    Calibration &c = calibrationState();
    c.tick0 = tick0;
    c.ns0 = ns0;
    c.nsPerTick = nsPerTick;
    return true;
}

double Clock::ticksPerNs()
{
    std::call_once(s_calibrated, calibrate);
    return 1.0 / calibrationState().nsPerTick;
}

} // namespace clab
