// Tests for clab::SharedInt (core/sync/sharedvalue.h): a shared integer whose
// read and write are separate steps, and whose writes count the updates they
// wiped out.

#include "testsupport.h"
#include "sync/lock.h"
#include "sync/sharedvalue.h"
#include "threads/thread.h"

#include <QtTest>

#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

using namespace clab;
using namespace clab::test;

namespace {

struct ScriptResult {
    QList<int> lost;   // per read-based write, in order
    qint64 final = 0;
    QString error;
};

// Runs a hand-made interleaving on one thread. Tokens: "rX" thread X reads;
// "wX" thread X writes what it read plus one (x = x + 1); "=N" a blind write
// of N.
ScriptResult runScript(SharedInt &value, const QString &script)
{
    ScriptResult result;
    std::map<QChar, SharedInt::Snapshot> reads;
    for (const QString &token : script.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        if (token.startsWith(QLatin1Char('r'))) {
            reads[token.at(1)] = value.read();
        } else if (token.startsWith(QLatin1Char('w'))) {
            const auto it = reads.find(token.at(1));
            if (it == reads.end()) {
                result.error = QStringLiteral("write before read: ") + token;
                return result;
            }
            result.lost << value.write(it->second.value + 1, it->second);
        } else if (token.startsWith(QLatin1Char('='))) {
            value.write(token.mid(1).toLongLong());
        } else {
            result.error = QStringLiteral("bad token: ") + token;
            return result;
        }
    }
    result.final = value.peek();
    return result;
}

} // namespace

class TestSharedInt : public QObject
{
    Q_OBJECT

private slots:
    void readWriteAndPeek();
    void lostUpdatesOfHandMadeInterleavings_data();
    void lostUpdatesOfHandMadeInterleavings();
    void valuesUseFortyEightBits_data();
    void valuesUseFortyEightBits();
    void lostCountSurvivesVersionWrap();
    void recordsReadsAndWrites();
    void lockedUpdatesLoseNothing();
    void lockedUpdatesInARunLoseNothing();
    void unlockedUpdatesAreAccountedFor();
};

void TestSharedInt::readWriteAndPeek()
{
    SharedInt value(10);
    QCOMPARE(value.name(), QStringLiteral("Variable"));
    QCOMPARE(value.peek(), qint64(10));
    const SharedInt::Snapshot s = value.read();
    QCOMPARE(s.value, qint64(10));
    QCOMPARE(s.version, quint16(0));
    QCOMPARE(value.write(11, s), 0);
    QCOMPARE(value.peek(), qint64(11));
    const SharedInt::Snapshot t = value.read();
    QCOMPARE(t.value, qint64(11));
    QCOMPARE(t.version, quint16(1)); // one write since the start
    value.write(20);
    QCOMPARE(value.read().version, quint16(2));
    QCOMPARE(value.peek(), qint64(20));
    // Writing from a stale read still lands, and reports what it wiped out.
    QCOMPARE(value.write(12, t), 1);
    QCOMPARE(value.peek(), qint64(12));
    QCOMPARE(SharedInt().peek(), qint64(0));
}

void TestSharedInt::lostUpdatesOfHandMadeInterleavings_data()
{
    QTest::addColumn<qint64>("initial");
    QTest::addColumn<QString>("script");
    QTest::addColumn<QList<int>>("lost");
    QTest::addColumn<qint64>("final");

    QTest::newRow("one after the other") << qint64(0) << QStringLiteral("rA wA rB wB") << QList<int>{0, 0}
                                         << qint64(2);
    QTest::newRow("read A, read B, write B, write A") << qint64(0) << QStringLiteral("rA rB wB wA")
                                                      << QList<int>{0, 1} << qint64(1);
    QTest::newRow("read A, read B, write A, write B") << qint64(100) << QStringLiteral("rA rB wA wB")
                                                      << QList<int>{0, 1} << qint64(101);
    QTest::newRow("three readers, last write wipes two") << qint64(0) << QStringLiteral("rA rB rC wC wB wA")
                                                         << QList<int>{0, 1, 2} << qint64(1);
    QTest::newRow("staggered") << qint64(0) << QStringLiteral("rA rB wA rC wB wC") << QList<int>{0, 1, 1}
                               << qint64(2);
    QTest::newRow("re-read before writing") << qint64(0) << QStringLiteral("rA rB wB rA wA") << QList<int>{0, 0}
                                            << qint64(2);
    QTest::newRow("blind write in between is wiped") << qint64(0) << QStringLiteral("rA =50 wA") << QList<int>{1}
                                                     << qint64(1);
    QTest::newRow("read after a blind write") << qint64(0) << QStringLiteral("=50 rA wA") << QList<int>{0}
                                              << qint64(51);
    QTest::newRow("many writes wiped at once") << qint64(0) << QStringLiteral("rA rB wB rB wB rB wB wA")
                                               << QList<int>{0, 0, 0, 3} << qint64(1);
}

