// Renders a parsed template (internal; the public entry point is Template::render).
#pragma once

#include "ast.h"
#include "template.h"

namespace Gw::Vtl::Internal {

class Renderer
{
public:
    Renderer(const Ast::MacroTable &macros, Context &context);
    ~Renderer();
    RenderResult render(const Ast::Block &root);

private:
    class Impl;
    std::unique_ptr<Impl> d;
};

} // namespace Gw::Vtl::Internal
