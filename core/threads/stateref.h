#pragma once

#include <type_traits>
#include <utility>

namespace clab {

// A counted reference to a shared state that counts its own references
// through ref() and deref(): a future's, or a coroutine task's.
template <class S>
class StateRef
{
public:
    StateRef() = default;
    // Counts a new reference to `state`.
    static StateRef share(S *state)
    {
        if (state)
            state->ref();
        return adopt(state);
    }
    // Takes over a reference the caller already counted.
    static StateRef adopt(S *state)
    {
        StateRef ref;
        ref.m_state = state;
        return ref;
    }
    template <class... Args>
    static StateRef make(Args &&...args)
    {
        return adopt(new S(std::forward<Args>(args)...));
    }

    StateRef(const StateRef &other) : m_state(other.m_state)
    {
        if (m_state)
            m_state->ref();
    }
    StateRef(StateRef &&other) noexcept : m_state(std::exchange(other.m_state, nullptr)) {}
    template <class D, class = std::enable_if_t<std::is_base_of_v<S, D>>>
    StateRef(StateRef<D> &&other) noexcept : m_state(other.release())
    {
    }
    StateRef &operator=(StateRef other) noexcept
    {
        std::swap(m_state, other.m_state);
        return *this;
    }
    ~StateRef()
    {
        if (m_state)
            m_state->deref();
    }

    S *get() const { return m_state; }
    S *operator->() const { return m_state; }
    S &operator*() const { return *m_state; }
    explicit operator bool() const { return m_state != nullptr; }
    // Gives up the reference without counting it down.
    S *release() { return std::exchange(m_state, nullptr); }

private:
    S *m_state = nullptr;
};

} // namespace clab
