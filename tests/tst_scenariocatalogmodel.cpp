// ScenarioCatalogModel: every registered scenario, grouped into sections,
// filtered by a search text.

#include "scenariocatalogmodel.h"

#include "scenarios/registry.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QtTest>

using namespace clab;

class TestScenarioCatalogModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void roleNames();
    void listsEveryRegisteredScenario();
    void rolesOfAScenario_data();
    void rolesOfAScenario();
    void groupsAreContiguousInCatalogOrder();
    void filterText_data();
    void filterText();
    void filterSignals();
    void rowOfAndIdAt();

private:
    QStringList ids() const;

    std::unique_ptr<ScenarioCatalogModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestScenarioCatalogModel::init()
{
    m_model = std::make_unique<ScenarioCatalogModel>();
    m_tester = std::make_unique<QAbstractItemModelTester>(m_model.get(),
                                                          QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void TestScenarioCatalogModel::cleanup()
{
    m_tester.reset();
    m_model.reset();
}

QStringList TestScenarioCatalogModel::ids() const
{
    QStringList out;
    for (int row = 0; row < m_model->rowCount(); ++row)
        out << m_model->index(row).data(ScenarioCatalogModel::IdRole).toString();
    return out;
}

void TestScenarioCatalogModel::roleNames()
{
    const QHash<int, QByteArray> expected{{ScenarioCatalogModel::IdRole, "scenarioId"},
                                          {ScenarioCatalogModel::TitleRole, "title"},
                                          {ScenarioCatalogModel::GroupRole, "group"},
                                          {ScenarioCatalogModel::DescriptionRole, "description"},
                                          {ScenarioCatalogModel::SceneRole, "scene"}};
    QCOMPARE(m_model->roleNames(), expected);
}

void TestScenarioCatalogModel::listsEveryRegisteredScenario()
{
    const ScenarioRegistry &registry = ScenarioRegistry::instance();
    QCOMPARE(m_model->rowCount(), int(registry.all().size()));
    QCOMPARE(m_model->property("count").toInt(), m_model->rowCount());
    QStringList listed = ids();
    QStringList registered = registry.ids();
    QCOMPARE(listed.size(), registered.size());
    listed.sort();
    registered.sort();
    QCOMPARE(listed, registered);
    // The lessons the app is built around are there.
    for (const char *id : {"thread-basics", "race-condition", "lock-contention", "deadlock", "producer-consumer",
                           "thread-pool"})
        QVERIFY2(m_model->rowOf(QString::fromLatin1(id)) >= 0, id);
    QVERIFY(m_model->filterText().isEmpty());
}

void TestScenarioCatalogModel::rolesOfAScenario_data()
{
    QTest::addColumn<QString>("id");
    for (const QString &id : ScenarioRegistry::instance().ids())
        QTest::newRow(qPrintable(id)) << id;
}

void TestScenarioCatalogModel::rolesOfAScenario()
{
    QFETCH(QString, id);
    const Scenario *s = ScenarioRegistry::instance().find(id);
    QVERIFY(s);
    const int row = m_model->rowOf(id);
    QVERIFY(row >= 0);
    const QModelIndex i = m_model->index(row);
    QCOMPARE(i.data(ScenarioCatalogModel::IdRole).toString(), id);
    QCOMPARE(i.data(ScenarioCatalogModel::TitleRole).toString(), s->title());
    QCOMPARE(i.data(Qt::DisplayRole).toString(), s->title());
    QCOMPARE(i.data(ScenarioCatalogModel::GroupRole).toString(), groupTitle(s->group()));
    QCOMPARE(i.data(ScenarioCatalogModel::DescriptionRole).toString(), s->description());
    QCOMPARE(i.data(ScenarioCatalogModel::SceneRole).toString(), s->scene());
    QVERIFY(!i.data(ScenarioCatalogModel::TitleRole).toString().isEmpty());
    QVERIFY(!i.data(ScenarioCatalogModel::DescriptionRole).toString().isEmpty());
    QVERIFY(!i.data(ScenarioCatalogModel::GroupRole).toString().isEmpty());
    QVERIFY(!i.data(ScenarioCatalogModel::SceneRole).toString().isEmpty());
    QVERIFY(!i.data(Qt::UserRole + 99).isValid());
}

void TestScenarioCatalogModel::groupsAreContiguousInCatalogOrder()
{
    // A ListView section per group needs each group's rows together, the
    // groups in catalog order, and each group's scenarios in registry order.
    const ScenarioRegistry &registry = ScenarioRegistry::instance();
    QStringList seenGroups;
    int lastGroup = -1;
    int lastRegistryIndex = -1;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QString id = m_model->idAt(row);
        const Scenario *s = registry.find(id);
        QVERIFY(s);
        const QString group = m_model->index(row).data(ScenarioCatalogModel::GroupRole).toString();
        const int registryIndex = int(registry.ids().indexOf(id));
        if (seenGroups.isEmpty() || seenGroups.last() != group) {
            QVERIFY2(!seenGroups.contains(group), qPrintable(QStringLiteral("%1 split").arg(group)));
            seenGroups << group;
            QVERIFY(int(s->group()) > lastGroup);
            lastGroup = int(s->group());
        } else {
            QVERIFY2(registryIndex > lastRegistryIndex, qPrintable(id));
        }
        lastRegistryIndex = registryIndex;
    }
    // Locks come in more than one scenario: race condition and contention.
    QCOMPARE(m_model->index(m_model->rowOf(QStringLiteral("race-condition"))).data(ScenarioCatalogModel::GroupRole),
             m_model->index(m_model->rowOf(QStringLiteral("lock-contention"))).data(ScenarioCatalogModel::GroupRole));
    QVERIFY(seenGroups.size() >= 2);
}

void TestScenarioCatalogModel::filterText_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<QStringList>("mustMatch");
    QTest::addColumn<QStringList>("mustNotMatch");

    QTest::newRow("empty") << "" << ScenarioRegistry::instance().ids() << QStringList{};
    QTest::newRow("blank") << "   " << ScenarioRegistry::instance().ids() << QStringList{};
    QTest::newRow("by id") << "race-condition" << QStringList{"race-condition"}
                           << QStringList{"deadlock", "thread-pool"};
    QTest::newRow("by title, any case") << "LOCK CONTENTION" << QStringList{"lock-contention"}
                                        << QStringList{"race-condition", "thread-pool"};
    QTest::newRow("by description") << "ThreadPoolExecutor" << QStringList{"thread-pool"}
                                    << QStringList{"race-condition", "deadlock"};
    QTest::newRow("by group") << groupTitle(ScenarioGroup::Pools) << QStringList{"thread-pool"}
                              << QStringList{"race-condition"};
    QTest::newRow("surrounding spaces") << "  deadlock " << QStringList{"deadlock"} << QStringList{"thread-pool"};
    QTest::newRow("nothing") << "no such scenario xyzzy" << QStringList{} << ScenarioRegistry::instance().ids();
}

