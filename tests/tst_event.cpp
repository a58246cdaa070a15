// Tests for clab::Event (core/sync/event.h): threading.Event semantics and
// what a run records.

#include "testsupport.h"
#include "sync/event.h"
#include "threads/errors.h"
#include "threads/thread.h"
#include "trace/timeline.h"

#include <QElapsedTimer>
#include <QtTest>

#include <atomic>
#include <memory>
#include <set>
#include <thread>
#include <vector>

using namespace clab;
using namespace clab::test;

namespace {

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

} // namespace

class TestEvent : public QObject
{
    Q_OBJECT

private slots:
    void setAndClear();
    void waitOnASetEventReturnsAtOnce();
    void waitTimesOut_data();
    void waitTimesOut();
    void setWakesEveryWaiter();
    void setThenClearStillWakesWaiters();
    void recordsSetClearAndWakes();
    void cancelUnblocksAWaiter();
};

void TestEvent::setAndClear()
{
    Event event;
    QCOMPARE(event.name(), QStringLiteral("Event"));
    QVERIFY(!event.isSet());
    event.set();
    QVERIFY(event.isSet());
    event.set(); // idempotent
    QVERIFY(event.isSet());
    event.clear();
    QVERIFY(!event.isSet());
    event.clear();
    QVERIFY(!event.isSet());
    std::thread([&] { event.set(); }).join();
    QVERIFY(event.isSet());
}

void TestEvent::waitOnASetEventReturnsAtOnce()
{
    RunFixture fx;
    Event event;
    event.set();
    QVERIFY(event.wait());
    QVERIFY(event.wait(0.0));
    QVERIFY(event.wait(-1.0));
    QVERIFY(event.isSet()); // waiting does not consume the flag
    const Trace trace = fx.finish();
    QCOMPARE(countEvents(trace, EventKind::WaitBegin), 0);
    QCOMPARE(countEvents(trace, EventKind::EventSet, event.id()), 1);
}

void TestEvent::waitTimesOut_data()
{
    QTest::addColumn<double>("timeout");
    QTest::newRow("0") << 0.0;
    QTest::newRow("negative") << -1.0;
    QTest::newRow("30 ms") << 0.03;
}

void TestEvent::waitTimesOut()
{
    QFETCH(double, timeout);
    Event event;
    QElapsedTimer timer;
    timer.start();
    QVERIFY(!event.wait(timeout));
    QVERIFY(timer.nsecsElapsed() >= qint64(qMax(0.0, timeout) * 1e9));
    QVERIFY(!event.isSet());
}

void TestEvent::setWakesEveryWaiter()
{
    Event event;
    constexpr int kWaiters = 4;
    std::atomic<int> started{0};
    std::atomic<int> woken{0};
    std::vector<std::thread> waiters;
    for (int i = 0; i < kWaiters; ++i) {
        waiters.emplace_back([&] {
            started.fetch_add(1);
            if (event.wait(30.0))
                woken.fetch_add(1);
        });
    }
    QVERIFY(eventually([&] { return started.load() == kWaiters; }));
    event.set();
    for (auto &t : waiters)
        t.join();
    QCOMPARE(woken.load(), kWaiters);
}

void TestEvent::setThenClearStillWakesWaiters()
{
    // Python's set() wakes every thread waiting at that moment, and their
    // wait() returns True even if clear() follows right away.
    RunFixture fx;
    Event event;
    constexpr int kWaiters = 3;
    std::atomic<int> returnedTrue{0};
    std::atomic<int> returnedFalse{0};
    std::vector<std::unique_ptr<Thread>> waiters;
    for (int i = 0; i < kWaiters; ++i) {
        waiters.push_back(std::make_unique<Thread>([&] {
            if (event.wait(3.0))
                returnedTrue.fetch_add(1);
            else
                returnedFalse.fetch_add(1);
        }));
    }
    auto cancelOnExit = qScopeGuard([&] { fx.context.cancel(); });
    for (auto &w : waiters)
        w->start();
    QVERIFY(eventually([&] {
        fx.trace.merge(fx.context.recorder().drain());
        return countEvents(fx.trace, EventKind::WaitBegin, event.id()) == kWaiters;
    }));
    event.set();
    event.clear();
    for (auto &w : waiters)
        QVERIFY(w->join(10.0));
    QCOMPARE(returnedTrue.load(), kWaiters);
    QCOMPARE(returnedFalse.load(), 0);
    QVERIFY(!event.isSet());
    // A later wait blocks again, as the flag is clear.
    QVERIFY(!event.wait(0.0));
}

