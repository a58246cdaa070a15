#pragma once

#include "gil/gil.h"
#include "scenarios/parameter.h"
#include "threads/thread.h"

#include <QStringList>
#include <chrono>
#include <functional>
#include <memory>
#include <vector>

namespace clab::gilwork {

// The modes the GIL scenarios compare. Worker processes come with the
// processes engine; until then there are two.
inline QStringList modes()
{
    return {QStringLiteral("gil"), QStringLiteral("free")};
}

inline ParameterSpec modeParameter()
{
    return ParameterSpec::choice(QStringLiteral("mode"), modes(), QStringLiteral("gil"),
        QT_TRANSLATE_NOOP("clab::Scenario", "gil: CPython's GIL; free: no GIL, like the free-threaded build (PEP 703)"));
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

// Splits `total` units into `n` nearly equal shares.
inline qint64 share(qint64 total, int n, int i)
{
    return total / n + (i < total % n ? 1 : 0);
}

} // namespace clab::gilwork
