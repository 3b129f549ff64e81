// Tests for DocumentSession: undoable edits, merging, modified state, snapshots, open and save.
#include "model/documentsession.h"
#include "model/serialization/projectfile.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Gw::Model;

namespace {

ApiDocument sampleDocument(const QString &name = QStringLiteral("Doc"))
{
    ApiDocument doc;
    doc.name = name;
    Api api;
    api.id = QStringLiteral("api_1");
    api.name = QStringLiteral("Api");
    doc.apis = {api};
    return doc;
}

void setApiName(DocumentSession &s, const QString &name, const QString &mergeKey = {})
{
    s.edit(QStringLiteral("Rename API"), [&](ApiDocument &d) { d.apis[0].name = name; }, mergeKey);
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeAll(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

} // namespace

class tst_DocumentSession : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void editUndoRedo();
    void snapshotsAreImmutable();
    void noOpEditPushesNothing();
    void sameMergeKeyMerges();
    void differentKeysDoNotMerge();
    void emptyKeyNeverMerges();
    void modifiedFlagAndSave();
    void noMergeIntoSavedState();
    void resetClearsHistory();
    void openSuccess();
    void openFailureKeepsDocument();
    void saveAsRefusesForeignFile();
    void saveBackToOwnFileAlwaysWorks();
    void saveWithoutPathFails();
};

void tst_DocumentSession::editUndoRedo()
{
    DocumentSession s;
    s.reset(sampleDocument());
    QSignalSpy changed(&s, &DocumentSession::documentChanged);

    setApiName(s, QStringLiteral("Renamed"));
    QCOMPARE(s.document().apis.at(0).name, QStringLiteral("Renamed"));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(s.undoStack()->count(), 1);
    QCOMPARE(s.undoStack()->undoText(), QStringLiteral("Rename API"));

    s.undoStack()->undo();
    QCOMPARE(s.document().apis.at(0).name, QStringLiteral("Api"));
    QCOMPARE(changed.count(), 2);
    QVERIFY(*s.snapshot() == s.document());

    s.undoStack()->redo();
    QCOMPARE(s.document().apis.at(0).name, QStringLiteral("Renamed"));
    QCOMPARE(changed.count(), 3);
    QVERIFY(*s.snapshot() == s.document());
}

void tst_DocumentSession::snapshotsAreImmutable()
{
    DocumentSession s;
    s.reset(sampleDocument());
    const std::shared_ptr<const ApiDocument> before = s.snapshot();
    setApiName(s, QStringLiteral("New"));
    const std::shared_ptr<const ApiDocument> after = s.snapshot();
    QVERIFY(before != after);
    // A holder of the old snapshot (the runtime, mid-request) still sees the old document.
    QCOMPARE(before->apis.at(0).name, QStringLiteral("Api"));
    QCOMPARE(after->apis.at(0).name, QStringLiteral("New"));
}

void tst_DocumentSession::noOpEditPushesNothing()
{
    DocumentSession s;
    s.reset(sampleDocument());
    QSignalSpy changed(&s, &DocumentSession::documentChanged);
    setApiName(s, QStringLiteral("Api")); // same value
    QCOMPARE(s.undoStack()->count(), 0);
    QCOMPARE(changed.count(), 0);
    QVERIFY(!s.isModified());
}

void tst_DocumentSession::sameMergeKeyMerges()
{
    DocumentSession s;
    s.reset(sampleDocument());
    // Typing "Pets" into the name field, one keystroke at a time.
    for (const QString &text : {QStringLiteral("P"), QStringLiteral("Pe"), QStringLiteral("Pet"),
                                QStringLiteral("Pets")})
        setApiName(s, text, QStringLiteral("api_1/name"));
    QCOMPARE(s.undoStack()->count(), 1);
    QCOMPARE(s.document().apis.at(0).name, QStringLiteral("Pets"));
    s.undoStack()->undo();
    QCOMPARE(s.document().apis.at(0).name, QStringLiteral("Api")); // the first "before"
    s.undoStack()->redo();
    QCOMPARE(s.document().apis.at(0).name, QStringLiteral("Pets")); // the newest "after"
}

void tst_DocumentSession::differentKeysDoNotMerge()
{
    DocumentSession s;
    s.reset(sampleDocument());
    setApiName(s, QStringLiteral("A"), QStringLiteral("api_1/name"));
    s.edit(QStringLiteral("Describe"), [](ApiDocument &d) { d.apis[0].description = QStringLiteral("d"); },
           QStringLiteral("api_1/description"));
    setApiName(s, QStringLiteral("AB"), QStringLiteral("api_1/name"));
    QCOMPARE(s.undoStack()->count(), 3);
    s.undoStack()->undo();
    QCOMPARE(s.document().apis.at(0).name, QStringLiteral("A"));
    QCOMPARE(s.document().apis.at(0).description, QStringLiteral("d"));
    s.undoStack()->undo();
    QCOMPARE(s.document().apis.at(0).description, QString());
    QCOMPARE(s.document().apis.at(0).name, QStringLiteral("A"));
}

void tst_DocumentSession::emptyKeyNeverMerges()
{
    DocumentSession s;
    s.reset(sampleDocument());
    setApiName(s, QStringLiteral("A"));
    setApiName(s, QStringLiteral("B"));
    QCOMPARE(s.undoStack()->count(), 2);
}

void tst_DocumentSession::modifiedFlagAndSave()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("p.apigw.json"));
    DocumentSession s;
    s.reset(sampleDocument(), path);
    QVERIFY(!s.isModified());
    QSignalSpy modified(&s, &DocumentSession::modifiedChanged);

    setApiName(s, QStringLiteral("X"));
    QVERIFY(s.isModified());
    QCOMPARE(modified.count(), 1);
    QCOMPARE(modified.at(0).at(0).toBool(), true);

    QCOMPARE(s.save(), QString());
    QVERIFY(!s.isModified());
    QCOMPARE(modified.count(), 2);
    QCOMPARE(modified.at(1).at(0).toBool(), false);
    QCOMPARE(ProjectFile::load(path).value().apis.at(0).name, QStringLiteral("X"));

    // Undo past the saved state is a modification; redo back to it is clean again.
    s.undoStack()->undo();
    QVERIFY(s.isModified());
    s.undoStack()->redo();
    QVERIFY(!s.isModified());
    QCOMPARE(modified.count(), 4);
}

