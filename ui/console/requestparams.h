// The composer's parameter logic, apart from the widgets so it can be tested on its own: the
// path parameters of a route's path template filled into a path, a URL's query as name/value
// pairs and back, and the stage segment of a gateway URL.
//
// URLs are handled as text, not QUrl: the composer's URL may hold {{var}} environment variables
// (expanded at send time) and unfilled {param} placeholders, which QUrl would encode or reject.
#pragma once

#include <QList>
#include <QPair>
#include <QString>

namespace Gw::Ui {

class RequestParams
{
public:
    using Pairs = QList<QPair<QString, QString>>;

    struct PathParam
    {
        QString name;
        bool greedy = false; // {name+}: may span several segments
        bool operator==(const PathParam &) const = default;
    };

    // The {name} and {name+} parameters of a path template, in order, each name once.
    static QList<PathParam> pathParameters(const QString &pathTemplate);
    // The template with each parameter replaced by its percent-encoded value (a greedy one keeps
    // its slashes). A parameter without a value stays as {name} so the gap shows in the URL; an
    // empty greedy one is dropped (as the composer always did for {proxy+}).
    static QString fillPath(const QString &pathTemplate, const Pairs &values);

    // The query of a URL (text between '?' and '#') as decoded pairs, in order, repeats kept.
    static Pairs queryPairs(const QString &url);
    // The URL with its query replaced by the encoded pairs (rows without a name are skipped;
    // no pairs: no '?'). The fragment is kept.
    static QString withQuery(const QString &url, const Pairs &pairs);
    static QString encodeQuery(const Pairs &pairs);

    // The URL with its first path segment changed from oldStage to newStage, where "" and
    // "$default" mean no segment (HTTP APIs serve $default at the root). A URL that does not start
    // with oldStage's segment is returned unchanged: it is not a URL of that stage.
    static QString withStage(const QString &url, const QString &oldStage, const QString &newStage);

    // Percent-encodes text for a path segment or a query component, leaving {{var}} as it is.
    static QString encode(const QString &text, const QByteArray &keep = {});
};

} // namespace Gw::Ui
