#pragma once

#include "timelineviewport.h"
#include <QColor>
#include <QPointer>
#include <QQuickPaintedItem>

namespace clab {


// The time scale above the lanes: round steps in ns, µs, ms or s, counted
// from the start of the run.
class TimeRuler : public QQuickPaintedItem
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(TimelineViewport *viewport READ viewport WRITE setViewport NOTIFY viewportChanged)
    Q_PROPERTY(QColor color READ color WRITE setColor NOTIFY colorChanged)
    Q_PROPERTY(double tickHeight READ tickHeight WRITE setTickHeight NOTIFY tickHeightChanged)

public:
    explicit TimeRuler(QQuickItem *parent = nullptr);

    TimelineViewport *viewport() const { return m_viewport; }
    void setViewport(TimelineViewport *viewport);
    QColor color() const { return m_color; }
    void setColor(const QColor &color);
    // Height of the grid lines below the labels (0: ruler only).
    double tickHeight() const { return m_tickHeight; }
    void setTickHeight(double h);

    void paint(QPainter *painter) override;

Q_SIGNALS:
    void viewportChanged();
    void colorChanged();
    void tickHeightChanged();

private:
    QPointer<TimelineViewport> m_viewport;
    QColor m_color = Qt::black;
    double m_tickHeight = 0;
};

} // namespace clab
