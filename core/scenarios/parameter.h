#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>
#include <QVariantMap>
#include <optional>

namespace clab {

enum class ParameterType { Int, Double, Bool, Choice };

// One typed, ranged parameter of a scenario. The UI builds its controls
// from these; the command line validates --set against them.
struct ParameterSpec {
    QString name;             // snake_case, as on the command line
    ParameterType type = ParameterType::Int;
    QVariant defaultValue;
    QVariant minimum;         // Int and Double
    QVariant maximum;
    QStringList choices;      // Choice
    const char *help = "";    // English source; helpText() translates

    static ParameterSpec integer(const QString &name, qint64 def, qint64 min, qint64 max, const char *help);
    static ParameterSpec real(const QString &name, double def, double min, double max, const char *help);
    static ParameterSpec boolean(const QString &name, bool def, const char *help);
    static ParameterSpec choice(const QString &name, const QStringList &choices, const QString &def,
                                const char *help);

    QString typeName() const;   // int, float, bool, choice
    QString rangeText() const;  // 1..64, true|false, a|b
    QString helpText() const;   // translated

    // The value as this parameter's type, or nullopt with the reason
    // (naming what is allowed) in `error`.
    std::optional<QVariant> convert(const QString &text, QString *error) const;
    std::optional<QVariant> check(const QVariant &value, QString *error) const;
};

// The values a run uses: every parameter, defaults filled in.
class ParameterValues
{
public:
    ParameterValues() = default;
    explicit ParameterValues(const QList<ParameterSpec> &specs);

    // Applies NAME=VALUE assignments. Returns false with a message naming
    // the parameter and what is allowed.
    bool applyAssignments(const QList<ParameterSpec> &specs, const QStringList &assignments, QString *error);
    // Sets one value after checking it against its spec.
    bool set(const QList<ParameterSpec> &specs, const QString &name, const QVariant &value, QString *error);

    qint64 integer(const QString &name) const { return m_values.value(name).toLongLong(); }
    int count(const QString &name) const { return int(m_values.value(name).toLongLong()); }
    double real(const QString &name) const { return m_values.value(name).toDouble(); }
    bool boolean(const QString &name) const { return m_values.value(name).toBool(); }
    QString choice(const QString &name) const { return m_values.value(name).toString(); }

    const QVariantMap &values() const { return m_values; }

private:
    QVariantMap m_values;
};

} // namespace clab
