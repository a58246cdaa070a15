#pragma once

#include "instrumented.h"

#include <atomic>

namespace clab {

// A shared integer whose read and write are separate steps, as in Python's
// `balance = balance + n`. Each step is one atomic operation (so the program
// is well defined), but nothing makes the pair atomic: another thread may
// write in between, and its update is lost, for real.
//
// Every write also counts the writes it wiped out: the value shares one
// atomic word with a 16-bit write counter, and a write is an exchange that
// returns exactly what it replaced. Both steps are recorded, so a view can
// show each thread's private copy and the moment an update was lost.
class SharedInt : public Instrumented
{
public:
    // What a read saw: the value and which write produced it.
    struct Snapshot {
        qint64 value;
        quint16 version;
    };

    // Values must fit in 48 bits (about ±1.4e14).
    explicit SharedInt(qint64 initial = 0, const QString &name = {})
        : Instrumented(ObjectKind::Variable, name), m_word(pack(initial, 0))
    {
    }

    Snapshot read()
    {
        const quint64 word = m_word.load(std::memory_order_relaxed);
        const Snapshot s{valueOf(word), versionOf(word)};
        trace::record(EventKind::VarRead, id(), s.value, s.version);
        return s;
    }

    // Writes `value` computed from `basedOn`; returns how many other writes
    // landed in between and were overwritten (lost updates).
    int write(qint64 value, const Snapshot &basedOn)
    {
        const quint64 old = writeWord(value);
        const int lost = quint16(versionOf(old) - basedOn.version);
        trace::record(EventKind::VarWrite, id(), value, quint32(lost));
        return lost;
    }

    // A blind write, based on no read.
    void write(qint64 value)
    {
        writeWord(value);
        trace::record(EventKind::VarWrite, id(), value, 0);
    }

    // The value now, without recording a read.
    qint64 peek() const { return valueOf(m_word.load(std::memory_order_relaxed)); }

private:
    static quint64 pack(qint64 value, quint16 version)
    {
        return (quint64(version) << 48) | (quint64(value) & kValueMask);
    }
    static qint64 valueOf(quint64 word) { return qint64(word << 16) >> 16; }
    static quint16 versionOf(quint64 word) { return quint16(word >> 48); }

    // The value stored never depends on what is there: the write lands
    // whatever happened since the read, exactly like the Python statement.
    // The loop only keeps the write counter exact; it returns the word it
    // replaced.
    quint64 writeWord(qint64 value)
    {
        quint64 current = m_word.load(std::memory_order_relaxed);
        while (!m_word.compare_exchange_weak(current, pack(value, quint16(versionOf(current) + 1)),
                                             std::memory_order_relaxed)) {
        }
        return current;
    }

    static constexpr quint64 kValueMask = (quint64(1) << 48) - 1;
    std::atomic<quint64> m_word;
};

} // namespace clab
