#pragma once

#include "future.h"
#include "spinlock.h"
#include "sync/instrumented.h"
#include "taskmemory.h"
#include "thread.h"
#include "workqueue.h"

#include <atomic>
#include <condition_variable>
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
        auto *task = new Task<R, std::decay_t<F>, std::decay_t<Args>...>(id(), std::forward<F>(fn),
                                                                         std::forward<Args>(args)...);
        // Two references from the start: the future's and the queue's.
        task->m_references.store(2, std::memory_order_relaxed);
        Future<R> future(StateRef<FutureData<R>>::adopt(task));
        enqueue(task);
        return future;
    }

    // Results in the order of `items`; rethrows the first failure in that
    // order, as iterating Python's map does.
    template <class F, class Range>
    auto map(F fn, const Range &items, Timeout timeout = {})
    {
        using Item = std::decay_t<decltype(*std::begin(items))>;
        using R = std::invoke_result_t<F, Item>;
        // As Python: the timeout counts from the call, and a failure or a
        // timeout cancels the calls that have not started.
        const Deadline deadline = Deadline::after(timeout);
        std::vector<Future<R>> futures;
        for (const auto &item : items)
            futures.push_back(submit(fn, item));
        std::vector<R> results;
        results.reserve(futures.size());
        try {
            for (auto &f : futures) {
                Timeout left;
                if (timeout)
                    left = std::max(0.0, remainingSeconds(deadline));
                results.push_back(f.result(left));
            }
        } catch (...) {
            for (auto &f : futures)
                f.cancel();
            throw;
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
        Task(ObjectId pool, F fn, Args... args)
            : FutureData<R>(pool, 0), m_fn(std::move(fn)), m_args(std::move(args)...)
        {
        }
        static void *operator new(std::size_t size) { return taskmemory::allocate(size); }
        static void operator delete(void *p, std::size_t size) noexcept { taskmemory::deallocate(p, size); }
        // Over-aligned calls are rare; they take the global allocator.
        static void *operator new(std::size_t size, std::align_val_t al) { return ::operator new(size, al); }
        static void operator delete(void *p, std::size_t size, std::align_val_t al) noexcept
        {
            ::operator delete(p, size, al);
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
    // Takes over the queue's reference to `task`.
    void enqueue(FutureState *task);
    void startWorker();
    void workerLoop();
    FutureState *takeWork();
    void spinUntilWorkOrDrained() const;
    bool isDrained() const;
    void wakeSleeperIfNeeded();

    const int m_maxWorkers;
    QString m_prefix;

    // Each group on its own cache line: the submitter and the workers write
    // them at different rates.
    WorkQueue<FutureState> m_queue; // holds a reference to each task in it
    qint64 m_lastTaskId = 0;        // guarded by the queue's push lock
    // Workers looking for work, counted only until max_workers have started:
    // after that no submit starts a worker, so none needs the count.
    alignas(64) std::atomic<int> m_idle{0};
    std::atomic<bool> m_allWorkersStarted{false};
    std::atomic<int> m_sleepers{0};             // workers blocked on m_workAvailable
    std::atomic<int> m_spinning{0};             // 1 while an idle worker spins
    alignas(64) char m_endOfHotData = 0;

    // Workers sleep here when there is nothing to do; also guards m_workers.
    mutable std::mutex m_mutex;
    std::condition_variable m_workAvailable;
    std::vector<std::unique_ptr<Thread>> m_workers;
};

} // namespace clab
