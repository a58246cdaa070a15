// concurrent.futures.ThreadPoolExecutor semantics of clab::ThreadPoolExecutor
// and what it records.

#include "testsupport.h"

#include "sync/event.h"
#include "threads/errors.h"
#include "threads/thread.h"
#include "threads/threadpoolexecutor.h"
#include "trace/timeline.h"

#include <QElapsedTimer>
#include <QSet>
#include <set>
#include <QtTest>
#include <atomic>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

using namespace clab;
using clab::test::RunFixture;
using clab::test::countEvents;
using clab::test::eventually;

namespace {

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

// Drains what the run recorded so far into the fixture's trace.
const Trace &drained(RunFixture &fx)
{
    fx.trace.merge(fx.context.recorder().drain());
    return fx.trace;
}

} // namespace

class TestThreadPoolExecutor : public QObject
{
    Q_OBJECT

private slots:
    void submitAndResult();
    void resultRethrowsTaskException();
    void mapKeepsInputOrder();
    void mapRethrowsFirstFailureInInputOrder();
    void mapTimeout();
    void mapTimeoutCancelsCallsNotStarted();
    void shutdownWaitWaitsForTasks();
    void shutdownWithoutWaitStillRunsQueuedTasks();
    void shutdownCancelFuturesCancelsQueued();
    void submitAfterShutdownFails_data();
    void submitAfterShutdownFails();
    void neverMoreThanMaxWorkers_data();
    void neverMoreThanMaxWorkers();
    void taskWaitingForALaterTaskGetsItsOwnWorker();
    void defaultMaxWorkers();
    void negativeMaxWorkersFails();
    void workerNames();
    void workerNamesWithPrefix();
    void recordsEveryTaskPath();
    void blockedWorkerIsCancelledWithTheRun();
    void destructorWaits();
    void everyTaskIsFreed_data();
    void everyTaskIsFreed();
    void queuedTasksAreCancelledWhenTheRunStops();
    void manySubmittersLoseNoTask();
};

void TestThreadPoolExecutor::submitAndResult()
{
    RunFixture fx;
    ThreadPoolExecutor pool(2);
    auto square = [](int x) { return x * x; };
    Future<int> a = pool.submit(square, 7);
    Future<int> b = pool.submit(square, -3);
    Future<QString> c = pool.submit([](const QString &s) { return s.toUpper(); }, QStringLiteral("pool"));
    QCOMPARE(a.result(5.0), 49);
    QCOMPARE(b.result(5.0), 9);
    QCOMPARE(c.result(5.0), QStringLiteral("POOL"));
    QVERIFY(a.done() && b.done() && c.done());
    QVERIFY(a.taskId() != b.taskId());
    // The task runs on a worker, not on the submitting thread.
    Future<QString> where = pool.submit([] { return Thread::currentName(); });
    QVERIFY(where.result(5.0).startsWith(QLatin1String("ThreadPoolExecutor-0_")));
}

void TestThreadPoolExecutor::resultRethrowsTaskException()
{
    RunFixture fx;
    ThreadPoolExecutor pool(1);
    Future<int> bad = pool.submit([](int x) -> int {
        if (x > 0)
            throw ValueError("negative number expected");
        return x;
    }, 5);
    QCOMPARE(messageOf<ValueError>([&] { bad.result(5.0); }), QStringLiteral("ValueError: negative number expected"));
    QVERIFY(bad.done());
    QVERIFY(bad.exception());
    // The worker survives a raising task.
    QCOMPARE(pool.submit([] { return 3; }).result(5.0), 3);
    QCOMPARE(pool.workerCount(), 1);
    pool.shutdown(true);
    const Trace trace = fx.finish();
    std::map<qint64, quint32> finished;
    for (const TraceEvent &e : trace.events()) {
        if (e.kind == EventKind::TaskFinished)
            finished[e.value] = e.aux;
    }
    QCOMPARE(finished.at(bad.taskId()), quint32(1));
    QCOMPARE(int(finished.size()), 2);
}

