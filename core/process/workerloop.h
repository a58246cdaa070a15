#pragma once

namespace clab::process {

// The worker process's whole life: says Hello, then serves Call frames from
// stdin until Shutdown or end of input, answering each with a Result or an
// Error (and, when asked, the events it recorded meanwhile). Returns the
// process exit code.
// `clock` is the app's clock calibration (Clock::calibration()); without it
// the worker falls back to $CLAB_CLOCK.
int runWorker(int input = 0, int output = 1, const char *clock = nullptr);

} // namespace clab::process