void tst_DocumentSession::noMergeIntoSavedState()
{
    QTemporaryDir dir;
    DocumentSession s;
    s.reset(sampleDocument(), dir.filePath(QStringLiteral("p.apigw.json")));
    setApiName(s, QStringLiteral("A"), QStringLiteral("k"));
    QCOMPARE(s.save(), QString());
    setApiName(s, QStringLiteral("AB"), QStringLiteral("k"));
    // The edit after saving is its own step, so undo returns exactly to the saved document.
    QCOMPARE(s.undoStack()->count(), 2);
    QVERIFY(s.isModified());
    s.undoStack()->undo();
    QVERIFY(!s.isModified());
    QCOMPARE(s.document().apis.at(0).name, QStringLiteral("A"));
}

void tst_DocumentSession::resetClearsHistory()
{
    DocumentSession s;
    s.reset(sampleDocument());
    setApiName(s, QStringLiteral("X"));
    QVERIFY(s.isModified());
    QSignalSpy changed(&s, &DocumentSession::documentChanged);
    QSignalSpy modified(&s, &DocumentSession::modifiedChanged);
    s.reset(sampleDocument(QStringLiteral("Other")));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(s.undoStack()->count(), 0);
    QVERIFY(!s.isModified());
    QCOMPARE(modified.count(), 1);
    QCOMPARE(s.document().name, QStringLiteral("Other"));
    QCOMPARE(s.snapshot()->name, QStringLiteral("Other"));
}

void tst_DocumentSession::openSuccess()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("p.apigw.json"));
    QCOMPARE(ProjectFile::save(sampleDocument(QStringLiteral("OnDisk")), path), QString());

    DocumentSession s;
    s.reset(sampleDocument());
    setApiName(s, QStringLiteral("X"));
    QSignalSpy pathChanged(&s, &DocumentSession::filePathChanged);
    QSignalSpy changed(&s, &DocumentSession::documentChanged);
    const Diagnostics d = s.open(path);
    QVERIFY(!hasErrors(d));
    QCOMPARE(s.document().name, QStringLiteral("OnDisk"));
    QCOMPARE(s.filePath(), path);
    QCOMPARE(pathChanged.count(), 1);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(s.undoStack()->count(), 0);
    QVERIFY(!s.isModified());
}

