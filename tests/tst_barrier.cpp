// Tests for clab::Barrier (core/sync/barrier.h): threading.Barrier semantics,
// breaking (timeout, abort, reset, failing action) and what a run records.

#include "testsupport.h"
#include "sync/barrier.h"
#include "threads/errors.h"
#include "threads/thread.h"
#include "trace/timeline.h"

#include <QElapsedTimer>
#include <QtTest>

#include <atomic>
#include <memory>
#include <mutex>
#include <set>
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

const QString kBroken = QStringLiteral("BrokenBarrierError: ");

// Starts `n` threads that each call barrier.wait(timeout) once and keep what
// it raised ("" when it passed).
struct Waiters {
    Waiters(Barrier &barrier, int n, Timeout timeout = Timeout(30.0))
        : results(size_t(n))
    {
        for (int i = 0; i < n; ++i) {
            threads.emplace_back([&, i, timeout] {
                results[size_t(i)] = pythonError([&] { barrier.wait(timeout); });
            });
        }
    }
    void join()
    {
        for (auto &t : threads)
            t.join();
        threads.clear();
    }
    ~Waiters()
    {
        for (auto &t : threads)
            t.join();
    }
    std::vector<QString> results;
    std::vector<std::thread> threads;
};

} // namespace

class TestBarrier : public QObject
{
    Q_OBJECT

private slots:
    void passesOnlyWhenAllArrive();
    void singleParty();
    void actionRunsOncePerRoundByTheLastArrival();
    void invalidParties_data();
    void invalidParties();
    void waitingCountsArrivals();
    void timeoutBreaks_data();
    void timeoutBreaks();
    void abortBreaksWaiters();
    void resetBreaksWaitersAndRestores();
    void failingActionBreaks();
    void recordsArrivalsPassesAndWakes();
    void cancelBreaksTheBarrier();
};

void TestBarrier::passesOnlyWhenAllArrive()
{
    constexpr int kParties = 3;
    constexpr int kRounds = 50;
    Barrier barrier(kParties);
    QCOMPARE(barrier.parties(), kParties);
    std::atomic<int> arrived{0};
    std::atomic<int> early{0}; // passes before everyone of the round arrived
    std::mutex mutex;
    std::vector<std::multiset<int>> indices(kRounds); // guarded by mutex
    std::vector<std::thread> threads;
    for (int t = 0; t < kParties; ++t) {
        threads.emplace_back([&] {
            for (int round = 0; round < kRounds; ++round) {
                arrived.fetch_add(1);
                const int index = barrier.wait(30.0);
                if (arrived.load() < kParties * (round + 1))
                    early.fetch_add(1);
                std::lock_guard lock(mutex);
                indices[size_t(round)].insert(index);
            }
        });
    }
    for (auto &t : threads)
        t.join();
    QCOMPARE(early.load(), 0);
    for (int round = 0; round < kRounds; ++round)
        QCOMPARE(indices[size_t(round)], (std::multiset<int>{0, 1, 2}));
    QVERIFY(!barrier.broken());
    QCOMPARE(barrier.waiting(), 0);
}

void TestBarrier::singleParty()
{
    int actions = 0;
    Barrier barrier(1, [&] { ++actions; });
    QCOMPARE(barrier.wait(), 0);
    QCOMPARE(barrier.wait(0.0), 0);
    QCOMPARE(actions, 2);
    QVERIFY(!barrier.broken());
}

void TestBarrier::actionRunsOncePerRoundByTheLastArrival()
{
    constexpr int kParties = 3;
    constexpr int kRounds = 20;
    std::atomic<int> actions{0};
    std::mutex mutex;
    std::vector<std::thread::id> lastArrivals; // guarded by mutex
    std::vector<std::thread::id> actionThreads; // written by the action alone
    Barrier barrier(kParties, [&] {
        actions.fetch_add(1);
        actionThreads.push_back(std::this_thread::get_id());
    });
    std::vector<std::thread> threads;
    for (int t = 0; t < kParties; ++t) {
        threads.emplace_back([&] {
            for (int round = 0; round < kRounds; ++round) {
                if (barrier.wait(30.0) == kParties - 1) {
                    std::lock_guard lock(mutex);
                    lastArrivals.push_back(std::this_thread::get_id());
                }
                // A second wait keeps rounds apart, so the vectors line up.
                barrier.wait(30.0);
            }
        });
    }
    for (auto &t : threads)
        t.join();
    QCOMPARE(actions.load(), 2 * kRounds);
    QCOMPARE(lastArrivals.size(), size_t(kRounds));
    // The thread that arrived last in each first wait ran that round's action.
    for (int round = 0; round < kRounds; ++round)
        QVERIFY(actionThreads[size_t(2 * round)] == lastArrivals[size_t(round)]);
}

