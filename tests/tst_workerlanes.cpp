// A worker's actors, objects and events land in the app's run under the
// run's own ids, and a killed worker's lanes still end.

#include "process/workerlanes.h"
#include "threads/runcontext.h"

#include <QCborArray>
#include <QCborMap>
#include <QtTest>
#include <algorithm>

using namespace clab;
using namespace clab::process;

namespace {

// The worker's own ids, as its Hello and Events frames carry them.
constexpr ActorId kWorkerProcess = 1;
constexpr ActorId kWorkerMain = 2;
constexpr ActorId kWorkerThread = 3;
constexpr ObjectId kWorkerLock = 1;
constexpr ObjectId kWorkerShared = 2;

TraceEvent workerEvent(EventKind kind, ActorId actor, ObjectId object = 0, qint64 value = 0, qint64 ts = 1000)
{
    TraceEvent e;
    e.ts = ts;
    e.kind = kind;
    e.actor = actor;
    e.object = object;
    e.value = value;
    return e;
}

QCborMap eventsFrame(const QCborArray &actors, const QCborArray &objects, const std::vector<TraceEvent> &events)
{
    const QByteArray raw(reinterpret_cast<const char *>(events.data()), qsizetype(events.size() * sizeof(TraceEvent)));
    return {{QStringLiteral("actors"), actors}, {QStringLiteral("objects"), objects}, {QStringLiteral("events"), raw}};
}

const ActorInfo *actorNamed(const TraceBatch &batch, const QString &name)
{
    const auto it = std::find_if(batch.actors.begin(), batch.actors.end(), [&](const ActorInfo &a) { return a.name == name; });
    return it == batch.actors.end() ? nullptr : &*it;
}

const TraceEvent *firstOf(const TraceBatch &batch, EventKind kind, ActorId actor)
{
    for (const TraceEvent &e : batch.events) {
        if (e.kind == kind && e.actor == actor)
            return &e;
    }
    return nullptr;
}

int countOf(const TraceBatch &batch, EventKind kind, ActorId actor)
{
    return int(std::count_if(batch.events.begin(), batch.events.end(),
                             [&](const TraceEvent &e) { return e.kind == kind && e.actor == actor; }));
}

} // namespace

class TestWorkerLanes : public QObject
{
    Q_OBJECT

private slots:
    void workerIdsBecomeTheRunsIds()
    {
        RunContext run;
        const ObjectId block = run.addObject(ObjectKind::Variable, QStringLiteral("shared block"));
        WorkerLanes lanes(&run, QStringLiteral("ForkPoolWorker-1"), {{QStringLiteral("psm_1"), block}});
        lanes.greet(kWorkerProcess, kWorkerMain, 4242);

        const QCborArray actors{QCborMap{{QStringLiteral("id"), kWorkerThread},
                                         {QStringLiteral("kind"), int(ActorKind::Thread)},
                                         {QStringLiteral("name"), QStringLiteral("Thread-1")},
                                         {QStringLiteral("parent"), kWorkerMain},
                                         {QStringLiteral("osId"), 777}}};
        const QCborArray objects{QCborMap{{QStringLiteral("id"), kWorkerLock},
                                          {QStringLiteral("kind"), int(ObjectKind::Lock)},
                                          {QStringLiteral("name"), QStringLiteral("Lock-1")}},
                                 QCborMap{{QStringLiteral("id"), kWorkerShared},
                                          {QStringLiteral("kind"), int(ObjectKind::Variable)},
                                          {QStringLiteral("name"), QStringLiteral("psm_1")}}};
        lanes.import(eventsFrame(actors, objects,
                                 {workerEvent(EventKind::ActorStart, kWorkerMain, 0, 0, 100),
                                  workerEvent(EventKind::Spawn, kWorkerMain, 0, kWorkerThread, 200),
                                  workerEvent(EventKind::Acquired, kWorkerThread, kWorkerLock, 0, 300),
                                  workerEvent(EventKind::Released, kWorkerThread, kWorkerShared, 0, 400)}));

        const TraceBatch batch = run.recorder().drain();
        const ActorInfo *process = actorNamed(batch, QStringLiteral("ForkPoolWorker-1"));
        QVERIFY(process);
        QCOMPARE(process->id, lanes.processActor());
        QCOMPARE(process->kind, ActorKind::Process);
        QCOMPARE(process->osId, qint64(4242));
        QCOMPARE(process->parent, run.processActor());
        const ActorInfo *thread = actorNamed(batch, QStringLiteral("Thread-1"));
        QVERIFY(thread);
        QCOMPARE(thread->parent, lanes.mainActor());
        QCOMPARE(thread->osId, qint64(777));
        QVERIFY(thread->id != lanes.mainActor());

        const auto lock = std::find_if(batch.objects.begin(), batch.objects.end(),
                                       [](const ObjectInfo &o) { return o.name == QStringLiteral("Lock-1 (ForkPoolWorker-1)"); });
        QVERIFY(lock != batch.objects.end());
        QCOMPARE(lock->kind, ObjectKind::Lock);
        // A shared object is the run's own, not a copy.
        QCOMPARE(std::count_if(batch.objects.begin(), batch.objects.end(),
                               [](const ObjectInfo &o) { return o.name.contains(QStringLiteral("psm_1")); }),
                 0);

        QVERIFY(firstOf(batch, EventKind::ActorStart, lanes.mainActor()));
        const TraceEvent *spawn = firstOf(batch, EventKind::Spawn, lanes.mainActor());
        QVERIFY(spawn);
        QCOMPARE(ActorId(spawn->value), thread->id);
        const TraceEvent *acquired = firstOf(batch, EventKind::Acquired, thread->id);
        QVERIFY(acquired);
        QCOMPARE(acquired->object, lock->id);
        const TraceEvent *released = firstOf(batch, EventKind::Released, thread->id);
        QVERIFY(released);
        QCOMPARE(released->object, block);
    }

