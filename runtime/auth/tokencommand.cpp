// The `apigw-studio token` sub-command's engine: parse options, mint a token with the local IdP.
#include "tokencommand.h"

#include "localidentityprovider.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>
#include <QRegularExpression>

namespace Gw::Runtime::TokenCommand {

std::optional<qint64> parseDuration(QStringView text)
{
    static const QRegularExpression re(QStringLiteral("^\\s*(\\d+)\\s*([smhd]?)\\s*$"),
                                       QRegularExpression::CaseInsensitiveOption);
    const auto match = re.match(text.toString());
    if (!match.hasMatch())
        return std::nullopt;
    bool ok = false;
    const qint64 value = match.capturedView(1).toLongLong(&ok);
    if (!ok || value <= 0)
        return std::nullopt;
    const QChar unit = match.capturedView(2).isEmpty() ? QLatin1Char('s')
                                                       : match.capturedView(2).at(0).toLower();
    const qint64 factor = unit == QLatin1Char('m') ? 60
        : unit == QLatin1Char('h')                 ? 3600
        : unit == QLatin1Char('d')                 ? 86400
                                                   : 1;
    return value * factor;
}

static QJsonValue claimValue(const QString &text)
{
    // Wrap so scalars (42, true, "x") parse too.
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson("[" + text.toUtf8() + "]", &pe);
    if (pe.error == QJsonParseError::NoError && doc.isArray() && doc.array().size() == 1)
        return doc.array().at(0);
    return text;
}

Result mintToken(const Request &request)
{
    Result result;
    const auto expires = parseDuration(request.expires);
    if (!expires) {
        result.error = QStringLiteral("invalid --expires '%1' (use e.g. 3600, 30m, 1h, 2d)").arg(request.expires);
        return result;
    }
    JwtMintOptions options;
    options.issuer = request.issuer;
    options.audiences = request.audiences;
    for (const QString &s : request.scopes)
        options.scopes += s.split(QRegularExpression(QStringLiteral("[\\s,]+")), Qt::SkipEmptyParts);
    options.expiresInSeconds = *expires;
    if (!request.subject.isEmpty())
        options.subject = request.subject;
    for (const QString &claim : request.claims) {
        const qsizetype eq = claim.indexOf(QLatin1Char('='));
        if (eq <= 0) {
            result.error = QStringLiteral("invalid --claim '%1' (expected key=value)").arg(claim);
            return result;
        }
        options.extraClaims.insert(claim.left(eq), claimValue(claim.mid(eq + 1)));
    }
    LocalIdentityProvider idp(request.keyDirectory);
    idp.setPort(request.port);
    result.token = idp.mint(options, &result.error);
    result.ok = !result.token.isEmpty();
    return result;
}

} // namespace Gw::Runtime::TokenCommand
