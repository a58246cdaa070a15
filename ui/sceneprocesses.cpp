#include "sceneprocesses.h"

#include "trace/replay.h"
#include "trace/trace.h"

#include <QHash>
#include <QVariantMap>
#include <algorithm>

namespace clab {

const ActorInfo *processOf(const Trace &trace, ActorId actor)
{
    const ActorInfo *a = trace.actor(actor);
    // Parents come before their children, so this ends; the bound is for a
    // malformed trace.
    for (int hops = 0; a && a->kind != ActorKind::Process && hops < 64; ++hops)
        a = trace.actor(a->parent);
    return a && a->kind == ActorKind::Process ? a : nullptr;
}

namespace {

struct ProcessRow {
    const ActorInfo *info = nullptr;
    const ActorSnapshot *self = nullptr;   // its own snapshot: ended by its ActorEnd
    const ActorSnapshot *main = nullptr;   // its first thread
    int threads = 0;
    int threadsAlive = 0;
    int coroutines = 0;
    int coroutinesAlive = 0;
};

bool alive(const ActorSnapshot &a)
{
    return a.started && a.state != ActorState::Finished;
}

// The ActorEnd that ended a process (its exit status in aux), if any.
const TraceEvent *processEnd(const Trace &trace, const ActorSnapshot &process)
{
    if (process.state != ActorState::Finished)
        return nullptr;
    const std::vector<TraceEvent> &events = trace.events();
    auto it = std::lower_bound(events.cbegin(), events.cend(), process.sinceNs,
                               [](const TraceEvent &e, qint64 t) { return e.ts < t; });
    for (; it != events.cend() && it->ts == process.sinceNs; ++it) {
        if (it->kind == EventKind::ActorEnd && it->actor == process.id)
            return &*it;
    }
    return nullptr;
}

} // namespace

QVariantList processList(const Trace &trace, const SceneSnapshot &snap)
{
    QHash<ActorId, int> index;
    std::vector<ProcessRow> rows;
    for (const ActorSnapshot &a : snap.actors) {
        if (a.kind != ActorKind::Process)
            continue;
        index.insert(a.id, int(rows.size()));
        ProcessRow row;
        row.info = trace.actor(a.id);
        row.self = &a;
        rows.push_back(row);
    }
    if (rows.empty())
        return {};
    for (const ActorSnapshot &a : snap.actors) {
        if (a.kind == ActorKind::Process)
            continue;
        const ActorInfo *process = processOf(trace, a.id);
        const auto it = process ? index.constFind(process->id) : index.constEnd();
        if (it == index.constEnd())
            continue;
        ProcessRow &row = rows[size_t(*it)];
        if (a.kind == ActorKind::Coroutine) {
            ++row.coroutines;
            row.coroutinesAlive += alive(a) ? 1 : 0;
            continue;
        }
        ++row.threads;
        row.threadsAlive += alive(a) ? 1 : 0;
        // Its first thread is its main thread (snapshots are in id order).
        if (!row.main)
            row.main = &a;
    }

    // The run's own process (no parent process) first, then by id.
    std::stable_sort(rows.begin(), rows.end(), [](const ProcessRow &a, const ProcessRow &b) {
        const bool rootA = !a.info || a.info->parent == 0;
        const bool rootB = !b.info || b.info->parent == 0;
        return rootA && !rootB;
    });

    QVariantList out;
    for (const ProcessRow &row : rows) {
        const ActorSnapshot &self = *row.self;
        const ActorInfo *parent = row.info ? processOf(trace, row.info->parent) : nullptr;
        int depth = 0;
        for (const ActorInfo *p = parent; p && depth < 64; p = processOf(trace, p->parent))
            ++depth;
        const bool root = !parent;
        const TraceEvent *end = processEnd(trace, self);
        const bool mainStarted = row.main && row.main->started;
        const bool mainEnded = mainStarted && row.main->state == ActorState::Finished;
        const bool spawned = root || end || mainStarted || (row.main && row.main->spawnedNs > 0);
        QString state;
        if (end || mainEnded)
            state = QStringLiteral("exited");
        else if (mainStarted || (root && row.threadsAlive > 0))
            state = QStringLiteral("running");
        else if (spawned && !root)
            state = QStringLiteral("starting");
        else
            state = root ? QStringLiteral("starting") : QStringLiteral("new");
        const qint64 endedNs = end ? end->ts : mainEnded ? row.main->sinceNs : 0;
        out.append(QVariantMap{
            {QStringLiteral("id"), int(self.id)},
            {QStringLiteral("name"), self.name},
            {QStringLiteral("pid"), row.info ? row.info->osId : 0},
            {QStringLiteral("parent"), parent ? int(parent->id) : 0},
            {QStringLiteral("parentName"), parent ? parent->name : QString()},
            {QStringLiteral("parentPid"), parent ? parent->osId : 0},
            {QStringLiteral("depth"), depth},
            {QStringLiteral("mainThread"), row.main ? int(row.main->id) : 0},
            {QStringLiteral("state"), state},
            {QStringLiteral("spawnedNs"), row.main ? row.main->spawnedNs : qint64(0)},
            {QStringLiteral("startedNs"), mainStarted ? row.main->startedNs : qint64(0)},
            {QStringLiteral("endedNs"), endedNs},
            {QStringLiteral("hasExitCode"), end != nullptr},
            {QStringLiteral("exitCode"), end ? int(qint32(end->aux)) : 0},
            {QStringLiteral("threads"), row.threads},
            {QStringLiteral("threadsAlive"), row.threadsAlive},
            {QStringLiteral("coroutines"), row.coroutines},
            {QStringLiteral("coroutinesAlive"), row.coroutinesAlive},
        });
    }
    return out;
}

} // namespace clab
