// AzureFunctionsProvider against FakeKudu: publish profiles, service principal tokens, the zip
// deploy with its polling, throttling, dropped and cancelled uploads, the function list, the
// live log stream across a drop, and no secret in any log line or message.
#include "FakeKudu.h"
#include "TestFiles.h"
#include "azure/AzureFunctionsAdapters.h"
#include "azure/AzureFunctionsProvider.h"
#include "azure/PublishProfile.h"
#include "common/DeployJob.h"
#include "common/DeployLog.h"
#include "common/Deployer.h"
#include "common/HttpClient.h"
#include "common/LogTail.h"
#include "common/Packager.h"
#include "model/Workspace.h"
#include "settings/InMemorySecretStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace swb;

namespace {

// The shape the portal's "Get publish profile" downloads (three profiles; ZipDeploy last);
// defined at the end of the file, since moc (Qt 6.4) loses its place in that raw string.
QByteArray profileXml(const QString& password);

FunctionSpec ordersFunction(const QString& runtime = QStringLiteral("python3.12"))
{
    FunctionSpec f;
    f.name = QStringLiteral("orders");
    f.runtime = runtime;
    f.handler = runtime.startsWith(QLatin1String("python")) ? QStringLiteral("app.handler")
                                                            : QStringLiteral("index.handler");
    f.timeoutSeconds = 30;
    TriggerSpec t;
    t.type = TriggerType::Http;
    t.method = QStringLiteral("POST");
    t.path = QStringLiteral("/orders/{id}");
    f.triggers << t;
    return f;
}

template <typename T> std::optional<T> waitFor(std::function<void(std::function<void(T)>)> call)
{
    auto out = std::make_shared<std::optional<T>>();
    call([out](T value) { *out = std::move(value); });
    if (!QTest::qWaitFor([&] { return out->has_value(); }, 10000))
        return std::nullopt;
    return *out;
}

} // namespace

class tst_AzureFunctionsProvider : public QObject {
    Q_OBJECT
private:
    QNetworkAccessManager m_network;
    std::unique_ptr<FakeKudu> m_kudu;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<InMemorySecretStore> m_secrets;
    QStringList m_logLines; // every provider log line of the test
    QStringList m_messages; // every error message and detail seen
    QDateTime m_now;

    std::unique_ptr<AzureFunctionsProvider>
    provider(QJsonObject extensions, QProcessEnvironment env = QProcessEnvironment())
    {
        ProviderContext ctx;
        ctx.network = &m_network;
        ctx.environment = env;
        ctx.secrets = m_secrets.get();
        ctx.workspaceFolder = m_dir->path();
        ctx.endpoint = m_kudu->url();
        ctx.target.name = QStringLiteral("prod");
        ctx.target.provider = QStringLiteral("azure");
        if (!extensions.contains(QLatin1String("app")))
            extensions.insert(QStringLiteral("app"), QStringLiteral("orders-app"));
        ctx.target.extensions = extensions;
        auto p = std::make_unique<AzureFunctionsProvider>(ctx);
        // Bodies too (the token form, the token answer), so the secret check means something.
        p->httpClient()->setLogBodies(true);
        p->setPollIntervalsMs(5, 40);
        p->setLogStreamTiming(300, 20, 100);
        p->setClock([this] { return m_now; });
        connect(p.get(), &AzureFunctionsProvider::log, this,
                [this](const QString& line) { m_logLines << line; });
        return p;
    }
    std::unique_ptr<AzureFunctionsProvider> withProfile(const QString& password)
    {
        swb::test::writeFile(m_dir->path(), QStringLiteral("secrets/orders-app.PublishSettings"),
                             profileXml(password));
        return provider(QJsonObject{{"publishProfile", "secrets/orders-app.PublishSettings"}});
    }
    QProcessEnvironment principalEnv(const QString& secret) const
    {
        QProcessEnvironment env;
        env.insert(QStringLiteral("AZURE_TENANT_ID"), m_kudu->tenantId);
        env.insert(QStringLiteral("AZURE_CLIENT_ID"), m_kudu->clientId);
        if (!secret.isEmpty())
            env.insert(QStringLiteral("AZURE_CLIENT_SECRET"), secret);
        return env;
    }
    void note(const Error& e) { m_messages << e.message << e.detail; }

