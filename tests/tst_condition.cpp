// Tests for clab::Condition (core/sync/condition.h): threading.Condition over
// its own RLock or a given Lock/RLock.

#include "testsupport.h"
#include "sync/condition.h"
#include "sync/lock.h"
#include "threads/errors.h"
#include "threads/thread.h"
#include "trace/timeline.h"

#include <QElapsedTimer>
#include <QtTest>

#include <atomic>
#include <deque>
#include <memory>
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

enum class LockKind { Own, Lock, RLock };

// A condition over the requested kind of lock, with the lock it owns.
struct CondUnderTest {
    explicit CondUnderTest(LockKind kind)
    {
        if (kind == LockKind::Lock)
            lock = std::make_unique<Lock>();
        else if (kind == LockKind::RLock)
            lock = std::make_unique<RLock>();
        cond = std::make_unique<Condition>(lock.get());
    }
    std::unique_ptr<ConditionLockable> lock;
    std::unique_ptr<Condition> cond;
};

const QString kWaitUnacquired = QStringLiteral("RuntimeError: cannot wait on un-acquired lock");
const QString kNotifyUnacquired = QStringLiteral("RuntimeError: cannot notify on un-acquired lock");

} // namespace

Q_DECLARE_METATYPE(LockKind)

class TestCondition : public QObject
{
    Q_OBJECT

private slots:
    void requiresTheLock_data();
    void requiresTheLock();
    void waitTimesOutAndTakesTheLockBack_data();
    void waitTimesOutAndTakesTheLockBack();
    void nonPositiveTimeoutDoesNotWait_data();
    void nonPositiveTimeoutDoesNotWait();
    void notifyWakesInWaitingOrder();
    void notifyCountsAndNotifyAll();
    void waitReleasesEveryLevelOfAnRLock();
    void waitForPredicate();
    void producerConsumerOverALock();
    void recordsNotifyAndWaits();
    void cancelWhileWaiting_data();
    void cancelWhileWaiting();
};

void TestCondition::requiresTheLock_data()
{
    QTest::addColumn<LockKind>("kind");
    QTest::newRow("own RLock") << LockKind::Own;
    QTest::newRow("given Lock") << LockKind::Lock;
    QTest::newRow("given RLock") << LockKind::RLock;
}

void TestCondition::requiresTheLock()
{
    QFETCH(LockKind, kind);
    CondUnderTest t(kind);
    Condition &cond = *t.cond;
    QCOMPARE(pythonError([&] { cond.wait(0.0); }), kWaitUnacquired);
    QCOMPARE(pythonError([&] { cond.notify(); }), kNotifyUnacquired);
    QCOMPARE(pythonError([&] { cond.notifyAll(); }), kNotifyUnacquired);
    QCOMPARE(pythonError([&] { cond.waitFor([] { return false; }, 0.0); }), kWaitUnacquired);

    // Held by another thread is not held by this one.
    std::atomic<bool> held{false};
    std::atomic<bool> letGo{false};
    std::thread holder([&] {
        cond.acquire();
        held = true;
        while (!letGo.load())
            std::this_thread::yield();
        cond.release();
    });
    QVERIFY(eventually([&] { return held.load(); }));
    QCOMPARE(pythonError([&] { cond.wait(0.0); }), kWaitUnacquired);
    QCOMPARE(pythonError([&] { cond.notify(); }), kNotifyUnacquired);
    letGo = true;
    holder.join();

    // Held: fine.
    QVERIFY(cond.acquire());
    QCOMPARE(pythonError([&] { cond.notify(); }), QString());
    QCOMPARE(pythonError([&] { cond.notifyAll(); }), QString());
    cond.release();
    QVERIFY(!t.cond->underlyingLock()->isOwnedByCurrentThread());
}

void TestCondition::waitTimesOutAndTakesTheLockBack_data()
{
    requiresTheLock_data();
}

