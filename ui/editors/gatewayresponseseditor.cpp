// Gateway responses of a REST API: types and status codes, header mappings and templates.
#include "ui/editors/gatewayresponseseditor.h"

#include "model/documentsession.h"
#include "ui/editors/sectiontitle.h"
#include "ui/editors/tableeditor.h"
#include "ui/editors/templatemapeditor.h"
#include "ui/models/listtablemodel.h"
#include "ui/models/maptablemodel.h"
#include "ui/models/nodelookup.h"

#include <QRegularExpression>
#include <QVBoxLayout>

namespace Gw::Ui {

using namespace Gw::Model;

namespace {

template<typename Doc>
Lookup::Constness<GatewayResponse, Doc> *responseOf(Doc &d, const NodeRef &ref, int row)
{
    auto *api = Lookup::api(d, ref.apiId);
    if (!api || row < 0 || row >= api->gatewayResponses.size())
        return nullptr;
    return &api->gatewayResponses[row];
}

} // namespace

QStringList GatewayResponsesEditor::responseTypes()
{
    return {QStringLiteral("DEFAULT_4XX"), QStringLiteral("DEFAULT_5XX"), QStringLiteral("ACCESS_DENIED"),
            QStringLiteral("API_CONFIGURATION_ERROR"), QStringLiteral("AUTHORIZER_CONFIGURATION_ERROR"),
            QStringLiteral("AUTHORIZER_FAILURE"), QStringLiteral("BAD_REQUEST_PARAMETERS"),
            QStringLiteral("BAD_REQUEST_BODY"), QStringLiteral("EXPIRED_TOKEN"), QStringLiteral("INTEGRATION_FAILURE"),
            QStringLiteral("INTEGRATION_TIMEOUT"), QStringLiteral("INVALID_API_KEY"), QStringLiteral("INVALID_SIGNATURE"),
            QStringLiteral("MISSING_AUTHENTICATION_TOKEN"), QStringLiteral("QUOTA_EXCEEDED"),
            QStringLiteral("REQUEST_TOO_LARGE"), QStringLiteral("RESOURCE_NOT_FOUND"), QStringLiteral("THROTTLED"),
            QStringLiteral("UNAUTHORIZED"), QStringLiteral("UNSUPPORTED_MEDIA_TYPE"), QStringLiteral("WAF_FILTERED")};
}

GatewayResponsesEditor::GatewayResponsesEditor(DocumentSession *session, const NodeRef &ref, QWidget *parent)
    : QWidget(parent)
    , m_ref(ref)
    , m_row(std::make_shared<int>(-1))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(sectionTitle(tr("Gateway responses"),
                                   tr("What API Gateway itself answers when a request fails before or around "
                                      "the integration (DEFAULT_4XX covers every 4xx without its own entry).")));

    ListTableModel::List list{
        [ref](const ApiDocument &d) {
            const Api *api = Lookup::api(d, ref.apiId);
            return api ? int(api->gatewayResponses.size()) : 0;
        },
        [ref](ApiDocument &d) {
            Api *api = Lookup::api(d, ref.apiId);
            if (!api)
                return false;
            QStringList taken;
            for (const GatewayResponse &r : api->gatewayResponses)
                taken << r.responseType;
            for (const QString &type : responseTypes())
                if (!taken.contains(type)) {
                    GatewayResponse r;
                    r.responseType = type;
                    api->gatewayResponses << r;
                    return true;
                }
            return false; // every type has its entry
        },
        [ref](ApiDocument &d, int row) {
            Api *api = Lookup::api(d, ref.apiId);
            if (!api || row < 0 || row >= api->gatewayResponses.size())
                return false;
            api->gatewayResponses.removeAt(row);
            return true;
        }};
    QList<ListTableModel::Column> columns{
        {tr("Response type"),
         [ref](const ApiDocument &d, int row) {
             const GatewayResponse *r = responseOf(d, ref, row);
             return r ? r->responseType : QString();
         },
         [ref](ApiDocument &d, int row, const QString &v) {
             if (GatewayResponse *r = responseOf(d, ref, row))
                 r->responseType = v.trimmed().toUpper();
         },
         [ref](const ApiDocument &d, int row, const QString &v) {
             if (!responseTypes().contains(v.trimmed().toUpper()))
                 return tr("Not a gateway response type AWS knows (DEFAULT_4XX, UNAUTHORIZED, …).");
             const Api *api = Lookup::api(d, ref.apiId);
             for (int i = 0; api && i < api->gatewayResponses.size(); ++i)
                 if (i != row && api->gatewayResponses[i].responseType == v.trimmed().toUpper())
                     return tr("%1 has an entry already.").arg(v.trimmed().toUpper());
             return QString();
         }},
        {tr("Status code"),
         [ref](const ApiDocument &d, int row) {
             const GatewayResponse *r = responseOf(d, ref, row);
             return r ? r->statusCode : QString();
         },
         [ref](ApiDocument &d, int row, const QString &v) {
             if (GatewayResponse *r = responseOf(d, ref, row))
                 r->statusCode = v.trimmed();
         },
         [](const ApiDocument &, int, const QString &v) {
             static const QRegularExpression code(QStringLiteral("^[1-5]\\d\\d$"));
             return v.trimmed().isEmpty() || code.match(v.trimmed()).hasMatch()
                        ? QString()
                        : tr("A status code is three digits (empty: the type's own).");
         }}};
    m_responses = new ListTableModel(session, tr("gateway response"), list, columns, this);
    m_responses->setObjectName(QStringLiteral("gatewayResponsesModel"));
    m_table = new TableEditor(m_responses, tr("Add gateway response"));
    m_table->setObjectName(QStringLiteral("gatewayResponsesTable"));
    layout->addWidget(m_table);

