// The form for the selected node.
//
// Each field is a Binding: a widget, a refresh function reading the current document, and an
// optional visibility predicate (rows show or hide as e.g. the integration type changes, so the
// form is built once per selected node, never under the user's cursor). Refresh writes a widget
// only when its value differs from the document, so the field being typed in keeps its cursor.
#include "ui/editors/propertiespanel.h"

#include "model/documentsession.h"
#include "ui/code/codeeditor.h"
#include "ui/editors/authorizereditor.h"
#include "ui/editors/corseditor.h"
#include "ui/editors/gatewayresponseseditor.h"
#include "ui/editors/functioneditor.h"
#include "ui/editors/stageeditor.h"
#include "ui/editors/usageplaneditor.h"
#include "ui/editors/apikeyeditor.h"
#include "ui/editors/methodexecutionview.h"
#include "ui/editors/modeleditor.h"
#include "ui/editors/routeeditor.h"
#include "ui/models/documentedits.h"
#include "ui/models/nodelookup.h"

#include <QCheckBox>
#include <memory>
#include <QComboBox>
#include <QFormLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QVBoxLayout>

namespace Gw::Ui {

using namespace Gw::Model;
using Kind = NodeRef::Kind;
using Items = QList<QPair<QString, QString>>;

namespace {

QString apiTypeLabel(ApiType t)
{
    switch (t) {
    case ApiType::Rest:
        return QStringLiteral("REST API");
    case ApiType::Http:
        return QStringLiteral("HTTP API");
    case ApiType::WebSocket:
        return QStringLiteral("WebSocket API");
    }
    return {};
}

} // namespace

PropertiesPanel::PropertiesPanel(DocumentSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
{
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(12, 10, 12, 10);
    outer->setSpacing(2);

    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("propertiesTitle"));
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.35);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_subtitle = new QLabel(this);
    m_subtitle->setObjectName(QStringLiteral("propertiesSubtitle"));
    QPalette pal = m_subtitle->palette();
    pal.setColor(QPalette::WindowText, QColor(0x6b, 0x72, 0x80));
    m_subtitle->setPalette(pal);
    outer->addWidget(m_title);
    outer->addWidget(m_subtitle);
    outer->addSpacing(8);

    m_placeholder = new QLabel(tr("Select an API, resource, method or route in the Resources tree "
                                  "to edit its properties."),
                               this);
    static_cast<QLabel *>(m_placeholder)->setWordWrap(true);
    static_cast<QLabel *>(m_placeholder)->setAlignment(Qt::AlignCenter);
    m_placeholder->setPalette(pal);
    outer->addWidget(m_placeholder, 1);

    connect(m_session, &DocumentSession::documentChanged, this, &PropertiesPanel::refresh);
    rebuild();
}

PropertiesPanel::~PropertiesPanel() = default;

void PropertiesPanel::setNode(const NodeRef &node)
{
    if (node == m_node && m_form)
        return;
    m_node = node;
    rebuild();
}

bool PropertiesPanel::showStep(const QString &stepName)
{
    return m_execution && m_execution->showStep(stepName);
}

