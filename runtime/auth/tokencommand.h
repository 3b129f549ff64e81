// The `apigw-studio token` sub-command's engine: parse options, mint a token with the local IdP.
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>

namespace Gw::Runtime::TokenCommand {

// "3600", "45s", "30m", "1h", "2d" → seconds; nullopt when unparseable or not positive.
std::optional<qint64> parseDuration(QStringView text);

struct Request
{
    QString issuer;          // empty: the local IdP's issuer (http://127.0.0.1:PORT/)
    QStringList audiences;   // --aud, repeatable
    QStringList scopes;      // --scope, repeatable; "a b" and "a,b" are split
    QStringList claims;      // --claim k=v; v is JSON when it parses as JSON, else a string
    QString expires = QStringLiteral("1h");
    QString subject;         // empty: "local-user"
    QString keyDirectory;    // empty: the IdP default
    quint16 port = 9400;
};

struct Result
{
    bool ok = false;
    QByteArray token;
    QString error;
};

Result mintToken(const Request &request);

} // namespace Gw::Runtime::TokenCommand
