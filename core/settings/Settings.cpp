#include "Settings.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>

namespace swb {

namespace {

const QString kLastWorkspace = QStringLiteral("workspace/last");
const QString kRecentWorkspaces = QStringLiteral("workspace/recent");
const QString kLanguage = QStringLiteral("ui/language");
const QString kTheme = QStringLiteral("ui/theme");
const QString kConcurrencyLimit = QStringLiteral("runner/concurrencyLimit");
const QString kKeepAliveSeconds = QStringLiteral("runner/keepAliveSeconds");
const QString kCommitAuthorName = QStringLiteral("git/authorName");
const QString kGatewayPort = QStringLiteral("gateway/port");
const QString kCommitAuthorEmail = QStringLiteral("git/authorEmail");

// One spelling per folder, so "ws/" and "ws/../ws" are one entry in the recent list.
QString normalizedFolder(const QString& folder)
{
    if (folder.isEmpty())
        return {};
    return QDir::cleanPath(QFileInfo(folder).absoluteFilePath());
}

} // namespace

Settings::Settings(QSettings& settings) : m_settings(&settings) {}

Settings::Settings(const QString& iniPath)
    : m_owned(std::make_unique<QSettings>(iniPath, QSettings::IniFormat)), m_settings(m_owned.get())
{}

Settings::~Settings() = default;

QString Settings::lastWorkspace() const
{
    return m_settings->value(kLastWorkspace).toString();
}

void Settings::setLastWorkspace(const QString& folder)
{
    const QString normalized = normalizedFolder(folder);
    if (normalized.isEmpty())
        m_settings->remove(kLastWorkspace);
    else
        m_settings->setValue(kLastWorkspace, normalized);
}

QStringList Settings::recentWorkspaces() const
{
    QStringList result;
    const QStringList stored = m_settings->value(kRecentWorkspaces).toStringList();
    for (const QString& entry : stored) {
        const QString folder = normalizedFolder(entry);
        if (folder.isEmpty() || result.contains(folder) || !QFileInfo(folder).isDir())
            continue;
        result.append(folder);
        if (result.size() == kMaxRecentWorkspaces)
            break;
    }
    return result;
}

void Settings::addRecentWorkspace(const QString& folder)
{
    const QString normalized = normalizedFolder(folder);
    if (normalized.isEmpty())
        return;
    QStringList stored = m_settings->value(kRecentWorkspaces).toStringList();
    stored.removeIf([&](const QString& entry) { return normalizedFolder(entry) == normalized; });
    stored.prepend(normalized);
    // Keep a few more than shown: a folder on an unplugged drive may come back.
    while (stored.size() > 2 * kMaxRecentWorkspaces)
        stored.removeLast();
    m_settings->setValue(kRecentWorkspaces, stored);
}

void Settings::removeRecentWorkspace(const QString& folder)
{
    const QString normalized = normalizedFolder(folder);
    QStringList stored = m_settings->value(kRecentWorkspaces).toStringList();
    stored.removeIf([&](const QString& entry) { return normalizedFolder(entry) == normalized; });
    m_settings->setValue(kRecentWorkspaces, stored);
}

void Settings::clearRecentWorkspaces()
{
    m_settings->remove(kRecentWorkspaces);
}

QStringList Settings::themes()
{
    return {QStringLiteral("system"), QStringLiteral("light"), QStringLiteral("dark")};
}

QString Settings::theme() const
{
    const QString stored = m_settings->value(kTheme).toString();
    return themes().contains(stored) ? stored : QStringLiteral("system");
}

Result<void> Settings::setTheme(const QString& theme)
{
    if (!themes().contains(theme))
        return fail(
            ErrorCode::InvalidArgument,
            QStringLiteral("There is no theme \"%1\"; choose system, light or dark.").arg(theme));
    if (theme == QLatin1String("system"))
        m_settings->remove(kTheme);
    else
        m_settings->setValue(kTheme, theme);
    return {};
}

int Settings::gatewayPort() const
{
    return boundedInt(kGatewayPort, 0, 65535, kDefaultGatewayPort);
}

Result<void> Settings::setGatewayPort(int port)
{
    if (port < 0 || port > 65535)
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("The gateway's port must be 0 (any free one) to 65535, not %1.")
                        .arg(port));
    m_settings->setValue(kGatewayPort, port);
    return {};
}

