// Tests for core/trace/timeline.h: state intervals and handoffs derived from
// events, both incrementally (TimelineBuilder) and for a whole trace.

#include "testsupport.h"
#include "sync/lock.h"
#include "sync/queue.h"
#include "threads/thread.h"
#include "trace/timeline.h"
#include "trace/trace.h"

#include <QtTest>

#include <set>

using namespace clab;
using namespace clab::test;

using Events = QList<TraceEvent>;
using Intervals = QList<StateInterval>;
using Handoffs = QList<Handoff>;

namespace {

constexpr ActorId A = 1;
constexpr ActorId B = 2;
constexpr ActorId C = 3;

StateInterval iv(ActorId actor, ActorState state, qint64 start, qint64 end, ObjectId object = 0,
                 WaitReason reason = WaitReason::Lock)
{
    return StateInterval{actor, state, start, end, object, reason};
}

Handoff ho(HandoffKind kind, ObjectId object, ActorId from, ActorId to, qint64 fromNs, qint64 toNs, qint64 value = 0)
{
    return Handoff{kind, object, from, to, fromNs, toNs, value};
}

QString describe(const StateInterval &s)
{
    QString text = QStringLiteral("actor %1 %2 [%3, %4] object %5")
                       .arg(s.actor)
                       .arg(stateId(s.state))
                       .arg(s.startNs)
                       .arg(s.endNs)
                       .arg(s.object);
    if (s.state != ActorState::Running && s.state != ActorState::Finished)
        text += QStringLiteral(" reason %1").arg(int(s.reason));
    return text;
}

QString describe(const Handoff &h)
{
    static const char *const kinds[] = {"wake", "item", "spawn", "join", "task"};
    return QStringLiteral("%1 object %2: %3 -> %4 [%5, %6] value %7")
        .arg(QLatin1String(kinds[int(h.kind)]))
        .arg(h.object)
        .arg(h.from)
        .arg(h.to)
        .arg(h.fromNs)
        .arg(h.toNs)
        .arg(h.value);
}

// Intervals come out per actor in time order, but actors in any order.
QStringList describeSorted(std::vector<StateInterval> intervals)
{
    std::sort(intervals.begin(), intervals.end(), [](const StateInterval &a, const StateInterval &b) {
        return std::tie(a.actor, a.startNs) < std::tie(b.actor, b.startNs);
    });
    QStringList out;
    for (const StateInterval &s : intervals)
        out << describe(s);
    return out;
}

QStringList describeAll(const std::vector<Handoff> &handoffs)
{
    QStringList out;
    for (const Handoff &h : handoffs)
        out << describe(h);
    return out;
}

Trace traceOf(const Events &events)
{
    Trace trace;
    for (const TraceEvent &e : events)
        trace.appendOrdered(e);
    return trace;
}

} // namespace

Q_DECLARE_METATYPE(Events)
Q_DECLARE_METATYPE(Intervals)
Q_DECLARE_METATYPE(Handoffs)
Q_DECLARE_METATYPE(clab::WaitReason)
Q_DECLARE_METATYPE(clab::ActorState)

class TestTimeline : public QObject
{
    Q_OBJECT

private slots:
    void derivesIntervalsAndHandoffs_data();
    void derivesIntervalsAndHandoffs();
    void stateForWait_data();
    void stateForWait();
    void stateIdsAreDistinct();
    void builderIsIncremental();
    void openIntervalsAreCutAtNow();
    void handoffsOfARealRun();
};

