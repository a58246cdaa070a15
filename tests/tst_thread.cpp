// threading.Thread semantics of clab::Thread, clab::sleep and burnCpu.

#include "testsupport.h"

#include "sync/event.h"
#include "threads/errors.h"
#include "threads/thread.h"

#include <QElapsedTimer>
#include <QtTest>
#include <atomic>
#include <optional>
#include <sys/syscall.h>
#include <unistd.h>

using namespace clab;
using clab::test::RunFixture;
using clab::test::countEvents;
using clab::test::eventually;

Q_DECLARE_METATYPE(std::optional<bool>)

namespace {

qint64 kernelTid()
{
    return qint64(::syscall(SYS_gettid));
}

// Drains what the run recorded so far into the fixture's trace and tells
// whether `actor` recorded an event of `kind`.
bool recorded(RunFixture &fx, EventKind kind, ActorId actor)
{
    fx.trace.merge(fx.context.recorder().drain());
    const auto &events = fx.trace.events();
    return std::any_of(events.begin(), events.end(),
                       [&](const TraceEvent &e) { return e.kind == kind && e.actor == actor; });
}

std::vector<TraceEvent> eventsOf(const Trace &trace, EventKind kind, ActorId actor)
{
    std::vector<TraceEvent> out;
    for (const TraceEvent &e : trace.events()) {
        if (e.kind == kind && e.actor == actor)
            out.push_back(e);
    }
    return out;
}

} // namespace

class TestThread : public QObject
{
    Q_OBJECT

private slots:
    void namesAreCountedPerRun();
    void mainThreadIsNamedMainThread();
    void currentNameInsideThread();
    void daemonIsInherited_data();
    void daemonIsInherited();
    void setDaemonAfterStartFails();
    void startTwiceFails();
    void joinTimeoutReturnsWhileAlive();
    void joinErrors_data();
    void joinErrors();
    void exceptionCapturesWhatTargetRaised();
    void nativeIdIsKernelTid();
    void destructorWaitsForNonDaemonThread();
    void threadOutsideRun();
    void startSpawnsActor();
    void actorEndOutcome_data();
    void actorEndOutcome();
    void sleepRecordsAndLasts();
    void sleepOutsideRunLasts();
    void burnCpuOutsideRunLasts();
};

void TestThread::namesAreCountedPerRun()
{
    for (int round = 0; round < 2; ++round) {
        RunFixture fx;
        Thread a([] {});
        Thread b([] {});
        Thread named([] {}, QStringLiteral("worker"));
        Thread c([] {});
        QCOMPARE(a.name(), QStringLiteral("Thread-1"));
        QCOMPARE(b.name(), QStringLiteral("Thread-2"));
        QCOMPARE(named.name(), QStringLiteral("worker"));
        // An explicit name does not use up a number, as in Python.
        QCOMPARE(c.name(), QStringLiteral("Thread-3"));
        a.start();
        named.start();
        a.join();
        named.join();
        const Trace trace = fx.finish();
        QStringList actorNames;
        for (const ActorInfo &info : trace.actors())
            actorNames << info.name;
        QVERIFY2(actorNames.contains(QStringLiteral("Thread-1")), qPrintable(actorNames.join(u',')));
        QVERIFY2(actorNames.contains(QStringLiteral("worker")), qPrintable(actorNames.join(u',')));
        // Threads never started have no lane.
        QVERIFY(!actorNames.contains(QStringLiteral("Thread-2")));
    }
}

void TestThread::mainThreadIsNamedMainThread()
{
    RunFixture fx;
    QCOMPARE(Thread::currentName(), QStringLiteral("MainThread"));
    const ActorId mainActor = fx.main->actor();
    QCOMPARE(this_thread::state()->actor, mainActor);
    const Trace trace = fx.finish();
    const ActorInfo *info = trace.actor(mainActor);
    QVERIFY(info);
    QCOMPARE(info->name, QStringLiteral("MainThread"));
    QCOMPARE(info->kind, ActorKind::Thread);
    QCOMPARE(info->parent, fx.context.processActor());
    QCOMPARE(info->osId, kernelTid());
    QVERIFY(!info->daemon);
    // Leaving the run detaches the test thread again.
    QVERIFY(!this_thread::state());
}

