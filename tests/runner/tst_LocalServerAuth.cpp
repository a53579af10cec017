// labels: integration
// swb serve's gateway with authorizers over a real runner: JWT authorizers with the workspace
// token service's keys and with a remote issuer's (served by a local test issuer), and Lambda
// REQUEST authorizers run as real Python functions, with their cache.
#include "LocalServer.h"
#include "Runner.h"
#include "RuntimeFiles.h"
#include "auth/TokenService.h"
#include "http/HttpServer.h"

#include "TestFiles.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace swb;

namespace {

const QByteArray kHandlers = R"py(import json
import time

def echo(event, context):
    return {"statusCode": 200, "body": json.dumps(event)}

def authorize(event, context):
    # A simple-response Lambda authorizer keyed on the Authorization header.
    token = event.get("headers", {}).get("authorization", "")
    if token == "allow":
        return {"isAuthorized": True, "context": {"user": "u1", "tier": "gold"}}
    if token == "deny":
        return {"isAuthorized": False}
    if token == "boom":
        raise ValueError("authorizer crashed")
    if token == "garbage":
        return {"allowed": "yes"}
    if token == "slow":
        time.sleep(30)  # beyond the function's 1-second timeout
    return {"isAuthorized": True, "context": {"user": token}}

def authorize_policy(event, context):
    # A payload 1.0 authorizer answering an IAM policy for one route only. (No slash-star in
    # this text: moc would take it for a comment.)
    token = event.get("authorizationToken", "")
    api = event["methodArn"].split("/")[0]
    return {"principalId": "user-" + token,
            "policyDocument": {"Version": "2012-10-17", "Statement": [
                {"Action": "execute-api:Invoke", "Effect": "Deny" if token == "deny" else "Allow",
                 "Resource": api + "/%s/GET/legacy/allowed" % "*"}]},
            "context": {"tier": "gold", "count": 3}}
)py";

struct Reply {
    int status = 0;
    QByteArray body;
    QList<QNetworkReply::RawHeaderPair> headers;
    QByteArray header(const QByteArray& name) const
    {
        for (const auto& [n, v] : headers) {
            if (n.compare(name, Qt::CaseInsensitive) == 0)
                return v;
        }
        return {};
    }
    QJsonObject event() const { return QJsonDocument::fromJson(body).object(); }
    QJsonObject authorizer() const
    {
        return event()
            .value(QStringLiteral("requestContext"))
            .toObject()
            .value(QStringLiteral("authorizer"))
            .toObject();
    }
};

QByteArray base64Url(const QByteArray& bytes)
{
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QByteArray segment(const QByteArray& token, int index)
{
    return token.split('.').value(index);
}

} // namespace

class tst_LocalServerAuth : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();
    void validTokenPassesWithClaimsAndScopes();
    void bearerPrefixIsOptional();
    void missingTokenIs401();
    void refusedTokensAre401_data();
    void refusedTokensAre401();
    void missingScopeIs403();
    void restRouteGetsClaimsAsCognitoPassesThem();
    void remoteIssuerKeysAreFetchedOnceAndKept();
    void unknownKeyRefetchesAtMostOnceAMinute();
    void unreachableIssuerIs401WithALogLine();
    void lambdaAuthorizerAllowsWithContext();
    void lambdaAuthorizerDenyIs403();
    void lambdaAuthorizerFailureIs500_data();
    void lambdaAuthorizerFailureIs500();
    void lambdaAuthorizerWithoutIdentityIs401WithoutRunning();
    void lambdaAuthorizerCachesPerIdentity();
    void lambdaAuthorizerWithTtlZeroRunsEveryTime();
    void policyAuthorizerIsEvaluatedPerRoute();
    void routesWithoutAuthorizerStayOpen();
    void tokensNeverReachTheLog();

private:
    Reply request(const QString& path, const QByteArray& authorization = {});
    Workspace workspace() const;
    QByteArray issue(const auth::TokenService& service, const QStringList& scopes,
                     qint64 nowSeconds = 0, const QJsonObject& extra = {}) const;
    int authorizerRuns(const char* function = "authfn") const;

    QTemporaryDir* m_dir = nullptr;
    QTemporaryDir* m_issuerDir = nullptr;
    QTemporaryDir* m_keysDir = nullptr;
    Runner* m_runner = nullptr;
    LocalServer* m_server = nullptr;
    QNetworkAccessManager* m_net = nullptr;
    http::HttpServer* m_issuer = nullptr;
    std::optional<auth::TokenService> m_tokens;       // the workspace's
    std::optional<auth::TokenService> m_remoteTokens; // the remote issuer's
    QString m_issuerUrl;
    int m_jwksFetches = 0;
    QStringList m_log; // authorizer problems and function log lines
    QList<InvocationRecord> m_records;
    QByteArrayList m_tokensUsed;
};

