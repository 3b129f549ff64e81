// $input: JSON is read lazily and once; an empty body reads as {} (as AWS-validated emulators do).
#include "inputobject.h"

#include "jsonpath.h"
#include "jsonvalue.h"

namespace Gw::Vtl {

InputObject::InputObject(QByteArray body, InputParams params)
    : m_body(std::move(body)), m_params(std::move(params))
{
}

bool InputObject::parsedBody(Value &out, QString &error)
{
    if (!m_parsed) {
        m_parsed = true;
        const QString text = QString::fromUtf8(m_body);
        if (text.trimmed().isEmpty()) {
            m_json = Value::newMap();
        } else {
            JsonParseResult r = parseJson(text, true);
            m_json = r.value;
            m_jsonError = r.error;
        }
    }
    if (!m_jsonError.isEmpty()) {
        error = QStringLiteral("the body is not valid JSON (%1)").arg(m_jsonError);
        return false;
    }
    out = m_json;
    return true;
}

CallResult InputObject::json(const QString &path)
{
    Value root;
    QString error;
    if (!parsedBody(root, error))
        return CallResult::fail(error);
    const JsonPathResult r = evaluateJsonPath(root, path.isEmpty() ? QStringLiteral("$") : path);
    if (!r.error.isEmpty())
        return CallResult::fail(r.error);
    if (!r.found)
        return CallResult::ok(Value(QString()));
    return CallResult::ok(Value(r.value.toJson()));
}

CallResult InputObject::path(const QString &path)
{
    Value root;
    QString error;
    if (!parsedBody(root, error))
        return CallResult::fail(error);
    const JsonPathResult r = evaluateJsonPath(root, path.isEmpty() ? QStringLiteral("$") : path);
    if (!r.error.isEmpty())
        return CallResult::fail(r.error);
    if (!r.found)
        return CallResult::ok(Value(QString()));
    return CallResult::ok(r.value);
}

QString InputObject::param(const QString &name) const
{
    for (const NameValueList *list : {&m_params.path, &m_params.querystring}) {
        for (const auto &kv : *list)
            if (kv.first == name)
                return kv.second;
    }
    for (const auto &kv : m_params.header)
        if (kv.first.compare(name, Qt::CaseInsensitive) == 0)
            return kv.second;
    return QString();
}

Value InputObject::params()
{
    if (m_paramsMap.isNull()) {
        m_paramsMap = Value::newMap();
        auto toMap = [](const NameValueList &list) {
            Value m = Value::newMap();
            for (const auto &kv : list)
                m.map()->insert(kv.first, Value(kv.second));
            return m;
        };
        m_paramsMap.map()->insert(QStringLiteral("path"), toMap(m_params.path));
        m_paramsMap.map()->insert(QStringLiteral("querystring"), toMap(m_params.querystring));
        m_paramsMap.map()->insert(QStringLiteral("header"), toMap(m_params.header));
    }
    return m_paramsMap;
}

CallResult InputObject::invoke(const QString &method, const QList<Value> &args)
{
    if ((method == QLatin1String("getBody") || method == QLatin1String("body")) && args.isEmpty())
        return CallResult::ok(Value(m_body.isEmpty() ? QStringLiteral("{}") : QString::fromUtf8(m_body)));
    if ((method == QLatin1String("json") || method == QLatin1String("path")) && args.size() == 1) {
        if (!args[0].isString())
            return args[0].isNull() ? CallResult::fail(QStringLiteral("java.lang.NullPointerException: path"))
                                    : CallResult::noSuchMethod();
        return method == QLatin1String("json") ? json(args[0].string()) : path(args[0].string());
    }
    if (method == QLatin1String("params")) {
        if (args.isEmpty())
            return CallResult::ok(params());
        if (args.size() == 1 && (args[0].isString() || args[0].isNull()))
            return CallResult::ok(Value(param(args[0].string())));
    }
    if (method == QLatin1String("toString") && args.isEmpty())
        return CallResult::ok(Value(toJavaString()));
    return CallResult::noSuchMethod();
}

CallResult InputObject::property(const QString &name)
{
    if (name == QLatin1String("body"))
        return invoke(name, {});
    return CallResult::noSuchMethod();
}

} // namespace Gw::Vtl
