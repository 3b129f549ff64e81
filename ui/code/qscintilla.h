// Includes QScintilla's headers in a QT_NO_KEYWORDS build (they use the `signals`/`slots` keywords).
#pragma once

#include <QtGlobal>

#ifdef QT_NO_KEYWORDS
#define signals Q_SIGNALS
#define slots Q_SLOTS
#define GW_QSCI_KEYWORDS_DEFINED
#endif

#include <Qsci/qscilexerjson.h>
#include <Qsci/qsciscintilla.h>

#ifdef GW_QSCI_KEYWORDS_DEFINED
#undef signals
#undef slots
#undef GW_QSCI_KEYWORDS_DEFINED
#endif