    Result<ProviderIdentity> identity(AzureFunctionsProvider& p)
    {
        auto r = waitFor<Result<ProviderIdentity>>([&](auto done) { p.checkIdentity(done); });
        if (!r)
            return fail(ErrorCode::Internal, QStringLiteral("no answer"));
        if (!*r)
            note(r->error());
        return *r;
    }

    std::shared_ptr<const Package> package(
        const FunctionSpec& f,
        const QByteArray& code = "def handler(event, context):\n    return {'statusCode': 200}\n")
    {
        const QString folder = m_dir->filePath(QStringLiteral("code-") + f.name);
        swb::test::writeFile(folder, QStringLiteral("app.py"), code);
        Packager packager(folder);
        auto files = AzureFunctionsAdapters::files(f, QStringLiteral("orders-app"));
        if (!files)
            return nullptr;
        for (const GeneratedFile& g : *files)
            packager.addGeneratedFile(g);
        auto pkg = packager.package();
        return pkg ? std::make_shared<const Package>(*pkg) : nullptr;
    }

    struct DeployOutcome {
        std::optional<Result<DeployResult>> result;
        QStringList steps;
    };
    DeployOutcome deploy(AzureFunctionsProvider& p, std::shared_ptr<const Package> pkg,
                         std::function<void(DeployJob*)> whileRunning = {})
    {
        DeploySpec spec;
        spec.function = ordersFunction();
        spec.remoteName = spec.function.name;
        spec.package = std::move(pkg);
        DeployJob* job = p.deploy(spec);
        DeployOutcome out;
        connect(job, &DeployJob::stepStarted, this,
                [&out](const QString& step, const QString&) { out.steps << step; });
        if (whileRunning)
            whileRunning(job);
        QSignalSpy finished(job, &DeployJob::finished);
        if (job->isFinished() || finished.wait(15000))
            out.result = *job->result();
        if (out.result && !*out.result)
            note(out.result->error());
        return out;
    }