void TestBarrier::invalidParties_data()
{
    QTest::addColumn<int>("parties");
    QTest::addColumn<QString>("error");
    QTest::newRow("0") << 0 << QStringLiteral("ValueError: parties must be >= 1");
    QTest::newRow("-4") << -4 << QStringLiteral("ValueError: parties must be >= 1");
    QTest::newRow("1") << 1 << QString();
}

void TestBarrier::invalidParties()
{
    QFETCH(int, parties);
    QFETCH(QString, error);
    QCOMPARE(pythonError([&] { Barrier barrier(parties); }), error);
}

void TestBarrier::waitingCountsArrivals()
{
    Barrier barrier(3);
    QCOMPARE(barrier.waiting(), 0);
    std::thread first([&] { barrier.wait(30.0); });
    QVERIFY(eventually([&] { return barrier.waiting() == 1; }));
    std::thread second([&] { barrier.wait(30.0); });
    QVERIFY(eventually([&] { return barrier.waiting() == 2; }));
    QCOMPARE(barrier.wait(30.0), 2);
    first.join();
    second.join();
    QCOMPARE(barrier.waiting(), 0);
    QVERIFY(!barrier.broken());
}

void TestBarrier::timeoutBreaks_data()
{
    QTest::addColumn<bool>("hasDefault");
    QTest::addColumn<double>("defaultTimeout");
    QTest::addColumn<bool>("hasCallTimeout");
    QTest::addColumn<double>("callTimeout");
    QTest::addColumn<double>("expectedWait");
    QTest::newRow("timeout of the call") << false << 0.0 << true << 0.05 << 0.05;
    QTest::newRow("default timeout") << true << 0.05 << false << 0.0 << 0.05;
    QTest::newRow("call overrides default") << true << 60.0 << true << 0.05 << 0.05;
    QTest::newRow("zero timeout") << false << 0.0 << true << 0.0 << 0.0;
    QTest::newRow("negative timeout") << false << 0.0 << true << -1.0 << 0.0;
}

void TestBarrier::timeoutBreaks()
{
    QFETCH(bool, hasDefault);
    QFETCH(double, defaultTimeout);
    QFETCH(bool, hasCallTimeout);
    QFETCH(double, callTimeout);
    QFETCH(double, expectedWait);
    Barrier barrier(2, {}, hasDefault ? Timeout(defaultTimeout) : Timeout());
    QElapsedTimer timer;
    timer.start();
    QCOMPARE(pythonError([&] { barrier.wait(hasCallTimeout ? Timeout(callTimeout) : Timeout()); }), kBroken);
    QVERIFY(timer.nsecsElapsed() >= qint64(expectedWait * 1e9));
    QVERIFY(barrier.broken());
    QCOMPARE(barrier.waiting(), 0);
    // Broken: every wait fails at once, until reset.
    QCOMPARE(pythonError([&] { barrier.wait(30.0); }), kBroken);
    barrier.reset();
    QVERIFY(!barrier.broken());
    Waiters other(barrier, 1);
    QCOMPARE(pythonError([&] { barrier.wait(30.0); }), QString());
    other.join();
    QCOMPARE(other.results[0], QString());
}

void TestBarrier::abortBreaksWaiters()
{
    Barrier barrier(3);
    Waiters waiters(barrier, 2);
    QVERIFY(eventually([&] { return barrier.waiting() == 2; }));
    barrier.abort();
    waiters.join();
    QCOMPARE(waiters.results, (std::vector<QString>{kBroken, kBroken}));
    QVERIFY(barrier.broken());
    QCOMPARE(barrier.waiting(), 0);
    QCOMPARE(pythonError([&] { barrier.wait(30.0); }), kBroken);
    barrier.reset();
    QVERIFY(!barrier.broken());
    // A full round passes again.
    Waiters again(barrier, 2);
    QCOMPARE(pythonError([&] { barrier.wait(30.0); }), QString());
    again.join();
    QCOMPARE(again.results, (std::vector<QString>{QString(), QString()}));
}

void TestBarrier::resetBreaksWaitersAndRestores()
{
    Barrier barrier(3);
    Waiters waiters(barrier, 2);
    QVERIFY(eventually([&] { return barrier.waiting() == 2; }));
    barrier.reset();
    waiters.join();
    // Those waiting at the reset get BrokenBarrierError; the barrier itself
    // is usable right away.
    QCOMPARE(waiters.results, (std::vector<QString>{kBroken, kBroken}));
    QVERIFY(!barrier.broken());
    QCOMPARE(barrier.waiting(), 0);
    Waiters again(barrier, 2);
    QVERIFY(eventually([&] { return barrier.waiting() == 2; }));
    const int index = barrier.wait(30.0);
    again.join();
    QCOMPARE(index, 2);
    QCOMPARE(again.results, (std::vector<QString>{QString(), QString()}));
}

