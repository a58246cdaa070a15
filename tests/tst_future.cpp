// concurrent.futures.Future semantics of clab::Future, driven directly (the
// worker's side: setRunningOrNotifyCancel, value, finish) and through a pool.

#include "testsupport.h"

#include "sync/event.h"
#include "threads/errors.h"
#include "threads/future.h"
#include "threads/thread.h"
#include "threads/threadpoolexecutor.h"

#include <QElapsedTimer>
#include <QtTest>
#include <atomic>
#include <mutex>
#include <thread>
#include <vector>

using namespace clab;
using clab::test::RunFixture;
using clab::test::countEvents;
using clab::test::eventually;

namespace {

StateRef<FutureData<int>> pendingData(qint64 task = 1)
{
    return StateRef<FutureData<int>>::make(ObjectId(0), task);
}

// What a worker does with a task that returns `value` (any thread may call
// it; the test checks the result).
bool complete(FutureData<int> &data, int value)
{
    if (!data.setRunningOrNotifyCancel())
        return false;
    data.value.emplace(value);
    data.finish(nullptr);
    return true;
}

bool fail(FutureData<int> &data, std::exception_ptr error)
{
    if (!data.setRunningOrNotifyCancel())
        return false;
    data.finish(std::move(error));
    return true;
}

template <class E, class F>
QString messageOf(F &&call)
{
    try {
        call();
    } catch (const E &e) {
        return QStringLiteral("%1: %2").arg(QLatin1String(e.pythonType()), QString::fromUtf8(e.what()));
    } catch (const std::exception &e) {
        return QStringLiteral("other: %1").arg(QString::fromUtf8(e.what()));
    }
    return QStringLiteral("nothing raised");
}

} // namespace

class TestFuture : public QObject
{
    Q_OBJECT

private slots:
    void statesOfALifetime();
    void resultReturnsTheValue();
    void resultOfVoidTask();
    void resultRethrowsWhatTheTaskRaised();
    void resultWaitsForAnotherThread();
    void resultTimesOut_data();
    void resultTimesOut();
    void cancelBeforeStart();
    void cancelFailsOnceRunningOrDone_data();
    void cancelFailsOnceRunningOrDone();
    void cancelQueuedPoolTask();
    void doneCallbackAddedBeforeDone();
    void doneCallbackAddedAfterDone();
    void doneCallbackOnCancel();
    void doneCallbackExceptionsAreIgnored();
    void resultIsRecorded();
};

void TestFuture::statesOfALifetime()
{
    auto data = pendingData();
    Future<int> f(data);
    QVERIFY(f.isValid());
    QVERIFY(!Future<int>().isValid());
    QVERIFY(!f.running() && !f.done() && !f.cancelled());
    QVERIFY(data->setRunningOrNotifyCancel());
    QVERIFY(f.running() && !f.done() && !f.cancelled());
    data->value.emplace(3);
    data->finish(nullptr);
    QVERIFY(!f.running() && f.done() && !f.cancelled());
    QCOMPARE(f.taskId(), qint64(1));
}

void TestFuture::resultReturnsTheValue()
{
    auto data = pendingData();
    Future<int> f(data);
    QVERIFY(complete(*data, 42));
    QCOMPARE(f.result(), 42);
    QCOMPARE(f.result(0.0), 42); // done: no timeout can trigger
    QVERIFY(!f.exception());

    ThreadPoolExecutor pool(2);
    Future<QString> s = pool.submit([](const QString &a, int n) { return a.repeated(n); }, QStringLiteral("ab"), 3);
    QCOMPARE(s.result(5.0), QStringLiteral("ababab"));
    QVERIFY(s.done());
    QVERIFY(!s.exception());
}

void TestFuture::resultOfVoidTask()
{
    ThreadPoolExecutor pool(1);
    std::atomic<int> ran{0};
    Future<void> f = pool.submit([&] { ran.fetch_add(1); });
    f.result(5.0);
    QCOMPARE(ran.load(), 1);
    QVERIFY(f.done());
    QVERIFY(!f.exception());

    Future<void> bad = pool.submit([] { throw RuntimeError("void task failed"); });
    QCOMPARE(messageOf<RuntimeError>([&] { bad.result(5.0); }), QStringLiteral("RuntimeError: void task failed"));
}

void TestFuture::resultRethrowsWhatTheTaskRaised()
{
    auto data = pendingData();
    Future<int> f(data);
    QVERIFY(fail(*data, std::make_exception_ptr(ValueError("math domain error"))));
    QVERIFY(f.done());
    QVERIFY(!f.cancelled());
    // Every call raises it again.
    for (int i = 0; i < 2; ++i)
        QCOMPARE(messageOf<ValueError>([&] { f.result(); }), QStringLiteral("ValueError: math domain error"));
    const std::exception_ptr e = f.exception();
    QVERIFY(e);
    QCOMPARE(messageOf<ValueError>([&] { std::rethrow_exception(e); }), QStringLiteral("ValueError: math domain error"));

    // Through a pool, from the worker thread.
    ThreadPoolExecutor pool(1);
    Future<int> p = pool.submit([]() -> int { throw QueueEmpty(); });
    QCOMPARE(messageOf<QueueEmpty>([&] { p.result(5.0); }), QStringLiteral("queue.Empty: queue is empty"));
    QVERIFY(p.exception());
}

