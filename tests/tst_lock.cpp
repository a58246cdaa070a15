// Tests for clab::Lock (core/sync/lock.h): threading.Lock semantics, its
// errors, mutual exclusion under contention, and what a run records.

#include "testsupport.h"
#include "sync/event.h"
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

// "Type: message" of the Python error `f` raises, or "" if it raises none.
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

// Drains the run's recorder into fx.trace until an event matches.
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

QList<EventKind> kindsOf(const std::vector<TraceEvent> &events)
{
    QList<EventKind> out;
    for (const TraceEvent &e : events)
        out << e.kind;
    return out;
}

} // namespace

class TestLock : public QObject
{
    Q_OBJECT

private slots:
    void acquireAndRelease();
    void notReentrant();
    void nonBlockingAcquireFailsWhileHeld();
    void timedAcquireGivesUp_data();
    void timedAcquireGivesUp();
    void timedAcquireSucceedsWhenReleasedInTime();
    void argumentErrors_data();
    void argumentErrors();
    void releaseUnlockedRaises();
    void anyThreadMayRelease();
    void mutualExclusionUnderContention();
    void standardLockableInterface();
    void unlockWhileUnwindingStaysQuiet();
    void recordsAcquireAndRelease();
    void contendedAcquireIsRecordedAndHandedOff();
    void timedOutWaitIsRecorded();
    void contentionInARunIsConsistent();
    void cancelUnblocksAWaiter();
};

void TestLock::acquireAndRelease()
{
    Lock lock;
    QVERIFY(!lock.locked());
    QCOMPARE(lock.ownerUid(), quint32(0));
    QVERIFY(lock.acquire());
    QVERIFY(lock.locked());
    QCOMPARE(lock.ownerUid(), this_thread::uid());
    QVERIFY(lock.isOwnedByCurrentThread());
    lock.release();
    QVERIFY(!lock.locked());
    QVERIFY(!lock.isOwnedByCurrentThread());
    // Outside a run it is still named, as Python names the class.
    QCOMPARE(lock.name(), QStringLiteral("Lock"));
    QCOMPARE(lock.id(), ObjectId(0));
    QCOMPARE(Lock(QStringLiteral("mine")).name(), QStringLiteral("mine"));
}

void TestLock::notReentrant()
{
    Lock lock;
    QVERIFY(lock.acquire());
    QVERIFY(!lock.acquire(false));
    QVERIFY(!lock.acquire(true, 0.01));
    QVERIFY(lock.locked());
    lock.release();
    QVERIFY(!lock.locked());
}

void TestLock::nonBlockingAcquireFailsWhileHeld()
{
    Lock lock;
    QVERIFY(lock.acquire());
    bool gotWhileHeld = true;
    std::thread([&] { gotWhileHeld = lock.acquire(false); }).join();
    QVERIFY(!gotWhileHeld);
    lock.release();
    bool gotWhenFree = false;
    std::thread([&] {
        gotWhenFree = lock.acquire(false);
        if (gotWhenFree)
            lock.release();
    }).join();
    QVERIFY(gotWhenFree);
}

void TestLock::timedAcquireGivesUp_data()
{
    QTest::addColumn<double>("timeout");
    QTest::newRow("zero") << 0.0;
    QTest::newRow("20 ms") << 0.02;
    QTest::newRow("100 ms") << 0.1;
}

void TestLock::timedAcquireGivesUp()
{
    QFETCH(double, timeout);
    Lock lock;
    QVERIFY(lock.acquire());
    bool got = true;
    qint64 elapsedNs = 0;
    std::thread([&] {
        QElapsedTimer timer;
        timer.start();
        got = lock.acquire(true, timeout);
        elapsedNs = timer.nsecsElapsed();
    }).join();
    QVERIFY(!got);
    // It waited out the whole timeout before giving up.
    QVERIFY2(elapsedNs >= qint64(timeout * 1e9), qPrintable(QString::number(elapsedNs)));
    QVERIFY(lock.locked());
    QCOMPARE(lock.ownerUid(), this_thread::uid());
    lock.release();
    // A lock freed after a timed-out waiter left is still usable.
    QVERIFY(lock.acquire(false));
    lock.release();
    QVERIFY(!lock.locked());
}

void TestLock::timedAcquireSucceedsWhenReleasedInTime()
{
    Lock lock;
    QVERIFY(lock.acquire());
    std::atomic<bool> waiting{false};
    bool got = false;
    std::thread waiter([&] {
        waiting.store(true);
        got = lock.acquire(true, 30.0);
        if (got)
            lock.release();
    });
    QVERIFY(eventually([&] { return waiting.load(); }));
    lock.release();
    waiter.join();
    QVERIFY(got);
    QVERIFY(!lock.locked());
}

