#include "commandline.h"

#include "scenarios/registry.h"
#include "scenarios/scenariorun.h"
#include "trace/chromeexport.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QTextStream>

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

    void addTo(QCommandLineParser &parser) const
    {
        parser.addOptions({list, describe, scenario, set, seed, summary, exportTrace});
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

bool wantsHeadless(const QStringList &arguments)
{
    for (const QString &a : arguments) {
        if (a.startsWith(QLatin1String("--list-scenarios")) || a.startsWith(QLatin1String("--describe"))
            || a.startsWith(QLatin1String("--scenario")) || a == QLatin1String("--help")
            || a == QLatin1String("-h") || a == QLatin1String("--version") || a == QLatin1String("-v"))
            return true;
    }
    return false;
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
