// Light and dark palettes for the whole application.
#include "ui/theme.h"

#include "ui/code/codetheme.h"

#include <QApplication>
#include <QEvent>
#include <QStyle>

namespace Gw::Ui::Theme {

QPalette systemPalette()
{
    static const QPalette initial = QApplication::palette();
    return initial;
}

QPalette darkPalette()
{
    QPalette p;
    const QColor window(0x2b, 0x2d, 0x30);
    const QColor base(0x1e, 0x1f, 0x22);
    const QColor text(0xdf, 0xe1, 0xe5);
    const QColor disabled(0x7f, 0x84, 0x8c);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x26, 0x28, 0x2c));
    p.setColor(QPalette::ToolTipBase, QColor(0x3c, 0x3f, 0x44));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, disabled);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x35, 0x38, 0x3c));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(0xff, 0x6b, 0x6b));
    p.setColor(QPalette::Light, QColor(0x45, 0x48, 0x4d));
    p.setColor(QPalette::Midlight, QColor(0x3a, 0x3d, 0x41));
    p.setColor(QPalette::Mid, QColor(0x2f, 0x31, 0x35));
    p.setColor(QPalette::Dark, QColor(0x19, 0x1a, 0x1c));
    p.setColor(QPalette::Shadow, QColor(0x10, 0x10, 0x10));
    p.setColor(QPalette::Highlight, QColor(0x2a, 0x7f, 0xc9));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x6c, 0xb6, 0xff));
    p.setColor(QPalette::LinkVisited, QColor(0xb3, 0x92, 0xf0));
    for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabled);
    p.setColor(QPalette::Disabled, QPalette::Base, window);
    p.setColor(QPalette::Disabled, QPalette::Highlight, QColor(0x45, 0x48, 0x4d));
    return p;
}

void apply(Settings::Theme theme)
{
    const QPalette system = systemPalette(); // capture before the first change
    switch (theme) {
    case Settings::Theme::System:
        QApplication::setPalette(system);
        break;
    case Settings::Theme::Light:
        // The system's palette when it is light already, else the style's standard light one.
        QApplication::setPalette(CodeTheme::isDark(system) ? QApplication::style()->standardPalette() : system);
        break;
    case Settings::Theme::Dark:
        QApplication::setPalette(darkPalette());
        break;
    }
    // Qt posts the change to the windows: deliver it now, so every widget (and code editor) has
    // its new colours when this returns.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::ApplicationPaletteChange);
}

bool isDark()
{
    return CodeTheme::isDark(QApplication::palette());
}

} // namespace Gw::Ui::Theme
