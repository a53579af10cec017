#include "InMemorySecretStore.h"

namespace swb {

namespace {

Error missing(const QString& key)
{
    return Error{
        ErrorCode::NotFound, QStringLiteral("No secret named %1 is stored.").arg(key), {}, {}};
}

} // namespace

InMemorySecretStore::InMemorySecretStore(QObject* parent) : SecretStore(parent) {}

void InMemorySecretStore::readSecret(const QString& key, ReadCallback done)
{
    if (auto error = keyError(key))
        return deliver(std::move(done), std::unexpected(*error));
    // Looked up now, delivered later: what was stored when the call was made, like a keychain.
    const auto it = m_secrets.constFind(key);
    if (it == m_secrets.constEnd())
        return deliver(std::move(done), std::unexpected(missing(key)));
    deliver(std::move(done), Result<QString>(*it));
}

void InMemorySecretStore::writeSecret(const QString& key, const QString& value, DoneCallback done)
{
    if (auto error = keyError(key))
        return deliver(std::move(done), std::unexpected(*error));
    m_secrets.insert(key, value);
    deliver(std::move(done), Result<void>());
}

void InMemorySecretStore::removeSecret(const QString& key, DoneCallback done)
{
    if (auto error = keyError(key))
        return deliver(std::move(done), std::unexpected(*error));
    if (m_secrets.remove(key) == 0)
        return deliver(std::move(done), std::unexpected(missing(key)));
    deliver(std::move(done), Result<void>());
}

QStringList InMemorySecretStore::keys() const
{
    QStringList result = m_secrets.keys();
    result.sort();
    return result;
}

} // namespace swb