QString Settings::commitAuthorName() const
{
    return m_settings->value(kCommitAuthorName).toString().trimmed();
}

QString Settings::commitAuthorEmail() const
{
    return m_settings->value(kCommitAuthorEmail).toString().trimmed();
}

void Settings::setCommitAuthor(const QString& name, const QString& email)
{
    for (const auto& [key, value] : {std::pair{kCommitAuthorName, name.trimmed()},
                                     std::pair{kCommitAuthorEmail, email.trimmed()}}) {
        if (value.isEmpty())
            m_settings->remove(key);
        else
            m_settings->setValue(key, value);
    }
}

QString Settings::languageOverride() const
{
    return m_settings->value(kLanguage).toString().trimmed();
}

void Settings::setLanguageOverride(const QString& locale)
{
    if (locale.trimmed().isEmpty())
        m_settings->remove(kLanguage);
    else
        m_settings->setValue(kLanguage, locale.trimmed());
}

int Settings::boundedInt(const QString& key, int min, int max, int fallback) const
{
    bool ok = false;
    const int value = m_settings->value(key).toInt(&ok);
    // A hand-edited or damaged file falls back to the default rather than breaking the runner.
    return ok && value >= min && value <= max ? value : fallback;
}

int Settings::concurrencyLimit() const
{
    return boundedInt(kConcurrencyLimit, 1, kMaxConcurrencyLimit, kDefaultConcurrencyLimit);
}

Result<void> Settings::setConcurrencyLimit(int limit)
{
    if (limit < 1 || limit > kMaxConcurrencyLimit)
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("A concurrency limit of %1 is out of range; choose 1 to %2.")
                        .arg(limit)
                        .arg(kMaxConcurrencyLimit));
    m_settings->setValue(kConcurrencyLimit, limit);
    return {};
}

int Settings::keepAliveSeconds() const
{
    return boundedInt(kKeepAliveSeconds, 0, kMaxKeepAliveSeconds, kDefaultKeepAliveSeconds);
}

Result<void> Settings::setKeepAliveSeconds(int seconds)
{
    if (seconds < 0 || seconds > kMaxKeepAliveSeconds)
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("A keep-alive of %1 seconds is out of range; choose 0 to %2.")
                        .arg(seconds)
                        .arg(kMaxKeepAliveSeconds));
    m_settings->setValue(kKeepAliveSeconds, seconds);
    return {};
}

QByteArray Settings::windowGeometry() const
{
    return m_settings->value(QStringLiteral("window/geometry")).toByteArray();
}

void Settings::setWindowGeometry(const QByteArray& geometry)
{
    m_settings->setValue(QStringLiteral("window/geometry"), geometry);
}

QByteArray Settings::windowState() const
{
    return m_settings->value(QStringLiteral("window/state")).toByteArray();
}

void Settings::setWindowState(const QByteArray& state)
{
    m_settings->setValue(QStringLiteral("window/state"), state);
}

Result<void> Settings::sync()
{
    m_settings->sync();
    switch (m_settings->status()) {
    case QSettings::NoError:
        return {};
    case QSettings::AccessError:
        return fail(ErrorCode::Io,
                    QStringLiteral("The settings could not be saved to %1; check that the "
                                   "folder is writable.")
                        .arg(m_settings->fileName()));
    case QSettings::FormatError:
        return fail(ErrorCode::Parse,
                    QStringLiteral("The settings file %1 is damaged; fix or delete it.")
                        .arg(m_settings->fileName()));
    }
    return {};
}

} // namespace swb