void TestThread::currentNameInsideThread()
{
    RunFixture fx;
    QString seen;
    QString seenNamed;
    Thread t([&] { seen = Thread::currentName(); });
    Thread n([&] { seenNamed = Thread::currentName(); }, QStringLiteral("reader"));
    t.start();
    n.start();
    t.join();
    n.join();
    QCOMPARE(seen, QStringLiteral("Thread-1"));
    QCOMPARE(seenNamed, QStringLiteral("reader"));
    QCOMPARE(Thread::currentName(), QStringLiteral("MainThread"));
}

void TestThread::daemonIsInherited_data()
{
    QTest::addColumn<QString>("creator"); // main, thread or daemon
    QTest::addColumn<std::optional<bool>>("daemonArgument");
    QTest::addColumn<bool>("expected");

    QTest::newRow("MainThread creates, unset") << "main" << std::optional<bool>() << false;
    QTest::newRow("MainThread creates, daemon=True") << "main" << std::optional<bool>(true) << true;
    QTest::newRow("thread creates, unset") << "thread" << std::optional<bool>() << false;
    QTest::newRow("thread creates, daemon=True") << "thread" << std::optional<bool>(true) << true;
    QTest::newRow("daemon creates, unset") << "daemon" << std::optional<bool>() << true;
    QTest::newRow("daemon creates, daemon=False") << "daemon" << std::optional<bool>(false) << false;
}

void TestThread::daemonIsInherited()
{
    QFETCH(QString, creator);
    QFETCH(std::optional<bool>, daemonArgument);
    QFETCH(bool, expected);

    RunFixture fx;
    std::atomic<int> childDaemon{-1};
    std::atomic<ActorId> childActor{0};
    auto createChild = [&] {
        Thread child([] {}, QStringLiteral("child"), daemonArgument);
        childDaemon = child.daemon() ? 1 : 0;
        child.start();
        childActor = child.actor();
        child.join();
    };
    if (creator == QLatin1String("main")) {
        createChild();
    } else {
        const bool creatorDaemon = creator == QLatin1String("daemon");
        Thread parent(createChild, QStringLiteral("creator"), creatorDaemon);
        QCOMPARE(parent.daemon(), creatorDaemon);
        parent.start();
        QVERIFY(parent.join(5.0));
    }
    QCOMPARE(childDaemon.load(), expected ? 1 : 0);

    const Trace trace = fx.finish();
    const ActorInfo *info = trace.actor(childActor.load());
    QVERIFY(info);
    QCOMPARE(info->name, QStringLiteral("child"));
    QCOMPARE(info->daemon, expected);
}

void TestThread::setDaemonAfterStartFails()
{
    RunFixture fx;
    Event go;
    Thread t([&] { go.wait(); });
    t.setDaemon(true);
    QVERIFY(t.daemon());
    t.setDaemon(false);
    QVERIFY(!t.daemon());
    t.start();
    try {
        t.setDaemon(true);
        QFAIL("setDaemon after start did not raise");
    } catch (const RuntimeError &e) {
        QCOMPARE(QString::fromUtf8(e.what()), QStringLiteral("cannot set daemon status of active thread"));
    }
    QVERIFY(!t.daemon());
    go.set();
    QVERIFY(t.join(5.0));
}

void TestThread::startTwiceFails()
{
    RunFixture fx;
    std::atomic<int> runs{0};
    Thread t([&] { runs.fetch_add(1); });
    t.start();
    try {
        t.start();
        QFAIL("second start did not raise");
    } catch (const RuntimeError &e) {
        QCOMPARE(QString::fromUtf8(e.what()), QStringLiteral("threads can only be started once"));
        QCOMPARE(QString::fromStdString(e.describe()), QStringLiteral("RuntimeError: threads can only be started once"));
    }
    QVERIFY(t.join(5.0));
    // Starting again after the end is refused as well.
    QVERIFY_THROWS_EXCEPTION(RuntimeError, t.start());
    QCOMPARE(runs.load(), 1);
    const Trace trace = fx.finish();
    QCOMPARE(countEvents(trace, EventKind::Spawn), 1);
    QCOMPARE(int(eventsOf(trace, EventKind::ActorStart, t.actor()).size()), 1);
}

