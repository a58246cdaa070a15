// LaneModel: the rows of the timeline, a header row per process followed by
// its threads, kept in step with the trace as a run records.

#include "lanemodel.h"
#include "tracesession.h"

#include "testsupport.h"

#include "scenarios/registry.h"
#include "scenarios/scenariorun.h"
#include "trace/clock.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QtTest>

using namespace clab;
using clab::test::ev;

namespace {

ActorInfo actor(ActorId id, ActorKind kind, const QString &name, ActorId parent = 0, qint64 osId = 0,
                bool daemon = false)
{
    ActorInfo a;
    a.id = id;
    a.kind = kind;
    a.name = name;
    a.parent = parent;
    a.osId = osId;
    a.daemon = daemon;
    return a;
}

// Two processes: the main one with two threads, a worker with a thread
// that runs a coroutine.
Trace twoProcesses()
{
    Trace t;
    t.upsertActor(actor(1, ActorKind::Process, QStringLiteral("MainProcess"), 0, 4242));
    t.upsertActor(actor(2, ActorKind::Thread, QStringLiteral("MainThread"), 1, 100));
    t.upsertActor(actor(3, ActorKind::Thread, QStringLiteral("Thread-1"), 1, 0, true));
    t.upsertActor(actor(10, ActorKind::Process, QStringLiteral("worker"), 0, 5555));
    t.upsertActor(actor(11, ActorKind::Thread, QStringLiteral("MainThread"), 10, 200));
    t.upsertActor(actor(12, ActorKind::Coroutine, QStringLiteral("task-1"), 11));
    for (ActorId a : {2u, 3u, 11u, 12u})
        t.appendOrdered(ev(1000 * a, a, EventKind::ActorStart));
    return t;
}

QVariant role(const LaneModel &m, int row, int role)
{
    return m.data(m.index(row), role);
}

} // namespace

class TestLaneModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void roleNames();
    void processHeaderThenItsThreads_data();
    void processHeaderThenItsThreads();
    void newThreadJoinsItsProcess();
    void changedActorUpdatesItsRow();
    void rowOfActorAndActorAt_data();
    void rowOfActorAndActorAt();
    void clearEmptiesTheModel();
    void rowsFollowALiveRun();

