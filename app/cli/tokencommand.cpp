// `apigw-studio token [--issuer U] [--aud A]... [--scope S]... [--claim k=v]... [--expires 1h]
// [--sub S]`: mints a JWT signed by the local identity provider, for JWT/Cognito authorizers.
#include "app/cli/cli.h"

#include "app/cli/commandline.h"
#include "runtime/auth/tokencommand.h"

#include <QTextStream>

namespace Gw::Cli {

int tokenCommand(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Mints a JWT signed by the local identity provider (its JWKS is served at "
                       "http://127.0.0.1:PORT/.well-known/jwks.json while a project is served)."));
    const QCommandLineOption issuerOption(QStringLiteral("issuer"),
                                          QStringLiteral("iss claim (default: the local IdP)"),
                                          QStringLiteral("URL"));
    const QCommandLineOption audOption(QStringLiteral("aud"), QStringLiteral("audience (repeatable)"),
                                       QStringLiteral("A"));
    const QCommandLineOption scopeOption(QStringLiteral("scope"), QStringLiteral("scope (repeatable)"),
                                         QStringLiteral("S"));
    const QCommandLineOption claimOption(QStringLiteral("claim"),
                                         QStringLiteral("extra claim k=v; v may be JSON (repeatable)"),
                                         QStringLiteral("k=v"));
    const QCommandLineOption expiresOption(QStringLiteral("expires"),
                                           QStringLiteral("lifetime: 3600, 45s, 30m, 1h, 2d"),
                                           QStringLiteral("D"), QStringLiteral("1h"));
    const QCommandLineOption subOption(QStringLiteral("sub"), QStringLiteral("subject"),
                                       QStringLiteral("S"));
    const QCommandLineOption keysOption(QStringLiteral("keys"),
                                        QStringLiteral("signing key directory"), QStringLiteral("DIR"));
    const QCommandLineOption portOption(QStringLiteral("idp-port"),
                                        QStringLiteral("local IdP port (default 9400)"),
                                        QStringLiteral("N"), QStringLiteral("9400"));
    parser.addOptions({issuerOption, audOption, scopeOption, claimOption, expiresOption, subOption,
                       keysOption, portOption});
    if (auto exitCode = parseCommandLine(parser, QStringLiteral("token"), args, 0, 0))
        return *exitCode;
    Runtime::TokenCommand::Request request;
    request.issuer = parser.value(issuerOption);
    request.audiences = parser.values(audOption);
    request.scopes = parser.values(scopeOption);
    request.claims = parser.values(claimOption);
    request.expires = parser.value(expiresOption);
    request.subject = parser.value(subOption);
    request.keyDirectory = parser.value(keysOption);
    bool portOk = false;
    const uint port = parser.value(portOption).toUInt(&portOk);
    if (!portOk || port == 0 || port > 65535) {
        QTextStream(stderr) << "apigw-studio token: --idp-port must be 1-65535\n";
        return UsageError;
    }
    request.port = quint16(port);
    const Runtime::TokenCommand::Result result = Runtime::TokenCommand::mintToken(request);
    if (!result.ok) {
        QTextStream(stderr) << "apigw-studio token: " << result.error << '\n';
        return UsageError;
    }
    QTextStream(stdout) << result.token << '\n';
    return Success;
}

} // namespace Gw::Cli
