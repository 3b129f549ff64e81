// JSON Web Keys: JWKS documents to OpenSSL public keys (RSA n/e, EC crv/x/y) and back.
#include "jwk.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>

namespace Gw::Runtime {

static void setError(QString *error, const QString &text)
{
    if (error)
        *error = text;
}

static PKeyPtr fromParams(const char *type, OSSL_PARAM_BLD *bld)
{
    OSSL_PARAM *params = OSSL_PARAM_BLD_to_param(bld);
    EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new_from_name(nullptr, type, nullptr);
    EVP_PKEY *key = nullptr;
    if (params && ctx && EVP_PKEY_fromdata_init(ctx) == 1)
        EVP_PKEY_fromdata(ctx, &key, EVP_PKEY_PUBLIC_KEY, params);
    EVP_PKEY_CTX_free(ctx);
    OSSL_PARAM_free(params);
    return key ? AuthCrypto::wrapKey(key) : PKeyPtr();
}

static PKeyPtr rsaKey(const QByteArray &n, const QByteArray &e)
{
    BIGNUM *bn = BN_bin2bn(reinterpret_cast<const unsigned char *>(n.constData()), int(n.size()), nullptr);
    BIGNUM *be = BN_bin2bn(reinterpret_cast<const unsigned char *>(e.constData()), int(e.size()), nullptr);
    OSSL_PARAM_BLD *bld = OSSL_PARAM_BLD_new();
    PKeyPtr key;
    if (bn && be && bld && OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_RSA_N, bn) == 1
        && OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_RSA_E, be) == 1)
        key = fromParams("RSA", bld);
    OSSL_PARAM_BLD_free(bld);
    BN_free(bn);
    BN_free(be);
    return key;
}

static QByteArray groupForCurve(const QString &crv, int *size)
{
    if (crv == QLatin1String("P-256")) {
        *size = 32;
        return "prime256v1";
    }
    if (crv == QLatin1String("P-384")) {
        *size = 48;
        return "secp384r1";
    }
    if (crv == QLatin1String("P-521")) {
        *size = 66;
        return "secp521r1";
    }
    return {};
}

static PKeyPtr ecKey(const QString &crv, const QByteArray &x, const QByteArray &y)
{
    int size = 0;
    QByteArray group = groupForCurve(crv, &size);
    if (group.isEmpty() || x.size() != size || y.size() != size)
        return {};
    QByteArray point = QByteArray(1, '\x04') + x + y; // uncompressed SEC1 point
    OSSL_PARAM_BLD *bld = OSSL_PARAM_BLD_new();
    PKeyPtr key;
    if (bld
        && OSSL_PARAM_BLD_push_utf8_string(bld, OSSL_PKEY_PARAM_GROUP_NAME, group.constData(), 0) == 1
        && OSSL_PARAM_BLD_push_octet_string(bld, OSSL_PKEY_PARAM_PUB_KEY, point.constData(),
                                            size_t(point.size()))
            == 1)
        key = fromParams("EC", bld);
    OSSL_PARAM_BLD_free(bld);
    return key;
}

std::optional<Jwk> JwkSet::keyFromJson(const QJsonObject &json, QString *error)
{
    Jwk jwk;
    jwk.json = json;
    jwk.kid = json.value(QStringLiteral("kid")).toString();
    jwk.kty = json.value(QStringLiteral("kty")).toString();
    jwk.alg = json.value(QStringLiteral("alg")).toString();
    jwk.use = json.value(QStringLiteral("use")).toString();
    auto member = [&](const char *name) {
        return AuthCrypto::base64UrlDecode(json.value(QLatin1String(name)).toString().toLatin1());
    };
    if (jwk.kty == QLatin1String("RSA")) {
        const auto n = member("n");
        const auto e = member("e");
        if (!n || !e || n->isEmpty() || e->isEmpty()) {
            setError(error, QStringLiteral("RSA key %1 lacks n or e").arg(jwk.kid));
            return std::nullopt;
        }
        jwk.key = rsaKey(*n, *e);
    } else if (jwk.kty == QLatin1String("EC")) {
        jwk.crv = json.value(QStringLiteral("crv")).toString();
        const auto x = member("x");
        const auto y = member("y");
        if (!x || !y) {
            setError(error, QStringLiteral("EC key %1 lacks x or y").arg(jwk.kid));
            return std::nullopt;
        }
        jwk.key = ecKey(jwk.crv, *x, *y);
    } else {
        setError(error, QStringLiteral("unsupported key type '%1'").arg(jwk.kty));
        return std::nullopt;
    }
    if (!jwk.key) {
        setError(error, QStringLiteral("key %1 could not be loaded: %2")
                            .arg(jwk.kid, AuthCrypto::lastOpenSslError()));
        return std::nullopt;
    }
    return jwk;
}

