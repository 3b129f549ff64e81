// Crash recovery: while the document has unsaved changes, a copy is written every minute to
// AppDataLocation/recovery/ (atomically); saving or closing removes it. Opening a file for which
// a newer copy exists offers to restore it, through a replaceable function so tests never block.
// An untitled (never saved) document gets a copy too, "untitled-<id>.apigw.json" guarded by a
// lock file while its session runs; on the next start a copy whose lock is stale (its session
// ended without removing it) is offered (offerUntitledRestore).
#pragma once

#include <QObject>

#include <functional>
#include <memory>

class QLockFile;
class QTimer;
class QWidget;

namespace Gw::Model {
class DocumentSession;
}

namespace Gw::Ui {

class RecoveryManager : public QObject
{
    Q_OBJECT
public:
    // Asked with the project path ("" for an untitled document) and the copy's time; true
    // restores the copy.
    using RestoreFunction = std::function<bool(const QString &filePath, const QDateTime &copyTime)>;

    explicit RecoveryManager(Model::DocumentSession *session, QWidget *dialogParent = nullptr,
                             QObject *parent = nullptr);
    // A normal close: the user has saved or discarded, so the copy goes.
    ~RecoveryManager() override;

    void setRestoreFunction(RestoreFunction f) { m_restore = std::move(f); }
    void setInterval(int milliseconds);
    int interval() const;

    // Where the copy of a saved project lives (named after the file and a hash of its path).
    static QString recoveryPathFor(const QString &filePath);
    // Where this session's copy lives: recoveryPathFor(path), or untitled-<id>.apigw.json.
    QString currentRecoveryPath() const;
    // Copies of untitled documents whose session is gone (lock free), newest first.
    static QStringList orphanedUntitledCopies();

    // Writes the copy now (if modified); error text or empty.
    QString writeCopy();
    // Looks for a copy of the current file newer than the file and offers it; true if restored.
    bool offerRestore();
    // When the current document is untitled and unchanged: offers the newest orphaned untitled
    // copy (one undo step when restored); a declined copy is removed. True if restored.
    bool offerUntitledRestore();

private:
    void removeCopy(const QString &filePath);
    QString copyPathFor(const QString &filePath) const;
    void updateTimer();

    Model::DocumentSession *m_session;
    QWidget *m_dialogParent;
    QTimer *m_timer;
    RestoreFunction m_restore;
    QString m_path; // the path the copies are currently written for
    QString m_untitledId; // names this session's untitled copy
    std::unique_ptr<QLockFile> m_untitledLock; // held while the untitled copy exists
};

} // namespace Gw::Ui
