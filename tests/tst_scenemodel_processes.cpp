// SceneModel's processes: the process tree at the time cursor (PIDs,
// parents, starting / running / exited and exit codes), where each actor
// runs, the messages in flight in a Pipe or a Queue between processes, and
// the value in a shared memory block, checked against real runs of the
// Processes scenarios.

#include "scenemodel.h"
#include "uitestsupport.h"
#include "tracesession.h"

#include "scenarios/registry.h"
#include "scenarios/scenariorun.h"

#include <QSignalSpy>
#include <QtTest>
#include <algorithm>
#include <unistd.h>

using namespace clab;

namespace {

Trace record(const QString &id, const QStringList &assignments)
{
    const Scenario *scenario = ScenarioRegistry::instance().find(id);
    if (!scenario)
        qFatal("no scenario %s", qPrintable(id));
    ParameterValues params(scenario->parameters());
    QString error;
    if (!params.applyAssignments(scenario->parameters(), assignments, &error))
        qFatal("%s", qPrintable(error));
    ScenarioRun run(*scenario, params, 1);
    run.runHere();
    if (!run.outcome().error.isEmpty())
        qFatal("%s failed: %s", qPrintable(id), qPrintable(run.outcome().error));
    return run.trace();
}

QVariantMap byId(const QVariantList &list, int id)
{
    for (const QVariant &v : list) {
        const QVariantMap m = v.toMap();
        if (m.value("id").toInt() == id)
            return m;
    }
    return {};
}

// The first thread of a process: its main thread.
ActorId mainThreadOf(const Trace &trace, ActorId process)
{
    for (const ActorInfo &a : trace.actors()) {
        if (a.kind == ActorKind::Thread && a.parent == process)
            return a.id;
    }
    return 0;
}

const TraceEvent *firstEvent(const Trace &trace, EventKind kind, ActorId actor, qint64 value = -1)
{
    for (const TraceEvent &e : trace.events()) {
        if (e.kind == kind && (actor == 0 || e.actor == actor) && (value < 0 || e.value == value))
            return &e;
    }
    return nullptr;
}

ObjectId objectNamed(const Trace &trace, const QString &name)
{
    for (const ObjectInfo &o : trace.objects()) {
        if (o.name == name)
            return o.id;
    }
    return 0;
}

} // namespace

using Codes = QList<int>;

class TestSceneModelProcesses : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void processTreeAtTheCursor_data();
    void processTreeAtTheCursor();
    void messagesInFlightBetweenProcesses_data();
    void messagesInFlightBetweenProcesses();
    void sharedBlockValueAtTheCursor();
    void threadsAndCoroutinesCountPerProcess();

private:
    bool moveTo(qint64 ns);

    std::unique_ptr<TraceSession> m_session;
    std::unique_ptr<SceneModel> m_scene;
};

void TestSceneModelProcesses::init()
{
    m_session = std::make_unique<TraceSession>();
    m_scene = std::make_unique<SceneModel>();
    m_scene->setSession(m_session.get());
}

void TestSceneModelProcesses::cleanup()
{
    m_scene.reset();
    m_session.reset();
}

bool TestSceneModelProcesses::moveTo(qint64 ns)
{
    return test::moveSceneCursor(*m_scene, ns);
}

void TestSceneModelProcesses::processTreeAtTheCursor_data()
{
    QTest::addColumn<QString>("scenario");
    QTest::addColumn<QStringList>("assignments");
    QTest::addColumn<Codes>("exitCodes");   // of the children, sorted
    QTest::addColumn<int>("grandchildren");

    QTest::newRow("process-basics: one killed") << QStringLiteral("process-basics") << QStringList{"processes=2"}
                                                << Codes{-9, 0, 0, 0, 0} << 0;
    QTest::newRow("fork: a grandchild") << QStringLiteral("fork") << QStringList{} << Codes{0, 0} << 1;
    QTest::newRow("subprocess: 3 and a timeout") << QStringLiteral("subprocess") << QStringList{}
                                                 << Codes{-9, 0, 0, 3} << 0;
    QTest::newRow("process-queue: reader terminated")
        << QStringLiteral("process-queue") << QStringList{"messages=2", "gap_ms=0", "reader_ms=0"} << Codes{-15, 0} << 0;
}

