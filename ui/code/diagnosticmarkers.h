// Marks problems in a CodeEditor: a red dot in the symbol margin and a tinted line for each
// error (amber for warnings), with the message shown as the margin's tooltip. A decorator: it
// attaches to the editor and only draws.
#pragma once

#include <QList>
#include <QObject>
#include <QString>

namespace Gw::Ui {

class CodeEditor;

class DiagnosticMarkers : public QObject
{
    Q_OBJECT
public:
    struct Item
    {
        int line = 0;   // 1-based
        int column = 0; // 1-based, 0 when unknown
        QString message;
        bool warning = false;
    };

    explicit DiagnosticMarkers(CodeEditor *editor);

    void setItems(const QList<Item> &items);
    QList<Item> items() const { return m_items; }
    // The 1-based lines that carry a marker right now (read back from the editor).
    QList<int> markedLines() const;

private:
    CodeEditor *m_editor;
    QList<Item> m_items;
    int m_errorSymbol = -1;
    int m_errorLine = -1;
    int m_warningSymbol = -1;
    int m_warningLine = -1;
};

} // namespace Gw::Ui
