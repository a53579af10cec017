#include "PostgresBinaries.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

#include <algorithm>

namespace swb {

namespace {

const QStringList kPrograms = {QStringLiteral("initdb"), QStringLiteral("postgres"),
                               QStringLiteral("psql")};

int versionOf(const QString& folder)
{
    static const QRegularExpression pattern(QStringLiteral("/postgresql/(\\d+)(\\.\\d+)?/bin$"));
    const auto m = pattern.match(folder);
    return m.hasMatch() ? m.captured(1).toInt() : 0;
}

} // namespace

QString PostgresBinaries::program(const QString& name) const
{
    return QDir(folder).filePath(name);
}

QStringList PostgresBinaries::defaultSearchFolders(const QString& pathVariable,
                                                   const QString& debianRoot)
{
    QStringList folders;
    auto add = [&folders](const QString& folder) {
        if (!folder.isEmpty() && !folders.contains(folder))
            folders << folder;
    };
    for (const QString& entry : pathVariable.split(QLatin1Char(':'), Qt::SkipEmptyParts)) {
        const QFileInfo initdb(QDir(entry).filePath(QStringLiteral("initdb")));
        if (initdb.isExecutable() && initdb.isFile())
            add(QFileInfo(initdb.canonicalFilePath()).absolutePath());
    }
    QList<std::pair<int, QString>> debian;
    const QDir root(debianRoot);
    for (const QString& version : root.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        const QString bin = QDir(root.filePath(version)).filePath(QStringLiteral("bin"));
        if (QFileInfo(bin).isDir())
            debian.append({versionOf(bin), QFileInfo(bin).canonicalFilePath()});
    }
    std::sort(debian.begin(), debian.end(),
              [](const auto& a, const auto& b) { return a.first > b.first; });
    for (const auto& [version, folder] : debian)
        add(folder);
    return folders;
}

std::optional<PostgresBinaries> PostgresBinaries::find(const QStringList& folders)
{
    for (const QString& folder : folders) {
        const bool complete =
            std::all_of(kPrograms.cbegin(), kPrograms.cend(), [&](const QString& p) {
                const QFileInfo info(QDir(folder).filePath(p));
                return info.isFile() && info.isExecutable();
            });
        if (!complete)
            continue;
        PostgresBinaries found;
        found.folder = QFileInfo(folder).canonicalFilePath();
        found.majorVersion = versionOf(found.folder);
        return found;
    }
    return std::nullopt;
}

} // namespace swb
