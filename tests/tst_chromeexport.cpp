// Tests for core/trace/chromeexport.h: the Chrome Trace Event JSON written for
// Perfetto UI, read back with QJsonDocument.

#include "testsupport.h"
#include "sync/lock.h"
#include "sync/queue.h"
#include "sync/semaphore.h"
#include "threads/thread.h"
#include "trace/chromeexport.h"
#include "trace/timeline.h"
#include "trace/trace.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <map>
#include <set>
#include <unistd.h>

using namespace clab;
using namespace clab::test;

namespace {

QByteArray exportJson(const Trace &trace)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    writeChromeTrace(trace, buffer);
    return buffer.data();
}

// Parses the export; fails the calling test on invalid JSON.
QJsonArray parseEvents(const QByteArray &json, bool *ok)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    *ok = error.error == QJsonParseError::NoError && doc.isObject()
        && doc.object().value(QStringLiteral("traceEvents")).isArray();
    if (!*ok)
        qWarning() << "invalid JSON:" << error.errorString() << "at" << error.offset;
    return doc.object().value(QStringLiteral("traceEvents")).toArray();
}

QList<QJsonObject> withPhase(const QJsonArray &events, const QString &ph)
{
    QList<QJsonObject> out;
    for (const QJsonValue &v : events) {
        if (v.toObject().value(QStringLiteral("ph")).toString() == ph)
            out << v.toObject();
    }
    return out;
}

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

double num(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toDouble();
}

qint64 integer(const QJsonObject &o, const char *key)
{
    return qint64(o.value(QLatin1String(key)).toDouble());
}

ActorInfo actor(ActorId id, ActorKind kind, const QString &name, ActorId parent, qint64 osId)
{
    ActorInfo a;
    a.id = id;
    a.kind = kind;
    a.name = name;
    a.parent = parent;
    a.osId = osId;
    return a;
}

QStringList allStateIds()
{
    QStringList ids;
    for (int i = 0; i < kActorStateCount; ++i)
        ids << stateId(ActorState(i));
    return ids;
}

QStringList listDir(const QString &path)
{
    return QDir(path).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System);
}

} // namespace

class TestChromeExport : public QObject
{
    Q_OBJECT

private slots:
    void exportsARealRun();
    void exactTimesAndIdsForAKnownTrace();
    void sharedVariableValueIsACounter();
    void namesAreEscaped_data();
    void namesAreEscaped();
    void emptyTraceIsValidJson();
    void saveWritesTheSameJson();
    void saveIntoUnwritablePathFails_data();
    void saveIntoUnwritablePathFails();
};

