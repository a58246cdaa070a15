#pragma once

#include "future.h"
#include "spinlock.h"
#include "sync/instrumented.h"
#include "thread.h"

#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <tuple>
#include <type_traits>
#include <vector>

namespace clab {

// concurrent.futures.ThreadPoolExecutor. Workers are real threads, started
// on demand up to max_workers and named as Python names them
// (ThreadPoolExecutor-0_0, ...). Every task's path is recorded: submitted,
// started on a worker, finished, result taken.
class ThreadPoolExecutor : public Instrumented
{
public:
    // 0 picks Python's default, min(32, cpu count + 4). ValueError("max_workers
    // must be greater than 0") for a negative number.
    explicit ThreadPoolExecutor(int maxWorkers = 0, const QString &threadNamePrefix = {});
    // shutdown(wait = true), as leaving a `with` block does.
    ~ThreadPoolExecutor();

    // RuntimeError("cannot schedule new futures after shutdown") once shut down.
    template <class F, class... Args>
    auto submit(F &&fn, Args &&...args) -> Future<std::invoke_result_t<F, Args...>>
    {
        using R = std::invoke_result_t<F, Args...>;
        auto task = std::make_shared<Task<R, std::decay_t<F>, std::decay_t<Args>...>>(
            id(), nextTaskId(), std::forward<F>(fn), std::forward<Args>(args)...);
        Future<R> future(task);
        enqueue(std::move(task));
        return future;
    }

    // Results in the order of `items`; rethrows the first failure in that
    // order, as iterating Python's map does.
    template <class F, class Range>
    auto map(F fn, const Range &items, Timeout timeout = {})
    {
        using Item = std::decay_t<decltype(*std::begin(items))>;
        using R = std::invoke_result_t<F, Item>;
        std::vector<Future<R>> futures;
        for (const auto &item : items)
            futures.push_back(submit(fn, item));
        const Deadline deadline = Deadline::after(timeout);
        std::vector<R> results;
        results.reserve(futures.size());
        for (auto &f : futures) {
            Timeout left;
            if (timeout)
                left = std::max(0.0, remainingSeconds(deadline));
            results.push_back(f.result(left));
        }
        return results;
    }

    // wait: block until running tasks end. cancelFutures: cancel the ones
    // that have not started.
    void shutdown(bool wait = true, bool cancelFutures = false);

    int maxWorkers() const { return m_maxWorkers; }
    int workerCount() const;
    QStringList workerNames() const;

private:
    // The future and the call it stands for, in one allocation.
    template <class R, class F, class... Args>
    struct Task final : FutureData<R> {
        Task(ObjectId pool, qint64 id, F fn, Args... args)
            : FutureData<R>(pool, id), m_fn(std::move(fn)), m_args(std::move(args)...)
        {
        }
        void run() override
        {
            try {
                if constexpr (std::is_void_v<R>) {
                    std::apply(m_fn, m_args);
                    this->value.emplace();
                } else {
                    this->value.emplace(std::apply(m_fn, m_args));
                    if constexpr (std::is_integral_v<R>)
                        trace::record(EventKind::TaskResult, this->pool(), qint64(*this->value), quint32(this->task()));
                }
                // Recorded before finish(): once the future is done, a
                // waiter may take the result at once.
                trace::record(EventKind::TaskFinished, this->pool(), this->task(), 0);
                this->finish(nullptr);
            } catch (const RunCancelled &) {
                this->finish(std::current_exception());
                throw;
            } catch (...) {
                trace::record(EventKind::TaskFinished, this->pool(), this->task(), 1);
                this->finish(std::current_exception());
            }
        }
        F m_fn;
        std::tuple<Args...> m_args;
    };

    static double remainingSeconds(const Deadline &deadline);
    qint64 nextTaskId() { return m_nextTask.fetch_add(1, std::memory_order_relaxed) + 1; }
    void enqueue(std::shared_ptr<FutureState> task);
    void startWorker();
    void workerLoop();
    std::shared_ptr<FutureState> tryPop();
    std::shared_ptr<FutureState> takeWork();
    std::shared_ptr<FutureState> spinForWork();
    bool isDrained() const;
    void wakeAnotherIfNeeded();

    const int m_maxWorkers;
    QString m_prefix;
    std::atomic<qint64> m_nextTask{0};

    // The work queue: a spin lock, since pushes and pops are a few
    // instructions and a stream of tiny tasks must not pay for sleeping.
    // Each group on its own cache line: the submitter and the workers write
    // them at different rates.
    alignas(64) SpinLock m_queueLock;
    std::deque<std::shared_ptr<FutureState>> m_queue;
    alignas(64) std::atomic<int> m_queued{0};   // m_queue.size(), readable without the lock
    alignas(64) std::atomic<int> m_idle{0};     // workers looking for work
    std::atomic<int> m_sleepers{0};             // workers blocked on m_workAvailable
    std::atomic<int> m_spinning{0};             // 1 while an idle worker spins
    std::atomic<bool> m_shutdown{false};
    alignas(64) char m_endOfHotData = 0;

    // Workers sleep here when there is nothing to do; also guards m_workers.
    mutable std::mutex m_mutex;
    std::condition_variable m_workAvailable;
    std::vector<std::unique_ptr<Thread>> m_workers;
};

} // namespace clab
