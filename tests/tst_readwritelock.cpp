// Tests for clab::ReadWriteLock (core/sync/readwritelock.h): shared readers,
// exclusive writers, writer preference, errors and what a run records.

#include "testsupport.h"
#include "sync/readwritelock.h"
#include "threads/errors.h"
#include "threads/thread.h"
#include "trace/timeline.h"

#include <QElapsedTimer>
#include <QtTest>

#include <atomic>
#include <functional>
#include <memory>
#include <thread>
#include <vector>

using namespace clab;
using namespace clab::test;

using Operation = std::function<void(ReadWriteLock &)>;
Q_DECLARE_METATYPE(Operation)

namespace {

template <class F>
QString pythonError(F &&f)
{
    try {
        f();
    } catch (const PythonError &e) {
        return QString::fromStdString(e.describe());
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

template <class F>
auto onOtherThread(F &&f)
{
    decltype(f()) result{};
    std::thread([&] { result = f(); }).join();
    return result;
}

} // namespace

class TestReadWriteLock : public QObject
{
    Q_OBJECT

private slots:
    void readersShare();
    void writerExcludesEveryone();
    void readersExcludeWriters();
    void timedOutWriterDoesNotHoldReadersBack();
    void writersArePreferred();
    void errors_data();
    void errors();
    void consistentUnderContention();
    void raiiLockers();
    void recordsSidesAndReaderCounts();
    void cancelledWriterDoesNotHoldReadersBack();
};

void TestReadWriteLock::readersShare()
{
    constexpr int kReaders = 3;
    ReadWriteLock lock;
    std::atomic<int> holding{0};
    std::atomic<int> sawAllTogether{0};
    std::vector<std::thread> readers;
    for (int i = 0; i < kReaders; ++i) {
        readers.emplace_back([&] {
            lock.acquireRead();
            holding.fetch_add(1);
            // Only possible if all readers hold the lock at once.
            if (eventually([&] { return holding.load() == kReaders; }))
                sawAllTogether.fetch_add(1);
            lock.releaseRead();
        });
    }
    QVERIFY(eventually([&] { return lock.readers() == kReaders || sawAllTogether.load() > 0; }));
    for (auto &t : readers)
        t.join();
    QCOMPARE(sawAllTogether.load(), kReaders);
    QCOMPARE(lock.readers(), 0);
    QVERIFY(!lock.writing());
}

void TestReadWriteLock::writerExcludesEveryone()
{
    ReadWriteLock lock;
    QVERIFY(lock.acquireWrite());
    QVERIFY(lock.writing());
    QCOMPARE(lock.readers(), 0);
    QVERIFY(!onOtherThread([&] { return lock.acquireRead(false); }));
    QVERIFY(!onOtherThread([&] { return lock.acquireWrite(false); }));
    qint64 elapsedNs = 0;
    QVERIFY(!onOtherThread([&] {
        QElapsedTimer timer;
        timer.start();
        const bool got = lock.acquireRead(true, 0.03);
        elapsedNs = timer.nsecsElapsed();
        return got;
    }));
    QVERIFY(elapsedNs >= 30'000'000);
    QVERIFY(!onOtherThread([&] { return lock.acquireWrite(true, 0.03); }));
    lock.releaseWrite();
    QVERIFY(!lock.writing());
    QVERIFY(onOtherThread([&] {
        const bool got = lock.acquireRead(false);
        if (got)
            lock.releaseRead();
        return got;
    }));
}

void TestReadWriteLock::readersExcludeWriters()
{
    ReadWriteLock lock;
    QVERIFY(lock.acquireRead());
    QVERIFY(lock.acquireRead()); // a second reader hold
    QCOMPARE(lock.readers(), 2);
    QVERIFY(!onOtherThread([&] { return lock.acquireWrite(false); }));
    lock.releaseRead();
    QVERIFY(!onOtherThread([&] { return lock.acquireWrite(false); }));
    lock.releaseRead();
    QCOMPARE(lock.readers(), 0);
    QVERIFY(onOtherThread([&] {
        const bool got = lock.acquireWrite(false);
        if (got)
            lock.releaseWrite();
        return got;
    }));
}

void TestReadWriteLock::timedOutWriterDoesNotHoldReadersBack()
{
    ReadWriteLock lock;
    QVERIFY(lock.acquireRead());
    QVERIFY(!onOtherThread([&] { return lock.acquireWrite(true, 0.03); }));
    // The writer gave up: new readers are not queued behind it any more.
    QVERIFY(onOtherThread([&] {
        const bool got = lock.acquireRead(false);
        if (got)
            lock.releaseRead();
        return got;
    }));
    lock.releaseRead();
}

void TestReadWriteLock::writersArePreferred()
{
    RunFixture fx;
    ReadWriteLock lock(QStringLiteral("RW"));
    QVERIFY(lock.acquireRead());
    std::atomic<bool> writerGot{false};
    Thread writer([&] {
        lock.acquireWrite();
        writerGot = true;
        lock.releaseWrite();
    });
    auto cancelOnExit = qScopeGuard([&] { fx.context.cancel(); });
    writer.start();
    const ActorId writerActor = writer.actor();
    QVERIFY(waitForEvent(fx, [&](const TraceEvent &e) {
        return e.kind == EventKind::WaitBegin && e.actor == writerActor && e.object == lock.id();
    }));
    // Only readers hold the lock, yet a new reader queues behind the
    // waiting writer.
    QVERIFY(!onOtherThread([&] { return lock.acquireRead(false); }));
    QVERIFY(!onOtherThread([&] { return lock.acquireRead(true, 0.03); }));
    QVERIFY(!writerGot.load());
    lock.releaseRead();
    QVERIFY(writer.join(10.0));
    QVERIFY(writerGot.load());
    QVERIFY(onOtherThread([&] {
        const bool got = lock.acquireRead(false);
        if (got)
            lock.releaseRead();
        return got;
    }));
    const ActorId main = fx.main->actor();
    const Trace trace = fx.finish();

    // The writer's wait ended with the last reader's release.
    int wakes = 0;
    for (const Handoff &h : deriveHandoffs(trace)) {
        if (h.kind == HandoffKind::Wake && h.object == lock.id()) {
            ++wakes;
            QCOMPARE(h.from, main);
            QCOMPARE(h.to, writerActor);
        }
    }
    QCOMPARE(wakes, 1);
    bool sawWait = false;
    for (const StateInterval &s : deriveIntervals(trace)) {
        if (s.actor == writerActor && s.object == lock.id()) {
            QCOMPARE(s.state, ActorState::WaitingLock);
            QCOMPARE(s.reason, WaitReason::ReadWriteLock);
            sawWait = true;
        }
    }
    QVERIFY(sawWait);
}

void TestReadWriteLock::errors_data()
{
    QTest::addColumn<Operation>("operation");
    QTest::addColumn<QString>("error");
    const QString unlocked = QStringLiteral("RuntimeError: release unlocked lock");
    const QString unacquired = QStringLiteral("RuntimeError: cannot release un-acquired lock");
    const QString nonBlocking = QStringLiteral("ValueError: can't specify a timeout for a non-blocking call");
    const QString negative = QStringLiteral("ValueError: timeout value must be a non-negative number");

    QTest::newRow("release read, never acquired") << Operation([](ReadWriteLock &l) { l.releaseRead(); }) << unlocked;
    QTest::newRow("release read once too often") << Operation([](ReadWriteLock &l) {
        l.acquireRead();
        l.releaseRead();
        l.releaseRead();
    }) << unlocked;
    QTest::newRow("release read while writing") << Operation([](ReadWriteLock &l) {
        l.acquireWrite();
        try {
            l.releaseRead();
        } catch (...) {
            l.releaseWrite();
            throw;
        }
    }) << unlocked;
    QTest::newRow("release write, never acquired") << Operation([](ReadWriteLock &l) { l.releaseWrite(); })
                                                   << unacquired;
    QTest::newRow("release write while reading") << Operation([](ReadWriteLock &l) {
        l.acquireRead();
        try {
            l.releaseWrite();
        } catch (...) {
            l.releaseRead();
            throw;
        }
    }) << unacquired;
    QTest::newRow("release write held by another thread") << Operation([](ReadWriteLock &l) {
        l.acquireWrite();
        QString error;
        std::thread([&] { error = pythonError([&] { l.releaseWrite(); }); }).join();
        const bool stillOurs = l.writing();
        l.releaseWrite();
        if (!stillOurs)
            throw RuntimeError("the other thread took the write hold away");
        if (!error.isEmpty())
            throw RuntimeError(error.section(QStringLiteral(": "), 1).toStdString());
    }) << unacquired;
    QTest::newRow("any thread may release a read hold") << Operation([](ReadWriteLock &l) {
        l.acquireRead();
        QString error;
        std::thread([&] { error = pythonError([&] { l.releaseRead(); }); }).join();
        if (!error.isEmpty() || l.readers() != 0)
            throw RuntimeError("read hold not released");
    }) << QString();
    QTest::newRow("non-blocking read with timeout")
        << Operation([](ReadWriteLock &l) { l.acquireRead(false, 1.0); }) << nonBlocking;
    QTest::newRow("non-blocking write with timeout")
        << Operation([](ReadWriteLock &l) { l.acquireWrite(false, 0.0); }) << nonBlocking;
    QTest::newRow("negative read timeout") << Operation([](ReadWriteLock &l) { l.acquireRead(true, -2.0); })
                                           << negative;
    QTest::newRow("negative write timeout") << Operation([](ReadWriteLock &l) { l.acquireWrite(true, -0.1); })
                                            << negative;
    QTest::newRow("timeout -1 reads") << Operation([](ReadWriteLock &l) {
        l.acquireRead(true, -1.0);
        l.releaseRead();
    }) << QString();
}

void TestReadWriteLock::errors()
{
    QFETCH(Operation, operation);
    QFETCH(QString, error);
    ReadWriteLock lock;
    QCOMPARE(pythonError([&] { operation(lock); }), error);
    // A refused call leaves the lock free.
    QCOMPARE(lock.readers(), 0);
    QVERIFY(!lock.writing());
    QVERIFY(lock.acquireWrite(false));
    lock.releaseWrite();
}

void TestReadWriteLock::consistentUnderContention()
{
    constexpr int kWriters = 2;
    constexpr int kWrites = 1500;
    constexpr int kReaders = 3;
    constexpr int kReads = 3000;
    ReadWriteLock lock;
    long long a = 0, b = 0; // not atomic: the lock keeps them equal
    std::atomic<int> readersInside{0};
    std::atomic<int> writersInside{0};
    std::atomic<int> violations{0};
    std::atomic<int> tornReads{0};
    std::vector<std::thread> threads;
    for (int w = 0; w < kWriters; ++w) {
        threads.emplace_back([&] {
            for (int i = 0; i < kWrites; ++i) {
                WriteLocker guard(lock);
                if (writersInside.fetch_add(1) != 0 || readersInside.load() != 0)
                    violations.fetch_add(1);
                ++a;
                if ((i & 15) == 0)
                    std::this_thread::yield();
                ++b;
                writersInside.fetch_sub(1);
            }
        });
    }
    for (int r = 0; r < kReaders; ++r) {
        threads.emplace_back([&] {
            for (int i = 0; i < kReads; ++i) {
                ReadLocker guard(lock);
                readersInside.fetch_add(1);
                if (writersInside.load() != 0)
                    violations.fetch_add(1);
                if (a != b)
                    tornReads.fetch_add(1);
                readersInside.fetch_sub(1);
            }
        });
    }
    for (auto &t : threads)
        t.join();
    QCOMPARE(violations.load(), 0);
    QCOMPARE(tornReads.load(), 0);
    QCOMPARE(a, (long long)kWriters * kWrites);
    QCOMPARE(b, a);
    QCOMPARE(lock.readers(), 0);
    QVERIFY(!lock.writing());
}

void TestReadWriteLock::raiiLockers()
{
    ReadWriteLock lock;
    {
        ReadLocker r1(lock);
        ReadLocker r2(lock);
        QCOMPARE(lock.readers(), 2);
        QVERIFY(!lock.writing());
    }
    QCOMPARE(lock.readers(), 0);
    {
        WriteLocker w(lock);
        QVERIFY(lock.writing());
    }
    QVERIFY(!lock.writing());
}

void TestReadWriteLock::recordsSidesAndReaderCounts()
{
    RunFixture fx;
    ReadWriteLock lock;
    QCOMPARE(lock.name(), QStringLiteral("RWLock-1"));
    lock.acquireRead();
    lock.acquireRead();
    lock.releaseRead();
    lock.releaseRead();
    lock.acquireWrite();
    QVERIFY(!lock.acquireRead(false)); // refused at once: nothing recorded
    lock.releaseWrite();
    const ActorId main = fx.main->actor();
    const Trace trace = fx.finish();
    QCOMPARE(trace.object(lock.id())->kind, ObjectKind::ReadWriteLock);

    // value: 1 = read side, 2 = write side; aux: readers holding after.
    QStringList seen;
    for (const TraceEvent &e : eventsOf(trace, main, lock.id())) {
        seen << QStringLiteral("%1 side %2 readers %3")
                    .arg(e.kind == EventKind::Acquired ? QLatin1String("acquired")
                         : e.kind == EventKind::Released ? QLatin1String("released")
                                                          : QLatin1String("other"))
                    .arg(e.value)
                    .arg(e.aux);
    }
    QCOMPARE(seen, (QStringList{QStringLiteral("acquired side 1 readers 1"), QStringLiteral("acquired side 1 readers 2"),
                                QStringLiteral("released side 1 readers 1"), QStringLiteral("released side 1 readers 0"),
                                QStringLiteral("acquired side 2 readers 0"), QStringLiteral("released side 2 readers 0")}));
    QCOMPARE(ReadWriteLock::kRead, qint64(1));
    QCOMPARE(ReadWriteLock::kWrite, qint64(2));
}

void TestReadWriteLock::cancelledWriterDoesNotHoldReadersBack()
{
    RunFixture fx;
    ReadWriteLock lock;
    QVERIFY(lock.acquireRead());
    std::atomic<bool> cancelled{false};
    Thread writer([&] {
        try {
            lock.acquireWrite();
        } catch (const RunCancelled &) {
            cancelled = true;
            throw;
        }
    });
    auto cancelOnExit = qScopeGuard([&] { fx.context.cancel(); });
    writer.start();
    const ActorId writerActor = writer.actor();
    QVERIFY(waitForEvent(fx, [&](const TraceEvent &e) {
        return e.kind == EventKind::WaitBegin && e.actor == writerActor;
    }));
    QVERIFY(!onOtherThread([&] { return lock.acquireRead(false); })); // queued behind the writer
    fx.context.cancel();
    QVERIFY(eventually([&] { return !writer.isAlive(); }));
    QVERIFY(cancelled.load());
    QVERIFY(!lock.writing());
    QVERIFY(onOtherThread([&] {
        const bool got = lock.acquireRead(false);
        if (got)
            lock.releaseRead();
        return got;
    }));
    lock.releaseRead();
    const Trace trace = fx.finish();
    const std::vector<TraceEvent> events = eventsOf(trace, writerActor, lock.id());
    QCOMPARE(events.size(), size_t(2));
    QCOMPARE(events[1].value, qint64(WaitOutcome::Cancelled));
}

QTEST_GUILESS_MAIN(TestReadWriteLock)
#include "tst_readwritelock.moc"