void TestChromeExport::exportsARealRun()
{
    RunFixture fx;
    Lock lock(QStringLiteral("L"));
    Semaphore permits(2, QStringLiteral("S"));
    Queue<int> queue(2, QStringLiteral("Q"));

    lock.acquire();
    Thread worker([&] {
        lock.acquire();
        permits.acquire();
        queue.put(10);
        queue.put(20);
        permits.release();
        lock.release();
    });
    auto cancelOnExit = qScopeGuard([&] { fx.context.cancel(); });
    worker.start();
    const ActorId workerActor = worker.actor();
    QVERIFY(eventually([&] {
        fx.trace.merge(fx.context.recorder().drain());
        return std::any_of(fx.trace.events().begin(), fx.trace.events().end(), [&](const TraceEvent &e) {
            return e.kind == EventKind::WaitBegin && e.actor == workerActor;
        });
    }));
    lock.release();
    QVERIFY(worker.join(5.0)); // both items are in before the first get
    QCOMPARE(queue.get(), 10);
    QCOMPARE(queue.get(), 20);
    const ActorId mainActor = fx.main->actor();
    const Trace trace = fx.finish();

    bool ok = false;
    const QByteArray json = exportJson(trace);
    const QJsonArray events = parseEvents(json, &ok);
    QVERIFY(ok);
    QCOMPARE(QJsonDocument::fromJson(json).object().value(QStringLiteral("displayTimeUnit")).toString(),
             QStringLiteral("ns"));
    const qint64 pid = qint64(::getpid());

    // Metadata: the process and both threads, with their real ids.
    const QList<QJsonObject> meta = withPhase(events, QStringLiteral("M"));
    std::map<QString, QJsonObject> threadNames;
    std::map<qint64, qint64> sortIndexByTid;
    int processNames = 0;
    for (const QJsonObject &m : meta) {
        const QJsonObject args = m.value(QStringLiteral("args")).toObject();
        if (str(m, "name") == QLatin1String("process_name")) {
            ++processNames;
            QCOMPARE(integer(m, "pid"), pid);
            QCOMPARE(args.value(QStringLiteral("name")).toString(), QStringLiteral("MainProcess"));
        } else if (str(m, "name") == QLatin1String("thread_name")) {
            threadNames[args.value(QStringLiteral("name")).toString()] = m;
        } else if (str(m, "name") == QLatin1String("thread_sort_index")) {
            sortIndexByTid[integer(m, "tid")] = integer(args, "sort_index");
        } else {
            QFAIL(qPrintable(QStringLiteral("unexpected metadata %1").arg(str(m, "name"))));
        }
    }
    QCOMPARE(processNames, 1);
    QCOMPARE(threadNames.size(), size_t(2));
    QVERIFY(threadNames.count(QStringLiteral("MainThread")));
    QVERIFY(threadNames.count(worker.name()));
    const qint64 mainTid = trace.actor(mainActor)->osId;
    QVERIFY(mainTid != 0);
    QCOMPARE(integer(threadNames[QStringLiteral("MainThread")], "tid"), mainTid);
    QCOMPARE(integer(threadNames[worker.name()], "tid"), worker.nativeId());
    QCOMPARE(integer(threadNames[QStringLiteral("MainThread")], "pid"), pid);
    QCOMPARE(integer(threadNames[worker.name()], "pid"), pid);
    QCOMPARE(sortIndexByTid[mainTid], qint64(mainActor));
    QCOMPARE(sortIndexByTid[worker.nativeId()], qint64(workerActor));
    const std::map<ActorId, qint64> tidOf{{mainActor, mainTid}, {workerActor, worker.nativeId()}};

    // One X slice per state interval, its category the state id.
    const std::vector<StateInterval> intervals = deriveIntervals(trace);
    const QList<QJsonObject> slices = withPhase(events, QStringLiteral("X"));
    QCOMPARE(size_t(slices.size()), intervals.size());
    const QStringList stateIds = allStateIds();
    std::multiset<std::tuple<qint64, qint64, qint64, QString>> expectedSlices;
    for (const StateInterval &s : intervals) {
        QString name = stateId(s.state);
        if (s.object)
            name += QLatin1Char(' ') + trace.objectName(s.object);
        expectedSlices.insert({tidOf.at(s.actor), qRound64(double(s.startNs - trace.startNs()) / 1000.0 * 1000),
                               qRound64(double(s.durationNs()) / 1000.0 * 1000), name});
    }
    std::multiset<std::tuple<qint64, qint64, qint64, QString>> actualSlices;
    bool sawLockWait = false;
    for (const QJsonObject &x : slices) {
        QVERIFY2(stateIds.contains(str(x, "cat")), qPrintable(str(x, "cat")));
        QVERIFY(str(x, "name").startsWith(str(x, "cat")));
        QCOMPARE(integer(x, "pid"), pid);
        QVERIFY(num(x, "ts") >= 0);
        QVERIFY(num(x, "dur") > 0);
        if (str(x, "cat") == QLatin1String("waiting-lock") && str(x, "name") == QLatin1String("waiting-lock L")) {
            QCOMPARE(integer(x, "tid"), worker.nativeId());
            sawLockWait = true;
        }
        actualSlices.insert({integer(x, "tid"), qRound64(num(x, "ts") * 1000), qRound64(num(x, "dur") * 1000),
                             str(x, "name")});
    }
    QVERIFY(sawLockWait);
    QVERIFY(actualSlices == expectedSlices);

    // Instants for every acquire and release.
    int acquiredL = 0, releasedL = 0, acquiredS = 0, releasedS = 0;
    for (const TraceEvent &e : trace.events()) {
        acquiredL += e.kind == EventKind::Acquired && e.object == lock.id();
        releasedL += e.kind == EventKind::Released && e.object == lock.id();
        acquiredS += e.kind == EventKind::Acquired && e.object == permits.id();
        releasedS += e.kind == EventKind::Released && e.object == permits.id();
    }
    QCOMPARE(acquiredL, 2);
    QCOMPARE(releasedL, 2);
    std::map<QString, int> instants;
    for (const QJsonObject &i : withPhase(events, QStringLiteral("i"))) {
        QCOMPARE(str(i, "s"), QStringLiteral("t"));
        QVERIFY(str(i, "name").startsWith(str(i, "cat") + QLatin1Char(' ')));
        QVERIFY(integer(i, "tid") == mainTid || integer(i, "tid") == worker.nativeId());
        ++instants[str(i, "name")];
    }
    QCOMPARE(instants[QStringLiteral("acquire L")], acquiredL);
    QCOMPARE(instants[QStringLiteral("release L")], releasedL);
    QCOMPARE(instants[QStringLiteral("acquire S")], acquiredS);
    QCOMPARE(instants[QStringLiteral("release S")], releasedS);

    // Counters: queue depth after each put/get, free permits after each
    // semaphore operation, in trace order.
    QList<qint64> depths, freePermits;
    for (const QJsonObject &c : withPhase(events, QStringLiteral("C"))) {
        const QJsonObject args = c.value(QStringLiteral("args")).toObject();
        if (str(c, "name") == QLatin1String("Q depth"))
            depths << integer(args, "depth");
        else if (str(c, "name") == QLatin1String("S free permits"))
            freePermits << integer(args, "free");
        else
            QFAIL(qPrintable(QStringLiteral("unexpected counter %1").arg(str(c, "name"))));
    }
    QCOMPARE(depths, (QList<qint64>{1, 2, 1, 0}));
    QCOMPARE(freePermits, (QList<qint64>{1, 2}));

    // Flows: matched s/f pairs, one per handoff.
    const std::vector<Handoff> handoffs = deriveHandoffs(trace);
    std::map<qint64, QJsonObject> starts, finishes;
    for (const QJsonObject &s : withPhase(events, QStringLiteral("s"))) {
        QVERIFY(!starts.count(integer(s, "id")));
        starts[integer(s, "id")] = s;
    }
    for (const QJsonObject &f : withPhase(events, QStringLiteral("f"))) {
        QVERIFY(!finishes.count(integer(f, "id")));
        QCOMPARE(str(f, "bp"), QStringLiteral("e"));
        finishes[integer(f, "id")] = f;
    }
    QCOMPARE(starts.size(), handoffs.size());
    QCOMPARE(finishes.size(), handoffs.size());
    std::set<QString> flowCats;
    for (const auto &[id, s] : starts) {
        QVERIFY2(finishes.count(id), qPrintable(QString::number(id)));
        const QJsonObject &f = finishes[id];
        QCOMPARE(str(f, "cat"), str(s, "cat"));
        QCOMPARE(str(f, "name"), str(s, "name"));
        QCOMPARE(str(s, "cat"), QStringLiteral("flow-") + str(s, "name"));
        QVERIFY(num(s, "ts") <= num(f, "ts"));
        flowCats.insert(str(s, "cat"));
    }
    QVERIFY(flowCats.count(QStringLiteral("flow-spawn")));
    QVERIFY(flowCats.count(QStringLiteral("flow-wake")));
    QVERIFY(flowCats.count(QStringLiteral("flow-item")));
    // The item flows go from the worker's lane to the main thread's.
    int itemFlows = 0;
    for (const auto &[id, s] : starts) {
        if (str(s, "cat") == QLatin1String("flow-item")) {
            ++itemFlows;
            QCOMPARE(integer(s, "tid"), worker.nativeId());
            QCOMPARE(integer(finishes[id], "tid"), mainTid);
        }
    }
    QCOMPARE(itemFlows, 2);
}