    void endedClosesWhatTheWorkerCouldNot_data()
    {
        QTest::addColumn<bool>("sawStart");       // its ActorStart arrived
        QTest::addColumn<bool>("sawEnd");         // its own ActorEnd arrived
        QTest::addColumn<int>("exitCode");        // INT_MIN: never ran (no exit code)
        QTest::addColumn<qint64>("readyNs");
        QTest::addColumn<int>("mainStarts");      // ActorStart events of MainThread afterwards
        QTest::addColumn<int>("mainEnds");
        QTest::addColumn<int>("mainEndValue");    // 0 clean, 1 otherwise
        QTest::addColumn<int>("processEnds");
        QTest::newRow("exited by itself") << true << true << 0 << qint64(50) << 1 << 1 << 0 << 1;
        QTest::newRow("killed mid-task") << true << false << -9 << qint64(50) << 1 << 1 << 1 << 1;
        QTest::newRow("killed before its first events") << false << false << -9 << qint64(50) << 1 << 1 << 1 << 1;
        QTest::newRow("failed to start") << false << false << INT_MIN << qint64(0) << 0 << 1 << 1 << 0;
    }
    void endedClosesWhatTheWorkerCouldNot()
    {
        QFETCH(bool, sawStart);
        QFETCH(bool, sawEnd);
        QFETCH(int, exitCode);
        QFETCH(qint64, readyNs);
        QFETCH(int, mainStarts);
        QFETCH(int, mainEnds);
        QFETCH(int, mainEndValue);
        QFETCH(int, processEnds);

        RunContext run;
        WorkerLanes lanes(&run, QStringLiteral("Process-1"), {});
        lanes.greet(kWorkerProcess, kWorkerMain, 99);
        std::vector<TraceEvent> own;
        if (sawStart)
            own.push_back(workerEvent(EventKind::ActorStart, kWorkerMain, 0, 0, 60));
        if (sawEnd)
            own.push_back(workerEvent(EventKind::ActorEnd, kWorkerMain, 0, 0, 70));
        if (!own.empty())
            lanes.import(eventsFrame({}, {}, own));
        const std::optional<int> code = exitCode == INT_MIN ? std::nullopt : std::optional<int>(exitCode);
        lanes.ended(code, readyNs);

        const TraceBatch batch = run.recorder().drain();
        QCOMPARE(countOf(batch, EventKind::ActorStart, lanes.mainActor()), mainStarts);
        QCOMPARE(countOf(batch, EventKind::ActorEnd, lanes.mainActor()), mainEnds);
        if (!sawEnd) {
            const TraceEvent *end = firstOf(batch, EventKind::ActorEnd, lanes.mainActor());
            QVERIFY(end);
            QCOMPARE(int(end->value), mainEndValue);
        }
        QCOMPARE(countOf(batch, EventKind::ActorEnd, lanes.processActor()), processEnds);
        if (code) {
            const TraceEvent *end = firstOf(batch, EventKind::ActorEnd, lanes.processActor());
            QVERIFY(end);
            QCOMPARE(qint32(end->aux), *code); // Process.exitcode: minus the signal
        }
    }

    void withoutARunNothingIsRecorded()
    {
        WorkerLanes lanes(nullptr, QStringLiteral("Process-1"), {});
        QCOMPARE(lanes.processActor(), ActorId(0));
        QCOMPARE(lanes.mainActor(), ActorId(0));
        lanes.greet(kWorkerProcess, kWorkerMain, 1);
        lanes.import(eventsFrame({}, {}, {workerEvent(EventKind::ActorStart, kWorkerMain)}));
        lanes.ended(0, 10); // must not touch a run
    }
};

QTEST_GUILESS_MAIN(TestWorkerLanes)
#include "tst_workerlanes.moc"
