// The self-signed certificate HTTPS uses on localhost when the user provides none: generated on
// first use (SAN localhost, 127.0.0.1, ::1) and kept in the user's config folder.
#include "runtime/tls/localcertificate.h"

#include "runtime/tls/certificategenerator.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <QSslCertificate>
#include <QSslKey>
#include <QStandardPaths>

namespace Gw::Runtime {

namespace {

bool usable(const CertificateFiles &files)
{
    QFile certFile(files.certificateFile);
    QFile keyFile(files.privateKeyFile);
    if (!certFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly))
        return false;
    const QList<QSslCertificate> certs = QSslCertificate::fromData(certFile.readAll(), QSsl::Pem);
    const QSslKey key(keyFile.readAll(), QSsl::Ec, QSsl::Pem);
    return !certs.isEmpty() && !key.isNull()
           && certs.constFirst().expiryDate() > QDateTime::currentDateTimeUtc().addDays(1);
}

bool writeFile(const QString &path, const QByteArray &data, QFileDevice::Permissions permissions,
               QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || !file.setPermissions(permissions)
        || file.write(data) != data.size() || !file.commit()) {
        if (error)
            *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace

QString LocalCertificate::defaultDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) + QStringLiteral("/tls");
}

std::optional<CertificateFiles> LocalCertificate::ensure(const QString &directory, QString *error)
{
    const CertificateFiles files{directory + QStringLiteral("/localhost-cert.pem"),
                                 directory + QStringLiteral("/localhost-key.pem")};
    if (usable(files))
        return files;
    if (!QDir().mkpath(directory)) {
        if (error)
            *error = QStringLiteral("cannot create %1").arg(directory);
        return std::nullopt;
    }
    CertificateSpec spec;
    spec.commonName = QStringLiteral("localhost");
    spec.organization = QStringLiteral("apigw-studio local development");
    spec.dnsNames = {QStringLiteral("localhost")};
    spec.ipAddresses = {QStringLiteral("127.0.0.1"), QStringLiteral("::1")};
    spec.validDays = 825; // the longest validity Apple's TLS clients accept
    QString generateError;
    const std::optional<PemCredentials> pem = issueCertificate(spec, nullptr, &generateError);
    if (!pem) {
        if (error)
            *error = QStringLiteral("cannot generate the localhost certificate: %1").arg(generateError);
        return std::nullopt;
    }
    // The key is readable by its owner only.
    if (!writeFile(files.privateKeyFile, pem->privateKeyPem, QFile::ReadOwner | QFile::WriteOwner, error)
        || !writeFile(files.certificateFile, pem->certificatePem,
                      QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther, error))
        return std::nullopt;
    return files;
}

} // namespace Gw::Runtime