void TestThreadPoolExecutor::mapKeepsInputOrder()
{
    ThreadPoolExecutor pool(4);
    const std::vector<int> items{0, 1, 2, 3, 4, 5, 6, 7};
    std::mutex mutex;
    std::vector<int> completion;
    // Later items finish first.
    const std::vector<int> results = pool.map([&](int i) {
        clab::sleep(0.004 * (8 - i));
        std::lock_guard lock(mutex);
        completion.push_back(i);
        return i * 10;
    }, items);
    QCOMPARE(results, (std::vector<int>{0, 10, 20, 30, 40, 50, 60, 70}));
    QCOMPARE(int(completion.size()), 8);
}

void TestThreadPoolExecutor::mapRethrowsFirstFailureInInputOrder()
{
    ThreadPoolExecutor pool(6);
    std::atomic<int> ran{0};
    const QList<int> items{0, 1, 2, 3, 4, 5};
    // Item 4 fails at once, item 2 only later: the failure map reports is
    // item 2's, the first in input order.
    const QString message = messageOf<ValueError>([&] {
        pool.map([&](int i) {
            ran.fetch_add(1);
            if (i == 4)
                throw ValueError("item 4 failed");
            if (i == 2) {
                clab::sleep(0.03);
                throw ValueError("item 2 failed");
            }
            return i;
        }, items);
    });
    QCOMPARE(message, QStringLiteral("ValueError: item 2 failed"));
    pool.shutdown(true);
    QCOMPARE(ran.load(), 6); // every item was submitted
}

void TestThreadPoolExecutor::mapTimeout()
{
    ThreadPoolExecutor pool(2);
    Event release;
    const QString message = messageOf<TimeoutError>([&] {
        pool.map([&](int i) {
            if (i == 1)
                release.wait(5.0);
            return i;
        }, std::vector<int>{0, 1}, 0.05);
    });
    QCOMPARE(message, QStringLiteral("TimeoutError: "));
    release.set();
}

void TestThreadPoolExecutor::mapTimeoutCancelsCallsNotStarted()
{
    ThreadPoolExecutor pool(1);
    Event release;
    std::atomic<int> laterRan{0};
    const QString message = messageOf<TimeoutError>([&] {
        pool.map([&](int i) {
            if (i == 0)
                release.wait(5.0); // holds the only worker past the timeout
            else
                laterRan.fetch_add(1);
            return i;
        }, std::vector<int>{0, 1, 2, 3}, 0.05);
    });
    QCOMPARE(message, QStringLiteral("TimeoutError: "));
    release.set();
    pool.shutdown(true);
    QCOMPARE(laterRan.load(), 0);
}

void TestThreadPoolExecutor::shutdownWaitWaitsForTasks()
{
    ThreadPoolExecutor pool(3);
    std::atomic<int> finished{0};
    std::vector<Future<int>> futures;
    for (int i = 0; i < 6; ++i) {
        futures.push_back(pool.submit([&finished, i] {
            clab::sleep(0.02);
            finished.fetch_add(1);
            return i;
        }));
    }
    pool.shutdown(true);
    QCOMPARE(finished.load(), 6);
    for (const auto &f : futures) {
        QVERIFY(f.done());
        QVERIFY(!f.cancelled());
    }
    pool.shutdown(true); // again: nothing to do
}

void TestThreadPoolExecutor::shutdownWithoutWaitStillRunsQueuedTasks()
{
    ThreadPoolExecutor pool(1);
    Event release;
    Future<int> first = pool.submit([&] {
        release.wait();
        return 1;
    });
    Future<int> queued = pool.submit([] { return 2; });
    QVERIFY(eventually([&] { return first.running(); }));
    pool.shutdown(false);
    // It returned while the task still runs.
    QVERIFY(first.running());
    QVERIFY(!queued.done());
    release.set();
    QCOMPARE(first.result(5.0), 1);
    QCOMPARE(queued.result(5.0), 2); // pending work is still done
}

