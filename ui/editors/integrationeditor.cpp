// Integration: type, target and timeout of a REST method's integration.
#include "ui/editors/integrationeditor.h"

#include "model/documentsession.h"
#include "ui/editors/fieldbinder.h"
#include "ui/editors/mappingchecks.h"
#include "ui/editors/methodaccess.h"
#include "ui/editors/sectiontitle.h"
#include "ui/models/documentedits.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QSpinBox>

namespace Gw::Ui {

using namespace Gw::Model;
using Items = FieldBinder::Items;

namespace {

const QString JsonType = QStringLiteral("application/json");

IntegrationResponse &ensureDefaultResponse(Integration &i)
{
    for (IntegrationResponse &r : i.responses)
        if (r.selectionPattern.isEmpty())
            return r;
    i.responses << IntegrationResponse{};
    return i.responses.last();
}

// A proxy integration passes requests and responses through: AWS ignores mapping templates and
// integration responses there, and the editors hide them, so switching to a proxy drops them
// instead of leaving hidden state behind (undo brings them back).
void dropMappings(Integration &i)
{
    i.requestTemplates.clear();
    i.responses.clear();
}

// Switching the type fills what the new type needs, so the method answers right away.
void changeType(Method &m, IntegrationType type, const QString &firstFunction)
{
    Integration &i = m.integration;
    if (i.type == type)
        return;
    i.type = type;
    switch (type) {
    case IntegrationType::Mock:
        if (!i.requestTemplates.contains(JsonType))
            i.requestTemplates.insert(JsonType, QStringLiteral("{\"statusCode\": 200}"));
        ensureDefaultResponse(i);
        break;
    case IntegrationType::AwsProxy:
    case IntegrationType::Aws:
        if (type == IntegrationType::AwsProxy)
            dropMappings(i);
        i.httpMethod = QStringLiteral("POST");
        if (i.functionName.isEmpty())
            i.functionName = firstFunction;
        if (type == IntegrationType::Aws)
            ensureDefaultResponse(i);
        break;
    case IntegrationType::Http:
    case IntegrationType::HttpProxy:
        i.httpMethod = m.httpMethod == QLatin1String("ANY") ? QStringLiteral("GET") : m.httpMethod;
        if (type == IntegrationType::HttpProxy)
            dropMappings(i);
        if (!i.uri.startsWith(QLatin1String("http")))
            i.uri = QStringLiteral("https://example.com");
        if (type == IntegrationType::Http)
            ensureDefaultResponse(i);
        break;
    }
}

} // namespace

IntegrationEditor::IntegrationEditor(DocumentSession *session, const NodeRef &ref, QWidget *parent)
    : QWidget(parent)
{
    auto *form = new QFormLayout(this);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setLabelAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_binder = new FieldBinder(session, ref, form, this);

    auto integration = [ref](const ApiDocument &d) -> const Integration * {
        const Method *m = methodOf(d, ref);
        return m ? &m->integration : nullptr;
    };
    auto edit = [ref](const std::function<void(Integration &, const QString &)> &f) {
        return [ref, f](ApiDocument &d, const QString &v) {
            if (Method *m = methodOf(d, ref))
                f(m->integration, v);
        };
    };
    auto hasType = [integration](std::initializer_list<IntegrationType> types) {
        const QList<IntegrationType> list(types);
        return FieldBinder::Predicate([integration, list](const ApiDocument &d) {
            return integration(d) && list.contains(integration(d)->type);
        });
    };

    form->addRow(sectionTitle(tr("Integration"), tr("What the integrate step calls.")));
    m_binder->combo(
        tr("Integration type:"), QStringLiteral("integrationType"), QStringLiteral("integrationType"),
        [](const ApiDocument &) {
            return Items{{tr("Mock"), toString(IntegrationType::Mock)},
                         {tr("Lambda function (proxy)"), toString(IntegrationType::AwsProxy)},
                         {tr("Lambda function / AWS service (custom)"), toString(IntegrationType::Aws)},
                         {tr("HTTP (custom)"), toString(IntegrationType::Http)},
                         {tr("HTTP (proxy)"), toString(IntegrationType::HttpProxy)}};
        },
        [integration](const ApiDocument &d) { return integration(d) ? toString(integration(d)->type) : QString(); },
        [ref](ApiDocument &d, const QString &v) {
            const auto type = integrationTypeFromString(v);
            Method *m = methodOf(d, ref);
            if (type && m)
                changeType(*m, *type, d.functions.isEmpty() ? QString() : d.functions.first().name);
        });
    m_binder->help(tr("<b>Mock</b> answers from the integration response without calling anything. "
                      "<b>Proxy</b> integrations pass the whole request through and return the "
                      "backend's response as is; <b>custom</b> ones use mapping templates both ways."));

    m_binder->combo(
        tr("Lambda function:"), QStringLiteral("lambdaFunction"), QStringLiteral("functionName"),
        [](const ApiDocument &d) {
            Items items;
            for (const LocalFunction &f : d.functions)
                items << qMakePair(f.name + QStringLiteral("  (") + f.runtime + QLatin1Char(')'), f.name);
            return items;
        },
        [integration](const ApiDocument &d) { return integration(d) ? integration(d)->functionName : QString(); },
        edit([](Integration &i, const QString &v) { i.functionName = v; }),
        hasType({IntegrationType::AwsProxy, IntegrationType::Aws}));
    m_binder->help(tr("A local function runs as a process speaking the Lambda Runtime API."),
                   hasType({IntegrationType::AwsProxy, IntegrationType::Aws}));

    m_binder->combo(
        tr("HTTP method:"), QStringLiteral("integrationHttpMethod"), QStringLiteral("integrationHttpMethod"),
        [](const ApiDocument &) {
            Items items;
            for (const QString &v : Edits::restMethods())
                items << qMakePair(v, v);
            return items;
        },
        [integration](const ApiDocument &d) { return integration(d) ? integration(d)->httpMethod : QString(); },
        edit([](Integration &i, const QString &v) { i.httpMethod = v; }),
        hasType({IntegrationType::Http, IntegrationType::HttpProxy}));
    m_binder->lineEdit(
        tr("Endpoint URL:"), QStringLiteral("integrationUri"), QStringLiteral("uri"),
        [integration](const ApiDocument &d) { return integration(d) ? integration(d)->uri : QString(); },
        edit([](Integration &i, const QString &v) { i.uri = v.trimmed(); }),
        [](const ApiDocument &, const QString &v) { return Checks::httpUri(v); },
        hasType({IntegrationType::Http, IntegrationType::HttpProxy}))
        ->setPlaceholderText(QStringLiteral("https://${stageVariables.backendHost}/pets/{petId}"));
    m_binder->help(tr("${stageVariables.name} is replaced per stage; {name} takes the mapped "
                      "integration.request.path.name."),
                   hasType({IntegrationType::Http, IntegrationType::HttpProxy}));

    m_binder->lineEdit(
        tr("Stub response:"), QStringLiteral("stubResponse"), QStringLiteral("stubResponse"),
        [integration](const ApiDocument &d) { return integration(d) ? integration(d)->stubResponse : QString(); },
        edit([](Integration &i, const QString &v) { i.stubResponse = v; }), {},
        [integration](const ApiDocument &d) {
            return integration(d) && integration(d)->type == IntegrationType::Aws && integration(d)->functionName.isEmpty();
        })
        ->setPlaceholderText(QStringLiteral("{\"MessageId\": \"local\"}"));
    m_binder->help(tr("AWS services are not called locally: the trace shows the request AWS would "
                      "send (URI, headers, mapped body) and this stub response answers — or, when "
                      "empty, a typical success body for the action."),
                   [integration](const ApiDocument &d) {
                       return integration(d) && integration(d)->type == IntegrationType::Aws
                              && integration(d)->functionName.isEmpty();
                   });

    m_binder->combo(
        tr("Content handling:"), QStringLiteral("integrationContentHandling"), QStringLiteral("contentHandling"),
        [](const ApiDocument &) {
            return Items{{tr("Passthrough"), QString()},
                         {tr("Convert to text"), QStringLiteral("CONVERT_TO_TEXT")},
                         {tr("Convert to binary"), QStringLiteral("CONVERT_TO_BINARY")}};
        },
        [integration](const ApiDocument &d) { return integration(d) ? integration(d)->contentHandling : QString(); },
        edit([](Integration &i, const QString &v) { i.contentHandling = v; }),
        hasType({IntegrationType::Aws, IntegrationType::Http}));

    m_binder->spin(tr("Timeout (ms):"), QStringLiteral("integrationTimeout"), QStringLiteral("timeout"), 50, 29000,
                   [integration](const ApiDocument &d) { return integration(d) ? integration(d)->timeoutInMillis : 29000; },
                   [ref](ApiDocument &d, int v) {
                       if (Method *m = methodOf(d, ref))
                           m->integration.timeoutInMillis = v;
                   },
                   [integration](const ApiDocument &d) { return integration(d) && integration(d)->type != IntegrationType::Mock; });
    m_binder->help(tr("REST APIs allow 50 ms to 29 s; past it the gateway answers 504."),
                   [integration](const ApiDocument &d) { return integration(d) && integration(d)->type != IntegrationType::Mock; });

    m_binder->addStretch();
    m_binder->refresh();
}

} // namespace Gw::Ui
