// Every token bucket of one gateway, shared by its worker threads and found by what it limits
// (an API stage's method or route, a usage plan's key). Lookups copy no string data and allocate
// nothing once a bucket exists; its first request creates it.
#pragma once

#include "runtime/policies/tokenbucket.h"

#include <QHash>
#include <QReadWriteLock>
#include <QString>

#include <memory>

namespace Gw::Runtime {

struct ThrottleBucketKey
{
    enum class Level { Method, UsagePlanKey };
    Level level = Level::Method;
    QString apiId;
    QString stage;
    QString target;  // Method: REST resource path or HTTP route key; UsagePlanKey: plan id
    QString qualifier; // Method: REST HTTP method; UsagePlanKey: API key id

    bool operator==(const ThrottleBucketKey &) const = default;
};

size_t qHash(const ThrottleBucketKey &key, size_t seed = 0);

class ThrottleBuckets
{
public:
    TokenBucket &bucket(const ThrottleBucketKey &key);
    int size() const;

private:
    mutable QReadWriteLock m_lock;
    QHash<ThrottleBucketKey, std::shared_ptr<TokenBucket>> m_buckets;
};

} // namespace Gw::Runtime
