#include "benchreport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTextStream>
#include <algorithm>

namespace clab::bench {

void BenchReport::add(const BenchRow &row)
{
    m_rows.push_back(row);
    QTextStream out(stdout);
    out << "  " << row.name << ": " << QString::number(row.ours, 'g', 4) << ' ' << row.unit;
    if (row.peer)
        out << "  (" << row.peerName << ": " << QString::number(*row.peer, 'g', 4) << ", ratio "
            << QString::number(*row.ratio(), 'g', 4) << ")";
    if (!row.goal.isEmpty())
        out << "  goal " << row.goal << (row.met ? (*row.met ? " met" : " NOT met") : "");
    out << Qt::endl;
}

void BenchReport::print() const
{
    QTextStream out(stdout);
    auto cell = [](const QString &s, int w) { return s.leftJustified(w, QLatin1Char(' '), false); };
    out << '\n'
        << cell(QStringLiteral("benchmark"), 48) << cell(QStringLiteral("ours"), 20) << cell(QStringLiteral("peer"), 52)
        << cell(QStringLiteral("ratio"), 10) << QStringLiteral("goal") << '\n';
    out << QString(140, QLatin1Char('-')) << '\n';
    for (const BenchRow &r : m_rows) {
        const QString ours = QString::number(r.ours, 'g', 4) + QLatin1Char(' ') + r.unit;
        const QString peer = r.peer ? r.peerName + QStringLiteral(": ") + QString::number(*r.peer, 'g', 4)
                                    : QStringLiteral("-");
        const QString ratio = r.ratio() ? QString::number(*r.ratio(), 'g', 4) : QStringLiteral("-");
        QString goal = r.goal;
        if (r.met)
            goal += *r.met ? QStringLiteral("  ok") : QStringLiteral("  MISSED");
        out << cell(r.name, 48) << cell(ours, 20) << cell(peer, 52) << cell(ratio, 10) << goal << '\n';
    }
    out.flush();
}

bool BenchReport::writeJson(const QString &path, QString *error) const
{
    QJsonArray rows;
    QFile existing(path);
    QStringList mine;
    for (const BenchRow &r : m_rows)
        mine << r.name;
    if (existing.open(QIODevice::ReadOnly)) {
        const QJsonArray old = QJsonDocument::fromJson(existing.readAll()).array();
        for (const QJsonValue &v : old) {
            if (!mine.contains(v.toObject().value(QStringLiteral("name")).toString()))
                rows.append(v);
        }
    }
    for (const BenchRow &r : m_rows) {
        QJsonObject o;
        o.insert(QStringLiteral("name"), r.name);
        o.insert(QStringLiteral("unit"), r.unit);
        o.insert(QStringLiteral("ours"), r.ours);
        o.insert(QStringLiteral("peer_name"), r.peer ? QJsonValue(r.peerName) : QJsonValue());
        o.insert(QStringLiteral("peer"), r.peer ? QJsonValue(*r.peer) : QJsonValue());
        o.insert(QStringLiteral("ratio"), r.ratio() ? QJsonValue(*r.ratio()) : QJsonValue());
        if (!r.goal.isEmpty())
            o.insert(QStringLiteral("goal"), r.goal);
        if (r.met)
            o.insert(QStringLiteral("met"), *r.met);
        rows.append(o);
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = file.errorString();
        return false;
    }
    file.write(QJsonDocument(rows).toJson(QJsonDocument::Indented));
    if (!file.commit()) {
        *error = file.errorString();
        return false;
    }
    return true;
}

double median(std::vector<double> samples)
{
    if (samples.empty())
        return 0;
    const auto mid = samples.begin() + qsizetype(samples.size() / 2);
    std::nth_element(samples.begin(), mid, samples.end());
    return *mid;
}

bool havePython()
{
    return !QStandardPaths::findExecutable(QStringLiteral("python3")).isEmpty();
}

QString pythonVersion()
{
    QProcess python;
    python.start(QStringLiteral("python3"), {QStringLiteral("-c"), QStringLiteral("import platform; print(platform.python_version())")});
    if (!python.waitForFinished(10000))
        return QStringLiteral("?");
    return QString::fromUtf8(python.readAllStandardOutput().trimmed());
}

std::vector<double> runPythonNumbers(const QString &script, int timeoutMs)
{
    std::vector<double> out;
    if (!havePython())
        return out;
    QProcess python;
    python.start(QStringLiteral("python3"), {QStringLiteral("-c"), script});
    if (!python.waitForFinished(timeoutMs) || python.exitStatus() != QProcess::NormalExit || python.exitCode() != 0) {
        QTextStream(stderr) << "python3 peer failed: " << python.readAllStandardError() << Qt::endl;
        python.kill();
        python.waitForFinished(1000);
        return out;
    }
    const QList<QByteArray> lines = python.readAllStandardOutput().trimmed().split('\n');
    for (const QByteArray &field : lines.last().simplified().split(' ')) {
        bool ok = false;
        const double v = field.toDouble(&ok);
        if (!ok)
            return {};
        out.push_back(v);
    }
    return out;
}

std::optional<double> runPython(const QString &script, int timeoutMs)
{
    if (!havePython())
        return std::nullopt;
    QProcess python;
    python.start(QStringLiteral("python3"), {QStringLiteral("-c"), script});
    if (!python.waitForFinished(timeoutMs) || python.exitStatus() != QProcess::NormalExit || python.exitCode() != 0) {
        QTextStream(stderr) << "python3 peer failed: " << python.readAllStandardError() << Qt::endl;
        python.kill();
        python.waitForFinished(1000);
        return std::nullopt;
    }
    const QList<QByteArray> lines = python.readAllStandardOutput().trimmed().split('\n');
    bool ok = false;
    const double value = lines.last().trimmed().toDouble(&ok);
    return ok ? std::optional<double>(value) : std::nullopt;
}

} // namespace clab::bench
