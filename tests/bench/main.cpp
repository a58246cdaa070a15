// `make bench`: runs every benchmark, prints a table and writes
// bench-results.json (rows merged by name).

#include "benchmarks.h"
#include "benchreport.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption out(QStringLiteral("out"), QStringLiteral("Where to write the JSON results."),
                                 QStringLiteral("FILE"), QStringLiteral("bench-results.json"));
    parser.addOption(out);
    parser.process(app);

    using namespace clab::bench;
    if (!havePython())
        QTextStream(stdout) << "python3 not found: CPython peers are skipped" << Qt::endl;
    BenchReport report;
    QTextStream(stdout) << "trace" << Qt::endl;
    benchTrace(report);
    QTextStream(stdout) << "locks" << Qt::endl;
    benchLock(report);
    QTextStream(stdout) << "thread pool" << Qt::endl;
    benchPool(report);

    report.print();
    QString error;
    if (!report.writeJson(parser.value(out), &error)) {
        QTextStream(stderr) << "cannot write " << parser.value(out) << ": " << error << Qt::endl;
        return 1;
    }
    QTextStream(stdout) << "\nwrote " << parser.value(out) << Qt::endl;
    return 0;
}