void TestLock::argumentErrors_data()
{
    QTest::addColumn<bool>("blocking");
    QTest::addColumn<bool>("hasTimeout");
    QTest::addColumn<double>("timeout");
    QTest::addColumn<QString>("error");
    const QString nonBlocking = QStringLiteral("ValueError: can't specify a timeout for a non-blocking call");
    const QString negative = QStringLiteral("ValueError: timeout value must be a non-negative number");
    QTest::newRow("non-blocking with a timeout") << false << true << 1.0 << nonBlocking;
    QTest::newRow("non-blocking with timeout 0") << false << true << 0.0 << nonBlocking;
    QTest::newRow("non-blocking with timeout -1") << false << true << -1.0 << QString();
    QTest::newRow("non-blocking without timeout") << false << false << 0.0 << QString();
    QTest::newRow("negative timeout") << true << true << -0.5 << negative;
    QTest::newRow("timeout -2") << true << true << -2.0 << negative;
    QTest::newRow("timeout -1 waits forever") << true << true << -1.0 << QString();
    QTest::newRow("timeout 0") << true << true << 0.0 << QString();
    QTest::newRow("blocking without timeout") << true << false << 0.0 << QString();
}

void TestLock::argumentErrors()
{
    QFETCH(bool, blocking);
    QFETCH(bool, hasTimeout);
    QFETCH(double, timeout);
    QFETCH(QString, error);
    Lock lock;
    bool got = false;
    QCOMPARE(pythonError([&] { got = lock.acquire(blocking, hasTimeout ? Timeout(timeout) : Timeout()); }), error);
    // A rejected call takes nothing; an accepted one takes the free lock.
    QCOMPARE(got, error.isEmpty());
    QCOMPARE(lock.locked(), error.isEmpty());
    // The arguments are checked even when the lock is held.
    if (!error.isEmpty()) {
        QVERIFY(lock.acquire());
        QCOMPARE(pythonError([&] { lock.acquire(blocking, hasTimeout ? Timeout(timeout) : Timeout()); }), error);
        lock.release();
    }
}

void TestLock::releaseUnlockedRaises()
{
    Lock lock;
    QCOMPARE(pythonError([&] { lock.release(); }), QStringLiteral("RuntimeError: release unlocked lock"));
    try {
        lock.release();
        QFAIL("no error");
    } catch (const RuntimeError &e) {
        QCOMPARE(QString::fromLatin1(e.pythonType()), QStringLiteral("RuntimeError"));
        QCOMPARE(QString::fromLatin1(e.what()), QStringLiteral("release unlocked lock"));
    }
    lock.acquire();
    lock.release();
    QCOMPARE(pythonError([&] { lock.release(); }), QStringLiteral("RuntimeError: release unlocked lock"));
    QVERIFY(!lock.locked());
    // unlock() outside of unwinding raises the same.
    QCOMPARE(pythonError([&] { lock.unlock(); }), QStringLiteral("RuntimeError: release unlocked lock"));
}

void TestLock::anyThreadMayRelease()
{
    Lock lock;
    QVERIFY(lock.acquire());
    QString error = QStringLiteral("not run");
    std::thread([&] { error = pythonError([&] { lock.release(); }); }).join();
    QCOMPARE(error, QString());
    QVERIFY(!lock.locked());
    QCOMPARE(lock.ownerUid(), quint32(0));
    QVERIFY(lock.acquire(false));
    lock.release();
}

void TestLock::mutualExclusionUnderContention()
{
    constexpr int kThreads = 4;
    constexpr int kIterations = 20'000;
    Lock lock;
    long long counter = 0; // deliberately not atomic
    std::atomic<int> inside{0};
    std::atomic<int> overlaps{0}; // times two threads were inside at once
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < kIterations; ++i) {
                // Mix the plain, guard and try paths.
                if (i % 3 == 0) {
                    std::lock_guard guard(lock);
                    if (inside.fetch_add(1) != 0)
                        overlaps.fetch_add(1);
                    counter = counter + 1;
                    inside.fetch_sub(1);
                    continue;
                }
                if (i % 3 == 1 && (t % 2 == 0)) {
                    while (!lock.try_lock())
                        std::this_thread::yield();
                } else {
                    lock.acquire();
                }
                if (inside.fetch_add(1) != 0)
                    overlaps.fetch_add(1);
                const long long read = counter;
                if ((i & 63) == 0)
                    std::this_thread::yield(); // widen the window a lost update needs
                counter = read + 1;
                inside.fetch_sub(1);
                lock.release();
            }
        });
    }
    for (auto &t : threads)
        t.join();
    QCOMPARE(counter, (long long)kThreads * kIterations);
    QCOMPARE(overlaps.load(), 0);
    QVERIFY(!lock.locked());
}

