#include "AwsProfileWriter.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSaveFile>

namespace swb {

namespace {

QString headerName(const QString& line)
{
    const QString t = line.trimmed();
    if (!t.startsWith(QLatin1Char('[')) || !t.endsWith(QLatin1Char(']')))
        return {};
    return t.mid(1, t.size() - 2).simplified();
}

QString keyOf(const QString& line)
{
    const QString t = line.trimmed();
    if (t.isEmpty() || t.startsWith(QLatin1Char('#')) || t.startsWith(QLatin1Char(';')))
        return {};
    const qsizetype eq = t.indexOf(QLatin1Char('='));
    return eq > 0 ? t.left(eq).trimmed().toLower() : QString();
}

Result<void> writeText(const QString& path, const QString& text)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(ErrorCode::Io, QStringLiteral("Cannot write %1: %2.")
                                       .arg(QDir::toNativeSeparators(path), file.errorString()));
    // Owner-only before any secret is written into it.
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    const QByteArray bytes = text.toUtf8();
    if (file.write(bytes) != bytes.size() || !file.commit())
        return fail(ErrorCode::Io, QStringLiteral("Cannot write %1: %2.")
                                       .arg(QDir::toNativeSeparators(path), file.errorString()));
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return {};
}

Result<QString> readText(const QString& path)
{
    QFile file(path);
    if (!file.exists())
        return QString();
    if (!file.open(QIODevice::ReadOnly))
        return fail(ErrorCode::Io, QStringLiteral("Cannot read %1: %2.")
                                       .arg(QDir::toNativeSeparators(path), file.errorString()));
    return QString::fromUtf8(file.readAll());
}

} // namespace

QString AwsProfileWriter::profileProblem(const QString& profile)
{
    static const QRegularExpression valid(QStringLiteral("^[A-Za-z0-9_.-]{1,64}$"));
    return valid.match(profile).hasMatch()
               ? QString()
               : QStringLiteral("\"%1\" is not a profile name: use letters, digits, '-', '_' or "
                                "'.'.")
                     .arg(profile);
}

QString AwsProfileWriter::setKeys(const QString& text, const QString& section,
                                  const QList<std::pair<QString, QString>>& keys)
{
    QStringList lines = text.split(QLatin1Char('\n'));
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    // Find the section: from its header to the next header.
    qsizetype begin = -1, end = lines.size();
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString name = headerName(lines[i]);
        if (name.isEmpty())
            continue;
        if (begin >= 0) {
            end = i;
            break;
        }
        if (name == section)
            begin = i;
    }
    if (begin < 0) {
        if (!lines.isEmpty() && !lines.last().trimmed().isEmpty())
            lines << QString();
        lines << QStringLiteral("[%1]").arg(section);
        begin = lines.size() - 1;
        end = lines.size();
    }
    for (const auto& [key, value] : keys) {
        qsizetype at = -1;
        for (qsizetype i = begin + 1; i < end; ++i) {
            if (keyOf(lines[i]) == key) {
                at = i;
                break;
            }
        }
        if (value.isEmpty()) {
            if (at >= 0) {
                lines.removeAt(at);
                --end;
            }
            continue;
        }
        const QString line = QStringLiteral("%1 = %2").arg(key, value);
        if (at >= 0) {
            lines[at] = line;
        } else {
            // After the section's last non-blank line, so a blank line before the next header
            // stays where it was.
            qsizetype insertAt = end;
            while (insertAt > begin + 1 && lines[insertAt - 1].trimmed().isEmpty())
                --insertAt;
            lines.insert(insertAt, line);
            ++end;
        }
    }
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

Result<void> AwsProfileWriter::writeKeys(const QString& credentialsPath, const QString& profile,
                                         const QString& accessKeyId, const QString& secretAccessKey,
                                         const QString& sessionToken)
{
    if (const QString problem = profileProblem(profile); !problem.isEmpty())
        return fail(ErrorCode::InvalidArgument, problem);
    if (accessKeyId.trimmed().isEmpty() || secretAccessKey.trimmed().isEmpty())
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("Both the access key ID and the secret access key are needed."));
    if (accessKeyId.contains(QLatin1Char('\n')) || secretAccessKey.contains(QLatin1Char('\n')) ||
        sessionToken.contains(QLatin1Char('\n')))
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("A key cannot contain a line break; paste it again."));
    auto text = readText(credentialsPath);
    if (!text)
        return std::unexpected(text.error());
    // The credentials file names sections by the bare profile name.
    return writeText(credentialsPath,
                     setKeys(*text, profile,
                             {{QStringLiteral("aws_access_key_id"), accessKeyId.trimmed()},
                              {QStringLiteral("aws_secret_access_key"), secretAccessKey.trimmed()},
                              {QStringLiteral("aws_session_token"), sessionToken.trimmed()}}));
}

Result<void> AwsProfileWriter::writeRegion(const QString& configPath, const QString& profile,
                                           const QString& region)
{
    if (const QString problem = profileProblem(profile); !problem.isEmpty())
        return fail(ErrorCode::InvalidArgument, problem);
    static const QRegularExpression validRegion(QStringLiteral("^[a-z]{2}(-[a-z]+)+-\\d$"));
    if (!region.isEmpty() && !validRegion.match(region).hasMatch())
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("\"%1\" is not an AWS region such as eu-west-1.").arg(region));
    auto text = readText(configPath);
    if (!text)
        return std::unexpected(text.error());
    // The config file names them [default] and [profile NAME].
    const QString section =
        profile == QLatin1String("default") ? profile : QStringLiteral("profile ") + profile;
    return writeText(configPath, setKeys(*text, section, {{QStringLiteral("region"), region}}));
}

} // namespace swb
