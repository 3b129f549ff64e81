// Tests HTTPS on loopback with certificates the test issues itself (OpenSSL EVP via the runtime's
// generator): plain HTTPS, the generated localhost certificate kept on disk, mutual TLS refusing
// clients without a certificate or with one from another CA, and the verified client certificate
// reaching the request (and the Lambda proxy event) in AWS's clientCert shape.
#include "runtime/integrations/lambdaproxyevent.h"
#include "runtime/runtimehost.h"
#include "runtime/server/httprequesthandler.h"
#include "runtime/server/httpserver.h"
#include "runtime/server/workerpool.h"
#include "runtime/tls/certificategenerator.h"
#include "runtime/tls/clientcertificate.h"
#include "runtime/tls/localcertificate.h"
#include "runtime/tls/servertlsconfiguration.h"

#include "tests/runtime/testdocuments.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace Gw::Runtime;

namespace {

// Answers with the request's clientCert as JSON, so the test sees what the pipeline would.
class CertEchoHandler : public HttpRequestHandler
{
public:
    void handleRequest(HttpRequest request, HttpResponder responder) override
    {
        HttpResponse response;
        response.headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});
        response.body = QJsonDocument(request.clientCert).toJson(QJsonDocument::Compact);
        responder.respond(response);
    }
};

struct HttpsResult
{
    bool encrypted = false; // the TLS handshake completed on the client's side
    int status = 0;         // 0: no HTTP answer
    QByteArray body;
    QString error;
};

// One GET over a fresh TLS connection. The client trusts `ca` and verifies the server's name
// (127.0.0.1 must be in the certificate's SAN); `clientCert` is presented when set.
HttpsResult httpsGet(quint16 port, const QList<QSslCertificate> &ca, const PemCredentials *clientCert = nullptr,
                     const QByteArray &path = "/whoami")
{
    HttpsResult result;
    QSslSocket socket;
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setCaCertificates(ca);
    config.setPeerVerifyMode(QSslSocket::VerifyPeer);
    if (clientCert) {
        config.setLocalCertificate(QSslCertificate(clientCert->certificatePem, QSsl::Pem));
        config.setPrivateKey(QSslKey(clientCert->privateKeyPem, QSsl::Ec, QSsl::Pem));
    }
    socket.setSslConfiguration(config);
    socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"), port);
    result.encrypted = socket.waitForEncrypted(5000);
    if (!result.encrypted) {
        result.error = socket.errorString();
        return result;
    }
    socket.write("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    QByteArray buffer;
    QElapsedTimer timer;
    timer.start();
    // Under TLS 1.3 the server checks the client certificate after the client considers the
    // handshake done: a refused client sees its connection end instead of an answer.
    while (timer.elapsed() < 5000) {
        buffer += socket.readAll();
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end >= 0) {
            const QByteArray head = buffer.left(end);
            static const QRegularExpression lengthRe(QStringLiteral("Content-Length: (\\d+)"),
                                                     QRegularExpression::CaseInsensitiveOption);
            const auto m = lengthRe.match(QString::fromLatin1(head));
            const qsizetype length = m.hasMatch() ? m.captured(1).toLongLong() : 0;
            if (buffer.size() >= end + 4 + length) {
                result.status = head.mid(9, 3).toInt();
                result.body = buffer.mid(end + 4, length);
                return result;
            }
        }
        if (socket.state() != QAbstractSocket::ConnectedState && socket.bytesAvailable() == 0)
            break;
        socket.waitForReadyRead(100);
    }
    result.error = socket.errorString();
    return result;
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(data) == data.size();
}

} // namespace

