#pragma once

#include <QString>

namespace clab::bench {

class BenchReport;

void benchTrace(BenchReport &report);
void benchLock(BenchReport &report);
void benchPool(BenchReport &report);
void benchGil(BenchReport &report);
void benchCoroutines(BenchReport &report);
// Need a QGuiApplication.
void benchTimeline(BenchReport &report);
void benchStartup(BenchReport &report, const QString &executable);

} // namespace clab::bench
