// The interface the table editors (add / remove buttons under a table) drive: a table model over a
// part of the document whose rows can be appended and removed, each change an undo command, and
// whose cells can carry a problem (flagged red with the message as tooltip).
#pragma once

#include <QAbstractTableModel>

namespace Gw::Ui {

class EditableTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    using QAbstractTableModel::QAbstractTableModel;

    // Appends a row with default content; its index, or -1 when nothing was added.
    virtual int appendEntry() = 0;
    virtual bool removeEntry(int row) = 0;
    // What is wrong with a cell ("" when nothing is), for the flag and for tests.
    virtual QString problem(int row, int column) const = 0;

    int problemCount() const
    {
        int n = 0;
        for (int r = 0; r < rowCount(); ++r)
            for (int c = 0; c < columnCount(); ++c)
                n += problem(r, c).isEmpty() ? 0 : 1;
        return n;
    }
};

} // namespace Gw::Ui
