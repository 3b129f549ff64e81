// Fetches and caches issuers' JWKS through OIDC discovery, with AWS's timeouts and size limits.
#pragma once

#include "jwk.h"
#include "jwtverifier.h"

#include <QDateTime>
#include <QHash>
#include <QMutex>
#include <QObject>
#include <QUrl>

#include <functional>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;

namespace Gw::Runtime {

struct JwksFetchResult
{
    bool ok = false;
    JwkSet keys;
    QString error;
    bool fromCache = false;
};

// Lives in one thread (uses QNetworkAccessManager); cached() may be called from any thread.
class JwksClient : public QObject
{
    Q_OBJECT

public:
    using Callback = std::function<void(const JwksFetchResult &)>;

    explicit JwksClient(QObject *parent = nullptr);
    ~JwksClient() override;

    // AWS: OIDC discovery and JWKS requests time out after 1500 ms; JWKS ≤ 150 000 bytes.
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }
    void setMaxResponseBytes(qint64 bytes) { m_maxBytes = bytes; }
    // An unknown kid triggers a refetch, but at most once per this many seconds per issuer.
    void setMinimumRefetchSeconds(int seconds) { m_minRefetchSeconds = seconds; }

    std::optional<JwkSet> cached(const QString &issuer) const;
    void setCached(const QString &issuer, const JwkSet &keys);
    void clearCache();
    int fetchCount() const { return m_fetchCount; } // network round trips started (for tests)

    // Calls back with the issuer's keys: from the cache when it knows `kid` (or kid is empty),
    // otherwise after (re)fetching; concurrent requests for one issuer share one fetch.
    void keysFor(const QString &issuer, const QString &kid, Callback callback);
    // Fetch (if needed) and verify in one step; the callback receives the authorizer verdict.
    void verify(const QByteArray &token, const JwtAuthorizerConfig &config, const QDateTime &now,
                std::function<void(const JwtVerifyResult &)> callback);

    static QUrl discoveryUrl(const QString &issuer);

Q_SIGNALS:
    void fetched(const QString &issuer, bool ok, const QString &error);

private:
    struct Entry
    {
        std::optional<JwkSet> keys;
        QDateTime lastAttempt;
    };

    void startFetch(const QString &issuer);
    QNetworkReply *get(const QUrl &url);
    bool readLimited(QNetworkReply *reply, QByteArray *body, QString *error) const;
    void finish(const QString &issuer, const JwksFetchResult &result);

    QNetworkAccessManager *m_network = nullptr;
    mutable QMutex m_mutex;
    QHash<QString, Entry> m_cache;
    QHash<QString, QList<Callback>> m_pending;
    int m_timeoutMs = 1500;
    qint64 m_maxBytes = 150000;
    int m_minRefetchSeconds = 60;
    int m_fetchCount = 0;
};

} // namespace Gw::Runtime