void TestThreadPoolExecutor::shutdownCancelFuturesCancelsQueued()
{
    RunFixture fx;
    ThreadPoolExecutor pool(1);
    Event release;
    std::atomic<int> laterRan{0};
    Future<int> first = pool.submit([&] {
        release.wait();
        return 1;
    });
    std::vector<Future<int>> later;
    for (int i = 0; i < 3; ++i)
        later.push_back(pool.submit([&] { return laterRan.fetch_add(1); }));
    QVERIFY(eventually([&] { return first.running(); }));
    pool.shutdown(false, true);
    for (const auto &f : later) {
        QVERIFY(f.cancelled());
        QCOMPARE(messageOf<CancelledError>([&] { f.result(0.0); }), QStringLiteral("CancelledError: "));
    }
    QVERIFY(!first.cancelled());
    release.set();
    QCOMPARE(first.result(5.0), 1);
    pool.shutdown(true);
    QCOMPARE(laterRan.load(), 0);
    const Trace trace = fx.finish();
    QCOMPARE(countEvents(trace, EventKind::TaskCancelled, pool.id()), 3);
    QCOMPARE(countEvents(trace, EventKind::TaskStarted, pool.id()), 1);
}

void TestThreadPoolExecutor::submitAfterShutdownFails_data()
{
    QTest::addColumn<bool>("wait");
    QTest::addColumn<bool>("cancelFutures");
    QTest::newRow("shutdown()") << true << false;
    QTest::newRow("shutdown(wait=False)") << false << false;
    QTest::newRow("shutdown(cancel_futures=True)") << true << true;
}

void TestThreadPoolExecutor::submitAfterShutdownFails()
{
    QFETCH(bool, wait);
    QFETCH(bool, cancelFutures);
    ThreadPoolExecutor pool(2);
    QCOMPARE(pool.submit([] { return 1; }).result(5.0), 1);
    pool.shutdown(wait, cancelFutures);
    std::atomic<bool> ran{false};
    QCOMPARE(messageOf<RuntimeError>([&] { pool.submit([&] { ran = true; }); }),
             QStringLiteral("RuntimeError: cannot schedule new futures after shutdown"));
    QCOMPARE(messageOf<RuntimeError>([&] { pool.map([](int x) { return x; }, std::vector<int>{1}); }),
             QStringLiteral("RuntimeError: cannot schedule new futures after shutdown"));
    pool.shutdown(true);
    QVERIFY(!ran.load());
}

void TestThreadPoolExecutor::neverMoreThanMaxWorkers_data()
{
    QTest::addColumn<int>("maxWorkers");
    QTest::addColumn<int>("tasks");
    QTest::newRow("1 worker") << 1 << 6;
    QTest::newRow("2 workers") << 2 << 10;
    QTest::newRow("3 workers") << 3 << 12;
    QTest::newRow("5 workers") << 5 << 15;
    QTest::newRow("more workers than tasks") << 8 << 3;
}

void TestThreadPoolExecutor::neverMoreThanMaxWorkers()
{
    QFETCH(int, maxWorkers);
    QFETCH(int, tasks);

    RunFixture fx;
    ThreadPoolExecutor pool(maxWorkers);
    QCOMPARE(pool.maxWorkers(), maxWorkers);
    std::atomic<int> running{0};
    std::atomic<int> peak{0};
    std::mutex mutex;
    QSet<QString> threads;
    std::vector<Future<void>> futures;
    for (int i = 0; i < tasks; ++i) {
        futures.push_back(pool.submit([&] {
            const int now = running.fetch_add(1) + 1;
            int seen = peak.load();
            while (now > seen && !peak.compare_exchange_weak(seen, now)) {
            }
            {
                std::lock_guard lock(mutex);
                threads.insert(Thread::currentName());
            }
            clab::sleep(0.01);
            running.fetch_sub(1);
        }));
        QVERIFY(pool.workerCount() <= maxWorkers);
    }
    for (auto &f : futures)
        f.result(5.0);
    QVERIFY2(peak.load() <= maxWorkers, qPrintable(QStringLiteral("%1 tasks ran at once").arg(peak.load())));
    QVERIFY(pool.workerCount() <= maxWorkers);
    QVERIFY(threads.size() <= maxWorkers);
    QCOMPARE(pool.workerNames().size(), pool.workerCount());
    pool.shutdown(true);
    const Trace trace = fx.finish();
    int workerLanes = 0;
    for (const ActorInfo &a : trace.actors())
        workerLanes += a.name.startsWith(QLatin1String("ThreadPoolExecutor-")) ? 1 : 0;
    QVERIFY(workerLanes <= maxWorkers);
    QVERIFY(workerLanes >= 1);
}

