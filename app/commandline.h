#pragma once

#include <QStringList>
#include <optional>

namespace clab::cli {

// True when the arguments ask for work without a window.
bool wantsHeadless(const QStringList &arguments);

// Runs the headless command line: --list-scenarios, --describe and
// --scenario. Returns the process exit code: 0 done, 1 a file could not be
// written, 2 bad arguments (the message on stderr says what is allowed).
int runHeadless(const QStringList &arguments);

} // namespace clab::cli
