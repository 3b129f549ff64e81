// Where finished traces go (the host's ring and signal, a test's list). Called from worker threads.
#pragma once

#include "runtime/trace/trace.h"

namespace Gw::Runtime {

class TraceSink
{
public:
    virtual ~TraceSink() = default;
    virtual void record(TracePtr trace) = 0; // thread-safe
};

} // namespace Gw::Runtime