void TestChromeExport::exactTimesAndIdsForAKnownTrace()
{
    Trace trace;
    trace.upsertActor(actor(1, ActorKind::Process, QStringLiteral("proc"), 0, 999));
    trace.upsertActor(actor(2, ActorKind::Thread, QStringLiteral("T-a"), 1, 555));
    trace.upsertActor(actor(3, ActorKind::Thread, QStringLiteral("T-b"), 1, 0)); // never ran: no OS id
    trace.upsertActor(actor(4, ActorKind::Coroutine, QStringLiteral("co"), 2, 0));
    ObjectInfo lock;
    lock.id = 1;
    lock.kind = ObjectKind::Lock;
    lock.name = QStringLiteral("L");
    trace.addObject(lock);
    trace.appendOrdered(ev(1'000'000, 2, EventKind::ActorStart));
    trace.appendOrdered(ev(1'002'000, 4, EventKind::ActorStart));
    trace.appendOrdered(ev(1'003'500, 2, EventKind::WaitBegin, 1, qint64(WaitReason::Lock)));
    trace.appendOrdered(ev(1'004'000, 4, EventKind::ActorEnd));
    trace.appendOrdered(ev(1'005'000, 2, EventKind::WaitEnd, 1, qint64(WaitOutcome::Satisfied)));
    trace.appendOrdered(ev(1'005'000, 2, EventKind::Acquired, 1));
    trace.appendOrdered(ev(1'006'250, 2, EventKind::ActorEnd));

    bool ok = false;
    const QJsonArray events = parseEvents(exportJson(trace), &ok);
    QVERIFY(ok);

    QList<QJsonObject> meta = withPhase(events, QStringLiteral("M"));
    std::map<QString, std::pair<qint64, qint64>> idsByName; // name -> (pid, tid)
    for (const QJsonObject &m : meta) {
        const QString name = m.value(QStringLiteral("args")).toObject().value(QStringLiteral("name")).toString();
        if (str(m, "name") == QLatin1String("process_name")) {
            QCOMPARE(name, QStringLiteral("proc"));
            QCOMPARE(integer(m, "pid"), qint64(999));
            QVERIFY(!m.contains(QStringLiteral("tid")));
        } else if (str(m, "name") == QLatin1String("thread_name")) {
            idsByName[name] = {integer(m, "pid"), integer(m, "tid")};
        }
    }
    // Real thread ids where known, distinct synthetic ones otherwise; the
    // coroutine belongs to its thread's process.
    QCOMPARE(idsByName.size(), size_t(3));
    QCOMPARE(idsByName[QStringLiteral("T-a")], std::make_pair(qint64(999), qint64(555)));
    QCOMPARE(idsByName[QStringLiteral("T-b")], std::make_pair(qint64(999), qint64(10'000'003)));
    QCOMPARE(idsByName[QStringLiteral("co")], std::make_pair(qint64(999), qint64(10'000'004)));

    // Slices in microseconds from the first event.
    QStringList slices;
    for (const QJsonObject &x : withPhase(events, QStringLiteral("X"))) {
        slices << QStringLiteral("%1 %2 %3 ts=%4 dur=%5")
                      .arg(integer(x, "tid"))
                      .arg(str(x, "cat"), str(x, "name"))
                      .arg(num(x, "ts"), 0, 'f', 3)
                      .arg(num(x, "dur"), 0, 'f', 3);
    }
    slices.sort();
    QStringList expected{
        QStringLiteral("555 running running ts=0.000 dur=3.500"),
        QStringLiteral("555 waiting-lock waiting-lock L ts=3.500 dur=1.500"),
        QStringLiteral("555 running running ts=5.000 dur=1.250"),
        QStringLiteral("10000004 running running ts=2.000 dur=2.000"),
        QStringLiteral("10000004 finished finished ts=4.000 dur=2.250"),
    };
    expected.sort();
    QCOMPARE(slices, expected);

    const QList<QJsonObject> instants = withPhase(events, QStringLiteral("i"));
    QCOMPARE(instants.size(), 1);
    QCOMPARE(str(instants[0], "name"), QStringLiteral("acquire L"));
    QCOMPARE(str(instants[0], "cat"), QStringLiteral("acquire"));
    QCOMPARE(num(instants[0], "ts"), 5.0);
    QCOMPARE(integer(instants[0], "tid"), qint64(555));
    QCOMPARE(integer(instants[0], "pid"), qint64(999));
    QVERIFY(withPhase(events, QStringLiteral("C")).isEmpty()); // a Lock has no counter
    QVERIFY(withPhase(events, QStringLiteral("s")).isEmpty());
}