void TestThreadPoolExecutor::taskWaitingForALaterTaskGetsItsOwnWorker()
{
    // As in CPython: while fewer than max_workers threads exist, a task
    // submitted when no idle worker is free for it gets a new worker, so a
    // task may wait for one submitted after it.
    for (int round = 0; round < 20; ++round) {
        ThreadPoolExecutor pool(2);
        QCOMPARE(pool.submit([] { return 0; }).result(5.0), 0); // one worker, now idle
        Event handoff;
        Future<bool> waiter = pool.submit([&] { return handoff.wait(2.0); });
        Future<void> setter = pool.submit([&] { handoff.set(); });
        QVERIFY2(waiter.result(5.0), qPrintable(QStringLiteral("round %1: the second task never ran while the first "
                                                               "waited for it (workers: %2)")
                                                    .arg(round).arg(pool.workerCount())));
        setter.result(5.0);
    }
}

void TestThreadPoolExecutor::defaultMaxWorkers()
{
    ThreadPoolExecutor pool;
    QCOMPARE(pool.maxWorkers(), std::min(32, int(std::thread::hardware_concurrency()) + 4));
    ThreadPoolExecutor zero(0);
    QCOMPARE(zero.maxWorkers(), pool.maxWorkers());
    QCOMPARE(pool.workerCount(), 0); // workers start on demand
}

void TestThreadPoolExecutor::negativeMaxWorkersFails()
{
    QCOMPARE(messageOf<ValueError>([] { ThreadPoolExecutor pool(-1); }),
             QStringLiteral("ValueError: max_workers must be greater than 0"));
    RunFixture fx;
    QCOMPARE(messageOf<ValueError>([] { ThreadPoolExecutor pool(-5); }),
             QStringLiteral("ValueError: max_workers must be greater than 0"));
}

void TestThreadPoolExecutor::workerNames()
{
    RunFixture fx;
    ThreadPoolExecutor first(3);
    ThreadPoolExecutor second(1);
    QCOMPARE(first.name(), QStringLiteral("ThreadPoolExecutor-0"));
    QCOMPARE(second.name(), QStringLiteral("ThreadPoolExecutor-1"));

    Event release;
    std::vector<Future<QString>> futures;
    for (int i = 0; i < 3; ++i) {
        futures.push_back(first.submit([&] {
            release.wait(5.0);
            return Thread::currentName();
        }));
    }
    const auto releaseOnExit = qScopeGuard([&] { release.set(); });
    QCOMPARE(second.submit([] { return Thread::currentName(); }).result(5.0), QStringLiteral("ThreadPoolExecutor-1_0"));
    // All three running at once, each on its own worker.
    QVERIFY(eventually([&] {
        return std::all_of(futures.begin(), futures.end(), [](const Future<QString> &f) { return f.running(); });
    }));
    QCOMPARE(first.workerCount(), 3);
    release.set();
    QSet<QString> seen;
    for (auto &f : futures)
        seen.insert(f.result(5.0));
    const QSet<QString> expected{QStringLiteral("ThreadPoolExecutor-0_0"), QStringLiteral("ThreadPoolExecutor-0_1"),
                                 QStringLiteral("ThreadPoolExecutor-0_2")};
    QCOMPARE(seen, expected);
    QCOMPARE(first.workerNames(), (QStringList{QStringLiteral("ThreadPoolExecutor-0_0"),
                                               QStringLiteral("ThreadPoolExecutor-0_1"),
                                               QStringLiteral("ThreadPoolExecutor-0_2")}));
    first.shutdown(true);
    second.shutdown(true);
    const Trace trace = fx.finish();
    QSet<QString> lanes;
    for (const ActorInfo &a : trace.actors()) {
        if (a.name.startsWith(QLatin1String("ThreadPoolExecutor-"))) {
            lanes.insert(a.name);
            QVERIFY(!a.daemon); // Python's workers are not daemon threads
        }
    }
    QCOMPARE(lanes, expected + QSet<QString>{QStringLiteral("ThreadPoolExecutor-1_0")});
    // The pools are objects of the run, with max_workers as capacity.
    const ObjectInfo *info = trace.object(first.id());
    QVERIFY(info);
    QCOMPARE(info->kind, ObjectKind::Pool);
    QCOMPARE(info->name, QStringLiteral("ThreadPoolExecutor-0"));
    QCOMPARE(info->capacity, qint64(3));
}

