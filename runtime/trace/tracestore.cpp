// The persistent trace history in SQLite (Qt SQL): one writer thread batches inserts in
// transactions and prunes to the retained count, so a burst of requests never waits on disk.
#include "runtime/trace/tracestore.h"

#include "runtime/trace/tracejson.h"

#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QDir>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QThread>
#include <QUuid>

#include <chrono>

#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace Gw::Runtime {

// How long the history writer lets traces gather before a transaction.
constexpr int batchWindowMs = 25;

namespace {

const char schema[] = R"(
CREATE TABLE IF NOT EXISTS traces (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  request_id TEXT UNIQUE NOT NULL,
  started_at INTEGER NOT NULL,
  duration_us INTEGER NOT NULL,
  api_name TEXT, stage TEXT, route_key TEXT,
  method TEXT, path TEXT, status INTEGER, failed INTEGER NOT NULL,
  failing_step TEXT,
  search_text TEXT,
  trace_json BLOB NOT NULL)
)";

QSqlDatabase openConnection(const QString &name, const QString &path, QString *error)
{
    QSqlDatabase db = QSqlDatabase::contains(name) ? QSqlDatabase::database(name, false)
                                                   : QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    // Read connections are named after the store's address: a new store at an old one's address
    // must not read the old file through a connection left open.
    if (db.isOpen() && db.databaseName() != path)
        db.close();
    db.setDatabaseName(path);
    if (!db.isOpen() && !db.open()) {
        *error = QStringLiteral("cannot open trace store %1: %2").arg(path, db.lastError().text());
        return db;
    }
    QSqlQuery q(db);
    q.exec(QStringLiteral("PRAGMA journal_mode=WAL"));
    q.exec(QStringLiteral("PRAGMA synchronous=NORMAL"));
    q.exec(QStringLiteral("PRAGMA busy_timeout=2000"));
    return db;
}

QString searchText(const Trace &t)
{
    QString s = t.path + QLatin1Char('?') + t.rawQuery + QLatin1Char('\n') + t.routeKey
                + QLatin1Char('\n');
    for (const auto &h : t.requestHeaders)
        s += QString::fromLatin1(h.first) + QStringLiteral(": ") + QString::fromUtf8(h.second)
             + QLatin1Char('\n');
    s += QString::fromUtf8(t.requestBody.left(64 * 1024)) + QLatin1Char('\n')
         + QString::fromUtf8(t.responseBody.left(64 * 1024));
    return s;
}

QList<TracePtr> runQuery(QSqlDatabase &db, const TraceQuery &query)
{
    QString sql = QStringLiteral("SELECT trace_json FROM traces WHERE 1=1");
    if (query.failedOnly)
        sql += QStringLiteral(" AND failed = 1");
    if (!query.routeKey.isEmpty())
        sql += QStringLiteral(" AND route_key = :route");
    if (query.statusClass > 0)
        sql += QStringLiteral(" AND status / 100 = :cls");
    if (!query.text.isEmpty())
        sql += QStringLiteral(" AND instr(lower(search_text), lower(:text)) > 0");
    if (query.from.isValid())
        sql += QStringLiteral(" AND started_at >= :from");
    if (query.to.isValid())
        sql += QStringLiteral(" AND started_at <= :to");
    sql += QStringLiteral(" ORDER BY seq DESC LIMIT :limit");
    if (query.offset > 0)
        sql += QStringLiteral(" OFFSET :offset");
    QSqlQuery q(db);
    q.prepare(sql);
    if (!query.routeKey.isEmpty())
        q.bindValue(QStringLiteral(":route"), query.routeKey);
    if (query.statusClass > 0)
        q.bindValue(QStringLiteral(":cls"), query.statusClass);
    if (!query.text.isEmpty())
        q.bindValue(QStringLiteral(":text"), query.text);
    if (query.from.isValid())
        q.bindValue(QStringLiteral(":from"), query.from.toMSecsSinceEpoch());
    if (query.to.isValid())
        q.bindValue(QStringLiteral(":to"), query.to.toMSecsSinceEpoch());
    q.bindValue(QStringLiteral(":limit"), query.limit > 0 ? query.limit : -1);
    if (query.offset > 0)
        q.bindValue(QStringLiteral(":offset"), query.offset);
    QList<TracePtr> result;
    if (!q.exec())
        return result;
    while (q.next()) {
        const QJsonObject o = QJsonDocument::fromJson(q.value(0).toByteArray()).object();
        result.append(std::make_shared<const Trace>(traceFromJson(o)));
    }
    return result;
}

