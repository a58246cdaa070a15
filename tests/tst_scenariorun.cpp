// Running the registered scenarios: metrics, outcomes, cancelling and the
// live trace.

#include "testsupport.h"

#include "scenarios/registry.h"
#include "scenarios/scenariorun.h"
#include "threads/runcontext.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QtTest>
#include <map>
#include <memory>

using namespace clab;
using clab::test::runScenario;
using clab::test::eventually;

namespace {

// The figures each scenario must report.
const std::map<QString, QStringList> &requiredMetrics()
{
    static const std::map<QString, QStringList> metrics = {
        {QStringLiteral("thread-basics"), {QStringLiteral("threads_started"), QStringLiteral("names"),
                                           QStringLiteral("alive_after_join"), QStringLiteral("main_thread")}},
        {QStringLiteral("race-condition"), {QStringLiteral("expected"), QStringLiteral("final"),
                                            QStringLiteral("lost_updates")}},
        {QStringLiteral("deadlock"), {QStringLiteral("deadlock"), QStringLiteral("cycle")}},
        {QStringLiteral("thread-pool"), {QStringLiteral("tasks_done"), QStringLiteral("workers_used")}},
        {QStringLiteral("producer-consumer"), {QStringLiteral("produced"), QStringLiteral("consumed")}},
        {QStringLiteral("lock-contention"), {QStringLiteral("contended_acquires"), QStringLiteral("wait_ms_total")}},
        {QStringLiteral("gil-cpu-bound"), {QStringLiteral("elapsed_ms"), QStringLiteral("serial_ms"),
                                           QStringLiteral("time_ratio"), QStringLiteral("gil_switches")}},
        {QStringLiteral("gil-convoy"), {QStringLiteral("extra_latency_ms_median")}},
        {QStringLiteral("async-basics"), {QStringLiteral("tasks_done")}},
        {QStringLiteral("async-gather"), {QStringLiteral("tasks_done"), QStringLiteral("results")}},
        {QStringLiteral("async-queue"), {QStringLiteral("tasks_done"), QStringLiteral("consumers_cancelled")}},
        {QStringLiteral("async-semaphore"), {QStringLiteral("tasks_done"), QStringLiteral("max_concurrent")}},
        {QStringLiteral("gevent-greenlets"), {QStringLiteral("tasks_done"), QStringLiteral("killed")}},
        {QStringLiteral("async-server"), {QStringLiteral("tasks_done"), QStringLiteral("requests_served"),
                                          QStringLiteral("concurrent_peak"), QStringLiteral("loop_threads")}},
        {QStringLiteral("process-basics"), {QStringLiteral("pids"), QStringLiteral("ppid_is_parent"),
                                            QStringLiteral("child_global_after"), QStringLiteral("parent_global_after")}},
        {QStringLiteral("fork"), {QStringLiteral("fork_returned_in_child"), QStringLiteral("fork_returned_in_parent")}},
        {QStringLiteral("process-pool"), {QStringLiteral("tasks_done"), QStringLiteral("pids")}},
        {QStringLiteral("process-queue"), {QStringLiteral("produced"), QStringLiteral("consumed")}},
        {QStringLiteral("pipe"), {QStringLiteral("sent"), QStringLiteral("received")}},
        {QStringLiteral("shared-memory"), {QStringLiteral("expected"), QStringLiteral("final"), QStringLiteral("lost_updates")}},
        {QStringLiteral("subprocess"), {QStringLiteral("stdout"), QStringLiteral("returncode")}},
        {QStringLiteral("threads-vs-processes"), {QStringLiteral("threads_ms"), QStringLiteral("processes_ms"),
                                                  QStringLiteral("speedup_processes")}},
        {QStringLiteral("coroutines-vs-threads"), {QStringLiteral("tasks_done"), QStringLiteral("coroutine_bytes_each"),
                                                   QStringLiteral("thread_bytes_each")}},
    };
    return metrics;
}

const Scenario &scenario(const QString &id)
{
    const Scenario *s = ScenarioRegistry::instance().find(id);
    if (!s)
        qFatal("scenario %s is not registered", qPrintable(id));
    return *s;
}

QStringList cycleNames(const ScenarioOutcome &outcome)
{
    QStringList names;
    for (const QJsonValue &v : outcome.metrics.value(QStringLiteral("cycle")).toArray())
        names << v.toString();
    return names;
}

// Whether `names` is `expected` read from some starting point (a cycle has
// no first member).
bool isRotationOf(const QStringList &names, const QStringList &expected)
{
    if (names.size() != expected.size())
        return false;
    for (int start = 0; start < expected.size(); ++start) {
        bool same = true;
        for (int i = 0; i < expected.size() && same; ++i)
            same = names[i] == expected[(start + i) % expected.size()];
        if (same)
            return true;
    }
    return false;
}

// The race runs: 200000 iterations per thread as specified; the TSan build,
// 5-15x slower, runs the same code on a fifth of the work.
#ifndef __SANITIZE_THREAD__
constexpr int kRaceIterations = 200000;
constexpr int kLockedIterations = 20000;
#else
constexpr int kRaceIterations = 40000;
constexpr int kLockedIterations = 4000;
#endif

} // namespace

