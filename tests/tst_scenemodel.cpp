// SceneModel: the state of every actor and object at the time cursor, for
// the animated scenes, checked against real recorded runs.

#include "lanemodel.h"
#include "scenemodel.h"
#include "uitestsupport.h"
#include "tracesession.h"

#include "scenarios/registry.h"
#include "scenarios/scenariorun.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QtTest>
#include <algorithm>

using namespace clab;

namespace {

Trace record(const QString &id, const QStringList &assignments, quint64 seed = 1)
{
    const Scenario *scenario = ScenarioRegistry::instance().find(id);
    if (!scenario)
        qFatal("no scenario %s", qPrintable(id));
    ParameterValues params(scenario->parameters());
    QString error;
    if (!params.applyAssignments(scenario->parameters(), assignments, &error))
        qFatal("%s", qPrintable(error));
    ScenarioRun run(*scenario, params, seed);
    run.runHere();
    return run.trace();
}

ObjectId objectNamed(const Trace &trace, const QString &name)
{
    for (const ObjectInfo &o : trace.objects()) {
        if (o.name == name)
            return o.id;
    }
    return 0;
}

// Who holds `lock` and who waits for it (in the order they began to) once
// every event at or before `ns` happened, worked out from the raw events.
struct LockState {
    int owner = 0;
    QList<int> waiters;
};

LockState lockStateAt(const Trace &trace, ObjectId lock, qint64 ns)
{
    LockState s;
    QHash<ActorId, ObjectId> waitingOn;
    for (const TraceEvent &e : trace.events()) {
        if (e.ts > ns)
            break;
        switch (e.kind) {
        case EventKind::Acquired:
            if (e.object == lock)
                s.owner = int(e.actor);
            break;
        case EventKind::Released:
            if (e.object == lock)
                s.owner = 0;
            break;
        case EventKind::WaitBegin:
            if (waitingOn.value(e.actor) == lock)
                s.waiters.removeOne(int(e.actor));
            waitingOn.insert(e.actor, e.object);
            if (e.object == lock)
                s.waiters.append(int(e.actor));
            break;
        case EventKind::WaitEnd:
        case EventKind::SleepBegin:
        case EventKind::SleepEnd:
        case EventKind::IoBegin:
        case EventKind::IoEnd:
        case EventKind::ActorStart:
        case EventKind::ActorEnd:
            if (waitingOn.value(e.actor) == lock)
                s.waiters.removeOne(int(e.actor));
            waitingOn.remove(e.actor);
            break;
        default:
            break;
        }
    }
    return s;
}

QVariantMap objectIn(const SceneModel &scene, ObjectId id)
{
    for (const QVariant &v : scene.objects()) {
        const QVariantMap o = v.toMap();
        if (o.value("id").toInt() == int(id))
            return o;
    }
    return {};
}

QVariantMap actorIn(const SceneModel &scene, ActorId id)
{
    for (const QVariant &v : scene.actors()) {
        const QVariantMap a = v.toMap();
        if (a.value("id").toInt() == int(id))
            return a;
    }
    return {};
}

QList<int> waiterIds(const QVariantMap &object)
{
    QList<int> out;
    for (const QVariant &w : object.value("waiters").toList())
        out << w.toMap().value("actor").toInt();
    return out;
}

int eventsAtOrBefore(const Trace &trace, qint64 ns)
{
    return int(std::upper_bound(trace.events().begin(), trace.events().end(), ns,
                                [](qint64 t, const TraceEvent &e) { return t < e.ts; })
               - trace.events().begin());
}

} // namespace

class TestSceneModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void lockOwnerAndWaitersAtTheCursor_data();
    void lockOwnerAndWaitersAtTheCursor();
    void everyAcquireAndWaitOfARun();
    void movingBackRebuildsThePast();
    void actorsFollowTheirLanes();
    void deadlockIsShownOnceFound();
    void coroutinesCarryTheirLoopState();
    void gilCarriesItsSwitchesAndDropRequests();
    void nextAndPreviousEvent_data();
    void nextAndPreviousEvent();
    void followsAGrowingSession();
    void sessionAndCursorSignals();

