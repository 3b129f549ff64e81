// libFuzzer target for the VTL engine: parse arbitrary bytes as a template, then render it with
// fixed API Gateway inputs under tight limits. Any crash, hang or sanitizer report is a bug.
#include "runtime/vtl/apigatewayroots.h"
#include "runtime/vtl/jsonvalue.h"
#include "runtime/vtl/template.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 64 * 1024)
        return 0;
    const QString source = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const Gw::Vtl::ParseResult parsed = Gw::Vtl::Template::parse(source);
    if (!parsed.ok())
        return 0;

    Gw::Vtl::RenderOptions options;
    options.maxSteps = 20000;
    options.maxOutputSize = 256 * 1024;
    options.maxRangeSize = 10000;
    Gw::Vtl::Context ctx(options);
    Gw::Vtl::ApiGatewayRoots roots;
    roots.body = R"({"id":1,"name":"Rex","tags":["a","b"],"price":10.5,"nested":{"k":[{"c":5}]}})";
    roots.params.path = {{QStringLiteral("id"), QStringLiteral("42")}};
    roots.params.querystring = {{QStringLiteral("q"), QStringLiteral("x y")}};
    roots.params.header = {{QStringLiteral("Accept"), QStringLiteral("*/*")}};
    roots.context = Gw::Vtl::parseJson(QStringLiteral(
        R"({"requestId":"r-1","identity":{"sourceIp":"127.0.0.1"},"responseOverride":{"header":{}}})"), false).value;
    roots.stageVariables = Gw::Vtl::parseJson(QStringLiteral(R"({"env":"fuzz"})"), false).value;
    Gw::Vtl::installApiGatewayRoots(ctx, roots);
    const Gw::Vtl::RenderResult r = parsed.templ->render(ctx);
    // Rendering twice checks that a render leaves the shared template untouched.
    Gw::Vtl::Context again(options);
    Gw::Vtl::installApiGatewayRoots(again, roots);
    (void)parsed.templ->render(again);
    return r.output.size() > options.maxOutputSize ? 1 : 0;
}
