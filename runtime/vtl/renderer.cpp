// Renders a parsed template against a Context with Velocity 1.7's runtime rules: null references
// print as written ($!x prints nothing), a null #set value leaves the variable alone, Java
// arithmetic and comparisons, #foreach scope variables, macros with their own argument scope.
// A RenderFailure exception unwinds a failed render internally; it never leaves this file.
#include "renderer.h"

#include "methods.h"
#include "parser.h"

#include <cmath>

namespace Gw::Vtl::Internal {

using namespace Ast;

namespace {

struct RenderFailure
{
    Pos pos;
    QString message;
};

// $foreach in Velocity 1.7: index, count, hasNext, first, last, parent, topmost.
class ForeachScope : public Object
{
public:
    qint64 index = 0;
    bool hasNext = false;
    Value parent;

    QString className() const override { return QStringLiteral("org.apache.velocity.runtime.directive.ForeachScope"); }
    CallResult invoke(const QString &method, const QList<Value> &args) override
    {
        if (!args.isEmpty())
            return CallResult::noSuchMethod();
        QString m = method;
        if (m.startsWith(QLatin1String("get")) && m.size() > 3)
            m = m.at(3).toLower() + m.mid(4);
        else if (m.startsWith(QLatin1String("is")) && m.size() > 2)
            m = m.at(2).toLower() + m.mid(3);
        if (m == QLatin1String("index"))
            return CallResult::ok(Value(index));
        if (m == QLatin1String("count"))
            return CallResult::ok(Value(index + 1));
        if (m == QLatin1String("hasNext"))
            return CallResult::ok(Value(hasNext));
        if (m == QLatin1String("first"))
            return CallResult::ok(Value(index == 0));
        if (m == QLatin1String("last"))
            return CallResult::ok(Value(!hasNext));
        if (m == QLatin1String("parent"))
            return CallResult::ok(parent);
        if (m == QLatin1String("topmost")) {
            Value top = Value(shared());
            Value p = parent;
            while (p.isObject() && dynamic_cast<ForeachScope *>(p.object().get())) {
                top = p;
                p = static_cast<ForeachScope *>(p.object().get())->parent;
            }
            return CallResult::ok(top);
        }
        return CallResult::noSuchMethod();
    }
    CallResult property(const QString &name) override { return invoke(name, {}); }

    std::shared_ptr<Object> shared() const { return m_self.lock(); }
    std::weak_ptr<Object> m_self;
};

// The value #define($x) gives $x: rendering it renders the block, in the context of the moment.
class DefinedBlock : public Object
{
public:
    explicit DefinedBlock(std::shared_ptr<const Block> body) : body(std::move(body)) {}
    QString className() const override { return QStringLiteral("org.apache.velocity.runtime.directive.Block$Reference"); }
    CallResult invoke(const QString &, const QList<Value> &) override { return CallResult::noSuchMethod(); }
    QString toJavaString() const override { return QString(); } // only rendered by a Renderer
    std::shared_ptr<const Block> body;
};

} // namespace

class Renderer::Impl
{
public:
    Impl(const MacroTable &macros, Context &ctx) : m_macros(&macros), m_ctx(ctx), m_opt(ctx.options()) {}

    enum class Flow { Normal, Break, Stop };

    RenderResult run(const Block &root)
    {
        RenderResult result;
        try {
            const Flow f = renderBlock(root, result.output);
            result.stopped = f == Flow::Stop;
        } catch (const RenderFailure &f) {
            result.errors.append(Error{f.pos.line, f.pos.column, f.message});
        }
        result.warnings = m_warnings;
        return result;
    }

private:
    // ---- bookkeeping ----
    [[noreturn]] void fail(Pos pos, const QString &message) { throw RenderFailure{pos, message}; }
    void warn(Pos pos, const QString &message)
    {
        if (m_warnings.size() < m_opt.maxWarnings)
            m_warnings.append(Error{pos.line, pos.column, message});
    }
    void step(Pos pos)
    {
        if (++m_steps > m_opt.maxSteps)
            fail(pos, QStringLiteral("the template ran more than %1 steps and was stopped (runaway loop?)").arg(m_opt.maxSteps));
    }
    void emit(QString &out, const QString &s, Pos pos)
    {
        if (out.size() + s.size() > m_opt.maxOutputSize)
            fail(pos, QStringLiteral("the output grew beyond %1 characters and was stopped").arg(m_opt.maxOutputSize));
        out += s;
    }
    void checkSize(const Value &v, Pos pos)
    {
        if (v.isString() && v.string().size() > m_opt.maxOutputSize)
            fail(pos, QStringLiteral("a string grew beyond %1 characters and was stopped").arg(m_opt.maxOutputSize));
    }

