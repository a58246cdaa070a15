#include "processio.h"

#include "threads/errors.h"

#include <QCoreApplication>
#include <condition_variable>

namespace clab::process {

ProcessIo &ProcessIo::instance()
{
    if (!QCoreApplication::instance())
        throw RuntimeError("worker processes need a QCoreApplication");
    static ProcessIo io;
    return io;
}

ProcessIo::ProcessIo()
{
    m_thread.setObjectName(QStringLiteral("clab process I/O"));
    m_context = new QObject;
    m_context->moveToThread(&m_thread);
    QObject::connect(&m_thread, &QThread::finished, m_context, &QObject::deleteLater);
    m_thread.start();
}

ProcessIo::~ProcessIo()
{
    m_thread.quit();
    m_thread.wait();
}

void ProcessIo::post(std::function<void()> job)
{
    {
        std::lock_guard lock(m_mutex);
        m_jobs.push_back(std::move(job));
    }
    QMetaObject::invokeMethod(m_context, [this] { drain(); }, Qt::QueuedConnection);
}

void ProcessIo::run(const std::function<void()> &job)
{
    if (onIoThread()) {
        job();
        return;
    }
    std::mutex mutex;
    std::condition_variable done;
    bool finished = false;
    post([&] {
        job();
        std::lock_guard lock(mutex);
        finished = true;
        done.notify_all();
    });
    std::unique_lock lock(mutex);
    done.wait(lock, [&] { return finished; });
}

void ProcessIo::drain()
{
    for (;;) {
        std::function<void()> job;
        {
            std::lock_guard lock(m_mutex);
            if (m_jobs.empty())
                return;
            job = std::move(m_jobs.front());
            m_jobs.pop_front();
        }
        job();
    }
}

} // namespace clab::process
