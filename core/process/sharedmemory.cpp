#include "sharedmemory.h"

#include "threads/errors.h"

#include <atomic>
#include <unistd.h>

namespace clab::process {

namespace {
QString uniqueKey(const char *what)
{
    static std::atomic<int> counter{0};
    return QStringLiteral("clab-%1-%2-%3").arg(QLatin1String(what)).arg(::getpid()).arg(counter.fetch_add(1));
}

std::unique_ptr<QSharedMemory> createSegment(const QString &key, qsizetype bytes)
{
    auto memory = std::make_unique<QSharedMemory>(key);
    if (!memory->create(bytes)) {
        // A segment left by a crashed run may still hold the key.
        if (memory->error() == QSharedMemory::AlreadyExists && memory->attach())
            memory->detach();
        if (!memory->create(bytes))
            throw PythonError("OSError", "cannot create shared memory: " + memory->errorString().toStdString());
    }
    std::memset(memory->data(), 0, size_t(bytes));
    return memory;
}
} // namespace

SharedValue::SharedValue(qint64 initial, const QString &name)
    : Instrumented(ObjectKind::Variable, name)
    , m_key(uniqueKey("value"))
    , m_memory(createSegment(m_key, sizeof(qint64)))
{
    store(initial);
}

SharedValue::~SharedValue() = default;

qint64 SharedValue::load() const
{
    return std::atomic_ref<qint64>(*static_cast<qint64 *>(m_memory->data())).load(std::memory_order_relaxed);
}

void SharedValue::store(qint64 value)
{
    std::atomic_ref<qint64>(*static_cast<qint64 *>(m_memory->data())).store(value, std::memory_order_relaxed);
    trace::record(EventKind::VarWrite, id(), value);
}

SharedArray::SharedArray(int size, const QString &name)
    : Instrumented(ObjectKind::Variable, name, size)
    , m_key(uniqueKey("array"))
    , m_size(size)
    , m_memory(createSegment(m_key, qsizetype(sizeof(qint64)) * std::max(1, size)))
{
}

SharedArray::~SharedArray() = default;

qint64 SharedArray::at(int i) const
{
    if (i < 0 || i >= m_size)
        throw PythonError("IndexError", "array index out of range");
    return std::atomic_ref<qint64>(static_cast<qint64 *>(m_memory->data())[i]).load(std::memory_order_relaxed);
}

qint64 SharedArray::sample(int i) const
{
    const qint64 value = at(i);
    trace::record(EventKind::VarRead, id(), value);
    return value;
}

void SharedArray::set(int i, qint64 value)
{
    if (i < 0 || i >= m_size)
        throw PythonError("IndexError", "array assignment index out of range");
    std::atomic_ref<qint64>(static_cast<qint64 *>(m_memory->data())[i]).store(value, std::memory_order_relaxed);
}

ProcessLock::ProcessLock(const QString &name)
    : Instrumented(ObjectKind::Lock, name)
    , m_key(uniqueKey("lock"))
    , m_semaphore(std::make_unique<QSystemSemaphore>(m_key, 1, QSystemSemaphore::Create))
{
    if (m_semaphore->error() != QSystemSemaphore::NoError)
        throw PythonError("OSError", "cannot create the lock: " + m_semaphore->errorString().toStdString());
}

void ProcessLock::acquire()
{
    m_semaphore->acquire();
    trace::record(EventKind::Acquired, id());
}

void ProcessLock::release()
{
    trace::record(EventKind::Released, id());
    m_semaphore->release();
}

} // namespace clab::process
