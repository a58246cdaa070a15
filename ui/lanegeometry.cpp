#include "lanegeometry.h"

#include "statestyle.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace clab {

namespace {

constexpr double kMinMarkSpacingPx = 3;

// Which state a merged pixel shows when several share it about equally:
// waiting is what a learner looks for.
int importance(ActorState s)
{
    switch (s) {
    case ActorState::WaitingLock: return 6;
    case ActorState::WaitingGil: return 5;
    case ActorState::WaitingSignal: return 4;
    case ActorState::Running: return 3;
    case ActorState::Ready: return 2;
    case ActorState::Sleeping: return 1;
    case ActorState::Finished: return 0;
    }
    return 0;
}

class Builder
{
public:
    Builder(const LaneStyle &style, std::vector<LaneRect> &out) : m_style(style), m_out(out) {}

    void shaped(double x0, double x1, ActorState state, bool highlighted)
    {
        const StateStyle s = styleFor(state, m_style.dark);
        const double h = m_style.height;
        const double top = 2;
        const double full = h - 4;
        const double w = x1 - x0;
        switch (s.pattern) {
        case StatePattern::Solid:
            add(x0, top, w, full, s.color);
            break;
        case StatePattern::Striped:
            add(x0, top, w, full, s.color);
            for (double x = std::ceil(x0 / 6) * 6; x + 1.5 <= x1; x += 6)
                add(x, top, 1.5, full, s.accent);
            break;
        case StatePattern::Banded:
            add(x0, top, w, full, s.color);
            add(x0, h / 2 - 1, w, 2, s.accent);
            break;
        case StatePattern::Thin:
            add(x0, h * 0.3, w, h * 0.4, s.color);
            break;
        case StatePattern::Line:
            add(x0, h / 2 - 1, w, 2, s.color);
            break;
        case StatePattern::Dotted:
            add(x0, top, w, full, s.color);
            for (double x = std::ceil(x0 / 5) * 5; x + 2 <= x1; x += 5)
                add(x, h / 2 - 1, 2, 2, s.accent);
            break;
        case StatePattern::Outline:
            add(x0, top, w, 1.5, s.color);
            add(x0, top + full - 1.5, w, 1.5, s.color);
            add(x0, top, 1.5, full, s.color);
            add(x1 - 1.5, top, 1.5, full, s.color);
            break;
        }
        if (highlighted)
            add(x0, 0, w, 3, m_style.highlightColor);
    }

    // Accumulates a sub-pixel interval into its pixel column.
    void narrow(double x0, double x1, ActorState state, bool highlighted)
    {
        const int column = int(std::floor(x0));
        if (column != m_column)
            flushColumn();
        m_column = column;
        m_coverage[size_t(state)] += std::max(x1 - x0, 1e-6);
        m_columnHighlighted = m_columnHighlighted || highlighted;
    }

    void flushColumn()
    {
        if (m_column == kNoColumn)
            return;
        int best = 0;
        for (int s = 1; s < kActorStateCount; ++s) {
            const double a = m_coverage[size_t(s)];
            const double b = m_coverage[size_t(best)];
            if (a > b * 1.25 || (a * 1.25 >= b && a > 0 && importance(ActorState(s)) > importance(ActorState(best))))
                best = s;
        }
        const StateStyle s = styleFor(ActorState(best), m_style.dark);
        // A run of columns in the same state is one rectangle.
        if (!m_out.empty() && m_lastColumnRect >= 0 && m_lastColumn == m_column - 1
            && m_out[size_t(m_lastColumnRect)].color == s.color && !m_columnHighlighted) {
            m_out[size_t(m_lastColumnRect)].rect.setRight(m_column + 1.0);
        } else {
            const double h = m_style.height;
            const bool thin = s.pattern == StatePattern::Thin || s.pattern == StatePattern::Line;
            m_lastColumnRect = int(m_out.size());
            if (thin)
                add(m_column, h * 0.3, 1, h * 0.4, s.color);
            else
                add(m_column, 2, 1, h - 4, s.color);
            if (m_columnHighlighted) {
                add(m_column, 0, 1, 3, m_style.highlightColor);
                m_lastColumnRect = -1;
            }
        }
        m_lastColumn = m_column;
        m_column = kNoColumn;
        m_coverage.fill(0);
        m_columnHighlighted = false;
    }

    void breakColumnRun() { m_lastColumnRect = -1; }

    void add(double x, double y, double w, double h, const QColor &c) { m_out.push_back({QRectF(x, y, w, h), c}); }

private:
    static constexpr int kNoColumn = std::numeric_limits<int>::min();
    const LaneStyle &m_style;
    std::vector<LaneRect> &m_out;
    int m_column = kNoColumn;
    int m_lastColumn = kNoColumn;
    int m_lastColumnRect = -1;
    std::array<double, kActorStateCount> m_coverage{};
    bool m_columnHighlighted = false;
};

} // namespace

std::vector<LaneRect> buildLaneRects(const std::vector<StateInterval> &intervals,
                                     const std::vector<LaneMark> &marks, const TimeAxis &axis,
                                     const LaneStyle &style)
{
    std::vector<LaneRect> out;
    if (style.width <= 0 || style.height <= 0)
        return out;
    const qint64 visibleStart = axis.nsAtX(0);
    const qint64 visibleEnd = axis.nsAtX(style.width);
    // Intervals of a lane do not overlap and are in time order, so their
    // ends are ordered too.
    auto it = std::lower_bound(intervals.begin(), intervals.end(), visibleStart,
                               [](const StateInterval &s, qint64 t) { return s.endNs < t; });
    Builder builder(style, out);
    for (; it != intervals.end() && it->startNs <= visibleEnd; ++it) {
        const double x0 = std::max(0.0, axis.xForNs(it->startNs));
        const double x1 = std::min(style.width, axis.xForNs(it->endNs));
        if (x1 <= x0 && it->endNs != it->startNs)
            continue;
        const bool highlighted = style.highlight != 0 && it->object == style.highlight;
        if (x1 - x0 >= 1.0) {
            builder.flushColumn();
            builder.breakColumnRun();
            builder.shaped(x0, x1, it->state, highlighted);
        } else {
            builder.narrow(x0, x1, it->state, highlighted);
        }
    }
    builder.flushColumn();

    // Marks: one tick per pixel column at most, and none when they would
    // cover the lane like a comb (zoom in to see them).
    auto m = std::lower_bound(marks.begin(), marks.end(), visibleStart,
                              [](const LaneMark &mark, qint64 t) { return mark.ns < t; });
    const auto mEnd = std::upper_bound(m, marks.end(), visibleEnd,
                                       [](qint64 t, const LaneMark &mark) { return t < mark.ns; });
    if (double(mEnd - m) * kMinMarkSpacingPx > style.width)
        return out;
    const QColor acquire = style.dark ? QColor(0xF0, 0xF0, 0xF0) : QColor(0x10, 0x10, 0x10);
    const QColor release = style.dark ? QColor(0xA0, 0xA0, 0xA0) : QColor(0x70, 0x70, 0x70);
    int lastColumn = std::numeric_limits<int>::min();
    for (; m != mEnd; ++m) {
        const double x = axis.xForNs(m->ns);
        const int column = int(std::floor(x));
        if (column == lastColumn)
            continue;
        lastColumn = column;
        const bool isAcquire = m->kind == EventKind::Acquired;
        builder.add(x - 0.75, 0, 1.5, isAcquire ? 6 : 4, isAcquire ? acquire : release);
    }
    return out;
}

} // namespace clab
