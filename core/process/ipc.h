#pragma once

#include "sync/instrumented.h"
#include "threads/timeout.h"

#include <QCborValue>
#include <utility>

namespace clab::process {

// One end of a Pipe or a Queue between processes: whole messages (CBOR
// values) over a SOCK_SEQPACKET socket. A worker process gets its end as
// file descriptor 3.
class Connection
{
public:
    Connection() = default;
    explicit Connection(int fd) : m_fd(fd) {}
    Connection(Connection &&other) noexcept : m_fd(std::exchange(other.m_fd, -1)) {}
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

private:
    int m_fd = -1;
};

// multiprocessing.Pipe(): two connected ends.
std::pair<Connection, Connection> makePipe();

} // namespace clab::process
