// The Processes scenarios, run for real: PIDs, isolation, fork, the pool,
// pipes and queues, shared memory with and without the lock, subprocess.

#include "testsupport.h"

#include "scenarios/registry.h"
#include "scenarios/scenariorun.h"

#include <QJsonArray>
#include <QtTest>
#include <set>
#include <csignal>
#include <unistd.h>

using namespace clab;
using clab::test::runScenario;

namespace {

qint64 metric(const ScenarioOutcome &o, const char *name)
{
    return o.metrics.value(QLatin1String(name)).toInteger();
}

} // namespace

class TestProcessScenarios : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { CLAB_SKIP_PROCESSES_UNDER_TSAN(); }

    void processBasics()
    {
        Trace trace;
        const ScenarioOutcome o = runScenario(QStringLiteral("process-basics"), {QStringLiteral("processes=3")}, &trace);
        QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
        std::set<qint64> pids;
        for (const QJsonValue &v : o.metrics.value(QStringLiteral("pids")).toArray())
            pids.insert(v.toInteger());
        QCOMPARE(int(pids.size()), 3);
        QVERIFY(!pids.count(::getpid()));
        QVERIFY(o.metrics.value(QStringLiteral("ppid_is_parent")).toBool());
        QCOMPARE(metric(o, "alive_after_start"), qint64(3));
        QCOMPARE(metric(o, "alive_after_join"), qint64(0));
        QCOMPARE(metric(o, "exitcode"), qint64(0));
        QVERIFY(metric(o, "child_global_after") != metric(o, "parent_global_after"));
        QCOMPARE(metric(o, "killed_exitcode"), qint64(-9));
        // Every child is a process actor with its real PID, under the app's process.
        int processActors = 0;
        for (const ActorInfo &a : trace.actors()) {
            if (a.kind != ActorKind::Process || a.osId == ::getpid())
                continue;
            ++processActors;
            QVERIFY(a.osId > 0);
        }
        QVERIFY(processActors >= 4); // three children and the one it kills
    }

    void forkReportsBothSides()
    {
        const ScenarioOutcome o = runScenario(QStringLiteral("fork"), {});
        QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
        QCOMPARE(metric(o, "fork_returned_in_child"), qint64(0));
        QVERIFY(metric(o, "fork_returned_in_parent") > 0);
        QCOMPARE(metric(o, "fork_returned_in_parent"), metric(o, "child_pid"));
        QVERIFY(o.metrics.value(QStringLiteral("parent_sees_child_pid")).toBool());
    }

    void processPoolUsesItsWorkers_data()
    {
        QTest::addColumn<int>("workers");
        QTest::addColumn<int>("tasks");
        QTest::newRow("1 worker") << 1 << 5;
        QTest::newRow("3 workers") << 3 << 30;
    }
    void processPoolUsesItsWorkers()
    {
        QFETCH(int, workers);
        QFETCH(int, tasks);
        const ScenarioOutcome o = runScenario(QStringLiteral("process-pool"),
            {QStringLiteral("workers=%1").arg(workers), QStringLiteral("tasks=%1").arg(tasks)});
        QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
        QCOMPARE(metric(o, "tasks_done"), qint64(tasks));
        QCOMPARE(metric(o, "callbacks"), qint64(tasks));
        const QJsonArray pids = o.metrics.value(QStringLiteral("pids")).toArray();
        QVERIFY(pids.size() >= 1 && pids.size() <= workers);
    }

    void queueAndPipeDeliverEveryMessage_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("sentMetric");
        QTest::addColumn<QString>("receivedMetric");
        QTest::newRow("queue") << QStringLiteral("process-queue") << QStringLiteral("produced") << QStringLiteral("consumed");
        QTest::newRow("pipe") << QStringLiteral("pipe") << QStringLiteral("sent") << QStringLiteral("received");
    }
    void queueAndPipeDeliverEveryMessage()
    {
        QFETCH(QString, id);
        QFETCH(QString, sentMetric);
        QFETCH(QString, receivedMetric);
        const ScenarioOutcome o = runScenario(id, {QStringLiteral("messages=8")});
        QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
        QCOMPARE(o.metrics.value(sentMetric).toInteger(), qint64(8));
        QCOMPARE(o.metrics.value(receivedMetric).toInteger(), qint64(8));
    }

    void endlessReaderIsTerminated()
    {
        const ScenarioOutcome o = runScenario(QStringLiteral("process-queue"), {QStringLiteral("messages=3")});
        QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
        QCOMPARE(metric(o, "reader_exitcode"), qint64(-15)); // SIGTERM
    }

    void sharedMemory_data()
    {
        QTest::addColumn<bool>("lock");
        QTest::addColumn<int>("iterations");
        QTest::newRow("without the lock") << false << 3000000;
        QTest::newRow("with the lock") << true << 5000;
    }
    void sharedMemory()
    {
        QFETCH(bool, lock);
        QFETCH(int, iterations);
        const ScenarioOutcome o = runScenario(QStringLiteral("shared-memory"),
            {QStringLiteral("processes=2"), QStringLiteral("iterations=%1").arg(iterations),
             QStringLiteral("lock=%1").arg(lock ? QStringLiteral("true") : QStringLiteral("false"))});
        QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
        QCOMPARE(metric(o, "expected"), qint64(2) * iterations);
        QCOMPARE(metric(o, "final") + metric(o, "lost_updates"), metric(o, "expected"));
        if (lock)
            QCOMPARE(metric(o, "lost_updates"), qint64(0));
        else
            QVERIFY2(metric(o, "lost_updates") > 0, "two processes racing 3000000 times lost nothing");
    }

    void subprocessReportsOutputAndErrors()
    {
        const ScenarioOutcome o = runScenario(QStringLiteral("subprocess"), {});
        QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
        QCOMPARE(metric(o, "returncode"), qint64(0));
        QVERIFY(!o.metrics.value(QStringLiteral("stdout")).toString().isEmpty());
        QCOMPARE(o.metrics.value(QStringLiteral("cat_echoed")).toString(), QStringLiteral("hello from the parent"));
        QCOMPARE(metric(o, "failing_returncode"), qint64(3));
        QVERIFY(o.metrics.value(QStringLiteral("missing_error")).toString().startsWith(QStringLiteral("FileNotFoundError")));
        QVERIFY(o.metrics.value(QStringLiteral("timeout_error")).toString().startsWith(QStringLiteral("TimeoutExpired")));
    }

    // The GIL scenarios' processes mode: each share of the work runs in a
    // worker process of its own, under that process's own GIL.
    void gilScenariosInProcesses_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<QStringList>("assignments");
        QTest::addColumn<int>("workers");
        QTest::newRow("cpu-bound") << QStringLiteral("gil-cpu-bound")
                                   << QStringList{QStringLiteral("threads=2"), QStringLiteral("work=200000")} << 2;
        QTest::newRow("io-bound") << QStringLiteral("gil-io-bound")
                                  << QStringList{QStringLiteral("threads=3"), QStringLiteral("requests=2")} << 3;
        QTest::newRow("convoy") << QStringLiteral("gil-convoy")
                                << QStringList{QStringLiteral("spinners=1"), QStringLiteral("samples=40")} << 1;
    }
    void gilScenariosInProcesses()
    {
        QFETCH(QString, id);
        QFETCH(QStringList, assignments);
        QFETCH(int, workers);
        Trace trace;
        const ScenarioOutcome o = runScenario(id, assignments << QStringLiteral("mode=processes"), &trace);
        QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
        std::set<qint64> workerPids;
        for (const ActorInfo &a : trace.actors())
            if (a.kind == ActorKind::Process && a.osId != ::getpid())
                workerPids.insert(a.osId);
        QCOMPARE(int(workerPids.size()), workers);
        // Each worker's thread took its own process's GIL.
        std::set<ObjectId> gilsTaken;
        for (const TraceEvent &e : trace.events())
            if (e.kind == EventKind::Acquired && trace.object(e.object) && trace.object(e.object)->kind == ObjectKind::Gil)
                gilsTaken.insert(e.object);
        QVERIFY2(int(gilsTaken.size()) >= workers + 1, "every process has a GIL of its own");
    }

    void threadsAgainstProcessesChart()
    {
        const ScenarioOutcome o = runScenario(QStringLiteral("threads-vs-processes-gil"),
                                              {QStringLiteral("max_threads=2"), QStringLiteral("work=100000")});
        QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
        for (const char *series : {"gil_ms", "free_ms", "processes_ms"}) {
            const QJsonArray ms = o.metrics.value(QLatin1String(series)).toArray();
            QCOMPARE(ms.size(), 2);
            for (const QJsonValue &v : ms)
                QVERIFY2(v.toDouble() > 0, series);
        }
    }

    void cancellingStopsEveryChild()
    {
        const Scenario *s = ScenarioRegistry::instance().find(QStringLiteral("process-pool"));
        ParameterValues params(s->parameters());
        QString error;
        QVERIFY(params.applyAssignments(s->parameters(), {QStringLiteral("tasks=500")}, &error));
        ScenarioRun run(*s, params, 1);
        run.start();
        QTest::qWait(300);
        run.cancel();
        QVERIFY(run.wait(std::chrono::milliseconds(5000)));
        QVERIFY(run.outcome().cancelled);
        std::set<qint64> pids;
        for (const ActorInfo &a : run.trace().actors())
            if (a.kind == ActorKind::Process && a.osId != ::getpid())
                pids.insert(a.osId);
        for (qint64 pid : pids)
            QVERIFY(test::eventually([pid] { return ::kill(pid_t(pid), 0) != 0; }));
    }
};

QTEST_GUILESS_MAIN(TestProcessScenarios)
#include "tst_processscenarios.moc"