class TestScenarioRun : public QObject
{
    Q_OBJECT

private slots:
    void requiredMetricsNameRegisteredScenarios();
    void runsWithDefaults_data();
    void runsWithDefaults();
    void registryFindsById();
    void raceConditionLosesUpdatesWithoutLock();
    void raceConditionWithLockLosesNothing();
    void deadlockIsFound_data();
    void deadlockIsFound();
    void orderedLocksFinishAllMeals_data();
    void orderedLocksFinishAllMeals();
    void cancelDeadlockedRun();
    void cancelBeforeTheEndMarksTheOutcome();
    void liveBatchesAddUpToTheTrace();
    void sameSeedSameTaskLengths();
    void threadBasicsStopsTheDaemon();
    void gatherCountsEveryCoroutineThatReturned_data();
    void gatherCountsEveryCoroutineThatReturned();
    void outcomeJson();
};

void TestScenarioRun::requiredMetricsNameRegisteredScenarios()
{
    const QStringList ids = ScenarioRegistry::instance().ids();
    for (const auto &[id, metrics] : requiredMetrics())
        QVERIFY2(ids.contains(id), qPrintable(id));
}

void TestScenarioRun::runsWithDefaults_data()
{
    QTest::addColumn<QString>("id");
    for (const QString &id : ScenarioRegistry::instance().ids())
        QTest::newRow(qPrintable(id)) << id;
}

