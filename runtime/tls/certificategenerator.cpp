// Issues X.509 certificates with OpenSSL's EVP/X509 API: the self-signed localhost certificate
// served over HTTPS, and CA / server / client certificates for tests and local mTLS setups.
#include "runtime/tls/certificategenerator.h"

#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>

namespace Gw::Runtime {

namespace {

template<typename T, void (*Free)(T *)>
struct Deleter
{
    void operator()(T *p) const { Free(p); }
};
using X509Ptr = std::unique_ptr<X509, Deleter<X509, X509_free>>;
using PKeyPtr = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY, EVP_PKEY_free>>;
using BioPtr = std::unique_ptr<BIO, Deleter<BIO, BIO_free_all>>;
using BignumPtr = std::unique_ptr<BIGNUM, Deleter<BIGNUM, BN_free>>;
using ExtensionPtr = std::unique_ptr<X509_EXTENSION, Deleter<X509_EXTENSION, X509_EXTENSION_free>>;

QString openSslError(const char *what)
{
    const unsigned long code = ERR_get_error();
    ERR_clear_error();
    char buf[256] = {};
    if (code)
        ERR_error_string_n(code, buf, sizeof buf);
    return QStringLiteral("%1 failed%2").arg(QLatin1String(what),
                                             code ? QStringLiteral(": ") + QLatin1String(buf) : QString());
}

BioPtr memoryBio(const QByteArray &data)
{
    return BioPtr(BIO_new_mem_buf(data.constData(), int(data.size())));
}

QByteArray bioContents(BIO *bio)
{
    char *data = nullptr;
    const long n = BIO_get_mem_data(bio, &data);
    return QByteArray(data, qsizetype(n));
}

bool addEntry(X509_NAME *name, const char *field, const QString &value)
{
    if (value.isEmpty())
        return true;
    const QByteArray utf8 = value.toUtf8();
    return X509_NAME_add_entry_by_txt(name, field, MBSTRING_UTF8,
                                      reinterpret_cast<const unsigned char *>(utf8.constData()),
                                      int(utf8.size()), -1, 0) == 1;
}

bool addExtension(X509 *cert, X509V3_CTX *ctx, int nid, const QByteArray &value)
{
    ExtensionPtr ext(X509V3_EXT_nconf_nid(nullptr, ctx, nid, value.constData()));
    return ext && X509_add_ext(cert, ext.get(), -1) == 1;
}

QByteArray subjectAltNames(const CertificateSpec &spec)
{
    QStringList entries;
    for (const QString &dns : spec.dnsNames)
        entries.append(QStringLiteral("DNS:") + dns);
    for (const QString &ip : spec.ipAddresses)
        entries.append(QStringLiteral("IP:") + ip);
    return entries.join(QLatin1Char(',')).toUtf8();
}

} // namespace

std::optional<PemCredentials> issueCertificate(const CertificateSpec &spec, const PemCredentials *issuer,
                                               QString *error)
{
    auto fail = [error](const QString &message) -> std::optional<PemCredentials> {
        if (error)
            *error = message;
        return std::nullopt;
    };

    // The issuer's certificate and key, when not self-signed.
    X509Ptr issuerCert;
    PKeyPtr issuerKey;
    if (issuer) {
        BioPtr certBio = memoryBio(issuer->certificatePem);
        issuerCert.reset(PEM_read_bio_X509(certBio.get(), nullptr, nullptr, nullptr));
        BioPtr keyBio = memoryBio(issuer->privateKeyPem);
        issuerKey.reset(PEM_read_bio_PrivateKey(keyBio.get(), nullptr, nullptr, nullptr));
        if (!issuerCert || !issuerKey)
            return fail(openSslError("reading the issuer's certificate and key"));
    }

    // EC P-256: small, fast to generate, accepted by every TLS client.
    PKeyPtr key(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
    if (!key)
        return fail(openSslError("EC key generation"));

    X509Ptr cert(X509_new());
    if (!cert || X509_set_version(cert.get(), 2) != 1) // v3, needed for extensions
        return fail(openSslError("X509_new"));

    // A random positive 127-bit serial, as RFC 5280 asks serials to be unique per issuer.
    BignumPtr serial(BN_new());
    if (!serial || BN_rand(serial.get(), 127, BN_RAND_TOP_ANY, BN_RAND_BOTTOM_ANY) != 1
        || !BN_to_ASN1_INTEGER(serial.get(), X509_get_serialNumber(cert.get())))
        return fail(openSslError("serial number"));

    if (!X509_gmtime_adj(X509_getm_notBefore(cert.get()), -long(spec.backdateSeconds))
        || !X509_time_adj_ex(X509_getm_notAfter(cert.get()), spec.validDays, 0, nullptr))
        return fail(openSslError("validity"));
    if (X509_set_pubkey(cert.get(), key.get()) != 1)
        return fail(openSslError("X509_set_pubkey"));

    X509_NAME *subject = X509_get_subject_name(cert.get());
    if (!addEntry(subject, "O", spec.organization) || !addEntry(subject, "CN", spec.commonName))
        return fail(openSslError("subject name"));
    if (X509_set_issuer_name(cert.get(), issuerCert ? X509_get_subject_name(issuerCert.get()) : subject) != 1)
        return fail(openSslError("issuer name"));

    X509V3_CTX ctx;
    X509V3_set_ctx(&ctx, issuerCert ? issuerCert.get() : cert.get(), cert.get(), nullptr, nullptr, 0);
    bool ok = addExtension(cert.get(), &ctx, NID_basic_constraints,
                           spec.certificateAuthority ? "critical,CA:TRUE" : "critical,CA:FALSE")
              && addExtension(cert.get(), &ctx, NID_key_usage,
                              spec.certificateAuthority ? "critical,keyCertSign,cRLSign,digitalSignature"
                                                        : "critical,digitalSignature")
              && addExtension(cert.get(), &ctx, NID_subject_key_identifier, "hash")
              // After the subject key identifier: a self-signed certificate is its own issuer.
              && addExtension(cert.get(), &ctx, NID_authority_key_identifier, "keyid:always");
    if (ok && !spec.certificateAuthority)
        ok = addExtension(cert.get(), &ctx, NID_ext_key_usage, "serverAuth,clientAuth");
    if (ok && !(spec.dnsNames.isEmpty() && spec.ipAddresses.isEmpty()))
        ok = addExtension(cert.get(), &ctx, NID_subject_alt_name, subjectAltNames(spec));
    if (!ok)
        return fail(openSslError("X.509 extensions"));

    if (X509_sign(cert.get(), issuerKey ? issuerKey.get() : key.get(), EVP_sha256()) <= 0)
        return fail(openSslError("X509_sign"));

    BioPtr certOut(BIO_new(BIO_s_mem()));
    BioPtr keyOut(BIO_new(BIO_s_mem()));
    if (!certOut || !keyOut || PEM_write_bio_X509(certOut.get(), cert.get()) != 1
        || PEM_write_bio_PrivateKey(keyOut.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1)
        return fail(openSslError("PEM encoding"));
    return PemCredentials{bioContents(certOut.get()), bioContents(keyOut.get())};
}

} // namespace Gw::Runtime
