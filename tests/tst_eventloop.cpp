#include "coroharness.h"

#include "coro/awaitables.h"
#include "coro/gevent.h"
#include "coro/net.h"
#include "coro/sync.h"
#include "trace/timeline.h"

#include <QtTest>

using namespace clab;
using namespace clab::coro;
using clab::test::runLoop;

namespace {

// Qt Test's macros return from the function, which a coroutine may not do:
// checks inside coroutines collect failures, verified after the loop ends.
QStringList g_failures;
#define CO_CHECK(cond) \
    do { \
        if (!(cond)) \
            g_failures << QStringLiteral("line %1: %2").arg(__LINE__).arg(QStringLiteral(#cond)); \
    } while (false)
#define CO_CHECK_THROWS(type, expr) \
    do { \
        bool thrown_ = false; \
        try { \
            expr; \
        } catch (const type &) { \
            thrown_ = true; \
        } \
        CO_CHECK(thrown_); \
    } while (false)

Task<int> value(int v)
{
    co_return v;
}

Task<int> sleepThen(double seconds, int v, std::vector<int> *order = nullptr)
{
    co_await coro::sleep(seconds);
    if (order)
        order->push_back(v);
    co_return v;
}

Task<int> failAfter(double seconds, const char *message)
{
    co_await coro::sleep(seconds);
    throw ValueError(message);
}

} // namespace

class TestEventLoop : public QObject
{
    Q_OBJECT

private slots:
    void init() { g_failures.clear(); }
    void cleanup() { QVERIFY2(g_failures.isEmpty(), qPrintable(g_failures.join(QStringLiteral("; ")))); }

    void runReturnsTheMainResult()
    {
        EventLoop loop;
        QCOMPARE(loop.run(value(42)), 42);
    }

    void nestedAwaitRunsInline()
    {
        std::vector<int> order;
        auto outcome = runLoop([&]() -> Task<void> {
            order.push_back(1);
            const int v = co_await value(7);
            order.push_back(v);
            co_return;
        });
        QVERIFY(outcome.finished);
        QCOMPARE(order, (std::vector<int>{1, 7}));
    }

    // Tasks resume in the order they became ready; sleepers in the order of
    // their wake times.
    void readyTasksRunInFifoOrder()
    {
        std::vector<int> order;
        auto outcome = runLoop([&]() -> Task<void> {
            EventLoop *loop = EventLoop::current();
            std::vector<TaskRef<void>> tasks;
            for (int i = 0; i < 5; ++i) {
                tasks.push_back(loop->createTask([](std::vector<int> &order, int i) -> Task<void> {
                    order.push_back(i);
                    co_await coro::sleep(0);
                    order.push_back(10 + i);
                }(order, i)));
            }
            for (auto &t : tasks)
                co_await t;
        });
        QVERIFY(outcome.finished);
        QCOMPARE(order, (std::vector<int>{0, 1, 2, 3, 4, 10, 11, 12, 13, 14}));
    }

    // Several coroutines awaiting one task wake in the order they began to
    // wait; one cancelled while waiting leaves without disturbing the rest.
    void severalWaitersOnOneTask_data()
    {
        QTest::addColumn<int>("waiters");
        QTest::addColumn<int>("cancelledWaiter"); // -1: none
        QTest::newRow("one") << 1 << -1;
        QTest::newRow("three") << 3 << -1;
        QTest::newRow("first of three cancelled") << 3 << 0;
        QTest::newRow("middle of four cancelled") << 4 << 1;
        QTest::newRow("last of three cancelled") << 3 << 2;
    }
    void severalWaitersOnOneTask()
    {
        QFETCH(int, waiters);
        QFETCH(int, cancelledWaiter);
        std::vector<int> woke;
        std::vector<int> cancelled;
        auto outcome = runLoop([&]() -> Task<void> {
            EventLoop *loop = EventLoop::current();
            TaskRef<int> target = loop->createTask(sleepThen(0.02, 7));
            std::vector<TaskRef<void>> waiting;
            for (int i = 0; i < waiters; ++i) {
                waiting.push_back(loop->createTask(
                    [](TaskRef<int> target, int i, std::vector<int> &woke, std::vector<int> &cancelled) -> Task<void> {
                        try {
                            CO_CHECK(co_await target == 7);
                            woke.push_back(i);
                        } catch (const coro::CancelledError &) {
                            cancelled.push_back(i);
                            throw;
                        }
                    }(target, i, woke, cancelled)));
            }
            co_await coro::sleep(0.005); // every waiter is suspended on target
            if (cancelledWaiter >= 0)
                CO_CHECK(waiting[size_t(cancelledWaiter)].cancel());
            for (auto &w : waiting) {
                try {
                    co_await w;
                } catch (const coro::CancelledError &) {
                }
            }
        }, 5);
        QVERIFY(outcome.finished);
        std::vector<int> expected;
        for (int i = 0; i < waiters; ++i) {
            if (i != cancelledWaiter)
                expected.push_back(i);
        }
        QCOMPARE(woke, expected);
        QCOMPARE(cancelled, cancelledWaiter >= 0 ? std::vector<int>{cancelledWaiter} : std::vector<int>{});
    }

    // The loop holds a task until it finishes, so dropping every handle does
    // not stop it; names follow asyncio's Task-<n> unless one was given.
    void taskRunsWithoutHandlesAndKeepsItsName()
    {
        bool finished = false;
        QString defaultName, givenName;
        auto outcome = runLoop([&]() -> Task<void> {
            EventLoop *loop = EventLoop::current();
            loop->createTask([](bool &flag) -> Task<void> {
                co_await coro::sleep(0.005);
                flag = true;
            }(finished));
            TaskRef<int> unnamed = loop->createTask(value(1));
            TaskRef<int> named = loop->createTask(value(2), QStringLiteral("fetcher"));
            defaultName = unnamed.name();
            givenName = named.name();
            co_await coro::sleep(0.02);
        });
        QVERIFY(outcome.finished);
        QVERIFY(finished);
        QCOMPARE(defaultName, QStringLiteral("Task-3"));
        QCOMPARE(givenName, QStringLiteral("fetcher"));
    }

    void sleepersWakeByDeadline()
    {
        std::vector<int> order;
        auto outcome = runLoop([&]() -> Task<void> {
            std::vector<Task<int>> coros;
            coros.push_back(sleepThen(0.03, 3, &order));
            coros.push_back(sleepThen(0.01, 1, &order));
            coros.push_back(sleepThen(0.02, 2, &order));
            const auto results = co_await gather(std::move(coros));
            CO_CHECK(results == (std::vector<int>{3, 1, 2})); // input order
        });
        QVERIFY(outcome.finished);
        QCOMPARE(order, (std::vector<int>{1, 2, 3})); // wake order
    }

    // Concurrent sleeps overlap: the run takes about the longest, not the sum.
    void concurrentSleepsOverlap()
    {
        qint64 elapsed = 0;
        auto outcome = runLoop([&]() -> Task<void> {
            const qint64 start = EventLoop::nowNs();
            std::vector<Task<int>> coros;
            for (int i = 0; i < 10; ++i)
                coros.push_back(sleepThen(0.05, i));
            co_await gather(std::move(coros));
            elapsed = EventLoop::nowNs() - start;
        });
        QVERIFY(outcome.finished);
        QVERIFY2(elapsed < 10 * 50'000'000 / 2, qPrintable(QString::number(elapsed)));
        QVERIFY(elapsed >= 50'000'000);
    }

    void gatherRaisesTheFirstFailure()
    {
        QString caught;
        bool slowStillRan = false;
        auto outcome = runLoop([&]() -> Task<void> {
            std::vector<Task<int>> coros;
            coros.push_back(failAfter(0.03, "second"));
            coros.push_back(failAfter(0.01, "first"));
            coros.push_back([](bool &ran) -> Task<int> {
                co_await coro::sleep(0.05);
                ran = true;
                co_return 1;
            }(slowStillRan));
            try {
                co_await gather(std::move(coros));
            } catch (const ValueError &e) {
                caught = QString::fromUtf8(e.what());
            }
            co_await coro::sleep(0.08); // the others go on running
        });
        QVERIFY(outcome.finished);
        QCOMPARE(caught, QStringLiteral("first"));
        QVERIFY(slowStillRan);
    }

    void gatherReturnExceptions()
    {
        std::vector<Outcome<int>> results;
        auto outcome = runLoop([&]() -> Task<void> {
            std::vector<Task<int>> coros;
            coros.push_back(value(1));
            coros.push_back(failAfter(0, "boom"));
            coros.push_back(value(3));
            results = co_await coro::gatherReturnExceptions(std::move(coros));
        });
        QVERIFY(outcome.finished);
        QCOMPARE(int(results.size()), 3);
        QVERIFY(results[0].ok() && *results[0].value == 1);
        QVERIFY(!results[1].ok());
        QCOMPARE(test::errorText(results[1].error), QStringLiteral("ValueError: boom"));
        QVERIFY(results[2].ok() && *results[2].value == 3);
    }

    void cancelRaisesAtTheAwaitPoint()
    {
        bool cleanedUp = false;
        bool reachedAfterSleep = false;
        bool cancelledSeen = false;
        auto outcome = runLoop([&]() -> Task<void> {
            EventLoop *loop = EventLoop::current();
            TaskRef<void> sleeper = loop->createTask([](bool &reached, bool &cleaned) -> Task<void> {
                try {
                    co_await coro::sleep(10);
                    reached = true;
                } catch (const coro::CancelledError &) {
                    cleaned = true;
                    throw;
                }
            }(reachedAfterSleep, cleanedUp));
            co_await coro::sleep(0.01);
            CO_CHECK(sleeper.cancel());
            try {
                co_await sleeper;
            } catch (const coro::CancelledError &) {
                cancelledSeen = true;
            }
            CO_CHECK(sleeper.cancelled());
            CO_CHECK(!sleeper.cancel()); // already done
        }, 5);
        QVERIFY(outcome.finished);
        QVERIFY(cleanedUp);
        QVERIFY(cancelledSeen);
        QVERIFY(!reachedAfterSleep);
    }

    void cancelBeforeStartNeverRunsTheBody()
    {
        bool ran = false;
        auto outcome = runLoop([&]() -> Task<void> {
            TaskRef<void> t = EventLoop::current()->createTask([](bool &flag) -> Task<void> {
                flag = true;
                co_return;
            }(ran));
            t.cancel();
            co_await coro::sleep(0);
            co_await coro::sleep(0);
            CO_CHECK(t.cancelled());
        });
        QVERIFY(outcome.finished);
        QVERIFY(!ran);
    }

    void waitForTimesOutAndCancels()
    {
        bool timedOut = false;
        bool innerCancelled = false;
        int fast = 0;
        auto outcome = runLoop([&]() -> Task<void> {
            try {
                co_await waitFor([](bool &cancelled) -> Task<int> {
                    try {
                        co_await coro::sleep(5);
                    } catch (const coro::CancelledError &) {
                        cancelled = true;
                        throw;
                    }
                    co_return 1;
                }(innerCancelled), 0.02);
            } catch (const AsyncTimeoutError &) {
                timedOut = true;
            }
            fast = co_await waitFor(sleepThen(0.001, 9), 1.0);
        });
        QVERIFY(outcome.finished);
        QVERIFY(timedOut);
        QVERIFY(innerCancelled);
        QCOMPARE(fast, 9);
    }

    void exceptionsPropagateThroughAwaits()
    {
        auto outcome = runLoop([&]() -> Task<void> {
            co_await failAfter(0, "deep");
        });
        QVERIFY(outcome.finished);
        QCOMPARE(test::errorText(outcome.error), QStringLiteral("ValueError: deep"));
    }

    void unretrievedExceptionIsReported()
    {
        auto outcome = runLoop([&]() -> Task<void> {
            EventLoop::current()->createTask(failAfter(0, "nobody looked"));
            co_await coro::sleep(0.01);
        });
        QVERIFY(outcome.finished);
        QCOMPARE(outcome.unretrieved.size(), 1);
        QVERIFY(outcome.unretrieved.first().contains(QStringLiteral("never retrieved")));
        QVERIFY(outcome.unretrieved.first().contains(QStringLiteral("nobody looked")));
    }

    void retrievedExceptionIsNotReported()
    {
        auto outcome = runLoop([&]() -> Task<void> {
            TaskRef<int> t = EventLoop::current()->createTask(failAfter(0, "seen"));
            co_await coro::sleep(0.01);
            CO_CHECK(t.exception());
        });
        QVERIFY(outcome.finished);
        QVERIFY(outcome.unretrieved.isEmpty());
    }

    void deadlockIsReportedNotHung()
    {
        auto outcome = runLoop([&]() -> Task<void> {
            Queue<int> queue(0, QStringLiteral("never_filled"));
            co_await queue.get(); // nothing will ever put
        }, 5);
        QVERIFY(outcome.finished);
        QVERIFY(outcome.error);
        QVERIFY(test::errorText(outcome.error).contains(QStringLiteral("deadlock")));
        QVERIFY(outcome.deadlock.contains(QStringLiteral("never_filled")));
    }

    void queueProducerConsumerWithJoin()
    {
        std::vector<int> got;
        bool consumerCancelled = false;
        auto outcome = runLoop([&]() -> Task<void> {
            Queue<int> queue(2);
            EventLoop *loop = EventLoop::current();
            TaskRef<void> consumer = loop->createTask([](Queue<int> &queue, std::vector<int> &got,
                                                         bool &cancelled) -> Task<void> {
                try {
                    for (;;) {
                        got.push_back(co_await queue.get());
                        co_await coro::sleep(0.001);
                        queue.taskDone();
                    }
                } catch (const coro::CancelledError &) {
                    cancelled = true;
                    throw;
                }
            }(queue, got, consumerCancelled));
            for (int i = 0; i < 6; ++i)
                co_await queue.put(i);
            co_await queue.join();
            consumer.cancel();
            try {
                co_await consumer;
            } catch (const coro::CancelledError &) {
            }
        });
        QVERIFY(outcome.finished);
        QCOMPARE(got, (std::vector<int>{0, 1, 2, 3, 4, 5}));
        QVERIFY(consumerCancelled);
    }

    void queueErrors()
    {
        auto outcome = runLoop([&]() -> Task<void> {
            Queue<int> queue(1);
            CO_CHECK_THROWS(AsyncQueueEmpty, queue.getNowait());
            queue.putNowait(1);
            CO_CHECK_THROWS(AsyncQueueFull, queue.putNowait(2));
            CO_CHECK((queue.getNowait()) == (1));
            queue.taskDone();
            CO_CHECK_THROWS(ValueError, queue.taskDone());
            co_return;
        });
        QVERIFY(outcome.finished);
    }

    void semaphoreLimitsConcurrency_data()
    {
        QTest::addColumn<int>("limit");
        QTest::addColumn<int>("tasks");
        QTest::newRow("1 of 5") << 1 << 5;
        QTest::newRow("3 of 10") << 3 << 10;
        QTest::newRow("10 of 4") << 10 << 4;
    }
    void semaphoreLimitsConcurrency()
    {
        QFETCH(int, limit);
        QFETCH(int, tasks);
        int inside = 0;
        int peak = 0;
        auto outcome = runLoop([&]() -> Task<void> {
            Semaphore semaphore(limit);
            std::vector<Task<int>> coros;
            for (int i = 0; i < tasks; ++i) {
                coros.push_back([](Semaphore &semaphore, int &inside, int &peak) -> Task<int> {
                    co_await semaphore.acquire();
                    peak = std::max(peak, ++inside);
                    co_await coro::sleep(0.005);
                    --inside;
                    semaphore.release();
                    co_return 0;
                }(semaphore, inside, peak));
            }
            co_await gather(std::move(coros));
        });
        QVERIFY(outcome.finished);
        QCOMPARE(peak, std::min(limit, tasks));
    }

    void lockAndEvent()
    {
        std::vector<QString> log;
        auto outcome = runLoop([&]() -> Task<void> {
            Lock lock;
            Event ready;
            EventLoop *loop = EventLoop::current();
            auto waiter = loop->createTask([](Event &ready, Lock &lock, std::vector<QString> &log) -> Task<void> {
                co_await ready.wait();
                log.push_back(QStringLiteral("woke"));
                co_await lock.acquire();
                log.push_back(QStringLiteral("locked"));
                lock.release();
            }(ready, lock, log));
            co_await lock.acquire();
            ready.set();
            co_await coro::sleep(0.005);
            log.push_back(QStringLiteral("releasing"));
            lock.release();
            co_await waiter;
            CO_CHECK_THROWS(RuntimeError, lock.release());
        });
        QVERIFY(outcome.finished);
        QCOMPARE(log, (std::vector<QString>{"woke", "releasing", "locked"}));
    }

    void geventSpawnJoinallGetKill()
    {
        int got = 0;
        bool killedDead = false;
        auto outcome = runLoop([&]() -> Task<void> {
            auto a = gevent::spawn(sleepThen(0.01, 5));
            auto b = gevent::spawn(sleepThen(10, 6));
            CO_CHECK(!a.dead());
            const std::vector<gevent::Greenlet<int>> first{a};
            co_await gevent::joinall(first);
            CO_CHECK(a.dead());
            CO_CHECK(a.successful());
            got = co_await a.get();
            co_await b.kill();
            killedDead = b.dead() && !b.successful();
        });
        QVERIFY(outcome.finished);
        QCOMPARE(got, 5);
        QVERIFY(killedDead);
    }

    void socketsOnLoopback()
    {
        QByteArray reply;
        auto outcome = runLoop([&]() -> Task<void> {
            TcpListener listener;
            CO_CHECK(listener.port() != 0);
            EventLoop *loop = EventLoop::current();
            auto server = loop->createTask([](TcpListener &listener) -> Task<void> {
                TcpStream peer = co_await listener.accept();
                const QByteArray request = co_await peer.readUntil("\n");
                co_await peer.writeAll("echo: " + request);
                peer.close();
            }(listener));
            TcpStream client = co_await TcpStream::connect(listener.port());
            co_await client.writeAll("hello\n");
            reply = co_await client.readAll();
            co_await server;
        });
        QVERIFY2(outcome.finished && !outcome.error, qPrintable(test::errorText(outcome.error)));
        QCOMPARE(reply, QByteArray("echo: hello\n"));
    }

    void connectionRefusedIsAnError()
    {
        QString error;
        auto outcome = runLoop([&]() -> Task<void> {
            quint16 closedPort = 0;
            {
                TcpListener probe;
                closedPort = probe.port();
            }
            try {
                co_await TcpStream::connect(closedPort);
            } catch (const OSError &e) {
                error = QString::fromLatin1(e.pythonType());
            }
        });
        QVERIFY(outcome.finished);
        QCOMPARE(error, QStringLiteral("ConnectionRefusedError"));
    }

    // Coroutines are actors: they appear as lanes, never two running at
    // once (one loop thread), and the trace says who woke whom.
    void coroutinesAreRecordedAsActors()
    {
        auto outcome = runLoop([&]() -> Task<void> {
            Queue<int> queue(0, QStringLiteral("q"));
            EventLoop *loop = EventLoop::current();
            auto consumer = loop->createTask([](Queue<int> &queue) -> Task<void> {
                co_await queue.get();
            }(queue), QStringLiteral("consumer"));
            co_await coro::sleep(0.002);
            co_await queue.put(1);
            co_await consumer;
        });
        QVERIFY(outcome.finished);
        const Trace &trace = outcome.trace;
        int coroutines = 0;
        for (const ActorInfo &a : trace.actors())
            coroutines += a.kind == ActorKind::Coroutine ? 1 : 0;
        QCOMPARE(coroutines, 2); // main (Task-1) and consumer
        std::vector<StateInterval> running;
        for (const StateInterval &s : deriveIntervals(trace)) {
            const ActorInfo *a = trace.actor(s.actor);
            if (a && a->kind == ActorKind::Coroutine && s.state == ActorState::Running)
                running.push_back(s);
        }
        std::sort(running.begin(), running.end(), [](const auto &a, const auto &b) { return a.startNs < b.startNs; });
        for (size_t i = 1; i < running.size(); ++i)
            CO_CHECK(running[i].startNs >= running[i - 1].endNs);
        bool itemFlow = false;
        for (const Handoff &h : deriveHandoffs(trace)) {
            if (h.kind == HandoffKind::Item && trace.actorName(h.to) == QLatin1String("consumer"))
                itemFlow = true;
        }
        QVERIFY(itemFlow);
    }

    // As in asyncio, a finished task's locals go away when it returns, not
    // when the last handle to the task does (a handler closes its socket).
    void finishedTaskReleasesItsLocalsAtOnce()
    {
        struct Guard {
            bool *alive;
            ~Guard() { *alive = false; }
        };
        bool alive = true;
        bool aliveAfterFinish = true;
        auto outcome = runLoop([&]() -> Task<void> {
            TaskRef<int> task = EventLoop::current()->createTask([](bool *flag) -> Task<int> {
                Guard guard{flag};
                co_await coro::sleep(0);
                co_return 5;
            }(&alive));
            CO_CHECK(co_await task == 5);
            aliveAfterFinish = alive;
            CO_CHECK(task.result() == 5); // the result outlives the frame
        });
        QVERIFY(outcome.finished);
        QVERIFY(!aliveAfterFinish);
    }

    void hungLoopIsStoppedByTheHarness()
    {
        // A task that spins on sleep forever: the harness cancels the run.
        auto outcome = runLoop([&]() -> Task<void> {
            for (;;)
                co_await coro::sleep(0.01);
        }, 0.3);
        QVERIFY(outcome.timedOut);
    }
};

QTEST_GUILESS_MAIN(TestEventLoop)
#include "tst_eventloop.moc"
