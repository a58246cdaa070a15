#pragma once

#include <QString>

namespace clab::bench {

class BenchReport;

void benchTrace(BenchReport &report);
void benchLock(BenchReport &report);
void benchPool(BenchReport &report);
void benchGil(BenchReport &report);
void benchCoroutines(BenchReport &report);
// Starts worker processes: needs a QCoreApplication and the worker program.
void benchProcess(BenchReport &report);
// Need a QGuiApplication.
void benchTimeline(BenchReport &report);
void benchStartup(BenchReport &report, const QString &executable);

} // namespace clab::bench
