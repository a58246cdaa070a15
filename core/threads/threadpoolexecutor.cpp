#include "threadpoolexecutor.h"

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

// Before sleeping, an idle worker briefly watches the queue: a stream of
// tiny tasks then costs no kernel wake-up per task.
constexpr int kSpinChecks = 2000;
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
    // Each Thread waits for its worker, which still uses this object.
    m_workers.clear();
}

double ThreadPoolExecutor::remainingSeconds(const Deadline &deadline)
{
    const auto cap = deadline.cap(std::chrono::hours(24));
    return std::chrono::duration<double>(cap - std::chrono::steady_clock::now()).count();
}

void ThreadPoolExecutor::enqueue(std::shared_ptr<FutureState> task)
{
    sched::point(id(), Op::Submit);
    const qint64 taskId = task->task();
    {
        std::lock_guard queue(m_queueLock);
        // Checked under the queue lock: once a worker sees shutdown and an
        // empty queue it leaves, so nothing may be pushed after that.
        if (m_shutdown.load(std::memory_order_relaxed))
            throw RuntimeError("cannot schedule new futures after shutdown");
        trace::record(EventKind::TaskSubmitted, id(), taskId, quint32(m_queue.size() + 1));
        m_queue.push_back(std::move(task));
    }
    // seq_cst here and in takeWork(): either the sleeping worker sees the
    // new item, or this sees the sleeper and wakes it. A spinning worker
    // will find the item by itself.
    // As CPython's idle semaphore: a new worker (up to max_workers) unless an
    // idle one is free for this task. An idle worker counts for one queued
    // task only, or two quick submits would share it and the second could
    // wait behind a task that waits for it.
    const int queued = m_queued.fetch_add(1, std::memory_order_seq_cst) + 1;
    if (queued > m_idle.load(std::memory_order_seq_cst))
        startWorker();
    if (m_spinning.load(std::memory_order_seq_cst) == 0 && m_sleepers.load(std::memory_order_seq_cst) > 0) {
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
}

std::shared_ptr<FutureState> ThreadPoolExecutor::tryPop()
{
    if (m_queued.load(std::memory_order_relaxed) == 0)
        return nullptr;
    std::lock_guard queue(m_queueLock);
    if (m_queue.empty())
        return nullptr;
    std::shared_ptr<FutureState> task = std::move(m_queue.front());
    m_queue.pop_front();
    // Busy from here on (takeWork's Idle guard does not count it again).
    m_idle.fetch_sub(1, std::memory_order_seq_cst);
    m_queued.fetch_sub(1, std::memory_order_seq_cst);
    return task;
}

std::shared_ptr<FutureState> ThreadPoolExecutor::spinForWork()
{
    int delay = 1;
    for (int check = 0; check < kSpinChecks; ++check) {
        if (auto task = tryPop())
            return task;
        if (isDrained())
            return nullptr;
        for (int i = 0; i < delay; ++i)
            SpinLock::relax();
        delay = std::min(delay * 2, 64);
    }
    return nullptr;
}

bool ThreadPoolExecutor::isDrained() const
{
    return m_shutdown.load(std::memory_order_acquire) && m_queued.load(std::memory_order_seq_cst) == 0;
}

void ThreadPoolExecutor::wakeAnotherIfNeeded()
{
    // A worker that found work while more waits wakes a sleeper itself, so
    // the submitter rarely pays for a kernel wake-up.
    if (m_queued.load(std::memory_order_seq_cst) > 0 && m_sleepers.load(std::memory_order_seq_cst) > 0
        && m_spinning.load(std::memory_order_seq_cst) == 0) {
        std::lock_guard lock(m_mutex);
        m_workAvailable.notify_one();
    }
}

std::shared_ptr<FutureState> ThreadPoolExecutor::takeWork()
{
    struct Idle {
        explicit Idle(std::atomic<int> &n) : count(n) { count.fetch_add(1, std::memory_order_seq_cst); }
        ~Idle()
        {
            if (counted)
                count.fetch_sub(1, std::memory_order_seq_cst);
        }
        std::atomic<int> &count;
        bool counted = true; // false once tryPop() took a task and uncounted it
    } idle(m_idle);

    WaitSpec spec;
    spec.object = id();
    spec.reason = WaitReason::Queue;
    for (;;) {
        if (auto task = tryPop()) {
            idle.counted = false;
            wakeAnotherIfNeeded();
            return task;
        }
        if (isDrained())
            return nullptr;
        // At most one idle worker spins; the others sleep, leaving the CPU
        // to whoever submits.
        int expected = 0;
        if (m_spinning.compare_exchange_strong(expected, 1, std::memory_order_seq_cst)) {
            std::shared_ptr<FutureState> task = spinForWork();
            m_spinning.store(0, std::memory_order_seq_cst);
            if (task) {
                idle.counted = false;
                wakeAnotherIfNeeded();
                return task;
            }
        }
        std::unique_lock lock(m_mutex);
        // seq_cst, as in enqueue(): either this sees the new item, or the
        // submitter sees this sleeper.
        m_sleepers.fetch_add(1, std::memory_order_seq_cst);
        try {
            sched::wait(lock, m_workAvailable, [this] {
                return m_queued.load(std::memory_order_seq_cst) > 0 || m_shutdown.load(std::memory_order_acquire);
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
    while (std::shared_ptr<FutureState> task = takeWork()) {
        if (!task->setRunningOrNotifyCancel())
            continue;
        trace::record(EventKind::TaskStarted, id(), task->task());
        task->run(); // records TaskFinished
    }
}

void ThreadPoolExecutor::shutdown(bool wait, bool cancelFutures)
{
    std::deque<std::shared_ptr<FutureState>> cancelled;
    {
        std::lock_guard queue(m_queueLock);
        m_shutdown.store(true, std::memory_order_release);
        if (cancelFutures) {
            cancelled.swap(m_queue);
            m_queued.store(0, std::memory_order_seq_cst);
        }
    }
    for (const auto &task : cancelled)
        task->cancel();
    std::vector<Thread *> workers;
    {
        std::lock_guard lock(m_mutex);
        m_workAvailable.notify_all();
        for (const auto &w : m_workers)
            workers.push_back(w.get());
    }
    if (!wait)
        return;
    for (Thread *w : workers)
        w->join();
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
