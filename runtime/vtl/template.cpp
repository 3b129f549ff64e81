// Template: parse once into an immutable tree, render any number of times.
#include "template.h"

#include "parser.h"
#include "renderer.h"

namespace Gw::Vtl {

namespace Internal {
struct TemplateData
{
    QString source;
    Ast::Block root;
    Ast::MacroTable macros;
};
} // namespace Internal

Template::Template() : d(std::make_unique<Internal::TemplateData>()) {}
Template::~Template() = default;

ParseResult Template::parse(const QString &source)
{
    std::shared_ptr<Template> t(new Template);
    t->d->source = source;
    Error error;
    if (!Internal::parseTemplate(source, t->d->root, t->d->macros, error))
        return ParseResult{nullptr, {error}};
    return ParseResult{t, {}};
}

RenderResult Template::render(Context &context) const
{
    Internal::Renderer renderer(d->macros, context);
    return renderer.render(d->root);
}

const QString &Template::source() const
{
    return d->source;
}

QStringList Template::macroNames() const
{
    QStringList names = d->macros.keys();
    names.sort();
    return names;
}

} // namespace Gw::Vtl
