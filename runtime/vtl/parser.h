// The Velocity 1.7 template parser (internal): source text to an Ast, or the first parse error.
#pragma once

#include "ast.h"
#include "error.h"

namespace Gw::Vtl::Internal {

// Parses source into block, registering #macro definitions in macros. On failure returns false
// and sets error (Velocity stops at its first parse error too). base is the position of the
// first character (nested templates inside string literals report positions in the outer text).
bool parseTemplate(const QString &source, Ast::Block &block, Ast::MacroTable &macros, Error &error,
                   Ast::Pos base = {}, int depth = 0);

} // namespace Gw::Vtl::Internal
