#pragma once

// Runs a coroutine test on an event loop under a deadline: the loop runs on
// its own thread inside a recorded run, and if it has not finished in time
// the run is cancelled, which ends the loop (it checks the run's cancel
// flag every poll), so a hung loop fails the test instead of hanging CI.

#include "coro/loop.h"
#include "threads/runcontext.h"
#include "trace/trace.h"

#include <QtTest>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace clab::test {

struct LoopOutcome {
    bool finished = false;       // ended by itself before the deadline
    bool timedOut = false;
    std::exception_ptr error;    // what run() raised
    QStringList unretrieved;
    QString deadlock;
    Trace trace;
};

inline LoopOutcome runLoop(const std::function<coro::Task<void>()> &main, double seconds = 10)
{
    LoopOutcome outcome;
    RunContext context;
    context.setStopOnDeadlock(false);
    std::mutex mutex;
    std::condition_variable done;
    bool ended = false;
    std::thread runner([&] {
        {
            RunContext::MainThread mainThread(context);
            coro::EventLoop loop;
            try {
                loop.run(main());
            } catch (...) {
                outcome.error = std::current_exception();
            }
            outcome.unretrieved = loop.unretrievedErrors();
            outcome.deadlock = loop.deadlockReport();
        }
        std::lock_guard lock(mutex);
        ended = true;
        done.notify_all();
    });
    {
        std::unique_lock lock(mutex);
        const bool inTime = done.wait_for(lock, std::chrono::duration<double>(seconds), [&] { return ended; });
        if (!inTime) {
            outcome.timedOut = true;
            context.cancel();
            done.wait(lock, [&] { return ended; });
        }
    }
    runner.join();
    context.shutdown(std::chrono::seconds(5));
    outcome.finished = !outcome.timedOut;
    outcome.trace.merge(context.recorder().drain());
    return outcome;
}

inline QString errorText(const std::exception_ptr &e)
{
    if (!e)
        return {};
    try {
        std::rethrow_exception(e);
    } catch (const PythonError &error) {
        return QString::fromStdString(error.describe());
    } catch (const std::exception &error) {
        return QString::fromUtf8(error.what());
    } catch (...) {
        return QStringLiteral("?");
    }
}

} // namespace clab::test
