// AWS's request matching: stage selection, then REST resources (literal > {param} > {proxy+},
// method exact > ANY) or HTTP API routes (exact route > greedy > $default).
#include "runtime/router.h"

#include <QUrl>

namespace Gw::Runtime {

QString RouteMatch::pathParameter(const QString &name) const
{
    for (const auto &p : pathParameters) {
        if (p.first == name)
            return p.second;
    }
    return QString();
}

QStringList Router::segments(const QByteArray &rawPath)
{
    QStringList out;
    qsizetype start = 0;
    const qsizetype n = rawPath.size();
    while (start <= n) {
        qsizetype end = rawPath.indexOf('/', start);
        if (end < 0)
            end = n;
        if (end > start) {
            const QByteArray seg = rawPath.mid(start, end - start);
            out.append(seg.contains('%') ? QUrl::fromPercentEncoding(seg) : QString::fromUtf8(seg));
        }
        start = end + 1;
    }
    return out;
}

static QString joinFrom(const QStringList &segs, qsizetype from)
{
    QString s;
    for (qsizetype i = from; i < segs.size(); ++i) {
        if (i > from)
            s.append(QLatin1Char('/'));
        s.append(segs.at(i));
    }
    return s;
}

RouteMatch Router::match(const CompiledApi &api, const QByteArray &method, const QByteArray &rawPath)
{
    RouteMatch m;
    const QStringList segs = segments(rawPath);
    const QString httpMethod = QString::fromLatin1(method).toUpper();
    if (api.isRest()) {
        if (api.stages().empty()) {
            m.status = RouteMatch::Status::NoStage;
            m.reason = QStringLiteral("the API has no stage: AWS serves a REST API only through a deployed "
                                      "stage; add one");
            return m;
        }
        const CompiledStage *stage = segs.isEmpty() ? nullptr : api.findStage(segs.first());
        if (!stage) {
            QStringList names;
            for (const CompiledStage &s : api.stages())
                names.append(s.name);
            m.status = RouteMatch::Status::NoStage;
            m.reason = QStringLiteral("the path must start with a stage (/%1/…); '%2' is not one")
                           .arg(names.join(QStringLiteral("/…, /")),
                                segs.isEmpty() ? QStringLiteral("/") : segs.first());
            return m;
        }
        m.stage = stage;
        const QStringList rest = segs.mid(1);
        m.stagePath = QLatin1Char('/') + rest.join(QLatin1Char('/'));
        matchRest(api, httpMethod, rest, m);
        return m;
    }
    if (api.type() == Model::ApiType::Http) {
        const CompiledStage *stage = nullptr;
        QStringList rest = segs;
        if (!segs.isEmpty() && segs.first() != QLatin1String("$default"))
            stage = api.findStage(segs.first());
        if (stage) {
            rest.removeFirst();
        } else {
            stage = api.defaultStage();
        }
        if (!stage) {
            m.status = RouteMatch::Status::NoStage;
            m.reason = api.stages().empty()
                           ? QStringLiteral("the API has no stage: add a stage ($default serves the root)")
                           : QStringLiteral("no stage named '%1' and no $default stage")
                                 .arg(segs.isEmpty() ? QString() : segs.first());
            return m;
        }
        m.stage = stage;
        m.stagePath = QLatin1Char('/') + rest.join(QLatin1Char('/'));
        matchHttp(api, httpMethod, rest, m);
        return m;
    }
    m.status = RouteMatch::Status::NoRoute;
    m.reason = QStringLiteral("%1 APIs are not served over plain HTTP by this build").arg(api.apiTypeName());
    return m;
}

// Depth-first with backtracking in AWS's preference order, so /pets/dogs/toys still reaches
// /pets/{id}/toys when /pets/dogs has no child "toys". A resource counts only if it has the method
// or ANY, so a literal resource without the method gives way to a parameter sibling that has it.
static const RestMethodEntry *methodOf(const RestNode &node, const QString &method, bool anyMethod)
{
    auto it = node.methods.constFind(method);
    if (it != node.methods.cend())
        return &it.value();
    it = node.methods.constFind(QStringLiteral("ANY"));
    if (it != node.methods.cend())
        return &it.value();
    if (anyMethod && !node.methods.isEmpty())
        return &node.methods.cbegin().value();
    return nullptr;
}

static bool descend(const std::vector<RestNode> &nodes, int index, const QStringList &segs,
                    qsizetype i, const QString &method, bool anyMethod, RouteMatch &m,
                    const RestMethodEntry **entry)
{
    const RestNode &node = nodes[size_t(index)];
    if (i == segs.size()) {
        if (const RestMethodEntry *e = methodOf(node, method, anyMethod)) {
            m.node = &node;
            *entry = e;
            return true;
        }
        return false;
    }
    const QString &seg = segs.at(i);
    auto lit = node.literalChildren.constFind(seg);
    if (lit != node.literalChildren.cend()
        && descend(nodes, lit.value(), segs, i + 1, method, anyMethod, m, entry))
        return true;
    for (int child : node.parameterChildren) {
        m.pathParameters.append({nodes[size_t(child)].paramName, seg});
        if (descend(nodes, child, segs, i + 1, method, anyMethod, m, entry))
            return true;
        m.pathParameters.removeLast();
    }
    if (node.greedyChild >= 0) {
        const RestNode &greedy = nodes[size_t(node.greedyChild)];
        if (const RestMethodEntry *e = methodOf(greedy, method, anyMethod)) {
            m.pathParameters.append({greedy.paramName, joinFrom(segs, i)});
            m.node = &greedy;
            *entry = e;
            return true;
        }
    }
    return false;
}

void Router::matchRest(const CompiledApi &api, const QString &method, const QStringList &segs, RouteMatch &m)
{
    const auto &nodes = api.restNodes();
    const RestMethodEntry *entry = nullptr;
    if (!nodes.empty() && descend(nodes, 0, segs, 0, method, false, m, &entry)) {
        m.status = RouteMatch::Status::Matched;
        m.method = entry->method;
        m.integration = entry->integration;
        m.resourcePath = m.node->resourcePath;
        m.routeKey = entry->method->httpMethod.toUpper() + QLatin1Char(' ') + m.resourcePath;
        return;
    }
    m.status = RouteMatch::Status::NoRoute;
    m.pathParameters.clear();
    RouteMatch probe;
    const RestMethodEntry *other = nullptr;
    if (!nodes.empty() && descend(nodes, 0, segs, 0, method, true, probe, &other)) {
        QStringList methods = probe.node->methods.keys();
        methods.sort();
        m.reason = QStringLiteral("resource %1 has no %2 method (it has %3) and no ANY method")
                       .arg(probe.node->resourcePath, method, methods.join(QStringLiteral(", ")));
    } else {
        m.reason = QStringLiteral("no resource matches %1").arg(m.stagePath);
    }
}

// Orders two exact candidates: at the first segment where they differ, a literal beats a
// parameter; then an exact method beats ANY. Returns true when `a` is preferred.
static bool preferExact(const HttpRouteEntry &a, const HttpRouteEntry &b)
{
    const size_t n = std::min(a.segments.size(), b.segments.size());
    for (size_t i = 0; i < n; ++i) {
        if (a.segments[i].parameter != b.segments[i].parameter)
            return !a.segments[i].parameter;
    }
    if (a.segments.size() != b.segments.size())
        return a.segments.size() > b.segments.size(); // longer greedy prefix is more specific
    return a.method != QLatin1String("ANY") && b.method == QLatin1String("ANY");
}

static bool segmentsMatch(const HttpRouteEntry &e, const QStringList &segs)
{
    for (size_t i = 0; i < e.segments.size(); ++i) {
        const auto &s = e.segments[i];
        if (!s.parameter && s.text != segs.at(qsizetype(i)))
            return false;
    }
    return true;
}

void Router::matchHttp(const CompiledApi &api, const QString &method, const QStringList &segs, RouteMatch &m)
{
    const HttpRouteEntry *bestExact = nullptr;
    const HttpRouteEntry *bestGreedy = nullptr;
    for (const HttpRouteEntry &e : api.httpRoutes()) {
        if (e.method != method && e.method != QLatin1String("ANY"))
            continue;
        const size_t n = e.segments.size();
        if (e.greedy) {
            // A greedy variable catches at least one segment.
            if (size_t(segs.size()) <= n || !segmentsMatch(e, segs))
                continue;
            if (!bestGreedy || preferExact(e, *bestGreedy))
                bestGreedy = &e;
        } else {
            if (size_t(segs.size()) != n || !segmentsMatch(e, segs))
                continue;
            if (!bestExact || preferExact(e, *bestExact))
                bestExact = &e;
        }
    }
    const HttpRouteEntry *chosen = bestExact ? bestExact : bestGreedy;
    if (chosen) {
        for (size_t i = 0; i < chosen->segments.size(); ++i) {
            if (chosen->segments[i].parameter)
                m.pathParameters.append({chosen->segments[i].text, segs.at(qsizetype(i))});
        }
        if (chosen->greedy)
            m.pathParameters.append({chosen->greedyName, joinFrom(segs, qsizetype(chosen->segments.size()))});
        m.resourcePath = chosen->path;
        m.routeKey = chosen->route->routeKey;
    } else if ((chosen = api.defaultRoute())) {
        m.resourcePath = QStringLiteral("$default");
        m.routeKey = QStringLiteral("$default");
    } else {
        m.status = RouteMatch::Status::NoRoute;
        m.reason = QStringLiteral("no route matches %1 %2 and there is no $default route").arg(method, m.stagePath);
        return;
    }
    m.status = RouteMatch::Status::Matched;
    m.route = chosen;
    m.integration = chosen->integration;
}

} // namespace Gw::Runtime
