#include "common/HttpClient.h"

#include <QDateTime>
#include <QHash>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QTimeZone>

#include <memory>
#include <optional>

using namespace swb;

namespace {

// A self-signed certificate for 127.0.0.1 valid from 2000 to 2100, made for this test with
// "openssl ca -selfsign" (EC P-256, subjectAltName IP:127.0.0.1). Nothing trusts it.
const char* kSelfSignedCertificate = R"pem(-----BEGIN CERTIFICATE-----
MIIBXDCCAQKgAwIBAgIBATAKBggqhkjOPQQDAjAUMRIwEAYDVQQDDAkxMjcuMC4w
LjEwIBcNMDAwMTAxMDAwMDAwWhgPMjEwMDAxMDEwMDAwMDBaMBQxEjAQBgNVBAMM
CTEyNy4wLjAuMTBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IABHFtXK01AzPzBob/
778NQa6+ak8V4pSVF167WAhy/mhZwNZtT3bSVDnGMKtjuab/KesEWYEQlniq+2Sd
tTxxD6ajQzBBMA8GA1UdEwEB/wQFMAMBAf8wDwYDVR0RBAgwBocEfwAAATAdBgNV
HQ4EFgQUXVoJefTBi0HUt78ogcUA5TKnqcAwCgYIKoZIzj0EAwIDSAAwRQIgWerV
flfNkTmz9veXKSE9m7iJv4UuADo36u0yjzNqhHoCIQDARnq+1Ykzd4NbdalykTle
GjUeYVtZIk6l4lrZ1bPztQ==
-----END CERTIFICATE-----
)pem";
const char* kSelfSignedKey = R"pem(-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgXX+eiakSdO+nCbGR
zEtAKfxtzDBFotcchhoNkYAZlsOhRANCAARxbVytNQMz8waG/++/DUGuvmpPFeKU
lRdeu1gIcv5oWcDWbU920lQ5xjCrY7mm/ynrBFmBEJZ4qvtknbU8cQ+m
-----END PRIVATE KEY-----
)pem";

// A local HTTP/1.1 server that answers each request with the next scripted action: a
// response, a connection dropped halfway through the response, or no answer at all. One
// request per connection ("Connection: close"), which keeps the parsing trivial.
class ScriptedServer : public QObject {
public:
    enum class Kind { Respond, DropMidResponse, Hold };
    struct Action {
        Kind kind = Kind::Respond;
        int status = 200;
        QByteArray body;
        QList<std::pair<QByteArray, QByteArray>> headers;
    };
    struct Received {
        QByteArray method;
        QByteArray target;
        QList<std::pair<QByteArray, QByteArray>> headers;
        QByteArray body;
        QList<QByteArray> all(const QByteArray& name) const
        {
            QList<QByteArray> values;
            for (const auto& [k, v] : headers)
                if (k.compare(name, Qt::CaseInsensitive) == 0)
                    values.append(v);
            return values;
        }
    };

    QList<Action> script;
    Action fallback;
    QList<Received> received;