    // ---- variables: macro argument frames over the context ----
    Value lookup(const QString &name) const
    {
        for (auto it = m_frames.rbegin(); it != m_frames.rend(); ++it) {
            auto f = it->find(name);
            if (f != it->end())
                return f.value();
        }
        return m_ctx.value(name);
    }
    void assign(const QString &name, const Value &value)
    {
        for (auto it = m_frames.rbegin(); it != m_frames.rend(); ++it) {
            auto f = it->find(name);
            if (f != it->end()) {
                f.value() = value;
                return;
            }
        }
        m_ctx.set(name, value);
    }

    // ---- statements ----
    Flow renderBlock(const Block &block, QString &out)
    {
        for (const NodePtr &n : block) {
            const Flow f = renderNode(*n, out);
            if (f != Flow::Normal)
                return f;
        }
        return Flow::Normal;
    }

    Flow renderNode(const Node &n, QString &out)
    {
        step(n.pos);
        switch (n.kind) {
        case Node::Kind::Text:
            emit(out, n.text, n.pos);
            return Flow::Normal;
        case Node::Kind::Ref:
            renderReference(*n.ref, out);
            return Flow::Normal;
        case Node::Kind::Set:
            renderSet(n);
            return Flow::Normal;
        case Node::Kind::If:
            for (const IfBranch &b : n.branches) {
                if (!b.condition || truthy(eval(*b.condition)))
                    return renderBlock(b.body, out);
            }
            return Flow::Normal;
        case Node::Kind::Foreach:
            return renderForeach(n, out);
        case Node::Kind::Break:
            m_breakTarget = nullptr;
            if (!n.args.empty()) {
                const Value scope = eval(*n.args.front());
                m_breakTarget = scope.isObject() ? scope.object().get() : nullptr;
            }
            return Flow::Break;
        case Node::Kind::Stop:
            return Flow::Stop;
        case Node::Kind::Define:
            assign(n.ref->root, Value(ObjectPtr(std::make_shared<DefinedBlock>(n.sharedBody))));
            return Flow::Normal;
        case Node::Kind::Macro:
            return Flow::Normal; // definitions act at parse time
        case Node::Kind::MacroCall:
            return renderMacroCall(n, out);
        case Node::Kind::Evaluate:
            return renderEvaluate(n, out);
        case Node::Kind::Unsupported:
            fail(n.pos, QStringLiteral("#%1 is not available: API Gateway mapping templates cannot load other templates").arg(n.text));
        }
        return Flow::Normal;
    }

    void renderReference(const Reference &r, QString &out)
    {
        const Value v = evalReference(r);
        const QString prefix(r.backslashes / 2, QLatin1Char('\\'));
        if (r.backslashes % 2 == 1) {
            // Velocity 1.7: \$x prints "$x" when x is set, and "\$x" when it is not.
            emit(out, prefix + (v.isNull() ? QStringLiteral("\\") : QString()) + r.literal, r.pos);
            return;
        }
        if (v.isNull()) {
            emit(out, r.quiet ? prefix : prefix + r.literal, r.pos);
            return;
        }
        emit(out, prefix, r.pos);
        if (auto *block = dynamic_cast<DefinedBlock *>(v.object().get())) {
            renderDefined(*block, out, r.pos);
            return;
        }
        emit(out, v.toJavaString(), r.pos);
    }

    void renderDefined(const DefinedBlock &block, QString &out, Pos pos)
    {
        if (++m_blockDepth > 64)
            fail(pos, QStringLiteral("#define blocks render each other too deeply (recursion?)"));
        const auto keep = block.body; // the variable may be reassigned while rendering
        renderBlock(*keep, out);
        --m_blockDepth;
    }

    QString stringify(const Value &v, Pos pos)
    {
        if (auto *block = dynamic_cast<DefinedBlock *>(v.object().get())) {
            QString s;
            renderDefined(*block, s, pos);
            return s;
        }
        return v.toJavaString();
    }

