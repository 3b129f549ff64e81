// Converts a composed request to a shell cURL command and parses one back (Copy as cURL / paste).
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

#include <optional>

namespace Gw::Ui::Curl {

struct Request
{
    QString method = QStringLiteral("GET");
    QString url;
    QList<QPair<QString, QString>> headers;
    QByteArray body;
    // A body read from a file (--data-binary @file); toCommand writes it instead of `body`.
    QString bodyFile;
};

// POSIX-shell single-quoted, one option per continued line.
QString toCommand(const Request &request);
// Accepts what browsers' "Copy as cURL" and people write: quotes, backslash-newlines, -X, -H,
// -d/--data*/--json, -u, -A, -b, -I, --url; ignores flags that do not change the request.
// A data value @file (but not --data-raw's) names a file: it becomes `bodyFile`, not read here.
// nullopt (and `error`) when it is not a curl command or has no URL.
std::optional<Request> parse(const QString &command, QString *error = nullptr);

} // namespace Gw::Ui::Curl