    // With `tls`, HTTPS with the self-signed certificate above.
    bool listen(bool tls = false)
    {
        if (tls) {
            auto server = std::make_unique<QSslServer>();
            QSslConfiguration config = QSslConfiguration::defaultConfiguration();
            config.setLocalCertificate(QSslCertificate(QByteArray(kSelfSignedCertificate)));
            config.setPrivateKey(QSslKey(QByteArray(kSelfSignedKey), QSsl::Ec));
            config.setPeerVerifyMode(QSslSocket::VerifyNone);
            server->setSslConfiguration(config);
            m_server = std::move(server);
        } else {
            m_server = std::make_unique<QTcpServer>();
        }
        m_tls = tls;
        // Emitted once a connection is ready: for TLS, after the handshake.
        connect(m_server.get(), &QTcpServer::pendingConnectionAvailable, this, [this] {
            while (QTcpSocket* s = m_server->nextPendingConnection()) {
                s->setParent(this);
                connect(s, &QTcpSocket::readyRead, this, [this, s] { onData(s); });
                if (s->bytesAvailable() > 0)
                    onData(s);
            }
        });
        return m_server->listen(QHostAddress::LocalHost, 0);
    }
    QUrl url(const QString& pathAndQuery = QStringLiteral("/")) const
    {
        return QUrl(QStringLiteral("%1://127.0.0.1:%2%3")
                        .arg(m_tls ? QStringLiteral("https") : QStringLiteral("http"))
                        .arg(m_server->serverPort())
                        .arg(pathAndQuery));
    }

private:
    void onData(QTcpSocket* s)
    {
        QByteArray& buffer = m_buffers[s];
        buffer += s->readAll();
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0 || m_done.contains(s))
            return;
        const QList<QByteArray> lines = buffer.left(end).split('\n');
        Received r;
        const QList<QByteArray> first = lines.first().trimmed().split(' ');
        r.method = first.value(0);
        r.target = first.value(1);
        qsizetype length = 0;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines[i].indexOf(':');
            if (colon < 0)
                continue;
            const QByteArray name = lines[i].left(colon).trimmed();
            const QByteArray value = lines[i].mid(colon + 1).trimmed();
            r.headers.append({name, value});
            if (name.compare("content-length", Qt::CaseInsensitive) == 0)
                length = value.toLongLong();
        }
        if (buffer.size() < end + 4 + length)
            return;
        r.body = buffer.mid(end + 4, length);
        m_done.insert(s);
        received.append(r);
        const Action a = script.isEmpty() ? fallback : script.takeFirst();
        if (a.kind == Kind::Hold)
            return;
        QByteArray head = "HTTP/1.1 " + QByteArray::number(a.status) + " Scripted\r\n";
        for (const auto& [k, v] : a.headers)
            head += k + ": " + v + "\r\n";
        head += "Connection: close\r\n";
        if (a.kind == Kind::DropMidResponse) {
            s->write(head + "Content-Length: 1000\r\n\r\npartial");
            s->flush();
            s->abort();
            return;
        }
        s->write(head + "Content-Length: " + QByteArray::number(a.body.size()) + "\r\n\r\n" +
                 a.body);
        s->disconnectFromHost();
    }

    std::unique_ptr<QTcpServer> m_server;
    bool m_tls = false;
    QHash<QTcpSocket*, QByteArray> m_buffers;
    QSet<QTcpSocket*> m_done;
};

ScriptedServer::Action respond(int status, QByteArray body = {},
                               QList<std::pair<QByteArray, QByteArray>> headers = {})
{
    return {ScriptedServer::Kind::Respond, status, std::move(body), std::move(headers)};
}

// Sends and waits for the one callback; counts calls so a second one would show.
struct Outcome {
    std::optional<Result<HttpResponse>> result;
    int calls = 0;
};

std::shared_ptr<Outcome> start(HttpClient& client, HttpRequest request,
                               HttpClient::RequestId* id = nullptr)
{
    auto outcome = std::make_shared<Outcome>();
    const auto sent = client.send(std::move(request), [outcome](Result<HttpResponse> r) {
        ++outcome->calls;
        outcome->result = std::move(r);
    });
    if (id)
        *id = sent;
    return outcome;
}

Result<HttpResponse> run(HttpClient& client, HttpRequest request)
{
    const auto outcome = start(client, std::move(request));
    if (!QTest::qWaitFor([&] { return outcome->calls > 0; }, 10000))
        return fail(ErrorCode::Internal, QStringLiteral("the test waited too long"));
    return *outcome->result;
}

HttpRequest get(const QUrl& url)
{
    HttpRequest r;
    r.url = url;
    return r;
}

HttpRequest post(const QUrl& url, QByteArray body)
{
    HttpRequest r;
    r.method = "POST";
    r.url = url;
    r.body = std::move(body);
    return r;
}

} // namespace

