#pragma once

#include <QByteArray>
#include <QtGlobal>

#if defined(__x86_64__) || defined(__i386__)
#include <x86intrin.h>
#define CLAB_HAVE_TSC 1
#else
#define CLAB_HAVE_TSC 0
#endif

namespace clab {

// The one clock every event is stamped with. Reading it is a bare rdtsc where
// the CPU has an invariant TSC (~10 ns, half of steady_clock); ticks are turned
// into nanoseconds on the system's monotonic clock only when a trace is merged,
// so processes on the same machine share one time axis.
class Clock
{
public:
    static inline quint64 ticks()
    {
#if CLAB_HAVE_TSC
        if (s_useTsc) [[likely]]
            return __rdtsc();
#endif
        return monotonicNs();
    }

    // Nanoseconds on CLOCK_MONOTONIC (what std::chrono::steady_clock reads).
    static qint64 monotonicNs();

    // Converts ticks() readings to monotonicNs() time. The first call may wait
    // up to the calibration window (20 ms after process start).
    static qint64 toNs(quint64 ticks);

    static bool usesTsc() { return s_useTsc; }
    static double ticksPerNs();

    // The calibration as text, to hand to a child process on this machine:
    // the TSC is shared, so the child converts ticks exactly as this process
    // does and need not calibrate itself.
    static QByteArray calibration();
    // Adopts a parent's calibration(); false (and nothing changes) if the
    // text is not one. Call it first thing, before any thread reads the clock.
    static bool adoptCalibration(const QByteArray &text);

private:
    static bool s_useTsc;
};

} // namespace clab
