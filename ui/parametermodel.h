#pragma once

#include "scenarios/parameter.h"

#include <QAbstractListModel>
#include <QQmlEngine>

namespace clab {

// The chosen scenario's parameters, for the controls the parameter pane
// builds: a slider or spin box for numbers, a switch for booleans, a combo
// box for choices. Values are checked against their spec before they stick.
class ParameterModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by RunController")
    Q_PROPERTY(QString lastError READ lastError NOTIFY lastErrorChanged)

public:
    enum Role {
        NameRole = Qt::UserRole + 1, // snake_case name, as on the command line
        TypeRole,                    // "int", "float", "bool", "choice"
        ValueRole,                   // the current value
        DefaultRole,                 // the default value
        MinimumRole,                 // lower bound of numbers
        MaximumRole,                 // upper bound of numbers
        ChoicesRole,                 // allowed values of a choice
        HelpRole,                    // one-line help, translated
        RangeRole,                   // "1..64", "true|false", ...
    };
    Q_ENUM(Role)

    explicit ParameterModel(QObject *parent = nullptr);

    void setSpecs(const QList<ParameterSpec> &specs);
    const ParameterValues &values() const { return m_values; }
    QString lastError() const { return m_lastError; }

    // False (and lastError says why) if the value is not allowed; the old
    // value stays.
    Q_INVOKABLE bool setValue(int row, const QVariant &value);
    Q_INVOKABLE void resetToDefaults();

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QHash<int, QByteArray> roleNames() const override;

Q_SIGNALS:
    void lastErrorChanged();
    void valuesChanged();

private:
    QList<ParameterSpec> m_specs;
    ParameterValues m_values;
    QString m_lastError;
};

} // namespace clab