void tst_LocalServerAuth::initTestCase()
{
    if (QStandardPaths::findExecutable(QStringLiteral("python3")).isEmpty())
        QSKIP("python3 is not installed");
    // Key pairs made once: each test copies the workspace's, the remote issuer keeps its own.
    m_keysDir = new QTemporaryDir;
    m_issuerDir = new QTemporaryDir;
    auth::TokenServiceSettings settings;
    settings.issuer = QStringLiteral("http://127.0.0.1/keys");
    settings.audiences = {QStringLiteral("swb")};
    QVERIFY(auth::TokenService::open(m_keysDir->path(), settings).has_value());
    QVERIFY(auth::TokenService::open(m_issuerDir->path(), settings).has_value());
}

void tst_LocalServerAuth::cleanupTestCase()
{
    delete m_issuerDir;
    delete m_keysDir;
}

Workspace tst_LocalServerAuth::workspace() const
{
    Workspace ws;
    ws.folder = m_dir->path();
    ws.name = QStringLiteral("shop");
    auto http = [](const char* path, const char* authorizer, QStringList scopes = {},
                   const char* api = "http") {
        TriggerSpec t;
        t.type = TriggerType::Http;
        t.method = QStringLiteral("GET");
        t.path = QLatin1String(path);
        t.api = QLatin1String(api);
        t.authorizer = QLatin1String(authorizer);
        t.scopes = scopes;
        return t;
    };
    FunctionSpec echo;
    echo.name = QStringLiteral("echo");
    echo.runtime = QStringLiteral("python3.11");
    echo.handler = QStringLiteral("app.echo");
    echo.codeUri = QStringLiteral("code");
    echo.triggers = {
        http("/orders", "local", {QStringLiteral("orders:read"), QStringLiteral("orders:admin")}),
        http("/open", ""),
        http("/legacy/orders", "local", {}, "rest"),
        http("/remote", "remote"),
        http("/down", "down"),
        http("/lambda", "lambda"),
        http("/nocache", "nocache"),
        http("/legacy/allowed", "policy", {}, "rest"),
        http("/legacy/other", "policy", {}, "rest")};
    FunctionSpec authfn = echo;
    authfn.name = QStringLiteral("authfn");
    authfn.handler = QStringLiteral("app.authorize");
    authfn.triggers = {};
    authfn.timeoutSeconds = 1;
    FunctionSpec authpolicy = authfn;
    authpolicy.name = QStringLiteral("authpolicy");
    authpolicy.handler = QStringLiteral("app.authorize_policy");
    ws.functions = {echo, authfn, authpolicy};

    AuthorizerSpec local;
    local.name = QStringLiteral("local");
    local.type = QStringLiteral("jwt");
    local.identitySource = {QStringLiteral("$request.header.Authorization")};
    AuthorizerSpec remote = local;
    remote.name = QStringLiteral("remote");
    remote.issuer = m_issuerUrl;
    remote.audience = {QStringLiteral("remote-app")};
    AuthorizerSpec down = local;
    down.name = QStringLiteral("down");
    down.issuer = QStringLiteral("http://127.0.0.1:1/nobody");
    AuthorizerSpec lambda;
    lambda.name = QStringLiteral("lambda");
    lambda.type = QStringLiteral("request");
    lambda.function = QStringLiteral("authfn");
    lambda.identitySource = {QStringLiteral("$request.header.Authorization")};
    lambda.resultTtlSeconds = 300;
    lambda.simpleResponses = true;
    AuthorizerSpec nocache = lambda;
    nocache.name = QStringLiteral("nocache");
    nocache.resultTtlSeconds = 0;
    AuthorizerSpec policy = lambda;
    policy.name = QStringLiteral("policy");
    policy.function = QStringLiteral("authpolicy");
    policy.payloadFormat = QStringLiteral("1.0");
    policy.simpleResponses = false;
    ws.authorizers = {local, remote, down, lambda, nocache, policy};
    return ws;
}