class tst_HttpClient : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void returnsSuccessfulResponse();
    void retriesServiceUnavailable();
    void retriesGetOnDroppedConnection();
    void doesNotRetryPostOnDroppedConnection();
    void retriesPostWhenThrottled();
    void retriesPostOnServerErrorOnlyWhenPolicyAllows();
    void choosesRetryAfterDelay();
    void capsRetryAfterAtMaxDelay();
    void backoffHasFullJitter_data();
    void backoffHasFullJitter();
    void parsesRetryAfter_data();
    void parsesRetryAfter();
    void timeoutIsNetworkError();
    void timeoutIsRetriedForIdempotentRequest();
    void notFoundIsRemoteWithBody();
    void mapsStatusToErrorCode_data();
    void mapsStatusToErrorCode();
    void refusedConnectionNamesHost();
    void cancelDeliversCancelledOnce();
    void cancelFromInsideSignalsIsSafe();
    void logNeverContainsSecrets();
    void logOmitsBodiesUnlessAsked();
    void prepareRunsBeforeEveryAttempt();
    void invalidUrlFailsFromEventLoop();
    void selfSignedAllowanceWarnsOnce();
    void verifiesTlsUnlessHostIsAllowed();

private:
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<HttpClient> m_client;
    std::unique_ptr<ScriptedServer> m_server;
};

void tst_HttpClient::init()
{
    m_network = std::make_unique<QNetworkAccessManager>();
    m_client = std::make_unique<HttpClient>(m_network.get());
    RetryPolicy fast;
    fast.baseDelayMs = 1;
    fast.maxDelayMs = 5000;
    m_client->setRetryPolicy(fast);
    m_client->setRandomSource([] { return 0.0; });
    m_server = std::make_unique<ScriptedServer>();
    QVERIFY(m_server->listen());
}

void tst_HttpClient::cleanup()
{
    m_client.reset();
    m_server.reset();
    m_network.reset();
}

void tst_HttpClient::returnsSuccessfulResponse()
{
    m_server->script = {respond(200, "hello", {{"X-Thing", "yes"}})};
    const auto r = run(*m_client, get(m_server->url(QStringLiteral("/a/b?x=1"))));
    QVERIFY2(r.has_value(), qPrintable(r ? QString() : r.error().message));
    QCOMPARE(r->status, 200);
    QCOMPARE(r->body, QByteArray("hello"));
    QCOMPARE(r->header("x-thing"), QByteArray("yes"));
    QCOMPARE(r->header("X-THING"), QByteArray("yes"));
    QCOMPARE(r->attempts, 1);
    QCOMPARE(m_server->received.size(), 1);
    QCOMPARE(m_server->received[0].target, QByteArray("/a/b?x=1"));
    QCOMPARE(m_client->pendingCount(), 0);
}

void tst_HttpClient::retriesServiceUnavailable()
{
    m_server->script = {respond(503, "busy"), respond(200, "ok")};
    const auto r = run(*m_client, get(m_server->url()));
    QVERIFY(r.has_value());
    QCOMPARE(r->body, QByteArray("ok"));
    QCOMPARE(r->attempts, 2);
    QCOMPARE(m_server->received.size(), 2);
}

void tst_HttpClient::retriesGetOnDroppedConnection()
{
    m_server->script = {{ScriptedServer::Kind::DropMidResponse, 200, {}, {}}, respond(200, "ok")};
    const auto r = run(*m_client, get(m_server->url()));
    QVERIFY2(r.has_value(), qPrintable(r ? QString() : r.error().message));
    QCOMPARE(r->attempts, 2);
    QCOMPARE(m_server->received.size(), 2);
}

void tst_HttpClient::doesNotRetryPostOnDroppedConnection()
{
    // The server may have acted on the POST before the connection dropped: sending it again
    // could create a second resource.
    m_server->script = {{ScriptedServer::Kind::DropMidResponse, 200, {}, {}}, respond(200, "ok")};
    const auto r = run(*m_client, post(m_server->url(QStringLiteral("/create")), "{}"));
    QVERIFY(!r.has_value());
    QCOMPARE(r.error().code, ErrorCode::Network);
    QVERIFY2(r.error().message.contains(QLatin1String("127.0.0.1")), qPrintable(r.error().message));
    QCOMPARE(m_server->received.size(), 1);
}