void TestThreadPoolExecutor::workerNamesWithPrefix()
{
    RunFixture fx;
    ThreadPoolExecutor pool(1, QStringLiteral("downloader"));
    QCOMPARE(pool.name(), QStringLiteral("downloader"));
    QCOMPARE(pool.submit([] { return Thread::currentName(); }).result(5.0), QStringLiteral("downloader_0"));
    // A prefixed pool does not use up a number.
    ThreadPoolExecutor unnamed(1);
    QCOMPARE(unnamed.name(), QStringLiteral("ThreadPoolExecutor-0"));
}

void TestThreadPoolExecutor::recordsEveryTaskPath()
{
    RunFixture fx;
    const ActorId me = fx.main->actor();
    ThreadPoolExecutor pool(2);
    std::vector<Future<int>> futures;
    for (int i = 0; i < 6; ++i) {
        futures.push_back(pool.submit([i] {
            clab::sleep(0.002);
            if (i == 3)
                throw RuntimeError("task 3");
            return i;
        }));
    }
    for (auto &f : futures) {
        try {
            f.result(5.0);
        } catch (const RuntimeError &) {
        }
    }
    pool.shutdown(true);
    const QStringList workerNames = pool.workerNames();
    const Trace trace = fx.finish();

    struct Path {
        const TraceEvent *submitted = nullptr;
        const TraceEvent *started = nullptr;
        const TraceEvent *finished = nullptr;
        const TraceEvent *taken = nullptr;
        int events = 0;
    };
    std::map<qint64, Path> paths;
    for (const TraceEvent &e : trace.events()) {
        if (e.object != pool.id())
            continue;
        Path *p = nullptr;
        switch (e.kind) {
        case EventKind::TaskSubmitted: p = &paths[e.value]; p->submitted = &e; break;
        case EventKind::TaskStarted: p = &paths[e.value]; p->started = &e; break;
        case EventKind::TaskFinished: p = &paths[e.value]; p->finished = &e; break;
        case EventKind::ResultTaken: p = &paths[e.value]; p->taken = &e; break;
        default: break;
        }
        if (p)
            ++p->events;
    }
    QCOMPARE(int(paths.size()), 6);
    for (const auto &f : futures) {
        const Path &p = paths[f.taskId()];
        QVERIFY(p.submitted && p.started && p.finished && p.taken);
        QCOMPARE(p.events, 4); // each once
        // Submitted and taken by MainThread; started and finished by one worker.
        QCOMPARE(p.submitted->actor, me);
        QCOMPARE(p.taken->actor, me);
        QCOMPARE(p.started->actor, p.finished->actor);
        QVERIFY(p.started->actor != me);
        QVERIFY(workerNames.contains(trace.actorName(p.started->actor)));
        // In that order: the handoff from submitter to worker and back.
        QVERIFY(p.submitted->ts <= p.started->ts);
        QVERIFY(p.started->ts <= p.finished->ts);
        QVERIFY(p.finished->ts <= p.taken->ts);
        QCOMPARE(p.finished->aux, quint32(f.taskId() == futures[3].taskId() ? 1 : 0));
        QVERIFY(p.submitted->aux >= 1); // queue depth after the submit
    }
    // The timeline draws each task's handoff, from the submitter to the
    // worker that took it.
    int taskHandoffs = 0;
    for (const Handoff &h : deriveHandoffs(trace)) {
        if (h.kind != HandoffKind::Task)
            continue;
        ++taskHandoffs;
        QVERIFY(paths.count(h.value));
        const Path &p = paths[h.value];
        QCOMPARE(h.object, pool.id());
        QCOMPARE(h.from, me);
        QCOMPARE(h.to, p.started->actor);
        QCOMPARE(h.fromNs, p.submitted->ts);
        QCOMPARE(h.toNs, p.started->ts);
    }
    QCOMPARE(taskHandoffs, 6);
    // Submits are numbered 1, 2, ... in order.
    std::vector<qint64> ids;
    for (const TraceEvent &e : trace.events()) {
        if (e.kind == EventKind::TaskSubmitted)
            ids.push_back(e.value);
    }
    QCOMPARE(ids, (std::vector<qint64>{1, 2, 3, 4, 5, 6}));
}

