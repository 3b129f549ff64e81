// Method Response: declared status codes, headers and models.
#include "ui/editors/methodresponseeditor.h"

#include "model/documentsession.h"
#include "ui/editors/mappingchecks.h"
#include "ui/editors/methodaccess.h"
#include "ui/editors/sectiontitle.h"
#include "ui/editors/tableeditor.h"
#include "ui/models/listtablemodel.h"
#include "ui/models/maptablemodel.h"

#include <QVBoxLayout>

namespace Gw::Ui {

using namespace Gw::Model;

namespace {

template<typename Doc>
Lookup::Constness<MethodResponse, Doc> *responseOf(Doc &d, const NodeRef &ref, int row)
{
    auto *m = methodOf(d, ref);
    if (!m || row < 0 || row >= m->methodResponses.size())
        return nullptr;
    return &m->methodResponses[row];
}

} // namespace

MethodResponseEditor::MethodResponseEditor(DocumentSession *session, const NodeRef &ref, QWidget *parent)
    : QWidget(parent)
    , m_ref(ref)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(sectionTitle(tr("Method responses"),
                                   tr("The status codes the respond step may answer with; integration "
                                      "responses and proxy integrations pick among them.")));
    ListTableModel::List list{
        [ref](const ApiDocument &d) {
            const Method *m = methodOf(d, ref);
            return m ? int(m->methodResponses.size()) : 0;
        },
        [ref](ApiDocument &d) {
            Method *m = methodOf(d, ref);
            if (!m)
                return false;
            // The next free code of the usual ladder.
            static const QStringList ladder{QStringLiteral("200"), QStringLiteral("400"), QStringLiteral("404"),
                                            QStringLiteral("500"), QStringLiteral("201"), QStringLiteral("204"),
                                            QStringLiteral("403"), QStringLiteral("502")};
            for (const QString &code : ladder) {
                bool taken = false;
                for (const MethodResponse &r : m->methodResponses)
                    taken = taken || r.statusCode == code;
                if (!taken) {
                    MethodResponse r;
                    r.statusCode = code;
                    m->methodResponses << r;
                    return true;
                }
            }
            return false;
        },
        [ref](ApiDocument &d, int row) {
            Method *m = methodOf(d, ref);
            if (!m || row < 0 || row >= m->methodResponses.size())
                return false;
            m->methodResponses.removeAt(row);
            return true;
        }};
    QList<ListTableModel::Column> columns{
        {tr("Status code"),
         [ref](const ApiDocument &d, int row) {
             const MethodResponse *r = responseOf(d, ref, row);
             return r ? r->statusCode : QString();
         },
         [ref](ApiDocument &d, int row, const QString &v) {
             if (MethodResponse *r = responseOf(d, ref, row))
                 r->statusCode = v.trimmed();
         },
         [ref](const ApiDocument &d, int row, const QString &v) {
             const QString format = Checks::statusCode(v);
             if (!format.isEmpty())
                 return format;
             if (const Method *m = methodOf(d, ref))
                 for (int i = 0; i < m->methodResponses.size(); ++i)
                     if (i != row && m->methodResponses[i].statusCode == v.trimmed())
                         return QObject::tr("Status %1 is declared twice.").arg(v.trimmed());
             return QString();
         }},
        {tr("Headers"),
         [ref](const ApiDocument &d, int row) {
             const MethodResponse *r = responseOf(d, ref, row);
             QStringList names;
             if (r)
                 for (const QString &k : r->responseParameters.keys())
                     names << k.section(QLatin1Char('.'), 3);
             return names.join(QStringLiteral(", "));
         },
         {}, {}},
        {tr("Models"),
         [ref](const ApiDocument &d, int row) {
             const MethodResponse *r = responseOf(d, ref, row);
             QStringList models;
             if (r)
                 for (auto it = r->responseModels.cbegin(); it != r->responseModels.cend(); ++it)
                     models << it.key() + QStringLiteral(": ") + it.value();
             return models.join(QStringLiteral(", "));
         },
         {}, {}}};
    m_responses = new ListTableModel(session, tr("method response"), list, columns, this);
    m_responses->setObjectName(QStringLiteral("methodResponsesModel"));
    m_table = new TableEditor(m_responses, tr("Add response"));
    m_table->setObjectName(QStringLiteral("methodResponsesTable"));
    layout->addWidget(m_table);

