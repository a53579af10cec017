#pragma once
// The SecretStore of the desktop: the OS keychain (Secret Service/KWallet, macOS Keychain,
// Windows Credential Manager) through QtKeychain, under the service "serverless-workbench".

#include "SecretStore.h"

#include <chrono>

namespace QKeychain {
class Job;
}

namespace swb {

class KeychainSecretStore : public SecretStore {
    Q_OBJECT
public:
    static constexpr const char* kServiceName = "serverless-workbench";

    // A keychain that does not answer within `timeout` (a hung D-Bus service, an unlock
    // prompt left open) is reported as an error instead of leaving the caller waiting.
    explicit KeychainSecretStore(QObject* parent = nullptr,
                                 std::chrono::milliseconds timeout = std::chrono::seconds(60),
                                 const QString& service = QString::fromLatin1(kServiceName));

    void readSecret(const QString& key, ReadCallback done) override;
    void writeSecret(const QString& key, const QString& value, DoneCallback done) override;
    void removeSecret(const QString& key, DoneCallback done) override;

    QString service() const { return m_service; }

private:
    enum class Operation { Read, Write, Remove };
    // Starts `job` and calls `finished` exactly once: with the job when it finishes, or with
    // nullptr when the timeout strikes first.
    void run(QKeychain::Job* job, std::function<void(QKeychain::Job*)> finished);
    Error toError(const QKeychain::Job& job, Operation operation) const;
    Error timeoutError(const QString& key) const;

    QString m_service;
    std::chrono::milliseconds m_timeout;
};

} // namespace swb
