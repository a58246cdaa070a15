// Value, Array and Lock shared between processes: what one process writes
// the others see, and the lock keeps read-modify-write whole.

#include "process/process.h"
#include "process/sharedmemory.h"

#include "testsupport.h"

#include <QtTest>

using namespace clab;
using namespace clab::process;

class TestSharedMemory : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { CLAB_SKIP_PROCESSES_UNDER_TSAN(); }

    void valueLoadsWhatWasStored()
    {
        SharedValue v(7);
        QCOMPARE(v.load(), qint64(7));
        v.store(-3);
        QCOMPARE(v.load(), qint64(-3));
        QVERIFY(!v.key().isEmpty());
        SharedValue other(1);
        QVERIFY(other.key() != v.key());
    }

    void arrayStartsAtZero()
    {
        SharedArray a(5);
        QCOMPARE(a.size(), 5);
        for (int i = 0; i < 5; ++i)
            QCOMPARE(a.at(i), qint64(0));
        a.set(4, 99);
        QCOMPARE(a.at(4), qint64(99));
    }

    // Processes add through the shared block; with the lock none of their
    // updates is lost, and the total is exactly processes × iterations.
    void processesAddUnderTheLock_data()
    {
        QTest::addColumn<int>("processes");
        QTest::addColumn<int>("iterations");
        QTest::newRow("one") << 1 << 1000;
        QTest::newRow("three") << 3 << 2000;
    }
    void processesAddUnderTheLock()
    {
        QFETCH(int, processes);
        QFETCH(int, iterations);
        SharedArray cells(3); // value, ready, go
        ProcessLock lock;
        std::vector<std::unique_ptr<Process>> adders;
        for (int i = 0; i < processes; ++i) {
            adders.push_back(std::make_unique<Process>(QStringLiteral("shm-add"),
                                                       QCborArray{cells.key(), iterations, true, lock.key()}));
            adders.back()->start();
        }
        QTRY_COMPARE_WITH_TIMEOUT(cells.at(1), qint64(processes), 10000);
        cells.set(2, 1);
        for (auto &p : adders) {
            QVERIFY(p->join(30.0));
            QCOMPARE(p->exitcode(), std::optional<int>(0));
        }
        QCOMPARE(cells.at(0), qint64(processes) * iterations);
    }

    void lockIsExclusive()
    {
        ProcessLock lock;
        lock.acquire();
        std::atomic<bool> second{false};
        std::thread t([&] {
            lock.acquire();
            second = true;
            lock.release();
        });
        QTest::qWait(50);
        QVERIFY(!second.load());
        lock.release();
        t.join();
        QVERIFY(second.load());
    }

    void attachingToAMissingBlockFails()
    {
        Process p(QStringLiteral("shm-add"), {QStringLiteral("clab-no-such-block"), 1});
        p.start();
        QVERIFY(p.join(10.0));
        QCOMPARE(p.exitcode(), std::optional<int>(1));
        QVERIFY2(p.error().contains(QStringLiteral("FileNotFoundError")), qPrintable(p.error()));
    }
};

QTEST_GUILESS_MAIN(TestSharedMemory)
#include "tst_sharedmemory.moc"
