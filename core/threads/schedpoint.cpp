#include "schedpoint.h"

namespace clab::sched {

bool cancellationRequested()
{
    ThreadState *s = this_thread::state();
    return s && (s->run->isCancelled() || s->cancelRequested.load(std::memory_order_relaxed));
}

void checkpoint()
{
    if (cancellationRequested()) {
        trace::record(EventKind::Cancelled);
        throw RunCancelled();
    }
}

} // namespace clab::sched
