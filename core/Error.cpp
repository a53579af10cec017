#include "Error.h"

namespace swb {

QString Diagnostic::toString() const
{
    QString where = file;
    if (line > 0) {
        where += QStringLiteral(":%1").arg(line);
        if (column > 0)
            where += QStringLiteral(":%1").arg(column);
    }
    QString text;
    if (!where.isEmpty())
        text = where + QStringLiteral(": ");
    if (severity == Severity::Warning)
        text += QStringLiteral("warning: ");
    if (!pointer.isEmpty())
        text += pointer + QStringLiteral(": ");
    return text + message;
}

QString Error::toString() const
{
    QString text = message;
    for (const Diagnostic& d : diagnostics)
        text += QLatin1Char('\n') + QStringLiteral("  ") + d.toString();
    return text;
}

QString errorCodeName(ErrorCode code)
{
    switch (code) {
    case ErrorCode::InvalidArgument:
        return QStringLiteral("invalid-argument");
    case ErrorCode::NotFound:
        return QStringLiteral("not-found");
    case ErrorCode::PermissionDenied:
        return QStringLiteral("permission-denied");
    case ErrorCode::Io:
        return QStringLiteral("io");
    case ErrorCode::Parse:
        return QStringLiteral("parse");
    case ErrorCode::Validation:
        return QStringLiteral("validation");
    case ErrorCode::Unsupported:
        return QStringLiteral("unsupported");
    case ErrorCode::Git:
        return QStringLiteral("git");
    case ErrorCode::Network:
        return QStringLiteral("network");
    case ErrorCode::Unauthorized:
        return QStringLiteral("unauthorized");
    case ErrorCode::Conflict:
        return QStringLiteral("conflict");
    case ErrorCode::Throttled:
        return QStringLiteral("throttled");
    case ErrorCode::Remote:
        return QStringLiteral("remote");
    case ErrorCode::Cancelled:
        return QStringLiteral("cancelled");
    case ErrorCode::Internal:
        return QStringLiteral("internal");
    }
    return QStringLiteral("internal");
}

} // namespace swb
