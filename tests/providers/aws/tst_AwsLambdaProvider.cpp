// The AWS provider against FakeAws, a strict local Lambda + CloudWatch Logs + STS that checks
// every signature: identity, create/update/skip, waits, conflicts, throttling, dropped uploads,
// cancel, versions, function URLs, role profiles, log tails, and that no secret leaks.
#include "FakeAws.h"

#include "aws/AwsLambdaProvider.h"
#include "aws/SigV4Signer.h"
#include "common/DeployJob.h"
#include "common/LogTail.h"
#include "common/Packager.h"

#include <QDir>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace swb;
using swb::test::FakeAws;

namespace {

const AwsCredentials kKeys{QStringLiteral("AKIDFAKETESTKEY00001"),
                           QStringLiteral("wJalrXUtnFEMI/K7MDENG+bPxRfiCYfakeSecretKEY"),
                           {},
                           {}};
const QString kRole = QStringLiteral("arn:aws:iam::123456789012:role/lambda-exec");

// A fake AWS, a provider pointed at it, and everything the provider said.
struct Rig {
    QTemporaryDir home;
    QTemporaryDir code;
    QNetworkAccessManager network;
    FakeAws fake{kKeys};
    ProviderContext context;
    std::unique_ptr<AwsLambdaProvider> provider;
    QStringList logLines;
    QStringList errorTexts; // every Error's message and detail seen by a test

    explicit Rig(QJsonObject extensions = {{QStringLiteral("role"), kRole}},
                 QString secret = kKeys.secretAccessKey)
    {
        QVERIFY(fake.listen());
        QProcessEnvironment env;
        env.insert(QStringLiteral("AWS_ACCESS_KEY_ID"), kKeys.accessKeyId);
        env.insert(QStringLiteral("AWS_SECRET_ACCESS_KEY"), secret);
        context.network = &network;
        context.environment = env;
        context.homeFolder = home.path();
        context.target.name = QStringLiteral("prod");
        context.target.provider = QStringLiteral("aws");
        context.target.extensions = extensions;
        context.region = QStringLiteral("us-east-1");
        context.endpoint = fake.endpoint();
        writeCode("v1");
    }

    AwsLambdaProvider& make()
    {
        provider = std::make_unique<AwsLambdaProvider>(context);
        AwsLambdaProvider::Timing t;
        t.pollFirstMs = 5;
        t.pollMaxMs = 20;
        t.conflictDelayMs = 5;
        t.logBackoffMaxMs = 50;
        provider->setTiming(t);
        RetryPolicy policy;
        policy.baseDelayMs = 5;
        provider->httpClient()->setRetryPolicy(policy);
        provider->httpClient()->setLogBodies(true);
        QObject::connect(provider->httpClient(), &HttpClient::log,
                         [this](const QString& line) { logLines << line; });
        return *provider;
    }

    void writeCode(const QByteArray& version)
    {
        QFile f(code.filePath(QStringLiteral("app.py")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("def handler(event, context):\n    return '" + version + "'\n");
    }

    DeploySpec spec()
    {
        DeploySpec s;
        s.workspaceName = QStringLiteral("shop");
        s.function.name = QStringLiteral("orders");
        s.function.runtime = QStringLiteral("python3.12");
        s.function.handler = QStringLiteral("app.handler");
        s.function.memoryMb = 128;
        s.function.timeoutSeconds = 3;
        s.function.description = QStringLiteral("Orders API");
        s.function.environment.insert(QStringLiteral("STAGE"), QStringLiteral("prod"));
        s.remoteName = QStringLiteral("shop-orders");
        auto package = Packager(code.path()).package();
        if (package)
            s.package = std::make_shared<const Package>(*package);
        return s;
    }

    Result<DeployResult> deploy(const DeploySpec& s, QStringList* steps = nullptr)
    {
        DeployJob* job = provider->deploy(s);
        QSignalSpy finished(job, &DeployJob::finished);
        QSignalSpy started(job, &DeployJob::stepStarted);
        if (!finished.wait(15000))
            return fail(ErrorCode::Internal, QStringLiteral("the deploy did not finish"));
        if (steps)
            for (const auto& args : started)
                *steps << args.at(0).toString();
        return note(*job->result());
    }

    template <typename T> Result<T> note(Result<T> r)
    {
        if (!r)
            errorTexts << r.error().message << r.error().detail;
        return r;
    }

    Result<ProviderIdentity> identity()
    {
        std::optional<Result<ProviderIdentity>> got;
        provider->checkIdentity([&](Result<ProviderIdentity> r) { got = std::move(r); });
        [&] { QTRY_VERIFY_WITH_TIMEOUT(got.has_value(), 15000); }();
        if (!got)
            return fail(ErrorCode::Internal, QStringLiteral("no answer"));
        return note(*got);
    }

    void verifyNoSecretLeaked(const QStringList& secrets) const
    {
        QVERIFY(!logLines.isEmpty());
        for (const QString& secret : secrets) {
            if (secret.isEmpty())
                continue;
            for (const QString& line : logLines)
                QVERIFY2(!line.contains(secret), qPrintable(QStringLiteral("log: ") + line));
            for (const QString& text : errorTexts)
                QVERIFY2(!text.contains(secret), qPrintable(QStringLiteral("error: ") + text));
        }
    }
};

} // namespace

class tst_AwsLambdaProvider : public QObject {
    Q_OBJECT
private slots:
    void checkIdentityNamesTheCallerAndTheSource()
    {
        Rig rig;
        rig.make();
        const auto who = rig.identity();
        QVERIFY2(who, qPrintable(who ? QString() : who.error().message));
        QCOMPARE(who->who, QStringLiteral("arn:aws:iam::123456789012:user/tester"));
        QCOMPARE(who->credentialSource, QStringLiteral("environment variables"));
        QCOMPARE(who->region, QStringLiteral("us-east-1"));
        QCOMPARE(who->endpoint, rig.fake.endpoint());
        QCOMPARE(rig.fake.count(QStringLiteral("GetCallerIdentity")), 1);
        QCOMPARE(rig.fake.requests().first().status, 200);
    }

