// Usage-plan quotas (requests per DAY / WEEK / MONTH per API key), counted per period and kept in
// a small JSON file so that restarting the gateway does not reset them. Thread-safe.
#pragma once

#include "model/apidocument.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QMutex>

namespace Gw::Runtime {

class QuotaStore
{
public:
    // `path` empty: $APIGW_STUDIO_QUOTA_FILE, else the app data folder's usage-quotas.json.
    explicit QuotaStore(const QString &path = {});
    ~QuotaStore(); // writes what is not written yet

    static QString defaultPath();
    QString path() const { return m_path; }

    struct Decision
    {
        bool allowed = false;
        qint64 used = 0;      // requests counted in this period, this one included when allowed
        qint64 remaining = 0; // left in this period after this request
        QDateTime periodStart, periodEnd; // UTC
    };

    // Counts one request for `keyId` under `planId` if the quota allows it.
    Decision consume(const QString &planId, const QString &keyId, const Model::QuotaSettings &quota,
                     const QDateTime &nowUtc);

    // The period a moment falls in. AWS: WEEK starts on Sunday + offset days, MONTH on day
    // 1 + offset, DAY at 00:00 UTC.
    static QPair<QDateTime, QDateTime> period(const Model::QuotaSettings &quota, const QDateTime &nowUtc);

    void flush();

private:
    struct Entry
    {
        QString period; // "DAY:2026-11-30T00:00:00Z": a new period starts counting at zero
        qint64 used = 0;
    };
    void loadLocked();
    void writeLocked();

    QString m_path;
    QMutex m_mutex;
    bool m_loaded = false;
    bool m_dirty = false;
    QElapsedTimer m_sinceWrite;
    QHash<QString, Entry> m_entries; // "plan_id/key_id"
};

} // namespace Gw::Runtime