private:
    // Moves the cursor and waits for the (throttled) snapshot.
    bool moveTo(qint64 ns);

    Trace m_contention;
    Trace m_deadlock;
    ObjectId m_lock = 0;
    std::unique_ptr<TraceSession> m_session;
    std::unique_ptr<QAbstractItemModelTester> m_lanesTester;
    std::unique_ptr<SceneModel> m_scene;
};

void TestSceneModel::initTestCase()
{
    m_contention = record(QStringLiteral("lock-contention"),
                          {"threads=4", "iterations=12", "critical_us=400", "outside_us=100"});
    m_lock = objectNamed(m_contention, QStringLiteral("shared_lock"));
    QVERIFY(m_lock != 0);
    m_deadlock = record(QStringLiteral("deadlock"), {"mode=two-locks"});
    QVERIFY(!m_contention.isEmpty());
    QVERIFY(!m_deadlock.isEmpty());
}

void TestSceneModel::init()
{
    m_session = std::make_unique<TraceSession>();
    m_lanesTester = std::make_unique<QAbstractItemModelTester>(m_session->lanes(),
                                                               QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_scene = std::make_unique<SceneModel>();
    m_session->load(m_contention);
    m_scene->setSession(m_session.get());
}

void TestSceneModel::cleanup()
{
    m_scene.reset();
    m_lanesTester.reset();
    m_session.reset();
}

bool TestSceneModel::moveTo(qint64 ns)
{
    return test::moveSceneCursor(*m_scene, ns);
}

void TestSceneModel::lockOwnerAndWaitersAtTheCursor_data()
{
    QTest::addColumn<double>("fraction");
    for (const double f : {0.0, 0.05, 0.2, 0.33, 0.5, 0.61, 0.75, 0.9, 0.999, 1.0})
        QTest::addRow("%g of the run", f) << f;
}

void TestSceneModel::lockOwnerAndWaitersAtTheCursor()
{
    QFETCH(double, fraction);
    const qint64 at = m_contention.startNs() + qint64(fraction * double(m_contention.durationNs()));
    QVERIFY(moveTo(at));

    const LockState want = lockStateAt(m_contention, m_lock, at);
    const QVariantMap lock = objectIn(*m_scene, m_lock);
    QVERIFY(!lock.isEmpty());
    QCOMPARE(lock.value("kind").toString(), QStringLiteral("Lock"));
    QCOMPARE(lock.value("name").toString(), QStringLiteral("shared_lock"));
    QCOMPARE(lock.value("owner").toInt(), want.owner);
    QCOMPARE(lock.value("ownerName").toString(), m_contention.actorName(ActorId(want.owner)));
    QCOMPARE(waiterIds(lock), want.waiters);
    for (const QVariant &w : lock.value("waiters").toList()) {
        const QVariantMap waiter = w.toMap();
        QCOMPARE(waiter.value("name").toString(), m_contention.actorName(ActorId(waiter.value("actor").toInt())));
        QVERIFY(waiter.value("sinceNs").toLongLong() <= at);
        QCOMPARE(waiter.value("forNs").toLongLong(), at - waiter.value("sinceNs").toLongLong());
    }
    QCOMPARE(m_scene->eventsApplied(), eventsAtOrBefore(m_contention, at));
    QCOMPARE(m_scene->objectsOfKind(QStringLiteral("Lock")).size(), 1);
    QVERIFY(m_scene->objectsOfKind(QStringLiteral("Queue")).isEmpty());
}

void TestSceneModel::everyAcquireAndWaitOfARun()
{
    // At every acquire the acquirer owns the lock; at every contended wait
    // the waiter queues behind an owner.
    int acquires = 0;
    int contended = 0;
    int checked = 0;
    for (const TraceEvent &e : m_contention.events()) {
        if (e.object != m_lock || (e.kind != EventKind::Acquired && e.kind != EventKind::WaitBegin))
            continue;
        acquires += e.kind == EventKind::Acquired;
        // Sampling keeps the test short; the waits are all checked.
        if (e.kind == EventKind::Acquired && acquires % 5 != 1)
            continue;
        QVERIFY(moveTo(e.ts));
        const QVariantMap lock = objectIn(*m_scene, m_lock);
        const LockState want = lockStateAt(m_contention, m_lock, e.ts);
        QCOMPARE(lock.value("owner").toInt(), want.owner);
        QCOMPARE(waiterIds(lock), want.waiters);
        if (e.kind == EventKind::Acquired && want.owner == int(e.actor)) {
            QCOMPARE(lock.value("owner").toInt(), int(e.actor));
        } else if (e.kind == EventKind::WaitBegin) {
            QVERIFY2(waiterIds(lock).contains(int(e.actor)), qPrintable(m_contention.actorName(e.actor)));
            QCOMPARE(actorIn(*m_scene, e.actor).value("state").toInt(), int(ActorState::WaitingLock));
            QCOMPARE(actorIn(*m_scene, e.actor).value("objectName").toString(), QStringLiteral("shared_lock"));
            ++contended;
        }
        ++checked;
    }
    QVERIFY(acquires >= 4 * 12);
    // Four threads, 400 µs inside and 100 µs outside: they queue.
    QVERIFY2(contended > 0, "no thread ever waited for the lock");
    QVERIFY(checked > contended);
}

void TestSceneModel::movingBackRebuildsThePast()
{
    const qint64 early = m_contention.startNs() + m_contention.durationNs() / 4;
    const qint64 late = m_contention.startNs() + 3 * m_contention.durationNs() / 4;
    QVERIFY(moveTo(early));
    const QVariantList earlyObjects = m_scene->objects();
    const QVariantList earlyActors = m_scene->actors();
    const int earlyEvents = m_scene->eventsApplied();
    QVERIFY(moveTo(late));
    QVERIFY(m_scene->eventsApplied() > earlyEvents);
    QVERIFY(moveTo(early));
    QCOMPARE(m_scene->eventsApplied(), earlyEvents);
    QCOMPARE(m_scene->objects(), earlyObjects);
    QCOMPARE(m_scene->actors(), earlyActors);

    // Before the run nothing has happened yet.
    QVERIFY(moveTo(m_contention.startNs() - 1000));
    QCOMPARE(m_scene->eventsApplied(), 0);
    for (const QVariant &a : m_scene->actors())
        QVERIFY(!a.toMap().value("started").toBool());
    QCOMPARE(objectIn(*m_scene, m_lock).value("owner").toInt(), 0);
}

void TestSceneModel::actorsFollowTheirLanes()
{
    // The scene and the timeline agree: each thread's state at the cursor is
    // the state of its lane's interval there.
    int compared = 0;
    for (const double f : {0.1, 0.3, 0.45, 0.8}) {
        const qint64 at = m_contention.startNs() + qint64(f * double(m_contention.durationNs()));
        QVERIFY(moveTo(at));
        QCOMPARE(m_scene->actors().size(), 5); // MainThread and four threads; no process
        for (const QVariant &v : m_scene->actors()) {
            const QVariantMap a = v.toMap();
            QVERIFY(!a.value("name").toString().isEmpty());
            const QVariantMap lane = m_session->intervalAt(a.value("id").toInt(), at);
            if (!a.value("started").toBool()) {
                QVERIFY(lane.isEmpty());
                continue;
            }
            QVERIFY2(!lane.isEmpty(), qPrintable(a.value("name").toString()));
            QCOMPARE(a.value("state").toInt(), lane.value("state").toInt());
            QCOMPARE(a.value("stateLabel").toString(), lane.value("stateLabel").toString());
            QCOMPARE(a.value("sinceNs").toLongLong(), lane.value("startNs").toLongLong());
            QCOMPARE(a.value("forNs").toLongLong(), at - a.value("sinceNs").toLongLong());
            ++compared;
        }
    }
    QVERIFY(compared >= 12);
}

void TestSceneModel::deadlockIsShownOnceFound()
{
    m_session->load(m_deadlock);
    qint64 foundNs = 0;
    QSet<int> inCycle;
    for (const TraceEvent &e : m_deadlock.events()) {
        if (e.kind == EventKind::DeadlockFound) {
            foundNs = e.ts;
            inCycle.insert(int(e.actor));
        }
    }
    QVERIFY2(foundNs != 0, "the deadlock scenario found no deadlock");
    QCOMPARE(inCycle.size(), 2);

    QVERIFY(moveTo(foundNs - 1));
    QVERIFY(m_scene->deadlock().isEmpty());

    QVERIFY(moveTo(foundNs));
    const QVariantMap deadlock = m_scene->deadlock();
    QVERIFY(!deadlock.isEmpty());
    QSet<int> ids;
    for (const QVariant &v : deadlock.value("actorIds").toList())
        ids.insert(v.toInt());
    QCOMPARE(ids, inCycle);
    QStringList objects;
    for (const QVariant &v : deadlock.value("objects").toList())
        objects << v.toString();
    objects.sort();
    QCOMPARE(objects, (QStringList{"lock_a", "lock_b"}));
    QCOMPARE(deadlock.value("foundNs").toLongLong(), foundNs);

    // Each lock of the cycle is held by one of the two and waited for by the
    // other.
    for (const QString &name : {QStringLiteral("lock_a"), QStringLiteral("lock_b")}) {
        const ObjectId id = objectNamed(m_deadlock, name);
        const QVariantMap lock = objectIn(*m_scene, id);
        const int owner = lock.value("owner").toInt();
        QVERIFY2(inCycle.contains(owner), qPrintable(name));
        const QList<int> waiters = waiterIds(lock);
        QCOMPARE(waiters.size(), 1);
        QVERIFY(inCycle.contains(waiters.first()));
        QVERIFY(waiters.first() != owner);
        const LockState want = lockStateAt(m_deadlock, id, foundNs);
        QCOMPARE(owner, want.owner);
        QCOMPARE(waiters, want.waiters);
    }
    // Once found, it stays found.
    QVERIFY(moveTo(m_deadlock.endNs()));
    QVERIFY(!m_scene->deadlock().isEmpty());
}

void TestSceneModel::coroutinesCarryTheirLoopState()
{
    const Trace loop = record(QStringLiteral("async-basics"), {"tasks=4", "max_sleep_ms=20"});
    m_session->load(loop);

    // A coroutine that begins asyncio.sleep knows when it wakes, and which
    // thread's loop runs it.
    int sleeps = 0;
    int readies = 0;
    for (const TraceEvent &e : loop.events()) {
        if (e.kind != EventKind::SleepBegin && e.kind != EventKind::Ready)
            continue;
        QVERIFY(moveTo(e.ts));
        const QVariantMap a = actorIn(*m_scene, e.actor);
        QCOMPARE(a.value("kind").toString(), QStringLiteral("coroutine"));
        const QVariantMap thread = actorIn(*m_scene, ActorId(a.value("parent").toInt()));
        QCOMPARE(thread.value("kind").toString(), QStringLiteral("thread"));
        if (e.kind == EventKind::SleepBegin && a.value("state").toInt() == int(ActorState::Sleeping)) {
            QCOMPARE(a.value("wakeAtNs").toLongLong(), e.ts + e.value);
            QCOMPARE(a.value("reason").toString(), QStringLiteral("sleep"));
            QCOMPARE(a.value("readySeq").toLongLong(), qint64(0));
            ++sleeps;
        } else if (e.kind == EventKind::Ready && a.value("state").toInt() == int(ActorState::Ready)) {
            QVERIFY(a.value("readySeq").toLongLong() > 0);
            QCOMPARE(a.value("wakeAtNs").toLongLong(), qint64(0));
            QVERIFY(a.value("reason").toString().isEmpty()); // ready is not a wait
            ++readies;
        }
    }
    QVERIFY(sleeps >= 4);
    QVERIFY(readies >= 4);

    // Ready coroutines are numbered in the order they became ready.
    for (const TraceEvent &e : loop.events()) {
        if (e.kind != EventKind::Ready)
            continue;
        QVERIFY(moveTo(e.ts));
        QList<qint64> seqs;
        for (const QVariant &v : m_scene->actors()) {
            const QVariantMap a = v.toMap();
            if (a.value("state").toInt() == int(ActorState::Ready))
                seqs << a.value("readySeq").toLongLong();
        }
        QCOMPARE(QSet<qint64>(seqs.begin(), seqs.end()).size(), seqs.size());
        break;
    }
}

void TestSceneModel::gilCarriesItsSwitchesAndDropRequests()
{
    const Trace run = record(QStringLiteral("gil-convoy"), {"spinners=1", "samples=6"});
    m_session->load(run);
    ObjectId gil = 0;
    for (const ObjectInfo &o : run.objects()) {
        if (o.kind == ObjectKind::Gil)
            gil = o.id;
    }
    QVERIFY(gil != 0);
    int acquires = 0;
    int requests = 0;
    qint64 lastRequestNs = 0;
    ActorId lastRequester = 0;
    for (const TraceEvent &e : run.events()) {
        if (e.object != gil)
            continue;
        if (e.kind == EventKind::Acquired)
            ++acquires;
        if (e.kind == EventKind::GilDropRequest) {
            ++requests;
            lastRequestNs = e.ts;
            lastRequester = e.actor;
        }
    }
    // A request is pending until someone takes the GIL (unless that
    // happened within the same nanosecond).
    for (const TraceEvent &e : run.events()) {
        if (e.object != gil || e.kind != EventKind::GilDropRequest)
            continue;
        const bool takenAtOnce = std::any_of(run.events().begin(), run.events().end(), [&](const TraceEvent &t) {
            return t.ts == e.ts && t.object == gil && t.kind == EventKind::Acquired;
        });
        if (takenAtOnce)
            continue;
        QVERIFY(moveTo(e.ts));
        const QVariantMap o = objectIn(*m_scene, gil);
        QVERIFY(o.value("dropRequestPending").toBool());
        QCOMPARE(o.value("lastDropRequestNs").toLongLong(), e.ts);
    }
    QVERIFY(moveTo(run.endNs()));
    const QVariantMap o = objectIn(*m_scene, gil);
    QCOMPARE(o.value("kind").toString(), QStringLiteral("GIL"));
    QCOMPARE(o.value("acquireCount").toInt(), acquires);
    QVERIFY(acquires > 6);
    QCOMPARE(o.value("dropRequests").toInt(), requests);
    QCOMPARE(o.value("lastDropRequestNs").toLongLong(), lastRequestNs);
    QCOMPARE(o.value("lastDropRequester").toInt(), int(lastRequester));
    QCOMPARE(o.value("lastDropRequesterName").toString(), run.actorName(lastRequester));
    QVERIFY(o.contains("ownerSinceNs"));
    QVERIFY(o.contains("acquiredOnDropRequest"));
}

void TestSceneModel::nextAndPreviousEvent_data()
{
    QTest::addColumn<int>("eventIndex"); // -1: before the first event; -2: after the last
    QTest::addColumn<qint64>("offsetNs");

    QTest::newRow("before the run") << -1 << qint64(0);
    QTest::newRow("at the first event") << 0 << qint64(0);
    QTest::newRow("at an early event") << 5 << qint64(0);
    QTest::newRow("between events") << 20 << qint64(1);
    QTest::newRow("in the middle") << 1000000 << qint64(0); // clamped to the middle event
    QTest::newRow("at the last event") << -3 << qint64(0);
    QTest::newRow("after the run") << -2 << qint64(0);
}

void TestSceneModel::nextAndPreviousEvent()
{
    QFETCH(int, eventIndex);
    QFETCH(qint64, offsetNs);

    const std::vector<TraceEvent> &events = m_contention.events();
    qint64 ns = 0;
    if (eventIndex == -1)
        ns = events.front().ts - 500;
    else if (eventIndex == -2)
        ns = events.back().ts + 500;
    else if (eventIndex == -3)
        ns = events.back().ts;
    else if (eventIndex >= int(events.size()))
        ns = events[events.size() / 2].ts;
    else
        ns = events[size_t(eventIndex)].ts + offsetNs;

    // The first event strictly after, the last strictly before; the cursor
    // itself when there is none.
    qint64 next = ns;
    for (const TraceEvent &e : events) {
        if (e.ts > ns) {
            next = e.ts;
            break;
        }
    }
    qint64 previous = ns;
    for (auto it = events.rbegin(); it != events.rend(); ++it) {
        if (it->ts < ns) {
            previous = it->ts;
            break;
        }
    }
    QCOMPARE(qint64(m_scene->nextEventNs(double(ns))), next);
    QCOMPARE(qint64(m_scene->previousEventNs(double(ns))), previous);
    // Stepping forward then back returns to an event at or before ns (or
    // stays on the first event when there is none before it).
    if (next != ns) {
        const qint64 back = qint64(m_scene->previousEventNs(double(next)));
        QVERIFY(back <= ns || (back == next && next == events.front().ts));
    }

    // Without a session there is nowhere to go.
    m_scene->setSession(nullptr);
    QCOMPARE(m_scene->nextEventNs(double(ns)), double(ns));
    QCOMPARE(m_scene->previousEventNs(double(ns)), double(ns));
}

void TestSceneModel::followsAGrowingSession()
{
    // A live run: the session grows, the scene follows with the cursor at
    // the newest time.
    TraceSession live;
    SceneModel scene;
    scene.setSession(&live);
    QSignalSpy snapshot(&scene, &SceneModel::snapshotChanged);
    const std::vector<TraceEvent> &events = m_contention.events();
    const size_t half = events.size() / 2;

    TraceDelta first;
    first.batch.actors = m_contention.actors();
    first.batch.objects = m_contention.objects();
    first.batch.events.assign(events.begin(), events.begin() + qsizetype(half));
    first.nowNs = events[half - 1].ts;
    live.append(std::move(first));
    scene.setCursorNs(double(events.back().ts));
    QTRY_VERIFY(!snapshot.isEmpty());
    QTRY_COMPARE(scene.eventsApplied(), int(half));

    TraceDelta second;
    second.batch.events.assign(events.begin() + qsizetype(half), events.end());
    second.nowNs = events.back().ts;
    live.append(std::move(second));
    QTRY_COMPARE(scene.eventsApplied(), int(events.size()));
    const LockState want = lockStateAt(m_contention, m_lock, events.back().ts);
    QCOMPARE(objectIn(scene, m_lock).value("owner").toInt(), want.owner);
    // At the end everyone has finished.
    for (const QVariant &a : scene.actors())
        QCOMPARE(a.toMap().value("state").toInt(), int(ActorState::Finished));

    // Cleared: the scene empties.
    live.clear();
    QTRY_VERIFY(scene.actors().isEmpty());
    QVERIFY(scene.objects().isEmpty());
    QCOMPARE(scene.eventsApplied(), 0);
}

void TestSceneModel::sessionAndCursorSignals()
{
    SceneModel scene;
    QSignalSpy session(&scene, &SceneModel::sessionChanged);
    QSignalSpy cursor(&scene, &SceneModel::cursorNsChanged);
    QSignalSpy snapshot(&scene, &SceneModel::snapshotChanged);

    QVERIFY(scene.actors().isEmpty());
    scene.setSession(m_session.get());
    QCOMPARE(session.size(), 1);
    QCOMPARE(scene.session(), m_session.get());
    scene.setSession(m_session.get());
    QCOMPARE(session.size(), 1);
    QTRY_COMPARE(snapshot.size(), 1);

    // Cursor moves are coalesced into one rebuild.
    snapshot.clear();
    const double mid = double(m_contention.startNs() + m_contention.durationNs() / 2);
    for (int i = 0; i < 5; ++i)
        scene.setCursorNs(mid + i);
    QCOMPARE(cursor.size(), 5);
    scene.setCursorNs(mid + 4);
    QCOMPARE(cursor.size(), 5);
    QCOMPARE(scene.cursorNs(), mid + 4);
    QVERIFY(snapshot.isEmpty()); // not rebuilt on every move, synchronously
    QTRY_COMPARE(snapshot.size(), 1);
    QCOMPARE(scene.eventsApplied(), eventsAtOrBefore(m_contention, qint64(mid + 4)));
    QVERIFY(!scene.actors().isEmpty());

    // The session going away empties the scene.
    m_scene.reset();
    m_lanesTester.reset();
    m_session.reset();
    QVERIFY(scene.session() == nullptr);
    scene.setCursorNs(mid);
    QTRY_COMPARE(snapshot.size(), 2);
    QVERIFY(scene.actors().isEmpty());
    QVERIFY(scene.objects().isEmpty());
}

QTEST_MAIN(TestSceneModel)
#include "tst_scenemodel.moc"
