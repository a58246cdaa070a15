#include "commandline.h"

#include "scenarios/registry.h"
#include "scenarios/scenariorun.h"
#include "snapshot.h"
#include "trace/chromeexport.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QQuickWindow>
#include <QTextStream>

#include <ctime>
#include <unistd.h>

#include <cstdio>

namespace clab::cli {

namespace {

constexpr int kExitOk = 0;
constexpr int kExitIoError = 1;
constexpr int kExitUsage = 2;

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

int usageError(const QString &message)
{
    err() << "concurrency-lab: " << message << Qt::endl;
    return kExitUsage;
}

QString knownScenarios()
{
    return ScenarioRegistry::instance().ids().join(QStringLiteral(", "));
}

struct Options {
    QCommandLineOption list{QStringLiteral("list-scenarios"),
                            QStringLiteral("List scenarios: ID<TAB>GROUP<TAB>TITLE.")};
    QCommandLineOption describe{QStringLiteral("describe"),
                                QStringLiteral("List a scenario's parameters: NAME<TAB>TYPE<TAB>DEFAULT<TAB>RANGE<TAB>HELP."),
                                QStringLiteral("ID")};
    QCommandLineOption scenario{QStringLiteral("scenario"), QStringLiteral("Run a scenario headless to its end."),
                                QStringLiteral("ID")};
    QCommandLineOption set{QStringLiteral("set"), QStringLiteral("Set a parameter of the scenario (repeatable)."),
                           QStringLiteral("NAME=VALUE")};
    QCommandLineOption seed{QStringLiteral("seed"), QStringLiteral("Seed for the scenario's random choices (default 1)."),
                            QStringLiteral("N"), QStringLiteral("1")};
    QCommandLineOption summary{QStringLiteral("summary"), QStringLiteral("Print the run's summary as one JSON object.")};
    QCommandLineOption exportTrace{QStringLiteral("export-trace"),
                                   QStringLiteral("Write the trace as Chrome Trace Event JSON (Perfetto, speedscope)."),
                                   QStringLiteral("FILE")};
    QCommandLineOption exportPng{QStringLiteral("export-png"),
                                 QStringLiteral("Save a picture of the run as the app shows it (offscreen)."),
                                 QStringLiteral("FILE")};
    QCommandLineOption view{QStringLiteral("view"), QStringLiteral("What --export-png shows: window, scene or timeline."),
                            QStringLiteral("VIEW"), QStringLiteral("window")};
    QCommandLineOption size{QStringLiteral("size"), QStringLiteral("Window size for --export-png, WIDTHxHEIGHT."),
                            QStringLiteral("WxH"), QStringLiteral("1600x1000")};
    QCommandLineOption theme{QStringLiteral("theme"), QStringLiteral("Theme for --export-png: light or dark."),
                             QStringLiteral("THEME"), QStringLiteral("light")};
    QCommandLineOption at{QStringLiteral("at"),
                          QStringLiteral("Where the time cursor stands in the picture, from 0 (start) to 1 (end)."),
                          QStringLiteral("FRACTION"), QStringLiteral("1")};
    QCommandLineOption lang{QStringLiteral("lang"),
                            QStringLiteral("Interface language: en or zh_CN (default: the system's)."),
                            QStringLiteral("LOCALE")};

