#pragma once

#include <stdexcept>
#include <string>

namespace clab {

// An error a Python program would see, carrying the Python exception type so
// messages read as they would in Python ("RuntimeError: release unlocked lock").
class PythonError : public std::runtime_error
{
public:
    PythonError(const char *pythonType, const std::string &message)
        : std::runtime_error(message), m_type(pythonType) {}
    const char *pythonType() const { return m_type; }
    std::string describe() const { return std::string(m_type) + ": " + what(); }

private:
    const char *m_type;
};

struct RuntimeError : PythonError {
    explicit RuntimeError(const std::string &m) : PythonError("RuntimeError", m) {}
};
struct ValueError : PythonError {
    explicit ValueError(const std::string &m) : PythonError("ValueError", m) {}
};
struct TimeoutError : PythonError {
    explicit TimeoutError(const std::string &m = {}) : PythonError("TimeoutError", m) {}
};
struct BrokenBarrierError : PythonError {
    explicit BrokenBarrierError(const std::string &m = {}) : PythonError("BrokenBarrierError", m) {}
};
struct QueueFull : PythonError {
    QueueFull() : PythonError("queue.Full", "queue is full") {}
};
struct QueueEmpty : PythonError {
    QueueEmpty() : PythonError("queue.Empty", "queue is empty") {}
};
// concurrent.futures.CancelledError
struct CancelledError : PythonError {
    explicit CancelledError(const std::string &m = {}) : PythonError("CancelledError", m) {}
};

// Thrown out of any blocking operation when the run is being stopped. Not a
// Python error: it unwinds a thread so that its run can end.
struct RunCancelled : std::exception {
    const char *what() const noexcept override { return "the run was cancelled"; }
};

} // namespace clab
