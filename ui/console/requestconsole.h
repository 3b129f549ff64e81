// The request console: compose a request (method, URL, headers, body), send it over real HTTP to
// the running gateway, and see the response (status, headers, body, time) next to the gateway's
// own trace of that request, step by step.
#pragma once

#include "runtime/trace/trace.h"
#include "ui/console/consoleworkspace.h"
#include "ui/models/noderef.h"

#include <QElapsedTimer>
#include <QNetworkReply>
#include <QPointer>
#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QNetworkAccessManager;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QTableWidget;

namespace Gw::Model {
struct Api;
}

namespace Gw::Ui {

class AuthPanel;
class BodyEditor;
class ResponseView;
class TracePane;
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
    // Sets the URL line; the query table follows its query.
    void setUrl(const QString &url);
    QString url() const;
    // The stage the URL targets (the "consoleStage" selector): switching rewrites the URL's
    // stage segment. "$default" is an HTTP API's root stage.
    void setStage(const QString &stage);
    QString stage() const;
    void setHeader(const QString &name, const QString &value);
    // Sets a JSON body (the body editor switches to JSON); bodyEditor() has the other kinds.
    void setBody(const QString &body);
    // Fills the composer with a whole request (a stored call's, a replay): the headers replace the
    // table (without Host and Content-Length, which the transport sets), the body editor's kind
    // follows the Content-Type and the bytes (binary bodies are kept in memory).
    void openRequest(const QString &method, const QString &url,
                     const QList<QPair<QByteArray, QByteArray>> &headers, const QByteArray &body);
    BodyEditor *bodyEditor() const { return m_body; }
    ResponseView *responseView() const { return m_response; }

    int lastStatus() const { return m_lastStatus; }
    QByteArray lastResponseBody() const { return m_lastBody; }
    Runtime::TracePtr lastTrace() const { return m_lastTrace; }
    bool isBusy() const { return m_reply != nullptr; }
    // The round trip of the last call in ms (-1 before any), and whether it was cancelled.
    qint64 lastElapsedMs() const { return m_lastElapsedMs; }
    bool wasCancelled() const { return m_cancelled; }
    NodeRef target() const { return m_target; }
    AuthPanel *authPanel() const { return m_auth; }
    // The headers of the last request as sent (after auth was applied).
    QList<QPair<QByteArray, QByteArray>> lastRequestHeaders() const { return m_lastRequestHeaders; }
    // Activates a row of the trace table, as a double click does.
    void activateStep(int row);
    // The trace pane (timeline, step details, execution log) of the shown call.
    TracePane *tracePane() const { return m_tracePane; }

    // The request as a curl command (auth applied), and the reverse: fill the composer from one.
    QString curlCommand() const;
    bool fillFromCurl(const QString &command, QString *error = nullptr);
    // The shown trace in AWS's console execution-log grammar.
    QString executionLogText() const;

    // Environments and saved requests, kept in ConsoleWorkspace::pathFor(the project file).
    const ConsoleWorkspace &workspace() const { return m_workspace; }
    QString workspacePath() const { return m_workspacePath; }
    // Loads the side file (empty path: an unsaved project; the workspace lives in memory).
    void setWorkspacePath(const QString &path);
    void addEnvironment(const QString &name, const StringPairs &variables = {});
    void setEnvironment(const QString &name); // empty: none
    void setVariable(const QString &name, const QString &value); // in the active environment
    // Saves method, URL, headers and body (variables unexpanded) under the target's API.
    void saveRequest(const QString &name);
    bool openSavedRequest(const QString &name);

public Q_SLOTS:
    void send();
    // Aborts the call in flight (QNetworkReply::abort); the composer is usable again.
    void cancel();
    void copyAsCurl();
    void pasteCurl();

Q_SIGNALS:
    void responseReceived(int status);
    // The call in flight was cancelled (no response, no trace to wait for).
    void requestCancelled();
    // A trace step was double-clicked: the designer opens what configures it for this target.
    void stepActivated(const Gw::Ui::NodeRef &target, const QString &stepName);
    void traceShown(const Gw::Runtime::TracePtr &trace);

private:
    void onFinished();
    void onTraceRecorded(const Runtime::TracePtr &trace);
    void showTrace(const Runtime::TracePtr &trace);
    std::optional<QList<QPair<QByteArray, QByteArray>>> composedHeaders(const QUrl &target, const QByteArray &body,
                                                                         QString *error, bool withAuth = true) const;
    bool matchesPending(const Runtime::Trace &trace) const;
    void refreshPrefill();
    void persistWorkspace();
    void refreshWorkspaceWidgets();
    void onVariablesEdited();
    void ensureEmptyHeaderRow();
    // Params tab: the route's path parameters and the URL's query, kept in step with the URL.
    void rebuildPathParamRows();
    void onPathParamsEdited();
    void onQueryParamsEdited();
    void onUrlEdited();
    void refreshStages(const Model::Api &api);
    void onStageChosen();
    void updateStageToolTip();
    // scheme://host:port plus the selected stage's segment, for the target's API.
    QString stageBase() const;

    RuntimeController *m_controller;
    QNetworkAccessManager *m_network;
    QComboBox *m_method;
    QLineEdit *m_url;
    QPushButton *m_send;
    QPushButton *m_cancel;
    QTableWidget *m_headers;
    QTableWidget *m_pathParams;
    QTableWidget *m_queryParams;
    QComboBox *m_stage;
    BodyEditor *m_body;
    AuthPanel *m_auth;
    QLabel *m_status;
    QTabWidget *m_responseTabs;
    ResponseView *m_response;
    TracePane *m_tracePane;
    QComboBox *m_environment;
    QTableWidget *m_variables;
    QComboBox *m_savedRequests;
    ConsoleWorkspace m_workspace;
    QString m_workspacePath;

    NodeRef m_target;
    QString m_prefilledUrl;
    QString m_pathTemplate;  // the target route's path, {params} unfilled
    QString m_stageInUrl;    // the stage the URL was last written for
    bool m_syncingUrl = false; // the URL is being written from the Params tab: no refill
    QPointer<QNetworkReply> m_reply;
    QElapsedTimer m_elapsed;
    int m_lastStatus = 0;
    QByteArray m_lastBody;
    qint64 m_lastElapsedMs = -1;
    bool m_cancelled = false;
    QList<QPair<QByteArray, QByteArray>> m_lastRequestHeaders;
    Runtime::TracePtr m_lastTrace;
    // Ids of the response waiting for its trace (the trace may arrive after the reply).
    QString m_pendingRequestId;
    QByteArray m_pendingHeader;
    QByteArray m_pendingHeaderValue;
};

} // namespace Gw::Ui
