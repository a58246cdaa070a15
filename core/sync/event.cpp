#include "event.h"

namespace clab {

Event::Event(const QString &name)
    : Instrumented(ObjectKind::Event, name)
{
}

void Event::set()
{
    sched::point(id(), Op::Set);
    std::lock_guard lock(m_mutex);
    m_flag = true;
    ++m_sets;
    trace::record(EventKind::EventSet, id());
    m_cv.notify_all();
}

void Event::clear()
{
    sched::point(id(), Op::Clear);
    std::lock_guard lock(m_mutex);
    m_flag = false;
    trace::record(EventKind::EventClear, id());
}

bool Event::isSet() const
{
    std::lock_guard lock(m_mutex);
    return m_flag;
}

bool Event::wait(Timeout timeout)
{
    sched::point(id(), Op::Wait);
    WaitSpec spec;
    spec.object = id();
    spec.reason = WaitReason::Event;
    spec.deadline = Deadline::after(timeout);
    std::unique_lock lock(m_mutex);
    const quint64 sets = m_sets;
    return sched::wait(lock, m_cv, [this, sets] { return m_flag || m_sets != sets; }, spec);
}

} // namespace clab
