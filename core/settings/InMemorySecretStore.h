#pragma once
// A SecretStore that keeps secrets in memory for this process only: for tests and for a
// session whose keychain is unavailable. Behaves like the keychain (asynchronous callbacks).

#include "SecretStore.h"

#include <QHash>
#include <QStringList>

namespace swb {

class InMemorySecretStore : public SecretStore {
    Q_OBJECT
public:
    explicit InMemorySecretStore(QObject* parent = nullptr);

    void readSecret(const QString& key, ReadCallback done) override;
    void writeSecret(const QString& key, const QString& value, DoneCallback done) override;
    void removeSecret(const QString& key, DoneCallback done) override;

    // The keys stored now, sorted (never the values), so tests can see what was written.
    QStringList keys() const;

private:
    QHash<QString, QString> m_secrets;
};

} // namespace swb
