#pragma once
// The bundled runtime bootstraps (resources/runtimes) as files on disk, where python3 and node
// can run them: written once per content hash into a cache folder.

#include "Error.h"

#include <QString>

namespace swb {

class RuntimeFiles {
public:
    // The folder holding python/bootstrap.py and node/bootstrap.mjs, materialised under
    // `cacheRoot` (default: the user's cache folder).
    static Result<QString> materialize(const QString& cacheRoot = QString());
};

} // namespace swb
