// concurrency-lab-worker: a worker process the engine starts through
// QProcess. It speaks the framed protocol of core/process/protocol.h on its
// stdin and stdout, and nothing else may write to its stdout.

#include "process/workerloop.h"

int main()
{
    return clab::process::runWorker();
}
