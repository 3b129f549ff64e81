// A bounded, thread-safe, in-memory ring of the most recent traces, searchable by request id.
#include "runtime/trace/tracering.h"

namespace Gw::Runtime {

TraceRing::TraceRing(int capacity)
    : m_capacity(qMax(1, capacity))
{
    m_ring.resize(size_t(m_capacity));
}

void TraceRing::add(TracePtr trace)
{
    if (!trace)
        return;
    QMutexLocker lock(&m_mutex);
    TracePtr &slot = m_ring[size_t(m_head)];
    if (slot) {
        auto it = m_byId.find(slot->requestId);
        if (it != m_byId.end() && it.value() == slot)
            m_byId.erase(it);
    }
    m_byId.insert(trace->requestId, trace);
    slot = std::move(trace);
    m_head = (m_head + 1) % m_capacity;
    m_size = qMin(m_size + 1, m_capacity);
}

TracePtr TraceRing::find(const QString &requestId) const
{
    QMutexLocker lock(&m_mutex);
    return m_byId.value(requestId);
}

QList<TracePtr> TraceRing::latest(int n) const
{
    QMutexLocker lock(&m_mutex);
    QList<TracePtr> out;
    const int count = qMin(qMax(0, n), m_size);
    out.reserve(count);
    for (int i = 1; i <= count; ++i)
        out.append(m_ring[size_t((m_head - i + m_capacity) % m_capacity)]);
    return out;
}

int TraceRing::size() const
{
    QMutexLocker lock(&m_mutex);
    return m_size;
}

int TraceRing::capacity() const
{
    QMutexLocker lock(&m_mutex);
    return m_capacity;
}

void TraceRing::setCapacity(int capacity)
{
    capacity = qMax(1, capacity);
    QList<TracePtr> keep = latest(capacity);
    QMutexLocker lock(&m_mutex);
    m_capacity = capacity;
    m_ring.assign(size_t(capacity), TracePtr());
    m_byId.clear();
    m_head = 0;
    m_size = 0;
    for (auto it = keep.crbegin(); it != keep.crend(); ++it) {
        m_byId.insert((*it)->requestId, *it);
        m_ring[size_t(m_head)] = *it;
        m_head = (m_head + 1) % m_capacity;
        ++m_size;
    }
}

void TraceRing::clear()
{
    QMutexLocker lock(&m_mutex);
    m_ring.assign(size_t(m_capacity), TracePtr());
    m_byId.clear();
    m_head = 0;
    m_size = 0;
}

} // namespace Gw::Runtime
