#pragma once
// Reads a user's text file (JSON, YAML) with the checks every format needs: exists, readable,
// not absurdly large, valid UTF-8 — each failure a clear error naming the file.

#include "Error.h"

#include <QString>

namespace swb {

struct TextFileLimits {
    static constexpr qint64 kDefaultMaxBytes = 8 * 1024 * 1024; // workspace files are small
};

// The file's text, without a leading UTF-8 byte order mark.
Result<QString> readTextFile(const QString& path,
                             qint64 maxBytes = TextFileLimits::kDefaultMaxBytes);

// 1-based line and column of a character offset (column counts characters, not bytes).
struct TextPosition {
    int line = 1;
    int column = 1;
};
TextPosition positionAt(const QString& text, qsizetype offset);
// The same for a byte offset into UTF-8 text (what parsers such as QJsonDocument report).
TextPosition positionAtUtf8(const QByteArray& utf8, qsizetype byteOffset);

} // namespace swb
