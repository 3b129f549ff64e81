// YAML <-> QJsonValue with CloudFormation short-form tags (!Ref, !Sub, !GetAtt, …).
#pragma once

#include "model/diagnostic.h"

#include <QByteArray>
#include <QJsonValue>

namespace Gw::Model::Interop {

class YamlCodec
{
public:
    // Parses one YAML document. CloudFormation tags become their long JSON form
    // (!Ref X -> {"Ref": "X"}, !GetAtt A.B -> {"Fn::GetAtt": ["A", "B"]}, !Sub -> {"Fn::Sub": …}).
    // Plain scalars are typed (null, bool, int, float); quoted scalars stay strings.
    static Result<QJsonValue> parse(const QByteArray &bytes);

    // Writes block-style YAML. Single-key intrinsic objects are written back as short tags;
    // well-known keys (template sections, Type before Properties, openapi before paths) come
    // first, the rest sorted, so output is deterministic.
    static QByteArray emit(const QJsonValue &value);

    // True when the bytes look like YAML rather than JSON (first non-blank is not { or [).
    static bool looksLikeYaml(const QByteArray &bytes);
};

} // namespace Gw::Model::Interop