void TestChromeExport::sharedVariableValueIsACounter()
{
    Trace trace;
    trace.upsertActor(actor(1, ActorKind::Process, QStringLiteral("proc"), 0, 42));
    trace.upsertActor(actor(2, ActorKind::Thread, QStringLiteral("T"), 1, 43));
    ObjectInfo variable;
    variable.id = 1;
    variable.kind = ObjectKind::Variable;
    variable.name = QStringLiteral("balance");
    trace.addObject(variable);
    trace.appendOrdered(ev(0, 2, EventKind::ActorStart));
    trace.appendOrdered(ev(1000, 2, EventKind::VarRead, 1, 5, 0));
    trace.appendOrdered(ev(2000, 2, EventKind::VarWrite, 1, 6, 0));
    trace.appendOrdered(ev(3000, 2, EventKind::VarWrite, 1, 3, 1)); // a lost update: the value dips
    trace.appendOrdered(ev(4000, 2, EventKind::ActorEnd));

    bool ok = false;
    const QJsonArray events = parseEvents(exportJson(trace), &ok);
    QVERIFY(ok);
    QStringList counters;
    for (const QJsonObject &c : withPhase(events, QStringLiteral("C"))) {
        counters << QStringLiteral("%1 ts=%2 pid=%3 value=%4")
                        .arg(str(c, "name"))
                        .arg(num(c, "ts"), 0, 'f', 3)
                        .arg(integer(c, "pid"))
                        .arg(integer(c.value(QStringLiteral("args")).toObject(), "value"));
    }
    // One sample per write (reads change nothing).
    QCOMPARE(counters, (QStringList{QStringLiteral("balance ts=2.000 pid=42 value=6"),
                                    QStringLiteral("balance ts=3.000 pid=42 value=3")}));
}

