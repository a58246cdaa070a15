#include "timelineviewport.h"

namespace clab {

TimelineViewport::TimelineViewport(QObject *parent)
    : QObject(parent)
{
}

void TimelineViewport::setWidth(double width)
{
    if (width == m_width || width <= 0)
        return;
    m_width = width;
    emit changed();
}

void TimelineViewport::setOriginNs(double ns)
{
    m_axis.originNs = qint64(ns);
    emit changed();
}

void TimelineViewport::setBaseNs(double ns)
{
    if (qint64(ns) == m_baseNs)
        return;
    m_baseNs = qint64(ns);
    emit changed();
}

void TimelineViewport::zoomAt(double x, double factor)
{
    m_axis.zoomAt(x, factor);
    emit changed();
}

void TimelineViewport::panBy(double dx)
{
    m_axis.panPixels(dx);
    emit changed();
}

void TimelineViewport::fit(double startNs, double endNs)
{
    m_axis.fit(qint64(startNs), qint64(endNs), m_width);
    emit changed();
}

} // namespace clab