    void renderSet(const Node &n)
    {
        const Value v = eval(*n.expr);
        const Reference &target = *n.ref;
        if (v.isNull()) {
            warn(n.pos, QStringLiteral("the right side of #set(%1 = ...) is null: %1 keeps its value (Velocity 1.7)")
                            .arg(target.literal));
            return;
        }
        if (target.segments.empty()) {
            assign(target.root, v);
            return;
        }
        Value holder = lookup(target.root);
        for (size_t i = 0; i + 1 < target.segments.size() && !holder.isNull(); ++i)
            holder = applySegment(holder, target.segments[i]);
        const Segment &last = target.segments.back();
        if ((holder.isList() || holder.isMap()) && wouldCreateCycle(holder, v))
            fail(n.pos, QStringLiteral("a list or map cannot contain itself (the engine refuses reference cycles)"));
        if (holder.isNull()) {
            warn(n.pos, QStringLiteral("cannot #set %1: the object it belongs to is null").arg(target.literal));
            return;
        }
        if (last.kind == Segment::Kind::Property) {
            if (holder.isMap()) {
                holder.map()->insert(last.name, v);
                return;
            }
            if (holder.isObject() && holder.object()->setProperty(last.name, v))
                return;
        } else if (last.kind == Segment::Kind::Index) {
            const Value idx = eval(*last.args.front());
            if (holder.isMap()) {
                holder.map()->insert(idx.isString() ? idx.string() : idx.toJavaString(), v);
                return;
            }
            if (holder.isList() && idx.isInt()) {
                auto &items = holder.list()->items;
                qint64 i = idx.intValue();
                if (i < 0)
                    i += items.size();
                if (i < 0 || i >= items.size())
                    fail(last.pos, QStringLiteral("java.lang.IndexOutOfBoundsException: Index %1 out of bounds for length %2")
                                       .arg(idx.intValue()).arg(items.size()));
                items[i] = v;
                return;
            }
        }
        warn(n.pos, QStringLiteral("cannot #set %1 on a %2").arg(target.literal, holder.typeName()));
    }

    Flow renderForeach(const Node &n, QString &out)
    {
        const Value iterable = eval(*n.expr);
        QList<Value> items;
        if (iterable.isList()) {
            items = iterable.list()->items;
        } else if (iterable.isMap()) {
            items = iterable.map()->values();
        } else if (iterable.isObject() && iterable.object()->iterate()) {
            items = *iterable.object()->iterate();
        } else {
            if (iterable.isNull())
                warn(n.pos, QStringLiteral("#foreach over a null value: nothing to iterate"));
            else
                warn(n.pos, QStringLiteral("#foreach over a %1, which is not iterable").arg(iterable.typeName()));
            return Flow::Normal;
        }
        const QString var = n.ref->root;
        const QString kForeach = QStringLiteral("foreach");
        const QString kCount = QStringLiteral("velocityCount");
        const QString kHasNext = QStringLiteral("velocityHasNext");
        const Value savedVar = lookup(var), savedScope = lookup(kForeach), savedCount = lookup(kCount),
                    savedHasNext = lookup(kHasNext);
        auto scope = std::make_shared<ForeachScope>();
        scope->m_self = scope;
        scope->parent = savedScope;
        const Value scopeValue = Value(ObjectPtr(scope));
        Flow result = Flow::Normal;
        for (qsizetype i = 0; i < items.size(); ++i) {
            if (i >= m_opt.maxForeachIterations) {
                warn(n.pos, QStringLiteral("#foreach stopped after %1 iterations (API Gateway's limit)")
                                .arg(m_opt.maxForeachIterations));
                break;
            }
            step(n.pos);
            scope->index = i;
            scope->hasNext = i + 1 < items.size();
            assign(var, items.at(i));
            assign(kForeach, scopeValue);
            assign(kCount, Value(qint64(i + 1)));
            assign(kHasNext, Value(scope->hasNext));
            const Flow f = renderBlock(n.body, out);
            if (f == Flow::Stop) {
                result = Flow::Stop;
                break;
            }
            if (f == Flow::Break) {
                if (m_breakTarget == nullptr || m_breakTarget == scope.get()) {
                    m_breakTarget = nullptr;
                } else {
                    result = Flow::Break; // #break($foreach.parent): an outer loop's turn
                }
                break;
            }
        }
        assign(var, savedVar);
        assign(kForeach, savedScope);
        assign(kCount, savedCount);
        assign(kHasNext, savedHasNext);
        return result;
    }

