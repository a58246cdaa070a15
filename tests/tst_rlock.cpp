// Tests for clab::RLock (core/sync/lock.h): threading.RLock semantics,
// recursion, ownership errors, contention and what a run records.

#include "testsupport.h"
#include "sync/lock.h"
#include "threads/errors.h"
#include "threads/thread.h"
#include "trace/timeline.h"

#include <QElapsedTimer>
#include <QtTest>

#include <atomic>
#include <mutex>
#include <thread>
#include <vector>

using namespace clab;
using namespace clab::test;

namespace {

template <class F>
QString pythonError(F &&f)
{
    try {
        f();
    } catch (const PythonError &e) {
        return QString::fromStdString(e.describe());
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

// Runs `f` on another OS thread and returns its result.
template <class F>
auto onOtherThread(F &&f)
{
    decltype(f()) result{};
    std::thread([&] { result = f(); }).join();
    return result;
}

const QString kUnacquired = QStringLiteral("RuntimeError: cannot release un-acquired lock");

} // namespace

class TestRLock : public QObject
{
    Q_OBJECT

private slots:
    void reentrantAcquire();
    void recursionCountIsPerThread();
    void releaseErrors_data();
    void releaseErrors();
    void argumentErrors_data();
    void argumentErrors();
    void timedAcquireFromAnotherThreadGivesUp();
    void mutualExclusionWithNesting();
    void standardLockableInterface();
    void unlockWhileUnwindingStaysQuiet();
    void recordsDepth();
    void contendedAcquireWaitsForTheLastRelease();
    void cancelUnblocksAWaiter();
};

void TestRLock::reentrantAcquire()
{
    RLock lock;
    QCOMPARE(lock.name(), QStringLiteral("RLock"));
    QCOMPARE(lock.recursionCount(), 0);
    QVERIFY(!lock.isOwnedByCurrentThread());
    QVERIFY(lock.acquire());
    QVERIFY(lock.acquire());
    QVERIFY(lock.acquire(false)); // the owner never has to wait
    QVERIFY(lock.acquire(true, 0.0));
    QCOMPARE(lock.recursionCount(), 4);
    QVERIFY(lock.isOwnedByCurrentThread());
    QVERIFY(!onOtherThread([&] { return lock.acquire(false); }));
    for (int depth = 3; depth >= 1; --depth) {
        lock.release();
        QCOMPARE(lock.recursionCount(), depth);
        QVERIFY(!onOtherThread([&] { return lock.acquire(false); }));
    }
    lock.release();
    QCOMPARE(lock.recursionCount(), 0);
    QVERIFY(!lock.isOwnedByCurrentThread());
    // Free: another thread takes and gives it back.
    QVERIFY(onOtherThread([&] {
        const bool got = lock.acquire(false);
        if (got)
            lock.release();
        return got;
    }));
}

void TestRLock::recursionCountIsPerThread()
{
    RLock lock;
    lock.acquire();
    lock.acquire();
    QCOMPARE(onOtherThread([&] { return lock.recursionCount(); }), 0);
    QCOMPARE(onOtherThread([&] { return lock.isOwnedByCurrentThread(); }), false);
    QCOMPARE(lock.recursionCount(), 2);
    lock.release();
    lock.release();
}

void TestRLock::releaseErrors_data()
{
    QTest::addColumn<int>("acquires");       // by this thread before
    QTest::addColumn<int>("releases");       // by this thread before the failing one
    QTest::addColumn<bool>("heldElsewhere"); // another thread holds it during the failing release
    QTest::newRow("never acquired") << 0 << 0 << false;
    QTest::newRow("released once too often") << 1 << 1 << false;
    QTest::newRow("nested, released once too often") << 3 << 3 << false;
    QTest::newRow("held by another thread") << 0 << 0 << true;
}

void TestRLock::releaseErrors()
{
    QFETCH(int, acquires);
    QFETCH(int, releases);
    QFETCH(bool, heldElsewhere);
    RLock lock;
    for (int i = 0; i < acquires; ++i)
        lock.acquire();
    for (int i = 0; i < releases; ++i)
        lock.release();
    std::atomic<bool> held{false};
    std::atomic<bool> letGo{false};
    std::thread other;
    if (heldElsewhere) {
        other = std::thread([&] {
            lock.acquire();
            lock.acquire();
            held = true;
            while (!letGo.load())
                std::this_thread::yield();
            lock.release();
            lock.release();
        });
        QVERIFY(eventually([&] { return held.load(); }));
    }
    QCOMPARE(pythonError([&] { lock.release(); }), kUnacquired);
    QCOMPARE(pythonError([&] { lock.unlock(); }), kUnacquired);
    if (heldElsewhere) {
        // The owner's hold is untouched by the failed release.
        QVERIFY(!lock.acquire(false));
        letGo = true;
        other.join();
    }
    QVERIFY(lock.acquire(false));
    QCOMPARE(lock.recursionCount(), 1);
    lock.release();
}

void TestRLock::argumentErrors_data()
{
    QTest::addColumn<bool>("blocking");
    QTest::addColumn<bool>("hasTimeout");
    QTest::addColumn<double>("timeout");
    QTest::addColumn<QString>("error");
    const QString nonBlocking = QStringLiteral("ValueError: can't specify a timeout for a non-blocking call");
    const QString negative = QStringLiteral("ValueError: timeout value must be a non-negative number");
    QTest::newRow("non-blocking with a timeout") << false << true << 2.0 << nonBlocking;
    QTest::newRow("non-blocking with timeout -1") << false << true << -1.0 << QString();
    QTest::newRow("negative timeout") << true << true << -3.0 << negative;
    QTest::newRow("timeout -1") << true << true << -1.0 << QString();
    QTest::newRow("timeout 0") << true << true << 0.0 << QString();
}

void TestRLock::argumentErrors()
{
    QFETCH(bool, blocking);
    QFETCH(bool, hasTimeout);
    QFETCH(double, timeout);
    QFETCH(QString, error);
    RLock lock;
    const Timeout t = hasTimeout ? Timeout(timeout) : Timeout();
    QCOMPARE(pythonError([&] { lock.acquire(blocking, t); }), error);
    QCOMPARE(lock.recursionCount(), error.isEmpty() ? 1 : 0);
    // Even the owner's re-entry checks its arguments.
    lock.acquire();
    const int depth = lock.recursionCount();
    QCOMPARE(pythonError([&] { lock.acquire(blocking, t); }), error);
    QCOMPARE(lock.recursionCount(), error.isEmpty() ? depth + 1 : depth);
    while (lock.recursionCount() > 0)
        lock.release();
}

void TestRLock::timedAcquireFromAnotherThreadGivesUp()
{
    RLock lock;
    lock.acquire();
    lock.acquire();
    qint64 elapsedNs = 0;
    const bool got = onOtherThread([&] {
        QElapsedTimer timer;
        timer.start();
        const bool r = lock.acquire(true, 0.05);
        elapsedNs = timer.nsecsElapsed();
        return r;
    });
    QVERIFY(!got);
    QVERIFY(elapsedNs >= 50'000'000);
    QCOMPARE(lock.recursionCount(), 2);
    lock.release();
    lock.release();
}

void TestRLock::mutualExclusionWithNesting()
{
    constexpr int kThreads = 4;
    constexpr int kIterations = 10'000;
    RLock lock;
    long long counter = 0; // not atomic: only the lock protects it
    std::atomic<int> inside{0};
    std::atomic<int> overlaps{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&] {
            for (int i = 0; i < kIterations; ++i) {
                lock.acquire();
                if (inside.fetch_add(1) != 0)
                    overlaps.fetch_add(1);
                const long long read = counter;
                {
                    std::lock_guard nested(lock); // re-entry while holding
                    if ((i & 63) == 0)
                        std::this_thread::yield();
                    counter = read + 1;
                }
                inside.fetch_sub(1);
                lock.release();
            }
        });
    }
    for (auto &t : threads)
        t.join();
    QCOMPARE(counter, (long long)kThreads * kIterations);
    QCOMPARE(overlaps.load(), 0);
    QCOMPARE(lock.recursionCount(), 0);
}

