// Usage-plan quotas counted per period and persisted in a small JSON file.
#include "runtime/policies/quotastore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>

namespace Gw::Runtime {

namespace {
// Counts are written at most this often while serving (and always on shutdown): a write per
// request would put file I/O on the hot path of plans with quotas.
constexpr qint64 writeIntervalMs = 1000;
} // namespace

QuotaStore::QuotaStore(const QString &path)
    : m_path(path.isEmpty() ? defaultPath() : path)
{}

QuotaStore::~QuotaStore()
{
    flush();
}

QString QuotaStore::defaultPath()
{
    const QString env = qEnvironmentVariable("APIGW_STUDIO_QUOTA_FILE");
    if (!env.isEmpty())
        return env;
    QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    if (dir.isEmpty())
        dir = QDir::homePath() + QStringLiteral("/.local/share/apigw-studio");
    return dir + QStringLiteral("/usage-quotas.json");
}

QPair<QDateTime, QDateTime> QuotaStore::period(const Model::QuotaSettings &quota, const QDateTime &nowUtc)
{
    const QDateTime now = nowUtc.toUTC();
    const QDate today = now.date();
    QDate start;
    QDate end;
    switch (quota.period) {
    case Model::QuotaPeriod::Day:
        start = today;
        end = today.addDays(1);
        break;
    case Model::QuotaPeriod::Week: {
        // Qt: Monday = 1 … Sunday = 7; AWS: offset 0 = Sunday.
        const int startDay = ((quota.offset % 7) + 7) % 7; // 0 = Sunday
        const int todayDay = today.dayOfWeek() % 7;        // 0 = Sunday
        start = today.addDays(-((todayDay - startDay + 7) % 7));
        end = start.addDays(7);
        break;
    }
    case Model::QuotaPeriod::Month: {
        const int offset = qBound(0, quota.offset, 27);
        start = QDate(today.year(), today.month(), 1).addDays(offset);
        if (start > today)
            start = start.addMonths(-1);
        end = start.addMonths(1);
        break;
    }
    }
    return {QDateTime(start, QTime(0, 0), Qt::UTC), QDateTime(end, QTime(0, 0), Qt::UTC)};
}

QuotaStore::Decision QuotaStore::consume(const QString &planId, const QString &keyId,
                                         const Model::QuotaSettings &quota, const QDateTime &nowUtc)
{
    const auto [start, end] = period(quota, nowUtc);
    const QString periodId = Model::toString(quota.period) + QLatin1Char(':')
                             + start.toString(Qt::ISODate);
    QMutexLocker lock(&m_mutex);
    if (!m_loaded)
        loadLocked();
    Entry &e = m_entries[planId + QLatin1Char('/') + keyId];
    if (e.period != periodId) {
        e.period = periodId;
        e.used = 0;
    }
    Decision d;
    d.periodStart = start;
    d.periodEnd = end;
    d.allowed = e.used < quota.limit;
    if (d.allowed) {
        ++e.used;
        m_dirty = true;
    }
    d.used = e.used;
    d.remaining = qMax<qint64>(0, quota.limit - e.used);
    if (m_dirty && (!m_sinceWrite.isValid() || m_sinceWrite.elapsed() >= writeIntervalMs))
        writeLocked();
    return d;
}

void QuotaStore::flush()
{
    QMutexLocker lock(&m_mutex);
    if (m_dirty)
        writeLocked();
}

void QuotaStore::loadLocked()
{
    m_loaded = true;
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly))
        return; // first run: nothing counted yet
    const QJsonObject entries = QJsonDocument::fromJson(file.readAll()).object().value(QLatin1String("entries")).toObject();
    for (auto it = entries.begin(); it != entries.end(); ++it) {
        const QJsonObject o = it.value().toObject();
        m_entries.insert(it.key(), {o.value(QLatin1String("period")).toString(),
                                    qint64(o.value(QLatin1String("used")).toDouble())});
    }
}

void QuotaStore::writeLocked()
{
    QJsonObject entries;
    for (auto it = m_entries.cbegin(); it != m_entries.cend(); ++it)
        entries.insert(it.key(), QJsonObject{{QStringLiteral("period"), it->period},
                                             {QStringLiteral("used"), double(it->used)}});
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    QSaveFile file(m_path);
    if (file.open(QIODevice::WriteOnly)) {
        file.write(QJsonDocument(QJsonObject{{QStringLiteral("formatVersion"), 1},
                                             {QStringLiteral("entries"), entries}})
                       .toJson(QJsonDocument::Indented));
        if (file.commit())
            m_dirty = false;
    }
    m_sinceWrite.restart();
}

} // namespace Gw::Runtime
