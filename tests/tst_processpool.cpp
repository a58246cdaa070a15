#include "process/processpool.h"
#include "testsupport.h"

#include <QtTest>
#include <atomic>
#include <csignal>
#include <set>

using namespace clab;
using namespace clab::process;

namespace {
bool processExists(qint64 pid)
{
    return pid > 0 && ::kill(pid_t(pid), 0) == 0;
}
} // namespace

class TestProcessPool : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { CLAB_SKIP_PROCESSES_UNDER_TSAN(); }

    void applyAsyncAndGet()
    {
        ProcessPool pool(2);
        AsyncResult r = pool.applyAsync(QStringLiteral("square"), {7});
        QCOMPARE(r.get(10.0).toInteger(), 49);
        QVERIFY(r.ready());
        QVERIFY(r.successful());
        pool.close();
        pool.join();
    }

    void workersAreRealProcesses()
    {
        ProcessPool pool(2);
        std::set<qint64> pids;
        std::vector<AsyncResult> results;
        for (int i = 0; i < 20; ++i)
            results.push_back(pool.applyAsync(QStringLiteral("identify")));
        for (auto &r : results) {
            const QCborMap who = r.get(10.0).toMap();
            pids.insert(who.value(QStringLiteral("pid")).toInteger());
            QCOMPARE(who.value(QStringLiteral("ppid")).toInteger(), qint64(::getpid()));
        }
        QVERIFY(pids.size() >= 1 && pids.size() <= 2);
        for (qint64 pid : pids)
            QVERIFY(pid != ::getpid());
        pool.close();
        pool.join();
        for (qint64 pid : pids)
            QVERIFY(!processExists(pid));
    }

    void errorsCarryTheirTypeAndMessage()
    {
        ProcessPool pool(1);
        AsyncResult r = pool.applyAsync(QStringLiteral("raise"), {QStringLiteral("boom")});
        try {
            r.get(10.0);
            QFAIL("no error");
        } catch (const TaskError &e) {
            QCOMPARE(QString::fromLatin1(e.pythonType()), QStringLiteral("ValueError"));
            QCOMPARE(QString::fromUtf8(e.what()), QStringLiteral("boom"));
        }
        QVERIFY(!r.successful());
        AsyncResult unknown = pool.applyAsync(QStringLiteral("no-such-task"));
        QVERIFY_THROWS_EXCEPTION(TaskError, unknown.get(10.0));
        pool.terminate();
        pool.join();
    }

    void callbacksRun()
    {
        ProcessPool pool(2);
        std::atomic<int> ok{0};
        std::atomic<int> failed{0};
        std::vector<AsyncResult> results;
        for (int i = 0; i < 10; ++i) {
            results.push_back(pool.applyAsync(i % 3 ? QStringLiteral("square") : QStringLiteral("raise"), {i},
                [&](const QCborValue &) { ok.fetch_add(1); },
                [&](const QString &, const QString &) { failed.fetch_add(1); }));
        }
        for (auto &r : results)
            r.wait(10.0);
        QVERIFY(test::eventually([&] { return ok.load() + failed.load() == 10; }));
        QCOMPARE(failed.load(), 4);
        pool.close();
        pool.join();
    }

    void mapKeepsOrder_data()
    {
        QTest::addColumn<int>("count");
        QTest::addColumn<int>("chunksize");
        QTest::newRow("default chunks") << 100 << 0;
        QTest::newRow("one by one") << 17 << 1;
        QTest::newRow("big chunks") << 50 << 40;
    }
    void mapKeepsOrder()
    {
        QFETCH(int, count);
        QFETCH(int, chunksize);
        ProcessPool pool(2);
        QCborArray items;
        for (int i = 0; i < count; ++i)
            items.append(i);
        const QCborArray out = pool.map(QStringLiteral("square"), items, chunksize);
        QCOMPARE(out.size(), count);
        for (int i = 0; i < count; ++i)
            QCOMPARE(out[i].toInteger(), qint64(i) * i);
        pool.close();
        pool.join();
    }

    void imapUnorderedReturnsEveryResultOnce()
    {
        ProcessPool pool(2);
        QCborArray items;
        for (int i = 0; i < 30; ++i)
            items.append(i);
        UnorderedResults results = pool.imapUnordered(QStringLiteral("square"), items, 4);
        std::multiset<qint64> seen;
        while (auto v = results.next(10.0))
            seen.insert(v->toInteger());
        QCOMPARE(int(seen.size()), 30);
        for (int i = 0; i < 30; ++i)
            QCOMPARE(int(seen.count(qint64(i) * i)), 1);
        pool.close();
        pool.join();
    }

    // A worker killed in the middle of a task: that task fails saying the
    // worker died, the pool replaces the worker, and every other task still
    // gets its result exactly once.
    void workerKilledMidTask()
    {
        ProcessPool pool(2);
        std::vector<AsyncResult> before;
        for (int i = 0; i < 6; ++i)
            before.push_back(pool.applyAsync(QStringLiteral("square"), {i}));
        AsyncResult crash = pool.applyAsync(QStringLiteral("crash"));
        std::vector<AsyncResult> after;
        std::atomic<int> callbacks{0};
        for (int i = 0; i < 20; ++i)
            after.push_back(pool.applyAsync(QStringLiteral("square"), {i}, [&](const QCborValue &) { callbacks.fetch_add(1); }));
        try {
            crash.get(20.0);
            QFAIL("the crashing task returned");
        } catch (const TaskError &e) {
            QCOMPARE(QString::fromLatin1(e.pythonType()), QStringLiteral("WorkerDied"));
            QVERIFY2(QString::fromUtf8(e.what()).contains(QStringLiteral("signal 9")), e.what());
        }
        for (int i = 0; i < 6; ++i)
            QCOMPARE(before[size_t(i)].get(20.0).toInteger(), qint64(i) * i);
        for (int i = 0; i < 20; ++i)
            QCOMPARE(after[size_t(i)].get(20.0).toInteger(), qint64(i) * i);
        QVERIFY(test::eventually([&] { return callbacks.load() == 20; }));
        QTest::qWait(100);
        QCOMPARE(callbacks.load(), 20); // exactly once
        QVERIFY(pool.workersStarted() >= 3); // one replacement at least
        pool.close();
        pool.join();
    }

    void thousandTasksWithRandomFailures()
    {
        ProcessPool pool(2);
        std::vector<AsyncResult> results;
        std::vector<bool> shouldFail;
        std::atomic<int> answered{0};
        QRandomGenerator rng(11);
        for (int i = 0; i < 1000; ++i) {
            const bool fail = rng.bounded(10) == 0;
            shouldFail.push_back(fail);
            results.push_back(fail ? pool.applyAsync(QStringLiteral("raise"), {QStringLiteral("task %1 failed").arg(i)},
                                                     {}, [&](const QString &, const QString &) { answered.fetch_add(1); })
                                   : pool.applyAsync(QStringLiteral("square"), {i},
                                                     [&](const QCborValue &) { answered.fetch_add(1); }));
        }
        for (int i = 0; i < 1000; ++i) {
            if (shouldFail[size_t(i)]) {
                try {
                    results[size_t(i)].get(30.0);
                    QFAIL("a failing task returned");
                } catch (const TaskError &e) {
                    QCOMPARE(QString::fromUtf8(e.what()), QStringLiteral("task %1 failed").arg(i));
                }
            } else {
                QCOMPARE(results[size_t(i)].get(30.0).toInteger(), qint64(i) * i);
            }
        }
        QVERIFY(test::eventually([&] { return answered.load() == 1000; }));
        QTest::qWait(50);
        QCOMPARE(answered.load(), 1000);
        pool.close();
        pool.join();
    }

    void closedPoolRefusesWork()
    {
        ProcessPool pool(1);
        pool.close();
        QVERIFY_THROWS_EXCEPTION(ValueError, pool.applyAsync(QStringLiteral("square"), {1}));
        pool.join();
    }

    void joinBeforeCloseIsAnError()
    {
        ProcessPool pool(1);
        QVERIFY_THROWS_EXCEPTION(ValueError, pool.join());
        pool.terminate();
        pool.join();
    }

    // terminate() while tasks run: nothing hangs and no worker is left.
    void terminateWhileTasksRun()
    {
        QList<qint64> pids;
        {
            ProcessPool pool(2);
            std::vector<AsyncResult> results;
            for (int i = 0; i < 6; ++i)
                results.push_back(pool.applyAsync(QStringLiteral("sleep"), {5.0}));
            QVERIFY(test::eventually([&] { return pool.pids().size() == 2; }));
            pids = pool.pids();
            pool.terminate();
            pool.join();
            for (auto &r : results)
                QVERIFY_THROWS_EXCEPTION(TaskError, r.get(5.0));
        }
        for (qint64 pid : pids)
            QVERIFY(test::eventually([&] { return !processExists(pid); }));
    }

    void negativeProcessesIsAnError()
    {
        QVERIFY_THROWS_EXCEPTION(ValueError, ProcessPool(-1));
    }

    // Inside a run, every worker is a process lane with its real PID, and
    // tasks flow from the submitter to the workers in the trace.
    void workersJoinTheTrace()
    {
        test::RunFixture run;
        QList<qint64> pids;
        {
            ProcessPool pool(2);
            std::vector<AsyncResult> results;
            for (int i = 0; i < 8; ++i)
                results.push_back(pool.applyAsync(QStringLiteral("sleep"), {0.01}));
            for (auto &r : results)
                r.get(10.0);
            pids = pool.pids();
            pool.close();
            pool.join();
        }
        const Trace trace = run.finish();
        QSet<qint64> processPids;
        for (const ActorInfo &a : trace.actors()) {
            if (a.kind == ActorKind::Process && a.name.startsWith(QLatin1String("SpawnPoolWorker")))
                processPids.insert(a.osId);
        }
        for (qint64 pid : pids)
            QVERIFY(processPids.contains(pid));
        int started = 0;
        for (const TraceEvent &e : trace.events())
            started += e.kind == EventKind::TaskStarted ? 1 : 0;
        QCOMPARE(started, 8);
        int sleeps = 0;
        for (const TraceEvent &e : trace.events())
            sleeps += e.kind == EventKind::SleepBegin ? 1 : 0;
        QCOMPARE(sleeps, 8); // recorded inside the workers, on the same clock
    }
};

QTEST_GUILESS_MAIN(TestProcessPool)
#include "tst_processpool.moc"