void tst_DocumentSession::openFailureKeepsDocument()
{
    QTemporaryDir dir;
    const QString mine = dir.filePath(QStringLiteral("mine.apigw.json"));
    const QString broken = dir.filePath(QStringLiteral("broken.apigw.json"));
    const QByteArray brokenBytes = R"({"formatVersion": 1, "apis": [{"id": 5}]})";
    QVERIFY(writeAll(broken, brokenBytes));

    DocumentSession s;
    s.reset(sampleDocument(), mine);
    setApiName(s, QStringLiteral("Edited"));
    QSignalSpy changed(&s, &DocumentSession::documentChanged);
    QSignalSpy pathChanged(&s, &DocumentSession::filePathChanged);

    const Diagnostics d = s.open(broken);
    QVERIFY(hasErrors(d));
    QCOMPARE(d.constFirst().location, QStringLiteral("/apis/0/id"));
    QCOMPARE(s.document().apis.at(0).name, QStringLiteral("Edited"));
    QCOMPARE(s.filePath(), mine);
    QCOMPARE(s.undoStack()->count(), 1);
    QVERIFY(s.isModified());
    QCOMPARE(changed.count(), 0);
    QCOMPARE(pathChanged.count(), 0);

    // A file we failed to read is never saved over from this session.
    const QString error = s.save(broken);
    QVERIFY(!error.isEmpty());
    QCOMPARE(readAll(broken), brokenBytes);
    QCOMPARE(s.filePath(), mine);
    QVERIFY(s.isModified());

    // A missing file fails too, and leaves everything as it was.
    QVERIFY(hasErrors(s.open(dir.filePath(QStringLiteral("nope.apigw.json")))));
    QCOMPARE(s.document().apis.at(0).name, QStringLiteral("Edited"));
}

void tst_DocumentSession::saveAsRefusesForeignFile()
{
    QTemporaryDir dir;
    const QString foreign = dir.filePath(QStringLiteral("openapi.json"));
    const QByteArray foreignBytes = R"({"openapi": "3.0.1", "paths": {}})";
    QVERIFY(writeAll(foreign, foreignBytes));

    DocumentSession s;
    s.reset(sampleDocument(), dir.filePath(QStringLiteral("mine.apigw.json")));
    setApiName(s, QStringLiteral("X"));
    const QString error = s.save(foreign);
    QVERIFY2(error.contains(QStringLiteral("not overwriting")), qPrintable(error));
    QCOMPARE(readAll(foreign), foreignBytes);
    QVERIFY(s.isModified());

    // Save-as to a fresh path works and moves the session there.
    QSignalSpy pathChanged(&s, &DocumentSession::filePathChanged);
    const QString fresh = dir.filePath(QStringLiteral("copy.apigw.json"));
    QCOMPARE(s.save(fresh), QString());
    QCOMPARE(s.filePath(), fresh);
    QCOMPARE(pathChanged.count(), 1);
    QVERIFY(!s.isModified());
    QCOMPARE(ProjectFile::load(fresh).value().apis.at(0).name, QStringLiteral("X"));
}

void tst_DocumentSession::saveBackToOwnFileAlwaysWorks()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("p.apigw.json"));
    QCOMPARE(ProjectFile::save(sampleDocument(), path), QString());
    DocumentSession s;
    QVERIFY(!hasErrors(s.open(path)));
    setApiName(s, QStringLiteral("Mine"));
    // Someone clobbers the file on disk; the session still owns it and may write it back.
    QVERIFY(writeAll(path, "garbage"));
    QCOMPARE(s.save(), QString());
    QCOMPARE(ProjectFile::load(path).value().apis.at(0).name, QStringLiteral("Mine"));
}

void tst_DocumentSession::saveWithoutPathFails()
{
    DocumentSession s;
    s.reset(sampleDocument());
    setApiName(s, QStringLiteral("X"));
    QVERIFY(!s.save().isEmpty());
    QVERIFY(s.isModified());
}

QTEST_GUILESS_MAIN(tst_DocumentSession)
#include "tst_documentsession.moc"