void TestChromeExport::namesAreEscaped_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("plain") << QStringLiteral("balance");
    QTest::newRow("quotes") << QStringLiteral("say \"hi\"");
    QTest::newRow("backslash") << QStringLiteral("C:\\temp\\");
    QTest::newRow("newline and tab") << QStringLiteral("two\nlines\tand tab");
    QTest::newRow("control characters") << QString::fromUtf8("bell\x07 esc\x1b nul-free\x01\x1f");
    QTest::newRow("non-ASCII") << QString::fromUtf8("Zähler ✓ 計数 😀");
    QTest::newRow("JSON look-alike") << QStringLiteral("\"},{\"ph\":\"X\"");
}

void TestChromeExport::namesAreEscaped()
{
    QFETCH(QString, name);
    Trace trace;
    trace.upsertActor(actor(1, ActorKind::Process, name, 0, 1));
    trace.upsertActor(actor(2, ActorKind::Thread, name, 1, 2));
    ObjectInfo object;
    object.id = 1;
    object.kind = ObjectKind::Queue;
    object.name = name;
    trace.addObject(object);
    trace.appendOrdered(ev(0, 2, EventKind::ActorStart));
    trace.appendOrdered(ev(10, 2, EventKind::WaitBegin, 1, qint64(WaitReason::Queue)));
    trace.appendOrdered(ev(20, 2, EventKind::Put, 1, 1, 1));
    trace.appendOrdered(ev(30, 2, EventKind::ActorEnd));

    bool ok = false;
    const QJsonArray events = parseEvents(exportJson(trace), &ok);
    QVERIFY(ok);
    QStringList names;
    for (const QJsonValue &v : events) {
        const QJsonObject o = v.toObject();
        if (str(o, "ph") == QLatin1String("M") && str(o, "name").endsWith(QLatin1String("_name")))
            names << o.value(QStringLiteral("args")).toObject().value(QStringLiteral("name")).toString();
        else if (str(o, "ph") != QLatin1String("M"))
            names << str(o, "name");
    }
    QCOMPARE(names, (QStringList{name, name, QStringLiteral("running"),
                                 QStringLiteral("waiting-signal ") + name, name + QStringLiteral(" depth")}));
}

