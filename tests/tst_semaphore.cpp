// Tests for clab::Semaphore and clab::BoundedSemaphore (core/sync/semaphore.h):
// threading.Semaphore semantics, its errors, waiting, and the recorded
// free-permit counts.

#include "testsupport.h"
#include "sync/semaphore.h"
#include "threads/errors.h"
#include "threads/thread.h"
#include "trace/timeline.h"

#include <QElapsedTimer>
#include <QtTest>

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

using namespace clab;
using namespace clab::test;

using Operation = std::function<void()>;
Q_DECLARE_METATYPE(Operation)

namespace {

template <class F>
QString pythonError(F &&f)
{
    try {
        f();
    } catch (const PythonError &e) {
        return QString::fromStdString(e.describe());
    } catch (const std::logic_error &e) {
        return QStringLiteral("check failed: ") + QString::fromLatin1(e.what());
    }
    return QString();
}

template <class Match>
bool waitForEvent(RunFixture &fx, Match match)
{
    return eventually([&] {
        fx.trace.merge(fx.context.recorder().drain());
        return std::any_of(fx.trace.events().begin(), fx.trace.events().end(), match);
    });
}

std::vector<TraceEvent> eventsOf(const Trace &trace, ActorId actor, ObjectId object)
{
    std::vector<TraceEvent> out;
    for (const TraceEvent &e : trace.events()) {
        if (e.actor == actor && (object == 0 || e.object == object))
            out.push_back(e);
    }
    return out;
}

// Throws unless `condition` holds, so an operation row can check state.
void require(bool condition, const char *what)
{
    if (!condition)
        throw std::logic_error(what);
}

} // namespace

class TestSemaphore : public QObject
{
    Q_OBJECT

private slots:
    void countsPermits();
    void defaultsToOnePermit();
    void errors_data();
    void errors();
    void negativeTimeoutDoesNotWait_data();
    void negativeTimeoutDoesNotWait();
    void timedAcquireGivesUp();
    void releaseWakesAsManyWaitersAsPermits();
    void boundsConcurrency();
    void binarySemaphoreExcludes();
    void recordsFreePermits();
    void contendedAcquireIsHandedOff();
    void timedOutWaitIsRecorded();
    void cancelUnblocksAWaiter();
};

void TestSemaphore::countsPermits()
{
    Semaphore sem(2);
    QCOMPARE(sem.value(), 2);
    QVERIFY(sem.acquire());
    QVERIFY(sem.acquire(false));
    QCOMPARE(sem.value(), 0);
    QVERIFY(!sem.acquire(false));
    QVERIFY(!sem.acquire(true, 0.0));
    QCOMPARE(sem.value(), 0);
    sem.release();
    QCOMPARE(sem.value(), 1);
    sem.release(3); // a plain Semaphore may grow past its start
    QCOMPARE(sem.value(), 4);
    // Any thread may release.
    std::thread([&] { sem.release(); }).join();
    QCOMPARE(sem.value(), 5);
    QCOMPARE(sem.name(), QStringLiteral("Semaphore"));
    QCOMPARE(BoundedSemaphore().name(), QStringLiteral("BoundedSemaphore"));
}

void TestSemaphore::defaultsToOnePermit()
{
    Semaphore sem;
    QCOMPARE(sem.value(), 1);
    BoundedSemaphore bounded;
    QCOMPARE(bounded.value(), 1);
    QVERIFY(bounded.acquire(false));
    QVERIFY(!bounded.acquire(false));
    bounded.release();
    QCOMPARE(bounded.value(), 1);
}

