#pragma once

#include "awaitables.h"

#include <QByteArray>

namespace clab::coro {

// Real non-blocking sockets on loopback for the event loop: the loop waits
// on the descriptor with epoll and resumes the coroutine when it is ready.
// Errors raise OSError-like PythonErrors with the system's message.

// Suspends until `fd` is readable (or writable); drawn as I/O.
class [[nodiscard]] FdReady
{
public:
    FdReady(int fd, bool forWrite) : m_fd(fd), m_write(forWrite) {}
    bool await_ready() const noexcept { return false; }
    void await_suspend(std::coroutine_handle<> h);
    void await_resume();

private:
    int m_fd;
    bool m_write;
    Resumption m_self;
};

class TcpStream
{
public:
    TcpStream() = default;
    explicit TcpStream(int fd) : m_fd(fd) {}
    TcpStream(TcpStream &&other) noexcept : m_fd(std::exchange(other.m_fd, -1)) {}
    TcpStream &operator=(TcpStream &&other) noexcept;
    TcpStream(const TcpStream &) = delete;
    TcpStream &operator=(const TcpStream &) = delete;
    ~TcpStream() { close(); }

    // Connects to 127.0.0.1:port. ConnectionRefusedError when nobody listens.
    static Task<TcpStream> connect(quint16 port);

    // Up to `max` bytes; empty at end of stream.
    Task<QByteArray> read(int max = 4096);
    // Reads until `delimiter` (included) or the end of the stream.
    Task<QByteArray> readUntil(const QByteArray &delimiter, int limit = 65536);
    // Reads until the peer closes.
    Task<QByteArray> readAll(int limit = 1 << 20);
    Task<void> writeAll(QByteArray data);
    void shutdownWrite();
    void close();
    bool isOpen() const { return m_fd >= 0; }
    int fd() const { return m_fd; }

private:
    int m_fd = -1;
};

class TcpListener
{
public:
    // Listens on 127.0.0.1, on an ephemeral port when port is 0.
    explicit TcpListener(quint16 port = 0, int backlog = 128);
    ~TcpListener();
    TcpListener(const TcpListener &) = delete;
    TcpListener &operator=(const TcpListener &) = delete;

    quint16 port() const { return m_port; }
    Task<TcpStream> accept();
    void close();

private:
    int m_fd = -1;
    quint16 m_port = 0;
};

struct OSError : PythonError {
    OSError(const char *type, const std::string &m) : PythonError(type, m) {}
};

} // namespace clab::coro