class tst_Tls : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    PemCredentials m_ca, m_otherCa, m_server, m_client, m_strangerClient;
    std::shared_ptr<WorkerPool> m_pool;
    CertEchoHandler m_handler;

    QString path(const QString &name) const { return m_dir.filePath(name); }
    QList<QSslCertificate> caList() const { return {QSslCertificate(m_ca.certificatePem, QSsl::Pem)}; }

    std::unique_ptr<HttpServer> serve(const TlsOptions &tls)
    {
        QString error;
        std::optional<QSslConfiguration> config = ServerTlsConfiguration::build(tls, &error);
        if (!config) {
            qWarning("TLS configuration: %s", qPrintable(error));
            return {};
        }
        HttpServerOptions options;
        options.tls = config;
        auto server = std::make_unique<HttpServer>(m_pool, &m_handler, options);
        if (!server->listen(QHostAddress::LocalHost, 0, &error)) {
            qWarning("listen: %s", qPrintable(error));
            return {};
        }
        return server;
    }

    TlsOptions serverFiles() const
    {
        TlsOptions tls;
        tls.enabled = true;
        tls.certificateFile = path(QStringLiteral("server-cert.pem"));
        tls.privateKeyFile = path(QStringLiteral("server-key.pem"));
        return tls;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (!QSslSocket::supportsSsl())
            QSKIP("no TLS backend");
        QVERIFY(m_dir.isValid());
        QString error;
        CertificateSpec ca;
        ca.commonName = QStringLiteral("Test CA");
        ca.organization = QStringLiteral("apigw-studio tests");
        ca.certificateAuthority = true;
        auto caPem = issueCertificate(ca, nullptr, &error);
        QVERIFY2(caPem, qPrintable(error));
        m_ca = *caPem;
        ca.commonName = QStringLiteral("Other CA");
        auto otherPem = issueCertificate(ca, nullptr, &error);
        QVERIFY2(otherPem, qPrintable(error));
        m_otherCa = *otherPem;

        CertificateSpec server;
        server.commonName = QStringLiteral("localhost");
        server.dnsNames = {QStringLiteral("localhost")};
        server.ipAddresses = {QStringLiteral("127.0.0.1"), QStringLiteral("::1")};
        auto serverPem = issueCertificate(server, &m_ca, &error);
        QVERIFY2(serverPem, qPrintable(error));
        m_server = *serverPem;

        CertificateSpec client;
        client.commonName = QStringLiteral("test-client");
        client.organization = QStringLiteral("Example Corp");
        auto clientPem = issueCertificate(client, &m_ca, &error);
        QVERIFY2(clientPem, qPrintable(error));
        m_client = *clientPem;
        client.commonName = QStringLiteral("stranger");
        auto strangerPem = issueCertificate(client, &m_otherCa, &error);
        QVERIFY2(strangerPem, qPrintable(error));
        m_strangerClient = *strangerPem;

        QVERIFY(writeFile(path(QStringLiteral("server-cert.pem")), m_server.certificatePem));
        QVERIFY(writeFile(path(QStringLiteral("server-key.pem")), m_server.privateKeyPem));
        QVERIFY(writeFile(path(QStringLiteral("truststore.pem")), m_ca.certificatePem));
        m_pool = std::make_shared<WorkerPool>(2);
    }
    void cleanupTestCase()
    {
        if (m_pool)
            m_pool->shutdown();
    }

    void issuedCertificatesChain()
    {
        const QSslCertificate leaf(m_client.certificatePem, QSsl::Pem);
        const QSslCertificate ca(m_ca.certificatePem, QSsl::Pem);
        QVERIFY(!leaf.isNull());
        QCOMPARE(leaf.issuerDisplayName(), QStringLiteral("Test CA"));
        QCOMPARE(leaf.issuerInfo(QSslCertificate::CommonName), ca.subjectInfo(QSslCertificate::CommonName));
        QVERIFY(leaf.expiryDate() > QDateTime::currentDateTimeUtc());
        // Two issued certificates never share a serial.
        QVERIFY(leaf.serialNumber() != QSslCertificate(m_server.certificatePem, QSsl::Pem).serialNumber());
        // (Signature chains are proven by the handshakes below: Qt's verify() only trusts system CAs.)
    }

    void httpsRequest()
    {
        auto server = serve(serverFiles());
        QVERIFY(server);
        QVERIFY(server->isTls());
        const HttpsResult r = httpsGet(server->port(), caList());
        QVERIFY2(r.encrypted, qPrintable(r.error));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, QByteArray("{}")); // no mTLS: no client certificate in the request

        // A client that does not trust the server's CA refuses it.
        const HttpsResult untrusted = httpsGet(server->port(), {QSslCertificate(m_otherCa.certificatePem, QSsl::Pem)});
        QVERIFY(!untrusted.encrypted);
    }

    void plainHttpOnTlsPortGetsNoAnswer()
    {
        auto server = serve(serverFiles());
        QVERIFY(server);
        QTcpSocket plain;
        plain.connectToHost(QStringLiteral("127.0.0.1"), server->port());
        QVERIFY(plain.waitForConnected(5000));
        plain.write("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
        QElapsedTimer timer;
        timer.start();
        QByteArray got;
        while (plain.state() == QAbstractSocket::ConnectedState && timer.elapsed() < 5000) {
            plain.waitForReadyRead(100);
            got += plain.readAll();
        }
        QCOMPARE(plain.state(), QAbstractSocket::UnconnectedState);
        QVERIFY2(!got.startsWith("HTTP/1.1 200"), got.constData());
    }

    void generatedLocalhostCertificate()
    {
        TlsOptions tls;
        tls.enabled = true;
        tls.generatedCertificateDir = path(QStringLiteral("generated/tls"));
        auto server = serve(tls);
        QVERIFY(server);
        const QString certFile = tls.generatedCertificateDir + QStringLiteral("/localhost-cert.pem");
        const QString keyFile = tls.generatedCertificateDir + QStringLiteral("/localhost-key.pem");
        QVERIFY(QFile::exists(certFile));
        QCOMPARE(QFile::permissions(keyFile) & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());
        QFile f(certFile);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray pem = f.readAll();
        const QSslCertificate cert(pem, QSsl::Pem);
        const auto sans = cert.subjectAlternativeNames();
        QVERIFY(sans.values(QSsl::IpAddressEntry).contains(QStringLiteral("127.0.0.1")));
        QVERIFY(sans.values(QSsl::DnsEntry).contains(QStringLiteral("localhost")));

        // A client that trusts the generated certificate (as a user would) gets HTTPS.
        const HttpsResult r = httpsGet(server->port(), {cert});
        QVERIFY2(r.encrypted, qPrintable(r.error));
        QCOMPARE(r.status, 200);

        // Kept: the next start reuses it rather than issuing a new one.
        std::optional<CertificateFiles> again = LocalCertificate::ensure(tls.generatedCertificateDir, nullptr);
        QVERIFY(again);
        QFile f2(again->certificateFile);
        QVERIFY(f2.open(QIODevice::ReadOnly));
        QCOMPARE(f2.readAll(), pem);
    }

    void badTlsOptionsAreReported()
    {
        TlsOptions tls = serverFiles();
        tls.privateKeyFile.clear();
        QString error;
        QVERIFY(!ServerTlsConfiguration::build(tls, &error));
        QVERIFY(error.contains(QLatin1String("--key")));
        tls = serverFiles();
        tls.truststoreFile = path(QStringLiteral("missing.pem"));
        QVERIFY(!ServerTlsConfiguration::build(tls, &error));
        QVERIFY2(error.contains(QLatin1String("missing.pem")), qPrintable(error));
    }

    void mtlsWithoutClientCertificateIsRefused()
    {
        TlsOptions tls = serverFiles();
        tls.truststoreFile = path(QStringLiteral("truststore.pem"));
        auto server = serve(tls);
        QVERIFY(server);
        const HttpsResult r = httpsGet(server->port(), caList());
        QCOMPARE(r.status, 0);
        QVERIFY(r.body.isEmpty());
    }

    void mtlsWithCertificateFromAnotherCaIsRefused()
    {
        TlsOptions tls = serverFiles();
        tls.truststoreFile = path(QStringLiteral("truststore.pem"));
        auto server = serve(tls);
        QVERIFY(server);
        const HttpsResult r = httpsGet(server->port(), caList(), &m_strangerClient);
        QCOMPARE(r.status, 0);
    }

    void mtlsClientCertificateReachesTheRequest()
    {
        TlsOptions tls = serverFiles();
        tls.truststoreFile = path(QStringLiteral("truststore.pem"));
        auto server = serve(tls);
        QVERIFY(server);
        const HttpsResult r = httpsGet(server->port(), caList(), &m_client);
        QVERIFY2(r.encrypted, qPrintable(r.error));
        QCOMPARE(r.status, 200);
        const QJsonObject cert = QJsonDocument::fromJson(r.body).object();
        QCOMPARE(cert.value(QStringLiteral("clientCertPem")).toString().toLatin1(), m_client.certificatePem);
        QCOMPARE(cert.value(QStringLiteral("subjectDN")).toString(), QStringLiteral("CN=test-client,O=Example Corp"));
        QCOMPARE(cert.value(QStringLiteral("issuerDN")).toString(), QStringLiteral("CN=Test CA,O=apigw-studio tests"));
        const QSslCertificate qtCert(m_client.certificatePem, QSsl::Pem);
        QCOMPARE(cert.value(QStringLiteral("serialNumber")).toString().toLower(),
                 QString::fromLatin1(qtCert.serialNumber()).toLower());
        // OpenSSL's date format, as in AWS's examples: "May 28 12:30:02 2019 GMT".
        static const QRegularExpression dateRe(QStringLiteral("^[A-Z][a-z]{2} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d \\d{4} GMT$"));
        const QJsonObject validity = cert.value(QStringLiteral("validity")).toObject();
        QVERIFY2(dateRe.match(validity.value(QStringLiteral("notBefore")).toString()).hasMatch(),
                 qPrintable(validity.value(QStringLiteral("notBefore")).toString()));
        QVERIFY(dateRe.match(validity.value(QStringLiteral("notAfter")).toString()).hasMatch());
    }

    void clientCertificateInLambdaEvents()
    {
        ProxyEventInput in;
        in.method = QStringLiteral("GET");
        in.path = QStringLiteral("/dev/whoami");
        in.requestTime = QDateTime::currentDateTimeUtc();
        in.clientCert = awsClientCertificate(m_client.certificatePem);
        QVERIFY(!in.clientCert.isEmpty());
        const QJsonObject rest = restProxyEvent(in);
        QCOMPARE(rest.value(QStringLiteral("requestContext")).toObject().value(QStringLiteral("identity"))
                     .toObject().value(QStringLiteral("clientCert")).toObject(), in.clientCert);
        const QJsonObject v2 = httpProxyEventV2(in);
        QCOMPARE(v2.value(QStringLiteral("requestContext")).toObject().value(QStringLiteral("authentication"))
                     .toObject().value(QStringLiteral("clientCert")).toObject(), in.clientCert);
        // Without mTLS AWS sends null.
        in.clientCert = {};
        QVERIFY(restProxyEvent(in).value(QStringLiteral("requestContext")).toObject()
                    .value(QStringLiteral("identity")).toObject().value(QStringLiteral("clientCert")).isNull());
    }

    void runtimeHostServesHttpsWithMutualTls()
    {
        Gw::Model::Api api = GwTest::restApi();
        GwTest::addResource(api, QStringLiteral("res_root"), QStringLiteral("hello"),
                            {GwTest::mockMethod(QStringLiteral("GET"), QStringLiteral("{\"ok\": true}"))});
        RuntimeOptions options;
        options.tls = serverFiles();
        options.tls.truststoreFile = path(QStringLiteral("truststore.pem"));
        options.headerReadTimeoutMs = 300;
        RuntimeHost host;
        QString error;
        QVERIFY2(host.start(GwTest::documentWith(api), options, &error), qPrintable(error));
        QCOMPARE(host.endpoints().size(), 1);
        const QUrl base = host.endpoints().constFirst().baseUrl;
        QCOMPARE(base.scheme(), QStringLiteral("https"));
        const quint16 port = quint16(base.port());

        const HttpsResult ok = httpsGet(port, caList(), &m_client, "/dev/hello");
        QVERIFY2(ok.encrypted, qPrintable(ok.error));
        QCOMPARE(ok.status, 200);
        QVERIFY2(ok.body.contains("\"ok\""), ok.body.constData());
        QCOMPARE(httpsGet(port, caList(), nullptr, "/dev/hello").status, 0);

        // The timeout option reaches the listener: a client that never starts the handshake is
        // closed after 300 ms instead of the default 10 s.
        QTcpSocket idle;
        idle.connectToHost(QStringLiteral("127.0.0.1"), port);
        QVERIFY(idle.waitForConnected(5000));
        QElapsedTimer timer;
        timer.start();
        while (idle.state() == QAbstractSocket::ConnectedState && timer.elapsed() < 5000)
            idle.waitForReadyRead(100);
        QCOMPARE(idle.state(), QAbstractSocket::UnconnectedState);
        QVERIFY2(timer.elapsed() < 3000, qPrintable(QString::number(timer.elapsed())));
        host.stop();
    }

    void runtimeHostReportsBadCertificateFiles()
    {
        RuntimeOptions options;
        options.tls.enabled = true;
        options.tls.certificateFile = path(QStringLiteral("nope-cert.pem"));
        options.tls.privateKeyFile = path(QStringLiteral("nope-key.pem"));
        RuntimeHost host;
        QString error;
        Gw::Model::Api api = GwTest::restApi();
        QVERIFY(!host.start(GwTest::documentWith(api), options, &error));
        QVERIFY2(error.contains(QLatin1String("nope-cert.pem")), qPrintable(error));
        QVERIFY(!host.isRunning());
    }
};

QTEST_GUILESS_MAIN(tst_Tls)
#include "tst_tls.moc"