private:
    std::unique_ptr<TraceSession> m_session;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestLaneModel::init()
{
    m_session = std::make_unique<TraceSession>();
    m_tester = std::make_unique<QAbstractItemModelTester>(m_session->lanes(),
                                                          QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void TestLaneModel::cleanup()
{
    m_tester.reset();
    m_session.reset();
}

void TestLaneModel::roleNames()
{
    const QHash<int, QByteArray> names = m_session->lanes()->roleNames();
    QCOMPARE(names.value(LaneModel::ActorIdRole), QByteArray("actorId"));
    QCOMPARE(names.value(LaneModel::NameRole), QByteArray("name"));
    QCOMPARE(names.value(LaneModel::KindRole), QByteArray("kind"));
    QCOMPARE(names.value(LaneModel::ProcessRole), QByteArray("process"));
    QCOMPARE(names.value(LaneModel::OsIdRole), QByteArray("osId"));
    QCOMPARE(names.value(LaneModel::DaemonRole), QByteArray("daemon"));
    QCOMPARE(names.size(), 6);
    // The timeline delegate reads them through these names.
    QCOMPARE(m_session->lanes()->rowCount(), 0);
    QCOMPARE(m_session->lanes()->property("count").toInt(), 0);
}

void TestLaneModel::processHeaderThenItsThreads_data()
{
    QTest::addColumn<int>("row");
    QTest::addColumn<int>("actorId");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("process");
    QTest::addColumn<qint64>("osId");
    QTest::addColumn<bool>("daemon");

    QTest::newRow("main process") << 0 << 1 << "MainProcess" << "process" << "MainProcess (pid 4242)" << qint64(4242)
                                  << false;
    QTest::newRow("its MainThread") << 1 << 2 << "MainThread" << "thread" << "MainProcess (pid 4242)" << qint64(100)
                                    << false;
    QTest::newRow("its daemon") << 2 << 3 << "Thread-1" << "thread" << "MainProcess (pid 4242)" << qint64(0) << true;
    QTest::newRow("worker process") << 3 << 10 << "worker" << "process" << "worker (pid 5555)" << qint64(5555) << false;
    QTest::newRow("worker's thread") << 4 << 11 << "MainThread" << "thread" << "worker (pid 5555)" << qint64(200)
                                     << false;
    QTest::newRow("coroutine") << 5 << 12 << "task-1" << "coroutine" << "worker (pid 5555)" << qint64(0) << false;
}

void TestLaneModel::processHeaderThenItsThreads()
{
    QFETCH(int, row);
    QFETCH(int, actorId);
    QFETCH(QString, name);
    QFETCH(QString, kind);
    QFETCH(QString, process);
    QFETCH(qint64, osId);
    QFETCH(bool, daemon);

    LaneModel &lanes = *m_session->lanes();
    QSignalSpy count(&lanes, &LaneModel::countChanged);
    QSignalSpy inserted(&lanes, &QAbstractItemModel::rowsInserted);
    m_session->load(twoProcesses());

    QCOMPARE(lanes.rowCount(), 6);
    QCOMPARE(lanes.property("count").toInt(), 6);
    QCOMPARE(count.size(), 1);
    QCOMPARE(inserted.size(), 6);

    QCOMPARE(role(lanes, row, LaneModel::ActorIdRole).toInt(), actorId);
    QCOMPARE(role(lanes, row, LaneModel::NameRole).toString(), name);
    QCOMPARE(role(lanes, row, Qt::DisplayRole).toString(), name);
    QCOMPARE(role(lanes, row, LaneModel::KindRole).toString(), kind);
    QCOMPARE(role(lanes, row, LaneModel::ProcessRole).toString(), process);
    QCOMPARE(role(lanes, row, LaneModel::OsIdRole).toLongLong(), osId);
    QCOMPARE(role(lanes, row, LaneModel::DaemonRole).toBool(), daemon);
    QVERIFY(!role(lanes, row, Qt::UserRole + 100).isValid());
}

void TestLaneModel::newThreadJoinsItsProcess()
{
    LaneModel &lanes = *m_session->lanes();
    m_session->load(twoProcesses());
    QSignalSpy count(&lanes, &LaneModel::countChanged);
    QSignalSpy inserted(&lanes, &QAbstractItemModel::rowsInserted);
    QSignalSpy grew(m_session.get(), &TraceSession::grew);

    // A thread of the main process appears after the worker process did:
    // it goes under the main process, after its other threads.
    TraceDelta delta;
    delta.batch.actors.push_back(actor(4, ActorKind::Thread, QStringLiteral("Thread-2"), 1));
    delta.batch.events.push_back(ev(20000, 4, EventKind::ActorStart));
    delta.nowNs = 20000;
    m_session->append(std::move(delta));

    QCOMPARE(grew.size(), 1);
    QCOMPARE(lanes.rowCount(), 7);
    QCOMPARE(count.size(), 1);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(inserted.first().at(1).toInt(), 3);
    QCOMPARE(inserted.first().at(2).toInt(), 3);
    QCOMPARE(lanes.rowOfActor(4), 3);
    QCOMPARE(role(lanes, 3, LaneModel::NameRole).toString(), QStringLiteral("Thread-2"));
    QCOMPARE(role(lanes, 3, LaneModel::ProcessRole).toString(), QStringLiteral("MainProcess (pid 4242)"));
    QCOMPARE(lanes.rowOfActor(10), 4);

    // A new process goes at the end, with a header of its own.
    TraceDelta second;
    second.batch.actors.push_back(actor(20, ActorKind::Process, QStringLiteral("another"), 0, 6666));
    second.batch.actors.push_back(actor(21, ActorKind::Thread, QStringLiteral("MainThread"), 20));
    m_session->append(std::move(second));
    QCOMPARE(lanes.rowCount(), 9);
    QCOMPARE(lanes.rowOfActor(20), 7);
    QCOMPARE(lanes.rowOfActor(21), 8);
    QCOMPARE(role(lanes, 7, LaneModel::KindRole).toString(), QStringLiteral("process"));
    QCOMPARE(count.size(), 2);

    // Nothing new: no rows, no count change.
    m_session->append(TraceDelta{});
    QCOMPARE(lanes.rowCount(), 9);
    QCOMPARE(count.size(), 2);
    QCOMPARE(inserted.size(), 3);
}

void TestLaneModel::changedActorUpdatesItsRow()
{
    LaneModel &lanes = *m_session->lanes();
    m_session->load(twoProcesses());
    QSignalSpy changed(&lanes, &QAbstractItemModel::dataChanged);
    QSignalSpy count(&lanes, &LaneModel::countChanged);

    // The kernel id of Thread-1 became known.
    TraceDelta delta;
    delta.batch.actors.push_back(actor(3, ActorKind::Thread, QStringLiteral("Thread-1"), 1, 777, true));
    m_session->append(std::move(delta));

    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().at(0).toModelIndex().row(), 2);
    QCOMPARE(changed.first().at(1).toModelIndex().row(), 2);
    QCOMPARE(role(lanes, 2, LaneModel::OsIdRole).toLongLong(), qint64(777));
    QCOMPARE(lanes.rowCount(), 6);
    QCOMPARE(count.size(), 0);

    // The same again changes nothing.
    TraceDelta same;
    same.batch.actors.push_back(actor(3, ActorKind::Thread, QStringLiteral("Thread-1"), 1, 777, true));
    m_session->append(std::move(same));
    QCOMPARE(changed.size(), 1);

    // A renamed process relabels the process of every one of its rows.
    TraceDelta renamed;
    renamed.batch.actors.push_back(actor(10, ActorKind::Process, QStringLiteral("worker-1"), 0, 5555));
    m_session->append(std::move(renamed));
    QCOMPARE(role(lanes, 3, LaneModel::NameRole).toString(), QStringLiteral("worker-1"));
    QCOMPARE(role(lanes, 3, LaneModel::ProcessRole).toString(), QStringLiteral("worker-1 (pid 5555)"));
    QCOMPARE(role(lanes, 4, LaneModel::ProcessRole).toString(), QStringLiteral("worker-1 (pid 5555)"));
    QCOMPARE(role(lanes, 5, LaneModel::ProcessRole).toString(), QStringLiteral("worker-1 (pid 5555)"));
    QCOMPARE(changed.size(), 4);
    QCOMPARE(lanes.rowCount(), 6);
}

void TestLaneModel::rowOfActorAndActorAt_data()
{
    QTest::addColumn<int>("actorId");
    QTest::addColumn<int>("row");

    QTest::newRow("process") << 1 << 0;
    QTest::newRow("thread") << 3 << 2;
    QTest::newRow("second process") << 10 << 3;
    QTest::newRow("coroutine") << 12 << 5;
}

void TestLaneModel::rowOfActorAndActorAt()
{
    QFETCH(int, actorId);
    QFETCH(int, row);

    LaneModel &lanes = *m_session->lanes();
    QCOMPARE(lanes.rowOfActor(actorId), -1);
    m_session->load(twoProcesses());
    QCOMPARE(lanes.rowOfActor(actorId), row);
    QCOMPARE(lanes.actorAt(row), actorId);
    // Unknown actors and rows out of range.
    QCOMPARE(lanes.rowOfActor(99), -1);
    QCOMPARE(lanes.rowOfActor(0), -1);
    QCOMPARE(lanes.actorAt(-1), 0);
    QCOMPARE(lanes.actorAt(6), 0);
    // The same through QML's invokable methods.
    int viaMeta = -2;
    QVERIFY(QMetaObject::invokeMethod(&lanes, "rowOfActor", Q_RETURN_ARG(int, viaMeta), Q_ARG(int, actorId)));
    QCOMPARE(viaMeta, row);
}

void TestLaneModel::clearEmptiesTheModel()
{
    LaneModel &lanes = *m_session->lanes();
    m_session->load(twoProcesses());
    QSignalSpy reset(&lanes, &QAbstractItemModel::modelReset);
    QSignalSpy count(&lanes, &LaneModel::countChanged);
    QSignalSpy cleared(m_session.get(), &TraceSession::cleared);

    m_session->clear();
    QCOMPARE(lanes.rowCount(), 0);
    QCOMPARE(reset.size(), 1);
    QCOMPARE(count.size(), 1);
    QCOMPARE(cleared.size(), 1);
    QCOMPARE(lanes.rowOfActor(2), -1);

    // Clearing an empty model is quiet.
    m_session->clear();
    QCOMPARE(reset.size(), 1);
    QCOMPARE(count.size(), 1);

    // Loading again fills it from scratch.
    m_session->load(twoProcesses());
    QCOMPARE(lanes.rowCount(), 6);
    QCOMPARE(count.size(), 2);
}

void TestLaneModel::rowsFollowALiveRun()
{
    // A real run fed delta by delta, as the trace pump does: after every
    // delta the rows are exactly the actors recorded so far, each process
    // before its threads.
    const Scenario *scenario = ScenarioRegistry::instance().find(QStringLiteral("lock-contention"));
    QVERIFY(scenario);
    ParameterValues params(scenario->parameters());
    QString error;
    QVERIFY2(params.applyAssignments(scenario->parameters(),
                                     {"threads=6", "iterations=30", "critical_us=300", "outside_us=300"}, &error),
             qPrintable(error));
    ScenarioRun run(*scenario, params, 1);
    run.start();

    LaneModel &lanes = *m_session->lanes();
    QSignalSpy count(&lanes, &LaneModel::countChanged);
    TimelineBuilder builder;
    int deltas = 0;
    int maxRowsBefore = -1;
    bool finished = false;
    QDeadlineTimer deadline(15000);
    while (!finished) {
        QVERIFY(!deadline.hasExpired());
        finished = run.wait(std::chrono::milliseconds(5));
        TraceDelta delta;
        delta.batch = run.takeLiveBatch();
        for (const TraceEvent &e : delta.batch.events)
            builder.feed(e);
        delta.closed = builder.takeIntervals();
        delta.handoffs = builder.takeHandoffs();
        delta.nowNs = Clock::monotonicNs();
        delta.open = builder.openIntervals(delta.nowNs);
        m_session->append(std::move(delta));
        ++deltas;

        const Trace &trace = m_session->trace();
        QCOMPARE(lanes.rowCount(), int(trace.actors().size()));
        QVERIFY(lanes.rowCount() >= maxRowsBefore); // rows never go away while live
        maxRowsBefore = lanes.rowCount();
        for (const ActorInfo &a : trace.actors()) {
            const int row = lanes.rowOfActor(int(a.id));
            QVERIFY2(row >= 0, qPrintable(a.name));
            QCOMPARE(lanes.actorAt(row), int(a.id));
            QCOMPARE(role(lanes, row, LaneModel::NameRole).toString(), a.name);
            if (a.kind == ActorKind::Thread)
                QVERIFY(row > lanes.rowOfActor(int(a.parent)));
        }
    }
    QVERIFY(deltas >= 1);
    QVERIFY(count.size() >= 1);

    // MainProcess, MainThread, Thread-1 .. Thread-6.
    QStringList names;
    for (int row = 0; row < lanes.rowCount(); ++row)
        names << role(lanes, row, LaneModel::NameRole).toString();
    QCOMPARE(names, (QStringList{"MainProcess", "MainThread", "Thread-1", "Thread-2", "Thread-3", "Thread-4",
                                 "Thread-5", "Thread-6"}));
    QCOMPARE(role(lanes, 0, LaneModel::KindRole).toString(), QStringLiteral("process"));
    QCOMPARE(role(lanes, 0, LaneModel::OsIdRole).toLongLong(), QCoreApplication::applicationPid());
    for (int row = 1; row < lanes.rowCount(); ++row) {
        QCOMPARE(role(lanes, row, LaneModel::KindRole).toString(), QStringLiteral("thread"));
        QCOMPARE(role(lanes, row, LaneModel::ProcessRole).toString(),
                 QStringLiteral("MainProcess (pid %1)").arg(QCoreApplication::applicationPid()));
    }

    // Swapping in the exact data at the end keeps the same rows.
    QSignalSpy reset(&lanes, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(&lanes, &QAbstractItemModel::rowsInserted);
    m_session->adopt(SessionData::fromTrace(run.trace()));
    QCOMPARE(lanes.rowCount(), names.size());
    QCOMPARE(reset.size(), 0);
    QCOMPARE(inserted.size(), 0);
}

QTEST_MAIN(TestLaneModel)
#include "tst_lanemodel.moc"