void TestFuture::resultWaitsForAnotherThread()
{
    auto data = pendingData();
    Future<int> f(data);
    std::atomic<bool> completed{false};
    std::thread worker([&] { completed = complete(*data, 7); });
    QCOMPARE(f.result(10.0), 7);
    worker.join();
    QVERIFY(completed.load());
}

void TestFuture::resultTimesOut_data()
{
    QTest::addColumn<bool>("inRun");
    QTest::addColumn<double>("timeout");
    QTest::newRow("timeout 0, outside a run") << false << 0.0;
    QTest::newRow("timeout 0.05, outside a run") << false << 0.05;
    QTest::newRow("timeout 0, in a run") << true << 0.0;
    QTest::newRow("timeout 0.05, in a run") << true << 0.05;
}

void TestFuture::resultTimesOut()
{
    QFETCH(bool, inRun);
    QFETCH(double, timeout);

    std::optional<RunFixture> fx;
    if (inRun)
        fx.emplace();
    auto data = pendingData();
    Future<int> f(data);
    QElapsedTimer timer;
    timer.start();
    QCOMPARE(messageOf<TimeoutError>([&] { f.result(timeout); }), QStringLiteral("TimeoutError: "));
    QVERIFY(timer.elapsed() >= qint64(timeout * 1000) - 1);
    QCOMPARE(messageOf<TimeoutError>([&] { f.exception(timeout); }), QStringLiteral("TimeoutError: "));
    QVERIFY(!f.done());
    QVERIFY(!f.cancelled());
    // A timeout changes nothing: the future can still complete.
    QVERIFY(complete(*data, 5));
    QCOMPARE(f.result(timeout), 5);
}

void TestFuture::cancelBeforeStart()
{
    auto data = pendingData();
    Future<int> f(data);
    QVERIFY(f.cancel());
    QVERIFY(f.cancelled());
    QVERIFY(f.done());
    QVERIFY(!f.running());
    QVERIFY(f.cancel()); // cancelling again still reports it cancelled
    // The worker must not run it.
    QVERIFY(!data->setRunningOrNotifyCancel());
    QVERIFY(f.cancelled());
    QCOMPARE(messageOf<CancelledError>([&] { f.result(); }), QStringLiteral("CancelledError: "));
    QCOMPARE(messageOf<CancelledError>([&] { f.result(0.0); }), QStringLiteral("CancelledError: "));
    QCOMPARE(messageOf<CancelledError>([&] { f.exception(); }), QStringLiteral("CancelledError: "));
}

void TestFuture::cancelFailsOnceRunningOrDone_data()
{
    QTest::addColumn<QString>("state");
    QTest::newRow("running") << QStringLiteral("running");
    QTest::newRow("finished") << QStringLiteral("finished");
    QTest::newRow("raised") << QStringLiteral("raised");
}

void TestFuture::cancelFailsOnceRunningOrDone()
{
    QFETCH(QString, state);
    auto data = pendingData();
    Future<int> f(data);
    QVERIFY(data->setRunningOrNotifyCancel());
    if (state == QLatin1String("finished")) {
        data->value.emplace(1);
        data->finish(nullptr);
    } else if (state == QLatin1String("raised")) {
        data->finish(std::make_exception_ptr(RuntimeError("x")));
    }
    QVERIFY(!f.cancel());
    QVERIFY(!f.cancelled());
    QCOMPARE(f.running(), state == QLatin1String("running"));
    if (state == QLatin1String("running")) {
        data->value.emplace(9);
        data->finish(nullptr);
        QCOMPARE(f.result(), 9);
    }
}

void TestFuture::cancelQueuedPoolTask()
{
    ThreadPoolExecutor pool(1);
    Event release;
    std::atomic<int> secondRan{0};
    Future<int> first = pool.submit([&] {
        release.wait();
        return 1;
    });
    Future<int> second = pool.submit([&] {
        secondRan.fetch_add(1);
        return 2;
    });
    QVERIFY(eventually([&] { return first.running(); }));
    QVERIFY(!first.cancel()); // running
    QVERIFY(second.cancel()); // still queued behind it
    release.set();
    QCOMPARE(first.result(5.0), 1);
    QCOMPARE(messageOf<CancelledError>([&] { second.result(5.0); }), QStringLiteral("CancelledError: "));
    pool.shutdown(true);
    QCOMPARE(secondRan.load(), 0);
}

