// Turns the user's HTTPS choices (generated or provided certificate, optional mTLS truststore)
// into the QSslConfiguration a listener serves with.
#include "runtime/tls/servertlsconfiguration.h"

#include "runtime/tls/localcertificate.h"

#include <QFile>
#include <QSslCertificate>
#include <QSslKey>

namespace Gw::Runtime {

namespace {

std::optional<QByteArray> readFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    return file.readAll();
}

// PEM says "PRIVATE KEY" for PKCS#8 of any algorithm, so try the algorithms in turn.
QSslKey readKey(const QByteArray &pem)
{
    for (QSsl::KeyAlgorithm algorithm : {QSsl::Rsa, QSsl::Ec, QSsl::Dsa}) {
        const QSslKey key(pem, algorithm, QSsl::Pem, QSsl::PrivateKey);
        if (!key.isNull())
            return key;
    }
    return {};
}

} // namespace

std::optional<QSslConfiguration> ServerTlsConfiguration::build(const TlsOptions &options, QString *error)
{
    auto fail = [error](const QString &message) -> std::optional<QSslConfiguration> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    if (options.certificateFile.isEmpty() != options.privateKeyFile.isEmpty())
        return fail(QStringLiteral("a certificate and its private key go together (--cert F --key F)"));

    CertificateFiles files{options.certificateFile, options.privateKeyFile};
    if (files.certificateFile.isEmpty()) {
        const QString dir = options.generatedCertificateDir.isEmpty() ? LocalCertificate::defaultDirectory()
                                                                      : options.generatedCertificateDir;
        std::optional<CertificateFiles> generated = LocalCertificate::ensure(dir, error);
        if (!generated)
            return std::nullopt;
        files = *generated;
    }

    const std::optional<QByteArray> certPem = readFile(files.certificateFile, error);
    const std::optional<QByteArray> keyPem = certPem ? readFile(files.privateKeyFile, error) : std::nullopt;
    if (!keyPem)
        return std::nullopt;
    const QList<QSslCertificate> chain = QSslCertificate::fromData(*certPem, QSsl::Pem);
    if (chain.isEmpty())
        return fail(QStringLiteral("%1: no PEM certificate found").arg(files.certificateFile));
    const QSslKey key = readKey(*keyPem);
    if (key.isNull())
        return fail(QStringLiteral("%1: not a readable unencrypted PEM private key").arg(files.privateKeyFile));

    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setProtocol(QSsl::TlsV1_2OrLater); // what AWS's TLS_1_2 security policy accepts
    config.setLocalCertificateChain(chain);
    config.setPrivateKey(key);
    config.setPeerVerifyMode(QSslSocket::VerifyNone);
    if (!options.truststoreFile.isEmpty()) {
        const std::optional<QByteArray> trustPem = readFile(options.truststoreFile, error);
        if (!trustPem)
            return std::nullopt;
        const QList<QSslCertificate> cas = QSslCertificate::fromData(*trustPem, QSsl::Pem);
        if (cas.isEmpty())
            return fail(QStringLiteral("%1: no PEM certificate found").arg(options.truststoreFile));
        // Only the truststore decides which client certificates are accepted, not the system's CAs.
        config.setCaCertificates(cas);
        config.setPeerVerifyMode(QSslSocket::VerifyPeer);
    }
    return config;
}

} // namespace Gw::Runtime