void tst_HttpClient::retriesPostWhenThrottled()
{
    // 429 means the request was refused before being acted on, so even a POST is safe to resend.
    m_server->script = {respond(429, "slow down"), respond(201, "made")};
    const auto r = run(*m_client, post(m_server->url(QStringLiteral("/create")), "{\"a\":1}"));
    QVERIFY(r.has_value());
    QCOMPARE(r->status, 201);
    QCOMPARE(r->attempts, 2);
    QCOMPARE(m_server->received.size(), 2);
    QCOMPARE(m_server->received[1].body, QByteArray("{\"a\":1}"));
}

void tst_HttpClient::retriesPostOnServerErrorOnlyWhenPolicyAllows()
{
    m_server->script = {respond(503, "busy"), respond(200, "ok")};
    const auto refused = run(*m_client, post(m_server->url(), "x"));
    QVERIFY(!refused.has_value());
    QCOMPARE(refused.error().code, ErrorCode::Remote);
    QCOMPARE(m_server->received.size(), 1);

    RetryPolicy policy = m_client->retryPolicy();
    policy.retryServerErrorsWhenNotIdempotent = true;
    m_client->setRetryPolicy(policy);
    m_server->script = {respond(503, "busy"), respond(200, "ok")};
    const auto retried = run(*m_client, post(m_server->url(), "x"));
    QVERIFY(retried.has_value());
    QCOMPARE(retried->attempts, 2);
    QCOMPARE(m_server->received.size(), 3);

    // An explicitly idempotent POST is retried without the policy.
    m_client->setRetryPolicy(RetryPolicy{4, 1, 5000, false});
    m_server->script = {respond(502), respond(200, "ok")};
    HttpRequest idempotentPost = post(m_server->url(), "x");
    idempotentPost.idempotent = true;
    const auto marked = run(*m_client, idempotentPost);
    QVERIFY(marked.has_value());
    QCOMPARE(marked->attempts, 2);
}

void tst_HttpClient::choosesRetryAfterDelay()
{
    // The jitter alone would retry at once (random 0); Retry-After: 2 must win. The test
    // reads the chosen delay and cancels instead of waiting for it.
    m_server->script = {respond(429, {}, {{"Retry-After", "2"}}), respond(200)};
    QSignalSpy scheduled(m_client.get(), &HttpClient::retryScheduled);
    HttpClient::RequestId id = 0;
    const auto outcome = start(*m_client, get(m_server->url()), &id);
    QVERIFY(scheduled.wait(5000));
    QCOMPARE(scheduled.first().at(0).value<HttpClient::RequestId>(), id);
    QCOMPARE(scheduled.first().at(1).toInt(), 2);
    QCOMPARE(scheduled.first().at(2).toInt(), 2000);
    QVERIFY(m_client->cancel(id));
    QTRY_COMPARE(outcome->calls, 1);
    QCOMPARE(outcome->result->error().code, ErrorCode::Cancelled);
    QCOMPARE(m_server->received.size(), 1);
}

void tst_HttpClient::capsRetryAfterAtMaxDelay()
{
    m_client->setRetryPolicy(RetryPolicy{3, 1, 50, false});
    m_server->script = {respond(503, {}, {{"Retry-After", "3600"}}), respond(200, "late")};
    QSignalSpy scheduled(m_client.get(), &HttpClient::retryScheduled);
    const auto r = run(*m_client, get(m_server->url()));
    QVERIFY(r.has_value());
    QCOMPARE(r->body, QByteArray("late"));
    QCOMPARE(scheduled.size(), 1);
    QCOMPARE(scheduled.first().at(2).toInt(), 50);
}

void tst_HttpClient::backoffHasFullJitter_data()
{
    // "Full jitter" from the AWS Architecture Blog, "Exponential Backoff And Jitter" (2015):
    // sleep = random_between(0, min(cap, base * 2 ** attempt)).
    QTest::addColumn<int>("attempt");
    QTest::addColumn<double>("random");
    QTest::addColumn<int>("expected");
    QTest::newRow("first retry, half") << 1 << 0.5 << 50;
    QTest::newRow("third retry, almost all") << 3 << 0.999 << 399;
    QTest::newRow("zero random") << 4 << 0.0 << 0;
    QTest::newRow("capped") << 10 << 0.5 << 500;
    QTest::newRow("huge attempt stays capped") << 1000 << 0.999 << 999;
}

