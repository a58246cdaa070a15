#include "statestyle.h"

#include <QCoreApplication>

#include <algorithm>

namespace clab {

StateStyle styleFor(ActorState state, bool dark)
{
    // Okabe & Ito, "Color Universal Design".
    const QColor bluishGreen(0x00, 0x9E, 0x73);
    const QColor vermillion(0xD5, 0x5E, 0x00);
    const QColor orange(0xE6, 0x9F, 0x00);
    const QColor skyBlue(0x56, 0xB4, 0xE9);
    const QColor yellow(0xF0, 0xE4, 0x42);
    const QColor blue(0x00, 0x72, 0xB2);
    const QColor grey = dark ? QColor(0x80, 0x80, 0x80) : QColor(0xA0, 0xA0, 0xA0);
    const QColor ink = dark ? QColor(0x10, 0x10, 0x10) : QColor(0x20, 0x20, 0x20);
    switch (state) {
    case ActorState::Running: return {bluishGreen, bluishGreen.darker(140), StatePattern::Solid};
    case ActorState::WaitingLock: return {vermillion, ink, StatePattern::Striped};
    case ActorState::WaitingSignal: return {orange, ink, StatePattern::Banded};
    case ActorState::Sleeping: return {skyBlue, skyBlue.darker(150), StatePattern::Thin};
    case ActorState::Finished: return {grey, grey, StatePattern::Line};
    case ActorState::WaitingGil: return {yellow, ink, StatePattern::Dotted};
    case ActorState::Ready: return {blue, blue, StatePattern::Outline};
    }
    return {grey, grey, StatePattern::Solid};
}

QString stateLabel(ActorState state)
{
    switch (state) {
    case ActorState::Running: return QCoreApplication::translate("clab::StatePalette", "running");
    case ActorState::WaitingLock: return QCoreApplication::translate("clab::StatePalette", "waiting for a lock");
    case ActorState::WaitingSignal:
        return QCoreApplication::translate("clab::StatePalette", "waiting on a condition, event or queue");
    case ActorState::Sleeping: return QCoreApplication::translate("clab::StatePalette", "sleeping or I/O");
    case ActorState::Finished: return QCoreApplication::translate("clab::StatePalette", "finished");
    case ActorState::WaitingGil: return QCoreApplication::translate("clab::StatePalette", "waiting for the GIL");
    case ActorState::Ready: return QCoreApplication::translate("clab::StatePalette", "ready to run");
    }
    return {};
}

QString patternName(StatePattern pattern)
{
    switch (pattern) {
    case StatePattern::Solid: return QCoreApplication::translate("clab::StatePalette", "solid bar");
    case StatePattern::Striped: return QCoreApplication::translate("clab::StatePalette", "striped bar");
    case StatePattern::Banded: return QCoreApplication::translate("clab::StatePalette", "bar with a centre line");
    case StatePattern::Thin: return QCoreApplication::translate("clab::StatePalette", "half-height bar");
    case StatePattern::Line: return QCoreApplication::translate("clab::StatePalette", "thin line");
    case StatePattern::Dotted: return QCoreApplication::translate("clab::StatePalette", "dotted bar");
    case StatePattern::Outline: return QCoreApplication::translate("clab::StatePalette", "outlined bar");
    }
    return {};
}

namespace {
QString patternId(StatePattern p)
{
    switch (p) {
    case StatePattern::Solid: return QStringLiteral("solid");
    case StatePattern::Striped: return QStringLiteral("striped");
    case StatePattern::Banded: return QStringLiteral("banded");
    case StatePattern::Thin: return QStringLiteral("thin");
    case StatePattern::Line: return QStringLiteral("line");
    case StatePattern::Dotted: return QStringLiteral("dotted");
    case StatePattern::Outline: return QStringLiteral("outline");
    }
    return {};
}

ActorState checked(int state)
{
    return ActorState(std::clamp(state, 0, kActorStateCount - 1));
}
} // namespace

StatePalette::StatePalette(QObject *parent)
    : QObject(parent)
{
}

void StatePalette::setDark(bool dark)
{
    if (m_dark == dark)
        return;
    m_dark = dark;
    emit darkChanged();
}

QVariantMap StatePalette::entry(int state) const
{
    const ActorState s = checked(state);
    const StateStyle style = styleFor(s, m_dark);
    return QVariantMap{{QStringLiteral("state"), int(s)},
                       {QStringLiteral("label"), stateLabel(s)},
                       {QStringLiteral("color"), style.color},
                       {QStringLiteral("accent"), style.accent},
                       {QStringLiteral("pattern"), patternId(style.pattern)},
                       {QStringLiteral("patternName"), patternName(style.pattern)}};
}

QVariantList StatePalette::legend() const
{
    QVariantList out;
    // The five states every thread scene uses; GIL and ready join when
    // those scenes need them (legendWith).
    for (const ActorState s : {ActorState::Running, ActorState::WaitingLock, ActorState::WaitingSignal,
                               ActorState::Sleeping, ActorState::Finished})
        out.append(entry(int(s)));
    return out;
}

QVariantList StatePalette::legendWith(const QVariantList &extraStates) const
{
    QVariantList out = legend();
    QList<int> shown;
    for (const QVariant &v : out)
        shown.append(v.toMap().value(QStringLiteral("state")).toInt());
    for (const QVariant &v : extraStates) {
        bool ok = false;
        const int state = v.toInt(&ok);
        if (!ok || state < 0 || state >= kActorStateCount || shown.contains(state))
            continue;
        shown.append(state);
        out.append(entry(state));
    }
    return out;
}

QColor StatePalette::color(int state) const
{
    return styleFor(checked(state), m_dark).color;
}

QColor StatePalette::accent(int state) const
{
    return styleFor(checked(state), m_dark).accent;
}

QString StatePalette::label(int state) const
{
    return stateLabel(checked(state));
}

QString StatePalette::pattern(int state) const
{
    return patternId(styleFor(checked(state), m_dark).pattern);
}

} // namespace clab
