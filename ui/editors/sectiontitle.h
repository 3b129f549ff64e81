// A bold section heading with a grey line of explanation, used between the rows of the editors.
#pragma once

#include <QLabel>

namespace Gw::Ui {

inline QLabel *sectionTitle(const QString &title, const QString &explanation = {})
{
    auto *label = new QLabel(QStringLiteral("<div style='margin-top:8px'><b>%1</b>%2</div>")
                                 .arg(title.toHtmlEscaped(),
                                      explanation.isEmpty()
                                          ? QString()
                                          : QStringLiteral("<br><span style='color:#6b7280'>%1</span>")
                                                .arg(explanation.toHtmlEscaped())));
    label->setWordWrap(true);
    return label;
}

} // namespace Gw::Ui
