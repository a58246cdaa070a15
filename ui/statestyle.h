#pragma once

#include "trace/timeline.h"

#include <QColor>
#include <QObject>
#include <QQmlEngine>
#include <QVariantList>
#include <QVariantMap>

namespace clab {

// How a state is drawn: a colour from the Okabe-Ito palette (safe for the
// common colour-vision deficiencies) and a shape that tells states apart
// without colour.
enum class StatePattern {
    Solid,    // running: a full bar
    Striped,  // waiting for a lock: vertical stripes
    Banded,   // waiting on a condition, event or queue: a band with a centre line
    Thin,     // sleeping or I/O: a half-height bar
    Line,     // finished: a thin line
    Dotted,   // waiting for the GIL: dots
    Outline,  // ready: an outline only
};

struct StateStyle {
    QColor color;
    QColor accent;   // stripes, outlines
    StatePattern pattern;
};

StateStyle styleFor(ActorState state, bool dark);
QString stateLabel(ActorState state);        // translated, for the legend and tooltips
QString patternName(StatePattern pattern);   // translated description of the shape

// The state colours, labels and patterns for QML: the legend and the scenes
// use exactly what the timeline lanes draw.
class StatePalette : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(bool dark READ dark WRITE setDark NOTIFY darkChanged)
    Q_PROPERTY(QVariantList legend READ legend NOTIFY darkChanged)

public:
    explicit StatePalette(QObject *parent = nullptr);

    bool dark() const { return m_dark; }
    void setDark(bool dark);
    QVariantList legend() const;
    // The legend plus the states a scene adds (WaitingGil for the GIL
    // scenes, Ready for the event loop), each once, in the order given.
    Q_INVOKABLE QVariantList legendWith(const QVariantList &extraStates) const;

    Q_INVOKABLE QColor color(int state) const;
    Q_INVOKABLE QColor accent(int state) const;
    Q_INVOKABLE QString label(int state) const;
    Q_INVOKABLE QString pattern(int state) const; // "solid", "striped", ...

Q_SIGNALS:
    void darkChanged();

private:
    QVariantMap entry(int state) const;

    bool m_dark = false;
};

} // namespace clab