std::optional<JwkSet> JwkSet::fromJson(QByteArrayView json, QString *error)
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(json.toByteArray(), &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject()
        || !doc.object().value(QStringLiteral("keys")).isArray()) {
        setError(error, QStringLiteral("the JWKS is not a JSON object with a \"keys\" array"));
        return std::nullopt;
    }
    JwkSet set;
    for (const QJsonValue &v : doc.object().value(QStringLiteral("keys")).toArray()) {
        if (auto key = keyFromJson(v.toObject()))
            set.add(*key);
    }
    return set;
}

static QString b64(const QByteArray &bytes)
{
    return QString::fromLatin1(AuthCrypto::base64UrlEncode(bytes));
}

static QByteArray bnParam(EVP_PKEY *key, const char *name, int padTo = 0)
{
    BIGNUM *bn = nullptr;
    if (EVP_PKEY_get_bn_param(key, name, &bn) != 1)
        return {};
    const int size = padTo > 0 ? padTo : BN_num_bytes(bn);
    QByteArray out(size, '\0');
    BN_bn2binpad(bn, reinterpret_cast<unsigned char *>(out.data()), size);
    BN_free(bn);
    return out;
}

QJsonObject JwkSet::publicJwk(EVP_PKEY *key, const QString &kid, const QString &alg)
{
    QJsonObject o;
    if (!key)
        return o;
    if (EVP_PKEY_is_a(key, "RSA") || EVP_PKEY_is_a(key, "RSA-PSS")) {
        o.insert(QStringLiteral("kty"), QStringLiteral("RSA"));
        o.insert(QStringLiteral("n"), b64(bnParam(key, OSSL_PKEY_PARAM_RSA_N)));
        o.insert(QStringLiteral("e"), b64(bnParam(key, OSSL_PKEY_PARAM_RSA_E)));
    } else if (EVP_PKEY_is_a(key, "EC")) {
        char group[64] = {};
        size_t len = 0;
        EVP_PKEY_get_utf8_string_param(key, OSSL_PKEY_PARAM_GROUP_NAME, group, sizeof group, &len);
        const QByteArray g(group, int(len));
        QString crv;
        int size = 0;
        if (g == "prime256v1" || g == "P-256") {
            crv = QStringLiteral("P-256");
            size = 32;
        } else if (g == "secp384r1" || g == "P-384") {
            crv = QStringLiteral("P-384");
            size = 48;
        } else if (g == "secp521r1" || g == "P-521") {
            crv = QStringLiteral("P-521");
            size = 66;
        } else {
            return o;
        }
        o.insert(QStringLiteral("kty"), QStringLiteral("EC"));
        o.insert(QStringLiteral("crv"), crv);
        o.insert(QStringLiteral("x"), b64(bnParam(key, OSSL_PKEY_PARAM_EC_PUB_X, size)));
        o.insert(QStringLiteral("y"), b64(bnParam(key, OSSL_PKEY_PARAM_EC_PUB_Y, size)));
    } else {
        return o;
    }
    if (!kid.isEmpty())
        o.insert(QStringLiteral("kid"), kid);
    if (!alg.isEmpty())
        o.insert(QStringLiteral("alg"), alg);
    o.insert(QStringLiteral("use"), QStringLiteral("sig"));
    return o;
}

QString JwkSet::thumbprint(EVP_PKEY *key)
{
    const QJsonObject jwk = publicJwk(key, {}, {});
    QByteArray canonical;
    auto s = [&](const char *name) { return jwk.value(QLatin1String(name)).toString().toUtf8(); };
    // Members in lexicographic order, no whitespace (RFC 7638 §3).
    if (s("kty") == "RSA")
        canonical = "{\"e\":\"" + s("e") + "\",\"kty\":\"RSA\",\"n\":\"" + s("n") + "\"}";
    else if (s("kty") == "EC")
        canonical = "{\"crv\":\"" + s("crv") + "\",\"kty\":\"EC\",\"x\":\"" + s("x") + "\",\"y\":\""
            + s("y") + "\"}";
    else
        return {};
    return QString::fromLatin1(AuthCrypto::base64UrlEncode(AuthCrypto::sha256(canonical)));
}

const Jwk *JwkSet::find(const QString &kid) const
{
    for (const Jwk &k : m_keys) {
        if (k.kid == kid)
            return &k;
    }
    return nullptr;
}

QByteArray JwkSet::toJson() const
{
    QJsonArray keys;
    for (const Jwk &k : m_keys)
        keys.append(k.json);
    return QJsonDocument(QJsonObject{{QStringLiteral("keys"), keys}}).toJson(QJsonDocument::Compact);
}

} // namespace Gw::Runtime
