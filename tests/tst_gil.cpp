#include "gil/gil.h"
#include "scenarios/registry.h"
#include "scenarios/scenariorun.h"
#include "testsupport.h"
#include "threads/thread.h"
#include "trace/timeline.h"

#include <QtTest>
#include <atomic>

using namespace clab;
using clab::test::runScenario;
using clab::test::RunFixture;

namespace {

// Replays Acquired/Released of the GIL: returns the most threads that ever
// held it at once.
int maxConcurrentHolders(const Trace &trace, ObjectId gil)
{
    int holders = 0;
    int most = 0;
    for (const TraceEvent &e : trace.events()) {
        if (e.object != gil)
            continue;
        if (e.kind == EventKind::Acquired)
            most = std::max(most, ++holders);
        else if (e.kind == EventKind::Released)
            --holders;
    }
    return most;
}

ObjectId gilId(const Trace &trace)
{
    for (const ObjectInfo &o : trace.objects()) {
        if (o.kind == ObjectKind::Gil)
            return o.id;
    }
    return 0;
}

} // namespace

class TestGil : public QObject
{
    Q_OBJECT

private slots:
    void takeAndDrop()
    {
        Gil gil;
        QVERIFY(!gil.heldByCurrentThread());
        gil.take();
        QVERIFY(gil.heldByCurrentThread());
        gil.drop();
        QVERIFY(!gil.heldByCurrentThread());
        QCOMPARE(gil.switches(), quint64(1));
    }

    void switchIntervalMustBePositive_data()
    {
        QTest::addColumn<double>("seconds");
        QTest::addColumn<bool>("valid");
        QTest::newRow("default") << 0.005 << true;
        QTest::newRow("tiny") << 1e-6 << true;
        QTest::newRow("zero") << 0.0 << false;
        QTest::newRow("negative") << -1.0 << false;
    }
    void switchIntervalMustBePositive()
    {
        QFETCH(double, seconds);
        QFETCH(bool, valid);
        Gil gil;
        if (valid) {
            gil.setSwitchInterval(seconds);
            QCOMPARE(gil.switchInterval(), seconds);
        } else {
            QVERIFY_THROWS_EXCEPTION(ValueError, gil.setSwitchInterval(seconds));
            QCOMPARE(gil.switchInterval(), Gil::kDefaultSwitchInterval);
        }
    }

    // A waiter asks the holder to drop only once its interval has run out.
    void dropRequestWaitsForTheInterval_data()
    {
        QTest::addColumn<double>("interval");
        QTest::addColumn<bool>("requestedWithin100ms");
        QTest::newRow("1 ms") << 0.001 << true;
        QTest::newRow("30 s") << 30.0 << false;
    }
    void dropRequestWaitsForTheInterval()
    {
        QFETCH(double, interval);
        QFETCH(bool, requestedWithin100ms);
        Gil gil(true, interval);
        gil.take();
        std::atomic<bool> waiting{false};
        Thread waiter([&] {
            waiting.store(true);
            gil.take();
            gil.drop();
        });
        waiter.start();
        QVERIFY(test::eventually([&] { return waiting.load(); }));
        const bool requested = test::eventually([&] { return gil.dropRequested(); }, 100);
        QCOMPARE(requested, requestedWithin100ms);
        // Either way the waiter gets it as soon as the holder lets go.
        gil.drop();
        QVERIFY(waiter.join(5.0));
    }

    // Forced switching: after a drop request, the holder cannot take the
    // GIL straight back; the waiter gets it first.
    void forcedSwitchingHandsItOver()
    {
        RunFixture run;
        Gil gil(true, 0.001);
        std::atomic<bool> stop{false};
        Thread spinner([&] {
            Interpreter py(gil);
            while (!stop.load())
                py.run(200);
        }, QStringLiteral("spinner"));
        spinner.start();
        QVERIFY(test::eventually([&] { return gil.switches() >= 1; }));
        Thread other([&] {
            Interpreter py(gil);
            py.run(1000);
        }, QStringLiteral("other"));
        other.start();
        QVERIFY(other.join(10.0));
        stop.store(true);
        QVERIFY(spinner.join(10.0));
        const Trace trace = run.finish();
        const ObjectId id = gilId(trace);
        // The other thread's first Acquired follows a GilDropRequest and the
        // spinner's Released, and the spinner does not acquire in between.
        ActorId lastAcquirer = 0;
        bool sawRequest = false;
        bool otherGotIt = false;
        for (const TraceEvent &e : trace.events()) {
            if (e.object != id)
                continue;
            if (e.kind == EventKind::GilDropRequest && trace.actorName(e.actor) == QLatin1String("other"))
                sawRequest = true;
            if (e.kind == EventKind::Acquired) {
                if (trace.actorName(e.actor) == QLatin1String("other")) {
                    otherGotIt = true;
                    break;
                }
                if (sawRequest)
                    QFAIL("the spinner took the GIL back before the thread that asked for it");
                lastAcquirer = e.actor;
            }
        }
        QVERIFY(sawRequest);
        QVERIFY(otherGotIt);
        QCOMPARE(trace.actorName(lastAcquirer), QStringLiteral("spinner"));
    }

