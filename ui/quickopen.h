// Quick open (Ctrl+P): a popup with a filter line over every node of the document that has a name
// or a path (resources, methods, routes, authorizers, models, stages, functions, usage plans, API
// keys); Enter reports the chosen node so the window can select it in the tree.
#pragma once

#include "ui/models/noderef.h"

#include <QFrame>

class QLineEdit;
class QListWidget;

namespace Gw::Model {
class DocumentSession;
struct ApiDocument;
} // namespace Gw::Model

namespace Gw::Ui {

class QuickOpen : public QFrame
{
    Q_OBJECT
public:
    struct Entry
    {
        QString label;  // "GET /pets/{petId}", "dev", "Gold"
        QString detail; // "Method · PetStore"
        NodeRef node;
    };

    explicit QuickOpen(Model::DocumentSession *session, QWidget *parent = nullptr);

    // Every entry of the document, in tree order.
    static QList<Entry> entries(const Model::ApiDocument &doc);
    // True when every whitespace-separated term of `filter` occurs (case-insensitively) in the
    // entry's label or detail.
    static bool matches(const Entry &entry, const QString &filter);

    // Re-reads the document, clears the filter and shows the popup over `anchor` (focus on the filter).
    void popup(QWidget *anchor);

    QLineEdit *filterEdit() const { return m_filter; }
    QListWidget *list() const { return m_list; }
    // Reports the current row's node (if any) and closes.
    void accept();

Q_SIGNALS:
    void nodeChosen(const Gw::Ui::NodeRef &node);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void applyFilter();

    Model::DocumentSession *m_session;
    QLineEdit *m_filter;
    QListWidget *m_list;
    QList<Entry> m_entries;
};

} // namespace Gw::Ui
