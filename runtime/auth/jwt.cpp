// Compact JWS (JWT) parsing plus the signature primitives for the RS*, PS* and ES* algorithms.
#include "jwt.h"

#include <QJsonDocument>

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/rsa.h>

namespace Gw::Runtime {

static void setError(QString *error, const QString &text)
{
    if (error)
        *error = text;
}

std::optional<Jwt> Jwt::parse(QByteArrayView compact, QString *error)
{
    const QByteArrayList parts = compact.toByteArray().split('.');
    if (parts.size() != 3) {
        setError(error, QStringLiteral("token contains an invalid number of segments"));
        return std::nullopt;
    }
    Jwt jwt;
    jwt.encodedHeader = parts[0];
    jwt.encodedPayload = parts[1];
    jwt.encodedSignature = parts[2];
    const auto header = AuthCrypto::base64UrlDecode(parts[0]);
    const auto payload = AuthCrypto::base64UrlDecode(parts[1]);
    const auto signature = AuthCrypto::base64UrlDecode(parts[2]);
    if (!header || !payload || !signature || parts[0].isEmpty() || parts[1].isEmpty()) {
        setError(error, QStringLiteral("token is malformed: could not base64 decode a segment"));
        return std::nullopt;
    }
    QJsonParseError pe;
    const QJsonDocument h = QJsonDocument::fromJson(*header, &pe);
    if (pe.error != QJsonParseError::NoError || !h.isObject()) {
        setError(error, QStringLiteral("token is malformed: header is not a JSON object"));
        return std::nullopt;
    }
    const QJsonDocument p = QJsonDocument::fromJson(*payload, &pe);
    if (pe.error != QJsonParseError::NoError || !p.isObject()) {
        setError(error, QStringLiteral("token is malformed: payload is not a JSON object"));
        return std::nullopt;
    }
    jwt.header = h.object();
    jwt.payload = p.object();
    jwt.signature = *signature;
    return jwt;
}

QByteArray Jwt::tokenFromIdentity(QByteArrayView identity)
{
    QByteArray t = identity.trimmed().toByteArray();
    if (t.size() > 7 && QByteArrayView(t).first(7).compare("Bearer ", Qt::CaseInsensitive) == 0)
        t = t.mid(7).trimmed();
    return t;
}

namespace JwtCrypto {

Family family(const QString &alg)
{
    if (alg == QLatin1String("none"))
        return Family::None;
    if (alg == QLatin1String("RS256") || alg == QLatin1String("RS384") || alg == QLatin1String("RS512"))
        return Family::Rsa;
    if (alg == QLatin1String("PS256") || alg == QLatin1String("PS384") || alg == QLatin1String("PS512"))
        return Family::RsaPss;
    if (alg == QLatin1String("ES256") || alg == QLatin1String("ES384") || alg == QLatin1String("ES512"))
        return Family::Ecdsa;
    if (alg == QLatin1String("HS256") || alg == QLatin1String("HS384") || alg == QLatin1String("HS512"))
        return Family::Hmac;
    return Family::Unsupported;
}

bool isAsymmetric(const QString &alg)
{
    const Family f = family(alg);
    return f == Family::Rsa || f == Family::RsaPss || f == Family::Ecdsa;
}

static const EVP_MD *digestFor(const QString &alg)
{
    if (alg.endsWith(QLatin1String("256")))
        return EVP_sha256();
    if (alg.endsWith(QLatin1String("384")))
        return EVP_sha384();
    if (alg.endsWith(QLatin1String("512")))
        return EVP_sha512();
    return nullptr;
}

// ES512 uses P-521, whose coordinates are 66 bytes.
static int ecCoordinateSize(const QString &alg)
{
    if (alg == QLatin1String("ES256"))
        return 32;
    if (alg == QLatin1String("ES384"))
        return 48;
    if (alg == QLatin1String("ES512"))
        return 66;
    return 0;
}

static QByteArray curveFor(const QString &alg)
{
    if (alg == QLatin1String("ES256"))
        return "prime256v1";
    if (alg == QLatin1String("ES384"))
        return "secp384r1";
    if (alg == QLatin1String("ES512"))
        return "secp521r1";
    return {};
}

bool keyMatchesAlgorithm(EVP_PKEY *key, const QString &alg)
{
    if (!key)
        return false;
    switch (family(alg)) {
    case Family::Rsa:
        return EVP_PKEY_is_a(key, "RSA");
    case Family::RsaPss:
        return EVP_PKEY_is_a(key, "RSA") || EVP_PKEY_is_a(key, "RSA-PSS");
    case Family::Ecdsa: {
        if (!EVP_PKEY_is_a(key, "EC"))
            return false;
        char group[64] = {};
        size_t len = 0;
        if (EVP_PKEY_get_utf8_string_param(key, OSSL_PKEY_PARAM_GROUP_NAME, group, sizeof group, &len) != 1)
            return false;
        const QByteArray name(group, int(len));
        const QByteArray want = curveFor(alg);
        return name == want || (want == "prime256v1" && name == "P-256")
            || (want == "secp384r1" && name == "P-384") || (want == "secp521r1" && name == "P-521");
    }
    default:
        return false;
    }
}

static QByteArray rawToDer(QByteArrayView raw, int size)
{
    if (raw.size() != 2 * size)
        return {};
    ECDSA_SIG *sig = ECDSA_SIG_new();
    BIGNUM *r = BN_bin2bn(reinterpret_cast<const unsigned char *>(raw.data()), size, nullptr);
    BIGNUM *s = BN_bin2bn(reinterpret_cast<const unsigned char *>(raw.data()) + size, size, nullptr);
    ECDSA_SIG_set0(sig, r, s);
    unsigned char *der = nullptr;
    const int len = i2d_ECDSA_SIG(sig, &der);
    QByteArray out = len > 0 ? QByteArray(reinterpret_cast<const char *>(der), len) : QByteArray();
    OPENSSL_free(der);
    ECDSA_SIG_free(sig);
    return out;
}

static QByteArray derToRaw(QByteArrayView der, int size)
{
    const unsigned char *p = reinterpret_cast<const unsigned char *>(der.data());
    ECDSA_SIG *sig = d2i_ECDSA_SIG(nullptr, &p, long(der.size()));
    if (!sig)
        return {};
    QByteArray out(2 * size, '\0');
    const BIGNUM *r = nullptr;
    const BIGNUM *s = nullptr;
    ECDSA_SIG_get0(sig, &r, &s);
    const bool ok = BN_bn2binpad(r, reinterpret_cast<unsigned char *>(out.data()), size) == size
        && BN_bn2binpad(s, reinterpret_cast<unsigned char *>(out.data()) + size, size) == size;
    ECDSA_SIG_free(sig);
    return ok ? out : QByteArray();
}

// Sets up PSS padding with salt length = digest length (RFC 7518 §3.5).
static bool configure(EVP_PKEY_CTX *pctx, EVP_PKEY *key, Family f)
{
    if (f != Family::RsaPss)
        return true;
    if (EVP_PKEY_is_a(key, "RSA") && EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PSS_PADDING) != 1)
        return false;
    return EVP_PKEY_CTX_set_rsa_pss_saltlen(pctx, RSA_PSS_SALTLEN_DIGEST) == 1;
}

bool verify(const QString &alg, EVP_PKEY *key, QByteArrayView signingInput, QByteArrayView signature)
{
    const Family f = family(alg);
    const EVP_MD *md = digestFor(alg);
    if (!key || !md || (f != Family::Rsa && f != Family::RsaPss && f != Family::Ecdsa))
        return false;
    if (!keyMatchesAlgorithm(key, alg))
        return false;
    QByteArray sig = signature.toByteArray();
    if (f == Family::Ecdsa) {
        sig = rawToDer(signature, ecCoordinateSize(alg));
        if (sig.isEmpty())
            return false;
    }
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    EVP_PKEY_CTX *pctx = nullptr;
    bool ok = EVP_DigestVerifyInit(ctx, &pctx, md, nullptr, key) == 1 && configure(pctx, key, f)
        && EVP_DigestVerify(ctx, reinterpret_cast<const unsigned char *>(sig.constData()),
                            size_t(sig.size()),
                            reinterpret_cast<const unsigned char *>(signingInput.data()),
                            size_t(signingInput.size()))
            == 1;
    EVP_MD_CTX_free(ctx);
    AuthCrypto::lastOpenSslError(); // a failed verification leaves entries in the error queue
    return ok;
}

QByteArray sign(const QString &alg, EVP_PKEY *key, QByteArrayView signingInput)
{
    const Family f = family(alg);
    const EVP_MD *md = digestFor(alg);
    if (!key || !md || (f != Family::Rsa && f != Family::RsaPss && f != Family::Ecdsa))
        return {};
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    EVP_PKEY_CTX *pctx = nullptr;
    size_t len = 0;
    QByteArray out;
    if (EVP_DigestSignInit(ctx, &pctx, md, nullptr, key) == 1 && configure(pctx, key, f)
        && EVP_DigestSign(ctx, nullptr, &len,
                          reinterpret_cast<const unsigned char *>(signingInput.data()),
                          size_t(signingInput.size()))
            == 1) {
        out.resize(qsizetype(len));
        if (EVP_DigestSign(ctx, reinterpret_cast<unsigned char *>(out.data()), &len,
                           reinterpret_cast<const unsigned char *>(signingInput.data()),
                           size_t(signingInput.size()))
            == 1)
            out.resize(qsizetype(len));
        else
            out.clear();
    }
    EVP_MD_CTX_free(ctx);
    if (f == Family::Ecdsa && !out.isEmpty())
        out = derToRaw(out, ecCoordinateSize(alg));
    return out;
}

QByteArray signHmac(const QString &alg, QByteArrayView secret, QByteArrayView signingInput)
{
    const EVP_MD *md = digestFor(alg);
    if (!md || family(alg) != Family::Hmac)
        return {};
    QByteArray out(EVP_MAX_MD_SIZE, Qt::Uninitialized);
    size_t len = 0;
    if (!EVP_Q_mac(nullptr, "HMAC", nullptr, EVP_MD_get0_name(md), nullptr, secret.data(),
                   size_t(secret.size()), reinterpret_cast<const unsigned char *>(signingInput.data()),
                   size_t(signingInput.size()), reinterpret_cast<unsigned char *>(out.data()),
                   size_t(out.size()), &len))
        return {};
    out.resize(qsizetype(len));
    return out;
}

} // namespace JwtCrypto
} // namespace Gw::Runtime
