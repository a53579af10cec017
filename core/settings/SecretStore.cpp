#include "SecretStore.h"

#include <QMetaObject>

namespace swb {

QString SecretStore::keyProblem(const QString& key)
{
    if (key.isEmpty())
        return QStringLiteral("the key is empty");
    const QStringList parts = key.split(QLatin1Char('/'));
    for (const QString& part : parts) {
        if (part.isEmpty())
            return QStringLiteral("the key has an empty part between '/'");
        if (part == QLatin1String(".") || part == QLatin1String(".."))
            return QStringLiteral("the key may not contain \".\" or \"..\" parts");
        for (const QChar c : part) {
            const bool allowed = (c >= QLatin1Char('a') && c <= QLatin1Char('z')) ||
                                 (c >= QLatin1Char('A') && c <= QLatin1Char('Z')) ||
                                 (c >= QLatin1Char('0') && c <= QLatin1Char('9')) ||
                                 c == QLatin1Char('.') || c == QLatin1Char('_') ||
                                 c == QLatin1Char('-');
            if (!allowed)
                return QStringLiteral("the key may only contain letters, digits, '.', '_', '-' "
                                      "and '/'");
        }
    }
    return {};
}

std::optional<Error> SecretStore::keyError(const QString& key)
{
    const QString problem = keyProblem(key);
    if (problem.isEmpty())
        return std::nullopt;
    // The key is a name, not a secret, so it may appear in the message.
    return Error{ErrorCode::InvalidArgument,
                 QStringLiteral("\"%1\" is not a valid secret name: %2 (for example "
                                "\"aws/default/secret_access_key\").")
                     .arg(key, problem),
                 {},
                 {}};
}

void SecretStore::deliver(ReadCallback done, Result<QString> result)
{
    QMetaObject::invokeMethod(
        this, [done = std::move(done), result = std::move(result)]() { done(result); },
        Qt::QueuedConnection);
}

void SecretStore::deliver(DoneCallback done, Result<void> result)
{
    QMetaObject::invokeMethod(
        this, [done = std::move(done), result = std::move(result)]() { done(result); },
        Qt::QueuedConnection);
}

} // namespace swb
