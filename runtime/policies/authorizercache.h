// Lambda authorizer results cached by identity (AWS: TTL default 300 s, max 3600 s, 0 = off),
// shared by every worker thread.
#pragma once

#include <QHash>
#include <QJsonObject>
#include <QMutex>

#include <chrono>
#include <optional>

namespace Gw::Runtime {

class AuthorizerCache
{
public:
    using Clock = std::chrono::steady_clock;

    std::optional<QJsonObject> find(const QString &key, Clock::time_point now);
    void insert(const QString &key, const QJsonObject &output, int ttlSeconds, Clock::time_point now);
    void clear();

private:
    struct Entry
    {
        QJsonObject output;
        Clock::time_point expires;
    };
    static constexpr int MaxEntries = 10000;
    QMutex m_mutex;
    QHash<QString, Entry> m_entries;
};

} // namespace Gw::Runtime
