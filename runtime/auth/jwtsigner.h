// Produces compact JWS tokens (for the local identity provider, the CLI and tests).
#pragma once

#include "authcrypto.h"

#include <QJsonObject>
#include <QString>

namespace Gw::Runtime {

class JwtSigner
{
public:
    // header must carry "alg" (RS*, PS*, ES* signed with `key`; "none" yields an empty
    // signature). Returns an empty array and sets `error` on failure.
    static QByteArray sign(const QJsonObject &header, const QJsonObject &payload, EVP_PKEY *key,
                           QString *error = nullptr);
    // HS* tokens, used to exercise key-confusion rejection.
    static QByteArray signHmac(const QJsonObject &header, const QJsonObject &payload,
                               QByteArrayView secret);
    static QByteArray encodeSegment(const QJsonObject &object);
};

} // namespace Gw::Runtime
