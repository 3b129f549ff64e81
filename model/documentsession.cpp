// The open document, its path and undo history; the only place the document changes.
#include "model/documentsession.h"

#include "model/documenteditcommand.h"
#include "model/serialization/projectfile.h"

#include <QDir>
#include <QFileInfo>

namespace Gw::Model {

static QString normalizedPath(const QString &path)
{
    if (path.isEmpty())
        return {};
    return QDir::cleanPath(QFileInfo(path).absoluteFilePath());
}

DocumentSession::DocumentSession(QObject *parent)
    : QObject(parent)
    , m_snapshot(std::make_shared<const ApiDocument>())
{
    connect(&m_undoStack, &QUndoStack::cleanChanged, this,
            [this](bool clean) { Q_EMIT modifiedChanged(!clean); });
}

DocumentSession::~DocumentSession()
{
    // ~QUndoStack clears itself and emits cleanChanged; by then this object is half destroyed,
    // so nothing of that may reach our listeners.
    disconnect(&m_undoStack, nullptr, this, nullptr);
}

void DocumentSession::setDocument(const ApiDocument &doc)
{
    m_document = doc;
    m_snapshot = std::make_shared<const ApiDocument>(doc);
    Q_EMIT documentChanged();
}

void DocumentSession::setFilePath(const QString &path)
{
    if (path == m_filePath)
        return;
    m_filePath = path;
    Q_EMIT filePathChanged(m_filePath);
}

void DocumentSession::reset(const ApiDocument &doc, const QString &filePath)
{
    m_undoStack.clear(); // also marks the stack clean (emits cleanChanged when it was not)
    setDocument(doc);
    setFilePath(filePath);
}

Diagnostics DocumentSession::open(const QString &path)
{
    Result<ApiDocument> loaded = ProjectFile::load(path);
    const QString normalized = normalizedPath(path);
    if (!loaded) {
        // Remember it: a file we could not read must never be overwritten from this session.
        m_unreadablePaths.insert(normalized);
        return loaded.diagnostics();
    }
    m_unreadablePaths.remove(normalized);
    reset(loaded.value(), path);
    return loaded.diagnostics();
}

QString DocumentSession::save(const QString &path)
{
    const QString target = path.isEmpty() ? m_filePath : path;
    if (target.isEmpty())
        return QStringLiteral("no file name to save to");
    const QString normalized = normalizedPath(target);
    if (m_unreadablePaths.contains(normalized)) {
        return QStringLiteral("%1 could not be read as a project file; not overwriting it")
            .arg(target);
    }
    // Our own file may be saved over even if it changed on disk since; anything else that
    // exists must be a project file we can read (ProjectFile::save checks).
    const bool ownFile = !m_filePath.isEmpty() && normalized == normalizedPath(m_filePath);
    const QString error = ownFile ? ProjectFile::write(m_document, target)
                                  : ProjectFile::save(m_document, target);
    if (!error.isEmpty())
        return error;
    m_undoStack.setClean();
    setFilePath(target);
    return {};
}

void DocumentSession::edit(const QString &text, const std::function<void(ApiDocument &)> &change,
                           const QString &mergeKey)
{
    ApiDocument after = m_document;
    change(after);
    if (after == m_document)
        return; // nothing changed: no undo step
    // push() runs redo(), which installs `after`.
    m_undoStack.push(new DocumentEditCommand(this, text, m_document, std::move(after), mergeKey));
}

} // namespace Gw::Model