void tst_HttpClient::backoffHasFullJitter()
{
    QFETCH(int, attempt);
    QFETCH(double, random);
    QFETCH(int, expected);
    const RetryPolicy policy{5, 100, 1000, false};
    QCOMPARE(HttpClient::backoffDelayMs(policy, attempt, random), expected);
}

void tst_HttpClient::parsesRetryAfter_data()
{
    // Both forms from RFC 9110 section 10.2.3, with its example date.
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<int>("expected"); // -1: not a valid Retry-After
    QTest::newRow("seconds") << QByteArray("120") << 120000;
    QTest::newRow("zero") << QByteArray("0") << 0;
    QTest::newRow("http-date 30 s ahead") << QByteArray("Fri, 31 Dec 1999 23:59:59 GMT") << 30000;
    QTest::newRow("http-date in the past") << QByteArray("Fri, 31 Dec 1999 23:00:00 GMT") << 0;
    QTest::newRow("negative") << QByteArray("-5") << -1;
    QTest::newRow("garbage") << QByteArray("soon") << -1;
    QTest::newRow("empty") << QByteArray() << -1;
}

void tst_HttpClient::parsesRetryAfter()
{
    QFETCH(QByteArray, value);
    QFETCH(int, expected);
    const QDateTime now(QDate(1999, 12, 31), QTime(23, 59, 29), QTimeZone::utc());
    const auto ms = HttpClient::retryAfterMs(value, now);
    QCOMPARE(ms.has_value(), expected >= 0);
    if (ms)
        QCOMPARE(*ms, expected);
}

void tst_HttpClient::timeoutIsNetworkError()
{
    m_server->fallback = {ScriptedServer::Kind::Hold, 0, {}, {}};
    m_client->setRetryPolicy(RetryPolicy{1, 1, 10, false});
    HttpRequest r = get(m_server->url());
    r.timeoutMs = 200;
    const auto result = run(*m_client, r);
    QVERIFY(!result.has_value());
    QCOMPARE(result.error().code, ErrorCode::Network);
    QVERIFY2(result.error().message.contains(QLatin1String("127.0.0.1")),
             qPrintable(result.error().message));
    QVERIFY(result.error().message.contains(QLatin1String("did not answer")));
}

void tst_HttpClient::timeoutIsRetriedForIdempotentRequest()
{
    m_server->script = {{ScriptedServer::Kind::Hold, 0, {}, {}}, respond(200, "second")};
    HttpRequest r = get(m_server->url());
    // Short for the attempt that gets no answer, generous for the one that does (a loaded
    // machine must not time it out too).
    int attempt = 0;
    r.prepare = [&attempt](HttpRequest& req) { req.timeoutMs = ++attempt == 1 ? 200 : 20000; };
    const auto result = run(*m_client, r);
    QVERIFY(result.has_value());
    QCOMPARE(result->body, QByteArray("second"));
    QCOMPARE(result->attempts, 2);
    QCOMPARE(attempt, 2);
}

void tst_HttpClient::notFoundIsRemoteWithBody()
{
    m_server->fallback = respond(404, R"({"Message":"Function not found: hello"})");
    const auto r = run(*m_client, get(m_server->url(QStringLiteral("/functions/hello"))));
    QVERIFY(!r.has_value());
    QCOMPARE(r.error().code, ErrorCode::Remote);
    QVERIFY(r.error().message.contains(QLatin1String("404")));
    QVERIFY(r.error().detail.contains(QLatin1String("404")));
    QVERIFY(r.error().detail.contains(QLatin1String("Function not found: hello")));
    QCOMPARE(m_server->received.size(), 1); // a 404 is not worth another attempt
}

