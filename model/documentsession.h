// DocumentSession owns the open document, its file path and the undo stack; every change is an
// undo command, and listeners get the new immutable snapshot.
#pragma once

#include "model/apidocument.h"
#include "model/diagnostic.h"

#include <QObject>
#include <QSet>
#include <QUndoStack>

#include <functional>
#include <memory>

namespace Gw::Model {

class DocumentSession : public QObject
{
    Q_OBJECT
public:
    explicit DocumentSession(QObject *parent = nullptr);
    ~DocumentSession() override;

    const ApiDocument &document() const { return m_document; }
    // A shared immutable snapshot of the current document (cheap to hand to the runtime).
    std::shared_ptr<const ApiDocument> snapshot() const { return m_snapshot; }

    QString filePath() const { return m_filePath; }
    bool isModified() const { return !m_undoStack.isClean(); }
    QUndoStack *undoStack() { return &m_undoStack; }

    // Replaces the whole document without undo history (new / open).
    void reset(const ApiDocument &doc, const QString &filePath = {});
    // Opens a project file; on failure the current document stays and diagnostics come back.
    Diagnostics open(const QString &path);
    // Saves to path (or the current path); marks the stack clean on success. Error text or empty.
    QString save(const QString &path = {});

    // The one way to change the document: an undoable edit. Edits with the same non-empty
    // mergeKey that follow each other merge into one undo step (typing in a field).
    void edit(const QString &text, const std::function<void(ApiDocument &)> &change,
              const QString &mergeKey = {});

Q_SIGNALS:
    void documentChanged();      // after every edit, undo, redo, reset
    void filePathChanged(const QString &path);
    void modifiedChanged(bool modified);

private:
    friend class DocumentEditCommand;
    void setDocument(const ApiDocument &doc);
    void setFilePath(const QString &path);

    ApiDocument m_document;
    std::shared_ptr<const ApiDocument> m_snapshot;
    QString m_filePath;
    QUndoStack m_undoStack;
    QSet<QString> m_unreadablePaths; // paths whose open() failed: never saved over
};

} // namespace Gw::Model
