// AWS's throttling algorithm: a token bucket per limit.
#include "runtime/policies/tokenbucket.h"

#include <algorithm>

namespace Gw::Runtime {

bool TokenBucket::tryTake(double rate, int burst, Clock::time_point now, double *remaining)
{
    std::lock_guard lock(m_mutex);
    const double capacity = std::max(0, burst);
    if (!m_started) {
        m_started = true;
        m_tokens = capacity; // a new bucket starts full: the first burst passes
    } else {
        const double seconds = std::chrono::duration<double>(now - m_last).count();
        if (seconds > 0)
            m_tokens = std::min(capacity, m_tokens + seconds * std::max(0.0, rate));
        m_tokens = std::min(m_tokens, capacity);
    }
    if (now > m_last)
        m_last = now;
    const bool taken = m_tokens >= 1.0;
    if (taken)
        m_tokens -= 1.0;
    if (remaining)
        *remaining = m_tokens;
    return taken;
}

} // namespace Gw::Runtime
