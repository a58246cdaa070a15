// WaitForGraph::findCycle on hand-built configurations of waiting threads
// and owned objects.

#include "threads/threadstate.h"
#include "threads/waitforgraph.h"

#include <QtTest>
#include <algorithm>
#include <atomic>
#include <memory>
#include <vector>

using namespace clab;

namespace {

// Thread i (1-based) has uid 100 + i and actor i. Object j (1-based) has id
// 10 + j so that ids and indexes cannot be confused.
constexpr quint32 kUidBase = 100;
constexpr ObjectId kObjectBase = 10;

struct Graph {
    WaitForGraph graph;
    std::vector<std::unique_ptr<ThreadState>> threads;
    std::vector<std::unique_ptr<std::atomic<quint32>>> owners;

    // waitsOn[i]: object index thread i+1 is blocked on (0: not blocked).
    // ownedBy[j]: thread index owning object j+1 (0: free, -1: not an owned
    // object at all, -2: held by a thread that is not in the graph).
    Graph(const QList<int> &waitsOn, const QList<int> &ownedBy)
    {
        for (int i = 0; i < waitsOn.size(); ++i) {
            auto t = std::make_unique<ThreadState>();
            t->actor = ActorId(i + 1);
            t->uid = kUidBase + quint32(i + 1);
            t->name = QStringLiteral("T%1").arg(i + 1);
            t->blockedOn.store(waitsOn[i] ? kObjectBase + ObjectId(waitsOn[i]) : 0);
            graph.addThread(t.get());
            threads.push_back(std::move(t));
        }
        for (int j = 0; j < ownedBy.size(); ++j) {
            const int owner = ownedBy[j];
            quint32 uid = 0;
            if (owner > 0)
                uid = kUidBase + quint32(owner);
            else if (owner == -2)
                uid = 999;
            owners.push_back(std::make_unique<std::atomic<quint32>>(uid));
            if (owner != -1)
                graph.addOwnedObject(kObjectBase + ObjectId(j + 1), owners.back().get());
        }
    }

    ThreadState *thread(int index) { return threads[size_t(index - 1)].get(); }
};

// The cycle as thread indexes, rotated to start at the smallest, so that
// where the search happened to start does not matter.
QList<int> canonical(const std::vector<WaitForGraph::Edge> &cycle)
{
    QList<int> out;
    for (const auto &edge : cycle)
        out << int(edge.waiter->actor);
    if (!out.isEmpty())
        std::rotate(out.begin(), std::min_element(out.begin(), out.end()), out.end());
    return out;
}

} // namespace

class TestWaitForGraph : public QObject
{
    Q_OBJECT

private slots:
    void findCycle_data();
    void findCycle();
    void edgesNameWhatEachWaitsFor();
    void twoSeparateCyclesFindsOne();
    void removingBreaksTheCycle();
    void ownerChangesAreSeen();
    void removeThreadIgnoresAnotherStateWithTheSameUid();
    void threadCount();
};

void TestWaitForGraph::findCycle_data()
{
    QTest::addColumn<QList<int>>("waitsOn");  // per thread: object index, 0 = running
    QTest::addColumn<QList<int>>("ownedBy");  // per object: owner thread, 0 free, -1 untracked, -2 outsider
    QTest::addColumn<QList<int>>("cycle");    // thread indexes, starting at the smallest

    QTest::newRow("empty graph") << QList<int>{} << QList<int>{} << QList<int>{};
    QTest::newRow("nobody waits") << QList<int>{0, 0} << QList<int>{1, 2} << QList<int>{};
    QTest::newRow("waits for a running owner") << QList<int>{0, 1} << QList<int>{1} << QList<int>{};
    QTest::newRow("self: waits for what it holds") << QList<int>{1} << QList<int>{1} << QList<int>{1};
    QTest::newRow("two threads, two locks") << QList<int>{2, 1} << QList<int>{1, 2} << QList<int>{1, 2};
    QTest::newRow("three in a ring") << QList<int>{2, 3, 1} << QList<int>{1, 2, 3} << QList<int>{1, 2, 3};
    QTest::newRow("ring in the other direction") << QList<int>{3, 1, 2} << QList<int>{1, 2, 3} << QList<int>{1, 3, 2};
    QTest::newRow("five philosophers") << QList<int>{2, 3, 4, 5, 1} << QList<int>{1, 2, 3, 4, 5}
                                       << QList<int>{1, 2, 3, 4, 5};
    QTest::newRow("chain ending at a running thread") << QList<int>{2, 3, 0} << QList<int>{1, 2, 3} << QList<int>{};
    QTest::newRow("tail leading into a cycle") << QList<int>{2, 3, 2} << QList<int>{1, 2, 3} << QList<int>{2, 3};
    QTest::newRow("several waiters on one member of a cycle")
        << QList<int>{2, 1, 1, 1} << QList<int>{1, 2} << QList<int>{1, 2};
    QTest::newRow("waits on a free object") << QList<int>{2, 1} << QList<int>{1, 0} << QList<int>{};
    QTest::newRow("waits on an object without an owner")
        << QList<int>{2, 1} << QList<int>{1, -1} << QList<int>{};
    QTest::newRow("held by a thread outside the graph")
        << QList<int>{2, 1} << QList<int>{1, -2} << QList<int>{};
    QTest::newRow("holds two, waits on neither's holder")
        << QList<int>{0, 1, 2} << QList<int>{1, 1} << QList<int>{};
    QTest::newRow("cycle among others that are running")
        << QList<int>{0, 3, 0, 2} << QList<int>{1, 2, 4} << QList<int>{2, 4};
}

