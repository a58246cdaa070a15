#include "ipc.h"

#include "threads/errors.h"
#include "threads/schedpoint.h"

#include <QByteArray>
#include <cerrno>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace clab::process {

Connection &Connection::operator=(Connection &&other) noexcept
{
    if (this != &other) {
        close();
        m_fd = std::exchange(other.m_fd, -1);
    }
    return *this;
}

void Connection::close()
{
    if (m_fd >= 0) {
        ::close(m_fd);
        m_fd = -1;
    }
}

void Connection::send(const QCborValue &message)
{
    if (m_fd < 0)
        throw PythonError("OSError", "handle is closed");
    const QByteArray bytes = message.toCbor();
    trace::record(EventKind::IoBegin);
    const ssize_t n = ::send(m_fd, bytes.constData(), size_t(bytes.size()), MSG_NOSIGNAL);
    trace::record(EventKind::IoEnd);
    if (n != bytes.size())
        throw PythonError("BrokenPipeError", "the other end of the pipe is closed");
}

bool Connection::poll(double seconds) const
{
    pollfd p{m_fd, POLLIN, 0};
    return ::poll(&p, 1, int(seconds * 1000)) > 0;
}

QCborValue Connection::recv(Timeout timeout)
{
    if (m_fd < 0)
        throw PythonError("OSError", "handle is closed");
    const Deadline deadline = Deadline::after(timeout);
    trace::Span io(EventKind::IoBegin, EventKind::IoEnd);
    for (;;) {
        sched::checkpoint();
        pollfd p{m_fd, POLLIN, 0};
        const auto slice = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline.cap(sched::kCancelPoll) - std::chrono::steady_clock::now());
        if (::poll(&p, 1, int(std::max<qint64>(0, slice.count()))) > 0) {
            QByteArray buffer(65536, Qt::Uninitialized);
            const ssize_t n = ::recv(m_fd, buffer.data(), size_t(buffer.size()), 0);
            if (n > 0)
                return QCborValue::fromCbor(buffer.left(int(n)));
            if (n == 0)
                throw PythonError("EOFError", "");
            if (errno != EINTR && errno != EAGAIN)
                throw PythonError("OSError", "cannot read the pipe");
        }
        if (deadline.hasPassed())
            throw TimeoutError();
    }
}

std::pair<Connection, Connection> makePipe()
{
    int fds[2];
    if (::socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, fds) != 0)
        throw PythonError("OSError", "socketpair failed");
    return {Connection(fds[0]), Connection(fds[1])};
}

} // namespace clab::process
