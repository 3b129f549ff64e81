// A table with Add and Remove buttons.
#include "ui/editors/tableeditor.h"

#include "ui/icons.h"
#include "ui/models/editabletablemodel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace Gw::Ui {

TableEditor::TableEditor(EditableTableModel *model, const QString &addText, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_view(new QTableView(this))
    , m_add(new QToolButton(this))
    , m_remove(new QToolButton(this))
{
    m_view->setModel(model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                            | QAbstractItemView::AnyKeyPressed);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    // Names and mapping expressions are long: every column gets an equal share of the width.
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_view->setAlternatingRowColors(true);
    m_view->setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    m_view->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);

    m_add->setText(addText);
    m_add->setIcon(Icons::named(QStringLiteral("add"), QStyle::SP_FileDialogNewFolder));
    m_add->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_add->setAutoRaise(true);
    m_add->setObjectName(QStringLiteral("addButton"));
    m_remove->setText(tr("Remove"));
    m_remove->setIcon(Icons::named(QStringLiteral("remove"), QStyle::SP_TrashIcon));
    m_remove->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_remove->setAutoRaise(true);
    m_remove->setObjectName(QStringLiteral("removeButton"));

    auto *buttons = new QHBoxLayout;
    buttons->setContentsMargins(0, 0, 0, 0);
    buttons->addWidget(m_add);
    buttons->addWidget(m_remove);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_view);
    layout->addLayout(buttons);

    connect(m_add, &QToolButton::clicked, this, [this] {
        const int row = m_model->appendEntry();
        if (row >= 0) {
            setCurrentRow(row);
            m_view->edit(m_model->index(row, 0));
        }
    });
    connect(m_remove, &QToolButton::clicked, this, [this] {
        const int row = currentRow();
        if (row >= 0)
            m_model->removeEntry(row);
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                m_lastRow = current.isValid() ? current.row() : -1;
                updateButtons();
                Q_EMIT currentRowChanged(current.isValid() ? current.row() : -1);
            });
    // A reset (an edit elsewhere, undo) keeps the row the user was on when it still exists.
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        const int row = qMin(m_lastRow, m_model->rowCount() - 1);
        if (row >= 0) {
            setCurrentRow(row);
        } else {
            m_lastRow = -1;
            updateButtons();
            Q_EMIT currentRowChanged(-1);
        }
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, &TableEditor::updateHeight);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &TableEditor::updateHeight);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &TableEditor::updateHeight);
    updateButtons();
    updateHeight();
}

void TableEditor::updateHeight()
{
    // As tall as the rows (one spare line for the next entry), between 2 and 8 rows.
    const int rows = qBound(2, m_model->rowCount() + 1, 8);
    const int frame = m_view->frameWidth() * 2;
    m_view->setFixedHeight(m_view->horizontalHeader()->sizeHint().height()
                           + rows * m_view->verticalHeader()->defaultSectionSize() + frame);
}

int TableEditor::currentRow() const
{
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    return current.isValid() ? current.row() : -1;
}

void TableEditor::setCurrentRow(int row)
{
    if (row < 0 || row >= m_model->rowCount()) {
        m_view->selectionModel()->clearCurrentIndex();
        return;
    }
    m_view->selectionModel()->setCurrentIndex(m_model->index(row, 0),
                                              QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

void TableEditor::updateButtons()
{
    m_remove->setEnabled(currentRow() >= 0);
}

} // namespace Gw::Ui
