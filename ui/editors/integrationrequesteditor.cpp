// Integration Request: parameter mappings, request templates and passthrough behaviour.
#include "ui/editors/integrationrequesteditor.h"

#include "model/documentsession.h"
#include "ui/editors/fieldbinder.h"
#include "ui/editors/mappingchecks.h"
#include "ui/editors/methodaccess.h"
#include "ui/editors/sectiontitle.h"
#include "ui/editors/tableeditor.h"
#include "ui/editors/templateeditor.h"
#include "ui/editors/templatemapeditor.h"
#include "ui/models/maptablemodel.h"

#include <QComboBox>
#include <QFormLayout>

namespace Gw::Ui {

using namespace Gw::Model;
using Items = FieldBinder::Items;

IntegrationRequestEditor::IntegrationRequestEditor(DocumentSession *session, const NodeRef &ref, QWidget *parent)
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
    auto isProxy = [integration](const ApiDocument &d) {
        return integration(d) && (integration(d)->type == IntegrationType::AwsProxy
                                  || integration(d)->type == IntegrationType::HttpProxy);
    };
    auto notProxy = [isProxy](const ApiDocument &d) { return !isProxy(d); };

    m_binder->help(tr("<b>Proxy integration:</b> the request goes to the backend unchanged, so "
                      "mapping templates do not apply; path parameters still map into the URL."),
                   isProxy);

    form->addRow(sectionTitle(tr("Passthrough"), tr("What the mapRequest step does with a body whose "
                                                    "content type has no template.")));
    m_binder->combo(
        tr("Request body passthrough:"), QStringLiteral("passthroughBehavior"), QStringLiteral("passthroughBehavior"),
        [](const ApiDocument &) {
            return Items{{tr("When no template matches the content type (WHEN_NO_MATCH)"), toString(PassthroughBehavior::WhenNoMatch)},
                         {tr("When there are no templates defined (WHEN_NO_TEMPLATES)"), toString(PassthroughBehavior::WhenNoTemplates)},
                         {tr("Never: answer 415 Unsupported Media Type (NEVER)"), toString(PassthroughBehavior::Never)}};
        },
        [integration](const ApiDocument &d) { return integration(d) ? toString(integration(d)->passthroughBehavior) : QString(); },
        [ref](ApiDocument &d, const QString &v) {
            Method *m = methodOf(d, ref);
            if (const auto p = passthroughBehaviorFromString(v); p && m)
                m->integration.passthroughBehavior = *p;
        },
        notProxy);

    form->addRow(sectionTitle(tr("Parameter mappings"),
                              tr("integration.request.{path|querystring|header}.name ← method.request.…, "
                                 "context.…, stageVariables.… or a 'static value'.")));
    m_parameters = new MapTableModel(session, tr("parameter mapping"), MapTableModel::ValueKind::Text,
                                     {tr("Integration request parameter"), tr("Mapped from")}, this);
    m_parameters->setObjectName(QStringLiteral("requestMappingsModel"));
    m_parameters->setNewEntry(QStringLiteral("integration.request.header.name"), QStringLiteral("method.request.header.name"));
    m_parameters->bind(
        [ref](const ApiDocument &d) {
            const Method *m = methodOf(d, ref);
            return m ? m->integration.requestParameters : MapTableModel::Map();
        },
        [ref](ApiDocument &d, const MapTableModel::Map &map) {
            Method *m = methodOf(d, ref);
            if (!m)
                return false;
            m->integration.requestParameters = map;
            return true;
        });
    m_parameters->setKeyCheck([](const ApiDocument &, const QString &key, const QString &) {
        return Checks::integrationRequestParameter(key);
    });
    m_parameters->setValueCheck([](const ApiDocument &, const QString &, const QString &value) {
        return Checks::integrationRequestSource(value);
    });
    auto *parameters = new TableEditor(m_parameters, tr("Add mapping"));
    parameters->setObjectName(QStringLiteral("requestMappingsTable"));
    form->addRow(parameters);

    auto *templatesTitle = sectionTitle(tr("Mapping templates"),
                                        tr("VTL rendered by the mapRequest step for the request's content type."));
    m_binder->row(QString(), templatesTitle, notProxy);
    m_templates = new TemplateMapEditor(session, tr("request template"));
    m_templates->setObjectName(QStringLiteral("requestTemplates"));
    m_templates->bind(
        [ref](const ApiDocument &d) {
            const Method *m = methodOf(d, ref);
            return m ? m->integration.requestTemplates : MapTableModel::Map();
        },
        [ref](ApiDocument &d, const MapTableModel::Map &map) {
            Method *m = methodOf(d, ref);
            if (!m)
                return false;
            m->integration.requestTemplates = map;
            return true;
        },
        ref.key() + QStringLiteral("/requestTemplates"));
    if (const Api *api = Lookup::api(session->document(), ref.apiId))
        if (const Method *m = methodOf(session->document(), ref))
            m_templates->templateEditor()->setSampleRoute(m->httpMethod,
                                                          resourcePath(*api, Lookup::resourceOfMethod(*api, ref.id)));
    if (const Api *api = Lookup::api(session->document(), ref.apiId)) {
        // The first stage's values win: the preview renders as that stage would.
        QMap<QString, QString> variables;
        for (auto it = api->stages.crbegin(); it != api->stages.crend(); ++it)
            variables.insert(it->variables);
        m_templates->templateEditor()->setStageVariables(variables);
    }
    m_binder->row(QString(), m_templates, notProxy);

    m_binder->addStretch();
    m_binder->refresh();
}

} // namespace Gw::Ui
