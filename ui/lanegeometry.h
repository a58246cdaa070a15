#pragma once

#include "timeaxis.h"
#include "tracesession.h"

#include <QColor>
#include <QRectF>
#include <vector>

namespace clab {

struct LaneRect {
    QRectF rect;
    QColor color;
};

struct LaneStyle {
    double width = 0;          // px
    double height = 0;         // px
    bool dark = false;
    ObjectId highlight = 0;    // waits on this object get a marker
    QColor highlightColor = QColor(0x00, 0x72, 0xB2);
};

// The rectangles that draw one lane at the axis' zoom: a shaped bar per
// interval wide enough to see, and, where intervals are narrower than a
// pixel, one column per pixel in the state that covers most of it (so a
// million events never become a million rectangles). Acquire and release
// marks are ticks on the top edge.
std::vector<LaneRect> buildLaneRects(const std::vector<StateInterval> &intervals,
                                     const std::vector<LaneMark> &marks, const TimeAxis &axis,
                                     const LaneStyle &style);

} // namespace clab
