// Light and dark palettes for the whole application, following the system or the user's choice
// (View ▸ Theme). The code editors follow the palette they get (CodeTheme).
#pragma once

#include "ui/settings.h"

#include <QPalette>

namespace Gw::Ui::Theme {

// The studio's dark palette (Fusion-like greys, the house blue as highlight).
QPalette darkPalette();
// The palette the application started with (the system's), captured on first use.
QPalette systemPalette();
// Applies the theme to the application palette: System restores the system's palette (dark
// when the desktop is dark), Light the style's standard light palette, Dark darkPalette().
void apply(Settings::Theme theme);
// Whether the application palette is dark right now (its window colour is).
bool isDark();

} // namespace Gw::Ui::Theme
