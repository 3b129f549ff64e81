// Undo command holding before/after document values; consecutive edits with one merge key merge.
#include "model/documenteditcommand.h"

#include "model/documentsession.h"

#include <QHash>

namespace Gw::Model {

DocumentEditCommand::DocumentEditCommand(DocumentSession *session, const QString &text,
                                         ApiDocument before, ApiDocument after,
                                         const QString &mergeKey)
    : QUndoCommand(text)
    , m_session(session)
    , m_before(std::move(before))
    , m_after(std::move(after))
    , m_mergeKey(mergeKey)
{}

int DocumentEditCommand::id() const
{
    if (m_mergeKey.isEmpty())
        return -1;
    // QUndoStack compares ids first; mask to stay non-negative (-1 means "no merging").
    return int(qHash(m_mergeKey) & 0x7fffffff);
}

bool DocumentEditCommand::mergeWith(const QUndoCommand *other)
{
    const auto *edit = dynamic_cast<const DocumentEditCommand *>(other);
    // Equal ids may still be a hash collision: compare the keys themselves.
    if (!edit || edit->m_session != m_session || edit->m_mergeKey != m_mergeKey
        || m_mergeKey.isEmpty())
        return false;
    m_after = edit->m_after;
    setText(edit->text());
    return true;
}

void DocumentEditCommand::undo()
{
    m_session->setDocument(m_before);
}

void DocumentEditCommand::redo()
{
    m_session->setDocument(m_after);
}

} // namespace Gw::Model
