// Reading request parameters the way API Gateway does (query strings decoded, '+' as space).
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace Gw::Runtime::RequestParameters {

// Query items in order, percent-decoded.
QList<QPair<QString, QString>> queryItems(const QByteArray &rawQuery);
// The last value of a query parameter (case-sensitive name); null when absent.
QString queryValue(const QByteArray &rawQuery, const QString &name);

} // namespace Gw::Runtime::RequestParameters
