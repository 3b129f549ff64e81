// The persistent trace history: an SQLite file written off the request path by one writer thread.
#pragma once

#include "runtime/trace/trace.h"

#include <QDateTime>
#include <QString>

#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

namespace Gw::Runtime {

struct TraceQuery
{
    bool failedOnly = false;
    int limit = 100;       // newest first
    QString text;          // searched in path, route, headers and bodies
    QString routeKey;      // exact
    int statusClass = 0;   // 2, 4, 5 for 2xx/4xx/5xx; 0 = any
    QDateTime from, to;    // optional time range (UTC)
    int offset = 0;        // rows skipped (newest first): the history's next page
};

class TraceStore
{
public:
    // retainCount: the newest traces kept; older ones are pruned as new ones arrive.
    explicit TraceStore(QString path, int retainCount = 100000, size_t maxQueued = 500);
    ~TraceStore(); // flushes what is queued

    // Opens (creating the schema if needed) and starts the writer. Error text or empty.
    QString open();
    QString path() const { return m_path; }

    // Never blocks on I/O: queues for the writer thread. Safe from any thread. When the writer
    // falls maxQueued traces behind (a load test faster than SQLite), newer traces are dropped
    // from the history and counted, so memory stays bounded; the in-memory ring still has them.
    void append(TracePtr trace);
    // Traces not written because the writer was behind.
    qint64 droppedCount() const;
    // Waits until everything appended so far is written (tests, shutdown).
    void flush();

    // Reads with a connection of the calling thread's own.
    QList<TracePtr> query(const TraceQuery &query) const;
    TracePtr find(const QString &requestId) const;
    qint64 count() const;

    // Retention: the newest `count` calls are kept (<= 0: no limit by count), and calls older
    // than `days` days are removed (<= 0: no limit by age). Applied by the writer as it writes;
    // prune() applies it now (on the caller's thread) and returns the number of calls removed.
    void setRetention(int count, int days);
    int retainCount() const;
    int retainDays() const;
    qint64 prune();
    // The same on a store file by path, with its own connection (any thread).
    static qint64 prune(const QString &path, int count, int days);

    // The default history file in the user's data folder (GUI and serve without --trace-db).
    static QString defaultPath();

    // Opens an existing store read-only for the CLI (`traces`), without a writer.
    static QList<TracePtr> read(const QString &path, const TraceQuery &query, QString *error);

private:
    void writerLoop();
    QString readConnectionName() const;

    QString m_path;
    int m_retainCount;
    int m_retainDays = 0;
    size_t m_maxQueued;
    std::thread m_writer;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::condition_variable m_drained;
    std::deque<TracePtr> m_queue;
    bool m_writing = false;
    bool m_stop = false;
    bool m_open = false;
    qint64 m_dropped = 0;
};

} // namespace Gw::Runtime
