#pragma once

#include "future.h"
#include "sync/instrumented.h"
#include "thread.h"

#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
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
        auto data = std::make_shared<FutureData<R>>(id(), nextTaskId());
        auto task = [data, fn = std::forward<F>(fn), ... args = std::forward<Args>(args)]() mutable {
            try {
                if constexpr (std::is_void_v<R>) {
                    std::invoke(fn, args...);
                    data->value.emplace();
                } else {
                    data->value.emplace(std::invoke(fn, args...));
                }
                data->finish(nullptr);
            } catch (const RunCancelled &) {
                data->finish(std::current_exception());
                throw;
            } catch (...) {
                data->finish(std::current_exception());
            }
        };
        enqueue(data, std::move(task));
        return Future<R>(std::move(data));
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
    struct WorkItem {
        std::shared_ptr<FutureState> state;
        std::function<void()> run;
    };

    static double remainingSeconds(const Deadline &deadline);
    qint64 nextTaskId() { return m_nextTask.fetch_add(1, std::memory_order_relaxed) + 1; }
    void enqueue(std::shared_ptr<FutureState> state, std::function<void()> run);
    void workerLoop();
    bool takeWork(WorkItem &item);

    const int m_maxWorkers;
    QString m_prefix;
    std::atomic<qint64> m_nextTask{0};

    mutable std::mutex m_mutex;
    std::condition_variable m_workAvailable;
    std::deque<WorkItem> m_queue;
    std::vector<std::unique_ptr<Thread>> m_workers;
    int m_idle = 0;
    bool m_shutdown = false;
    std::atomic<int> m_queued{0};  // mirrors m_queue.size() for spinning workers
};

} // namespace clab
