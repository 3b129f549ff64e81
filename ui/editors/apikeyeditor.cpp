// The API key editor. AWS requires key values of 20 to 128 characters, unique across keys.
#include "ui/editors/apikeyeditor.h"

#include "model/documentsession.h"
#include "ui/editors/fieldbinder.h"
#include "ui/editors/sectiontitle.h"
#include "ui/models/documentedits.h"
#include "ui/models/nodelookup.h"

#include <QFormLayout>
#include <QLineEdit>
#include <QPushButton>

namespace Gw::Ui {

using namespace Gw::Model;

ApiKeyEditor::ApiKeyEditor(DocumentSession *session, const NodeRef &ref, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_key(ref)
{
    auto *form = new QFormLayout(this);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setLabelAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_binder = new FieldBinder(session, ref, form, this);
    auto get = [ref](const ApiDocument &d) { return Lookup::apiKey(d, ref.id); };

    form->addRow(sectionTitle(tr("API key"), tr("Callers send the value in the x-api-key header; methods "
                                                "that require a key check it against the usage plans.")));
    m_binder->lineEdit(tr("Name:"), QStringLiteral("apiKeyName"), QStringLiteral("name"),
                       [get](const ApiDocument &d) { return get(d) ? get(d)->name : QString(); },
                       [ref](ApiDocument &d, const QString &v) {
                           if (ApiKey *k = Lookup::apiKey(d, ref.id))
                               k->name = v;
                       },
                       [](const ApiDocument &, const QString &v) {
                           return v.trimmed().isEmpty() ? tr("A key needs a name.") : QString();
                       });
    m_binder->lineEdit(tr("Value:"), QStringLiteral("apiKeyValue"), QStringLiteral("value"),
                       [get](const ApiDocument &d) { return get(d) ? get(d)->value : QString(); },
                       [ref](ApiDocument &d, const QString &v) {
                           if (ApiKey *k = Lookup::apiKey(d, ref.id))
                               k->value = v;
                       },
                       [ref](const ApiDocument &d, const QString &v) {
                           if (v.size() < 20 || v.size() > 128)
                               return tr("AWS requires 20 to 128 characters (this is %1).").arg(v.size());
                           for (const ApiKey &k : d.apiKeys)
                               if (k.id != ref.id && k.value == v)
                                   return tr("Key %1 has the same value; values must be unique.").arg(k.name);
                           return QString();
                       });
    auto *generate = new QPushButton(tr("Generate"));
    generate->setObjectName(QStringLiteral("apiKeyGenerate"));
    generate->setToolTip(tr("Replace the value with 40 random letters and digits"));
    connect(generate, &QPushButton::clicked, this, &ApiKeyEditor::generateValue);
    m_binder->row(QString(), generate, {}, true);
    m_binder->check(tr("Enabled:"), QStringLiteral("apiKeyEnabled"), QStringLiteral("enabled"),
                    [get](const ApiDocument &d) { return get(d) && get(d)->enabled; },
                    [ref](ApiDocument &d, bool on) {
                        if (ApiKey *k = Lookup::apiKey(d, ref.id))
                            k->enabled = on;
                    });
    m_binder->help(tr("A disabled key is refused with 403, as AWS does."));
    m_binder->addStretch();
    m_binder->refresh();
}

void ApiKeyEditor::generateValue()
{
    const QString value = Edits::generateApiKeyValue();
    const NodeRef ref = m_key;
    // Its own undo step: a generated value never merges into typing in the field.
    m_session->edit(tr("Generate API key value"), [ref, value](ApiDocument &d) {
        if (ApiKey *k = Lookup::apiKey(d, ref.id))
            k->value = value;
    });
}

} // namespace Gw::Ui
