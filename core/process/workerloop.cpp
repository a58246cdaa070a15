#include "workerloop.h"

#include "protocol.h"
#include "taskregistry.h"

#include "threads/errors.h"
#include "threads/runcontext.h"
#include "trace/clock.h"

#include <QCborArray>
#include <atomic>
#include <cerrno>
#include <condition_variable>
#include <stop_token>
#include <thread>
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
    void flushTrace() override
    {
        if (flushHook)
            flushHook();
    }
    // Sends the running call's events now, if it is traced.
    std::function<void()> flushHook;

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
    QCborArray one{QCborValue()}; // reused: no allocation per item
    for (qsizetype i = 0; i < args.size(); ++i) {
        one[0] = args.at(i);
        results.append((*fn)(one, context));
    }
    return results;
}

// Sends the worker's events every few milliseconds while a traced task runs,
// so its lanes grow live in the app and survive terminate() or a crash.
class EventFlusher
{
public:
    EventFlusher(Channel &channel, Recorder &recorder)
        : m_channel(channel), m_recorder(recorder), m_thread([this](std::stop_token stop) { loop(stop); })
    {
    }
    ~EventFlusher()
    {
        m_thread.request_stop();
        m_wake.notify_all();
    }
    void setTracing(bool tracing) { m_tracing.store(tracing, std::memory_order_relaxed); }
    // Sends what is recorded now; drain() has one consumer at a time.
    void flush(bool send)
    {
        std::lock_guard lock(m_drainMutex);
        if (send)
            sendEvents(m_channel, m_recorder);
        else
            m_recorder.drain();
    }

private:
    void loop(std::stop_token stop)
    {
        std::mutex mutex;
        std::unique_lock lock(mutex);
        while (!stop.stop_requested()) {
            m_wake.wait_for(lock, stop, std::chrono::milliseconds(kPeriodMs), [] { return false; });
            if (!stop.stop_requested() && m_tracing.load(std::memory_order_relaxed))
                flush(true);
        }
    }

    static constexpr int kPeriodMs = 25;
    Channel &m_channel;
    Recorder &m_recorder;
    std::mutex m_drainMutex;
    std::atomic<bool> m_tracing{false};
    std::condition_variable_any m_wake;
    std::jthread m_thread;
};

} // namespace

int runWorker(int input, int output, const char *clock)
{
    Clock::adoptCalibration(clock ? QByteArray(clock) : qgetenv("CLAB_CLOCK"));
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
        EventFlusher flusher(channel, run.recorder());
        bool tracingCall = false;
        channel.flushHook = [&flusher, &tracingCall] {
            if (tracingCall)
                flusher.flush(true);
        };
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
                flusher.setTracing(trace);
                tracingCall = trace;
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
                flusher.setTracing(false);
                tracingCall = false;
                flusher.flush(trace);
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
        channel.flushHook = nullptr;
    }
    sendEvents(channel, run.recorder());
    run.shutdown(std::chrono::seconds(2));
    return exitCode;
}

} // namespace clab::process