void tst_HttpClient::mapsStatusToErrorCode_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<ErrorCode>("code");
    QTest::addColumn<int>("requests");
    QTest::newRow("401") << 401 << ErrorCode::Unauthorized << 1;
    QTest::newRow("403") << 403 << ErrorCode::Unauthorized << 1;
    QTest::newRow("409") << 409 << ErrorCode::Conflict << 1;
    QTest::newRow("429 after retries") << 429 << ErrorCode::Throttled << 3;
    QTest::newRow("400") << 400 << ErrorCode::Remote << 1;
    QTest::newRow("500") << 500 << ErrorCode::Remote << 1;
    QTest::newRow("503 after retries") << 503 << ErrorCode::Remote << 3;
}

void tst_HttpClient::mapsStatusToErrorCode()
{
    QFETCH(int, status);
    QFETCH(ErrorCode, code);
    QFETCH(int, requests);
    m_client->setRetryPolicy(RetryPolicy{3, 1, 10, false});
    m_server->fallback = respond(status, "why");
    const auto r = run(*m_client, get(m_server->url()));
    QVERIFY(!r.has_value());
    QCOMPARE(r.error().code, code);
    QVERIFY(r.error().detail.contains(QString::number(status)));
    QCOMPARE(m_server->received.size(), requests);
}

void tst_HttpClient::refusedConnectionNamesHost()
{
    // A port that was just free: nothing listens there any more.
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
    const quint16 port = probe.serverPort();
    probe.close();
    m_client->setRetryPolicy(RetryPolicy{2, 1, 10, false});
    const auto r = run(*m_client, get(QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(port))));
    QVERIFY(!r.has_value());
    QCOMPARE(r.error().code, ErrorCode::Network);
    QVERIFY(r.error().message.contains(QLatin1String("127.0.0.1")));
    QVERIFY(r.error().message.contains(QLatin1String("check your network")));
    QVERIFY(r.error().detail.contains(QLatin1String("2 attempt(s)")));
}

void tst_HttpClient::cancelDeliversCancelledOnce()
{
    m_server->script = {{ScriptedServer::Kind::Hold, 0, {}, {}}};
    HttpClient::RequestId id = 0;
    const auto outcome = start(*m_client, get(m_server->url()), &id);
    QTRY_COMPARE(m_server->received.size(), 1);
    QCOMPARE(outcome->calls, 0);
    QVERIFY(m_client->cancel(id));
    QCOMPARE(outcome->calls, 0); // delivered from the event loop, not from inside cancel()
    QTRY_COMPARE(outcome->calls, 1);
    QCOMPARE(outcome->result->error().code, ErrorCode::Cancelled);
    QVERIFY(!m_client->cancel(id));
    // A later request round-trips through the event loop; no second callback sneaks in.
    m_server->script = {respond(200, "after")};
    QVERIFY(run(*m_client, get(m_server->url())).has_value());
    QCOMPARE(outcome->calls, 1);

    // Cancelling before the first attempt went out sends nothing.
    const int before = int(m_server->received.size());
    const auto early = start(*m_client, get(m_server->url()), &id);
    QVERIFY(m_client->cancel(id));
    QTRY_COMPARE(early->calls, 1);
    QCOMPARE(early->result->error().code, ErrorCode::Cancelled);
    QCOMPARE(int(m_server->received.size()), before);
}

void tst_HttpClient::cancelFromInsideSignalsIsSafe()
{
    // A view may cancel while it is told about the request: from the response's log line...
    m_server->script = {respond(503), respond(200)};
    HttpClient::RequestId id = 0;
    auto connection = connect(m_client.get(), &HttpClient::log, this, [&](const QString& line) {
        if (line.startsWith(QLatin1String("HTTP < 503")))
            m_client->cancel(id);
    });
    const auto fromLog = start(*m_client, get(m_server->url()), &id);
    QTRY_COMPARE(fromLog->calls, 1);
    QCOMPARE(fromLog->result->error().code, ErrorCode::Cancelled);
    disconnect(connection);

    // ...or from the retry notice.
    m_server->script = {respond(503), respond(200)};
    connection = connect(m_client.get(), &HttpClient::retryScheduled, this,
                         [&](HttpClient::RequestId which) { m_client->cancel(which); });
    const auto fromRetry = start(*m_client, get(m_server->url()));
    QTRY_COMPARE(fromRetry->calls, 1);
    QCOMPARE(fromRetry->result->error().code, ErrorCode::Cancelled);
    disconnect(connection);

    // A timed-out attempt ends inside its timer's signal; the next request still works.
    m_server->script = {{ScriptedServer::Kind::Hold, 0, {}, {}}, respond(200, "fine")};
    m_client->setRetryPolicy(RetryPolicy{1, 1, 10, false});
    HttpRequest slow = get(m_server->url());
    slow.timeoutMs = 100;
    QCOMPARE(run(*m_client, slow).error().code, ErrorCode::Network);
    QVERIFY(run(*m_client, get(m_server->url())).has_value());
    QTRY_COMPARE(m_client->pendingCount(), 0);
}

