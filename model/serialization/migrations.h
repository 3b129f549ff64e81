// Project-file migrations: a chain of JSON rewrites vN -> vN+1 applied before strict reading.
//
// Format history:
//   v0  (legacy, pre-release) the version lived in "version" (always 0) instead of
//       "formatVersion", and HTTP API routes were stored as {"method": "GET", "path": "/x"}
//       (the catch-all as {"path": "$default"}) instead of a routeKey.
//   v1  "formatVersion": 1; every route has a "routeKey".
#pragma once

#include "model/diagnostic.h"

#include <QJsonObject>

namespace Gw::Model {

// The version of a raw root object: "formatVersion" or the legacy "version" (v0).
// Errors (missing, not an integer, negative) come back as diagnostics.
Result<int> projectFormatVersion(const QJsonObject &root);

// Rewrites `root` to `targetVersion` by applying each step in turn. Refuses versions newer
// than targetVersion.
Result<QJsonObject> migrateProject(const QJsonObject &root, int targetVersion);

} // namespace Gw::Model