void TestSemaphore::errors_data()
{
    QTest::addColumn<Operation>("operation");
    QTest::addColumn<QString>("error");

    const QString negativeInitial = QStringLiteral("ValueError: semaphore initial value must be >= 0");
    const QString badN = QStringLiteral("ValueError: n must be one or more");
    const QString nonBlocking = QStringLiteral("ValueError: can't specify timeout for non-blocking acquire");
    const QString tooMany = QStringLiteral("ValueError: Semaphore released too many times");

    QTest::newRow("negative initial value") << Operation([] { Semaphore sem(-1); }) << negativeInitial;
    QTest::newRow("bounded, negative initial value") << Operation([] { BoundedSemaphore sem(-3); }) << negativeInitial;
    QTest::newRow("zero permits is fine") << Operation([] { Semaphore sem(0); }) << QString();
    QTest::newRow("release 0") << Operation([] { Semaphore sem(1); sem.release(0); }) << badN;
    QTest::newRow("release -2") << Operation([] { Semaphore sem(1); sem.release(-2); }) << badN;
    QTest::newRow("bounded release 0") << Operation([] { BoundedSemaphore sem(1); sem.release(0); }) << badN;
    QTest::newRow("non-blocking with a timeout")
        << Operation([] { Semaphore sem(1); sem.acquire(false, 1.0); }) << nonBlocking;
    QTest::newRow("non-blocking with timeout -1")
        << Operation([] { Semaphore sem(0); sem.acquire(false, -1.0); }) << nonBlocking;
    QTest::newRow("non-blocking with timeout 0")
        << Operation([] { Semaphore sem(0); sem.acquire(false, 0.0); }) << nonBlocking;
    QTest::newRow("non-blocking error takes no permit") << Operation([] {
        Semaphore sem(1);
        try {
            sem.acquire(false, 1.0);
        } catch (const ValueError &) {
        }
        require(sem.value() == 1, "permit taken");
    }) << QString();
    QTest::newRow("bounded released past its start")
        << Operation([] { BoundedSemaphore sem(2); sem.release(); }) << tooMany;
    QTest::newRow("bounded release(n) past its start") << Operation([] {
        BoundedSemaphore sem(3);
        sem.acquire();
        sem.acquire();
        try {
            sem.release(3);
        } catch (const ValueError &) {
            require(sem.value() == 1, "a refused release changed the count");
            throw;
        }
    }) << tooMany;
    QTest::newRow("bounded release(n) back to its start") << Operation([] {
        BoundedSemaphore sem(3);
        sem.acquire();
        sem.acquire();
        sem.release(2);
        require(sem.value() == 3, "count");
    }) << QString();
    QTest::newRow("unbounded release past its start") << Operation([] {
        Semaphore sem(1);
        sem.release(5);
        require(sem.value() == 6, "count");
    }) << QString();
}

void TestSemaphore::errors()
{
    QFETCH(Operation, operation);
    QFETCH(QString, error);
    QCOMPARE(pythonError(operation), error);
}

void TestSemaphore::negativeTimeoutDoesNotWait_data()
{
    QTest::addColumn<double>("timeout");
    QTest::newRow("-1") << -1.0;
    QTest::newRow("-0.5") << -0.5;
    QTest::newRow("-1000") << -1000.0;
}

void TestSemaphore::negativeTimeoutDoesNotWait()
{
    // Python: Semaphore(0).acquire(timeout=-1) returns False at once; it
    // neither raises (as Lock does) nor waits forever.
    QFETCH(double, timeout);
    Semaphore empty(0);
    bool got = true;
    // Should the call wait, a permit arrives after a while, so a regression
    // fails the test instead of hanging it.
    std::atomic<bool> returned{false};
    std::thread rescue([&] {
        if (!eventually([&] { return returned.load(); }, 3000))
            empty.release();
    });
    const QString error = pythonError([&] { got = empty.acquire(true, timeout); });
    returned = true;
    rescue.join();
    QCOMPARE(error, QString());
    QVERIFY(!got);
    Semaphore one(1);
    QVERIFY(one.acquire(true, timeout));
    QCOMPARE(one.value(), 0);
}

void TestSemaphore::timedAcquireGivesUp()
{
    Semaphore sem(0);
    QElapsedTimer timer;
    timer.start();
    QVERIFY(!sem.acquire(true, 0.05));
    QVERIFY(timer.nsecsElapsed() >= 50'000'000);
    QCOMPARE(sem.value(), 0);
    sem.release();
    QVERIFY(sem.acquire(true, 0.05));
}