void TestSceneModelProcesses::processTreeAtTheCursor()
{
    QFETCH(QString, scenario);
    QFETCH(QStringList, assignments);
    QFETCH(Codes, exitCodes);
    QFETCH(int, grandchildren);

    const Trace trace = record(scenario, assignments);
    m_session->load(trace);

    // At the end: the run's own process first, every child exited with its
    // exit status, each under its parent with its real PID.
    QVERIFY(moveTo(trace.endNs()));
    const QVariantList processes = m_scene->processes();
    QCOMPARE(processes.size(), 1 + exitCodes.size());
    const QVariantMap root = processes.first().toMap();
    QCOMPARE(root.value("name").toString(), QStringLiteral("MainProcess"));
    QCOMPARE(root.value("pid").toLongLong(), qint64(::getpid()));
    QCOMPARE(root.value("parent").toInt(), 0);
    QCOMPARE(root.value("depth").toInt(), 0);
    Codes codes;
    int deep = 0;
    for (const QVariant &v : processes.mid(1)) {
        const QVariantMap p = v.toMap();
        const ActorInfo *info = trace.actor(ActorId(p.value("id").toInt()));
        QVERIFY(info);
        QCOMPARE(info->kind, ActorKind::Process);
        QCOMPARE(p.value("pid").toLongLong(), info->osId);
        QVERIFY(p.value("pid").toLongLong() > 0);
        QCOMPARE(p.value("state").toString(), QStringLiteral("exited"));
        QVERIFY2(p.value("hasExitCode").toBool(), qPrintable(p.value("name").toString()));
        codes << p.value("exitCode").toInt();
        const QVariantMap parent = byId(processes, p.value("parent").toInt());
        QVERIFY(!parent.isEmpty());
        QCOMPARE(p.value("parentPid").toLongLong(), parent.value("pid").toLongLong());
        QCOMPARE(p.value("depth").toInt(), parent.value("depth").toInt() + 1);
        deep += p.value("depth").toInt() >= 2 ? 1 : 0;
    }
    std::sort(codes.begin(), codes.end());
    QCOMPARE(codes, exitCodes);
    QCOMPARE(deep, grandchildren);

    // Through the run: not started before its spawn, starting from it,
    // running from its main thread's start, exited at its end.
    for (const QVariant &v : processes.mid(1)) {
        const ActorId process = ActorId(v.toMap().value("id").toInt());
        const ActorId main = mainThreadOf(trace, process);
        QVERIFY(main != 0);
        const TraceEvent *spawn = firstEvent(trace, EventKind::Spawn, 0, qint64(main));
        const TraceEvent *start = firstEvent(trace, EventKind::ActorStart, main);
        const TraceEvent *end = firstEvent(trace, EventKind::ActorEnd, process);
        QVERIFY2(spawn && start && end, qPrintable(QStringLiteral("%1: spawn %2 start %3 end %4")
                                                        .arg(trace.actor(process)->name)
                                                        .arg(spawn != nullptr).arg(start != nullptr).arg(end != nullptr)));
        QVERIFY(spawn->ts <= start->ts);
        QVERIFY(moveTo(spawn->ts - 1));
        QCOMPARE(byId(m_scene->processes(), int(process)).value("state").toString(), QStringLiteral("new"));
        if (spawn->ts < start->ts) {
            QVERIFY(moveTo(spawn->ts));
            const QVariantMap p = byId(m_scene->processes(), int(process));
            QCOMPARE(p.value("state").toString(), QStringLiteral("starting"));
            QCOMPARE(p.value("spawnedNs").toLongLong(), spawn->ts);
            QCOMPARE(p.value("startedNs").toLongLong(), qint64(0));
        }
        QVERIFY(moveTo(start->ts));
        QVariantMap p = byId(m_scene->processes(), int(process));
        if (p.value("state").toString() != QLatin1String("exited")) {
            QCOMPARE(p.value("state").toString(), QStringLiteral("running"));
            QCOMPARE(p.value("startedNs").toLongLong(), start->ts);
            QVERIFY(!p.value("hasExitCode").toBool());
        }
        // Its main thread says where it runs.
        const QVariantMap a = byId(m_scene->actors(), int(main));
        QCOMPARE(a.value("process").toInt(), int(process));
        QCOMPARE(a.value("processName").toString(), trace.actor(process)->name);
        QCOMPARE(a.value("pid").toLongLong(), trace.actor(process)->osId);
        QVERIFY(moveTo(end->ts));
        p = byId(m_scene->processes(), int(process));
        QCOMPARE(p.value("state").toString(), QStringLiteral("exited"));
        QCOMPARE(p.value("endedNs").toLongLong(), end->ts);
        QCOMPARE(p.value("exitCode").toInt(), int(qint32(end->aux)));
    }
}

