#include "handoffoverlay.h"

#include "lanemodel.h"
#include "timelineviewport.h"
#include "tracesession.h"

#include <QPainter>
#include <QPainterPath>
#include <QHash>
#include <algorithm>
#include <cmath>

namespace clab {

HandoffOverlay::HandoffOverlay(QQuickItem *parent)
    : QQuickPaintedItem(parent)
{
    setAntialiasing(true);
}

void HandoffOverlay::setSession(TraceSession *session)
{
    if (m_session == session)
        return;
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    m_session = session;
    if (m_session)
        connect(m_session, &TraceSession::grew, this, &HandoffOverlay::recount);
    emit sessionChanged();
    recount();
}

void HandoffOverlay::setViewport(TimelineViewport *viewport)
{
    if (m_viewport == viewport)
        return;
    if (m_viewport)
        disconnect(m_viewport, nullptr, this, nullptr);
    m_viewport = viewport;
    if (m_viewport)
        connect(m_viewport, &TimelineViewport::changed, this, &HandoffOverlay::recount);
    emit viewportChanged();
    recount();
}

void HandoffOverlay::setLaneHeight(double h)
{
    if (m_laneHeight == h)
        return;
    m_laneHeight = h;
    emit layoutChanged();
    update();
}

void HandoffOverlay::geometryChange(const QRectF &newGeometry, const QRectF &oldGeometry)
{
    QQuickPaintedItem::geometryChange(newGeometry, oldGeometry);
    recount();
}

void HandoffOverlay::setContentY(double y)
{
    if (m_contentY == y)
        return;
    m_contentY = y;
    emit layoutChanged();
    update();
}

void HandoffOverlay::setDark(bool dark)
{
    if (m_dark == dark)
        return;
    m_dark = dark;
    emit layoutChanged();
    update();
}

void HandoffOverlay::recount()
{
    std::vector<const Handoff *> visible;
    int hidden = 0;
    if (m_session && m_viewport) {
        const TimeAxis &axis = m_viewport->axis();
        const qint64 from = axis.nsAtX(0);
        const qint64 to = axis.nsAtX(width());
        // Handoffs are ordered by the time they arrive.
        const std::vector<Handoff> &all = m_session->handoffs();
        const auto byArrival = [](const Handoff &h, qint64 t) { return h.toNs < t; };
        const auto first = std::lower_bound(all.begin(), all.end(), from, byArrival);
        const auto last = std::lower_bound(first, all.end(), to + 1, byArrival);
        if (last - first > kMaxArrows) {
            hidden = int(last - first);
        } else {
            for (auto it = first; it != last; ++it) {
                if (it->from != it->to)
                    visible.push_back(&*it);
            }
        }
    }
    const bool wasDrawing = !m_visible.empty();
    m_visible = std::move(visible);
    if (wasDrawing || !m_visible.empty())
        update();
    if (int(m_visible.size()) != m_arrowCount || hidden != m_hiddenCount) {
        m_arrowCount = int(m_visible.size());
        m_hiddenCount = hidden;
        emit arrowCountChanged();
    }
}

void HandoffOverlay::paint(QPainter *painter)
{
    if (!m_session || !m_viewport || m_visible.empty())
        return;
    const LaneModel *lanes = m_session->lanes();
    const TimeAxis &axis = m_viewport->axis();
    QHash<ActorId, int> rows;
    for (int row = 0; row < lanes->rowCount(); ++row)
        rows.insert(ActorId(lanes->actorAt(row)), row);
    const QColor ink = m_dark ? QColor(0xEE, 0xEE, 0xEE) : QColor(0x22, 0x22, 0x22);
    const QColor item(0x00, 0x72, 0xB2);    // blue: queue items
    const QColor task(0xCC, 0x79, 0xA7);    // reddish purple: pool tasks
    const QColor thread(0x88, 0x88, 0x88);  // grey: spawn and join
    for (const Handoff *h : m_visible) {
        const int fromRow = rows.value(h->from, -1);
        const int toRow = rows.value(h->to, -1);
        if (fromRow < 0 || toRow < 0 || fromRow == toRow)
            continue;
        const QPointF a(axis.xForNs(h->fromNs), fromRow * m_laneHeight + m_laneHeight / 2 - m_contentY);
        const QPointF b(axis.xForNs(h->toNs), toRow * m_laneHeight + m_laneHeight / 2 - m_contentY);
        QColor color = ink;
        Qt::PenStyle style = Qt::SolidLine;
        switch (h->kind) {
        case HandoffKind::Wake: break;
        case HandoffKind::Item: color = item; break;
        case HandoffKind::Task: color = task; break;
        case HandoffKind::Spawn: color = thread; style = Qt::DashLine; break;
        case HandoffKind::Join: color = thread; style = Qt::DotLine; break;
        }
        color.setAlphaF(0.85);
        painter->setPen(QPen(color, 1.4, style));
        painter->drawLine(a, b);
        // Arrow head at the receiving end.
        const double angle = std::atan2(b.y() - a.y(), b.x() - a.x());
        const double size = 6;
        QPainterPath head;
        head.moveTo(b);
        head.lineTo(b - QPointF(size * std::cos(angle - 0.45), size * std::sin(angle - 0.45)));
        head.lineTo(b - QPointF(size * std::cos(angle + 0.45), size * std::sin(angle + 0.45)));
        head.closeSubpath();
        painter->fillPath(head, color);
    }
}

} // namespace clab