void TestSharedInt::lostUpdatesOfHandMadeInterleavings()
{
    QFETCH(qint64, initial);
    QFETCH(QString, script);
    QFETCH(QList<int>, lost);
    QFETCH(qint64, final);
    SharedInt value(initial);
    const ScriptResult result = runScript(value, script);
    QCOMPARE(result.error, QString());
    QCOMPARE(result.lost, lost);
    QCOMPARE(result.final, final);
    if (!script.contains(QLatin1Char('='))) {
        // Increments only: each increment either survives or was wiped out
        // by a write that reports it.
        int totalLost = 0;
        for (int n : lost)
            totalLost += n;
        const qint64 expected = initial + lost.size();
        QVERIFY(final <= expected);
        QVERIFY(final >= expected - totalLost);
    }
}

void TestSharedInt::valuesUseFortyEightBits_data()
{
    QTest::addColumn<qint64>("v");
    const qint64 max = (qint64(1) << 47) - 1;
    QTest::newRow("0") << qint64(0);
    QTest::newRow("-1") << qint64(-1);
    QTest::newRow("largest") << max;
    QTest::newRow("smallest") << -max - 1;
    QTest::newRow("-123456789") << qint64(-123456789);
}

void TestSharedInt::valuesUseFortyEightBits()
{
    QFETCH(qint64, v);
    SharedInt value(v);
    QCOMPARE(value.peek(), v);
    QCOMPARE(value.read().value, v);
    // The write counter next to the value never disturbs it.
    for (int i = 0; i < 3; ++i)
        value.write(v);
    QCOMPARE(value.peek(), v);
    const SharedInt::Snapshot s = value.read();
    QCOMPARE(s.value, v);
    QCOMPARE(s.version, quint16(3));
    QCOMPARE(value.write(-v - 1, s), 0);
    QCOMPARE(value.peek(), -v - 1);
}

void TestSharedInt::lostCountSurvivesVersionWrap()
{
    SharedInt value;
    for (int i = 0; i < 65533; ++i)
        value.write(i);
    const SharedInt::Snapshot before = value.read();
    QCOMPARE(before.version, quint16(65533));
    for (int i = 0; i < 5; ++i) // the counter wraps past 65535 here
        value.write(i);
    QCOMPARE(value.read().version, quint16(2));
    QCOMPARE(value.write(before.value + 1, before), 5);
    QCOMPARE(value.peek(), qint64(65533));
}

void TestSharedInt::recordsReadsAndWrites()
{
    RunFixture fx;
    SharedInt balance(100, QStringLiteral("balance"));
    SharedInt unnamed;
    QCOMPARE(unnamed.name(), QStringLiteral("Variable-1"));
    const SharedInt::Snapshot a = balance.read();
    const SharedInt::Snapshot b = balance.read();
    balance.write(b.value + 10, b);
    balance.write(a.value - 5, a);
    balance.write(7);
    const ActorId main = fx.main->actor();
    const Trace trace = fx.finish();

    QCOMPARE(trace.object(balance.id())->kind, ObjectKind::Variable);
    QCOMPARE(trace.objectName(balance.id()), QStringLiteral("balance"));
    // VarRead: value read, aux = version; VarWrite: value written, aux = lost.
    QStringList seen;
    for (const TraceEvent &e : trace.events()) {
        if (e.object != balance.id())
            continue;
        QCOMPARE(e.actor, main);
        seen << QStringLiteral("%1 %2 %3")
                    .arg(e.kind == EventKind::VarRead ? QLatin1String("read") : QLatin1String("write"))
                    .arg(e.value)
                    .arg(e.aux);
    }
    QCOMPARE(seen, (QStringList{QStringLiteral("read 100 0"), QStringLiteral("read 100 0"),
                                QStringLiteral("write 110 0"), QStringLiteral("write 95 1"),
                                QStringLiteral("write 7 0")}));
}

