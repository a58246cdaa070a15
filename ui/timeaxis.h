#pragma once

#include <QString>
#include <QtGlobal>
#include <vector>

namespace clab {

// The mapping between trace time and pixels, with zoom and pan. Kept apart
// from any view so it can be tested on its own.
struct TimeAxis {
    static constexpr double kMinNsPerPixel = 0.01;  // 100 px per ns: deeper zoom shows nothing new
    static constexpr double kMaxNsPerPixel = 1e12;

    qint64 originNs = 0;     // the time at x = 0
    double nsPerPixel = 1000;

    double xForNs(qint64 ns) const { return double(ns - originNs) / nsPerPixel; }
    qint64 nsAtX(double x) const;

    // Shows [startNs, endNs] across widthPx, with a small margin each side.
    void fit(qint64 startNs, qint64 endNs, double widthPx, double marginFraction = 0.02);
    // Zooms by `factor` (> 1 zooms in) keeping the time under x in place.
    void zoomAt(double x, double factor);
    void panPixels(double dx);

    struct Tick {
        double x;
        qint64 ns;
        QString label;
    };
    // Ruler ticks on round steps (1, 2 or 5 times a power of ten), at least
    // minSpacingPx apart, labelled relative to baseNs.
    std::vector<Tick> ticks(double widthPx, qint64 baseNs, double minSpacingPx = 90) const;

    // "850 ns", "12.5 µs", "3.20 ms", "1.25 s".
    static QString formatDuration(qint64 ns);
    // The round step (1, 2, 5 x 10^k ns) closest above `ns`.
    static qint64 niceStep(double ns);
};

} // namespace clab
