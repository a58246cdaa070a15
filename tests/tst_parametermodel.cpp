// ParameterModel: a scenario's typed parameters for the parameter pane;
// values are checked against their spec before they stick.

#include "parametermodel.h"

#include "scenarios/registry.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QtTest>
#include <cmath>
#include <limits>

using namespace clab;

namespace {

QList<ParameterSpec> specs()
{
    return {
        ParameterSpec::integer(QStringLiteral("threads"), 4, 1, 16, "How many threads"),
        ParameterSpec::real(QStringLiteral("ratio"), 0.25, 0.0, 1.0, "A fraction"),
        ParameterSpec::boolean(QStringLiteral("lock"), false, "Hold the lock"),
        ParameterSpec::choice(QStringLiteral("work"), {QStringLiteral("sleep"), QStringLiteral("cpu")},
                              QStringLiteral("sleep"), "What a task does"),
    };
}

int rowOf(const ParameterModel &m, const QString &name)
{
    for (int row = 0; row < m.rowCount(); ++row) {
        if (m.index(row).data(ParameterModel::NameRole).toString() == name)
            return row;
    }
    return -1;
}

} // namespace

class TestParameterModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void roleNamesAndFlags();
    void defaults_data();
    void defaults();
    void setValueAccepts_data();
    void setValueAccepts();
    void setValueRejects_data();
    void setValueRejects();
    void setDataOnlyEditsValues();
    void resetToDefaults();
    void setSpecsReplacesTheRows();
    void everyScenarioHasValidDefaults();

private:
    std::unique_ptr<ParameterModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestParameterModel::init()
{
    m_model = std::make_unique<ParameterModel>();
    m_tester = std::make_unique<QAbstractItemModelTester>(m_model.get(),
                                                          QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(m_model->rowCount(), 0);
    m_model->setSpecs(specs());
}

void TestParameterModel::cleanup()
{
    m_tester.reset();
    m_model.reset();
}

void TestParameterModel::roleNamesAndFlags()
{
    const QHash<int, QByteArray> names = m_model->roleNames();
    const QHash<int, QByteArray> expected{{ParameterModel::NameRole, "name"},
                                          {ParameterModel::TypeRole, "type"},
                                          {ParameterModel::ValueRole, "value"},
                                          {ParameterModel::DefaultRole, "defaultValue"},
                                          {ParameterModel::MinimumRole, "minimum"},
                                          {ParameterModel::MaximumRole, "maximum"},
                                          {ParameterModel::ChoicesRole, "choices"},
                                          {ParameterModel::HelpRole, "help"},
                                          {ParameterModel::RangeRole, "range"}};
    QCOMPARE(names, expected);
    for (int row = 0; row < m_model->rowCount(); ++row)
        QVERIFY(m_model->flags(m_model->index(row)) & Qt::ItemIsEditable);
    // Only items are editable, not the root.
    QVERIFY(!(m_model->flags(QModelIndex()) & Qt::ItemIsEditable));
}

void TestParameterModel::defaults_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QVariant>("defaultValue");
    QTest::addColumn<QVariant>("minimum");
    QTest::addColumn<QVariant>("maximum");
    QTest::addColumn<QStringList>("choices");
    QTest::addColumn<QString>("range");
    QTest::addColumn<QString>("help");

    QTest::newRow("int") << "threads" << "int" << QVariant(4) << QVariant(1) << QVariant(16) << QStringList{}
                         << "1..16" << "How many threads";
    QTest::newRow("float") << "ratio" << "float" << QVariant(0.25) << QVariant(0.0) << QVariant(1.0) << QStringList{}
                           << "0..1" << "A fraction";
    QTest::newRow("bool") << "lock" << "bool" << QVariant(false) << QVariant() << QVariant() << QStringList{}
                          << "true|false" << "Hold the lock";
    QTest::newRow("choice") << "work" << "choice" << QVariant("sleep") << QVariant() << QVariant()
                            << QStringList{"sleep", "cpu"} << "sleep|cpu" << "What a task does";
}

