// HAR 1.2 export of traces, so a call history opens in browser devtools and Postman.
#pragma once

#include "runtime/trace/trace.h"

#include <QJsonObject>

namespace Gw::Runtime {

QJsonObject tracesToHar(const QList<TracePtr> &traces);

} // namespace Gw::Runtime
