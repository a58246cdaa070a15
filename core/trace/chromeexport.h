#pragma once

#include <QString>

class QIODevice;

namespace clab {

class Trace;

// Chrome Trace Event JSON, as Perfetto UI and speedscope open it: process and
// thread names, one X slice per state interval (category = state), instants
// for acquire and release, counters for queue depth and free permits, and
// flow arrows for handoffs. Times are microseconds from the trace's start.
void writeChromeTrace(const Trace &trace, QIODevice &out);

// Writes to `path` all or nothing (a failed write leaves no file behind).
// Returns false with the reason in `error`.
bool saveChromeTrace(const Trace &trace, const QString &path, QString *error);

} // namespace clab
