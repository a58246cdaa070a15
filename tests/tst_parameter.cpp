// Scenario parameters: typed conversion and checking, defaults and
// NAME=VALUE assignments, with messages that name what is allowed.

#include "scenarios/parameter.h"

#include <QtTest>

using namespace clab;

namespace {

// One parameter of each type, as scenarios declare them.
QList<ParameterSpec> specs()
{
    return {
        ParameterSpec::integer(QStringLiteral("threads"), 4, 1, 16, "How many threads"),
        ParameterSpec::real(QStringLiteral("ratio"), 1.5, 0.5, 2.5, "A ratio"),
        ParameterSpec::boolean(QStringLiteral("lock"), false, "Use a lock"),
        ParameterSpec::choice(QStringLiteral("work"), {QStringLiteral("sleep"), QStringLiteral("cpu")},
                              QStringLiteral("sleep"), "What a task does"),
    };
}

const ParameterSpec &spec(const QString &name)
{
    static const QList<ParameterSpec> all = specs();
    for (const ParameterSpec &s : all) {
        if (s.name == name)
            return s;
    }
    qFatal("no spec %s", qPrintable(name));
}

const QString kThreadsError = QStringLiteral("parameter 'threads' must be an integer from 1 to 16, got '%1'");
const QString kRatioError = QStringLiteral("parameter 'ratio' must be a number from 0.5 to 2.5, got '%1'");
const QString kLockError = QStringLiteral("parameter 'lock' must be true or false, got '%1'");
const QString kWorkError = QStringLiteral("parameter 'work' must be one of sleep, cpu, got '%1'");

} // namespace

class TestParameter : public QObject
{
    Q_OBJECT

private slots:
    void convert_data();
    void convert();
    void check_data();
    void check();
    void describesItself_data();
    void describesItself();
    void defaults();
    void applyAssignments_data();
    void applyAssignments();
    void applyAssignmentsErrors_data();
    void applyAssignmentsErrors();
    void setChecksTheValue();
    void noParameters();
};

