// Method Request: authorization, validation and the declared request shape.
#include "ui/editors/methodrequesteditor.h"

#include "model/documentsession.h"
#include "ui/editors/fieldbinder.h"
#include "ui/editors/mappingchecks.h"
#include "ui/editors/methodaccess.h"
#include "ui/editors/sectiontitle.h"
#include "ui/editors/tableeditor.h"
#include "ui/models/maptablemodel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QLineEdit>

namespace Gw::Ui {

using namespace Gw::Model;
using Items = FieldBinder::Items;

namespace {

struct ValidatorPreset
{
    QString name;
    bool body;
    bool parameters;
};

// The validators the AWS console offers on a method request (by these names).
QList<ValidatorPreset> validatorPresets()
{
    return {{QStringLiteral("Validate body"), true, false},
            {QStringLiteral("Validate query string parameters and headers"), false, true},
            {QStringLiteral("Validate body, query string parameters, and headers"), true, true}};
}

} // namespace

namespace {

bool needsAuthorizer(AuthorizationType t)
{
    return t == AuthorizationType::Custom || t == AuthorizationType::CognitoUserPools;
}

} // namespace

MethodRequestEditor::MethodRequestEditor(DocumentSession *session, const NodeRef &ref, QWidget *parent)
    : QWidget(parent)
{
    auto *form = new QFormLayout(this);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setLabelAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_binder = new FieldBinder(session, ref, form, this);
    auto method = [ref](const ApiDocument &d) { return methodOf(d, ref); };
    auto edit = [ref](const std::function<void(Method &, const QString &)> &f) {
        return [ref, f](ApiDocument &d, const QString &v) {
            if (Method *m = methodOf(d, ref))
                f(*m, v);
        };
    };

    form->addRow(sectionTitle(tr("Settings"), tr("Checked by the authorize, apiKey and validate steps.")));
    m_binder->combo(
        tr("Authorization:"), QStringLiteral("authorizationType"), QStringLiteral("authorizationType"),
        [](const ApiDocument &) {
            return Items{{tr("None"), toString(AuthorizationType::None)},
                         {tr("AWS IAM (SigV4)"), toString(AuthorizationType::AwsIam)},
                         {tr("Lambda authorizer"), toString(AuthorizationType::Custom)},
                         {tr("Cognito user pool authorizer"), toString(AuthorizationType::CognitoUserPools)}};
        },
        [method](const ApiDocument &d) { return method(d) ? toString(method(d)->authorizationType) : QString(); },
        edit([](Method &m, const QString &v) {
            if (const auto t = authorizationTypeFromString(v)) {
                m.authorizationType = *t;
                if (!needsAuthorizer(*t))
                    m.authorizerId.clear();
            }
        }));
    m_binder->combo(
        tr("Authorizer:"), QStringLiteral("authorizerId"), QStringLiteral("authorizerId"),
        [ref](const ApiDocument &d) {
            Items items{{tr("(choose one)"), QString()}};
            const Method *m = methodOf(d, ref);
            if (const Api *api = Lookup::api(d, ref.apiId); api && m)
                for (const Authorizer &a : api->authorizers) {
                    const bool cognito = a.type == AuthorizerType::CognitoUserPools;
                    if (cognito == (m->authorizationType == AuthorizationType::CognitoUserPools))
                        items << qMakePair(a.name + QStringLiteral("  (") + toString(a.type) + QLatin1Char(')'), a.id);
                }
            return items;
        },
        [method](const ApiDocument &d) { return method(d) ? method(d)->authorizerId : QString(); },
        edit([](Method &m, const QString &v) { m.authorizerId = v; }),
        [method](const ApiDocument &d) { return method(d) && needsAuthorizer(method(d)->authorizationType); });
    m_binder->lineEdit(
        tr("OAuth scopes:"), QStringLiteral("authorizationScopes"), QStringLiteral("authorizationScopes"),
        [method](const ApiDocument &d) { return method(d) ? method(d)->authorizationScopes.join(QStringLiteral(", ")) : QString(); },
        edit([](Method &m, const QString &v) {
            QStringList scopes;
            for (const QString &s : v.split(QLatin1Char(','), Qt::SkipEmptyParts))
                if (!s.trimmed().isEmpty())
                    scopes << s.trimmed();
            m.authorizationScopes = scopes;
        }),
        {},
        [method](const ApiDocument &d) { return method(d) && method(d)->authorizationType == AuthorizationType::CognitoUserPools; })
        ->setPlaceholderText(QStringLiteral("email, pets/read"));
    m_binder->check(tr("API key required:"), QStringLiteral("apiKeyRequired"), QStringLiteral("apiKeyRequired"),
                    [method](const ApiDocument &d) { return method(d) && method(d)->apiKeyRequired; },
                    [ref](ApiDocument &d, bool on) {
                        if (Method *m = methodOf(d, ref))
                            m->apiKeyRequired = on;
                    });
    m_binder->combo(
        tr("Request validator:"), QStringLiteral("requestValidator"), QStringLiteral("requestValidatorId"),
        [ref](const ApiDocument &d) {
            Items items{{tr("None"), QString()}};
            const Api *api = Lookup::api(d, ref.apiId);
            if (api)
                for (const RequestValidator &v : api->requestValidators)
                    items << qMakePair(v.name, v.id);
            // As in the AWS console: the three usual validators, created when first chosen.
            for (const auto &preset : validatorPresets()) {
                bool exists = false;
                if (api)
                    for (const RequestValidator &v : api->requestValidators)
                        exists = exists || v.name == preset.name;
                if (!exists)
                    items << qMakePair(preset.name, QString(QStringLiteral("preset:") + preset.name));
            }
            return items;
        },
        [method](const ApiDocument &d) { return method(d) ? method(d)->requestValidatorId : QString(); },
        [ref](ApiDocument &d, const QString &v) {
            Method *m = methodOf(d, ref);
            Api *api = Lookup::api(d, ref.apiId);
            if (!m || !api)
                return;
            if (!v.startsWith(QLatin1String("preset:"))) {
                m->requestValidatorId = v;
                return;
            }
            for (const auto &preset : validatorPresets())
                if (QString(QStringLiteral("preset:") + preset.name) == v) {
                    RequestValidator created;
                    created.id = newId(QStringLiteral("val"));
                    created.name = preset.name;
                    created.validateRequestBody = preset.body;
                    created.validateRequestParameters = preset.parameters;
                    api->requestValidators << created;
                    m->requestValidatorId = created.id;
                }
        });
    m_binder->help(tr("A validator checks the declared parameters and/or the body against its model "
                      "before the integration runs; a failed check answers 400 BAD_REQUEST_PARAMETERS / "
                      "BAD_REQUEST_BODY."));
    m_binder->lineEdit(tr("Operation name:"), QStringLiteral("operationName"), QStringLiteral("operationName"),
                       [method](const ApiDocument &d) { return method(d) ? method(d)->operationName : QString(); },
                       edit([](Method &m, const QString &v) { m.operationName = v; }))
        ->setPlaceholderText(QStringLiteral("GetPets"));

    form->addRow(sectionTitle(tr("Request parameters"),
                              tr("Path, query string and header parameters the method declares; "
                                 "required ones are checked when the validator validates parameters.")));
    m_parameters = new MapTableModel(session, tr("request parameter"), MapTableModel::ValueKind::Flag,
                                     {tr("Name"), tr("Required")}, this);
    m_parameters->setObjectName(QStringLiteral("requestParametersModel"));
    m_parameters->setNewEntry(QStringLiteral("method.request.querystring.name"), QStringLiteral("false"));
    m_parameters->bind(
        [ref](const ApiDocument &d) {
            MapTableModel::Map map;
            if (const Method *m = methodOf(d, ref))
                for (auto it = m->requestParameters.cbegin(); it != m->requestParameters.cend(); ++it)
                    map.insert(it.key(), it.value() ? QStringLiteral("true") : QStringLiteral("false"));
            return map;
        },
        [ref](ApiDocument &d, const MapTableModel::Map &map) {
            Method *m = methodOf(d, ref);
            if (!m)
                return false;
            m->requestParameters.clear();
            for (auto it = map.cbegin(); it != map.cend(); ++it)
                m->requestParameters.insert(it.key(), it.value() == QLatin1String("true"));
            return true;
        });
    m_parameters->setKeyCheck([ref](const ApiDocument &d, const QString &key, const QString &) {
        const Api *api = Lookup::api(d, ref.apiId);
        const QString resource = api ? Lookup::resourceOfMethod(*api, ref.id) : QString();
        return Checks::methodRequestParameter(key, api ? resourcePath(*api, resource) : QString());
    });
    auto *parameters = new TableEditor(m_parameters, tr("Add parameter"));
    parameters->setObjectName(QStringLiteral("requestParametersTable"));
    form->addRow(parameters);

    form->addRow(sectionTitle(tr("Request body"), tr("The model the body must match, by content type.")));
    m_models = new MapTableModel(session, tr("request model"), MapTableModel::ValueKind::Text,
                                 {tr("Content type"), tr("Model")}, this);
    m_models->setObjectName(QStringLiteral("requestModelsModel"));
    m_models->setNewEntry(QStringLiteral("application/json"), QStringLiteral("Empty"));
    m_models->bind(
        [ref](const ApiDocument &d) {
            const Method *m = methodOf(d, ref);
            return m ? m->requestModels : MapTableModel::Map();
        },
        [ref](ApiDocument &d, const MapTableModel::Map &map) {
            Method *m = methodOf(d, ref);
            if (!m)
                return false;
            m->requestModels = map;
            return true;
        });
    m_models->setKeyCheck([](const ApiDocument &, const QString &key, const QString &) { return Checks::contentType(key); });
    m_models->setValueCheck([ref](const ApiDocument &d, const QString &, const QString &value) {
        const Api *api = Lookup::api(d, ref.apiId);
        // "Empty" and "Error" are the models every AWS API has.
        if (!api || value == QLatin1String("Empty") || value == QLatin1String("Error"))
            return QString();
        return Checks::modelName(*api, value);
    });
    auto *models = new TableEditor(m_models, tr("Add model"));
    models->setObjectName(QStringLiteral("requestModelsTable"));
    form->addRow(models);

    m_binder->addStretch();
    m_binder->refresh();
}

} // namespace Gw::Ui