void tst_LocalServerAuth::init()
{
    m_dir = new QTemporaryDir;
    const QString key = auth::TokenService::privateKeyPath(m_dir->path());
    QVERIFY(QDir().mkpath(QFileInfo(key).absolutePath()));
    QVERIFY(QFile::copy(auth::TokenService::privateKeyPath(m_keysDir->path()), key));
    m_log.clear();
    m_records.clear();
    m_tokensUsed.clear();
    m_jwksFetches = 0;
    QVERIFY(test::writeFile(m_dir->path(), QStringLiteral("code/app.py"), kHandlers));

    // The remote issuer: its discovery document and JWKS over a local HTTP server.
    m_issuer = new http::HttpServer;
    m_issuer->setHandler([this](http::HttpRequest&& request, http::HttpResponder&& responder) {
        if (request.path == "/issuer/.well-known/openid-configuration") {
            const QJsonObject configuration{
                {QStringLiteral("issuer"), m_issuerUrl},
                {QStringLiteral("jwks_uri"), m_issuerUrl + QStringLiteral("/keys")}};
            responder.respond(http::HttpResponse::json(200, QJsonDocument(configuration).toJson()));
        } else if (request.path == "/issuer/keys") {
            ++m_jwksFetches;
            responder.respond(http::HttpResponse::json(
                200, QJsonDocument(m_remoteTokens->publicKeys().toJson()).toJson()));
        } else {
            responder.respond(http::HttpResponse::json(404, "{}"));
        }
    });
    QVERIFY(m_issuer->listen(QHostAddress::LocalHost, 0));
    m_issuerUrl = QStringLiteral("http://127.0.0.1:%1/issuer").arg(m_issuer->port());
    auth::TokenServiceSettings remoteSettings;
    remoteSettings.issuer = m_issuerUrl;
    remoteSettings.audiences = {QStringLiteral("remote-app")};
    auto remote = auth::TokenService::open(m_issuerDir->path(), remoteSettings);
    QVERIFY2(remote.has_value(), qPrintable(remote ? QString() : remote.error().message));
    m_remoteTokens = *remote;

    const Workspace ws = workspace();
    const auto settings = auth::TokenServiceSettings::fromWorkspace(ws);
    QVERIFY(settings.has_value());
    auto tokens = auth::TokenService::open(ws.folder, *settings);
    QVERIFY2(tokens.has_value(), qPrintable(tokens ? QString() : tokens.error().message));
    m_tokens = *tokens;

    RunnerOptions options;
    const auto folder = RuntimeFiles::materialize(m_dir->filePath(QStringLiteral("runtimes")));
    QVERIFY(folder.has_value());
    options.runtimeFolder = *folder;
    options.temporaryRoot = m_dir->path();
    m_runner = new Runner(ws, options);
    connect(m_runner, &Runner::invocationFinished, this,
            [this](const InvocationRecord& r) { m_records.append(r); });
    connect(m_runner, &Runner::event, this, [this](const RunnerEvent& e) {
        if (e.kind == RunnerEvent::Kind::LogLine)
            m_log << e.text;
    });
    m_server = new LocalServer(*m_runner);
    connect(m_server, &LocalServer::authorizerProblem, this,
            [this](const QString& message) { m_log << message; });
    const auto listening = m_server->listen(QHostAddress::LocalHost, 0);
    QVERIFY2(listening.has_value(), qPrintable(listening ? QString() : listening.error().message));
    m_net = new QNetworkAccessManager;
}

void tst_LocalServerAuth::cleanup()
{
    delete m_net;
    delete m_server;
    delete m_runner;
    delete m_issuer;
    m_tokens.reset();
    m_remoteTokens.reset();
    delete m_dir;
}

QByteArray tst_LocalServerAuth::issue(const auth::TokenService& service, const QStringList& scopes,
                                      qint64 nowSeconds, const QJsonObject& extra) const
{
    auth::TokenRequest request;
    request.subject = QStringLiteral("alice");
    request.scopes = scopes;
    request.extraClaims = extra;
    request.ttlSeconds = 600;
    const auto token =
        service.issue(request, nowSeconds ? nowSeconds : QDateTime::currentSecsSinceEpoch());
    if (!token)
        qFatal("cannot issue: %s", qPrintable(token.error().message));
    return token->toUtf8();
}

