// $util as API Gateway provides it: escapeJavaScript, parseJson, urlEncode, urlDecode,
// base64Encode, base64Decode.
#pragma once

#include "value.h"

namespace Gw::Vtl {

class UtilObject : public Object
{
public:
    QString className() const override { return QStringLiteral("$util"); }
    CallResult invoke(const QString &method, const QList<Value> &args) override;

    // Apache commons-lang 2 StringEscapeUtils.escapeJavaScript, which escapes ' and / too.
    static QString escapeJavaScript(const QString &s);
    // java.net.URLEncoder / URLDecoder with UTF-8 (form encoding: space is '+').
    static QString urlEncode(const QString &s);
    static std::optional<QString> urlDecode(const QString &s, QString *error);
};

} // namespace Gw::Vtl
