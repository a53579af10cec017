#include "RecoveryStore.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <algorithm>

namespace swb {

namespace {
constexpr auto kFormat = "swb-recovery";
constexpr int kVersion = 1;
const QString kSuffix = QStringLiteral(".recovery.json");
} // namespace

RecoveryStore::RecoveryStore(QString folder) : m_folder(std::move(folder)) {}

QString RecoveryStore::entryFileFor(const QString& originalPath) const
{
    const QByteArray hash =
        QCryptographicHash::hash(originalPath.toUtf8(), QCryptographicHash::Sha1).toHex();
    return QDir(m_folder).filePath(QString::fromLatin1(hash.left(20)) + kSuffix);
}

Result<void> RecoveryStore::write(const QString& originalPath, const QString& text,
                                  const QDateTime& savedAt)
{
    if (!QDir().mkpath(m_folder))
        return fail(ErrorCode::Io,
                    QStringLiteral("The recovery folder %1 cannot be created; unsaved changes "
                                   "are not protected against a crash.")
                        .arg(m_folder));
    QJsonObject entry{
        {QStringLiteral("format"), QLatin1String(kFormat)},
        {QStringLiteral("version"), kVersion},
        {QStringLiteral("path"), originalPath},
        {QStringLiteral("savedAt"), savedAt.toUTC().toString(Qt::ISODateWithMs)},
        {QStringLiteral("text"), text},
    };
    const QString path = entryFileFor(originalPath);
    QSaveFile file(path);
    const QByteArray bytes = QJsonDocument(entry).toJson(QJsonDocument::Compact);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return fail(ErrorCode::Io,
                    QStringLiteral("The recovery copy of %1 cannot be written to %2: %3.")
                        .arg(originalPath, path, file.errorString()),
                    file.errorString());
    return {};
}

void RecoveryStore::remove(const QString& originalPath)
{
    QFile::remove(entryFileFor(originalPath));
}

QList<RecoveryEntry> RecoveryStore::pending(QStringList* problems) const
{
    QList<RecoveryEntry> entries;
    const QDir dir(m_folder);
    const QStringList names =
        dir.entryList({QStringLiteral("*") + kSuffix}, QDir::Files | QDir::Hidden, QDir::Name);
    for (const QString& name : names) {
        const QString path = dir.filePath(name);
        QFile file(path);
        QJsonParseError parseError{};
        QJsonDocument doc;
        if (file.open(QIODevice::ReadOnly))
            doc = QJsonDocument::fromJson(file.readAll(), &parseError);
        const QJsonObject object = doc.object();
        if (!doc.isObject() || object.value(QStringLiteral("format")).toString() != kFormat ||
            !object.value(QStringLiteral("path")).isString() ||
            !object.value(QStringLiteral("text")).isString()) {
            if (problems)
                problems->append(QStringLiteral("The recovery file %1 cannot be read; it was "
                                                "kept as it is.")
                                     .arg(path));
            continue;
        }
        entries.append(RecoveryEntry{
            object.value(QStringLiteral("path")).toString(),
            object.value(QStringLiteral("text")).toString(),
            QDateTime::fromString(object.value(QStringLiteral("savedAt")).toString(),
                                  Qt::ISODateWithMs),
            path,
        });
    }
    std::stable_sort(
        entries.begin(), entries.end(),
        [](const RecoveryEntry& a, const RecoveryEntry& b) { return a.savedAt < b.savedAt; });
    return entries;
}

std::optional<RecoveryEntry> RecoveryStore::entryFor(const QString& originalPath) const
{
    const QString file = entryFileFor(originalPath);
    for (const RecoveryEntry& entry : pending())
        if (entry.entryFile == file && entry.originalPath == originalPath)
            return entry;
    return std::nullopt;
}

void RecoveryStore::discard(const RecoveryEntry& entry)
{
    QFile::remove(entry.entryFile.isEmpty() ? entryFileFor(entry.originalPath) : entry.entryFile);
}

} // namespace swb
