// A local OIDC issuer: a persistent RSA key, discovery + JWKS on loopback, and RS256 token minting.
#include "localidentityprovider.h"

#include "jwtsigner.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>

#include <openssl/evp.h>

namespace Gw::Runtime {

static void setError(QString *error, const QString &text)
{
    if (error)
        *error = text;
}

LocalIdentityProvider::LocalIdentityProvider(const QString &keyDirectory, QObject *parent)
    : QObject(parent)
    , m_keyDirectory(keyDirectory.isEmpty() ? defaultKeyDirectory() : keyDirectory)
{}

LocalIdentityProvider::~LocalIdentityProvider()
{
    stop();
}

QString LocalIdentityProvider::defaultKeyDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation)
        + QStringLiteral("/idp");
}

QString LocalIdentityProvider::keyFilePath() const
{
    return m_keyDirectory + QStringLiteral("/signing-key.pem");
}

bool LocalIdentityProvider::loadOrCreateKey(QString *error)
{
    if (m_key)
        return true;
    QFile file(keyFilePath());
    if (file.exists()) {
        if (!file.open(QIODevice::ReadOnly)) {
            setError(error, QStringLiteral("cannot read %1: %2").arg(file.fileName(), file.errorString()));
            return false;
        }
        PKeyPtr key = AuthCrypto::privateKeyFromPem(file.readAll());
        if (!key || !EVP_PKEY_is_a(key.get(), "RSA")) {
            // Never overwrite a file we could not understand.
            setError(error, QStringLiteral("%1 does not hold an RSA private key").arg(file.fileName()));
            return false;
        }
        m_key = key;
    } else {
        if (!QDir().mkpath(m_keyDirectory)) {
            setError(error, QStringLiteral("cannot create %1").arg(m_keyDirectory));
            return false;
        }
        PKeyPtr key = AuthCrypto::generateRsaKey(2048);
        const QByteArray pem = key ? AuthCrypto::privateKeyToPem(key.get()) : QByteArray();
        if (pem.isEmpty()) {
            setError(error, QStringLiteral("RSA key generation failed: %1").arg(AuthCrypto::lastOpenSslError()));
            return false;
        }
        QSaveFile out(keyFilePath());
        if (!out.open(QIODevice::WriteOnly) || out.write(pem) != pem.size() || !out.commit()) {
            setError(error, QStringLiteral("cannot write %1: %2").arg(keyFilePath(), out.errorString()));
            return false;
        }
        QFile::setPermissions(keyFilePath(), QFile::ReadOwner | QFile::WriteOwner);
        m_key = key;
    }
    // The kid is the key's RFC 7638 thumbprint, so it survives restarts with the key file.
    m_kid = JwkSet::thumbprint(m_key.get());
    return true;
}

bool LocalIdentityProvider::start(quint16 port, QString *error)
{
    if (!loadOrCreateKey(error))
        return false;
    stop();
    m_server = new QTcpServer(this);
    connect(m_server, &QTcpServer::newConnection, this, &LocalIdentityProvider::onNewConnection);
    if (!m_server->listen(QHostAddress::LocalHost, port)) {
        setError(error, QStringLiteral("cannot listen on 127.0.0.1:%1: %2").arg(port).arg(m_server->errorString()));
        delete m_server;
        m_server = nullptr;
        return false;
    }
    m_port = m_server->serverPort();
    return true;
}

void LocalIdentityProvider::stop()
{
    if (!m_server)
        return;
    m_server->close();
    delete m_server;
    m_server = nullptr;
}

bool LocalIdentityProvider::isListening() const
{
    return m_server && m_server->isListening();
}

quint16 LocalIdentityProvider::port() const
{
    return isListening() ? m_server->serverPort() : m_port;
}

QString LocalIdentityProvider::issuer() const
{
    return QStringLiteral("http://127.0.0.1:%1/").arg(port());
}

QByteArray LocalIdentityProvider::discoveryDocument() const
{
    const QJsonObject doc{
        {QStringLiteral("issuer"), issuer()},
        {QStringLiteral("jwks_uri"), QString(issuer() + QStringLiteral(".well-known/jwks.json"))},
        {QStringLiteral("id_token_signing_alg_values_supported"), QJsonArray{QStringLiteral("RS256")}},
        {QStringLiteral("response_types_supported"), QJsonArray{QStringLiteral("token")}},
        {QStringLiteral("subject_types_supported"), QJsonArray{QStringLiteral("public")}},
        {QStringLiteral("claims_supported"),
         QJsonArray{QStringLiteral("iss"), QStringLiteral("sub"), QStringLiteral("aud"),
                    QStringLiteral("exp"), QStringLiteral("iat"), QStringLiteral("scope")}},
    };
    return QJsonDocument(doc).toJson(QJsonDocument::Compact);
}

