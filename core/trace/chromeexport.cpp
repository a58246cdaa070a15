#include "chromeexport.h"

#include "timeline.h"
#include "trace.h"

#include <QIODevice>
#include <QSaveFile>

namespace clab {

namespace {

QByteArray jsonString(const QString &s)
{
    const QByteArray utf8 = s.toUtf8();
    QByteArray out;
    out.reserve(utf8.size() + 2);
    out += '"';
    for (const char c : utf8) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (static_cast<unsigned char>(c) < 0x20) {
            out += "\\u00";
            out += QByteArray::number(int(c), 16).rightJustified(2, '0');
        } else {
            out += c;
        }
    }
    out += '"';
    return out;
}

class Writer
{
public:
    Writer(const Trace &trace, QIODevice &out) : m_trace(trace), m_out(out), m_origin(trace.startNs()) {}

    void write()
    {
        m_out.write("{\"displayTimeUnit\":\"ns\",\"traceEvents\":[\n");
        writeMetadata();
        writeStates();
        writeMarksAndCounters();
        writeFlows();
        m_out.write("\n]}\n");
    }

private:
    QByteArray us(qint64 ns) const
    {
        return QByteArray::number(double(ns - m_origin) / 1000.0, 'f', 3);
    }

    qint64 pidOf(ActorId id) const
    {
        const ActorInfo *a = m_trace.actor(id);
        while (a && a->kind != ActorKind::Process)
            a = m_trace.actor(a->parent);
        return a ? a->osId : 0;
    }

    // Real kernel thread ids where known; coroutines and not-yet-started
    // threads get distinct synthetic ids.
    qint64 tidOf(ActorId id) const
    {
        const ActorInfo *a = m_trace.actor(id);
        if (a && a->kind == ActorKind::Thread && a->osId != 0)
            return a->osId;
        return 10'000'000 + qint64(id);
    }

    void begin()
    {
        if (!m_first)
            m_out.write(",\n");
        m_first = false;
    }

    void writeMetadata()
    {
        for (const ActorInfo &a : m_trace.actors()) {
            begin();
            if (a.kind == ActorKind::Process) {
                m_out.write("{\"name\":\"process_name\",\"ph\":\"M\",\"pid\":" + QByteArray::number(a.osId)
                            + ",\"args\":{\"name\":" + jsonString(a.name) + "}}");
            } else {
                const QByteArray ids = "\"pid\":" + QByteArray::number(pidOf(a.id)) + ",\"tid\":"
                    + QByteArray::number(tidOf(a.id));
                m_out.write("{\"name\":\"thread_name\",\"ph\":\"M\"," + ids + ",\"args\":{\"name\":"
                            + jsonString(a.name) + "}},\n");
                m_out.write("{\"name\":\"thread_sort_index\",\"ph\":\"M\"," + ids
                            + ",\"args\":{\"sort_index\":" + QByteArray::number(a.id) + "}}");
            }
        }
    }

    void writeStates()
    {
        for (const StateInterval &s : deriveIntervals(m_trace)) {
            const ActorInfo *a = m_trace.actor(s.actor);
            if (!a || a->kind == ActorKind::Process)
                continue;
            QString name = stateId(s.state);
            if (s.object != 0)
                name += QLatin1Char(' ') + m_trace.objectName(s.object);
            begin();
            m_out.write("{\"name\":" + jsonString(name) + ",\"cat\":\"" + stateId(s.state).toLatin1()
                        + "\",\"ph\":\"X\",\"ts\":" + us(s.startNs) + ",\"dur\":"
                        + QByteArray::number(double(s.durationNs()) / 1000.0, 'f', 3) + ",\"pid\":"
                        + QByteArray::number(pidOf(s.actor)) + ",\"tid\":" + QByteArray::number(tidOf(s.actor))
                        + "}");
        }
    }