void TestChromeExport::emptyTraceIsValidJson()
{
    bool ok = false;
    const QJsonArray events = parseEvents(exportJson(Trace()), &ok);
    QVERIFY(ok);
    QVERIFY(events.isEmpty());
}

void TestChromeExport::saveWritesTheSameJson()
{
    Trace trace;
    trace.upsertActor(actor(1, ActorKind::Thread, QStringLiteral("T"), 0, 7));
    trace.appendOrdered(ev(0, 1, EventKind::ActorStart));
    trace.appendOrdered(ev(2000, 1, EventKind::ActorEnd));
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("trace.json"));
    QString error = QStringLiteral("untouched");
    QVERIFY(saveChromeTrace(trace, path, &error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), exportJson(trace));
    file.close();
    QCOMPARE(listDir(dir.path()), QStringList{QStringLiteral("trace.json")});

    // Saving again replaces the file; no error pointer is needed.
    trace.appendOrdered(ev(3000, 1, EventKind::Mark));
    QVERIFY(saveChromeTrace(trace, path, nullptr));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), exportJson(trace));
    QCOMPARE(listDir(dir.path()), QStringList{QStringLiteral("trace.json")});
}

void TestChromeExport::saveIntoUnwritablePathFails_data()
{
    QTest::addColumn<QString>("relativePath"); // under a scratch directory; "" = the directory itself
    QTest::addColumn<QString>("absolutePath"); // used when relativePath is empty
    QTest::newRow("parent is a regular file") << QStringLiteral("afile/trace.json") << QString();
    QTest::newRow("parent directory missing") << QStringLiteral("missing/deeper/trace.json") << QString();
    QTest::newRow("path is a directory") << QStringLiteral("adir") << QString();
    QTest::newRow("pseudo file system") << QString() << QStringLiteral("/proc/clab-trace.json");
}

void TestChromeExport::saveIntoUnwritablePathFails()
{
    QFETCH(QString, relativePath);
    QFETCH(QString, absolutePath);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    {
        QFile blocker(dir.filePath(QStringLiteral("afile")));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.write("not a directory");
    }
    QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("adir")));
    const QStringList before = listDir(dir.path());
    const QString path = relativePath.isEmpty() ? absolutePath : dir.filePath(relativePath);

    Trace trace;
    trace.upsertActor(actor(1, ActorKind::Thread, QStringLiteral("T"), 0, 7));
    trace.appendOrdered(ev(0, 1, EventKind::ActorStart));
    QString error;
    QVERIFY(!saveChromeTrace(trace, path, &error));
    QVERIFY2(error.contains(path), qPrintable(error));
    QVERIFY(error.size() > path.size() + 10); // carries a reason, not just the path
    QVERIFY(!saveChromeTrace(trace, path, nullptr)); // without an error pointer too

    // Nothing left behind: no file, no temporary file, directory unchanged.
    QCOMPARE(listDir(dir.path()), before);
    QVERIFY(listDir(dir.filePath(QStringLiteral("adir"))).isEmpty());
    if (relativePath != QLatin1String("adir"))
        QVERIFY(!QFileInfo::exists(path));
    else
        QVERIFY(QFileInfo(path).isDir());
}

QTEST_GUILESS_MAIN(TestChromeExport)
#include "tst_chromeexport.moc"
