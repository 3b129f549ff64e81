// The editor of a REST method, laid out as AWS's "method execution" view: the diagram of the
// five boxes on top, the editor of the chosen box below. Boxes carry the names of the trace steps
// they configure, and showStep() opens the box for a step, so the request console can jump from
// a failed step of a trace straight to what configures it.
#pragma once

#include "ui/models/noderef.h"

#include <QWidget>

class QStackedWidget;

namespace Gw::Model {
class DocumentSession;
}

namespace Gw::Ui {

class ExecutionBox;
class ExecutionDiagram;
class IntegrationEditor;
class IntegrationRequestEditor;
class IntegrationResponseEditor;
class MethodRequestEditor;
class MethodResponseEditor;

class MethodExecutionView : public QWidget
{
    Q_OBJECT
public:
    MethodExecutionView(Model::DocumentSession *session, const NodeRef &method, QWidget *parent = nullptr);

    NodeRef method() const { return m_method; }
    // The box that configures a trace step ("validate", "authorize", "apiKey", "mapRequest",
    // "integrate", "mapResponse", "respond"); empty for steps a method does not configure.
    static QString boxForStep(const QString &stepName);
    QString currentStep() const;
    ExecutionDiagram *diagram() const { return m_diagram; }

    MethodRequestEditor *methodRequestEditor() const { return m_methodRequest; }
    IntegrationRequestEditor *integrationRequestEditor() const { return m_integrationRequest; }
    IntegrationEditor *integrationEditor() const { return m_integration; }
    IntegrationResponseEditor *integrationResponseEditor() const { return m_integrationResponse; }
    MethodResponseEditor *methodResponseEditor() const { return m_methodResponse; }

public Q_SLOTS:
    // Opens the box configuring the step; false when no box does.
    bool showStep(const QString &stepName);

Q_SIGNALS:
    void stepShown(const QString &boxStepName);

private:
    void refreshSummaries();

    Model::DocumentSession *m_session;
    NodeRef m_method;
    ExecutionDiagram *m_diagram;
    QStackedWidget *m_stack;
    QList<QWidget *> m_pages; // in diagram box order
    MethodRequestEditor *m_methodRequest;
    IntegrationRequestEditor *m_integrationRequest;
    IntegrationEditor *m_integration;
    IntegrationResponseEditor *m_integrationResponse;
    MethodResponseEditor *m_methodResponse;
};

} // namespace Gw::Ui
