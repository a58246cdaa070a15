#pragma once

#include "threads/runcontext.h"
#include "threads/schedpoint.h"
#include "trace/actor.h"

#include <QString>

namespace clab {

// Base of every primitive: created inside a run, it becomes a named object of
// that run's trace; outside a run it works the same and records nothing.
class Instrumented
{
public:
    ObjectId id() const { return m_id; }
    QString name() const { return m_name; }

protected:
    Instrumented(ObjectKind kind, const QString &name, qint64 capacity = 0, ObjectId owner = 0);
    ~Instrumented();
    Instrumented(const Instrumented &) = delete;
    Instrumented &operator=(const Instrumented &) = delete;

    // Lets the deadlock detector see who holds this object.
    void trackOwner(const std::atomic<quint32> *ownerUid);

    RunContext *run() const { return m_run; }

private:
    RunContext *m_run;
    ObjectId m_id = 0;
    QString m_name;
    bool m_ownerTracked = false;
};

} // namespace clab
