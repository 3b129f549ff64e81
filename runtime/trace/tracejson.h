// Traces to and from JSON: the one representation used by the SQLite store, the CLI and HAR.
#pragma once

#include "runtime/trace/trace.h"

#include <QJsonArray>
#include <QJsonObject>

namespace Gw::Runtime {

QJsonArray headersToJson(const HeaderList &headers);
HeaderList headersFromJson(const QJsonArray &array);

QJsonObject stepToJson(const TraceStep &step);
TraceStep stepFromJson(const QJsonObject &object);

// Bodies are kept as text when they are valid UTF-8, else base64 with "…Encoding": "base64".
QJsonObject traceToJson(const Trace &trace);
Trace traceFromJson(const QJsonObject &object);

} // namespace Gw::Runtime
