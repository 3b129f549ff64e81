// The composer's auth helpers; tokens are minted and requests signed at send time so that the
// signature's date and the token's expiry are always fresh.
#include "ui/console/authpanel.h"

#include "model/documentsession.h"
#include "runtime/auth/localidentityprovider.h"
#include "runtime/auth/sigv4.h"

#include <QComboBox>
#include <QDateTime>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QSpinBox>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace Gw::Ui {

using namespace Gw::Model;

AuthPanel::AuthPanel(DocumentSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
{
    m_mode = new QComboBox;
    m_mode->setObjectName(QStringLiteral("consoleAuthMode"));
    m_mode->addItems({tr("No auth"), tr("API key"), tr("Bearer token (local identity provider)"),
                      tr("AWS Signature V4 (local credential)")});
    m_pages = new QStackedWidget;
    m_pages->addWidget(new QWidget);

    auto *keyPage = new QWidget;
    auto *keyForm = new QFormLayout(keyPage);
    m_apiKey = new QComboBox;
    m_apiKey->setObjectName(QStringLiteral("consoleAuthApiKey"));
    keyForm->addRow(tr("Key (x-api-key)"), m_apiKey);
    m_pages->addWidget(keyPage);

    auto *tokenPage = new QWidget;
    auto *tokenForm = new QFormLayout(tokenPage);
    m_audience = new QLineEdit;
    m_audience->setObjectName(QStringLiteral("consoleAuthAudience"));
    m_scopes = new QLineEdit;
    m_scopes->setObjectName(QStringLiteral("consoleAuthScopes"));
    m_scopes->setPlaceholderText(tr("space-separated"));
    m_expiry = new QSpinBox;
    m_expiry->setObjectName(QStringLiteral("consoleAuthExpiry"));
    m_expiry->setRange(1, 7 * 24 * 3600);
    m_expiry->setValue(3600);
    m_expiry->setSuffix(tr(" s"));
    m_variant = new QComboBox;
    m_variant->setObjectName(QStringLiteral("consoleAuthVariant"));
    m_variant->addItems({tr("Valid"), tr("Expired"), tr("Wrong audience")});
    tokenForm->addRow(tr("Audience"), m_audience);
    tokenForm->addRow(tr("Scopes"), m_scopes);
    tokenForm->addRow(tr("Expires in"), m_expiry);
    tokenForm->addRow(tr("Variant"), m_variant);
    m_pages->addWidget(tokenPage);

    auto *sigPage = new QWidget;
    auto *sigForm = new QFormLayout(sigPage);
    m_credential = new QComboBox;
    m_credential->setObjectName(QStringLiteral("consoleAuthCredential"));
    m_region = new QLineEdit(QStringLiteral("us-east-1"));
    m_region->setObjectName(QStringLiteral("consoleAuthRegion"));
    sigForm->addRow(tr("Credential"), m_credential);
    sigForm->addRow(tr("Region"), m_region);
    m_pages->addWidget(sigPage);

    m_hint = new QLabel(tr("Applied when the request is sent."));
    m_hint->setEnabled(false);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_mode);
    layout->addWidget(m_pages);
    layout->addWidget(m_hint);
    layout->addStretch(1);
    connect(m_mode, &QComboBox::currentIndexChanged, m_pages, &QStackedWidget::setCurrentIndex);
    connect(m_session, &DocumentSession::documentChanged, this, &AuthPanel::refreshFromDocument);
    refreshFromDocument();
}

AuthPanel::~AuthPanel() = default;

void AuthPanel::refreshFromDocument()
{
    const ApiDocument &doc = m_session->document();
    const QString key = m_apiKey->currentData().toString();
    m_apiKey->clear();
    for (const ApiKey &k : doc.apiKeys)
        m_apiKey->addItem(k.name.isEmpty() ? k.id : k.name, k.id);
    if (const int i = m_apiKey->findData(key); i >= 0)
        m_apiKey->setCurrentIndex(i);
    const QString cred = m_credential->currentData().toString();
    m_credential->clear();
    for (const IamCredential &c : doc.iamCredentials)
        m_credential->addItem(c.principalArn.isEmpty() ? c.accessKeyId : c.accessKeyId + QStringLiteral(" — ") + c.principalArn,
                              c.accessKeyId);
    if (const int i = m_credential->findData(cred); i >= 0)
        m_credential->setCurrentIndex(i);
}

