#include "RuntimeFiles.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QSaveFile>
#include <QStandardPaths>

namespace swb {

Result<QString> RuntimeFiles::materialize(const QString& cacheRoot)
{
    static const QString kResourceRoot = QStringLiteral(":/swb/runtimes");
    // Hash every bundled file so that a new build never runs an old bootstrap.
    QCryptographicHash hash(QCryptographicHash::Sha256);
    QStringList files;
    QDirIterator it(kResourceRoot, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        files << it.next();
    files.sort();
    if (files.isEmpty())
        return fail(ErrorCode::Internal,
                    QStringLiteral("The runtime bootstraps are missing from this build."));
    for (const QString& f : files) {
        QFile file(f);
        if (!file.open(QIODevice::ReadOnly))
            return fail(ErrorCode::Internal, QStringLiteral("Cannot read %1.").arg(f));
        hash.addData(f.toUtf8());
        hash.addData(file.readAll());
    }
    const QString root =
        cacheRoot.isEmpty()
            ? QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation) +
                  QStringLiteral("/serverless-workbench/runtimes")
            : cacheRoot;
    const QString folder = QDir(root).filePath(QString::fromLatin1(hash.result().toHex().left(16)));
    const QString stamp = QDir(folder).filePath(QStringLiteral(".complete"));
    if (QFile::exists(stamp))
        return folder;
    for (const QString& f : files) {
        const QString target = QDir(folder).filePath(f.mid(kResourceRoot.size() + 1));
        if (!QDir().mkpath(QFileInfo(target).absolutePath()))
            return fail(ErrorCode::Io, QStringLiteral("Cannot create %1; check that the cache "
                                                      "folder is writable.")
                                           .arg(QFileInfo(target).absolutePath()));
        QFile in(f);
        QSaveFile out(target);
        if (!in.open(QIODevice::ReadOnly) || !out.open(QIODevice::WriteOnly) ||
            out.write(in.readAll()) < 0 || !out.commit())
            return fail(ErrorCode::Io,
                        QStringLiteral("Cannot write %1: %2.").arg(target, out.errorString()));
    }
    QFile done(stamp);
    if (!done.open(QIODevice::WriteOnly))
        return fail(ErrorCode::Io, QStringLiteral("Cannot write %1.").arg(stamp));
    return folder;
}

} // namespace swb
