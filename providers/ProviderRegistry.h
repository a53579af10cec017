#pragma once
// Makes the provider for a platform id ("aws", "azure", "gcp", "openwhisk", "local"): the one
// place that knows every Provider class, so front ends only name a platform.

#include "common/Provider.h"

#include <memory>

namespace swb {

class ProviderRegistry {
public:
    // Every platform id, in the order help texts list them.
    static QStringList ids();
    // The ones this build can deploy to.
    static QStringList available();
    // Unsupported for a known platform not built yet; InvalidArgument for an unknown id.
    static Result<std::unique_ptr<Provider>> create(const QString& id, ProviderContext context);
};

} // namespace swb