    Flow renderMacroCall(const Node &n, QString &out)
    {
        const Node *macro = m_macros->value(n.text);
        if (!macro) {
            // Velocity prints calls of unknown macros (and "#hashtags") as written.
            emit(out, n.literal, n.pos);
            if (n.sharedBody) {
                const Flow f = renderBlock(*n.sharedBody, out);
                emit(out, QStringLiteral("#end"), n.pos);
                return f;
            }
            return Flow::Normal;
        }
        if (m_macroDepth >= m_opt.maxMacroDepth)
            fail(n.pos, QStringLiteral("Max calling depth of %1 was exceeded in macro '%2'").arg(m_opt.maxMacroDepth).arg(n.text));
        if (int(n.args.size()) != macro->params.size())
            warn(n.pos, QStringLiteral("macro #%1 takes %2 argument(s), called with %3")
                            .arg(n.text).arg(macro->params.size()).arg(n.args.size()));
        QHash<QString, Value> frame;
        for (qsizetype i = 0; i < macro->params.size(); ++i)
            frame.insert(macro->params.at(i), size_t(i) < n.args.size() ? eval(*n.args[size_t(i)]) : Value());
        if (n.sharedBody)
            frame.insert(QStringLiteral("bodyContent"), Value(ObjectPtr(std::make_shared<DefinedBlock>(n.sharedBody))));
        m_frames.push_back(std::move(frame));
        ++m_macroDepth;
        Flow f = renderBlock(macro->body, out);
        --m_macroDepth;
        m_frames.pop_back();
        if (f == Flow::Break && m_breakTarget == nullptr)
            f = Flow::Normal; // #break leaves the macro
        return f;
    }

    Flow renderEvaluate(const Node &n, QString &out)
    {
        const Value v = eval(*n.expr);
        if (v.isNull())
            return Flow::Normal;
        const QString text = stringify(v, n.pos);
        if (++m_blockDepth > 64)
            fail(n.pos, QStringLiteral("#evaluate nests too deeply"));
        Block block;
        MacroTable macros = *m_macros;
        Error err;
        if (!parseTemplate(text, block, macros, err))
            fail(n.pos, QStringLiteral("#evaluate: %1").arg(err.toString()));
        const MacroTable *saved = m_macros;
        m_macros = &macros;
        Flow f;
        try {
            f = renderBlock(block, out);
        } catch (const RenderFailure &failure) {
            m_macros = saved;
            fail(n.pos, QStringLiteral("#evaluate: line %1, column %2: %3")
                            .arg(failure.pos.line).arg(failure.pos.column).arg(failure.message));
        }
        m_macros = saved;
        --m_blockDepth;
        if (f == Flow::Break && m_breakTarget == nullptr)
            f = Flow::Normal;
        return f;
    }

    // ---- references ----
    Value evalReference(const Reference &r)
    {
        Value cur = lookup(r.root);
        for (const Segment &seg : r.segments) {
            if (cur.isNull())
                return cur;
            cur = applySegment(cur, seg);
        }
        return cur;
    }

    Value applySegment(const Value &cur, const Segment &seg)
    {
        step(seg.pos);
        switch (seg.kind) {
        case Segment::Kind::Property: {
            const CallResult r = builtinProperty(cur, seg.name);
            return callOutcome(r, cur, seg, QStringLiteral("property '%1'").arg(seg.name));
        }
        case Segment::Kind::Method: {
            QList<Value> args;
            args.reserve(qsizetype(seg.args.size()));
            for (const ExprPtr &a : seg.args)
                args.append(eval(*a));
            const CallResult r = callBuiltinMethod(cur, seg.name, args);
            return callOutcome(r, cur, seg, QStringLiteral("method '%1'").arg(seg.name));
        }
        case Segment::Kind::Index: {
            const Value idx = eval(*seg.args.front());
            if (cur.isList()) {
                if (!idx.isInt())
                    return {};
                const auto &items = cur.list()->items;
                qint64 i = idx.intValue();
                if (i < 0)
                    i += items.size(); // Velocity 1.7 counts negative indexes from the end
                if (i < 0 || i >= items.size())
                    fail(seg.pos, QStringLiteral("java.lang.IndexOutOfBoundsException: Index %1 out of bounds for length %2")
                                      .arg(idx.intValue()).arg(items.size()));
                return items.at(i);
            }
            if (cur.isMap())
                return cur.map()->value(idx.isString() ? idx.string() : idx.toJavaString());
            if (cur.isObject())
                return callOutcome(cur.object()->invoke(QStringLiteral("get"), {idx}), cur, seg, QStringLiteral("index"));
            return {};
        }
        }
        return {};
    }

