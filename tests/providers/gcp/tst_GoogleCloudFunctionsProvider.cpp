// GoogleCloudFunctionsProvider against FakeGcp: credentials and identity, the deploy (upload URL,
// signed upload, create or patch, operation polling, ready), the unchanged-code skip, failures
// (failed operation, 429 with Retry-After, dropped upload, expired token, cancel), list and
// remove, the Cloud Logging tail, and that no secret reaches a log line or an error.
#include "FakeGcp.h"
#include "TestFiles.h"
#include "common/DeployJob.h"
#include "common/Deployer.h"
#include "common/LogTail.h"
#include "common/Packager.h"
#include "format/WorkspaceFile.h"
#include "gcp/GcpAdapters.h"
#include "gcp/GoogleCloudFunctionsProvider.h"
#include "settings/InMemorySecretStore.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace swb;

namespace {

template <typename T, typename Start> Result<T> waitFor(Start start)
{
    std::optional<Result<T>> out;
    start([&](Result<T> r) { out = std::move(r); });
    if (!QTest::qWaitFor([&] { return out.has_value(); }, 20000))
        return fail(ErrorCode::Internal, QStringLiteral("no answer within 20 s"));
    return *out;
}

} // namespace

class tst_GoogleCloudFunctionsProvider : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<test::FakeGcp> m_fake;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<QTemporaryDir> m_dir;
    QStringList m_log;
    QList<Error> m_errors;
    FunctionSpec m_function;

    std::unique_ptr<GoogleCloudFunctionsProvider> makeProvider(QJsonObject extensions = {},
                                                               SecretStore* secrets = nullptr,
                                                               QProcessEnvironment env = {})
    {
        ProviderContext ctx;
        ctx.network = m_nam.get();
        ctx.environment = env;
        ctx.secrets = secrets;
        ctx.workspaceFolder = m_dir->path();
        ctx.endpoint = m_fake->endpoint();
        ctx.target =
            DeployTarget{QStringLiteral("prod"), QStringLiteral("gcp"), {}, {}, extensions};
        auto provider = std::make_unique<GoogleCloudFunctionsProvider>(ctx);
        provider->setOperationPollIntervalMs(5);
        provider->httpClient()->setRandomSource([] { return 0.0; });
        // Bodies too: the token request carries the assertion, its answer the access token.
        provider->httpClient()->setLogBodies(true);
        connect(provider->httpClient(), &HttpClient::log, this,
                [this](const QString& line) { m_log << line; });
        return provider;
    }
    std::unique_ptr<GoogleCloudFunctionsProvider> keyFileProvider()
    {
        return makeProvider(QJsonObject{{"credentials", "secrets/key.json"}});
    }

    std::shared_ptr<const Package> package(const QByteArray& code)
    {
        const QString folder = m_dir->filePath(QStringLiteral("orders"));
        if (!test::writeFile(folder, QStringLiteral("app.py"), code))
            return {};
        Packager packager(folder);
        auto files = GcpAdapters::files(m_function, QString());
        if (!files)
            return {};
        for (const GeneratedFile& f : *files)
            packager.addGeneratedFile(f);
        auto p = packager.package();
        return p ? std::make_shared<const Package>(*p) : nullptr;
    }

    Result<DeployResult> runDeploy(GoogleCloudFunctionsProvider& provider,
                                   std::shared_ptr<const Package> pkg, QStringList* steps = nullptr)
    {
        DeploySpec spec;
        spec.workspaceName = QStringLiteral("shop");
        spec.function = m_function;
        spec.remoteName = QStringLiteral("orders");
        spec.package = std::move(pkg);
        DeployJob* job = provider.deploy(spec);
        QSignalSpy finished(job, &DeployJob::finished);
        connect(job, &DeployJob::stepStarted, job, [steps](const QString& step, const QString&) {
            if (steps && (steps->isEmpty() || steps->last() != step))
                *steps << step;
        });
        if (!finished.wait(20000))
            return fail(ErrorCode::Internal, QStringLiteral("the deploy did not finish"));
        if (!*job->result())
            m_errors << job->result()->error();
        return *job->result();
    }

    QStringList secrets() const
    {
        QStringList s = m_fake->issuedTokens + m_fake->assertions;
        for (const QString& line :
             m_fake->privateKey().split(QLatin1Char('\n'), Qt::SkipEmptyParts))
            if (!line.startsWith(QLatin1String("-----")))
                s << line;
        return s;
    }

