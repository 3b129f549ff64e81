// Gateway responses: the errors API Gateway answers by itself (no route, unauthorized, throttled,
// …) with AWS's default status, x-amzn-ErrorType and message, and per-API overrides (REST).
#pragma once

#include "runtime/server/httpmessage.h"

#include <QDateTime>
#include <QJsonObject>
#include <QLocale>
#include <QMap>
#include <QString>

namespace Gw::Model {
struct Api;
}

namespace Gw::Runtime {

struct GatewayResponseType
{
    QString type;      // MISSING_AUTHENTICATION_TOKEN, …
    int status = 0;    // 0 for DEFAULT_4XX / DEFAULT_5XX (they have none of their own)
    QString errorType; // x-amzn-ErrorType; empty: none sent
    QString message;   // $context.error.message
};

// What a gateway response template may refer to.
struct GatewayResponseContext
{
    QString requestId;
    QString apiId;
    QString stage;
    QString httpMethod;
    QString resourcePath;
    QString path;
    QString domainName;
    QString sourceIp;
    QString resourceId;
    QString protocol;             // HTTP/1.1
    QDateTime requestTime;        // UTC
    QString validationErrorString; // $context.error.validationErrorString
    QString principalId;           // $context.authorizer.principalId
    QJsonObject authorizer;        // $context.authorizer.X (Lambda context, JWT claims)
    QString apiKey;                // $context.identity.apiKey
    QString apiKeyId;              // $context.identity.apiKeyId
    const QMap<QString, QString> *stageVariables = nullptr;
    const HeaderList *requestHeaders = nullptr;
    QByteArray rawQuery;
    QMap<QString, QString> pathParameters;
};

class GatewayResponses
{
public:
    // Every type API Gateway documents (reference §1.8), in AWS's alphabetical order.
    static const QList<GatewayResponseType> &types();
    static const GatewayResponseType *find(const QString &type);
    // The default status a type answers with, after DEFAULT_4XX/5XX don't apply: 0 if unknown.
    static int defaultStatus(const QString &type);
    // True when the API sets a status for `type`, itself or through DEFAULT_4XX/DEFAULT_5XX: the
    // status callers must then keep (e.g. instead of the 500/502 AWS answers for integrations).
    static bool hasCustomStatus(const Model::Api &api, const QString &type);

    // REST: the response for `type`, applying the API's override of that type, else its
    // DEFAULT_4XX / DEFAULT_5XX override, else AWS's default. `message` replaces the type's
    // default message when not null (e.g. the list of missing parameters).
    static HttpResponse restResponse(const Model::Api &api, const QString &type,
                                     const GatewayResponseContext &context,
                                     const QString &message = QString());

    // HTTP APIs have no customisable gateway responses: fixed bodies (reference §3.6).
    static HttpResponse httpApiResponse(const QString &type);

    // The simple (non-VTL) substitution AWS applies to gateway response templates.
    static QByteArray renderTemplate(const QString &templ, const QString &type,
                                     const QString &message, const GatewayResponseContext &context);
};

} // namespace Gw::Runtime