void TestSharedInt::lockedUpdatesLoseNothing()
{
    constexpr int kThreads = 4;
    constexpr int kIterations = 5000;
    SharedInt value;
    Lock lock;
    std::atomic<int> lost{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&] {
            for (int i = 0; i < kIterations; ++i) {
                std::lock_guard guard(lock);
                const SharedInt::Snapshot s = value.read();
                if ((i & 63) == 0)
                    std::this_thread::yield();
                lost.fetch_add(value.write(s.value + 1, s));
            }
        });
    }
    for (auto &t : threads)
        t.join();
    QCOMPARE(lost.load(), 0);
    QCOMPARE(value.peek(), qint64(kThreads * kIterations));
}

void TestSharedInt::lockedUpdatesInARunLoseNothing()
{
    constexpr int kThreads = 3;
    constexpr int kIterations = 1000;
    RunFixture fx;
    SharedInt value(0, QStringLiteral("counter"));
    Lock lock;
    std::vector<std::unique_ptr<Thread>> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.push_back(std::make_unique<Thread>([&] {
            for (int i = 0; i < kIterations; ++i) {
                std::lock_guard guard(lock);
                const SharedInt::Snapshot s = value.read();
                value.write(s.value + 1, s);
            }
        }));
    }
    auto cancelOnExit = qScopeGuard([&] { fx.context.cancel(); });
    for (auto &t : threads)
        t->start();
    for (auto &t : threads)
        QVERIFY(t->join(30.0));
    QCOMPARE(value.peek(), qint64(kThreads * kIterations));
    const Trace trace = fx.finish();
    QCOMPARE(countEvents(trace, EventKind::VarWrite, value.id()), kThreads * kIterations);
    QCOMPARE(countEvents(trace, EventKind::VarRead, value.id()), kThreads * kIterations);
    for (const TraceEvent &e : trace.events()) {
        if (e.kind == EventKind::VarWrite && e.object == value.id())
            QCOMPARE(e.aux, quint32(0));
    }
}

void TestSharedInt::unlockedUpdatesAreAccountedFor()
{
    // Without a lock, updates get lost for real. Whatever the interleaving,
    // every increment either survives or was wiped out by a write that
    // reported it: expected - lost <= final <= expected, and with nothing
    // reported lost the final value is exact.
    constexpr int kThreads = 3;
    constexpr int kIterations = 5000;
    RunFixture fx;
    SharedInt value(0, QStringLiteral("balance"));
    std::atomic<long long> lost{0};
    std::vector<std::unique_ptr<Thread>> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.push_back(std::make_unique<Thread>([&] {
            long long mine = 0;
            for (int i = 0; i < kIterations; ++i) {
                const SharedInt::Snapshot s = value.read();
                if ((i & 7) == 0)
                    std::this_thread::yield(); // widen the read-write window
                mine += value.write(s.value + 1, s);
            }
            lost.fetch_add(mine);
        }));
    }
    auto cancelOnExit = qScopeGuard([&] { fx.context.cancel(); });
    for (auto &t : threads)
        t->start();
    for (auto &t : threads)
        QVERIFY(t->join(30.0));
    const qint64 expected = kThreads * kIterations;
    const qint64 final = value.peek();
    QVERIFY2(final <= expected, qPrintable(QString::number(final)));
    QVERIFY2(final >= expected - lost.load(),
             qPrintable(QStringLiteral("final %1, expected %2, lost %3").arg(final).arg(expected).arg(lost.load())));
    if (lost.load() == 0)
        QCOMPARE(final, expected);
    if (final < expected)
        QVERIFY(lost.load() > 0); // a shortfall is always reported

    // The trace tells the same story: its lost counts add up.
    const Trace trace = fx.finish();
    long long lostInTrace = 0;
    for (const TraceEvent &e : trace.events()) {
        if (e.kind == EventKind::VarWrite && e.object == value.id())
            lostInTrace += e.aux;
    }
    QCOMPARE(lostInTrace, lost.load());
    QCOMPARE(countEvents(trace, EventKind::VarWrite, value.id()), int(expected));
}

QTEST_GUILESS_MAIN(TestSharedInt)
#include "tst_sharedint.moc"
