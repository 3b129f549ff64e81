// AWS's throttling algorithm: a token bucket per limit (rate = tokens added per second, burst =
// capacity). One small mutex per bucket: the check runs on every request of every worker thread.
#pragma once

#include <chrono>
#include <mutex>

namespace Gw::Runtime {

class TokenBucket
{
public:
    using Clock = std::chrono::steady_clock;

    // Takes one token if there is one. `rate` / `burst` are the limits now in force (a designer
    // edit changes them between requests: the bucket keeps its level, clamped to the new burst).
    // `remaining` receives the tokens left, after taking.
    bool tryTake(double rate, int burst, Clock::time_point now, double *remaining = nullptr);

private:
    std::mutex m_mutex;
    double m_tokens = 0;
    Clock::time_point m_last;
    bool m_started = false;
};

} // namespace Gw::Runtime
