// JSON Web Keys: JWKS documents to OpenSSL public keys (RSA n/e, EC crv/x/y) and back.
#pragma once

#include "authcrypto.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace Gw::Runtime {

struct Jwk
{
    QString kid;
    QString kty; // "RSA" or "EC"
    QString alg; // optional in the JWKS
    QString use;
    QString crv;
    PKeyPtr key;
    QJsonObject json; // the public JWK as published
};

class JwkSet
{
public:
    // Keys that cannot be used (unknown kty, bad numbers) are skipped, as JWKS consumers do;
    // a document that is not a {"keys": [...]} object is an error.
    static std::optional<JwkSet> fromJson(QByteArrayView json, QString *error = nullptr);
    static std::optional<Jwk> keyFromJson(const QJsonObject &jwk, QString *error = nullptr);
    // Public JWK for an RSA, RSA-PSS or EC key; empty object if the key type is unsupported.
    static QJsonObject publicJwk(EVP_PKEY *key, const QString &kid, const QString &alg = {});
    // RFC 7638 thumbprint (base64url SHA-256 of the canonical required members).
    static QString thumbprint(EVP_PKEY *key);

    void add(const Jwk &key) { m_keys.append(key); }
    const Jwk *find(const QString &kid) const;
    const QList<Jwk> &keys() const { return m_keys; }
    bool isEmpty() const { return m_keys.isEmpty(); }
    QByteArray toJson() const;

private:
    QList<Jwk> m_keys;
};

} // namespace Gw::Runtime
