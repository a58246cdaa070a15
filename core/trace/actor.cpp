#include "actor.h"

namespace clab {

QString objectKindName(ObjectKind kind)
{
    switch (kind) {
    case ObjectKind::Lock: return QStringLiteral("Lock");
    case ObjectKind::RLock: return QStringLiteral("RLock");
    case ObjectKind::Semaphore: return QStringLiteral("Semaphore");
    case ObjectKind::BoundedSemaphore: return QStringLiteral("BoundedSemaphore");
    case ObjectKind::Condition: return QStringLiteral("Condition");
    case ObjectKind::Event: return QStringLiteral("Event");
    case ObjectKind::Barrier: return QStringLiteral("Barrier");
    case ObjectKind::ReadWriteLock: return QStringLiteral("RWLock");
    case ObjectKind::Queue: return QStringLiteral("Queue");
    case ObjectKind::Pool: return QStringLiteral("Pool");
    case ObjectKind::Variable: return QStringLiteral("Variable");
    case ObjectKind::Gil: return QStringLiteral("GIL");
    case ObjectKind::Other: break;
    }
    return QStringLiteral("Object");
}

} // namespace clab