void TestParameterModel::defaults()
{
    QFETCH(QString, name);
    QFETCH(QString, type);
    QFETCH(QVariant, defaultValue);
    QFETCH(QVariant, minimum);
    QFETCH(QVariant, maximum);
    QFETCH(QStringList, choices);
    QFETCH(QString, range);
    QFETCH(QString, help);

    QCOMPARE(m_model->rowCount(), 4);
    const int row = rowOf(*m_model, name);
    QVERIFY(row >= 0);
    const QModelIndex i = m_model->index(row);
    QCOMPARE(i.data(Qt::DisplayRole).toString(), name);
    QCOMPARE(i.data(ParameterModel::TypeRole).toString(), type);
    // Values compare as numbers: the spec keeps integers as qint64.
    QCOMPARE(i.data(ParameterModel::ValueRole).toString(), defaultValue.toString());
    QCOMPARE(i.data(ParameterModel::DefaultRole).toString(), defaultValue.toString());
    QCOMPARE(i.data(ParameterModel::MinimumRole).isValid(), minimum.isValid());
    if (minimum.isValid()) {
        QCOMPARE(i.data(ParameterModel::MinimumRole).toDouble(), minimum.toDouble());
        QCOMPARE(i.data(ParameterModel::MaximumRole).toDouble(), maximum.toDouble());
    }
    QCOMPARE(i.data(ParameterModel::ChoicesRole).toStringList(), choices);
    QCOMPARE(i.data(ParameterModel::RangeRole).toString(), range);
    QCOMPARE(i.data(ParameterModel::HelpRole).toString(), help);
    QVERIFY(!i.data(Qt::UserRole + 99).isValid());

    // What a run would use.
    QCOMPARE(m_model->values().values().value(name).toString(), defaultValue.toString());
    QCOMPARE(m_model->values().values().size(), 4);
    QVERIFY(m_model->lastError().isEmpty());
}

void TestParameterModel::setValueAccepts_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QVariant>("value");
    QTest::addColumn<QVariant>("stored");

    QTest::newRow("int") << "threads" << QVariant(8) << QVariant(qint64(8));
    QTest::newRow("int minimum") << "threads" << QVariant(1) << QVariant(qint64(1));
    QTest::newRow("int maximum") << "threads" << QVariant(16) << QVariant(qint64(16));
    QTest::newRow("int from a whole double") << "threads" << QVariant(3.0) << QVariant(qint64(3));
    QTest::newRow("int from text") << "threads" << QVariant("12") << QVariant(qint64(12));
    QTest::newRow("float") << "ratio" << QVariant(0.75) << QVariant(0.75);
    QTest::newRow("float bound") << "ratio" << QVariant(1.0) << QVariant(1.0);
    QTest::newRow("float from an int") << "ratio" << QVariant(0) << QVariant(0.0);
    QTest::newRow("bool") << "lock" << QVariant(true) << QVariant(true);
    QTest::newRow("bool from text") << "lock" << QVariant("yes") << QVariant(true);
    QTest::newRow("choice") << "work" << QVariant("cpu") << QVariant("cpu");
}

void TestParameterModel::setValueAccepts()
{
    QFETCH(QString, name);
    QFETCH(QVariant, value);
    QFETCH(QVariant, stored);

    const int row = rowOf(*m_model, name);
    QSignalSpy values(m_model.get(), &ParameterModel::valuesChanged);
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    QSignalSpy error(m_model.get(), &ParameterModel::lastErrorChanged);

    QVERIFY(m_model->setValue(row, value));
    QCOMPARE(values.size(), 1);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().at(0).toModelIndex().row(), row);
    QVERIFY(changed.first().at(2).value<QList<int>>().contains(ParameterModel::ValueRole));
    QCOMPARE(error.size(), 0);
    QVERIFY(m_model->lastError().isEmpty());

    const QVariant now = m_model->index(row).data(ParameterModel::ValueRole);
    QCOMPARE(now.typeId(), stored.typeId());
    QCOMPARE(now, stored);
    QCOMPARE(m_model->values().values().value(name), stored);
}

