#include "parametermodel.h"

namespace clab {

ParameterModel::ParameterModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

void ParameterModel::setSpecs(const QList<ParameterSpec> &specs)
{
    beginResetModel();
    m_specs = specs;
    m_values = ParameterValues(specs);
    endResetModel();
    emit valuesChanged();
}

bool ParameterModel::setValue(int row, const QVariant &value)
{
    return setData(index(row), value, ValueRole);
}

void ParameterModel::resetToDefaults()
{
    m_values = ParameterValues(m_specs);
    if (!m_specs.isEmpty())
        emit dataChanged(index(0), index(int(m_specs.size()) - 1), {ValueRole});
    emit valuesChanged();
}

int ParameterModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_specs.size());
}

QVariant ParameterModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ParameterSpec &spec = m_specs[index.row()];
    switch (role) {
    case Qt::DisplayRole:
    case NameRole: return spec.name;
    case TypeRole: return spec.typeName();
    case ValueRole: return m_values.values().value(spec.name);
    case DefaultRole: return spec.defaultValue;
    case MinimumRole: return spec.minimum;
    case MaximumRole: return spec.maximum;
    case ChoicesRole: return spec.choices;
    case HelpRole: return spec.helpText();
    case RangeRole: return spec.rangeText();
    default: return {};
    }
}

bool ParameterModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != ValueRole || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    QString error;
    const QString name = m_specs[index.row()].name;
    if (!m_values.set(m_specs, name, value, &error)) {
        m_lastError = error;
        emit lastErrorChanged();
        // Views that already show the rejected value go back to the old one.
        emit dataChanged(index, index, {ValueRole});
        return false;
    }
    if (!m_lastError.isEmpty()) {
        m_lastError.clear();
        emit lastErrorChanged();
    }
    emit dataChanged(index, index, {ValueRole});
    emit valuesChanged();
    return true;
}

Qt::ItemFlags ParameterModel::flags(const QModelIndex &index) const
{
    const Qt::ItemFlags flags = QAbstractListModel::flags(index);
    return index.isValid() ? flags | Qt::ItemIsEditable : flags;
}

QHash<int, QByteArray> ParameterModel::roleNames() const
{
    return {{NameRole, "name"},       {TypeRole, "type"},       {ValueRole, "value"},
            {DefaultRole, "defaultValue"}, {MinimumRole, "minimum"}, {MaximumRole, "maximum"},
            {ChoicesRole, "choices"}, {HelpRole, "help"},       {RangeRole, "range"}};
}

} // namespace clab
