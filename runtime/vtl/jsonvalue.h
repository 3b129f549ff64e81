// JSON text to and from Vtl::Value, keeping object key order (Qt's QJsonObject sorts keys, and
// templates iterate keySet() in document order as AWS's LinkedHashMap-based JSON does).
#pragma once

#include "value.h"

namespace Gw::Vtl {

struct JsonParseResult
{
    Value value;
    QString error; // empty on success; "at offset N: ..." otherwise
    bool ok() const { return error.isEmpty(); }
};

// Arrays become json-style lists (they print as JSON, like json-smart's JSONArray) when
// jsonStyleArrays is set, plain Java lists otherwise.
JsonParseResult parseJson(const QString &text, bool jsonStyleArrays = true);

} // namespace Gw::Vtl
