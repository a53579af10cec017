#include "ZipExtractor.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <zip.h>

#include <memory>

namespace swb {

namespace {

struct ZipCloser {
    void operator()(zip_t* z) const { zip_discard(z); }
};
struct ZipFileCloser {
    void operator()(zip_file_t* f) const { zip_fclose(f); }
};

bool isSafeEntry(const QString& name)
{
    if (name.isEmpty() || name.startsWith(QLatin1Char('/')) || name.contains(QLatin1Char('\\')) ||
        name.contains(QLatin1Char(':')))
        return false;
    const QStringList parts = name.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    for (const QString& part : parts) {
        if (part == QLatin1String("..") || part == QLatin1String("."))
            return false;
    }
    return !parts.isEmpty();
}

} // namespace

Result<void> ZipExtractor::extract(const QByteArray& zipBytes, const QString& folder)
{
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source =
        zip_source_buffer_create(zipBytes.constData(), zip_uint64_t(zipBytes.size()), 0, &error);
    if (!source) {
        const QString reason = QString::fromUtf8(zip_error_strerror(&error));
        zip_error_fini(&error);
        return fail(ErrorCode::Internal,
                    QStringLiteral("Cannot read the package: %1.").arg(reason));
    }
    std::unique_ptr<zip_t, ZipCloser> archive(zip_open_from_source(source, ZIP_RDONLY, &error));
    if (!archive) {
        zip_source_free(source);
        const QString reason = QString::fromUtf8(zip_error_strerror(&error));
        zip_error_fini(&error);
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("The package is not a readable zip file (%1).").arg(reason));
    }
    zip_error_fini(&error);

    QDir root(folder);
    if (root.exists() && !root.isEmpty())
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("%1 is not empty; the package is unpacked into a new folder.")
                        .arg(QDir::toNativeSeparators(folder)));
    if (!QDir().mkpath(folder))
        return fail(ErrorCode::Io,
                    QStringLiteral("Cannot create %1.").arg(QDir::toNativeSeparators(folder)));

    const zip_int64_t count = zip_get_num_entries(archive.get(), 0);
    for (zip_int64_t i = 0; i < count; ++i) {
        const char* rawName = zip_get_name(archive.get(), zip_uint64_t(i), ZIP_FL_ENC_GUESS);
        const QString name = QString::fromUtf8(rawName ? rawName : "");
        if (!isSafeEntry(name))
            return fail(ErrorCode::InvalidArgument,
                        QStringLiteral("The package's entry \"%1\" would be written outside %2; "
                                       "it was not unpacked.")
                            .arg(name, QDir::toNativeSeparators(folder)));
        const QString path = root.filePath(name);
        if (name.endsWith(QLatin1Char('/'))) {
            QDir().mkpath(path);
            continue;
        }
        QDir().mkpath(QFileInfo(path).absolutePath());
        std::unique_ptr<zip_file_t, ZipFileCloser> entry(
            zip_fopen_index(archive.get(), zip_uint64_t(i), 0));
        if (!entry)
            return fail(ErrorCode::InvalidArgument,
                        QStringLiteral("The package's entry \"%1\" cannot be read: %2.")
                            .arg(name, QString::fromUtf8(zip_strerror(archive.get()))));
        QFile out(path);
        if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return fail(ErrorCode::Io, QStringLiteral("Cannot write %1: %2.")
                                           .arg(QDir::toNativeSeparators(path), out.errorString()));
        char buffer[64 * 1024];
        for (;;) {
            const zip_int64_t n = zip_fread(entry.get(), buffer, sizeof buffer);
            if (n < 0)
                return fail(ErrorCode::InvalidArgument,
                            QStringLiteral("The package's entry \"%1\" is damaged.").arg(name));
            if (n == 0)
                break;
            if (out.write(buffer, n) != n)
                return fail(ErrorCode::Io,
                            QStringLiteral("Cannot write %1: %2.")
                                .arg(QDir::toNativeSeparators(path), out.errorString()));
        }
        out.close();
        zip_uint8_t opsys = 0;
        zip_uint32_t attributes = 0;
        if (zip_file_get_external_attributes(archive.get(), zip_uint64_t(i), 0, &opsys,
                                             &attributes) == 0 &&
            opsys == ZIP_OPSYS_UNIX && ((attributes >> 16) & 0100)) {
            out.setPermissions(out.permissions() | QFileDevice::ExeOwner | QFileDevice::ExeGroup |
                               QFileDevice::ExeOther);
        }
    }
    return {};
}

} // namespace swb
