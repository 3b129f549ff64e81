// A local OIDC issuer: a persistent RSA key, discovery + JWKS on loopback, and RS256 token minting.
#pragma once

#include "authcrypto.h"
#include "jwk.h"

#include <QDateTime>
#include <QHostAddress>
#include <QJsonObject>
#include <QObject>
#include <QStringList>

class QTcpServer;
class QTcpSocket;

namespace Gw::Runtime {

struct JwtMintOptions
{
    QString issuer;           // empty: the provider's own issuer
    QStringList audiences;    // one → "aud": "x"; several → "aud": [...]
    QStringList scopes;       // → "scope": "a b"
    QJsonObject extraClaims;  // merged last, so they can override anything
    qint64 expiresInSeconds = 3600;
    QString subject = QStringLiteral("local-user");
    QDateTime issuedAt;       // default: now
    // Negative testing.
    QString kidOverride;
    bool signWithWrongKey = false; // a throwaway key, but the provider's kid
    bool algNone = false;
};

class LocalIdentityProvider : public QObject
{
    Q_OBJECT

public:
    static constexpr quint16 DefaultPort = 9400;

    // keyDirectory empty: QStandardPaths::AppConfigLocation + "/idp".
    explicit LocalIdentityProvider(const QString &keyDirectory = {}, QObject *parent = nullptr);
    ~LocalIdentityProvider() override;

    static QString defaultKeyDirectory();
    QString keyDirectory() const { return m_keyDirectory; }
    QString keyFilePath() const;

    // Loads the key from the directory, generating (and saving) it the first time.
    bool loadOrCreateKey(QString *error = nullptr);
    bool hasKey() const { return bool(m_key); }
    QString keyId() const { return m_kid; }
    EVP_PKEY *key() const { return m_key.get(); }

    // Serves on 127.0.0.1 (port 0 picks a free one). Loads the key if needed.
    bool start(quint16 port = DefaultPort, QString *error = nullptr);
    void stop();
    bool isListening() const;
    quint16 port() const;

    // http://127.0.0.1:PORT/ — the port being served, or the one configured.
    QString issuer() const;
    QByteArray discoveryDocument() const;
    QByteArray jwksDocument() const;
    JwkSet jwks() const;

    QByteArray mint(const JwtMintOptions &options, QString *error = nullptr);

    void setPort(quint16 port) { m_port = port; }

Q_SIGNALS:
    void requestServed(const QString &path, int status);

private:
    void onNewConnection();
    void serve(QTcpSocket *socket, const QByteArray &head);

    QString m_keyDirectory;
    PKeyPtr m_key;
    QString m_kid;
    QTcpServer *m_server = nullptr;
    quint16 m_port = DefaultPort;
};

} // namespace Gw::Runtime