    // I/O and sleep let go of the GIL: another thread runs meanwhile.
    void ioReleasesTheGil()
    {
        Gil gil;
        std::atomic<bool> inIo{false};
        std::atomic<bool> ranDuringIo{false};
        Thread reader([&] {
            Interpreter py(gil);
            inIo.store(true);
            py.io(0.2);
            inIo.store(false);
        });
        reader.start();
        QVERIFY(test::eventually([&] { return inIo.load(); }));
        Thread worker([&] {
            Interpreter py(gil);
            py.run(100);
            ranDuringIo.store(inIo.load());
        });
        worker.start();
        QVERIFY(worker.join(5.0));
        QVERIFY(reader.join(5.0));
        QVERIFY(ranDuringIo.load());
    }

    // Without a GIL two threads can be inside Python code at once: each
    // waits, holding its "GIL", for the other to arrive. Under the GIL this
    // would never finish.
    void freeModeRunsInParallel()
    {
        Gil gil(false);
        std::atomic<int> arrived{0};
        auto body = [&] {
            Interpreter py(gil);
            arrived.fetch_add(1);
            while (arrived.load() < 2)
                py.run(10);
        };
        Thread a(body);
        Thread b(body);
        a.start();
        b.start();
        QVERIFY(a.join(10.0));
        QVERIFY(b.join(10.0));
        QCOMPARE(gil.switches(), quint64(0));
    }

    void waitingForTheGilIsCancellable()
    {
        RunFixture run;
        Gil gil(true, 30.0);
        gil.take(); // MainThread holds it and never lets go
        Thread waiter([&] {
            Interpreter py(gil);
        }, QStringLiteral("waiter"));
        waiter.start();
        QVERIFY(waiter.isAlive());
        run.context.cancel();
        // Not join(): MainThread belongs to the cancelled run too.
        QVERIFY(test::eventually([&] { return !waiter.isAlive(); }));
        gil.drop();
        const Trace trace = run.finish();
        bool cancelled = false;
        for (const TraceEvent &e : trace.events()) {
            if (e.kind == EventKind::ActorEnd && trace.actorName(e.actor) == QLatin1String("waiter"))
                cancelled = e.value == 2;
        }
        QVERIFY(cancelled);
    }

    void scenariosReportTheirMetrics_data()
    {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<QStringList>("assignments");
        QTest::addColumn<QStringList>("metrics");
        const QStringList timing{QStringLiteral("elapsed_ms"), QStringLiteral("serial_ms"),
                                 QStringLiteral("time_ratio"), QStringLiteral("gil_switches"),
                                 QStringLiteral("tasks_done")};
        QTest::newRow("cpu gil") << "gil-cpu-bound" << QStringList{"work=200000", "threads=2"} << timing;
        QTest::newRow("cpu free") << "gil-cpu-bound" << QStringList{"work=200000", "mode=free"} << timing;
        QTest::newRow("io") << "gil-io-bound" << QStringList{"requests=3", "io_ms=2"} << timing;
        QTest::newRow("convoy") << "gil-convoy" << QStringList{"samples=10"}
                                << QStringList{"extra_latency_ms_median", "extra_latency_ms_p90", "gil_switches",
                                               "tasks_done"};
        QTest::newRow("chart") << "threads-vs-processes-gil" << QStringList{"max_threads=2", "work=100000"}
                               << QStringList{"threads", "gil_ms", "free_ms", "tasks_done"};
    }
    void scenariosReportTheirMetrics()
    {
        QFETCH(QString, scenario);
        QFETCH(QStringList, assignments);
        QFETCH(QStringList, metrics);
        if (scenario == QLatin1String("threads-vs-processes-gil"))
            CLAB_SKIP_PROCESSES_UNDER_TSAN();
        const ScenarioOutcome outcome = runScenario(scenario, assignments);
        QVERIFY2(outcome.error.isEmpty(), qPrintable(outcome.error));
        for (const QString &m : metrics)
            QVERIFY2(outcome.metrics.contains(m), qPrintable(m));
    }

