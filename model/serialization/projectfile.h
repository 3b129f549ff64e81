// The *.apigw.json project file: strict reading with JSON-pointer diagnostics, migrations,
// deterministic writing, atomic saving.
#pragma once

#include "model/apidocument.h"
#include "model/diagnostic.h"

#include <QByteArray>
#include <QJsonObject>

namespace Gw::Model {

class ProjectFile
{
public:
    static constexpr int CurrentFormatVersion = 1;

    // Parses bytes of a project file. Errors name the JSON pointer of what is wrong; a newer
    // formatVersion is refused clearly.
    static Result<ApiDocument> parse(const QByteArray &bytes);
    static Result<ApiDocument> load(const QString &path);

    // Deterministic: sorted keys, stable order, same bytes for the same document.
    static QByteArray serialize(const ApiDocument &doc);
    static QJsonObject toJson(const ApiDocument &doc);
    static Result<ApiDocument> fromJson(const QJsonObject &root);

    // Atomic (QSaveFile). Returns an error message, empty on success. Refuses to replace an
    // existing file that is not a project file this version can read (a foreign, corrupt or
    // newer file is never clobbered).
    static QString save(const ApiDocument &doc, const QString &path);
    // Atomic write with no check of what the target holds (DocumentSession uses it to save
    // back over the file it opened itself).
    static QString write(const ApiDocument &doc, const QString &path);
};

} // namespace Gw::Model