void TestThreadPoolExecutor::blockedWorkerIsCancelledWithTheRun()
{
    RunFixture fx;
    Event never;
    ThreadPoolExecutor pool(2);
    Future<int> blocked = pool.submit([&] {
        never.wait();
        return 1;
    });
    QVERIFY(eventually([&] { return blocked.running(); }));
    // A second worker idles, waiting for work.
    QCOMPARE(pool.submit([] { return 2; }).result(5.0), 2);
    const ActorId mainActor = fx.main->actor();
    Q_UNUSED(mainActor);

    QElapsedTimer sinceCancel;
    sinceCancel.start();
    fx.context.cancel();
    // The blocked task ends with the run; its future is done.
    QVERIFY(eventually([&] { return blocked.done(); }));
    QVERIFY(eventually([&] { return fx.context.liveThreads() <= 1; })); // only MainThread is left
    const qint64 took = sinceCancel.elapsed();
#ifndef __SANITIZE_THREAD__
    QVERIFY2(took < 200, qPrintable(QStringLiteral("the workers took %1 ms to stop").arg(took)));
#else
    Q_UNUSED(took);
#endif
    QVERIFY(!blocked.cancelled()); // it had started: it was stopped, not cancelled
    QVERIFY_THROWS_EXCEPTION(RunCancelled, blocked.result(0.0));

    const QStringList names = pool.workerNames();
    const Trace trace = fx.finish();
    int cancelledWorkers = 0;
    for (const TraceEvent &e : trace.events()) {
        if (e.kind == EventKind::ActorEnd && names.contains(trace.actorName(e.actor))) {
            QCOMPARE(e.value, qint64(2));
            ++cancelledWorkers;
        }
    }
    QCOMPARE(cancelledWorkers, names.size());
}

void TestThreadPoolExecutor::destructorWaits()
{
    std::atomic<int> finished{0};
    {
        ThreadPoolExecutor pool(2);
        for (int i = 0; i < 4; ++i) {
            pool.submit([&] {
                clab::sleep(0.01);
                finished.fetch_add(1);
            });
        }
    } // leaving the `with` block
    QCOMPARE(finished.load(), 4);
}

