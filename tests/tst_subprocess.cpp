// subprocess.run: output, input, exit codes, timeouts and missing programs.

#include "process/subprocess.h"
#include "threads/errors.h"

#include <QElapsedTimer>
#include "testsupport.h"

#include <QtTest>

using namespace clab;
using namespace clab::process;

namespace {
QString errorType(const std::function<void()> &call)
{
    try {
        call();
    } catch (const PythonError &e) {
        return QString::fromLatin1(e.pythonType()) + QStringLiteral(": ") + QString::fromUtf8(e.what());
    }
    return {};
}
} // namespace

class TestSubprocess : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { CLAB_SKIP_PROCESSES_UNDER_TSAN(); }

    void capturesOutputAndExitCode_data()
    {
        QTest::addColumn<QString>("script");
        QTest::addColumn<QByteArray>("out");
        QTest::addColumn<QByteArray>("err");
        QTest::addColumn<int>("code");
        QTest::newRow("ok") << QStringLiteral("echo hello") << QByteArray("hello\n") << QByteArray() << 0;
        QTest::newRow("stderr and exit 3") << QStringLiteral("echo oops >&2; exit 3") << QByteArray() << QByteArray("oops\n") << 3;
        QTest::newRow("both") << QStringLiteral("printf a; printf b >&2") << QByteArray("a") << QByteArray("b") << 0;
    }
    void capturesOutputAndExitCode()
    {
        QFETCH(QString, script);
        QFETCH(QByteArray, out);
        QFETCH(QByteArray, err);
        QFETCH(int, code);
        const CompletedProcess r = runSubprocess(QStringLiteral("sh"), {QStringLiteral("-c"), script});
        QCOMPARE(r.stdoutData, out);
        QCOMPARE(r.stderrData, err);
        QCOMPARE(r.returncode, code);
        QVERIFY(r.pid > 0);
        QCOMPARE(r.args.first(), QStringLiteral("sh"));
    }

    void feedsStdin()
    {
        const CompletedProcess r = runSubprocess(QStringLiteral("cat"), {}, "line one\nline two\n");
        QCOMPARE(r.stdoutData, QByteArray("line one\nline two\n"));
    }

    void missingProgram()
    {
        const QString error = errorType([] { runSubprocess(QStringLiteral("clab-no-such-program"), {}); });
        QVERIFY2(error.startsWith(QStringLiteral("FileNotFoundError")), qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("clab-no-such-program")), qPrintable(error));
    }

    void timesOutAndKills()
    {
        QElapsedTimer timer;
        timer.start();
        const QString error = errorType([] { runSubprocess(QStringLiteral("sleep"), {QStringLiteral("30")}, {}, 0.2); });
        QVERIFY2(error.startsWith(QStringLiteral("TimeoutExpired")), qPrintable(error));
        QVERIFY(timer.elapsed() < 10000);
    }

    void checkRaisesOnFailure()
    {
        const QString error = errorType([] {
            runSubprocess(QStringLiteral("sh"), {QStringLiteral("-c"), QStringLiteral("exit 2")}, {}, {}, true);
        });
        QVERIFY2(error.startsWith(QStringLiteral("CalledProcessError")), qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("exit status 2")), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestSubprocess)
#include "tst_subprocess.moc"
