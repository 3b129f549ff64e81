// What a template render reads and writes: named variables (the roots $input, $util, $context,
// $stageVariables, and whatever #set creates) and the runaway limits for the render.
#pragma once

#include "value.h"

namespace Gw::Vtl {

struct RenderOptions
{
    int maxForeachIterations = 1000;          // API Gateway's #foreach limit (DG: limits)
    int maxMacroDepth = 20;                   // Velocity's velocimacro.max.depth default
    qsizetype maxOutputSize = 10 * 1024 * 1024; // characters; AWS payloads stop at 10 MB
    qint64 maxSteps = 5'000'000;              // node and expression evaluations per render
    qint64 maxRangeSize = 1'000'000;          // elements of an [a..b] range
    int maxWarnings = 100;
};

// One render's variables. Not thread-safe: give every concurrent render its own Context (the
// Template itself may be shared). Values holding lists/maps alias the caller's collections, so
// a template's #set($context.responseOverride.status = 400) is visible to the caller afterwards.
class Context
{
public:
    Context() = default;
    explicit Context(const RenderOptions &options) : m_options(options) {}

    void set(const QString &name, const Value &value);
    Value value(const QString &name) const { return m_vars.value(name); }
    bool contains(const QString &name) const { return m_vars.contains(name); }
    void remove(const QString &name) { m_vars.remove(name); }
    QStringList names() const { return m_vars.keys(); }

    RenderOptions &options() { return m_options; }
    const RenderOptions &options() const { return m_options; }

private:
    QHash<QString, Value> m_vars;
    RenderOptions m_options;
};

} // namespace Gw::Vtl
