// Stage variable substitution in integration URIs and Lambda function names.
#include "runtime/stagevariables.h"

#include <QRegularExpression>

namespace Gw::Runtime {

QString substituteStageVariables(const QString &text, const QMap<QString, QString> &variables,
                                 QStringList *missing)
{
    if (!text.contains(QLatin1String("${stageVariables.")))
        return text;
    static const QRegularExpression reference(QStringLiteral(R"(\$\{stageVariables\.([A-Za-z0-9_]+)\})"));
    QString out;
    qsizetype last = 0;
    auto it = reference.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        out += QStringView(text).mid(last, m.capturedStart() - last);
        const QString name = m.captured(1);
        const auto value = variables.constFind(name);
        if (value == variables.cend()) {
            if (missing)
                missing->append(name);
        } else {
            out += *value;
        }
        last = m.capturedEnd();
    }
    out += QStringView(text).mid(last);
    return out;
}

} // namespace Gw::Runtime
