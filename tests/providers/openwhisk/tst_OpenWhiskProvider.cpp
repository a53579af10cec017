// OpenWhiskProvider against FakeOpenWhisk: credentials from .wskprops and the keychain, the key
// checked, actions created, skipped and updated, web action URLs, OpenWhisk's own error texts,
// throttling, cancel, listing, removal and activation logs — and the key in none of the output.
#include "FakeOpenWhisk.h"
#include "TestFiles.h"
#include "common/DeployJob.h"
#include "common/HttpClient.h"
#include "common/LogTail.h"
#include "common/Packager.h"
#include "openwhisk/OpenWhiskProvider.h"
#include "settings/InMemorySecretStore.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace swb;
using swb::test::FakeOpenWhisk;

namespace {

template <typename T> struct Outcome {
    std::optional<T> result;
    int calls = 0;
};

QJsonObject json(const QByteArray& body)
{
    return QJsonDocument::fromJson(body).object();
}

QJsonObject keyValues(const QJsonArray& list)
{
    QJsonObject map;
    for (const QJsonValue& v : list)
        map.insert(v.toObject().value("key").toString(), v.toObject().value("value"));
    return map;
}

} // namespace

class tst_OpenWhiskProvider : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<QTemporaryDir> m_home;
    std::unique_ptr<QTemporaryDir> m_code;
    std::unique_ptr<FakeOpenWhisk> m_fake;
    std::unique_ptr<QNetworkAccessManager> m_network;
    QStringList m_logLines;  // every HttpClient log line of the test
    QStringList m_errorText; // every error message and detail the test saw

    QString wskprops() const { return m_home->filePath(".wskprops"); }

    void writeProps(const QString& auth, const QString& host = {})
    {
        QVERIFY(test::writeFile(m_home->path(), ".wskprops",
                                QStringLiteral("APIHOST=%1\nAUTH=%2\nNAMESPACE=guest\n")
                                    .arg(host.isEmpty() ? m_fake->host() : host, auth)
                                    .toUtf8()));
    }

    ProviderContext context() const
    {
        ProviderContext c;
        c.network = m_network.get();
        c.environment = QProcessEnvironment();
        c.homeFolder = m_home->path();
        c.target.name = "prod";
        c.target.provider = "openwhisk";
        return c;
    }

    std::unique_ptr<OpenWhiskProvider> provider(ProviderContext c)
    {
        auto p = std::make_unique<OpenWhiskProvider>(std::move(c));
        p->http()->setRandomSource([] { return 0.0; });
        p->http()->setLogBodies(true); // the most there is to leak
        connect(p->http(), &HttpClient::log, this, [this](const QString& l) { m_logLines << l; });
        return p;
    }
    std::unique_ptr<OpenWhiskProvider> provider() { return provider(context()); }

    void noteError(const Error& e) { m_errorText << e.message << e.detail; }

    Result<ProviderIdentity> identity(OpenWhiskProvider& p)
    {
        auto out = std::make_shared<Outcome<Result<ProviderIdentity>>>();
        p.checkIdentity([out](Result<ProviderIdentity> r) {
            ++out->calls;
            out->result = std::move(r);
        });
        if (!QTest::qWaitFor([&] { return out->calls > 0; }, 10000))
            return fail(ErrorCode::Internal, "the test waited too long");
        if (!*out->result)
            noteError(out->result->error());
        return *out->result;
    }

    std::shared_ptr<const Package> package(const QByteArray& source)
    {
        if (!test::writeFile(m_code->path(), "app.py", source))
            return nullptr;
        Result<Package> p = Packager(m_code->path()).package();
        return p ? std::make_shared<const Package>(*p) : nullptr;
    }

    DeploySpec spec(const QByteArray& source = "def handler(event, context):\n    return event\n")
    {
        DeploySpec s;
        s.workspaceName = "shop";
        s.function.name = "hello";
        s.function.runtime = "python3.12";
        s.function.handler = "app.handler";
        s.function.memoryMb = 256;
        s.function.timeoutSeconds = 10;
        s.remoteName = "hello";
        s.package = package(source);
        return s;
    }

    Result<DeployResult> deploy(OpenWhiskProvider& p, const DeploySpec& s,
                                QStringList* steps = nullptr)
    {
        DeployJob* job = p.deploy(s);
        if (steps)
            connect(job, &DeployJob::stepStarted, this,
                    [steps](const QString& step, const QString&) { *steps << step; });
        if (!QTest::qWaitFor([&] { return job->isFinished(); }, 15000))
            return fail(ErrorCode::Internal, "the test waited too long");
        const Result<DeployResult> r = *job->result();
        if (!r)
            noteError(r.error());
        return r;
    }

    QList<FakeOpenWhisk::Request> puts() const
    {
        QList<FakeOpenWhisk::Request> out;
        for (const auto& r : m_fake->requests)
            if (r.method == "PUT")
                out << r;
        return out;
    }

