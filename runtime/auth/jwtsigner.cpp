// Produces compact JWS tokens (for the local identity provider, the CLI and tests).
#include "jwtsigner.h"

#include "jwt.h"

#include <QJsonDocument>

namespace Gw::Runtime {

QByteArray JwtSigner::encodeSegment(const QJsonObject &object)
{
    return AuthCrypto::base64UrlEncode(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QByteArray JwtSigner::sign(const QJsonObject &header, const QJsonObject &payload, EVP_PKEY *key,
                           QString *error)
{
    const QString alg = header.value(QStringLiteral("alg")).toString();
    const QByteArray input = encodeSegment(header) + '.' + encodeSegment(payload);
    if (alg == QLatin1String("none"))
        return input + '.';
    if (!JwtCrypto::isAsymmetric(alg)) {
        if (error)
            *error = QStringLiteral("unsupported signing algorithm '%1'").arg(alg);
        return {};
    }
    const QByteArray signature = JwtCrypto::sign(alg, key, input);
    if (signature.isEmpty()) {
        if (error)
            *error = QStringLiteral("signing with %1 failed: %2").arg(alg, AuthCrypto::lastOpenSslError());
        return {};
    }
    return input + '.' + AuthCrypto::base64UrlEncode(signature);
}

QByteArray JwtSigner::signHmac(const QJsonObject &header, const QJsonObject &payload,
                               QByteArrayView secret)
{
    const QString alg = header.value(QStringLiteral("alg")).toString();
    const QByteArray input = encodeSegment(header) + '.' + encodeSegment(payload);
    return input + '.' + AuthCrypto::base64UrlEncode(JwtCrypto::signHmac(alg, secret, input));
}

} // namespace Gw::Runtime