void TestScenarioRun::runsWithDefaults()
{
    QFETCH(QString, id);
    const Scenario &s = scenario(id);
    QCOMPARE(s.id(), id);
    QVERIFY(!s.title().isEmpty());
    QVERIFY(!s.description().isEmpty());
    QVERIFY(!s.scene().isEmpty());
    for (const ParameterSpec &p : s.parameters()) {
        QString error;
        QVERIFY2(p.check(p.defaultValue, &error).has_value(), qPrintable(error));
    }

    if (s.group() == ScenarioGroup::Processes || id == QLatin1String("threads-vs-processes-gil")
        || id == QLatin1String("processes-plus-coroutines"))
        CLAB_SKIP_PROCESSES_UNDER_TSAN();
    Trace trace;
    const ScenarioOutcome outcome = runScenario(id, {}, &trace);
    QVERIFY2(outcome.error.isEmpty(), qPrintable(outcome.error));
    QVERIFY(!outcome.cancelled);
    QCOMPARE(outcome.scenario, id);
    QCOMPARE(outcome.params, ParameterValues(s.parameters()).values());
    QVERIFY(outcome.elapsedMs > 0);
    QVERIFY(outcome.actors >= 1);
    QCOMPARE(outcome.events, qint64(trace.events().size()));
    QVERIFY(outcome.events > 0);
    // Every lane (a thread or a coroutine) starts and ends.
    int lanes = 0;
    for (const ActorInfo &a : trace.actors())
        lanes += a.kind != ActorKind::Process ? 1 : 0;
    QCOMPARE(lanes, outcome.actors);
    QCOMPARE(clab::test::countEvents(trace, EventKind::ActorStart), lanes);
    // A child process ends too, with its exit status; the run's own does not.
    int laneEnds = 0;
    int processEnds = 0;
    for (const TraceEvent &e : trace.events()) {
        if (e.kind != EventKind::ActorEnd)
            continue;
        const ActorInfo *a = trace.actor(e.actor);
        QVERIFY(a);
        if (a->kind == ActorKind::Process) {
            QVERIFY2(a->parent != 0, "the run's own process does not end");
            ++processEnds;
        } else {
            ++laneEnds;
        }
    }
    QCOMPARE(laneEnds, lanes);
    int children = 0;
    for (const ActorInfo &a : trace.actors())
        children += a.kind == ActorKind::Process && a.parent != 0 ? 1 : 0;
    QCOMPARE(processEnds, children);

    const auto required = requiredMetrics().find(id);
    if (required == requiredMetrics().end()) {
        QVERIFY2(!outcome.metrics.isEmpty(), "a scenario must report some metrics");
        return;
    }
    for (const QString &metric : required->second)
        QVERIFY2(outcome.metrics.contains(metric), qPrintable(QStringLiteral("%1 has no '%2'").arg(id, metric)));
}

void TestScenarioRun::registryFindsById()
{
    const ScenarioRegistry &registry = ScenarioRegistry::instance();
    QVERIFY(!registry.ids().isEmpty());
    QCOMPARE(int(registry.all().size()), registry.ids().size());
    for (const QString &id : registry.ids())
        QCOMPARE(registry.find(id)->id(), id);
    QVERIFY(!registry.find(QStringLiteral("no-such-scenario")));
    // Ids are unique.
    QStringList ids = registry.ids();
    ids.removeDuplicates();
    QCOMPARE(ids.size(), registry.ids().size());
}

void TestScenarioRun::raceConditionLosesUpdatesWithoutLock()
{
    const ScenarioOutcome outcome = runScenario(QStringLiteral("race-condition"),
        {QStringLiteral("threads=2"), QStringLiteral("iterations=%1").arg(kRaceIterations), QStringLiteral("lock=false")});
    QVERIFY2(outcome.error.isEmpty(), qPrintable(outcome.error));
    const qint64 expected = outcome.metrics.value(QStringLiteral("expected")).toInteger();
    const qint64 final = outcome.metrics.value(QStringLiteral("final")).toInteger();
    const qint64 lost = outcome.metrics.value(QStringLiteral("lost_updates")).toInteger();
    QCOMPARE(expected, qint64(0));
    QVERIFY2(lost > 0, qPrintable(QStringLiteral("final %1, lost %2").arg(final).arg(lost)));
    // A wrong balance can only come from lost updates.
    QVERIFY(final == expected || lost > 0);
    QCOMPARE(outcome.metrics.value(QStringLiteral("updates")).toInteger(), qint64(2) * 2 * kRaceIterations);
}

void TestScenarioRun::raceConditionWithLockLosesNothing()
{
    const ScenarioOutcome outcome = runScenario(QStringLiteral("race-condition"),
        {QStringLiteral("threads=4"), QStringLiteral("iterations=%1").arg(kLockedIterations), QStringLiteral("lock=true")});
    QVERIFY2(outcome.error.isEmpty(), qPrintable(outcome.error));
    QCOMPARE(outcome.metrics.value(QStringLiteral("lost_updates")).toInteger(), qint64(0));
    QCOMPARE(outcome.metrics.value(QStringLiteral("final")).toInteger(), qint64(0));
    QCOMPARE(outcome.metrics.value(QStringLiteral("expected")).toInteger(), qint64(0));
}

