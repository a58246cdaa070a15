#pragma once

#include <chrono>
#include <optional>

namespace clab {

// Python's timeout argument: none waits forever, a number waits at most that
// many seconds (0 does not wait at all).
using Timeout = std::optional<double>;

class Deadline
{
public:
    using Clock = std::chrono::steady_clock;

    static Deadline never() { return Deadline(); }
    static Deadline after(Timeout seconds)
    {
        Deadline d;
        if (seconds) {
            const double s = *seconds < 0 ? 0 : *seconds;
            d.m_at = Clock::now() + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(s));
        }
        return d;
    }

    bool isNever() const { return !m_at; }
    bool hasPassed() const { return m_at && Clock::now() >= *m_at; }
    // The earlier of the deadline and `now + slice`.
    Clock::time_point cap(Clock::duration slice) const
    {
        const auto limit = Clock::now() + slice;
        return m_at && *m_at < limit ? *m_at : limit;
    }

private:
    std::optional<Clock::time_point> m_at;
};

} // namespace clab
