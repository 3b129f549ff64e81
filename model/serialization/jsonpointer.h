// JSON pointers (RFC 6901) used as diagnostic locations across the model.
#pragma once

#include <QString>

namespace Gw::Model {

// Escapes one reference token: "~" -> "~0", "/" -> "~1" ("application/json" -> "application~1json").
QString jsonPointerEscape(const QString &token);
// base + "/" + escaped token.
QString jsonPointer(const QString &base, const QString &token);
QString jsonPointer(const QString &base, qsizetype index);

} // namespace Gw::Model