    m_details = new QWidget;
    auto *details = new QVBoxLayout(m_details);
    details->setContentsMargins(0, 0, 0, 0);
    details->addWidget(sectionTitle(tr("Response headers"), tr("Headers this response may carry; map their "
                                                               "values in the Integration Response.")));
    m_headers = new MapTableModel(session, tr("response header"), MapTableModel::ValueKind::Flag,
                                  {tr("Header"), tr("Required")}, this);
    m_headers->setObjectName(QStringLiteral("responseHeadersModel"));
    m_headers->setNewEntry(QStringLiteral("method.response.header.Name"), QStringLiteral("false"));
    m_headers->setKeyCheck([](const ApiDocument &, const QString &key, const QString &) {
        return Checks::methodResponseHeader(key);
    });
    details->addWidget(new TableEditor(m_headers, tr("Add header")));
    details->addWidget(sectionTitle(tr("Response body"), tr("The model of the body, by content type.")));
    m_models = new MapTableModel(session, tr("response model"), MapTableModel::ValueKind::Text,
                                 {tr("Content type"), tr("Model")}, this);
    m_models->setObjectName(QStringLiteral("responseModelsModel"));
    m_models->setNewEntry(QStringLiteral("application/json"), QStringLiteral("Empty"));
    m_models->setKeyCheck([](const ApiDocument &, const QString &key, const QString &) { return Checks::contentType(key); });
    m_models->setValueCheck([ref](const ApiDocument &d, const QString &, const QString &value) {
        const Api *api = Lookup::api(d, ref.apiId);
        if (!api || value == QLatin1String("Empty") || value == QLatin1String("Error"))
            return QString();
        return Checks::modelName(*api, value);
    });
    details->addWidget(new TableEditor(m_models, tr("Add model")));
    details->addStretch(1);
    layout->addWidget(m_details, 1);

    connect(m_table, &TableEditor::currentRowChanged, this, &MethodResponseEditor::showResponse);
    selectResponse(m_responses->rowCount() > 0 ? 0 : -1);
}

void MethodResponseEditor::selectResponse(int row)
{
    m_table->setCurrentRow(row);
    showResponse(row);
}

void MethodResponseEditor::showResponse(int row)
{
    if (row >= m_responses->rowCount())
        row = -1;
    m_details->setEnabled(row >= 0);
    if (row == m_row && row >= 0)
        return;
    m_row = row;
    const NodeRef ref = m_ref;
    m_headers->bind(
        [ref, row](const ApiDocument &d) {
            MapTableModel::Map map;
            if (const MethodResponse *r = responseOf(d, ref, row))
                for (auto it = r->responseParameters.cbegin(); it != r->responseParameters.cend(); ++it)
                    map.insert(it.key(), it.value() ? QStringLiteral("true") : QStringLiteral("false"));
            return map;
        },
        [ref, row](ApiDocument &d, const MapTableModel::Map &map) {
            MethodResponse *r = responseOf(d, ref, row);
            if (!r)
                return false;
            r->responseParameters.clear();
            for (auto it = map.cbegin(); it != map.cend(); ++it)
                r->responseParameters.insert(it.key(), it.value() == QLatin1String("true"));
            return true;
        });
    m_models->bind(
        [ref, row](const ApiDocument &d) {
            const MethodResponse *r = responseOf(d, ref, row);
            return r ? r->responseModels : MapTableModel::Map();
        },
        [ref, row](ApiDocument &d, const MapTableModel::Map &map) {
            MethodResponse *r = responseOf(d, ref, row);
            if (!r)
                return false;
            r->responseModels = map;
            return true;
        });
}

} // namespace Gw::Ui