    void expectNoSecrets()
    {
        QStringList secrets{
            m_kudu->password, m_kudu->clientSecret,
            QString::fromLatin1((m_kudu->userName + ':' + m_kudu->password).toUtf8().toBase64())};
        secrets += m_kudu->issuedTokens;
        const QStringList everything = m_logLines + m_messages;
        QVERIFY(!everything.isEmpty());
        for (const QString& line : everything)
            for (const QString& s : secrets)
                QVERIFY2(!line.contains(s),
                         qPrintable(QStringLiteral("a secret in: ") + line.left(200)));
    }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_kudu = std::make_unique<FakeKudu>();
        QVERIFY(m_kudu->listen());
        m_secrets = std::make_unique<InMemorySecretStore>();
        m_logLines.clear();
        m_messages.clear();
        m_now = QDateTime(QDate(2026, 11, 27), QTime(6, 0), Qt::UTC);
    }
    void cleanup()
    {
        QVERIFY2(m_kudu->violations.isEmpty(), qPrintable(m_kudu->violations.join('\n')));
        expectNoSecrets();
    }

    void publishProfilePicksZipDeploy()
    {
        auto p = PublishProfile::parse(profileXml(QStringLiteral("pw")),
                                       QStringLiteral("a.PublishSettings"));
        QVERIFY(p);
        QCOMPARE(p->publishMethod, QStringLiteral("ZipDeploy"));
        QCOMPARE(p->userName, QStringLiteral("$orders-app"));
        QCOMPARE(p->siteName, QStringLiteral("orders-app"));
        QCOMPARE(p->kuduUrl(), QUrl(QStringLiteral("https://orders-app.scm.azurewebsites.net")));
        QCOMPARE(p->destinationAppUrl, QStringLiteral("http://orders-app.azurewebsites.net"));
        m_messages << QStringLiteral("(no message)");
    }

    void malformedPublishProfileNamesFileAndFix()
    {
        const QByteArray broken = profileXml(m_kudu->password).left(300); // cut mid-attribute
        QVERIFY(swb::test::writeFile(m_dir->path(), QStringLiteral("bad.PublishSettings"), broken));
        auto p = PublishProfile::load(m_dir->filePath(QStringLiteral("bad.PublishSettings")));
        QVERIFY(!p);
        note(p.error());
        QCOMPARE(p.error().code, ErrorCode::Parse);
        QVERIFY(p.error().message.contains(QStringLiteral("bad.PublishSettings")));
        QVERIFY(p.error().message.contains(QStringLiteral("download it again")));

        auto ftpOnly = PublishProfile::parse(
            R"(<publishData><publishProfile publishMethod="FTP" publishUrl="ftp://x" userName="u" userPWD="p"/></publishData>)",
            QStringLiteral("ftp.PublishSettings"));
        QVERIFY(!ftpOnly);
        QVERIFY(ftpOnly.error().message.contains(QStringLiteral("no ZipDeploy or MSDeploy")));
        note(ftpOnly.error());
    }

    void identityWithPublishProfile()
    {
        auto p = withProfile(m_kudu->password);
        auto id = identity(*p);
        QVERIFY2(id, qPrintable(id ? QString() : id.error().message));
        QVERIFY(id->who.contains(QStringLiteral("orders-app")));
        QVERIFY(id->credentialSource.contains(QStringLiteral("orders-app.PublishSettings")));
        QCOMPARE(m_kudu->count("GET", QStringLiteral("/api/environment")), 1);
    }

    void wrongPasswordIsUnauthorizedNamingTheSource()
    {
        auto p = withProfile(QStringLiteral("not-the-password-9"));
        auto id = identity(*p);
        QVERIFY(!id);
        QCOMPARE(id.error().code, ErrorCode::Unauthorized);
        QVERIFY(id.error().message.contains(QStringLiteral("orders-app.PublishSettings")));
        QVERIFY(!id.error().message.contains(QStringLiteral("not-the-password-9")));
        QVERIFY(!id.error().detail.contains(QStringLiteral("not-the-password-9")));
    }

    void keychainPasswordWithUserName()
    {
        bool written = false;
        m_secrets->writeSecret(QStringLiteral("azure/prod/publish_password"), m_kudu->password,
                               [&](Result<void>) { written = true; });
        QTRY_VERIFY(written);
        auto p = provider(QJsonObject{{"userName", "$orders-app"}});
        auto id = identity(*p);
        QVERIFY(id);
        QVERIFY(id->credentialSource.contains(QStringLiteral("azure/prod/publish_password")));
    }

    void servicePrincipalTokenFetchedAndRefreshed()
    {
        auto p = provider({}, principalEnv(m_kudu->clientSecret));
        QVERIFY(identity(*p));
        QVERIFY(identity(*p));
        QCOMPARE(m_kudu->tokenRequests, 1); // kept while valid
        m_now = m_now.addSecs(3599 - 299);  // within 5 minutes of expiry
        auto id = identity(*p);
        QVERIFY(id);
        QCOMPARE(m_kudu->tokenRequests, 2);
        QVERIFY(id->credentialSource.contains(m_kudu->clientId));
        QVERIFY(id->credentialSource.contains(QStringLiteral("AZURE_CLIENT_SECRET")));
        // Kudu stops taking the token before we think it expired: one fresh token, then on.
        m_kudu->revokeTokens();
        QVERIFY(identity(*p));
        QCOMPARE(m_kudu->tokenRequests, 3);
        QCOMPARE(p->tokenFetchCount(), 3);
    }

    void badClientSecretIsUnauthorizedNamingTheSource()
    {
        auto p = provider({}, principalEnv(QStringLiteral("wrong~secret+value")));
        auto id = identity(*p);
        QVERIFY(!id);
        QCOMPARE(id.error().code, ErrorCode::Unauthorized);
        QVERIFY(id.error().message.contains(QStringLiteral("AADSTS7000215")));
        QVERIFY(id.error().message.contains(m_kudu->clientId));
        QVERIFY(!id.error().message.contains(QStringLiteral("wrong~secret+value")));
        QVERIFY(!id.error().detail.contains(QStringLiteral("wrong~secret+value")));
        for (const QString& line : m_logLines)
            QVERIFY(!line.contains(QStringLiteral("wrong~secret+value")));
    }

    void keychainClientSecret()
    {
        bool written = false;
        m_secrets->writeSecret(QStringLiteral("azure/prod/client_secret"), m_kudu->clientSecret,
                               [&](Result<void>) { written = true; });
        QTRY_VERIFY(written);
        auto p = provider({}, principalEnv({}));
        auto id = identity(*p);
        QVERIFY(id);
        QVERIFY(id->credentialSource.contains(QStringLiteral("azure/prod/client_secret")));
    }

    void noCredentialsSaysWhatToSet()
    {
        auto p = provider({});
        auto id = identity(*p);
        QVERIFY(!id);
        QCOMPARE(id.error().code, ErrorCode::Unauthorized);
        QVERIFY(id.error().message.contains(QStringLiteral("AZURE_CLIENT_SECRET")));
        QVERIFY(id.error().message.contains(QStringLiteral("publishProfile")));
    }

    void firstDeployPollsUntilSuccess()
    {
        m_kudu->pollsPerStep = 2;
        auto p = withProfile(m_kudu->password);
        auto pkg = package(ordersFunction());
        QVERIFY(pkg);
        auto out = deploy(*p, pkg);
        QVERIFY(out.result);
        QVERIFY2(*out.result, qPrintable(*out.result ? QString() : out.result->error().message));
        QCOMPARE(out.steps, (QStringList{"upload", "update", "ready"}));
        QCOMPARE(m_kudu->deployments.size(), 1);
        QCOMPARE((*out.result)->version, m_kudu->deployments.first().id);
        QCOMPARE((*out.result)->url,
                 QStringLiteral("https://orders-app.azurewebsites.net/api/orders/{id}"));
        QCOMPARE((*out.result)->arn, QStringLiteral("orders-app/orders"));
        QVERIFY(!(*out.result)->codeUnchanged);
        QCOMPARE(m_kudu->deployments.first().message,
                 AzureFunctionsProvider::deploymentMessage(pkg->sha256Base64));
        QVERIFY(m_kudu->count("GET", QStringLiteral("/api/deployments/latest")) >=
                4); // 0 -> 1 -> 4, two polls each
        QCOMPARE(m_kudu->functions, (QSet<QString>{"orders"}));

        // The same package again: Kudu's record says it is there.
        auto again = deploy(*p, pkg);
        QVERIFY(again.result && *again.result);
        QVERIFY((*again.result)->codeUnchanged);
        QCOMPARE(m_kudu->deployments.size(), 1);
        QCOMPARE(again.steps, (QStringList{"upload", "update", "ready"}));
    }

    void locationOnAnotherHostIsNotFollowed()
    {
        // The credentials go to Kudu's host only; the status is read there, on the same path.
        m_kudu->locationBase = QStringLiteral("http://203.0.113.7:9");
        auto p = withProfile(m_kudu->password);
        auto out = deploy(*p, package(ordersFunction()));
        QVERIFY(out.result && *out.result);
        QVERIFY(m_kudu->count("GET", QStringLiteral("/api/deployments/latest")) >= 2);
    }

    void deployerPackagesTheLayoutAndRecordsTheDeploy()
    {
        // As `swb deploy orders --provider azure` runs it: the Deployer asks the provider for
        // the adapters, packages the folder with them, and records the outcome.
        Workspace ws;
        ws.folder = m_dir->filePath(QStringLiteral("ws"));
        ws.name = QStringLiteral("shop");
        FunctionSpec f = ordersFunction();
        f.codeUri = QStringLiteral("orders");
        ws.functions << f;
        QVERIFY(
            swb::test::writeFile(ws.folder, QStringLiteral("orders/app.py"),
                                 "def handler(event, context):\n    return {'statusCode': 204}\n"));
        swb::test::writeFile(m_dir->path(), QStringLiteral("secrets/orders-app.PublishSettings"),
                             profileXml(m_kudu->password));
        auto p = provider(
            QJsonObject{{"publishProfile",
                         m_dir->filePath(QStringLiteral("secrets/orders-app.PublishSettings"))}});
        Deployer deployer(p.get());
        DeployJob* job = deployer.deploy(ws, QStringLiteral("orders"), QStringLiteral("prod"));
        QStringList steps;
        connect(job, &DeployJob::stepStarted, this,
                [&](const QString& step, const QString&) { steps << step; });
        QSignalSpy finished(job, &DeployJob::finished);
        QVERIFY(finished.wait(15000));
        QVERIFY(job->result() && *job->result());
        QCOMPARE(steps, (QStringList{"package", "upload", "update", "ready"}));
        QVERIFY(m_kudu->violations.isEmpty()); // the zip had host.json and orders/function.json
        QCOMPARE(m_kudu->functions, (QSet<QString>{"orders"}));
        QVERIFY(deployer.record());
        QCOMPARE(deployer.record()->version, m_kudu->deployments.first().id);
        QCOMPARE(deployer.record()->provider, QStringLiteral("azure"));
    }

    void failedDeploymentCarriesItsLog()
    {
        m_kudu->failNextDeployment = true;
        auto p = withProfile(m_kudu->password);
        auto out = deploy(*p, package(ordersFunction()));
        QVERIFY(out.result);
        QVERIFY(!*out.result);
        QCOMPARE(out.result->error().code, ErrorCode::Remote);
        QVERIFY(out.result->error().message.contains(m_kudu->failureLog));
        QVERIFY(out.result->error().message.contains(m_kudu->deployments.first().id));
        QVERIFY(!out.steps.contains(QStringLiteral("ready")));
    }

    void throttledUploadWaitsRetryAfterThenSucceeds()
    {
        m_kudu->throttleUploads = 1;
        m_kudu->retryAfterSeconds = 1;
        m_kudu->unavailablePolls = 1;
        auto p = withProfile(m_kudu->password);
        QList<int> delays;
        connect(p->httpClient(), &HttpClient::retryScheduled, this,
                [&](HttpClient::RequestId, int, int delayMs) { delays << delayMs; });
        auto out = deploy(*p, package(ordersFunction()));
        QVERIFY(out.result && *out.result);
        QCOMPARE(m_kudu->uploadAttempts, 2);
        QVERIFY(delays.contains(1000)); // Retry-After: 1
        QCOMPARE(m_kudu->unavailablePolls, 0);
    }

    void busyKuduSaysAnotherDeploymentRuns()
    {
        m_kudu->busy = true;
        auto p = withProfile(m_kudu->password);
        auto out = deploy(*p, package(ordersFunction()));
        QVERIFY(out.result && !*out.result);
        QCOMPARE(out.result->error().code, ErrorCode::Conflict);
        QVERIFY(out.result->error().message.contains(QStringLiteral("another deployment")));
        QCOMPARE(m_kudu->uploadAttempts, 1); // a 409 is not retried
    }

    void droppedUploadFails()
    {
        m_kudu->dropUploads = true;
        auto p = withProfile(m_kudu->password);
        auto out = deploy(*p, package(ordersFunction()));
        QVERIFY(out.result);
        QVERIFY(!*out.result);
        QCOMPARE(out.result->error().code, ErrorCode::Network);
        QVERIFY(m_kudu->uploadAttempts >= 1);
        QVERIFY(m_kudu->deployments.isEmpty());
        QCOMPARE(out.steps, QStringList{"upload"});
    }

    void cancelAbortsTheUpload()
    {
        m_kudu->holdUploads = true;
        auto p = withProfile(m_kudu->password);
        auto out = deploy(*p, package(ordersFunction()), [this](DeployJob* job) {
            QTRY_COMPARE_WITH_TIMEOUT(m_kudu->uploadAttempts, 1, 10000);
            job->cancel();
        });
        QVERIFY(out.result);
        QVERIFY(!*out.result);
        QCOMPARE(out.result->error().code, ErrorCode::Cancelled);
        QVERIFY(out.result->error().message.contains(QStringLiteral("unchanged")));
        QVERIFY(m_kudu->deployments.isEmpty());
    }

    void listAndRemoveFunctions()
    {
        auto p = withProfile(m_kudu->password);
        m_kudu->functions = {"orders", "orders_2"};
        auto list = waitFor<Result<QStringList>>([&](auto done) { p->listFunctions(done); });
        QVERIFY(list && *list);
        QCOMPARE(**list, (QStringList{"orders", "orders_2"}));
        auto removed = waitFor<Result<void>>(
            [&](auto done) { p->removeFunction(QStringLiteral("orders_2"), done); });
        QVERIFY(removed && *removed);
        QCOMPARE(m_kudu->functions, (QSet<QString>{"orders"}));
        auto missing = waitFor<Result<void>>(
            [&](auto done) { p->removeFunction(QStringLiteral("nope"), done); });
        QVERIFY(missing && !*missing);
        QCOMPARE(missing->error().code, ErrorCode::NotFound);
        note(missing->error());
    }

    void logStreamDeliversOnceAcrossADrop()
    {
        m_kudu->logLines = {
            "2026-11-27T06:00:01.100  [Information] Executing 'Functions.orders' (Reason='This "
            "function was programmatically called via the host APIs.', Id=1)",
            "2026-11-27T06:00:01.200  [Information] Executing 'Functions.billing' (Reason='timer', "
            "Id=2)",
            "2026-11-27T06:00:01.300  [Information] order 42 stored",
        };
        m_kudu->dropStreamAfterLines = 2;
        auto p = withProfile(m_kudu->password);
        LogQuery q;
        q.function = QStringLiteral("orders");
        q.since = m_now;
        q.follow = true;
        LogTail* tail = p->tailLogs(q);
        QStringList seen;
        connect(tail, &LogTail::eventsArrived, this, [&](const QList<LogEvent>& events) {
            for (const LogEvent& e : events)
                seen << e.message;
        });
        QSignalSpy problems(tail, &LogTail::problem);
        QSignalSpy recovered(tail, &LogTail::recovered);
        QTRY_COMPARE_WITH_TIMEOUT(seen.size(), 2, 10000);
        QTRY_VERIFY(m_kudu->streamConnections >= 2);
        QTRY_COMPARE(recovered.size(), 1);
        QCOMPARE(problems.size(), 1);
        QCOMPARE(seen.value(0), m_kudu->logLines[0].mid(25));
        QCOMPARE(seen.value(1), QStringLiteral("[Information] order 42 stored"));

        m_kudu->pushLogLine("2026-11-27T06:00:02.000  [Information] Executed 'Functions.orders' "
                            "(Succeeded, Id=1, Duration=12ms)");
        QTRY_COMPARE(seen.size(), 3);
        QVERIFY(seen.last().contains(QStringLiteral("Succeeded")));

        QSignalSpy finished(tail, &LogTail::finished);
        tail->stop();
        QTRY_COMPARE(finished.size(), 1);
        QVERIFY(tail->result() && *tail->result());
        // Stopped: a later line reaches no one, and the client lets go of the connection.
        m_kudu->pushLogLine(
            "2026-11-27T06:00:03.000  [Information] Executing 'Functions.orders' (Id=9)");
        QTRY_COMPARE(m_kudu->openStreams(), 0);
        QCOMPARE(seen.size(), 3); // nothing twice, nothing after stop()
    }

    void logsWithoutFollowFinishAfterSilence()
    {
        m_kudu->logLines = {
            "2026-11-27T06:00:01.100  [Information] Executing 'Functions.orders' (Id=7)"};
        auto p = withProfile(m_kudu->password);
        LogQuery q;
        q.function = QStringLiteral("orders");
        q.since = m_now;
        LogTail* tail = p->tailLogs(q);
        QSignalSpy events(tail, &LogTail::eventsArrived);
        QSignalSpy finished(tail, &LogTail::finished);
        QVERIFY(finished.wait(10000));
        QCOMPARE(events.size(), 1);
        QVERIFY(tail->result() && *tail->result());
    }

    void logsWithoutFollowFromNowhereFail()
    {
        // Nothing read at all is not "no lines": the one read failed, and the tail says so.
        ProviderContext ctx;
        ctx.network = &m_network;
        ctx.endpoint = QStringLiteral("http://127.0.0.1:1"); // nothing listens on port 1
        ctx.target.name = QStringLiteral("prod");
        ctx.target.extensions = QJsonObject{{"app", "orders-app"}, {"userName", "$orders-app"}};
        ctx.secrets = m_secrets.get();
        bool written = false;
        m_secrets->writeSecret(QStringLiteral("azure/prod/publish_password"), m_kudu->password,
                               [&](Result<void>) { written = true; });
        QTRY_VERIFY(written);
        AzureFunctionsProvider nowhere(ctx);
        connect(&nowhere, &AzureFunctionsProvider::log, this,
                [this](const QString& line) { m_logLines << line; });
        LogQuery q;
        q.function = QStringLiteral("orders");
        LogTail* tail = nowhere.tailLogs(q);
        QSignalSpy finished(tail, &LogTail::finished);
        QVERIFY(finished.wait(10000));
        QVERIFY(tail->result() && !*tail->result());
        QCOMPARE(tail->result()->error().code, ErrorCode::Network);
        QVERIFY(tail->result()->error().message.contains(QStringLiteral("127.0.0.1")));
        note(tail->result()->error());
    }

    void logStreamWithBadPasswordFinishesUnauthorized()
    {
        auto p = withProfile(QStringLiteral("stale-password-1"));
        LogQuery q;
        q.function = QStringLiteral("orders");
        q.follow = true;
        LogTail* tail = p->tailLogs(q);
        QSignalSpy finished(tail, &LogTail::finished);
        QVERIFY(finished.wait(10000));
        QVERIFY(tail->result() && !*tail->result());
        QCOMPARE(tail->result()->error().code, ErrorCode::Unauthorized);
        QVERIFY(
            tail->result()->error().message.contains(QStringLiteral("orders-app.PublishSettings")));
        note(tail->result()->error());
    }
};

