// A parsed Velocity (VTL) template, as API Gateway uses for mapping templates.
//
// No maintained C++ implementation of Apache Velocity exists, so this is our own engine. It
// follows Velocity 1.7 as AWS runs it, including its Java-isms (Java toString for maps and
// lists, integer division, a null #set leaving the variable unchanged, whitespace gobbling
// around directives). Parse once, render many times: a Template is immutable and may be
// rendered from several threads at once, each render with its own Context.
#pragma once

#include "context.h"
#include "error.h"

#include <memory>

namespace Gw::Vtl {

namespace Internal { struct TemplateData; }

class Template;

struct ParseResult
{
    std::shared_ptr<const Template> templ; // null when errors is non-empty
    Errors errors;
    bool ok() const { return templ != nullptr; }
};

struct RenderResult
{
    QString output;   // what was rendered; partial when errors is non-empty
    Errors errors;    // runtime errors (Velocity aborts the render; API Gateway answers 500)
    Errors warnings;  // what Velocity only logs: null #set, missing methods, #foreach cap...
    bool stopped = false; // the template ran #stop
    bool ok() const { return errors.isEmpty(); }
};

class Template
{
public:
    ~Template();
    Template(const Template &) = delete;
    Template &operator=(const Template &) = delete;

    static ParseResult parse(const QString &source);

    RenderResult render(Context &context) const;

    const QString &source() const;
    QStringList macroNames() const;

private:
    Template();
    std::unique_ptr<Internal::TemplateData> d;
};

} // namespace Gw::Vtl