void TestSceneModelProcesses::messagesInFlightBetweenProcesses_data()
{
    QTest::addColumn<QString>("scenario");
    QTest::addColumn<QStringList>("assignments");
    QTest::addColumn<QString>("object");
    QTest::addColumn<QString>("writer");
    QTest::addColumn<QString>("reader");
    QTest::addColumn<int>("messages");

    QTest::newRow("pipe: child to parent") << QStringLiteral("pipe") << QStringList{"messages=4", "parent_ms=5"}
                                           << QStringLiteral("Pipe") << QStringLiteral("Child")
                                           << QStringLiteral("MainProcess") << 4;
    QTest::newRow("queue: writer to reader")
        << QStringLiteral("process-queue") << QStringList{"messages=4", "gap_ms=2", "reader_ms=5"} << QStringLiteral("Queue")
        << QStringLiteral("Writer") << QStringLiteral("Reader") << 4;
}

void TestSceneModelProcesses::messagesInFlightBetweenProcesses()
{
    QFETCH(QString, scenario);
    QFETCH(QStringList, assignments);
    QFETCH(QString, object);
    QFETCH(QString, writer);
    QFETCH(QString, reader);
    QFETCH(int, messages);

    const Trace trace = record(scenario, assignments);
    const ObjectId pipe = objectNamed(trace, object);
    QVERIFY(pipe != 0);
    m_session->load(trace);

    // Every message is put by the writer's process and got by the reader's,
    // numbered 1, 2, ... on each end.
    QList<qint64> put;
    QList<qint64> got;
    for (const TraceEvent &e : trace.events()) {
        if (e.object != pipe || (e.kind != EventKind::Put && e.kind != EventKind::Get))
            continue;
        (e.kind == EventKind::Put ? put : got) << e.value;
    }
    QList<qint64> numbers;
    for (int i = 1; i <= messages; ++i)
        numbers << i;
    QCOMPARE(put, numbers);
    QCOMPARE(got, numbers);

    // At each put and get, the messages in flight are those put and not
    // yet got.
    QList<qint64> inFlight;
    int puts = 0;
    int gets = 0;
    for (const TraceEvent &e : trace.events()) {
        if (e.object != pipe || (e.kind != EventKind::Put && e.kind != EventKind::Get))
            continue;
        if (e.kind == EventKind::Put) {
            inFlight << e.value;
            ++puts;
        } else {
            inFlight.removeOne(e.value);
            ++gets;
        }
        QVERIFY(moveTo(e.ts));
        const QVariantMap o = byId(m_scene->objects(), int(pipe));
        QList<qint64> items;
        for (const QVariant &v : o.value("items").toList())
            items << v.toLongLong();
        QCOMPARE(items, inFlight);
        QCOMPARE(o.value("puts").toInt(), puts);
        QCOMPARE(o.value("gets").toInt(), gets);
        const QVariantList putters = o.value("putters").toList();
        QCOMPARE(putters.size(), 1);
        QCOMPARE(byId(m_scene->actors(), putters.first().toInt()).value("processName").toString(), writer);
        if (gets > 0) {
            const QVariantList getters = o.value("getters").toList();
            QCOMPARE(getters.size(), 1);
            QCOMPARE(byId(m_scene->actors(), getters.first().toInt()).value("processName").toString(), reader);
        }
    }
    // The reader waits on the pipe while it is empty.
    bool waited = false;
    for (const TraceEvent &e : trace.events()) {
        if (e.kind == EventKind::WaitBegin && e.object == pipe && WaitReason(e.value) == WaitReason::Queue) {
            QVERIFY(moveTo(e.ts));
            const QVariantMap a = byId(m_scene->actors(), int(e.actor));
            QCOMPARE(a.value("processName").toString(), reader);
            QCOMPARE(a.value("reason").toString(), QStringLiteral("queue"));
            QCOMPARE(a.value("object").toInt(), int(pipe));
            waited = true;
            break;
        }
    }
    QVERIFY(waited);
}