void TestLock::standardLockableInterface()
{
    Lock lock;
    {
        std::scoped_lock guard(lock);
        QVERIFY(lock.locked());
        QVERIFY(!lock.try_lock());
    }
    QVERIFY(!lock.locked());
    QVERIFY(lock.try_lock());
    lock.unlock();
    QVERIFY(!lock.locked());
    {
        std::unique_lock guard(lock, std::try_to_lock);
        QVERIFY(guard.owns_lock());
    }
    QVERIFY(!lock.locked());
}

void TestLock::unlockWhileUnwindingStaysQuiet()
{
    // A guard whose lock was never taken (as after a cancelled wait) must not
    // throw from its destructor while an exception is in flight: that would
    // terminate the program.
    Lock lock;
    struct Unlocker {
        Lock &lock;
        ~Unlocker() { lock.unlock(); }
    };
    bool caught = false;
    try {
        Unlocker unlocker{lock};
        throw std::runtime_error("unwinding");
    } catch (const std::runtime_error &) {
        caught = true;
    }
    QVERIFY(caught);
    QVERIFY(!lock.locked());

    // While unwinding, a lock this thread does hold is still released.
    lock.acquire();
    try {
        Unlocker unlocker{lock};
        throw std::runtime_error("unwinding");
    } catch (const std::runtime_error &) {
    }
    QVERIFY(!lock.locked());
}

void TestLock::recordsAcquireAndRelease()
{
    RunFixture fx;
    Lock named(QStringLiteral("balance"));
    Lock first;
    Lock second;
    QCOMPARE(first.name(), QStringLiteral("Lock-1"));
    QCOMPARE(second.name(), QStringLiteral("Lock-2"));
    QVERIFY(named.id() != 0 && first.id() != 0 && second.id() != 0);
    QVERIFY(first.id() != second.id() && first.id() != named.id());

    named.acquire();
    QVERIFY(!named.acquire(false)); // fails at once: no wait recorded
    named.release();
    const ActorId main = fx.main->actor();
    const Trace trace = fx.finish();

    const ObjectInfo *info = trace.object(named.id());
    QVERIFY(info);
    QCOMPARE(info->kind, ObjectKind::Lock);
    QCOMPARE(info->name, QStringLiteral("balance"));
    QCOMPARE(trace.objectName(first.id()), QStringLiteral("Lock-1"));

    const std::vector<TraceEvent> events = eventsOf(trace, main, named.id());
    QCOMPARE(kindsOf(events), (QList<EventKind>{EventKind::Acquired, EventKind::Released}));
    QVERIFY(events[0].ts <= events[1].ts);
    QCOMPARE(countEvents(trace, EventKind::WaitBegin), 0);
}

void TestLock::contendedAcquireIsRecordedAndHandedOff()
{
    RunFixture fx;
    Lock lock(QStringLiteral("L"));
    lock.acquire();
    bool got = false;
    Thread worker([&] {
        got = lock.acquire();
        lock.release();
    });
    // Declared last, so it runs first on an early return: unblocks the
    // worker before its Thread waits for it.
    auto cancelOnExit = qScopeGuard([&] { fx.context.cancel(); });
    worker.start();
    const ActorId workerActor = worker.actor();
    QVERIFY(waitForEvent(fx, [&](const TraceEvent &e) {
        return e.kind == EventKind::WaitBegin && e.actor == workerActor && e.object == lock.id();
    }));
    lock.release();
    QVERIFY(worker.join(10.0));
    QVERIFY(got);
    const ActorId main = fx.main->actor();
    const Trace trace = fx.finish();

    const std::vector<TraceEvent> events = eventsOf(trace, workerActor, lock.id());
    QCOMPARE(kindsOf(events), (QList<EventKind>{EventKind::WaitBegin, EventKind::WaitEnd, EventKind::Acquired,
                                                EventKind::Released}));
    QCOMPARE(events[0].value, qint64(WaitReason::Lock));
    QCOMPARE(events[1].value, qint64(WaitOutcome::Satisfied));

    qint64 releasedAt = -1;
    for (const TraceEvent &e : eventsOf(trace, main, lock.id()))
        if (e.kind == EventKind::Released)
            releasedAt = e.ts;
    QVERIFY(releasedAt >= 0);
    int wakes = 0;
    for (const Handoff &h : deriveHandoffs(trace)) {
        if (h.kind == HandoffKind::Wake && h.object == lock.id()) {
            ++wakes;
            QCOMPARE(h.from, main);
            QCOMPARE(h.to, workerActor);
            QCOMPARE(h.fromNs, releasedAt);
            QCOMPARE(h.toNs, events[1].ts);
        }
    }
    QCOMPARE(wakes, 1);
}