void TestThread::joinTimeoutReturnsWhileAlive()
{
    RunFixture fx;
    Event release;
    Thread t([&] { release.wait(); });
    QVERIFY(!t.hasStarted());
    QVERIFY(!t.isAlive());
    t.start();
    QVERIFY(t.hasStarted());

    QVERIFY(!t.join(0.0));
    QVERIFY(t.isAlive());
    QElapsedTimer timer;
    timer.start();
    QVERIFY(!t.join(0.05));
    QVERIFY(timer.elapsed() >= 45); // it did wait for the timeout
    QVERIFY(t.isAlive());

    release.set();
    QVERIFY(t.join());
    QVERIFY(!t.isAlive());
    QVERIFY(t.hasStarted());
    // Joining an ended thread returns at once, any number of times.
    QVERIFY(t.join(0.0));
    QVERIFY(t.join());

    const ActorId mainActor = fx.main->actor();
    const Trace trace = fx.finish();
    // The timed-out joins recorded a Join wait that ended in a timeout.
    int timedOut = 0;
    for (const TraceEvent &e : trace.events()) {
        if (e.kind == EventKind::WaitEnd && e.actor == mainActor && e.value == qint64(WaitOutcome::TimedOut))
            ++timedOut;
    }
    QCOMPARE(timedOut, 1); // join(0) does not wait at all
}

void TestThread::joinErrors_data()
{
    QTest::addColumn<bool>("inRun");
    QTest::addColumn<bool>("self");
    QTest::addColumn<QString>("message");

    QTest::newRow("before start, in a run") << true << false << QStringLiteral("cannot join thread before it is started");
    QTest::newRow("before start, outside a run") << false << false << QStringLiteral("cannot join thread before it is started");
    QTest::newRow("itself, in a run") << true << true << QStringLiteral("cannot join current thread");
    QTest::newRow("itself, outside a run") << false << true << QStringLiteral("cannot join current thread");
}

void TestThread::joinErrors()
{
    QFETCH(bool, inRun);
    QFETCH(bool, self);
    QFETCH(QString, message);

    std::optional<RunFixture> fx;
    if (inRun)
        fx.emplace();

    QString error;
    if (!self) {
        Thread t([] {});
        try {
            t.join();
        } catch (const RuntimeError &e) {
            error = QString::fromUtf8(e.what());
        }
    } else {
        Thread *me = nullptr;
        Event ready;
        std::atomic<bool> returned{false};
        Thread t([&] {
            ready.wait();
            try {
                // With a timeout, so that a missing check shows as a failure, not a hang.
                me->join(0.2);
                returned = true;
            } catch (const RuntimeError &e) {
                error = QString::fromUtf8(e.what());
            }
        });
        me = &t;
        t.start();
        ready.set();
        QVERIFY(t.join(5.0));
        QVERIFY2(!returned.load(), "join() on the current thread returned instead of raising");
    }
    QCOMPARE(error, message);
}

void TestThread::exceptionCapturesWhatTargetRaised()
{
    RunFixture fx;
    Thread ok([] {});
    Thread bad([] { throw ValueError("invalid literal for int() with base 10: 'x'"); });
    QVERIFY(!bad.exception());
    ok.start();
    bad.start();
    QVERIFY(ok.join(5.0));
    QVERIFY(bad.join(5.0));
    QVERIFY(!ok.exception());
    const std::exception_ptr raised = bad.exception();
    QVERIFY(raised);
    try {
        std::rethrow_exception(raised);
    } catch (const ValueError &e) {
        QCOMPARE(QString::fromUtf8(e.what()), QStringLiteral("invalid literal for int() with base 10: 'x'"));
    } catch (...) {
        QFAIL("exception() holds something other than what the target raised");
    }
}

void TestThread::nativeIdIsKernelTid()
{
    RunFixture fx;
    std::atomic<qint64> inside{0};
    Thread t([&] { inside = kernelTid(); });
    QCOMPARE(t.nativeId(), qint64(0));
    t.start();
    QVERIFY(t.join(5.0));
    QVERIFY(inside.load() > 0);
    QCOMPARE(t.nativeId(), inside.load());
    QVERIFY(t.nativeId() != kernelTid());
    QCOMPARE(this_thread::nativeId(), kernelTid());

    const Trace trace = fx.finish();
    const ActorInfo *info = trace.actor(t.actor());
    QVERIFY(info);
    QCOMPARE(info->osId, inside.load());
}

void TestThread::destructorWaitsForNonDaemonThread()
{
    RunFixture fx;
    std::atomic<bool> finished{false};
    {
        Thread t([&] {
            clab::sleep(0.03);
            finished = true;
        });
        t.start();
    }
    QVERIFY(finished.load());
}

void TestThread::threadOutsideRun()
{
    QVERIFY(!this_thread::state());
    std::atomic<bool> ran{false};
    std::atomic<bool> hadState{true};
    Thread t([&] {
        hadState = this_thread::state() != nullptr;
        ran = true;
    });
    QVERIFY(t.name().startsWith(QLatin1String("Thread-")));
    t.start();
    QVERIFY(t.join(5.0));
    QVERIFY(ran.load());
    QVERIFY(!hadState.load());
    QCOMPARE(t.actor(), ActorId(0));
    QVERIFY(t.nativeId() > 0);
}