void TestTimeline::derivesIntervalsAndHandoffs_data()
{
    QTest::addColumn<Events>("events");
    QTest::addColumn<Intervals>("intervals");
    QTest::addColumn<Handoffs>("handoffs");

    using S = ActorState;
    using R = WaitReason;
    using K = EventKind;
    using H = HandoffKind;

    QTest::newRow("running then finished until the trace ends")
        << Events{ev(0, A, K::ActorStart), ev(10, A, K::ActorEnd), ev(15, B, K::ActorStart)}
        << Intervals{iv(A, S::Running, 0, 10), iv(A, S::Finished, 10, 15)} << Handoffs{};

    QTest::newRow("lock wait without a recorded waker")
        << Events{ev(0, A, K::ActorStart), waitBegin(5, A, R::Lock, 1), waitEnd(8, A, 1), ev(8, A, K::Acquired, 1),
                  ev(10, A, K::ActorEnd)}
        << Intervals{iv(A, S::Running, 0, 5), iv(A, S::WaitingLock, 5, 8, 1, R::Lock), iv(A, S::Running, 8, 10)}
        << Handoffs{};

    QTest::newRow("release wakes the waiter")
        << Events{ev(0, A, K::ActorStart), ev(1, B, K::ActorStart), ev(2, A, K::Acquired, 1),
                  waitBegin(3, B, R::Lock, 1), ev(6, A, K::Released, 1), waitEnd(7, B, 1), ev(7, B, K::Acquired, 1),
                  ev(8, B, K::Released, 1), ev(9, A, K::ActorEnd), ev(10, B, K::ActorEnd)}
        << Intervals{iv(A, S::Running, 0, 9), iv(A, S::Finished, 9, 10), iv(B, S::Running, 1, 3),
                     iv(B, S::WaitingLock, 3, 7, 1, R::Lock), iv(B, S::Running, 7, 10)}
        << Handoffs{ho(H::Wake, 1, A, B, 6, 7)};

    QTest::newRow("timed-out wait is no handoff")
        << Events{ev(0, A, K::ActorStart), ev(1, B, K::ActorStart), waitBegin(3, B, R::Semaphore, 1),
                  ev(6, A, K::Released, 1), waitEnd(7, B, 1, WaitOutcome::TimedOut)}
        << Intervals{iv(A, S::Running, 0, 7), iv(B, S::Running, 1, 3), iv(B, S::WaitingLock, 3, 7, 1, R::Semaphore)}
        << Handoffs{};

    QTest::newRow("cancelled wait is no handoff")
        << Events{ev(0, A, K::ActorStart), ev(1, B, K::ActorStart), waitBegin(3, B, R::Event, 4),
                  ev(6, A, K::EventSet, 4), waitEnd(7, B, 4, WaitOutcome::Cancelled), ev(8, B, K::ActorEnd, 0, 2)}
        << Intervals{iv(A, S::Running, 0, 8), iv(B, S::Running, 1, 3), iv(B, S::WaitingSignal, 3, 7, 4, R::Event),
                     iv(B, S::Running, 7, 8)}
        << Handoffs{};

    QTest::newRow("own release does not wake oneself")
        << Events{ev(0, A, K::ActorStart), ev(2, A, K::Released, 1), waitBegin(3, A, R::Semaphore, 1),
                  waitEnd(4, A, 1), ev(5, A, K::ActorEnd)}
        << Intervals{iv(A, S::Running, 0, 3), iv(A, S::WaitingLock, 3, 4, 1, R::Semaphore), iv(A, S::Running, 4, 5)}
        << Handoffs{};

    QTest::newRow("a release of another object wakes no one")
        << Events{ev(0, A, K::ActorStart), ev(0, B, K::ActorStart), waitBegin(1, B, R::Lock, 1),
                  ev(2, A, K::Released, 2), waitEnd(3, B, 1)}
        << Intervals{iv(A, S::Running, 0, 3), iv(B, S::Running, 0, 1), iv(B, S::WaitingLock, 1, 3, 1, R::Lock)}
        << Handoffs{};

    QTest::newRow("the latest release is the waker")
        << Events{ev(0, A, K::ActorStart), ev(0, B, K::ActorStart), ev(0, C, K::ActorStart),
                  waitBegin(1, C, R::Semaphore, 5), ev(2, A, K::Released, 5), ev(3, B, K::Released, 5),
                  waitEnd(4, C, 5)}
        << Intervals{iv(A, S::Running, 0, 4), iv(B, S::Running, 0, 4), iv(C, S::Running, 0, 1),
                     iv(C, S::WaitingLock, 1, 4, 5, R::Semaphore)}
        << Handoffs{ho(H::Wake, 5, B, C, 3, 4)};

    QTest::newRow("notify wakes a condition waiter")
        << Events{ev(0, A, K::ActorStart), ev(0, B, K::ActorStart), waitBegin(1, B, R::Condition, 3),
                  ev(4, A, K::Notify, 3, 1), waitEnd(5, B, 3)}
        << Intervals{iv(A, S::Running, 0, 5), iv(B, S::Running, 0, 1), iv(B, S::WaitingSignal, 1, 5, 3, R::Condition)}
        << Handoffs{ho(H::Wake, 3, A, B, 4, 5)};

    QTest::newRow("barrier arrival wakes earlier arrivals")
        << Events{ev(0, A, K::ActorStart), ev(0, B, K::ActorStart), ev(1, A, K::BarrierArrive, 6, 0, 1),
                  waitBegin(1, A, R::Barrier, 6), ev(3, B, K::BarrierArrive, 6, 1, 0), ev(3, B, K::BarrierPass, 6, 1),
                  waitEnd(4, A, 6), ev(4, A, K::BarrierPass, 6, 0)}
        << Intervals{iv(A, S::Running, 0, 1), iv(A, S::WaitingSignal, 1, 4, 6, R::Barrier),
                     iv(B, S::Running, 0, 4)}
        << Handoffs{ho(H::Wake, 6, B, A, 3, 4)};

    QTest::newRow("put feeds get, and is no wake")
        << Events{ev(0, A, K::ActorStart), ev(0, B, K::ActorStart), waitBegin(1, B, R::Queue, 3),
                  ev(2, A, K::Put, 3, 1, 1), waitEnd(3, B, 3), ev(3, B, K::Get, 3, 1, 0)}
        << Intervals{iv(A, S::Running, 0, 3), iv(B, S::Running, 0, 1), iv(B, S::WaitingSignal, 1, 3, 3, R::Queue)}
        << Handoffs{ho(H::Item, 3, A, B, 2, 3, 1)};

    QTest::newRow("items matched by id, not by order")
        << Events{ev(0, A, K::Put, 3, 1, 1), ev(1, C, K::Put, 3, 2, 2), ev(2, B, K::Get, 3, 2, 1),
                  ev(3, B, K::Get, 3, 1, 0), ev(4, B, K::Get, 4, 1, 0)}
        << Intervals{} << Handoffs{ho(H::Item, 3, C, B, 1, 2, 2), ho(H::Item, 3, A, B, 0, 3, 1)};

    QTest::newRow("get wakes a blocked putter")
        << Events{ev(0, A, K::ActorStart), ev(0, B, K::ActorStart), ev(0, C, K::Put, 3, 1, 1),
                  waitBegin(1, A, R::Queue, 3), ev(2, B, K::Get, 3, 1, 0), waitEnd(3, A, 3), ev(3, A, K::Put, 3, 2, 1)}
        << Intervals{iv(A, S::Running, 0, 1), iv(A, S::WaitingSignal, 1, 3, 3, R::Queue), iv(B, S::Running, 0, 3)}
        << Handoffs{ho(H::Item, 3, C, B, 0, 2, 1), ho(H::Wake, 3, B, A, 2, 3)};

    QTest::newRow("task_done wakes queue.join")
        << Events{ev(0, A, K::ActorStart), ev(0, B, K::ActorStart), waitBegin(1, A, R::Queue, 3),
                  ev(2, B, K::TaskDone, 3, 0, 0), waitEnd(3, A, 3)}
        << Intervals{iv(A, S::Running, 0, 1), iv(A, S::WaitingSignal, 1, 3, 3, R::Queue), iv(B, S::Running, 0, 3)}
        << Handoffs{ho(H::Wake, 3, B, A, 2, 3)};

    QTest::newRow("spawn")
        << Events{ev(0, A, K::ActorStart), ev(1, A, K::Spawn, 0, B), ev(3, B, K::ActorStart), ev(4, A, K::ActorEnd)}
        << Intervals{iv(A, S::Running, 0, 4), iv(B, S::Running, 3, 4)}
        << Handoffs{ho(H::Spawn, 0, A, B, 1, 3)};

    QTest::newRow("join")
        << Events{ev(0, A, K::ActorStart), ev(0, B, K::ActorStart), waitBegin(2, A, R::Join, 0, B),
                  ev(5, B, K::ActorEnd), waitEnd(6, A, 0), ev(7, A, K::ActorEnd)}
        << Intervals{iv(A, S::Running, 0, 2), iv(A, S::WaitingSignal, 2, 6, 0, R::Join), iv(A, S::Running, 6, 7),
                     iv(B, S::Running, 0, 5), iv(B, S::Finished, 5, 7)}
        << Handoffs{ho(H::Join, 0, B, A, 5, 6)};

    QTest::newRow("join of an actor not yet ended is no handoff")
        << Events{ev(0, A, K::ActorStart), waitBegin(2, A, R::Join, 0, B), waitEnd(6, A, 0, WaitOutcome::TimedOut)}
        << Intervals{iv(A, S::Running, 0, 2), iv(A, S::WaitingSignal, 2, 6, 0, R::Join)} << Handoffs{};

    QTest::newRow("pool task from submitter to worker")
        << Events{ev(0, A, K::TaskSubmitted, 4, 7, 1), ev(1, A, K::TaskSubmitted, 4, 8, 2),
                  ev(3, B, K::TaskStarted, 4, 8), ev(5, C, K::TaskStarted, 4, 7), ev(6, C, K::TaskStarted, 4, 7)}
        << Intervals{} << Handoffs{ho(H::Task, 4, A, B, 1, 3, 8), ho(H::Task, 4, A, C, 0, 5, 7)};

    QTest::newRow("sleep and io")
        << Events{ev(0, A, K::ActorStart), ev(1, A, K::SleepBegin, 0, 3), ev(4, A, K::SleepEnd), ev(5, A, K::IoBegin),
                  ev(7, A, K::IoEnd), ev(9, A, K::ActorEnd)}
        << Intervals{iv(A, S::Running, 0, 1), iv(A, S::Sleeping, 1, 4, 0, R::Sleep), iv(A, S::Running, 4, 5),
                     iv(A, S::Sleeping, 5, 7, 0, R::Io), iv(A, S::Running, 7, 9)}
        << Handoffs{};

    QTest::newRow("gil wait")
        << Events{ev(0, A, K::ActorStart), waitBegin(1, A, R::Gil, 9), waitEnd(2, A, 9), ev(3, A, K::ActorEnd)}
        << Intervals{iv(A, S::Running, 0, 1), iv(A, S::WaitingGil, 1, 2, 9, R::Gil), iv(A, S::Running, 2, 3)}
        << Handoffs{};

    QTest::newRow("zero-length states are dropped")
        << Events{ev(5, A, K::ActorStart), waitBegin(5, A, R::Lock, 1), waitEnd(5, A, 1), ev(5, A, K::SleepBegin),
                  ev(8, A, K::SleepEnd), ev(8, A, K::ActorEnd)}
        << Intervals{iv(A, S::Sleeping, 5, 8, 0, R::Sleep)} << Handoffs{};
}

