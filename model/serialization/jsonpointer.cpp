// JSON pointer building (RFC 6901 escaping).
#include "model/serialization/jsonpointer.h"

namespace Gw::Model {

QString jsonPointerEscape(const QString &token)
{
    QString out = token;
    out.replace(QLatin1Char('~'), QStringLiteral("~0"));
    out.replace(QLatin1Char('/'), QStringLiteral("~1"));
    return out;
}

QString jsonPointer(const QString &base, const QString &token)
{
    return base + QLatin1Char('/') + jsonPointerEscape(token);
}

QString jsonPointer(const QString &base, qsizetype index)
{
    return base + QLatin1Char('/') + QString::number(index);
}

} // namespace Gw::Model