Reply tst_LocalServerAuth::request(const QString& path, const QByteArray& authorization)
{
    QNetworkRequest req(
        QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_server->port()).arg(path)));
    if (!authorization.isEmpty()) {
        req.setRawHeader("Authorization", authorization);
        m_tokensUsed << authorization;
    }
    QNetworkReply* reply = m_net->get(req);
    Reply r;
    if (!QTest::qWaitFor([reply] { return reply->isFinished(); }, 60000))
        return r;
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.body = reply->readAll();
    r.headers = reply->rawHeaderPairs();
    reply->deleteLater();
    return r;
}

int tst_LocalServerAuth::authorizerRuns(const char* function) const
{
    return int(
        std::count_if(m_records.cbegin(), m_records.cend(), [function](const InvocationRecord& r) {
            return r.functionName == QLatin1String(function);
        }));
}

void tst_LocalServerAuth::validTokenPassesWithClaimsAndScopes()
{
    const QByteArray token =
        issue(*m_tokens, {QStringLiteral("orders:read")}, 0,
              QJsonObject{{QStringLiteral("groups"),
                           QJsonArray{QStringLiteral("a"), QStringLiteral("b")}}});
    const Reply r = request(QStringLiteral("/orders"), "Bearer " + token);
    QCOMPARE(r.status, 200);
    const QJsonObject jwt = r.authorizer().value(QStringLiteral("jwt")).toObject();
    const QJsonObject claims = jwt.value(QStringLiteral("claims")).toObject();
    QCOMPARE(claims.value(QStringLiteral("sub")).toString(), QStringLiteral("alice"));
    QCOMPARE(claims.value(QStringLiteral("iss")).toString(), m_tokens->settings().issuer);
    QVERIFY(claims.value(QStringLiteral("exp")).isString()); // every claim a string
    QCOMPARE(claims.value(QStringLiteral("groups")).toString(), QStringLiteral("[a b]"));
    QCOMPARE(jwt.value(QStringLiteral("scopes")).toArray(),
             QJsonArray{QStringLiteral("orders:read")});
}

void tst_LocalServerAuth::bearerPrefixIsOptional()
{
    const QByteArray token = issue(*m_tokens, {QStringLiteral("orders:admin")});
    QCOMPARE(request(QStringLiteral("/orders"), token).status, 200);
}

void tst_LocalServerAuth::missingTokenIs401()
{
    const Reply r = request(QStringLiteral("/orders"));
    QCOMPARE(r.status, 401);
    QCOMPARE(r.body, QByteArray("{\"message\":\"Unauthorized\"}"));
    QCOMPARE(authorizerRuns(), 0);
    QVERIFY(std::none_of(m_records.cbegin(), m_records.cend(), [](const InvocationRecord& rec) {
        return rec.functionName == QLatin1String("echo");
    }));
}

void tst_LocalServerAuth::refusedTokensAre401_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("description");
    QTest::newRow("expired") << QStringLiteral("expired") << QStringLiteral("expired");
    QTest::newRow("wrong issuer") << QStringLiteral("issuer") << QStringLiteral("issuer");
    QTest::newRow("wrong audience") << QStringLiteral("audience") << QStringLiteral("audience");
    QTest::newRow("tampered") << QStringLiteral("tampered") << QStringLiteral("signature");
    QTest::newRow("alg none") << QStringLiteral("none") << QStringLiteral("algorithm");
    QTest::newRow("HS256 with the public key")
        << QStringLiteral("hs256") << QStringLiteral("algorithm");
    QTest::newRow("not a token") << QStringLiteral("garbage") << QStringLiteral("malformed");
}

