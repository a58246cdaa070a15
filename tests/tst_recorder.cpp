// Tests for the lock-free event recording of core/trace/recorder.h:
// ThreadBuffer, Recorder, trace::record and trace::Span.

#include "testsupport.h"
#include "trace/recorder.h"

#include <QtTest>

#include <atomic>
#include <map>
#include <set>
#include <stdexcept>
#include <thread>
#include <vector>

using namespace clab;

namespace {

// More than one full chunk of the largest size, so the buffer chain grows
// through every chunk size.
constexpr int kManyEvents = 3 * 16384 + 777;

bool sortedByTime(const std::vector<TraceEvent> &events)
{
    return std::is_sorted(events.begin(), events.end(),
                          [](const TraceEvent &a, const TraceEvent &b) { return a.ts < b.ts; });
}

// Checks that `events` holds, for each actor in `expectedCounts`, exactly the
// Mark values 0..n-1 in order, and nothing else.
QString checkSequences(const std::vector<TraceEvent> &events, const std::map<ActorId, qint64> &expectedCounts)
{
    std::map<ActorId, qint64> next;
    for (const TraceEvent &e : events) {
        if (!expectedCounts.count(e.actor))
            return QStringLiteral("unexpected actor %1").arg(e.actor);
        if (e.kind != EventKind::Mark)
            return QStringLiteral("unexpected kind %1").arg(int(e.kind));
        qint64 &n = next[e.actor];
        if (e.value != n)
            return QStringLiteral("actor %1: expected value %2, got %3").arg(e.actor).arg(n).arg(e.value);
        if (e.aux != quint32(e.value * 3) || e.object != ObjectId(e.actor + 100))
            return QStringLiteral("actor %1: payload of event %2 corrupted").arg(e.actor).arg(e.value);
        ++n;
    }
    for (const auto &[actor, count] : expectedCounts) {
        if (next[actor] != count)
            return QStringLiteral("actor %1: %2 events, expected %3").arg(actor).arg(next[actor]).arg(count);
    }
    return {};
}

void waitForNextDrain(const std::atomic<int> &drains)
{
    const int seen = drains.load();
    while (drains.load() == seen)
        std::this_thread::yield();
}

// Records Mark events 0..count-1; with `drains`, waits for a drain now and
// then so that recording and draining interleave.
void recordSequence(ActorId actor, int count, const std::atomic<int> *drains = nullptr)
{
    for (int i = 0; i < count; ++i) {
        trace::record(EventKind::Mark, ObjectId(actor + 100), i, quint32(i * 3));
        if (drains && i % 1999 == 0)
            waitForNextDrain(*drains);
    }
}

} // namespace

class TestRecorder : public QObject
{
    Q_OBJECT

private slots:
    void bufferDrainsEverythingInOrder();
    void bufferGrowsPastLargestChunk();
    void bufferDrainsIncrementallyAcrossChunkBoundaries_data();
    void bufferDrainsIncrementallyAcrossChunkBoundaries();
    void bufferReadConcurrentlyWithWriter();
    void bufferStampsCurrentActor();
    void recordWithoutBufferDoesNothing();
    void recordGoesToAttachedThread();
    void spanRecordsBeginAndEnd();
    void spanRecordsEndWhenUnwinding();
    void actorsGetIdsAndAreSentWhenChanged();
    void objectsGetIdsAndAreSentOnce();
    void foreignEventsMergedInTimeOrder();
    void drainWithNothingNewIsEmpty();
    void eventsSurviveTheirThread();
    void concurrentRecordersWithRepeatedDrains();
    void destroyingRecorderDetachesCallingThread();
};

