// Test helper: writes a local Python Lambda function (app.handler) into a directory and describes
// it for the document, so authorizer and integration tests run real processes.
#pragma once

#include "model/apidocument.h"

#include <QDir>
#include <QFile>

namespace GwTest {

inline Gw::Model::LocalFunction writePythonFunction(const QString &root, const QString &name, const QByteArray &code)
{
    QDir(root).mkpath(name);
    QFile f(root + QLatin1Char('/') + name + QStringLiteral("/app.py"));
    if (f.open(QIODevice::WriteOnly))
        f.write(code);
    Gw::Model::LocalFunction fn;
    fn.id = QStringLiteral("fn_") + name;
    fn.name = name;
    fn.runtime = QStringLiteral("python3.11");
    fn.handler = QStringLiteral("app.handler");
    fn.codeDirectory = name;
    return fn;
}

// Answers with the event it received, as a proxy integration response.
inline const char *echoFunction = R"PY(
import json

def handler(event, context):
    return {"statusCode": 200, "headers": {"Content-Type": "application/json"}, "body": json.dumps(event)}
)PY";

} // namespace GwTest
