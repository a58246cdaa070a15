#include "ipc.h"

#include "threads/errors.h"
#include "threads/runcontext.h"
#include "threads/schedpoint.h"
#include "trace/clock.h"

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
        m_traced = std::exchange(other.m_traced, 0);
        m_sent = std::exchange(other.m_sent, 0);
        m_received = std::exchange(other.m_received, 0);
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

PendingPut::PendingPut(ObjectId traced, qint64 number)
    : m_traced(traced)
    , m_number(number)
    , m_ns(traced ? Clock::monotonicNs() : 0)
{
}

void PendingPut::commit()
{
    RunContext *run = this_thread::run();
    const ActorId actor = trace::currentActor();
    if (!m_traced || !run || !actor)
        return;
    TraceEvent e;
    e.ts = m_ns;
    e.kind = EventKind::Put;
    e.actor = actor;
    e.object = m_traced;
    e.value = m_number;
    run->recorder().addForeignEvents({e});
}

void Connection::send(const QCborValue &message)
{
    if (m_fd < 0)
        throw PythonError("OSError", "handle is closed");
    const QByteArray bytes = message.toCbor();
    PendingPut put(m_traced, m_sent + 1);
    trace::record(EventKind::IoBegin);
    const ssize_t n = ::send(m_fd, bytes.constData(), size_t(bytes.size()), MSG_NOSIGNAL);
    trace::record(EventKind::IoEnd);
    if (n < 0 && errno == EMSGSIZE)
        throw ValueError("a message of " + std::to_string(bytes.size())
                         + " bytes is larger than the pipe takes at once");
    if (n != bytes.size())
        throw PythonError("BrokenPipeError", "the other end of the pipe is closed");
    ++m_sent;
    put.commit();
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
    // A traced end waits on its pipe (for a message); an untraced one is
    // plain I/O.
    if (m_traced)
        trace::record(EventKind::WaitBegin, m_traced, qint64(WaitReason::Queue));
    else
        trace::record(EventKind::IoBegin);
    const auto stopWaiting = [this](WaitOutcome outcome) {
        if (m_traced)
            trace::record(EventKind::WaitEnd, m_traced, qint64(outcome));
        else
            trace::record(EventKind::IoEnd);
    };
    for (;;) {
        try {
            sched::checkpoint();
        } catch (...) {
            stopWaiting(WaitOutcome::Cancelled);
            throw;
        }
        pollfd p{m_fd, POLLIN, 0};
        const auto slice = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline.cap(sched::kCancelPoll) - std::chrono::steady_clock::now());
        if (::poll(&p, 1, int(std::max<qint64>(0, slice.count()))) > 0) {
            QByteArray buffer(std::max<qsizetype>(1, nextMessageBytes(m_fd)), Qt::Uninitialized);
            const ssize_t n = ::recv(m_fd, buffer.data(), size_t(buffer.size()), 0);
            if (n > 0) {
                stopWaiting(WaitOutcome::Satisfied);
                ++m_received;
                if (m_traced)
                    trace::record(EventKind::Get, m_traced, m_received);
                return QCborValue::fromCbor(buffer.left(int(n)));
            }
            if (n == 0) {
                stopWaiting(WaitOutcome::Satisfied);
                throw PythonError("EOFError", "");
            }
            if (errno != EINTR && errno != EAGAIN) {
                stopWaiting(WaitOutcome::Satisfied);
                throw PythonError("OSError", "cannot read the pipe");
            }
        }
        if (deadline.hasPassed()) {
            stopWaiting(WaitOutcome::TimedOut);
            throw TimeoutError();
        }
    }
}

qsizetype nextMessageBytes(int fd)
{
    char byte = 0;
    // With MSG_TRUNC a datagram socket reports the message's whole length.
    const ssize_t n = ::recv(fd, &byte, 1, MSG_PEEK | MSG_TRUNC | MSG_DONTWAIT);
    return n > 0 ? qsizetype(n) : 0;
}

std::pair<Connection, Connection> makePipe(const QString &name)
{
    int fds[2];
    if (::socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, fds) != 0)
        throw PythonError("OSError", "socketpair failed");
    RunContext *run = this_thread::run();
    const ObjectId traced = run ? run->addObject(ObjectKind::Queue, name) : 0;
    return {Connection(fds[0], traced), Connection(fds[1], traced)};
}

} // namespace clab::process