void TestCondition::waitTimesOutAndTakesTheLockBack()
{
    QFETCH(LockKind, kind);
    CondUnderTest t(kind);
    Condition &cond = *t.cond;
    std::lock_guard guard(cond);
    QElapsedTimer timer;
    timer.start();
    QVERIFY(!cond.wait(0.05));
    QVERIFY(timer.nsecsElapsed() >= 50'000'000);
    QVERIFY(cond.underlyingLock()->isOwnedByCurrentThread());
    // Taken back for real: another thread cannot have it.
    bool otherGot = true;
    std::thread([&] { otherGot = cond.acquire(false); }).join();
    QVERIFY(!otherGot);
}

void TestCondition::nonPositiveTimeoutDoesNotWait_data()
{
    QTest::addColumn<double>("timeout");
    QTest::newRow("0") << 0.0;
    QTest::newRow("-1") << -1.0;
    QTest::newRow("-5") << -5.0;
}

void TestCondition::nonPositiveTimeoutDoesNotWait()
{
    QFETCH(double, timeout);
    Condition cond;
    std::lock_guard guard(cond);
    // As Python: a timeout <= 0 polls once. A rescue notification makes a
    // regression fail instead of hanging.
    std::atomic<bool> returned{false};
    std::thread rescue([&] {
        if (!eventually([&] { return returned.load(); }, 3000)) {
            std::lock_guard g(cond);
            cond.notifyAll();
        }
    });
    const bool notified = cond.wait(timeout);
    returned = true;
    rescue.join();
    QVERIFY(!notified);
    QVERIFY(cond.underlyingLock()->isOwnedByCurrentThread());
}

void TestCondition::notifyWakesInWaitingOrder()
{
    RunFixture fx;
    Condition cond;
    std::vector<int> woken; // guarded by cond's lock
    std::vector<std::unique_ptr<Thread>> waiters;
    for (int i = 0; i < 3; ++i) {
        waiters.push_back(std::make_unique<Thread>([&, i] {
            std::lock_guard guard(cond);
            cond.wait();
            woken.push_back(i);
        }));
    }
    auto cancelOnExit = qScopeGuard([&] { fx.context.cancel(); });
    // Start them one at a time, each only once the previous is waiting.
    for (auto &w : waiters) {
        w->start();
        const ActorId actor = w->actor();
        QVERIFY(waitForEvent(fx, [&](const TraceEvent &e) {
            return e.kind == EventKind::WaitBegin && e.actor == actor && e.object == cond.id();
        }));
    }
    for (int k = 1; k <= 3; ++k) {
        {
            std::lock_guard guard(cond);
            cond.notify();
        }
        QVERIFY(eventually([&] {
            std::lock_guard guard(cond);
            return int(woken.size()) == k;
        }));
    }
    for (auto &w : waiters)
        QVERIFY(w->join(10.0));
    QCOMPARE(woken, (std::vector<int>{0, 1, 2}));
}

void TestCondition::notifyCountsAndNotifyAll()
{
    RunFixture fx;
    Condition cond(nullptr, QStringLiteral("C"));
    int wokenCount = 0; // guarded by cond's lock
    std::vector<std::unique_ptr<Thread>> waiters;
    for (int i = 0; i < 4; ++i) {
        waiters.push_back(std::make_unique<Thread>([&] {
            std::lock_guard guard(cond);
            if (cond.wait(30.0))
                ++wokenCount;
        }));
    }
    auto cancelOnExit = qScopeGuard([&] { fx.context.cancel(); });
    for (auto &w : waiters)
        w->start();
    QVERIFY(eventually([&] {
        fx.trace.merge(fx.context.recorder().drain());
        return countEvents(fx.trace, EventKind::WaitBegin, cond.id()) == 4;
    }));
    {
        std::lock_guard guard(cond);
        cond.notify(2);
    }
    QVERIFY(eventually([&] {
        std::lock_guard guard(cond);
        return wokenCount == 2;
    }));
    {
        std::lock_guard guard(cond);
        cond.notifyAll();
        cond.notifyAll(); // nobody left
        cond.notify(0);
    }
    for (auto &w : waiters)
        QVERIFY(w->join(10.0));
    QCOMPARE(wokenCount, 4);
    const ActorId main = fx.main->actor();
    const Trace trace = fx.finish();

    // Notify's value is how many it woke.
    QList<qint64> notified;
    for (const TraceEvent &e : eventsOf(trace, main, cond.id()))
        if (e.kind == EventKind::Notify)
            notified << e.value;
    QCOMPARE(notified, (QList<qint64>{2, 2, 0, 0}));
}