void TestFuture::doneCallbackAddedBeforeDone()
{
    auto data = pendingData();
    Future<int> f(data);
    std::mutex mutex;
    std::vector<int> order;
    std::vector<std::thread::id> threads;
    std::vector<int> seenResults;
    for (int i = 1; i <= 3; ++i) {
        f.addDoneCallback([&, i](const Future<int> &done) {
            std::lock_guard lock(mutex);
            order.push_back(i);
            threads.push_back(std::this_thread::get_id());
            // It is called with the future, already done.
            seenResults.push_back(done.done() ? done.result() : -1);
        });
    }
    {
        std::lock_guard lock(mutex);
        QVERIFY(order.empty());
    }
    std::thread::id completer;
    bool completed = false;
    std::thread worker([&] {
        completer = std::this_thread::get_id();
        completed = complete(*data, 11);
    });
    worker.join();
    QVERIFY(completed);
    QCOMPARE(order, (std::vector<int>{1, 2, 3})); // in the order they were added
    QCOMPARE(seenResults, (std::vector<int>{11, 11, 11}));
    for (const auto &id : threads)
        QVERIFY(id == completer); // on the thread that completed it
}

void TestFuture::doneCallbackAddedAfterDone()
{
    auto data = pendingData();
    Future<int> f(data);
    QVERIFY(complete(*data, 4));
    int calls = 0;
    int seen = 0;
    std::thread::id where;
    f.addDoneCallback([&](const Future<int> &done) {
        ++calls;
        seen = done.result();
        where = std::this_thread::get_id();
    });
    // At once, on the calling thread, before addDoneCallback returns.
    QCOMPARE(calls, 1);
    QCOMPARE(seen, 4);
    QVERIFY(where == std::this_thread::get_id());
}

void TestFuture::doneCallbackOnCancel()
{
    auto data = pendingData();
    Future<int> f(data);
    int calls = 0;
    bool sawCancelled = false;
    f.addDoneCallback([&](const Future<int> &done) {
        ++calls;
        sawCancelled = done.cancelled();
    });
    QCOMPARE(calls, 0);
    QVERIFY(f.cancel());
    QCOMPARE(calls, 1);
    QVERIFY(sawCancelled);
    QVERIFY(f.cancel());
    QCOMPARE(calls, 1); // cancelling again does not call it again
    // Added after the cancel: called at once.
    f.addDoneCallback([&](const Future<int> &) { ++calls; });
    QCOMPARE(calls, 2);
}

void TestFuture::doneCallbackExceptionsAreIgnored()
{
    auto data = pendingData();
    Future<int> f(data);
    std::vector<int> order;
    f.addDoneCallback([&](const Future<int> &) {
        order.push_back(1);
        throw ValueError("callback failed");
    });
    f.addDoneCallback([&](const Future<int> &) {
        order.push_back(2);
        throw 42; // not even an exception class
    });
    f.addDoneCallback([&](const Future<int> &) { order.push_back(3); });
    QVERIFY(data->setRunningOrNotifyCancel());
    data->value.emplace(8);
    data->finish(nullptr); // must not throw
    QCOMPARE(order, (std::vector<int>{1, 2, 3}));
    QCOMPARE(f.result(), 8);
    QVERIFY(!f.exception());
    // After done: raising from the callback does not reach the caller.
    f.addDoneCallback([&](const Future<int> &) {
        order.push_back(4);
        throw RuntimeError("late callback failed");
    });
    QCOMPARE(order.back(), 4);

    // Through a pool: the worker survives a failing callback.
    ThreadPoolExecutor pool(1);
    Future<int> a = pool.submit([] { return 1; });
    a.addDoneCallback([](const Future<int> &) { throw RuntimeError("boom"); });
    QCOMPARE(a.result(5.0), 1);
    QCOMPARE(pool.submit([] { return 2; }).result(5.0), 2);
    QCOMPARE(pool.workerCount(), 1);
}

void TestFuture::resultIsRecorded()
{
    RunFixture fx;
    const ActorId me = fx.main->actor();
    ThreadPoolExecutor pool(1);
    Future<int> f = pool.submit([] { return 5; });
    QCOMPARE(f.result(5.0), 5);
    QCOMPARE(f.result(5.0), 5);
    Future<int> cancelled(StateRef<FutureData<int>>::make(pool.id(), 77));
    QVERIFY(cancelled.cancel());
    pool.shutdown(true);
    const Trace trace = fx.finish();
    int taken = 0;
    for (const TraceEvent &e : trace.events()) {
        if (e.kind == EventKind::ResultTaken) {
            ++taken;
            QCOMPARE(e.actor, me);
            QCOMPARE(e.object, pool.id());
            QCOMPARE(e.value, f.taskId());
        }
    }
    QCOMPARE(taken, 2); // each result() call
    QCOMPARE(countEvents(trace, EventKind::TaskCancelled, pool.id()), 1);
}

QTEST_GUILESS_MAIN(TestFuture)
#include "tst_future.moc"