void TestParameter::convert_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QVariant>("value");  // invalid when an error is expected
    QTest::addColumn<QString>("error");

    // int
    QTest::newRow("int: plain") << "threads" << "8" << QVariant(qint64(8)) << QString();
    QTest::newRow("int: minimum") << "threads" << "1" << QVariant(qint64(1)) << QString();
    QTest::newRow("int: maximum") << "threads" << "16" << QVariant(qint64(16)) << QString();
    QTest::newRow("int: spaces around") << "threads" << " 3 " << QVariant(qint64(3)) << QString();
    QTest::newRow("int: plus sign") << "threads" << "+5" << QVariant(qint64(5)) << QString();
    QTest::newRow("int: below minimum") << "threads" << "0" << QVariant() << kThreadsError.arg(u"0");
    QTest::newRow("int: above maximum") << "threads" << "17" << QVariant() << kThreadsError.arg(u"17");
    QTest::newRow("int: negative") << "threads" << "-2" << QVariant() << kThreadsError.arg(u"-2");
    QTest::newRow("int: word") << "threads" << "four" << QVariant() << kThreadsError.arg(u"four");
    QTest::newRow("int: fraction") << "threads" << "2.5" << QVariant() << kThreadsError.arg(u"2.5");
    QTest::newRow("int: float notation") << "threads" << "4.0" << QVariant() << kThreadsError.arg(u"4.0");
    QTest::newRow("int: hex") << "threads" << "0x4" << QVariant() << kThreadsError.arg(u"0x4");
    QTest::newRow("int: empty") << "threads" << "" << QVariant() << kThreadsError.arg(u"");
    QTest::newRow("int: overflow") << "threads" << "99999999999999999999" << QVariant()
                                   << kThreadsError.arg(u"99999999999999999999");
    // float
    QTest::newRow("float: plain") << "ratio" << "2" << QVariant(2.0) << QString();
    QTest::newRow("float: fraction") << "ratio" << "0.75" << QVariant(0.75) << QString();
    QTest::newRow("float: exponent") << "ratio" << "1e0" << QVariant(1.0) << QString();
    QTest::newRow("float: minimum") << "ratio" << "0.5" << QVariant(0.5) << QString();
    QTest::newRow("float: maximum") << "ratio" << "2.5" << QVariant(2.5) << QString();
    QTest::newRow("float: below") << "ratio" << "0.49" << QVariant() << kRatioError.arg(u"0.49");
    QTest::newRow("float: above") << "ratio" << "3" << QVariant() << kRatioError.arg(u"3");
    QTest::newRow("float: word") << "ratio" << "half" << QVariant() << kRatioError.arg(u"half");
    QTest::newRow("float: nan") << "ratio" << "nan" << QVariant() << kRatioError.arg(u"nan");
    QTest::newRow("float: inf") << "ratio" << "inf" << QVariant() << kRatioError.arg(u"inf");
    QTest::newRow("float: comma") << "ratio" << "1,5" << QVariant() << kRatioError.arg(u"1,5");
    // bool
    QTest::newRow("bool: true") << "lock" << "true" << QVariant(true) << QString();
    QTest::newRow("bool: True") << "lock" << "True" << QVariant(true) << QString();
    QTest::newRow("bool: 1") << "lock" << "1" << QVariant(true) << QString();
    QTest::newRow("bool: yes") << "lock" << "yes" << QVariant(true) << QString();
    QTest::newRow("bool: on") << "lock" << "ON" << QVariant(true) << QString();
    QTest::newRow("bool: false") << "lock" << "false" << QVariant(false) << QString();
    QTest::newRow("bool: 0") << "lock" << "0" << QVariant(false) << QString();
    QTest::newRow("bool: no") << "lock" << " no " << QVariant(false) << QString();
    QTest::newRow("bool: off") << "lock" << "off" << QVariant(false) << QString();
    QTest::newRow("bool: maybe") << "lock" << "maybe" << QVariant() << kLockError.arg(u"maybe");
    QTest::newRow("bool: 2") << "lock" << "2" << QVariant() << kLockError.arg(u"2");
    QTest::newRow("bool: empty") << "lock" << "" << QVariant() << kLockError.arg(u"");
    // choice
    QTest::newRow("choice: first") << "work" << "sleep" << QVariant(QStringLiteral("sleep")) << QString();
    QTest::newRow("choice: second") << "work" << "cpu" << QVariant(QStringLiteral("cpu")) << QString();
    QTest::newRow("choice: spaces") << "work" << " cpu " << QVariant(QStringLiteral("cpu")) << QString();
    QTest::newRow("choice: case matters") << "work" << "CPU" << QVariant() << kWorkError.arg(u"CPU");
    QTest::newRow("choice: unknown") << "work" << "gpu" << QVariant() << kWorkError.arg(u"gpu");
    QTest::newRow("choice: prefix") << "work" << "sl" << QVariant() << kWorkError.arg(u"sl");
    QTest::newRow("choice: empty") << "work" << "" << QVariant() << kWorkError.arg(u"");
}

void TestParameter::convert()
{
    QFETCH(QString, name);
    QFETCH(QString, text);
    QFETCH(QVariant, value);
    QFETCH(QString, error);

    QString message;
    const std::optional<QVariant> result = spec(name).convert(text, &message);
    if (error.isEmpty()) {
        QVERIFY2(result.has_value(), qPrintable(message));
        QCOMPARE(result->typeId(), value.typeId());
        QCOMPARE(*result, value);
        QVERIFY(message.isEmpty());
    } else {
        QVERIFY(!result.has_value());
        QCOMPARE(message, error);
    }
}

