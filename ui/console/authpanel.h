// The composer's auth helpers: an API key from the document, a Bearer token minted by the local
// identity provider (with one-click "expired" and "wrong audience" variants), or SigV4 signing
// with one of the document's local IAM credentials, applied to the request at send time.
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QUrl>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QStackedWidget;

namespace Gw::Model {
class DocumentSession;
}
namespace Gw::Runtime {
class LocalIdentityProvider;
}

namespace Gw::Ui {

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

class AuthPanel : public QWidget
{
    Q_OBJECT
public:
    enum class Mode { None, ApiKey, Bearer, SigV4 };
    enum class TokenVariant { Valid, Expired, WrongAudience };

    explicit AuthPanel(Model::DocumentSession *session, QWidget *parent = nullptr);
    ~AuthPanel() override;

    Mode mode() const;
    void setMode(Mode mode);
    void setApiKeyId(const QString &keyId);
    void setTokenAudience(const QString &audience);
    void setTokenScopes(const QString &scopes);
    void setTokenVariant(TokenVariant variant);
    void setCredential(const QString &accessKeyId);
    void setRegion(const QString &region);
    // The provider that mints tokens; by default one over its default key directory.
    void setIdentityProvider(Runtime::LocalIdentityProvider *provider);

    // Headers to add for this request (signing covers the given headers and body). On error
    // returns false and sets `error`.
    bool apply(const QByteArray &method, const QUrl &url, HeaderList &headers, const QByteArray &body,
               QString *error) const;

    // Pure signing helper, shared with tests: adds X-Amz-Date, X-Amz-Security-Token and Authorization.
    static HeaderList sigV4Headers(const QByteArray &method, const QUrl &url, const HeaderList &headers,
                                   const QByteArray &body, const QByteArray &accessKeyId,
                                   const QByteArray &secret, const QByteArray &sessionToken,
                                   const QByteArray &region);

private:
    void refreshFromDocument();
    Runtime::LocalIdentityProvider *provider() const;

    Model::DocumentSession *m_session;
    QComboBox *m_mode;
    QStackedWidget *m_pages;
    QComboBox *m_apiKey;
    QLineEdit *m_audience;
    QLineEdit *m_scopes;
    QSpinBox *m_expiry;
    QComboBox *m_variant;
    QComboBox *m_credential;
    QLineEdit *m_region;
    QLabel *m_hint;
    Runtime::LocalIdentityProvider *m_provider = nullptr;
    mutable Runtime::LocalIdentityProvider *m_ownProvider = nullptr;
};

} // namespace Gw::Ui
