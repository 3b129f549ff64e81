// The four API Gateway roots; missing $context / $stageVariables become empty maps so that
// templates can #set into them (requestOverride / responseOverride) and print {} like AWS.
#include "apigatewayroots.h"

#include "utilobject.h"

namespace Gw::Vtl {

void installApiGatewayRoots(Context &context, const ApiGatewayRoots &roots)
{
    context.set(QStringLiteral("input"), Value(ObjectPtr(std::make_shared<InputObject>(roots.body, roots.params))));
    context.set(QStringLiteral("util"), Value(ObjectPtr(std::make_shared<UtilObject>())));
    context.set(QStringLiteral("context"), roots.context.isNull() ? Value::newMap() : roots.context);
    context.set(QStringLiteral("stageVariables"),
                roots.stageVariables.isNull() ? Value::newMap() : roots.stageVariables);
}

} // namespace Gw::Vtl
