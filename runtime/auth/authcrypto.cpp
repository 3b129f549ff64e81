// Thin OpenSSL 3 EVP wrappers (hashes, HMAC, base64url, key handles) shared by SigV4 and JWT code.
#include "authcrypto.h"

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/rsa.h>

namespace Gw::Runtime::AuthCrypto {

QByteArray sha256(QByteArrayView data)
{
    QByteArray out(EVP_MAX_MD_SIZE, Qt::Uninitialized);
    unsigned int len = 0;
    if (EVP_Digest(data.data(), size_t(data.size()), reinterpret_cast<unsigned char *>(out.data()),
                   &len, EVP_sha256(), nullptr) != 1)
        return {};
    out.resize(int(len));
    return out;
}

QByteArray sha256Hex(QByteArrayView data)
{
    return sha256(data).toHex();
}

QByteArray hmacSha256(QByteArrayView key, QByteArrayView data)
{
    EVP_MAC *mac = EVP_MAC_fetch(nullptr, "HMAC", nullptr);
    if (!mac)
        return {};
    EVP_MAC_CTX *ctx = EVP_MAC_CTX_new(mac);
    char digest[] = "SHA256";
    OSSL_PARAM params[] = {OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest, 0),
                           OSSL_PARAM_construct_end()};
    QByteArray out(EVP_MAX_MD_SIZE, Qt::Uninitialized);
    size_t len = 0;
    const bool ok = ctx
        && EVP_MAC_init(ctx, reinterpret_cast<const unsigned char *>(key.data()), size_t(key.size()),
                        params) == 1
        && EVP_MAC_update(ctx, reinterpret_cast<const unsigned char *>(data.data()),
                          size_t(data.size())) == 1
        && EVP_MAC_final(ctx, reinterpret_cast<unsigned char *>(out.data()), &len,
                         size_t(out.size())) == 1;
    EVP_MAC_CTX_free(ctx);
    EVP_MAC_free(mac);
    if (!ok)
        return {};
    out.resize(int(len));
    return out;
}

QByteArray hex(QByteArrayView data)
{
    return data.toByteArray().toHex();
}

bool constantTimeEquals(QByteArrayView a, QByteArrayView b)
{
    if (a.size() != b.size())
        return false;
    if (a.isEmpty())
        return true;
    return CRYPTO_memcmp(a.data(), b.data(), size_t(a.size())) == 0;
}

QByteArray randomBytes(int count)
{
    QByteArray out(count, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char *>(out.data()), count) != 1)
        return {};
    return out;
}

QByteArray base64UrlEncode(QByteArrayView data)
{
    return data.toByteArray().toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

std::optional<QByteArray> base64UrlDecode(QByteArrayView text)
{
    auto result = QByteArray::fromBase64Encoding(text.toByteArray(),
                                                 QByteArray::Base64UrlEncoding
                                                     | QByteArray::AbortOnBase64DecodingErrors);
    if (!result)
        return std::nullopt;
    return *result;
}

PKeyPtr wrapKey(EVP_PKEY *key)
{
    return PKeyPtr(key, [](EVP_PKEY *k) { EVP_PKEY_free(k); });
}

PKeyPtr generateRsaKey(int bits)
{
    return wrapKey(EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", size_t(bits)));
}

PKeyPtr generateRsaPssKey(int bits)
{
    // EVP_PKEY_Q_keygen only takes a bit count for plain "RSA".
    EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new_from_name(nullptr, "RSA-PSS", nullptr);
    EVP_PKEY *key = nullptr;
    if (ctx && EVP_PKEY_keygen_init(ctx) == 1 && EVP_PKEY_CTX_set_rsa_keygen_bits(ctx, bits) == 1)
        EVP_PKEY_generate(ctx, &key);
    EVP_PKEY_CTX_free(ctx);
    return key ? wrapKey(key) : PKeyPtr();
}

PKeyPtr generateEcKey(const char *curveName)
{
    return wrapKey(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", curveName));
}

static QByteArray bioToBytes(BIO *bio)
{
    char *data = nullptr;
    const long len = BIO_get_mem_data(bio, &data);
    QByteArray out(data, int(len));
    BIO_free(bio);
    return out;
}

QByteArray privateKeyToPem(EVP_PKEY *key)
{
    BIO *bio = BIO_new(BIO_s_mem());
    if (PEM_write_bio_PrivateKey(bio, key, nullptr, nullptr, 0, nullptr, nullptr) != 1) {
        BIO_free(bio);
        return {};
    }
    return bioToBytes(bio);
}

QByteArray publicKeyToPem(EVP_PKEY *key)
{
    BIO *bio = BIO_new(BIO_s_mem());
    if (PEM_write_bio_PUBKEY(bio, key) != 1) {
        BIO_free(bio);
        return {};
    }
    return bioToBytes(bio);
}

PKeyPtr privateKeyFromPem(QByteArrayView pem)
{
    BIO *bio = BIO_new_mem_buf(pem.data(), int(pem.size()));
    EVP_PKEY *key = PEM_read_bio_PrivateKey(bio, nullptr, nullptr, nullptr);
    BIO_free(bio);
    return key ? wrapKey(key) : PKeyPtr();
}

QString lastOpenSslError()
{
    unsigned long code = 0;
    unsigned long last = 0;
    while ((code = ERR_get_error()) != 0)
        last = code;
    if (!last)
        return {};
    char buf[256];
    ERR_error_string_n(last, buf, sizeof buf);
    return QString::fromLatin1(buf);
}

} // namespace Gw::Runtime::AuthCrypto
