#pragma once

#include "timelineviewport.h"
#include "tracesession.h"
#include "lanegeometry.h"

#include <QPointer>
#include <QQuickItem>

namespace clab {


// One lane of the timeline, drawn by one scene-graph node whatever the
// number of events: a geometry node with per-vertex colours on the GPU
// backends, a render node painting with QPainter on the software backend
// (which cannot draw custom geometry).
class TimelineLane : public QQuickItem
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(TraceSession *session READ session WRITE setSession NOTIFY sessionChanged)
    Q_PROPERTY(TimelineViewport *viewport READ viewport WRITE setViewport NOTIFY viewportChanged)
    Q_PROPERTY(int actorId READ actorId WRITE setActorId NOTIFY actorIdChanged)
    Q_PROPERTY(int highlightObject READ highlightObject WRITE setHighlightObject NOTIFY highlightObjectChanged)
    Q_PROPERTY(bool dark READ dark WRITE setDark NOTIFY darkChanged)
    Q_PROPERTY(int rectCount READ rectCount NOTIFY painted)

public:
    explicit TimelineLane(QQuickItem *parent = nullptr);

    TraceSession *session() const { return m_session; }
    void setSession(TraceSession *session);
    TimelineViewport *viewport() const { return m_viewport; }
    void setViewport(TimelineViewport *viewport);
    int actorId() const { return m_actor; }
    void setActorId(int actor);
    int highlightObject() const { return m_highlight; }
    void setHighlightObject(int object);
    bool dark() const { return m_dark; }
    void setDark(bool dark);
    // Rectangles drawn in the last frame; for tests and the benchmark.
    int rectCount() const { return m_rectCount; }

Q_SIGNALS:
    void sessionChanged();
    void viewportChanged();
    void actorIdChanged();
    void highlightObjectChanged();
    void darkChanged();
    void painted();

protected:
    QSGNode *updatePaintNode(QSGNode *old, UpdatePaintNodeData *) override;
    void geometryChange(const QRectF &newGeometry, const QRectF &oldGeometry) override;

private:
    QPointer<TraceSession> m_session;
    QPointer<TimelineViewport> m_viewport;
    int m_actor = 0;
    int m_highlight = 0;
    bool m_dark = false;
    int m_rectCount = 0;
};

} // namespace clab
