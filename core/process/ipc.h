#pragma once

#include "sync/instrumented.h"
#include "threads/timeout.h"

#include <QCborValue>
#include <utility>

namespace clab::process {

// One end of a Pipe or a Queue between processes: whole messages (CBOR
// values) over a SOCK_SEQPACKET socket. A worker process gets its end as
// file descriptor 3.
//
// Made inside a run, both ends share one traced object (a Queue): send()
// records a Put and recv() a Get, the value being the message's number on
// this end (1, 2, ...: one writer per direction, in order, so the k-th
// message received is the k-th sent), and a blocking recv() waits on it.
// A worker that inherits an end records on the same object (see
// Process::setInheritedEnd), so the messages in flight between two
// processes can be replayed.
class Connection
{
public:
    Connection() = default;
    explicit Connection(int fd, ObjectId traced = 0) : m_fd(fd), m_traced(traced) {}
    Connection(Connection &&other) noexcept
        : m_fd(std::exchange(other.m_fd, -1))
        , m_traced(std::exchange(other.m_traced, 0))
        , m_sent(std::exchange(other.m_sent, 0))
        , m_received(std::exchange(other.m_received, 0))
    {
    }
    Connection &operator=(Connection &&other) noexcept;
    Connection(const Connection &) = delete;
    Connection &operator=(const Connection &) = delete;
    ~Connection() { close(); }

    void send(const QCborValue &message);   // BrokenPipeError when the other end is gone
    // The next message; EOFError when every writer has closed its end,
    // TimeoutError on timeout. Blocks through the scheduling point.
    QCborValue recv(Timeout timeout = {});
    bool poll(double seconds = 0) const;
    void close();
    int fileno() const { return m_fd; }
    // The run's object for this pipe or queue; 0 outside a run.
    ObjectId tracedObject() const { return m_traced; }

private:
    int m_fd = -1;
    ObjectId m_traced = 0;
    qint64 m_sent = 0;
    qint64 m_received = 0;
};

// The size of the next message waiting on a Pipe's or Queue's socket, 0
// when none is waiting.
qsizetype nextMessageBytes(int fd);

// A Put of message `number` on a pipe's traced object, stamped when the
// message begins to leave (the receiver may record its Get before send()
// returns) and recorded only by commit(), once it has left: a failed send
// leaves nothing in flight. Nothing when `traced` is 0.
class PendingPut
{
public:
    PendingPut(ObjectId traced, qint64 number);
    void commit();

private:
    ObjectId m_traced;
    qint64 m_number;
    qint64 m_ns;
};

// multiprocessing.Pipe(): two connected ends. `name` names the traced object
// ("Pipe", "Queue", ...).
std::pair<Connection, Connection> makePipe(const QString &name = QStringLiteral("Pipe"));

} // namespace clab::process
