// The verified mTLS client certificate as API Gateway hands it to integrations and authorizers:
// requestContext.identity.clientCert (REST, payload 1.0) / authentication.clientCert (payload 2.0).
#pragma once

#include <QByteArray>
#include <QJsonObject>

namespace Gw::Runtime {

// {clientCertPem, subjectDN, issuerDN, serialNumber, validity{notBefore, notAfter}} from a PEM
// certificate; empty when the PEM cannot be read. DNs are RFC 2253 ("CN=client,O=Example"),
// the serial colon-separated lower-case hex and the dates OpenSSL's "May 28 12:30:02 2019 GMT",
// the formats of AWS's documented examples.
QJsonObject awsClientCertificate(const QByteArray &certificatePem);

} // namespace Gw::Runtime
