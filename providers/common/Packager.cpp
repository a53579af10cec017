#include "Packager.h"

#include "IgnoreRules.h"
#include "format/TextFile.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <zip.h>

#include <algorithm>
#include <memory>

namespace swb {

namespace {

// 1980-01-01 00:00, the earliest DOS date: ((1980 - 1980) << 9) | (1 << 5) | 1.
constexpr zip_uint16_t kDosDate = (0 << 9) | (1 << 5) | 1;
constexpr zip_uint16_t kDosTime = 0;
constexpr zip_uint32_t kRegularFile = 0100000;

struct Entry {
    QString path;     // in the zip
    QString diskPath; // empty for a generated file
    QByteArray bytes;
    bool executable = false;
    qint64 size = 0;
};

QString megabytes(qint64 bytes)
{
    return QString::number(double(bytes) / (1024.0 * 1024.0), 'f', 1);
}

bool isInside(const QString& path, const QString& root)
{
    return path == root || path.startsWith(root + QLatin1Char('/'));
}

Error tooLarge(const QString& folder, qint64 bytes, qint64 max)
{
    return Error{ErrorCode::Validation,
                 QStringLiteral("The package for %1 would be over %2 MB unzipped, above the limit "
                                "of %3 MB; add the files the function does not need to %4.")
                     .arg(QDir::toNativeSeparators(folder), megabytes(bytes), megabytes(max),
                          QLatin1String(Packager::kIgnoreFileName)),
                 QStringLiteral("%1 bytes > %2 bytes").arg(bytes).arg(max),
                 {}};
}

// Collects the files to package, skipping ignored ones and refusing links that leave the
// folder.
class FolderWalk {
public:
    FolderWalk(QString root, const IgnoreRules& rules, qint64 maxBytes)
        : m_root(std::move(root)), m_rules(rules), m_maxBytes(maxBytes)
    {}

    Result<void> walk(const QString& diskFolder, const QString& relativeFolder)
    {
        // QDir lists an unreadable folder as empty; a package missing files must not pass.
        if (!QFileInfo(diskFolder).isReadable() || !QFileInfo(diskFolder).isExecutable())
            return fail(ErrorCode::PermissionDenied,
                        QStringLiteral("Cannot list the folder %1; make it readable or add it "
                                       "to %2.")
                            .arg(QDir::toNativeSeparators(diskFolder),
                                 QLatin1String(Packager::kIgnoreFileName)));
        m_activeFolders.append(QFileInfo(diskFolder).canonicalFilePath());
        const QFileInfoList infos = QDir(diskFolder)
                                        .entryInfoList(QDir::AllEntries | QDir::NoDotAndDotDot |
                                                           QDir::Hidden | QDir::System,
                                                       QDir::Name);
        for (const QFileInfo& info : infos) {
            const QString relative = relativeFolder.isEmpty()
                                         ? info.fileName()
                                         : relativeFolder + QLatin1Char('/') + info.fileName();
            const QString shown = QDir::toNativeSeparators(info.absoluteFilePath());
            QString target = info.absoluteFilePath();
            if (info.isSymLink()) {
                target = info.canonicalFilePath(); // follows the whole chain; empty if dangling
                const bool folder = !target.isEmpty() && QFileInfo(target).isDir();
                if (m_rules.isIgnored(relative, folder))
                    continue;
                if (target.isEmpty())
                    return fail(ErrorCode::NotFound,
                                QStringLiteral("%1 is a symbolic link to %2, which does not exist; "
                                               "remove the link or add it to %3.")
                                    .arg(shown, info.symLinkTarget(),
                                         QLatin1String(Packager::kIgnoreFileName)));
                if (!isInside(target, m_root))
                    return fail(ErrorCode::Validation,
                                QStringLiteral("%1 is a symbolic link to %2, outside the function "
                                               "folder; copy the file into the folder or add the "
                                               "link to %3.")
                                    .arg(shown, QDir::toNativeSeparators(target),
                                         QLatin1String(Packager::kIgnoreFileName)));
            } else if (m_rules.isIgnored(relative, info.isDir())) {
                continue;
            }
            const QFileInfo resolved(target);
            if (resolved.isDir()) {
                if (m_activeFolders.contains(resolved.canonicalFilePath()))
                    return fail(ErrorCode::Validation,
                                QStringLiteral("%1 links back to a folder that contains it; "
                                               "remove the link or add it to %2.")
                                    .arg(shown, QLatin1String(Packager::kIgnoreFileName)));
                if (auto r = walk(target, relative); !r)
                    return r;
                continue;
            }
            if (!resolved.isFile())
                return fail(ErrorCode::Unsupported,
                            QStringLiteral("%1 is not a regular file (a socket, pipe or device); "
                                           "add it to %2.")
                                .arg(shown, QLatin1String(Packager::kIgnoreFileName)));
            m_total += resolved.size();
            if (m_total > m_maxBytes)
                return std::unexpected(tooLarge(m_root, m_total, m_maxBytes));
            entries.append(Entry{relative,
                                 target,
                                 {},
                                 resolved.permissions().testFlag(QFileDevice::ExeOwner),
                                 resolved.size()});
        }
        m_activeFolders.removeLast();
        return {};
    }