    void checkIdentityWithABadSecretIsUnauthorizedAndNamesTheSource()
    {
        Rig rig({{QStringLiteral("role"), kRole}}, QStringLiteral("not-the-secret-at-all"));
        rig.make();
        const auto who = rig.identity();
        QVERIFY(!who);
        QCOMPARE(who.error().code, ErrorCode::Unauthorized);
        QVERIFY2(who.error().message.contains(QStringLiteral("environment variables")),
                 qPrintable(who.error().message));
        QCOMPARE(rig.fake.requests().first().status, 403);
        QCOMPARE(rig.fake.signatureRejections().size(), 1);
        rig.verifyNoSecretLeaked({QStringLiteral("not-the-secret-at-all")});
    }

    void endpointsAreRegionalUnlessOverridden_data()
    {
        // Hosts as listed in the AWS General Reference, "AWS Lambda endpoints and quotas",
        // "Amazon CloudWatch Logs endpoints" and "AWS STS regional endpoints".
        QTest::addColumn<QString>("service");
        QTest::addColumn<QString>("region");
        QTest::addColumn<QString>("override");
        QTest::addColumn<QString>("expected");
        QTest::newRow("lambda") << "lambda"
                                << "eu-west-1"
                                << ""
                                << "https://lambda.eu-west-1.amazonaws.com/";
        QTest::newRow("logs") << "logs"
                              << "us-east-2"
                              << ""
                              << "https://logs.us-east-2.amazonaws.com/";
        QTest::newRow("sts") << "sts"
                             << "ap-southeast-2"
                             << ""
                             << "https://sts.ap-southeast-2.amazonaws.com/";
        QTest::newRow("china") << "lambda"
                               << "cn-north-1"
                               << ""
                               << "https://lambda.cn-north-1.amazonaws.com.cn/";
        QTest::newRow("override serves every service") << "logs"
                                                       << "eu-west-1"
                                                       << "http://127.0.0.1:4566"
                                                       << "http://127.0.0.1:4566";
    }
    void endpointsAreRegionalUnlessOverridden()
    {
        QFETCH(QString, service);
        QFETCH(QString, region);
        QFETCH(QString, override);
        QFETCH(QString, expected);
        QCOMPARE(AwsLambdaProvider::serviceEndpoint(service, region, override).toString(),
                 expected);
    }

    void theFakeRefusesASignatureMadeForAnotherService_data()
    {
        QTest::addColumn<QString>("signedFor");
        QTest::addColumn<int>("status");
        QTest::newRow("logs endpoint, lambda scope") << QStringLiteral("lambda") << 400;
        QTest::newRow("logs endpoint, logs scope") << QStringLiteral("logs") << 200;
    }
    void theFakeRefusesASignatureMadeForAnotherService()
    {
        QFETCH(QString, signedFor);
        QFETCH(int, status);
        Rig rig;
        rig.fake.addLogEvent(QStringLiteral("x"), QStringLiteral("s"), 1, QStringLiteral("hi"));
        const QUrl url(rig.fake.endpoint() + QLatin1Char('/'));
        SigV4Request request =
            SigV4Request::fromUrl("POST", url, R"({"logGroupName":"/aws/lambda/x"})");
        request.setHeader("Content-Type", "application/x-amz-json-1.1");
        request.setHeader("X-Amz-Target", "Logs_20140328.FilterLogEvents");
        SigV4Signer(kKeys, QStringLiteral("us-east-1"), signedFor)
            .sign(request, QDateTime::currentDateTimeUtc());
        QNetworkRequest wire(url);
        for (const auto& [name, value] : request.headers)
            wire.setRawHeader(name, value);
        std::unique_ptr<QNetworkReply> reply(rig.network.post(wire, request.body));
        QSignalSpy finished(reply.get(), &QNetworkReply::finished);
        QVERIFY(finished.wait(10000));
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), status);
        if (status == 400) {
            QCOMPARE(QJsonDocument::fromJson(reply->readAll()).object().value("__type").toString(),
                     QStringLiteral("InvalidSignatureException"));
            QVERIFY2(rig.fake.signatureRejections().value(0).contains(QStringLiteral("scope")),
                     qPrintable(rig.fake.signatureRejections().value(0)));
        }
    }

