// TraceSession: the GUI's copy of a run, grown delta by delta while live and
// replaced by the exact data at the end; what the lanes, tooltips and
// overlays read.

#include "lanemodel.h"
#include "statestyle.h"
#include "timeaxis.h"
#include "tracesession.h"

#include "testsupport.h"

#include "scenarios/registry.h"
#include "scenarios/scenariorun.h"
#include "trace/clock.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QtTest>
#include <algorithm>

using namespace clab;
using clab::test::ev;

Q_DECLARE_METATYPE(clab::ActorState)

namespace {

ActorInfo actor(ActorId id, ActorKind kind, const QString &name, ActorId parent = 0)
{
    ActorInfo a;
    a.id = id;
    a.kind = kind;
    a.name = name;
    a.parent = parent;
    return a;
}

ObjectInfo object(ObjectId id, ObjectKind kind, const QString &name)
{
    ObjectInfo o;
    o.id = id;
    o.kind = kind;
    o.name = name;
    return o;
}

constexpr ActorId kMain = 2;
constexpr ActorId kT1 = 3;
constexpr ActorId kT2 = 4;
constexpr ObjectId kLockA = 7;
constexpr ObjectId kLockB = 8;

std::vector<ActorInfo> actors()
{
    return {actor(1, ActorKind::Process, QStringLiteral("MainProcess")),
            actor(kMain, ActorKind::Thread, QStringLiteral("MainThread"), 1),
            actor(kT1, ActorKind::Thread, QStringLiteral("Thread-1"), 1),
            actor(kT2, ActorKind::Thread, QStringLiteral("Thread-2"), 1)};
}

std::vector<ObjectInfo> objects()
{
    return {object(kLockA, ObjectKind::Lock, QStringLiteral("lock_a")),
            object(kLockB, ObjectKind::Lock, QStringLiteral("lock_b"))};
}

// MainThread starts two threads; Thread-1 holds lock_a while Thread-2
// waits for it, then sleeps; both end.
//   MainThread  running 100..900
//   Thread-1    running 210..600, sleeping 600..700, running 700..800, finished 800..900
//   Thread-2    running 260..350, waiting for lock_a 350..520, running 520..820, finished 820..900
std::vector<TraceEvent> events()
{
    const auto lock = qint64(WaitReason::Lock);
    const auto satisfied = qint64(WaitOutcome::Satisfied);
    return {
        ev(100, kMain, EventKind::ActorStart),
        ev(200, kMain, EventKind::Spawn, 0, kT1),
        ev(210, kT1, EventKind::ActorStart),
        ev(250, kMain, EventKind::Spawn, 0, kT2),
        ev(260, kT2, EventKind::ActorStart),
        ev(300, kT1, EventKind::Acquired, kLockA),
        ev(350, kT2, EventKind::WaitBegin, kLockA, lock),
        ev(500, kT1, EventKind::Released, kLockA),
        ev(520, kT2, EventKind::WaitEnd, kLockA, satisfied),
        ev(530, kT2, EventKind::Acquired, kLockA),
        ev(600, kT1, EventKind::SleepBegin, 0, 100),
        ev(650, kT2, EventKind::Released, kLockA),
        ev(700, kT1, EventKind::SleepEnd),
        ev(800, kT1, EventKind::ActorEnd),
        ev(820, kT2, EventKind::ActorEnd),
        ev(900, kMain, EventKind::ActorEnd),
    };
}

Trace handTrace()
{
    Trace t;
    for (const ActorInfo &a : actors())
        t.upsertActor(a);
    for (const ObjectInfo &o : objects())
        t.addObject(o);
    for (const TraceEvent &e : events())
        t.appendOrdered(e);
    return t;
}

// The deltas a pump would send for `events` cut at `cuts` (event indices).
std::vector<TraceDelta> deltasOf(const std::vector<TraceEvent> &all, const QList<int> &cuts)
{
    std::vector<TraceDelta> out;
    TimelineBuilder builder;
    int from = 0;
    QList<int> ends = cuts;
    ends << int(all.size());
    for (const int to : ends) {
        TraceDelta d;
        if (from == 0) {
            d.batch.actors = actors();
            d.batch.objects = objects();
        }
        for (int i = from; i < to; ++i) {
            d.batch.events.push_back(all[size_t(i)]);
            builder.feed(all[size_t(i)]);
        }
        d.closed = builder.takeIntervals();
        d.handoffs = builder.takeHandoffs();
        d.nowNs = to > 0 ? all[size_t(to - 1)].ts : 0;
        d.open = builder.openIntervals(d.nowNs);
        out.push_back(std::move(d));
        from = to;
    }
    return out;
}

QString describe(const std::vector<StateInterval> &lane)
{
    QStringList parts;
    for (const StateInterval &s : lane)
        parts << QStringLiteral("%1 %2..%3").arg(stateId(s.state)).arg(s.startNs).arg(s.endNs);
    return parts.join(QStringLiteral(", "));
}

// A lane's intervals follow each other without gaps or overlaps.
bool contiguous(const std::vector<StateInterval> &lane)
{
    for (size_t i = 1; i < lane.size(); ++i) {
        if (lane[i].startNs != lane[i - 1].endNs || lane[i].startNs >= lane[i].endNs)
            return false;
    }
    return true;
}

} // namespace