    QList<Entry> entries;

private:
    QString m_root;
    const IgnoreRules& m_rules;
    qint64 m_maxBytes;
    qint64 m_total = 0;
    QStringList m_activeFolders; // canonical paths from the root down: a link loop revisits one
};

// A generated file's path must stay inside the package.
Result<QString> checkedPath(const QString& path)
{
    const QString cleaned = QDir::cleanPath(path);
    if (path.isEmpty() || path.contains(QLatin1Char('\\')) || QDir::isAbsolutePath(path) ||
        cleaned == QLatin1String(".") || cleaned == QLatin1String("..") ||
        cleaned.startsWith(QLatin1String("../")))
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("The generated file \"%1\" would be outside the package; use a "
                                   "relative path with '/' separators inside the function folder.")
                        .arg(path));
    return cleaned;
}

struct ZipCloser {
    void operator()(zip_t* z) const { zip_discard(z); }
};
struct SourceFree {
    void operator()(zip_source_t* s) const { zip_source_free(s); }
};

Result<QByteArray> zipEntries(const QList<Entry>& entries)
{
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
    if (!buffer) {
        const QString why = QString::fromUtf8(zip_error_strerror(&error));
        zip_error_fini(&error);
        return fail(ErrorCode::Internal,
                    QStringLiteral("Cannot start a zip in memory: %1.").arg(why));
    }
    zip_t* opened = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
    if (!opened) {
        const QString why = QString::fromUtf8(zip_error_strerror(&error));
        zip_error_fini(&error);
        zip_source_free(buffer);
        return fail(ErrorCode::Internal,
                    QStringLiteral("Cannot start a zip in memory: %1.").arg(why));
    }
    zip_error_fini(&error);
    // Our own reference: zip_close() drops the archive's, and the bytes are read afterwards.
    zip_source_keep(buffer);
    const std::unique_ptr<zip_source_t, SourceFree> bufferOwner(buffer);
    std::unique_ptr<zip_t, ZipCloser> zip(opened);
    const auto zipFailure = [&](const QString& what) {
        return fail(ErrorCode::Internal,
                    QStringLiteral("Cannot zip %1: %2.")
                        .arg(what, QString::fromUtf8(zip_strerror(zip.get()))));
    };
    for (const Entry& e : entries) {
        zip_source_t* data =
            zip_source_buffer(zip.get(), e.bytes.constData(), zip_uint64_t(e.bytes.size()), 0);
        if (!data)
            return zipFailure(e.path);
        const zip_int64_t index =
            zip_file_add(zip.get(), e.path.toUtf8().constData(), data, ZIP_FL_ENC_UTF_8);
        if (index < 0) {
            zip_source_free(data);
            return zipFailure(e.path);
        }
        const auto i = zip_uint64_t(index);
        const zip_uint32_t mode = e.executable ? 0755 : 0644;
        if (zip_set_file_compression(zip.get(), i, ZIP_CM_DEFLATE, 9) != 0 ||
            zip_file_set_dostime(zip.get(), i, kDosTime, kDosDate, 0) != 0 ||
            zip_file_set_external_attributes(zip.get(), i, 0, ZIP_OPSYS_UNIX,
                                             (kRegularFile | mode) << 16) != 0)
            return zipFailure(e.path);
    }
    if (zip_close(zip.get()) != 0)
        return zipFailure(QStringLiteral("the package"));
    (void)zip.release(); // zip_close() freed it

    QByteArray bytes;
    zip_stat_t stat;
    zip_stat_init(&stat);
    bool ok = zip_source_stat(buffer, &stat) == 0 && zip_source_open(buffer) == 0;
    if (ok) {
        bytes.resize(qsizetype(stat.size));
        ok = zip_source_read(buffer, bytes.data(), stat.size) == zip_int64_t(stat.size);
        zip_source_close(buffer);
    }
    if (!ok)
        return fail(ErrorCode::Internal, QStringLiteral("Cannot read the zip back from memory."));
    return bytes;
}

} // namespace