void TestScenarioRun::deadlockIsFound_data()
{
    QTest::addColumn<QStringList>("assignments");
    QTest::addColumn<QStringList>("cycle");
    // Many meals, so that a deadlock is certain even on a slow machine.
    QTest::newRow("two locks") << QStringList{QStringLiteral("mode=two-locks"), QStringLiteral("meals=20")}
                               << QStringList{QStringLiteral("Thread-1"), QStringLiteral("Thread-2")};
    QTest::newRow("five philosophers")
        << QStringList{QStringLiteral("mode=philosophers"), QStringLiteral("philosophers=5"), QStringLiteral("meals=20")}
        << QStringList{QStringLiteral("Philosopher-0"), QStringLiteral("Philosopher-1"), QStringLiteral("Philosopher-2"),
                       QStringLiteral("Philosopher-3"), QStringLiteral("Philosopher-4")};
    QTest::newRow("three philosophers")
        << QStringList{QStringLiteral("mode=philosophers"), QStringLiteral("philosophers=3"), QStringLiteral("meals=20")}
        << QStringList{QStringLiteral("Philosopher-0"), QStringLiteral("Philosopher-1"), QStringLiteral("Philosopher-2")};
}

void TestScenarioRun::deadlockIsFound()
{
    QFETCH(QStringList, assignments);
    QFETCH(QStringList, cycle);

    const Scenario &s = scenario(QStringLiteral("deadlock"));
    ParameterValues params(s.parameters());
    QString error;
    QVERIFY2(params.applyAssignments(s.parameters(), assignments, &error), qPrintable(error));
    // Whether the threads ever all hold one lock at once depends on timing;
    // a run that does not deadlock must then finish every meal.
    bool found = false;
    for (int attempt = 0; attempt < 5 && !found; ++attempt) {
        ScenarioRun run(s, params, 1);
        run.start();
        // It ends by itself: the detector stops it.
        QVERIFY(run.wait(std::chrono::seconds(20)));
        QVERIFY(run.isFinished());
        const ScenarioOutcome outcome = run.outcome();
        QVERIFY2(outcome.error.isEmpty(), qPrintable(outcome.error));
        QVERIFY(!outcome.cancelled); // the engine stopped it, not the user
        const int eaten = outcome.metrics.value(QStringLiteral("meals_eaten")).toInt();
        const int wanted = outcome.metrics.value(QStringLiteral("meals_wanted")).toInt();
        if (!outcome.metrics.value(QStringLiteral("deadlock")).toBool()) {
            QCOMPARE(eaten, wanted);
            QVERIFY(cycleNames(outcome).isEmpty());
            continue;
        }
        found = true;
        // Each waits for the lock the next one holds: philosopher i for fork i+1.
        const QStringList names = cycleNames(outcome);
        QVERIFY2(isRotationOf(names, cycle), qPrintable(names.join(QStringLiteral(" -> "))));
        QVERIFY(eaten < wanted);
        QVERIFY(outcome.metrics.contains(QStringLiteral("detected_after_ms")));
#ifndef __SANITIZE_THREAD__
        QVERIFY2(outcome.metrics.value(QStringLiteral("detected_after_ms")).toDouble() < 100,
                 qPrintable(QString::number(outcome.metrics.value(QStringLiteral("detected_after_ms")).toDouble())));
#endif
        QVERIFY(run.context().deadlock().has_value());
        QCOMPARE(run.context().deadlock()->names, names);
    }
    QVERIFY2(found, "no run deadlocked in 5 attempts");
}

void TestScenarioRun::orderedLocksFinishAllMeals_data()
{
    QTest::addColumn<QStringList>("assignments");
    QTest::newRow("two locks") << QStringList{QStringLiteral("mode=two-locks"), QStringLiteral("ordered=true"),
                                              QStringLiteral("meals=5")};
    QTest::newRow("philosophers") << QStringList{QStringLiteral("mode=philosophers"), QStringLiteral("ordered=true"),
                                                 QStringLiteral("meals=3")};
}

