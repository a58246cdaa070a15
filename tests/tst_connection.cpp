// multiprocessing.Pipe: whole messages between two ends, in one process and
// across processes, and what happens when one end goes away.

#include "process/ipc.h"
#include "process/process.h"
#include "threads/errors.h"

#include "testsupport.h"

#include <QtTest>

using namespace clab;
using namespace clab::process;

class TestConnection : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { CLAB_SKIP_PROCESSES_UNDER_TSAN(); }

    void messagesArriveWholeAndInOrder_data()
    {
        QTest::addColumn<QCborValue>("message");
        QTest::newRow("integer") << QCborValue(42);
        QTest::newRow("text") << QCborValue(QStringLiteral("你好, pipe"));
        QTest::newRow("map") << QCborValue(QCborMap{{QStringLiteral("n"), 1}, {QStringLiteral("xs"), QCborArray{1, 2, 3}}});
        QTest::newRow("64 KiB of bytes") << QCborValue(QByteArray(64 * 1024, 'x'));
    }
    void messagesArriveWholeAndInOrder()
    {
        QFETCH(QCborValue, message);
        auto [a, b] = makePipe();
        a.send(message);
        a.send(QCborValue(QStringLiteral("second")));
        QVERIFY(b.poll(1.0));
        QCOMPARE(b.recv(1.0), message);
        QCOMPARE(b.recv(1.0).toString(), QStringLiteral("second"));
        QVERIFY(!b.poll(0));
    }

    void oversizedMessageIsAValueError()
    {
        auto [a, b] = makePipe();
        QVERIFY_THROWS_EXCEPTION(ValueError, a.send(QCborValue(QByteArray(8 << 20, 'x'))));
        a.send(QCborValue(1)); // the pipe still works
        QCOMPARE(b.recv(1.0).toInteger(), 1);
    }

    void recvTimesOut()
    {
        auto [a, b] = makePipe();
        QVERIFY_THROWS_EXCEPTION(TimeoutError, b.recv(0.05));
    }

    void closedWriterMeansEOFError()
    {
        auto [a, b] = makePipe();
        a.send(QCborValue(1));
        a.close();
        QCOMPARE(b.recv(1.0).toInteger(), 1); // what was sent still arrives
        try {
            b.recv(1.0);
            QFAIL("recv after the writer closed returned");
        } catch (const PythonError &e) {
            QCOMPARE(QString::fromLatin1(e.pythonType()), QStringLiteral("EOFError"));
        }
    }

    void closedReaderMeansBrokenPipe()
    {
        auto [a, b] = makePipe();
        b.close();
        try {
            a.send(QCborValue(1));
            QFAIL("send to a closed end returned");
        } catch (const PythonError &e) {
            QCOMPARE(QString::fromLatin1(e.pythonType()), QStringLiteral("BrokenPipeError"));
        }
    }

    void closedHandleIsAnError()
    {
        auto [a, b] = makePipe();
        a.close();
        QCOMPARE(a.fileno(), -1);
        QVERIFY_THROWS_EXCEPTION(PythonError, a.send(QCborValue(1)));
    }

    // A child process writes into its end; the parent reads every message.
    void childSendsToParent()
    {
        auto [parentEnd, childEnd] = makePipe();
        Process child(QStringLiteral("send-messages"), {5});
        child.setInheritedFd(childEnd.fileno());
        child.start();
        childEnd.close(); // only the child holds the writing end now
        QList<qint64> got;
        qint64 from = 0;
        for (;;) {
            try {
                const QCborMap m = parentEnd.recv(10.0).toMap();
                got << m.value(QStringLiteral("n")).toInteger();
                from = m.value(QStringLiteral("from")).toInteger();
            } catch (const PythonError &e) {
                QCOMPARE(QString::fromLatin1(e.pythonType()), QStringLiteral("EOFError"));
                break;
            }
        }
        QVERIFY(child.join(10.0));
        QCOMPARE(got, (QList<qint64>{0, 1, 2, 3, 4}));
        QCOMPARE(from, *child.pid());
    }
};

QTEST_GUILESS_MAIN(TestConnection)
#include "tst_connection.moc"
