// Integration Response: selection patterns, status, header mappings and templates.
#include "ui/editors/integrationresponseeditor.h"

#include "model/documentsession.h"
#include "ui/editors/fieldbinder.h"
#include "ui/editors/mappingchecks.h"
#include "ui/editors/methodaccess.h"
#include "ui/editors/sectiontitle.h"
#include "ui/editors/tableeditor.h"
#include "ui/editors/templateeditor.h"
#include "ui/editors/templatemapeditor.h"
#include "ui/models/listtablemodel.h"
#include "ui/models/maptablemodel.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QVBoxLayout>

namespace Gw::Ui {

using namespace Gw::Model;
using Items = FieldBinder::Items;

namespace {

template<typename Doc>
Lookup::Constness<IntegrationResponse, Doc> *responseOf(Doc &d, const NodeRef &ref, int row)
{
    auto *m = methodOf(d, ref);
    if (!m || row < 0 || row >= m->integration.responses.size())
        return nullptr;
    return &m->integration.responses[row];
}

// AWS rejects an integration response whose status has no method response.
QString statusCheck(const ApiDocument &d, const NodeRef &ref, const QString &code)
{
    const QString format = Checks::statusCode(code);
    if (!format.isEmpty())
        return format;
    if (const Method *m = methodOf(d, ref)) {
        for (const MethodResponse &r : m->methodResponses)
            if (r.statusCode == code.trimmed())
                return {};
        return QObject::tr("No method response %1: add it under Method Response first.").arg(code.trimmed());
    }
    return {};
}

} // namespace

IntegrationResponseEditor::IntegrationResponseEditor(DocumentSession *session, const NodeRef &ref, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_ref(ref)
    , m_row(std::make_shared<int>(-1))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(sectionTitle(tr("Integration responses"),
                                   tr("The mapResponse step picks the first whose selection pattern matches "
                                      "the Lambda error message or the HTTP status; an empty pattern is the "
                                      "default.")));

    ListTableModel::List list{
        [ref](const ApiDocument &d) {
            const Method *m = methodOf(d, ref);
            return m ? int(m->integration.responses.size()) : 0;
        },
        [ref](ApiDocument &d) {
            Method *m = methodOf(d, ref);
            if (!m)
                return false;
            IntegrationResponse r;
            r.selectionPattern = QStringLiteral("4\\d{2}");
            r.statusCode = QStringLiteral("400");
            m->integration.responses << r;
            return true;
        },
        [ref](ApiDocument &d, int row) {
            Method *m = methodOf(d, ref);
            if (!m || row < 0 || row >= m->integration.responses.size())
                return false;
            m->integration.responses.removeAt(row);
            return true;
        }};
    QList<ListTableModel::Column> columns{
        {tr("Selection pattern"),
         [ref](const ApiDocument &d, int row) {
             const IntegrationResponse *r = responseOf(d, ref, row);
             return r ? r->selectionPattern : QString();
         },
         [ref](ApiDocument &d, int row, const QString &v) {
             if (IntegrationResponse *r = responseOf(d, ref, row))
                 r->selectionPattern = v;
         },
         [](const ApiDocument &, int, const QString &v) { return Checks::selectionPattern(v); }},
        {tr("Method response status"),
         [ref](const ApiDocument &d, int row) {
             const IntegrationResponse *r = responseOf(d, ref, row);
             return r ? r->statusCode : QString();
         },
         [ref](ApiDocument &d, int row, const QString &v) {
             if (IntegrationResponse *r = responseOf(d, ref, row))
                 r->statusCode = v.trimmed();
         },
         [ref](const ApiDocument &d, int, const QString &v) { return statusCheck(d, ref, v); }}};
    m_responses = new ListTableModel(session, tr("integration response"), list, columns, this);
    m_responses->setObjectName(QStringLiteral("integrationResponsesModel"));
    m_table = new TableEditor(m_responses, tr("Add integration response"));
    m_table->setObjectName(QStringLiteral("integrationResponsesTable"));
    layout->addWidget(m_table);

    m_details = new QWidget;
    auto *form = new QFormLayout(m_details);
    form->setContentsMargins(0, 0, 0, 0);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setLabelAlignment(Qt::AlignRight | Qt::AlignVCenter);
    layout->addWidget(m_details);
    layout->addStretch(1);
    m_binder = new FieldBinder(session, ref, form, this);
    const std::shared_ptr<int> row = m_row;
    auto response = [ref, row](const ApiDocument &d) { return responseOf(d, ref, *row); };
    auto edit = [ref, row](const std::function<void(IntegrationResponse &, const QString &)> &f) {
        return [ref, row, f](ApiDocument &d, const QString &v) {
            if (IntegrationResponse *r = responseOf(d, ref, *row))
                f(*r, v);
        };
    };

    form->addRow(sectionTitle(tr("Selected response")));
    m_binder->lineEdit(tr("Selection pattern:"), QStringLiteral("integrationResponsePattern"), QStringLiteral("pattern"),
                       [response](const ApiDocument &d) { return response(d) ? response(d)->selectionPattern : QString(); },
                       edit([](IntegrationResponse &r, const QString &v) { r.selectionPattern = v; }),
                       [](const ApiDocument &, const QString &v) { return Checks::selectionPattern(v); })
        ->setPlaceholderText(tr("(default: matches anything no other pattern matches)"));
    m_binder->lineEdit(tr("Method response status:"), QStringLiteral("integrationResponseStatus"), QStringLiteral("status"),
                       [response](const ApiDocument &d) { return response(d) ? response(d)->statusCode : QString(); },
                       edit([](IntegrationResponse &r, const QString &v) { r.statusCode = v.trimmed(); }),
                       [ref](const ApiDocument &d, const QString &v) { return statusCheck(d, ref, v); });
    m_binder->combo(
        tr("Content handling:"), QStringLiteral("integrationResponseContentHandling"), QStringLiteral("contentHandling"),
        [](const ApiDocument &) {
            return Items{{tr("Passthrough"), QString()},
                         {tr("Convert to text"), QStringLiteral("CONVERT_TO_TEXT")},
                         {tr("Convert to binary"), QStringLiteral("CONVERT_TO_BINARY")}};
        },
        [response](const ApiDocument &d) { return response(d) ? response(d)->contentHandling : QString(); },
        edit([](IntegrationResponse &r, const QString &v) { r.contentHandling = v; }));

    form->addRow(sectionTitle(tr("Header mappings"), tr("method.response.header.Name ← integration.response.header.…, "
                                                        "integration.response.body.… or a 'static value'.")));
    m_headers = new MapTableModel(session, tr("header mapping"), MapTableModel::ValueKind::Text,
                                  {tr("Response header"), tr("Mapped from")}, this);
    m_headers->setObjectName(QStringLiteral("responseMappingsModel"));
    m_headers->setNewEntry(QStringLiteral("method.response.header.Name"), QStringLiteral("'value'"));
    m_headers->setKeyCheck([ref, row](const ApiDocument &d, const QString &key, const QString &) {
        const QString format = Checks::methodResponseHeader(key);
        if (!format.isEmpty())
            return format;
        // The header must be declared by the method response this entry answers with.
        const IntegrationResponse *r = responseOf(d, ref, *row);
        if (const Method *m = methodOf(d, ref); m && r)
            for (const MethodResponse &mr : m->methodResponses)
                if (mr.statusCode == r->statusCode)
                    return mr.responseParameters.contains(key)
                               ? QString()
                               : QObject::tr("Method response %1 does not declare this header.").arg(mr.statusCode);
        return QString();
    });
    m_headers->setValueCheck([](const ApiDocument &, const QString &, const QString &v) {
        return Checks::integrationResponseSource(v);
    });
    auto *headers = new TableEditor(m_headers, tr("Add header mapping"));
    form->addRow(headers);

    form->addRow(sectionTitle(tr("Mapping templates"), tr("VTL rendered by the mapResponse step; for MOCK this is "
                                                          "the response body.")));
    m_templates = new TemplateMapEditor(session, tr("response template"));
    m_templates->setObjectName(QStringLiteral("responseTemplates"));
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
    form->addRow(m_templates);

    connect(m_table, &TableEditor::currentRowChanged, this, &IntegrationResponseEditor::showResponse);
    selectResponse(-1);
}

void IntegrationResponseEditor::selectResponse(int row)
{
    if (row < 0) {
        // The default response first: it is what a MOCK or a successful call answers with.
        if (const Method *m = methodOf(m_session->document(), m_ref))
            for (int i = 0; i < m->integration.responses.size(); ++i)
                if (m->integration.responses[i].selectionPattern.isEmpty()) {
                    row = i;
                    break;
                }
        if (row < 0 && m_responses->rowCount() > 0)
            row = 0;
    }
    m_table->setCurrentRow(row);
    showResponse(row);
}

void IntegrationResponseEditor::showResponse(int row)
{
    if (row >= m_responses->rowCount())
        row = -1;
    const bool sameRow = *m_row == row;
    *m_row = row;
    m_details->setEnabled(row >= 0);
    m_binder->setScope(QStringLiteral("integrationResponse%1").arg(row));
    m_binder->refresh();
    if (sameRow && row >= 0)
        return; // the maps follow the document by themselves
    const NodeRef ref = m_ref;
    auto read = [ref, row](const ApiDocument &d) {
        const IntegrationResponse *r = responseOf(d, ref, row);
        return r ? r->responseParameters : MapTableModel::Map();
    };
    m_headers->bind(read, [ref, row](ApiDocument &d, const MapTableModel::Map &map) {
        IntegrationResponse *r = responseOf(d, ref, row);
        if (!r)
            return false;
        r->responseParameters = map;
        return true;
    });
    m_templates->bind(
        [ref, row](const ApiDocument &d) {
            const IntegrationResponse *r = responseOf(d, ref, row);
            return r ? r->responseTemplates : MapTableModel::Map();
        },
        [ref, row](ApiDocument &d, const MapTableModel::Map &map) {
            IntegrationResponse *r = responseOf(d, ref, row);
            if (!r)
                return false;
            r->responseTemplates = map;
            return true;
        },
        ref.key() + QStringLiteral("/integrationResponse%1/templates").arg(row));
}

} // namespace Gw::Ui