void TestCondition::waitReleasesEveryLevelOfAnRLock()
{
    RLock lock;
    Condition cond(&lock);
    std::atomic<bool> waiting{false};
    int depthAfterWait = 0;
    bool notified = false;
    std::thread waiter([&] {
        lock.acquire();
        lock.acquire();
        lock.acquire();
        waiting = true;
        notified = cond.wait(30.0);
        depthAfterWait = lock.recursionCount();
        lock.release();
        lock.release();
        lock.release();
    });
    QVERIFY(eventually([&] { return waiting.load(); }));
    // While it waits, the lock is free despite its depth of 3.
    QVERIFY(lock.acquire(true, 10.0));
    cond.notify();
    lock.release();
    waiter.join();
    QVERIFY(notified);
    QCOMPARE(depthAfterWait, 3);
    QCOMPARE(lock.recursionCount(), 0);
    QVERIFY(lock.acquire(false));
    lock.release();
}

void TestCondition::waitForPredicate()
{
    Condition cond;
    int value = 0; // guarded by cond's lock

    // Already true: returns at once.
    {
        std::lock_guard guard(cond);
        QVERIFY(cond.waitFor([&] { return value == 0; }));
    }
    // Never true: false after the timeout, lock held again.
    {
        std::lock_guard guard(cond);
        QElapsedTimer timer;
        timer.start();
        QVERIFY(!cond.waitFor([&] { return value == 42; }, 0.05));
        QVERIFY(timer.nsecsElapsed() >= 50'000'000);
        QVERIFY(cond.underlyingLock()->isOwnedByCurrentThread());
    }
    // Notified several times; returns once the predicate holds.
    std::thread producer([&] {
        for (int i = 1; i <= 5; ++i) {
            std::lock_guard guard(cond);
            value = i;
            cond.notifyAll();
        }
    });
    bool result = false;
    {
        std::lock_guard guard(cond);
        result = cond.waitFor([&] { return value == 5; }, 30.0);
        QCOMPARE(value, 5);
    }
    producer.join();
    QVERIFY(result);
}

void TestCondition::producerConsumerOverALock()
{
    constexpr int kItems = 5000;
    Lock lock;
    Condition notEmpty(&lock);
    Condition notFull(&lock);
    std::deque<int> buffer; // guarded by lock
    constexpr size_t kCapacity = 4;
    long long sum = 0;
    int received = 0;
    std::thread consumer([&] {
        for (int i = 0; i < kItems; ++i) {
            std::lock_guard guard(lock);
            notEmpty.waitFor([&] { return !buffer.empty(); });
            sum += buffer.front();
            buffer.pop_front();
            ++received;
            notFull.notify();
        }
    });
    for (int i = 1; i <= kItems; ++i) {
        std::lock_guard guard(lock);
        notFull.waitFor([&] { return buffer.size() < kCapacity; });
        buffer.push_back(i);
        notEmpty.notify();
    }
    consumer.join();
    QCOMPARE(received, kItems);
    QCOMPARE(sum, (long long)kItems * (kItems + 1) / 2);
    QVERIFY(buffer.empty());
}