Packager::Packager(QString folder) : m_folder(std::move(folder)) {}

void Packager::addGeneratedFile(GeneratedFile file)
{
    m_generated.append(std::move(file));
}

Result<Package> Packager::package() const
{
    const QFileInfo folderInfo(m_folder);
    if (!folderInfo.isDir())
        return fail(ErrorCode::NotFound,
                    QStringLiteral("The function folder %1 does not exist; check the function's "
                                   "code path.")
                        .arg(QDir::toNativeSeparators(m_folder)));
    const QString root = folderInfo.canonicalFilePath();

    IgnoreRules rules;
    const QString ignorePath = QDir(root).filePath(QLatin1String(kIgnoreFileName));
    if (QFileInfo::exists(ignorePath)) {
        const auto text = readTextFile(ignorePath);
        if (!text)
            return std::unexpected(text.error());
        rules = IgnoreRules(*text);
    }

    FolderWalk walk(root, rules, m_maxUnzippedBytes);
    if (auto r = walk.walk(root, QString()); !r)
        return std::unexpected(r.error());
    QList<Entry> entries = std::move(walk.entries);

    for (const GeneratedFile& g : m_generated) {
        const auto path = checkedPath(g.path);
        if (!path)
            return std::unexpected(path.error());
        entries.removeIf([&](const Entry& e) { return e.path == *path; });
        entries.append(Entry{*path, {}, g.bytes, g.executable, g.bytes.size()});
    }
    std::sort(entries.begin(), entries.end(),
              [](const Entry& a, const Entry& b) { return a.path < b.path; });

    Package package;
    for (const Entry& e : entries)
        package.uncompressedBytes += e.size;
    if (package.uncompressedBytes > m_maxUnzippedBytes)
        return std::unexpected(tooLarge(root, package.uncompressedBytes, m_maxUnzippedBytes));

    for (Entry& e : entries) {
        if (!e.diskPath.isEmpty()) {
            QFile file(e.diskPath);
            if (!file.open(QIODevice::ReadOnly))
                return fail(ErrorCode::Io,
                            QStringLiteral("Cannot read %1: %2.")
                                .arg(QDir::toNativeSeparators(e.diskPath), file.errorString()));
            e.bytes = file.readAll();
        }
        package.entries.append(e.path);
    }
    // Sizes are re-counted from what was read, in case a file changed since the walk.
    package.uncompressedBytes = 0;
    for (const Entry& e : entries)
        package.uncompressedBytes += e.bytes.size();
    if (package.uncompressedBytes > m_maxUnzippedBytes)
        return std::unexpected(tooLarge(root, package.uncompressedBytes, m_maxUnzippedBytes));

    auto zipped = zipEntries(entries);
    if (!zipped)
        return std::unexpected(zipped.error());
    package.zipBytes = std::move(*zipped);
    package.sha256Base64 = QString::fromLatin1(
        QCryptographicHash::hash(package.zipBytes, QCryptographicHash::Sha256).toBase64());
    return package;
}

} // namespace swb
