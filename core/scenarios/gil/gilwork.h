#pragma once

#include "gil/gil.h"
#include "process/processpool.h"
#include "scenarios/parameter.h"
#include "threads/thread.h"

#include <QStringList>
#include <chrono>
#include <functional>
#include <memory>
#include <vector>

namespace clab::gilwork {

// The modes the GIL scenarios compare: CPython's GIL, no GIL, and the same
// work in worker processes (each with a GIL of its own).
inline QStringList modes()
{
    return {QStringLiteral("gil"), QStringLiteral("free"), QStringLiteral("processes")};
}

inline bool inProcesses(const ParameterValues &params)
{
    return params.choice(QStringLiteral("mode")) == QLatin1String("processes");
}

inline ParameterSpec modeParameter()
{
    return ParameterSpec::choice(QStringLiteral("mode"), modes(), QStringLiteral("gil"),
        QT_TRANSLATE_NOOP("clab::Scenario", "gil: CPython's GIL; free: no GIL, like the free-threaded build (PEP 703); "
                          "processes: each share in a worker process with its own GIL"));
}

inline ParameterSpec switchIntervalParameter()
{
    return ParameterSpec::real(QStringLiteral("switch_interval_ms"), 5.0, 0.1, 100.0,
        QT_TRANSLATE_NOOP("clab::Scenario", "sys.setswitchinterval: how long a waiter waits before asking for the GIL, in ms"));
}

// Runs `body(i)` on `n` threads, each inside an Interpreter (holding the GIL
// between its units), and returns the wall time from the first start to the
// last join, in ms. MainThread does not hold the GIL while it waits, as
// join() releases it in CPython.
inline double runOnThreads(Gil &gil, int n, const std::function<void(Interpreter &, int)> &body,
                           const QString &namePrefix = {})
{
    std::vector<std::unique_ptr<Thread>> threads;
    for (int i = 0; i < n; ++i) {
        threads.push_back(std::make_unique<Thread>([&gil, &body, i] {
            Interpreter interpreter(gil);
            body(interpreter, i);
        }, namePrefix.isEmpty() ? QString() : QStringLiteral("%1-%2").arg(namePrefix).arg(i + 1)));
    }
    const auto start = std::chrono::steady_clock::now();
    for (auto &t : threads)
        t->start();
    for (auto &t : threads)
        t->join();
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

// Runs one "interpret" task per entry of `shares` ({units, requests, io
// seconds}), each in its own worker process, and returns the wall time from
// handing out the first to the last result, in ms. The workers are started
// and ready before the clock starts, as the threads are.
inline double runOnProcesses(const std::vector<QCborArray> &shares)
{
    process::ProcessPool pool(int(shares.size()), QStringLiteral("Pool"));
    pool.waitUntilReady();
    std::vector<process::AsyncResult> results;
    const auto start = std::chrono::steady_clock::now();
    for (const QCborArray &args : shares)
        results.push_back(pool.applyAsync(QStringLiteral("interpret"), args));
    for (auto &r : results)
        r.get();
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    pool.close();
    pool.join();
    return ms;
}

// Splits `total` units into `n` nearly equal shares.
inline qint64 share(qint64 total, int n, int i)
{
    return total / n + (i < total % n ? 1 : 0);
}

} // namespace clab::gilwork
