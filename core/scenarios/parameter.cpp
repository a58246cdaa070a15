#include "parameter.h"

#include <QCoreApplication>
#include <cmath>

namespace clab {

ParameterSpec ParameterSpec::integer(const QString &name, qint64 def, qint64 min, qint64 max, const char *help)
{
    return {name, ParameterType::Int, def, min, max, {}, help};
}

ParameterSpec ParameterSpec::real(const QString &name, double def, double min, double max, const char *help)
{
    return {name, ParameterType::Double, def, min, max, {}, help};
}

ParameterSpec ParameterSpec::boolean(const QString &name, bool def, const char *help)
{
    return {name, ParameterType::Bool, def, {}, {}, {}, help};
}

ParameterSpec ParameterSpec::choice(const QString &name, const QStringList &choices, const QString &def,
                                    const char *help)
{
    return {name, ParameterType::Choice, def, {}, {}, choices, help};
}

QString ParameterSpec::typeName() const
{
    switch (type) {
    case ParameterType::Int: return QStringLiteral("int");
    case ParameterType::Double: return QStringLiteral("float");
    case ParameterType::Bool: return QStringLiteral("bool");
    case ParameterType::Choice: return QStringLiteral("choice");
    }
    return {};
}

QString ParameterSpec::rangeText() const
{
    switch (type) {
    case ParameterType::Int:
    case ParameterType::Double:
        return minimum.toString() + QStringLiteral("..") + maximum.toString();
    case ParameterType::Bool:
        return QStringLiteral("true|false");
    case ParameterType::Choice:
        return choices.join(QLatin1Char('|'));
    }
    return {};
}

QString ParameterSpec::helpText() const
{
    return QCoreApplication::translate("clab::Scenario", help);
}

std::optional<QVariant> ParameterSpec::check(const QVariant &value, QString *error) const
{
    switch (type) {
    case ParameterType::Int: {
        bool ok = false;
        const qint64 v = value.toLongLong(&ok);
        if (ok && value.typeId() == QMetaType::Double && value.toDouble() != double(v))
            ok = false;
        if (!ok || v < minimum.toLongLong() || v > maximum.toLongLong()) {
            *error = QStringLiteral("parameter '%1' must be an integer from %2 to %3, got '%4'")
                         .arg(name, minimum.toString(), maximum.toString(), value.toString());
            return std::nullopt;
        }
        return QVariant(v);
    }
    case ParameterType::Double: {
        bool ok = false;
        const double v = value.toDouble(&ok);
        if (!ok || !std::isfinite(v) || v < minimum.toDouble() || v > maximum.toDouble()) {
            *error = QStringLiteral("parameter '%1' must be a number from %2 to %3, got '%4'")
                         .arg(name, minimum.toString(), maximum.toString(), value.toString());
            return std::nullopt;
        }
        return QVariant(v);
    }
    case ParameterType::Bool: {
        if (value.typeId() == QMetaType::Bool)
            return value;
        const QString text = value.toString().trimmed().toLower();
        if (text == QLatin1String("true") || text == QLatin1String("1") || text == QLatin1String("yes")
            || text == QLatin1String("on"))
            return QVariant(true);
        if (text == QLatin1String("false") || text == QLatin1String("0") || text == QLatin1String("no")
            || text == QLatin1String("off"))
            return QVariant(false);
        *error = QStringLiteral("parameter '%1' must be true or false, got '%2'").arg(name, value.toString());
        return std::nullopt;
    }
    case ParameterType::Choice: {
        const QString text = value.toString().trimmed();
        if (choices.contains(text))
            return QVariant(text);
        *error = QStringLiteral("parameter '%1' must be one of %2, got '%3'")
                     .arg(name, choices.join(QStringLiteral(", ")), value.toString());
        return std::nullopt;
    }
    }
    return std::nullopt;
}

std::optional<QVariant> ParameterSpec::convert(const QString &text, QString *error) const
{
    const QString t = text.trimmed();
    switch (type) {
    case ParameterType::Int: {
        bool ok = false;
        const qint64 v = t.toLongLong(&ok);
        if (!ok) {
            *error = QStringLiteral("parameter '%1' must be an integer from %2 to %3, got '%4'")
                         .arg(name, minimum.toString(), maximum.toString(), text);
            return std::nullopt;
        }
        return check(QVariant(v), error);
    }
    case ParameterType::Double: {
        bool ok = false;
        const double v = t.toDouble(&ok);
        if (!ok) {
            *error = QStringLiteral("parameter '%1' must be a number from %2 to %3, got '%4'")
                         .arg(name, minimum.toString(), maximum.toString(), text);
            return std::nullopt;
        }
        return check(QVariant(v), error);
    }
    case ParameterType::Bool:
    case ParameterType::Choice:
        return check(QVariant(t), error);
    }
    return std::nullopt;
}

ParameterValues::ParameterValues(const QList<ParameterSpec> &specs)
{
    for (const ParameterSpec &spec : specs)
        m_values.insert(spec.name, spec.defaultValue);
}

namespace {
const ParameterSpec *findSpec(const QList<ParameterSpec> &specs, const QString &name)
{
    for (const ParameterSpec &spec : specs) {
        if (spec.name == name)
            return &spec;
    }
    return nullptr;
}

QString unknownParameter(const QList<ParameterSpec> &specs, const QString &name)
{
    QStringList names;
    for (const ParameterSpec &spec : specs)
        names << spec.name;
    return names.isEmpty() ? QStringLiteral("unknown parameter '%1'; this scenario takes no parameters").arg(name)
                           : QStringLiteral("unknown parameter '%1'; allowed: %2").arg(name, names.join(QStringLiteral(", ")));
}
} // namespace

bool ParameterValues::applyAssignments(const QList<ParameterSpec> &specs, const QStringList &assignments,
                                       QString *error)
{
    for (const QString &assignment : assignments) {
        const qsizetype eq = assignment.indexOf(QLatin1Char('='));
        if (eq <= 0) {
            *error = QStringLiteral("expected NAME=VALUE, got '%1'").arg(assignment);
            return false;
        }
        const QString name = assignment.left(eq).trimmed();
        const ParameterSpec *spec = findSpec(specs, name);
        if (!spec) {
            *error = unknownParameter(specs, name);
            return false;
        }
        const auto value = spec->convert(assignment.mid(eq + 1), error);
        if (!value)
            return false;
        m_values.insert(name, *value);
    }
    return true;
}

bool ParameterValues::set(const QList<ParameterSpec> &specs, const QString &name, const QVariant &value,
                          QString *error)
{
    const ParameterSpec *spec = findSpec(specs, name);
    if (!spec) {
        *error = unknownParameter(specs, name);
        return false;
    }
    const auto checked = spec->check(value, error);
    if (!checked)
        return false;
    m_values.insert(name, *checked);
    return true;
}

} // namespace clab
