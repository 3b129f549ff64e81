// Completion for mapping templates: the roots API Gateway gives a template ($input, $util,
// $context, $stageVariables) and their members, offered as the user types '$' or '.', or on
// Ctrl+Space. A decorator: it attaches to a CodeEditor and owns no text.
#pragma once

#include <QObject>
#include <QStringList>

namespace Gw::Ui {

class CodeEditor;

class VtlCompletion : public QObject
{
    Q_OBJECT
public:
    explicit VtlCompletion(CodeEditor *editor);

    // Stage variable names to offer after $stageVariables.
    void setStageVariables(const QStringList &names) { m_stageVariables = names; }

    // The reference being typed at the end of `lineBeforeCursor` ("$context.identity.so"), or "".
    static QString tokenBefore(const QString &lineBeforeCursor);
    // What may complete the last segment of `token`: "$in" -> $input; "$context.identity.so" ->
    // sourceIp. Sorted, unique.
    static QStringList candidates(const QString &token, const QStringList &stageVariables = {});

    // Shows the list for the cursor position; false when nothing matches.
    bool complete();

private:
    void insert(const QString &choice);

    CodeEditor *m_editor;
    QStringList m_stageVariables;
};

} // namespace Gw::Ui