void TestWaitForGraph::findCycle()
{
    QFETCH(QList<int>, waitsOn);
    QFETCH(QList<int>, ownedBy);
    QFETCH(QList<int>, cycle);

    Graph g(waitsOn, ownedBy);
    const auto found = g.graph.findCycle();
    QCOMPARE(canonical(found), cycle);
    // Each edge: the waiter is blocked on the object, and that object is held
    // by the next waiter in the cycle.
    for (size_t i = 0; i < found.size(); ++i) {
        const auto &edge = found[i];
        QCOMPARE(edge.object, edge.waiter->blockedOn.load());
        const ThreadState *next = found[(i + 1) % found.size()].waiter;
        QCOMPARE(g.owners[edge.object - kObjectBase - 1]->load(), next->uid);
    }
}

void TestWaitForGraph::edgesNameWhatEachWaitsFor()
{
    // T1 holds object 1 and waits on 2; T2 holds 2 and waits on 1.
    Graph g({2, 1}, {1, 2});
    const auto cycle = g.graph.findCycle();
    QCOMPARE(int(cycle.size()), 2);
    for (const auto &edge : cycle) {
        if (edge.waiter == g.thread(1))
            QCOMPARE(edge.object, kObjectBase + 2);
        else if (edge.waiter == g.thread(2))
            QCOMPARE(edge.object, kObjectBase + 1);
        else
            QFAIL("an edge names a thread that is not in the cycle");
    }
    QCOMPARE(cycle[0].waiter->name.isEmpty(), false);
}

void TestWaitForGraph::twoSeparateCyclesFindsOne()
{
    // {1,2} and {3,4} are separate cycles: one pass reports one of them, whole.
    Graph g({2, 1, 4, 3}, {1, 2, 3, 4});
    const QList<int> found = canonical(g.graph.findCycle());
    QVERIFY2(found == (QList<int>{1, 2}) || found == (QList<int>{3, 4}),
             qPrintable(QStringLiteral("found %1 threads, starting with %2")
                            .arg(found.size()).arg(found.isEmpty() ? 0 : found.first())));
}

void TestWaitForGraph::removingBreaksTheCycle()
{
    {
        Graph g({2, 1}, {1, 2});
        QVERIFY(!g.graph.findCycle().empty());
        g.graph.removeThread(g.thread(2));
        QVERIFY(g.graph.findCycle().empty());
        g.graph.addThread(g.thread(2));
        QCOMPARE(canonical(g.graph.findCycle()), (QList<int>{1, 2}));
    }
    {
        Graph g({2, 1}, {1, 2});
        g.graph.removeOwnedObject(kObjectBase + 1);
        QVERIFY(g.graph.findCycle().empty());
        g.graph.addOwnedObject(kObjectBase + 1, g.owners[0].get());
        QCOMPARE(canonical(g.graph.findCycle()), (QList<int>{1, 2}));
    }
    {
        // A thread that stops waiting leaves the cycle.
        Graph g({2, 1}, {1, 2});
        g.thread(1)->blockedOn.store(0);
        QVERIFY(g.graph.findCycle().empty());
    }
}

void TestWaitForGraph::ownerChangesAreSeen()
{
    // The graph reads owners through the pointers it was given.
    Graph g({2, 1}, {1, 0});
    QVERIFY(g.graph.findCycle().empty());
    g.owners[1]->store(kUidBase + 2); // T2 takes object 2
    QCOMPARE(canonical(g.graph.findCycle()), (QList<int>{1, 2}));
    g.owners[0]->store(0); // T1 lets go of object 1
    QVERIFY(g.graph.findCycle().empty());
}

void TestWaitForGraph::removeThreadIgnoresAnotherStateWithTheSameUid()
{
    Graph g({1}, {1});
    ThreadState stranger;
    stranger.uid = g.thread(1)->uid;
    g.graph.removeThread(&stranger);
    QCOMPARE(g.graph.threadCount(), 1);
    QCOMPARE(canonical(g.graph.findCycle()), QList<int>{1});
    g.graph.removeThread(g.thread(1));
    QCOMPARE(g.graph.threadCount(), 0);
    QVERIFY(g.graph.findCycle().empty());
}

void TestWaitForGraph::threadCount()
{
    Graph g({0, 0, 0}, {});
    QCOMPARE(g.graph.threadCount(), 3);
    g.graph.removeThread(g.thread(2));
    QCOMPARE(g.graph.threadCount(), 2);
    g.graph.removeThread(g.thread(2)); // twice: no effect
    QCOMPARE(g.graph.threadCount(), 2);
}

QTEST_GUILESS_MAIN(TestWaitForGraph)
#include "tst_waitforgraph.moc"
