// Crash recovery copies. A copy is named after the project's file name plus a hash of its full
// path, so two projects called api.apigw.json never share one.
#include "ui/recoverymanager.h"

#include "model/documentsession.h"
#include "model/serialization/projectfile.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QLockFile>
#include <QMessageBox>
#include <QStandardPaths>
#include <QTimer>
#include <QUuid>

namespace Gw::Ui {

using namespace Gw::Model;

RecoveryManager::RecoveryManager(DocumentSession *session, QWidget *dialogParent, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_dialogParent(dialogParent)
    , m_timer(new QTimer(this))
    , m_path(session->filePath())
    , m_untitledId(QUuid::createUuid().toString(QUuid::Id128).left(12))
{
    m_timer->setInterval(60 * 1000);
    m_restore = [this](const QString &filePath, const QDateTime &copyTime) {
        return QMessageBox::question(
                   m_dialogParent, tr("Restore Unsaved Changes?"),
                   tr("%1 has unsaved changes from a session that did not end normally (saved %2).\n\n"
                      "Restore them?")
                       .arg(filePath.isEmpty() ? tr("An untitled project") : QFileInfo(filePath).fileName(),
                            QLocale().toString(copyTime, QLocale::ShortFormat)),
                   QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes)
               == QMessageBox::Yes;
    };
    connect(m_timer, &QTimer::timeout, this, [this] { writeCopy(); });
    connect(m_session, &DocumentSession::modifiedChanged, this, [this](bool modified) {
        if (!modified)
            removeCopy(m_path); // saved, undone to the saved state, or closed
        updateTimer();
    });
    connect(m_session, &DocumentSession::filePathChanged, this, [this](const QString &path) {
        // An untitled copy goes once the document has a file (its copies follow the file's name).
        if (!m_session->isModified() || m_path.isEmpty())
            removeCopy(m_path);
        m_path = path;
        offerRestore();
        updateTimer();
    });
    updateTimer();
}

RecoveryManager::~RecoveryManager()
{
    removeCopy(m_path);
}

namespace {
QString recoveryDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QLatin1String("/recovery/");
}
const QLatin1String UntitledPrefix("untitled-");
const QLatin1String Suffix(".apigw.json");
} // namespace

void RecoveryManager::setInterval(int milliseconds)
{
    m_timer->setInterval(milliseconds);
}

int RecoveryManager::interval() const
{
    return m_timer->interval();
}

QString RecoveryManager::recoveryPathFor(const QString &filePath)
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QLatin1String("/recovery/");
    if (filePath.isEmpty())
        return dir + QLatin1String("untitled.apigw.json");
    const QFileInfo info(filePath);
    const QByteArray hash = QCryptographicHash::hash(info.absoluteFilePath().toUtf8(), QCryptographicHash::Sha1).toHex().left(12);
    QString base = info.fileName();
    if (base.endsWith(QLatin1String(".apigw.json")))
        base.chop(int(qstrlen(".apigw.json")));
    return dir + base + QLatin1Char('-') + QString::fromLatin1(hash) + QLatin1String(".apigw.json");
}

QString RecoveryManager::copyPathFor(const QString &filePath) const
{
    return filePath.isEmpty() ? QString(recoveryDir() + UntitledPrefix + m_untitledId + Suffix) : recoveryPathFor(filePath);
}

QString RecoveryManager::currentRecoveryPath() const
{
    return copyPathFor(m_path);
}

QStringList RecoveryManager::orphanedUntitledCopies()
{
    QDir dir(recoveryDir());
    QStringList out;
    const QFileInfoList copies = dir.entryInfoList({QString(UntitledPrefix) + QLatin1Char('*') + Suffix}, QDir::Files, QDir::Time);
    for (const QFileInfo &copy : copies) {
        // A live session holds the lock; a crashed one left a stale lock (or none).
        QLockFile lock(copy.absoluteFilePath() + QLatin1String(".lock"));
        lock.setStaleLockTime(0);
        if (lock.tryLock(0))
            out << copy.absoluteFilePath(); // released again when `lock` goes
    }
    return out;
}

bool RecoveryManager::offerUntitledRestore()
{
    if (!m_path.isEmpty() || m_session->isModified())
        return false;
    for (const QString &copy : orphanedUntitledCopies()) {
        QLockFile lock(copy + QLatin1String(".lock"));
        if (!lock.tryLock(0))
            continue; // another starting session took it
        const QDateTime time = QFileInfo(copy).lastModified();
        Result<ApiDocument> recovered = ProjectFile::load(copy);
        const bool restore = recovered && m_restore && m_restore(QString(), time);
        QFile::remove(copy); // restored (now this session's, unsaved) or declined
        lock.unlock();
        if (restore) {
            const ApiDocument doc = recovered.value();
            m_session->edit(tr("Restore unsaved changes"), [doc](ApiDocument &d) { d = doc; });
            return true;
        }
    }
    return false;
}

QString RecoveryManager::writeCopy()
{
    if (!m_session->isModified())
        return {};
    const QString target = currentRecoveryPath();
    QDir().mkpath(QFileInfo(target).absolutePath());
    if (m_path.isEmpty() && !m_untitledLock) {
        // The lock tells a later start that this copy's session is still running.
        m_untitledLock = std::make_unique<QLockFile>(target + QLatin1String(".lock"));
        m_untitledLock->setStaleLockTime(0);
        if (!m_untitledLock->tryLock(0))
            m_untitledLock.reset();
    }
    // ProjectFile::write saves through QSaveFile: a crash mid-write leaves the last good copy.
    return ProjectFile::write(m_session->document(), target);
}

bool RecoveryManager::offerRestore()
{
    if (m_path.isEmpty())
        return false;
    const QString copy = currentRecoveryPath();
    const QFileInfo copyInfo(copy);
    const QFileInfo fileInfo(m_path);
    if (!copyInfo.exists())
        return false;
    if (fileInfo.exists() && copyInfo.lastModified() <= fileInfo.lastModified()) {
        QFile::remove(copy); // older than the file: the file has what the copy had, or more
        return false;
    }
    Result<ApiDocument> recovered = ProjectFile::load(copy);
    if (!recovered || !m_restore || !m_restore(m_path, copyInfo.lastModified())) {
        QFile::remove(copy);
        return false;
    }
    const ApiDocument doc = recovered.value();
    // One undo step: undoing it gives back the file as it is on disk.
    m_session->edit(tr("Restore unsaved changes"), [doc](ApiDocument &d) { d = doc; });
    return true;
}

void RecoveryManager::removeCopy(const QString &filePath)
{
    const QString copy = copyPathFor(filePath);
    if (QFile::exists(copy))
        QFile::remove(copy);
    if (filePath.isEmpty())
        m_untitledLock.reset(); // unlocks and removes the lock file
}

void RecoveryManager::updateTimer()
{
    if (m_session->isModified() && !m_timer->isActive())
        m_timer->start();
    else if (!m_session->isModified())
        m_timer->stop();
}

} // namespace Gw::Ui