void TestSemaphore::releaseWakesAsManyWaitersAsPermits()
{
    Semaphore sem(0);
    std::atomic<int> acquired{0};
    std::atomic<int> gaveUp{0};
    std::vector<std::thread> waiters;
    for (int i = 0; i < 3; ++i) {
        waiters.emplace_back([&] {
            if (sem.acquire(true, 30.0))
                acquired.fetch_add(1);
            else
                gaveUp.fetch_add(1);
        });
    }
    sem.release(2);
    QVERIFY(eventually([&] { return acquired.load() == 2; }));
    QCOMPARE(sem.value(), 0);
    // The third is still waiting, and one more permit lets it through.
    sem.release();
    for (auto &t : waiters)
        t.join();
    QCOMPARE(acquired.load(), 3);
    QCOMPARE(gaveUp.load(), 0);
    QCOMPARE(sem.value(), 0);
}

void TestSemaphore::boundsConcurrency()
{
    constexpr int kPermits = 2;
    constexpr int kThreads = 5;
    constexpr int kIterations = 2000;
    BoundedSemaphore sem(kPermits);
    std::atomic<int> inside{0};
    std::atomic<int> tooMany{0};
    std::atomic<int> done{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&] {
            for (int i = 0; i < kIterations; ++i) {
                std::lock_guard guard(sem);
                if (inside.fetch_add(1) >= kPermits)
                    tooMany.fetch_add(1);
                if ((i & 31) == 0)
                    std::this_thread::yield();
                inside.fetch_sub(1);
                done.fetch_add(1);
            }
        });
    }
    for (auto &t : threads)
        t.join();
    QCOMPARE(tooMany.load(), 0);
    QCOMPARE(done.load(), kThreads * kIterations);
    QCOMPARE(sem.value(), kPermits);
}

void TestSemaphore::binarySemaphoreExcludes()
{
    constexpr int kThreads = 4;
    constexpr int kIterations = 10'000;
    Semaphore sem(1);
    long long counter = 0; // not atomic: the semaphore protects it
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&] {
            for (int i = 0; i < kIterations; ++i) {
                sem.acquire();
                const long long read = counter;
                if ((i & 63) == 0)
                    std::this_thread::yield();
                counter = read + 1;
                sem.release();
            }
        });
    }
    for (auto &t : threads)
        t.join();
    QCOMPARE(counter, (long long)kThreads * kIterations);
    QCOMPARE(sem.value(), 1);
}

void TestSemaphore::recordsFreePermits()
{
    RunFixture fx;
    Semaphore sem(2, QStringLiteral("S"));
    Semaphore unnamed;
    BoundedSemaphore bounded(3);
    QCOMPARE(unnamed.name(), QStringLiteral("Semaphore-1"));
    QCOMPARE(bounded.name(), QStringLiteral("BoundedSemaphore-1"));
    sem.acquire();
    sem.acquire();
    QVERIFY(!sem.acquire(false)); // fails at once: nothing recorded
    sem.release();
    sem.release(1);
    sem.release(3);
    bounded.acquire();
    bounded.release();
    const ActorId main = fx.main->actor();
    const Trace trace = fx.finish();

    QCOMPARE(trace.object(sem.id())->kind, ObjectKind::Semaphore);
    QCOMPARE(trace.object(sem.id())->capacity, qint64(2));
    QCOMPARE(trace.object(bounded.id())->kind, ObjectKind::BoundedSemaphore);
    QCOMPARE(trace.object(bounded.id())->capacity, qint64(3));

    // value = permits taken or given, aux = free permits after.
    QStringList seen;
    for (const TraceEvent &e : eventsOf(trace, main, sem.id())) {
        seen << QStringLiteral("%1 %2 free %3")
                    .arg(e.kind == EventKind::Acquired ? QLatin1String("acquired")
                         : e.kind == EventKind::Released ? QLatin1String("released")
                                                          : QLatin1String("other"))
                    .arg(e.value)
                    .arg(e.aux);
    }
    QCOMPARE(seen, (QStringList{QStringLiteral("acquired 1 free 1"), QStringLiteral("acquired 1 free 0"),
                                QStringLiteral("released 1 free 1"), QStringLiteral("released 1 free 2"),
                                QStringLiteral("released 3 free 5")}));
    const std::vector<TraceEvent> boundedEvents = eventsOf(trace, main, bounded.id());
    QCOMPARE(boundedEvents.size(), size_t(2));
    QCOMPARE(boundedEvents[0].aux, quint32(2));
    QCOMPARE(boundedEvents[1].aux, quint32(3));
}

