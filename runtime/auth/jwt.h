// Compact JWS (JWT) parsing plus the signature primitives for the RS*, PS* and ES* algorithms.
#pragma once

#include "authcrypto.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace Gw::Runtime {

struct Jwt
{
    QByteArray encodedHeader;
    QByteArray encodedPayload;
    QByteArray encodedSignature;
    QJsonObject header;
    QJsonObject payload;
    QByteArray signature; // decoded bytes

    QString algorithm() const { return header.value(QStringLiteral("alg")).toString(); }
    QString keyId() const { return header.value(QStringLiteral("kid")).toString(); }
    QByteArray signingInput() const { return encodedHeader + '.' + encodedPayload; }

    // Parses "header.payload.signature"; on failure returns nullopt and a description.
    static std::optional<Jwt> parse(QByteArrayView compact, QString *error = nullptr);
    // Strips an optional "Bearer " prefix (case-insensitive) and surrounding whitespace.
    static QByteArray tokenFromIdentity(QByteArrayView identity);
};

namespace JwtCrypto {

enum class Family { Unsupported, None, Hmac, Rsa, RsaPss, Ecdsa };

Family family(const QString &alg);
bool isAsymmetric(const QString &alg);
// Whether the key's type can be used with the algorithm (RSA keys for RS/PS, EC keys of the
// matching curve for ES).
bool keyMatchesAlgorithm(EVP_PKEY *key, const QString &alg);

bool verify(const QString &alg, EVP_PKEY *key, QByteArrayView signingInput,
            QByteArrayView signature);
// JWS signature bytes (ECDSA as raw r||s); empty on failure.
QByteArray sign(const QString &alg, EVP_PKEY *key, QByteArrayView signingInput);
QByteArray signHmac(const QString &alg, QByteArrayView secret, QByteArrayView signingInput);

} // namespace JwtCrypto
} // namespace Gw::Runtime
