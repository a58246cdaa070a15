// A call to a worker is answered once: the first completion wins, its
// callback runs once, and a waiter gets that result or a TimeoutError.

#include "process/callstate.h"
#include "threads/errors.h"

#include <QtTest>
#include <thread>

using namespace clab;
using namespace clab::process;

namespace {
CallResult success(int value)
{
    CallResult r;
    r.ok = true;
    r.value = value;
    return r;
}

CallResult failure(const QString &type, const QString &message)
{
    CallResult r;
    r.errorType = type;
    r.errorMessage = message;
    return r;
}
} // namespace

class TestCallState : public QObject
{
    Q_OBJECT

private slots:
    void firstCompletionWins_data()
    {
        QTest::addColumn<bool>("firstOk");
        QTest::newRow("a result, then a death report") << true;
        QTest::newRow("a death report, then a late result") << false;
    }
    void firstCompletionWins()
    {
        QFETCH(bool, firstOk);
        CallState call(7, 3);
        int callbacks = 0;
        CallResult seen;
        call.onDone = [&](const CallResult &r) {
            ++callbacks;
            seen = r;
        };
        QVERIFY(!call.done());
        const CallResult first = firstOk ? success(42) : failure(QStringLiteral("WorkerDied"), QStringLiteral("killed"));
        const CallResult second = firstOk ? failure(QStringLiteral("WorkerDied"), QStringLiteral("killed")) : success(42);
        call.complete(first);
        call.complete(second);
        QVERIFY(call.done());
        QCOMPARE(callbacks, 1);
        QCOMPARE(seen.ok, firstOk);
        QCOMPARE(call.result().ok, firstOk);
        QCOMPARE(call.result().errorType, first.errorType);
        QCOMPARE(call.result().value, first.value);
        QCOMPARE(call.id(), qint64(7));
        QCOMPARE(call.pool(), ObjectId(3));
    }

    void waitGetsTheResultFromAnotherThread()
    {
        CallState call(1, 0);
        std::thread io([&] {
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
            call.complete(success(5));
        });
        const CallResult r = call.wait(5.0);
        io.join();
        QVERIFY(r.ok);
        QCOMPARE(r.value.toInteger(), 5);
    }

    void waitTimesOut()
    {
        CallState call(1, 0);
        QVERIFY_THROWS_EXCEPTION(TimeoutError, call.wait(0.02));
        QVERIFY(!call.done());
    }
};

QTEST_GUILESS_MAIN(TestCallState)
#include "tst_callstate.moc"
