// $input as API Gateway provides it to mapping templates: body, json(path), path(path), params().
#pragma once

#include "value.h"

#include <QByteArray>
#include <QPair>

namespace Gw::Vtl {

using NameValueList = QList<QPair<QString, QString>>;

struct InputParams
{
    NameValueList path;
    NameValueList querystring;
    NameValueList header;
};

// The body is parsed as JSON only when a template asks for json() or path().
class InputObject : public Object
{
public:
    InputObject(QByteArray body, InputParams params);

    QString className() const override { return QStringLiteral("$input"); }
    CallResult invoke(const QString &method, const QList<Value> &args) override;
    CallResult property(const QString &name) override;

    // $input.json(path): the match as JSON text ("" when nothing matches).
    CallResult json(const QString &path);
    // $input.path(path): the match as a value (maps, JSON-printing lists, numbers, strings).
    CallResult path(const QString &path);
    // $input.params(name): path, then query string, then header (case-insensitive); "" if none.
    QString param(const QString &name) const;
    Value params();

private:
    bool parsedBody(Value &out, QString &error);

    QByteArray m_body;
    InputParams m_params;
    bool m_parsed = false;
    Value m_json;
    QString m_jsonError;
    Value m_paramsMap;
};

} // namespace Gw::Vtl
