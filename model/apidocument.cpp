// Ids, enum spellings and REST resource-tree helpers shared by every layer.
#include "model/apidocument.h"

#include <QRandomGenerator>
#include <QSet>

namespace Gw::Model {

const Api *ApiDocument::findApi(const QString &id) const
{
    for (const Api &api : apis) {
        if (api.id == id)
            return &api;
    }
    return nullptr;
}

Api *ApiDocument::findApi(const QString &id)
{
    for (Api &api : apis) {
        if (api.id == id)
            return &api;
    }
    return nullptr;
}

const LocalFunction *ApiDocument::findFunction(const QString &name) const
{
    for (const LocalFunction &f : functions) {
        if (f.name == name)
            return &f;
    }
    return nullptr;
}

QString newId(const QString &prefix)
{
    static constexpr char alphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789";
    constexpr int alphabetSize = sizeof(alphabet) - 1;
    QString id = prefix;
    id.reserve(prefix.size() + 9);
    id += QLatin1Char('_');
    QRandomGenerator *rng = QRandomGenerator::global();
    for (int i = 0; i < 8; ++i)
        id += QLatin1Char(alphabet[rng->bounded(alphabetSize)]);
    return id;
}

namespace {

// One table per enum keeps toString and fromString in agreement.
template<typename E, size_t N>
struct EnumTable
{
    struct Entry
    {
        E value;
        const char *name;
    };
    Entry entries[N];

    QString toString(E v) const
    {
        for (const Entry &e : entries) {
            if (e.value == v)
                return QString::fromLatin1(e.name);
        }
        return {};
    }
    std::optional<E> fromString(const QString &s) const
    {
        for (const Entry &e : entries) {
            if (s == QLatin1String(e.name))
                return e.value;
        }
        return std::nullopt;
    }
};

constexpr EnumTable<ApiType, 3> apiTypes{{{ApiType::Rest, "REST"},
                                          {ApiType::Http, "HTTP"},
                                          {ApiType::WebSocket, "WEBSOCKET"}}};
constexpr EnumTable<IntegrationType, 5> integrationTypes{{{IntegrationType::Mock, "MOCK"},
                                                          {IntegrationType::AwsProxy, "AWS_PROXY"},
                                                          {IntegrationType::Aws, "AWS"},
                                                          {IntegrationType::Http, "HTTP"},
                                                          {IntegrationType::HttpProxy, "HTTP_PROXY"}}};
constexpr EnumTable<AuthorizationType, 5> authorizationTypes{
    {{AuthorizationType::None, "NONE"},
     {AuthorizationType::AwsIam, "AWS_IAM"},
     {AuthorizationType::Custom, "CUSTOM"},
     {AuthorizationType::CognitoUserPools, "COGNITO_USER_POOLS"},
     {AuthorizationType::Jwt, "JWT"}}};
constexpr EnumTable<AuthorizerType, 4> authorizerTypes{
    {{AuthorizerType::Token, "TOKEN"},
     {AuthorizerType::Request, "REQUEST"},
     {AuthorizerType::CognitoUserPools, "COGNITO_USER_POOLS"},
     {AuthorizerType::Jwt, "JWT"}}};
constexpr EnumTable<PassthroughBehavior, 3> passthroughBehaviors{
    {{PassthroughBehavior::WhenNoMatch, "WHEN_NO_MATCH"},
     {PassthroughBehavior::WhenNoTemplates, "WHEN_NO_TEMPLATES"},
     {PassthroughBehavior::Never, "NEVER"}}};
constexpr EnumTable<QuotaPeriod, 3> quotaPeriods{{{QuotaPeriod::Day, "DAY"},
                                                  {QuotaPeriod::Week, "WEEK"},
                                                  {QuotaPeriod::Month, "MONTH"}}};

} // namespace

QString toString(ApiType t) { return apiTypes.toString(t); }
std::optional<ApiType> apiTypeFromString(const QString &s) { return apiTypes.fromString(s); }
QString toString(IntegrationType t) { return integrationTypes.toString(t); }
std::optional<IntegrationType> integrationTypeFromString(const QString &s)
{
    return integrationTypes.fromString(s);
}
QString toString(AuthorizationType t) { return authorizationTypes.toString(t); }
std::optional<AuthorizationType> authorizationTypeFromString(const QString &s)
{
    return authorizationTypes.fromString(s);
}
QString toString(AuthorizerType t) { return authorizerTypes.toString(t); }
std::optional<AuthorizerType> authorizerTypeFromString(const QString &s)
{
    return authorizerTypes.fromString(s);
}
QString toString(PassthroughBehavior p) { return passthroughBehaviors.toString(p); }
std::optional<PassthroughBehavior> passthroughBehaviorFromString(const QString &s)
{
    return passthroughBehaviors.fromString(s);
}
QString toString(QuotaPeriod p) { return quotaPeriods.toString(p); }
std::optional<QuotaPeriod> quotaPeriodFromString(const QString &s)
{
    return quotaPeriods.fromString(s);
}

const Resource *findResource(const Api &api, const QString &id)
{
    for (const Resource &r : api.resources) {
        if (r.id == id)
            return &r;
    }
    return nullptr;
}

QString resourcePath(const Api &api, const QString &resourceId)
{
    QStringList parts;
    QSet<QString> seen; // a broken (cyclic) tree must not loop forever
    const Resource *r = findResource(api, resourceId);
    while (r && !r->parentId.isEmpty() && !seen.contains(r->id)) {
        seen.insert(r->id);
        parts.prepend(r->pathPart);
        r = findResource(api, r->parentId);
    }
    return QLatin1Char('/') + parts.join(QLatin1Char('/'));
}

} // namespace Gw::Model
