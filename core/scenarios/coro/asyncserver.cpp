#include "coro/awaitables.h"
#include "coro/net.h"
#include "scenarios/builtin.h"
#include "threads/threadstate.h"

#include <QSet>

namespace clab {
namespace {

using namespace coro;

struct ServerStats {
    int inFlight = 0;
    int peak = 0;
    int served = 0;
    QSet<qint64> threads;   // native ids of the threads that ran handlers
};

// async def handle(request): await asyncio.sleep(delay); return Response("Hello, name")
Task<void> handle(TcpStream connection, ServerStats &stats, double delay)
{
    const QByteArray request = co_await connection.readUntil("\r\n\r\n");
    const QList<QByteArray> words = request.split(' ');
    const QByteArray name = words.size() > 1 ? words[1].mid(1) : QByteArray("anonymous");
    stats.threads.insert(this_thread::nativeId());
    stats.peak = std::max(stats.peak, ++stats.inFlight);
    co_await coro::sleep(delay);
    --stats.inFlight;
    const QByteArray body = "Hello, " + name;
    co_await connection.writeAll("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: "
                                 + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
    ++stats.served;
}

Task<void> serve(TcpListener &listener, int connections, ServerStats &stats, double delay)
{
    EventLoop *loop = EventLoop::current();
    std::vector<TaskRef<void>> handlers;
    for (int i = 0; i < connections; ++i) {
        TcpStream connection = co_await listener.accept();
        handlers.push_back(loop->createTask(handle(std::move(connection), stats, delay),
                                            QStringLiteral("handler-%1").arg(i + 1)));
    }
    for (auto &h : handlers)
        co_await h;
}

Task<int> client(quint16 port, int id, int requests)
{
    int ok = 0;
    for (int r = 0; r < requests; ++r) {
        TcpStream connection = co_await TcpStream::connect(port);
        co_await connection.writeAll("GET /client-" + QByteArray::number(id) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        const QByteArray response = co_await connection.readAll();
        ok += response.startsWith("HTTP/1.1 200 OK") && response.endsWith("client-" + QByteArray::number(id)) ? 1 : 0;
    }
    co_return ok;
}

Task<void> serverMain(ScenarioContext &ctx, int clients, int requests, double delay)
{
    EventLoop *loop = EventLoop::current();
    TcpListener listener;
    ServerStats stats;
    const qint64 start = EventLoop::nowNs();
    auto server = loop->createTask(serve(listener, clients * requests, stats, delay), QStringLiteral("server"));
    std::vector<Task<int>> load;
    for (int c = 0; c < clients; ++c)
        load.push_back(client(listener.port(), c + 1, requests));
    const auto answered = co_await gather(std::move(load));
    co_await server;
    int ok = 0;
    for (int a : answered)
        ok += a;
    ctx.metrics.insert(QStringLiteral("port"), int(listener.port()));
    ctx.metrics.insert(QStringLiteral("requests_served"), stats.served);
    ctx.metrics.insert(QStringLiteral("responses_ok"), ok);
    ctx.metrics.insert(QStringLiteral("concurrent_peak"), stats.peak);
    ctx.metrics.insert(QStringLiteral("loop_threads"), int(stats.threads.size()));
    ctx.metrics.insert(QStringLiteral("elapsed_ms"), double(EventLoop::nowNs() - start) / 1e6);
    ctx.metrics.insert(QStringLiteral("tasks_done"), stats.served);
}

class AsyncServer final : public Scenario
{
public:
    QString id() const override { return QStringLiteral("async-server"); }
    ScenarioGroup group() const override { return ScenarioGroup::Coroutines; }
    QString title() const override { return trScenario(QT_TRANSLATE_NOOP("clab::Scenario", "An async HTTP server")); }
    QString description() const override
    {
        return trScenario(QT_TRANSLATE_NOOP("clab::Scenario",
            "A tiny HTTP server on 127.0.0.1, like the classic aiohttp example: each handler awaits a sleep "
            "before it answers. One thread serves many clients at once, because a waiting handler lets the "
            "loop run the others."));
    }
    QString scene() const override { return QStringLiteral("loop"); }
    QList<ParameterSpec> parameters() const override
    {
        return {
            ParameterSpec::integer(QStringLiteral("clients"), 20, 1, 200,
                QT_TRANSLATE_NOOP("clab::Scenario", "Clients sending requests at the same time")),
            ParameterSpec::integer(QStringLiteral("requests"), 2, 1, 100,
                QT_TRANSLATE_NOOP("clab::Scenario", "Requests each client sends, one after another")),
            ParameterSpec::integer(QStringLiteral("handler_ms"), 20, 0, 5000,
                QT_TRANSLATE_NOOP("clab::Scenario", "How long each handler awaits asyncio.sleep, ms")),
        };
    }
    void run(ScenarioContext &ctx) const override
    {
        EventLoop loop;
        loop.run(serverMain(ctx, ctx.params.count(QStringLiteral("clients")), ctx.params.count(QStringLiteral("requests")),
                            ctx.params.integer(QStringLiteral("handler_ms")) / 1000.0));
    }
};

} // namespace

std::unique_ptr<Scenario> makeAsyncServerScenario()
{
    return std::make_unique<AsyncServer>();
}

} // namespace clab
