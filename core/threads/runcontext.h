#pragma once

#include "threadstate.h"
#include "trace/actor.h"
#include "trace/recorder.h"
#include "waitforgraph.h"

#include <QStringList>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

namespace clab {

class SchedulingGate;
class DeadlockDetector;

struct DeadlockReport {
    std::vector<ActorId> actors;     // in wait-for order: each waits for the next
    QStringList names;
    std::vector<ObjectId> objects;   // objects[i] is what actors[i] waits for
    qint64 detectedNs = 0;
};

// Everything one run of a scenario shares: its recorder, its cancel flag, its
// wait-for graph and deadlock detector, and the gate of its scheduling point.
// Threads started inside a run inherit it.
class RunContext
{
public:
    explicit RunContext(quint64 seed = 0);
    ~RunContext();
    RunContext(const RunContext &) = delete;
    RunContext &operator=(const RunContext &) = delete;

    Recorder &recorder() { return m_recorder; }
    quint64 seed() const { return m_seed; }
    ActorId processActor() const { return m_processActor; }

    void cancel();
    bool isCancelled() const { return m_cancelled.load(std::memory_order_relaxed); }

    void setGate(SchedulingGate *gate) { m_gate.store(gate, std::memory_order_release); }
    SchedulingGate *gate() const { return m_gate.load(std::memory_order_acquire); }

    // Python numbers threads per process; here per run, from 1.
    int nextThreadNumber() { return m_threadCounter.fetch_add(1) + 1; }
    // Counts objects of a kind created in this run, from 1.
    int nextSerial(ObjectKind kind);
    // "Lock-1", "Queue-2", ...: default names for unnamed objects.
    QString defaultObjectName(ObjectKind kind);
    ObjectId addObject(ObjectKind kind, const QString &name, qint64 capacity = 0, ObjectId owner = 0);

    // Called by every thread of the run on its own thread as it begins and
    // ends. Attaches it to the recorder.
    void enterThread(ThreadState *state);
    void leaveThread(ThreadState *state);
    // Called by Thread::start() before the OS thread exists, so the run counts
    // the thread (and shutdown() waits for it) from the moment start()
    // returns; removeStartingThread() undoes it when the OS refuses.
    void addStartingThread(ThreadState *state);
    void removeStartingThread(ThreadState *state);
    int liveThreads() const;

    WaitForGraph &waitForGraph() { return m_graph; }

    // The detector runs from construction. When it finds a cycle it records
    // it and, if stopOnDeadlock (the default), cancels the run.
    void setStopOnDeadlock(bool stop) { m_stopOnDeadlock.store(stop); }
    std::optional<DeadlockReport> deadlock() const;

    // Ends the run as Python ends a program: waits for the non-daemon
    // threads, then stops the daemons. Returns false if threads were still
    // alive after `grace` (they are then cancelled and waited for).
    bool shutdown(std::chrono::milliseconds grace);

    // Makes the calling thread the run's MainThread for its lifetime.
    class MainThread
    {
    public:
        explicit MainThread(RunContext &run);
        ~MainThread();
        MainThread(const MainThread &) = delete;
        MainThread &operator=(const MainThread &) = delete;
        ActorId actor() const { return m_state.actor; }

    private:
        RunContext &m_run;
        ThreadState m_state;
        ThreadState *m_previous;
    };

private:
    friend class DeadlockDetector;
    void reportDeadlock(DeadlockReport report);
    bool waitForThreads(bool includeDaemons, std::chrono::steady_clock::time_point until);

    const quint64 m_seed;
    Recorder m_recorder;
    ActorId m_processActor = 0;
    std::atomic<bool> m_cancelled{false};
    std::atomic<SchedulingGate *> m_gate{nullptr};
    std::atomic<int> m_threadCounter{0};
    std::atomic<bool> m_stopOnDeadlock{true};
    WaitForGraph m_graph;

    mutable std::mutex m_mutex;
    std::condition_variable m_threadsChanged;
    std::vector<ThreadState *> m_live;
    std::vector<int> m_objectCounters;
    std::optional<DeadlockReport> m_deadlock;

    std::unique_ptr<DeadlockDetector> m_detector; // last: stops first
};

} // namespace clab
