#pragma once

#include "tracesession.h"

#include <QPointer>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace clab {

class ScenarioRun;

// Carries a live run's trace to the GUI without ever blocking it: its own
// thread takes a batch every interval, derives intervals and handoffs, and
// posts the delta to the receiver's thread. When the run ends it derives the
// complete data once more, exactly, and posts that.
class TracePump
{
public:
    using DeltaHandler = std::function<void(TraceDelta)>;
    using FinalHandler = std::function<void(std::shared_ptr<SessionData>)>;

    static constexpr std::chrono::milliseconds kInterval{40};

    TracePump(ScenarioRun &run, QObject *receiver, DeltaHandler onDelta, FinalHandler onFinished);
    ~TracePump();  // stops and joins; nothing is posted after it returns
    TracePump(const TracePump &) = delete;
    TracePump &operator=(const TracePump &) = delete;

private:
    void loop();
    template <class F>
    void post(F &&f);

    ScenarioRun &m_run;
    QPointer<QObject> m_receiver;
    DeltaHandler m_onDelta;
    FinalHandler m_onFinished;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
    std::thread m_thread;
};

} // namespace clab