void TestTimeline::derivesIntervalsAndHandoffs()
{
    QFETCH(Events, events);
    QFETCH(Intervals, intervals);
    QFETCH(Handoffs, handoffs);
    const Trace trace = traceOf(events);

    QCOMPARE(describeSorted(deriveIntervals(trace)),
             describeSorted(std::vector<StateInterval>(intervals.begin(), intervals.end())));
    QCOMPARE(describeAll(deriveHandoffs(trace)),
             describeAll(std::vector<Handoff>(handoffs.begin(), handoffs.end())));
    // The structs agree with their descriptions.
    const std::vector<Handoff> derived = deriveHandoffs(trace);
    QVERIFY(std::equal(derived.begin(), derived.end(), handoffs.begin(), handoffs.end()));
}

void TestTimeline::stateForWait_data()
{
    QTest::addColumn<WaitReason>("reason");
    QTest::addColumn<ActorState>("state");
    QTest::newRow("Lock") << WaitReason::Lock << ActorState::WaitingLock;
    QTest::newRow("Semaphore") << WaitReason::Semaphore << ActorState::WaitingLock;
    QTest::newRow("ReadWriteLock") << WaitReason::ReadWriteLock << ActorState::WaitingLock;
    QTest::newRow("Condition") << WaitReason::Condition << ActorState::WaitingSignal;
    QTest::newRow("Event") << WaitReason::Event << ActorState::WaitingSignal;
    QTest::newRow("Queue") << WaitReason::Queue << ActorState::WaitingSignal;
    QTest::newRow("Barrier") << WaitReason::Barrier << ActorState::WaitingSignal;
    QTest::newRow("Join") << WaitReason::Join << ActorState::WaitingSignal;
    QTest::newRow("Future") << WaitReason::Future << ActorState::WaitingSignal;
    QTest::newRow("Sleep") << WaitReason::Sleep << ActorState::Sleeping;
    QTest::newRow("Io") << WaitReason::Io << ActorState::Sleeping;
    QTest::newRow("Gil") << WaitReason::Gil << ActorState::WaitingGil;
}

