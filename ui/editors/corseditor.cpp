// CORS for HTTP APIs and REST's "Enable CORS" action (API Gateway developer guide: "Configuring
// CORS for an HTTP API", "Enabling CORS for a REST API resource").
#include "ui/editors/corseditor.h"

#include "model/actions/restcors.h"

#include "model/documentsession.h"
#include "ui/editors/fieldbinder.h"
#include "ui/editors/sectiontitle.h"
#include "ui/models/documentedits.h"
#include "ui/models/nodelookup.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QRegularExpression>
#include <QUrl>

namespace Gw::Ui {

using namespace Gw::Model;

namespace {

QStringList splitList(const QString &v)
{
    QStringList out;
    for (const QString &p : v.split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (!p.trimmed().isEmpty())
            out << p.trimmed();
    return out;
}

const Api *apiOf(const ApiDocument &d, const NodeRef &ref)
{
    return Lookup::api(d, ref.apiId);
}

} // namespace

CorsEditor::CorsEditor(DocumentSession *session, const NodeRef &ref, QWidget *parent)
    : QWidget(parent)
{
    auto *form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setLabelAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_binder = new FieldBinder(session, ref, form, this);
    m_binder->setScope(QStringLiteral("cors"));
    auto enabled = [ref](const ApiDocument &d) { return apiOf(d, ref) && apiOf(d, ref)->cors.has_value(); };
    auto list = [ref](QStringList CorsConfiguration::*member) {
        return [ref, member](const ApiDocument &d) {
            const Api *a = apiOf(d, ref);
            return a && a->cors ? ((*a->cors).*member).join(QStringLiteral(", ")) : QString();
        };
    };
    auto setList = [ref](QStringList CorsConfiguration::*member) {
        return [ref, member](ApiDocument &d, const QString &v) {
            if (Api *a = Lookup::api(d, ref.apiId); a && a->cors)
                (*a->cors).*member = splitList(v);
        };
    };

    form->addRow(sectionTitle(tr("CORS"), tr("The gateway answers preflight requests itself and adds the "
                                             "Access-Control-* headers to responses.")));
    m_binder->check(tr("Configure CORS:"), QStringLiteral("corsEnabled"), QStringLiteral("enabled"), enabled,
                    [ref](ApiDocument &d, bool on) {
                        Api *a = Lookup::api(d, ref.apiId);
                        if (!a)
                            return;
                        if (on && !a->cors) {
                            CorsConfiguration c;
                            c.allowOrigins = {QStringLiteral("*")};
                            c.allowMethods = {QStringLiteral("GET"), QStringLiteral("POST"), QStringLiteral("OPTIONS")};
                            c.allowHeaders = {QStringLiteral("content-type"), QStringLiteral("authorization")};
                            a->cors = c;
                        } else if (!on) {
                            a->cors.reset();
                        }
                    });
    m_binder->lineEdit(tr("Allow origins:"), QStringLiteral("corsAllowOrigins"), QStringLiteral("allowOrigins"),
                       list(&CorsConfiguration::allowOrigins), setList(&CorsConfiguration::allowOrigins),
                       [ref](const ApiDocument &d, const QString &v) {
                           const QStringList origins = splitList(v);
                           if (origins.isEmpty())
                               return tr("Name the origins allowed to call, or * for any.");
                           for (const QString &o : origins) {
                               if (o == QLatin1String("*"))
                                   continue;
                               const QUrl url(o, QUrl::StrictMode);
                               if (!url.isValid() || url.host().isEmpty() || !url.path().isEmpty()
                                   || !(url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https")))
                                   return tr("\"%1\" is not an origin (scheme://host[:port], no path).").arg(o);
                           }
                           const Api *a = apiOf(d, ref);
                           if (a && a->cors && a->cors->allowCredentials && origins.contains(QStringLiteral("*")))
                               return tr("Browsers refuse credentials with origin *: name the origins.");
                           return QString();
                       },
                       enabled)
        ->setPlaceholderText(QStringLiteral("https://app.example.com"));
    m_binder->lineEdit(tr("Allow methods:"), QStringLiteral("corsAllowMethods"), QStringLiteral("allowMethods"),
                       list(&CorsConfiguration::allowMethods), setList(&CorsConfiguration::allowMethods),
                       [](const ApiDocument &, const QString &v) {
                           QStringList verbs = Edits::restMethods();
                           verbs << QStringLiteral("*");
                           for (const QString &m : splitList(v))
                               if (!verbs.contains(m))
                                   return tr("\"%1\" is not an HTTP method (or *).").arg(m);
                           return QString();
                       },
                       enabled)
        ->setPlaceholderText(QStringLiteral("GET, POST, OPTIONS"));
    m_binder->lineEdit(tr("Allow headers:"), QStringLiteral("corsAllowHeaders"), QStringLiteral("allowHeaders"),
                       list(&CorsConfiguration::allowHeaders), setList(&CorsConfiguration::allowHeaders), {}, enabled)
        ->setPlaceholderText(QStringLiteral("content-type, authorization"));
    m_binder->lineEdit(tr("Expose headers:"), QStringLiteral("corsExposeHeaders"), QStringLiteral("exposeHeaders"),
                       list(&CorsConfiguration::exposeHeaders), setList(&CorsConfiguration::exposeHeaders), {}, enabled);
    m_binder->lineEdit(tr("Max age (s):"), QStringLiteral("corsMaxAge"), QStringLiteral("maxAge"),
                       [ref](const ApiDocument &d) {
                           const Api *a = apiOf(d, ref);
                           return a && a->cors && a->cors->maxAge >= 0 ? QString::number(a->cors->maxAge) : QString();
                       },
                       [ref](ApiDocument &d, const QString &v) {
                           if (Api *a = Lookup::api(d, ref.apiId); a && a->cors) {
                               bool ok = false;
                               const int n = v.trimmed().toInt(&ok);
                               a->cors->maxAge = ok && n >= 0 ? n : -1;
                           }
                       },
                       [](const ApiDocument &, const QString &v) {
                           if (v.trimmed().isEmpty())
                               return QString();
                           bool ok = false;
                           const int n = v.trimmed().toInt(&ok);
                           return ok && n >= 0 && n <= 86400 ? QString() : tr("Seconds from 0 to 86400, or empty.");
                       },
                       enabled)
        ->setPlaceholderText(tr("not sent"));
    m_binder->check(tr("Allow credentials:"), QStringLiteral("corsAllowCredentials"), QStringLiteral("allowCredentials"),
                    [ref](const ApiDocument &d) {
                        const Api *a = apiOf(d, ref);
                        return a && a->cors && a->cors->allowCredentials;
                    },
                    [ref](ApiDocument &d, bool on) {
                        if (Api *a = Lookup::api(d, ref.apiId); a && a->cors)
                            a->cors->allowCredentials = on;
                    },
                    enabled);
    m_binder->refresh();
}

bool CorsEditor::enableRestCors(ApiDocument &doc, const QString &apiId, const QString &resourceId, const QString &origin)
{
    return Model::enableRestCors(doc, apiId, resourceId, origin);
}

} // namespace Gw::Ui
