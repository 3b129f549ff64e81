// The gateway's trace of one call, shared by the request console and the history: a summary
// line, the pipeline steps as a timeline to scale (or as a table), the selected step's details
// (outcome, the reason in words for a failing step, the payload before and after it, the Lambda
// function's log lines under the integration step, a link to the editor that configures it),
// and an "Execution log" page in AWS's console grammar the owner shows as a tab of its own.
#pragma once

#include "runtime/trace/trace.h"

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QSplitter;
class QStackedWidget;
class QTableWidget;
class QTextBrowser;
class QToolButton;

namespace Gw::Ui {

class TraceTimeline;

class TracePane : public QWidget
{
    Q_OBJECT
public:
    enum Column { StepColumn, OutcomeColumn, DurationColumn, NotesColumn };

    // namePrefix names the children ("console" → consoleTraceSteps, consoleExecutionLog, …).
    explicit TracePane(const QString &namePrefix, QWidget *parent = nullptr);

    void setTrace(const Runtime::TracePtr &trace);
    Runtime::TracePtr trace() const { return m_trace; }
    void clear();
    // A line in place of the summary while there is no trace (waiting, not served here, …).
    void setMessage(const QString &richText);

    // The execution log, as its own page for the owner's tabs; the pane does not show it.
    QWidget *executionLogPage() const { return m_logPage; }
    QString executionLogText() const;

    TraceTimeline *timeline() const { return m_timeline; }
    QTableWidget *stepsTable() const { return m_steps; }
    int selectedStep() const;
    void selectStep(int index);
    // The selected step's details as plain text (what the details pane shows).
    QString stepDetailsText() const;
    // As a double click on the step: stepActivated with its stage name.
    void activateStep(int index);
    void showTable(bool table); // the steps as a table instead of the timeline

Q_SIGNALS:
    // Open the editor that configures this stage for the call's operation.
    void stepActivated(const QString &stageName);
    void stepSelected(int index);

private:
    void onStepSelected(int index);
    void showDetails(int index);

    Runtime::TracePtr m_trace;
    QLabel *m_summary;
    QToolButton *m_timelineButton;
    QToolButton *m_tableButton;
    QToolButton *m_editorButton;
    void fitTimeline();

    QStackedWidget *m_stack;
    QSplitter *m_splitter;
    TraceTimeline *m_timeline;
    QTableWidget *m_steps;
    QTextBrowser *m_details;
    QWidget *m_logPage;
    QPlainTextEdit *m_executionLog;
    bool m_syncing = false;
};

} // namespace Gw::Ui
