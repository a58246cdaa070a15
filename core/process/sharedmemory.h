#pragma once

#include "sync/instrumented.h"

#include <QSharedMemory>
#include <QSystemSemaphore>
#include <memory>

namespace clab::process {

// multiprocessing.Value('q'): an integer in shared memory (QSharedMemory)
// that worker processes attach to by key.
class SharedValue : public Instrumented
{
public:
    explicit SharedValue(qint64 initial = 0, const QString &name = QStringLiteral("value"));
    ~SharedValue();

    QString key() const { return m_key; }
    qint64 load() const;
    void store(qint64 value);

private:
    QString m_key;
    std::unique_ptr<QSharedMemory> m_memory;
};

// multiprocessing.Array('q', n): integers in shared memory.
class SharedArray : public Instrumented
{
public:
    explicit SharedArray(int size, const QString &name = QStringLiteral("array"));
    ~SharedArray();

    QString key() const { return m_key; }
    int size() const { return m_size; }
    qint64 at(int i) const;
    void set(int i, qint64 value);
    // at(i), recorded as a VarRead of the array: a process watching the
    // block. The trace has one value per array, so watch one cell.
    qint64 sample(int i) const;

private:
    QString m_key;
    int m_size;
    std::unique_ptr<QSharedMemory> m_memory;
};

// multiprocessing.Lock: a lock all processes share (QSystemSemaphore).
class ProcessLock : public Instrumented
{
public:
    explicit ProcessLock(const QString &name = QStringLiteral("lock"));

    QString key() const { return m_key; }
    void acquire();
    void release();

private:
    QString m_key;
    std::unique_ptr<QSystemSemaphore> m_semaphore;
};

} // namespace clab::process