void TestRecorder::bufferDrainsEverythingInOrder()
{
    ThreadBuffer buffer(5);
    for (int i = 0; i < 100; ++i)
        buffer.append(EventKind::Put, 9, i, quint32(100 - i));
    std::vector<TraceEvent> out;
    const qint64 before = Clock::monotonicNs();
    buffer.drainInto(out);
    QCOMPARE(out.size(), size_t(100));
    for (int i = 0; i < 100; ++i) {
        const TraceEvent &e = out[size_t(i)];
        QCOMPARE(e.kind, EventKind::Put);
        QCOMPARE(e.actor, ActorId(5));
        QCOMPARE(e.object, ObjectId(9));
        QCOMPARE(e.value, qint64(i));
        QCOMPARE(e.aux, quint32(100 - i));
        QCOMPARE(e.flags, quint16(0));
        // Stamps come out in nanoseconds of the monotonic clock.
        QVERIFY(e.ts <= before + 1'000'000);
        QVERIFY(e.ts > before - 10'000'000'000);
    }
    QVERIFY(sortedByTime(out));
    // A second drain finds nothing new.
    std::vector<TraceEvent> again;
    buffer.drainInto(again);
    QVERIFY(again.empty());
}

void TestRecorder::bufferGrowsPastLargestChunk()
{
    ThreadBuffer buffer(1);
    for (int i = 0; i < kManyEvents; ++i)
        buffer.append(EventKind::Mark, 101, i, quint32(i * 3));
    std::vector<TraceEvent> out;
    buffer.drainInto(out);
    QCOMPARE(checkSequences(out, {{1, kManyEvents}}), QString());
    QVERIFY(sortedByTime(out));
}

void TestRecorder::bufferDrainsIncrementallyAcrossChunkBoundaries_data()
{
    QTest::addColumn<int>("drainEvery");
    // Drains that land exactly on, just before and just after chunk ends
    // (chunks hold 64, 256, 1024, 4096, then 16384 events).
    QTest::newRow("every event") << 1;
    QTest::newRow("every 63") << 63;
    QTest::newRow("every 64") << 64;
    QTest::newRow("every 65") << 65;
    QTest::newRow("every 320") << 320;
    QTest::newRow("every 16384") << 16384;
    QTest::newRow("every 16385") << 16385;
}

void TestRecorder::bufferDrainsIncrementallyAcrossChunkBoundaries()
{
    QFETCH(int, drainEvery);
    ThreadBuffer buffer(2);
    std::vector<TraceEvent> out;
    for (int i = 0; i < kManyEvents; ++i) {
        buffer.append(EventKind::Mark, 102, i, quint32(i * 3));
        if ((i + 1) % drainEvery == 0) {
            const size_t before = out.size();
            buffer.drainInto(out);
            QCOMPARE(out.size(), before + size_t(drainEvery));
        }
    }
    buffer.drainInto(out);
    QCOMPARE(checkSequences(out, {{2, kManyEvents}}), QString());
}

void TestRecorder::bufferReadConcurrentlyWithWriter()
{
    ThreadBuffer buffer(3);
    std::atomic<bool> done{false};
    std::atomic<int> drains{0};
    std::thread writer([&] {
        for (int i = 0; i < kManyEvents; ++i) {
            buffer.append(EventKind::Mark, 103, i, quint32(i * 3));
            // Every so often, let at least one drain run in between, so
            // reading really overlaps writing (also across chunk ends).
            if (i % 997 == 0)
                waitForNextDrain(drains);
        }
        done.store(true, std::memory_order_release);
    });
    std::vector<TraceEvent> out;
    while (!done.load(std::memory_order_acquire)) {
        buffer.drainInto(out);
        drains.fetch_add(1);
    }
    writer.join();
    buffer.drainInto(out);
    QCOMPARE(checkSequences(out, {{3, kManyEvents}}), QString());
    QVERIFY(drains.load() > kManyEvents / 997);
}

void TestRecorder::bufferStampsCurrentActor()
{
    ThreadBuffer buffer(1);
    QCOMPARE(buffer.actor(), ActorId(1));
    buffer.append(EventKind::Mark, 0, 1, 0);
    buffer.setActor(7);
    QCOMPARE(buffer.actor(), ActorId(7));
    buffer.append(EventKind::Mark, 0, 2, 0);
    buffer.setActor(1);
    buffer.append(EventKind::Mark, 0, 3, 0);
    std::vector<TraceEvent> out;
    buffer.drainInto(out);
    QCOMPARE(out.size(), size_t(3));
    QCOMPARE(out[0].actor, ActorId(1));
    QCOMPARE(out[1].actor, ActorId(7));
    QCOMPARE(out[2].actor, ActorId(1));
}

void TestRecorder::recordWithoutBufferDoesNothing()
{
    QVERIFY(trace::t_buffer == nullptr);
    QCOMPARE(trace::currentActor(), ActorId(0));
    Recorder recorder;
    trace::record(EventKind::Mark, 1, 2, 3);
    { trace::Span span(EventKind::SleepBegin, EventKind::SleepEnd); }
    QVERIFY(recorder.drain().isEmpty());
}

void TestRecorder::recordGoesToAttachedThread()
{
    Recorder recorder;
    ActorInfo info;
    info.name = QStringLiteral("worker");
    const ActorId actor = recorder.addActor(info);
    recorder.attachCurrentThread(actor);
    QVERIFY(trace::t_buffer != nullptr);
    QCOMPARE(trace::currentActor(), actor);
    trace::record(EventKind::Mark, 4, 5, 6);
    trace::record(EventKind::EventSet, 8);
    Recorder::detachCurrentThread();
    QVERIFY(trace::t_buffer == nullptr);
    QCOMPARE(trace::currentActor(), ActorId(0));
    trace::record(EventKind::Mark, 4, 99, 6); // not recorded: detached

    const TraceBatch batch = recorder.drain();
    QCOMPARE(batch.events.size(), size_t(2));
    QCOMPARE(batch.events[0].kind, EventKind::Mark);
    QCOMPARE(batch.events[0].actor, actor);
    QCOMPARE(batch.events[0].object, ObjectId(4));
    QCOMPARE(batch.events[0].value, qint64(5));
    QCOMPARE(batch.events[0].aux, quint32(6));
    QCOMPARE(batch.events[1].kind, EventKind::EventSet);
    QCOMPARE(batch.events[1].object, ObjectId(8));
    QCOMPARE(batch.events[1].value, qint64(0));
    QCOMPARE(batch.events[1].aux, quint32(0));
}

void TestRecorder::spanRecordsBeginAndEnd()
{
    Recorder recorder;
    const ActorId actor = recorder.addActor({});
    recorder.attachCurrentThread(actor);
    {
        trace::Span span(EventKind::IoBegin, EventKind::IoEnd, 12, 34);
        trace::record(EventKind::Mark);
    }
    Recorder::detachCurrentThread();
    const TraceBatch batch = recorder.drain();
    QCOMPARE(batch.events.size(), size_t(3));
    QCOMPARE(batch.events[0].kind, EventKind::IoBegin);
    QCOMPARE(batch.events[0].object, ObjectId(12));
    QCOMPARE(batch.events[0].value, qint64(34));
    QCOMPARE(batch.events[1].kind, EventKind::Mark);
    QCOMPARE(batch.events[2].kind, EventKind::IoEnd);
    QCOMPARE(batch.events[2].object, ObjectId(12));
    QVERIFY(batch.events[0].ts <= batch.events[2].ts);
}

void TestRecorder::spanRecordsEndWhenUnwinding()
{
    Recorder recorder;
    recorder.attachCurrentThread(recorder.addActor({}));
    bool caught = false;
    try {
        trace::Span span(EventKind::SleepBegin, EventKind::SleepEnd, 3, 1000);
        throw std::runtime_error("interrupted");
    } catch (const std::runtime_error &) {
        caught = true;
    }
    Recorder::detachCurrentThread();
    QVERIFY(caught);
    const TraceBatch batch = recorder.drain();
    QCOMPARE(batch.events.size(), size_t(2));
    QCOMPARE(batch.events[0].kind, EventKind::SleepBegin);
    QCOMPARE(batch.events[1].kind, EventKind::SleepEnd);
    QCOMPARE(batch.events[1].object, ObjectId(3));
}

void TestRecorder::actorsGetIdsAndAreSentWhenChanged()
{
    Recorder recorder;
    ActorInfo a;
    a.kind = ActorKind::Process;
    a.name = QStringLiteral("p");
    ActorInfo b;
    b.name = QStringLiteral("t1");
    b.parent = 1;
    ActorInfo c;
    c.kind = ActorKind::Coroutine;
    c.name = QStringLiteral("co");
    c.id = 77; // ignored: ids are assigned
    QCOMPARE(recorder.addActor(a), ActorId(1));
    QCOMPARE(recorder.addActor(b), ActorId(2));
    QCOMPARE(recorder.addActor(c), ActorId(3));

    const std::vector<ActorInfo> all = recorder.actors();
    QCOMPARE(all.size(), size_t(3));
    QCOMPARE(all[0].id, ActorId(1));
    QCOMPARE(all[0].kind, ActorKind::Process);
    QCOMPARE(all[1].name, QStringLiteral("t1"));
    QCOMPARE(all[1].parent, ActorId(1));
    QCOMPARE(all[2].id, ActorId(3));
    QCOMPARE(all[2].kind, ActorKind::Coroutine);

    TraceBatch first = recorder.drain();
    QCOMPARE(first.actors.size(), size_t(3));
    QCOMPARE(first.actors[2].name, QStringLiteral("co"));

    // Only a changed actor is sent again, once however often it changed.
    recorder.setActorOsId(2, 4242);
    recorder.setActorOsId(2, 4243);
    recorder.setActorOsId(0, 1);   // no such actor: ignored
    recorder.setActorOsId(99, 1);  // no such actor: ignored
    TraceBatch second = recorder.drain();
    QCOMPARE(second.actors.size(), size_t(1));
    QCOMPARE(second.actors[0].id, ActorId(2));
    QCOMPARE(second.actors[0].osId, qint64(4243));
    QCOMPARE(recorder.actors()[1].osId, qint64(4243));

    QVERIFY(recorder.drain().actors.empty());
}

void TestRecorder::objectsGetIdsAndAreSentOnce()
{
    Recorder recorder;
    ObjectInfo lock;
    lock.kind = ObjectKind::Lock;
    lock.name = QStringLiteral("L");
    ObjectInfo queue;
    queue.kind = ObjectKind::Queue;
    queue.name = QStringLiteral("Q");
    queue.capacity = 5;
    QCOMPARE(recorder.addObject(lock), ObjectId(1));
    QCOMPARE(recorder.addObject(queue), ObjectId(2));

    TraceBatch first = recorder.drain();
    QCOMPARE(first.objects.size(), size_t(2));
    QCOMPARE(first.objects[0].id, ObjectId(1));
    QCOMPARE(first.objects[1].capacity, qint64(5));
    QCOMPARE(first.objects[1].kind, ObjectKind::Queue);

    ObjectInfo cond;
    cond.kind = ObjectKind::Condition;
    cond.owner = 1;
    QCOMPARE(recorder.addObject(cond), ObjectId(3));
    TraceBatch second = recorder.drain();
    QCOMPARE(second.objects.size(), size_t(1));
    QCOMPARE(second.objects[0].id, ObjectId(3));
    QCOMPARE(second.objects[0].owner, ObjectId(1));
    QCOMPARE(recorder.objects().size(), size_t(3));
    QVERIFY(recorder.drain().objects.empty());
}

void TestRecorder::foreignEventsMergedInTimeOrder()
{
    Recorder recorder;
    const ActorId local = recorder.addActor({});
    const ActorId remote = recorder.addActor({});
    recorder.attachCurrentThread(local);
    trace::record(EventKind::Mark, 0, 1);
    QThread::msleep(3);
    const qint64 middle = Clock::monotonicNs();
    QThread::msleep(3);
    trace::record(EventKind::Mark, 0, 2);
    Recorder::detachCurrentThread();

    auto foreignEvent = [&](qint64 ts, qint64 value) {
        TraceEvent e;
        e.ts = ts;
        e.actor = remote;
        e.kind = EventKind::Mark;
        e.value = value;
        return e;
    };
    recorder.addForeignEvents({foreignEvent(middle, 10), foreignEvent(middle + 1, 11)});
    recorder.addForeignEvents({foreignEvent(0, 9)});

    const TraceBatch batch = recorder.drain();
    QCOMPARE(batch.events.size(), size_t(5));
    QVERIFY(sortedByTime(batch.events));
    QList<qint64> values;
    for (const TraceEvent &e : batch.events)
        values << e.value;
    QCOMPARE(values, (QList<qint64>{9, 1, 10, 11, 2}));
    // Foreign events keep their stamps untouched, and are handed out once.
    QCOMPARE(batch.events[2].ts, middle);
    QVERIFY(recorder.drain().events.empty());
}

void TestRecorder::drainWithNothingNewIsEmpty()
{
    Recorder recorder;
    QVERIFY(recorder.drain().isEmpty());
    recorder.attachCurrentThread(recorder.addActor({}));
    trace::record(EventKind::Mark);
    Recorder::detachCurrentThread();
    QVERIFY(!recorder.drain().isEmpty());
    QVERIFY(recorder.drain().isEmpty());
}

void TestRecorder::eventsSurviveTheirThread()
{
    Recorder recorder;
    const ActorId actor = recorder.addActor({});
    std::thread([&] {
        recorder.attachCurrentThread(actor);
        recordSequence(actor, 1000);
        // Exits still attached: the buffer belongs to the recorder.
    }).join();
    const TraceBatch batch = recorder.drain();
    QCOMPARE(checkSequences(batch.events, {{actor, 1000}}), QString());
}

void TestRecorder::concurrentRecordersWithRepeatedDrains()
{
    constexpr int kThreads = 4;
    constexpr int kPerThread = 20'000; // more than the largest chunk
    Recorder recorder;
    std::vector<ActorId> actors;
    for (int i = 0; i < kThreads; ++i)
        actors.push_back(recorder.addActor({}));

    std::atomic<int> finished{0};
    std::atomic<int> drains{0};
    std::vector<std::thread> writers;
    for (int i = 0; i < kThreads; ++i) {
        writers.emplace_back([&, actor = actors[size_t(i)]] {
            recorder.attachCurrentThread(actor);
            recordSequence(actor, kPerThread, &drains);
            Recorder::detachCurrentThread();
            finished.fetch_add(1);
        });
    }

    // Another thread drains over and over while the writers run.
    std::vector<TraceBatch> batches;
    std::thread drainer([&] {
        while (finished.load() < kThreads) {
            batches.push_back(recorder.drain());
            drains.fetch_add(1);
        }
        batches.push_back(recorder.drain());
    });
    for (auto &w : writers)
        w.join();
    drainer.join();

    Trace trace;
    std::vector<TraceEvent> all;
    int nonEmptyBatches = 0;
    for (TraceBatch &b : batches) {
        QVERIFY(sortedByTime(b.events));
        nonEmptyBatches += b.events.empty() ? 0 : 1;
        all.insert(all.end(), b.events.begin(), b.events.end());
        trace.merge(std::move(b));
    }
    // Each second forced drain holds new events: they came in many batches.
    QVERIFY(nonEmptyBatches >= kPerThread / 1999 / 2);
    std::map<ActorId, qint64> expected;
    for (ActorId a : actors)
        expected[a] = kPerThread;
    // Concatenated batches: per actor, every event once and in order.
    QCOMPARE(checkSequences(all, expected), QString());
    // The merged trace: same, and globally in time order.
    QCOMPARE(trace.events().size(), size_t(kThreads * kPerThread));
    QVERIFY(sortedByTime(trace.events()));
    QCOMPARE(checkSequences(trace.events(), expected), QString());
}

void TestRecorder::destroyingRecorderDetachesCallingThread()
{
    {
        Recorder recorder;
        recorder.attachCurrentThread(recorder.addActor({}));
        QVERIFY(trace::t_buffer != nullptr);
    }
    QVERIFY(trace::t_buffer == nullptr);
    trace::record(EventKind::Mark); // must not touch freed memory
    QCOMPARE(trace::currentActor(), ActorId(0));
}

QTEST_GUILESS_MAIN(TestRecorder)
#include "tst_recorder.moc"