void TestScenarioCatalogModel::filterText()
{
    QFETCH(QString, filter);
    QFETCH(QStringList, mustMatch);
    QFETCH(QStringList, mustNotMatch);

    m_model->setFilterText(filter);
    QCOMPARE(m_model->filterText(), filter);
    const QStringList shown = ids();
    for (const QString &id : mustMatch)
        QVERIFY2(shown.contains(id), qPrintable(id + QStringLiteral(" missing from ") + shown.join(',')));
    for (const QString &id : mustNotMatch)
        QVERIFY2(!shown.contains(id), qPrintable(id + QStringLiteral(" in ") + shown.join(',')));
    // Every row shown matches the text somewhere.
    const QString needle = filter.trimmed();
    for (const QString &id : shown) {
        const Scenario *s = ScenarioRegistry::instance().find(id);
        QVERIFY(s->id().contains(needle, Qt::CaseInsensitive) || s->title().contains(needle, Qt::CaseInsensitive)
                || groupTitle(s->group()).contains(needle, Qt::CaseInsensitive)
                || s->description().contains(needle, Qt::CaseInsensitive));
    }
    QCOMPARE(m_model->property("count").toInt(), shown.size());

    // Clearing the filter brings everything back.
    m_model->setFilterText(QString());
    QCOMPARE(m_model->rowCount(), int(ScenarioRegistry::instance().all().size()));
}

void TestScenarioCatalogModel::filterSignals()
{
    QSignalSpy filter(m_model.get(), &ScenarioCatalogModel::filterTextChanged);
    QSignalSpy count(m_model.get(), &ScenarioCatalogModel::countChanged);
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);

    m_model->setFilterText(QStringLiteral("deadlock"));
    QCOMPARE(filter.size(), 1);
    QCOMPARE(count.size(), 1);
    QCOMPARE(reset.size(), 1);
    QVERIFY(m_model->rowCount() < int(ScenarioRegistry::instance().all().size()));

    // The same text again does nothing.
    m_model->setFilterText(QStringLiteral("deadlock"));
    QCOMPARE(filter.size(), 1);
    QCOMPARE(reset.size(), 1);

    // Through the QML property.
    QVERIFY(m_model->setProperty("filterText", QStringLiteral("pool")));
    QCOMPARE(filter.size(), 2);
    QVERIFY(m_model->rowOf(QStringLiteral("thread-pool")) >= 0);
    QCOMPARE(m_model->rowOf(QStringLiteral("race-condition")), -1);
}

void TestScenarioCatalogModel::rowOfAndIdAt()
{
    for (int row = 0; row < m_model->rowCount(); ++row)
        QCOMPARE(m_model->rowOf(m_model->idAt(row)), row);
    QCOMPARE(m_model->rowOf(QStringLiteral("no-such-scenario")), -1);
    QCOMPARE(m_model->idAt(-1), QString());
    QCOMPARE(m_model->idAt(m_model->rowCount()), QString());

    // Filtered out scenarios have no row.
    m_model->setFilterText(QStringLiteral("race-condition"));
    QCOMPARE(m_model->rowOf(QStringLiteral("thread-pool")), -1);
    QCOMPARE(m_model->idAt(0), QStringLiteral("race-condition"));
}

QTEST_MAIN(TestScenarioCatalogModel)
#include "tst_scenariocatalogmodel.moc"
