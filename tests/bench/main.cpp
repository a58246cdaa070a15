// `make bench`: runs every benchmark, prints a table and writes
// bench-results.json (rows merged by name).

#include "benchmarks.h"
#include "benchreport.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QGuiApplication>
#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(ConcurrencyLabPlugin)
#include <QTextStream>

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    qputenv("QT_QUICK_BACKEND", "software");
    QGuiApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption out(QStringLiteral("out"), QStringLiteral("Where to write the JSON results."),
                                 QStringLiteral("FILE"), QStringLiteral("bench-results.json"));
    parser.addOption(out);
    const QCommandLineOption app_(QStringLiteral("app"), QStringLiteral("The concurrency-lab executable, for start-up time."),
                                  QStringLiteral("PATH"), QStringLiteral(CLAB_APP_EXECUTABLE));
    parser.addOption(app_);
    const QCommandLineOption only(QStringLiteral("only"), QStringLiteral("Run one group: trace, locks, pool, coro, gil, process, timeline."),
                                  QStringLiteral("GROUP"));
    parser.addOption(only);
    parser.process(app);

    using namespace clab::bench;
    if (!havePython())
        QTextStream(stdout) << "python3 not found: CPython peers are skipped" << Qt::endl;
    BenchReport report;
    auto wanted = [&](const char *group) { return !parser.isSet(only) || parser.value(only) == QLatin1String(group); };
    if (wanted("trace") || wanted("locks")) {
        QTextStream(stdout) << "trace" << Qt::endl;
        benchTrace(report); // the lock budget uses its recording cost
    }
    if (wanted("locks")) {
        QTextStream(stdout) << "locks" << Qt::endl;
        benchLock(report);
    }
    if (wanted("pool")) {
        QTextStream(stdout) << "thread pool" << Qt::endl;
        benchPool(report);
    }
    if (wanted("coro")) {
        QTextStream(stdout) << "coroutines" << Qt::endl;
        benchCoroutines(report);
    }
    if (wanted("gil")) {
        QTextStream(stdout) << "GIL fidelity" << Qt::endl;
        benchGil(report);
    }
    if (wanted("process")) {
        QTextStream(stdout) << "processes" << Qt::endl;
        benchProcess(report);
    }
    if (wanted("timeline")) {
        QTextStream(stdout) << "timeline" << Qt::endl;
        benchTimeline(report);
        benchStartup(report, parser.value(app_));
    }

    report.print();
    QString error;
    if (!report.writeJson(parser.value(out), &error)) {
        QTextStream(stderr) << "cannot write " << parser.value(out) << ": " << error << Qt::endl;
        return 1;
    }
    QTextStream(stdout) << "\nwrote " << parser.value(out) << Qt::endl;
    return 0;
}
