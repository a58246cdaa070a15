#include "instrumented.h"

namespace clab {

Instrumented::Instrumented(ObjectKind kind, const QString &name, qint64 capacity, ObjectId owner)
    : m_run(this_thread::run())
{
    if (m_run) {
        m_name = name.isEmpty() ? m_run->defaultObjectName(kind) : name;
        m_id = m_run->addObject(kind, m_name, capacity, owner);
    } else {
        m_name = name.isEmpty() ? objectKindName(kind) : name;
    }
}

Instrumented::~Instrumented()
{
    if (m_ownerTracked)
        m_run->waitForGraph().removeOwnedObject(m_id);
}

void Instrumented::trackOwner(const std::atomic<quint32> *ownerUid)
{
    if (!m_run)
        return;
    m_run->waitForGraph().addOwnedObject(m_id, ownerUid);
    m_ownerTracked = true;
}

} // namespace clab