void tst_LocalServerAuth::refusedTokensAre401()
{
    QFETCH(QString, kind);
    QFETCH(QString, description);
    const QStringList scopes = {QStringLiteral("orders:read")};
    const QByteArray valid = issue(*m_tokens, scopes);
    QByteArray token;
    if (kind == u"expired") {
        token = issue(*m_tokens, scopes, QDateTime::currentSecsSinceEpoch() - 3600);
    } else if (kind == u"issuer" || kind == u"audience") {
        auth::TokenServiceSettings settings = m_tokens->settings();
        if (kind == u"issuer")
            settings.issuer = QStringLiteral("http://127.0.0.1/someone-else");
        else
            settings.audiences = {QStringLiteral("another-app")};
        // The same workspace key: only the claim is wrong.
        const auto other = auth::TokenService::open(m_dir->path(), settings);
        QVERIFY(other.has_value());
        token = issue(*other, scopes);
    } else if (kind == u"tampered") {
        QJsonObject claims =
            QJsonDocument::fromJson(
                QByteArray::fromBase64(segment(valid, 1), QByteArray::Base64UrlEncoding))
                .object();
        claims.insert(QStringLiteral("sub"), QStringLiteral("mallory"));
        token = segment(valid, 0) + '.' +
                base64Url(QJsonDocument(claims).toJson(QJsonDocument::Compact)) + '.' +
                segment(valid, 2);
    } else if (kind == u"none") {
        token = base64Url(R"({"alg":"none","typ":"JWT"})") + '.' + segment(valid, 1) + '.';
    } else if (kind == u"hs256") {
        // The classic confusion: an HMAC keyed with the RSA public key a verifier might load.
        const QByteArray header =
            base64Url(QJsonDocument(QJsonObject{{QStringLiteral("alg"), QStringLiteral("HS256")},
                                                {QStringLiteral("typ"), QStringLiteral("JWT")},
                                                {QStringLiteral("kid"), m_tokens->keyId()}})
                          .toJson(QJsonDocument::Compact));
        const QByteArray input = header + '.' + segment(valid, 1);
        token = input + '.' +
                base64Url(QMessageAuthenticationCode::hash(input, m_tokens->publicKeyPem(),
                                                           QCryptographicHash::Sha256));
    } else {
        token = "not-a-token";
    }
    const Reply r = request(QStringLiteral("/orders"), "Bearer " + token);
    QCOMPARE(r.status, 401);
    QCOMPARE(r.body, QByteArray("{\"message\":\"Unauthorized\"}"));
    const QByteArray challenge = r.header("www-authenticate");
    QVERIFY2(challenge.startsWith("Bearer scope=\"\" error=\"invalid_token\""),
             challenge.constData());
    QVERIFY2(challenge.contains(description.toUtf8()), challenge.constData());
    // The function never ran.
    QVERIFY(m_records.isEmpty());
    // The valid token still passes: the refusal was about the token, not the route.
    QCOMPARE(request(QStringLiteral("/orders"), "Bearer " + valid).status, 200);
}

void tst_LocalServerAuth::missingScopeIs403()
{
    const Reply r = request(QStringLiteral("/orders"),
                            "Bearer " + issue(*m_tokens, {QStringLiteral("orders:write")}));
    QCOMPARE(r.status, 403);
    QCOMPARE(r.body, QByteArray("{\"message\":\"Forbidden\"}"));
    QVERIFY(m_records.isEmpty());
    // A route without scopes takes any valid token of the issuer.
    const Reply open = request(QStringLiteral("/legacy/orders"), "Bearer " + issue(*m_tokens, {}));
    QCOMPARE(open.status, 200);
}

void tst_LocalServerAuth::restRouteGetsClaimsAsCognitoPassesThem()
{
    const Reply r = request(QStringLiteral("/legacy/orders"),
                            "Bearer " + issue(*m_tokens, {QStringLiteral("orders:read")}));
    QCOMPARE(r.status, 200);
    const QJsonObject claims = r.authorizer().value(QStringLiteral("claims")).toObject();
    QCOMPARE(claims.value(QStringLiteral("sub")).toString(), QStringLiteral("alice"));
    QVERIFY(!r.authorizer().contains(QStringLiteral("jwt")));
}

void tst_LocalServerAuth::remoteIssuerKeysAreFetchedOnceAndKept()
{
    const QByteArray token = issue(*m_remoteTokens, {});
    const Reply first = request(QStringLiteral("/remote"), "Bearer " + token);
    QCOMPARE(first.status, 200);
    QCOMPARE(first.authorizer()
                 .value(QStringLiteral("jwt"))
                 .toObject()
                 .value(QStringLiteral("claims"))
                 .toObject()
                 .value(QStringLiteral("iss"))
                 .toString(),
             m_issuerUrl);
    QCOMPARE(m_jwksFetches, 1);
    QCOMPARE(request(QStringLiteral("/remote"), "Bearer " + token).status, 200);
    QCOMPARE(m_jwksFetches, 1);
    // The workspace's own tokens are not the remote issuer's.
    QCOMPARE(request(QStringLiteral("/remote"), "Bearer " + issue(*m_tokens, {})).status, 401);
}