namespace {

QByteArray profileXml(const QString& password)
{
    return QString::fromUtf8(
               R"(<publishData><publishProfile profileName="orders-app - Web Deploy" publishMethod="MSDeploy" publishUrl="%2:443" msdeploySite="orders-app" userName="$orders-app" userPWD="%1" destinationAppUrl="http://orders-app.azurewebsites.net" SQLServerDBConnectionString="" mySQLDBConnectionString="" hostingProviderForumLink="" controlPanelLink="https://portal.azure.com" webSystem="WebSites"><databases /></publishProfile><publishProfile profileName="orders-app - FTP" publishMethod="FTP" publishUrl="ftp://waws-prod-am2-123.ftp.azurewebsites.windows.net/site/wwwroot" ftpPassiveMode="True" userName="orders-app\$orders-app" userPWD="%1" destinationAppUrl="http://orders-app.azurewebsites.net" SQLServerDBConnectionString="" mySQLDBConnectionString="" hostingProviderForumLink="" controlPanelLink="https://portal.azure.com" webSystem="WebSites"><databases /></publishProfile><publishProfile profileName="orders-app - Zip Deploy" publishMethod="ZipDeploy" publishUrl="%2:443" userName="$orders-app" userPWD="%1" destinationAppUrl="http://orders-app.azurewebsites.net" SQLServerDBConnectionString="" mySQLDBConnectionString="" hostingProviderForumLink="" controlPanelLink="https://portal.azure.com" webSystem="WebSites"><databases /></publishProfile></publishData>)")
        .arg(password, QStringLiteral("orders-app.scm.azurewebsites.net"))
        .toUtf8();
}

} // namespace

QTEST_GUILESS_MAIN(tst_AzureFunctionsProvider)
#include "tst_AzureFunctionsProvider.moc"
