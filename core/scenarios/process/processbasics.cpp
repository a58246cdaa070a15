#include "process/process.h"
#include "process/taskregistry.h"
#include "scenarios/builtin.h"

#include <QCborMap>
#include <QJsonArray>
#include <unistd.h>

namespace clab {
namespace {

using process::Process;

// multiprocessing.Process: start, join, is_alive, kill; PIDs and parent
// PIDs; and memory isolation (a child changes its copy of a global).
class ProcessBasics final : public Scenario
{
public:
    QString id() const override { return QStringLiteral("process-basics"); }
    ScenarioGroup group() const override { return ScenarioGroup::Processes; }
    QString title() const override { return trScenario(QT_TRANSLATE_NOOP("clab::Scenario", "Process basics")); }
    QString description() const override
    {
        return trScenario(QT_TRANSLATE_NOOP("clab::Scenario",
            "Each Process is a real operating-system process with its own PID; its parent is this program. "
            "A child that changes a global changes its own copy: the parent's stays as it was."));
    }
    QString scene() const override { return QStringLiteral("process"); }
    QList<ParameterSpec> parameters() const override
    {
        return {ParameterSpec::integer(QStringLiteral("processes"), 3, 1, 16,
            QT_TRANSLATE_NOOP("clab::Scenario", "How many child processes to start"))};
    }
    void run(ScenarioContext &ctx) const override
    {
        const int n = ctx.params.count(QStringLiteral("processes"));
        QJsonArray pids;
        bool parentsMatch = true;
        int aliveAfterStart = 0;
        int aliveAfterJoin = 0;
        std::vector<std::unique_ptr<Process>> children;
        for (int i = 0; i < n; ++i) {
            children.push_back(std::make_unique<Process>(QStringLiteral("slow-square"), QCborArray{i, 0.05}));
            children.back()->start();
        }
        for (auto &p : children)
            aliveAfterStart += p->isAlive() ? 1 : 0;
        for (auto &p : children) {
            p->join();
            aliveAfterJoin += p->isAlive() ? 1 : 0;
            pids.append(p->pid().value_or(0));
        }
        // Who is whose parent, asked of the child itself.
        Process who(QStringLiteral("identify"));
        who.start();
        who.join();
        parentsMatch = who.result().toMap().value(QStringLiteral("ppid")).toInteger() == qint64(::getpid());

        // Memory isolation.
        process::g_processGlobal = 0;
        Process changer(QStringLiteral("set-global"), QCborArray{42});
        changer.start();
        changer.join();

        // kill() a process that would sleep for a minute.
        Process sleeper(QStringLiteral("sleep"), QCborArray{60.0});
        sleeper.start();
        const bool aliveBeforeKill = sleeper.isAlive();
        sleeper.kill();
        sleeper.join();

        ctx.metrics.insert(QStringLiteral("parent_pid"), qint64(::getpid()));
        ctx.metrics.insert(QStringLiteral("pids"), pids);
        ctx.metrics.insert(QStringLiteral("ppid_is_parent"), parentsMatch);
        ctx.metrics.insert(QStringLiteral("alive_after_start"), aliveAfterStart);
        ctx.metrics.insert(QStringLiteral("alive_after_join"), aliveAfterJoin);
        ctx.metrics.insert(QStringLiteral("exitcode"), children.front()->exitcode().value_or(-1000));
        ctx.metrics.insert(QStringLiteral("child_global_after"),
                           changer.result().toMap().value(QStringLiteral("after")).toInteger());
        ctx.metrics.insert(QStringLiteral("parent_global_after"), process::g_processGlobal);
        ctx.metrics.insert(QStringLiteral("killed_alive_before"), aliveBeforeKill);
        ctx.metrics.insert(QStringLiteral("killed_exitcode"), sleeper.exitcode().value_or(-1000));
        ctx.metrics.insert(QStringLiteral("tasks_done"), n + 2);
    }
};

// os.fork(), inside a worker: it returns twice, 0 in the child and the
// child's PID in the parent.
class Fork final : public Scenario
{
public:
    QString id() const override { return QStringLiteral("fork"); }
    ScenarioGroup group() const override { return ScenarioGroup::Processes; }
    QString title() const override { return trScenario(QT_TRANSLATE_NOOP("clab::Scenario", "fork()")); }
    QString description() const override
    {
        return trScenario(QT_TRANSLATE_NOOP("clab::Scenario",
            "A worker process calls fork(). It returns twice: 0 in the new child, and the child's PID in the "
            "parent. Both sides report what they got."));
    }
    QString scene() const override { return QStringLiteral("process"); }
    void run(ScenarioContext &ctx) const override
    {
        Process forker(QStringLiteral("fork"), {}, QStringLiteral("Forker"));
        forker.start();
        forker.join();
        const QCborMap r = forker.result().toMap();
        ctx.metrics.insert(QStringLiteral("fork_returned_in_child"), r.value(QStringLiteral("child_got")).toInteger());
        ctx.metrics.insert(QStringLiteral("fork_returned_in_parent"), r.value(QStringLiteral("parent_got")).toInteger());
        ctx.metrics.insert(QStringLiteral("child_pid"), r.value(QStringLiteral("child_pid")).toInteger());
        ctx.metrics.insert(QStringLiteral("forking_pid"), r.value(QStringLiteral("parent_pid")).toInteger());
        ctx.metrics.insert(QStringLiteral("parent_sees_child_pid"),
                           r.value(QStringLiteral("parent_got")).toInteger() == r.value(QStringLiteral("child_pid")).toInteger());
        ctx.metrics.insert(QStringLiteral("tasks_done"), 1);
    }
};

} // namespace

std::unique_ptr<Scenario> makeProcessBasicsScenario()
{
    return std::make_unique<ProcessBasics>();
}

std::unique_ptr<Scenario> makeForkScenario()
{
    return std::make_unique<Fork>();
}

} // namespace clab
