// Every token bucket of one gateway, shared by its worker threads.
#include "runtime/policies/throttlebuckets.h"

namespace Gw::Runtime {

size_t qHash(const ThrottleBucketKey &key, size_t seed)
{
    return qHashMulti(seed, int(key.level), key.apiId, key.stage, key.target, key.qualifier);
}

TokenBucket &ThrottleBuckets::bucket(const ThrottleBucketKey &key)
{
    {
        QReadLocker lock(&m_lock);
        auto it = m_buckets.constFind(key);
        if (it != m_buckets.cend())
            return **it;
    }
    QWriteLocker lock(&m_lock);
    std::shared_ptr<TokenBucket> &b = m_buckets[key];
    if (!b)
        b = std::make_shared<TokenBucket>();
    return *b; // buckets are never removed while the gateway runs, so the reference stays valid
}

int ThrottleBuckets::size() const
{
    QReadLocker lock(&m_lock);
    return int(m_buckets.size());
}

} // namespace Gw::Runtime