void tst_HttpClient::logNeverContainsSecrets()
{
    const QString registered = QStringLiteral("wJalrXUtnFEMI-K7MDENG-bPxRfiCYEXAMPLEKEY");
    const QByteArray authorization =
        "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261127/us-east-1/lambda/aws4_request, "
        "SignedHeaders=host;x-amz-date, "
        "Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7";
    const QByteArray sessionToken = "FQoGZXIvYXdzEXAMPLESESSIONTOKEN";
    m_client->addSecret(registered);
    m_client->setLogBodies(true);
    QStringList lines;
    connect(m_client.get(), &HttpClient::log, this, [&](const QString& l) { lines.append(l); });

    m_server->script = {
        respond(503, "busy"),
        respond(
            200,
            R"({"Credentials":{"AccessKeyId":"AKIDEXAMPLE2","SecretAccessKey":"sts-secret-value","SessionToken":"sts-token-value"},"echo":")" +
                registered.toUtf8() + "\"}")};
    HttpRequest r;
    r.method = "PUT";
    r.url = m_server->url(
        QStringLiteral("/f?name=visible&X-Amz-Signature=deadbeefsig&code=authcode123&sig=sassig"));
    r.headers = {{"Authorization", authorization},
                 {"X-Amz-Security-Token", sessionToken},
                 {"Cookie", "session=cookievalue"},
                 {"X-Api-Key", "apikeyvalue"},
                 {"X-Visible", "plain-header"}};
    r.body = "{\"secret\":\"" + registered.toUtf8() + "\",\"note\":\"body-marker\"}";
    const auto result = run(*m_client, r);
    QVERIFY(result.has_value());

    const QString all = lines.join(QLatin1Char('\n'));
    // Something was logged: both attempts and the response, with what is not secret.
    QVERIFY2(lines.size() >= 5, qPrintable(all));
    QVERIFY(all.contains(QLatin1String("PUT")));
    QVERIFY(all.contains(QLatin1String("503")));
    QVERIFY(all.contains(QLatin1String("200")));
    QVERIFY(all.contains(QLatin1String("attempt 2/4")));
    QVERIFY(all.contains(QLatin1String("name=visible")));
    QVERIFY(all.contains(QLatin1String("plain-header")));
    QVERIFY(all.contains(QLatin1String("body-marker")));
    for (const QString& secret :
         {registered, QString::fromLatin1(authorization), QStringLiteral("5d672d79c15b13162d92"),
          QString::fromLatin1(sessionToken), QStringLiteral("cookievalue"),
          QStringLiteral("apikeyvalue"), QStringLiteral("deadbeefsig"),
          QStringLiteral("authcode123"), QStringLiteral("sassig"),
          QStringLiteral("sts-secret-value"), QStringLiteral("sts-token-value")})
        QVERIFY2(!all.contains(secret), qPrintable(secret + QStringLiteral(" in:\n") + all));

    // An error's detail keeps the body but not the secrets in it.
    m_server->script = {respond(400, "bad value " + registered.toUtf8())};
    const auto bad = run(*m_client, r);
    QVERIFY(!bad.has_value());
    QVERIFY(bad.error().detail.contains(QLatin1String("bad value")));
    QVERIFY(!bad.error().detail.contains(registered));
    QVERIFY(!bad.error().detail.contains(QLatin1String("deadbeefsig")));
}

