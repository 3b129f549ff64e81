// One undoable document edit: the whole document before and after (values; Qt containers
// share their data implicitly, so a copy costs little).
#pragma once

#include "model/apidocument.h"

#include <QUndoCommand>

namespace Gw::Model {

class DocumentSession;

class DocumentEditCommand : public QUndoCommand
{
public:
    DocumentEditCommand(DocumentSession *session, const QString &text, ApiDocument before,
                        ApiDocument after, const QString &mergeKey = {});

    // -1 (never merge) without a merge key; otherwise a non-negative hash of it.
    int id() const override;
    // Same merge key: keep our `before`, take the other's `after`.
    bool mergeWith(const QUndoCommand *other) override;
    void undo() override;
    void redo() override;

    const QString &mergeKey() const { return m_mergeKey; }

private:
    DocumentSession *m_session;
    ApiDocument m_before;
    ApiDocument m_after;
    QString m_mergeKey;
};

} // namespace Gw::Model
