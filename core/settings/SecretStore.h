#pragma once
// Where credentials live: the OS keychain in the app, memory in tests — never settings or
// workspace files. Asynchronous, because keychains are.

#include "Error.h"

#include <QObject>
#include <QString>

#include <functional>
#include <optional>

namespace swb {

// Keys are '/'-separated paths of ASCII letters, digits, '.', '_' and '-', naming the
// provider, the profile and the secret: "aws/default/secret_access_key",
// "gcp/my-project/service_account_json", "azure/prod/client_secret".
//
// Every callback is called exactly once, always later from the event loop (never inside the
// call that started it), on the store's thread. A store destroyed with requests pending
// drops their callbacks. A missing key is ErrorCode::NotFound, for reading and removing.
class SecretStore : public QObject {
    Q_OBJECT
public:
    using ReadCallback = std::function<void(Result<QString>)>;
    using DoneCallback = std::function<void(Result<void>)>;

    using QObject::QObject;

    virtual void readSecret(const QString& key, ReadCallback done) = 0;
    virtual void writeSecret(const QString& key, const QString& value, DoneCallback done) = 0;
    virtual void removeSecret(const QString& key, DoneCallback done) = 0;

    // Empty when `key` follows the naming above; otherwise what is wrong with it.
    static QString keyProblem(const QString& key);

protected:
    // Call `done` with `result` from the event loop, so callers see one behaviour everywhere.
    void deliver(ReadCallback done, Result<QString> result);
    void deliver(DoneCallback done, Result<void> result);
    // An InvalidArgument error for a badly named key, or nothing.
    static std::optional<Error> keyError(const QString& key);
};

} // namespace swb