void TestTimeline::stateForWait()
{
    QFETCH(WaitReason, reason);
    QFETCH(ActorState, state);
    QCOMPARE(int(clab::stateForWait(reason)), int(state));
}

void TestTimeline::stateIdsAreDistinct()
{
    const QStringList expected{QStringLiteral("running"),      QStringLiteral("waiting-lock"),
                               QStringLiteral("waiting-signal"), QStringLiteral("sleeping-io"),
                               QStringLiteral("finished"),     QStringLiteral("waiting-gil"),
                               QStringLiteral("ready")};
    QCOMPARE(expected.size(), kActorStateCount);
    for (int i = 0; i < kActorStateCount; ++i)
        QCOMPARE(stateId(ActorState(i)), expected[i]);
}

void TestTimeline::builderIsIncremental()
{
    using K = EventKind;
    const Events events{ev(0, A, K::ActorStart), ev(1, B, K::ActorStart), ev(2, A, K::Acquired, 1),
                        waitBegin(3, B, WaitReason::Lock, 1), ev(6, A, K::Released, 1), waitEnd(7, B, 1),
                        ev(8, A, K::Put, 2, 1, 1), ev(9, B, K::Get, 2, 1, 0), ev(10, A, K::ActorEnd),
                        ev(12, B, K::ActorEnd)};
    TimelineBuilder builder;
    std::vector<StateInterval> intervals;
    std::vector<Handoff> handoffs;
    // Feed in slices, taking after each, as a live view does.
    for (int i = 0; i < events.size(); ++i) {
        builder.feed(events[i]);
        if (i % 3 == 2 || i + 1 == events.size()) {
            const auto newIntervals = builder.takeIntervals();
            const auto newHandoffs = builder.takeHandoffs();
            intervals.insert(intervals.end(), newIntervals.begin(), newIntervals.end());
            handoffs.insert(handoffs.end(), newHandoffs.begin(), newHandoffs.end());
        }
    }
    QVERIFY(builder.takeIntervals().empty());
    QVERIFY(builder.takeHandoffs().empty());

    // What was taken piecewise plus what is still open is the whole story.
    const std::vector<StateInterval> open = builder.openIntervals(12);
    std::vector<StateInterval> all = intervals;
    all.insert(all.end(), open.begin(), open.end());
    const Trace trace = traceOf(events);
    QCOMPARE(describeSorted(all), describeSorted(deriveIntervals(trace)));
    QCOMPARE(describeAll(handoffs), describeAll(deriveHandoffs(trace)));
    QCOMPARE(handoffs.size(), size_t(2));
    QCOMPARE(handoffs[0], ho(HandoffKind::Wake, 1, A, B, 6, 7));
    QCOMPARE(handoffs[1], ho(HandoffKind::Item, 2, A, B, 8, 9, 1));
}

