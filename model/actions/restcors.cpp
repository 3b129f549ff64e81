#include "model/actions/restcors.h"

namespace Gw::Model {

bool enableRestCors(ApiDocument &doc, const QString &apiId, const QString &resourceId, const QString &origin)
{
    Api *api = doc.findApi(apiId);
    Resource *resource = nullptr;
    if (api) {
        for (Resource &r : api->resources) {
            if (r.id == resourceId)
                resource = &r;
        }
    }
    if (!resource)
        return false;
    const QString quotedOrigin = QLatin1Char('\'') + origin + QLatin1Char('\'');
    const QString allowOrigin = QStringLiteral("method.response.header.Access-Control-Allow-Origin");
    QStringList verbs;
    for (const Method &m : resource->methods)
        if (m.httpMethod != QLatin1String("OPTIONS"))
            verbs << m.httpMethod;
    verbs << QStringLiteral("OPTIONS");
    verbs.sort(); // as the AWS console lists them: 'GET,OPTIONS,POST'

    Method *options = nullptr;
    for (Method &m : resource->methods)
        if (m.httpMethod == QLatin1String("OPTIONS"))
            options = &m;
    if (!options) {
        Method m;
        m.id = newId(QStringLiteral("mth"));
        m.httpMethod = QStringLiteral("OPTIONS");
        resource->methods << m;
        options = &resource->methods.last();
    }
    // The preflight answers from a MOCK, as the console's action sets it up.
    options->authorizationType = AuthorizationType::None;
    options->authorizerId.clear();
    options->integration = Integration{};
    options->integration.type = IntegrationType::Mock;
    options->integration.requestTemplates.insert(QStringLiteral("application/json"), QStringLiteral("{\"statusCode\": 200}"));
    IntegrationResponse ir;
    ir.statusCode = QStringLiteral("200");
    ir.responseParameters.insert(QStringLiteral("method.response.header.Access-Control-Allow-Headers"),
                                 QStringLiteral("'Content-Type,X-Amz-Date,Authorization,X-Api-Key,X-Amz-Security-Token'"));
    ir.responseParameters.insert(QStringLiteral("method.response.header.Access-Control-Allow-Methods"),
                                 QLatin1Char('\'') + verbs.join(QLatin1Char(',')) + QLatin1Char('\''));
    ir.responseParameters.insert(allowOrigin, quotedOrigin);
    ir.responseTemplates.insert(QStringLiteral("application/json"), QString());
    options->integration.responses = {ir};
    MethodResponse mr;
    mr.statusCode = QStringLiteral("200");
    for (const QString &h : ir.responseParameters.keys())
        mr.responseParameters.insert(h, false);
    mr.responseModels.insert(QStringLiteral("application/json"), QStringLiteral("Empty"));
    options->methodResponses = {mr};

    // The actual responses of the other non-proxy methods carry the origin too.
    for (Method &m : resource->methods) {
        if (&m == options || m.integration.type == IntegrationType::AwsProxy || m.integration.type == IntegrationType::HttpProxy)
            continue;
        for (MethodResponse &r : m.methodResponses)
            if (r.statusCode == QLatin1String("200"))
                r.responseParameters.insert(allowOrigin, false);
        for (IntegrationResponse &r : m.integration.responses)
            if (r.statusCode == QLatin1String("200"))
                r.responseParameters.insert(allowOrigin, quotedOrigin);
    }
    return true;
}

} // namespace Gw::Model
