#include "processpool.h"

#include "threads/runcontext.h"
#include "threads/schedpoint.h"

#include <set>
#include <string>
#include <thread>

namespace clab::process {

const char *internErrorType(const QString &type)
{
    static std::mutex mutex;
    static std::set<std::string> names;
    std::lock_guard lock(mutex);
    return names.insert(type.isEmpty() ? std::string("Exception") : type.toStdString()).first->c_str();
}

// --- AsyncResult ---

QCborValue AsyncResult::get(Timeout timeout) const
{
    sched::point(m_call->pool(), Op::Result);
    const CallResult result = m_call->wait(timeout);
    trace::record(EventKind::ResultTaken, m_call->pool(), m_call->id());
    if (!result.ok)
        throw TaskError(result.errorType, result.errorMessage);
    return result.value;
}

bool AsyncResult::successful() const
{
    if (!m_call->done())
        throw ValueError("AsyncResult is not ready");
    return m_call->result().ok;
}

void AsyncResult::wait(Timeout timeout) const
{
    try {
        m_call->wait(timeout);
    } catch (const TimeoutError &) {
        // AsyncResult.wait returns when the timeout runs out.
    }
}

// --- UnorderedResults ---

struct UnorderedResults::Shared {
    std::mutex mutex;
    std::condition_variable changed;
    std::deque<CallResult> ready;
    int remaining = 0;   // results not yet taken
    ObjectId pool = 0;
};

std::optional<QCborValue> UnorderedResults::next(Timeout timeout)
{
    Shared &s = *m_shared;
    WaitSpec spec;
    spec.object = s.pool;
    spec.reason = WaitReason::Future;
    spec.deadline = Deadline::after(timeout);
    std::unique_lock lock(s.mutex);
    if (s.remaining == 0)
        return std::nullopt;
    if (!sched::wait(lock, s.changed, [&s] { return !s.ready.empty(); }, spec))
        throw TimeoutError();
    CallResult result = std::move(s.ready.front());
    s.ready.pop_front();
    --s.remaining;
    if (!result.ok)
        throw TaskError(result.errorType, result.errorMessage);
    return result.value;
}

// --- ProcessPool ---

namespace {
int checkedProcesses(int processes)
{
    if (processes < 0)
        throw ValueError("Number of processes must be at least 1");
    return processes == 0 ? std::max(1, int(std::thread::hardware_concurrency())) : processes;
}
} // namespace

ProcessPool::ProcessPool(int processes, const QString &name)
    : Instrumented(ObjectKind::Pool, name.isEmpty() ? QStringLiteral("Pool") : name, checkedProcesses(processes))
    , m_processes(checkedProcesses(processes))
{
    std::lock_guard lock(m_mutex);
    m_slots.resize(size_t(m_processes));
    for (size_t i = 0; i < m_slots.size(); ++i)
        startWorker(i);
}

ProcessPool::~ProcessPool()
{
    terminate();
    // Not join(): a cancelled run must still wait here, or a worker's last
    // callbacks would reach a pool that is gone. Killed workers end at once.
    for (auto &w : workersInSlots())
        w->waitSettled();
}

std::vector<std::shared_ptr<WorkerProcess>> ProcessPool::workersInSlots(bool aliveOnly) const
{
    std::lock_guard lock(m_mutex);
    return workersInSlotsLocked(aliveOnly);
}

std::vector<std::shared_ptr<WorkerProcess>> ProcessPool::workersInSlotsLocked(bool aliveOnly) const
{
    std::vector<std::shared_ptr<WorkerProcess>> workers;
    for (const Slot &s : m_slots)
        if (s.worker && (!aliveOnly || s.worker->isAlive()))
            workers.push_back(s.worker);
    return workers;
}

void ProcessPool::startWorker(size_t slot)
{
    // Called with m_mutex held.
    WorkerProcess::Setup setup;
    setup.name = QStringLiteral("SpawnPoolWorker-%1").arg(++m_started);
    setup.run = run();
    auto worker = WorkerProcess::start(setup);
    worker->onReady = [this, worker = std::weak_ptr<WorkerProcess>(worker)] {
        if (auto w = worker.lock()) {
            std::lock_guard lock(m_mutex);
            m_pids.append(w->pid());
            m_startup.push_back(w->startToReadyNs());
        }
        dispatch();
    };
    worker->onDied = [this, slot](std::vector<std::shared_ptr<CallState>> pending) {
        workerDied(slot, std::move(pending));
    };
    worker->onOutput = [this, name = setup.name](const QString &line) {
        if (onOutput)
            onOutput(name, line);
    };
    m_slots[slot].worker = std::move(worker);
}

std::shared_ptr<CallState> ProcessPool::newCall(Callback callback, ErrorCallback errorCallback)
{
    auto call = std::make_shared<CallState>(m_nextTask.fetch_add(1) + 1, id());
    const qint64 callId = call->id();
    call->onDone = [this, callId, callback = std::move(callback), errorCallback = std::move(errorCallback)](
                       const CallResult &result) {
        // On the I/O thread, like Python's result handler thread: callbacks
        // must not block.
        if (result.ok && callback)
            callback(result.value);
        else if (!result.ok && errorCallback)
            errorCallback(result.errorType, result.errorMessage);
        {
            std::lock_guard lock(m_mutex);
            m_sent.erase(callId);
        }
        dispatch();
    };
    return call;
}

void ProcessPool::enqueue(Job job)
{
    sched::point(id(), Op::Submit);
    {
        std::lock_guard lock(m_mutex);
        if (m_closed || m_terminated)
            throw ValueError("Pool not running");
        m_queue.push_back(job);
        trace::record(EventKind::TaskSubmitted, id(), job.call->id(), quint32(m_queue.size()));
    }
    dispatch();
}

AsyncResult ProcessPool::applyAsync(const QString &task, const QCborArray &args, Callback callback,
                                    ErrorCallback errorCallback)
{
    auto call = newCall(std::move(callback), std::move(errorCallback));
    enqueue({call, task, args, false});
    return AsyncResult(call);
}

void ProcessPool::dispatch()
{
    std::vector<std::pair<std::shared_ptr<WorkerProcess>, Job>> toSend;
    bool shutDownWorkers = false;
    {
        std::lock_guard lock(m_mutex);
        while (!m_queue.empty() && !m_terminated) {
            // The ready worker with the fewest tasks in hand.
            WorkerProcess *best = nullptr;
            std::shared_ptr<WorkerProcess> bestRef;
            int bestLoad = kPipeline;
            for (const Slot &s : m_slots) {
                if (!s.worker || !s.worker->isReady())
                    continue;
                int load = s.worker->pendingCalls();
                for (const auto &[w, j] : toSend)
                    load += w == s.worker ? 1 : 0;
                if (load < bestLoad) {
                    bestLoad = load;
                    best = s.worker.get();
                    bestRef = s.worker;
                }
            }
            if (!best)
                break;
            Job job = std::move(m_queue.front());
            m_queue.pop_front();
            m_sent[job.call->id()] = job;
            toSend.emplace_back(bestRef, std::move(job));
        }
        shutDownWorkers = m_closed && !m_terminated && m_queue.empty() && m_sent.empty() && toSend.empty();
    }
    for (auto &[worker, job] : toSend)
        worker->send(job.call, job.task, job.args, job.chunk);
    if (shutDownWorkers) {
        std::lock_guard lock(m_mutex);
        for (Slot &s : m_slots) {
            if (s.worker)
                s.worker->shutdown();
        }
    }
}

void ProcessPool::workerDied(size_t slot, std::vector<std::shared_ptr<CallState>> pending)
{
    // The first call was running when the worker died: it fails. The others
    // were only queued in its pipe: they go back to the front of the queue.
    std::shared_ptr<CallState> running;
    {
        std::lock_guard lock(m_mutex);
        const QString reason = m_slots[slot].worker ? m_slots[slot].worker->deathReason() : QString();
        const QString name = m_slots[slot].worker ? m_slots[slot].worker->name() : QString();
        if (m_terminated) {
            // terminate(): nothing will run again; every call in its pipe fails.
            for (const auto &call : pending) {
                CallResult result;
                result.errorType = QString::fromLatin1(kWorkerDied);
                result.errorMessage = QStringLiteral("the pool was terminated while the worker %1 had this task").arg(name);
                m_deathResults.emplace_back(call, std::move(result));
            }
            pending.clear();
        }
        for (auto it = pending.rbegin(); it != pending.rend(); ++it) {
            if (it + 1 == pending.rend())
                break;
            const auto sent = m_sent.find((*it)->id());
            if (sent != m_sent.end()) {
                m_queue.push_front(sent->second);
                m_sent.erase(sent);
            }
        }
        if (!pending.empty())
            running = pending.front(); // its onDone forgets it and dispatches again
        if (!m_terminated)
            startWorker(slot);
        if (running) {
            CallResult result;
            result.errorType = QString::fromLatin1(kWorkerDied);
            result.errorMessage = QStringLiteral("the worker %1 died while running this task: %2").arg(name, reason);
            // Completed outside the lock below.
            m_deathResults.emplace_back(running, std::move(result));
        }
    }
    std::vector<std::pair<std::shared_ptr<CallState>, CallResult>> results;
    {
        std::lock_guard lock(m_mutex);
        results.swap(m_deathResults);
    }
    for (auto &[call, result] : results)
        call->complete(std::move(result));
    dispatch();
}

QCborArray ProcessPool::map(const QString &task, const QCborArray &items, int chunksize)
{
    if (items.isEmpty())
        return {};
    if (chunksize <= 0) {
        // Python: divmod(len(iterable), len(pool) * 4), one more if any left.
        chunksize = int(items.size() / (m_processes * 4));
        if (items.size() % (m_processes * 4))
            ++chunksize;
    }
    std::vector<AsyncResult> chunks;
    for (qsizetype i = 0; i < items.size(); i += chunksize) {
        QCborArray chunk;
        for (qsizetype j = i; j < std::min(items.size(), i + chunksize); ++j)
            chunk.append(items[j]);
        auto call = newCall({}, {});
        enqueue({call, task, chunk, true});
        chunks.emplace_back(call);
    }
    QCborArray results;
    for (const AsyncResult &chunk : chunks) {
        for (const QCborValue &v : chunk.get().toArray())
            results.append(v);
    }
    return results;
}

UnorderedResults ProcessPool::imapUnordered(const QString &task, const QCborArray &items, int chunksize)
{
    chunksize = std::max(1, chunksize);
    UnorderedResults out;
    out.m_shared = std::make_shared<UnorderedResults::Shared>();
    out.m_shared->pool = id();
    out.m_shared->remaining = int(items.size());
    for (qsizetype i = 0; i < items.size(); i += chunksize) {
        QCborArray chunk;
        for (qsizetype j = i; j < std::min(items.size(), i + chunksize); ++j)
            chunk.append(items[j]);
        const int count = int(chunk.size());
        auto shared = out.m_shared;
        auto call = newCall(
            [shared](const QCborValue &values) {
                std::lock_guard lock(shared->mutex);
                for (const QCborValue &v : values.toArray()) {
                    CallResult r;
                    r.ok = true;
                    r.value = v;
                    shared->ready.push_back(std::move(r));
                }
                shared->changed.notify_all();
            },
            [shared, count](const QString &type, const QString &message) {
                std::lock_guard lock(shared->mutex);
                for (int k = 0; k < count; ++k) {
                    CallResult r;
                    r.errorType = type;
                    r.errorMessage = message;
                    shared->ready.push_back(std::move(r));
                }
                shared->changed.notify_all();
            });
        enqueue({call, task, chunk, true});
    }
    return out;
}

void ProcessPool::close()
{
    {
        std::lock_guard lock(m_mutex);
        m_closed = true;
    }
    dispatch();
}

void ProcessPool::terminate()
{
    std::deque<Job> dropped;
    std::vector<std::shared_ptr<WorkerProcess>> workers;
    {
        std::lock_guard lock(m_mutex);
        if (m_terminated)
            return;
        m_terminated = true;
        dropped.swap(m_queue);
        workers = workersInSlotsLocked();
    }
    for (auto &w : workers)
        w->kill();
    for (Job &job : dropped) {
        CallResult result;
        result.errorType = QStringLiteral("ValueError");
        result.errorMessage = QStringLiteral("the pool was terminated before this task ran");
        job.call->complete(std::move(result));
    }
}

void ProcessPool::join()
{
    {
        std::lock_guard lock(m_mutex);
        if (!m_closed && !m_terminated)
            throw ValueError("Pool is still running");
    }
    // Workers replaced after a crash join the slots, so look again until
    // every worker in a slot has ended.
    for (;;) {
        const auto workers = workersInSlots(true);
        if (workers.empty())
            return;
        for (auto &w : workers)
            w->waitFinished();
    }
}

bool ProcessPool::waitUntilReady()
{
    bool ready = true;
    for (auto &w : workersInSlots())
        ready = w->waitReady(30.0) && ready;
    return ready;
}

QList<qint64> ProcessPool::pids() const
{
    std::lock_guard lock(m_mutex);
    return m_pids;
}

int ProcessPool::workersStarted() const
{
    std::lock_guard lock(m_mutex);
    return m_started;
}

std::vector<qint64> ProcessPool::startupTimes() const
{
    std::lock_guard lock(m_mutex);
    return m_startup;
}

} // namespace clab::process
