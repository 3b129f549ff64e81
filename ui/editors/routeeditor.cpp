// The HTTP API / WebSocket route editor. Rules follow the API Gateway developer guide ("Working
// with routes for HTTP APIs", "Transforming API requests and responses").
#include "ui/editors/routeeditor.h"

#include "model/documentsession.h"
#include "ui/editors/fieldbinder.h"
#include "ui/editors/mappingchecks.h"
#include "ui/editors/sectiontitle.h"
#include "ui/editors/tableeditor.h"
#include "ui/models/documentedits.h"
#include "ui/models/maptablemodel.h"
#include "ui/models/nodelookup.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QRegularExpression>
#include <QSpinBox>

namespace Gw::Ui {

using namespace Gw::Model;
using Items = FieldBinder::Items;

namespace {

template<typename Doc>
Lookup::Constness<Route, Doc> *routeOf(Doc &d, const NodeRef &ref)
{
    auto *api = Lookup::api(d, ref.apiId);
    return api ? Lookup::route(*api, ref.id) : nullptr;
}

bool matches(const QString &pattern, const QString &value)
{
    return QRegularExpression(QRegularExpression::anchoredPattern(pattern)).match(value).hasMatch();
}

QStringList splitList(const QString &v)
{
    QStringList out;
    for (const QString &p : v.split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (!p.trimmed().isEmpty())
            out << p.trimmed();
    return out;
}

} // namespace

QString RouteEditor::checkRouteKey(bool webSocket, const QString &key)
{
    const QString k = key.trimmed();
    if (webSocket)
        return matches(QStringLiteral("\\$connect|\\$disconnect|\\$default|[A-Za-z0-9_.:-]+"), k)
                   ? QString()
                   : QObject::tr("A WebSocket route key is $connect, $disconnect, $default or the value the "
                                 "route selection expression yields.");
    if (k == QLatin1String("$default"))
        return {};
    if (!matches(QStringLiteral("(ANY|GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) /[^\\s]*"), k))
        return QObject::tr("An HTTP API route key reads \"METHOD /path\" (e.g. GET /pets/{id}) or $default.");
    const QString path = k.section(QLatin1Char(' '), 1);
    const qsizetype greedy = path.indexOf(QStringLiteral("+}"));
    if (greedy >= 0 && greedy + 2 != path.size())
        return QObject::tr("A greedy path variable {name+} must be the last segment.");
    return {};
}

RouteEditor::RouteEditor(DocumentSession *session, const NodeRef &ref, QWidget *parent)
    : QWidget(parent)
{
    auto *form = new QFormLayout(this);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setLabelAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_binder = new FieldBinder(session, ref, form, this);
    auto get = [ref](const ApiDocument &d) { return routeOf(d, ref); };
    auto edit = [ref](const std::function<void(Route &, const QString &)> &f) {
        return [ref, f](ApiDocument &d, const QString &v) {
            if (Route *r = routeOf(d, ref))
                f(*r, v);
        };
    };
    auto webSocket = [ref](const ApiDocument &d) {
        const Api *a = Lookup::api(d, ref.apiId);
        return a && a->type == ApiType::WebSocket;
    };
    auto intType = [get](std::initializer_list<IntegrationType> types) {
        const QList<IntegrationType> list(types);
        return FieldBinder::Predicate([get, list](const ApiDocument &d) { return get(d) && list.contains(get(d)->integration.type); });
    };

    form->addRow(sectionTitle(tr("Route"), tr("The route step matches the request to the most specific route key.")));
    m_binder->lineEdit(tr("Route key:"), QStringLiteral("routeKey"), QStringLiteral("routeKey"),
                       [get](const ApiDocument &d) { return get(d) ? get(d)->routeKey : QString(); },
                       edit([](Route &r, const QString &v) { r.routeKey = v.trimmed(); }),
                       [webSocket, ref](const ApiDocument &d, const QString &v) {
                           const QString format = checkRouteKey(webSocket(d), v);
                           if (!format.isEmpty())
                               return format;
                           if (const Api *a = Lookup::api(d, ref.apiId))
                               for (const Route &r : a->routes)
                                   if (r.id != ref.id && r.routeKey == v.trimmed())
                                       return tr("Another route has the key %1.").arg(v.trimmed());
                           return QString();
                       })
        ->setPlaceholderText(QStringLiteral("GET /pets/{id}"));

    m_binder->lineEdit(tr("Route response selection:"), QStringLiteral("routeResponseSelection"),
                       QStringLiteral("routeResponseSelectionExpression"),
                       [get](const ApiDocument &d) { return get(d) ? get(d)->routeResponseSelectionExpression : QString(); },
                       edit([](Route &r, const QString &v) { r.routeResponseSelectionExpression = v.trimmed(); }),
                       [](const ApiDocument &, const QString &v) {
                           // WebSocket routes answer the client only with $default as the expression.
                           return v.trimmed().isEmpty() || v.trimmed() == QLatin1String("$default")
                                      ? QString()
                                      : tr("Use $default to send the integration's response back to the client.");
                       },
                       webSocket)
        ->setPlaceholderText(tr("(no response to the client)"));

    form->addRow(sectionTitle(tr("Authorization"), tr("Checked by the authorize step.")));
    m_binder->combo(
        tr("Authorization:"), QStringLiteral("routeAuthorizationType"), QStringLiteral("authorizationType"),
        [webSocket](const ApiDocument &d) {
            Items items{{tr("None"), toString(AuthorizationType::None)},
                        {tr("AWS IAM (SigV4)"), toString(AuthorizationType::AwsIam)},
                        {tr("Lambda authorizer"), toString(AuthorizationType::Custom)}};
            if (!webSocket(d))
                items << qMakePair(tr("JWT"), toString(AuthorizationType::Jwt));
            return items;
        },
        [get](const ApiDocument &d) { return get(d) ? toString(get(d)->authorizationType) : QString(); },
        edit([](Route &r, const QString &v) {
            if (const auto t = authorizationTypeFromString(v)) {
                r.authorizationType = *t;
                if (*t != AuthorizationType::Custom && *t != AuthorizationType::Jwt)
                    r.authorizerId.clear();
                if (*t != AuthorizationType::Jwt)
                    r.authorizationScopes.clear(); // scopes exist for JWT only
            }
        }));
    auto needsAuthorizer = [get](const ApiDocument &d) {
        return get(d) && (get(d)->authorizationType == AuthorizationType::Custom
                          || get(d)->authorizationType == AuthorizationType::Jwt);
    };
    m_binder->combo(
        tr("Authorizer:"), QStringLiteral("routeAuthorizer"), QStringLiteral("authorizerId"),
        [ref, get](const ApiDocument &d) {
            Items items{{tr("(choose one)"), QString()}};
            const Api *a = Lookup::api(d, ref.apiId);
            const Route *r = get(d);
            if (a && r)
                for (const Authorizer &au : a->authorizers)
                    if ((au.type == AuthorizerType::Jwt) == (r->authorizationType == AuthorizationType::Jwt))
                        items << qMakePair(au.name + QStringLiteral("  (") + toString(au.type) + QLatin1Char(')'), au.id);
            return items;
        },
        [get](const ApiDocument &d) { return get(d) ? get(d)->authorizerId : QString(); },
        edit([](Route &r, const QString &v) { r.authorizerId = v; }), needsAuthorizer);
    m_binder->lineEdit(tr("Scopes:"), QStringLiteral("routeScopes"), QStringLiteral("authorizationScopes"),
                       [get](const ApiDocument &d) { return get(d) ? get(d)->authorizationScopes.join(QStringLiteral(", ")) : QString(); },
                       edit([](Route &r, const QString &v) { r.authorizationScopes = splitList(v); }), {},
                       [get](const ApiDocument &d) { return get(d) && get(d)->authorizationType == AuthorizationType::Jwt; })
        ->setPlaceholderText(QStringLiteral("items:read, items:write"));
    m_binder->help(tr("The token's <i>scope</i> or <i>scp</i> claim must hold one of these; empty accepts any valid token."),
                   [get](const ApiDocument &d) { return get(d) && get(d)->authorizationType == AuthorizationType::Jwt; });
    m_binder->check(tr("API key required:"), QStringLiteral("routeApiKeyRequired"), QStringLiteral("apiKeyRequired"),
                    [get](const ApiDocument &d) { return get(d) && get(d)->apiKeyRequired; },
                    [ref](ApiDocument &d, bool on) {
                        if (Route *r = routeOf(d, ref))
                            r->apiKeyRequired = on;
                    },
                    webSocket);

    form->addRow(sectionTitle(tr("Integration"), tr("What the integrate step calls.")));
    m_binder->combo(
        tr("Integration type:"), QStringLiteral("routeIntegrationType"), QStringLiteral("integrationType"),
        [webSocket](const ApiDocument &d) {
            Items items{{tr("Lambda function"), toString(IntegrationType::AwsProxy)},
                        {tr("HTTP URL (proxy)"), toString(IntegrationType::HttpProxy)},
                        {tr("AWS service"), toString(IntegrationType::Aws)}};
            if (webSocket(d))
                items << qMakePair(tr("Mock"), toString(IntegrationType::Mock));
            return items;
        },
        [get](const ApiDocument &d) { return get(d) ? toString(get(d)->integration.type) : QString(); },
        [ref](ApiDocument &d, const QString &v) {
            const auto t = integrationTypeFromString(v);
            Route *r = routeOf(d, ref);
            if (!t || !r || r->integration.type == *t)
                return;
            Integration &i = r->integration;
            i.type = *t;
            if (*t == IntegrationType::AwsProxy) {
                i.payloadFormatVersion = QStringLiteral("2.0");
                if (i.functionName.isEmpty() && !d.functions.isEmpty())
                    i.functionName = d.functions.first().name;
            } else if (*t == IntegrationType::HttpProxy) {
                i.payloadFormatVersion = QStringLiteral("1.0"); // the only version HTTP proxies take
                i.httpMethod = QStringLiteral("ANY");
                if (!i.uri.startsWith(QLatin1String("http")))
                    i.uri = QStringLiteral("https://example.com");
            }
        });
    m_binder->combo(
        tr("Lambda function:"), QStringLiteral("routeFunction"), QStringLiteral("functionName"),
        [](const ApiDocument &d) {
            Items items;
            for (const LocalFunction &f : d.functions)
                items << qMakePair(f.name + QStringLiteral("  (") + f.runtime + QLatin1Char(')'), f.name);
            return items;
        },
        [get](const ApiDocument &d) { return get(d) ? get(d)->integration.functionName : QString(); },
        edit([](Route &r, const QString &v) { r.integration.functionName = v; }), intType({IntegrationType::AwsProxy}));
    m_binder->combo(
        tr("Payload format:"), QStringLiteral("routePayloadFormat"), QStringLiteral("payloadFormatVersion"),
        [](const ApiDocument &) { return Items{{QStringLiteral("2.0"), QStringLiteral("2.0")}, {QStringLiteral("1.0"), QStringLiteral("1.0")}}; },
        [get](const ApiDocument &d) { return get(d) ? get(d)->integration.payloadFormatVersion : QString(); },
        edit([](Route &r, const QString &v) { r.integration.payloadFormatVersion = v; }),
        [get, webSocket](const ApiDocument &d) {
            return !webSocket(d) && get(d) && get(d)->integration.type == IntegrationType::AwsProxy;
        });
    m_binder->help(tr("2.0 sends the compact HTTP API event and accepts a bare body as the response; 1.0 is "
                      "the REST proxy event."),
                   [get, webSocket](const ApiDocument &d) {
                       return !webSocket(d) && get(d) && get(d)->integration.type == IntegrationType::AwsProxy;
                   });
    m_binder->combo(
        tr("HTTP method:"), QStringLiteral("routeHttpMethod"), QStringLiteral("integrationHttpMethod"),
        [](const ApiDocument &) {
            Items items;
            for (const QString &v : Edits::restMethods())
                items << qMakePair(v, v);
            return items;
        },
        [get](const ApiDocument &d) { return get(d) ? get(d)->integration.httpMethod : QString(); },
        edit([](Route &r, const QString &v) { r.integration.httpMethod = v; }), intType({IntegrationType::HttpProxy}));
    m_binder->lineEdit(tr("URL:"), QStringLiteral("routeUri"), QStringLiteral("uri"),
                       [get](const ApiDocument &d) { return get(d) ? get(d)->integration.uri : QString(); },
                       edit([](Route &r, const QString &v) { r.integration.uri = v.trimmed(); }),
                       [](const ApiDocument &, const QString &v) { return Checks::httpUri(v); },
                       intType({IntegrationType::HttpProxy}))
        ->setPlaceholderText(QStringLiteral("https://backend.example.com/{proxy}"));
    m_binder->spin(tr("Timeout (ms):"), QStringLiteral("routeTimeout"), QStringLiteral("timeout"), 50, 30000,
                   [get](const ApiDocument &d) { return get(d) ? get(d)->integration.timeoutInMillis : 30000; },
                   [ref](ApiDocument &d, int v) {
                       if (Route *r = routeOf(d, ref))
                           r->integration.timeoutInMillis = v;
                   });

    form->addRow(sectionTitle(tr("Parameter mapping"),
                              tr("append:, overwrite: or remove: a header, querystring or path of the integration "
                                 "request, from $request.…, $context.…, $stageVariables.… or a static value.")));
    m_mappings = new MapTableModel(session, tr("parameter mapping"), MapTableModel::ValueKind::Text,
                                   {tr("Modification"), tr("Value")}, this);
    m_mappings->setObjectName(QStringLiteral("routeMappingsModel"));
    m_mappings->setNewEntry(QStringLiteral("overwrite:header.name"), QStringLiteral("$request.header.name"));
    m_mappings->bind(
        [get](const ApiDocument &d) { return get(d) ? get(d)->integration.requestParameters : MapTableModel::Map(); },
        [ref](ApiDocument &d, const MapTableModel::Map &map) {
            Route *r = routeOf(d, ref);
            if (!r)
                return false;
            r->integration.requestParameters = map;
            return true;
        });
    m_mappings->setKeyCheck([](const ApiDocument &, const QString &key, const QString &) {
        return matches(QStringLiteral("(append|overwrite|remove):(header|querystring)\\.[^\\s]+|overwrite:path"), key)
                   ? QString()
                   : tr("Use append:, overwrite: or remove: with header.name or querystring.name, or overwrite:path.");
    });
    m_mappings->setValueCheck([](const ApiDocument &, const QString &key, const QString &value) {
        if (key.startsWith(QLatin1String("remove:")))
            return QString(); // AWS ignores the value of a removal
        return value.trimmed().isEmpty() ? tr("A value is needed: $request.…, $context.…, $stageVariables.… or text.")
                                         : QString();
    });
    auto *mappings = new TableEditor(m_mappings, tr("Add mapping"));
    mappings->setObjectName(QStringLiteral("routeMappingsTable"));
    m_binder->row(QString(), mappings, [webSocket](const ApiDocument &d) { return !webSocket(d); });

    form->addRow(sectionTitle(tr("Route throttling"), tr("Overrides the stage default for this route; past it the "
                                                         "throttle step answers 429.")));
    auto numberCheck = [](bool integer) {
        return [integer](const ApiDocument &, const QString &v) {
            if (v.trimmed().isEmpty())
                return QString();
            bool ok = false;
            const double d = v.trimmed().toDouble(&ok);
            return ok && d >= 0 && (!integer || d == std::floor(d)) ? QString()
                                                                     : tr("A number ≥ 0, or empty to inherit the stage's.");
        };
    };
    m_binder->lineEdit(tr("Rate (requests/s):"), QStringLiteral("routeThrottleRate"), QStringLiteral("rateLimit"),
                       [get](const ApiDocument &d) {
                           return get(d) && get(d)->throttle.rateLimit >= 0 ? QString::number(get(d)->throttle.rateLimit) : QString();
                       },
                       edit([](Route &r, const QString &v) {
                           bool ok = false;
                           const double d = v.trimmed().toDouble(&ok);
                           r.throttle.rateLimit = ok && d >= 0 ? d : -1;
                       }),
                       numberCheck(false))
        ->setPlaceholderText(tr("stage default"));
    m_binder->lineEdit(tr("Burst:"), QStringLiteral("routeThrottleBurst"), QStringLiteral("burstLimit"),
                       [get](const ApiDocument &d) {
                           return get(d) && get(d)->throttle.burstLimit >= 0 ? QString::number(get(d)->throttle.burstLimit) : QString();
                       },
                       edit([](Route &r, const QString &v) {
                           bool ok = false;
                           const int n = v.trimmed().toInt(&ok);
                           r.throttle.burstLimit = ok && n >= 0 ? n : -1;
                       }),
                       numberCheck(true))
        ->setPlaceholderText(tr("stage default"));

    m_binder->addStretch();
    m_binder->refresh();
}

} // namespace Gw::Ui
