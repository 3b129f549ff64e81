// Lambda authorizer results cached by identity, shared by every worker thread.
#include "runtime/policies/authorizercache.h"

namespace Gw::Runtime {

std::optional<QJsonObject> AuthorizerCache::find(const QString &key, Clock::time_point now)
{
    QMutexLocker lock(&m_mutex);
    auto it = m_entries.find(key);
    if (it == m_entries.end())
        return std::nullopt;
    if (it->expires <= now) {
        m_entries.erase(it);
        return std::nullopt;
    }
    return it->output;
}

void AuthorizerCache::insert(const QString &key, const QJsonObject &output, int ttlSeconds, Clock::time_point now)
{
    if (ttlSeconds <= 0)
        return;
    QMutexLocker lock(&m_mutex);
    if (m_entries.size() >= MaxEntries) {
        // Drop what expired; if everything is live, start over rather than grow without bound.
        for (auto it = m_entries.begin(); it != m_entries.end();)
            it = it->expires <= now ? m_entries.erase(it) : std::next(it);
        if (m_entries.size() >= MaxEntries)
            m_entries.clear();
    }
    m_entries.insert(key, {output, now + std::chrono::seconds(qMin(ttlSeconds, 3600))});
}

void AuthorizerCache::clear()
{
    QMutexLocker lock(&m_mutex);
    m_entries.clear();
}

} // namespace Gw::Runtime