void tst_HttpClient::logOmitsBodiesUnlessAsked()
{
    QStringList lines;
    connect(m_client.get(), &HttpClient::log, this, [&](const QString& l) { lines.append(l); });
    m_server->script = {respond(200, "response-body-marker")};
    QVERIFY(run(*m_client, post(m_server->url(), "request-body-marker")).has_value());
    const QString all = lines.join(QLatin1Char('\n'));
    QCOMPARE(lines.size(), 2); // one for the request, one for the response
    QVERIFY(all.contains(QLatin1String("POST")));
    QVERIFY(!all.contains(QLatin1String("request-body-marker")));
    QVERIFY(!all.contains(QLatin1String("response-body-marker")));
}

void tst_HttpClient::prepareRunsBeforeEveryAttempt()
{
    m_server->script = {respond(503), respond(502), respond(200, "ok")};
    int prepared = 0;
    HttpRequest r = get(m_server->url());
    r.headers = {{"X-Base", "1"}};
    r.prepare = [&prepared](HttpRequest& req) {
        ++prepared;
        // A signer adds its headers to what the caller set; a retry must not see the last
        // attempt's signature.
        req.headers.append({"X-Signature", QByteArray::number(prepared)});
    };
    const auto result = run(*m_client, r);
    QVERIFY(result.has_value());
    QCOMPARE(prepared, 3);
    QCOMPARE(m_server->received.size(), 3);
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(m_server->received[i].all("X-Signature"),
                 QList<QByteArray>{QByteArray::number(i + 1)});
        QCOMPARE(m_server->received[i].all("X-Base"), QList<QByteArray>{"1"});
    }
}

void tst_HttpClient::invalidUrlFailsFromEventLoop()
{
    const auto outcome = start(*m_client, get(QUrl(QStringLiteral("not a url"))));
    QCOMPARE(outcome->calls, 0);
    QTRY_COMPARE(outcome->calls, 1);
    QCOMPARE(outcome->result->error().code, ErrorCode::InvalidArgument);
}

void tst_HttpClient::selfSignedAllowanceWarnsOnce()
{
    QSignalSpy logged(m_client.get(), &HttpClient::log);
    m_client->allowSelfSignedCertificate(QStringLiteral("openwhisk.local"));
    m_client->allowSelfSignedCertificate(QStringLiteral("OpenWhisk.local"));
    QCOMPARE(logged.size(), 1);
    QVERIFY(logged.first().first().toString().contains(QLatin1String("openwhisk.local")));
}

void tst_HttpClient::verifiesTlsUnlessHostIsAllowed()
{
    if (!QSslSocket::supportsSsl())
        QSKIP("this Qt has no TLS backend");
    ScriptedServer tls;
    QVERIFY(tls.listen(true));
    tls.fallback = respond(200, "over tls");
    m_client->setRetryPolicy(RetryPolicy{1, 1, 10, false});

    const auto refused = run(*m_client, get(tls.url()));
    QVERIFY(!refused.has_value());
    QCOMPARE(refused.error().code, ErrorCode::Network);
    QVERIFY(refused.error().message.contains(QLatin1String("127.0.0.1")));
    QCOMPARE(tls.received.size(), 0);

    // Allowing another host changes nothing for this one.
    m_client->allowSelfSignedCertificate(QStringLiteral("openwhisk.local"));
    QVERIFY(!run(*m_client, get(tls.url())).has_value());
    QCOMPARE(tls.received.size(), 0);

    m_client->allowSelfSignedCertificate(QStringLiteral("127.0.0.1"));
    const auto allowed = run(*m_client, get(tls.url()));
    QVERIFY2(allowed.has_value(), qPrintable(allowed ? QString() : allowed.error().detail));
    QCOMPARE(allowed->body, QByteArray("over tls"));
    QCOMPARE(tls.received.size(), 1);
}

QTEST_GUILESS_MAIN(tst_HttpClient)
#include "tst_HttpClient.moc"