    // The lesson: under the GIL at most one thread runs Python code.
    void underTheGilOneHolderAtATime_data()
    {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<QStringList>("assignments");
        QTest::newRow("cpu, 4 threads") << "gil-cpu-bound" << QStringList{"threads=4", "work=400000", "switch_interval_ms=0.5"};
        QTest::newRow("io") << "gil-io-bound" << QStringList{"threads=4", "requests=3", "io_ms=1"};
        QTest::newRow("convoy") << "gil-convoy" << QStringList{"spinners=2", "samples=10"};
    }
    void underTheGilOneHolderAtATime()
    {
        QFETCH(QString, scenario);
        QFETCH(QStringList, assignments);
        Trace trace;
        runScenario(scenario, assignments, &trace);
        const ObjectId id = gilId(trace);
        QVERIFY(id != 0);
        QCOMPARE(maxConcurrentHolders(trace, id), 1);
        // Each thread's Acquired and Released alternate.
        QHash<ActorId, int> held;
        for (const TraceEvent &e : trace.events()) {
            if (e.object != id)
                continue;
            if (e.kind == EventKind::Acquired)
                QCOMPARE(++held[e.actor], 1);
            else if (e.kind == EventKind::Released)
                QCOMPARE(--held[e.actor], 0);
        }
    }

    // What the timeline shows: apart from a thread starting up (before it
    // first asks for the GIL) and finishing, no two lanes are ever running
    // at the same time.
    void runningLanesNeverOverlap()
    {
        Trace trace;
        runScenario(QStringLiteral("gil-cpu-bound"), {"threads=3", "work=3000000", "switch_interval_ms=1"}, &trace);
        QHash<ActorId, qint64> started;
        QHash<ActorId, qint64> ended;
        for (const TraceEvent &e : trace.events()) {
            if (e.kind == EventKind::ActorStart)
                started.insert(e.actor, e.ts);
            if (e.kind == EventKind::ActorEnd)
                ended.insert(e.actor, e.ts);
        }
        std::vector<StateInterval> running;
        for (const StateInterval &s : deriveIntervals(trace)) {
            const QString name = trace.actorName(s.actor);
            if (s.state != ActorState::Running || name == QLatin1String("MainThread"))
                continue;
            if (s.startNs == started.value(s.actor) || s.endNs == ended.value(s.actor))
                continue;
            running.push_back(s);
        }
        QVERIFY(running.size() > 3);
        std::sort(running.begin(), running.end(),
                  [](const StateInterval &a, const StateInterval &b) { return a.startNs < b.startNs; });
        for (size_t i = 1; i < running.size(); ++i) {
            QVERIFY2(running[i].startNs >= running[i - 1].endNs,
                     qPrintable(QStringLiteral("%1 and %2 both running")
                                    .arg(trace.actorName(running[i - 1].actor), trace.actorName(running[i].actor))));
        }
    }

    void freeModeHasNoSwitches()
    {
        const ScenarioOutcome outcome = runScenario(QStringLiteral("gil-cpu-bound"), {"mode=free", "work=200000", "threads=2"});
        QCOMPARE(outcome.metrics.value(QStringLiteral("gil_switches")).toInt(), 0);
    }

    // I/O-bound threads overlap their waits even under the GIL: four threads
    // doing the requests finish well before one thread doing them all.
    void ioBoundThreadsOverlap()
    {
        const ScenarioOutcome outcome = runScenario(QStringLiteral("gil-io-bound"),
                                                    {"threads=4", "requests=5", "io_ms=10", "cpu_units=100"});
        QVERIFY2(outcome.metrics.value(QStringLiteral("time_ratio")).toDouble() < 0.8,
                 qPrintable(QString::number(outcome.metrics.value(QStringLiteral("time_ratio")).toDouble())));
    }
};

QTEST_GUILESS_MAIN(TestGil)
#include "tst_gil.moc"
