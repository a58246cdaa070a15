#pragma once

#include "threads/timeout.h"

#include <QByteArray>
#include <QStringList>

namespace clab::process {

// subprocess.CompletedProcess
struct CompletedProcess {
    QStringList args;
    int returncode = 0;
    QByteArray stdoutData;
    QByteArray stderrData;
    qint64 pid = 0;
};

// subprocess.run(args, input=..., capture_output=True, timeout=...):
// FileNotFoundError when the program does not exist; TimeoutExpired (the
// child is killed) after `timeout`; with check, CalledProcessError on a
// non-zero exit. Recorded as I/O on the calling thread, and the child as a
// process lane with its PID.
CompletedProcess runSubprocess(const QString &program, const QStringList &arguments, const QByteArray &input = {},
                               Timeout timeout = {}, bool check = false);

} // namespace clab::process
