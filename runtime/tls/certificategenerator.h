// Issues X.509 certificates with OpenSSL's EVP/X509 API: the self-signed localhost certificate
// served over HTTPS, and CA / server / client certificates for tests and local mTLS setups.
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>

namespace Gw::Runtime {

struct PemCredentials
{
    QByteArray certificatePem;
    QByteArray privateKeyPem; // PKCS#8, unencrypted

    bool isNull() const { return certificatePem.isEmpty() || privateKeyPem.isEmpty(); }
};

struct CertificateSpec
{
    QString commonName;
    QString organization;
    QStringList dnsNames;    // subjectAltName DNS entries
    QStringList ipAddresses; // subjectAltName IP entries ("127.0.0.1", "::1")
    bool certificateAuthority = false; // CA:TRUE + keyCertSign; leaves get server and client auth
    int validDays = 365;
    // Seconds before now the validity starts (clock skew between processes); a negative
    // validDays with this lets tests build expired certificates.
    int backdateSeconds = 3600;
};

// An EC P-256 key and a certificate for it, signed by `issuer` (a CA) or self-signed when issuer
// is null. Returns nullopt and sets *error when OpenSSL fails or the issuer cannot be read.
std::optional<PemCredentials> issueCertificate(const CertificateSpec &spec,
                                               const PemCredentials *issuer = nullptr,
                                               QString *error = nullptr);

} // namespace Gw::Runtime
