#pragma once
// One platform a function can go to — AWS Lambda, Azure Functions, Google Cloud Functions,
// Apache OpenWhisk, a local stage. The same calls for all: who am I there, deploy (create or
// update, step by step, cancellable), list, remove, and the function's logs.
//
// Every call is asynchronous (the GUI thread never waits on the network) and every endpoint
// can be overridden (ProviderContext::endpoint), so an emulator or a test server can stand in.

#include "Error.h"
#include "model/FunctionSpec.h"
#include "model/ScenarioSpec.h"

#include <QObject>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

class QNetworkAccessManager;

namespace swb {

class DeployJob;
class LogTail;
class SecretStore;
struct GeneratedFile;
struct LogQuery;
struct Package;

// Where a provider finds what it needs; all of it injected, so tests control it.
struct ProviderContext {
    QNetworkAccessManager* network = nullptr;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    QString homeFolder;             // for ~/.aws, ~/.wskprops …; empty: the user's home
    SecretStore* secrets = nullptr; // optional: the keychain
    DeployTarget target;            // provider, region, endpoint, extensions
    QString profile;                // a named credentials profile (--profile)
    QString region;                 // overrides the target's and the profile's region
    QString endpoint;               // overrides the target's endpoint (emulator, test server)
    QString workspaceFolder;
};

// Who the credentials are on the platform, and where they came from (never the secret).
struct ProviderIdentity {
    QString who;              // an ARN, an account, a namespace, a service account e-mail
    QString credentialSource; // "environment variables", "profile 'dev' in ~/.aws/credentials"
    QString endpoint;         // the API the provider talks to
    QString region;
};

// One deploy: the function as the workspace declares it, and its package (adapters included).
struct DeploySpec {
    QString workspaceName;
    FunctionSpec function;
    QString remoteName; // the function's name on the platform
    std::shared_ptr<const Package> package;
};

class Provider : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;

    virtual QString id() const = 0; // "aws", "azure", "gcp", "openwhisk", "local"

    // Checks the credentials against the platform (AWS: STS GetCallerIdentity).
    virtual void checkIdentity(std::function<void(Result<ProviderIdentity>)> done) = 0;

    // Files the platform needs beside the user's Lambda-style handler (an entry point that
    // turns the platform's request into a Lambda event); none for AWS.
    virtual Result<QList<GeneratedFile>> adapterFiles(const FunctionSpec& function) const;

    // Creates or updates the function. The job is the provider's child; it reports steps and
    // finishes exactly once.
    virtual DeployJob* deploy(const DeploySpec& spec) = 0;

    // The function's log lines since query.since, then (query.follow) new ones as they come.
    virtual LogTail* tailLogs(const LogQuery& query) = 0;

    virtual void listFunctions(std::function<void(Result<QStringList>)> done) = 0;
    virtual void removeFunction(const QString& remoteName,
                                std::function<void(Result<void>)> done) = 0;
};

} // namespace swb
