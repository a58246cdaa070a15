#include "workerloop.h"

#include "protocol.h"
#include "taskregistry.h"

#include "threads/errors.h"
#include "threads/runcontext.h"
#include "trace/clock.h"

#include <QCborArray>
#include <cerrno>
#include <mutex>
#include <unistd.h>

namespace clab::process {

namespace {

class Channel : public TaskContext
{
public:
    explicit Channel(int fd) : m_fd(fd) {}

    void send(FrameType type, QCborMap body)
    {
        const QByteArray bytes = encodeFrame({type, std::move(body)});
        std::lock_guard lock(m_mutex);
        qsizetype done = 0;
        while (done < bytes.size()) {
            const ssize_t n = ::write(m_fd, bytes.constData() + done, size_t(bytes.size() - done));
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                ::_exit(3); // the app is gone: nobody to answer
            done += n;
        }
    }
    void print(const QString &line) override { send(FrameType::Output, {{QStringLiteral("text"), line}}); }

private:
    const int m_fd;
    std::mutex m_mutex;
};

QCborMap actorToCbor(const ActorInfo &a)
{
    return {{QStringLiteral("id"), a.id},           {QStringLiteral("kind"), int(a.kind)},
            {QStringLiteral("name"), a.name},       {QStringLiteral("parent"), a.parent},
            {QStringLiteral("osId"), a.osId},       {QStringLiteral("daemon"), a.daemon}};
}

QCborMap objectToCbor(const ObjectInfo &o)
{
    return {{QStringLiteral("id"), o.id},     {QStringLiteral("kind"), int(o.kind)},
            {QStringLiteral("name"), o.name}, {QStringLiteral("capacity"), o.capacity},
            {QStringLiteral("owner"), o.owner}};
}

void sendEvents(Channel &channel, Recorder &recorder)
{
    TraceBatch batch = recorder.drain();
    if (batch.isEmpty())
        return;
    QCborArray actors;
    for (const ActorInfo &a : batch.actors)
        actors.append(actorToCbor(a));
    QCborArray objects;
    for (const ObjectInfo &o : batch.objects)
        objects.append(objectToCbor(o));
    // Same machine, same layout: the events travel as they are in memory.
    const QByteArray raw(reinterpret_cast<const char *>(batch.events.data()),
                         qsizetype(batch.events.size() * sizeof(TraceEvent)));
    channel.send(FrameType::Events, {{QStringLiteral("actors"), actors},
                                     {QStringLiteral("objects"), objects},
                                     {QStringLiteral("events"), raw}});
}

QCborValue runCall(const QString &name, const QCborArray &args, bool chunk, TaskContext &context)
{
    const TaskFunction *fn = TaskRegistry::instance().find(name);
    if (!fn)
        throw PythonError("LookupError", "unknown task '" + name.toStdString() + "'; known: "
                                             + TaskRegistry::instance().names().join(QStringLiteral(", ")).toStdString());
    if (!chunk)
        return (*fn)(args, context);
    // Pool.map sends a chunk of items; each is one call.
    QCborArray results;
    for (const QCborValue &item : args)
        results.append((*fn)(QCborArray{item}, context));
    return results;
}

} // namespace

int runWorker(int input, int output)
{
    Clock::adoptCalibration(qgetenv("CLAB_CLOCK"));
    Channel channel(output);
    RunContext run;
    int exitCode = 0;
    {
        RunContext::MainThread mainThread(run);
        channel.send(FrameType::Hello, {{QStringLiteral("pid"), qint64(::getpid())},
                                        {QStringLiteral("ppid"), qint64(::getppid())},
                                        {QStringLiteral("readyNs"), Clock::monotonicNs()},
                                        {QStringLiteral("mainActor"), mainThread.actor()},
                                        {QStringLiteral("processActor"), run.processActor()}});
        // Its lane starts now, even if it is killed during its first task.
        sendEvents(channel, run.recorder());
        FrameDecoder decoder;
        QByteArray buffer(65536, Qt::Uninitialized);
        bool running = true;
        while (running) {
            const ssize_t n = ::read(input, buffer.data(), size_t(buffer.size()));
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                break; // the app closed our input: nothing more to do
            decoder.feed(buffer.left(int(n)));
            while (auto frame = decoder.next()) {
                if (frame->type == FrameType::Shutdown) {
                    running = false;
                    break;
                }
                if (frame->type != FrameType::Call)
                    continue;
                const QCborMap &call = frame->body;
                const qint64 id = call.value(QStringLiteral("id")).toInteger();
                const auto pool = ObjectId(call.value(QStringLiteral("pool")).toInteger());
                const bool trace = call.value(QStringLiteral("trace")).toBool();
                trace::record(EventKind::TaskStarted, pool, id);
                bool failed = false;
                QCborMap reply{{QStringLiteral("id"), id}};
                try {
                    reply.insert(QStringLiteral("value"),
                                 runCall(call.value(QStringLiteral("task")).toString(),
                                         call.value(QStringLiteral("args")).toArray(),
                                         call.value(QStringLiteral("chunk")).toBool(), channel));
                } catch (const PythonError &e) {
                    failed = true;
                    reply.insert(QStringLiteral("type"), QString::fromLatin1(e.pythonType()));
                    reply.insert(QStringLiteral("message"), QString::fromUtf8(e.what()));
                } catch (const std::exception &e) {
                    failed = true;
                    reply.insert(QStringLiteral("type"), QStringLiteral("RuntimeError"));
                    reply.insert(QStringLiteral("message"), QString::fromUtf8(e.what()));
                }
                trace::record(EventKind::TaskFinished, pool, id, failed ? 1 : 0);
                if (trace)
                    sendEvents(channel, run.recorder());
                else
                    run.recorder().drain();
                channel.send(failed ? FrameType::Error : FrameType::Result, reply);
                if (call.value(QStringLiteral("once")).toBool()) {
                    exitCode = failed ? 1 : 0;
                    running = false;
                    break;
                }
            }
            if (decoder.failed()) {
                ::write(2, "concurrency-lab-worker: ", 24);
                const QByteArray why = decoder.error().toUtf8() + '\n';
                ::write(2, why.constData(), size_t(why.size()));
                exitCode = 2;
                break;
            }
        }
    }
    sendEvents(channel, run.recorder());
    run.shutdown(std::chrono::seconds(2));
    return exitCode;
}

} // namespace clab::process
