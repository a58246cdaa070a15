#pragma once

// Shared by the engine tests: a run whose MainThread is the test's thread.

#include "scenarios/registry.h"
#include "scenarios/scenariorun.h"
#include "threads/runcontext.h"
#include "trace/trace.h"

#include <QtTest>
#include <algorithm>
#include <functional>

namespace clab::test {

// A RunContext with the calling thread attached as its MainThread, so
// primitives created in the test body are recorded and blocking calls can
// be cancelled.
class RunFixture
{
public:
    explicit RunFixture(quint64 seed = 1) : context(seed), main(std::make_unique<RunContext::MainThread>(context)) {}
    ~RunFixture() { finish(); }

    // Ends the MainThread and every other thread; returns the whole trace.
    Trace finish()
    {
        if (main) {
            main.reset();
            context.shutdown(std::chrono::seconds(5));
        }
        trace.merge(context.recorder().drain());
        return trace;
    }

    RunContext context;
    std::unique_ptr<RunContext::MainThread> main;
    Trace trace;
};

// One event as a recorder would write it, for traces built by hand.
inline TraceEvent ev(qint64 ts, ActorId actor, EventKind kind, ObjectId object = 0, qint64 value = 0,
                     quint32 aux = 0)
{
    TraceEvent e;
    e.ts = ts;
    e.actor = actor;
    e.kind = kind;
    e.object = object;
    e.value = value;
    e.aux = aux;
    return e;
}

inline TraceEvent waitBegin(qint64 ts, ActorId actor, WaitReason reason, ObjectId object, quint32 awaited = 0)
{
    return ev(ts, actor, EventKind::WaitBegin, object, qint64(reason), awaited);
}

inline TraceEvent waitEnd(qint64 ts, ActorId actor, ObjectId object, WaitOutcome outcome = WaitOutcome::Satisfied)
{
    return ev(ts, actor, EventKind::WaitEnd, object, qint64(outcome));
}

inline int countEvents(const Trace &trace, EventKind kind, ObjectId object = 0)
{
    return int(std::count_if(trace.events().begin(), trace.events().end(), [&](const TraceEvent &e) {
        return e.kind == kind && (object == 0 || e.object == object);
    }));
}

// QProcess starts children with clone(CLONE_VFORK). ThreadSanitizer takes
// it for fork() and runs its after-fork handlers in the child, which shares
// the parent's memory: the parent's race detection is unreliable from then
// on. Tests that start processes therefore run in the normal build only.
#ifdef __SANITIZE_THREAD__
constexpr bool kProcessesUnderTsan = true;
#else
constexpr bool kProcessesUnderTsan = false;
#endif
#define CLAB_SKIP_PROCESSES_UNDER_TSAN()                                                              \
    do {                                                                                              \
        if (clab::test::kProcessesUnderTsan)                                                          \
            QSKIP("starts worker processes: QProcess's vfork defeats ThreadSanitizer (testsupport.h)"); \
    } while (false)

// Runs the registered scenario `id` to its end on the calling thread with
// `assignments` (NAME=VALUE) applied; the trace goes to `trace` if given.
inline ScenarioOutcome runScenario(const QString &id, const QStringList &assignments = {}, Trace *trace = nullptr,
                                   quint64 seed = 1)
{
    const Scenario *scenario = ScenarioRegistry::instance().find(id);
    if (!scenario)
        qFatal("scenario %s is not registered", qPrintable(id));
    ParameterValues params(scenario->parameters());
    QString error;
    if (!params.applyAssignments(scenario->parameters(), assignments, &error))
        qFatal("bad assignments: %s", qPrintable(error));
    ScenarioRun run(*scenario, params, seed);
    run.runHere();
    if (trace)
        *trace = run.trace();
    return run.outcome();
}

// Polls `condition` for up to `ms`, for waiting on other threads without
// fixed sleeps.
inline bool eventually(const std::function<bool()> &condition, int ms = 5000)
{
    QDeadlineTimer deadline(ms);
    while (!condition()) {
        if (deadline.hasExpired())
            return false;
        QThread::msleep(1);
    }
    return true;
}

} // namespace clab::test