// Deletes what the retention does not keep; returns the rows removed.
qint64 pruneTraces(QSqlDatabase &db, int retainCount, int retainDays)
{
    qint64 removed = 0;
    if (retainCount > 0) {
        QSqlQuery prune(db);
        prune.prepare(QStringLiteral("DELETE FROM traces WHERE seq <= (SELECT MAX(seq) FROM traces) - ?"));
        prune.addBindValue(retainCount);
        if (prune.exec())
            removed += prune.numRowsAffected();
    }
    if (retainDays > 0) {
        QSqlQuery prune(db);
        prune.prepare(QStringLiteral("DELETE FROM traces WHERE started_at < ?"));
        prune.addBindValue(QDateTime::currentDateTimeUtc().addDays(-retainDays).toMSecsSinceEpoch());
        if (prune.exec())
            removed += prune.numRowsAffected();
    }
    return removed;
}

} // namespace

TraceStore::TraceStore(QString path, int retainCount, size_t maxQueued)
    : m_path(std::move(path))
    , m_retainCount(retainCount)
    , m_maxQueued(maxQueued)
{}

TraceStore::~TraceStore()
{
    if (!m_writer.joinable())
        return;
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_all();
    m_writer.join();
}

QString TraceStore::open()
{
    // Create the schema synchronously so open errors are reported to the caller.
    QString error;
    const QString name = QStringLiteral("tracestore-init-") + QUuid::createUuid().toString();
    {
        QSqlDatabase db = openConnection(name, m_path, &error);
        if (error.isEmpty()) {
            QSqlQuery q(db);
            if (!q.exec(QString::fromLatin1(schema)))
                error = QStringLiteral("cannot create trace store schema in %1: %2")
                            .arg(m_path, q.lastError().text());
            q.exec(QStringLiteral("CREATE INDEX IF NOT EXISTS traces_failed ON traces(failed, seq)"));
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    if (!error.isEmpty())
        return error;
    m_open = true;
    m_writer = std::thread([this] { writerLoop(); });
    return {};
}

void TraceStore::append(TracePtr trace)
{
    if (!m_open || !trace)
        return;
    {
        std::lock_guard lock(m_mutex);
        if (m_queue.size() >= m_maxQueued) {
            ++m_dropped;
            return;
        }
        m_queue.push_back(std::move(trace));
        // Wake the writer when a batch starts and when it is half full; in between it is
        // gathering (see writerLoop) and takes the whole queue.
        if (m_queue.size() != 1 && m_queue.size() != m_maxQueued / 2)
            return;
    }
    m_wake.notify_one();
}

qint64 TraceStore::droppedCount() const
{
    std::lock_guard lock(m_mutex);
    return m_dropped;
}

void TraceStore::flush()
{
    std::unique_lock lock(m_mutex);
    m_drained.wait(lock, [this] { return (m_queue.empty() && !m_writing) || !m_writer.joinable(); });
}

void TraceStore::writerLoop()
{
    // The history must never compete with serving: on two cores a full-speed writer took a
    // core from the workers. At nice 19 it writes what idle time allows; the bounded queue drops
    // (and counts) the rest under sustained load.
    setpriority(PRIO_PROCESS, pid_t(syscall(SYS_gettid)), 19);
    const QString name = QStringLiteral("tracestore-writer-") + QUuid::createUuid().toString();
    {
        QString error;
        QSqlDatabase db = openConnection(name, m_path, &error);
        qint64 sincePrune = 0;
        for (;;) {
            std::deque<TracePtr> batch;
            {
                std::unique_lock lock(m_mutex);
                m_wake.wait(lock, [this] { return m_stop || !m_queue.empty(); });
                if (m_queue.empty() && m_stop)
                    break;
                // Let a batch gather: one transaction per few hundred traces instead of one per
                // trace, and one wake of this thread per batch. Writing traces one by one as they
                // came cost a fifth of a warm Lambda call's throughput in the benchmark.
                m_wake.wait_for(lock, std::chrono::milliseconds(batchWindowMs), [this] {
                    return m_stop || m_queue.size() >= m_maxQueued / 2;
                });
                batch.swap(m_queue);
                m_writing = true;
            }
            if (error.isEmpty()) {
                db.transaction();
                QSqlQuery insert(db);
                insert.prepare(QStringLiteral(
                    "INSERT OR REPLACE INTO traces (request_id, started_at, duration_us, api_name, "
                    "stage, route_key, method, path, status, failed, failing_step, search_text, "
                    "trace_json) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)"));
                for (const TracePtr &t : batch) {
                    const TraceStep *failing = t->failingStep();
                    insert.addBindValue(t->requestId);
                    insert.addBindValue(t->startedAt.toMSecsSinceEpoch());
                    insert.addBindValue(t->durationUs);
                    insert.addBindValue(t->apiName);
                    insert.addBindValue(t->stage);
                    insert.addBindValue(t->routeKey);
                    insert.addBindValue(t->method);
                    insert.addBindValue(t->path);
                    insert.addBindValue(t->status);
                    insert.addBindValue(t->failed() ? 1 : 0);
                    insert.addBindValue(failing ? failing->name : QString());
                    insert.addBindValue(searchText(*t));
                    insert.addBindValue(QJsonDocument(traceToJson(*t)).toJson(QJsonDocument::Compact));
                    insert.exec();
                }
                sincePrune += qint64(batch.size());
                int retainCount = 0;
                int retainDays = 0;
                {
                    std::lock_guard lock(m_mutex);
                    retainCount = m_retainCount;
                    retainDays = m_retainDays;
                }
                if (sincePrune >= 500 || (retainCount > 0 && sincePrune >= retainCount)) {
                    pruneTraces(db, retainCount, retainDays);
                    sincePrune = 0;
                }
                db.commit();
            }
            {
                std::lock_guard lock(m_mutex);
                m_writing = false;
            }
            m_drained.notify_all();
        }
        // Final prune so the file honours the retained count after a burst.
        if (error.isEmpty()) {
            std::unique_lock lock(m_mutex);
            const int retainCount = m_retainCount;
            const int retainDays = m_retainDays;
            lock.unlock();
            pruneTraces(db, retainCount, retainDays);
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    m_drained.notify_all();
}

QString TraceStore::readConnectionName() const
{
    return QStringLiteral("tracestore-read-%1-%2")
        .arg(quintptr(this), 0, 16)
        .arg(quintptr(QThread::currentThreadId()), 0, 16);
}

QList<TracePtr> TraceStore::query(const TraceQuery &query) const
{
    QString error;
    QSqlDatabase db = openConnection(readConnectionName(), m_path, &error);
    if (!error.isEmpty())
        return {};
    return runQuery(db, query);
}

TracePtr TraceStore::find(const QString &requestId) const
{
    QString error;
    QSqlDatabase db = openConnection(readConnectionName(), m_path, &error);
    if (!error.isEmpty())
        return {};
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT trace_json FROM traces WHERE request_id = ?"));
    q.addBindValue(requestId);
    if (!q.exec() || !q.next())
        return {};
    return std::make_shared<const Trace>(
        traceFromJson(QJsonDocument::fromJson(q.value(0).toByteArray()).object()));
}

qint64 TraceStore::count() const
{
    QString error;
    QSqlDatabase db = openConnection(readConnectionName(), m_path, &error);
    QSqlQuery q(db);
    if (!error.isEmpty() || !q.exec(QStringLiteral("SELECT COUNT(*) FROM traces")) || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

void TraceStore::setRetention(int count, int days)
{
    std::lock_guard lock(m_mutex);
    m_retainCount = count;
    m_retainDays = days;
}

int TraceStore::retainCount() const
{
    std::lock_guard lock(m_mutex);
    return m_retainCount;
}

int TraceStore::retainDays() const
{
    std::lock_guard lock(m_mutex);
    return m_retainDays;
}

qint64 TraceStore::prune()
{
    QString error;
    QSqlDatabase db = openConnection(readConnectionName(), m_path, &error);
    if (!error.isEmpty())
        return 0;
    return pruneTraces(db, retainCount(), retainDays());
}

qint64 TraceStore::prune(const QString &path, int count, int days)
{
    const QString name = QStringLiteral("tracestore-prune-") + QUuid::createUuid().toString();
    qint64 removed = 0;
    {
        QString error;
        QSqlDatabase db = openConnection(name, path, &error);
        if (error.isEmpty())
            removed = pruneTraces(db, count, days);
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return removed;
}

QString TraceStore::defaultPath()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation);
    QDir().mkpath(dir);
    return dir + QStringLiteral("/traces.sqlite");
}

QList<TracePtr> TraceStore::read(const QString &path, const TraceQuery &query, QString *error)
{
    const QString name = QStringLiteral("tracestore-cli-") + QUuid::createUuid().toString();
    QList<TracePtr> result;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (!db.open()) {
            *error = QStringLiteral("cannot open trace store %1: %2").arg(path, db.lastError().text());
        } else {
            QSqlQuery check(db);
            if (!check.exec(QStringLiteral("SELECT 1 FROM traces LIMIT 1")))
                *error = QStringLiteral("%1 is not an apigw-studio trace store").arg(path);
            else
                result = runQuery(db, query);
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return result;
}

} // namespace Gw::Runtime
