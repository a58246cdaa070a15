// The command line, run as a user runs it: the real executable in a QProcess.

#include "scenarios/registry.h"
#include "scenarios/scenario.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#ifndef CLAB_EXECUTABLE
#error "CLAB_EXECUTABLE must name the concurrency-lab executable"
#endif

using namespace clab;

namespace {

struct Result {
    int exitCode = -1;
    QString out;
    QString err;
};

Result runCli(const QStringList &arguments)
{
    QProcess process;
    process.setProgram(QStringLiteral(CLAB_EXECUTABLE));
    process.setArguments(arguments);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    process.setProcessEnvironment(env);
    process.start();
    Result r;
    if (!process.waitForStarted(10000)) {
        r.err = QStringLiteral("could not start %1").arg(QStringLiteral(CLAB_EXECUTABLE));
        return r;
    }
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
        r.err = QStringLiteral("timed out");
        return r;
    }
    r.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    r.out = QString::fromUtf8(process.readAllStandardOutput());
    r.err = QString::fromUtf8(process.readAllStandardError());
    return r;
}

QStringList lines(const QString &text)
{
    QStringList out = text.split(QLatin1Char('\n'));
    if (!out.isEmpty() && out.last().isEmpty())
        out.removeLast();
    return out;
}

// Quick settings for each scenario, so that a run takes milliseconds.
QStringList quickSettings(const QString &id)
{
    if (id == QLatin1String("thread-basics"))
        return {QStringLiteral("--set"), QStringLiteral("work_ms=10")};
    if (id == QLatin1String("race-condition"))
        return {QStringLiteral("--set"), QStringLiteral("iterations=2000")};
    if (id == QLatin1String("thread-pool"))
        return {QStringLiteral("--set"), QStringLiteral("tasks=4"), QStringLiteral("--set"), QStringLiteral("max_ms=5")};
    if (id == QLatin1String("producer-consumer"))
        return {QStringLiteral("--set"), QStringLiteral("items=6")};
    if (id == QLatin1String("lock-contention"))
        return {QStringLiteral("--set"), QStringLiteral("iterations=3")};
    return {};
}

} // namespace

class TestCommandLine : public QObject
{
    Q_OBJECT

private slots:
    void listScenarios();
    void describe_data();
    void describe();
    void summary_data();
    void summary();
    void summaryReflectsSettingsAndSeed();
    void usageErrors_data();
    void usageErrors();
    void exportTraceToUnwritablePath_data();
    void exportTraceToUnwritablePath();
    void exportTrace();
    void help();
};

