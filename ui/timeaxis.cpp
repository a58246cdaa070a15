#include "timeaxis.h"

#include <algorithm>
#include <cmath>

namespace clab {

qint64 TimeAxis::nsAtX(double x) const
{
    return originNs + qint64(std::llround(x * nsPerPixel));
}

void TimeAxis::fit(qint64 startNs, qint64 endNs, double widthPx, double marginFraction)
{
    if (widthPx <= 0)
        return;
    const qint64 span = std::max<qint64>(endNs - startNs, 1000);
    const double margin = double(span) * marginFraction;
    nsPerPixel = std::clamp((double(span) + 2 * margin) / widthPx, kMinNsPerPixel, kMaxNsPerPixel);
    originNs = startNs - qint64(margin);
}

void TimeAxis::zoomAt(double x, double factor)
{
    if (factor <= 0)
        return;
    const double anchor = double(originNs) + x * nsPerPixel;
    nsPerPixel = std::clamp(nsPerPixel / factor, kMinNsPerPixel, kMaxNsPerPixel);
    originNs = qint64(std::llround(anchor - x * nsPerPixel));
}

void TimeAxis::panPixels(double dx)
{
    originNs -= qint64(std::llround(dx * nsPerPixel));
}

qint64 TimeAxis::niceStep(double ns)
{
    if (ns <= 1)
        return 1;
    const double power = std::pow(10.0, std::floor(std::log10(ns)));
    for (const double m : {1.0, 2.0, 5.0, 10.0}) {
        if (m * power >= ns)
            return qint64(std::llround(m * power));
    }
    return qint64(std::llround(10 * power));
}

std::vector<TimeAxis::Tick> TimeAxis::ticks(double widthPx, qint64 baseNs, double minSpacingPx) const
{
    std::vector<Tick> out;
    if (widthPx <= 0 || nsPerPixel <= 0)
        return out;
    const qint64 step = niceStep(minSpacingPx * nsPerPixel);
    // Ticks sit on multiples of the step counted from baseNs.
    const qint64 first = nsAtX(0) - baseNs;
    qint64 k = first >= 0 ? (first + step - 1) / step : -((-first) / step);
    for (;; ++k) {
        const qint64 ns = baseNs + k * step;
        const double x = xForNs(ns);
        if (x > widthPx)
            break;
        if (x >= 0)
            out.push_back({x, ns, formatDuration(k * step)});
        if (out.size() > 1000)
            break;
    }
    return out;
}

QString TimeAxis::formatDuration(qint64 ns)
{
    const double a = std::abs(double(ns));
    const QString sign = ns < 0 ? QStringLiteral("-") : QString();
    auto number = [](double v) {
        // Three significant digits, without trailing zeros.
        QString s = QString::number(v, 'f', v >= 100 ? 0 : v >= 10 ? 1 : 2);
        if (s.contains(QLatin1Char('.'))) {
            while (s.endsWith(QLatin1Char('0')))
                s.chop(1);
            if (s.endsWith(QLatin1Char('.')))
                s.chop(1);
        }
        return s;
    };
    // The unit is chosen after rounding: 999.7 µs is "1 ms", not "1000 µs".
    if (a < 999.5)
        return sign + number(a) + QStringLiteral(" ns");
    if (a < 999.5e3)
        return sign + number(a / 1e3) + QStringLiteral(" µs");
    if (a < 999.5e6)
        return sign + number(a / 1e6) + QStringLiteral(" ms");
    return sign + number(a / 1e9) + QStringLiteral(" s");
}

} // namespace clab