    void instant(const TraceEvent &e, const char *verb)
    {
        begin();
        m_out.write("{\"name\":" + jsonString(QLatin1String(verb) + QLatin1Char(' ') + m_trace.objectName(e.object))
                    + ",\"cat\":\"" + verb + "\",\"ph\":\"i\",\"s\":\"t\",\"ts\":" + us(e.ts) + ",\"pid\":"
                    + QByteArray::number(pidOf(e.actor)) + ",\"tid\":" + QByteArray::number(tidOf(e.actor)) + "}");
    }

    void counter(const TraceEvent &e, const char *series, const char *key)
    {
        begin();
        m_out.write("{\"name\":" + jsonString(m_trace.objectName(e.object) + QLatin1Char(' ') + QLatin1String(series))
                    + ",\"ph\":\"C\",\"ts\":" + us(e.ts) + ",\"pid\":" + QByteArray::number(pidOf(e.actor))
                    + ",\"args\":{\"" + key + "\":" + QByteArray::number(e.aux) + "}}");
    }

    // A shared variable's value over time: lost updates show as dips.
    void valueCounter(const TraceEvent &e)
    {
        begin();
        m_out.write("{\"name\":" + jsonString(m_trace.objectName(e.object)) + ",\"ph\":\"C\",\"ts\":" + us(e.ts)
                    + ",\"pid\":" + QByteArray::number(pidOf(e.actor)) + ",\"args\":{\"value\":"
                    + QByteArray::number(e.value) + "}}");
    }

    void writeMarksAndCounters()
    {
        for (const TraceEvent &e : m_trace.events()) {
            const ObjectInfo *o = m_trace.object(e.object);
            const bool semaphore = o && (o->kind == ObjectKind::Semaphore || o->kind == ObjectKind::BoundedSemaphore);
            switch (e.kind) {
            case EventKind::Acquired:
                instant(e, "acquire");
                if (semaphore)
                    counter(e, "free permits", "free");
                break;
            case EventKind::Released:
                instant(e, "release");
                if (semaphore)
                    counter(e, "free permits", "free");
                break;
            case EventKind::Put:
            case EventKind::Get:
                counter(e, "depth", "depth");
                break;
            case EventKind::DeadlockFound:
                instant(e, "deadlock");
                break;
            case EventKind::VarWrite:
                valueCounter(e);
                break;
            default:
                break;
            }
        }
    }

    void writeFlows()
    {
        static const char *const kinds[] = {"wake", "item", "spawn", "join", "task"};
        qint64 id = 0;
        for (const Handoff &h : deriveHandoffs(m_trace)) {
            ++id;
            const char *cat = kinds[int(h.kind)];
            begin();
            m_out.write("{\"name\":\"" + QByteArray(cat) + "\",\"cat\":\"flow-" + cat + "\",\"ph\":\"s\",\"id\":"
                        + QByteArray::number(id) + ",\"ts\":" + us(h.fromNs) + ",\"pid\":"
                        + QByteArray::number(pidOf(h.from)) + ",\"tid\":" + QByteArray::number(tidOf(h.from))
                        + "},\n");
            m_out.write("{\"name\":\"" + QByteArray(cat) + "\",\"cat\":\"flow-" + cat
                        + "\",\"ph\":\"f\",\"bp\":\"e\",\"id\":" + QByteArray::number(id) + ",\"ts\":" + us(h.toNs)
                        + ",\"pid\":" + QByteArray::number(pidOf(h.to)) + ",\"tid\":"
                        + QByteArray::number(tidOf(h.to)) + "}");
        }
    }

    const Trace &m_trace;
    QIODevice &m_out;
    const qint64 m_origin;
    bool m_first = true;
};

} // namespace

void writeChromeTrace(const Trace &trace, QIODevice &out)
{
    Writer(trace, out).write();
}

bool saveChromeTrace(const Trace &trace, const QString &path, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    writeChromeTrace(trace, file);
    if (!file.commit()) {
        if (error)
            *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace clab
