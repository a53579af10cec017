#pragma once
// Unpacks a deploy package (a zip made by Packager) into a folder, refusing entries that would
// land outside it. Used by the local stage, which serves exactly what a deploy would upload.

#include "Error.h"

#include <QByteArray>
#include <QString>

namespace swb {

class ZipExtractor {
public:
    // Writes every entry of `zip` under `folder` (created; must be empty or missing), keeping
    // the owner-executable bit of entries stored with Unix mode 0755. InvalidArgument for a
    // corrupt zip or an entry with an absolute path or "..".
    static Result<void> extract(const QByteArray& zip, const QString& folder);
};

} // namespace swb
