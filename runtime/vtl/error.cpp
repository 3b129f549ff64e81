// Formatting of template diagnostics.
#include "error.h"

namespace Gw::Vtl {

QString Error::toString() const
{
    if (line <= 0)
        return message;
    return QStringLiteral("line %1, column %2: %3").arg(line).arg(column).arg(message);
}

} // namespace Gw::Vtl
