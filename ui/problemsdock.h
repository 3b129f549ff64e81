// The Problems dock: the lint findings for the current document (refreshed after every change)
// and the diagnostics of a file that failed to open.
#pragma once

#include "model/diagnostic.h"
#include "ui/models/noderef.h"

#include <QDockWidget>

class QTreeWidget;

namespace Gw::Model {
class DocumentSession;
}

namespace Gw::Ui {

class ProblemsDock : public QDockWidget
{
    Q_OBJECT
public:
    enum Column { SeverityColumn, LocationColumn, MessageColumn, RuleColumn };

    explicit ProblemsDock(Model::DocumentSession *session, QWidget *parent = nullptr);

    QTreeWidget *view() const { return m_view; }
    // Shows diagnostics of a file that could not be read (kept until the next successful open).
    void setLoadProblems(const QString &file, const Model::Diagnostics &diagnostics);
    void clearLoadProblems();
    int problemCount() const;

Q_SIGNALS:
    void nodeActivated(const Gw::Ui::NodeRef &node);
    void problemCountChanged(int errors, int warnings);

private:
    void relint();
    void rebuild();

    Model::DocumentSession *m_session;
    QTreeWidget *m_view;
    QString m_loadFile;
    Model::Diagnostics m_loadProblems;
    Model::Diagnostics m_lint;
};

} // namespace Gw::Ui