JwkSet LocalIdentityProvider::jwks() const
{
    JwkSet set;
    if (!m_key)
        return set;
    Jwk jwk;
    jwk.kid = m_kid;
    jwk.kty = QStringLiteral("RSA");
    jwk.alg = QStringLiteral("RS256");
    jwk.use = QStringLiteral("sig");
    jwk.key = m_key;
    jwk.json = JwkSet::publicJwk(m_key.get(), m_kid, jwk.alg);
    set.add(jwk);
    return set;
}

QByteArray LocalIdentityProvider::jwksDocument() const
{
    return jwks().toJson();
}

QByteArray LocalIdentityProvider::mint(const JwtMintOptions &options, QString *error)
{
    if (!loadOrCreateKey(error))
        return {};
    const QDateTime issued = options.issuedAt.isValid() ? options.issuedAt
                                                        : QDateTime::currentDateTimeUtc();
    const qint64 iat = issued.toSecsSinceEpoch();
    QJsonObject claims{
        {QStringLiteral("iss"), options.issuer.isEmpty() ? issuer() : options.issuer},
        {QStringLiteral("sub"), options.subject},
        {QStringLiteral("iat"), double(iat)},
        {QStringLiteral("nbf"), double(iat)},
        {QStringLiteral("exp"), double(iat + options.expiresInSeconds)},
        {QStringLiteral("jti"), QString::fromLatin1(AuthCrypto::randomBytes(16).toHex())},
    };
    if (options.audiences.size() == 1)
        claims.insert(QStringLiteral("aud"), options.audiences.first());
    else if (options.audiences.size() > 1)
        claims.insert(QStringLiteral("aud"), QJsonArray::fromStringList(options.audiences));
    if (!options.scopes.isEmpty())
        claims.insert(QStringLiteral("scope"), options.scopes.join(QLatin1Char(' ')));
    for (auto it = options.extraClaims.begin(); it != options.extraClaims.end(); ++it)
        claims.insert(it.key(), it.value());

    const QJsonObject header{
        {QStringLiteral("alg"), options.algNone ? QStringLiteral("none") : QStringLiteral("RS256")},
        {QStringLiteral("typ"), QStringLiteral("JWT")},
        {QStringLiteral("kid"), options.kidOverride.isEmpty() ? m_kid : options.kidOverride},
    };
    PKeyPtr key = m_key;
    if (options.signWithWrongKey)
        key = AuthCrypto::generateRsaKey(2048);
    return JwtSigner::sign(header, claims, key.get(), error);
}

void LocalIdentityProvider::onNewConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
            // GET requests only: everything we need is in the head.
            QByteArray head = socket->property("gwHead").toByteArray() + socket->readAll();
            if (head.size() > 16384) {
                socket->abort();
                return;
            }
            socket->setProperty("gwHead", head);
            if (head.contains("\r\n\r\n") || head.contains("\n\n"))
                serve(socket, head);
        });
    }
}

void LocalIdentityProvider::serve(QTcpSocket *socket, const QByteArray &head)
{
    socket->setProperty("gwHead", QByteArray());
    const QByteArray requestLine = head.left(head.indexOf('\n')).trimmed();
    const QByteArrayList parts = requestLine.split(' ');
    const QByteArray method = parts.value(0);
    QByteArray path = parts.value(1);
    path = path.left(path.indexOf('?') < 0 ? path.size() : path.indexOf('?'));
    while (path.contains("//"))
        path.replace("//", "/");

    int status = 200;
    QByteArray body;
    if (method != "GET" && method != "HEAD") {
        status = 405;
        body = R"({"message":"Method Not Allowed"})";
    } else if (path == "/.well-known/openid-configuration") {
        body = discoveryDocument();
    } else if (path == "/.well-known/jwks.json") {
        body = jwksDocument();
    } else {
        status = 404;
        body = R"({"message":"Not Found"})";
    }
    const QByteArray reason = status == 200 ? "OK" : status == 404 ? "Not Found" : "Method Not Allowed";
    QByteArray response = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason + "\r\n"
        + "Content-Type: application/json\r\n"
        + "Cache-Control: max-age=300\r\n"
        + "Content-Length: " + QByteArray::number(body.size()) + "\r\n"
        + "Connection: close\r\n\r\n";
    if (method != "HEAD")
        response += body;
    socket->write(response);
    socket->disconnectFromHost();
    Q_EMIT requestServed(QString::fromUtf8(path), status);
}

} // namespace Gw::Runtime
