// A stable reference to one node of the document tree (an API, resource, method, route, …), by
// ids rather than positions, so selection and editors survive edits, undo and reloads.
#pragma once

#include <QHashFunctions>
#include <QMetaType>
#include <QString>

namespace Gw::Ui {

struct NodeRef
{
    enum class Kind {
        None,
        Api,
        Resource,
        Method,
        Route,
        AuthorizerGroup,
        Authorizer,
        ModelGroup,
        Model,
        StageGroup,
        Stage,
        FunctionGroup,
        Function,
        UsagePlanGroup, // document level: apiId empty
        UsagePlan,
        ApiKeyGroup,
        ApiKey
    };

    Kind kind = Kind::None;
    QString apiId; // the owning API; empty for functions and the functions group
    QString id;    // resource/method/route/authorizer/model/function/plan/key id; stage name; empty for groups

    bool isValid() const { return kind != Kind::None; }
    // A key unique within the document, used for undo merge keys ("<key>/<field>").
    QString key() const
    {
        if (!id.isEmpty())
            return kind == Kind::Stage ? QString(apiId + QLatin1String("/stage/") + id) : id;
        return apiId + QLatin1Char('/') + QString::number(int(kind));
    }
    bool operator==(const NodeRef &) const = default;

    static NodeRef api(const QString &apiId) { return {Kind::Api, apiId, apiId}; }
};

inline size_t qHash(const NodeRef &n, size_t seed = 0)
{
    return qHashMulti(seed, int(n.kind), n.apiId, n.id);
}

} // namespace Gw::Ui

Q_DECLARE_METATYPE(Gw::Ui::NodeRef)