void TestSemaphore::contendedAcquireIsHandedOff()
{
    RunFixture fx;
    Semaphore sem(0, QStringLiteral("S"));
    bool got = false;
    Thread worker([&] { got = sem.acquire(); });
    auto cancelOnExit = qScopeGuard([&] { fx.context.cancel(); });
    worker.start();
    const ActorId workerActor = worker.actor();
    QVERIFY(waitForEvent(fx, [&](const TraceEvent &e) {
        return e.kind == EventKind::WaitBegin && e.actor == workerActor && e.object == sem.id();
    }));
    sem.release();
    QVERIFY(worker.join(10.0));
    QVERIFY(got);
    QCOMPARE(sem.value(), 0);
    const ActorId main = fx.main->actor();
    const Trace trace = fx.finish();

    const std::vector<TraceEvent> events = eventsOf(trace, workerActor, sem.id());
    QCOMPARE(events.size(), size_t(3));
    QCOMPARE(events[0].kind, EventKind::WaitBegin);
    QCOMPARE(events[0].value, qint64(WaitReason::Semaphore));
    QCOMPARE(events[1].kind, EventKind::WaitEnd);
    QCOMPARE(events[1].value, qint64(WaitOutcome::Satisfied));
    QCOMPARE(events[2].kind, EventKind::Acquired);
    QCOMPARE(events[2].aux, quint32(0));

    int wakes = 0;
    for (const Handoff &h : deriveHandoffs(trace)) {
        if (h.kind == HandoffKind::Wake && h.object == sem.id()) {
            ++wakes;
            QCOMPARE(h.from, main);
            QCOMPARE(h.to, workerActor);
        }
    }
    QCOMPARE(wakes, 1);
    // The wait is drawn as waiting for a lock-like resource.
    bool sawWait = false;
    for (const StateInterval &s : deriveIntervals(trace))
        sawWait |= s.actor == workerActor && s.state == ActorState::WaitingLock && s.object == sem.id();
    QVERIFY(sawWait);
}

void TestSemaphore::timedOutWaitIsRecorded()
{
    RunFixture fx;
    Semaphore sem(0);
    QVERIFY(!sem.acquire(true, 0.03));
    const ActorId main = fx.main->actor();
    const Trace trace = fx.finish();
    const std::vector<TraceEvent> events = eventsOf(trace, main, sem.id());
    QCOMPARE(events.size(), size_t(2));
    QCOMPARE(events[0].kind, EventKind::WaitBegin);
    QCOMPARE(events[1].kind, EventKind::WaitEnd);
    QCOMPARE(events[1].value, qint64(WaitOutcome::TimedOut));
    QVERIFY(events[1].ts - events[0].ts >= 25'000'000);
}

void TestSemaphore::cancelUnblocksAWaiter()
{
    RunFixture fx;
    Semaphore sem(0);
    std::atomic<bool> cancelled{false};
    Thread worker([&] {
        try {
            sem.acquire();
        } catch (const RunCancelled &) {
            cancelled = true;
            throw;
        }
    });
    auto cancelOnExit = qScopeGuard([&] { fx.context.cancel(); });
    worker.start();
    const ActorId workerActor = worker.actor();
    QVERIFY(waitForEvent(fx, [&](const TraceEvent &e) {
        return e.kind == EventKind::WaitBegin && e.actor == workerActor;
    }));
    fx.context.cancel();
    QVERIFY(eventually([&] { return !worker.isAlive(); }));
    QVERIFY(cancelled.load());
    QCOMPARE(sem.value(), 0);
    const Trace trace = fx.finish();
    const std::vector<TraceEvent> events = eventsOf(trace, workerActor, sem.id());
    QCOMPARE(events.size(), size_t(2));
    QCOMPARE(events[1].value, qint64(WaitOutcome::Cancelled));
}

QTEST_GUILESS_MAIN(TestSemaphore)
#include "tst_semaphore.moc"
