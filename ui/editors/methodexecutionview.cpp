// The method execution view: diagram on top, the chosen box's editor below.
#include "ui/editors/methodexecutionview.h"

#include "model/documentsession.h"
#include "ui/editors/executiondiagram.h"
#include "ui/editors/integrationeditor.h"
#include "ui/editors/integrationrequesteditor.h"
#include "ui/editors/integrationresponseeditor.h"
#include "ui/editors/mappingchecks.h"
#include "ui/editors/methodaccess.h"
#include "ui/editors/methodrequesteditor.h"
#include "ui/editors/methodresponseeditor.h"
#include "ui/models/listtablemodel.h"
#include "ui/models/maptablemodel.h"

#include <QScrollArea>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace Gw::Ui {

using namespace Gw::Model;

namespace {

QWidget *scrolled(QWidget *content)
{
    auto *scroll = new QScrollArea;
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);
    content->setContentsMargins(4, 4, 8, 4);
    return scroll;
}

QString typeLabel(IntegrationType t)
{
    switch (t) {
    case IntegrationType::Mock:
        return QObject::tr("MOCK");
    case IntegrationType::AwsProxy:
        return QObject::tr("Lambda proxy");
    case IntegrationType::Aws:
        return QObject::tr("Lambda / AWS (custom)");
    case IntegrationType::Http:
        return QObject::tr("HTTP (custom)");
    case IntegrationType::HttpProxy:
        return QObject::tr("HTTP proxy");
    }
    return {};
}

} // namespace

QString MethodExecutionView::boxForStep(const QString &step)
{
    if (step == QLatin1String("authorize") || step == QLatin1String("apiKey") || step == QLatin1String("validate"))
        return QStringLiteral("validate");
    if (step == QLatin1String("mapRequest") || step == QLatin1String("integrate")
        || step == QLatin1String("mapResponse") || step == QLatin1String("respond"))
        return step;
    return {};
}

