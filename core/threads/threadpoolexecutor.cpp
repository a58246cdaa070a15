#include "threadpoolexecutor.h"

#include <QScopeGuard>
#include <QStringList>
#include <algorithm>
#include <chrono>
#include <thread>

namespace clab {

namespace {
int checkedMaxWorkers(int maxWorkers)
{
    if (maxWorkers < 0)
        throw ValueError("max_workers must be greater than 0");
    if (maxWorkers == 0)
        return std::min(32, int(std::thread::hardware_concurrency()) + 4);
    return maxWorkers;
}

std::atomic<int> s_executorsOutsideRuns{0};

// Before sleeping, an idle worker watches the queue for about 50 µs: a
// stream of tiny tasks then costs no kernel wake-up per task.
constexpr int kSpinChecks = 50;
constexpr int kPausesPerCheck = 32;
} // namespace

ThreadPoolExecutor::ThreadPoolExecutor(int maxWorkers, const QString &threadNamePrefix)
    : Instrumented(ObjectKind::Pool,
                   threadNamePrefix.isEmpty()
                       ? QStringLiteral("ThreadPoolExecutor-%1")
                             .arg(this_thread::run() ? this_thread::run()->nextSerial(ObjectKind::Pool) - 1
                                                     : s_executorsOutsideRuns.fetch_add(1))
                       : threadNamePrefix,
                   checkedMaxWorkers(maxWorkers))
    , m_maxWorkers(checkedMaxWorkers(maxWorkers))
    , m_prefix(name())
{
}

ThreadPoolExecutor::~ThreadPoolExecutor()
{
    try {
        shutdown(true);
    } catch (const RunCancelled &) {
        // The run is stopping; the workers notice on their own.
    }
    // Each Thread waits for its worker, which still uses this object. Taken
    // out under the lock, again until none is left: a submit that got in
    // before shutdown may still be starting one.
    for (;;) {
        std::vector<std::unique_ptr<Thread>> workers;
        {
            std::lock_guard lock(m_mutex);
            workers.swap(m_workers);
        }
        if (workers.empty())
            break;
        workers.clear();
    }
    // Left only when the workers were stopped with the run: cancelled, so
    // that nobody waits for them.
    while (FutureState *task = m_queue.tryPop())
        StateRef<FutureState>::adopt(task)->cancel();
}

double ThreadPoolExecutor::remainingSeconds(const Deadline &deadline)
{
    const auto cap = deadline.cap(std::chrono::hours(24));
    return std::chrono::duration<double>(cap - std::chrono::steady_clock::now()).count();
}

void ThreadPoolExecutor::enqueue(FutureState *task)
{
    auto dropQueueReference = qScopeGuard([task] { task->deref(); });
    sched::point(id(), Op::Submit);
    const bool pushed = m_queue.push(task, [&] {
        task->m_task = ++m_lastTaskId;
        if (trace::t_buffer)
            trace::record(EventKind::TaskSubmitted, id(), task->task(), quint32(m_queue.size() + 1));
    });
    if (!pushed)
        throw RuntimeError("cannot schedule new futures after shutdown");
    dropQueueReference.dismiss();
    wakeSleeperIfNeeded();
    // As CPython's idle semaphore: a new worker (up to max_workers) unless an
    // idle one is free for this task. An idle worker counts for one queued
    // task only, or two quick submits would share it and the second could
    // wait behind a task that waits for it.
    if (!m_allWorkersStarted.load(std::memory_order_relaxed)) {
        // The queue first: a worker uncounts itself before it pops, so a
        // submit that sees the pop also sees that the worker is busy.
        const std::uint64_t queued = m_queue.size();
        const int idle = m_idle.load(std::memory_order_seq_cst);
        if (queued > std::uint64_t(std::max(0, idle)))
            startWorker();
    }
}

void ThreadPoolExecutor::wakeSleeperIfNeeded()
{
    // seq_cst, after the push's seq_cst store and as in takeWork(): either
    // a sleeping worker sees the new item, or this sees the sleeper. A
    // spinning worker finds the item by itself.
    if (m_sleepers.load(std::memory_order_seq_cst) > 0 && m_spinning.load(std::memory_order_seq_cst) == 0
        && !m_queue.isEmpty()) {
        std::lock_guard lock(m_mutex);
        m_workAvailable.notify_one();
    }
}

void ThreadPoolExecutor::startWorker()
{
    std::lock_guard lock(m_mutex);
    if (int(m_workers.size()) >= m_maxWorkers)
        return;
    const QString name = QStringLiteral("%1_%2").arg(m_prefix).arg(m_workers.size());
    m_workers.push_back(std::make_unique<Thread>([this] { workerLoop(); }, name, false));
    m_workers.back()->start();
    if (int(m_workers.size()) == m_maxWorkers)
        m_allWorkersStarted.store(true, std::memory_order_relaxed);
}

void ThreadPoolExecutor::spinUntilWorkOrDrained() const
{
    // Polls about once a microsecond: often enough for a stream of tiny
    // tasks, rarely enough to leave the submitter's cache lines alone.
    for (int check = 0; check < kSpinChecks; ++check) {
        if (!m_queue.isEmpty() || isDrained())
            return;
        for (int i = 0; i < kPausesPerCheck; ++i)
            SpinLock::relax();
    }
}

bool ThreadPoolExecutor::isDrained() const
{
    return m_queue.isClosed() && m_queue.isEmpty();
}

FutureState *ThreadPoolExecutor::takeWork()
{
    // Counts this worker in m_idle while it looks for work, until every
    // worker has started.
    class IdleMark
    {
    public:
        IdleMark(std::atomic<int> &idle, bool counting) : m_idle(idle), m_counting(counting) { set(true); }
        ~IdleMark() { set(false); }
        bool isCounting() const { return m_counting; }
        // Uncounted before a pop: a submit that sees the pop must not count
        // this worker as free for its task too.
        void set(bool idle)
        {
            if (m_counting && idle != m_marked) {
                m_idle.fetch_add(idle ? 1 : -1, std::memory_order_seq_cst);
                m_marked = idle;
            }
        }

    private:
        std::atomic<int> &m_idle;
        const bool m_counting;
        bool m_marked = false;
    } idle(m_idle, !m_allWorkersStarted.load(std::memory_order_relaxed));

    WaitSpec spec;
    spec.object = id();
    spec.reason = WaitReason::Queue;
    for (;;) {
        if (!idle.isCounting() || !m_queue.isEmpty()) {
            idle.set(false);
            if (FutureState *task = m_queue.tryPop()) {
                // More waiting: wake a sleeper here, so the submitter rarely
                // pays for a kernel wake-up.
                wakeSleeperIfNeeded();
                return task;
            }
            idle.set(true);
        }
        if (isDrained())
            return nullptr;
        // At most one idle worker spins; the others sleep, leaving the CPU
        // to whoever submits.
        int expected = 0;
        if (m_spinning.compare_exchange_strong(expected, 1, std::memory_order_seq_cst)) {
            spinUntilWorkOrDrained();
            m_spinning.store(0, std::memory_order_seq_cst);
            if (!m_queue.isEmpty() || isDrained())
                continue;
        }
        std::unique_lock lock(m_mutex);
        // seq_cst, as in wakeSleeperIfNeeded(): either this sees the new
        // item, or the submitter sees this sleeper.
        m_sleepers.fetch_add(1, std::memory_order_seq_cst);
        try {
            sched::wait(lock, m_workAvailable, [this] {
                return !m_queue.isEmpty() || m_queue.isClosed();
            }, spec);
        } catch (...) {
            m_sleepers.fetch_sub(1, std::memory_order_seq_cst);
            throw;
        }
        m_sleepers.fetch_sub(1, std::memory_order_seq_cst);
    }
}

void ThreadPoolExecutor::workerLoop()
{
    while (FutureState *popped = takeWork()) {
        const auto task = StateRef<FutureState>::adopt(popped);
        if (!task->setRunningOrNotifyCancel())
            continue;
        trace::record(EventKind::TaskStarted, id(), task->task());
        task->run(); // records TaskFinished
    }
}

void ThreadPoolExecutor::shutdown(bool wait, bool cancelFutures)
{
    m_queue.close();
    if (cancelFutures) {
        while (FutureState *task = m_queue.tryPop())
            StateRef<FutureState>::adopt(task)->cancel();
    }
    {
        std::lock_guard lock(m_mutex);
        m_workAvailable.notify_all();
    }
    if (!wait)
        return;
    // Until no new worker appears: a submit that got in just before close()
    // may start one after the first look.
    for (size_t joined = 0;;) {
        std::vector<Thread *> workers;
        {
            std::lock_guard lock(m_mutex);
            for (size_t i = joined; i < m_workers.size(); ++i)
                workers.push_back(m_workers[i].get());
        }
        if (workers.empty())
            return;
        for (Thread *w : workers)
            w->join();
        joined += workers.size();
    }
}

int ThreadPoolExecutor::workerCount() const
{
    std::lock_guard lock(m_mutex);
    return int(m_workers.size());
}

QStringList ThreadPoolExecutor::workerNames() const
{
    std::lock_guard lock(m_mutex);
    QStringList names;
    for (const auto &w : m_workers)
        names << w->name();
    return names;
}

} // namespace clab
