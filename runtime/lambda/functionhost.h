// The local function host: runs Lambda functions as warm processes that speak the AWS Lambda
// Runtime API, served on loopback (one port per process, as each Lambda sandbox has its own).
#pragma once

#include "model/apidocument.h"

#include <QByteArray>
#include <QObject>
#include <QStringList>

#include <functional>
#include <memory>

namespace Gw::Runtime {

struct FunctionInvocation
{
    QString functionName;
    QByteArray payload;        // the event (JSON)
    int timeoutMs = 0;         // 0: the function's own timeout
    QByteArray clientContext;  // Lambda-Runtime-Client-Context (JSON), optional
    QByteArray cognitoIdentity;
};

struct FunctionResult
{
    enum class Status {
        Success,       // the function returned a result (payload)
        FunctionError, // the handler raised (payload = AWS's error JSON)
        Timeout,       // killed at its deadline
        Crashed,       // the process exited during the invocation
        InitError,     // the runtime reported /init/error or died before asking for work
        NotFound,      // no such local function
        StartFailed    // the process could not be started (runtime missing, bootstrap absent)
    };
    Status status = Status::Success;
    QByteArray payload;
    QString errorType;    // FunctionError / InitError: from the runtime; others: our words
    QString errorMessage;
    QString requestId;    // the Lambda request id
    QStringList log;      // START, the function's output, END, REPORT
    double durationMs = 0;
    double initDurationMs = 0; // > 0 on a cold start
    bool coldStart = false;

    bool ok() const { return status == Status::Success; }
};

QString toString(FunctionResult::Status status);

using FunctionCallback = std::function<void(const FunctionResult &)>;

class FunctionHostCore;

class FunctionHost
{
public:
    struct Options
    {
        QString runtimesDir; // bundled bootstraps; empty: defaultRuntimesDir()
        int idleReapMs = 5 * 60 * 1000;
        QString region = QStringLiteral("us-east-1");
        QString accountId = QStringLiteral("123456789012");
    };

    FunctionHost();
    explicit FunctionHost(Options options);
    ~FunctionHost(); // kills every process

    // Thread-safe. Functions whose configuration or code directory changed get fresh processes.
    void setFunctions(const QList<Model::LocalFunction> &functions, const QString &projectDir);

    // Thread-safe and asynchronous; `callback` runs on `context`'s thread (or the host's thread
    // when context is null).
    void invoke(const FunctionInvocation &request, QObject *context, FunctionCallback callback);
    // Blocks the calling thread (must not be the host's own thread).
    FunctionResult invokeSync(const FunctionInvocation &request);

    // Live processes of a function (tests, UI).
    int processCount(const QString &functionName) const;

    static QString defaultRuntimesDir();

private:
    std::unique_ptr<QThread> m_thread;
    FunctionHostCore *m_core = nullptr; // lives on m_thread
};

} // namespace Gw::Runtime
