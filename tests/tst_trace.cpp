// Tests for clab::Trace (core/trace/trace.h): the merged, time-ordered record
// of a run, grown batch by batch.

#include "testsupport.h"
#include "sync/lock.h"
#include "trace/trace.h"

#include <QtTest>

using namespace clab;
using namespace clab::test;

using Stamps = QList<qint64>;
using Batches = QList<Stamps>;

namespace {

// Batch b's event i gets value b * 100 + i, so the order can be read back.
TraceBatch makeBatch(int index, const Stamps &stamps)
{
    TraceBatch batch;
    for (int i = 0; i < stamps.size(); ++i) {
        TraceEvent e;
        e.ts = stamps[i];
        e.value = index * 100 + i;
        e.actor = 1;
        e.kind = EventKind::Mark;
        batch.events.push_back(e);
    }
    return batch;
}

ActorInfo actorInfo(ActorId id, const QString &name, qint64 osId = 0)
{
    ActorInfo a;
    a.id = id;
    a.name = name;
    a.osId = osId;
    return a;
}

ObjectInfo objectInfo(ObjectId id, ObjectKind kind, const QString &name)
{
    ObjectInfo o;
    o.id = id;
    o.kind = kind;
    o.name = name;
    return o;
}

} // namespace

class TestTrace : public QObject
{
    Q_OBJECT

private slots:
    void mergeKeepsTimeOrder_data();
    void mergeKeepsTimeOrder();
    void emptyTrace();
    void timesSpanFirstToLastEvent();
    void actorsAreUpsertedById();
    void objectsAreLookedUpById();
    void clearForgetsEverything();
    void memoryBytesGrowsWithContent();
    void appendOrderedForGeneratedTraces();
    void mergesBatchesOfARealRun();
};

void TestTrace::mergeKeepsTimeOrder_data()
{
    QTest::addColumn<Batches>("batches");
    QTest::addColumn<QList<qint64>>("expectedValues");

    QTest::newRow("one batch") << Batches{{1, 2, 3}} << QList<qint64>{0, 1, 2};
    QTest::newRow("batches in order") << Batches{{1, 2}, {3, 4}} << QList<qint64>{0, 1, 100, 101};
    QTest::newRow("batch starting at the last stamp")
        << Batches{{1, 2}, {2, 3}} << QList<qint64>{0, 1, 100, 101};
    QTest::newRow("batch reaching back") << Batches{{1, 5, 9}, {2, 6}} << QList<qint64>{0, 100, 1, 101, 2};
    QTest::newRow("batch entirely before") << Batches{{5, 6}, {1, 2}} << QList<qint64>{100, 101, 0, 1};
    QTest::newRow("equal stamps: older batch first")
        << Batches{{1, 3, 5}, {3, 4}} << QList<qint64>{0, 1, 100, 101, 2};
    QTest::newRow("empty batch in between") << Batches{{1, 2}, {}, {3}} << QList<qint64>{0, 1, 200};
    QTest::newRow("three interleaved batches")
        << Batches{{10, 20}, {5, 15}, {1, 30}} << QList<qint64>{200, 100, 0, 101, 1, 201};
}

void TestTrace::mergeKeepsTimeOrder()
{
    QFETCH(Batches, batches);
    QFETCH(QList<qint64>, expectedValues);
    Trace trace;
    for (int i = 0; i < batches.size(); ++i)
        trace.merge(makeBatch(i, batches[i]));
    QList<qint64> values;
    for (const TraceEvent &e : trace.events())
        values << e.value;
    QCOMPARE(values, expectedValues);
    QVERIFY(std::is_sorted(trace.events().begin(), trace.events().end(),
                           [](const TraceEvent &a, const TraceEvent &b) { return a.ts < b.ts; }));
}