MethodExecutionView::MethodExecutionView(DocumentSession *session, const NodeRef &method, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_method(method)
    , m_diagram(new ExecutionDiagram(this))
    , m_stack(new QStackedWidget(this))
{
    setObjectName(QStringLiteral("methodExecutionView"));
    m_methodRequest = new MethodRequestEditor(session, method);
    m_integrationRequest = new IntegrationRequestEditor(session, method);
    m_integration = new IntegrationEditor(session, method);
    m_integrationResponse = new IntegrationResponseEditor(session, method);
    m_methodResponse = new MethodResponseEditor(session, method);
    m_methodRequest->setObjectName(QStringLiteral("methodRequestEditor"));
    m_integrationRequest->setObjectName(QStringLiteral("integrationRequestEditor"));
    m_integration->setObjectName(QStringLiteral("integrationEditor"));
    m_integrationResponse->setObjectName(QStringLiteral("integrationResponseEditor"));
    m_methodResponse->setObjectName(QStringLiteral("methodResponseEditor"));
    // Pages in the diagram's box order.
    for (QWidget *w : std::initializer_list<QWidget *>{m_methodRequest, m_integrationRequest, m_integration,
                                                       m_integrationResponse, m_methodResponse}) {
        QWidget *page = scrolled(w);
        m_pages << page;
        m_stack->addWidget(page);
    }

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(8);
    layout->addWidget(m_diagram);
    layout->addWidget(m_stack, 1);

    connect(m_diagram, &ExecutionDiagram::boxClicked, this, &MethodExecutionView::showStep);
    connect(m_session, &DocumentSession::documentChanged, this, &MethodExecutionView::refreshSummaries);
    refreshSummaries();
    // Integration first: it is what a method mostly gets opened for.
    showStep(QStringLiteral("integrate"));
}

QString MethodExecutionView::currentStep() const
{
    const int i = int(m_pages.indexOf(m_stack->currentWidget()));
    const QList<ExecutionBox *> boxes = m_diagram->boxes();
    return i >= 0 ? boxes[i]->stepName() : QString();
}

bool MethodExecutionView::showStep(const QString &stepName)
{
    const QString box = boxForStep(stepName);
    const QList<ExecutionBox *> boxes = m_diagram->boxes();
    for (int i = 0; i < boxes.size(); ++i) {
        if (boxes[i]->stepName() != box)
            continue;
        boxes[i]->setChecked(true);
        m_stack->setCurrentWidget(m_pages[i]);
        Q_EMIT stepShown(box);
        return true;
    }
    return false;
}

void MethodExecutionView::refreshSummaries()
{
    const ApiDocument &doc = m_session->document();
    const Method *m = methodOf(doc, m_method);
    const Api *api = Lookup::api(doc, m_method.apiId);
    if (!m || !api)
        return;
    const Integration &i = m->integration;
    const bool proxy = i.type == IntegrationType::AwsProxy || i.type == IntegrationType::HttpProxy;

    // Method Request.
    QString auth = toString(m->authorizationType);
    if (const Authorizer *a = Lookup::authorizer(*api, m->authorizerId))
        auth += QStringLiteral(" (") + a->name + QLatin1Char(')');
    QString validator = tr("none");
    for (const RequestValidator &v : api->requestValidators)
        if (v.id == m->requestValidatorId)
            validator = v.name;
    m_diagram->methodRequest()->setSummary(tr("Auth: %1\nAPI key: %2 · Validator: %3\n%4 parameter(s), %5 model(s)")
                                               .arg(auth, m->apiKeyRequired ? tr("required") : tr("no"), validator)
                                               .arg(m->requestParameters.size())
                                               .arg(m->requestModels.size()));
    m_diagram->methodRequest()->setProblem(m_methodRequest->parametersModel()->problemCount()
                                           + m_methodRequest->modelsModel()->problemCount() > 0);

    // Integration Request.
    m_diagram->integrationRequest()->setSummary(
        proxy ? tr("Proxy: request passed through\n%1 parameter mapping(s)").arg(i.requestParameters.size())
              : tr("Templates: %1\nPassthrough: %2\n%3 parameter mapping(s)")
                    .arg(i.requestTemplates.isEmpty() ? tr("none") : i.requestTemplates.keys().join(QStringLiteral(", ")),
                         toString(i.passthroughBehavior))
                    .arg(i.requestParameters.size()));
    m_diagram->integrationRequest()->setProblem(m_integrationRequest->parametersModel()->problemCount() > 0);

    // Integration.
    QString target;
    switch (i.type) {
    case IntegrationType::Mock:
        target = tr("answers locally");
        break;
    case IntegrationType::AwsProxy:
    case IntegrationType::Aws:
        target = i.functionName.isEmpty() ? tr("(no function)") : tr("function %1").arg(i.functionName);
        break;
    case IntegrationType::Http:
    case IntegrationType::HttpProxy:
        target = i.httpMethod + QLatin1Char(' ') + i.uri;
        break;
    }
    m_diagram->integration()->setSummary(typeLabel(i.type) + QLatin1Char('\n') + target
                                         + (i.type == IntegrationType::Mock ? QString()
                                                                            : tr("\ntimeout %1 ms").arg(i.timeoutInMillis)));
    const bool http = i.type == IntegrationType::Http || i.type == IntegrationType::HttpProxy;
    const bool lambda = i.type == IntegrationType::AwsProxy
                        || (i.type == IntegrationType::Aws
                            && (!i.functionName.isEmpty() || i.uri.contains(QLatin1String(":lambda:path/"))));
    m_diagram->integration()->setProblem((http && !Checks::httpUri(i.uri).isEmpty())
                                         || (lambda && !doc.findFunction(i.functionName)));

    // Integration Response.
    QStringList responses;
    for (const IntegrationResponse &r : i.responses)
        responses << (r.selectionPattern.isEmpty() ? tr("default") : r.selectionPattern) + QStringLiteral(" → ") + r.statusCode;
    m_diagram->integrationResponse()->setSummary(proxy ? tr("Proxy: the backend's response as is")
                                                       : (responses.isEmpty() ? tr("(no responses)") : responses.join(QLatin1Char('\n'))));
    m_diagram->integrationResponse()->setProblem(!proxy && m_integrationResponse->responsesModel()->problemCount() > 0);

    // Method Response.
    QStringList codes;
    for (const MethodResponse &r : m->methodResponses)
        codes << r.statusCode + (r.responseModels.isEmpty() ? QString() : QStringLiteral(": ") + r.responseModels.values().join(QStringLiteral(", ")));
    m_diagram->methodResponse()->setSummary(codes.isEmpty() ? tr("(none declared)") : codes.join(QLatin1Char('\n')));
    m_diagram->methodResponse()->setProblem(m_methodResponse->responsesModel()->problemCount() > 0);
}

} // namespace Gw::Ui
