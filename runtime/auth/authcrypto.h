// Thin OpenSSL 3 EVP wrappers (hashes, HMAC, base64url, key handles) shared by SigV4 and JWT code.
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <memory>
#include <optional>

typedef struct evp_pkey_st EVP_PKEY;

namespace Gw::Runtime {

// Shared ownership so key sets can be copied as plain values; the deleter is EVP_PKEY_free.
using PKeyPtr = std::shared_ptr<EVP_PKEY>;

namespace AuthCrypto {

QByteArray sha256(QByteArrayView data);
QByteArray sha256Hex(QByteArrayView data);
QByteArray hmacSha256(QByteArrayView key, QByteArrayView data);
QByteArray hex(QByteArrayView data);

// Constant-time comparison (CRYPTO_memcmp); a length mismatch is a plain mismatch.
bool constantTimeEquals(QByteArrayView a, QByteArrayView b);

QByteArray randomBytes(int count);

QByteArray base64UrlEncode(QByteArrayView data);
// Strict: rejects characters outside the base64url alphabet and '=' padding is tolerated only at the end.
std::optional<QByteArray> base64UrlDecode(QByteArrayView text);

PKeyPtr wrapKey(EVP_PKEY *key);

// Key generation for the local identity provider and tests.
PKeyPtr generateRsaKey(int bits = 2048);
PKeyPtr generateRsaPssKey(int bits = 2048);
PKeyPtr generateEcKey(const char *curveName); // "P-256", "P-384", "P-521"

QByteArray privateKeyToPem(EVP_PKEY *key);
QByteArray publicKeyToPem(EVP_PKEY *key);
PKeyPtr privateKeyFromPem(QByteArrayView pem);

// The last OpenSSL error queue entry as text (and clears the queue), for diagnostics.
QString lastOpenSslError();

} // namespace AuthCrypto
} // namespace Gw::Runtime