void TestParameter::check_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QVariant>("input");
    QTest::addColumn<QVariant>("value");
    QTest::addColumn<QString>("error");

    QTest::newRow("int from int") << "threads" << QVariant(7) << QVariant(qint64(7)) << QString();
    QTest::newRow("int from whole double") << "threads" << QVariant(3.0) << QVariant(qint64(3)) << QString();
    QTest::newRow("int from fractional double") << "threads" << QVariant(3.5) << QVariant() << kThreadsError.arg(u"3.5");
    QTest::newRow("int out of range") << "threads" << QVariant(qint64(100)) << QVariant() << kThreadsError.arg(u"100");
    QTest::newRow("int from text") << "threads" << QVariant(QStringLiteral("9")) << QVariant(qint64(9)) << QString();
    QTest::newRow("float from int") << "ratio" << QVariant(2) << QVariant(2.0) << QString();
    QTest::newRow("float out of range") << "ratio" << QVariant(0.1) << QVariant() << kRatioError.arg(u"0.1");
    QTest::newRow("bool from bool") << "lock" << QVariant(true) << QVariant(true) << QString();
    QTest::newRow("bool from text") << "lock" << QVariant(QStringLiteral("off")) << QVariant(false) << QString();
    QTest::newRow("choice from text") << "work" << QVariant(QStringLiteral("cpu")) << QVariant(QStringLiteral("cpu"))
                                      << QString();
    QTest::newRow("choice unknown") << "work" << QVariant(QStringLiteral("io")) << QVariant() << kWorkError.arg(u"io");
}

void TestParameter::check()
{
    QFETCH(QString, name);
    QFETCH(QVariant, input);
    QFETCH(QVariant, value);
    QFETCH(QString, error);

    QString message;
    const std::optional<QVariant> result = spec(name).check(input, &message);
    if (error.isEmpty()) {
        QVERIFY2(result.has_value(), qPrintable(message));
        QCOMPARE(result->typeId(), value.typeId());
        QCOMPARE(*result, value);
    } else {
        QVERIFY(!result.has_value());
        QCOMPARE(message, error);
    }
}

void TestParameter::describesItself_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("range");
    QTest::addColumn<QString>("defaultText");
    QTest::newRow("int") << "threads" << "int" << "1..16" << "4";
    QTest::newRow("float") << "ratio" << "float" << "0.5..2.5" << "1.5";
    QTest::newRow("bool") << "lock" << "bool" << "true|false" << "false";
    QTest::newRow("choice") << "work" << "choice" << "sleep|cpu" << "sleep";
}

void TestParameter::describesItself()
{
    QFETCH(QString, name);
    QFETCH(QString, type);
    QFETCH(QString, range);
    QFETCH(QString, defaultText);
    const ParameterSpec &s = spec(name);
    QCOMPARE(s.typeName(), type);
    QCOMPARE(s.rangeText(), range);
    QCOMPARE(s.defaultValue.toString(), defaultText);
    QVERIFY(!s.helpText().isEmpty());
    // The default is itself an allowed value.
    QString message;
    QVERIFY2(s.check(s.defaultValue, &message).has_value(), qPrintable(message));
}

void TestParameter::defaults()
{
    const ParameterValues values(specs());
    QCOMPARE(values.values().size(), 4);
    QCOMPARE(values.integer(QStringLiteral("threads")), qint64(4));
    QCOMPARE(values.count(QStringLiteral("threads")), 4);
    QCOMPARE(values.real(QStringLiteral("ratio")), 1.5);
    QCOMPARE(values.boolean(QStringLiteral("lock")), false);
    QCOMPARE(values.choice(QStringLiteral("work")), QStringLiteral("sleep"));
    QVERIFY(ParameterValues().values().isEmpty());
}

void TestParameter::applyAssignments_data()
{
    QTest::addColumn<QStringList>("assignments");
    QTest::addColumn<QVariantMap>("expected");

    const QVariantMap defaults = ParameterValues(specs()).values();
    auto with = [&](std::initializer_list<std::pair<const char *, QVariant>> changes) {
        QVariantMap m = defaults;
        for (const auto &[k, v] : changes)
            m.insert(QString::fromLatin1(k), v);
        return m;
    };
    QTest::newRow("none") << QStringList{} << defaults;
    QTest::newRow("one") << QStringList{"threads=8"} << with({{"threads", qint64(8)}});
    QTest::newRow("all four") << QStringList{"threads=2", "ratio=0.5", "lock=yes", "work=cpu"}
                              << with({{"threads", qint64(2)}, {"ratio", 0.5}, {"lock", true}, {"work", "cpu"}});
    QTest::newRow("the last one wins") << QStringList{"threads=2", "threads=3"} << with({{"threads", qint64(3)}});
    QTest::newRow("spaces around the name") << QStringList{" threads =5"} << with({{"threads", qint64(5)}});
}

