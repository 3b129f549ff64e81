// The verified mTLS client certificate as API Gateway hands it to integrations and authorizers:
// requestContext.identity.clientCert (REST, payload 1.0) / authentication.clientCert (payload 2.0).
#include "runtime/tls/clientcertificate.h"

#include <openssl/asn1.h>
#include <openssl/bn.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <memory>

namespace Gw::Runtime {

namespace {

struct BioFree
{
    void operator()(BIO *b) const { BIO_free_all(b); }
};
struct X509Free
{
    void operator()(X509 *x) const { X509_free(x); }
};
using BioPtr = std::unique_ptr<BIO, BioFree>;

QString bioText(BIO *bio)
{
    char *data = nullptr;
    const long n = BIO_get_mem_data(bio, &data);
    return QString::fromUtf8(data, qsizetype(n));
}

QString distinguishedName(const X509_NAME *name)
{
    BioPtr out(BIO_new(BIO_s_mem()));
    // RFC 2253 without escaping UTF-8 so non-ASCII names stay readable.
    X509_NAME_print_ex(out.get(), name, 0, XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB);
    return bioText(out.get());
}

QString timeText(const ASN1_TIME *time)
{
    BioPtr out(BIO_new(BIO_s_mem()));
    ASN1_TIME_print(out.get(), time);
    return bioText(out.get());
}

QString serialText(const ASN1_INTEGER *serial)
{
    std::unique_ptr<BIGNUM, decltype(&BN_free)> bn(ASN1_INTEGER_to_BN(serial, nullptr), BN_free);
    if (!bn)
        return {};
    QByteArray bytes(BN_num_bytes(bn.get()), Qt::Uninitialized);
    BN_bn2bin(bn.get(), reinterpret_cast<unsigned char *>(bytes.data()));
    if (bytes.isEmpty())
        bytes = QByteArray(1, '\0');
    return QString::fromLatin1(bytes.toHex(':'));
}

} // namespace

QJsonObject awsClientCertificate(const QByteArray &certificatePem)
{
    BioPtr in(BIO_new_mem_buf(certificatePem.constData(), int(certificatePem.size())));
    std::unique_ptr<X509, X509Free> cert(PEM_read_bio_X509(in.get(), nullptr, nullptr, nullptr));
    if (!cert)
        return {};
    const QJsonObject validity{{QStringLiteral("notBefore"), timeText(X509_get0_notBefore(cert.get()))},
                               {QStringLiteral("notAfter"), timeText(X509_get0_notAfter(cert.get()))}};
    return QJsonObject{{QStringLiteral("clientCertPem"), QString::fromLatin1(certificatePem)},
                       {QStringLiteral("subjectDN"), distinguishedName(X509_get_subject_name(cert.get()))},
                       {QStringLiteral("issuerDN"), distinguishedName(X509_get_issuer_name(cert.get()))},
                       {QStringLiteral("serialNumber"), serialText(X509_get0_serialNumber(cert.get()))},
                       {QStringLiteral("validity"), validity}};
}

} // namespace Gw::Runtime