private slots:
    void init()
    {
        m_home = std::make_unique<QTemporaryDir>();
        m_code = std::make_unique<QTemporaryDir>();
        m_fake = std::make_unique<FakeOpenWhisk>();
        QVERIFY(m_fake->listen());
        m_network = std::make_unique<QNetworkAccessManager>();
        m_logLines.clear();
        m_errorText.clear();
        writeProps(m_fake->key);
    }

    // The key (and its base64 form in the Authorization header) reaches no log line, error
    // message or detail, whatever the test did.
    void cleanup()
    {
        const QString key = m_fake->key;
        const QStringList forbidden{key, key.section(':', 1),
                                    QString::fromLatin1(key.toUtf8().toBase64()),
                                    "wrong-secret-part"};
        // The check means something only if the client logged what it sent.
        QVERIFY(m_fake->requests.isEmpty() || !m_logLines.isEmpty());
        for (const QString& text : m_logLines + m_errorText)
            for (const QString& secret : forbidden)
                QVERIFY2(!text.contains(secret), qPrintable(text));
        m_fake.reset();
    }

    void malformedWskPropsNamesFileAndLine()
    {
        QVERIFY(test::writeFile(m_home->path(), ".wskprops",
                                "APIHOST=localhost\n# ok\n23bc46b1:wrong-secret-part\n"));
        auto p = provider();
        const Result<ProviderIdentity> r = identity(*p);
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::Parse);
        QVERIFY2(r.error().message.contains(wskprops() + ":3:"), qPrintable(r.error().message));
        QCOMPARE(r.error().diagnostics.value(0).line, 3);
        QCOMPARE(m_fake->requests.size(), 0);
    }

    void wskConfigFileReplacesHomeFile()
    {
        writeProps("bad:key", "http://127.0.0.1:1"); // must not be read
        QVERIFY(test::writeFile(
            m_home->path(), "ci.props",
            QStringLiteral("APIHOST=%1\nAUTH=%2\n").arg(m_fake->host(), m_fake->key).toUtf8()));
        ProviderContext c = context();
        c.environment.insert("WSK_CONFIG_FILE", m_home->filePath("ci.props"));
        auto p = provider(c);
        const Result<ProviderIdentity> r = identity(*p);
        QVERIFY2(r, r ? "" : qPrintable(r.error().message));
        QVERIFY(r->credentialSource.contains(m_home->filePath("ci.props")));
    }

    void identityIsTheKeysNamespace()
    {
        auto p = provider();
        const Result<ProviderIdentity> r = identity(*p);
        QVERIFY2(r, r ? "" : qPrintable(r.error().message));
        QCOMPARE(r->who, QString("guest"));
        QCOMPARE(r->credentialSource, QString("AUTH in %1").arg(wskprops()));
        QCOMPARE(r->endpoint, m_fake->host());
        QCOMPARE(m_fake->requests.size(), 1);
        QCOMPARE(m_fake->requests[0].method, QByteArray("GET"));
        QCOMPARE(m_fake->requests[0].path, QString("/api/v1/namespaces"));
    }

    void badKeyIsUnauthorizedNamingItsSource()
    {
        writeProps("23bc46b1-71f6-4ed5-8c54-816aa4f8c502:wrong-secret-part");
        auto p = provider();
        const Result<ProviderIdentity> r = identity(*p);
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::Unauthorized);
        QVERIFY2(r.error().message.contains("AUTH in " + wskprops()),
                 qPrintable(r.error().message));
        QVERIFY2(r.error().message.contains("The supplied authentication is invalid"),
                 qPrintable(r.error().message));
        // Unauthorized is not retried.
        QCOMPARE(m_fake->requests.size(), 1);
    }

    void keychainKeyWinsOverWskProps()
    {
        writeProps("23bc46b1-71f6-4ed5-8c54-816aa4f8c502:wrong-secret-part");
        InMemorySecretStore store;
        bool written = false;
        store.writeSecret("openwhisk/prod/auth", m_fake->key,
                          [&](Result<void> r) { written = bool(r); });
        QTRY_VERIFY(written);
        ProviderContext c = context();
        c.secrets = &store;
        auto p = provider(c);
        const Result<ProviderIdentity> r = identity(*p);
        QVERIFY2(r, r ? "" : qPrintable(r.error().message));
        QCOMPARE(r->credentialSource, QString("keychain entry openwhisk/prod/auth"));
    }

    void targetEndpointAndNamespaceOverrideWskProps()
    {
        writeProps(m_fake->key, "http://127.0.0.1:1");
        ProviderContext c = context();
        c.target.endpoint = m_fake->host();
        c.target.extensions.insert("namespace", "guest");
        auto p = provider(c);
        QVERIFY(identity(*p));
        QCOMPARE(OpenWhiskProvider::apiHostUrl("ow.example.com:3233").toString(),
                 QString("https://ow.example.com:3233"));
        QCOMPARE(OpenWhiskProvider::apiHostUrl("http://127.0.0.1:3233/api/v1").toString(),
                 QString("http://127.0.0.1:3233"));
        QVERIFY(!OpenWhiskProvider::apiHostUrl("ftp://x").isValid());
    }

    void namespaceTheKeyCannotUseIsRefused()
    {
        ProviderContext c = context();
        c.target.extensions.insert("namespace", "payments");
        auto p = provider(c);
        const Result<ProviderIdentity> r = identity(*p);
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::Unauthorized);
        QVERIFY2(r.error().message.contains("guest") && r.error().message.contains("payments"),
                 qPrintable(r.error().message));
    }

    void firstDeployCreatesTheAction()
    {
        auto p = provider();
        const DeploySpec s = spec();
        QVERIFY(s.package);
        QStringList steps;
        const Result<DeployResult> r = deploy(*p, s, &steps);
        QVERIFY2(r, r ? "" : qPrintable(r.error().message));
        QCOMPARE(steps, (QStringList{DeployJob::kUpload, DeployJob::kReady}));
        QCOMPARE(r->version, QString("0.0.1"));
        QCOMPARE(r->arn, QString("/guest/hello"));
        QCOMPARE(r->url, QString());
        QVERIFY(!r->codeUnchanged);
        QCOMPARE(r->codeSha256, s.package->sha256Base64);

        QCOMPARE(puts().size(), 1);
        const FakeOpenWhisk::Request put = puts().first();
        QCOMPARE(put.path, QString("/api/v1/namespaces/guest/actions/hello"));
        QCOMPARE(put.query.queryItemValue("overwrite"), QString("true"));
        const QJsonObject body = json(put.body);
        const QJsonObject exec = body["exec"].toObject();
        QCOMPARE(exec["kind"].toString(), QString("python:3.12"));
        QCOMPARE(exec["binary"].toBool(), true);
        QCOMPARE(exec["main"].toString(), QString("main"));
        QCOMPARE(m_fake->code("hello"), s.package->zipBytes);
        QCOMPARE(body["limits"].toObject()["memory"].toInt(), 256);
        QCOMPARE(body["limits"].toObject()["timeout"].toInt(), 10000);
        const QJsonObject annotations = keyValues(body["annotations"].toArray());
        QCOMPARE(annotations["swb-code-sha256"].toString(), s.package->sha256Base64);
        QCOMPARE(annotations["web-export"].toBool(true), false);
    }

    void sameCodeSkipsTheUpload()
    {
        auto p = provider();
        QVERIFY(deploy(*p, spec()));
        QStringList steps;
        const Result<DeployResult> again = deploy(*p, spec(), &steps);
        QVERIFY2(again, again ? "" : qPrintable(again.error().message));
        QVERIFY(again->codeUnchanged);
        QCOMPARE(again->version, QString("0.0.1"));
        QCOMPARE(puts().size(), 1);
        QCOMPARE(steps, (QStringList{DeployJob::kUpload, DeployJob::kReady}));
    }

    void changedCodeBumpsTheVersion()
    {
        auto p = provider();
        QVERIFY(deploy(*p, spec()));
        const DeploySpec changed = spec("def handler(event, context):\n    return {'v': 2}\n");
        const Result<DeployResult> r = deploy(*p, changed);
        QVERIFY2(r, r ? "" : qPrintable(r.error().message));
        QVERIFY(!r->codeUnchanged);
        QCOMPARE(r->version, QString("0.0.2"));
        QCOMPARE(puts().size(), 2);
        QCOMPARE(m_fake->code("hello"), changed.package->zipBytes);
    }

    void changedSettingsUpdateWithoutCode()
    {
        auto p = provider();
        QVERIFY(deploy(*p, spec()));
        DeploySpec s = spec();
        s.function.memoryMb = 512;
        QStringList steps;
        const Result<DeployResult> r = deploy(*p, s, &steps);
        QVERIFY2(r, r ? "" : qPrintable(r.error().message));
        QVERIFY(r->codeUnchanged);
        QCOMPARE(r->version, QString("0.0.2"));
        QCOMPARE(steps, (QStringList{DeployJob::kUpload, DeployJob::kUpdate, DeployJob::kReady}));
        const QJsonObject body = json(puts().last().body);
        QVERIFY(!body.contains("exec"));
        QCOMPARE(body["limits"].toObject()["memory"].toInt(), 512);
        QCOMPARE(m_fake->code("hello"), s.package->zipBytes); // OpenWhisk kept the code
    }

    void httpTriggerMakesARawWebAction()
    {
        auto p = provider();
        DeploySpec s = spec();
        TriggerSpec http;
        http.type = TriggerType::Http;
        http.method = "GET";
        http.path = "/hello";
        s.function.triggers << http;
        s.function.environment.insert("GREETING", "hi");
        const Result<DeployResult> r = deploy(*p, s);
        QVERIFY2(r, r ? "" : qPrintable(r.error().message));
        // docs/webactions.md: /api/v1/web/{namespace}/{package, "default"}/{action}.{ext}
        QCOMPARE(r->url, m_fake->host() + "/api/v1/web/guest/default/hello.http");
        const QJsonObject body = json(puts().first().body);
        const QJsonObject annotations = keyValues(body["annotations"].toArray());
        QCOMPARE(annotations["web-export"].toBool(), true);
        QCOMPARE(annotations["raw-http"].toBool(), true);
        QCOMPARE(annotations["final"].toBool(), true);
        QCOMPARE(keyValues(body["parameters"].toArray())["GREETING"].toString(), QString("hi"));
    }

    void memoryOutOfRangeReportsOpenWhisksReason()
    {
        auto p = provider();
        DeploySpec s = spec();
        s.function.memoryMb = 4096; // fine for Lambda, above OpenWhisk's 512 MB
        const Result<DeployResult> r = deploy(*p, s);
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::Validation);
        QVERIFY2(r.error().message.contains("memory 4096 MB exceeds allowed threshold of 512 MB"),
                 qPrintable(r.error().message));
        QVERIFY2(r.error().message.contains("'hello'"), qPrintable(r.error().message));
        QVERIFY(!m_fake->actions.contains("hello"));
    }

    void throttledUploadWaitsForRetryAfter()
    {
        auto p = provider();
        QSignalSpy retries(p->http(), &HttpClient::retryScheduled);
        m_fake->addFault({"PUT",
                          "/api/v1/namespaces/",
                          FakeOpenWhisk::FaultKind::Status,
                          429,
                          {{"Retry-After", "1"}},
                          "Too many requests in the last minute (count: 61, allowed: 60)."});
        const Result<DeployResult> r = deploy(*p, spec());
        QVERIFY2(r, r ? "" : qPrintable(r.error().message));
        QCOMPARE(puts().size(), 2);
        QCOMPARE(retries.count(), 1);
        QCOMPARE(retries.at(0).at(2).toInt(), 1000);
        QCOMPARE(r->version, QString("0.0.1"));
    }

    void cancelAbortsTheUpload()
    {
        auto p = provider();
        m_fake->addFault({"PUT", "/api/v1/", FakeOpenWhisk::FaultKind::Hold, 0, {}, {}});
        DeployJob* job = p->deploy(spec());
        QTRY_COMPARE(puts().size(), 1);
        QCOMPARE(p->http()->pendingCount(), 1);
        job->cancel();
        QTRY_VERIFY(job->isFinished());
        QVERIFY(!*job->result());
        QCOMPARE(job->result()->error().code, ErrorCode::Cancelled);
        QCOMPARE(p->http()->pendingCount(), 0);
        const int before = int(m_fake->requests.size());
        QTest::qWait(300); // nothing may follow a cancel: no confirm, no success
        QCOMPARE(int(m_fake->requests.size()), before);
        QCOMPARE(job->result()->error().code, ErrorCode::Cancelled);
    }

    void unsupportedRuntimeIsRefused()
    {
        auto p = provider();
        DeploySpec s = spec();
        s.function.runtime = "provided.al2023";
        const Result<DeployResult> r = deploy(*p, s);
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::Unsupported);
        QVERIFY(r.error().message.contains("provided.al2023"));
        QCOMPARE(m_fake->requests.size(), 0);
        const auto files = p->adapterFiles(s.function);
        QVERIFY(!files);
        QCOMPARE(files.error().code, ErrorCode::Unsupported);
    }

    void listsEveryPageOfActions()
    {
        for (int i = 0; i < 205; ++i)
            m_fake->actions.insert(QString("fn%1").arg(i, 3, 10, QChar('0')),
                                   QJsonObject{{"namespace", "guest"},
                                               {"name", QString("fn%1").arg(i, 3, 10, QChar('0'))},
                                               {"version", "0.0.1"}});
        m_fake->addFault({"GET",
                          "/api/v1/namespaces/guest/actions",
                          FakeOpenWhisk::FaultKind::Status,
                          502,
                          {},
                          "The server is currently unavailable."});
        m_fake->addFault(
            {"GET", "/api/v1/namespaces/guest/actions", FakeOpenWhisk::FaultKind::Drop, 0, {}, {}});
        auto p = provider();
        auto out = std::make_shared<Outcome<Result<QStringList>>>();
        p->listFunctions([out](Result<QStringList> r) {
            ++out->calls;
            out->result = std::move(r);
        });
        QTRY_COMPARE_WITH_TIMEOUT(out->calls, 1, 10000);
        QVERIFY2(*out->result, *out->result ? "" : qPrintable(out->result->error().message));
        QCOMPARE(out->result->value().size(), 205);
        QCOMPARE(out->result->value().first(), QString("fn000"));
        QStringList skips;
        for (const auto& r : m_fake->requests)
            skips << r.query.queryItemValue("skip");
        // 502 and a dropped connection, retried; then the two pages.
        QCOMPARE(skips, (QStringList{"0", "0", "0", "200"}));
    }

    void removesAnActionAndReportsAMissingOne()
    {
        auto p = provider();
        QVERIFY(deploy(*p, spec()));
        auto out = std::make_shared<Outcome<Result<void>>>();
        p->removeFunction("hello", [out](Result<void> r) {
            ++out->calls;
            out->result = std::move(r);
        });
        QTRY_COMPARE(out->calls, 1);
        QVERIFY(*out->result);
        QVERIFY(!m_fake->actions.contains("hello"));

        p->removeFunction("hello", [out](Result<void> r) {
            ++out->calls;
            out->result = std::move(r);
        });
        QTRY_COMPARE(out->calls, 2);
        QVERIFY(!*out->result);
        QCOMPARE(out->result->error().code, ErrorCode::NotFound);
        QVERIFY(out->result->error().message.contains("'hello'"));
        noteError(out->result->error());
    }

    void parsesActivationLogLines_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QDateTime>("time");
        QTest::addColumn<QString>("message");
        const QDateTime fallback(QDate(2026, 11, 27), QTime(5, 0), Qt::UTC);
        // The form of docs/actions.md's "wsk activation logs" output.
        QTest::newRow("nanoseconds")
            << "2026-11-27T06:00:00.123456789Z stdout: hello world"
            << QDateTime(QDate(2026, 11, 27), QTime(6, 0, 0, 123), Qt::UTC) << "hello world";
        QTest::newRow("stderr, whole seconds")
            << "2026-11-27T06:00:01Z  stderr: oops"
            << QDateTime(QDate(2026, 11, 27), QTime(6, 0, 1), Qt::UTC) << "oops";
        QTest::newRow("no prefix") << "plain text" << fallback << "plain text";
    }
    void parsesActivationLogLines()
    {
        QFETCH(QString, line);
        QFETCH(QDateTime, time);
        QFETCH(QString, message);
        const LogEvent e = OpenWhiskProvider::parseLogLine(
            line, "a1", 4, QDateTime(QDate(2026, 11, 27), QTime(5, 0), Qt::UTC));
        QCOMPARE(e.time, time);
        QCOMPARE(e.message, message);
        QCOMPARE(e.id, QString("a1/4"));
        QCOMPARE(e.stream, QString("a1"));
    }

    void followsActivationsAndShowsEachLineOnce()
    {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const auto stamp = [](qint64 ms) {
            return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString("yyyy-MM-ddThh:mm:ss.zzz") +
                   "456789Z";
        };
        m_fake->addActivation(
            "hello", "act1", now - 2000,
            {stamp(now - 2000) + " stdout: first", stamp(now - 1990) + " stderr: ERROR one"});
        m_fake->addActivation("other", "act9", now - 1500,
                              {stamp(now - 1500) + " stdout: not ours"});
        auto p = provider();
        LogQuery q;
        q.function = "hello";
        q.since = QDateTime::fromMSecsSinceEpoch(now - 60000, Qt::UTC);
        q.follow = true;
        q.pollIntervalMs = 100;
        LogTail* tail = p->tailLogs(q);
        QStringList seen;
        QStringList ids;
        connect(tail, &LogTail::eventsArrived, this, [&](const QList<LogEvent>& events) {
            for (const LogEvent& e : events) {
                seen << e.message;
                ids << e.id;
            }
        });
        QTRY_COMPARE(seen, (QStringList{"first", "ERROR one"}));
        m_fake->addActivation("hello", "act2", now - 500, {stamp(now - 500) + " stdout: second"});
        QTRY_COMPARE(seen, (QStringList{"first", "ERROR one", "second"}));
        // More polls return the same activations; nothing shows twice.
        const int polls = m_fake->count("GET", "/api/v1/namespaces/guest/activations");
        QTRY_VERIFY(m_fake->count("GET", "/api/v1/namespaces/guest/activations") >= polls + 3);
        QCOMPARE(seen.size(), 3);
        QCOMPARE(ids, (QStringList{"act1/0", "act1/1", "act2/0"}));
        const auto& last = m_fake->requests.last();
        QCOMPARE(last.query.queryItemValue("name"), QString("hello"));
        QCOMPARE(last.query.queryItemValue("docs"), QString("true"));
        QCOMPARE(last.query.queryItemValue("limit"), QString("200"));

        QSignalSpy finished(tail, &LogTail::finished);
        tail->stop();
        QVERIFY(finished.count() == 1 || finished.wait(5000));
        QVERIFY(*tail->result());
        const int after = int(m_fake->requests.size());
        QTest::qWait(300);
        QCOMPARE(int(m_fake->requests.size()), after);
    }

    void filterAndOneShotFetch()
    {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const QString t =
            QDateTime::fromMSecsSinceEpoch(now - 1000, Qt::UTC).toString(Qt::ISODateWithMs);
        m_fake->addActivation("hello", "act1", now - 1000,
                              {t + " stdout: fine", t + " stderr: ERROR bad"});
        auto p = provider();
        LogQuery q;
        q.function = "hello";
        q.filter = "ERROR";
        LogTail* tail = p->tailLogs(q);
        QSignalSpy events(tail, &LogTail::eventsArrived);
        QSignalSpy finished(tail, &LogTail::finished);
        QVERIFY(finished.wait(5000));
        QVERIFY(*tail->result());
        QCOMPARE(events.count(), 1);
        const auto delivered = events.at(0).at(0).value<QList<LogEvent>>();
        QCOMPARE(delivered.size(), 1);
        QCOMPARE(delivered[0].message, QString("ERROR bad"));
    }

    void failedPollsAreReportedAndFollowingGoesOn()
    {
        auto p = provider();
        RetryPolicy once;
        once.maxAttempts = 1;
        p->http()->setRetryPolicy(once);
        for (int i = 0; i < 2; ++i)
            m_fake->addFault({"GET",
                              "/api/v1/namespaces/guest/activations",
                              FakeOpenWhisk::FaultKind::Status,
                              503,
                              {},
                              "unavailable"});
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const QString t = QDateTime::fromMSecsSinceEpoch(now, Qt::UTC).toString(Qt::ISODateWithMs);
        m_fake->addActivation("hello", "act1", now, {t + " stdout: after the outage"});
        LogQuery q;
        q.function = "hello";
        q.follow = true;
        q.pollIntervalMs = 50;
        LogTail* tail = p->tailLogs(q);
        QSignalSpy problems(tail, &LogTail::problem);
        QSignalSpy recovered(tail, &LogTail::recovered);
        QSignalSpy events(tail, &LogTail::eventsArrived);
        QTRY_COMPARE_WITH_TIMEOUT(events.count(), 1, 10000);
        QCOMPARE(problems.count(), 1); // said once for the run of failures
        QVERIFY(problems.at(0).at(0).toString().contains("503"));
        QCOMPARE(recovered.count(), 1);
        tail->stop();
        QTRY_VERIFY(tail->isFinished());
    }
};

QTEST_GUILESS_MAIN(tst_OpenWhiskProvider)
#include "tst_OpenWhiskProvider.moc"