    void aMissingRegionIsAClearError()
    {
        Rig rig;
        rig.context.region.clear();
        rig.make();
        const auto who = rig.identity();
        QVERIFY(!who);
        QCOMPARE(who.error().code, ErrorCode::InvalidArgument);
        QVERIFY(who.error().message.contains(QStringLiteral("region")));
        QVERIFY(rig.fake.requests().isEmpty());
    }

    void firstDeployCreatesAndWaitsUntilActive()
    {
        Rig rig;
        rig.make();
        rig.fake.pendingPolls = 3;
        const DeploySpec spec = rig.spec();
        QVERIFY(spec.package);
        QStringList steps;
        const auto r = rig.deploy(spec, &steps);
        QVERIFY2(r, qPrintable(r ? QString() : r.error().message));
        QCOMPARE(rig.fake.operations().mid(0, 2), QStringList({"GetFunction", "CreateFunction"}));
        QCOMPARE(rig.fake.count(QStringLiteral("GetFunctionConfiguration")), 3);
        QCOMPARE(rig.fake.requests(QStringLiteral("GetFunction")).first().status, 404);
        QCOMPARE(steps, QStringList({"upload", "upload", "ready"}));

        const QJsonObject body = rig.fake.requests(QStringLiteral("CreateFunction")).first().json();
        QCOMPARE(body.value("FunctionName").toString(), QStringLiteral("shop-orders"));
        QCOMPARE(body.value("Role").toString(), kRole);
        QCOMPARE(body.value("Runtime").toString(), QStringLiteral("python3.12"));
        QCOMPARE(body.value("Handler").toString(), QStringLiteral("app.handler"));
        QCOMPARE(body.value("MemorySize").toInt(), 128);
        QCOMPARE(body.value("Timeout").toInt(), 3);
        QCOMPARE(body.value("Architectures").toArray(), QJsonArray({"x86_64"}));
        QCOMPARE(body.value("Environment").toObject().value("Variables").toObject(),
                 QJsonObject({{"STAGE", "prod"}}));

        const auto& f = rig.fake.function(QStringLiteral("shop-orders"));
        QCOMPARE(f.zip, spec.package->zipBytes);
        QCOMPARE(f.config.value("State").toString(), QStringLiteral("Active"));
        QCOMPARE(r->codeSha256, spec.package->sha256Base64);
        QCOMPARE(f.config.value("CodeSha256").toString(), spec.package->sha256Base64);
        QCOMPARE(r->arn,
                 QStringLiteral("arn:aws:lambda:us-east-1:123456789012:function:shop-orders"));
        QCOMPARE(r->version, QStringLiteral("$LATEST"));
        QVERIFY(!r->codeUnchanged);
        for (const auto& req : rig.fake.requests())
            QVERIFY2((req.status >= 200 && req.status < 300) || req.operation == "GetFunction",
                     qPrintable(req.operation));
    }

    void aFunctionThatFailsToActivateIsAFailureWithLambdasReason()
    {
        Rig rig;
        rig.make();
        rig.fake.pendingPolls = 2;
        rig.fake.failCreateReason = QStringLiteral("The role defined for the function cannot be "
                                                   "assumed by Lambda.");
        const auto r = rig.deploy(rig.spec());
        QVERIFY(!r);
        QVERIFY2(r.error().message.contains(rig.fake.failCreateReason),
                 qPrintable(r.error().message));
    }

    void secondDeployWithTheSameZipSkipsTheUpload()
    {
        Rig rig;
        rig.make();
        QVERIFY(rig.deploy(rig.spec()));
        const qsizetype before = rig.fake.requests().size();
        QStringList steps;
        const auto r = rig.deploy(rig.spec(), &steps);
        QVERIFY2(r, qPrintable(r ? QString() : r.error().message));
        QVERIFY(r->codeUnchanged);
        QCOMPARE(steps, QStringList({"upload", "ready"}));
        QCOMPARE(rig.fake.operations().mid(before), QStringList({"GetFunction"}));
        QCOMPARE(rig.fake.count(QStringLiteral("UpdateFunctionCode")), 0);
    }

