#include "ResourceSpec.h"

#include <QRegularExpression>

namespace swb {

QString ResourceSpec::nameProblem(const QString& name)
{
    static const QRegularExpression pattern(QStringLiteral("^[a-z][a-z0-9_]{0,39}$"));
    if (pattern.match(name).hasMatch())
        return {};
    return QStringLiteral("\"%1\" is not a valid resource name; start with a lowercase letter, "
                          "then lowercase letters, digits or '_' (at most 40), e.g. \"orders\".")
        .arg(name);
}

} // namespace swb
