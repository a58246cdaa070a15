#pragma once

#include <cstddef>

namespace clab::taskmemory {

// Memory for thread-pool tasks. Each thread carves tasks out of a chunk of
// its own, so a submit costs no malloc and takes no lock. A chunk is counted
// rather than split into free lists: freeing a task (on any thread) counts
// the chunk down, and a chunk that its owner has moved on from returns to a
// shared cache when its last task goes. A task that outlives its neighbours
// keeps its whole chunk (kChunkSize) alive until it goes too.
inline constexpr std::size_t kChunkSize = 64 * 1024;
// Larger requests go to operator new.
inline constexpr std::size_t kLargestTask = 1024;
// Empty chunks kept for reuse, so a burst of tasks does not fault in fresh
// pages each time; more than this goes back to the system.
inline constexpr std::size_t kMaxCachedBytes = 16 * 1024 * 1024;

void *allocate(std::size_t size);
void deallocate(void *pointer, std::size_t size) noexcept;

// Chunks now in the shared cache; for tests.
std::size_t cachedChunks();

} // namespace clab::taskmemory
