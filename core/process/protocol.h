#pragma once

#include <QByteArray>
#include <QCborMap>
#include <QString>
#include <optional>
#include <vector>

namespace clab::process {

// What travels between the app and a worker process, on the worker's stdin
// and stdout. A frame is a 4-byte little-endian length, a type byte, and a
// CBOR map. Nothing else may appear on the worker's stdout.
enum class FrameType : quint8 {
    Hello = 1,    // worker → app: {pid, ppid, readyNs}: it is ready for calls
    Call,         // app → worker: {id, task, args, pool, trace}
    Result,       // worker → app: {id, value}
    Error,        // worker → app: {id, type, message}
    Events,       // worker → app: {actors, objects, events}: its own trace
    Shutdown,     // app → worker: finish and exit
    Output,       // worker → app: {text}: a line the task printed
};

struct Frame {
    FrameType type = FrameType::Hello;
    QCborMap body;
};

// The name a worker gives the object it records its fd 3 messages on (the
// end of a Pipe or Queue it inherited); the app maps it to that Pipe's
// object (WorkerProcess::Setup::sharedObjects).
inline constexpr const char *kInheritedChannel = "fd 3";

// The largest frame either side accepts: a length beyond it is garbage.
constexpr quint32 kMaxFrameBytes = 64u << 20;

QByteArray encodeFrame(const Frame &frame);

// Reassembles frames from a byte stream fed in arbitrary pieces. Garbage
// (an absurd length, an unknown type, bad CBOR) puts it in a failed state
// with a reason; it never reads past what it was given.
class FrameDecoder
{
public:
    void feed(const QByteArray &bytes);
    // The next complete frame, if there is one.
    std::optional<Frame> next();
    bool failed() const { return !m_error.isEmpty(); }
    QString error() const { return m_error; }
    // Bytes of an incomplete frame still waiting for the rest: at the end
    // of the stream, a truncated frame.
    qsizetype pendingBytes() const { return m_buffer.size() - m_offset; }

private:
    QByteArray m_buffer;
    qsizetype m_offset = 0;
    QString m_error;
};

} // namespace clab::process
