#pragma once

#include "instrumented.h"
#include "threads/timeout.h"

#include <atomic>
#include <condition_variable>
#include <mutex>

namespace clab {

// A read-write lock: many readers or one writer. Writers are preferred:
// once a writer waits, new readers queue behind it, so writers cannot
// starve. Acquired/Released carry value 1 for a reader, 2 for the writer.
class ReadWriteLock : public Instrumented
{
public:
    static constexpr qint64 kRead = 1;
    static constexpr qint64 kWrite = 2;

    explicit ReadWriteLock(const QString &name = {});

    bool acquireRead(bool blocking = true, Timeout timeout = {});
    void releaseRead();     // RuntimeError when no reader holds it
    bool acquireWrite(bool blocking = true, Timeout timeout = {});
    void releaseWrite();    // RuntimeError unless the caller is the writer

    int readers() const;
    bool writing() const;

private:
    mutable std::mutex m_mutex;
    std::condition_variable m_cv;
    int m_readers = 0;
    int m_writersWaiting = 0;
    std::atomic<quint32> m_writer{0};
};

// RAII holders, for `with lock.read():` style use.
class ReadLocker
{
public:
    explicit ReadLocker(ReadWriteLock &lock) : m_lock(lock) { m_lock.acquireRead(); }
    ~ReadLocker() { m_lock.releaseRead(); }
    ReadLocker(const ReadLocker &) = delete;
    ReadLocker &operator=(const ReadLocker &) = delete;

private:
    ReadWriteLock &m_lock;
};

class WriteLocker
{
public:
    explicit WriteLocker(ReadWriteLock &lock) : m_lock(lock) { m_lock.acquireWrite(); }
    ~WriteLocker() { m_lock.releaseWrite(); }
    WriteLocker(const WriteLocker &) = delete;
    WriteLocker &operator=(const WriteLocker &) = delete;

private:
    ReadWriteLock &m_lock;
};

} // namespace clab