    void addTo(QCommandLineParser &parser) const
    {
        parser.addOptions({list, describe, scenario, set, seed, summary, exportTrace, exportPng, view, size, theme, at, lang});
    }
};

int listScenarios()
{
    for (const auto &s : ScenarioRegistry::instance().all())
        out() << s->id() << '\t' << groupId(s->group()) << '\t' << s->title() << '\n';
    out().flush();
    return kExitOk;
}

int describeScenario(const QString &id)
{
    const Scenario *scenario = ScenarioRegistry::instance().find(id);
    if (!scenario)
        return usageError(QStringLiteral("unknown scenario '%1'; known: %2").arg(id, knownScenarios()));
    for (const ParameterSpec &p : scenario->parameters()) {
        out() << p.name << '\t' << p.typeName() << '\t' << p.defaultValue.toString() << '\t' << p.rangeText()
              << '\t' << p.helpText() << '\n';
    }
    out().flush();
    return kExitOk;
}

int runPicture(const QCommandLineParser &parser, const Options &o, quint64 seed)
{
    SnapshotRequest request;
    request.scenario = parser.value(o.scenario);
    request.assignments = parser.values(o.set);
    request.seed = seed;
    request.pngPath = parser.value(o.exportPng);
    request.tracePath = parser.value(o.exportTrace);
    request.view = parser.value(o.view);
    const QRegularExpressionMatch size = QRegularExpression(QStringLiteral("^(\\d{2,5})x(\\d{2,5})$")).match(parser.value(o.size));
    if (!size.hasMatch() || size.captured(1).toInt() < 320 || size.captured(2).toInt() < 240
        || size.captured(1).toInt() > 8192 || size.captured(2).toInt() > 8192)
        return usageError(QStringLiteral("--size must be WIDTHxHEIGHT from 320x240 to 8192x8192, got '%1'").arg(parser.value(o.size)));
    request.size = QSize(size.captured(1).toInt(), size.captured(2).toInt());
    const QString theme = parser.value(o.theme);
    if (theme != QLatin1String("light") && theme != QLatin1String("dark"))
        return usageError(QStringLiteral("--theme must be light or dark, got '%1'").arg(theme));
    request.dark = theme == QLatin1String("dark");
    bool atOk = false;
    request.at = parser.value(o.at).toDouble(&atOk);
    if (!atOk || request.at < 0 || request.at > 1)
        return usageError(QStringLiteral("--at must be a number from 0 to 1, got '%1'").arg(parser.value(o.at)));
    const SnapshotResult result = takeSnapshot(request);
    if (result.exitCode != kExitOk) {
        err() << "concurrency-lab: " << result.error << Qt::endl;
        return result.exitCode;
    }
    if (parser.isSet(o.summary)) {
        out() << result.summaryJson << '\n';
        out().flush();
    }
    return kExitOk;
}

int runScenario(const QCommandLineParser &parser, const Options &o)
{
    const QString id = parser.value(o.scenario);
    const Scenario *scenario = ScenarioRegistry::instance().find(id);
    if (!scenario)
        return usageError(QStringLiteral("unknown scenario '%1'; known: %2").arg(id, knownScenarios()));
    bool seedOk = false;
    const quint64 seed = parser.value(o.seed).toULongLong(&seedOk);
    if (!seedOk)
        return usageError(QStringLiteral("--seed must be a whole number from 0 to %1, got '%2'")
                              .arg(std::numeric_limits<quint64>::max())
                              .arg(parser.value(o.seed)));
    ParameterValues params(scenario->parameters());
    QString error;
    if (!params.applyAssignments(scenario->parameters(), parser.values(o.set), &error))
        return usageError(QStringLiteral("%1: %2").arg(id, error));
    if (parser.isSet(o.exportPng)) {
        if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
            return usageError(QStringLiteral("--export-png needs the GUI libraries"));
        return runPicture(parser, o, seed);
    }

    ScenarioRun run(*scenario, params, seed);
    run.runHere();
    const ScenarioOutcome outcome = run.outcome();
    if (parser.isSet(o.exportTrace)) {
        if (!saveChromeTrace(run.trace(), parser.value(o.exportTrace), &error)) {
            err() << "concurrency-lab: " << error << Qt::endl;
            return kExitIoError;
        }
    }
    if (parser.isSet(o.summary)) {
        out() << QJsonDocument(outcome.toJson()).toJson(QJsonDocument::Compact) << '\n';
        out().flush();
    }
    if (!outcome.error.isEmpty())
        err() << "concurrency-lab: " << id << " raised " << outcome.error << Qt::endl;
    return kExitOk;
}

} // namespace

void quitAfterFirstFrame(QQuickWindow *window)
{
    if (!window)
        return;
    QObject::connect(window, &QQuickWindow::frameSwapped, window, [] {
        // /proc/self/stat field 22 is the start time in clock ticks since boot.
        QFile stat(QStringLiteral("/proc/self/stat"));
        double sinceStartMs = -1;
        if (stat.open(QIODevice::ReadOnly)) {
            const QByteArray line = stat.readAll();
            const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
            timespec now{};
            clock_gettime(CLOCK_BOOTTIME, &now);
            const double ticks = double(sysconf(_SC_CLK_TCK));
            const double startedS = fields.value(19).toDouble() / ticks;
            sinceStartMs = (double(now.tv_sec) + double(now.tv_nsec) / 1e9 - startedS) * 1000.0;
        }
        out() << "first frame after " << QString::number(sinceStartMs, 'f', 1) << " ms" << Qt::endl;
        QCoreApplication::quit();
    }, Qt::SingleShotConnection);
}

QString languageFrom(const QStringList &arguments)
{
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        if (arguments[i] == QLatin1String("--lang") && i + 1 < arguments.size())
            return arguments[i + 1];
        if (arguments[i].startsWith(QLatin1String("--lang=")))
            return arguments[i].mid(7);
    }
    return {};
}

