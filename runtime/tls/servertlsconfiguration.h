// Turns the user's HTTPS choices (generated or provided certificate, optional mTLS truststore)
// into the QSslConfiguration a listener serves with.
#pragma once

#include <QSslConfiguration>
#include <QString>

#include <optional>

namespace Gw::Runtime {

struct TlsOptions
{
    bool enabled = false;
    QString certificateFile; // PEM, leaf first then its chain; empty: the generated localhost one
    QString privateKeyFile;  // PEM (RSA or EC); required with certificateFile
    // PEM CA certificates. Set: mutual TLS, clients must present a certificate that chains to one
    // of them, as AWS's custom-domain truststore does.
    QString truststoreFile;
    QString generatedCertificateDir; // where the localhost certificate is kept; empty: default
};

class ServerTlsConfiguration
{
public:
    // Reads certificate, key and truststore. On failure returns nullopt with *error naming the
    // file at fault.
    static std::optional<QSslConfiguration> build(const TlsOptions &options, QString *error);
};

} // namespace Gw::Runtime