// The pool and the future share each task; whoever lets go last frees it,
// and with it what the call captured.
void TestThreadPoolExecutor::everyTaskIsFreed_data()
{
    QTest::addColumn<bool>("keepFutures");
    QTest::addColumn<bool>("cancelQueued");
    QTest::newRow("futures kept until the end") << true << false;
    QTest::newRow("futures dropped at once") << false << false;
    QTest::newRow("queued tasks cancelled, futures kept") << true << true;
    QTest::newRow("queued tasks cancelled, futures dropped") << false << true;
}

void TestThreadPoolExecutor::everyTaskIsFreed()
{
    QFETCH(bool, keepFutures);
    QFETCH(bool, cancelQueued);
    auto token = std::make_shared<int>(0);
    std::vector<Future<int>> kept;
    {
        ThreadPoolExecutor pool(2);
        Event release;
        // Holds one worker, so some tasks are still queued at shutdown.
        Future<int> gate = pool.submit([&] {
            release.wait();
            return 0;
        });
        QVERIFY(eventually([&] { return gate.running(); }));
        for (int i = 0; i < 2000; ++i) {
            Future<int> f = pool.submit([token, i] { return i + *token; });
            if (keepFutures)
                kept.push_back(f);
        }
        QVERIFY(token.use_count() > 1);
        pool.shutdown(false, cancelQueued);
        release.set();
        pool.shutdown(true);
        QCOMPARE(gate.result(5.0), 0);
    }
    if (keepFutures) {
        int finished = 0;
        for (const auto &f : kept)
            finished += f.done() && !f.cancelled();
        if (!cancelQueued)
            QCOMPARE(finished, 2000);
        // The futures still hold their tasks, and so the captures.
        QCOMPARE(token.use_count(), long(1 + kept.size()));
        kept.clear();
    }
    QCOMPARE(token.use_count(), 1L);
}

void TestThreadPoolExecutor::queuedTasksAreCancelledWhenTheRunStops()
{
    RunFixture fx;
    Event never;
    std::vector<Future<int>> queued;
    Future<int> blocked;
    {
        ThreadPoolExecutor pool(1);
        blocked = pool.submit([&] {
            never.wait();
            return 1;
        });
        QVERIFY(eventually([&] { return blocked.running(); }));
        for (int i = 0; i < 3; ++i)
            queued.push_back(pool.submit([i] { return i; }));
        fx.context.cancel();
    } // the worker stops with the run; what it never took is cancelled
    QVERIFY_THROWS_EXCEPTION(RunCancelled, blocked.result(0.0));
    for (const auto &f : queued) {
        QVERIFY(f.cancelled());
        QCOMPARE(messageOf<CancelledError>([&] { f.result(0.0); }), QStringLiteral("CancelledError: "));
    }
}

void TestThreadPoolExecutor::manySubmittersLoseNoTask()
{
    static constexpr int kSubmitters = 3;
    static constexpr int kEach = 5000;
    ThreadPoolExecutor pool(2);
    std::vector<std::vector<Future<int>>> futures(kSubmitters);
    std::vector<std::thread> submitters;
    for (int s = 0; s < kSubmitters; ++s)
        submitters.emplace_back([&, s] {
            for (int i = 0; i < kEach; ++i)
                futures[size_t(s)].push_back(pool.submit([s, i] { return s * kEach + i; }));
        });
    for (auto &t : submitters)
        t.join();
    std::set<qint64> ids;
    for (int s = 0; s < kSubmitters; ++s)
        for (int i = 0; i < kEach; ++i) {
            const Future<int> &f = futures[size_t(s)][size_t(i)];
            QCOMPARE(f.result(10.0), s * kEach + i);
            ids.insert(f.taskId());
        }
    // Numbered 1..N without a gap or a repeat, whichever thread submitted.
    QCOMPARE(int(ids.size()), kSubmitters * kEach);
    QCOMPARE(*ids.begin(), qint64(1));
    QCOMPARE(*ids.rbegin(), qint64(kSubmitters * kEach));
}

QTEST_GUILESS_MAIN(TestThreadPoolExecutor)
#include "tst_threadpoolexecutor.moc"
