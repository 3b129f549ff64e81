// The JSONPath subset AWS mapping templates use ($input.path / $input.json), over Vtl values.
#pragma once

#include "value.h"

namespace Gw::Vtl {

struct JsonPathResult
{
    Value value;     // the match; a json-style list of matches for indefinite paths
    bool found = false;
    QString error;   // syntax errors and unsupported features (filters)
};

// Supports $, .name, ['name'], ["name"], [n], [-n], [*], .*, ..name (deep scan), [a,b],
// [start:end], and a trailing .length().
JsonPathResult evaluateJsonPath(const Value &root, const QString &path);

} // namespace Gw::Vtl
