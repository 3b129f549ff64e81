// A table of an EditableTableModel with Add and Remove buttons beneath: the one way the editors
// show lists and maps of the document (parameters, mappings, headers, responses).
#pragma once

#include <QWidget>

class QTableView;
class QToolButton;

namespace Gw::Ui {

class EditableTableModel;

class TableEditor : public QWidget
{
    Q_OBJECT
public:
    TableEditor(EditableTableModel *model, const QString &addText, QWidget *parent = nullptr);

    QTableView *view() const { return m_view; }
    EditableTableModel *model() const { return m_model; }
    int currentRow() const;
    void setCurrentRow(int row);

Q_SIGNALS:
    void currentRowChanged(int row);

private:
    void updateButtons();
    void updateHeight();

    EditableTableModel *m_model;
    QTableView *m_view;
    QToolButton *m_add;
    QToolButton *m_remove;
    int m_lastRow = -1;
};

} // namespace Gw::Ui