    m_details = new QWidget;
    auto *details = new QVBoxLayout(m_details);
    details->setContentsMargins(0, 0, 0, 0);
    details->addWidget(sectionTitle(tr("Response headers"), tr("gatewayresponse.header.Name ← 'static value', "
                                                                "method.request.header.…, stageVariables.…")));
    m_headers = new MapTableModel(session, tr("gateway response header"), MapTableModel::ValueKind::Text,
                                  {tr("Header"), tr("Value")}, this);
    m_headers->setObjectName(QStringLiteral("gatewayResponseHeadersModel"));
    m_headers->setNewEntry(QStringLiteral("gatewayresponse.header.Name"), QStringLiteral("'value'"));
    m_headers->setKeyCheck([](const ApiDocument &, const QString &key, const QString &) {
        static const QRegularExpression header(QStringLiteral("^gatewayresponse\\.header\\.[!#$%&'*+.^_`|~0-9A-Za-z-]+$"));
        return header.match(key).hasMatch() ? QString() : tr("A header is gatewayresponse.header.Name.");
    });
    m_headers->setValueCheck([](const ApiDocument &, const QString &, const QString &v) {
        const QString value = v.trimmed();
        if (value.size() >= 2 && value.startsWith(QLatin1Char('\'')) && value.endsWith(QLatin1Char('\'')))
            return QString();
        for (const char *prefix : {"method.request.", "stageVariables.", "context."})
            if (value.startsWith(QLatin1String(prefix)))
                return QString();
        return tr("A 'static value' (in single quotes), method.request.…, stageVariables.… or context.….");
    });
    auto *headers = new TableEditor(m_headers, tr("Add header"));
    headers->setObjectName(QStringLiteral("gatewayResponseHeadersTable"));
    details->addWidget(headers);
    details->addWidget(sectionTitle(tr("Body templates"), tr("The body by content type; $context.error.message "
                                                            "is the error's text.")));
    m_templates = new TemplateMapEditor(session, tr("gateway response template"));
    m_templates->setObjectName(QStringLiteral("gatewayResponseTemplates"));
    details->addWidget(m_templates);
    layout->addWidget(m_details);

    connect(m_table, &TableEditor::currentRowChanged, this, &GatewayResponsesEditor::showResponse);
    selectResponse(m_responses->rowCount() > 0 ? 0 : -1);
}

void GatewayResponsesEditor::selectResponse(int row)
{
    m_table->setCurrentRow(row);
    showResponse(row);
}

void GatewayResponsesEditor::showResponse(int row)
{
    if (row >= m_responses->rowCount())
        row = -1;
    const bool sameRow = *m_row == row;
    *m_row = row;
    m_details->setEnabled(row >= 0);
    if (sameRow && row >= 0)
        return;
    const NodeRef ref = m_ref;
    m_headers->bind(
        [ref, row](const ApiDocument &d) {
            const GatewayResponse *r = responseOf(d, ref, row);
            return r ? r->responseParameters : MapTableModel::Map();
        },
        [ref, row](ApiDocument &d, const MapTableModel::Map &map) {
            GatewayResponse *r = responseOf(d, ref, row);
            if (!r)
                return false;
            r->responseParameters = map;
            return true;
        });
    m_templates->bind(
        [ref, row](const ApiDocument &d) {
            const GatewayResponse *r = responseOf(d, ref, row);
            return r ? r->responseTemplates : MapTableModel::Map();
        },
        [ref, row](ApiDocument &d, const MapTableModel::Map &map) {
            GatewayResponse *r = responseOf(d, ref, row);
            if (!r)
                return false;
            r->responseTemplates = map;
            return true;
        },
        ref.key() + QStringLiteral("/gatewayResponse%1/templates").arg(row));
}

} // namespace Gw::Ui
