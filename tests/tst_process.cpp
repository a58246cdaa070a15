// multiprocessing.Process: real worker processes, their exit codes, and a
// worker that breaks the protocol.

#include "process/process.h"
#include "process/processpool.h"
#include "process/taskregistry.h"
#include "threads/errors.h"
#include "testsupport.h"

#include <QElapsedTimer>
#include <QtTest>
#include <csignal>

using namespace clab;
using namespace clab::process;

namespace {
bool processExists(qint64 pid)
{
    return pid > 0 && ::kill(pid_t(pid), 0) == 0;
}
} // namespace

class TestProcess : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { CLAB_SKIP_PROCESSES_UNDER_TSAN(); }

    void runsATaskInAChild()
    {
        Process p(QStringLiteral("identify"));
        QVERIFY(!p.pid().has_value());
        QVERIFY(!p.exitcode().has_value());
        p.start();
        QVERIFY(p.pid().has_value());
        QVERIFY(*p.pid() != ::getpid());
        QVERIFY(p.join(10.0));
        QVERIFY(!p.isAlive());
        QCOMPARE(p.exitcode(), std::optional<int>(0));
        const QCborMap who = p.result().toMap();
        QCOMPARE(who.value(QStringLiteral("pid")).toInteger(), *p.pid());
        QCOMPARE(who.value(QStringLiteral("ppid")).toInteger(), qint64(::getpid()));
        QVERIFY(p.error().isEmpty());
        QVERIFY(!processExists(*p.pid()));
    }

    void namesCountUp()
    {
        Process a(QStringLiteral("echo")), b(QStringLiteral("echo")), named(QStringLiteral("echo"), {}, QStringLiteral("Writer"));
        QVERIFY(a.name().startsWith(QStringLiteral("Process-")));
        QCOMPARE(b.name().mid(8).toInt(), a.name().mid(8).toInt() + 1);
        QCOMPARE(named.name(), QStringLiteral("Writer"));
    }

    void memoryIsNotShared()
    {
        const qint64 before = g_processGlobal;
        Process p(QStringLiteral("set-global"), {before + 41});
        p.start();
        QVERIFY(p.join(10.0));
        QCOMPARE(p.result().toMap().value(QStringLiteral("after")).toInteger(), before + 41);
        QCOMPARE(g_processGlobal, before);
    }

    void exitCodes_data()
    {
        QTest::addColumn<QString>("task");
        QTest::addColumn<int>("exitcode");
        QTest::addColumn<QString>("error");
        QTest::newRow("returns") << QStringLiteral("square") << 0 << QString();
        QTest::newRow("raises") << QStringLiteral("raise") << 1 << QStringLiteral("ValueError: boom");
        QTest::newRow("unknown task") << QStringLiteral("no-such-task") << 1 << QStringLiteral("no-such-task");
        QTest::newRow("killed by SIGKILL") << QStringLiteral("crash") << -SIGKILL << QString();
    }
    void exitCodes()
    {
        QFETCH(QString, task);
        QFETCH(int, exitcode);
        QFETCH(QString, error);
        Process p(task, task == QStringLiteral("raise") ? QCborArray{QStringLiteral("boom")} : QCborArray{3});
        p.start();
        QVERIFY(p.join(10.0));
        QCOMPARE(p.exitcode(), std::optional<int>(exitcode));
        if (!error.isEmpty())
            QVERIFY2(p.error().contains(error), qPrintable(p.error()));
    }

    void terminateAndKill_data()
    {
        QTest::addColumn<bool>("terminate");
        QTest::addColumn<int>("exitcode");
        QTest::newRow("terminate") << true << -SIGTERM;
        QTest::newRow("kill") << false << -SIGKILL;
    }
    void terminateAndKill()
    {
        QFETCH(bool, terminate);
        QFETCH(int, exitcode);
        Process p(QStringLiteral("sleep"), {60.0});
        p.start();
        QVERIFY(p.isAlive());
        QVERIFY(!p.join(0.05)); // still sleeping: join times out
        const qint64 pid = *p.pid();
        QElapsedTimer timer;
        timer.start();
        terminate ? p.terminate() : p.kill();
        QVERIFY(p.join(10.0));
        QVERIFY(timer.elapsed() < 5000);
        QCOMPARE(p.exitcode(), std::optional<int>(exitcode));
        QVERIFY(!processExists(pid));
    }

    void startTwiceIsAnError()
    {
        Process p(QStringLiteral("echo"));
        p.start();
        QVERIFY_THROWS_EXCEPTION(RuntimeError, p.start());
        p.join(10.0);
    }

    void joinBeforeStartIsAnError()
    {
        Process p(QStringLiteral("echo"));
        QVERIFY_THROWS_EXCEPTION(RuntimeError, p.join(1.0));
    }

    void destroyingALiveProcessKillsIt()
    {
        qint64 pid = 0;
        {
            Process p(QStringLiteral("sleep"), {60.0});
            p.start();
            pid = *p.pid();
            QVERIFY(processExists(pid));
        }
        QVERIFY(test::eventually([&] { return !processExists(pid); }));
    }

    // Bytes that are not a frame, or a frame cut short: the worker fails
    // with a message saying so, and nothing hangs.
    void brokenWire_data()
    {
        QTest::addColumn<QString>("task");
        QTest::addColumn<QString>("reason");
        QTest::newRow("garbage") << QStringLiteral("write-garbage") << QStringLiteral("not the worker protocol");
        QTest::newRow("truncated frame") << QStringLiteral("truncated-frame") << QStringLiteral("in the middle of a frame");
    }
    void brokenWire()
    {
        QFETCH(QString, task);
        QFETCH(QString, reason);
        Process p(task);
        p.start();
        QVERIFY(p.join(10.0));
        QVERIFY(p.exitcode().has_value());
        QVERIFY(p.result().isUndefined());
        QVERIFY2(p.error().startsWith(QStringLiteral("WorkerDied")), qPrintable(p.error()));
        QVERIFY2(p.error().contains(reason), qPrintable(p.error()));
    }

    void poolSurvivesABrokenWire()
    {
        ProcessPool pool(2);
        AsyncResult broken = pool.applyAsync(QStringLiteral("write-garbage"));
        std::vector<AsyncResult> others;
        for (int i = 0; i < 10; ++i)
            others.push_back(pool.applyAsync(QStringLiteral("square"), {i}));
        try {
            broken.get(20.0);
            QFAIL("garbage came back as a result");
        } catch (const TaskError &e) {
            QVERIFY2(QString::fromUtf8(e.what()).contains(QStringLiteral("not the worker protocol")), e.what());
        }
        for (int i = 0; i < 10; ++i)
            QCOMPARE(others[size_t(i)].get(20.0).toInteger(), qint64(i) * i);
        pool.close();
        pool.join();
    }
};

QTEST_GUILESS_MAIN(TestProcess)
#include "tst_process.moc"