void TestScenarioRun::orderedLocksFinishAllMeals()
{
    QFETCH(QStringList, assignments);
    const ScenarioOutcome outcome = runScenario(QStringLiteral("deadlock"), assignments);
    QVERIFY2(outcome.error.isEmpty(), qPrintable(outcome.error));
    QVERIFY(!outcome.cancelled);
    QCOMPARE(outcome.metrics.value(QStringLiteral("deadlock")).toBool(), false);
    QVERIFY(cycleNames(outcome).isEmpty());
    const int wanted = outcome.metrics.value(QStringLiteral("meals_wanted")).toInt();
    QVERIFY(wanted > 0);
    QCOMPARE(outcome.metrics.value(QStringLiteral("meals_eaten")).toInt(), wanted);
}

void TestScenarioRun::cancelDeadlockedRun()
{
    const Scenario &s = scenario(QStringLiteral("deadlock"));
    ParameterValues params(s.parameters());
    QString error;
    QVERIFY(params.applyAssignments(s.parameters(), {QStringLiteral("meals=20")}, &error));
    std::unique_ptr<ScenarioRun> run;
    // Retried on the rare run whose timing never closes the cycle.
    for (int attempt = 0; attempt < 5; ++attempt) {
        run = std::make_unique<ScenarioRun>(s, params, 1);
        run->setStopOnDeadlock(false);
        run->start();
        QVERIFY(eventually([&] { return run->context().deadlock().has_value() || run->isFinished(); }, 20000));
        if (run->context().deadlock().has_value())
            break;
    }
    QVERIFY2(run->context().deadlock().has_value(), "no run deadlocked in 5 attempts");
    // Reported, not stopped: it stays deadlocked.
    QVERIFY(!run->wait(std::chrono::milliseconds(100)));
    QVERIFY(!run->context().isCancelled());

    QElapsedTimer sinceCancel;
    sinceCancel.start();
    run->cancel();
    QVERIFY(run->wait(std::chrono::seconds(10)));
    const qint64 took = sinceCancel.elapsed();
#ifndef __SANITIZE_THREAD__
    QVERIFY2(took < 200, qPrintable(QStringLiteral("cancelling took %1 ms").arg(took)));
#else
    Q_UNUSED(took);
#endif
    const ScenarioOutcome outcome = run->outcome();
    QVERIFY(outcome.cancelled);
    QVERIFY2(outcome.error.isEmpty(), qPrintable(outcome.error));
    QVERIFY(outcome.toJson().value(QStringLiteral("cancelled")).toBool());
    // Every thread ended: with a cancellation, or normally for whoever got
    // the lock a cancelled one let go of.
    int cancelledThreads = 0;
    for (const TraceEvent &e : run->trace().events()) {
        if (e.kind == EventKind::ActorEnd && e.value == 2)
            ++cancelledThreads;
    }
    QVERIFY(cancelledThreads >= 1);
    QCOMPARE(run->context().liveThreads(), 0);
}

void TestScenarioRun::cancelBeforeTheEndMarksTheOutcome()
{
    // A long run stopped by the user midway: the outcome says so, and the
    // run ends promptly.
    const Scenario &s = scenario(QStringLiteral("producer-consumer"));
    ParameterValues params(s.parameters());
    QString error;
    QVERIFY(params.applyAssignments(s.parameters(), {QStringLiteral("items=100000"), QStringLiteral("consume_ms=5")},
                                    &error));
    ScenarioRun run(s, params, 1);
    run.start();
    QVERIFY(eventually([&] { return run.context().liveThreads() > 1; }));
    run.cancel();
    QVERIFY(run.wait(std::chrono::seconds(10)));
    const ScenarioOutcome outcome = run.outcome();
    QVERIFY(outcome.cancelled);
    QVERIFY(outcome.events > 0);
    QCOMPARE(outcome.scenario, QStringLiteral("producer-consumer"));
}

