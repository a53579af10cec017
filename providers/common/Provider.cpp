#include "Provider.h"

#include "Packager.h"

namespace swb {

Result<QList<GeneratedFile>> Provider::adapterFiles(const FunctionSpec&) const
{
    return QList<GeneratedFile>{};
}

} // namespace swb
