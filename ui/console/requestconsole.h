// The request console: compose a request (method, URL, headers, body), send it over real HTTP to
// the running gateway, and see the response (status, headers, body, time) next to the gateway's
// own trace of that request, step by step.
#pragma once

#include "runtime/trace/trace.h"
#include "ui/models/noderef.h"

#include <QElapsedTimer>
#include <QNetworkReply>
#include <QPointer>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QNetworkAccessManager;
class QPushButton;
class QTabWidget;
class QTableWidget;

namespace Gw::Ui {

class CodeEditor;
class RuntimeController;

class RequestConsole : public QWidget
{
    Q_OBJECT
public:
    enum TraceColumn { StepColumn, OutcomeColumn, DurationColumn, NotesColumn };

    explicit RequestConsole(RuntimeController *controller, QWidget *parent = nullptr);
    ~RequestConsole() override;

    // Prefills method and URL from a method/route node and the endpoint it is served at.
    void setTarget(const NodeRef &node);

    void setMethod(const QString &method);
    QString method() const;
    void setUrl(const QString &url);
    QString url() const;
    void setHeader(const QString &name, const QString &value);
    void setBody(const QString &body);

    int lastStatus() const { return m_lastStatus; }
    QByteArray lastResponseBody() const { return m_lastBody; }
    Runtime::TracePtr lastTrace() const { return m_lastTrace; }
    bool isBusy() const { return m_reply != nullptr; }
    NodeRef target() const { return m_target; }
    // Activates a row of the trace table, as a double click does.
    void activateStep(int row);

public Q_SLOTS:
    void send();

Q_SIGNALS:
    void responseReceived(int status);
    // A trace step was double-clicked: the designer opens what configures it for this target.
    void stepActivated(const Gw::Ui::NodeRef &target, const QString &stepName);
    void traceShown(const Gw::Runtime::TracePtr &trace);

private:
    void onFinished();
    void onTraceRecorded(const Runtime::TracePtr &trace);
    void showTrace(const Runtime::TracePtr &trace);
    bool matchesPending(const Runtime::Trace &trace) const;
    void refreshPrefill();
    void ensureEmptyHeaderRow();

    RuntimeController *m_controller;
    QNetworkAccessManager *m_network;
    QComboBox *m_method;
    QLineEdit *m_url;
    QPushButton *m_send;
    QTableWidget *m_headers;
    CodeEditor *m_body;
    QLabel *m_status;
    QTabWidget *m_responseTabs;
    CodeEditor *m_responseBody;
    QTableWidget *m_responseHeaders;
    QTableWidget *m_traceSteps;
    QLabel *m_traceSummary;

    NodeRef m_target;
    QString m_prefilledUrl;
    QPointer<QNetworkReply> m_reply;
    QElapsedTimer m_elapsed;
    int m_lastStatus = 0;
    QByteArray m_lastBody;
    Runtime::TracePtr m_lastTrace;
    // Ids of the response waiting for its trace (the trace may arrive after the reply).
    QString m_pendingRequestId;
    QByteArray m_pendingHeader;
    QByteArray m_pendingHeaderValue;
};

} // namespace Gw::Ui