void TestLock::timedOutWaitIsRecorded()
{
    RunFixture fx;
    Lock lock(QStringLiteral("L"));
    Event holding;
    Event done;
    // Another thread holds the lock (a thread waiting for a lock it holds
    // itself would be a deadlock, and the run would be stopped).
    Thread holder([&] {
        lock.acquire();
        holding.set();
        done.wait();
        lock.release();
    });
    auto cancelOnExit = qScopeGuard([&] { fx.context.cancel(); });
    holder.start();
    QVERIFY(holding.wait(10.0));
    QVERIFY(!lock.acquire(true, 0.05));
    QVERIFY(!lock.acquire(false));
    done.set();
    QVERIFY(holder.join(10.0));
    QVERIFY(lock.acquire(false));
    lock.release();
    const ActorId main = fx.main->actor();
    const Trace trace = fx.finish();

    const std::vector<TraceEvent> events = eventsOf(trace, main, lock.id());
    QCOMPARE(kindsOf(events), (QList<EventKind>{EventKind::WaitBegin, EventKind::WaitEnd, EventKind::Acquired,
                                                EventKind::Released}));
    QCOMPARE(events[1].value, qint64(WaitOutcome::TimedOut));
    QVERIFY(events[1].ts - events[0].ts >= 45'000'000);
    // A timed-out wait hands nothing off.
    for (const Handoff &h : deriveHandoffs(trace))
        QVERIFY(!(h.kind == HandoffKind::Wake && h.object == lock.id() && h.to == main));
}

void TestLock::contentionInARunIsConsistent()
{
    constexpr int kThreads = 3;
    constexpr int kIterations = 2000;
    RunFixture fx;
    Lock lock(QStringLiteral("counter lock"));
    long long counter = 0;
    std::vector<std::unique_ptr<Thread>> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.push_back(std::make_unique<Thread>([&] {
            for (int i = 0; i < kIterations; ++i) {
                std::lock_guard guard(lock);
                counter = counter + 1;
            }
        }));
    }
    auto cancelOnExit = qScopeGuard([&] { fx.context.cancel(); });
    for (auto &t : threads)
        t->start();
    for (auto &t : threads)
        QVERIFY(t->join(30.0));
    QCOMPARE(counter, (long long)kThreads * kIterations);
    const Trace trace = fx.finish();

    QCOMPARE(countEvents(trace, EventKind::Acquired, lock.id()), kThreads * kIterations);
    QCOMPARE(countEvents(trace, EventKind::Released, lock.id()), kThreads * kIterations);
    QCOMPARE(countEvents(trace, EventKind::WaitBegin, lock.id()), countEvents(trace, EventKind::WaitEnd, lock.id()));
    for (auto &t : threads) {
        // Per thread: each wait ends satisfied and is followed by the
        // acquire; acquires and releases alternate.
        bool holding = false;
        bool waiting = false;
        for (const TraceEvent &e : eventsOf(trace, t->actor(), lock.id())) {
            switch (e.kind) {
            case EventKind::WaitBegin:
                QVERIFY(!holding && !waiting);
                waiting = true;
                break;
            case EventKind::WaitEnd:
                QVERIFY(waiting);
                QCOMPARE(e.value, qint64(WaitOutcome::Satisfied));
                waiting = false;
                break;
            case EventKind::Acquired:
                QVERIFY(!holding && !waiting);
                holding = true;
                break;
            case EventKind::Released:
                QVERIFY(holding);
                holding = false;
                break;
            default:
                QFAIL("unexpected event");
            }
        }
        QVERIFY(!holding && !waiting);
    }
}

void TestLock::cancelUnblocksAWaiter()
{
    RunFixture fx;
    Lock lock(QStringLiteral("L"));
    std::atomic<bool> cancelled{false};
    std::atomic<bool> acquired{false};
    lock.acquire();
    Thread worker([&] {
        try {
            acquired = lock.acquire();
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
    QVERIFY(!acquired.load());
    QVERIFY(!worker.exception()); // RunCancelled is not an error of the target
    // The lock is untouched: still held by this thread.
    QVERIFY(lock.locked());
    QVERIFY(lock.isOwnedByCurrentThread());
    lock.release();
    const Trace trace = fx.finish();

    const std::vector<TraceEvent> events = eventsOf(trace, workerActor, 0);
    QCOMPARE(kindsOf(events), (QList<EventKind>{EventKind::ActorStart, EventKind::WaitBegin, EventKind::WaitEnd,
                                                EventKind::ActorEnd}));
    QCOMPARE(events[2].value, qint64(WaitOutcome::Cancelled));
    QCOMPARE(events[3].value, qint64(2)); // ended by cancellation
}

QTEST_GUILESS_MAIN(TestLock)
#include "tst_lock.moc"