private slots:
    void init()
    {
        m_fake = std::make_unique<test::FakeGcp>();
        m_nam = std::make_unique<QNetworkAccessManager>();
        m_dir = std::make_unique<QTemporaryDir>();
        m_log.clear();
        m_errors.clear();
        QVERIFY(
            test::writeFile(m_dir->path(), QStringLiteral("secrets/key.json"), m_fake->keyJson()));
        m_function = FunctionSpec{};
        m_function.name = QStringLiteral("orders");
        m_function.runtime = QStringLiteral("python3.12");
        m_function.handler = QStringLiteral("app.handler");
        m_function.codeUri = QStringLiteral("orders");
        m_function.memoryMb = 256;
        m_function.timeoutSeconds = 30;
        m_function.environment = {{QStringLiteral("TABLE"), QStringLiteral("orders")}};
    }

    void cleanup()
    {
        // No private key line, assertion or access token in any log line or error.
        const QStringList s = secrets();
        QVERIFY(!s.isEmpty());
        for (const QString& secret : s) {
            for (const QString& line : m_log)
                QVERIFY2(!line.contains(secret), qPrintable(line));
            for (const Error& e : m_errors) {
                QVERIFY2(!e.message.contains(secret), qPrintable(e.message));
                QVERIFY2(!e.detail.contains(secret), qPrintable(e.detail));
            }
        }
    }

    void identityIsTheServiceAccount()
    {
        auto provider = keyFileProvider();
        QCOMPARE(provider->id(), QStringLiteral("gcp"));
        auto identity =
            waitFor<ProviderIdentity>([&](auto done) { provider->checkIdentity(done); });
        QVERIFY2(identity, identity ? "" : qPrintable(identity.error().message));
        QCOMPARE(identity->who, m_fake->email);
        QCOMPARE(identity->region, QStringLiteral("us-central1"));
        QVERIFY(identity->credentialSource.contains(
            m_dir->filePath(QStringLiteral("secrets/key.json"))));
        QCOMPARE(identity->endpoint, m_fake->endpoint());
        QCOMPARE(m_fake->count("POST", QStringLiteral("/token")), 1);
        QCOMPARE(
            m_fake->count(
                "GET", QStringLiteral("/v2/projects/demo-project/locations/us-central1/functions")),
            1);
    }

    void credentialsFromTheEnvironmentThenTheKeychain()
    {
        QProcessEnvironment env;
        env.insert(QStringLiteral("GOOGLE_APPLICATION_CREDENTIALS"),
                   m_dir->filePath(QStringLiteral("secrets/key.json")));
        auto fromEnv = makeProvider({}, nullptr, env);
        auto identity = waitFor<ProviderIdentity>([&](auto done) { fromEnv->checkIdentity(done); });
        QVERIFY2(identity, identity ? "" : qPrintable(identity.error().message));
        QVERIFY(
            identity->credentialSource.contains(QLatin1String("GOOGLE_APPLICATION_CREDENTIALS")));

        InMemorySecretStore store;
        QVERIFY(waitFor<void>([&](auto done) {
            store.writeSecret(QStringLiteral("gcp/prod/service_account_json"),
                              QString::fromUtf8(m_fake->keyJson()), done);
        }));
        auto fromStore = makeProvider(QJsonObject{{"project", "other-project"}}, &store);
        m_fake->project = QStringLiteral("other-project");
        identity = waitFor<ProviderIdentity>([&](auto done) { fromStore->checkIdentity(done); });
        QVERIFY2(identity, identity ? "" : qPrintable(identity.error().message));
        QCOMPARE(identity->credentialSource,
                 QStringLiteral("keychain entry gcp/prod/service_account_json"));
        QCOMPARE(fromStore->project(), QStringLiteral("other-project"));

        auto none = makeProvider();
        identity = waitFor<ProviderIdentity>([&](auto done) { none->checkIdentity(done); });
        QVERIFY(!identity);
        QCOMPARE(identity.error().code, ErrorCode::Unauthorized);
        QVERIFY(identity.error().message.contains(QLatin1String("GOOGLE_APPLICATION_CREDENTIALS")));
        QVERIFY(identity.error().message.contains(QLatin1String("gcp/prod/service_account_json")));
    }

    void refusedKeyIsUnauthorizedNamingTheSource()
    {
        m_fake->email = QStringLiteral("another@demo-project.iam.gserviceaccount.com");
        auto provider = keyFileProvider();
        auto identity =
            waitFor<ProviderIdentity>([&](auto done) { provider->checkIdentity(done); });
        QVERIFY(!identity);
        m_errors << identity.error();
        QCOMPARE(identity.error().code, ErrorCode::Unauthorized);
        QVERIFY2(identity.error().message.contains(QLatin1String("secrets/key.json")),
                 qPrintable(identity.error().message));
        QVERIFY(identity.error().message.contains(QLatin1String("invalid_grant")));
    }

    void firstDeployCreatesTheFunction()
    {
        auto provider = keyFileProvider();
        QStringList steps;
        auto pkg = package("def handler(event, context):\n    return {'statusCode': 200}\n");
        QVERIFY(pkg);
        auto result = runDeploy(*provider, pkg, &steps);
        QVERIFY2(result, result ? "" : qPrintable(result.error().message));
        QCOMPARE(steps, (QStringList{"upload", "update", "ready"}));
        QCOMPARE(result->arn, m_fake->functionName(QStringLiteral("orders")));
        QCOMPARE(result->url, QStringLiteral("https://orders-abc123xyz-uc.a.run.app"));
        QVERIFY(!result->version.isEmpty());
        QVERIFY(!result->codeUnchanged);
        QCOMPARE(result->codeSha256, pkg->sha256Base64);

        QStringList calls;
        for (const test::FakeRequest& r : m_fake->requests)
            calls << QString::fromLatin1(r.method) + QLatin1Char(' ') +
                         r.path.section(QLatin1Char('/'), -1);
        QCOMPARE(calls, (QStringList{"POST token", "GET orders", "POST functions:generateUploadUrl",
                                     "PUT upload-1.zip", "POST functions", "GET operation-2",
                                     "GET operation-2", "GET orders"}));
        const test::FakeRequest* create = m_fake->last("POST", QStringLiteral("/functions"));
        QCOMPARE(create->query.queryItemValue("functionId"), QStringLiteral("orders"));
        const QJsonObject f =
            m_fake->functions.value(m_fake->functionName(QStringLiteral("orders")));
        QCOMPARE(f.value("buildConfig").toObject().value("runtime").toString(),
                 QStringLiteral("python312"));
        QCOMPARE(f.value("buildConfig").toObject().value("entryPoint").toString(),
                 QStringLiteral("swb_entry"));
        QCOMPARE(f.value("serviceConfig").toObject().value("availableMemory").toString(),
                 QStringLiteral("256Mi"));
        QCOMPARE(f.value("serviceConfig").toObject().value("timeoutSeconds").toInt(), 30);
        QCOMPARE(f.value("serviceConfig")
                     .toObject()
                     .value("environmentVariables")
                     .toObject()
                     .value("TABLE")
                     .toString(),
                 QStringLiteral("orders"));
        QCOMPARE(f.value("labels").toObject().value("swb-sha256").toString(),
                 GoogleCloudFunctionsProvider::hashLabel(pkg->sha256Base64));
        QCOMPARE(GoogleCloudFunctionsProvider::hashLabel(pkg->sha256Base64).size(), 40);
        // The signed upload URL's signature never reaches the log.
        for (const QString& line : m_log)
            QVERIFY2(!line.contains(QLatin1String("abcdef0123")), qPrintable(line));
    }

    void sameCodeIsSkipped()
    {
        auto provider = keyFileProvider();
        auto pkg = package("def handler(event, context):\n    return 1\n");
        QVERIFY(runDeploy(*provider, pkg));
        QStringList steps;
        auto again = runDeploy(*provider, pkg, &steps);
        QVERIFY2(again, again ? "" : qPrintable(again.error().message));
        QVERIFY(again->codeUnchanged);
        QCOMPARE(steps, (QStringList{"upload", "ready"}));
        QCOMPARE(m_fake->count("POST", QStringLiteral(":generateUploadUrl")), 1);
        QCOMPARE(m_fake->count("PATCH", QStringLiteral("/functions/")), 0);
        QCOMPARE(m_fake->count("POST", QStringLiteral("/token")), 1); // the token is kept
    }

    void changedCodeIsPatched()
    {
        auto provider = keyFileProvider();
        QVERIFY(runDeploy(*provider, package("def handler(e, c):\n    return 1\n")));
        auto changed = package("def handler(e, c):\n    return 2\n");
        auto result = runDeploy(*provider, changed);
        QVERIFY2(result, result ? "" : qPrintable(result.error().message));
        QVERIFY(!result->codeUnchanged);
        const test::FakeRequest* patch = m_fake->last("PATCH", QStringLiteral("/functions/orders"));
        QVERIFY(patch);
        QCOMPARE(patch->query.queryItemValue("updateMask"),
                 QStringLiteral(
                     "buildConfig.source,buildConfig.runtime,buildConfig.entryPoint,"
                     "buildConfig.environmentVariables,serviceConfig.availableMemory,"
                     "serviceConfig.timeoutSeconds,serviceConfig.environmentVariables,labels"));
        QCOMPARE(m_fake->count("PUT", QStringLiteral("/upload-")), 2);
        QCOMPARE(m_fake->functions.value(m_fake->functionName(QStringLiteral("orders")))
                     .value("labels")
                     .toObject()
                     .value("swb-sha256")
                     .toString(),
                 GoogleCloudFunctionsProvider::hashLabel(changed->sha256Base64));

        // Same code, more memory: patched without an upload or the source in the mask.
        m_function.memoryMb = 512;
        result = runDeploy(*provider, changed);
        QVERIFY2(result, result ? "" : qPrintable(result.error().message));
        QVERIFY(result->codeUnchanged);
        QCOMPARE(m_fake->count("PUT", QStringLiteral("/upload-")), 2);
        patch = m_fake->last("PATCH", QStringLiteral("/functions/orders"));
        QVERIFY(!patch->query.queryItemValue("updateMask")
                     .contains(QLatin1String("buildConfig.source")));
        QCOMPARE(m_fake->functions.value(m_fake->functionName(QStringLiteral("orders")))
                     .value("serviceConfig")
                     .toObject()
                     .value("availableMemory")
                     .toString(),
                 QStringLiteral("512Mi"));
    }

    void failedOperationSaysWhy()
    {
        auto provider = keyFileProvider();
        m_fake->failNextOperation =
            QStringLiteral("Build failed: ModuleNotFoundError: No module named 'requests'");
        auto result = runDeploy(*provider, package("import requests\n"));
        QVERIFY(!result);
        QCOMPARE(result.error().code, ErrorCode::Remote);
        QVERIFY2(result.error().message.contains(QLatin1String("No module named 'requests'")),
                 qPrintable(result.error().message));
        QVERIFY(result.error().message.contains(QLatin1String(
            "Creating projects/demo-project/locations/us-central1/functions/orders")));
    }

    void operationThatNeverEndsTimesOut()
    {
        auto provider = keyFileProvider();
        provider->setOperationTimeoutMs(100);
        m_fake->operationPolls = 1000000;
        auto result = runDeploy(*provider, package("def handler(e, c):\n    return 1\n"));
        QVERIFY(!result);
        QVERIFY2(result.error().message.contains(QLatin1String("still running")),
                 qPrintable(result.error().message));
        QVERIFY(m_fake->count("GET", QStringLiteral("/operations/")) >= 10);

        // A function that stays DEPLOYING is reported with its state.
        m_fake->operationPolls = 1;
        m_fake->stateAfterDeploy = QStringLiteral("DEPLOYING");
        auto other = package("def handler(e, c):\n    return 2\n");
        DeploySpec spec;
        spec.function = m_function;
        spec.remoteName = QStringLiteral("payments");
        spec.package = other;
        DeployJob* job = provider->deploy(spec);
        QTRY_VERIFY(job->isFinished());
        QCOMPARE(job->result()->error().code, ErrorCode::Remote);
        QVERIFY2(job->result()->error().message.contains(QLatin1String("DEPLOYING")),
                 qPrintable(job->result()->error().message));
        m_errors << job->result()->error();
    }

    void unsupportedRuntimeAndBadNamesAreRefused()
    {
        auto provider = keyFileProvider();
        auto pkg = package("x = 1\n");
        m_function.runtime = QStringLiteral("provided.al2023");
        auto result = runDeploy(*provider, pkg);
        QVERIFY(!result);
        QCOMPARE(result.error().code, ErrorCode::Unsupported);
        m_function.runtime = QStringLiteral("python3.12");
        DeploySpec spec;
        spec.function = m_function;
        spec.remoteName = QStringLiteral("Orders_API");
        spec.package = pkg;
        DeployJob* job = provider->deploy(spec);
        QTRY_VERIFY(job->isFinished());
        QCOMPARE(job->result()->error().code, ErrorCode::InvalidArgument);
        QVERIFY(job->result()->error().message.contains(QLatin1String("Orders_API")));
        QVERIFY(m_fake->requests.isEmpty());
    }

    void throttledThenSucceeds()
    {
        auto provider = keyFileProvider();
        QSignalSpy retries(provider->httpClient(), &HttpClient::retryScheduled);
        m_fake->failNext(QStringLiteral(":generateUploadUrl"), 429, 1, "1");
        m_fake->failNext(QStringLiteral("/operations/"), 503, 1);
        auto result = runDeploy(*provider, package("def handler(e, c):\n    return 1\n"));
        QVERIFY2(result, result ? "" : qPrintable(result.error().message));
        QCOMPARE(m_fake->count("POST", QStringLiteral(":generateUploadUrl")), 2);
        QCOMPARE(retries.size(), 2);
        QCOMPARE(retries.at(0).at(2).toInt(), 1000); // Retry-After: 1
    }

    void droppedUploadFails()
    {
        auto provider = keyFileProvider();
        m_fake->dropUploads = 100;
        auto result = runDeploy(*provider, package("def handler(e, c):\n    return 1\n"));
        QVERIFY(!result);
        QCOMPARE(result.error().code, ErrorCode::Network);
        QVERIFY(m_fake->count("PUT", QStringLiteral("/upload-")) >= 1);
        QCOMPARE(m_fake->count("POST", QStringLiteral("/functions")) -
                     m_fake->count("POST", QStringLiteral(":generateUploadUrl")),
                 0);
        QVERIFY(m_fake->functions.isEmpty());
    }

    void expiredTokenIsReplacedOnce()
    {
        auto provider = keyFileProvider();
        auto pkg = package("def handler(e, c):\n    return 1\n");
        QVERIFY(runDeploy(*provider, pkg));
        m_fake->expireTokens();
        auto result = runDeploy(*provider, pkg);
        QVERIFY2(result, result ? "" : qPrintable(result.error().message));
        QCOMPARE(provider->tokenFetchCount(), 2);
        QCOMPARE(m_fake->count("POST", QStringLiteral("/token")), 2);
    }

    void cancelAbortsTheRequestInFlight()
    {
        auto provider = keyFileProvider();
        QVERIFY(waitFor<ProviderIdentity>(
            [&](auto done) { provider->checkIdentity(done); })); // a token
        DeploySpec spec;
        spec.function = m_function;
        spec.remoteName = QStringLiteral("orders");
        spec.package = package("def handler(e, c):\n    return 1\n");
        DeployJob* job = provider->deploy(spec);
        QSignalSpy finished(job, &DeployJob::finished);
        connect(job, &DeployJob::stepStarted, this, [this](const QString& step) {
            if (step == QLatin1String("upload"))
                m_fake->holdResponses = true; // the lookup that follows never gets an answer
        });
        QTRY_VERIFY(m_fake->count("GET", QStringLiteral("/functions/orders")) == 1);
        QCOMPARE(provider->httpClient()->pendingCount(), 1);
        job->cancel();
        QTRY_COMPARE(finished.size(), 1);
        QCOMPARE(job->result()->error().code, ErrorCode::Cancelled);
        QTRY_COMPARE(provider->httpClient()->pendingCount(), 0);
        QCOMPARE(m_fake->count("POST", QStringLiteral(":generateUploadUrl")), 0);
    }

    void cancelDuringOperationPollingStops()
    {
        auto provider = keyFileProvider();
        m_fake->operationPolls = 1000000;
        DeploySpec spec;
        spec.function = m_function;
        spec.remoteName = QStringLiteral("orders");
        spec.package = package("def handler(e, c):\n    return 1\n");
        DeployJob* job = provider->deploy(spec);
        QSignalSpy finished(job, &DeployJob::finished);
        QTRY_VERIFY(m_fake->count("GET", QStringLiteral("/operations/")) >= 3);
        job->cancel();
        QTRY_COMPARE(finished.size(), 1);
        QCOMPARE(job->result()->error().code, ErrorCode::Cancelled);
        // The poll that was on the wire when the cancel came may still reach the server; after
        // a round trip, several more (far longer than the 5 ms poll interval) bring no poll.
        QVERIFY(waitFor<QStringList>([&](auto done) { provider->listFunctions(done); }));
        const int polls = m_fake->count("GET", QStringLiteral("/operations/"));
        for (int i = 0; i < 3; ++i)
            QVERIFY(waitFor<QStringList>([&](auto done) { provider->listFunctions(done); }));
        QCOMPARE(m_fake->count("GET", QStringLiteral("/operations/")), polls);
    }

    void listsAndRemovesFunctions()
    {
        auto provider = keyFileProvider();
        auto pkg = package("def handler(e, c):\n    return 1\n");
        for (const QString& name :
             {QStringLiteral("orders"), QStringLiteral("payments"), QStringLiteral("refunds")}) {
            DeploySpec spec;
            spec.function = m_function;
            spec.remoteName = name;
            spec.package = pkg;
            QSignalSpy finished(provider->deploy(spec), &DeployJob::finished);
            QVERIFY(finished.wait(20000));
        }
        QCOMPARE(m_fake->functions.size(), 3);
        auto names = waitFor<QStringList>([&](auto done) { provider->listFunctions(done); });
        QVERIFY(names);
        QCOMPARE(*names, (QStringList{"orders", "payments", "refunds"}));

        auto removed = waitFor<void>(
            [&](auto done) { provider->removeFunction(QStringLiteral("payments"), done); });
        QVERIFY2(removed, removed ? "" : qPrintable(removed.error().message));
        QCOMPARE(m_fake->functions.size(), 2);
        removed = waitFor<void>(
            [&](auto done) { provider->removeFunction(QStringLiteral("payments"), done); });
        QVERIFY(!removed);
        QCOMPARE(removed.error().code, ErrorCode::NotFound);
        QVERIFY(removed.error().message.contains(QLatin1String("was not found")));
    }

    void deployThroughTheDeployer()
    {
        // As `swb deploy orders --provider gcp --target prod` runs it: the Deployer packages the
        // folder with the generated entry point, and records the outcome.
        QVERIFY(test::writeFile(m_dir->path(), QStringLiteral("workbench.json"),
                                R"({"name": "shop", "functions": [
            {"name": "orders", "runtime": "python3.12", "handler": "app.handler",
             "codeUri": "orders", "memoryMb": 256}]})"));
        QVERIFY(test::writeFile(m_dir->filePath(QStringLiteral("orders")), QStringLiteral("app.py"),
                                "def handler(event, context):\n    return {'statusCode': 200}\n"));
        auto loaded = WorkspaceFile::load(m_dir->path());
        QVERIFY2(loaded, loaded ? "" : qPrintable(loaded.error().message));
        auto provider = keyFileProvider();
        Deployer deployer(provider.get());
        DeployJob* job =
            deployer.deploy(loaded->workspace, QStringLiteral("orders"), QStringLiteral("prod"));
        QSignalSpy finished(job, &DeployJob::finished);
        QVERIFY(finished.wait(20000));
        const Result<DeployResult>& result = *job->result();
        QVERIFY2(result, result ? "" : qPrintable(result.error().message));
        QCOMPARE(result->url, QStringLiteral("https://orders-abc123xyz-uc.a.run.app"));
        QVERIFY(deployer.record());
        QCOMPARE(deployer.record()->provider, QStringLiteral("gcp"));
        QCOMPARE(deployer.record()->outcome, DeployOutcome::Succeeded);
        QCOMPARE(deployer.record()->url, QStringLiteral("https://orders-abc123xyz-uc.a.run.app"));
        // The uploaded zip held the generated main.py beside the handler.
        QCOMPARE(m_fake->uploaded.size(), 1);
        const QByteArray zip = m_fake->last("PUT", QStringLiteral("/upload-"))->body;
        QVERIFY(zip.contains("main.py"));
        QVERIFY(zip.contains("app.py"));
    }

    void adapterFilesReadTheFunctionsFolder()
    {
        auto provider = keyFileProvider();
        auto files = provider->adapterFiles(m_function);
        QVERIFY(files);
        QCOMPARE(files->first().path, QStringLiteral("main.py"));
        QVERIFY(files->first().bytes.contains("HANDLER_MODULE = \"app\""));
        // A main.py of the function's own would be replaced: refused, naming it.
        QVERIFY(test::writeFile(m_dir->filePath(QStringLiteral("orders")),
                                QStringLiteral("main.py"), "x = 1\n"));
        files = provider->adapterFiles(m_function);
        QVERIFY(!files);
        QVERIFY(files.error().message.contains(QLatin1String("main.py")));
    }

    void logsArriveOnceEachThenStop()
    {
        auto provider = keyFileProvider();
        const QDateTime t0 = QDateTime::currentDateTimeUtc().addSecs(-60);
        m_fake->addLog(QStringLiteral("orders"), QStringLiteral("a1"), t0.addSecs(1),
                       QStringLiteral("START"));
        m_fake->addLog(QStringLiteral("orders"), QStringLiteral("a2"), t0.addSecs(2),
                       QStringLiteral("working"), QStringLiteral("inst-2"));
        m_fake->addLog(QStringLiteral("orders"), QStringLiteral("a3"), t0.addSecs(3),
                       QStringLiteral("END"));
        m_fake->addLog(QStringLiteral("payments"), QStringLiteral("p1"), t0.addSecs(3),
                       QStringLiteral("other function"));
        LogQuery query;
        query.function = QStringLiteral("orders");
        query.since = t0;
        query.follow = true;
        query.pollIntervalMs = 20;
        LogTail* tail = provider->tailLogs(query);
        QList<LogEvent> seen;
        connect(tail, &LogTail::eventsArrived, this,
                [&](const QList<LogEvent>& events) { seen << events; });
        QSignalSpy finished(tail, &LogTail::finished);
        QTRY_COMPARE(seen.size(), 3);
        QCOMPARE(seen[0].id, QStringLiteral("a1"));
        QCOMPARE(seen[0].message, QStringLiteral("START"));
        QCOMPARE(seen[0].stream, QStringLiteral("inst-1"));
        QCOMPARE(seen[1].stream, QStringLiteral("inst-2"));
        QCOMPARE(seen[0].time.toSecsSinceEpoch(), t0.addSecs(1).toSecsSinceEpoch());
        const QJsonObject request =
            m_fake->last("POST", QStringLiteral("/v2/entries:list"))->json();
        QCOMPARE(request.value("resourceNames").toArray(), QJsonArray{"projects/demo-project"});

        // New lines, and a failed poll in between: said once, then recovered.
        QSignalSpy problems(tail, &LogTail::problem);
        QSignalSpy recovered(tail, &LogTail::recovered);
        m_fake->failNext(QStringLiteral("/v2/entries:list"), 500, 1);
        m_fake->addLog(QStringLiteral("orders"), QStringLiteral("a4"), t0.addSecs(4),
                       QStringLiteral("second request"));
        m_fake->logEntries.append(QJsonObject{
            {"insertId", "a5"},
            {"timestamp", t0.addSecs(5).toString(Qt::ISODateWithMs)},
            {"jsonPayload", QJsonObject{{"message", "structured"}, {"severity", "INFO"}}},
            {"resource",
             QJsonObject{{"type", "cloud_run_revision"},
                         {"labels", QJsonObject{{"service_name", "orders"},
                                                {"revision_name", "orders-00002-xyz"}}}}}});
        QTRY_COMPARE(seen.size(), 5);
        QCOMPARE(problems.size(), 1);
        QCOMPARE(recovered.size(), 1);
        QCOMPARE(seen[4].message, QStringLiteral("structured"));
        QCOMPARE(seen[4].stream, QStringLiteral("orders-00002-xyz"));
        const int polls = m_fake->count("POST", QStringLiteral("/v2/entries:list"));
        QTRY_VERIFY(m_fake->count("POST", QStringLiteral("/v2/entries:list")) > polls + 2);
        QCOMPARE(seen.size(), 5); // overlapping windows never show a line twice

        tail->stop();
        QTRY_COMPARE(finished.size(), 1);
        QVERIFY(*tail->result());
    }

    void logsOnceWithoutFollow()
    {
        auto provider = keyFileProvider();
        const QDateTime t0 = QDateTime::currentDateTimeUtc().addSecs(-60);
        for (int i = 0; i < 5; ++i)
            m_fake->addLog(QStringLiteral("orders"), QStringLiteral("id%1").arg(i),
                           t0.addSecs(i + 1), QStringLiteral("line %1").arg(i));
        LogQuery query;
        query.function = QStringLiteral("orders");
        query.since = t0;
        LogTail* tail = provider->tailLogs(query);
        QList<LogEvent> seen;
        connect(tail, &LogTail::eventsArrived, this,
                [&](const QList<LogEvent>& events) { seen << events; });
        QSignalSpy finished(tail, &LogTail::finished);
        QVERIFY2(finished.wait(10000), qPrintable(m_log.join(QLatin1Char('\n'))));
        QCOMPARE(seen.size(), 5); // three pages of two
        QCOMPARE(m_fake->count("POST", QStringLiteral("/v2/entries:list")), 3);
    }
};

QTEST_GUILESS_MAIN(tst_GoogleCloudFunctionsProvider)
#include "tst_GoogleCloudFunctionsProvider.moc"
