// concurrency-lab-worker: a worker process the engine starts through
// QProcess. It speaks the framed protocol of core/process/protocol.h on its
// stdin and stdout, and nothing else may write to its stdout.

#include "process/workerloop.h"

#include <cstring>

int main(int argc, char *argv[])
{
    // --clock=<calibration>: the app's clock, so that both traces share it.
    const char *clock = nullptr;
    for (int i = 1; i < argc; ++i)
        if (std::strncmp(argv[i], "--clock=", 8) == 0)
            clock = argv[i] + 8;
    return clab::process::runWorker(0, 1, clock);
}
