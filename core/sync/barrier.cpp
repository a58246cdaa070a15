#include "barrier.h"

#include "threads/errors.h"

namespace clab {

namespace {
int checkedParties(int parties)
{
    if (parties < 1)
        throw ValueError("parties must be >= 1");
    return parties;
}
} // namespace

Barrier::Barrier(int parties, std::function<void()> action, Timeout timeout, const QString &name)
    : Instrumented(ObjectKind::Barrier, name, checkedParties(parties))
    , m_parties(parties)
    , m_action(std::move(action))
    , m_defaultTimeout(timeout)
{
}

void Barrier::breakLocked()
{
    if (!m_broken)
        trace::record(EventKind::BarrierBroken, id());
    m_broken = true;
    m_cv.notify_all();
}

int Barrier::wait(Timeout timeout)
{
    sched::point(id(), Op::Wait);
    std::unique_lock lock(m_mutex);
    if (m_broken)
        throw BrokenBarrierError();
    const int index = m_count++;
    trace::record(EventKind::BarrierArrive, id(), index, quint32(m_parties - m_count));
    if (m_count == m_parties) {
        if (m_action) {
            try {
                m_action();
            } catch (...) {
                breakLocked();
                throw;
            }
        }
        m_count = 0;
        ++m_generation;
        trace::record(EventKind::BarrierPass, id(), index);
        m_cv.notify_all();
        return index;
    }
    const quint64 generation = m_generation;
    WaitSpec spec;
    spec.object = id();
    spec.reason = WaitReason::Barrier;
    spec.deadline = Deadline::after(timeout ? timeout : m_defaultTimeout);
    bool passed = false;
    try {
        passed = sched::wait(lock, m_cv, [&] { return m_generation != generation || m_broken; }, spec);
    } catch (const RunCancelled &) {
        breakLocked();
        throw;
    }
    if (!passed) {
        breakLocked();
        throw BrokenBarrierError();
    }
    if (m_generation == generation || m_resetGeneration == generation) {
        if (m_generation == generation)
            --m_count;
        throw BrokenBarrierError();
    }
    trace::record(EventKind::BarrierPass, id(), index);
    return index;
}

void Barrier::reset()
{
    std::lock_guard lock(m_mutex);
    if (m_count > 0) {
        m_resetGeneration = m_generation;
        trace::record(EventKind::BarrierBroken, id());
    }
    m_count = 0;
    ++m_generation;
    m_broken = false;
    m_cv.notify_all();
}

void Barrier::abort()
{
    std::lock_guard lock(m_mutex);
    breakLocked();
}

int Barrier::waiting() const
{
    std::lock_guard lock(m_mutex);
    return m_broken ? 0 : m_count;
}

bool Barrier::broken() const
{
    std::lock_guard lock(m_mutex);
    return m_broken;
}

} // namespace clab