AuthPanel::Mode AuthPanel::mode() const { return Mode(m_mode->currentIndex()); }
void AuthPanel::setMode(Mode mode) { m_mode->setCurrentIndex(int(mode)); }
void AuthPanel::setApiKeyId(const QString &keyId) { m_apiKey->setCurrentIndex(m_apiKey->findData(keyId)); }
void AuthPanel::setTokenAudience(const QString &audience) { m_audience->setText(audience); }
void AuthPanel::setTokenScopes(const QString &scopes) { m_scopes->setText(scopes); }
void AuthPanel::setTokenVariant(TokenVariant variant) { m_variant->setCurrentIndex(int(variant)); }
void AuthPanel::setCredential(const QString &accessKeyId) { m_credential->setCurrentIndex(m_credential->findData(accessKeyId)); }
void AuthPanel::setRegion(const QString &region) { m_region->setText(region); }
void AuthPanel::setIdentityProvider(Runtime::LocalIdentityProvider *provider) { m_provider = provider; }

Runtime::LocalIdentityProvider *AuthPanel::provider() const
{
    if (m_provider)
        return m_provider;
    if (!m_ownProvider)
        m_ownProvider = new Runtime::LocalIdentityProvider(QString(), const_cast<AuthPanel *>(this));
    return m_ownProvider;
}

static void setHeader(HeaderList &headers, const QByteArray &name, const QByteArray &value)
{
    for (auto &h : headers)
        if (h.first.compare(name, Qt::CaseInsensitive) == 0) {
            h.second = value;
            return;
        }
    headers.append(qMakePair(name, value));
}

HeaderList AuthPanel::sigV4Headers(const QByteArray &method, const QUrl &url, const HeaderList &headers,
                                   const QByteArray &body, const QByteArray &accessKeyId,
                                   const QByteArray &secret, const QByteArray &sessionToken,
                                   const QByteArray &region)
{
    Runtime::SigV4Request request;
    request.method = method;
    request.rawPath = url.path(QUrl::FullyEncoded).toUtf8();
    if (request.rawPath.isEmpty())
        request.rawPath = "/";
    request.rawQuery = url.query(QUrl::FullyEncoded).toUtf8();
    // Host exactly as the client sends it: with the port unless it is the scheme's default.
    const int defaultPort = url.scheme() == QLatin1String("https") ? 443 : 80;
    QByteArray host = url.host().toUtf8();
    if (url.port(defaultPort) != defaultPort)
        host += ':' + QByteArray::number(url.port());
    request.headers = {{"Host", host}};
    for (const auto &h : headers)
        if (h.first.compare("host", Qt::CaseInsensitive) != 0)
            request.headers.append(h);
    request.body = body;
    const Runtime::SigV4Signer signer({accessKeyId, secret, sessionToken}, region, "execute-api");
    const Runtime::SigV4SigningResult result = signer.signHeaders(request, QDateTime::currentDateTimeUtc());
    return result.signedRequest.headers;
}

bool AuthPanel::apply(const QByteArray &method, const QUrl &url, HeaderList &headers, const QByteArray &body,
                      QString *error) const
{
    const ApiDocument &doc = m_session->document();
    switch (mode()) {
    case Mode::None:
        return true;
    case Mode::ApiKey:
        for (const ApiKey &k : doc.apiKeys)
            if (k.id == m_apiKey->currentData().toString()) {
                setHeader(headers, "x-api-key", k.value.toUtf8());
                return true;
            }
        if (error)
            *error = tr("Choose one of the document's API keys.");
        return false;
    case Mode::Bearer: {
        Runtime::JwtMintOptions options;
        const QString audience = m_audience->text().trimmed();
        if (m_variant->currentIndex() == int(TokenVariant::WrongAudience))
            options.audiences = {QStringLiteral("wrong-audience-") + audience};
        else if (!audience.isEmpty())
            options.audiences = {audience};
        options.scopes = m_scopes->text().split(QRegularExpression(QStringLiteral("[\\s,]+")), Qt::SkipEmptyParts);
        options.expiresInSeconds = m_expiry->value();
        if (m_variant->currentIndex() == int(TokenVariant::Expired)) {
            // Issued two expiry periods ago: expired by the same span, past any clock skew.
            options.issuedAt = QDateTime::currentDateTimeUtc().addSecs(-2 * options.expiresInSeconds - 600);
        }
        const QByteArray token = provider()->mint(options, error);
        if (token.isEmpty())
            return false;
        setHeader(headers, "Authorization", "Bearer " + token);
        return true;
    }
    case Mode::SigV4:
        for (const IamCredential &c : doc.iamCredentials)
            if (c.accessKeyId == m_credential->currentData().toString()) {
                headers = sigV4Headers(method, url, headers, body, c.accessKeyId.toUtf8(),
                                       c.secretAccessKey.toUtf8(), c.sessionToken.toUtf8(),
                                       m_region->text().trimmed().toUtf8());
                return true;
            }
        if (error)
            *error = tr("Choose one of the document's IAM credentials.");
        return false;
    }
    return true;
}

} // namespace Gw::Ui