void PropertiesPanel::rebuild()
{
    m_bindings.clear();
    m_execution = nullptr;
    if (m_form) {
        // Detach first so findChild() never sees the old fields while deleteLater is pending.
        m_form->hide();
        m_form->setParent(nullptr);
        m_form->deleteLater();
        m_form = nullptr;
        m_layout = nullptr;
    }

    const ApiDocument &doc = m_session->document();
    if (!m_node.isValid() || !Lookup::exists(doc, m_node)) {
        m_node = {};
        m_title->setText(tr("Properties"));
        m_subtitle->clear();
        m_placeholder->show();
        return;
    }
    m_placeholder->hide();

    // Methods, authorizers and models have editors of their own; the rest are forms built here.
    QWidget *editor = nullptr;
    if (m_node.kind == Kind::Method) {
        m_execution = new MethodExecutionView(m_session, m_node);
        // Going from method to method keeps the box the user works in.
        if (!m_lastStep.isEmpty())
            m_execution->showStep(m_lastStep);
        connect(m_execution, &MethodExecutionView::stepShown, this, [this](const QString &step) { m_lastStep = step; });
        editor = m_execution;
    } else if (m_node.kind == Kind::Authorizer || m_node.kind == Kind::Stage || m_node.kind == Kind::Function
               || m_node.kind == Kind::Route || m_node.kind == Kind::UsagePlan || m_node.kind == Kind::ApiKey) {
        QWidget *form = nullptr;
        if (m_node.kind == Kind::Route)
            form = new RouteEditor(m_session, m_node);
        else if (m_node.kind == Kind::Authorizer)
            form = new AuthorizerEditor(m_session, m_node);
        else if (m_node.kind == Kind::Stage)
            form = new StageEditor(m_session, m_node);
        else if (m_node.kind == Kind::UsagePlan)
            form = new UsagePlanEditor(m_session, m_node);
        else if (m_node.kind == Kind::ApiKey)
            form = new ApiKeyEditor(m_session, m_node);
        else
            form = new FunctionEditor(m_session, m_node);
        form->setObjectName(m_node.kind == Kind::Authorizer ? QStringLiteral("authorizerEditor")
                            : m_node.kind == Kind::Stage    ? QStringLiteral("stageEditor")
                            : m_node.kind == Kind::Route    ? QStringLiteral("routeEditor")
                            : m_node.kind == Kind::UsagePlan ? QStringLiteral("usagePlanEditor")
                            : m_node.kind == Kind::ApiKey   ? QStringLiteral("apiKeyEditor")
                                                            : QStringLiteral("functionEditor"));
        auto *scroll = new QScrollArea;
        scroll->setWidgetResizable(true);
        scroll->setFrameShape(QFrame::NoFrame);
        scroll->setWidget(form);
        editor = scroll;
    } else if (m_node.kind == Kind::Model) {
        auto *model = new ModelEditor(m_session, m_node);
        model->setObjectName(QStringLiteral("modelEditor"));
        editor = model;
    }
    if (editor) {
        editor->setParent(this);
        m_form = editor;
        static_cast<QVBoxLayout *>(layout())->addWidget(m_form, 1);
        m_form->show();
        refresh();
        return;
    }

    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("propertiesForm"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *inner = new QWidget(scroll);
    m_layout = new QFormLayout(inner);
    m_layout->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_layout->setLabelAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_layout->setRowWrapPolicy(QFormLayout::DontWrapRows);
    m_layout->setContentsMargins(0, 0, 4, 0);
    scroll->setWidget(inner);
    m_form = scroll;
    static_cast<QVBoxLayout *>(layout())->addWidget(m_form, 1);
    m_form->show(); // a layout shows new children of a visible parent only later, from the event loop

    switch (m_node.kind) {
    case Kind::Api:
        buildApi();
        break;
    case Kind::Resource:
        buildResource();
        break;
    default:
        break;
    }
    refresh();
}

void PropertiesPanel::refresh()
{
    const ApiDocument &doc = m_session->document();
    if (m_node.isValid() && !Lookup::exists(doc, m_node)) {
        setNode({}); // removed (or undone away)
        return;
    }
    if (!m_node.isValid())
        return;

    // Title and subtitle follow the node's names.
    const Api *api = Lookup::api(doc, m_node.apiId);
    const QString apiName = api ? api->name : QString();
    switch (m_node.kind) {
    case Kind::Api:
        m_title->setText(apiName);
        m_subtitle->setText(apiTypeLabel(api->type));
        break;
    case Kind::Resource:
        m_title->setText(resourcePath(*api, m_node.id));
        m_subtitle->setText(tr("Resource · %1").arg(apiName));
        break;
    case Kind::Method:
        m_title->setText(Lookup::operationLabel(doc, m_node));
        m_subtitle->setText(tr("Method · %1").arg(apiName));
        break;
    case Kind::Route:
        m_title->setText(Lookup::operationLabel(doc, m_node));
        m_subtitle->setText(tr("Route · %1").arg(apiName));
        break;
    case Kind::Authorizer:
        m_title->setText(Lookup::authorizer(*api, m_node.id)->name);
        m_subtitle->setText(tr("Authorizer · %1").arg(apiName));
        break;
    case Kind::Stage:
        m_title->setText(m_node.id);
        m_subtitle->setText(tr("Stage · %1").arg(apiName));
        break;
    case Kind::Model:
        m_title->setText(Lookup::model(*api, m_node.id)->name);
        m_subtitle->setText(tr("Model · %1").arg(apiName));
        break;
    case Kind::Function:
        m_title->setText(Lookup::function(doc, m_node.id)->name);
        m_subtitle->setText(tr("Local Lambda function"));
        break;
    case Kind::AuthorizerGroup:
        m_title->setText(tr("Authorizers"));
        m_subtitle->setText(apiName);
        break;
    case Kind::ModelGroup:
        m_title->setText(tr("Models"));
        m_subtitle->setText(apiName);
        break;
    case Kind::StageGroup:
        m_title->setText(tr("Stages"));
        m_subtitle->setText(apiName);
        break;
    case Kind::FunctionGroup:
        m_title->setText(tr("Functions"));
        m_subtitle->setText(tr("Local Lambda functions run as processes"));
        break;
    case Kind::UsagePlan:
        m_title->setText(Lookup::usagePlan(doc, m_node.id)->name);
        m_subtitle->setText(tr("Usage plan"));
        break;
    case Kind::ApiKey:
        m_title->setText(Lookup::apiKey(doc, m_node.id)->name);
        m_subtitle->setText(tr("API key"));
        break;
    case Kind::UsagePlanGroup:
        m_title->setText(tr("Usage Plans"));
        m_subtitle->setText(tr("Throttling and quotas for callers with API keys"));
        break;
    case Kind::ApiKeyGroup:
        m_title->setText(tr("API Keys"));
        m_subtitle->setText(tr("Keys callers send in x-api-key"));
        break;
    case Kind::None:
        break;
    }

    for (const Binding &b : std::as_const(m_bindings)) {
        if (b.visible && m_layout)
            m_layout->setRowVisible(b.field, b.visible(doc));
        b.refresh(doc);
    }
}

void PropertiesPanel::apply(const QString &undoText, const QString &field, const Setter &set,
                            const QString &value)
{
    if (m_applying || !set)
        return;
    m_applying = true;
    m_session->edit(undoText, [set, value](ApiDocument &doc) { set(doc, value); },
                    m_node.key() + QLatin1Char('/') + field);
    m_applying = false;
}

QLineEdit *PropertiesPanel::addLineEdit(const QString &label, const QString &objectName,
                                        const QString &field, const Getter &get, const Setter &set,
                                        const Predicate &visible)
{
    auto *edit = new QLineEdit(m_form);
    edit->setObjectName(objectName);
    m_layout->addRow(label, edit);
    const QString undoText = tr("Edit %1").arg(QString(label).remove(QLatin1Char('&')).toLower());
    connect(edit, &QLineEdit::textEdited, this,
            [this, undoText, field, set](const QString &text) { apply(undoText, field, set, text); });
    m_bindings << Binding{edit, [edit, get](const ApiDocument &doc) {
                              const QString value = get(doc);
                              if (edit->text() != value) {
                                  const QSignalBlocker block(edit);
                                  edit->setText(value);
                              }
                          },
                          visible};
    return edit;
}

QComboBox *PropertiesPanel::addCombo(const QString &label, const QString &objectName,
                                     const QString &field,
                                     const std::function<Items(const ApiDocument &)> &items,
                                     const Getter &get, const Setter &set, const Predicate &visible)
{
    auto *combo = new QComboBox(m_form);
    combo->setObjectName(objectName);
    combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_layout->addRow(label, combo);
    const QString undoText = tr("Change %1").arg(QString(label).remove(QLatin1Char('&')).toLower());
    connect(combo, &QComboBox::currentIndexChanged, this, [this, combo, undoText, field, set](int i) {
        if (i >= 0)
            apply(undoText, field, set, combo->itemData(i).toString());
    });
    m_bindings << Binding{combo, [combo, items, get](const ApiDocument &doc) {
                              const QSignalBlocker block(combo);
                              Items wanted = items(doc);
                              const QString value = get(doc);
                              bool known = false;
                              for (const auto &item : std::as_const(wanted))
                                  known = known || item.second == value;
                              if (!known) // keep what the document says, even if unusual
                                  wanted << qMakePair(value.isEmpty() ? tr("(none)") : value, value);
                              bool same = combo->count() == wanted.size();
                              for (int i = 0; same && i < wanted.size(); ++i)
                                  same = combo->itemText(i) == wanted.at(i).first
                                         && combo->itemData(i).toString() == wanted.at(i).second;
                              if (!same) {
                                  combo->clear();
                                  for (const auto &item : std::as_const(wanted))
                                      combo->addItem(item.first, item.second);
                              }
                              combo->setCurrentIndex(combo->findData(value));
                          },
                          visible};
    return combo;
}

QCheckBox *PropertiesPanel::addCheck(const QString &label, const QString &objectName,
                                     const QString &field,
                                     const std::function<bool(const ApiDocument &)> &get,
                                     const std::function<void(ApiDocument &, bool)> &set,
                                     const Predicate &visible)
{
    auto *check = new QCheckBox(m_form);
    check->setObjectName(objectName);
    m_layout->addRow(label, check);
    const QString undoText = tr("Change %1").arg(QString(label).remove(QLatin1Char('&')).toLower());
    connect(check, &QCheckBox::toggled, this, [this, undoText, field, set](bool on) {
        apply(undoText, field, [set, on](ApiDocument &doc, const QString &) { set(doc, on); }, {});
    });
    m_bindings << Binding{check, [check, get](const ApiDocument &doc) {
                              const QSignalBlocker block(check);
                              check->setChecked(get(doc));
                          },
                          visible};
    return check;
}

QSpinBox *PropertiesPanel::addSpin(const QString &label, const QString &objectName,
                                   const QString &field, int min, int max,
                                   const std::function<int(const ApiDocument &)> &get,
                                   const std::function<void(ApiDocument &, int)> &set)
{
    auto *spin = new QSpinBox(m_form);
    spin->setObjectName(objectName);
    spin->setRange(min, max);
    spin->setAccelerated(true);
    m_layout->addRow(label, spin);
    const QString undoText = tr("Change %1").arg(QString(label).remove(QLatin1Char('&')).toLower());
    connect(spin, &QSpinBox::valueChanged, this, [this, undoText, field, set](int v) {
        apply(undoText, field, [set, v](ApiDocument &doc, const QString &) { set(doc, v); }, {});
    });
    m_bindings << Binding{spin, [spin, get](const ApiDocument &doc) {
                              const int v = get(doc);
                              if (spin->value() != v) {
                                  const QSignalBlocker block(spin);
                                  spin->setValue(v);
                              }
                          },
                          {}};
    return spin;
}

CodeEditor *PropertiesPanel::addCode(const QString &label, const QString &objectName,
                                     const QString &field, const Getter &get, const Setter &set,
                                     const Predicate &visible)
{
    auto *editor = new CodeEditor(m_form);
    editor->setObjectName(objectName);
    editor->setLanguage(CodeEditor::Language::Json);
    editor->setMinimumHeight(180);
    editor->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    editor->setReadOnly(!set);
    m_layout->addRow(label, editor);
    if (set) {
        const QString undoText = tr("Edit %1").arg(QString(label).remove(QLatin1Char('&')).toLower());
        connect(editor, &QsciScintilla::textChanged, this, [this, editor, undoText, field, set] {
            apply(undoText, field, set, editor->text());
        });
    }
    m_bindings << Binding{editor, [editor, get](const ApiDocument &doc) {
                              const QSignalBlocker block(editor);
                              editor->setTextPreservingCursor(get(doc));
                          },
                          visible};
    return editor;
}

QLabel *PropertiesPanel::addInfo(const QString &label, const QString &objectName, const Getter &get,
                                 const Predicate &visible)
{
    auto *info = new QLabel(m_form);
    info->setObjectName(objectName);
    info->setTextInteractionFlags(Qt::TextSelectableByMouse);
    info->setWordWrap(true);
    m_layout->addRow(label, info);
    m_bindings << Binding{info, [info, get](const ApiDocument &doc) { info->setText(get(doc)); },
                          visible};
    return info;
}

// ---- APIs -------------------------------------------------------------------------------------

void PropertiesPanel::buildApi()
{
    const NodeRef ref = m_node;
    auto api = [ref](const ApiDocument &d) { return Lookup::api(d, ref.apiId); };
    auto apiMut = [ref](ApiDocument &d) { return Lookup::api(d, ref.apiId); };

    addLineEdit(tr("Name:"), QStringLiteral("apiName"), QStringLiteral("name"),
                [api](const ApiDocument &d) { return api(d)->name; },
                [apiMut](ApiDocument &d, const QString &v) {
                    if (Api *a = apiMut(d))
                        a->name = v;
                });
    addLineEdit(tr("Description:"), QStringLiteral("apiDescription"), QStringLiteral("description"),
                [api](const ApiDocument &d) { return api(d)->description; },
                [apiMut](ApiDocument &d, const QString &v) {
                    if (Api *a = apiMut(d))
                        a->description = v;
                });
    addInfo(tr("Type:"), QStringLiteral("apiType"),
            [api](const ApiDocument &d) { return apiTypeLabel(api(d)->type); });
    addLineEdit(
        tr("Route selection:"), QStringLiteral("apiRouteSelection"), QStringLiteral("routeSelection"),
        [api](const ApiDocument &d) { return api(d)->routeSelectionExpression; },
        [apiMut](ApiDocument &d, const QString &v) {
            if (Api *a = apiMut(d))
                a->routeSelectionExpression = v;
        },
        [api](const ApiDocument &d) { return api(d)->type == ApiType::WebSocket; });
    addCombo(
        tr("API key source:"), QStringLiteral("apiKeySource"), QStringLiteral("apiKeySource"),
        [](const ApiDocument &) {
            return Items{{QStringLiteral("Header (x-api-key)"), QStringLiteral("HEADER")},
                         {QStringLiteral("Authorizer"), QStringLiteral("AUTHORIZER")}};
        },
        [api](const ApiDocument &d) { return api(d)->apiKeySource; },
        [apiMut](ApiDocument &d, const QString &v) {
            if (Api *a = apiMut(d))
                a->apiKeySource = v;
        },
        [api](const ApiDocument &d) { return api(d)->type == ApiType::Rest; });
    addInfo(tr("Stages:"), QStringLiteral("apiStages"), [api](const ApiDocument &d) {
        QStringList names;
        for (const Stage &s : api(d)->stages)
            names << s.name;
        return names.isEmpty() ? tr("(none)") : names.join(QStringLiteral(", "));
    });
    addInfo(tr("Contents:"), QStringLiteral("apiSummary"), [api](const ApiDocument &d) {
        const Api *a = api(d);
        if (a->type == ApiType::Rest) {
            int methods = 0;
            for (const Resource &r : a->resources)
                methods += int(r.methods.size());
            return tr("%1 resources, %2 methods, %3 authorizers, %4 models")
                .arg(a->resources.size())
                .arg(methods)
                .arg(a->authorizers.size())
                .arg(a->models.size());
        }
        return tr("%1 routes, %2 authorizers").arg(a->routes.size()).arg(a->authorizers.size());
    });
    addInfo(tr("Id:"), QStringLiteral("apiId"), [ref](const ApiDocument &) { return ref.apiId; });
    // An API's type never changes, so the CORS section is decided once.
    if (const Api *a = api(m_session->document()); a && a->type == ApiType::Http) {
        auto *cors = new CorsEditor(m_session, ref);
        cors->setObjectName(QStringLiteral("corsEditor"));
        m_layout->addRow(cors);
    }
    if (const Api *a = api(m_session->document()); a && a->type == ApiType::Rest) {
        auto *gatewayResponses = new GatewayResponsesEditor(m_session, ref);
        gatewayResponses->setObjectName(QStringLiteral("gatewayResponsesEditor"));
        m_layout->addRow(gatewayResponses);
    }
}

// ---- resources --------------------------------------------------------------------------------

void PropertiesPanel::buildResource()
{
    const NodeRef ref = m_node;
    auto res = [ref](const ApiDocument &d) {
        return Lookup::resource(*Lookup::api(d, ref.apiId), ref.id);
    };
    QLineEdit *pathPart = addLineEdit(
        tr("Path part:"), QStringLiteral("resourcePathPart"), QStringLiteral("pathPart"),
        [res](const ApiDocument &d) { return res(d)->pathPart; },
        [ref](ApiDocument &d, const QString &v) {
            if (Api *a = Lookup::api(d, ref.apiId))
                if (Resource *r = Lookup::resource(*a, ref.id))
                    r->pathPart = v.trimmed();
        },
        [res](const ApiDocument &d) { return !res(d)->parentId.isEmpty(); });
    // Typing renames the path part keystroke by keystroke; when the edit is done and a path
    // parameter got a new name ("{petId}" -> "{id}"), what refers to it follows, merged into the
    // same undo step.
    auto startName = std::make_shared<QString>(res(m_session->document()) ? res(m_session->document())->pathPart : QString());
    connect(pathPart, &QLineEdit::editingFinished, this, [this, ref, res, startName] {
        const Resource *r = res(m_session->document());
        if (!r)
            return;
        const QString oldName = Edits::pathParameterName(*startName);
        const QString newName = Edits::pathParameterName(r->pathPart);
        *startName = r->pathPart;
        if (oldName.isEmpty() || newName.isEmpty() || oldName == newName)
            return;
        ApiDocument probe = m_session->document();
        if (!Edits::renamePathParameterReferences(probe, ref.apiId, ref.id, oldName, newName) || probe == m_session->document())
            return;
        m_session->edit(tr("Edit path part"), [ref, oldName, newName](ApiDocument &d) {
            Edits::renamePathParameterReferences(d, ref.apiId, ref.id, oldName, newName);
        }, ref.key() + QLatin1String("/pathPart"));
    });
    addInfo(tr("Full path:"), QStringLiteral("resourceFullPath"), [ref](const ApiDocument &d) {
        return resourcePath(*Lookup::api(d, ref.apiId), ref.id);
    });
    addInfo(tr("Methods:"), QStringLiteral("resourceMethods"), [res](const ApiDocument &d) {
        QStringList verbs;
        for (const Method &m : res(d)->methods)
            verbs << m.httpMethod;
        return verbs.isEmpty() ? tr("(none — add one from the Resources toolbar)")
                               : verbs.join(QStringLiteral(", "));
    });
    addInfo(tr("Id:"), QStringLiteral("resourceId"), [ref](const ApiDocument &) { return ref.id; });
    auto *enableCors = new QPushButton(tr("Enable CORS"));
    enableCors->setObjectName(QStringLiteral("enableCors"));
    enableCors->setToolTip(tr("Add an OPTIONS method answering the CORS preflight, and the "
                              "Access-Control-Allow-Origin header on the other methods' 200 responses."));
    enableCors->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    m_layout->addRow(QString(), enableCors);
    connect(enableCors, &QPushButton::clicked, this, [this, ref] {
        m_session->edit(tr("Enable CORS"), [ref](ApiDocument &d) { CorsEditor::enableRestCors(d, ref.apiId, ref.id); });
    });
}

} // namespace Gw::Ui