void TestScenarioRun::liveBatchesAddUpToTheTrace()
{
    const Scenario &s = scenario(QStringLiteral("thread-basics"));
    ParameterValues params(s.parameters());
    QString error;
    QVERIFY(params.applyAssignments(s.parameters(), {QStringLiteral("work_ms=300"), QStringLiteral("threads=3")},
                                    &error));
    ScenarioRun run(s, params, 1);
    // Nothing recorded before it starts... except the process it runs in.
    qint64 total = 0;
    int actorsSeen = 0;
    TraceBatch first = run.takeLiveBatch();
    total += qint64(first.events.size());
    actorsSeen += int(first.actors.size());
    run.start();

    int liveBatchesWithEvents = 0;
    bool ordered = true;
    QVERIFY(eventually([&] {
        const bool finishedBefore = run.isFinished();
        TraceBatch batch = run.takeLiveBatch();
        total += qint64(batch.events.size());
        actorsSeen += int(batch.actors.size());
        ordered = ordered && std::is_sorted(batch.events.begin(), batch.events.end(),
                                            [](const TraceEvent &a, const TraceEvent &b) { return a.ts < b.ts; });
        if (!batch.events.empty() && !finishedBefore && !run.isFinished())
            ++liveBatchesWithEvents;
        QThread::msleep(10); // a polling period, like the UI's
        return finishedBefore;
    }, 10000));
    // Whatever was still unsent after the end.
    TraceBatch last = run.takeLiveBatch();
    total += qint64(last.events.size());
    QVERIFY(run.takeLiveBatch().isEmpty());

    QVERIFY2(liveBatchesWithEvents >= 1, "no batch carried events while the run was going");
    QVERIFY(ordered);
    QCOMPARE(total, qint64(run.trace().events().size()));
    QCOMPARE(total, run.outcome().events);
    QVERIFY(actorsSeen >= int(run.trace().actors().size()));
}

void TestScenarioRun::sameSeedSameTaskLengths()
{
    const QStringList assignments{QStringLiteral("workers=12"), QStringLiteral("tasks=12"), QStringLiteral("min_ms=0"),
                                  QStringLiteral("max_ms=30")};
    const ScenarioOutcome a = runScenario(QStringLiteral("thread-pool"), assignments, nullptr, 42);
    const ScenarioOutcome b = runScenario(QStringLiteral("thread-pool"), assignments, nullptr, 42);
    const ScenarioOutcome c = runScenario(QStringLiteral("thread-pool"), assignments, nullptr, 43);
    for (const ScenarioOutcome *o : {&a, &b, &c}) {
        QVERIFY2(o->error.isEmpty(), qPrintable(o->error));
        QCOMPARE(o->metrics.value(QStringLiteral("tasks_done")).toInt(), 12);
        QVERIFY(o->metrics.value(QStringLiteral("results_in_order")).toBool());
    }
    QCOMPARE(a.seed, quint64(42));
    const double serialA = a.metrics.value(QStringLiteral("serial_ms")).toDouble();
    QVERIFY(serialA > 0);
    QCOMPARE(b.metrics.value(QStringLiteral("serial_ms")).toDouble(), serialA);
    // The seed is what decides them: another seed, other lengths.
    QVERIFY(c.metrics.value(QStringLiteral("serial_ms")).toDouble() != serialA);
}

void TestScenarioRun::gatherCountsEveryCoroutineThatReturned_data()
{
    QTest::addColumn<int>("failIndex");
    QTest::addColumn<bool>("returnExceptions");
    QTest::addColumn<int>("returned");
    QTest::addColumn<int>("results");
    QTest::addColumn<bool>("raises");
    // Six coroutines; gather raising does not stop the other five.
    QTest::newRow("one fails, gather raises") << 2 << false << 5 << 0 << true;
    QTest::newRow("one fails, returned as a value") << 2 << true << 5 << 6 << false;
    QTest::newRow("none fails") << -1 << false << 6 << 6 << false;
}

