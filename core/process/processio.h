#pragma once

#include <QObject>
#include <QThread>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>

namespace clab::process {

// The thread where every QProcess of the engine lives: QProcess needs an
// event loop in its own thread, and the engine's threads block. Jobs are
// handed over through a std::mutex queue (so ThreadSanitizer sees every
// hand-over) and an eventfd wake-up carrying no data.
class ProcessIo
{
public:
    static ProcessIo &instance();
    ~ProcessIo();

    // RuntimeError once the thread has stopped.
    void post(std::function<void()> job);
    // Ends the thread; its QProcesses are deleted, which kills and reaps
    // them. Runs when the QCoreApplication is destroyed.
    void stop();
    bool stopped() const;
    // Runs `job` on the I/O thread and waits for it.
    void run(const std::function<void()> &job);
    bool onIoThread() const { return QThread::currentThread() == &m_thread; }

    // Parents created on the I/O thread for the engine's QProcesses.
    QObject *context() const { return m_context; }

private:
    ProcessIo();
    void drain();

    const int m_wakeFd;            // eventfd: a job is waiting
    QThread m_thread;
    QObject *m_context = nullptr;  // made and deleted on the I/O thread
    mutable std::mutex m_mutex;
    std::condition_variable m_startedChanged;
    bool m_started = false;
    bool m_finished = false;
    bool m_stopping = false;
    std::deque<std::function<void()>> m_jobs;
};

} // namespace clab::process