    Value callOutcome(const CallResult &r, const Value &target, const Segment &seg, const QString &what)
    {
        switch (r.status) {
        case CallResult::Status::Ok:
            checkSize(r.value, seg.pos);
            return r.value;
        case CallResult::Status::NoSuchMethod:
            if (seg.kind == Segment::Kind::Method)
                warn(seg.pos, QStringLiteral("no %1 with %2 argument(s) on %3").arg(what).arg(seg.args.size()).arg(target.typeName()));
            return {};
        case CallResult::Status::Error:
            fail(seg.pos, QStringLiteral("Invocation of %1 in class %2 threw exception %3")
                              .arg(what, target.typeName(), r.error));
        }
        return {};
    }

    // ---- expressions ----
    static bool truthy(const Value &v)
    {
        if (v.isNull())
            return false;
        if (v.isBool())
            return v.boolValue();
        return true; // Velocity 1.7: any non-null object is true, even "" and 0
    }

    QString nullLiteral(const Expr &e) const
    {
        return e.kind == Expr::Kind::Ref ? e.ref->literal : QStringLiteral("null");
    }

    Value eval(const Expr &e)
    {
        step(e.pos);
        switch (e.kind) {
        case Expr::Kind::Literal:
            return e.literal;
        case Expr::Kind::Word:
            return {};
        case Expr::Kind::Interpolated: {
            QString s;
            if (++m_blockDepth > 64)
                fail(e.pos, QStringLiteral("string templates nest too deeply"));
            renderBlock(*e.body, s); // #break / #stop inside a string end the string only
            --m_blockDepth;
            return Value(s);
        }
        case Expr::Kind::Ref:
            return evalReference(*e.ref);
        case Expr::Kind::List: {
            QList<Value> items;
            for (const ExprPtr &i : e.items)
                items.append(eval(*i));
            return Value::newList(items);
        }
        case Expr::Kind::Map: {
            Value m = Value::newMap();
            for (size_t i = 0; i + 1 < e.items.size(); i += 2) {
                const Value k = eval(*e.items[i]);
                m.map()->insert(k.isString() ? k.string() : k.toJavaString(), eval(*e.items[i + 1]));
            }
            return m;
        }
        case Expr::Kind::Range: {
            const Value from = eval(*e.items[0]);
            const Value to = eval(*e.items[1]);
            if (!from.isNumber() || !to.isNumber()) {
                warn(e.pos, QStringLiteral("both ends of a range must be numbers"));
                return {};
            }
            const qint64 a = from.intValue(), b = to.intValue();
            const qint64 size = (a <= b ? b - a : a - b) + 1;
            if (size > m_opt.maxRangeSize || size <= 0)
                fail(e.pos, QStringLiteral("the range [%1..%2] is larger than %3 elements").arg(a).arg(b).arg(m_opt.maxRangeSize));
            QList<Value> items;
            items.reserve(size);
            const qint64 dir = a <= b ? 1 : -1;
            for (qint64 i = 0; i < size; ++i)
                items.append(Value(a + dir * i));
            return Value::newList(items);
        }
        case Expr::Kind::Not:
            return Value(!truthy(eval(*e.items[0])));
        case Expr::Kind::And:
            return Value(truthy(eval(*e.items[0])) && truthy(eval(*e.items[1])));
        case Expr::Kind::Or:
            return Value(truthy(eval(*e.items[0])) || truthy(eval(*e.items[1])));
        case Expr::Kind::Eq:
            return Value(velocityEquals(eval(*e.items[0]), eval(*e.items[1])));
        case Expr::Kind::Ne:
            return Value(!velocityEquals(eval(*e.items[0]), eval(*e.items[1])));
        case Expr::Kind::Lt:
        case Expr::Kind::Le:
        case Expr::Kind::Gt:
        case Expr::Kind::Ge:
            return compare(e);
        case Expr::Kind::Add:
        case Expr::Kind::Sub:
        case Expr::Kind::Mul:
        case Expr::Kind::Div:
        case Expr::Kind::Mod:
            return arithmetic(e);
        }
        return {};
    }

    bool velocityEquals(const Value &l, const Value &r)
    {
        if (l.isNumber() && r.isNumber()) {
            if (l.isInt() && r.isInt())
                return l.intValue() == r.intValue();
            return l.doubleValue() == r.doubleValue();
        }
        if (l.isNull() || r.isNull())
            return l.isNull() && r.isNull();
        if (l.type() == r.type())
            return l.javaEquals(r);
        // Different classes: Velocity compares their toString() (so "1" == 1 is true).
        return l.toJavaString() == r.toJavaString();
    }

