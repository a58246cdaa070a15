#pragma once

#include "timelineviewport.h"
#include "tracesession.h"
#include <QColor>
#include <QPointer>
#include <QQuickPaintedItem>
#include <vector>

namespace clab {

class LaneModel;

// Arrows between lanes for handoffs: the release that let a waiter in, the
// put that fed a get, a thread starting another, a task reaching a worker.
// Arrows are drawn only while few enough are in view to be read (at most
// kMaxArrows); zoomed further out, hiddenCount says how many wait for a
// closer look.
class HandoffOverlay : public QQuickPaintedItem
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(TraceSession *session READ session WRITE setSession NOTIFY sessionChanged)
    Q_PROPERTY(TimelineViewport *viewport READ viewport WRITE setViewport NOTIFY viewportChanged)
    Q_PROPERTY(double laneHeight READ laneHeight WRITE setLaneHeight NOTIFY layoutChanged)
    Q_PROPERTY(double contentY READ contentY WRITE setContentY NOTIFY layoutChanged)
    Q_PROPERTY(bool dark READ dark WRITE setDark NOTIFY layoutChanged)
    Q_PROPERTY(int arrowCount READ arrowCount NOTIFY arrowCountChanged)
    Q_PROPERTY(int hiddenCount READ hiddenCount NOTIFY arrowCountChanged)

public:
    static constexpr int kMaxArrows = 400;

    explicit HandoffOverlay(QQuickItem *parent = nullptr);

    TraceSession *session() const { return m_session; }
    void setSession(TraceSession *session);
    TimelineViewport *viewport() const { return m_viewport; }
    void setViewport(TimelineViewport *viewport);
    double laneHeight() const { return m_laneHeight; }
    void setLaneHeight(double h);
    double contentY() const { return m_contentY; }
    void setContentY(double y);
    bool dark() const { return m_dark; }
    void setDark(bool dark);
    int arrowCount() const { return m_arrowCount; }
    int hiddenCount() const { return m_hiddenCount; }

    void paint(QPainter *painter) override;

    // The handoffs in view, when few enough to draw; recomputed when the
    // session or the viewport changes.
    void recount();

Q_SIGNALS:
    void sessionChanged();
    void viewportChanged();
    void layoutChanged();
    void arrowCountChanged();

protected:
    void geometryChange(const QRectF &newGeometry, const QRectF &oldGeometry) override;

private:
    QPointer<TraceSession> m_session;
    QPointer<TimelineViewport> m_viewport;
    double m_laneHeight = 28;
    double m_contentY = 0;
    bool m_dark = false;
    int m_arrowCount = 0;
    int m_hiddenCount = 0;
    std::vector<const Handoff *> m_visible;
};

} // namespace clab