void TestSceneModelProcesses::sharedBlockValueAtTheCursor()
{
    const Trace trace = record(QStringLiteral("shared-memory"), {"processes=2", "iterations=200000"});
    const ObjectId block = objectNamed(trace, QStringLiteral("counter"));
    QVERIFY(block != 0);
    m_session->load(trace);

    // Each adder records what it first read and what it last wrote; the
    // parent samples the block while they add, and reads it at the end.
    QHash<ActorId, int> reads;
    QHash<ActorId, int> writes;
    qint64 last = -1;
    for (const TraceEvent &e : trace.events()) {
        if (e.object != block || (e.kind != EventKind::VarRead && e.kind != EventKind::VarWrite))
            continue;
        (e.kind == EventKind::VarRead ? reads : writes)[e.actor] += 1;
        last = e.value;
        // The value at the cursor is the one read or written last.
        QVERIFY(moveTo(e.ts));
        const TraceEvent *after = &e;
        while (after + 1 < trace.events().data() + trace.events().size() && (after + 1)->ts == e.ts)
            ++after;
        if (after == &e)
            QCOMPARE(byId(m_scene->objects(), int(block)).value("value").toLongLong(), e.value);
    }
    int adders = 0;
    for (const ActorInfo &a : trace.actors()) {
        if (a.kind != ActorKind::Thread || !trace.actor(a.parent) || trace.actor(a.parent)->parent == 0)
            continue;
        ++adders;
        QCOMPARE(reads.value(a.id), 1);
        QCOMPARE(writes.value(a.id), 1);
    }
    QCOMPARE(adders, 2);
    QVERIFY(moveTo(trace.endNs()));
    const QVariantMap o = byId(m_scene->objects(), int(block));
    QCOMPARE(o.value("value").toLongLong(), last);
    QVERIFY(last > 0 && last <= 400000);
}

void TestSceneModelProcesses::threadsAndCoroutinesCountPerProcess()
{
    const Trace trace = record(QStringLiteral("processes-plus-coroutines"), {"processes=2", "coroutines=10", "wait_ms=5"});
    m_session->load(trace);
    QVERIFY(moveTo(trace.endNs()));
    int coroutines = 0;
    for (const QVariant &v : m_scene->processes()) {
        const QVariantMap p = v.toMap();
        int threads = 0;
        int ownCoroutines = 0;
        for (const ActorInfo &a : trace.actors()) {
            const ActorInfo *thread = a.kind == ActorKind::Coroutine ? trace.actor(a.parent) : &a;
            if (a.kind == ActorKind::Process || !thread || int(thread->parent) != p.value("id").toInt())
                continue;
            (a.kind == ActorKind::Coroutine ? ownCoroutines : threads) += 1;
        }
        QCOMPARE(p.value("threads").toInt(), threads);
        QCOMPARE(p.value("coroutines").toInt(), ownCoroutines);
        QCOMPARE(p.value("coroutinesAlive").toInt(), 0); // all finished at the end
        coroutines += ownCoroutines;
    }
    QCOMPARE(coroutines, 2 * (1 + 10)); // each loop's main coroutine and its 10 sleepers
    // The pool's workers each know how many tasks they finished.
    int done = 0;
    for (const QVariant &v : m_scene->actors())
        done += v.toMap().value("tasksDone").toInt();
    QVERIFY(done >= 2);
}

QTEST_MAIN(TestSceneModelProcesses)
#include "tst_scenemodel_processes.moc"
