#include "scenariocatalogmodel.h"

#include "scenarios/registry.h"

#include <algorithm>

namespace clab {

ScenarioCatalogModel::ScenarioCatalogModel(QObject *parent)
    : QAbstractListModel(parent)
{
    rebuild();
}

void ScenarioCatalogModel::setFilterText(const QString &text)
{
    if (m_filter == text)
        return;
    m_filter = text;
    rebuild();
    emit filterTextChanged();
}

void ScenarioCatalogModel::rebuild()
{
    beginResetModel();
    m_rows.clear();
    const QString needle = m_filter.trimmed();
    for (const auto &s : ScenarioRegistry::instance().all()) {
        const bool match = needle.isEmpty() || s->id().contains(needle, Qt::CaseInsensitive)
            || s->title().contains(needle, Qt::CaseInsensitive)
            || groupTitle(s->group()).contains(needle, Qt::CaseInsensitive)
            || s->description().contains(needle, Qt::CaseInsensitive);
        if (match)
            m_rows.push_back(s.get());
    }
    // Sections need each group's rows together, in catalog order.
    std::stable_sort(m_rows.begin(), m_rows.end(),
                     [](const Scenario *a, const Scenario *b) { return int(a->group()) < int(b->group()); });
    endResetModel();
    emit countChanged();
}

int ScenarioCatalogModel::rowOf(const QString &id) const
{
    for (size_t i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i]->id() == id)
            return int(i);
    }
    return -1;
}

QString ScenarioCatalogModel::idAt(int row) const
{
    return row >= 0 && row < int(m_rows.size()) ? m_rows[size_t(row)]->id() : QString();
}

int ScenarioCatalogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant ScenarioCatalogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Scenario *s = m_rows[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case TitleRole: return s->title();
    case IdRole: return s->id();
    case GroupRole: return groupTitle(s->group());
    case DescriptionRole: return s->description();
    case SceneRole: return s->scene();
    default: return {};
    }
}

QHash<int, QByteArray> ScenarioCatalogModel::roleNames() const
{
    return {{IdRole, "scenarioId"}, {TitleRole, "title"}, {GroupRole, "group"},
            {DescriptionRole, "description"}, {SceneRole, "scene"}};
}

} // namespace clab