void TestCondition::recordsNotifyAndWaits()
{
    RunFixture fx;
    Lock lock(QStringLiteral("L"));
    Condition own;
    Condition over(&lock, QStringLiteral("C"));
    QCOMPARE(own.name(), QStringLiteral("Condition-1"));
    bool notified = false;
    Thread waiter([&] {
        std::lock_guard guard(over);
        notified = over.wait(30.0);
    });
    auto cancelOnExit = qScopeGuard([&] { fx.context.cancel(); });
    waiter.start();
    const ActorId waiterActor = waiter.actor();
    QVERIFY(waitForEvent(fx, [&](const TraceEvent &e) {
        return e.kind == EventKind::WaitBegin && e.actor == waiterActor && e.object == over.id();
    }));
    {
        std::lock_guard guard(over);
        over.notify();
    }
    QVERIFY(waiter.join(10.0));
    QVERIFY(notified);
    const ActorId main = fx.main->actor();
    const Trace trace = fx.finish();

    const ObjectInfo *info = trace.object(over.id());
    QVERIFY(info);
    QCOMPARE(info->kind, ObjectKind::Condition);
    QCOMPARE(info->owner, lock.id());
    // The own lock is an RLock of the run, named after its condition.
    bool sawOwnLock = false;
    for (const ObjectInfo &o : trace.objects()) {
        if (o.name == QLatin1String("Condition-1.lock")) {
            QCOMPARE(o.kind, ObjectKind::RLock);
            sawOwnLock = true;
        }
    }
    QVERIFY(sawOwnLock);

    // The waiter: took the lock, waited on the condition (giving the lock
    // up), was notified, took the lock back.
    QList<EventKind> kinds;
    for (const TraceEvent &e : eventsOf(trace, waiterActor, 0)) {
        if (e.object == over.id() || e.object == lock.id())
            kinds << e.kind;
    }
    QVERIFY(kinds.size() >= 6);
    QCOMPARE(kinds.mid(0, 4), (QList<EventKind>{EventKind::Acquired, EventKind::Released, EventKind::WaitBegin,
                                                EventKind::WaitEnd}));
    QCOMPARE(kinds.last(), EventKind::Released);
    const std::vector<TraceEvent> condEvents = eventsOf(trace, waiterActor, over.id());
    QCOMPARE(condEvents.size(), size_t(2));
    QCOMPARE(condEvents[0].value, qint64(WaitReason::Condition));
    QCOMPARE(condEvents[1].value, qint64(WaitOutcome::Satisfied));

    qint64 notifyAt = -1;
    for (const TraceEvent &e : eventsOf(trace, main, over.id()))
        if (e.kind == EventKind::Notify)
            notifyAt = e.ts;
    QVERIFY(notifyAt >= 0);
    int wakes = 0;
    for (const Handoff &h : deriveHandoffs(trace)) {
        if (h.kind == HandoffKind::Wake && h.object == over.id()) {
            ++wakes;
            QCOMPARE(h.from, main);
            QCOMPARE(h.to, waiterActor);
            QCOMPARE(h.fromNs, notifyAt);
            QCOMPARE(h.toNs, condEvents[1].ts);
        }
    }
    QCOMPARE(wakes, 1);
}

void TestCondition::cancelWhileWaiting_data()
{
    QTest::addColumn<bool>("mainHoldsLock");
    QTest::newRow("lock free: the waiter takes it back, then lets go") << false;
    QTest::newRow("lock held: the waiter unwinds without it") << true;
}

void TestCondition::cancelWhileWaiting()
{
    QFETCH(bool, mainHoldsLock);
    RunFixture fx;
    Condition cond;
    std::atomic<bool> cancelled{false};
    Thread waiter([&] {
        try {
            std::lock_guard guard(cond);
            cond.wait();
        } catch (const RunCancelled &) {
            cancelled = true;
            throw;
        }
    });
    auto cancelOnExit = qScopeGuard([&] { fx.context.cancel(); });
    waiter.start();
    const ActorId waiterActor = waiter.actor();
    QVERIFY(waitForEvent(fx, [&](const TraceEvent &e) {
        return e.kind == EventKind::WaitBegin && e.actor == waiterActor && e.object == cond.id();
    }));
    if (mainHoldsLock)
        QVERIFY(cond.acquire(false));
    fx.context.cancel();
    QVERIFY(eventually([&] { return !waiter.isAlive(); }));
    QVERIFY(cancelled.load());
    QVERIFY(!waiter.exception()); // no RuntimeError from the guard's unlock
    if (mainHoldsLock) {
        QVERIFY(cond.underlyingLock()->isOwnedByCurrentThread());
        cond.release();
    }
    // Either way the waiter left the lock free.
    QVERIFY(cond.acquire(false));
    cond.release();
    const Trace trace = fx.finish();
    const std::vector<TraceEvent> events = eventsOf(trace, waiterActor, cond.id());
    QCOMPARE(events.size(), size_t(2));
    QCOMPARE(events[1].kind, EventKind::WaitEnd);
    QCOMPARE(events[1].value, qint64(WaitOutcome::Cancelled));
}

QTEST_GUILESS_MAIN(TestCondition)
#include "tst_condition.moc"
