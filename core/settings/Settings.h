#pragma once
// The user's preferences (last and recent workspaces, language, runner defaults), typed, over
// QSettings. Secrets never go here: they belong to a SecretStore.

#include "Error.h"

#include <QString>
#include <QStringList>

#include <memory>

class QSettings;

namespace swb {

class Settings {
public:
    static constexpr int kMaxRecentWorkspaces = 10;
    static constexpr int kDefaultConcurrencyLimit = 10;
    static constexpr int kMaxConcurrencyLimit = 1000; // Lambda's default account limit
    static constexpr int kDefaultKeepAliveSeconds = 600;
    static constexpr int kMaxKeepAliveSeconds = 24 * 60 * 60;

    // Reads and writes `settings`, which must outlive this object.
    explicit Settings(QSettings& settings);
    // Reads and writes the INI file at `iniPath` (tests use a temporary one).
    explicit Settings(const QString& iniPath);
    ~Settings();
    Settings(const Settings&) = delete;
    Settings& operator=(const Settings&) = delete;

    // The folder as stored, even if it no longer exists: the caller tells the user so.
    QString lastWorkspace() const;
    void setLastWorkspace(const QString& folder);

    // Most recent first, at most kMaxRecentWorkspaces, only folders that still exist.
    QStringList recentWorkspaces() const;
    // Moves (or adds) `folder` to the front of the list.
    void addRecentWorkspace(const QString& folder);
    void removeRecentWorkspace(const QString& folder);
    void clearRecentWorkspaces();

    // A locale name such as "de" or "pt_BR"; empty means the system's language.
    QString languageOverride() const;
    void setLanguageOverride(const QString& locale);

    // The window's colours: "system" (the desktop's palette, the default), "light" or "dark".
    // Anything else stored reads as "system".
    QString theme() const;
    Result<void> setTheme(const QString& theme);
    static QStringList themes();

    // Default for the local runner's concurrent instances per function (1..kMaxConcurrencyLimit).
    int concurrencyLimit() const;
    Result<void> setConcurrencyLimit(int limit);
    // How long the local runner keeps an idle instance warm (0..kMaxKeepAliveSeconds; 0 = never).
    int keepAliveSeconds() const;
    Result<void> setKeepAliveSeconds(int seconds);

    // The author the window's commits use when git's configuration names none (user.name,
    // user.email): the last one typed in the commit dialog. Empty until then.
    QString commitAuthorName() const;
    QString commitAuthorEmail() const;
    void setCommitAuthor(const QString& name, const QString& email);

    // The port the window's gateway serves on (Gateway panel; 0: any free one). Default 3000,
    // swb serve's; a stored value out of 0..65535 reads as the default.
    static constexpr int kDefaultGatewayPort = 3000;
    int gatewayPort() const;
    Result<void> setGatewayPort(int port);

    // The window's geometry and dock layout (QMainWindow::saveGeometry/saveState), opaque here.
    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray& geometry);
    QByteArray windowState() const;
    void setWindowState(const QByteArray& state);

    // Writes pending changes to storage; an error names the file that could not be written.
    Result<void> sync();

private:
    int boundedInt(const QString& key, int min, int max, int fallback) const;

    std::unique_ptr<QSettings> m_owned;
    QSettings* m_settings = nullptr;
};

} // namespace swb
