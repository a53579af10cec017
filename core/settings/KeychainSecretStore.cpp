#include "KeychainSecretStore.h"

#include <QPointer>
#include <QTimer>

#include <qt6keychain/keychain.h>

#include <memory>

namespace swb {

namespace {

// QtKeychain reports a missing D-Bus or Secret Service as OtherError on some versions; those
// mean the same to the user as NoBackendAvailable.
bool soundsUnavailable(const QString& reason)
{
    static const char* const kHints[] = {"D-Bus",
                                         "DBus",
                                         "dbus",
                                         "org.freedesktop.secrets",
                                         "No such interface",
                                         "not provided by any .service",
                                         "Cannot autolaunch",
                                         "ServiceUnknown"};
    for (const char* hint : kHints) {
        if (reason.contains(QLatin1String(hint)))
            return true;
    }
    return false;
}

} // namespace

KeychainSecretStore::KeychainSecretStore(QObject* parent, std::chrono::milliseconds timeout,
                                         const QString& service)
    : SecretStore(parent), m_service(service), m_timeout(timeout)
{}

void KeychainSecretStore::readSecret(const QString& key, ReadCallback done)
{
    if (auto error = keyError(key))
        return deliver(std::move(done), std::unexpected(*error));
    auto* job = new QKeychain::ReadPasswordJob(m_service, this);
    job->setKey(key);
    run(job, [this, key, done = std::move(done)](QKeychain::Job* finished) mutable {
        if (!finished)
            return deliver(std::move(done), std::unexpected(timeoutError(key)));
        if (finished->error() != QKeychain::NoError)
            return deliver(std::move(done), std::unexpected(toError(*finished, Operation::Read)));
        const auto* read = static_cast<QKeychain::ReadPasswordJob*>(finished);
        deliver(std::move(done), Result<QString>(read->textData()));
    });
}

void KeychainSecretStore::writeSecret(const QString& key, const QString& value, DoneCallback done)
{
    if (auto error = keyError(key))
        return deliver(std::move(done), std::unexpected(*error));
    auto* job = new QKeychain::WritePasswordJob(m_service, this);
    job->setKey(key);
    job->setTextData(value);
    run(job, [this, key, done = std::move(done)](QKeychain::Job* finished) mutable {
        if (!finished)
            return deliver(std::move(done), std::unexpected(timeoutError(key)));
        if (finished->error() != QKeychain::NoError)
            return deliver(std::move(done), std::unexpected(toError(*finished, Operation::Write)));
        deliver(std::move(done), Result<void>());
    });
}

void KeychainSecretStore::removeSecret(const QString& key, DoneCallback done)
{
    if (auto error = keyError(key))
        return deliver(std::move(done), std::unexpected(*error));
    auto* job = new QKeychain::DeletePasswordJob(m_service, this);
    job->setKey(key);
    run(job, [this, key, done = std::move(done)](QKeychain::Job* finished) mutable {
        if (!finished)
            return deliver(std::move(done), std::unexpected(timeoutError(key)));
        if (finished->error() != QKeychain::NoError)
            return deliver(std::move(done), std::unexpected(toError(*finished, Operation::Remove)));
        deliver(std::move(done), Result<void>());
    });
}

void KeychainSecretStore::run(QKeychain::Job* job, std::function<void(QKeychain::Job*)> finished)
{
    // Never fall back to a plain-text file: that is exactly where secrets must not go.
    job->setInsecureFallback(false);
    job->setAutoDelete(true);

    struct Pending {
        bool settled = false;
        std::function<void(QKeychain::Job*)> finished;
        QPointer<QTimer> timer;
    };
    auto pending = std::make_shared<Pending>();
    pending->finished = std::move(finished);
    auto settle = [pending](QKeychain::Job* result) {
        if (pending->settled)
            return;
        pending->settled = true;
        if (pending->timer)
            pending->timer->deleteLater();
        auto callback = std::move(pending->finished);
        callback(result);
    };

    pending->timer = new QTimer(this);
    pending->timer->setSingleShot(true);
    connect(pending->timer, &QTimer::timeout, this, [settle]() { settle(nullptr); });
    connect(job, &QKeychain::Job::finished, this, [settle](QKeychain::Job* done) { settle(done); });
    pending->timer->start(m_timeout);
    job->start();
}

Error KeychainSecretStore::timeoutError(const QString& key) const
{
    return Error{ErrorCode::Io,
                 QStringLiteral("The system keychain did not answer within %1 seconds about %2; "
                                "check that it is unlocked and running, then try again.")
                     .arg(double(m_timeout.count()) / 1000.0)
                     .arg(key),
                 {},
                 {}};
}

Error KeychainSecretStore::toError(const QKeychain::Job& job, Operation operation) const
{
    const QString key = job.key();
    const QString reason = job.errorString().trimmed();
    const QString detail = QStringLiteral("QtKeychain error %1 (service %2): %3")
                               .arg(int(job.error()))
                               .arg(m_service, reason);
    const QString action = operation == Operation::Read    ? QStringLiteral("read")
                           : operation == Operation::Write ? QStringLiteral("store")
                                                           : QStringLiteral("remove");
    const QString done = operation == Operation::Read    ? QStringLiteral("read")
                         : operation == Operation::Write ? QStringLiteral("stored")
                                                         : QStringLiteral("removed");
    auto error = [&](ErrorCode code, QString message) {
        return Error{code, std::move(message), detail, {}};
    };
    const QString unavailable =
        QStringLiteral("The system keychain is not available, so the secret %1 cannot be %2; "
                       "start your desktop's keyring (GNOME Keyring, KWallet or another Secret "
                       "Service) and try again.")
            .arg(key, done);

    switch (job.error()) {
    case QKeychain::NoError:
        break;
    case QKeychain::EntryNotFound:
        return error(
            ErrorCode::NotFound,
            QStringLiteral("No secret named %1 is stored in the system keychain.").arg(key));
    case QKeychain::AccessDeniedByUser:
        return error(ErrorCode::PermissionDenied,
                     QStringLiteral("Access to the system keychain was denied, so the secret %1 "
                                    "cannot be %2; allow Serverless Workbench to use the "
                                    "keychain and try again.")
                         .arg(key, done));
    case QKeychain::AccessDenied:
        return error(ErrorCode::PermissionDenied,
                     QStringLiteral("The system keychain refused to %1 the secret %2: %3.")
                         .arg(action, key, reason));
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return error(ErrorCode::Unsupported, unavailable);
    case QKeychain::CouldNotDeleteEntry:
        return error(ErrorCode::Io,
                     QStringLiteral("The system keychain could not remove the secret %1: %2.")
                         .arg(key, reason));
    case QKeychain::OtherError:
        if (soundsUnavailable(reason))
            return error(ErrorCode::Unsupported, unavailable);
        break;
    }
    return error(ErrorCode::Io,
                 QStringLiteral("The system keychain could not %1 the secret %2: %3.")
                     .arg(action, key, reason));
}

} // namespace swb
