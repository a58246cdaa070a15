#include "tracepump.h"

#include "scenarios/scenariorun.h"
#include "trace/clock.h"

#include <QMetaObject>

namespace clab {

TracePump::TracePump(ScenarioRun &run, QObject *receiver, DeltaHandler onDelta, FinalHandler onFinished)
    : m_run(run)
    , m_receiver(receiver)
    , m_onDelta(std::move(onDelta))
    , m_onFinished(std::move(onFinished))
    , m_thread([this] { loop(); })
{
}

TracePump::~TracePump()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

template <class F>
void TracePump::post(F &&f)
{
    // The receiver lives on the GUI thread; a queued call runs there, and is
    // dropped if the receiver is gone by then.
    QMetaObject::invokeMethod(m_receiver.data(), std::forward<F>(f), Qt::QueuedConnection);
}

void TracePump::loop()
{
    TimelineBuilder builder;
    for (;;) {
        {
            std::unique_lock lock(m_mutex);
            if (m_wake.wait_for(lock, kInterval, [this] { return m_stopping; }))
                return;
        }
        const bool finished = m_run.isFinished();
        if (finished) {
            // The complete trace, derived in one pass, replaces what the
            // live deltas approximated.
            auto data = SessionData::fromTrace(m_run.trace());
            auto handler = m_onFinished;
            post([handler, data] { handler(data); });
            return;
        }
        TraceDelta delta;
        delta.batch = m_run.takeLiveBatch();
        for (const TraceEvent &e : delta.batch.events)
            builder.feed(e);
        delta.closed = builder.takeIntervals();
        delta.handoffs = builder.takeHandoffs();
        delta.nowNs = Clock::monotonicNs();
        delta.open = builder.openIntervals(delta.nowNs);
        auto shared = std::make_shared<TraceDelta>(std::move(delta));
        auto handler = m_onDelta;
        post([handler, shared] { handler(std::move(*shared)); });
    }
}

} // namespace clab
