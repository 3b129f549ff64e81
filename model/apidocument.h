// The API document: plain value types for every part of an AWS API Gateway design.
//
// Everything here is a value (copyable, comparable with ==). Nothing mutates a document except
// DocumentSession through undo commands. Names follow AWS's own words (CloudFormation / the
// API Gateway REST API) so that import/export maps one to one.
#pragma once

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace Gw::Model {

enum class ApiType { Rest, Http, WebSocket };

// REST `type` of an integration; HTTP APIs use AwsProxy (Lambda) and HttpProxy (and Aws for
// service integrations).
enum class IntegrationType { Mock, AwsProxy, Aws, Http, HttpProxy };

// REST authorizationType / HTTP API authorizationType of a method or route.
enum class AuthorizationType { None, AwsIam, Custom, CognitoUserPools, Jwt };

enum class AuthorizerType {
    Token,            // REST Lambda TOKEN
    Request,          // REST Lambda REQUEST, HTTP API Lambda (REQUEST), WebSocket $connect
    CognitoUserPools, // REST
    Jwt               // HTTP API
};

enum class PassthroughBehavior { WhenNoMatch, WhenNoTemplates, Never };

enum class QuotaPeriod { Day, Week, Month };

struct ThrottleSettings
{
    // AWS semantics: a negative value means "not set, inherit".
    double rateLimit = -1;
    int burstLimit = -1;

    bool isSet() const { return rateLimit >= 0 || burstLimit >= 0; }
    bool operator==(const ThrottleSettings &) const = default;
};

struct IntegrationResponse
{
    QString selectionPattern; // Java regex; empty = the default response
    QString statusCode = QStringLiteral("200");
    QMap<QString, QString> responseParameters; // method.response.header.X -> source
    QMap<QString, QString> responseTemplates;  // content type -> VTL template
    QString contentHandling;                   // "", CONVERT_TO_TEXT, CONVERT_TO_BINARY

    bool operator==(const IntegrationResponse &) const = default;
};

struct Integration
{
    IntegrationType type = IntegrationType::Mock;
    QString httpMethod;   // integration method (POST for Lambda)
    QString uri;          // HTTP(S) URL, AWS service / Lambda ARN; may contain ${stageVariables.x}
    QString functionName; // local function (LocalFunction::name) for Lambda integrations
    QString payloadFormatVersion = QStringLiteral("1.0"); // HTTP API Lambda: "1.0" or "2.0"
    QMap<QString, QString> requestParameters; // REST: integration.request.* ; HTTP: overwrite:header.x
    QMap<QString, QString> requestTemplates;  // content type -> VTL template
    PassthroughBehavior passthroughBehavior = PassthroughBehavior::WhenNoMatch;
    QString contentHandling;
    int timeoutInMillis = 29000;
    QString credentials;
    QString connectionType; // INTERNET | VPC_LINK
    QList<IntegrationResponse> responses; // REST non-proxy integration responses
    // HTTP API response parameter mapping: status code -> (overwrite:header.x -> value).
    QMap<QString, QMap<QString, QString>> responseParameters;
    // AWS service integrations cannot reach AWS locally: the body answered instead.
    QString stubResponse;

    bool operator==(const Integration &) const = default;
};

struct MethodResponse
{
    QString statusCode = QStringLiteral("200");
    QMap<QString, bool> responseParameters; // method.response.header.X -> required
    QMap<QString, QString> responseModels;  // content type -> model name

    bool operator==(const MethodResponse &) const = default;
};

// A REST method on a resource.
struct Method
{
    QString id;         // mth_…
    QString httpMethod; // GET, POST, …, ANY
    QString operationName;
    AuthorizationType authorizationType = AuthorizationType::None;
    QString authorizerId; // auth_…
    QStringList authorizationScopes;
    bool apiKeyRequired = false;
    QString requestValidatorId;              // val_…
    QMap<QString, bool> requestParameters;   // method.request.{path|querystring|header}.X -> required
    QMap<QString, QString> requestModels;    // content type -> model name
    Integration integration;
    QList<MethodResponse> methodResponses;

    bool operator==(const Method &) const = default;
};

// A REST resource. Resources form a tree through parentId; the root has pathPart "" and no parent.
struct Resource
{
    QString id;       // res_…
    QString parentId; // empty for the root resource "/"
    QString pathPart; // "pets", "{petId}", "{proxy+}"
    QList<Method> methods;

    bool operator==(const Resource &) const = default;
};

// An HTTP API or WebSocket route.
struct Route
{
    QString id;       // rt_…
    QString routeKey; // "GET /pets/{id}", "ANY /{proxy+}", "$default", "$connect", "sendmessage"
    QString operationName;
    AuthorizationType authorizationType = AuthorizationType::None;
    QString authorizerId;
    QStringList authorizationScopes;
    bool apiKeyRequired = false; // WebSocket only
    QString routeResponseSelectionExpression; // WebSocket
    Integration integration;
    ThrottleSettings throttle; // route settings

    bool operator==(const Route &) const = default;
};

struct Authorizer
{
    QString id; // auth_…
    QString name;
    AuthorizerType type = AuthorizerType::Token;
    QString functionName;        // local function for Lambda authorizers
    QStringList identitySource;  // REST: method.request.header.Authorization; HTTP: $request.header.X
    QString identityValidationExpression;
    int resultTtlInSeconds = 300;
    QString payloadFormatVersion = QStringLiteral("2.0"); // HTTP API Lambda authorizers
    bool enableSimpleResponses = false;
    QString jwtIssuer;          // JWT
    QStringList jwtAudiences;   // JWT
    QStringList providerArns;   // Cognito user pools

    bool operator==(const Authorizer &) const = default;
};

struct RequestValidator
{
    QString id; // val_…
    QString name;
    bool validateRequestBody = false;
    bool validateRequestParameters = false;

    bool operator==(const RequestValidator &) const = default;
};

// A model: a draft-4 JSON Schema with a name, referenced by methods.
struct ApiModel
{
    QString id; // mdl_…
    QString name;
    QString contentType = QStringLiteral("application/json");
    QString description;
    QJsonObject schema;

    bool operator==(const ApiModel &) const = default;
};

struct CorsConfiguration
{
    QStringList allowOrigins;
    QStringList allowMethods;
    QStringList allowHeaders;
    QStringList exposeHeaders;
    int maxAge = -1; // -1: not sent
    bool allowCredentials = false;

    bool operator==(const CorsConfiguration &) const = default;
};

struct GatewayResponse
{
    QString responseType; // DEFAULT_4XX, MISSING_AUTHENTICATION_TOKEN, …
    QString statusCode;   // empty: the type's default
    QMap<QString, QString> responseParameters; // gatewayresponse.header.X -> 'value'
    QMap<QString, QString> responseTemplates;  // content type -> template

    bool operator==(const GatewayResponse &) const = default;
};

struct CanarySettings
{
    double percentTraffic = 0;
    QMap<QString, QString> stageVariableOverrides;

    bool operator==(const CanarySettings &) const = default;
};

struct Stage
{
    QString name; // "dev", "prod"; "$default" for HTTP APIs
    QString description;
    QMap<QString, QString> variables;
    ThrottleSettings throttle;
    QMap<QString, ThrottleSettings> methodThrottle; // "/pets/GET" (REST) or "GET /pets" (HTTP)
    std::optional<CanarySettings> canary;
    bool autoDeploy = true;

    bool operator==(const Stage &) const = default;
};

struct Api
{
    QString id; // api_…
    QString name;
    QString description;
    ApiType type = ApiType::Rest;
    QList<Resource> resources; // REST; resources[0] is the root "/"
    QList<Route> routes;       // HTTP API and WebSocket
    QString routeSelectionExpression; // WebSocket, e.g. $request.body.action
    QString apiKeySource = QStringLiteral("HEADER"); // HEADER | AUTHORIZER
    QStringList binaryMediaTypes;
    QList<Authorizer> authorizers;
    QList<ApiModel> models;
    QList<RequestValidator> requestValidators;
    QList<GatewayResponse> gatewayResponses;
    std::optional<CorsConfiguration> cors; // HTTP API CorsConfiguration
    QList<Stage> stages;
    // x-amazon-apigateway-* and other extensions kept verbatim for round trips.
    QJsonObject extensions;

    bool operator==(const Api &) const = default;
};

struct QuotaSettings
{
    int limit = 0;
    QuotaPeriod period = QuotaPeriod::Day;
    int offset = 0;

    bool operator==(const QuotaSettings &) const = default;
};

struct ApiStageRef
{
    QString apiId;
    QString stage;

    bool operator==(const ApiStageRef &) const = default;
};

struct UsagePlan
{
    QString id; // plan_…
    QString name;
    QList<ApiStageRef> apiStages;
    ThrottleSettings throttle;
    std::optional<QuotaSettings> quota;
    QStringList apiKeyIds;

    bool operator==(const UsagePlan &) const = default;
};

struct ApiKey
{
    QString id; // key_…
    QString name;
    QString value; // 20–128 characters
    bool enabled = true;

    bool operator==(const ApiKey &) const = default;
};

// Credentials a caller signs with (SigV4) when a method uses AWS_IAM authorization locally.
struct IamCredential
{
    QString accessKeyId;
    QString secretAccessKey;
    QString sessionToken;
    QString principalArn;

    bool operator==(const IamCredential &) const = default;
};

// A Lambda function run locally as a process through the Lambda Runtime API.
struct LocalFunction
{
    QString id; // fn_…
    QString name;
    QString runtime = QStringLiteral("python3.11"); // python3.x, nodejs20.x, provided.al2023, …
    QString handler = QStringLiteral("app.handler");
    QString codeDirectory; // relative to the project file
    QMap<QString, QString> environment;
    int timeout = 3;        // seconds
    int memorySize = 128;   // MB
    int concurrency = 10;   // warm process pool size

    bool operator==(const LocalFunction &) const = default;
};

struct ApiDocument
{
    QString name;
    QList<Api> apis;
    QList<LocalFunction> functions;
    QList<UsagePlan> usagePlans;
    QList<ApiKey> apiKeys;
    QList<IamCredential> iamCredentials;

    bool operator==(const ApiDocument &) const = default;

    const Api *findApi(const QString &id) const;
    Api *findApi(const QString &id);
    const LocalFunction *findFunction(const QString &name) const;
};

// Helpers shared by every layer.
QString newId(const QString &prefix); // "res" -> "res_k3j9x0a2"

QString toString(ApiType t);          // REST, HTTP, WEBSOCKET
std::optional<ApiType> apiTypeFromString(const QString &s);
QString toString(IntegrationType t);  // MOCK, AWS_PROXY, AWS, HTTP, HTTP_PROXY
std::optional<IntegrationType> integrationTypeFromString(const QString &s);
QString toString(AuthorizationType t); // NONE, AWS_IAM, CUSTOM, COGNITO_USER_POOLS, JWT
std::optional<AuthorizationType> authorizationTypeFromString(const QString &s);
QString toString(AuthorizerType t);    // TOKEN, REQUEST, COGNITO_USER_POOLS, JWT
std::optional<AuthorizerType> authorizerTypeFromString(const QString &s);
QString toString(PassthroughBehavior p); // WHEN_NO_MATCH, WHEN_NO_TEMPLATES, NEVER
std::optional<PassthroughBehavior> passthroughBehaviorFromString(const QString &s);
QString toString(QuotaPeriod p);       // DAY, WEEK, MONTH
std::optional<QuotaPeriod> quotaPeriodFromString(const QString &s);

// REST resource tree helpers.
const Resource *findResource(const Api &api, const QString &id);
QString resourcePath(const Api &api, const QString &resourceId); // "/pets/{petId}"

} // namespace Gw::Model
