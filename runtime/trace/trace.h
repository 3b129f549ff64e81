// The trace of one request: what came in, every pipeline step in order, what went out.
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <memory>

namespace Gw::Runtime {

using HeaderList = QList<QPair<QByteArray, QByteArray>>; // order and repeats kept

struct TraceStep
{
    enum class Outcome { Continue, Respond, Pending, Fail, Skipped };
    QString name;          // the stage name (receive, route, cors, apiKey, authorize, …)
    qint64 startUs = 0;    // from the start of the request
    qint64 durationUs = 0;
    Outcome outcome = Outcome::Continue;
    QStringList notes;     // why the stage decided what it did
    QByteArray payloadBefore;
    QByteArray payloadAfter;
    bool flagged = false;  // an unexpected failure inside the stage

    bool operator==(const TraceStep &) const = default;
};

QString toString(TraceStep::Outcome o);

struct Trace
{
    QString requestId;
    QDateTime startedAt; // UTC
    qint64 durationUs = 0;
    QString apiId;
    QString apiName;
    QString apiType; // REST, HTTP, WEBSOCKET
    QString stage;
    QString routeKey; // "GET /pets/{petId}" (REST: method + resource path)
    QString resourcePath; // "/pets/{petId}"
    QList<QPair<QString, QString>> pathParameters;
    QString clientAddress;

    QString method;
    QString path;      // as received, without query
    QString rawQuery;
    HeaderList requestHeaders;
    QByteArray requestBody;

    int status = 0;
    HeaderList responseHeaders;
    QByteArray responseBody;

    QList<TraceStep> steps;
    QString errorType;  // gateway response type when the gateway answered an error
    QStringList integrationLog; // function log lines etc.

    // The integration's exchange as AWS's execution log shows it ("Endpoint request URI: …").
    QString endpointUri;         // empty for MOCK (AWS prints no Endpoint lines then)
    HeaderList endpointRequestHeaders;
    QByteArray endpointRequestBody;
    int endpointStatus = 0;
    qint64 integrationLatencyUs = 0;
    HeaderList endpointResponseHeaders;
    QByteArray endpointResponseBody;
    QString executionFailure;    // "Execution failed due to a timeout error", …

    bool failed() const { return status >= 400 || status == 0; }
    const TraceStep *failingStep() const;
};

using TracePtr = std::shared_ptr<const Trace>;

} // namespace Gw::Runtime
