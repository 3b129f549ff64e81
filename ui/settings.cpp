// Typed access to the user's settings.
#include "ui/settings.h"

#include "runtime/trace/tracestore.h"

#include <QFileInfo>

namespace Gw::Ui {

namespace {
const char RecentFilesKey[] = "recentFiles";
const char RuntimePortKey[] = "runtime/port";
const char GeometryKey[] = "mainWindow/geometry";
const char StateKey[] = "mainWindow/state";
const char ThemeKey[] = "appearance/theme";
const char HistoryPathKey[] = "history/path";
const char HistoryRetainCountKey[] = "history/retainCount";
const char HistoryRetainDaysKey[] = "history/retainDays";
} // namespace

Settings::Settings()
    : m_settings(std::make_unique<QSettings>())
{}

Settings::Settings(const QString &iniPath)
    : m_settings(std::make_unique<QSettings>(iniPath, QSettings::IniFormat))
{}

Settings::~Settings() = default;

QStringList Settings::recentFiles() const
{
    return m_settings->value(QLatin1String(RecentFilesKey)).toStringList();
}

void Settings::addRecentFile(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList files = recentFiles();
    files.removeAll(absolute);
    files.prepend(absolute);
    while (files.size() > MaxRecentFiles)
        files.removeLast();
    setRecentFiles(files);
}

void Settings::removeRecentFile(const QString &path)
{
    QStringList files = recentFiles();
    files.removeAll(QFileInfo(path).absoluteFilePath());
    setRecentFiles(files);
}

void Settings::clearRecentFiles()
{
    setRecentFiles({});
}

void Settings::setRecentFiles(const QStringList &files)
{
    m_settings->setValue(QLatin1String(RecentFilesKey), files);
}

quint16 Settings::runtimePort() const
{
    bool ok = false;
    const int port = m_settings->value(QLatin1String(RuntimePortKey), DefaultRuntimePort).toInt(&ok);
    return ok && port >= 0 && port <= 65535 ? quint16(port) : DefaultRuntimePort;
}

void Settings::setRuntimePort(quint16 port)
{
    m_settings->setValue(QLatin1String(RuntimePortKey), port);
}

QString Settings::historyPath() const
{
    if (!m_settings->contains(QLatin1String(HistoryPathKey)))
        return Runtime::TraceStore::defaultPath(); // the same store `apigw-studio serve` keeps
    return m_settings->value(QLatin1String(HistoryPathKey)).toString();
}

void Settings::setHistoryPath(const QString &path)
{
    m_settings->setValue(QLatin1String(HistoryPathKey), path);
}

int Settings::historyRetainCount() const
{
    return qMax(0, m_settings->value(QLatin1String(HistoryRetainCountKey), DefaultHistoryRetainCount).toInt());
}

int Settings::historyRetainDays() const
{
    return qMax(0, m_settings->value(QLatin1String(HistoryRetainDaysKey), 0).toInt());
}

void Settings::setHistoryRetention(int count, int days)
{
    m_settings->setValue(QLatin1String(HistoryRetainCountKey), qMax(0, count));
    m_settings->setValue(QLatin1String(HistoryRetainDaysKey), qMax(0, days));
}

Settings::Theme Settings::theme() const
{
    return themeFromName(m_settings->value(QLatin1String(ThemeKey)).toString()).value_or(Theme::System);
}

void Settings::setTheme(Theme theme)
{
    m_settings->setValue(QLatin1String(ThemeKey), themeName(theme));
}

QString Settings::themeName(Theme theme)
{
    switch (theme) {
    case Theme::Light:
        return QStringLiteral("light");
    case Theme::Dark:
        return QStringLiteral("dark");
    case Theme::System:
        break;
    }
    return QStringLiteral("system");
}

std::optional<Settings::Theme> Settings::themeFromName(const QString &name)
{
    for (Theme t : {Theme::System, Theme::Light, Theme::Dark})
        if (name.compare(themeName(t), Qt::CaseInsensitive) == 0)
            return t;
    return std::nullopt;
}

QByteArray Settings::windowGeometry() const
{
    return m_settings->value(QLatin1String(GeometryKey)).toByteArray();
}

void Settings::setWindowGeometry(const QByteArray &geometry)
{
    m_settings->setValue(QLatin1String(GeometryKey), geometry);
}

QByteArray Settings::windowState() const
{
    return m_settings->value(QLatin1String(StateKey)).toByteArray();
}

void Settings::setWindowState(const QByteArray &state)
{
    m_settings->setValue(QLatin1String(StateKey), state);
}

void Settings::sync()
{
    m_settings->sync();
}

} // namespace Gw::Ui
