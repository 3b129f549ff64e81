// Reading request parameters the way API Gateway does (query strings decoded, '+' as space).
#include "runtime/policies/requestparameters.h"

#include <QUrl>

namespace Gw::Runtime::RequestParameters {

namespace {

QString decodePart(QByteArray part)
{
    part.replace('+', ' ');
    return QUrl::fromPercentEncoding(part);
}

} // namespace

QList<QPair<QString, QString>> queryItems(const QByteArray &rawQuery)
{
    QList<QPair<QString, QString>> items;
    if (rawQuery.isEmpty())
        return items;
    for (const QByteArray &pair : rawQuery.split('&')) {
        if (pair.isEmpty())
            continue;
        const qsizetype eq = pair.indexOf('=');
        items.append({decodePart(eq < 0 ? pair : pair.left(eq)), eq < 0 ? QString(QLatin1String("")) : decodePart(pair.mid(eq + 1))});
    }
    return items;
}

QString queryValue(const QByteArray &rawQuery, const QString &name)
{
    QString value;
    for (const auto &item : queryItems(rawQuery)) {
        if (item.first == name)
            value = item.second;
    }
    return value;
}

} // namespace Gw::Runtime::RequestParameters