    void changedCodeUpdatesTheCodeThenTheConfiguration()
    {
        Rig rig;
        rig.make();
        QVERIFY(rig.deploy(rig.spec()));
        rig.writeCode("v2");
        DeploySpec spec = rig.spec();
        spec.function.memoryMb = 512;
        spec.function.environment.insert(QStringLiteral("LEVEL"), QStringLiteral("debug"));
        rig.fake.inProgressPolls = 2;
        const qsizetype before = rig.fake.requests().size();
        QStringList steps;
        const auto r = rig.deploy(spec, &steps);
        QVERIFY2(r, qPrintable(r ? QString() : r.error().message));
        QVERIFY(!r->codeUnchanged);
        QCOMPARE(rig.fake.operations().mid(before),
                 QStringList({"GetFunction", "UpdateFunctionCode", "GetFunctionConfiguration",
                              "GetFunctionConfiguration", "UpdateFunctionConfiguration",
                              "GetFunctionConfiguration", "GetFunctionConfiguration"}));
        QCOMPARE(steps, QStringList({"upload", "upload", "update", "ready"}));
        const QJsonObject update =
            rig.fake.requests(QStringLiteral("UpdateFunctionConfiguration")).first().json();
        QCOMPARE(update.value("MemorySize").toInt(), 512);
        QVERIFY(!update.contains("Handler")); // only what changed
        const auto& f = rig.fake.function(QStringLiteral("shop-orders"));
        QCOMPARE(f.zip, spec.package->zipBytes);
        QCOMPARE(f.config.value("MemorySize").toInt(), 512);
        QCOMPARE(f.config.value("Environment").toObject().value("Variables").toObject(),
                 QJsonObject({{"STAGE", "prod"}, {"LEVEL", "debug"}}));
        QCOMPARE(f.config.value("LastUpdateStatus").toString(), QStringLiteral("Successful"));
    }

    void aConflictIsRetriedUntilLambdaAcceptsTheUpdate()
    {
        Rig rig;
        rig.make();
        QVERIFY(rig.deploy(rig.spec()));
        rig.writeCode("v2");
        rig.fake.conflictsBeforeUpdate = 3;
        const auto r = rig.deploy(rig.spec());
        QVERIFY2(r, qPrintable(r ? QString() : r.error().message));
        const auto updates = rig.fake.requests(QStringLiteral("UpdateFunctionCode"));
        QCOMPARE(updates.size(), 4);
        QCOMPARE(updates.at(0).status, 409);
        QCOMPARE(updates.at(3).status, 200);
    }

