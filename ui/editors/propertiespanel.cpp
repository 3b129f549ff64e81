// The form for the selected node.
//
// Each field is a Binding: a widget, a refresh function reading the current document, and an
// optional visibility predicate (rows show or hide as e.g. the integration type changes, so the
// form is built once per selected node, never under the user's cursor). Refresh writes a widget
// only when its value differs from the document, so the field being typed in keeps its cursor.
#include "ui/editors/propertiespanel.h"

#include "model/documentsession.h"
#include "ui/code/codeeditor.h"
#include "ui/models/documentedits.h"
#include "ui/models/nodelookup.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QScrollArea>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QVBoxLayout>

namespace Gw::Ui {

using namespace Gw::Model;
using Kind = NodeRef::Kind;
using Items = QList<QPair<QString, QString>>;

namespace {

// Calls f with the Method or Route a node names (both carry authorization and integration).
template<typename Doc, typename F>
bool withOperation(Doc &doc, const NodeRef &ref, F &&f)
{
    auto *api = Lookup::api(doc, ref.apiId);
    if (!api)
        return false;
    if (ref.kind == Kind::Method) {
        if (auto *m = Lookup::method(*api, ref.id)) {
            f(*m);
            return true;
        }
    } else if (ref.kind == Kind::Route) {
        if (auto *r = Lookup::route(*api, ref.id)) {
            f(*r);
            return true;
        }
    }
    return false;
}

const IntegrationResponse *defaultResponse(const Integration &i)
{
    for (const IntegrationResponse &r : i.responses)
        if (r.selectionPattern.isEmpty())
            return &r;
    return nullptr;
}

IntegrationResponse &ensureDefaultResponse(Integration &i)
{
    for (IntegrationResponse &r : i.responses)
        if (r.selectionPattern.isEmpty())
            return r;
    i.responses << IntegrationResponse{};
    return i.responses.last();
}

const QString JsonType = QStringLiteral("application/json");

ApiType apiTypeOf(const ApiDocument &doc, const NodeRef &ref)
{
    const Api *api = Lookup::api(doc, ref.apiId);
    return api ? api->type : ApiType::Rest;
}

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

Items integrationTypes(ApiType t)
{
    if (t == ApiType::Http)
        return {{QStringLiteral("Lambda proxy"), toString(IntegrationType::AwsProxy)},
                {QStringLiteral("HTTP proxy"), toString(IntegrationType::HttpProxy)},
                {QStringLiteral("AWS service"), toString(IntegrationType::Aws)}};
    return {{QStringLiteral("Mock"), toString(IntegrationType::Mock)},
            {QStringLiteral("Lambda proxy"), toString(IntegrationType::AwsProxy)},
            {QStringLiteral("Lambda / AWS service (custom)"), toString(IntegrationType::Aws)},
            {QStringLiteral("HTTP"), toString(IntegrationType::Http)},
            {QStringLiteral("HTTP proxy"), toString(IntegrationType::HttpProxy)}};
}

Items authorizationTypes(ApiType t)
{
    Items items{{QStringLiteral("None"), toString(AuthorizationType::None)},
                {QStringLiteral("IAM (SigV4)"), toString(AuthorizationType::AwsIam)},
                {QStringLiteral("Lambda authorizer"), toString(AuthorizationType::Custom)}};
    if (t == ApiType::Rest)
        items << QPair<QString, QString>(QStringLiteral("Cognito user pools"),
                                         toString(AuthorizationType::CognitoUserPools));
    if (t == ApiType::Http)
        items << QPair<QString, QString>(QStringLiteral("JWT"), toString(AuthorizationType::Jwt));
    return items;
}

Items verbs()
{
    Items items;
    for (const QString &v : Edits::restMethods())
        items << qMakePair(v, v);
    return items;
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

void PropertiesPanel::rebuild()
{
    m_bindings.clear();
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
    case Kind::Method:
    case Kind::Route:
        buildOperation();
        break;
    case Kind::Authorizer:
        buildAuthorizer();
        break;
    case Kind::Stage:
        buildStage();
        break;
    case Kind::Model:
        buildModel();
        break;
    case Kind::Function:
        buildFunction();
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
}

// ---- resources --------------------------------------------------------------------------------

void PropertiesPanel::buildResource()
{
    const NodeRef ref = m_node;
    auto res = [ref](const ApiDocument &d) {
        return Lookup::resource(*Lookup::api(d, ref.apiId), ref.id);
    };
    addLineEdit(
        tr("Path part:"), QStringLiteral("resourcePathPart"), QStringLiteral("pathPart"),
        [res](const ApiDocument &d) { return res(d)->pathPart; },
        [ref](ApiDocument &d, const QString &v) {
            if (Api *a = Lookup::api(d, ref.apiId))
                if (Resource *r = Lookup::resource(*a, ref.id))
                    r->pathPart = v.trimmed();
        },
        [res](const ApiDocument &d) { return !res(d)->parentId.isEmpty(); });
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
}

// ---- methods and routes -----------------------------------------------------------------------

void PropertiesPanel::buildOperation()
{
    const NodeRef ref = m_node;
    const bool isMethod = ref.kind == Kind::Method;

    auto integrationOf = [ref](const ApiDocument &d) -> const Integration & {
        return *Lookup::integration(d, ref);
    };
    auto hasType = [integrationOf](std::initializer_list<IntegrationType> types) {
        const QList<IntegrationType> list(types);
        return Predicate([integrationOf, list](const ApiDocument &d) {
            return list.contains(integrationOf(d).type);
        });
    };

    if (isMethod) {
        addCombo(
            tr("HTTP method:"), QStringLiteral("operationHttpMethod"), QStringLiteral("httpMethod"),
            [](const ApiDocument &) { return verbs(); },
            [ref](const ApiDocument &d) {
                return Lookup::method(*Lookup::api(d, ref.apiId), ref.id)->httpMethod;
            },
            [ref](ApiDocument &d, const QString &v) {
                if (Api *a = Lookup::api(d, ref.apiId))
                    if (Method *m = Lookup::method(*a, ref.id))
                        m->httpMethod = v;
            });
    } else {
        addLineEdit(
            tr("Route key:"), QStringLiteral("operationRouteKey"), QStringLiteral("routeKey"),
            [ref](const ApiDocument &d) { return Lookup::route(*Lookup::api(d, ref.apiId), ref.id)->routeKey; },
            [ref](ApiDocument &d, const QString &v) {
                if (Api *a = Lookup::api(d, ref.apiId))
                    if (Route *r = Lookup::route(*a, ref.id))
                        r->routeKey = v;
            });
    }

    addCombo(
        tr("Authorization:"), QStringLiteral("authorizationType"), QStringLiteral("authorizationType"),
        [ref](const ApiDocument &d) { return authorizationTypes(apiTypeOf(d, ref)); },
        [ref](const ApiDocument &d) {
            QString v;
            withOperation(d, ref, [&](const auto &op) { v = toString(op.authorizationType); });
            return v;
        },
        [ref](ApiDocument &d, const QString &v) {
            const auto type = authorizationTypeFromString(v);
            if (!type)
                return;
            withOperation(d, ref, [&](auto &op) {
                op.authorizationType = *type;
                const bool needsAuthorizer = *type == AuthorizationType::Custom
                                             || *type == AuthorizationType::CognitoUserPools
                                             || *type == AuthorizationType::Jwt;
                if (!needsAuthorizer)
                    op.authorizerId.clear();
            });
        });
    addCombo(
        tr("Authorizer:"), QStringLiteral("authorizerId"), QStringLiteral("authorizerId"),
        [ref](const ApiDocument &d) {
            Items items{{tr("(none)"), QString()}};
            for (const Authorizer &a : Lookup::api(d, ref.apiId)->authorizers)
                items << qMakePair(a.name + QStringLiteral("  (") + toString(a.type) + QLatin1Char(')'), a.id);
            return items;
        },
        [ref](const ApiDocument &d) {
            QString v;
            withOperation(d, ref, [&](const auto &op) { v = op.authorizerId; });
            return v;
        },
        [ref](ApiDocument &d, const QString &v) {
            withOperation(d, ref, [&](auto &op) { op.authorizerId = v; });
        },
        [ref](const ApiDocument &d) {
            bool needs = false;
            withOperation(d, ref, [&](const auto &op) {
                needs = op.authorizationType == AuthorizationType::Custom
                        || op.authorizationType == AuthorizationType::CognitoUserPools
                        || op.authorizationType == AuthorizationType::Jwt;
            });
            return needs;
        });
    addCheck(
        tr("API key required:"), QStringLiteral("apiKeyRequired"), QStringLiteral("apiKeyRequired"),
        [ref](const ApiDocument &d) {
            bool v = false;
            withOperation(d, ref, [&](const auto &op) { v = op.apiKeyRequired; });
            return v;
        },
        [ref](ApiDocument &d, bool on) { withOperation(d, ref, [&](auto &op) { op.apiKeyRequired = on; }); },
        [ref](const ApiDocument &d) { return apiTypeOf(d, ref) != ApiType::Http; });

    // Integration.
    addCombo(
        tr("Integration:"), QStringLiteral("integrationType"), QStringLiteral("integrationType"),
        [ref](const ApiDocument &d) { return integrationTypes(apiTypeOf(d, ref)); },
        [integrationOf](const ApiDocument &d) { return toString(integrationOf(d).type); },
        [ref](ApiDocument &d, const QString &v) {
            const auto type = integrationTypeFromString(v);
            if (!type)
                return;
            const ApiType apiType = apiTypeOf(d, ref);
            const QString firstFunction = d.functions.isEmpty() ? QString() : d.functions.first().name;
            withOperation(d, ref, [&](auto &op) {
                Integration &i = op.integration;
                if (i.type == *type)
                    return;
                i.type = *type;
                // Fill what the new type needs so the operation works right away.
                switch (*type) {
                case IntegrationType::Mock:
                    if (!i.requestTemplates.contains(JsonType))
                        i.requestTemplates.insert(JsonType, QStringLiteral("{\"statusCode\": 200}"));
                    ensureDefaultResponse(i);
                    break;
                case IntegrationType::AwsProxy:
                case IntegrationType::Aws:
                    i.httpMethod = QStringLiteral("POST");
                    if (i.functionName.isEmpty())
                        i.functionName = firstFunction;
                    if (apiType == ApiType::Http && *type == IntegrationType::AwsProxy)
                        i.payloadFormatVersion = QStringLiteral("2.0");
                    break;
                case IntegrationType::Http:
                case IntegrationType::HttpProxy:
                    if constexpr (requires { op.httpMethod; })
                        i.httpMethod = op.httpMethod == QLatin1String("ANY") ? QStringLiteral("GET") : op.httpMethod;
                    else
                        i.httpMethod = QStringLiteral("ANY");
                    if (i.uri.isEmpty() || !i.uri.startsWith(QLatin1String("http")))
                        i.uri = QStringLiteral("https://example.com");
                    if (apiType == ApiType::Http)
                        i.payloadFormatVersion = QStringLiteral("1.0");
                    break;
                }
            });
        });

    // MOCK: the default integration response.
    addLineEdit(
        tr("Response status:"), QStringLiteral("mockStatusCode"), QStringLiteral("mockStatusCode"),
        [integrationOf](const ApiDocument &d) {
            const IntegrationResponse *r = defaultResponse(integrationOf(d));
            return r ? r->statusCode : QStringLiteral("200");
        },
        [ref](ApiDocument &d, const QString &v) {
            const QString code = v.trimmed();
            auto *api = Lookup::api(d, ref.apiId);
            if (!api)
                return;
            Integration *i = Lookup::integration(d, ref);
            if (!i)
                return;
            IntegrationResponse &r = ensureDefaultResponse(*i);
            const QString old = r.statusCode;
            r.statusCode = code;
            // Keep the method response the default response answered with in step.
            if (Method *m = ref.kind == Kind::Method ? Lookup::method(*api, ref.id) : nullptr) {
                bool hasNew = false;
                for (const MethodResponse &mr : m->methodResponses)
                    hasNew = hasNew || mr.statusCode == code;
                if (!hasNew)
                    for (MethodResponse &mr : m->methodResponses)
                        if (mr.statusCode == old) {
                            mr.statusCode = code;
                            break;
                        }
            }
        },
        hasType({IntegrationType::Mock}))
        ->setPlaceholderText(QStringLiteral("200"));
    addCode(
        tr("Response body:"), QStringLiteral("mockResponseBody"), QStringLiteral("mockResponseBody"),
        [integrationOf](const ApiDocument &d) {
            const IntegrationResponse *r = defaultResponse(integrationOf(d));
            return r ? r->responseTemplates.value(JsonType) : QString();
        },
        [ref](ApiDocument &d, const QString &v) {
            if (Integration *i = Lookup::integration(d, ref))
                ensureDefaultResponse(*i).responseTemplates.insert(JsonType, v);
        },
        hasType({IntegrationType::Mock}));

    // Lambda.
    addCombo(
        tr("Function:"), QStringLiteral("lambdaFunction"), QStringLiteral("functionName"),
        [](const ApiDocument &d) {
            Items items;
            for (const LocalFunction &f : d.functions)
                items << qMakePair(f.name + QStringLiteral("  (") + f.runtime + QLatin1Char(')'), f.name);
            return items;
        },
        [integrationOf](const ApiDocument &d) { return integrationOf(d).functionName; },
        [ref](ApiDocument &d, const QString &v) {
            if (Integration *i = Lookup::integration(d, ref))
                i->functionName = v;
        },
        hasType({IntegrationType::AwsProxy, IntegrationType::Aws}));
    addCombo(
        tr("Payload format:"), QStringLiteral("payloadFormatVersion"), QStringLiteral("payloadFormatVersion"),
        [](const ApiDocument &) {
            return Items{{QStringLiteral("1.0"), QStringLiteral("1.0")}, {QStringLiteral("2.0"), QStringLiteral("2.0")}};
        },
        [integrationOf](const ApiDocument &d) { return integrationOf(d).payloadFormatVersion; },
        [ref](ApiDocument &d, const QString &v) {
            if (Integration *i = Lookup::integration(d, ref))
                i->payloadFormatVersion = v;
        },
        [ref, integrationOf](const ApiDocument &d) {
            return apiTypeOf(d, ref) == ApiType::Http
                   && integrationOf(d).type == IntegrationType::AwsProxy;
        });

    // HTTP.
    addCombo(
        tr("Endpoint method:"), QStringLiteral("integrationHttpMethod"), QStringLiteral("integrationHttpMethod"),
        [](const ApiDocument &) { return verbs(); },
        [integrationOf](const ApiDocument &d) { return integrationOf(d).httpMethod; },
        [ref](ApiDocument &d, const QString &v) {
            if (Integration *i = Lookup::integration(d, ref))
                i->httpMethod = v;
        },
        hasType({IntegrationType::Http, IntegrationType::HttpProxy}));
    addLineEdit(
        tr("Endpoint URI:"), QStringLiteral("integrationUri"), QStringLiteral("uri"),
        [integrationOf](const ApiDocument &d) { return integrationOf(d).uri; },
        [ref](ApiDocument &d, const QString &v) {
            if (Integration *i = Lookup::integration(d, ref))
                i->uri = v.trimmed();
        },
        hasType({IntegrationType::Http, IntegrationType::HttpProxy, IntegrationType::Aws}))
        ->setPlaceholderText(QStringLiteral("https://example.com/{proxy}"));
    addSpin(tr("Timeout (ms):"), QStringLiteral("integrationTimeout"), QStringLiteral("timeout"), 50,
            30000, [integrationOf](const ApiDocument &d) { return integrationOf(d).timeoutInMillis; },
            [ref](ApiDocument &d, int v) {
                if (Integration *i = Lookup::integration(d, ref))
                    i->timeoutInMillis = v;
            });
}

// ---- authorizers, stages, models, functions ---------------------------------------------------

void PropertiesPanel::buildAuthorizer()
{
    const NodeRef ref = m_node;
    auto get = [ref](const ApiDocument &d) { return Lookup::authorizer(*Lookup::api(d, ref.apiId), ref.id); };
    auto set = [ref](const std::function<void(Authorizer &, const QString &)> &f) {
        return [ref, f](ApiDocument &d, const QString &v) {
            if (Api *a = Lookup::api(d, ref.apiId))
                if (Authorizer *au = Lookup::authorizer(*a, ref.id))
                    f(*au, v);
        };
    };
    auto isType = [get](std::initializer_list<AuthorizerType> types) {
        const QList<AuthorizerType> list(types);
        return Predicate([get, list](const ApiDocument &d) { return list.contains(get(d)->type); });
    };
    addLineEdit(tr("Name:"), QStringLiteral("authorizerName"), QStringLiteral("name"),
                [get](const ApiDocument &d) { return get(d)->name; },
                set([](Authorizer &a, const QString &v) { a.name = v; }));
    addInfo(tr("Type:"), QStringLiteral("authorizerType"),
            [get](const ApiDocument &d) { return toString(get(d)->type); });
    addCombo(
        tr("Function:"), QStringLiteral("authorizerFunction"), QStringLiteral("functionName"),
        [](const ApiDocument &d) {
            Items items;
            for (const LocalFunction &f : d.functions)
                items << qMakePair(f.name, f.name);
            return items;
        },
        [get](const ApiDocument &d) { return get(d)->functionName; },
        set([](Authorizer &a, const QString &v) { a.functionName = v; }),
        isType({AuthorizerType::Token, AuthorizerType::Request}));
    addLineEdit(tr("Identity source:"), QStringLiteral("authorizerIdentitySource"),
                QStringLiteral("identitySource"),
                [get](const ApiDocument &d) { return get(d)->identitySource.join(QStringLiteral(", ")); },
                set([](Authorizer &a, const QString &v) {
                    QStringList parts;
                    for (const QString &p : v.split(QLatin1Char(','), Qt::SkipEmptyParts))
                        parts << p.trimmed();
                    a.identitySource = parts;
                }));
    addLineEdit(tr("Issuer:"), QStringLiteral("authorizerIssuer"), QStringLiteral("jwtIssuer"),
                [get](const ApiDocument &d) { return get(d)->jwtIssuer; },
                set([](Authorizer &a, const QString &v) { a.jwtIssuer = v.trimmed(); }),
                isType({AuthorizerType::Jwt}));
    addLineEdit(tr("Audiences:"), QStringLiteral("authorizerAudiences"), QStringLiteral("jwtAudiences"),
                [get](const ApiDocument &d) { return get(d)->jwtAudiences.join(QStringLiteral(", ")); },
                set([](Authorizer &a, const QString &v) {
                    QStringList parts;
                    for (const QString &p : v.split(QLatin1Char(','), Qt::SkipEmptyParts))
                        parts << p.trimmed();
                    a.jwtAudiences = parts;
                }),
                isType({AuthorizerType::Jwt}));
    addSpin(tr("Result TTL (s):"), QStringLiteral("authorizerTtl"), QStringLiteral("ttl"), 0, 3600,
            [get](const ApiDocument &d) { return get(d)->resultTtlInSeconds; },
            [ref](ApiDocument &d, int v) {
                if (Api *a = Lookup::api(d, ref.apiId))
                    if (Authorizer *au = Lookup::authorizer(*a, ref.id))
                        au->resultTtlInSeconds = v;
            });
}

void PropertiesPanel::buildStage()
{
    const NodeRef ref = m_node;
    auto get = [ref](const ApiDocument &d) { return Lookup::stage(*Lookup::api(d, ref.apiId), ref.id); };
    addInfo(tr("Name:"), QStringLiteral("stageName"), [ref](const ApiDocument &) { return ref.id; });
    addLineEdit(tr("Description:"), QStringLiteral("stageDescription"), QStringLiteral("description"),
                [get](const ApiDocument &d) { return get(d)->description; },
                [ref](ApiDocument &d, const QString &v) {
                    if (Api *a = Lookup::api(d, ref.apiId))
                        if (Stage *s = Lookup::stage(*a, ref.id))
                            s->description = v;
                });
    addInfo(tr("Variables:"), QStringLiteral("stageVariables"), [get](const ApiDocument &d) {
        QStringList lines;
        const Stage *s = get(d);
        for (auto it = s->variables.cbegin(); it != s->variables.cend(); ++it)
            lines << it.key() + QStringLiteral(" = ") + it.value();
        return lines.isEmpty() ? tr("(none)") : lines.join(QLatin1Char('\n'));
    });
}

void PropertiesPanel::buildModel()
{
    const NodeRef ref = m_node;
    auto get = [ref](const ApiDocument &d) { return Lookup::model(*Lookup::api(d, ref.apiId), ref.id); };
    addInfo(tr("Content type:"), QStringLiteral("modelContentType"),
            [get](const ApiDocument &d) { return get(d)->contentType; });
    addInfo(tr("Description:"), QStringLiteral("modelDescription"),
            [get](const ApiDocument &d) { return get(d)->description; });
    addCode(tr("Schema:"), QStringLiteral("modelSchema"), QStringLiteral("schema"),
            [get](const ApiDocument &d) {
                return QString::fromUtf8(QJsonDocument(get(d)->schema).toJson(QJsonDocument::Indented));
            },
            {});
}

void PropertiesPanel::buildFunction()
{
    const NodeRef ref = m_node;
    auto get = [ref](const ApiDocument &d) { return Lookup::function(d, ref.id); };
    auto set = [ref](const std::function<void(LocalFunction &, const QString &)> &f) {
        return [ref, f](ApiDocument &d, const QString &v) {
            if (LocalFunction *fn = Lookup::function(d, ref.id))
                f(*fn, v);
        };
    };
    addLineEdit(tr("Name:"), QStringLiteral("functionName"), QStringLiteral("name"),
                [get](const ApiDocument &d) { return get(d)->name; },
                [ref](ApiDocument &d, const QString &v) { Edits::renameFunction(d, ref.id, v); });
    addLineEdit(tr("Runtime:"), QStringLiteral("functionRuntime"), QStringLiteral("runtime"),
                [get](const ApiDocument &d) { return get(d)->runtime; },
                set([](LocalFunction &f, const QString &v) { f.runtime = v.trimmed(); }));
    addLineEdit(tr("Handler:"), QStringLiteral("functionHandler"), QStringLiteral("handler"),
                [get](const ApiDocument &d) { return get(d)->handler; },
                set([](LocalFunction &f, const QString &v) { f.handler = v.trimmed(); }));
    addLineEdit(tr("Code directory:"), QStringLiteral("functionCodeDirectory"), QStringLiteral("codeDirectory"),
                [get](const ApiDocument &d) { return get(d)->codeDirectory; },
                set([](LocalFunction &f, const QString &v) { f.codeDirectory = v.trimmed(); }));
    addSpin(tr("Timeout (s):"), QStringLiteral("functionTimeout"), QStringLiteral("timeout"), 1, 900,
            [get](const ApiDocument &d) { return get(d)->timeout; },
            [ref](ApiDocument &d, int v) {
                if (LocalFunction *f = Lookup::function(d, ref.id))
                    f->timeout = v;
            });
    addSpin(tr("Memory (MB):"), QStringLiteral("functionMemory"), QStringLiteral("memory"), 128, 10240,
            [get](const ApiDocument &d) { return get(d)->memorySize; },
            [ref](ApiDocument &d, int v) {
                if (LocalFunction *f = Lookup::function(d, ref.id))
                    f->memorySize = v;
            });
    addSpin(tr("Concurrency:"), QStringLiteral("functionConcurrency"), QStringLiteral("concurrency"), 1, 100,
            [get](const ApiDocument &d) { return get(d)->concurrency; },
            [ref](ApiDocument &d, int v) {
                if (LocalFunction *f = Lookup::function(d, ref.id))
                    f->concurrency = v;
            });
}

} // namespace Gw::Ui