void TestCommandLine::listScenarios()
{
    const Result r = runCli({QStringLiteral("--list-scenarios")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
    const QStringList rows = lines(r.out);
    const auto &all = ScenarioRegistry::instance().all();
    QCOMPARE(rows.size(), int(all.size()));
    for (int i = 0; i < rows.size(); ++i) {
        const QStringList fields = rows[i].split(QLatin1Char('\t'));
        QCOMPARE(fields.size(), 3);
        const Scenario &s = *all[size_t(i)];
        QCOMPARE(fields[0], s.id());
        QCOMPARE(fields[1], groupId(s.group()));
        QCOMPARE(fields[2], s.title());
        QVERIFY(!fields[2].isEmpty());
    }
}

void TestCommandLine::describe_data()
{
    QTest::addColumn<QString>("id");
    for (const QString &id : ScenarioRegistry::instance().ids())
        QTest::newRow(qPrintable(id)) << id;
}

void TestCommandLine::describe()
{
    QFETCH(QString, id);
    const Result r = runCli({QStringLiteral("--describe"), id});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
    const QList<ParameterSpec> specs = ScenarioRegistry::instance().find(id)->parameters();
    const QStringList rows = lines(r.out);
    QCOMPARE(rows.size(), specs.size());
    for (int i = 0; i < rows.size(); ++i) {
        const QStringList fields = rows[i].split(QLatin1Char('\t'));
        QCOMPARE(fields.size(), 5);
        const ParameterSpec &p = specs[i];
        QCOMPARE(fields[0], p.name);
        QCOMPARE(fields[1], p.typeName());
        QCOMPARE(fields[2], p.defaultValue.toString());
        QCOMPARE(fields[3], p.rangeText());
        QCOMPARE(fields[4], p.helpText());
        QVERIFY(!fields[4].isEmpty());
        QVERIFY(QStringList({QStringLiteral("int"), QStringLiteral("float"), QStringLiteral("bool"),
                             QStringLiteral("choice")}).contains(fields[1]));
    }
}

void TestCommandLine::summary_data()
{
    QTest::addColumn<QString>("id");
    for (const QString &id : ScenarioRegistry::instance().ids())
        QTest::newRow(qPrintable(id)) << id;
}

void TestCommandLine::summary()
{
    QFETCH(QString, id);
    const Result r = runCli(QStringList{QStringLiteral("--scenario"), id, QStringLiteral("--summary")} + quickSettings(id));
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
    const QStringList rows = lines(r.out);
    QCOMPARE(rows.size(), 1); // one JSON object on one line
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(rows.first().toUtf8(), &parseError);
    QVERIFY2(parseError.error == QJsonParseError::NoError, qPrintable(parseError.errorString()));
    QVERIFY(doc.isObject());
    const QJsonObject o = doc.object();
    for (const char *key : {"scenario", "params", "elapsed_ms", "actors", "events", "metrics"})
        QVERIFY2(o.contains(QLatin1String(key)), key);
    QCOMPARE(o.value(QStringLiteral("scenario")).toString(), id);
    QVERIFY(o.value(QStringLiteral("params")).isObject());
    QVERIFY(o.value(QStringLiteral("metrics")).isObject());
    QVERIFY(!o.value(QStringLiteral("metrics")).toObject().isEmpty());
    QVERIFY(o.value(QStringLiteral("elapsed_ms")).toDouble() > 0);
    QVERIFY(o.value(QStringLiteral("actors")).toInt() >= 1);
    QVERIFY(o.value(QStringLiteral("events")).toInteger() > 0);
    QVERIFY(!o.contains(QStringLiteral("error")));
    QVERIFY(!o.contains(QStringLiteral("cancelled")));
    // Every parameter is listed, defaults included.
    const QJsonObject params = o.value(QStringLiteral("params")).toObject();
    for (const ParameterSpec &p : ScenarioRegistry::instance().find(id)->parameters())
        QVERIFY2(params.contains(p.name), qPrintable(p.name));
}

void TestCommandLine::summaryReflectsSettingsAndSeed()
{
    const Result r = runCli({QStringLiteral("--scenario"), QStringLiteral("thread-pool"), QStringLiteral("--summary"),
                             QStringLiteral("--set"), QStringLiteral("workers=2"), QStringLiteral("--set"),
                             QStringLiteral("tasks=5"), QStringLiteral("--set"), QStringLiteral("max_ms=3"),
                             QStringLiteral("--set"), QStringLiteral("work=cpu"), QStringLiteral("--seed"),
                             QStringLiteral("99")});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
    const QJsonObject params = o.value(QStringLiteral("params")).toObject();
    QCOMPARE(params.value(QStringLiteral("workers")).toInt(), 2);
    QCOMPARE(params.value(QStringLiteral("tasks")).toInt(), 5);
    QCOMPARE(params.value(QStringLiteral("work")).toString(), QStringLiteral("cpu"));
    QCOMPARE(params.value(QStringLiteral("min_ms")).toInt(), 5); // the default, kept
    QCOMPARE(o.value(QStringLiteral("seed")).toInteger(), qint64(99));
    const QJsonObject metrics = o.value(QStringLiteral("metrics")).toObject();
    QCOMPARE(metrics.value(QStringLiteral("tasks_done")).toInt(), 5);
    QVERIFY(metrics.value(QStringLiteral("workers_used")).toInt() <= 2);
}

void TestCommandLine::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");

    const QString known = ScenarioRegistry::instance().ids().join(QStringLiteral(", "));
    QTest::newRow("unknown scenario") << QStringList{"--scenario", "nope", "--summary"}
                                      << QStringLiteral("unknown scenario 'nope'; known: %1").arg(known);
    QTest::newRow("describe unknown scenario") << QStringList{"--describe", "nope"}
                                               << QStringLiteral("unknown scenario 'nope'; known: %1").arg(known);
    QTest::newRow("unknown parameter")
        << QStringList{"--scenario", "thread-pool", "--set", "speed=3"}
        << QStringLiteral("thread-pool: unknown parameter 'speed'; allowed: workers, tasks, min_ms, max_ms, work");
    QTest::newRow("not NAME=VALUE") << QStringList{"--scenario", "thread-pool", "--set", "workers"}
                                    << QStringLiteral("thread-pool: expected NAME=VALUE, got 'workers'");
    QTest::newRow("wrong type: int") << QStringList{"--scenario", "thread-pool", "--set", "workers=many"}
                                     << QStringLiteral("thread-pool: parameter 'workers' must be an integer from 1 to 32, got 'many'");
    QTest::newRow("wrong type: bool") << QStringList{"--scenario", "race-condition", "--set", "lock=perhaps"}
                                      << QStringLiteral("race-condition: parameter 'lock' must be true or false, got 'perhaps'");
    QTest::newRow("wrong choice") << QStringList{"--scenario", "thread-pool", "--set", "work=gpu"}
                                  << QStringLiteral("thread-pool: parameter 'work' must be one of sleep, cpu, got 'gpu'");
    QTest::newRow("out of range: above") << QStringList{"--scenario", "thread-pool", "--set", "workers=33"}
                                         << QStringLiteral("thread-pool: parameter 'workers' must be an integer from 1 to 32, got '33'");
    QTest::newRow("out of range: below") << QStringList{"--scenario", "race-condition", "--set", "threads=1"}
                                         << QStringLiteral("race-condition: parameter 'threads' must be an integer from 2 to 16, got '1'");
    const QString seedError = QStringLiteral("--seed must be a whole number from 0 to 18446744073709551615, got '%1'");
    QTest::newRow("bad seed: word") << QStringList{"--scenario", "thread-pool", "--seed", "abc"} << seedError.arg(u"abc");
    QTest::newRow("bad seed: negative") << QStringList{"--scenario", "thread-pool", "--seed", "-1"} << seedError.arg(u"-1");
    QTest::newRow("bad seed: fraction") << QStringList{"--scenario", "thread-pool", "--seed", "1.5"} << seedError.arg(u"1.5");
    QTest::newRow("bad seed: too big") << QStringList{"--scenario", "thread-pool", "--seed", "18446744073709551616"}
                                       << seedError.arg(u"18446744073709551616");
    QTest::newRow("unknown option") << QStringList{"--scenario", "thread-pool", "--fast"}
                                    << QStringLiteral("Unknown option 'fast'.");
    QTest::newRow("missing value") << QStringList{"--scenario"} << QStringLiteral("Missing value after '--scenario'.");
    QTest::newRow("stray argument") << QStringList{"--list-scenarios", "extra"}
                                    << QStringLiteral("unexpected argument 'extra'; see --help");
}

void TestCommandLine::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const Result r = runCli(arguments);
    QCOMPARE(r.exitCode, 2);
    QCOMPARE(r.err, QStringLiteral("concurrency-lab: %1\n").arg(message));
    QVERIFY2(r.out.isEmpty(), qPrintable(r.out)); // no run, no summary
}