void TestRLock::standardLockableInterface()
{
    RLock lock;
    {
        std::scoped_lock outer(lock);
        std::scoped_lock inner(lock);
        QCOMPARE(lock.recursionCount(), 2);
        QVERIFY(lock.try_lock());
        QCOMPARE(lock.recursionCount(), 3);
        lock.unlock();
    }
    QCOMPARE(lock.recursionCount(), 0);
    QVERIFY(onOtherThread([&] {
        const bool got = lock.try_lock();
        if (got)
            lock.unlock();
        return got;
    }));
}

void TestRLock::unlockWhileUnwindingStaysQuiet()
{
    RLock lock;
    struct Unlocker {
        RLock &lock;
        ~Unlocker() { lock.unlock(); }
    };
    bool caught = false;
    try {
        Unlocker unlocker{lock}; // never acquired
        throw std::runtime_error("unwinding");
    } catch (const std::runtime_error &) {
        caught = true;
    }
    QVERIFY(caught);
    // A held RLock is released while unwinding.
    lock.acquire();
    try {
        Unlocker unlocker{lock};
        throw std::runtime_error("unwinding");
    } catch (const std::runtime_error &) {
    }
    QCOMPARE(lock.recursionCount(), 0);
}

void TestRLock::recordsDepth()
{
    RunFixture fx;
    RLock lock;
    QCOMPARE(lock.name(), QStringLiteral("RLock-1"));
    lock.acquire();
    lock.acquire();
    lock.acquire(false);
    lock.release();
    lock.release();
    lock.release();
    const ActorId main = fx.main->actor();
    const Trace trace = fx.finish();
    QCOMPARE(trace.object(lock.id())->kind, ObjectKind::RLock);

    QStringList seen;
    for (const TraceEvent &e : eventsOf(trace, main, lock.id())) {
        QVERIFY(e.kind == EventKind::Acquired || e.kind == EventKind::Released);
        seen << QStringLiteral("%1 depth %2")
                    .arg(e.kind == EventKind::Acquired ? QLatin1String("acquired") : QLatin1String("released"))
                    .arg(e.aux);
    }
    QCOMPARE(seen, (QStringList{QStringLiteral("acquired depth 1"), QStringLiteral("acquired depth 2"),
                                QStringLiteral("acquired depth 3"), QStringLiteral("released depth 2"),
                                QStringLiteral("released depth 1"), QStringLiteral("released depth 0")}));
}

