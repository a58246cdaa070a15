#include "net.h"

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

namespace clab::coro {

namespace {

[[noreturn]] void raiseErrno(const char *what)
{
    const int error = errno;
    const char *type = error == ECONNREFUSED ? "ConnectionRefusedError"
                     : error == ECONNRESET ? "ConnectionResetError"
                     : error == EPIPE ? "BrokenPipeError"
                     : "OSError";
    throw OSError(type, std::string(what) + ": " + std::strerror(error));
}

int nonBlockingSocket()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0)
        raiseErrno("socket");
    return fd;
}

sockaddr_in loopback(quint16 port)
{
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    return addr;
}

} // namespace

void FdReady::await_suspend(std::coroutine_handle<> h)
{
    EventLoop *loop = EventLoop::current();
    m_self = {h, loop->currentTask()};
    loop->watchFd(m_fd, m_write, m_self);
    trace::record(EventKind::IoBegin);
    if (m_self.task) {
        m_self.task->setCanceller([](void *context, TaskBase *task) {
            auto *me = static_cast<FdReady *>(context);
            task->loop->unwatchFd(me->m_fd, me->m_write);
            if (task->actor)
                trace::recordAs(task->actor, EventKind::IoEnd, 0, 0, 0, kFlagToReady);
            task->loop->schedule(me->m_self, true);
        }, this);
    }
}

void FdReady::await_resume()
{
    if (m_self.task)
        m_self.task->throwIfCancelled();
}

TcpStream &TcpStream::operator=(TcpStream &&other) noexcept
{
    if (this != &other) {
        close();
        m_fd = std::exchange(other.m_fd, -1);
    }
    return *this;
}

void TcpStream::close()
{
    if (m_fd >= 0) {
        ::close(m_fd);
        m_fd = -1;
    }
}

void TcpStream::shutdownWrite()
{
    if (m_fd >= 0)
        ::shutdown(m_fd, SHUT_WR);
}

Task<TcpStream> TcpStream::connect(quint16 port)
{
    TcpStream stream(nonBlockingSocket());
    const sockaddr_in addr = loopback(port);
    if (::connect(stream.m_fd, reinterpret_cast<const sockaddr *>(&addr), sizeof addr) != 0) {
        if (errno != EINPROGRESS)
            raiseErrno("connect");
        co_await FdReady(stream.m_fd, true);
        int error = 0;
        socklen_t length = sizeof error;
        ::getsockopt(stream.m_fd, SOL_SOCKET, SO_ERROR, &error, &length);
        if (error != 0) {
            errno = error;
            raiseErrno("connect");
        }
    }
    const int one = 1;
    ::setsockopt(stream.m_fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    co_return stream;
}

Task<QByteArray> TcpStream::read(int max)
{
    QByteArray buffer(max, Qt::Uninitialized);
    for (;;) {
        const ssize_t n = ::recv(m_fd, buffer.data(), size_t(max), 0);
        if (n >= 0) {
            buffer.truncate(int(n));
            co_return buffer;
        }
        if (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)
            raiseErrno("recv");
        co_await FdReady(m_fd, false);
    }
}

Task<QByteArray> TcpStream::readUntil(const QByteArray &delimiter, int limit)
{
    QByteArray data;
    while (!data.contains(delimiter) && data.size() < limit) {
        const QByteArray chunk = co_await read(4096);
        if (chunk.isEmpty())
            break;
        data += chunk;
    }
    co_return data;
}

Task<QByteArray> TcpStream::readAll(int limit)
{
    QByteArray data;
    while (data.size() < limit) {
        const QByteArray chunk = co_await read(4096);
        if (chunk.isEmpty())
            break;
        data += chunk;
    }
    co_return data;
}

Task<void> TcpStream::writeAll(QByteArray data)
{
    qsizetype sent = 0;
    while (sent < data.size()) {
        const ssize_t n = ::send(m_fd, data.constData() + sent, size_t(data.size() - sent), MSG_NOSIGNAL);
        if (n >= 0) {
            sent += n;
            continue;
        }
        if (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)
            raiseErrno("send");
        co_await FdReady(m_fd, true);
    }
}

TcpListener::TcpListener(quint16 port, int backlog)
{
    m_fd = nonBlockingSocket();
    const int one = 1;
    ::setsockopt(m_fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in addr = loopback(port);
    if (::bind(m_fd, reinterpret_cast<const sockaddr *>(&addr), sizeof addr) != 0
        || ::listen(m_fd, backlog) != 0) {
        const int error = errno;
        ::close(m_fd);
        errno = error;
        raiseErrno("bind");
    }
    socklen_t length = sizeof addr;
    ::getsockname(m_fd, reinterpret_cast<sockaddr *>(&addr), &length);
    m_port = ntohs(addr.sin_port);
}

TcpListener::~TcpListener()
{
    close();
}

void TcpListener::close()
{
    if (m_fd >= 0) {
        ::close(m_fd);
        m_fd = -1;
    }
}

Task<TcpStream> TcpListener::accept()
{
    for (;;) {
        const int fd = ::accept4(m_fd, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
        if (fd >= 0) {
            const int one = 1;
            ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
            co_return TcpStream(fd);
        }
        if (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR && errno != ECONNABORTED)
            raiseErrno("accept");
        co_await FdReady(m_fd, false);
    }
}

} // namespace clab::coro