    Value compare(const Expr &e)
    {
        const Value l = eval(*e.items[0]);
        const Value r = eval(*e.items[1]);
        if (!l.isNumber() || !r.isNumber()) {
            warn(e.pos, QStringLiteral("a comparison needs two numbers (got %1 and %2): it is false").arg(l.typeName(), r.typeName()));
            return Value(false);
        }
        int c;
        if (l.isInt() && r.isInt())
            c = l.intValue() < r.intValue() ? -1 : l.intValue() > r.intValue() ? 1 : 0;
        else
            c = l.doubleValue() < r.doubleValue() ? -1 : l.doubleValue() > r.doubleValue() ? 1 : 0;
        switch (e.kind) {
        case Expr::Kind::Lt: return Value(c < 0);
        case Expr::Kind::Le: return Value(c <= 0);
        case Expr::Kind::Gt: return Value(c > 0);
        default: return Value(c >= 0);
        }
    }

    Value arithmetic(const Expr &e)
    {
        const Value l = eval(*e.items[0]);
        const Value r = eval(*e.items[1]);
        if (e.kind == Expr::Kind::Add && (l.isString() || r.isString())) {
            // Velocity 1.7 concatenates when either side is a String.
            const QString ls = l.isNull() ? nullLiteral(*e.items[0]) : stringify(l, e.pos);
            const QString rs = r.isNull() ? nullLiteral(*e.items[1]) : stringify(r, e.pos);
            if (ls.size() + rs.size() > m_opt.maxOutputSize)
                fail(e.pos, QStringLiteral("a string grew beyond %1 characters and was stopped").arg(m_opt.maxOutputSize));
            return Value(ls + rs);
        }
        if (l.isNull() || r.isNull()) {
            warn(e.pos, QStringLiteral("%1 side of a math operation is null: the result is null")
                            .arg(l.isNull() ? QStringLiteral("left") : QStringLiteral("right")));
            return {};
        }
        if (!l.isNumber() || !r.isNumber()) {
            warn(e.pos, QStringLiteral("a math operation needs numbers (got %1 and %2): the result is null").arg(l.typeName(), r.typeName()));
            return {};
        }
        if (l.isInt() && r.isInt()) {
            const qint64 a = l.intValue(), b = r.intValue();
            qint64 out = 0;
            switch (e.kind) {
            case Expr::Kind::Add:
                if (!__builtin_add_overflow(a, b, &out))
                    return Value(out);
                return Value(double(a) + double(b)); // Velocity widens to BigInteger; we to double
            case Expr::Kind::Sub:
                if (!__builtin_sub_overflow(a, b, &out))
                    return Value(out);
                return Value(double(a) - double(b));
            case Expr::Kind::Mul:
                if (!__builtin_mul_overflow(a, b, &out))
                    return Value(out);
                return Value(double(a) * double(b));
            case Expr::Kind::Div:
            case Expr::Kind::Mod:
                if (b == 0) {
                    warn(e.pos, QStringLiteral("Right side of division operation is zero. Must be non-zero. The result is null"));
                    return {};
                }
                if (a == std::numeric_limits<qint64>::min() && b == -1)
                    return e.kind == Expr::Kind::Div ? Value(-double(a)) : Value(qint64(0));
                return e.kind == Expr::Kind::Div ? Value(a / b) : Value(a % b); // Java truncation
            default:
                return {};
            }
        }
        const double a = l.doubleValue(), b = r.doubleValue();
        switch (e.kind) {
        case Expr::Kind::Add: return Value(a + b);
        case Expr::Kind::Sub: return Value(a - b);
        case Expr::Kind::Mul: return Value(a * b);
        case Expr::Kind::Div:
        case Expr::Kind::Mod:
            if (b == 0.0) {
                warn(e.pos, QStringLiteral("Right side of division operation is zero. Must be non-zero. The result is null"));
                return {};
            }
            return e.kind == Expr::Kind::Div ? Value(a / b) : Value(std::fmod(a, b));
        default:
            return {};
        }
    }

    const MacroTable *m_macros;
    Context &m_ctx;
    const RenderOptions m_opt;
    std::vector<QHash<QString, Value>> m_frames;
    Errors m_warnings;
    qint64 m_steps = 0;
    int m_macroDepth = 0;
    int m_blockDepth = 0;
    const Object *m_breakTarget = nullptr;
};

Renderer::Renderer(const MacroTable &macros, Context &context) : d(std::make_unique<Impl>(macros, context)) {}
Renderer::~Renderer() = default;

RenderResult Renderer::render(const Block &root)
{
    return d->run(root);
}

} // namespace Gw::Vtl::Internal
