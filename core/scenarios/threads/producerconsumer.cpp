#include "scenarios/builtin.h"
#include "sync/queue.h"
#include "threads/thread.h"
#include "trace/trace.h"

#include <QSet>
#include <algorithm>
#include <atomic>
#include <memory>
#include <vector>

namespace clab {
namespace {

// Producers put items into a bounded queue.Queue, consumers get them. A full
// queue blocks producers, an empty one blocks consumers. Each consumer stops
// at a None sentinel, and queue.join() waits until every item is done.
class ProducerConsumer final : public Scenario
{
public:
    QString id() const override { return QStringLiteral("producer-consumer"); }
    ScenarioGroup group() const override { return ScenarioGroup::Locks; }
    QString title() const override { return trScenario(QT_TRANSLATE_NOOP("clab::Scenario", "Producer and consumer")); }
    QString description() const override
    {
        return trScenario(QT_TRANSLATE_NOOP("clab::Scenario",
            "Producers put items into a bounded Queue and consumers take them out. "
            "When the buffer is full producers wait; when it is empty consumers wait."));
    }
    QString scene() const override { return QStringLiteral("queue"); }
    QList<ParameterSpec> parameters() const override
    {
        return {
            ParameterSpec::integer(QStringLiteral("producers"), 2, 1, 8,
                QT_TRANSLATE_NOOP("clab::Scenario", "How many threads put items")),
            ParameterSpec::integer(QStringLiteral("consumers"), 2, 1, 8,
                QT_TRANSLATE_NOOP("clab::Scenario", "How many threads get items")),
            ParameterSpec::integer(QStringLiteral("items"), 24, 1, 100000,
                QT_TRANSLATE_NOOP("clab::Scenario", "How many items all producers make together")),
            ParameterSpec::integer(QStringLiteral("maxsize"), 3, 1, 1000,
                QT_TRANSLATE_NOOP("clab::Scenario", "Queue(maxsize): how many items the buffer holds")),
            ParameterSpec::integer(QStringLiteral("produce_ms"), 4, 0, 1000,
                QT_TRANSLATE_NOOP("clab::Scenario", "Time to make one item, in milliseconds")),
            ParameterSpec::integer(QStringLiteral("consume_ms"), 8, 0, 1000,
                QT_TRANSLATE_NOOP("clab::Scenario", "Time to handle one item, in milliseconds")),
        };
    }

    void run(ScenarioContext &ctx) const override
    {
        const int producers = ctx.params.count(QStringLiteral("producers"));
        const int consumers = ctx.params.count(QStringLiteral("consumers"));
        const int items = ctx.params.count(QStringLiteral("items"));
        const double produce = ctx.params.integer(QStringLiteral("produce_ms")) / 1000.0;
        const double consume = ctx.params.integer(QStringLiteral("consume_ms")) / 1000.0;
        constexpr int kNone = -1;
        Queue<int> queue(ctx.params.count(QStringLiteral("maxsize")), QStringLiteral("queue"));
        std::atomic<int> produced{0};
        std::atomic<int> consumed{0};

        std::vector<std::unique_ptr<Thread>> makers;
        for (int p = 0; p < producers; ++p) {
            const int share = items / producers + (p < items % producers ? 1 : 0);
            makers.push_back(std::make_unique<Thread>([&, share] {
                for (int k = 0; k < share; ++k) {
                    clab::sleep(produce);
                    queue.put(produced.fetch_add(1));
                }
            }, QStringLiteral("Producer-%1").arg(p + 1)));
        }
        std::vector<std::unique_ptr<Thread>> takers;
        for (int c = 0; c < consumers; ++c) {
            takers.push_back(std::make_unique<Thread>([&] {
                for (;;) {
                    const int item = queue.get();
                    if (item == kNone) {
                        queue.taskDone();
                        return;
                    }
                    clab::sleep(consume);
                    consumed.fetch_add(1);
                    queue.taskDone();
                }
            }, QStringLiteral("Consumer-%1").arg(c + 1)));
        }
        for (auto &t : takers)
            t->start();
        for (auto &t : makers)
            t->start();
        for (auto &t : makers)
            t->join();
        queue.join();
        for (int c = 0; c < consumers; ++c)
            queue.put(kNone);
        for (auto &t : takers)
            t->join();
        ctx.metrics.insert(QStringLiteral("produced"), produced.load());
        ctx.metrics.insert(QStringLiteral("consumed"), consumed.load());
    }

    void summarize(const Trace &trace, ScenarioContext &ctx) const override
    {
        ObjectId queueId = 0;
        for (const ObjectInfo &o : trace.objects()) {
            if (o.kind == ObjectKind::Queue)
                queueId = o.id;
        }
        quint32 maxDepth = 0;
        int producerWaits = 0;
        int consumerWaits = 0;
        for (const TraceEvent &e : trace.events()) {
            if (e.object != queueId)
                continue;
            if (e.kind == EventKind::Put)
                maxDepth = std::max(maxDepth, e.aux);
            if (e.kind == EventKind::WaitBegin) {
                if (trace.actorName(e.actor).startsWith(QLatin1String("Producer")))
                    ++producerWaits;
                else if (trace.actorName(e.actor).startsWith(QLatin1String("Consumer")))
                    ++consumerWaits;
            }
        }
        ctx.metrics.insert(QStringLiteral("max_depth"), qint64(maxDepth));
        ctx.metrics.insert(QStringLiteral("producer_waits"), producerWaits);
        ctx.metrics.insert(QStringLiteral("consumer_waits"), consumerWaits);
    }
};

} // namespace

std::unique_ptr<Scenario> makeProducerConsumerScenario()
{
    return std::make_unique<ProducerConsumer>();
}

} // namespace clab