class TestTraceSession : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void startsEmpty();
    void loadDerivesIntervalsMarksAndHandoffs();
    void appendReplacesOpenIntervals();
    void appendInAnyChunksEqualsTheWholeTrace_data();
    void appendInAnyChunksEqualsTheWholeTrace();
    void appendFromALiveRunEqualsTheFinalData();
    void handoffsStayOrderedByArrival();
    void adoptReplacesEverything();
    void clearForgetsTheRun();
    void intervalAt_data();
    void intervalAt();
    void actorsWaitingOn_data();
    void actorsWaitingOn();
    void namesAndLockWaits();

private:
    std::unique_ptr<TraceSession> m_session;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestTraceSession::init()
{
    m_session = std::make_unique<TraceSession>();
    m_tester = std::make_unique<QAbstractItemModelTester>(m_session->lanes(),
                                                          QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void TestTraceSession::cleanup()
{
    m_tester.reset();
    m_session.reset();
}

void TestTraceSession::startsEmpty()
{
    QCOMPARE(m_session->eventCount(), 0);
    QCOMPARE(m_session->startNs(), qint64(0));
    QCOMPARE(m_session->endNs(), qint64(0));
    QCOMPARE(m_session->lanes()->rowCount(), 0);
    QVERIFY(m_session->intervals(kMain).empty());
    QVERIFY(m_session->marks(kMain).empty());
    QVERIFY(m_session->handoffs().empty());
    QVERIFY(m_session->intervalAt(int(kMain), 100).isEmpty());
    QVERIFY(m_session->actorsWaitingOn(int(kLockA)).isEmpty());
    QCOMPARE(m_session->bytesPerEvent(), 0.0);
}

void TestTraceSession::loadDerivesIntervalsMarksAndHandoffs()
{
    QSignalSpy grew(m_session.get(), &TraceSession::grew);
    m_session->load(handTrace());
    QCOMPARE(grew.size(), 1);
    QCOMPARE(m_session->eventCount(), int(events().size()));
    QCOMPARE(m_session->property("eventCount").toInt(), int(events().size()));
    QCOMPARE(m_session->startNs(), qint64(100));
    QCOMPARE(m_session->endNs(), qint64(900));
    QCOMPARE(m_session->lanes()->rowCount(), 4);

    const std::vector<StateInterval> &t2 = m_session->intervals(kT2);
    QCOMPARE(t2.size(), size_t(4));
    QCOMPARE(t2[0].state, ActorState::Running);
    QCOMPARE(t2[1].state, ActorState::WaitingLock);
    QCOMPARE(t2[1].object, kLockA);
    QCOMPARE(t2[1].startNs, qint64(350));
    QCOMPARE(t2[1].endNs, qint64(520));
    QCOMPARE(t2[2].state, ActorState::Running);
    QCOMPARE(t2[3].state, ActorState::Finished);
    QCOMPARE(t2[3].endNs, qint64(900));
    QVERIFY2(contiguous(t2), qPrintable(describe(t2)));

    const std::vector<StateInterval> &t1 = m_session->intervals(kT1);
    QCOMPARE(describe(t1), QStringLiteral("running 210..600, sleeping-io 600..700, running 700..800, finished 800..900"));
    QCOMPARE(describe(m_session->intervals(kMain)), QStringLiteral("running 100..900"));
    QVERIFY(m_session->intervals(99).empty());

    // Acquire and release ticks, per lane.
    const std::vector<LaneMark> &marks = m_session->marks(kT2);
    QCOMPARE(marks.size(), size_t(2));
    QCOMPARE(marks[0].ns, qint64(530));
    QCOMPARE(marks[0].kind, EventKind::Acquired);
    QCOMPARE(marks[1].ns, qint64(650));
    QCOMPARE(marks[1].kind, EventKind::Released);
    QCOMPARE(marks[1].object, kLockA);
    QVERIFY(m_session->marks(kMain).empty());

    // Two spawns and the release that let Thread-2 in.
    const std::vector<Handoff> &handoffs = m_session->handoffs();
    QCOMPARE(handoffs.size(), size_t(3));
    QCOMPARE(handoffs[2].kind, HandoffKind::Wake);
    QCOMPARE(handoffs[2].from, kT1);
    QCOMPARE(handoffs[2].to, kT2);
    QCOMPARE(handoffs[2].fromNs, qint64(500));
    QCOMPARE(handoffs[2].toNs, qint64(520));
    QVERIFY(m_session->bytesPerEvent() > 0);
}

void TestTraceSession::appendReplacesOpenIntervals()
{
    QSignalSpy grew(m_session.get(), &TraceSession::grew);
    const std::vector<TraceEvent> all = events();
    std::vector<TraceDelta> deltas = deltasOf(all, {7, 12});

    // Up to 350: Thread-2 has just begun to wait; its wait is open.
    m_session->append(std::move(deltas[0]));
    QCOMPARE(grew.size(), 1);
    QCOMPARE(m_session->endNs(), qint64(350));
    QCOMPARE(m_session->lanes()->rowCount(), 4);
    QCOMPARE(describe(m_session->intervals(kT2)), QStringLiteral("running 260..350"));
    QCOMPARE(describe(m_session->intervals(kT1)), QStringLiteral("running 210..350"));

    // Up to 650: the wait ended; the open running intervals grew in place.
    m_session->append(std::move(deltas[1]));
    QCOMPARE(describe(m_session->intervals(kT2)),
             QStringLiteral("running 260..350, waiting-lock 350..520, running 520..650"));
    QCOMPARE(describe(m_session->intervals(kT1)), QStringLiteral("running 210..600, sleeping-io 600..650"));
    QCOMPARE(describe(m_session->intervals(kMain)), QStringLiteral("running 100..650"));

    // A delta with no events but a later "now" stretches the open ones.
    TraceDelta idle;
    idle.nowNs = 680;
    TimelineBuilder builder;
    for (int i = 0; i < 12; ++i)
        builder.feed(all[size_t(i)]);
    builder.takeIntervals();
    idle.open = builder.openIntervals(680);
    m_session->append(std::move(idle));
    QCOMPARE(describe(m_session->intervals(kT1)), QStringLiteral("running 210..600, sleeping-io 600..680"));
    QCOMPARE(m_session->endNs(), qint64(680));
    QCOMPARE(m_session->eventCount(), 12);

    m_session->append(std::move(deltas[2]));
    QCOMPARE(grew.size(), 4);
    QCOMPARE(describe(m_session->intervals(kT1)),
             QStringLiteral("running 210..600, sleeping-io 600..700, running 700..800, finished 800..900"));
    QCOMPARE(m_session->eventCount(), int(all.size()));
    QCOMPARE(m_session->endNs(), qint64(900));
}

void TestTraceSession::appendInAnyChunksEqualsTheWholeTrace_data()
{
    QTest::addColumn<QList<int>>("cuts");
    QTest::newRow("one delta") << QList<int>{};
    QTest::newRow("two") << QList<int>{8};
    QTest::newRow("inside the wait") << QList<int>{7, 8};
    QTest::newRow("every event") << QList<int>{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15};
    QTest::newRow("empty deltas between") << QList<int>{3, 3, 3, 12, 12};
}

void TestTraceSession::appendInAnyChunksEqualsTheWholeTrace()
{
    QFETCH(QList<int>, cuts);
    for (TraceDelta &d : deltasOf(events(), cuts)) {
        m_session->append(std::move(d));
        for (const ActorId a : {kMain, kT1, kT2})
            QVERIFY2(contiguous(m_session->intervals(a)), qPrintable(describe(m_session->intervals(a))));
    }
    TraceSession whole;
    whole.load(handTrace());
    for (const ActorId a : {kMain, kT1, kT2}) {
        QCOMPARE(describe(m_session->intervals(a)), describe(whole.intervals(a)));
        QVERIFY(m_session->intervals(a) == whole.intervals(a));
        QCOMPARE(m_session->marks(a).size(), whole.marks(a).size());
    }
    QVERIFY(m_session->handoffs() == whole.handoffs());
    QCOMPARE(m_session->eventCount(), whole.eventCount());
    QCOMPARE(m_session->lanes()->rowCount(), whole.lanes()->rowCount());
}

void TestTraceSession::appendFromALiveRunEqualsTheFinalData()
{
    // A real lock-contention run, fed as the pump feeds it; at the end the
    // live lanes match what the complete trace derives.
    const Scenario *scenario = ScenarioRegistry::instance().find(QStringLiteral("lock-contention"));
    QVERIFY(scenario);
    ParameterValues params(scenario->parameters());
    QString error;
    QVERIFY(params.applyAssignments(scenario->parameters(),
                                    {"threads=3", "iterations=25", "critical_us=300", "outside_us=200"}, &error));
    ScenarioRun run(*scenario, params, 7);
    run.start();

    QSignalSpy grew(m_session.get(), &TraceSession::grew);
    TimelineBuilder builder;
    qint64 newest = 0;
    bool finished = false;
    QDeadlineTimer deadline(15000);
    while (!finished) {
        QVERIFY(!deadline.hasExpired());
        finished = run.wait(std::chrono::milliseconds(3));
        TraceDelta delta;
        delta.batch = run.takeLiveBatch();
        for (const TraceEvent &e : delta.batch.events) {
            builder.feed(e);
            newest = std::max(newest, e.ts);
        }
        delta.closed = builder.takeIntervals();
        delta.handoffs = builder.takeHandoffs();
        delta.nowNs = finished ? newest : Clock::monotonicNs();
        delta.open = builder.openIntervals(delta.nowNs);
        m_session->append(std::move(delta));
        QCOMPARE(m_session->eventCount(), int(m_session->trace().events().size()));
        // Handoffs stay sorted by arrival whatever order batches come in.
        QVERIFY(std::is_sorted(m_session->handoffs().begin(), m_session->handoffs().end(),
                               [](const Handoff &a, const Handoff &b) { return a.toNs < b.toNs; }));
    }
    QVERIFY(grew.size() >= 1);

    const auto exact = SessionData::fromTrace(run.trace());
    QCOMPARE(m_session->eventCount(), int(run.trace().events().size()));
    int waits = 0;
    for (const ActorInfo &a : run.trace().actors()) {
        const std::vector<StateInterval> &live = m_session->intervals(a.id);
        const std::vector<StateInterval> want = exact->intervals.value(a.id);
        QVERIFY2(live == want, qPrintable(a.name + QStringLiteral(": ") + describe(live) + QStringLiteral(" vs ")
                                          + describe(want)));
        QCOMPARE(m_session->marks(a.id).size(), exact->marks.value(a.id).size());
        for (const StateInterval &s : live)
            waits += s.state == ActorState::WaitingLock ? 1 : 0;
    }
    // Three threads on one lock for 25 rounds: some waited.
    QVERIFY(waits > 0);
    QCOMPARE(m_session->lanes()->rowCount(), int(run.trace().actors().size()));
}

void TestTraceSession::handoffsStayOrderedByArrival()
{
    auto handoff = [](qint64 toNs, ActorId to) {
        Handoff h;
        h.kind = HandoffKind::Wake;
        h.object = kLockA;
        h.from = kT1;
        h.to = to;
        h.fromNs = toNs - 5;
        h.toNs = toNs;
        return h;
    };
    // A later batch can reach back before handoffs already held.
    TraceDelta first;
    first.batch.actors = actors();
    first.handoffs = {handoff(100, kT2), handoff(300, kT2), handoff(500, kT2)};
    m_session->append(std::move(first));
    TraceDelta second;
    second.handoffs = {handoff(200, kMain), handoff(400, kMain), handoff(600, kMain)};
    m_session->append(std::move(second));
    TraceDelta third;
    third.handoffs = {handoff(50, kMain)};
    m_session->append(std::move(third));

    QList<qint64> arrivals;
    for (const Handoff &h : m_session->handoffs())
        arrivals << h.toNs;
    QCOMPARE(arrivals, (QList<qint64>{50, 100, 200, 300, 400, 500, 600}));
    QCOMPARE(m_session->handoffs()[2].to, kMain);
    QCOMPARE(m_session->handoffs()[3].to, kT2);
}

void TestTraceSession::adoptReplacesEverything()
{
    m_session->load(handTrace());
    QCOMPARE(m_session->lanes()->rowCount(), 4);

    // A different, smaller run: one thread, no locks.
    Trace other;
    other.upsertActor(actor(1, ActorKind::Process, QStringLiteral("MainProcess")));
    other.upsertActor(actor(2, ActorKind::Thread, QStringLiteral("MainThread"), 1));
    other.appendOrdered(ev(5000, 2, EventKind::ActorStart));
    other.appendOrdered(ev(5100, 2, EventKind::SleepBegin, 0, 50));
    other.appendOrdered(ev(5200, 2, EventKind::SleepEnd));
    other.appendOrdered(ev(6000, 2, EventKind::ActorEnd));

    QSignalSpy grew(m_session.get(), &TraceSession::grew);
    m_session->adopt(SessionData::fromTrace(other));
    QCOMPARE(grew.size(), 1);
    QCOMPARE(m_session->eventCount(), 4);
    QCOMPARE(m_session->startNs(), qint64(5000));
    QCOMPARE(m_session->endNs(), qint64(6000));
    QCOMPARE(describe(m_session->intervals(2)), QStringLiteral("running 5000..5100, sleeping-io 5100..5200, running 5200..6000"));
    QVERIFY(m_session->intervals(kT1).empty());
    QVERIFY(m_session->intervals(kT2).empty());
    QVERIFY(m_session->marks(kT2).empty());
    QVERIFY(m_session->handoffs().empty());
    QVERIFY(m_session->lockWaitDurations().empty());
    QCOMPARE(m_session->objectName(int(kLockA)), QString());
    // The lanes are the new run's: Thread-1 and Thread-2 are gone.
    QCOMPARE(m_session->lanes()->rowCount(), 2);
    QCOMPARE(m_session->lanes()->rowOfActor(int(kT1)), -1);
    QCOMPARE(m_session->lanes()->rowOfActor(int(kT2)), -1);
    QCOMPARE(m_session->lanes()->rowOfActor(2), 1);
}

void TestTraceSession::clearForgetsTheRun()
{
    m_session->load(handTrace());
    QSignalSpy grew(m_session.get(), &TraceSession::grew);
    QSignalSpy cleared(m_session.get(), &TraceSession::cleared);
    m_session->clear();
    QCOMPARE(cleared.size(), 1);
    QCOMPARE(grew.size(), 1);
    QCOMPARE(m_session->eventCount(), 0);
    QCOMPARE(m_session->endNs(), qint64(0));
    QCOMPARE(m_session->lanes()->rowCount(), 0);
    QVERIFY(m_session->intervals(kT2).empty());
    QVERIFY(m_session->marks(kT2).empty());
    QVERIFY(m_session->handoffs().empty());
    QVERIFY(m_session->intervalAt(int(kT2), 400).isEmpty());
    QCOMPARE(m_session->actorName(int(kT2)), QString());

    // And a run after it starts from nothing.
    for (TraceDelta &d : deltasOf(events(), {5}))
        m_session->append(std::move(d));
    QCOMPARE(m_session->eventCount(), int(events().size()));
    QCOMPARE(describe(m_session->intervals(kMain)), QStringLiteral("running 100..900"));
}

void TestTraceSession::intervalAt_data()
{
    QTest::addColumn<int>("actorId");
    QTest::addColumn<qint64>("ns");
    QTest::addColumn<bool>("found");
    QTest::addColumn<ActorState>("state");
    QTest::addColumn<qint64>("startNs");
    QTest::addColumn<qint64>("endNs");
    QTest::addColumn<QString>("objectName");

    QTest::newRow("waiting for lock_a") << int(kT2) << qint64(400) << true << ActorState::WaitingLock << qint64(350)
                                        << qint64(520) << "lock_a";
    QTest::newRow("start of the wait") << int(kT2) << qint64(350) << true << ActorState::WaitingLock << qint64(350)
                                       << qint64(520) << "lock_a";
    QTest::newRow("end of the wait is the next interval")
        << int(kT2) << qint64(520) << true << ActorState::Running << qint64(520) << qint64(820) << "";
    QTest::newRow("sleeping") << int(kT1) << qint64(650) << true << ActorState::Sleeping << qint64(600)
                              << qint64(700) << "";
    QTest::newRow("finished") << int(kT1) << qint64(850) << true << ActorState::Finished << qint64(800)
                              << qint64(900) << "";
    QTest::newRow("last instant") << int(kT1) << qint64(900) << true << ActorState::Finished << qint64(800)
                                  << qint64(900) << "";
    QTest::newRow("main thread") << int(kMain) << qint64(100) << true << ActorState::Running << qint64(100)
                                 << qint64(900) << "";
    QTest::newRow("before the thread started") << int(kT1) << qint64(150) << false << ActorState::Running
                                               << qint64(0) << qint64(0) << "";
    QTest::newRow("after the run") << int(kT1) << qint64(950) << false << ActorState::Running << qint64(0)
                                   << qint64(0) << "";
    QTest::newRow("unknown actor") << 99 << qint64(400) << false << ActorState::Running << qint64(0) << qint64(0)
                                   << "";
    QTest::newRow("the process has no lane intervals") << 1 << qint64(400) << false << ActorState::Running
                                                       << qint64(0) << qint64(0) << "";
}

void TestTraceSession::intervalAt()
{
    QFETCH(int, actorId);
    QFETCH(qint64, ns);
    QFETCH(bool, found);
    QFETCH(ActorState, state);
    QFETCH(qint64, startNs);
    QFETCH(qint64, endNs);
    QFETCH(QString, objectName);

    m_session->load(handTrace());
    const QVariantMap info = m_session->intervalAt(actorId, ns);
    QCOMPARE(!info.isEmpty(), found);
    if (!found)
        return;
    QCOMPARE(info.value("actor").toInt(), actorId);
    QCOMPARE(info.value("actorName").toString(), m_session->actorName(actorId));
    QCOMPARE(info.value("state").toInt(), int(state));
    QCOMPARE(info.value("stateLabel").toString(), stateLabel(state));
    QCOMPARE(info.value("startNs").toLongLong(), startNs);
    QCOMPARE(info.value("endNs").toLongLong(), endNs);
    QCOMPARE(info.value("objectName").toString(), objectName);
    QCOMPARE(info.value("object").toInt() != 0, !objectName.isEmpty());
    // Times for people: from the start of the run, and how long.
    QCOMPARE(info.value("start").toString(), TimeAxis::formatDuration(startNs - 100));
    QCOMPARE(info.value("duration").toString(), TimeAxis::formatDuration(endNs - startNs));

    // QML calls it with numbers.
    QVariantMap viaMeta;
    QVERIFY(QMetaObject::invokeMethod(m_session.get(), "intervalAt", Q_RETURN_ARG(QVariantMap, viaMeta),
                                      Q_ARG(int, actorId), Q_ARG(qint64, ns)));
    QCOMPARE(viaMeta, info);
}

void TestTraceSession::actorsWaitingOn_data()
{
    QTest::addColumn<int>("object");
    QTest::addColumn<QList<int>>("expected");

    QTest::newRow("lock_a") << int(kLockA) << QList<int>{int(kT2)};
    QTest::newRow("lock_b, never waited on") << int(kLockB) << QList<int>{};
    QTest::newRow("unknown") << 42 << QList<int>{};
}

void TestTraceSession::actorsWaitingOn()
{
    QFETCH(int, object);
    QFETCH(QList<int>, expected);

    m_session->load(handTrace());
    QList<int> got;
    for (const QVariant &v : m_session->actorsWaitingOn(object))
        got << v.toInt();
    std::sort(got.begin(), got.end());
    QCOMPARE(got, expected);
}

void TestTraceSession::namesAndLockWaits()
{
    m_session->load(handTrace());
    QCOMPARE(m_session->actorName(int(kT1)), QStringLiteral("Thread-1"));
    QCOMPARE(m_session->actorName(1), QStringLiteral("MainProcess"));
    QCOMPARE(m_session->actorName(99), QString());
    QCOMPARE(m_session->objectName(int(kLockA)), QStringLiteral("lock_a"));
    QCOMPARE(m_session->objectName(int(kLockB)), QStringLiteral("lock_b"));
    QCOMPARE(m_session->objectName(0), QString());
    QCOMPARE(m_session->lockWaitDurations(), std::vector<qint64>{170});
}

QTEST_MAIN(TestTraceSession)
#include "tst_tracesession.moc"
