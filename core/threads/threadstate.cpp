#include "threadstate.h"

#include <unistd.h>
#include <sys/syscall.h>

namespace clab::this_thread {

namespace detail {
quint32 allocateUid()
{
    static std::atomic<quint32> counter{0};
    return counter.fetch_add(1, std::memory_order_relaxed) + 1;
}
} // namespace detail

qint64 nativeId()
{
    return qint64(::syscall(SYS_gettid));
}

} // namespace clab::this_thread