void TestThread::startSpawnsActor()
{
    RunFixture fx;
    Thread t([] {});
    QCOMPARE(t.actor(), ActorId(0));
    t.start();
    const ActorId actor = t.actor();
    QVERIFY(actor != 0);
    const ActorId mainActor = fx.main->actor();
    QVERIFY(actor != mainActor);
    QVERIFY(t.join(5.0));
    const Trace trace = fx.finish();

    const auto spawns = eventsOf(trace, EventKind::Spawn, mainActor);
    QCOMPARE(int(spawns.size()), 1);
    QCOMPARE(spawns[0].value, qint64(actor));
    const auto starts = eventsOf(trace, EventKind::ActorStart, actor);
    const auto ends = eventsOf(trace, EventKind::ActorEnd, actor);
    QCOMPARE(int(starts.size()), 1);
    QCOMPARE(int(ends.size()), 1);
    QVERIFY(spawns[0].ts <= starts[0].ts);
    QVERIFY(starts[0].ts <= ends[0].ts);
    QCOMPARE(ends[0].value, qint64(0));
    // Nothing the thread did is stamped after its end.
    for (const TraceEvent &e : trace.events()) {
        if (e.actor == actor)
            QVERIFY(e.ts <= ends[0].ts);
    }
    const ActorInfo *info = trace.actor(actor);
    QVERIFY(info);
    QCOMPARE(info->kind, ActorKind::Thread);
    QCOMPARE(info->parent, fx.context.processActor());
    QCOMPARE(info->name, QStringLiteral("Thread-1"));
}

void TestThread::actorEndOutcome_data()
{
    QTest::addColumn<QString>("how");
    QTest::addColumn<qint64>("value");
    QTest::newRow("returns") << QStringLiteral("return") << qint64(0);
    QTest::newRow("raises") << QStringLiteral("raise") << qint64(1);
    QTest::newRow("cancelled") << QStringLiteral("cancel") << qint64(2);
}

void TestThread::actorEndOutcome()
{
    QFETCH(QString, how);
    QFETCH(qint64, value);

    RunFixture fx;
    Event never;
    Thread t([&] {
        if (how == QLatin1String("raise"))
            throw RuntimeError("boom");
        if (how == QLatin1String("cancel"))
            never.wait();
    });
    t.start();
    const ActorId actor = t.actor();
    if (how == QLatin1String("cancel")) {
        QVERIFY(eventually([&] { return recorded(fx, EventKind::WaitBegin, actor); }));
        fx.context.cancel();
        QVERIFY(eventually([&] { return !t.isAlive(); }));
    } else {
        QVERIFY(t.join(5.0));
    }
    const Trace trace = fx.finish();
    const auto ends = eventsOf(trace, EventKind::ActorEnd, actor);
    QCOMPARE(int(ends.size()), 1);
    QCOMPARE(ends[0].value, value);
    // A cancelled thread is not an error of the target.
    QCOMPARE(bool(t.exception()), how == QLatin1String("raise"));
}

void TestThread::sleepRecordsAndLasts()
{
    RunFixture fx;
    QElapsedTimer timer;
    timer.start();
    clab::sleep(0.02);
    QVERIFY(timer.elapsed() >= 19);
    const ActorId mainActor = fx.main->actor();
    const Trace trace = fx.finish();
    const auto begins = eventsOf(trace, EventKind::SleepBegin, mainActor);
    const auto ends = eventsOf(trace, EventKind::SleepEnd, mainActor);
    QCOMPARE(int(begins.size()), 1);
    QCOMPARE(int(ends.size()), 1);
    QCOMPARE(begins[0].value, qint64(20'000'000));
    QVERIFY(ends[0].ts - begins[0].ts >= 19'000'000);
}

void TestThread::sleepOutsideRunLasts()
{
    QVERIFY(!this_thread::state());
    QElapsedTimer timer;
    timer.start();
    clab::sleep(0.02);
    QVERIFY(timer.elapsed() >= 19);
}

void TestThread::burnCpuOutsideRunLasts()
{
    QElapsedTimer timer;
    timer.start();
    burnCpu(0.02);
    QVERIFY(timer.elapsed() >= 19);
}

QTEST_GUILESS_MAIN(TestThread)
#include "tst_thread.moc"