Mode modeFor(const QStringList &arguments)
{
    bool engine = false;
    const QStringList args = arguments.mid(1);
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args[i];
        if (a == QLatin1String("--quit-after-first-frame") || a.startsWith(QLatin1String("--lang=")))
            continue;
        if (a == QLatin1String("--lang")) {
            ++i; // and its value
            continue;
        }
        if (a.startsWith(QLatin1String("--export-png")))
            return Mode::Picture;
        if (a.startsWith(QLatin1String("--")) || a.startsWith(QLatin1Char('-')))
            engine = true;
    }
    return engine ? Mode::Engine : Mode::Window;
}

int runDefaultLessonHeadless()
{
    const QString scenario = QStringLiteral("race-condition");
    QDir dir(QDir::current().filePath(QStringLiteral("concurrency-lab-output")));
    if (!dir.mkpath(QStringLiteral("."))) {
        err() << "concurrency-lab: cannot create " << dir.path() << Qt::endl;
        return kExitIoError;
    }
    SnapshotRequest request;
    request.scenario = scenario;
    request.pngPath = dir.filePath(scenario + QStringLiteral(".png"));
    request.tracePath = dir.filePath(scenario + QStringLiteral(".trace.json"));
    request.at = 0.5;
    out() << "No display found, so the default lesson (" << scenario << ") ran headless." << Qt::endl;
    const SnapshotResult result = takeSnapshot(request);
    if (result.exitCode != kExitOk) {
        err() << "concurrency-lab: " << result.error << Qt::endl;
        return result.exitCode;
    }
    out() << "  summary: " << result.summaryJson << '\n'
          << "  picture: " << QFileInfo(request.pngPath).absoluteFilePath() << '\n'
          << "  trace:   " << QFileInfo(request.tracePath).absoluteFilePath()
          << "  (open it in https://ui.perfetto.dev)\n"
          << "Run it with a display (DISPLAY or WAYLAND_DISPLAY set) to open the window." << Qt::endl;
    return kExitOk;
}

int runHeadless(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Concurrency Lab: watch real threads, processes and coroutines run."));
    parser.addHelpOption();
    parser.addVersionOption();
    Options o;
    o.addTo(parser);
    if (!parser.parse(arguments))
        return usageError(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        out() << parser.helpText();
        out().flush();
        return kExitOk;
    }
    if (parser.isSet(QStringLiteral("version"))) {
        out() << QCoreApplication::applicationName() << ' ' << QCoreApplication::applicationVersion() << '\n';
        out().flush();
        return kExitOk;
    }
    if (!parser.positionalArguments().isEmpty())
        return usageError(QStringLiteral("unexpected argument '%1'; see --help").arg(parser.positionalArguments().first()));
    if (parser.isSet(o.list))
        return listScenarios();
    if (parser.isSet(o.describe))
        return describeScenario(parser.value(o.describe));
    if (parser.isSet(o.scenario))
        return runScenario(parser, o);
    return usageError(QStringLiteral("nothing to do; see --help"));
}

} // namespace clab::cli
