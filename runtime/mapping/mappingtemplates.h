// Renders REST mapping templates for a request: the VTL engine (runtime/vtl) with API Gateway's
// roots filled from the request context — $input (body, params), $context (reference §1.5),
// $stageVariables — and parsed templates cached, since the same few templates run for every call.
#pragma once

#include "runtime/vtl/template.h"

#include <QByteArray>
#include <QMap>
#include <QString>

#include <memory>

namespace Gw::Runtime {

class RequestContext;

struct TemplateRender
{
    bool ok = false;
    QByteArray output;
    QString error;        // "line 3, column 7: …" when !ok
    QStringList warnings; // what Velocity only logs
    // $context.responseOverride.* as the template left them (response templates).
    int statusOverride = 0;
    QList<QPair<QByteArray, QByteArray>> headerOverrides;
    // $context.requestOverride.* (request templates).
    QList<QPair<QByteArray, QByteArray>> requestHeaderOverrides;
    QList<QPair<QString, QString>> requestQueryOverrides;
    QMap<QString, QString> requestPathOverrides;
};

class MappingTemplates
{
public:
    // Parses once per distinct template text; thread-safe.
    static std::shared_ptr<const Vtl::Template> parsed(const QString &source, QString *error);

    // Renders `source` for ctx with `$input.body` = body.
    static TemplateRender render(const QString &source, const RequestContext &ctx,
                                 const QByteArray &body);

    // Picks the template for a content type the way AWS does: exact match (parameters such as
    // charset ignored, case-insensitive). Returns end() when none matches.
    static QMap<QString, QString>::const_iterator find(const QMap<QString, QString> &templates,
                                                       const QByteArray &contentType);
};

} // namespace Gw::Runtime

namespace Gw::Runtime {

// contentHandling of integrations and integration responses (AWS's content type conversions):
// CONVERT_TO_TEXT base64-encodes a binary payload, CONVERT_TO_BINARY base64-decodes a text one;
// empty passes the payload as it is. Returns the note for the trace (empty when nothing changed).
QString convertContent(const QString &contentHandling, bool payloadIsBinary, QByteArray *payload);

} // namespace Gw::Runtime