void TestParameterModel::setValueRejects_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QVariant>("value");
    QTest::addColumn<QStringList>("mentions"); // the parameter and what is allowed

    const QStringList intRange{"'threads'", "1", "16"};
    const QStringList floatRange{"'ratio'", "0", "1"};
    QTest::newRow("int below") << "threads" << QVariant(0) << intRange;
    QTest::newRow("int above") << "threads" << QVariant(17) << intRange;
    QTest::newRow("int far above") << "threads" << QVariant(qint64(1) << 40) << intRange;
    QTest::newRow("int fraction") << "threads" << QVariant(2.5) << intRange;
    QTest::newRow("int from words") << "threads" << QVariant("four") << intRange;
    QTest::newRow("int from a list") << "threads" << QVariant(QVariantList{1, 2}) << intRange;
    QTest::newRow("int from nothing") << "threads" << QVariant() << intRange;
    QTest::newRow("float below") << "ratio" << QVariant(-0.01) << floatRange;
    QTest::newRow("float above") << "ratio" << QVariant(1.5) << floatRange;
    QTest::newRow("float nan") << "ratio" << QVariant(std::numeric_limits<double>::quiet_NaN()) << floatRange;
    QTest::newRow("float infinite") << "ratio" << QVariant(std::numeric_limits<double>::infinity()) << floatRange;
    QTest::newRow("float from words") << "ratio" << QVariant("half") << floatRange;
    QTest::newRow("bool from words") << "lock" << QVariant("maybe") << QStringList{"'lock'", "true", "false"};
    QTest::newRow("bool from a number") << "lock" << QVariant(5) << QStringList{"'lock'", "true", "false"};
    QTest::newRow("choice unknown") << "work" << QVariant("gpu") << QStringList{"'work'", "sleep", "cpu"};
    QTest::newRow("choice case") << "work" << QVariant("CPU") << QStringList{"'work'", "sleep", "cpu"};
}

void TestParameterModel::setValueRejects()
{
    QFETCH(QString, name);
    QFETCH(QVariant, value);
    QFETCH(QStringList, mentions);

    const int row = rowOf(*m_model, name);
    // Start from a value that is not the default, to see it is kept.
    const QVariant before = [&] {
        if (name == QLatin1String("threads"))
            return QVariant(7);
        if (name == QLatin1String("ratio"))
            return QVariant(0.5);
        if (name == QLatin1String("lock"))
            return QVariant(true);
        return QVariant(QStringLiteral("cpu"));
    }();
    QVERIFY(m_model->setValue(row, before));
    const QVariant kept = m_model->index(row).data(ParameterModel::ValueRole);
    const ParameterValues keptValues = m_model->values();

    QSignalSpy values(m_model.get(), &ParameterModel::valuesChanged);
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    QSignalSpy error(m_model.get(), &ParameterModel::lastErrorChanged);

    QVERIFY(!m_model->setValue(row, value));
    QCOMPARE(error.size(), 1);
    const QString message = m_model->lastError();
    for (const QString &m : mentions)
        QVERIFY2(message.contains(m), qPrintable(QStringLiteral("'%1' does not mention %2").arg(message, m)));
    QCOMPARE(m_model->property("lastError").toString(), message);
    // The old value stays, and views showing the rejected one are told to
    // show it again.
    QCOMPARE(m_model->index(row).data(ParameterModel::ValueRole), kept);
    QCOMPARE(m_model->values().values(), keptValues.values());
    QCOMPARE(values.size(), 0);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().at(0).toModelIndex().row(), row);

    // The next accepted value clears the error.
    QVERIFY(m_model->setValue(row, before));
    QVERIFY(m_model->lastError().isEmpty());
    QCOMPARE(error.size(), 2);
    QCOMPARE(values.size(), 1);
}