void TestRLock::contendedAcquireWaitsForTheLastRelease()
{
    RunFixture fx;
    RLock lock(QStringLiteral("R"));
    lock.acquire();
    lock.acquire();
    int depthSeen = 0;
    Thread worker([&] {
        lock.acquire();
        depthSeen = lock.recursionCount();
        lock.release();
    });
    auto cancelOnExit = qScopeGuard([&] { fx.context.cancel(); });
    worker.start();
    const ActorId workerActor = worker.actor();
    QVERIFY(waitForEvent(fx, [&](const TraceEvent &e) {
        return e.kind == EventKind::WaitBegin && e.actor == workerActor && e.object == lock.id();
    }));
    lock.release();
    // Still held once: the worker cannot have it.
    QVERIFY(lock.isOwnedByCurrentThread());
    QCOMPARE(lock.recursionCount(), 1);
    lock.release();
    QVERIFY(worker.join(10.0));
    QCOMPARE(depthSeen, 1);
    const ActorId main = fx.main->actor();
    const Trace trace = fx.finish();

    const std::vector<TraceEvent> events = eventsOf(trace, workerActor, lock.id());
    QCOMPARE(events.size(), size_t(4));
    QCOMPARE(events[0].kind, EventKind::WaitBegin);
    QCOMPARE(events[0].value, qint64(WaitReason::Lock));
    QCOMPARE(events[1].kind, EventKind::WaitEnd);
    QCOMPARE(events[1].value, qint64(WaitOutcome::Satisfied));
    QCOMPARE(events[2].kind, EventKind::Acquired);
    QCOMPARE(events[2].aux, quint32(1));

    // The wake comes from the release that dropped the depth to 0.
    qint64 lastRelease = -1;
    for (const TraceEvent &e : eventsOf(trace, main, lock.id()))
        if (e.kind == EventKind::Released && e.aux == 0)
            lastRelease = e.ts;
    QVERIFY(lastRelease >= 0);
    int wakes = 0;
    for (const Handoff &h : deriveHandoffs(trace)) {
        if (h.kind == HandoffKind::Wake && h.object == lock.id()) {
            ++wakes;
            QCOMPARE(h.from, main);
            QCOMPARE(h.to, workerActor);
            QCOMPARE(h.fromNs, lastRelease);
        }
    }
    QCOMPARE(wakes, 1);
}

void TestRLock::cancelUnblocksAWaiter()
{
    RunFixture fx;
    RLock lock;
    std::atomic<bool> cancelled{false};
    lock.acquire();
    Thread worker([&] {
        try {
            lock.acquire();
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
    QCOMPARE(lock.recursionCount(), 1);
    lock.release();
    const Trace trace = fx.finish();
    const std::vector<TraceEvent> events = eventsOf(trace, workerActor, lock.id());
    QCOMPARE(events.size(), size_t(2));
    QCOMPARE(events[1].kind, EventKind::WaitEnd);
    QCOMPARE(events[1].value, qint64(WaitOutcome::Cancelled));
    QCOMPARE(countEvents(trace, EventKind::Acquired, lock.id()), 1); // the main thread's only
}

QTEST_GUILESS_MAIN(TestRLock)
#include "tst_rlock.moc"
