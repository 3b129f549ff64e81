// Crash recovery: while the document has unsaved changes, a copy is written every minute to
// AppDataLocation/recovery/ (atomically); saving or closing removes it. Opening a file for which
// a newer copy exists offers to restore it, through a replaceable function so tests never block.
#pragma once

#include <QObject>

#include <functional>

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
    // Asked with the project path and the copy's time; true restores the copy.
    using RestoreFunction = std::function<bool(const QString &filePath, const QDateTime &copyTime)>;

    explicit RecoveryManager(Model::DocumentSession *session, QWidget *dialogParent = nullptr,
                             QObject *parent = nullptr);
    // A normal close: the user has saved or discarded, so the copy goes.
    ~RecoveryManager() override;

    void setRestoreFunction(RestoreFunction f) { m_restore = std::move(f); }
    void setInterval(int milliseconds);
    int interval() const;

    // Where the copy of a project lives ("untitled" for a document never saved).
    static QString recoveryPathFor(const QString &filePath);
    QString currentRecoveryPath() const;

    // Writes the copy now (if modified); error text or empty.
    QString writeCopy();
    // Looks for a copy of the current file newer than the file and offers it; true if restored.
    bool offerRestore();

private:
    void removeCopy(const QString &filePath);
    void updateTimer();

    Model::DocumentSession *m_session;
    QWidget *m_dialogParent;
    QTimer *m_timer;
    RestoreFunction m_restore;
    QString m_path; // the path the copies are currently written for
};

} // namespace Gw::Ui
