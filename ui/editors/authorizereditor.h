// The authorizer editor: the fields AWS has for each kind of authorizer — Lambda TOKEN and REQUEST
// (REST), Lambda REQUEST with payload 1.0/2.0 and simple responses (HTTP API), JWT (HTTP API),
// Cognito user pools (REST) — with inline help, checks while typing, the local identity provider
// one click away, and the local IAM credentials SigV4 callers sign with.
#pragma once

#include "ui/models/noderef.h"

#include <QWidget>

class QPushButton;

namespace Gw::Model {
class DocumentSession;
}

namespace Gw::Ui {

class FieldBinder;
class MapTableModel;

class AuthorizerEditor : public QWidget
{
    Q_OBJECT
public:
    // The issuer of the studio's local identity provider (serves JWKS and issues test tokens).
    static QString localIssuer() { return QStringLiteral("http://127.0.0.1:9400/"); }

    AuthorizerEditor(Model::DocumentSession *session, const NodeRef &authorizer, QWidget *parent = nullptr);

    QPushButton *useLocalIdentityProviderButton() const { return m_useLocal; }
    MapTableModel *iamCredentialsModel() const { return m_iam; }

private:
    FieldBinder *m_binder;
    QPushButton *m_useLocal;
    MapTableModel *m_iam;
};

} // namespace Gw::Ui