void TestBarrier::failingActionBreaks()
{
    Barrier barrier(3, [] { throw std::runtime_error("action failed"); });
    Waiters waiters(barrier, 2);
    QVERIFY(eventually([&] { return barrier.waiting() == 2; }));
    // The last arrival runs the action and gets its exception; the others
    // get BrokenBarrierError.
    QString raised;
    try {
        barrier.wait(30.0);
    } catch (const std::runtime_error &e) {
        raised = QString::fromLatin1(e.what());
    }
    waiters.join();
    QCOMPARE(raised, QStringLiteral("action failed"));
    QCOMPARE(waiters.results, (std::vector<QString>{kBroken, kBroken}));
    QVERIFY(barrier.broken());
    QCOMPARE(pythonError([&] { barrier.wait(0.0); }), kBroken);
}

void TestBarrier::recordsArrivalsPassesAndWakes()
{
    constexpr int kParties = 3;
    RunFixture fx;
    Barrier barrier(kParties);
    QCOMPARE(barrier.name(), QStringLiteral("Barrier-1"));
    std::vector<std::unique_ptr<Thread>> threads;
    std::vector<int> indexOf(kParties, -1);
    for (int i = 0; i < kParties - 1; ++i)
        threads.push_back(std::make_unique<Thread>([&, i] { indexOf[size_t(i)] = barrier.wait(); }));
    auto cancelOnExit = qScopeGuard([&] { fx.context.cancel(); });
    // The two threads arrive first (in either order), the main thread last.
    for (auto &t : threads)
        t->start();
    QVERIFY(eventually([&] {
        fx.trace.merge(fx.context.recorder().drain());
        return countEvents(fx.trace, EventKind::WaitBegin, barrier.id()) == kParties - 1;
    }));
    indexOf[kParties - 1] = barrier.wait();
    for (auto &t : threads)
        QVERIFY(t->join(10.0));
    QCOMPARE(indexOf[kParties - 1], kParties - 1);
    QCOMPARE(std::set<int>(indexOf.begin(), indexOf.end()), (std::set<int>{0, 1, 2}));
    const ActorId main = fx.main->actor();
    const Trace trace = fx.finish();

    QCOMPARE(trace.object(barrier.id())->kind, ObjectKind::Barrier);
    QCOMPARE(trace.object(barrier.id())->capacity, qint64(kParties));
    std::vector<ActorId> actors{threads[0]->actor(), threads[1]->actor(), main};
    qint64 lastArrival = -1;
    for (int i = 0; i < kParties; ++i) {
        const std::vector<TraceEvent> events = eventsOf(trace, actors[size_t(i)], barrier.id());
        QVERIFY(!events.empty());
        // Arrival: value = index, aux = parties still missing.
        QCOMPARE(events.front().kind, EventKind::BarrierArrive);
        QCOMPARE(events.front().value, qint64(indexOf[size_t(i)]));
        QCOMPARE(events.front().aux, quint32(kParties - 1 - indexOf[size_t(i)]));
        QCOMPARE(events.back().kind, EventKind::BarrierPass);
        QCOMPARE(events.back().value, qint64(indexOf[size_t(i)]));
        if (actors[size_t(i)] == main) {
            QCOMPARE(events.size(), size_t(2)); // the last arrival never waits
            lastArrival = events.front().ts;
        } else {
            QCOMPARE(events.size(), size_t(4));
            QCOMPARE(events[1].kind, EventKind::WaitBegin);
            QCOMPARE(events[1].value, qint64(WaitReason::Barrier));
            QCOMPARE(events[2].kind, EventKind::WaitEnd);
            QCOMPARE(events[2].value, qint64(WaitOutcome::Satisfied));
        }
    }
    QCOMPARE(countEvents(trace, EventKind::BarrierBroken), 0);
    // The last arrival woke both waiters.
    std::set<ActorId> woken;
    for (const Handoff &h : deriveHandoffs(trace)) {
        if (h.kind == HandoffKind::Wake && h.object == barrier.id()) {
            QCOMPARE(h.from, main);
            QCOMPARE(h.fromNs, lastArrival);
            woken.insert(h.to);
        }
    }
    QCOMPARE(woken, (std::set<ActorId>{actors[0], actors[1]}));
}

void TestBarrier::cancelBreaksTheBarrier()
{
    RunFixture fx;
    Barrier barrier(2);
    std::atomic<bool> cancelled{false};
    Thread waiter([&] {
        try {
            barrier.wait();
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
    // Whoever still comes finds the barrier broken.
    QVERIFY(barrier.broken());
    QCOMPARE(pythonError([&] { barrier.wait(0.0); }), kBroken);
    const Trace trace = fx.finish();
    const std::vector<TraceEvent> events = eventsOf(trace, waiterActor, barrier.id());
    QCOMPARE(events.size(), size_t(4));
    QCOMPARE(events[2].kind, EventKind::WaitEnd);
    QCOMPARE(events[2].value, qint64(WaitOutcome::Cancelled));
    QCOMPARE(events[3].kind, EventKind::BarrierBroken);
    QCOMPARE(countEvents(trace, EventKind::BarrierBroken, barrier.id()), 1);
}

QTEST_GUILESS_MAIN(TestBarrier)
#include "tst_barrier.moc"