void TestCommandLine::exportTraceToUnwritablePath_data()
{
    QTest::addColumn<QString>("relativePath");
    QTest::newRow("missing directory") << QStringLiteral("missing/trace.json");
    QTest::newRow("missing directories") << QStringLiteral("a/b/trace.json");
    QTest::newRow("path is a directory") << QStringLiteral(".");
}

void TestCommandLine::exportTraceToUnwritablePath()
{
    QFETCH(QString, relativePath);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = QDir(dir.path()).filePath(relativePath);
    const QStringList before = QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);
    const Result r = runCli({QStringLiteral("--scenario"), QStringLiteral("thread-pool"), QStringLiteral("--set"),
                             QStringLiteral("tasks=2"), QStringLiteral("--summary"), QStringLiteral("--export-trace"),
                             path});
    QCOMPARE(r.exitCode, 1);
    // The message names the file and why it could not be written.
    QVERIFY2(r.err.startsWith(QStringLiteral("concurrency-lab: cannot write %1: ").arg(path)), qPrintable(r.err));
    const QString reason = r.err.mid(QStringLiteral("concurrency-lab: cannot write %1: ").arg(path).size()).trimmed();
    QVERIFY2(!reason.isEmpty(), qPrintable(r.err));
    // Nothing was created: no file, no directory, no temporary left behind.
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden), before);
    if (relativePath != QLatin1String("."))
        QVERIFY(!QFileInfo::exists(path));
}

void TestCommandLine::exportTrace()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = QDir(dir.path()).filePath(QStringLiteral("trace.json"));
    const Result r = runCli({QStringLiteral("--scenario"), QStringLiteral("thread-pool"), QStringLiteral("--set"),
                             QStringLiteral("tasks=4"), QStringLiteral("--set"), QStringLiteral("workers=2"),
                             QStringLiteral("--set"), QStringLiteral("max_ms=5"), QStringLiteral("--export-trace"), path});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
    QVERIFY(r.out.isEmpty()); // no --summary
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    QVERIFY2(parseError.error == QJsonParseError::NoError, qPrintable(parseError.errorString()));
    QVERIFY(doc.isObject());
    const QJsonArray events = doc.object().value(QStringLiteral("traceEvents")).toArray();
    QVERIFY(!events.isEmpty());
    // Lanes are named as in Python.
    QStringList threadNames;
    for (const QJsonValue &v : events) {
        const QJsonObject e = v.toObject();
        QVERIFY(e.contains(QStringLiteral("ph")));
        if (e.value(QStringLiteral("ph")).toString() == QLatin1String("M")
            && e.value(QStringLiteral("name")).toString() == QLatin1String("thread_name"))
            threadNames << e.value(QStringLiteral("args")).toObject().value(QStringLiteral("name")).toString();
    }
    QVERIFY2(threadNames.contains(QStringLiteral("MainThread")), qPrintable(threadNames.join(u',')));
    QVERIFY2(threadNames.contains(QStringLiteral("ThreadPoolExecutor-0_0")), qPrintable(threadNames.join(u',')));
    // Only the trace file was written.
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{QStringLiteral("trace.json")});
}

void TestCommandLine::help()
{
    const Result r = runCli({QStringLiteral("--help")});
    QCOMPARE(r.exitCode, 0);
    for (const char *option : {"--list-scenarios", "--describe", "--scenario", "--set", "--seed", "--summary",
                               "--export-trace"})
        QVERIFY2(r.out.contains(QLatin1String(option)), option);
    QVERIFY(r.err.isEmpty());
}

QTEST_GUILESS_MAIN(TestCommandLine)
#include "tst_commandline.moc"
