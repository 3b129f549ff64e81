// The authorizer editor. Field rules follow the API Gateway developer guide ("Use API Gateway
// Lambda authorizers", "Control access to HTTP APIs with JWT authorizers", "Cognito user pools").
#include "ui/editors/authorizereditor.h"

#include "model/documentsession.h"
#include "ui/editors/fieldbinder.h"
#include "ui/editors/mappingchecks.h"
#include "ui/editors/sectiontitle.h"
#include "ui/editors/tableeditor.h"
#include "ui/models/maptablemodel.h"
#include "ui/models/nodelookup.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QUrl>

namespace Gw::Ui {

using namespace Gw::Model;
using Items = FieldBinder::Items;

namespace {

QStringList splitList(const QString &v)
{
    QStringList out;
    for (const QString &p : v.split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (!p.trimmed().isEmpty())
            out << p.trimmed();
    return out;
}

bool matches(const QString &pattern, const QString &value)
{
    return QRegularExpression(QRegularExpression::anchoredPattern(pattern)).match(value).hasMatch();
}

QString identitySourceCheck(ApiType apiType, AuthorizerType type, const QStringList &sources, int ttl)
{
    if (type == AuthorizerType::Token) {
        if (sources.size() != 1 || !matches(QStringLiteral("method\\.request\\.header\\.[^\\s.]+"), sources.value(0)))
            return QObject::tr("A TOKEN authorizer reads one header: method.request.header.Name.");
        return {};
    }
    if (sources.isEmpty()) {
        // AWS requires identity sources when results are cached: they are the cache key.
        if (ttl > 0)
            return QObject::tr("With caching on (TTL > 0) the identity sources are the cache key: name at least one.");
        return {};
    }
    for (const QString &s : sources) {
        const bool ok = apiType == ApiType::Rest
                            ? matches(QStringLiteral("method\\.request\\.(header|querystring|path|multivalueheader|multivaluequerystring)\\.[^\\s.]+|(stageVariables|context)\\.[A-Za-z0-9_.]+"), s)
                            : matches(QStringLiteral("\\$request\\.(header|querystring)\\.[^\\s.]+|\\$(context|stageVariables)\\.[A-Za-z0-9_.]+"), s);
        if (!ok)
            return apiType == ApiType::Rest
                       ? QObject::tr("\"%1\": use method.request.header.Name, method.request.querystring.name, "
                                     "stageVariables.name or context.name.").arg(s)
                       : QObject::tr("\"%1\": use $request.header.Name, $request.querystring.name, "
                                     "$context.name or $stageVariables.name.").arg(s);
    }
    return {};
}

} // namespace

AuthorizerEditor::AuthorizerEditor(DocumentSession *session, const NodeRef &ref, QWidget *parent)
    : QWidget(parent)
{
    auto *form = new QFormLayout(this);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setLabelAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_binder = new FieldBinder(session, ref, form, this);

    auto api = [ref](const ApiDocument &d) { return Lookup::api(d, ref.apiId); };
    auto get = [ref](const ApiDocument &d) -> const Authorizer * {
        const Api *a = Lookup::api(d, ref.apiId);
        return a ? Lookup::authorizer(*a, ref.id) : nullptr;
    };
    auto edit = [ref](const std::function<void(Authorizer &, const QString &)> &f) {
        return [ref, f](ApiDocument &d, const QString &v) {
            if (Api *a = Lookup::api(d, ref.apiId))
                if (Authorizer *au = Lookup::authorizer(*a, ref.id))
                    f(*au, v);
        };
    };
    auto isType = [get](std::initializer_list<AuthorizerType> types) {
        const QList<AuthorizerType> list(types);
        return FieldBinder::Predicate([get, list](const ApiDocument &d) { return get(d) && list.contains(get(d)->type); });
    };
    auto apiTypeOf = [api](const ApiDocument &d) { return api(d) ? api(d)->type : ApiType::Rest; };
    auto httpLambda = [get, apiTypeOf](const ApiDocument &d) {
        return get(d) && get(d)->type == AuthorizerType::Request && apiTypeOf(d) == ApiType::Http;
    };

    form->addRow(sectionTitle(tr("Authorizer"), tr("Run by the authorize step before anything else of the method.")));
    m_binder->lineEdit(
        tr("Name:"), QStringLiteral("authorizerName"), QStringLiteral("name"),
        [get](const ApiDocument &d) { return get(d) ? get(d)->name : QString(); },
        edit([](Authorizer &a, const QString &v) { a.name = v; }),
        [api, ref](const ApiDocument &d, const QString &v) {
            if (v.trimmed().isEmpty())
                return tr("An authorizer needs a name.");
            if (const Api *a = api(d))
                for (const Authorizer &other : a->authorizers)
                    if (other.id != ref.id && other.name == v.trimmed())
                        return tr("Another authorizer of this API is named %1.").arg(v.trimmed());
            return QString();
        });
    m_binder->combo(
        tr("Type:"), QStringLiteral("authorizerType"), QStringLiteral("type"),
        [apiTypeOf](const ApiDocument &d) {
            switch (apiTypeOf(d)) {
            case ApiType::Rest:
                return Items{{tr("Lambda — token (TOKEN)"), toString(AuthorizerType::Token)},
                             {tr("Lambda — request parameters (REQUEST)"), toString(AuthorizerType::Request)},
                             {tr("Cognito user pool"), toString(AuthorizerType::CognitoUserPools)}};
            case ApiType::Http:
                return Items{{tr("Lambda (HTTP API)"), toString(AuthorizerType::Request)},
                             {tr("JWT"), toString(AuthorizerType::Jwt)}};
            case ApiType::WebSocket:
                return Items{{tr("Lambda — request parameters (REQUEST)"), toString(AuthorizerType::Request)}};
            }
            return Items{};
        },
        [get](const ApiDocument &d) { return get(d) ? toString(get(d)->type) : QString(); },
        [ref](ApiDocument &d, const QString &v) {
            Api *a = Lookup::api(d, ref.apiId);
            Authorizer *au = a ? Lookup::authorizer(*a, ref.id) : nullptr;
            const auto type = authorizerTypeFromString(v);
            if (!au || !type || au->type == *type)
                return;
            au->type = *type;
            // Each type reads the token from its own kind of identity source.
            const bool rest = a->type == ApiType::Rest;
            au->identitySource = {rest ? QStringLiteral("method.request.header.Authorization")
                                       : QStringLiteral("$request.header.Authorization")};
            if (*type == AuthorizerType::Jwt && au->jwtIssuer.isEmpty())
                au->jwtIssuer = AuthorizerEditor::localIssuer();
            if (*type == AuthorizerType::Token || *type == AuthorizerType::Request) {
                if (au->functionName.isEmpty() && !d.functions.isEmpty())
                    au->functionName = d.functions.first().name;
            }
        });
    m_binder->help(tr("The function receives the bearer token from one header and returns an IAM policy "
                      "(Allow/Deny on execute-api:Invoke) and a principalId."),
                   isType({AuthorizerType::Token}));
    m_binder->help(tr("The function receives headers, query string, path parameters, stage variables and "
                      "context, and returns an IAM policy."),
                   [get, apiTypeOf](const ApiDocument &d) {
                       return get(d) && get(d)->type == AuthorizerType::Request && apiTypeOf(d) != ApiType::Http;
                   });
    m_binder->help(tr("The function receives the request (payload 1.0 or 2.0) and returns an IAM policy, or "
                      "with simple responses just {\"isAuthorized\": true, \"context\": {…}}."),
                   httpLambda);
    m_binder->help(tr("The gateway validates the token itself: signature against the issuer's JWKS, "
                      "<i>iss</i>, <i>aud</i> or <i>client_id</i>, <i>exp</i>/<i>nbf</i>, and the route's scopes."),
                   isType({AuthorizerType::Jwt}));
    m_binder->help(tr("The gateway validates the Cognito ID or access token of the user pools; methods "
                      "may require OAuth scopes."),
                   isType({AuthorizerType::CognitoUserPools}));

    m_binder->combo(
        tr("Lambda function:"), QStringLiteral("authorizerFunction"), QStringLiteral("functionName"),
        [](const ApiDocument &d) {
            Items items{{tr("(choose a function)"), QString()}};
            for (const LocalFunction &f : d.functions)
                items << qMakePair(f.name + QStringLiteral("  (") + f.runtime + QLatin1Char(')'), f.name);
            return items;
        },
        [get](const ApiDocument &d) { return get(d) ? get(d)->functionName : QString(); },
        edit([](Authorizer &a, const QString &v) { a.functionName = v; }),
        isType({AuthorizerType::Token, AuthorizerType::Request}));

    m_binder->lineEdit(
        tr("Identity sources:"), QStringLiteral("authorizerIdentitySource"), QStringLiteral("identitySource"),
        [get](const ApiDocument &d) { return get(d) ? get(d)->identitySource.join(QStringLiteral(", ")) : QString(); },
        edit([](Authorizer &a, const QString &v) { a.identitySource = splitList(v); }),
        [get, apiTypeOf](const ApiDocument &d, const QString &v) {
            const Authorizer *a = get(d);
            if (!a || a->type == AuthorizerType::CognitoUserPools)
                return a && splitList(v).size() != 1 ? tr("Cognito reads one header: method.request.header.Authorization.")
                                                     : QString();
            return identitySourceCheck(apiTypeOf(d), a->type, splitList(v), a->resultTtlInSeconds);
        })
        ->setPlaceholderText(QStringLiteral("method.request.header.Authorization"));
    m_binder->help(tr("Where the caller's credentials are read; a request missing one is rejected with 401 "
                      "before the authorizer runs. Comma-separated."));

    m_binder->lineEdit(
        tr("Token validation:"), QStringLiteral("authorizerValidationExpression"), QStringLiteral("identityValidationExpression"),
        [get](const ApiDocument &d) { return get(d) ? get(d)->identityValidationExpression : QString(); },
        edit([](Authorizer &a, const QString &v) { a.identityValidationExpression = v; }),
        [](const ApiDocument &, const QString &v) { return Checks::selectionPattern(v); },
        isType({AuthorizerType::Token}))
        ->setPlaceholderText(QStringLiteral("^Bearer [-0-9a-zA-Z._]+$"));
    m_binder->help(tr("Optional regular expression; a token that does not match is rejected with 401 without "
                      "calling the function."),
                   isType({AuthorizerType::Token}));

    m_binder->combo(
        tr("Payload format:"), QStringLiteral("authorizerPayloadFormat"), QStringLiteral("payloadFormatVersion"),
        [](const ApiDocument &) { return Items{{QStringLiteral("2.0"), QStringLiteral("2.0")}, {QStringLiteral("1.0"), QStringLiteral("1.0")}}; },
        [get](const ApiDocument &d) { return get(d) ? get(d)->payloadFormatVersion : QString(); },
        edit([](Authorizer &a, const QString &v) {
            a.payloadFormatVersion = v;
            if (v == QLatin1String("1.0"))
                a.enableSimpleResponses = false; // simple responses exist in 2.0 only
        }),
        httpLambda);
    m_binder->check(tr("Simple responses:"), QStringLiteral("authorizerSimpleResponses"), QStringLiteral("enableSimpleResponses"),
                    [get](const ApiDocument &d) { return get(d) && get(d)->enableSimpleResponses; },
                    [ref](ApiDocument &d, bool on) {
                        if (Api *a = Lookup::api(d, ref.apiId))
                            if (Authorizer *au = Lookup::authorizer(*a, ref.id))
                                au->enableSimpleResponses = on;
                    },
                    [get, httpLambda](const ApiDocument &d) {
                        return httpLambda(d) && get(d)->payloadFormatVersion == QLatin1String("2.0");
                    });

    m_binder->lineEdit(
        tr("Issuer:"), QStringLiteral("authorizerIssuer"), QStringLiteral("jwtIssuer"),
        [get](const ApiDocument &d) { return get(d) ? get(d)->jwtIssuer : QString(); },
        edit([](Authorizer &a, const QString &v) { a.jwtIssuer = v.trimmed(); }),
        [](const ApiDocument &, const QString &v) {
            const QUrl url(v.trimmed(), QUrl::StrictMode);
            const bool loopback = url.host() == QLatin1String("127.0.0.1") || url.host() == QLatin1String("localhost");
            if (v.trimmed().isEmpty())
                return tr("A JWT authorizer needs the issuer (the token's iss).");
            if (!url.isValid() || url.host().isEmpty()
                || !(url.scheme() == QLatin1String("https") || (url.scheme() == QLatin1String("http") && loopback)))
                return tr("The issuer is an https:// URL (http:// only for a local provider).");
            return QString();
        },
        isType({AuthorizerType::Jwt}))
        ->setPlaceholderText(QStringLiteral("https://cognito-idp.us-east-1.amazonaws.com/us-east-1_XXXX"));
    m_useLocal = new QPushButton(tr("Use local identity provider"));
    m_useLocal->setObjectName(QStringLiteral("useLocalIdentityProvider"));
    m_useLocal->setToolTip(tr("Point the issuer at the studio's identity provider on %1, which signs test "
                              "tokens for the console.").arg(localIssuer()));
    m_useLocal->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    m_binder->row(QString(), m_useLocal, isType({AuthorizerType::Jwt}), true);
    connect(m_useLocal, &QPushButton::clicked, this, [session, ref] {
        session->edit(tr("Use local identity provider"), [ref](ApiDocument &d) {
            if (Api *a = Lookup::api(d, ref.apiId))
                if (Authorizer *au = Lookup::authorizer(*a, ref.id))
                    au->jwtIssuer = AuthorizerEditor::localIssuer();
        });
    });
    m_binder->lineEdit(
        tr("Audiences:"), QStringLiteral("authorizerAudiences"), QStringLiteral("jwtAudiences"),
        [get](const ApiDocument &d) { return get(d) ? get(d)->jwtAudiences.join(QStringLiteral(", ")) : QString(); },
        edit([](Authorizer &a, const QString &v) { a.jwtAudiences = splitList(v); }),
        [](const ApiDocument &, const QString &v) {
            return splitList(v).isEmpty() ? tr("Name at least one audience: the token's aud (or client_id) must match one.")
                                          : QString();
        },
        isType({AuthorizerType::Jwt}))
        ->setPlaceholderText(QStringLiteral("my-app-client-id"));

    m_binder->lineEdit(
        tr("User pool ARNs:"), QStringLiteral("authorizerProviderArns"), QStringLiteral("providerArns"),
        [get](const ApiDocument &d) { return get(d) ? get(d)->providerArns.join(QStringLiteral(", ")) : QString(); },
        edit([](Authorizer &a, const QString &v) { a.providerArns = splitList(v); }),
        [](const ApiDocument &, const QString &v) {
            const QStringList arns = splitList(v);
            if (arns.isEmpty())
                return tr("Name at least one user pool ARN.");
            for (const QString &arn : arns)
                if (!matches(QStringLiteral("arn:aws:cognito-idp:[a-z0-9-]+:[0-9]{12}:userpool/[A-Za-z0-9-]+_[A-Za-z0-9]+"), arn))
                    return tr("\"%1\" is not a user pool ARN (arn:aws:cognito-idp:region:account:userpool/id).").arg(arn);
            return QString();
        },
        isType({AuthorizerType::CognitoUserPools}))
        ->setPlaceholderText(QStringLiteral("arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_AbCdEf"));

    m_binder->spin(tr("Result TTL (s):"), QStringLiteral("authorizerTtl"), QStringLiteral("ttl"), 0, 3600,
                   [get](const ApiDocument &d) { return get(d) ? get(d)->resultTtlInSeconds : 0; },
                   [ref](ApiDocument &d, int v) {
                       if (Api *a = Lookup::api(d, ref.apiId))
                           if (Authorizer *au = Lookup::authorizer(*a, ref.id))
                               au->resultTtlInSeconds = v;
                   },
                   isType({AuthorizerType::Token, AuthorizerType::Request}));
    m_binder->help(tr("How long the policy is cached per identity; 0 turns caching off. At most 3600 s."),
                   isType({AuthorizerType::Token, AuthorizerType::Request}));

    // IAM authorization has no authorizer object in AWS: methods choose AWS_IAM and callers sign.
    form->addRow(sectionTitle(tr("AWS IAM (SigV4)"),
                              tr("Methods with AWS IAM authorization need no authorizer: callers sign with "
                                 "SigV4. Locally, these access keys are the ones the gateway accepts.")));
    m_iam = new MapTableModel(session, tr("IAM credential"), MapTableModel::ValueKind::Text,
                              {tr("Access key id"), tr("Secret access key")}, this);
    m_iam->setObjectName(QStringLiteral("iamCredentialsModel"));
    m_iam->setNewEntry(QStringLiteral("AKIALOCALEXAMPLE"), QStringLiteral("local-secret-key"));
    m_iam->bind(
        [](const ApiDocument &d) {
            MapTableModel::Map map;
            for (const IamCredential &c : d.iamCredentials)
                map.insert(c.accessKeyId, c.secretAccessKey);
            return map;
        },
        [](ApiDocument &d, const MapTableModel::Map &map) {
            QList<IamCredential> kept;
            for (auto it = map.cbegin(); it != map.cend(); ++it) {
                IamCredential c;
                // Keep token and principal of a key that only had its secret changed.
                for (const IamCredential &old : std::as_const(d.iamCredentials))
                    if (old.accessKeyId == it.key())
                        c = old;
                c.accessKeyId = it.key();
                c.secretAccessKey = it.value();
                kept << c;
            }
            d.iamCredentials = kept;
            return true;
        });
    m_iam->setKeyCheck([](const ApiDocument &, const QString &key, const QString &) {
        return matches(QStringLiteral("[A-Z0-9]{16,128}"), key) ? QString()
                                                                  : tr("An access key id is 16–128 upper-case letters and digits.");
    });
    auto *iam = new TableEditor(m_iam, tr("Add access key"));
    iam->setObjectName(QStringLiteral("iamCredentialsTable"));
    form->addRow(iam);

    m_binder->addStretch();
    m_binder->refresh();
}

} // namespace Gw::Ui
