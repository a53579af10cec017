#include "TextFile.h"

#include <QFile>
#include <QFileInfo>
#include <QStringDecoder>

namespace swb {

namespace {

// Index of the first byte that breaks UTF-8, or -1 when the text is valid.
qsizetype firstInvalidUtf8Byte(const QByteArray& bytes)
{
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.constData());
    const qsizetype n = bytes.size();
    qsizetype i = 0;
    while (i < n) {
        const unsigned char c = p[i];
        int extra = 0;
        unsigned int min = 0;
        if (c < 0x80) {
            ++i;
            continue;
        } else if ((c & 0xE0) == 0xC0) {
            extra = 1;
            min = 0x80;
        } else if ((c & 0xF0) == 0xE0) {
            extra = 2;
            min = 0x800;
        } else if ((c & 0xF8) == 0xF0) {
            extra = 3;
            min = 0x10000;
        } else {
            return i;
        }
        if (i + extra >= n) // truncated sequence at the end
            return i;
        unsigned int cp = c & (0x3F >> extra);
        for (int k = 1; k <= extra; ++k) {
            if ((p[i + k] & 0xC0) != 0x80)
                return i;
            cp = (cp << 6) | (p[i + k] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return i;
        i += extra + 1;
    }
    return -1;
}

} // namespace

TextPosition positionAt(const QString& text, qsizetype offset)
{
    TextPosition pos;
    const qsizetype end = std::min(offset, text.size());
    for (qsizetype i = 0; i < end; ++i) {
        if (text.at(i) == QLatin1Char('\n')) {
            ++pos.line;
            pos.column = 1;
        } else if (!text.at(i).isLowSurrogate()) {
            ++pos.column;
        }
    }
    return pos;
}

TextPosition positionAtUtf8(const QByteArray& utf8, qsizetype byteOffset)
{
    TextPosition pos;
    const qsizetype end = std::min(byteOffset, utf8.size());
    for (qsizetype i = 0; i < end; ++i) {
        const auto c = static_cast<unsigned char>(utf8.at(i));
        if (c == '\n') {
            ++pos.line;
            pos.column = 1;
        } else if ((c & 0xC0) != 0x80) { // count code points, not continuation bytes
            ++pos.column;
        }
    }
    return pos;
}

Result<QString> readTextFile(const QString& path, qint64 maxBytes)
{
    const QFileInfo info(path);
    if (!info.exists())
        return fail(ErrorCode::NotFound, QStringLiteral("%1 does not exist.").arg(path));
    if (info.isDir())
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("%1 is a folder; expected a file.").arg(path));
    if (info.size() > maxBytes)
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("%1 is %2 MB, larger than the %3 MB this file may have; "
                                   "check that it is the right file.")
                        .arg(path)
                        .arg(double(info.size()) / (1024.0 * 1024.0), 0, 'f', 1)
                        .arg(double(maxBytes) / (1024.0 * 1024.0), 0, 'f', 0));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        const bool denied = file.error() == QFileDevice::OpenError && !info.isReadable();
        return fail(denied ? ErrorCode::PermissionDenied : ErrorCode::Io,
                    denied ? QStringLiteral("%1 cannot be read: permission denied; check the "
                                            "file's permissions.")
                                 .arg(path)
                           : QStringLiteral("%1 cannot be read: %2.").arg(path, file.errorString()),
                    file.errorString());
    }
    // Read one byte past the limit: the size on disk may have changed since stat().
    QByteArray bytes = file.read(maxBytes + 1);
    if (file.error() != QFileDevice::NoError)
        return fail(ErrorCode::Io,
                    QStringLiteral("%1 cannot be read: %2.").arg(path, file.errorString()));
    if (bytes.size() > maxBytes)
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("%1 is larger than the %2 MB this file may have.")
                        .arg(path)
                        .arg(double(maxBytes) / (1024.0 * 1024.0), 0, 'f', 0));
    if (bytes.startsWith("\xEF\xBB\xBF"))
        bytes.remove(0, 3);
    const qsizetype bad = firstInvalidUtf8Byte(bytes);
    if (bad >= 0) {
        const TextPosition pos = positionAtUtf8(bytes, bad);
        Error error{ErrorCode::Parse,
                    QStringLiteral("%1 is not valid UTF-8 text (byte 0x%2 at line %3, column "
                                   "%4); save it as UTF-8.")
                        .arg(path)
                        .arg(static_cast<unsigned char>(bytes.at(bad)), 2, 16, QLatin1Char('0'))
                        .arg(pos.line)
                        .arg(pos.column),
                    {},
                    {}};
        error.diagnostics.append(Diagnostic{
            Severity::Error, path, {}, pos.line, pos.column, QStringLiteral("invalid UTF-8 byte")});
        return std::unexpected(error);
    }
    return QString::fromUtf8(bytes);
}

} // namespace swb
