// A bounded, thread-safe, in-memory ring of the most recent traces, searchable by request id.
#pragma once

#include "runtime/trace/trace.h"

#include <QHash>
#include <QList>
#include <QMutex>

#include <vector>

namespace Gw::Runtime {

class TraceRing
{
public:
    static constexpr int DefaultCapacity = 1000;

    explicit TraceRing(int capacity = DefaultCapacity);

    void add(TracePtr trace); // evicts the oldest when full
    TracePtr find(const QString &requestId) const;
    QList<TracePtr> latest(int n) const; // newest first
    int size() const;
    int capacity() const;
    void setCapacity(int capacity); // keeps the newest traces that still fit
    void clear();

private:
    mutable QMutex m_mutex;
    std::vector<TracePtr> m_ring; // m_capacity slots
    QHash<QString, TracePtr> m_byId;
    int m_capacity = DefaultCapacity;
    int m_head = 0; // next slot written
    int m_size = 0;
};

} // namespace Gw::Runtime