void TestTrace::emptyTrace()
{
    Trace trace;
    QVERIFY(trace.isEmpty());
    QCOMPARE(trace.startNs(), qint64(0));
    QCOMPARE(trace.endNs(), qint64(0));
    QCOMPARE(trace.durationNs(), qint64(0));
    QVERIFY(trace.actor(1) == nullptr);
    QVERIFY(trace.object(1) == nullptr);
    QCOMPARE(trace.actorName(1), QString());
    QCOMPARE(trace.objectName(1), QString());
    // A batch of only actors and objects leaves it without events.
    TraceBatch batch;
    batch.actors.push_back(actorInfo(1, QStringLiteral("MainThread")));
    trace.merge(std::move(batch));
    QVERIFY(trace.isEmpty());
    QCOMPARE(trace.actorName(1), QStringLiteral("MainThread"));
}

void TestTrace::timesSpanFirstToLastEvent()
{
    Trace trace;
    trace.merge(makeBatch(0, {1000, 1500}));
    trace.merge(makeBatch(1, {400, 2500}));
    QVERIFY(!trace.isEmpty());
    QCOMPARE(trace.startNs(), qint64(400));
    QCOMPARE(trace.endNs(), qint64(2500));
    QCOMPARE(trace.durationNs(), qint64(2100));
}

void TestTrace::actorsAreUpsertedById()
{
    Trace trace;
    TraceBatch first;
    first.actors = {actorInfo(1, QStringLiteral("MainProcess")), actorInfo(2, QStringLiteral("Thread-1"))};
    trace.merge(std::move(first));
    QCOMPARE(trace.actors().size(), size_t(2));
    QCOMPARE(trace.actor(2)->osId, qint64(0));

    // A later batch updates actor 2 (now with its OS id) and adds actor 3.
    TraceBatch second;
    second.actors = {actorInfo(2, QStringLiteral("Thread-1"), 4242), actorInfo(3, QStringLiteral("Thread-2"))};
    trace.merge(std::move(second));
    QCOMPARE(trace.actors().size(), size_t(3));
    QCOMPARE(trace.actor(2)->osId, qint64(4242));
    QCOMPARE(trace.actorName(1), QStringLiteral("MainProcess"));
    QCOMPARE(trace.actorName(3), QStringLiteral("Thread-2"));
    QCOMPARE(trace.actors()[1], actorInfo(2, QStringLiteral("Thread-1"), 4242));
    QVERIFY(trace.actor(4) == nullptr);
    QCOMPARE(trace.actorName(0), QString());

    trace.upsertActor(actorInfo(3, QStringLiteral("renamed")));
    QCOMPARE(trace.actors().size(), size_t(3));
    QCOMPARE(trace.actorName(3), QStringLiteral("renamed"));
}

void TestTrace::objectsAreLookedUpById()
{
    Trace trace;
    TraceBatch batch;
    batch.objects = {objectInfo(1, ObjectKind::Lock, QStringLiteral("Lock-1")),
                     objectInfo(2, ObjectKind::Queue, QStringLiteral("jobs"))};
    trace.merge(std::move(batch));
    QCOMPARE(trace.objects().size(), size_t(2));
    QCOMPARE(trace.object(2)->kind, ObjectKind::Queue);
    QCOMPARE(trace.objectName(1), QStringLiteral("Lock-1"));
    QCOMPARE(trace.objectName(3), QString());
    QVERIFY(trace.object(3) == nullptr);

    trace.addObject(objectInfo(2, ObjectKind::Queue, QStringLiteral("jobs2")));
    QCOMPARE(trace.objects().size(), size_t(2));
    QCOMPARE(trace.objectName(2), QStringLiteral("jobs2"));
    trace.addObject(objectInfo(5, ObjectKind::Event, QStringLiteral("ready")));
    QCOMPARE(trace.objects().size(), size_t(3));
    QCOMPARE(trace.object(5)->kind, ObjectKind::Event);
}

