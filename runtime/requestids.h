// Request identifiers in AWS's shapes: x-amzn-RequestId (a UUID) and x-amz-apigw-id /
// apigw-requestid (16 characters ending in '=').
#pragma once

#include <QByteArray>
#include <QString>

namespace Gw::Runtime {

QString newRequestId();      // "c6af9ac6-7b61-11e6-9a41-93e8deadbeef" (UUID v4)
QByteArray newApiGatewayId(); // "Mc7UVioPPHcEKPA="

} // namespace Gw::Runtime