void TestTimeline::openIntervalsAreCutAtNow()
{
    TimelineBuilder builder;
    builder.feed(ev(0, A, EventKind::ActorStart));
    builder.feed(waitBegin(4, A, WaitReason::Event, 3));
    builder.feed(ev(5, B, EventKind::ActorStart));
    builder.feed(ev(6, B, EventKind::ActorEnd));

    QCOMPARE(describeSorted(builder.openIntervals(20)),
             describeSorted({iv(A, ActorState::WaitingSignal, 4, 20, 3, WaitReason::Event),
                             iv(B, ActorState::Finished, 6, 20)}));
    // Nothing is open for a zero or negative length.
    QCOMPARE(describeSorted(builder.openIntervals(6)),
             describeSorted({iv(A, ActorState::WaitingSignal, 4, 6, 3, WaitReason::Event)}));
    QVERIFY(builder.openIntervals(4).empty());
    // Asking does not close anything.
    QCOMPARE(describeSorted(builder.takeIntervals()),
             describeSorted({iv(A, ActorState::Running, 0, 4), iv(B, ActorState::Running, 5, 6)}));
    QCOMPARE(builder.openIntervals(30).size(), size_t(2));
}

void TestTimeline::handoffsOfARealRun()
{
    RunFixture fx;
    Lock lock(QStringLiteral("L"));
    Queue<int> queue(0, QStringLiteral("Q"));

    lock.acquire();
    Thread worker([&] {
        lock.acquire();
        queue.put(42);
        lock.release();
    });
    auto cancelOnExit = qScopeGuard([&] { fx.context.cancel(); });
    worker.start();
    const ActorId main = fx.main->actor();
    const ActorId workerActor = worker.actor();

    // Release only once the worker is really blocked on the lock.
    QVERIFY(eventually([&] {
        fx.trace.merge(fx.context.recorder().drain());
        return std::any_of(fx.trace.events().begin(), fx.trace.events().end(), [&](const TraceEvent &e) {
            return e.kind == EventKind::WaitBegin && e.actor == workerActor && e.object == lock.id();
        });
    }));
    lock.release();
    QCOMPARE(queue.get(), 42);
    QVERIFY(worker.join(5.0));
    const Trace trace = fx.finish();

    qint64 releasedAt = -1;
    qint64 putAt = -1;
    qint64 getAt = -1;
    for (const TraceEvent &e : trace.events()) {
        if (e.kind == EventKind::Released && e.actor == main && e.object == lock.id())
            releasedAt = e.ts;
        if (e.kind == EventKind::Put && e.object == queue.id())
            putAt = e.ts;
        if (e.kind == EventKind::Get && e.object == queue.id())
            getAt = e.ts;
    }
    QVERIFY(releasedAt >= 0 && putAt >= 0 && getAt >= 0);

    const std::vector<Handoff> handoffs = deriveHandoffs(trace);
    auto find = [&](HandoffKind kind, ObjectId object) -> const Handoff * {
        for (const Handoff &h : handoffs) {
            if (h.kind == kind && h.object == object)
                return &h;
        }
        return nullptr;
    };
    const Handoff *spawn = find(HandoffKind::Spawn, 0);
    QVERIFY(spawn);
    QCOMPARE(spawn->from, main);
    QCOMPARE(spawn->to, workerActor);

    const Handoff *wake = find(HandoffKind::Wake, lock.id());
    QVERIFY(wake);
    QCOMPARE(wake->from, main);
    QCOMPARE(wake->to, workerActor);
    QCOMPARE(wake->fromNs, releasedAt);
    QVERIFY(wake->toNs >= wake->fromNs);

    const Handoff *item = find(HandoffKind::Item, queue.id());
    QVERIFY(item);
    QCOMPARE(item->from, workerActor);
    QCOMPARE(item->to, main);
    QCOMPARE(item->value, qint64(1));
    QCOMPARE(item->fromNs, putAt);
    QCOMPARE(item->toNs, getAt);
    // A put is drawn as its item, never as a wake.
    QVERIFY(!find(HandoffKind::Wake, queue.id()));

    // The worker's lane shows the wait on L, ending when the wake arrived.
    bool sawWait = false;
    for (const StateInterval &s : deriveIntervals(trace)) {
        if (s.actor == workerActor && s.state == ActorState::WaitingLock) {
            QCOMPARE(s.object, lock.id());
            QCOMPARE(s.reason, WaitReason::Lock);
            QCOMPARE(s.endNs, wake->toNs);
            QVERIFY(s.startNs <= releasedAt);
            sawWait = true;
        }
    }
    QVERIFY(sawWait);
}

QTEST_GUILESS_MAIN(TestTimeline)
#include "tst_timeline.moc"