void TestTrace::clearForgetsEverything()
{
    Trace trace;
    TraceBatch batch = makeBatch(0, {1, 2});
    batch.actors = {actorInfo(1, QStringLiteral("a")), actorInfo(2, QStringLiteral("b"))};
    batch.objects = {objectInfo(1, ObjectKind::Lock, QStringLiteral("L"))};
    trace.merge(std::move(batch));
    trace.clear();
    QVERIFY(trace.isEmpty());
    QVERIFY(trace.actors().empty());
    QVERIFY(trace.objects().empty());
    QVERIFY(trace.actor(1) == nullptr);
    QVERIFY(trace.object(1) == nullptr);

    // Usable again from scratch.
    TraceBatch again = makeBatch(0, {7});
    again.actors = {actorInfo(2, QStringLiteral("b2"))};
    trace.merge(std::move(again));
    QCOMPARE(trace.actors().size(), size_t(1));
    QCOMPARE(trace.actorName(2), QStringLiteral("b2"));
    QCOMPARE(trace.actorName(1), QString());
    QCOMPARE(trace.startNs(), qint64(7));
}

void TestTrace::memoryBytesGrowsWithContent()
{
    Trace trace;
    const size_t empty = trace.memoryBytes();
    Stamps stamps;
    for (int i = 0; i < 1000; ++i)
        stamps << i;
    trace.merge(makeBatch(0, stamps));
    const size_t withEvents = trace.memoryBytes();
    QVERIFY(withEvents >= empty + 1000 * sizeof(TraceEvent));
    trace.upsertActor(actorInfo(1, QString(500, QLatin1Char('x'))));
    QVERIFY(trace.memoryBytes() >= withEvents + sizeof(ActorInfo) + 500 * sizeof(QChar));
    const size_t withActor = trace.memoryBytes();
    trace.addObject(objectInfo(1, ObjectKind::Lock, QString(300, QLatin1Char('y'))));
    QVERIFY(trace.memoryBytes() >= withActor + sizeof(ObjectInfo) + 300 * sizeof(QChar));
}

void TestTrace::appendOrderedForGeneratedTraces()
{
    Trace trace;
    trace.reserve(3);
    for (qint64 ts : {10, 20, 30}) {
        TraceEvent e;
        e.ts = ts;
        e.value = ts;
        trace.appendOrdered(e);
    }
    QCOMPARE(trace.events().size(), size_t(3));
    QCOMPARE(trace.startNs(), qint64(10));
    QCOMPARE(trace.endNs(), qint64(30));
    // A merged batch still finds its place among appended events.
    trace.merge(makeBatch(1, {15}));
    QList<qint64> values;
    for (const TraceEvent &e : trace.events())
        values << e.value;
    QCOMPARE(values, (QList<qint64>{10, 100, 20, 30}));
}

void TestTrace::mergesBatchesOfARealRun()
{
    RunFixture fx;
    Lock lock(QStringLiteral("balance lock"));
    lock.acquire();
    // Part of the run arrives in an early batch, the rest at the end.
    fx.trace.merge(fx.context.recorder().drain());
    lock.release();
    const ActorId main = fx.main->actor();
    const Trace trace = fx.finish();

    QCOMPARE(trace.objectName(lock.id()), QStringLiteral("balance lock"));
    QCOMPARE(trace.object(lock.id())->kind, ObjectKind::Lock);
    QCOMPARE(trace.actorName(main), QStringLiteral("MainThread"));
    QCOMPARE(trace.actor(main)->kind, ActorKind::Thread);
    QCOMPARE(trace.actor(main)->parent, fx.context.processActor());
    QVERIFY(trace.actor(main)->osId != 0);
    QCOMPARE(trace.actor(fx.context.processActor())->kind, ActorKind::Process);
    QCOMPARE(trace.actorName(fx.context.processActor()), QStringLiteral("MainProcess"));

    QList<EventKind> kinds;
    for (const TraceEvent &e : trace.events()) {
        QCOMPARE(e.actor, main);
        kinds << e.kind;
    }
    QCOMPARE(kinds, (QList<EventKind>{EventKind::ActorStart, EventKind::Acquired, EventKind::Released,
                                      EventKind::ActorEnd}));
    QVERIFY(trace.durationNs() >= 0);
}

QTEST_GUILESS_MAIN(TestTrace)
#include "tst_trace.moc"