void TestEvent::recordsSetClearAndWakes()
{
    RunFixture fx;
    Event event;
    QCOMPARE(event.name(), QStringLiteral("Event-1"));
    std::vector<std::unique_ptr<Thread>> waiters;
    for (int i = 0; i < 2; ++i)
        waiters.push_back(std::make_unique<Thread>([&] { event.wait(); }));
    auto cancelOnExit = qScopeGuard([&] { fx.context.cancel(); });
    for (auto &w : waiters)
        w->start();
    QVERIFY(eventually([&] {
        fx.trace.merge(fx.context.recorder().drain());
        return countEvents(fx.trace, EventKind::WaitBegin, event.id()) == 2;
    }));
    event.set();
    for (auto &w : waiters)
        QVERIFY(w->join(10.0));
    event.clear();
    const ActorId main = fx.main->actor();
    const Trace trace = fx.finish();

    QCOMPARE(trace.object(event.id())->kind, ObjectKind::Event);
    const std::vector<TraceEvent> mainEvents = eventsOf(trace, main, event.id());
    QCOMPARE(mainEvents.size(), size_t(2));
    QCOMPARE(mainEvents[0].kind, EventKind::EventSet);
    QCOMPARE(mainEvents[1].kind, EventKind::EventClear);

    std::set<ActorId> wokenActors;
    for (const Handoff &h : deriveHandoffs(trace)) {
        if (h.kind == HandoffKind::Wake && h.object == event.id()) {
            QCOMPARE(h.from, main);
            QCOMPARE(h.fromNs, mainEvents[0].ts);
            wokenActors.insert(h.to);
        }
    }
    QCOMPARE(wokenActors, (std::set<ActorId>{waiters[0]->actor(), waiters[1]->actor()}));
    for (auto &w : waiters) {
        const std::vector<TraceEvent> events = eventsOf(trace, w->actor(), event.id());
        QCOMPARE(events.size(), size_t(2));
        QCOMPARE(events[0].kind, EventKind::WaitBegin);
        QCOMPARE(events[0].value, qint64(WaitReason::Event));
        QCOMPARE(events[1].kind, EventKind::WaitEnd);
        QCOMPARE(events[1].value, qint64(WaitOutcome::Satisfied));
    }
}

void TestEvent::cancelUnblocksAWaiter()
{
    RunFixture fx;
    Event event;
    std::atomic<bool> cancelled{false};
    Thread waiter([&] {
        try {
            event.wait();
        } catch (const RunCancelled &) {
            cancelled = true;
            throw;
        }
    });
    auto cancelOnExit = qScopeGuard([&] { fx.context.cancel(); });
    waiter.start();
    const ActorId waiterActor = waiter.actor();
    QVERIFY(waitForEvent(fx, [&](const TraceEvent &e) {
        return e.kind == EventKind::WaitBegin && e.actor == waiterActor;
    }));
    fx.context.cancel();
    QVERIFY(eventually([&] { return !waiter.isAlive(); }));
    QVERIFY(cancelled.load());
    QVERIFY(!event.isSet());
    const Trace trace = fx.finish();
    const std::vector<TraceEvent> events = eventsOf(trace, waiterActor, event.id());
    QCOMPARE(events.size(), size_t(2));
    QCOMPARE(events[1].value, qint64(WaitOutcome::Cancelled));
}

QTEST_GUILESS_MAIN(TestEvent)
#include "tst_event.moc"