    void endlessConflictsEndInAConflictError()
    {
        Rig rig;
        rig.make();
        QVERIFY(rig.deploy(rig.spec()));
        rig.writeCode("v2");
        rig.fake.conflictsBeforeUpdate = 1000;
        const auto r = rig.deploy(rig.spec());
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::Conflict);
        QCOMPARE(rig.fake.count(QStringLiteral("UpdateFunctionCode")),
                 rig.provider->timing().conflictTries);
    }

    void throttlingWaitsForRetryAfterThenSucceeds()
    {
        Rig rig;
        rig.make();
        QSignalSpy retries(rig.provider->httpClient(), &HttpClient::retryScheduled);
        rig.fake.throttleNext = 1;
        rig.fake.retryAfterSeconds = 1;
        const auto r = rig.deploy(rig.spec());
        QVERIFY2(r, qPrintable(r ? QString() : r.error().message));
        const auto gets = rig.fake.requests(QStringLiteral("GetFunction"));
        QCOMPARE(gets.size(), 2);
        QCOMPARE(gets.at(0).status, 429);
        QCOMPARE(retries.size(), 1);
        QCOMPARE(retries.first().at(2).toInt(), 1000);
        QVERIFY(rig.fake.hasFunction(QStringLiteral("shop-orders")));
    }

    void aServiceExceptionIsRetriedOnReadsOnly()
    {
        Rig rig;
        rig.make();
        rig.fake.serviceErrorsNext = 2; // GetFunction twice
        auto r = rig.deploy(rig.spec());
        QVERIFY2(r, qPrintable(r ? QString() : r.error().message));
        QCOMPARE(rig.fake.count(QStringLiteral("GetFunction")), 3);

        rig.writeCode("v2");
        rig.fake.serviceErrorsNext = 0;
        const qsizetype before = rig.fake.requests().size();
        rig.fake.conflictsBeforeUpdate = 0;
        // GetFunction answers, then UpdateFunctionCode (a PUT, not a read) meets a 500.
        QObject::connect(rig.provider->httpClient(), &HttpClient::log, rig.provider.get(),
                         [&rig](const QString& line) {
                             if (line.startsWith(QLatin1String("HTTP > PUT")))
                                 rig.fake.serviceErrorsNext = 1;
                         });
        r = rig.deploy(rig.spec());
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::Remote);
        QVERIFY2(r.error().message.contains(QStringLiteral("An internal error occurred")),
                 qPrintable(r.error().message));
        QCOMPARE(rig.fake.operations().mid(before),
                 QStringList({"GetFunction", "UpdateFunctionCode"}));
    }

    void aConnectionDroppedMidUploadIsAFailure_data()
    {
        QTest::addColumn<bool>("exists");
        QTest::newRow("create (POST)") << false;
        QTest::newRow("update code (PUT, retried)") << true;
    }
    void aConnectionDroppedMidUploadIsAFailure()
    {
        QFETCH(bool, exists);
        Rig rig;
        rig.make();
        if (exists) {
            QVERIFY(rig.deploy(rig.spec()));
            rig.writeCode("v2");
        }
        rig.fake.dropUploads = 1000;
        const auto r = rig.deploy(rig.spec());
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::Network);
        const QString upload =
            exists ? QStringLiteral("UpdateFunctionCode") : QStringLiteral("CreateFunction");
        QVERIFY(rig.fake.count(upload) >= 1);
        for (const auto& req : rig.fake.requests(upload))
            QCOMPARE(req.status, 0); // every attempt was cut off
        if (!exists)
            QVERIFY(!rig.fake.hasFunction(QStringLiteral("shop-orders")));
    }

    void aMissingRoleIsAClearErrorBeforeAnyRequest()
    {
        Rig rig(QJsonObject{});
        rig.make();
        const auto r = rig.deploy(rig.spec());
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::InvalidArgument);
        QVERIFY2(r.error().message.contains(QStringLiteral("\"role\"")) &&
                     r.error().message.contains(QStringLiteral("workbench.json")) &&
                     r.error().message.contains(QStringLiteral("prod")),
                 qPrintable(r.error().message));
        QVERIFY(rig.fake.requests().isEmpty());
    }

    void aPackageAboveLambdasInlineLimitIsRefusedBeforeAnyRequest()
    {
        Rig rig;
        rig.make();
        DeploySpec spec = rig.spec();
        auto big = std::make_shared<Package>(*spec.package);
        big->zipBytes = QByteArray(AwsLambdaProvider::kMaxInlineZipBytes + 1, 'x');
        spec.package = big;
        const auto r = rig.deploy(spec);
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::Unsupported);
        QVERIFY2(r.error().message.contains(QStringLiteral(".swbignore")),
                 qPrintable(r.error().message));
        QVERIFY(rig.fake.requests().isEmpty());
    }

    void cancelWhileWaitingEndsCancelledNeverSucceeded()
    {
        Rig rig;
        rig.make();
        rig.fake.pendingPolls = 100000;
        DeployJob* job = rig.provider->deploy(rig.spec());
        QSignalSpy finished(job, &DeployJob::finished);
        QObject::connect(job, &DeployJob::stepStarted, job, [job](const QString& step) {
            if (step == QLatin1String(DeployJob::kReady))
                job->cancel();
        });
        QVERIFY(finished.wait(15000));
        QVERIFY(!job->result()->has_value());
        QCOMPARE(job->result()->error().code, ErrorCode::Cancelled);
        QTest::qWait(60); // a poll already on the wire at the cancel may still land
        const qsizetype sent = rig.fake.requests().size();
        QTest::qWait(100); // nothing more goes out after a cancel (bounded: proves absence)
        QCOMPARE(rig.fake.requests().size(), sent);
        QCOMPARE(finished.size(), 1);
    }

    void cancelDuringTheUploadAbortsIt()
    {
        Rig rig;
        rig.make();
        DeployJob* job = rig.provider->deploy(rig.spec());
        QSignalSpy finished(job, &DeployJob::finished);
        // Cancel the moment the CreateFunction request goes on the wire.
        QObject::connect(rig.provider->httpClient(), &HttpClient::log, job,
                         [job](const QString& line) {
                             if (line.startsWith(QLatin1String("HTTP > POST")))
                                 job->cancel();
                         });
        QVERIFY(finished.wait(15000));
        QVERIFY(!job->result()->has_value());
        QCOMPARE(job->result()->error().code, ErrorCode::Cancelled);
        QVERIFY(std::any_of(rig.logLines.begin(), rig.logLines.end(), [](const QString& l) {
            return l.startsWith(QLatin1String("HTTP cancelled POST"));
        }));
    }

    void publishesAVersionWhenTheTargetAsks()
    {
        Rig rig({{QStringLiteral("role"), kRole}, {QStringLiteral("publish"), true}});
        rig.make();
        auto r = rig.deploy(rig.spec());
        QVERIFY2(r, qPrintable(r ? QString() : r.error().message));
        QCOMPARE(r->version, QStringLiteral("1"));
        rig.writeCode("v2");
        r = rig.deploy(rig.spec());
        QVERIFY2(r, qPrintable(r ? QString() : r.error().message));
        QCOMPARE(r->version, QStringLiteral("2"));
        const auto publishes = rig.fake.requests(QStringLiteral("PublishVersion"));
        QCOMPARE(publishes.size(), 2);
        QCOMPARE(publishes.at(1).json().value("CodeSha256").toString(), r->codeSha256);
    }

    void createsAPublicFunctionUrlForAnHttpTrigger()
    {
        Rig rig({{QStringLiteral("role"), kRole}, {QStringLiteral("functionUrl"), true}});
        rig.make();
        DeploySpec spec = rig.spec();
        TriggerSpec http;
        http.type = TriggerType::Http;
        http.method = QStringLiteral("GET");
        http.path = QStringLiteral("/orders");
        spec.function.triggers << http;
        auto r = rig.deploy(spec);
        QVERIFY2(r, qPrintable(r ? QString() : r.error().message));
        QVERIFY2(r->url.startsWith(QLatin1String("https://")) &&
                     r->url.endsWith(QLatin1String(".lambda-url.us-east-1.on.aws/")),
                 qPrintable(r->url));
        QCOMPARE(rig.fake.requests(QStringLiteral("CreateFunctionUrlConfig"))
                     .first()
                     .json()
                     .value("AuthType"),
                 QJsonValue(QStringLiteral("NONE")));
        QCOMPARE(rig.fake.count(QStringLiteral("AddPermission")), 1);
        const QString first = r->url;
        r = rig.deploy(spec);
        QVERIFY(r);
        QCOMPARE(r->url, first);
        QCOMPARE(rig.fake.count(QStringLiteral("CreateFunctionUrlConfig")), 1);

        // Without an http trigger there is no URL to make.
        Rig plain({{QStringLiteral("role"), kRole}, {QStringLiteral("functionUrl"), true}});
        plain.make();
        r = plain.deploy(plain.spec());
        QVERIFY(r);
        QVERIFY(r->url.isEmpty());
        QCOMPARE(plain.fake.count(QStringLiteral("GetFunctionUrlConfig")), 0);
    }

    void assumesTheRoleOfAProfileAndRenewsExpiredCredentials()
    {
        Rig rig;
        QDir(rig.home.path()).mkpath(QStringLiteral(".aws"));
        QFile config(rig.home.filePath(QStringLiteral(".aws/config")));
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write("[profile deploy]\nrole_arn = arn:aws:iam::123456789012:role/deployer\n"
                     "source_profile = base\nregion = us-east-1\n");
        config.close();
        QFile credentials(rig.home.filePath(QStringLiteral(".aws/credentials")));
        QVERIFY(credentials.open(QIODevice::WriteOnly));
        credentials.write("[base]\naws_access_key_id = " + kKeys.accessKeyId.toLatin1() +
                          "\naws_secret_access_key = " + kKeys.secretAccessKey.toLatin1() + "\n");
        credentials.close();
        rig.context.environment = QProcessEnvironment();
        rig.context.profile = QStringLiteral("deploy");
        rig.context.region.clear(); // from the profile
        rig.make();

        const auto who = rig.identity();
        QVERIFY2(who, qPrintable(who ? QString() : who.error().message));
        QVERIFY2(
            who->who.startsWith(QLatin1String("arn:aws:sts::123456789012:assumed-role/deployer/")),
            qPrintable(who->who));
        QVERIFY2(who->credentialSource.contains(QStringLiteral("deployer")),
                 qPrintable(who->credentialSource));
        QCOMPARE(who->region, QStringLiteral("us-east-1"));

        QVERIFY(rig.deploy(rig.spec()));
        QCOMPARE(rig.fake.count(QStringLiteral("AssumeRole")), 1); // cached
        const auto assume = rig.fake.requests(QStringLiteral("AssumeRole")).first();
        QCOMPARE(assume.accessKeyId, kKeys.accessKeyId.toLatin1());
        const QByteArray temporary = rig.fake.issuedCredentials().first().accessKeyId.toLatin1();
        QCOMPARE(rig.fake.requests(QStringLiteral("CreateFunction")).first().accessKeyId,
                 temporary);
        QCOMPARE(rig.fake.requests(QStringLiteral("CreateFunction"))
                     .first()
                     .header("X-Amz-Security-Token"),
                 rig.fake.issuedCredentials().first().sessionToken.toLatin1());

        // The session token expires: the provider assumes the role again and carries on.
        rig.fake.expireIssuedCredentials();
        rig.writeCode("v2");
        const auto r = rig.deploy(rig.spec());
        QVERIFY2(r, qPrintable(r ? QString() : r.error().message));
        QCOMPARE(rig.fake.count(QStringLiteral("AssumeRole")), 2);
        QCOMPARE(rig.fake.requests(QStringLiteral("GetFunction")).last().accessKeyId,
                 rig.fake.issuedCredentials().last().accessKeyId.toLatin1());

        QStringList secrets{kKeys.secretAccessKey};
        for (const AwsCredentials& c : rig.fake.issuedCredentials())
            secrets << c.secretAccessKey << c.sessionToken;
        rig.verifyNoSecretLeaked(secrets);
    }

    void logTailDeliversEveryPageOnce()
    {
        Rig rig;
        rig.make();
        const qint64 t0 = QDateTime::currentMSecsSinceEpoch() - 60000;
        rig.fake.logPageSize = 2;
        for (int i = 0; i < 5; ++i)
            rig.fake.addLogEvent(QStringLiteral("shop-orders"),
                                 QStringLiteral("2026/11/27/[$LATEST]abc%1").arg(i % 2),
                                 t0 + i * 10, QStringLiteral("line %1\n").arg(i));
        LogQuery q;
        q.function = QStringLiteral("shop-orders");
        q.since = QDateTime::fromMSecsSinceEpoch(t0 - 1000, Qt::UTC);
        LogTail* tail = rig.provider->tailLogs(q);
        QSignalSpy arrived(tail, &LogTail::eventsArrived);
        QSignalSpy finished(tail, &LogTail::finished);
        QVERIFY(finished.wait(15000));
        QVERIFY(tail->result()->has_value());
        QCOMPARE(arrived.size(), 1);
        const auto events = arrived.first().at(0).value<QList<LogEvent>>();
        QCOMPARE(events.size(), 5);
        QCOMPARE(events.at(0).message, QStringLiteral("line 0"));
        QCOMPARE(events.at(3).stream, QStringLiteral("2026/11/27/[$LATEST]abc1"));
        QCOMPARE(events.at(4).time.toMSecsSinceEpoch(), t0 + 40);
        QVERIFY(!events.at(0).id.isEmpty());
        const auto polls = rig.fake.requests(QStringLiteral("FilterLogEvents"));
        QCOMPARE(polls.size(), 3); // pages of 2, 2 and 1
        const QJsonObject body = polls.first().json();
        QCOMPARE(body.value("logGroupName").toString(), QStringLiteral("/aws/lambda/shop-orders"));
        QCOMPARE(qint64(body.value("startTime").toDouble()), t0 - 1000);
        QCOMPARE(polls.at(1).json().value("nextToken").toString(), QStringLiteral("tok-2"));
        QCOMPARE(polls.first().header("X-Amz-Target"), QByteArray("Logs_20140328.FilterLogEvents"));
    }

    void followedTailShowsNewEventsOnceAcrossPollsAndADroppedPoll()
    {
        Rig rig;
        rig.make();
        RetryPolicy once;
        once.maxAttempts = 1;
        rig.provider->httpClient()->setRetryPolicy(once);
        const QString fn = QStringLiteral("shop-orders");
        const qint64 t0 = QDateTime::currentMSecsSinceEpoch() - 30000;
        rig.fake.addLogEvent(fn, QStringLiteral("s1"), t0, QStringLiteral("START\n"));
        rig.fake.addLogEvent(fn, QStringLiteral("s1"), t0 + 1, QStringLiteral("hello\n"));
        LogQuery q;
        q.function = fn;
        q.since = QDateTime::fromMSecsSinceEpoch(t0 - 1, Qt::UTC);
        q.follow = true;
        q.pollIntervalMs = 10;
        LogTail* tail = rig.provider->tailLogs(q);
        QStringList messages;
        QObject::connect(tail, &LogTail::eventsArrived, tail, [&](const QList<LogEvent>& events) {
            for (const LogEvent& e : events)
                messages << e.message;
        });
        QSignalSpy problems(tail, &LogTail::problem);
        QSignalSpy recovered(tail, &LogTail::recovered);
        QTRY_COMPARE_WITH_TIMEOUT(messages, QStringList({"START", "hello"}), 10000);

        // A later event, on a new stream, in the same millisecond as the last one seen.
        rig.fake.addLogEvent(fn, QStringLiteral("s2"), t0 + 1, QStringLiteral("second stream\n"));
        QTRY_COMPARE_WITH_TIMEOUT(messages.size(), 3, 10000);

        // The connection drops on every poll for a while; the tail says so and keeps polling.
        rig.fake.dropLogPolls = 1'000'000;
        QTRY_COMPARE_WITH_TIMEOUT(problems.size(), 1, 10000);
        rig.fake.addLogEvent(fn, QStringLiteral("s2"), t0 + 5, QStringLiteral("during outage\n"));
        rig.fake.dropLogPolls = 0;
        QTRY_COMPARE_WITH_TIMEOUT(recovered.size(), 1, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(messages.size(), 4, 10000);
        const int polls = rig.fake.count(QStringLiteral("FilterLogEvents"));
        QTRY_VERIFY_WITH_TIMEOUT(rig.fake.count(QStringLiteral("FilterLogEvents")) > polls + 3,
                                 10000);
        QCOMPARE(messages, QStringList({"START", "hello", "second stream", "during outage"}));
        QCOMPARE(problems.size(), 1);

        QSignalSpy finished(tail, &LogTail::finished);
        tail->stop();
        QTRY_COMPARE(finished.size(), 1);
        // A poll already on the wire when stop() came may still reach the fake; let it land,
        // then no new poll may start.
        QTest::qWait(60);
        const int after = rig.fake.count(QStringLiteral("FilterLogEvents"));
        QTest::qWait(100); // bounded: shows that polling stopped
        QCOMPARE(rig.fake.count(QStringLiteral("FilterLogEvents")), after);
    }

    void logTailSendsTheFilterAsALiteralTerm()
    {
        Rig rig;
        rig.make();
        const QString fn = QStringLiteral("shop-orders");
        const qint64 t0 = QDateTime::currentMSecsSinceEpoch() - 30000;
        rig.fake.addLogEvent(fn, QStringLiteral("s"), t0, QStringLiteral("ok \"id\" fine\n"));
        rig.fake.addLogEvent(fn, QStringLiteral("s"), t0 + 1, QStringLiteral("ERROR \"id\" bad\n"));
        rig.fake.addLogEvent(fn, QStringLiteral("s"), t0 + 2, QStringLiteral("ERROR other\n"));
        LogQuery q;
        q.function = fn;
        q.since = QDateTime::fromMSecsSinceEpoch(t0 - 1, Qt::UTC);
        q.filter = QStringLiteral("ERROR \"id\"");
        LogTail* tail = rig.provider->tailLogs(q);
        QSignalSpy arrived(tail, &LogTail::eventsArrived);
        QSignalSpy finished(tail, &LogTail::finished);
        QVERIFY(finished.wait(15000));
        QCOMPARE(arrived.size(), 1);
        const auto events = arrived.first().at(0).value<QList<LogEvent>>();
        QCOMPARE(events.size(), 1);
        QCOMPARE(events.first().message, QStringLiteral("ERROR \"id\" bad"));
        QCOMPARE(rig.fake.requests(QStringLiteral("FilterLogEvents"))
                     .first()
                     .json()
                     .value("filterPattern")
                     .toString(),
                 QStringLiteral("\"ERROR \\\"id\\\"\""));
    }

    void aMissingLogGroupWhileFollowingMeansNoLogsYet()
    {
        Rig rig;
        rig.make();
        LogQuery q;
        q.function = QStringLiteral("shop-orders");
        q.follow = true;
        q.pollIntervalMs = 10;
        LogTail* tail = rig.provider->tailLogs(q);
        QSignalSpy problems(tail, &LogTail::problem);
        QSignalSpy arrived(tail, &LogTail::eventsArrived);
        QTRY_VERIFY_WITH_TIMEOUT(rig.fake.count(QStringLiteral("FilterLogEvents")) >= 3, 10000);
        QCOMPARE(rig.fake.requests(QStringLiteral("FilterLogEvents")).first().status, 400);
        rig.fake.addLogEvent(q.function, QStringLiteral("s"), QDateTime::currentMSecsSinceEpoch(),
                             QStringLiteral("first run\n"));
        QTRY_COMPARE_WITH_TIMEOUT(arrived.size(), 1, 10000);
        QCOMPARE(problems.size(), 0);
        QVERIFY(!tail->isFinished());
        tail->stop();
        QTRY_VERIFY(tail->isFinished());
    }

    void listsAndRemovesFunctions()
    {
        Rig rig;
        rig.make();
        DeploySpec spec = rig.spec();
        for (const char* name : {"a-fn", "b-fn", "c-fn"}) {
            spec.remoteName = QLatin1String(name);
            QVERIFY(rig.deploy(spec));
        }
        std::optional<Result<QStringList>> names;
        rig.fake.listPageSize = 2; // two pages: NextMarker is followed
        rig.provider->listFunctions([&](Result<QStringList> r) { names = std::move(r); });
        QTRY_VERIFY(names.has_value());
        QVERIFY(names->has_value());
        QCOMPARE(**names, QStringList({"a-fn", "b-fn", "c-fn"}));
        const auto lists = rig.fake.requests(QStringLiteral("ListFunctions"));
        QCOMPARE(lists.size(), 2);
        QVERIFY2(lists.at(1).query.contains("Marker=2"), lists.at(1).query.constData());

        std::optional<Result<void>> removed;
        rig.provider->removeFunction(QStringLiteral("b-fn"),
                                     [&](Result<void> r) { removed = std::move(r); });
        QTRY_VERIFY(removed.has_value());
        QVERIFY(removed->has_value());
        QVERIFY(!rig.fake.hasFunction(QStringLiteral("b-fn")));
        QCOMPARE(rig.fake.requests().last().method, QByteArray("DELETE"));

        removed.reset();
        rig.provider->removeFunction(QStringLiteral("b-fn"),
                                     [&](Result<void> r) { removed = std::move(r); });
        QTRY_VERIFY(removed.has_value());
        QVERIFY(!removed->has_value());
        QCOMPARE(removed->error().code, ErrorCode::NotFound);
    }

    void secretsNeverReachTheLogOrAnError()
    {
        Rig rig;
        rig.make();
        QVERIFY(rig.identity());
        QVERIFY(rig.deploy(rig.spec()));
        DeploySpec bad = rig.spec();
        bad.function.memoryMb = 20000; // refused by Lambda: its message comes back
        rig.writeCode("v3");
        bad.package = rig.spec().package;
        const auto r = rig.deploy(bad);
        QVERIFY(!r);
        QVERIFY2(r.error().message.contains(QStringLiteral("memorySize")),
                 qPrintable(r.error().message));

        Rig wrong({{QStringLiteral("role"), kRole}}, QStringLiteral("wrongSecret/abc+def"));
        wrong.make();
        const auto refused = wrong.deploy(wrong.spec());
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::Unauthorized);
        QVERIFY2(refused.error().message.contains(QStringLiteral("environment variables")),
                 qPrintable(refused.error().message));
        QVERIFY(!wrong.identity());

        rig.verifyNoSecretLeaked({kKeys.secretAccessKey});
        wrong.verifyNoSecretLeaked({QStringLiteral("wrongSecret/abc+def")});
    }
};

QTEST_GUILESS_MAIN(tst_AwsLambdaProvider)
#include "tst_AwsLambdaProvider.moc"
