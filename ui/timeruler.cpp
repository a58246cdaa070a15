#include "timeruler.h"

#include "timelineviewport.h"

#include <QPainter>

namespace clab {

TimeRuler::TimeRuler(QQuickItem *parent)
    : QQuickPaintedItem(parent)
{
    setAntialiasing(true);
}

void TimeRuler::setViewport(TimelineViewport *viewport)
{
    if (m_viewport == viewport)
        return;
    if (m_viewport)
        disconnect(m_viewport, nullptr, this, nullptr);
    m_viewport = viewport;
    if (m_viewport)
        connect(m_viewport, &TimelineViewport::changed, this, [this] { update(); });
    emit viewportChanged();
    update();
}

void TimeRuler::setColor(const QColor &color)
{
    if (m_color == color)
        return;
    m_color = color;
    emit colorChanged();
    update();
}

void TimeRuler::setTickHeight(double h)
{
    if (m_tickHeight == h)
        return;
    m_tickHeight = h;
    emit tickHeightChanged();
    update();
}

void TimeRuler::paint(QPainter *painter)
{
    if (!m_viewport)
        return;
    const auto ticks = m_viewport->axis().ticks(width(), qint64(m_viewport->baseNs()));
    QFont font = painter->font();
    font.setPixelSize(11);
    painter->setFont(font);
    QColor grid = m_color;
    grid.setAlphaF(0.15);
    for (const TimeAxis::Tick &t : ticks) {
        painter->setPen(m_color);
        painter->drawLine(QPointF(t.x, height() - m_tickHeight - 6), QPointF(t.x, height() - m_tickHeight));
        painter->drawText(QRectF(t.x + 3, 0, 120, height() - m_tickHeight - 4), Qt::AlignLeft | Qt::AlignVCenter,
                          t.label);
        if (m_tickHeight > 0) {
            painter->setPen(grid);
            painter->drawLine(QPointF(t.x, height() - m_tickHeight), QPointF(t.x, height()));
        }
    }
}

} // namespace clab
