#include "processio.h"

#include "threads/errors.h"

#include <QCoreApplication>
#include <QSocketNotifier>
#include <condition_variable>
#include <sys/eventfd.h>
#include <unistd.h>

namespace clab::process {

ProcessIo &ProcessIo::instance()
{
    // Made on first use, which needs an application; a first use without
    // one throws and leaves it to be made later.
    static ProcessIo &io = [] () -> ProcessIo & {
        if (!QCoreApplication::instance())
            throw RuntimeError("worker processes need a QCoreApplication");
        static ProcessIo made;
        // The thread ends with the application, not at static destruction:
        // its QProcesses (killed and reaped as they are deleted) and what
        // of the application they use must go first.
        qAddPostRoutine([] { made.stop(); });
        return made;
    }();
    return io;
}

ProcessIo::ProcessIo()
    : m_wakeFd(::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK))
{
    if (m_wakeFd < 0)
        throw RuntimeError("cannot create the process I/O thread's wake-up eventfd");
    m_thread.setObjectName(QStringLiteral("clab process I/O"));
    // Everything of the I/O thread is made on it: `started` and `finished`
    // are emitted there, and these connections are direct.
    QObject::connect(&m_thread, &QThread::started, [this] {
        m_context = new QObject;
        auto *wake = new QSocketNotifier(m_wakeFd, QSocketNotifier::Read, m_context);
        QObject::connect(wake, &QSocketNotifier::activated, m_context, [this] {
            quint64 count = 0;
            [[maybe_unused]] const auto n = ::read(m_wakeFd, &count, sizeof count);
            drain();
        });
        std::lock_guard lock(m_mutex);
        m_started = true;
        m_startedChanged.notify_all();
    });
    QObject::connect(&m_thread, &QThread::finished, [this] {
        delete m_context;
        m_context = nullptr;
        std::lock_guard lock(m_mutex);
        m_finished = true;
    });
    m_thread.start();
    std::unique_lock lock(m_mutex);
    m_startedChanged.wait(lock, [this] { return m_started; });
}

ProcessIo::~ProcessIo()
{
    stop();
    ::close(m_wakeFd);
}

void ProcessIo::stop()
{
    {
        std::lock_guard lock(m_mutex);
        if (m_stopping)
            return;
        m_stopping = true;
    }
    m_thread.quit();
    m_thread.wait();
    // QThread::wait() synchronizes inside Qt, unseen by ThreadSanitizer;
    // this lock shows that everything the thread did happened before.
    std::lock_guard lock(m_mutex);
    Q_ASSERT(m_finished);
}

bool ProcessIo::stopped() const
{
    std::lock_guard lock(m_mutex);
    return m_stopping;
}

void ProcessIo::post(std::function<void()> job)
{
    bool wake = false;
    {
        std::lock_guard lock(m_mutex);
        if (m_stopping)
            throw RuntimeError("the application is shutting down: no new processes");
        // One wake-up per batch: the drain it causes runs every job queued
        // before it finds the queue empty.
        wake = m_jobs.empty();
        m_jobs.push_back(std::move(job));
    }
    if (!wake)
        return;
    // The job travels through the std::mutex queue; the wake-up carries no
    // data, so ThreadSanitizer sees every hand-over.
    const quint64 one = 1;
    [[maybe_unused]] const auto n = ::write(m_wakeFd, &one, sizeof one);
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
