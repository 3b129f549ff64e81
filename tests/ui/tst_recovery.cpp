// Crash recovery (offscreen): a modified document gets a recovery copy on the timer, saving and
// closing remove it, and opening a file with a newer copy offers to restore it as one undo step.
#include "model/documentsession.h"
#include "model/serialization/projectfile.h"
#include "runtime/runtimehost.h"
#include "ui/mainwindow.h"
#include "ui/recoverymanager.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Gw;

namespace {
QString sample(const char *name)
{
    return QStringLiteral(GW_SOURCE_DIR "/resources/samples/") + QLatin1String(name);
}

QString copyOfSample(const QTemporaryDir &dir)
{
    const QString path = dir.filePath(QStringLiteral("shop.apigw.json"));
    QFile::copy(sample("petstore-rest.apigw.json"), path);
    QFile(path).setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return path;
}

void rename(Model::DocumentSession &session, const QString &name)
{
    session.edit(QStringLiteral("Rename"), [name](Model::ApiDocument &d) { d.apis.first().name = name; });
}
} // namespace

class TestRecovery : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("apigw-studio-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_recovery"));
        QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QLatin1String("/recovery")).removeRecursively();
    }

    void copyWrittenWhileModifiedRemovedOnSave()
    {
        QTemporaryDir dir;
        const QString file = copyOfSample(dir);
        Model::DocumentSession session;
        QVERIFY(session.open(file).isEmpty());
        Ui::RecoveryManager recovery(&session);
        QCOMPARE(recovery.interval(), 60 * 1000); // every minute by default
        recovery.setInterval(20);
        const QString copy = recovery.currentRecoveryPath();
        QVERIFY(copy.startsWith(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QLatin1String("/recovery/")));
        QVERIFY(copy != Ui::RecoveryManager::recoveryPathFor(QStringLiteral("/elsewhere/shop.apigw.json")));

        QTest::qWait(80);
        QVERIFY(!QFile::exists(copy)); // nothing unsaved, nothing written

        rename(session, QStringLiteral("Recovered"));
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(copy), 2000);
        Model::Result<Model::ApiDocument> loaded = Model::ProjectFile::load(copy);
        QVERIFY(loaded.ok());
        QVERIFY(loaded.value() == session.document());

        QVERIFY(session.save().isEmpty());
        QVERIFY(!QFile::exists(copy)); // saved: the copy goes
        QTest::qWait(80);
        QVERIFY(!QFile::exists(copy)); // and the timer stopped with the changes

        rename(session, QStringLiteral("Again"));
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(copy), 2000);
        session.undoStack()->undo(); // back to the saved state
        QVERIFY(!QFile::exists(copy));
    }

    void closingRemovesTheCopy()
    {
        QTemporaryDir dir;
        const QString file = copyOfSample(dir);
        Model::DocumentSession session;
        QVERIFY(session.open(file).isEmpty());
        QString copy;
        {
            Ui::RecoveryManager recovery(&session);
            rename(session, QStringLiteral("Unsaved"));
            QVERIFY(recovery.writeCopy().isEmpty());
            copy = recovery.currentRecoveryPath();
            QVERIFY(QFile::exists(copy));
        }
        QVERIFY(!QFile::exists(copy));
    }

    void newerCopyIsOfferedOnOpen()
    {
        QTemporaryDir dir;
        const QString file = copyOfSample(dir);
        // A copy left behind by a session that crashed: newer than the file, with a change.
        Model::Result<Model::ApiDocument> onDisk = Model::ProjectFile::load(file);
        QVERIFY(onDisk.ok());
        Model::ApiDocument crashed = onDisk.value();
        crashed.apis.first().name = QStringLiteral("CrashedEdit");
        const QString copy = Ui::RecoveryManager::recoveryPathFor(file);
        QDir().mkpath(QFileInfo(copy).absolutePath());
        auto plantCopy = [&] {
            QVERIFY(Model::ProjectFile::write(crashed, copy).isEmpty());
            QFile f(copy);
            QVERIFY(f.open(QIODevice::ReadWrite));
            QVERIFY(f.setFileTime(QFileInfo(file).lastModified().addSecs(30), QFileDevice::FileModificationTime));
        };
        plantCopy();

        Model::DocumentSession session;
        Runtime::RuntimeHost host;
        Ui::MainWindow window(&session, &host);
        window.setConfirmFunction([](const QString &) { return Ui::MainWindow::SaveChoice::Discard; });
        QVERIFY(window.recoveryManager());
        QStringList asked;
        bool answer = true;
        window.recoveryManager()->setRestoreFunction([&](const QString &path, const QDateTime &) {
            asked << path;
            return answer;
        });

        QVERIFY(window.openFile(file));
        QCOMPARE(asked, QStringList{file});
        QCOMPARE(session.document().apis.first().name, QStringLiteral("CrashedEdit"));
        QVERIFY(session.isModified());
        QCOMPARE(session.undoStack()->count(), 1);
        session.undoStack()->undo(); // the file as it is on disk
        QVERIFY(session.document() == onDisk.value());
        session.undoStack()->redo();

        // Declining removes the copy and keeps the file's content.
        session.reset(Model::ApiDocument{});
        plantCopy();
        answer = false;
        QVERIFY(window.openFile(file));
        QCOMPARE(asked.size(), 2);
        QVERIFY(session.document() == onDisk.value());
        QVERIFY(!session.isModified());
        QVERIFY(!QFile::exists(copy));

        // A copy older than the file is not offered (the file was saved after it).
        session.reset(Model::ApiDocument{});
        QVERIFY(Model::ProjectFile::write(crashed, copy).isEmpty());
        {
            QFile f(copy);
            QVERIFY(f.open(QIODevice::ReadWrite));
            QVERIFY(f.setFileTime(QFileInfo(file).lastModified().addSecs(-30), QFileDevice::FileModificationTime));
        }
        QVERIFY(window.openFile(file));
        QCOMPARE(asked.size(), 2);
        QVERIFY(session.document() == onDisk.value());
        QVERIFY(!QFile::exists(copy));
    }

    // An untitled (never saved) document gets a copy too, locked while its session runs; a copy
    // whose session is gone is offered on the next start.
    void untitledDocumentsAreRecovered()
    {
        const QString recoveryDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QLatin1String("/recovery");
        Model::ApiDocument blank;
        blank.name = QStringLiteral("Untitled");
        Model::ApiDocument edited;
        {
            Model::DocumentSession session;
            QVERIFY(!Model::hasErrors(session.open(sample("petstore-rest.apigw.json"))));
            edited = session.document();
        }
        edited.name = QStringLiteral("Untitled");

        QString copy;
        {
            Model::DocumentSession session;
            session.reset(blank);
            Ui::RecoveryManager recovery(&session);
            recovery.setInterval(20);
            copy = recovery.currentRecoveryPath();
            QVERIFY(QFileInfo(copy).fileName().startsWith(QStringLiteral("untitled-")));
            session.edit(QStringLiteral("Build"), [&](Model::ApiDocument &d) { d = edited; });
            QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(copy), 2000);
            QVERIFY(Model::ProjectFile::load(copy).value() == edited);
            // Alive: its lock keeps the copy from being offered to another session.
            QVERIFY(!Ui::RecoveryManager::orphanedUntitledCopies().contains(copy));
            Ui::RecoveryManager other(&session);
            QVERIFY(other.currentRecoveryPath() != copy); // every session its own untitled copy

            // Simulate the crash: keep the copy, drop the lock (a dead process's lock is stale).
            QVERIFY(QFile::copy(copy, copy + QLatin1String(".kept")));
        }
        QVERIFY(!QFile::exists(copy)); // a normal close removes it
        QVERIFY(QFile::rename(copy + QLatin1String(".kept"), copy));
        QCOMPARE(Ui::RecoveryManager::orphanedUntitledCopies(), QStringList{copy});

        // The next start: MainWindow offers it once the event loop runs; restored as one undo step.
        Model::DocumentSession session;
        Runtime::RuntimeHost host;
        QStringList asked;
        bool answer = true;
        {
            Ui::MainWindow window(&session, &host);
            window.setConfirmFunction([](const QString &) { return Ui::MainWindow::SaveChoice::Discard; });
            window.recoveryManager()->setRestoreFunction([&](const QString &path, const QDateTime &) {
                asked << (path.isEmpty() ? QStringLiteral("(untitled)") : path);
                return answer;
            });
            QTRY_COMPARE(asked, QStringList{QStringLiteral("(untitled)")});
            QVERIFY(session.document() == edited);
            QVERIFY(session.isModified());
            QVERIFY(session.filePath().isEmpty());
            QCOMPARE(session.undoStack()->count(), 1);
            QVERIFY(!QFile::exists(copy)); // taken over: this session writes its own copy now
            QVERIFY(window.recoveryManager()->writeCopy().isEmpty());
            QVERIFY(QFile::exists(window.recoveryManager()->currentRecoveryPath()));

            // Saving the untitled document removes its copy and lock.
            QTemporaryDir dir;
            const QString untitledCopy = window.recoveryManager()->currentRecoveryPath();
            QVERIFY(window.saveAs(dir.filePath(QStringLiteral("saved.apigw.json"))));
            QVERIFY(!QFile::exists(untitledCopy));
            QVERIFY(!QFile::exists(untitledCopy + QLatin1String(".lock")));
            window.close();
        }

        // Declined: the copy goes; nothing is offered for a document that has a file.
        QVERIFY(Model::ProjectFile::write(edited, copy).isEmpty());
        answer = false;
        {
            Model::DocumentSession fresh;
            Ui::RecoveryManager recovery(&fresh);
            recovery.setRestoreFunction([&](const QString &, const QDateTime &) {
                asked << QStringLiteral("declined");
                return answer;
            });
            QVERIFY(!recovery.offerUntitledRestore());
            QCOMPARE(asked.last(), QStringLiteral("declined"));
            QVERIFY(fresh.document() == Model::ApiDocument{});
            QVERIFY(!QFile::exists(copy));
        }
        QVERIFY(QDir(recoveryDir).entryList({QStringLiteral("untitled-*")}, QDir::Files).isEmpty());
    }
};

QTEST_MAIN(TestRecovery)
#include "tst_recovery.moc"
