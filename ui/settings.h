// Typed access to the user's settings (QSettings behind named accessors); UI state only, never
// anything that belongs in the project file.
#pragma once

#include <QByteArray>
#include <QSettings>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace Gw::Ui {

class Settings
{
public:
    // The application's settings (organization/application names of QCoreApplication).
    Settings();
    // An explicit INI file, for tests and portable setups.
    explicit Settings(const QString &iniPath);
    ~Settings();

    static constexpr int MaxRecentFiles = 10;
    static constexpr quint16 DefaultRuntimePort = 3000;

    QStringList recentFiles() const;
    void addRecentFile(const QString &path); // moves it to the front
    void removeRecentFile(const QString &path);
    void clearRecentFiles();

    quint16 runtimePort() const;
    void setRuntimePort(quint16 port);

    // The SQLite history the studio's runtime keeps (by default the one `serve` keeps);
    // empty: in-memory traces only. Retention: newest `count` calls (0: no limit), `days` (0: any).
    static constexpr int DefaultHistoryRetainCount = 100000;
    QString historyPath() const;
    void setHistoryPath(const QString &path);
    int historyRetainCount() const;
    int historyRetainDays() const;
    void setHistoryRetention(int count, int days);

    // The colour theme: follow the system, or always light / dark.
    enum class Theme { System, Light, Dark };
    Theme theme() const;
    void setTheme(Theme theme);
    static QString themeName(Theme theme);               // "system", "light", "dark"
    static std::optional<Theme> themeFromName(const QString &name);

    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray &geometry);
    QByteArray windowState() const;
    void setWindowState(const QByteArray &state);

    void sync();

private:
    void setRecentFiles(const QStringList &files);

    std::unique_ptr<QSettings> m_settings;
};

} // namespace Gw::Ui
