// The events API Gateway sends to a Lambda proxy integration: REST (payload v1, reference §3.1)
// and HTTP API (payload 1.0 and 2.0, §3.2), field for field, null where AWS sends null.
#pragma once

#include "runtime/trace/trace.h"

#include <QDateTime>
#include <QJsonObject>
#include <QMap>
#include <QStringList>

namespace Gw::Runtime {

struct ProxyEventInput
{
    QString method;       // GET
    QString path;         // as the client sent it, decoded, without query: "/dev/pets/1"
    QString stagePath;    // REST: the path after the stage ("/pets/1"); HTTP: rawPath
    QString resourcePath; // REST "/pets/{petId}"; HTTP route path
    QString routeKey;     // HTTP API "GET /pets/{id}" or "$default"
    QString stage;
    QByteArray rawQuery;
    HeaderList headers;
    QList<QPair<QString, QString>> pathParameters;
    QMap<QString, QString> stageVariables;
    QByteArray body;
    bool bodyIsBinary = false; // base64-encode it, isBase64Encoded = true
    QString requestId;
    QString extendedRequestId;
    QString apiId;
    QString resourceId;
    QString accountId = QStringLiteral("123456789012");
    QString sourceIp;
    QString domainName;   // Host header
    QDateTime requestTime; // UTC
    QJsonObject authorizer; // REST: principalId + context / claims; HTTP: {jwt:…}|{lambda:…}
    // Caller identity an authorizer established (IAM: accessKey, accountId, caller, user, userArn),
    // set over the v1 requestContext.identity fields.
    QJsonObject authorizedIdentity;
    QString apiKey, apiKeyId;
    QJsonObject clientCert; // mTLS: clientCertPem, subjectDN, issuerDN, serialNumber, validity
};

// "22/Nov/2026:07:51:08 +0000", AWS's requestTime.
QString awsRequestTime(const QDateTime &utc);

// The event as the function receives it (compact JSON, AWS's field order): the invocation path.
QByteArray restProxyEventJson(const ProxyEventInput &in);   // REST, payload v1
QByteArray httpProxyEventV1Json(const ProxyEventInput &in); // HTTP API, payload 1.0
QByteArray httpProxyEventV2Json(const ProxyEventInput &in); // HTTP API, payload 2.0
// The same events parsed, for authorizers (which drop the body) and tests.
QJsonObject restProxyEvent(const ProxyEventInput &in);
QJsonObject httpProxyEventV1(const ProxyEventInput &in);
QJsonObject httpProxyEventV2(const ProxyEventInput &in);

// Whether a body of this content type is binary for the API (REST binaryMediaTypes, with `*/*`
// and `image/*` wildcards).
bool isBinaryMediaType(const QByteArray &contentType, const QStringList &binaryMediaTypes);
// HTTP APIs treat everything that is not text as binary.
bool isTextContentType(const QByteArray &contentType);

} // namespace Gw::Runtime
