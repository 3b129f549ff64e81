// Helpers shared by the VTL tests: render a template string against a ready-made context.
#pragma once

#include "runtime/vtl/apigatewayroots.h"
#include "runtime/vtl/jsonvalue.h"
#include "runtime/vtl/template.h"

#include <QTest>

namespace VtlTest {

// Variables every render test can use.
inline void addFixtures(Gw::Vtl::Context &ctx)
{
    using Gw::Vtl::Value;
    ctx.set(QStringLiteral("name"), Value("World"));
    ctx.set(QStringLiteral("list"), Value::newList({Value(1), Value(2), Value(3)}));
    Value map = Value::newMap();
    map.map()->insert(QStringLiteral("a"), Value(1));
    map.map()->insert(QStringLiteral("b"), Value("x"));
    ctx.set(QStringLiteral("map"), map);
    ctx.set(QStringLiteral("empty"), Value(""));
    ctx.set(QStringLiteral("n"), Value(5));
    ctx.set(QStringLiteral("d"), Value(2.5));
    ctx.set(QStringLiteral("t"), Value(true));
    ctx.set(QStringLiteral("f"), Value(false));
    ctx.set(QStringLiteral("nested"), Gw::Vtl::parseJson(QStringLiteral(R"({"inner":{"k":"v","n":[1,2]}})"), false).value);
}

struct Rendered
{
    bool parsed = false;
    QString parseError;
    Gw::Vtl::RenderResult result;
};

inline Rendered renderWith(const QString &tpl, Gw::Vtl::Context &ctx)
{
    Rendered r;
    const Gw::Vtl::ParseResult p = Gw::Vtl::Template::parse(tpl);
    if (!p.ok()) {
        r.parseError = p.errors.first().toString();
        return r;
    }
    r.parsed = true;
    r.result = p.templ->render(ctx);
    return r;
}

inline Rendered render(const QString &tpl)
{
    Gw::Vtl::Context ctx;
    addFixtures(ctx);
    return renderWith(tpl, ctx);
}

// Renders with API Gateway roots: body JSON, params, $context, $stageVariables.
inline Rendered renderAws(const QString &tpl, const QByteArray &body, const Gw::Vtl::InputParams &params = {},
                          const QString &contextJson = QString(), const QString &stageVarsJson = QString())
{
    Gw::Vtl::Context ctx;
    Gw::Vtl::ApiGatewayRoots roots;
    roots.body = body;
    roots.params = params;
    if (!contextJson.isEmpty())
        roots.context = Gw::Vtl::parseJson(contextJson, false).value;
    if (!stageVarsJson.isEmpty())
        roots.stageVariables = Gw::Vtl::parseJson(stageVarsJson, false).value;
    Gw::Vtl::installApiGatewayRoots(ctx, roots);
    return renderWith(tpl, ctx);
}

} // namespace VtlTest

// Checks a rendered output, printing the parse or runtime error when there is one.
#define VTL_COMPARE_OUTPUT(rendered, expected)                                                       \
    do {                                                                                             \
        const VtlTest::Rendered &r_ = (rendered);                                                    \
        QVERIFY2(r_.parsed, qPrintable(QStringLiteral("parse error: ") + r_.parseError));            \
        QVERIFY2(r_.result.ok(), qPrintable(QStringLiteral("render error: ")                         \
                                            + (r_.result.errors.isEmpty() ? QString()                \
                                                   : r_.result.errors.first().toString())));         \
        QCOMPARE(r_.result.output, QString(expected));                                               \
    } while (false)
