#include "PublishProfile.h"

#include <QDir>
#include <QFile>
#include <QList>
#include <QXmlStreamReader>

namespace swb {

namespace {

QString where(const QString& file)
{
    return file.isEmpty()
               ? QStringLiteral("The publish profile")
               : QStringLiteral("The publish profile %1").arg(QDir::toNativeSeparators(file));
}

const char* kWhatToDo = "download it again from the Azure portal (the function app's Overview, "
                        "\"Get publish profile\") or with az functionapp deployment "
                        "list-publishing-profiles --xml";

} // namespace

QUrl PublishProfile::kuduUrl() const
{
    // Written as "host:443"; some tools write a full URL ("https://host:443/api/zipdeploy").
    QString text = publishUrl.trimmed();
    if (!text.contains(QLatin1String("://")))
        text.prepend(QLatin1String("https://"));
    const QUrl parsed(text);
    QUrl url;
    url.setScheme(parsed.scheme().isEmpty() ? QStringLiteral("https") : parsed.scheme());
    url.setHost(parsed.host());
    if (parsed.port() > 0 && !(url.scheme() == QLatin1String("https") && parsed.port() == 443))
        url.setPort(parsed.port());
    return url;
}

Result<PublishProfile> PublishProfile::parse(const QByteArray& xml, const QString& file)
{
    QXmlStreamReader reader(xml);
    QList<PublishProfile> profiles;
    bool sawRoot = false;
    while (!reader.atEnd()) {
        if (reader.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (reader.name() == QLatin1String("publishData")) {
            sawRoot = true;
        } else if (reader.name() == QLatin1String("publishProfile")) {
            const auto a = reader.attributes();
            PublishProfile p;
            p.file = file;
            p.profileName = a.value(QLatin1String("profileName")).toString();
            p.publishMethod = a.value(QLatin1String("publishMethod")).toString();
            p.publishUrl = a.value(QLatin1String("publishUrl")).toString();
            p.siteName = a.value(QLatin1String("msdeploySite")).toString();
            p.userName = a.value(QLatin1String("userName")).toString();
            p.password = a.value(QLatin1String("userPWD")).toString();
            p.destinationAppUrl = a.value(QLatin1String("destinationAppUrl")).toString();
            profiles << p;
        }
    }
    if (reader.hasError())
        // Line and column only: the reader's message could quote the password attribute.
        return fail(ErrorCode::Parse,
                    QStringLiteral("%1 is not valid XML (line %2, column %3); %4.")
                        .arg(where(file))
                        .arg(reader.lineNumber())
                        .arg(reader.columnNumber())
                        .arg(QLatin1String(kWhatToDo)));
    if (!sawRoot || profiles.isEmpty())
        return fail(ErrorCode::Validation,
                    QStringLiteral("%1 has no <publishData> with <publishProfile> entries; %2.")
                        .arg(where(file), QLatin1String(kWhatToDo)));

    const PublishProfile* chosen = nullptr;
    for (const char* method : {"ZipDeploy", "MSDeploy"}) {
        for (const PublishProfile& p : profiles)
            if (p.publishMethod == QLatin1String(method)) {
                chosen = &p;
                break;
            }
        if (chosen)
            break;
    }
    if (!chosen)
        return fail(
            ErrorCode::Validation,
            QStringLiteral("%1 has no ZipDeploy or MSDeploy profile (only FTP or others); %2.")
                .arg(where(file), QLatin1String(kWhatToDo)));
    PublishProfile p = *chosen;
    QStringList missing;
    if (p.publishUrl.isEmpty())
        missing << QStringLiteral("publishUrl");
    if (p.userName.isEmpty())
        missing << QStringLiteral("userName");
    if (p.password.isEmpty())
        missing << QStringLiteral("userPWD");
    if (!missing.isEmpty())
        return fail(ErrorCode::Validation,
                    QStringLiteral("%1: the %2 profile has no %3; %4.")
                        .arg(where(file), p.publishMethod, missing.join(QStringLiteral(", ")),
                             QLatin1String(kWhatToDo)));
    if (p.kuduUrl().host().isEmpty())
        return fail(ErrorCode::Validation,
                    QStringLiteral("%1: the %2 profile's publishUrl is not a host name; %3.")
                        .arg(where(file), p.publishMethod, QLatin1String(kWhatToDo)));
    if (p.siteName.isEmpty()) {
        p.siteName = p.userName;
        if (p.siteName.contains(QLatin1Char('\\')))
            p.siteName = p.siteName.section(QLatin1Char('\\'), -1);
        if (p.siteName.startsWith(QLatin1Char('$')))
            p.siteName.remove(0, 1);
    }
    return p;
}

Result<PublishProfile> PublishProfile::load(const QString& path)
{
    QFile f(path);
    if (!f.exists())
        return fail(
            ErrorCode::NotFound,
            QStringLiteral("The publish profile %1 does not exist; check the deploy target's "
                           "publishProfile path (relative to the workspace folder).")
                .arg(QDir::toNativeSeparators(path)));
    if (!f.open(QIODevice::ReadOnly))
        return fail(ErrorCode::Io, QStringLiteral("Cannot read the publish profile %1: %2.")
                                       .arg(QDir::toNativeSeparators(path), f.errorString()));
    return parse(f.readAll(), path);
}

} // namespace swb
