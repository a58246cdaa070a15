#pragma once

#include "timeaxis.h"

#include <QObject>
#include <QQmlEngine>
#include <QVariantList>

namespace clab {

// The zoom and pan every lane, the ruler and the overlay share. Times are
// nanoseconds on the trace's clock; QML passes them as numbers.
class TimelineViewport : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(double width READ width WRITE setWidth NOTIFY changed)
    Q_PROPERTY(double originNs READ originNs WRITE setOriginNs NOTIFY changed)
    Q_PROPERTY(double nsPerPixel READ nsPerPixel NOTIFY changed)
    Q_PROPERTY(double baseNs READ baseNs WRITE setBaseNs NOTIFY changed)
    Q_PROPERTY(double visibleStartNs READ visibleStartNs NOTIFY changed)
    Q_PROPERTY(double visibleEndNs READ visibleEndNs NOTIFY changed)

public:
    explicit TimelineViewport(QObject *parent = nullptr);

    const TimeAxis &axis() const { return m_axis; }
    double width() const { return m_width; }
    void setWidth(double width);
    double originNs() const { return double(m_axis.originNs); }
    void setOriginNs(double ns);
    double nsPerPixel() const { return m_axis.nsPerPixel; }
    double baseNs() const { return double(m_baseNs); }
    void setBaseNs(double ns);
    double visibleStartNs() const { return double(m_axis.nsAtX(0)); }
    double visibleEndNs() const { return double(m_axis.nsAtX(m_width)); }

    Q_INVOKABLE void zoomAt(double x, double factor);
    Q_INVOKABLE void panBy(double dx);
    Q_INVOKABLE void fit(double startNs, double endNs);
    Q_INVOKABLE double xForNs(double ns) const { return m_axis.xForNs(qint64(ns)); }
    Q_INVOKABLE double nsAtX(double x) const { return double(m_axis.nsAtX(x)); }
    // Relative to baseNs: "12.5 µs".
    Q_INVOKABLE QString formatTime(double ns) const { return TimeAxis::formatDuration(qint64(ns) - m_baseNs); }
    Q_INVOKABLE QString formatDuration(double ns) const { return TimeAxis::formatDuration(qint64(ns)); }

Q_SIGNALS:
    void changed();

private:
    TimeAxis m_axis;
    double m_width = 1000;
    qint64 m_baseNs = 0;
};

} // namespace clab
