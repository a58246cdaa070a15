#pragma once

namespace clab::bench {

class BenchReport;

void benchTrace(BenchReport &report);
void benchLock(BenchReport &report);
void benchPool(BenchReport &report);

} // namespace clab::bench
