// Fetches and caches issuers' JWKS through OIDC discovery, with AWS's timeouts and size limits.
#include "jwksclient.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace Gw::Runtime {

JwksClient::JwksClient(QObject *parent)
    : QObject(parent)
    , m_network(new QNetworkAccessManager(this))
{}

JwksClient::~JwksClient() = default;

QUrl JwksClient::discoveryUrl(const QString &issuer)
{
    QString base = issuer;
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    return QUrl(base + QStringLiteral("/.well-known/openid-configuration"));
}

std::optional<JwkSet> JwksClient::cached(const QString &issuer) const
{
    QMutexLocker lock(&m_mutex);
    return m_cache.value(issuer).keys;
}

void JwksClient::setCached(const QString &issuer, const JwkSet &keys)
{
    QMutexLocker lock(&m_mutex);
    Entry &e = m_cache[issuer];
    e.keys = keys;
    e.lastAttempt = QDateTime::currentDateTimeUtc();
}

void JwksClient::clearCache()
{
    QMutexLocker lock(&m_mutex);
    m_cache.clear();
}

void JwksClient::keysFor(const QString &issuer, const QString &kid, Callback callback)
{
    {
        QMutexLocker lock(&m_mutex);
        const Entry e = m_cache.value(issuer);
        if (e.keys && (kid.isEmpty() || e.keys->find(kid))) {
            lock.unlock();
            callback({true, *e.keys, {}, true});
            return;
        }
        // Unknown kid: refetch, unless the issuer was asked very recently (rate limit).
        const bool recent = e.lastAttempt.isValid()
            && e.lastAttempt.secsTo(QDateTime::currentDateTimeUtc()) < m_minRefetchSeconds;
        if (e.keys && recent) {
            lock.unlock();
            callback({true, *e.keys, {}, true});
            return;
        }
        if (!e.keys && recent && !m_pending.contains(issuer)) {
            lock.unlock();
            callback({false, {}, QStringLiteral("the JWKS of %1 could not be retrieved recently; "
                                                "retrying later").arg(issuer), true});
            return;
        }
        QList<Callback> &waiting = m_pending[issuer];
        waiting.append(std::move(callback));
        if (waiting.size() > 1)
            return;
    }
    startFetch(issuer);
}

QNetworkReply *JwksClient::get(const QUrl &url)
{
    QNetworkRequest request(url);
    request.setTransferTimeout(m_timeoutMs);
    request.setRawHeader("Accept", "application/json");
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::NoLessSafeRedirectPolicy);
    QNetworkReply *reply = m_network->get(request);
    // Stop downloading as soon as the body exceeds the limit.
    connect(reply, &QNetworkReply::downloadProgress, reply, [this, reply](qint64 received, qint64) {
        if (received > m_maxBytes) {
            reply->setProperty("gwTooLarge", true);
            reply->abort();
        }
    });
    return reply;
}

bool JwksClient::readLimited(QNetworkReply *reply, QByteArray *body, QString *error) const
{
    const QByteArray data = reply->isOpen() ? reply->readAll() : QByteArray();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (data.size() > m_maxBytes || reply->property("gwTooLarge").toBool()) {
        *error = QStringLiteral("%1: response exceeds %2 bytes").arg(reply->url().toString()).arg(m_maxBytes);
        return false;
    }
    if (reply->error() != QNetworkReply::NoError) {
        *error = QStringLiteral("%1: %2").arg(reply->url().toString(), reply->errorString());
        return false;
    }
    if (status != 200) {
        *error = QStringLiteral("%1: HTTP %2").arg(reply->url().toString()).arg(status);
        return false;
    }
    *body = data;
    return true;
}

void JwksClient::startFetch(const QString &issuer)
{
    ++m_fetchCount;
    QNetworkReply *discovery = get(discoveryUrl(issuer));
    connect(discovery, &QNetworkReply::finished, this, [this, issuer, discovery] {
        discovery->deleteLater();
        QByteArray body;
        QString error;
        if (!readLimited(discovery, &body, &error)) {
            finish(issuer, {false, {}, QStringLiteral("OIDC discovery failed: ") + error, false});
            return;
        }
        const QJsonObject doc = QJsonDocument::fromJson(body).object();
        const QUrl jwksUri(doc.value(QStringLiteral("jwks_uri")).toString());
        if (!jwksUri.isValid() || jwksUri.isRelative()) {
            finish(issuer, {false, {}, QStringLiteral("OIDC discovery document of %1 has no valid "
                                                      "jwks_uri").arg(issuer), false});
            return;
        }
        QNetworkReply *jwks = get(jwksUri);
        connect(jwks, &QNetworkReply::finished, this, [this, issuer, jwks] {
            jwks->deleteLater();
            QByteArray body;
            QString error;
            if (!readLimited(jwks, &body, &error)) {
                finish(issuer, {false, {}, QStringLiteral("JWKS fetch failed: ") + error, false});
                return;
            }
            auto set = JwkSet::fromJson(body, &error);
            if (!set) {
                finish(issuer, {false, {}, error, false});
                return;
            }
            finish(issuer, {true, *set, {}, false});
        });
    });
}

void JwksClient::finish(const QString &issuer, const JwksFetchResult &result)
{
    QList<Callback> callbacks;
    JwksFetchResult delivered = result;
    {
        QMutexLocker lock(&m_mutex);
        Entry &e = m_cache[issuer];
        e.lastAttempt = QDateTime::currentDateTimeUtc();
        if (result.ok) {
            e.keys = result.keys;
        } else if (e.keys) {
            // Keep serving the last good keys when a refresh fails.
            delivered = {true, *e.keys, {}, true};
        }
        callbacks = m_pending.take(issuer);
    }
    Q_EMIT fetched(issuer, result.ok, result.error);
    for (const Callback &cb : std::as_const(callbacks))
        cb(delivered);
}

void JwksClient::verify(const QByteArray &token, const JwtAuthorizerConfig &config,
                        const QDateTime &now, std::function<void(const JwtVerifyResult &)> callback)
{
    const auto jwt = Jwt::parse(Jwt::tokenFromIdentity(token));
    if (!jwt) {
        callback(JwtVerifier::verify(token, JwkSet(), config, now)); // reports the parse error
        return;
    }
    keysFor(config.issuer, jwt->keyId(), [token, config, now, callback](const JwksFetchResult &r) {
        if (!r.ok) {
            JwtVerifyResult failed;
            failed.failure = JwtVerifier::failure(JwtFailureKind::KeysUnavailable,
                                                  QStringLiteral("unable to retrieve the JWKS of "
                                                                 "the issuer"));
            callback(failed);
            return;
        }
        callback(JwtVerifier::verify(token, r.keys, config, now));
    });
}

} // namespace Gw::Runtime
