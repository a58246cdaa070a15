#pragma once

#include <QObject>
#include <QThread>
#include <deque>
#include <functional>
#include <mutex>

namespace clab::process {

// The thread where every QProcess of the engine lives: QProcess needs an
// event loop in its own thread, and the engine's threads block. Jobs are
// handed over through a std::mutex queue (so ThreadSanitizer sees every
// hand-over) and a wake-up call carrying no data.
class ProcessIo
{
public:
    static ProcessIo &instance();
    ~ProcessIo();

    void post(std::function<void()> job);
    // Runs `job` on the I/O thread and waits for it.
    void run(const std::function<void()> &job);
    bool onIoThread() const { return QThread::currentThread() == &m_thread; }

    // Parents created on the I/O thread for the engine's QProcesses.
    QObject *context() const { return m_context; }

private:
    ProcessIo();
    void drain();

    QThread m_thread;
    QObject *m_context = nullptr;
    std::mutex m_mutex;
    std::deque<std::function<void()>> m_jobs;
};

} // namespace clab::process
