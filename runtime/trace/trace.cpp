// The trace of one request: what came in, every pipeline step in order, what went out.
#include "runtime/trace/trace.h"

namespace Gw::Runtime {

QString toString(TraceStep::Outcome o)
{
    switch (o) {
    case TraceStep::Outcome::Continue: return QStringLiteral("continue");
    case TraceStep::Outcome::Respond: return QStringLiteral("respond");
    case TraceStep::Outcome::Pending: return QStringLiteral("pending");
    case TraceStep::Outcome::Fail: return QStringLiteral("fail");
    case TraceStep::Outcome::Skipped: return QStringLiteral("skipped");
    }
    return QString();
}

const TraceStep *Trace::failingStep() const
{
    for (const TraceStep &s : steps) {
        if (s.flagged || s.outcome == TraceStep::Outcome::Fail)
            return &s;
    }
    if (failed()) {
        // The stage that decided to answer with an error.
        for (const TraceStep &s : steps) {
            if (s.outcome == TraceStep::Outcome::Respond)
                return &s;
        }
    }
    return nullptr;
}

} // namespace Gw::Runtime
