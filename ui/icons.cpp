// The studio's icons.
#include "ui/icons.h"

#include <QApplication>
#include <QFile>
#include <QHash>
#include <QPainter>
#include <QPixmap>

namespace Gw::Ui::Icons {

QIcon named(const QString &name, QStyle::StandardPixmap fallback)
{
    static QHash<QString, QIcon> cache;
    const auto it = cache.constFind(name);
    if (it != cache.cend())
        return *it;
    const QString path = QLatin1String(":/icons/") + name + QLatin1String(".svg");
    QIcon icon = QFile::exists(path) ? QIcon(path) : QApplication::style()->standardIcon(fallback);
    cache.insert(name, icon);
    return icon;
}

QIcon forNode(NodeRef::Kind kind, Model::ApiType apiType)
{
    using Kind = NodeRef::Kind;
    switch (kind) {
    case Kind::Api:
        return apiType == Model::ApiType::WebSocket ? named(QStringLiteral("websocket"), QStyle::SP_DriveNetIcon)
                                                     : named(QStringLiteral("api"), QStyle::SP_DriveNetIcon);
    case Kind::Resource:
        return named(QStringLiteral("resource"), QStyle::SP_DirIcon);
    case Kind::Route:
        return named(QStringLiteral("route"), QStyle::SP_ArrowRight);
    case Kind::Authorizer:
        return named(QStringLiteral("authorizer"), QStyle::SP_DialogYesButton);
    case Kind::Model:
        return named(QStringLiteral("model"), QStyle::SP_FileDialogDetailedView);
    case Kind::Stage:
        return named(QStringLiteral("stage"), QStyle::SP_CommandLink);
    case Kind::Function:
        return named(QStringLiteral("function"), QStyle::SP_ComputerIcon);
    case Kind::UsagePlan:
        return named(QStringLiteral("usageplan"), QStyle::SP_FileDialogInfoView);
    case Kind::ApiKey:
        return named(QStringLiteral("apikey"), QStyle::SP_DialogApplyButton);
    case Kind::UsagePlanGroup:
    case Kind::ApiKeyGroup:
    case Kind::AuthorizerGroup:
    case Kind::ModelGroup:
    case Kind::StageGroup:
    case Kind::FunctionGroup:
        return named(QStringLiteral("group"), QStyle::SP_DirClosedIcon);
    case Kind::Method:
    case Kind::None:
        break;
    }
    return {};
}

QColor httpMethodColor(const QString &verb)
{
    const QString v = verb.toUpper();
    if (v == QLatin1String("GET"))
        return QColor(0x2a, 0x7f, 0xc9);
    if (v == QLatin1String("POST"))
        return QColor(0x2e, 0x9b, 0x4f);
    if (v == QLatin1String("PUT"))
        return QColor(0xd6, 0x8a, 0x12);
    if (v == QLatin1String("PATCH"))
        return QColor(0x8e, 0x5b, 0xc4);
    if (v == QLatin1String("DELETE"))
        return QColor(0xcf, 0x3b, 0x32);
    if (v == QLatin1String("ANY"))
        return QColor(0x44, 0x55, 0x66);
    return QColor(0x7a, 0x86, 0x92); // HEAD, OPTIONS, WebSocket routes
}

QIcon httpMethod(const QString &verb)
{
    static QHash<QString, QIcon> cache;
    const QString key = verb.toUpper();
    const auto it = cache.constFind(key);
    if (it != cache.cend())
        return *it;
    QIcon icon;
    for (int size : {16, 32}) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter p(&pixmap);
        p.setRenderHint(QPainter::Antialiasing);
        p.setPen(Qt::NoPen);
        p.setBrush(httpMethodColor(key));
        const qreal m = size * 0.18;
        p.drawRoundedRect(QRectF(m, m, size - 2 * m, size - 2 * m), size * 0.2, size * 0.2);
        p.setPen(Qt::white);
        QFont f = p.font();
        f.setPixelSize(int(size * 0.5));
        f.setBold(true);
        p.setFont(f);
        p.drawText(QRectF(0, 0, size, size), Qt::AlignCenter, key.left(1));
        p.end();
        icon.addPixmap(pixmap);
    }
    cache.insert(key, icon);
    return icon;
}

QIcon severity(int severity)
{
    QStyle *style = QApplication::style();
    switch (severity) {
    case 0:
        return style->standardIcon(QStyle::SP_MessageBoxCritical);
    case 1:
        return style->standardIcon(QStyle::SP_MessageBoxWarning);
    default:
        return style->standardIcon(QStyle::SP_MessageBoxInformation);
    }
}

} // namespace Gw::Ui::Icons