void tst_LocalServerAuth::unknownKeyRefetchesAtMostOnceAMinute()
{
    QCOMPARE(request(QStringLiteral("/remote"), "Bearer " + issue(*m_remoteTokens, {})).status,
             200);
    QCOMPARE(m_jwksFetches, 1);
    // The same issuer with a key its JWKS does not (yet) publish.
    QTemporaryDir otherKeys;
    auto rotated = auth::TokenService::open(otherKeys.path(), m_remoteTokens->settings());
    QVERIFY(rotated.has_value());
    const QByteArray token = issue(*rotated, {});
    // The first fetch was just now: no refetch within the minute.
    const Reply r = request(QStringLiteral("/remote"), "Bearer " + token);
    QCOMPARE(r.status, 401);
    QVERIFY(r.header("www-authenticate").contains("signature"));
    QCOMPARE(m_jwksFetches, 1);
    QCOMPARE(request(QStringLiteral("/remote"), "Bearer " + token).status, 401);
    QCOMPARE(m_jwksFetches, 1);
}

void tst_LocalServerAuth::unreachableIssuerIs401WithALogLine()
{
    const Reply r = request(QStringLiteral("/down"), "Bearer " + issue(*m_tokens, {}));
    QCOMPARE(r.status, 401);
    QVERIFY(m_records.isEmpty());
    const QString line = m_log.join(u'\n');
    QVERIFY2(line.contains(QStringLiteral("http://127.0.0.1:1/nobody")) &&
                 line.contains(QStringLiteral("cannot be fetched")),
             qPrintable(line));
}

void tst_LocalServerAuth::lambdaAuthorizerAllowsWithContext()
{
    const Reply r = request(QStringLiteral("/lambda"), "allow");
    QCOMPARE(r.status, 200);
    const QJsonObject lambda = r.authorizer().value(QStringLiteral("lambda")).toObject();
    QCOMPARE(lambda.value(QStringLiteral("user")).toString(), QStringLiteral("u1"));
    QCOMPARE(lambda.value(QStringLiteral("tier")).toString(), QStringLiteral("gold"));
    QCOMPARE(authorizerRuns(), 1);
}

void tst_LocalServerAuth::lambdaAuthorizerDenyIs403()
{
    const Reply r = request(QStringLiteral("/lambda"), "deny");
    QCOMPARE(r.status, 403);
    QCOMPARE(r.body, QByteArray("{\"message\":\"Forbidden\"}"));
    QCOMPARE(authorizerRuns(), 1);
    QCOMPARE(m_records.size(), 1); // echo never ran
}

void tst_LocalServerAuth::lambdaAuthorizerFailureIs500_data()
{
    QTest::addColumn<QByteArray>("identity");
    QTest::addColumn<QString>("logged");
    QTest::newRow("raises") << QByteArray("boom") << QStringLiteral("failed");
    QTest::newRow("bad response") << QByteArray("garbage") << QStringLiteral("isAuthorized");
    QTest::newRow("times out") << QByteArray("slow") << QStringLiteral("timeout");
}

void tst_LocalServerAuth::lambdaAuthorizerFailureIs500()
{
    QFETCH(QByteArray, identity);
    QFETCH(QString, logged);
    const Reply r = request(QStringLiteral("/lambda"), identity);
    QCOMPARE(r.status, 500);
    QCOMPARE(r.body, QByteArray("{\"message\":\"Internal Server Error\"}"));
    QCOMPARE(m_records.size(), 1);
    QVERIFY2(std::any_of(m_log.cbegin(), m_log.cend(),
                         [&](const QString& line) {
                             return line.startsWith(QStringLiteral("authorizer lambda")) &&
                                    line.contains(logged);
                         }),
             qPrintable(m_log.join(u'\n')));
}

void tst_LocalServerAuth::lambdaAuthorizerWithoutIdentityIs401WithoutRunning()
{
    const Reply r = request(QStringLiteral("/lambda"));
    QCOMPARE(r.status, 401);
    QCOMPARE(r.body, QByteArray("{\"message\":\"Unauthorized\"}"));
    QCOMPARE(authorizerRuns(), 0);
}

