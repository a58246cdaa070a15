// RunContext: cancelling, shutting down, deadlock detection and the
// scheduling gate every operation passes.

#include "testsupport.h"

#include "sync/barrier.h"
#include "sync/condition.h"
#include "sync/event.h"
#include "sync/lock.h"
#include "sync/queue.h"
#include "sync/readwritelock.h"
#include "sync/semaphore.h"
#include "threads/errors.h"
#include "threads/schedpoint.h"
#include "threads/thread.h"
#include "threads/threadpoolexecutor.h"

#include <QElapsedTimer>
#include <QSemaphore>
#include <QtTest>
#include <atomic>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <thread>
#include <vector>

using namespace clab;
using clab::test::RunFixture;
using clab::test::countEvents;
using clab::test::eventually;

namespace {

// Drains what the run recorded so far into the fixture's trace and tells
// whether `actor` recorded an event of `kind` (on `object`, unless 0).
bool recorded(RunFixture &fx, EventKind kind, ActorId actor, ObjectId object = 0)
{
    fx.trace.merge(fx.context.recorder().drain());
    const auto &events = fx.trace.events();
    return std::any_of(events.begin(), events.end(), [&](const TraceEvent &e) {
        return e.kind == kind && e.actor == actor && (object == 0 || e.object == object);
    });
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

qint64 endValue(const Trace &trace, ActorId actor)
{
    const auto ends = eventsOf(trace, EventKind::ActorEnd, actor);
    return ends.size() == 1 ? ends.front().value : -1;
}

// Records every arrival; optionally holds one actor until released.
class RecordingGate : public SchedulingGate
{
public:
    void arrive(const Arrival &arrival) override
    {
        std::unique_lock lock(m_mutex);
        m_arrivals.push_back(arrival);
        m_changed.notify_all();
        m_changed.wait(lock, [&] { return !m_holding || arrival.actor == m_free; });
    }
    std::vector<Arrival> arrivals() const
    {
        std::lock_guard lock(m_mutex);
        return m_arrivals;
    }
    void clear()
    {
        std::lock_guard lock(m_mutex);
        m_arrivals.clear();
    }
    // Holds every actor but `free` at its next operation.
    void holdAllBut(ActorId free)
    {
        std::lock_guard lock(m_mutex);
        m_holding = true;
        m_free = free;
    }
    void releaseHeld()
    {
        {
            std::lock_guard lock(m_mutex);
            m_holding = false;
        }
        m_changed.notify_all();
    }

private:
    mutable std::mutex m_mutex;
    std::condition_variable m_changed;
    std::vector<Arrival> m_arrivals;
    bool m_holding = false;
    ActorId m_free = 0;
};

const char *opName(Op op)
{
    switch (op) {
    case Op::Acquire: return "Acquire";
    case Op::Release: return "Release";
    case Op::Wait: return "Wait";
    case Op::Notify: return "Notify";
    case Op::Set: return "Set";
    case Op::Clear: return "Clear";
    case Op::Put: return "Put";
    case Op::Get: return "Get";
    case Op::TaskDone: return "TaskDone";
    case Op::Join: return "Join";
    case Op::Sleep: return "Sleep";
    case Op::Start: return "Start";
    case Op::Submit: return "Submit";
    case Op::Result: return "Result";
    }
    return "?";
}

QString describe(const std::vector<Arrival> &arrivals)
{
    QStringList parts;
    for (const Arrival &a : arrivals)
        parts << QStringLiteral("%1:%2@%3").arg(a.actor).arg(QLatin1String(opName(a.op))).arg(a.object);
    return parts.join(QStringLiteral(", "));
}

// One operation for the gate test: sets up what it needs in the run, arms
// the gate right before the operation and reports what it expects to see.
struct GateCase {
    const char *name;
    Op op;
    // Returns the object the arrival must name; `arm` installs the gate.
    std::function<ObjectId(RunFixture &, const std::function<void()> &arm)> perform;
};

const std::vector<GateCase> &gateCases()
{
    static const std::vector<GateCase> cases = {
        {"Lock.acquire", Op::Acquire, [](RunFixture &, auto arm) {
             Lock l;
             arm();
             l.acquire();
             return l.id();
         }},
        {"Lock.acquire(blocking=False)", Op::Acquire, [](RunFixture &, auto arm) {
             Lock l;
             arm();
             l.acquire(false);
             return l.id();
         }},
        {"Lock.release", Op::Release, [](RunFixture &, auto arm) {
             Lock l;
             l.acquire();
             arm();
             l.release();
             return l.id();
         }},
        {"RLock.acquire", Op::Acquire, [](RunFixture &, auto arm) {
             RLock l;
             arm();
             l.acquire();
             return l.id();
         }},
        {"RLock.release", Op::Release, [](RunFixture &, auto arm) {
             RLock l;
             l.acquire();
             arm();
             l.release();
             return l.id();
         }},
        {"Semaphore.acquire", Op::Acquire, [](RunFixture &, auto arm) {
             Semaphore s(1);
             arm();
             s.acquire();
             return s.id();
         }},
        {"Semaphore.release", Op::Release, [](RunFixture &, auto arm) {
             Semaphore s(0);
             arm();
             s.release();
             return s.id();
         }},
        {"Condition.wait", Op::Wait, [](RunFixture &, auto arm) {
             Condition c;
             c.acquire();
             arm();
             c.wait(0.001);
             c.release();
             return c.id();
         }},
        {"Condition.notify", Op::Notify, [](RunFixture &, auto arm) {
             Condition c;
             c.acquire();
             arm();
             c.notify();
             c.release();
             return c.id();
         }},
        {"Condition.notify_all", Op::Notify, [](RunFixture &, auto arm) {
             Condition c;
             c.acquire();
             arm();
             c.notifyAll();
             c.release();
             return c.id();
         }},
        {"Event.set", Op::Set, [](RunFixture &, auto arm) {
             Event e;
             arm();
             e.set();
             return e.id();
         }},
        {"Event.clear", Op::Clear, [](RunFixture &, auto arm) {
             Event e;
             e.set();
             arm();
             e.clear();
             return e.id();
         }},
        {"Event.wait", Op::Wait, [](RunFixture &, auto arm) {
             Event e;
             e.set();
             arm();
             e.wait();
             return e.id();
         }},
        {"Queue.put", Op::Put, [](RunFixture &, auto arm) {
             Queue<int> q;
             arm();
             q.put(1);
             return q.id();
         }},
        {"Queue.get", Op::Get, [](RunFixture &, auto arm) {
             Queue<int> q;
             q.put(1);
             arm();
             q.get();
             return q.id();
         }},
        {"Queue.task_done", Op::TaskDone, [](RunFixture &, auto arm) {
             Queue<int> q;
             q.put(1);
             q.get();
             arm();
             q.taskDone();
             return q.id();
         }},
        {"Queue.join", Op::Join, [](RunFixture &, auto arm) {
             Queue<int> q;
             arm();
             q.join();
             return q.id();
         }},
        {"Barrier.wait", Op::Wait, [](RunFixture &, auto arm) {
             Barrier b(1);
             arm();
             b.wait();
             return b.id();
         }},
        {"ReadWriteLock.acquire_read", Op::Acquire, [](RunFixture &, auto arm) {
             ReadWriteLock l;
             arm();
             l.acquireRead();
             return l.id();
         }},
        {"ReadWriteLock.release_write", Op::Release, [](RunFixture &, auto arm) {
             ReadWriteLock l;
             l.acquireWrite();
             arm();
             l.releaseWrite();
             return l.id();
         }},
        {"time.sleep", Op::Sleep, [](RunFixture &, auto arm) {
             arm();
             clab::sleep(0.001);
             return ObjectId(0);
         }},
        {"Thread.start", Op::Start, [](RunFixture &, auto arm) {
             Thread t([] {});
             arm();
             t.start();
             t.join();
             return ObjectId(0);
         }},
        {"Thread.join", Op::Join, [](RunFixture &, auto arm) {
             Thread t([] {});
             t.start();
             arm();
             t.join();
             return ObjectId(0);
         }},
        {"ThreadPoolExecutor.submit", Op::Submit, [](RunFixture &, auto arm) {
             ThreadPoolExecutor pool(1);
             arm();
             pool.submit([] { return 1; });
             pool.shutdown(true);
             return pool.id();
         }},
        {"Future.result", Op::Result, [](RunFixture &, auto arm) {
             ThreadPoolExecutor pool(1);
             Future<int> f = pool.submit([] { return 1; });
             arm();
             f.result();
             pool.shutdown(true);
             return pool.id();
         }},
        {"Future.exception", Op::Result, [](RunFixture &, auto arm) {
             ThreadPoolExecutor pool(1);
             Future<int> f = pool.submit([] { return 1; });
             arm();
             f.exception();
             pool.shutdown(true);
             return pool.id();
         }},
    };
    return cases;
}

} // namespace

class TestRunContext : public QObject
{
    Q_OBJECT

private slots:
    void cancelWakesBlockedThread_data();
    void cancelWakesBlockedThread();
    void cancelStopsBurnCpuAtCheckpoint();
    void checkpointOutsideRunDoesNothing();
    void shutdownWaitsForNonDaemonAndStopsDaemons();
    void shutdownCountsThreadsFromStart();
    void shutdownCancelsThreadsPastGrace();
    void threadNumbersAndSerialsArePerRun();
    void deadlockTwoLocks_data();
    void deadlockTwoLocks();
    void selfDeadlock();
    void noDeadlockWithoutCycle();
    void gateSeesEveryOperation_data();
    void gateSeesEveryOperation();
    void gateSeesOtherThreadsAsTheirActor();
    void gateRunsBeforeTheOperation();
};

void TestRunContext::cancelWakesBlockedThread_data()
{
    QTest::addColumn<QString>("primitive");
    for (const char *name : {"Lock", "RLock", "Semaphore", "BoundedSemaphore", "Condition", "Event",
                             "Queue.get", "Queue.put", "Queue.join", "Barrier", "ReadWriteLock.read",
                             "ReadWriteLock.write", "Thread.join", "Future.result", "sleep"})
        QTest::newRow(name) << QString::fromLatin1(name);
}

void TestRunContext::cancelWakesBlockedThread()
{
    QFETCH(QString, primitive);

    RunFixture fx;
    // Everything set up so that the call below blocks for good.
    Lock lock;
    lock.acquire();
    RLock rlock;
    rlock.acquire();
    Semaphore semaphore(0);
    BoundedSemaphore bounded(1);
    bounded.acquire();
    Condition condition;
    Event event;
    Queue<int> empty;
    Queue<int> full(1);
    full.put(0);
    Queue<int> unfinished;
    unfinished.put(0);
    Barrier barrier(2);
    ReadWriteLock rw;
    rw.acquireWrite();
    Event never;
    // A thread outside the run to join: cancelling the run does not end it,
    // so only the cancel can wake its joiner.
    QSemaphore outsiderGo;
    std::optional<Thread> outsider;
    std::thread([&] { outsider.emplace([&] { outsiderGo.acquire(); }, QStringLiteral("outsider")); }).join();
    ThreadPoolExecutor pool(1);
    // A future no worker will ever complete (a pool task would be cancelled
    // with the run too, and could complete it first).
    Future<int> pending(StateRef<FutureData<int>>::make(pool.id(), 1));

    ObjectId waitedOn = 0;
    std::function<void()> block;
    if (primitive == QLatin1String("Lock")) {
        block = [&] { lock.acquire(); };
        waitedOn = lock.id();
    } else if (primitive == QLatin1String("RLock")) {
        block = [&] { rlock.acquire(); };
        waitedOn = rlock.id();
    } else if (primitive == QLatin1String("Semaphore")) {
        block = [&] { semaphore.acquire(); };
        waitedOn = semaphore.id();
    } else if (primitive == QLatin1String("BoundedSemaphore")) {
        block = [&] { bounded.acquire(); };
        waitedOn = bounded.id();
    } else if (primitive == QLatin1String("Condition")) {
        block = [&] {
            std::lock_guard guard(condition);
            condition.wait();
        };
        waitedOn = condition.id();
    } else if (primitive == QLatin1String("Event")) {
        block = [&] { event.wait(); };
        waitedOn = event.id();
    } else if (primitive == QLatin1String("Queue.get")) {
        block = [&] { empty.get(); };
        waitedOn = empty.id();
    } else if (primitive == QLatin1String("Queue.put")) {
        block = [&] { full.put(1); };
        waitedOn = full.id();
    } else if (primitive == QLatin1String("Queue.join")) {
        block = [&] { unfinished.join(); };
        waitedOn = unfinished.id();
    } else if (primitive == QLatin1String("Barrier")) {
        block = [&] { barrier.wait(); };
        waitedOn = barrier.id();
    } else if (primitive == QLatin1String("ReadWriteLock.read")) {
        block = [&] { rw.acquireRead(); };
        waitedOn = rw.id();
    } else if (primitive == QLatin1String("ReadWriteLock.write")) {
        block = [&] { rw.acquireWrite(); };
        waitedOn = rw.id();
    } else if (primitive == QLatin1String("Thread.join")) {
        outsider->start();
        block = [&] { outsider->join(); };
        waitedOn = 0; // joins wait on a thread, not an object
    } else if (primitive == QLatin1String("Future.result")) {
        block = [&] { pending.result(); };
        waitedOn = pool.id();
    } else if (primitive == QLatin1String("sleep")) {
        block = [] { clab::sleep(3600); };
    }
    QVERIFY(block);

    std::atomic<bool> returnedNormally{false};
    Thread worker([&] {
        block();
        returnedNormally = true;
    }, QStringLiteral("blocked"));
    worker.start();
    const ActorId actor = worker.actor();
    const EventKind blockedKind = primitive == QLatin1String("sleep") ? EventKind::SleepBegin : EventKind::WaitBegin;
    QVERIFY(eventually([&] { return recorded(fx, blockedKind, actor, waitedOn); }));
    // Still blocked: nothing can let it through.
    QVERIFY(!worker.join(0.03));

    QElapsedTimer sinceCancel;
    sinceCancel.start();
    fx.context.cancel();
    QVERIFY(fx.context.isCancelled());
    QVERIFY(eventually([&] { return !worker.isAlive(); }));
    const qint64 took = sinceCancel.elapsed();
#ifndef __SANITIZE_THREAD__
    QVERIFY2(took < 200, qPrintable(QStringLiteral("the blocked thread took %1 ms to stop").arg(took)));
#else
    Q_UNUSED(took);
#endif
    QVERIFY(!returnedNormally.load());
    QVERIFY(!worker.exception()); // RunCancelled is not an error of the target

    const Trace trace = fx.finish();
    if (outsider->hasStarted()) {
        QVERIFY(outsider->isAlive());
        outsiderGo.release();
        QVERIFY(outsider->join(5.0));
    }
    QCOMPARE(endValue(trace, actor), qint64(2));
    if (blockedKind == EventKind::WaitBegin) {
        bool cancelledWait = false;
        for (const TraceEvent &e : eventsOf(trace, EventKind::WaitEnd, actor))
            cancelledWait = cancelledWait || e.value == qint64(WaitOutcome::Cancelled);
        QVERIFY(cancelledWait);
    } else {
        QCOMPARE(int(eventsOf(trace, EventKind::SleepEnd, actor).size()), 1);
    }
}

void TestRunContext::cancelStopsBurnCpuAtCheckpoint()
{
    RunFixture fx;
    std::atomic<bool> burning{false};
    std::atomic<bool> returnedNormally{false};
    Thread worker([&] {
        burning = true;
        burnCpu(3600);
        returnedNormally = true;
    });
    worker.start();
    const ActorId actor = worker.actor();
    QVERIFY(eventually([&] { return burning.load(); }));
    QVERIFY(!worker.join(0.02));

    QElapsedTimer sinceCancel;
    sinceCancel.start();
    fx.context.cancel();
    QVERIFY(eventually([&] { return !worker.isAlive(); }));
    const qint64 took = sinceCancel.elapsed();
#ifndef __SANITIZE_THREAD__
    QVERIFY2(took < 200, qPrintable(QStringLiteral("burnCpu took %1 ms to stop").arg(took)));
#else
    Q_UNUSED(took);
#endif
    QVERIFY(!returnedNormally.load());
    const Trace trace = fx.finish();
    QCOMPARE(int(eventsOf(trace, EventKind::Cancelled, actor).size()), 1);
    QCOMPARE(endValue(trace, actor), qint64(2));
}

void TestRunContext::checkpointOutsideRunDoesNothing()
{
    QVERIFY(!this_thread::state());
    QVERIFY(!sched::cancellationRequested());
    sched::checkpoint(); // must not throw

    RunFixture fx;
    QVERIFY(!sched::cancellationRequested());
    sched::checkpoint();
    fx.context.cancel();
    QVERIFY(sched::cancellationRequested());
    QVERIFY_THROWS_EXCEPTION(RunCancelled, sched::checkpoint());
}

void TestRunContext::shutdownWaitsForNonDaemonAndStopsDaemons()
{
    RunFixture fx;
    std::atomic<bool> workerDone{false};
    std::atomic<int> beats{0};
    Thread worker([&] {
        clab::sleep(0.1);
        workerDone = true;
    }, QStringLiteral("worker"));
    Thread daemon([&] {
        for (;;) {
            beats.fetch_add(1);
            clab::sleep(0.005);
        }
    }, QStringLiteral("heartbeat"), true);
    Event never;
    Thread blockedDaemon([&] { never.wait(); }, QStringLiteral("blocked-daemon"), true);
    worker.start();
    daemon.start();
    blockedDaemon.start();
    const ActorId workerActor = worker.actor();
    const ActorId daemonActor = daemon.actor();
    const ActorId blockedActor = blockedDaemon.actor();
    QVERIFY(eventually([&] { return beats.load() > 0; }));

    fx.main.reset(); // the main thread ends, as a Python program's would
    QVERIFY(fx.context.shutdown(std::chrono::seconds(5)));
    // It waited for the non-daemon thread to finish its work...
    QVERIFY(workerDone.load());
    // ...and then stopped the daemons.
    QCOMPARE(fx.context.liveThreads(), 0);
    QVERIFY(eventually([&] { return !daemon.isAlive() && !blockedDaemon.isAlive(); }));
    // The daemons alone were asked to stop; the run as a whole was not cancelled.
    QVERIFY(!fx.context.isCancelled());

    const Trace trace = fx.finish();
    QCOMPARE(endValue(trace, workerActor), qint64(0));
    QCOMPARE(endValue(trace, daemonActor), qint64(2));
    QCOMPARE(endValue(trace, blockedActor), qint64(2));
    // The daemons ended after the non-daemon thread did.
    const qint64 workerEnd = eventsOf(trace, EventKind::ActorEnd, workerActor).front().ts;
    QVERIFY(eventsOf(trace, EventKind::ActorEnd, daemonActor).front().ts >= workerEnd);
    QVERIFY(eventsOf(trace, EventKind::ActorEnd, blockedActor).front().ts >= workerEnd);
}

void TestRunContext::shutdownCountsThreadsFromStart()
{
    // A thread counts from the moment start() returns, even if its OS thread
    // has not begun to run yet: shutdown() right after start() waits for it.
    for (int round = 0; round < 10; ++round) {
        RunFixture fx;
        std::atomic<bool> done{false};
        Thread t([&] {
            clab::sleep(0.005);
            done = true;
        });
        t.start();
        QVERIFY(fx.context.liveThreads() >= 2); // MainThread and t
        fx.main.reset();
        QVERIFY(fx.context.shutdown(std::chrono::seconds(5)));
        QVERIFY2(done.load(), qPrintable(QStringLiteral("round %1: shutdown did not wait").arg(round)));
        QCOMPARE(fx.context.liveThreads(), 0);
    }
}

void TestRunContext::shutdownCancelsThreadsPastGrace()
{
    RunFixture fx;
    Event never;
    Thread stuck([&] { never.wait(); }, QStringLiteral("stuck"));
    // Should a check fail, stop the thread before its destructor waits for it.
    const auto stop = qScopeGuard([&] { fx.context.cancel(); });
    stuck.start();
    const ActorId actor = stuck.actor();
    fx.main.reset();
    QElapsedTimer timer;
    timer.start();
    QVERIFY(!fx.context.shutdown(std::chrono::milliseconds(50)));
    QVERIFY(timer.elapsed() >= 49); // it gave the thread its grace period
    QVERIFY(fx.context.isCancelled());
    QCOMPARE(fx.context.liveThreads(), 0);
    const Trace trace = fx.finish();
    QCOMPARE(endValue(trace, actor), qint64(2));
}

void TestRunContext::threadNumbersAndSerialsArePerRun()
{
    for (int round = 0; round < 2; ++round) {
        RunContext run;
        QCOMPARE(run.nextThreadNumber(), 1);
        QCOMPARE(run.nextThreadNumber(), 2);
        QCOMPARE(run.defaultObjectName(ObjectKind::Lock), QStringLiteral("Lock-1"));
        QCOMPARE(run.defaultObjectName(ObjectKind::Lock), QStringLiteral("Lock-2"));
        QCOMPARE(run.defaultObjectName(ObjectKind::Queue), QStringLiteral("Queue-1"));
        QCOMPARE(run.nextSerial(ObjectKind::Event), 1);
        const ObjectId a = run.addObject(ObjectKind::Event, QString());
        const ObjectId b = run.addObject(ObjectKind::Event, QStringLiteral("ready"));
        QVERIFY(a != 0 && b != 0 && a != b);
        const auto objects = run.recorder().objects();
        QCOMPARE(objects.at(a - 1).name, QStringLiteral("Event-2"));
        QCOMPARE(objects.at(b - 1).name, QStringLiteral("ready"));
        QCOMPARE(run.seed(), quint64(0));
    }
    RunContext seeded(42);
    QCOMPARE(seeded.seed(), quint64(42));
}

void TestRunContext::deadlockTwoLocks_data()
{
    QTest::addColumn<bool>("stopOnDeadlock");
    QTest::newRow("stop on deadlock") << true;
    QTest::newRow("only report") << false;
}

void TestRunContext::deadlockTwoLocks()
{
    QFETCH(bool, stopOnDeadlock);

    RunFixture fx;
    fx.context.setStopOnDeadlock(stopOnDeadlock);
    Lock a(QStringLiteral("lock_a"));
    Lock b(QStringLiteral("lock_b"));
    Barrier bothHoldOne(2);
    Thread first([&] {
        std::lock_guard ga(a);
        bothHoldOne.wait();
        std::lock_guard gb(b);
    }, QStringLiteral("first"));
    Thread second([&] {
        std::lock_guard gb(b);
        bothHoldOne.wait();
        std::lock_guard ga(a);
    }, QStringLiteral("second"));
    first.start();
    second.start();
    const ActorId firstActor = first.actor();
    const ActorId secondActor = second.actor();

    QVERIFY(eventually([&] { return fx.context.deadlock().has_value(); }));
    const DeadlockReport report = *fx.context.deadlock();

    // The cycle, in wait-for order: each waits for what the next one holds.
    QCOMPARE(int(report.actors.size()), 2);
    QCOMPARE(int(report.objects.size()), 2);
    QCOMPARE(report.names.size(), 2);
    const std::map<ActorId, ObjectId> waitsFor = {{firstActor, b.id()}, {secondActor, a.id()}};
    const std::map<ObjectId, ActorId> heldBy = {{a.id(), firstActor}, {b.id(), secondActor}};
    const std::map<ActorId, QString> names = {{firstActor, QStringLiteral("first")}, {secondActor, QStringLiteral("second")}};
    for (size_t i = 0; i < report.actors.size(); ++i) {
        const ActorId actor = report.actors[i];
        QVERIFY(waitsFor.count(actor));
        QCOMPARE(report.objects[i], waitsFor.at(actor));
        QCOMPARE(report.names[int(i)], names.at(actor));
        QCOMPARE(heldBy.at(report.objects[i]), report.actors[(i + 1) % report.actors.size()]);
    }

    if (stopOnDeadlock) {
        QVERIFY(eventually([&] { return fx.context.isCancelled(); }));
        QVERIFY(eventually([&] { return !first.isAlive() && !second.isAlive(); }));
    } else {
        // Reported only: both stay blocked and the run goes on.
        QVERIFY(!first.join(0.1));
        QVERIFY(!second.join(0.0));
        QVERIFY(!fx.context.isCancelled());
        fx.context.cancel();
        QVERIFY(eventually([&] { return !first.isAlive() && !second.isAlive(); }));
    }

    const Trace trace = fx.finish();
    // The first to notice the cancel unwinds and frees its lock, so the other
    // may get it and finish; but the cycle was broken by a cancellation.
    const qint64 firstEnd = endValue(trace, firstActor);
    const qint64 secondEnd = endValue(trace, secondActor);
    QVERIFY2(firstEnd == 2 || secondEnd == 2, qPrintable(QStringLiteral("ends %1 %2").arg(firstEnd).arg(secondEnd)));
    QVERIFY(firstEnd == 0 || firstEnd == 2);
    QVERIFY(secondEnd == 0 || secondEnd == 2);
    // One DeadlockFound per thread in the cycle: the object it waits for and
    // the actor holding it.
    std::vector<TraceEvent> found;
    for (const TraceEvent &e : trace.events()) {
        if (e.kind == EventKind::DeadlockFound)
            found.push_back(e);
    }
    QCOMPARE(int(found.size()), 2);
    for (const TraceEvent &e : found) {
        QCOMPARE(e.object, waitsFor.at(e.actor));
        QCOMPARE(ActorId(e.value), heldBy.at(e.object));
        QCOMPARE(e.ts, report.detectedNs);
    }
    // Found soon after the second thread blocked.
    qint64 lastBlocked = 0;
    for (const TraceEvent &e : trace.events()) {
        if (e.kind == EventKind::WaitBegin && (e.actor == firstActor || e.actor == secondActor)
            && (e.object == a.id() || e.object == b.id()))
            lastBlocked = std::max(lastBlocked, e.ts);
    }
    QVERIFY(lastBlocked > 0);
    QVERIFY(report.detectedNs >= lastBlocked);
#ifndef __SANITIZE_THREAD__
    const double afterMs = double(report.detectedNs - lastBlocked) / 1e6;
    QVERIFY2(afterMs < 100, qPrintable(QStringLiteral("found %1 ms after the cycle closed").arg(afterMs)));
#endif
}

void TestRunContext::selfDeadlock()
{
    RunFixture fx;
    Lock lock(QStringLiteral("not_reentrant"));
    Thread t([&] {
        lock.acquire();
        lock.acquire(); // a Lock is not an RLock: this waits for itself forever
    }, QStringLiteral("self"));
    t.start();
    const ActorId actor = t.actor();
    QVERIFY(eventually([&] { return fx.context.deadlock().has_value(); }));
    const DeadlockReport report = *fx.context.deadlock();
    QCOMPARE(report.actors, std::vector<ActorId>{actor});
    QCOMPARE(report.objects, std::vector<ObjectId>{lock.id()});
    QCOMPARE(report.names, QStringList{QStringLiteral("self")});
    QVERIFY(eventually([&] { return !t.isAlive(); }));
    QVERIFY(fx.context.isCancelled());

    const Trace trace = fx.finish();
    QCOMPARE(endValue(trace, actor), qint64(2));
    QCOMPARE(countEvents(trace, EventKind::DeadlockFound), 1);
    qint64 blockedAt = 0;
    for (const TraceEvent &e : eventsOf(trace, EventKind::WaitBegin, actor))
        blockedAt = std::max(blockedAt, e.ts);
    QVERIFY(blockedAt > 0);
#ifndef __SANITIZE_THREAD__
    const double afterMs = double(report.detectedNs - blockedAt) / 1e6;
    QVERIFY2(afterMs < 100, qPrintable(QStringLiteral("found %1 ms after the thread blocked").arg(afterMs)));
#endif
}

void TestRunContext::noDeadlockWithoutCycle()
{
    // Blocked on a held lock, but the holder is not waiting: no cycle. An
    // RLock taken twice by its owner is no deadlock either.
    RunFixture fx;
    Lock lock;
    RLock rlock;
    rlock.acquire();
    rlock.acquire();
    lock.acquire();
    Thread waiter([&] { lock.acquire(); lock.release(); });
    waiter.start();
    const ActorId actor = waiter.actor();
    QVERIFY(eventually([&] { return recorded(fx, EventKind::WaitBegin, actor, lock.id()); }));
    // Several detector periods with a thread blocked on a held lock.
    QVERIFY(!waiter.join(0.1));
    QVERIFY(!fx.context.deadlock().has_value());
    QVERIFY(!fx.context.isCancelled());
    lock.release();
    QVERIFY(waiter.join(5.0));
    rlock.release();
    rlock.release();
    const Trace trace = fx.finish();
    QCOMPARE(countEvents(trace, EventKind::DeadlockFound), 0);
    QCOMPARE(endValue(trace, actor), qint64(0));
}

void TestRunContext::gateSeesEveryOperation_data()
{
    QTest::addColumn<int>("index");
    const auto &cases = gateCases();
    for (int i = 0; i < int(cases.size()); ++i)
        QTest::newRow(cases[size_t(i)].name) << i;
}

void TestRunContext::gateSeesEveryOperation()
{
    QFETCH(int, index);
    const GateCase &c = gateCases()[size_t(index)];

    RunFixture fx;
    RecordingGate gate;
    const ActorId me = fx.main->actor();
    bool armed = false;
    const ObjectId object = c.perform(fx, [&] {
        armed = true;
        fx.context.setGate(&gate);
    });
    fx.context.setGate(nullptr);
    QVERIFY(armed);

    const std::vector<Arrival> arrivals = gate.arrivals();
    QVERIFY2(!arrivals.empty(), "the gate saw nothing");
    // The first thing the gate sees is the operation itself, by this thread.
    const Arrival &first = arrivals.front();
    QVERIFY2(first.actor == me && first.object == object && first.op == c.op,
             qPrintable(QStringLiteral("expected %1:%2@%3, saw %4")
                            .arg(me).arg(QLatin1String(opName(c.op))).arg(object).arg(describe(arrivals))));
    if (c.op != Op::Start && c.op != Op::Join && c.op != Op::Sleep)
        QVERIFY(object != 0);

    // With no gate, nothing is seen.
    gate.clear();
    c.perform(fx, [] {});
    QVERIFY(gate.arrivals().empty());
}

void TestRunContext::gateSeesOtherThreadsAsTheirActor()
{
    RunFixture fx;
    RecordingGate gate;
    Lock lock;
    Queue<int> queue;
    fx.context.setGate(&gate);
    Thread t([&] {
        lock.acquire();
        queue.put(7);
        lock.release();
    });
    t.start();
    t.join();
    fx.context.setGate(nullptr);
    const ActorId worker = t.actor();
    const ActorId me = fx.main->actor();

    std::vector<Arrival> mine;
    std::vector<Arrival> theirs;
    for (const Arrival &a : gate.arrivals())
        (a.actor == worker ? theirs : mine).push_back(a);
    QCOMPARE(int(theirs.size()), 3);
    QVERIFY(theirs[0].op == Op::Acquire && theirs[0].object == lock.id());
    QVERIFY(theirs[1].op == Op::Put && theirs[1].object == queue.id());
    QVERIFY(theirs[2].op == Op::Release && theirs[2].object == lock.id());
    QCOMPARE(int(mine.size()), 2);
    QVERIFY(mine[0].actor == me && mine[0].op == Op::Start);
    QVERIFY(mine[1].actor == me && mine[1].op == Op::Join);
}

void TestRunContext::gateRunsBeforeTheOperation()
{
    // A step-through gate holds a thread at its next operation: until it lets
    // go, the operation has not happened.
    RunFixture fx;
    RecordingGate gate;
    Lock lock;
    Thread t([&] { lock.acquire(); });
    gate.holdAllBut(fx.main->actor());
    fx.context.setGate(&gate);
    t.start();
    const ActorId worker = t.actor();
    QVERIFY(eventually([&] {
        const auto arrivals = gate.arrivals();
        return std::any_of(arrivals.begin(), arrivals.end(), [&](const Arrival &a) { return a.actor == worker; });
    }));
    QVERIFY(!t.join(0.05));
    QVERIFY(!lock.locked());
    const auto held = gate.arrivals();
    const auto it = std::find_if(held.begin(), held.end(), [&](const Arrival &a) { return a.actor == worker; });
    QVERIFY(it->op == Op::Acquire && it->object == lock.id());
    gate.releaseHeld();
    QVERIFY(t.join(5.0));
    fx.context.setGate(nullptr);
    QVERIFY(lock.locked());
    QCOMPARE(lock.ownerUid() != this_thread::uid(), true);
    lock.release();
}

QTEST_GUILESS_MAIN(TestRunContext)
#include "tst_runcontext.moc"
