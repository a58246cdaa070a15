#include "replay.h"

#include "scenebuilder.h"
#include "trace.h"

#include <algorithm>

namespace clab {

TraceReplay::TraceReplay(const Trace &trace, int checkpointEvery)
    : m_trace(trace)
    , m_every(std::max(1, checkpointEvery))
{
    refresh();
}

void TraceReplay::refresh()
{
    const std::vector<TraceEvent> &events = m_trace.events();
    const size_t every = size_t(m_every);

    // A merge that reached back before a checkpoint, or a cleared trace,
    // moves the event that checkpoint ended on: drop it and those after.
    while (m_checkpoints.size() > 1) {
        const size_t end = (m_checkpoints.size() - 1) * every;
        if (end <= events.size() && events[end - 1] == m_boundaries.back())
            break;
        m_checkpoints.pop_back();
        m_boundaries.pop_back();
    }
    if (m_checkpoints.size() <= 1) {
        // Rebuilt each time, so a cleared trace leaves no stale actors.
        m_checkpoints.clear();
        m_boundaries.clear();
        SceneSnapshot initial;
        SceneBuilder(initial, m_trace).syncWithTrace();
        initial.atNs = events.empty() ? 0 : events.front().ts - 1;
        m_checkpoints.push_back(std::move(initial));
        m_boundaries.push_back(TraceEvent{});
    }

    size_t applied = (m_checkpoints.size() - 1) * every;
    if (applied + every > events.size())
        return;
    SceneSnapshot scene = m_checkpoints.back();
    SceneBuilder builder(scene, m_trace);
    while (applied + every <= events.size()) {
        for (const size_t end = applied + every; applied < end; ++applied)
            builder.apply(events[applied]);
        scene.eventsApplied = int(applied);
        scene.atNs = events[applied - 1].ts;
        m_checkpoints.push_back(scene);
        m_boundaries.push_back(events[applied - 1]);
    }
}

SceneSnapshot TraceReplay::at(qint64 ns) const
{
    const std::vector<TraceEvent> &events = m_trace.events();
    const auto after = std::upper_bound(events.begin(), events.end(), ns,
                                        [](qint64 t, const TraceEvent &e) { return t < e.ts; });
    SceneSnapshot scene = afterEvents(int(after - events.begin()));
    scene.atNs = ns;
    return scene;
}

SceneSnapshot TraceReplay::afterEvents(int count) const
{
    const std::vector<TraceEvent> &events = m_trace.events();
    const size_t wanted = size_t(std::clamp<qint64>(count, 0, qint64(events.size())));
    const size_t checkpoint = std::min(wanted / size_t(m_every), m_checkpoints.size() - 1);

    SceneSnapshot scene = m_checkpoints[checkpoint];
    SceneBuilder builder(scene, m_trace);
    for (size_t i = checkpoint * size_t(m_every); i < wanted; ++i)
        builder.apply(events[i]);
    builder.syncWithTrace();
    scene.eventsApplied = int(wanted);
    if (wanted > 0)
        scene.atNs = events[wanted - 1].ts;
    else
        scene.atNs = events.empty() ? 0 : events.front().ts - 1;
    return scene;
}

std::optional<qint64> TraceReplay::nextEventNs(qint64 ns) const
{
    const std::vector<TraceEvent> &events = m_trace.events();
    const auto it = std::upper_bound(events.begin(), events.end(), ns,
                                     [](qint64 t, const TraceEvent &e) { return t < e.ts; });
    if (it == events.end())
        return std::nullopt;
    return it->ts;
}

std::optional<qint64> TraceReplay::previousEventNs(qint64 ns) const
{
    const std::vector<TraceEvent> &events = m_trace.events();
    const auto it = std::lower_bound(events.begin(), events.end(), ns,
                                     [](const TraceEvent &e, qint64 t) { return e.ts < t; });
    if (it == events.begin())
        return std::nullopt;
    return std::prev(it)->ts;
}

} // namespace clab
