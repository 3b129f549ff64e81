// Java methods and properties of plain values (String, List, Map, numbers, Boolean) (internal).
#pragma once

#include "value.h"

namespace Gw::Vtl::Internal {

// $value.method(args): Java's behaviour, NoSuchMethod when Java has no matching overload.
CallResult callBuiltinMethod(const Value &target, const QString &method, const QList<Value> &args);
// $value.name the way Velocity's uberspector resolves it (map.get("name"), isEmpty() for
// $list.empty...); NoSuchMethod when nothing matches.
CallResult builtinProperty(const Value &target, const QString &name);

} // namespace Gw::Vtl::Internal
