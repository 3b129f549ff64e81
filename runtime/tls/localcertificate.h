// The self-signed certificate HTTPS uses on localhost when the user provides none: generated on
// first use (SAN localhost, 127.0.0.1, ::1) and kept in the user's config folder.
#pragma once

#include <QString>

#include <optional>

namespace Gw::Runtime {

struct CertificateFiles
{
    QString certificateFile;
    QString privateKeyFile;
};

class LocalCertificate
{
public:
    // AppConfigLocation + "/tls".
    static QString defaultDirectory();

    // The certificate and key files in `directory` (created when missing), generating a new pair
    // when there is none, it cannot be read, or it expires within a day.
    static std::optional<CertificateFiles> ensure(const QString &directory, QString *error);
};

} // namespace Gw::Runtime