void tst_LocalServerAuth::lambdaAuthorizerCachesPerIdentity()
{
    QCOMPARE(request(QStringLiteral("/lambda"), "alice").status, 200);
    const Reply second = request(QStringLiteral("/lambda"), "alice");
    QCOMPARE(second.status, 200);
    QCOMPARE(authorizerRuns(), 1);
    // The cached answer's context, not another identity's.
    QCOMPARE(second.authorizer()
                 .value(QStringLiteral("lambda"))
                 .toObject()
                 .value(QStringLiteral("user"))
                 .toString(),
             QStringLiteral("alice"));
    const Reply bob = request(QStringLiteral("/lambda"), "bob");
    QCOMPARE(bob.status, 200);
    QCOMPARE(authorizerRuns(), 2);
    QCOMPARE(bob.authorizer()
                 .value(QStringLiteral("lambda"))
                 .toObject()
                 .value(QStringLiteral("user"))
                 .toString(),
             QStringLiteral("bob"));
    // Another authorizer (no cache) with the same identity runs the function again.
    QCOMPARE(request(QStringLiteral("/nocache"), "alice").status, 200);
    QCOMPARE(authorizerRuns(), 3);
}

void tst_LocalServerAuth::lambdaAuthorizerWithTtlZeroRunsEveryTime()
{
    QCOMPARE(request(QStringLiteral("/nocache"), "carol").status, 200);
    QCOMPARE(request(QStringLiteral("/nocache"), "carol").status, 200);
    QCOMPARE(authorizerRuns(), 2);
}

void tst_LocalServerAuth::policyAuthorizerIsEvaluatedPerRoute()
{
    const Reply allowed = request(QStringLiteral("/legacy/allowed"), "alice");
    QCOMPARE(allowed.status, 200);
    // REST routes: the context's values as strings beside principalId.
    QCOMPARE(allowed.authorizer().value(QStringLiteral("principalId")).toString(),
             QStringLiteral("user-alice"));
    QCOMPARE(allowed.authorizer().value(QStringLiteral("tier")).toString(), QStringLiteral("gold"));
    QCOMPARE(allowed.authorizer().value(QStringLiteral("count")).toString(), QStringLiteral("3"));
    // The cached policy (same identity) does not open a route it does not name.
    const Reply other = request(QStringLiteral("/legacy/other"), "alice");
    QCOMPARE(other.status, 403);
    QCOMPARE(other.body,
             QByteArray("{\"Message\":\"User is not authorized to access this resource\"}"));
    QCOMPARE(authorizerRuns("authpolicy"), 1);
    const Reply denied = request(QStringLiteral("/legacy/allowed"), "deny");
    QCOMPARE(denied.status, 403);
    QVERIFY(denied.body.contains("explicit deny"));
    QCOMPARE(authorizerRuns("authpolicy"), 2);
}

void tst_LocalServerAuth::routesWithoutAuthorizerStayOpen()
{
    const Reply r = request(QStringLiteral("/open"));
    QCOMPARE(r.status, 200);
    QVERIFY(!r.event()
                 .value(QStringLiteral("requestContext"))
                 .toObject()
                 .contains(QStringLiteral("authorizer")));
    QVERIFY(m_server->routeDescriptions().join(u'\n').contains(
        QStringLiteral("GET /orders -> echo (HTTP API, payload 2.0) [jwt authorizer local, "
                       "scopes orders:read orders:admin]")));
}

void tst_LocalServerAuth::tokensNeverReachTheLog()
{
    const QByteArray valid = issue(*m_tokens, {QStringLiteral("orders:read")});
    const QByteArray expired = issue(*m_tokens, {QStringLiteral("orders:read")},
                                     QDateTime::currentSecsSinceEpoch() - 7200);
    request(QStringLiteral("/orders"), "Bearer " + valid);
    request(QStringLiteral("/orders"), "Bearer " + expired);
    request(QStringLiteral("/orders"), "Bearer " + issue(*m_tokens, {QStringLiteral("x")}));
    request(QStringLiteral("/down"), "Bearer " + valid);
    request(QStringLiteral("/lambda"), "boom");
    QVERIFY(m_log.size() >= 3); // the refusals were logged
    const QString log = m_log.join(u'\n');
    for (const QByteArray& used : std::as_const(m_tokensUsed)) {
        const QString token = QString::fromUtf8(used).remove(QStringLiteral("Bearer "));
        if (token.size() > 20) // the JWTs; "boom" is a test identity, not a secret
            QVERIFY2(!log.contains(token), qPrintable(log));
    }
    QVERIFY(!log.contains(QString::fromUtf8(segment(valid, 2))));
}

QTEST_GUILESS_MAIN(tst_LocalServerAuth)
#include "tst_LocalServerAuth.moc"
