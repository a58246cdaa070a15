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
constexpr int kSpinChecks = 200;

inline void cpuRelax()
{
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#endif
}
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

void ThreadPoolExecutor::enqueue(std::shared_ptr<FutureState> state, std::function<void()> run)
{
    sched::point(id(), Op::Submit);
    const qint64 task = state->task();
    bool wake = false;
    {
        std::lock_guard lock(m_mutex);
        if (m_shutdown)
            throw RuntimeError("cannot schedule new futures after shutdown");
        m_queue.push_back({std::move(state), std::move(run)});
        m_queued.fetch_add(1, std::memory_order_release);
        trace::record(EventKind::TaskSubmitted, id(), task, quint32(m_queue.size()));
        if (m_idle == 0 && int(m_workers.size()) < m_maxWorkers) {
            const QString name = QStringLiteral("%1_%2").arg(m_prefix).arg(m_workers.size());
            m_workers.push_back(std::make_unique<Thread>([this] { workerLoop(); }, name, false));
            m_workers.back()->start();
        } else {
            wake = m_idle > 0;
        }
    }
    if (wake)
        m_workAvailable.notify_one();
}

bool ThreadPoolExecutor::takeWork(WorkItem &item)
{
    for (int i = 0; i < kSpinChecks && m_queued.load(std::memory_order_acquire) == 0; ++i)
        cpuRelax();
    std::unique_lock lock(m_mutex);
    WaitSpec spec;
    spec.object = id();
    spec.reason = WaitReason::Queue;
    ++m_idle;
    try {
        sched::wait(lock, m_workAvailable, [this] { return !m_queue.empty() || m_shutdown; }, spec);
    } catch (...) {
        --m_idle;
        throw;
    }
    --m_idle;
    if (m_queue.empty())
        return false; // shut down and drained
    item = std::move(m_queue.front());
    m_queue.pop_front();
    m_queued.fetch_sub(1, std::memory_order_relaxed);
    return true;
}

void ThreadPoolExecutor::workerLoop()
{
    WorkItem item;
    while (takeWork(item)) {
        if (item.state->setRunningOrNotifyCancel()) {
            trace::record(EventKind::TaskStarted, id(), item.state->task());
            item.run();
            trace::record(EventKind::TaskFinished, id(), item.state->task(), item.state->error() ? 1 : 0);
        }
        item = {};
    }
}

void ThreadPoolExecutor::shutdown(bool wait, bool cancelFutures)
{
    std::vector<WorkItem> cancelled;
    {
        std::lock_guard lock(m_mutex);
        m_shutdown = true;
        if (cancelFutures) {
            cancelled.assign(std::make_move_iterator(m_queue.begin()), std::make_move_iterator(m_queue.end()));
            m_queue.clear();
            m_queued.store(0, std::memory_order_relaxed);
        }
    }
    m_workAvailable.notify_all();
    for (WorkItem &item : cancelled)
        item.state->cancel();
    if (!wait)
        return;
    std::vector<Thread *> workers;
    {
        std::lock_guard lock(m_mutex);
        for (const auto &w : m_workers)
            workers.push_back(w.get());
    }
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