void TestScenarioRun::gatherCountsEveryCoroutineThatReturned()
{
    QFETCH(int, failIndex);
    QFETCH(bool, returnExceptions);
    QFETCH(int, returned);
    QFETCH(int, results);
    QFETCH(bool, raises);
    const ScenarioOutcome outcome = runScenario(
        QStringLiteral("async-gather"),
        {QStringLiteral("tasks=6"), QStringLiteral("fail_index=%1").arg(failIndex),
         QStringLiteral("return_exceptions=%1").arg(returnExceptions ? u"true" : u"false")});
    QVERIFY2(outcome.error.isEmpty(), qPrintable(outcome.error));
    QCOMPARE(outcome.metrics.value(QStringLiteral("tasks_done")).toInt(), returned);
    QCOMPARE(outcome.metrics.value(QStringLiteral("results")).toArray().size(), results);
    QCOMPARE(!outcome.metrics.value(QStringLiteral("raised")).toString().isEmpty(), raises);
    QVERIFY(outcome.metrics.value(QStringLiteral("results_in_order")).toBool());
}

void TestScenarioRun::threadBasicsStopsTheDaemon()
{
    const ScenarioOutcome outcome = runScenario(QStringLiteral("thread-basics"),
                                                {QStringLiteral("threads=2"), QStringLiteral("work_ms=40")});
    QVERIFY2(outcome.error.isEmpty(), qPrintable(outcome.error));
    const QJsonObject &m = outcome.metrics;
    QCOMPARE(m.value(QStringLiteral("main_thread")).toString(), QStringLiteral("MainThread"));
    QCOMPARE(m.value(QStringLiteral("threads_started")).toInt(), 2);
    QCOMPARE(m.value(QStringLiteral("names")).toArray(), (QJsonArray{QStringLiteral("Thread-1"), QStringLiteral("Thread-2")}));
    QCOMPARE(m.value(QStringLiteral("alive_after_join")).toInt(), 0);
    QCOMPARE(m.value(QStringLiteral("join_timeout_left_alive")).toBool(), true);
    QCOMPARE(m.value(QStringLiteral("daemon_alive_at_exit")).toBool(), true);
    QCOMPARE(m.value(QStringLiteral("daemon_stopped_at_exit")).toBool(), true);
    // MainThread, two workers and the daemon.
    QCOMPARE(outcome.actors, 4);
    QCOMPARE(outcome.output.size(), 4); // each worker printed twice
}

void TestScenarioRun::outcomeJson()
{
    ScenarioOutcome o;
    o.scenario = QStringLiteral("x");
    o.params = {{QStringLiteral("n"), 3}};
    o.seed = 7;
    o.elapsedMs = 1.5;
    o.actors = 2;
    o.events = 10;
    o.metrics.insert(QStringLiteral("m"), 1);
    QJsonObject json = o.toJson();
    QCOMPARE(json.value(QStringLiteral("scenario")).toString(), QStringLiteral("x"));
    QCOMPARE(json.value(QStringLiteral("params")).toObject().value(QStringLiteral("n")).toInt(), 3);
    QCOMPARE(json.value(QStringLiteral("seed")).toInteger(), qint64(7));
    QCOMPARE(json.value(QStringLiteral("elapsed_ms")).toDouble(), 1.5);
    QCOMPARE(json.value(QStringLiteral("actors")).toInt(), 2);
    QCOMPARE(json.value(QStringLiteral("events")).toInteger(), qint64(10));
    QCOMPARE(json.value(QStringLiteral("metrics")).toObject().value(QStringLiteral("m")).toInt(), 1);
    QVERIFY(!json.contains(QStringLiteral("cancelled")));
    QVERIFY(!json.contains(QStringLiteral("error")));
    o.cancelled = true;
    o.error = QStringLiteral("ValueError: bad");
    json = o.toJson();
    QCOMPARE(json.value(QStringLiteral("cancelled")).toBool(), true);
    QCOMPARE(json.value(QStringLiteral("error")).toString(), QStringLiteral("ValueError: bad"));
}

QTEST_GUILESS_MAIN(TestScenarioRun)
#include "tst_scenariorun.moc"
