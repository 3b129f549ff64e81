// The parsed form of a Velocity template: immutable after parsing, shared by concurrent renders.
#pragma once

#include "value.h"

#include <QHash>

#include <memory>
#include <vector>

namespace Gw::Vtl::Ast {

struct Pos
{
    int line = 1;
    int column = 1;
};

struct Expr;
struct Node;
using ExprPtr = std::unique_ptr<Expr>;
using NodePtr = std::unique_ptr<Node>;
using Block = std::vector<NodePtr>;

// One step after the root of a reference: .name, .name(args) or [index].
struct Segment
{
    enum class Kind { Property, Method, Index };
    Kind kind = Kind::Property;
    QString name;
    std::vector<ExprPtr> args; // method arguments, or the single index expression
    Pos pos;
};

struct Reference
{
    QString root;                  // identifier after $ (may contain '-', as Velocity 1.7 allows)
    std::vector<Segment> segments;
    bool quiet = false;            // $!x
    int backslashes = 0;           // \$x escapes; see Renderer
    QString literal;               // the source text, printed when the value is null
    Pos pos;
};

struct Expr
{
    enum class Kind {
        Literal,      // scalar value
        Interpolated, // "...$x..." : a nested template rendered to a string
        Ref,
        List,
        Map,          // items: key, value, key, value...
        Range,        // items: from, to
        Word,         // bare word in a directive argument (macro calls)
        Not, And, Or,
        Eq, Ne, Lt, Le, Gt, Ge,
        Add, Sub, Mul, Div, Mod
    };
    Kind kind = Kind::Literal;
    Pos pos;
    Value literal;
    QString text;                 // Word text; Interpolated source (for error messages)
    std::shared_ptr<Block> body;  // Interpolated
    std::unique_ptr<Reference> ref;
    std::vector<ExprPtr> items;
    int depth = 1;                // nesting depth, bounded at parse time (stack safety)
};

struct IfBranch
{
    ExprPtr condition; // null for #else
    Block body;
    Pos pos;
};

struct Node
{
    enum class Kind {
        Text, Ref, Set, If, Foreach, Break, Stop, Define, Macro, MacroCall, Evaluate, Unsupported
    };
    Kind kind = Kind::Text;
    Pos pos;
    QString text;                   // Text; macro / directive name
    QString literal;                // MacroCall source, printed when no such macro exists
    std::unique_ptr<Reference> ref; // Ref; Set target; Foreach variable; Define name
    ExprPtr expr;                   // Set value; Foreach iterable; Evaluate argument
    std::vector<IfBranch> branches;
    Block body;                     // Foreach / Macro body
    // Define body and block macro call (#@name(...) ... #end) body: shared, because the
    // $name value a #define creates may outlive this render.
    std::shared_ptr<Block> sharedBody;
    QStringList params;             // Macro parameter names (without $)
    std::vector<ExprPtr> args;      // MacroCall arguments
};

using MacroTable = QHash<QString, const Node *>;

} // namespace Gw::Vtl::Ast
