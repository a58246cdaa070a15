#include "timelinelane.h"

#include "timelineviewport.h"
#include "tracesession.h"

#include <QPainter>
#include <QQuickWindow>
#include <QSGGeometryNode>
#include <QSGRenderNode>
#include <QSGRendererInterface>
#include <QSGVertexColorMaterial>

#include <cmath>

namespace clab {

namespace {

QRect pixelRect(const QRectF &r)
{
    const int left = int(std::floor(r.left()));
    const int top = int(std::floor(r.top()));
    const int right = std::max(left + 1, int(std::lround(r.right())));
    const int bottom = std::max(top + 1, int(std::lround(r.bottom())));
    return QRect(QPoint(left, top), QPoint(right - 1, bottom - 1));
}

// Software backend: paints the rectangles with the renderer's QPainter.
class PaintedLaneNode : public QSGRenderNode
{
public:
    explicit PaintedLaneNode(QQuickWindow *window) : m_window(window) {}

    void setRects(std::vector<LaneRect> rects, QRectF bounds)
    {
        m_rects = std::move(rects);
        m_bounds = bounds;
        markDirty(QSGNode::DirtyMaterial);
    }

    void render(const RenderState *state) override
    {
        auto *painter = static_cast<QPainter *>(
            m_window->rendererInterface()->getResource(m_window, QSGRendererInterface::PainterResource));
        if (!painter)
            return;
        painter->save();
        // The clip region is in window coordinates: set it before the
        // item's transform.
        if (state->clipRegion())
            painter->setClipRegion(*state->clipRegion(), Qt::IntersectClip);
        painter->setTransform(matrix()->toTransform());
        painter->setOpacity(inheritedOpacity());
        // Whole-pixel rectangles without antialiasing take the raster
        // engine's solid-fill path: a memset per row instead of coverage
        // computation.
        painter->setRenderHint(QPainter::Antialiasing, false);
        for (const LaneRect &r : m_rects)
            painter->fillRect(pixelRect(r.rect), r.color);
        painter->restore();
    }

    StateFlags changedStates() const override { return {}; }
    RenderingFlags flags() const override { return BoundedRectRendering; }
    QRectF rect() const override { return m_bounds; }

private:
    QQuickWindow *m_window;
    std::vector<LaneRect> m_rects;
    QRectF m_bounds;
};

// GPU backends: two triangles per rectangle, coloured per vertex.
QSGGeometryNode *geometryNodeFor(QSGNode *old, const std::vector<LaneRect> &rects)
{
    auto *node = static_cast<QSGGeometryNode *>(old);
    if (!node) {
        node = new QSGGeometryNode;
        auto *geometry = new QSGGeometry(QSGGeometry::defaultAttributes_ColoredPoint2D(), 0);
        geometry->setDrawingMode(QSGGeometry::DrawTriangles);
        node->setGeometry(geometry);
        node->setFlag(QSGNode::OwnsGeometry);
        node->setMaterial(new QSGVertexColorMaterial);
        node->setFlag(QSGNode::OwnsMaterial);
    }
    QSGGeometry *geometry = node->geometry();
    geometry->allocate(int(rects.size() * 6));
    QSGGeometry::ColoredPoint2D *v = geometry->vertexDataAsColoredPoint2D();
    for (const LaneRect &r : rects) {
        const auto red = uchar(r.color.red());
        const auto green = uchar(r.color.green());
        const auto blue = uchar(r.color.blue());
        const auto alpha = uchar(r.color.alpha());
        const auto x0 = float(r.rect.left());
        const auto x1 = float(r.rect.right());
        const auto y0 = float(r.rect.top());
        const auto y1 = float(r.rect.bottom());
        (v++)->set(x0, y0, red, green, blue, alpha);
        (v++)->set(x1, y0, red, green, blue, alpha);
        (v++)->set(x0, y1, red, green, blue, alpha);
        (v++)->set(x1, y0, red, green, blue, alpha);
        (v++)->set(x1, y1, red, green, blue, alpha);
        (v++)->set(x0, y1, red, green, blue, alpha);
    }
    node->markDirty(QSGNode::DirtyGeometry);
    return node;
}

} // namespace

TimelineLane::TimelineLane(QQuickItem *parent)
    : QQuickItem(parent)
{
    setFlag(ItemHasContents);
}

void TimelineLane::setSession(TraceSession *session)
{
    if (m_session == session)
        return;
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    m_session = session;
    if (m_session)
        connect(m_session, &TraceSession::grew, this, &QQuickItem::update);
    emit sessionChanged();
    update();
}

void TimelineLane::setViewport(TimelineViewport *viewport)
{
    if (m_viewport == viewport)
        return;
    if (m_viewport)
        disconnect(m_viewport, nullptr, this, nullptr);
    m_viewport = viewport;
    if (m_viewport)
        connect(m_viewport, &TimelineViewport::changed, this, &QQuickItem::update);
    emit viewportChanged();
    update();
}

void TimelineLane::setActorId(int actor)
{
    if (m_actor == actor)
        return;
    m_actor = actor;
    emit actorIdChanged();
    update();
}

void TimelineLane::setHighlightObject(int object)
{
    if (m_highlight == object)
        return;
    m_highlight = object;
    emit highlightObjectChanged();
    update();
}

void TimelineLane::setDark(bool dark)
{
    if (m_dark == dark)
        return;
    m_dark = dark;
    emit darkChanged();
    update();
}

void TimelineLane::geometryChange(const QRectF &newGeometry, const QRectF &oldGeometry)
{
    QQuickItem::geometryChange(newGeometry, oldGeometry);
    update();
}

QSGNode *TimelineLane::updatePaintNode(QSGNode *old, UpdatePaintNodeData *)
{
    std::vector<LaneRect> rects;
    if (m_session && m_viewport) {
        LaneStyle style;
        style.width = width();
        style.height = height();
        style.dark = m_dark;
        style.highlight = ObjectId(m_highlight);
        rects = buildLaneRects(m_session->intervals(ActorId(m_actor)), m_session->marks(ActorId(m_actor)),
                               m_viewport->axis(), style);
    }
    m_rectCount = int(rects.size());
    QMetaObject::invokeMethod(this, &TimelineLane::painted, Qt::QueuedConnection);

    const bool software = window()->rendererInterface()->graphicsApi() == QSGRendererInterface::Software;
    if (software) {
        auto *node = static_cast<PaintedLaneNode *>(old);
        if (!node)
            node = new PaintedLaneNode(window());
        node->setRects(std::move(rects), boundingRect());
        return node;
    }
    return geometryNodeFor(old, rects);
}

} // namespace clab
