#pragma once

#include <QAbstractListModel>
#include <QQmlEngine>
#include <vector>

namespace clab {

class Scenario;

// The catalog on the left: every scenario, grouped, filtered by a search
// text that matches id, title, group or description.
class ScenarioCatalogModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString filterText READ filterText WRITE setFilterText NOTIFY filterTextChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)

public:
    enum Role {
        IdRole = Qt::UserRole + 1, // stable id, e.g. race-condition
        TitleRole,                 // translated title
        GroupRole,                 // translated group, the section
        DescriptionRole,           // translated one-paragraph description
        SceneRole,                 // which scene shows it
    };
    Q_ENUM(Role)

    explicit ScenarioCatalogModel(QObject *parent = nullptr);

    QString filterText() const { return m_filter; }
    void setFilterText(const QString &text);

    Q_INVOKABLE int rowOf(const QString &id) const;
    Q_INVOKABLE QString idAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

Q_SIGNALS:
    void filterTextChanged();
    void countChanged();

private:
    void rebuild();

    QString m_filter;
    std::vector<const Scenario *> m_rows;
};

} // namespace clab
