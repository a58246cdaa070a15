#pragma once

#include "errors.h"
#include "runcontext.h"
#include "threadstate.h"
#include "timeout.h"
#include "trace/recorder.h"

#include <condition_variable>
#include <mutex>

namespace clab {

// The operations that pass the scheduling point.
enum class Op : quint8 {
    Acquire,
    Release,
    Wait,
    Notify,
    Set,
    Clear,
    Put,
    Get,
    TaskDone,
    Join,
    Sleep,
    Start,
    Submit,
    Result,
};

struct Arrival {
    ActorId actor;
    ObjectId object;
    Op op;
};

// Installed on a run to take control at every scheduling point: a step-
// through mode blocks in arrive() until the learner picks this thread.
class SchedulingGate
{
public:
    virtual ~SchedulingGate() = default;
    virtual void arrive(const Arrival &arrival) = 0;
};

struct WaitSpec {
    ObjectId object = 0;
    WaitReason reason = WaitReason::Lock;
    Deadline deadline;
    bool objectHasOwner = false; // feeds the deadlock detector
    quint32 awaitedActor = 0;    // for joins
};

namespace sched {

// Every operation on a primitive calls this first. Free when no gate is set.
inline void point(ObjectId object, Op op)
{
    ThreadState *s = this_thread::state();
    if (!s)
        return;
    if (SchedulingGate *gate = s->run->gate()) [[unlikely]]
        gate->arrive({s->actor, object, op});
}

bool cancellationRequested();
// Throws RunCancelled when the run or this thread is being stopped; long
// computations call it between steps.
void checkpoint();

// How often a blocked thread looks at the cancel flag. Bounds how long
// stopping a deadlocked run can take.
inline constexpr std::chrono::milliseconds kCancelPoll{20};

// The one place where threads block. Waits on `cv` (with `lock` held) until
// `ready()` holds, the deadline passes (returns false) or the run is
// cancelled (throws RunCancelled). Records WaitBegin/WaitEnd only when it
// really has to wait.
template <class Ready>
bool wait(std::unique_lock<std::mutex> &lock, std::condition_variable &cv, Ready ready, const WaitSpec &spec)
{
    if (ready())
        return true;
    if (spec.deadline.hasPassed())
        return false;
    ThreadState *s = this_thread::state();
    if (!s) {
        while (!ready()) {
            if (spec.deadline.isNever())
                cv.wait(lock);
            else if (cv.wait_until(lock, spec.deadline.cap(std::chrono::hours(24))) == std::cv_status::timeout
                     && spec.deadline.hasPassed())
                return ready();
        }
        return true;
    }
    trace::record(EventKind::WaitBegin, spec.object, qint64(spec.reason), spec.awaitedActor);
    if (spec.objectHasOwner)
        s->blockedOn.store(spec.object, std::memory_order_release);
    auto leave = [&](WaitOutcome outcome) {
        if (spec.objectHasOwner)
            s->blockedOn.store(0, std::memory_order_release);
        trace::record(EventKind::WaitEnd, spec.object, qint64(outcome));
    };
    for (;;) {
        if (s->run->isCancelled() || s->cancelRequested.load(std::memory_order_relaxed)) {
            leave(WaitOutcome::Cancelled);
            throw RunCancelled();
        }
        cv.wait_until(lock, spec.deadline.cap(kCancelPoll));
        if (ready()) {
            leave(WaitOutcome::Satisfied);
            return true;
        }
        if (spec.deadline.hasPassed()) {
            leave(WaitOutcome::TimedOut);
            return false;
        }
    }
}

} // namespace sched
} // namespace clab