void TestParameter::applyAssignments()
{
    QFETCH(QStringList, assignments);
    QFETCH(QVariantMap, expected);
    ParameterValues values(specs());
    QString error;
    QVERIFY2(values.applyAssignments(specs(), assignments, &error), qPrintable(error));
    QVERIFY(error.isEmpty());
    QCOMPARE(values.values(), expected);
}

void TestParameter::applyAssignmentsErrors_data()
{
    QTest::addColumn<QStringList>("assignments");
    QTest::addColumn<QString>("error");

    const QString unknown = QStringLiteral("unknown parameter '%1'; allowed: threads, ratio, lock, work");
    QTest::newRow("unknown name") << QStringList{"thread=2"} << unknown.arg(u"thread");
    QTest::newRow("unknown after a good one") << QStringList{"threads=2", "speed=3"} << unknown.arg(u"speed");
    QTest::newRow("name in another case") << QStringList{"Threads=2"} << unknown.arg(u"Threads");
    QTest::newRow("no '='") << QStringList{"threads"} << QStringLiteral("expected NAME=VALUE, got 'threads'");
    QTest::newRow("no name") << QStringList{"=4"} << QStringLiteral("expected NAME=VALUE, got '=4'");
    QTest::newRow("empty") << QStringList{""} << QStringLiteral("expected NAME=VALUE, got ''");
    QTest::newRow("blank name") << QStringList{" =4"} << unknown.arg(u"");
    QTest::newRow("no value") << QStringList{"threads="} << kThreadsError.arg(u"");
    QTest::newRow("bad value") << QStringList{"ratio=9"} << kRatioError.arg(u"9");
    QTest::newRow("value with '='") << QStringList{"work=cpu=1"} << kWorkError.arg(u"cpu=1");
}

void TestParameter::applyAssignmentsErrors()
{
    QFETCH(QStringList, assignments);
    QFETCH(QString, error);
    ParameterValues values(specs());
    QString message;
    QVERIFY(!values.applyAssignments(specs(), assignments, &message));
    QCOMPARE(message, error);
}

void TestParameter::setChecksTheValue()
{
    ParameterValues values(specs());
    QString error;
    QVERIFY(values.set(specs(), QStringLiteral("threads"), 12, &error));
    QCOMPARE(values.integer(QStringLiteral("threads")), qint64(12));
    QVERIFY(!values.set(specs(), QStringLiteral("threads"), 40, &error));
    QCOMPARE(error, kThreadsError.arg(u"40"));
    QCOMPARE(values.integer(QStringLiteral("threads")), qint64(12)); // unchanged
    QVERIFY(!values.set(specs(), QStringLiteral("nope"), 1, &error));
    QCOMPARE(error, QStringLiteral("unknown parameter 'nope'; allowed: threads, ratio, lock, work"));
    QVERIFY(values.set(specs(), QStringLiteral("work"), QStringLiteral("cpu"), &error));
    QCOMPARE(values.choice(QStringLiteral("work")), QStringLiteral("cpu"));
}

void TestParameter::noParameters()
{
    ParameterValues values{QList<ParameterSpec>{}};
    QString error;
    QVERIFY(values.applyAssignments({}, {}, &error));
    QVERIFY(!values.applyAssignments({}, {QStringLiteral("x=1")}, &error));
    QCOMPARE(error, QStringLiteral("unknown parameter 'x'; this scenario takes no parameters"));
}

QTEST_GUILESS_MAIN(TestParameter)
#include "tst_parameter.moc"
