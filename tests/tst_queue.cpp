// Tests for clab::Queue (core/sync/queue.h): queue.Queue semantics, its
// errors, blocking and timeouts, and the item ids a run records.

#include "testsupport.h"
#include "sync/queue.h"
#include "threads/errors.h"
#include "threads/thread.h"
#include "trace/timeline.h"

#include <QElapsedTimer>
#include <QtTest>

#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

using namespace clab;
using namespace clab::test;

using Operation = std::function<void()>;
Q_DECLARE_METATYPE(Operation)

namespace {

template <class F>
QString pythonError(F &&f)
{
    try {
        f();
    } catch (const PythonError &e) {
        return QString::fromStdString(e.describe());
    } catch (const std::logic_error &e) {
        return QStringLiteral("check failed: ") + QString::fromLatin1(e.what());
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

void require(bool condition, const char *what)
{
    if (!condition)
        throw std::logic_error(what);
}

} // namespace

class TestQueue : public QObject
{
    Q_OBJECT

private slots:
    void firstInFirstOut();
    void nonPositiveMaxsizeIsUnbounded_data();
    void nonPositiveMaxsizeIsUnbounded();
    void errors_data();
    void errors();
    void timeoutsRaiseAfterWaiting();
    void blockingGetWaitsForAPut();
    void blockingPutWaitsForSpace();
    void joinWaitsForEveryTaskDone();
    void manyProducersAndConsumers();
    void moveOnlyItems();
    void recordsItemsDepthAndTasks();
    void handoffsFromARealRun();
    void cancelUnblocks_data();
    void cancelUnblocks();
};

void TestQueue::firstInFirstOut()
{
    Queue<int> queue(3);
    QCOMPARE(queue.maxsize(), 3);
    QVERIFY(queue.empty());
    QVERIFY(!queue.full());
    QCOMPARE(queue.qsize(), 0);
    queue.put(1);
    queue.put(2, false);
    queue.putNowait(3);
    QVERIFY(queue.full());
    QCOMPARE(queue.qsize(), 3);
    QCOMPARE(queue.get(), 1);
    QCOMPARE(queue.get(false), 2);
    queue.put(4);
    QCOMPARE(queue.getNowait(), 3);
    QCOMPARE(queue.get(true, 1.0), 4);
    QVERIFY(queue.empty());
    QCOMPARE(queue.name(), QStringLiteral("Queue"));
}

void TestQueue::nonPositiveMaxsizeIsUnbounded_data()
{
    QTest::addColumn<int>("maxsize");
    QTest::newRow("0") << 0;
    QTest::newRow("-1") << -1;
}

void TestQueue::nonPositiveMaxsizeIsUnbounded()
{
    QFETCH(int, maxsize);
    Queue<int> queue(maxsize);
    for (int i = 0; i < 1000; ++i)
        queue.putNowait(i);
    QVERIFY(!queue.full());
    QCOMPARE(queue.qsize(), 1000);
    for (int i = 0; i < 1000; ++i)
        QCOMPARE(queue.getNowait(), i);
}

void TestQueue::errors_data()
{
    QTest::addColumn<Operation>("operation");
    QTest::addColumn<QString>("error"); // expected start of "Type: message"
    const QString empty = QStringLiteral("queue.Empty");
    const QString full = QStringLiteral("queue.Full");
    const QString negative = QStringLiteral("ValueError: 'timeout' must be a non-negative number");
    const QString tooMany = QStringLiteral("ValueError: task_done() called too many times");

    QTest::newRow("get_nowait from empty") << Operation([] { Queue<int> q; q.getNowait(); }) << empty;
    QTest::newRow("non-blocking get ignores the timeout")
        << Operation([] { Queue<int> q; q.get(false, 30.0); }) << empty;
    QTest::newRow("non-blocking get ignores a negative timeout")
        << Operation([] { Queue<int> q; q.get(false, -1.0); }) << empty;
    QTest::newRow("get with timeout 0 from empty") << Operation([] { Queue<int> q; q.get(true, 0.0); }) << empty;
    QTest::newRow("get with negative timeout") << Operation([] { Queue<int> q; q.get(true, -1.0); }) << negative;
    QTest::newRow("get with negative timeout, items waiting") << Operation([] {
        Queue<int> q;
        q.put(1);
        try {
            q.get(true, -0.5);
        } catch (const ValueError &) {
            require(q.qsize() == 1, "item lost");
            throw;
        }
    }) << negative;
    QTest::newRow("put_nowait on full") << Operation([] {
        Queue<int> q(1);
        q.put(1);
        try {
            q.putNowait(2);
        } catch (const QueueFull &) {
            require(q.qsize() == 1 && q.get() == 1, "queue changed");
            throw;
        }
    }) << full;
    QTest::newRow("put with timeout 0 on full") << Operation([] {
        Queue<int> q(1);
        q.put(1);
        q.put(2, true, 0.0);
    }) << full;
    QTest::newRow("bounded put with negative timeout") << Operation([] {
        Queue<int> q(5);
        q.put(1, true, -1.0);
    }) << negative;
    QTest::newRow("unbounded put with negative timeout is accepted") << Operation([] {
        Queue<int> q;
        q.put(1, true, -1.0);
        require(q.get() == 1, "item");
    }) << QString();
    QTest::newRow("non-blocking bounded put ignores a negative timeout") << Operation([] {
        Queue<int> q(2);
        q.put(1, false, -1.0);
        require(q.qsize() == 1, "item");
    }) << QString();
    QTest::newRow("task_done with nothing put") << Operation([] { Queue<int> q; q.taskDone(); }) << tooMany;
    QTest::newRow("task_done once too often") << Operation([] {
        Queue<int> q;
        q.put(1);
        q.put(2);
        q.get();
        q.get();
        q.taskDone();
        q.taskDone();
        q.taskDone();
    }) << tooMany;
    QTest::newRow("task_done may precede get") << Operation([] {
        // Python counts unfinished puts, not gets.
        Queue<int> q;
        q.put(1);
        q.taskDone();
        q.join(0.0);
    }) << QString();
}

void TestQueue::errors()
{
    QFETCH(Operation, operation);
    QFETCH(QString, error);
    const QString actual = pythonError(operation);
    if (error.isEmpty())
        QCOMPARE(actual, QString());
    else
        QVERIFY2(actual.startsWith(error + QLatin1Char(':')) || actual == error, qPrintable(actual));
}

void TestQueue::timeoutsRaiseAfterWaiting()
{
    Queue<int> queue(1);
    QElapsedTimer timer;
    timer.start();
    try {
        queue.get(true, 0.05);
        QFAIL("no queue.Empty");
    } catch (const QueueEmpty &e) {
        QCOMPARE(QString::fromLatin1(e.pythonType()), QStringLiteral("queue.Empty"));
    }
    QVERIFY(timer.nsecsElapsed() >= 50'000'000);
    queue.put(1);
    timer.restart();
    try {
        queue.put(2, true, 0.05);
        QFAIL("no queue.Full");
    } catch (const QueueFull &e) {
        QCOMPARE(QString::fromLatin1(e.pythonType()), QStringLiteral("queue.Full"));
    }
    QVERIFY(timer.nsecsElapsed() >= 50'000'000);
    QCOMPARE(queue.qsize(), 1);
    QCOMPARE(queue.get(), 1);
}

void TestQueue::blockingGetWaitsForAPut()
{
    Queue<int> queue;
    std::atomic<bool> started{false};
    int got = 0;
    std::thread consumer([&] {
        started = true;
        got = queue.get(true, 30.0);
    });
    QVERIFY(eventually([&] { return started.load(); }));
    queue.put(99);
    consumer.join();
    QCOMPARE(got, 99);
    QVERIFY(queue.empty());
}

void TestQueue::blockingPutWaitsForSpace()
{
    Queue<int> queue(1);
    queue.put(1);
    std::atomic<bool> putDone{false};
    std::thread producer([&] {
        queue.put(2, true, 30.0);
        putDone = true;
    });
    // While the queue is full the put cannot complete.
    QVERIFY(queue.full());
    QCOMPARE(queue.get(), 1);
    producer.join();
    QVERIFY(putDone.load());
    QCOMPARE(queue.qsize(), 1);
    QCOMPARE(queue.get(), 2);
}

void TestQueue::joinWaitsForEveryTaskDone()
{
    Queue<int> queue;
    for (int i = 0; i < 3; ++i)
        queue.put(i);
    // With tasks unfinished, a timed join returns only after its timeout.
    QElapsedTimer timer;
    timer.start();
    queue.join(0.03);
    QVERIFY(timer.nsecsElapsed() >= 30'000'000);

    std::atomic<int> done{0};
    std::thread worker([&] {
        for (int i = 0; i < 3; ++i) {
            queue.get();
            done.fetch_add(1);
            queue.taskDone();
        }
    });
    queue.join(); // returns once all three are done
    QCOMPARE(done.load(), 3);
    worker.join();
    QCOMPARE(pythonError([&] { queue.taskDone(); }),
             QStringLiteral("ValueError: task_done() called too many times"));
}

void TestQueue::manyProducersAndConsumers()
{
    constexpr int kProducers = 3;
    constexpr int kConsumers = 2;
    constexpr int kItems = 2000;
    Queue<int> queue(8);
    std::mutex mutex;
    std::multiset<int> received; // guarded by mutex
    std::atomic<int> outOfOrder{0};
    std::vector<std::thread> threads;
    for (int c = 0; c < kConsumers; ++c) {
        threads.emplace_back([&] {
            std::map<int, int> lastSeen; // producer -> last sequence number
            for (;;) {
                const int item = queue.get();
                if (item < 0)
                    break;
                const int producer = item / 1'000'000;
                const int seq = item % 1'000'000;
                // FIFO: each consumer sees every producer's items in order.
                if (lastSeen.count(producer) && lastSeen[producer] >= seq)
                    outOfOrder.fetch_add(1);
                lastSeen[producer] = seq;
                std::lock_guard lock(mutex);
                received.insert(item);
            }
        });
    }
    std::vector<std::thread> producers;
    for (int p = 0; p < kProducers; ++p) {
        producers.emplace_back([&, p] {
            for (int i = 0; i < kItems; ++i)
                queue.put(p * 1'000'000 + i);
        });
    }
    for (auto &t : producers)
        t.join();
    for (int c = 0; c < kConsumers; ++c)
        queue.put(-1);
    for (auto &t : threads)
        t.join();
    QCOMPARE(outOfOrder.load(), 0);
    std::multiset<int> expected;
    for (int p = 0; p < kProducers; ++p)
        for (int i = 0; i < kItems; ++i)
            expected.insert(p * 1'000'000 + i);
    QVERIFY(received == expected);
    QVERIFY(queue.empty());
}

void TestQueue::moveOnlyItems()
{
    Queue<std::unique_ptr<int>> queue(2);
    queue.put(std::make_unique<int>(7));
    queue.put(std::make_unique<int>(8));
    std::unique_ptr<int> a = queue.get();
    std::unique_ptr<int> b = queue.get();
    QVERIFY(a && b);
    QCOMPARE(*a, 7);
    QCOMPARE(*b, 8);
}

void TestQueue::recordsItemsDepthAndTasks()
{
    RunFixture fx;
    Queue<QString> queue(3);
    Queue<int> unbounded(0, QStringLiteral("U"));
    QCOMPARE(queue.name(), QStringLiteral("Queue-1"));
    queue.put(QStringLiteral("a"));
    queue.put(QStringLiteral("b"));
    QCOMPARE(queue.get(), QStringLiteral("a"));
    queue.put(QStringLiteral("c"));
    queue.taskDone();
    QCOMPARE(queue.get(), QStringLiteral("b"));
    QCOMPARE(queue.get(), QStringLiteral("c"));
    queue.taskDone();
    queue.taskDone();
    queue.join();
    QVERIFY(pythonError([&] { queue.getNowait(); }).startsWith(QStringLiteral("queue.Empty")));
    unbounded.put(5);
    const ActorId main = fx.main->actor();
    const Trace trace = fx.finish();

    QCOMPARE(trace.object(queue.id())->kind, ObjectKind::Queue);
    QCOMPARE(trace.object(queue.id())->capacity, qint64(3));
    QCOMPARE(trace.object(unbounded.id())->capacity, qint64(0));
    // Put/Get: value = item id, aux = depth after. TaskDone: aux = unfinished.
    QStringList seen;
    for (const TraceEvent &e : eventsOf(trace, main, queue.id())) {
        const char *what = e.kind == EventKind::Put ? "put" : e.kind == EventKind::Get ? "get"
                         : e.kind == EventKind::TaskDone                                ? "done"
                                                                                         : "other";
        seen << QStringLiteral("%1 %2 %3").arg(QLatin1String(what)).arg(e.value).arg(e.aux);
    }
    QCOMPARE(seen, (QStringList{QStringLiteral("put 1 1"), QStringLiteral("put 2 2"), QStringLiteral("get 1 1"),
                                QStringLiteral("put 3 2"), QStringLiteral("done 0 2"), QStringLiteral("get 2 1"),
                                QStringLiteral("get 3 0"), QStringLiteral("done 0 1"), QStringLiteral("done 0 0")}));
    // Item ids are per queue.
    const std::vector<TraceEvent> other = eventsOf(trace, main, unbounded.id());
    QCOMPARE(other.size(), size_t(1));
    QCOMPARE(other[0].value, qint64(1));
    QCOMPARE(countEvents(trace, EventKind::WaitBegin), 0); // nothing had to wait
}

void TestQueue::handoffsFromARealRun()
{
    constexpr int kItems = 5;
    RunFixture fx;
    Queue<int> queue(1, QStringLiteral("Q"));
    Thread producer([&] {
        for (int i = 0; i < kItems; ++i)
            queue.put(i * 10);
    });
    auto cancelOnExit = qScopeGuard([&] { fx.context.cancel(); });
    producer.start();
    const ActorId producerActor = producer.actor();
    // Let the producer block on the full queue before the first get.
    QVERIFY(waitForEvent(fx, [&](const TraceEvent &e) {
        return e.kind == EventKind::WaitBegin && e.actor == producerActor && e.object == queue.id();
    }));
    for (int i = 0; i < kItems; ++i)
        QCOMPARE(queue.get(), i * 10);
    QVERIFY(producer.join(10.0));
    const ActorId main = fx.main->actor();
    const Trace trace = fx.finish();

    std::map<qint64, qint64> putAt, getAt; // item id -> time
    for (const TraceEvent &e : trace.events()) {
        if (e.object != queue.id())
            continue;
        if (e.kind == EventKind::Put) {
            QCOMPARE(e.actor, producerActor);
            putAt[e.value] = e.ts;
        } else if (e.kind == EventKind::Get) {
            QCOMPARE(e.actor, main);
            getAt[e.value] = e.ts;
        }
    }
    QCOMPARE(putAt.size(), size_t(kItems));
    QCOMPARE(getAt.size(), size_t(kItems));

    // One item flow per item, from its put to its get; the blocked putter's
    // waits end with wakes from the consumer's gets.
    std::set<qint64> itemsSeen;
    int wakesToProducer = 0;
    for (const Handoff &h : deriveHandoffs(trace)) {
        if (h.object != queue.id())
            continue;
        if (h.kind == HandoffKind::Item) {
            QCOMPARE(h.from, producerActor);
            QCOMPARE(h.to, main);
            QCOMPARE(h.fromNs, putAt[h.value]);
            QCOMPARE(h.toNs, getAt[h.value]);
            QVERIFY(itemsSeen.insert(h.value).second);
        } else if (h.kind == HandoffKind::Wake) {
            // Only gets wake anyone here: a put is drawn as its item.
            QCOMPARE(h.from, main);
            if (h.to == producerActor)
                ++wakesToProducer;
        }
    }
    QCOMPARE(itemsSeen, (std::set<qint64>{1, 2, 3, 4, 5}));
    QVERIFY(wakesToProducer >= 1);
    int producerWaitsSatisfied = 0;
    for (const TraceEvent &e : eventsOf(trace, producerActor, queue.id()))
        producerWaitsSatisfied += e.kind == EventKind::WaitEnd && e.value == qint64(WaitOutcome::Satisfied);
    QCOMPARE(wakesToProducer, producerWaitsSatisfied);
}

void TestQueue::cancelUnblocks_data()
{
    QTest::addColumn<int>("operation");
    QTest::newRow("get on an empty queue") << 0;
    QTest::newRow("put on a full queue") << 1;
    QTest::newRow("join with unfinished tasks") << 2;
}

void TestQueue::cancelUnblocks()
{
    QFETCH(int, operation);
    RunFixture fx;
    Queue<int> queue(1);
    if (operation != 0)
        queue.put(1);
    std::atomic<bool> cancelled{false};
    Thread worker([&] {
        try {
            if (operation == 0)
                queue.get();
            else if (operation == 1)
                queue.put(2);
            else
                queue.join();
        } catch (const RunCancelled &) {
            cancelled = true;
            throw;
        }
    });
    auto cancelOnExit = qScopeGuard([&] { fx.context.cancel(); });
    worker.start();
    const ActorId workerActor = worker.actor();
    QVERIFY(waitForEvent(fx, [&](const TraceEvent &e) {
        return e.kind == EventKind::WaitBegin && e.actor == workerActor;
    }));
    fx.context.cancel();
    QVERIFY(eventually([&] { return !worker.isAlive(); }));
    QVERIFY(cancelled.load());
    // Nothing was added or taken.
    QCOMPARE(queue.qsize(), operation == 0 ? 0 : 1);
    const Trace trace = fx.finish();
    const std::vector<TraceEvent> events = eventsOf(trace, workerActor, queue.id());
    QCOMPARE(events.size(), size_t(2));
    QCOMPARE(events[0].value, qint64(WaitReason::Queue));
    QCOMPARE(events[1].value, qint64(WaitOutcome::Cancelled));
}

QTEST_GUILESS_MAIN(TestQueue)
#include "tst_queue.moc"