void TestParameterModel::setDataOnlyEditsValues()
{
    QSignalSpy values(m_model.get(), &ParameterModel::valuesChanged);
    const QModelIndex threads = m_model->index(rowOf(*m_model, QStringLiteral("threads")));
    QVERIFY(!m_model->setData(threads, 9, ParameterModel::NameRole));
    QVERIFY(!m_model->setData(threads, 9, ParameterModel::DefaultRole));
    // Rows out of range are refused (checkIndex says so in a warning).
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("is not valid")));
    QVERIFY(!m_model->setValue(-1, 9));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("is not valid")));
    QVERIFY(!m_model->setValue(m_model->rowCount(), 9));
    QCOMPARE(threads.data(ParameterModel::ValueRole).toInt(), 4);
    QCOMPARE(values.size(), 0);

    QVERIFY(m_model->setData(threads, 9, ParameterModel::ValueRole));
    QCOMPARE(threads.data(ParameterModel::ValueRole).toInt(), 9);
    QCOMPARE(values.size(), 1);
    // QML calls the invokable.
    bool ok = false;
    QVERIFY(QMetaObject::invokeMethod(m_model.get(), "setValue", Q_RETURN_ARG(bool, ok), Q_ARG(int, threads.row()),
                                      Q_ARG(QVariant, QVariant(11))));
    QVERIFY(ok);
    QCOMPARE(threads.data(ParameterModel::ValueRole).toInt(), 11);
}

void TestParameterModel::resetToDefaults()
{
    QVERIFY(m_model->setValue(0, 12));
    QVERIFY(m_model->setValue(1, 0.9));
    QVERIFY(m_model->setValue(2, true));
    QVERIFY(m_model->setValue(3, QStringLiteral("cpu")));

    QSignalSpy values(m_model.get(), &ParameterModel::valuesChanged);
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    m_model->resetToDefaults();
    QCOMPARE(values.size(), 1);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().at(0).toModelIndex().row(), 0);
    QCOMPARE(changed.first().at(1).toModelIndex().row(), 3);
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QModelIndex i = m_model->index(row);
        QCOMPARE(i.data(ParameterModel::ValueRole).toString(), i.data(ParameterModel::DefaultRole).toString());
    }
    QCOMPARE(m_model->values().values(), ParameterValues(specs()).values());
}

void TestParameterModel::setSpecsReplacesTheRows()
{
    QVERIFY(m_model->setValue(0, 12));
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    QSignalSpy values(m_model.get(), &ParameterModel::valuesChanged);

    const Scenario *race = ScenarioRegistry::instance().find(QStringLiteral("race-condition"));
    QVERIFY(race);
    m_model->setSpecs(race->parameters());
    QCOMPARE(reset.size(), 1);
    QCOMPARE(values.size(), 1);
    QCOMPARE(m_model->rowCount(), int(race->parameters().size()));
    // A fresh scenario starts from its own defaults.
    const int threads = rowOf(*m_model, QStringLiteral("threads"));
    QVERIFY(threads >= 0);
    QCOMPARE(m_model->index(threads).data(ParameterModel::ValueRole).toInt(), 2);
    QCOMPARE(m_model->index(threads).data(ParameterModel::RangeRole).toString(), QStringLiteral("2..16"));
    QCOMPARE(rowOf(*m_model, QStringLiteral("ratio")), -1);

    m_model->setSpecs({});
    QCOMPARE(m_model->rowCount(), 0);
    QVERIFY(m_model->values().values().isEmpty());
}

void TestParameterModel::everyScenarioHasValidDefaults()
{
    // Every default the pane shows is one the model itself accepts.
    for (const auto &s : ScenarioRegistry::instance().all()) {
        m_model->setSpecs(s->parameters());
        for (int row = 0; row < m_model->rowCount(); ++row) {
            const QVariant def = m_model->index(row).data(ParameterModel::DefaultRole);
            QVERIFY2(m_model->setValue(row, def), qPrintable(s->id() + QLatin1Char(' ') + m_model->lastError()));
        }
    }
}

QTEST_MAIN(TestParameterModel)
#include "tst_parametermodel.moc"
