// The Problems dock: lint findings and load diagnostics.
#include "ui/problemsdock.h"

#include "model/documentsession.h"
#include "model/validation/lint.h"
#include "ui/icons.h"
#include "ui/models/nodelookup.h"

#include <QFileInfo>
#include <QHeaderView>
#include <QTreeWidget>

namespace Gw::Ui {

using namespace Gw::Model;

namespace {
const int PointerRole = Qt::UserRole + 1;
const int FromFileRole = Qt::UserRole + 2;

QString severityText(Diagnostic::Severity s)
{
    switch (s) {
    case Diagnostic::Severity::Error:
        return QStringLiteral("Error");
    case Diagnostic::Severity::Warning:
        return QStringLiteral("Warning");
    case Diagnostic::Severity::Note:
        return QStringLiteral("Note");
    }
    return {};
}
} // namespace

ProblemsDock::ProblemsDock(DocumentSession *session, QWidget *parent)
    : QDockWidget(tr("Problems"), parent)
    , m_session(session)
    , m_view(new QTreeWidget)
{
    setObjectName(QStringLiteral("ProblemsDock"));
    m_view->setObjectName(QStringLiteral("problemsView"));
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setHeaderLabels({tr("Severity"), tr("Location"), tr("Message"), tr("Rule")});
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(SeverityColumn, QHeaderView::ResizeToContents);
    m_view->header()->setSectionResizeMode(LocationColumn, QHeaderView::Interactive);
    m_view->header()->setSectionResizeMode(MessageColumn, QHeaderView::Stretch);
    m_view->header()->setSectionResizeMode(RuleColumn, QHeaderView::ResizeToContents);
    m_view->setColumnWidth(LocationColumn, 260);
    setWidget(m_view);

    connect(m_session, &DocumentSession::documentChanged, this, &ProblemsDock::relint);
    connect(m_view, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        if (item->data(0, FromFileRole).toBool())
            return; // a file that failed to load has no nodes to go to
        const NodeRef node = Lookup::nodeForPointer(m_session->document(), item->data(0, PointerRole).toString());
        if (node.isValid())
            Q_EMIT nodeActivated(node);
    });
    relint();
}

void ProblemsDock::setLoadProblems(const QString &file, const Diagnostics &diagnostics)
{
    m_loadFile = file;
    m_loadProblems = diagnostics;
    rebuild();
}

void ProblemsDock::clearLoadProblems()
{
    m_loadFile.clear();
    m_loadProblems.clear();
    rebuild();
}

int ProblemsDock::problemCount() const
{
    return m_view->topLevelItemCount();
}

void ProblemsDock::relint()
{
    m_lint = lint(m_session->document());
    rebuild();
}

void ProblemsDock::rebuild()
{
    m_view->clear();
    int errors = 0;
    int warnings = 0;
    auto add = [&](const Diagnostic &d, const QString &location, bool fromFile) {
        auto *item = new QTreeWidgetItem(m_view);
        item->setIcon(SeverityColumn, Icons::severity(int(d.severity)));
        item->setText(SeverityColumn, severityText(d.severity));
        item->setText(LocationColumn, location);
        item->setText(MessageColumn, d.message);
        item->setText(RuleColumn, d.ruleId);
        item->setToolTip(MessageColumn, d.message);
        item->setData(0, PointerRole, d.location);
        item->setData(0, FromFileRole, fromFile);
        if (d.severity == Diagnostic::Severity::Error)
            ++errors;
        else if (d.severity == Diagnostic::Severity::Warning)
            ++warnings;
    };
    const QString fileName = QFileInfo(m_loadFile).fileName();
    for (const Diagnostic &d : std::as_const(m_loadProblems))
        add(d, fileName + QLatin1Char(':') + d.location, true);
    const QString docFile = m_session->filePath().isEmpty() ? QString()
                                                            : QFileInfo(m_session->filePath()).fileName();
    for (const Diagnostic &d : std::as_const(m_lint))
        add(d, docFile.isEmpty() ? d.location : QString(docFile + QLatin1Char(':') + d.location), false);

    setWindowTitle(errors + warnings == 0 ? tr("Problems")
                                          : tr("Problems (%1)").arg(errors + warnings));
    Q_EMIT problemCountChanged(errors, warnings);
}

} // namespace Gw::Ui
