// A trace written in the grammar of AWS's console execution log (reference §2), so it reads like
// the log AWS itself would show for the same call.
#pragma once

#include "runtime/trace/trace.h"

namespace Gw::Runtime {

QString executionLog(const Trace &trace);

// Java's Map.toString() of header/parameter lists: {a=1, b=2}; long values cut like AWS.
QString javaMapString(const QList<QPair<QString, QString>> &entries);

} // namespace Gw::Runtime
