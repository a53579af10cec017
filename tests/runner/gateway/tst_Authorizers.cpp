// The gateway's authorizer rules without sockets: identity sources, scopes, claims, the Lambda
// authorizer's event and response, the policy decision and the per-identity cache. Expected
// values come from the API Gateway developer guide (http-api-lambda-authorizer.html,
// http-api-jwt-authorizer.html, http-api-troubleshooting-jwt.html) unless a comment says
// otherwise.
#include "gateway/Authorizers.h"

#include <QJsonDocument>
#include <QTest>

using namespace swb;
using namespace swb::gateway;

namespace {

http::HttpRequest request(const QByteArray& method, const QByteArray& target,
                          const http::HeaderList& headers = {}, const QByteArray& body = {})
{
    http::HttpRequest r;
    r.method = method;
    r.target = target;
    const qsizetype question = target.indexOf('?');
    r.path = question < 0 ? target : target.left(question);
    r.query = question < 0 ? QByteArray() : target.mid(question + 1);
    r.version = "HTTP/1.1";
    r.headers = headers;
    r.body = body;
    return r;
}

RouteMatch matchFor(const QString& method, const QString& routePath, const QString& api,
                    const QByteArray& requestMethod, const QByteArray& requestPath)
{
    RouteTable table;
    if (!table.add(Route{QStringLiteral("fn"), method, routePath, api}))
        qFatal("bad route");
    const auto match = table.match(requestMethod, requestPath);
    if (!match)
        qFatal("no match");
    return *match;
}

GatewayContext context()
{
    GatewayContext c;
    c.requestId = QStringLiteral("req-1");
    c.apiId = QStringLiteral("abcdef123");
    c.domainName = QStringLiteral("127.0.0.1:3000");
    c.sourceIp = QStringLiteral("192.0.2.1");
    c.timeEpochMs = 1583348638390;
    return c;
}

AuthorizerSpec lambdaAuthorizer(const QString& format, bool simple)
{
    AuthorizerSpec a;
    a.name = QStringLiteral("auth");
    a.type = QStringLiteral("request");
    a.function = QStringLiteral("authfn");
    a.identitySource = {QStringLiteral("$request.header.Authorization")};
    a.payloadFormat = format;
    a.simpleResponses = simple;
    a.resultTtlSeconds = 300;
    return a;
}

QJsonObject parse(const QByteArray& json)
{
    return QJsonDocument::fromJson(json).object();
}

QByteArray policy(const char* effect, const char* resource)
{
    return QByteArray(R"({"principalId": "user-7", "policyDocument": {"Version": "2012-10-17",
        "Statement": [{"Action": "execute-api:Invoke", "Effect": ")") +
           effect + R"(", "Resource": ")" + resource + R"("}]}, "context": {"tier": "gold"}})";
}

} // namespace

class tst_Authorizers : public QObject {
    Q_OBJECT
private slots:
    void identityComesFromHeadersQueryAndContext();
    void missingOrEmptyIdentityIsNone();
    void bearerPrefixIsOptional_data();
    void bearerPrefixIsOptional();
    void audienceOrClientIdMustMatch_data();
    void audienceOrClientIdMustMatch();
    void tokenNeedsOneOfTheRouteScopes_data();
    void tokenNeedsOneOfTheRouteScopes();
    void claimsArePassedAsStrings();
    void jwtContextDependsOnTheApi();
    void challengeNamesTheProblem();
    void routeArnNamesStageMethodAndPath();
    void payload2EventHasTheDocumentedShape();
    void payload1EventHasMethodArnAndJoinedIdentity();
    void simpleResponseDecidesForEveryRoute();
    void badResponsesAreRefused_data();
    void badResponsesAreRefused();
    void policyIsEvaluatedAgainstTheRoute();
    void denyStatementWinsOverAllow();
    void lambdaContextDependsOnTheApi();
    void refusalsUseApiGatewaysAnswers();
    void cacheKeepsAResultForItsTtl();
    void cacheKeepsAuthorizersAndIdentitiesApart();
    void cacheWithTtlZeroKeepsNothing();
};

void tst_Authorizers::identityComesFromHeadersQueryAndContext()
{
    const auto r =
        request("GET", "/orders/7?token=a%20b&token=c&x=1",
                {{"authorization", "Bearer abc"}, {"X-Tenant", "t1"}, {"x-tenant", "t2"}});
    const auto m = matchFor(QStringLiteral("GET"), QStringLiteral("/orders/{id}"),
                            QStringLiteral("http"), "GET", "/orders/7");
    const auto values = identityValues(
        {QStringLiteral("$request.header.Authorization"),
         QStringLiteral("$request.header.x-tenant"), QStringLiteral("$request.querystring.token"),
         QStringLiteral("$context.routeKey"), QStringLiteral("$context.identity.sourceIp")},
        r, m, context());
    QVERIFY(values.has_value());
    QCOMPARE(*values, (QStringList{QStringLiteral("Bearer abc"), QStringLiteral("t1,t2"),
                                   QStringLiteral("a b,c"), QStringLiteral("GET /orders/{id}"),
                                   QStringLiteral("192.0.2.1")}));
}

void tst_Authorizers::missingOrEmptyIdentityIsNone()
{
    const auto m =
        matchFor(QStringLiteral("GET"), QStringLiteral("/a"), QStringLiteral("http"), "GET", "/a");
    const QStringList sources = {QStringLiteral("$request.header.Authorization"),
                                 QStringLiteral("$request.querystring.k")};
    QVERIFY(!identityValues(sources, request("GET", "/a?k=1"), m, context()));
    QVERIFY(
        !identityValues(sources, request("GET", "/a?k=", {{"Authorization", "x"}}), m, context()));
    QVERIFY(!identityValues(sources, request("GET", "/a?k=1", {{"Authorization", "  "}}), m,
                            context()));
    // There are no stage variables locally, so such a source is always missing.
    QVERIFY(!identityValues({QStringLiteral("$stageVariables.key")}, request("GET", "/a"), m,
                            context()));
    QVERIFY(
        identityValues(sources, request("GET", "/a?k=1", {{"Authorization", "x"}}), m, context()));
    QCOMPARE(identityValues({}, request("GET", "/a"), m, context()).value_or(QStringList{"none"}),
             QStringList());
}

void tst_Authorizers::bearerPrefixIsOptional_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QByteArray>("token");
    QTest::newRow("bearer") << QStringLiteral("Bearer eyJ.a.b") << QByteArray("eyJ.a.b");
    QTest::newRow("lower-case") << QStringLiteral("bearer eyJ.a.b") << QByteArray("eyJ.a.b");
    QTest::newRow("bare") << QStringLiteral("eyJ.a.b") << QByteArray("eyJ.a.b");
    QTest::newRow("spaces") << QStringLiteral("  Bearer   eyJ.a.b ") << QByteArray("eyJ.a.b");
}

void tst_Authorizers::bearerPrefixIsOptional()
{
    QFETCH(QString, value);
    QFETCH(QByteArray, token);
    QCOMPARE(bearerToken(value), token);
}

void tst_Authorizers::audienceOrClientIdMustMatch_data()
{
    // http-api-troubleshooting-jwt.html: "API Gateway validates client_id only if aud is not
    // present. When both aud and client_id are present, API Gateway evaluates aud."
    QTest::addColumn<QByteArray>("claims");
    QTest::addColumn<bool>("allowed");
    QTest::newRow("aud string") << QByteArray(R"({"aud":"app"})") << true;
    QTest::newRow("aud array") << QByteArray(R"({"aud":["x","app"]})") << true;
    QTest::newRow("aud other") << QByteArray(R"({"aud":"x"})") << false;
    QTest::newRow("client_id without aud") << QByteArray(R"({"client_id":"app"})") << true;
    QTest::newRow("aud wins over client_id")
        << QByteArray(R"({"aud":"x","client_id":"app"})") << false;
    QTest::newRow("neither") << QByteArray(R"({"sub":"u"})") << false;
}

void tst_Authorizers::audienceOrClientIdMustMatch()
{
    QFETCH(QByteArray, claims);
    QFETCH(bool, allowed);
    QCOMPARE(audienceAllows(QJsonDocument::fromJson(claims).object(), {QStringLiteral("app")}),
             allowed);
    QVERIFY(audienceAllows(QJsonDocument::fromJson(claims).object(), {}));
}

void tst_Authorizers::tokenNeedsOneOfTheRouteScopes_data()
{
    QTest::addColumn<QStringList>("route");
    QTest::addColumn<QStringList>("token");
    QTest::addColumn<bool>("allowed");
    const QString read = QStringLiteral("orders:read");
    const QString write = QStringLiteral("orders:write");
    QTest::newRow("no route scopes") << QStringList() << QStringList() << true;
    QTest::newRow("one of two") << QStringList{read, write} << QStringList{write} << true;
    QTest::newRow("none") << QStringList{read} << QStringList{write} << false;
    QTest::newRow("token without scopes") << QStringList{read} << QStringList() << false;
    QTest::newRow("case matters") << QStringList{read} << QStringList{QStringLiteral("ORDERS:READ")}
                                  << false;
}

void tst_Authorizers::tokenNeedsOneOfTheRouteScopes()
{
    QFETCH(QStringList, route);
    QFETCH(QStringList, token);
    QFETCH(bool, allowed);
    QCOMPARE(scopesAllow(route, token), allowed);
}

void tst_Authorizers::claimsArePassedAsStrings()
{
    QCOMPARE(claimText(QJsonValue(1600000000.0)), QStringLiteral("1600000000"));
    QCOMPARE(claimText(QJsonValue(true)), QStringLiteral("true"));
    QCOMPARE(claimText(QJsonValue(QStringLiteral("alice"))), QStringLiteral("alice"));
    // Arrays as API Gateway renders them, e.g. Cognito groups "[admin users]".
    QCOMPARE(claimText(QJsonArray{QStringLiteral("admin"), QStringLiteral("users")}),
             QStringLiteral("[admin users]"));
    QCOMPARE(claimText(QJsonObject{{QStringLiteral("k"), 1}}), QStringLiteral("{\"k\":1}"));
}

void tst_Authorizers::jwtContextDependsOnTheApi()
{
    auth::VerifiedJwt token;
    token.claims = QJsonObject{{QStringLiteral("sub"), QStringLiteral("alice")},
                               {QStringLiteral("exp"), 1700000000}};
    token.scopes = {QStringLiteral("orders:read")};
    const QJsonObject http = jwtAuthorizerContext(token, QStringLiteral("http"));
    const QJsonObject jwt = http.value(QStringLiteral("jwt")).toObject();
    QCOMPARE(jwt.value(QStringLiteral("claims")).toObject().value(QStringLiteral("exp")),
             QJsonValue(QStringLiteral("1700000000")));
    QCOMPARE(jwt.value(QStringLiteral("scopes")).toArray(),
             QJsonArray{QStringLiteral("orders:read")});
    const QJsonObject rest = jwtAuthorizerContext(token, QStringLiteral("rest"));
    QCOMPARE(rest.keys(), QStringList{QStringLiteral("claims")});
    QCOMPARE(rest.value(QStringLiteral("claims")).toObject().value(QStringLiteral("sub")),
             QJsonValue(QStringLiteral("alice")));
}

void tst_Authorizers::challengeNamesTheProblem()
{
    // The documented example (http-api-troubleshooting-jwt.html).
    QCOMPARE(jwtChallenge(auth::JwtProblem::WrongAudience),
             QByteArray("Bearer scope=\"\" error=\"invalid_token\" error_description=\"the token "
                        "does not have a valid audience\""));
    QVERIFY(jwtChallenge(auth::JwtProblem::Expired).contains("expired"));
    QVERIFY(jwtChallenge(auth::JwtProblem::BadSignature).startsWith("Bearer scope=\"\" error="));
}

void tst_Authorizers::routeArnNamesStageMethodAndPath()
{
    const auto m = matchFor(QStringLiteral("GET"), QStringLiteral("/request"),
                            QStringLiteral("http"), "GET", "/request");
    QCOMPARE(routeArn(request("GET", "/request"), m, context(), QStringLiteral("us-east-1")),
             QStringLiteral("arn:aws:execute-api:us-east-1:123456789012:abcdef123/$default/GET/"
                            "request"));
    const auto rest = matchFor(QStringLiteral("GET"), QStringLiteral("/a/{id}"),
                               QStringLiteral("rest"), "GET", "/a/1");
    QCOMPARE(routeArn(request("GET", "/a/1"), rest, context(), QStringLiteral("eu-west-1")),
             QStringLiteral("arn:aws:execute-api:eu-west-1:123456789012:abcdef123/Prod/GET/a/1"));
}

void tst_Authorizers::payload2EventHasTheDocumentedShape()
{
    const auto r =
        request("POST", "/my/path?parameter1=value1&parameter1=value2",
                {{"Authorization", "user1"}, {"Cookie", "cookie1; cookie2"}}, "secret body");
    const auto m = matchFor(QStringLiteral("ANY"), QStringLiteral("/my/{proxy+}"),
                            QStringLiteral("http"), "POST", "/my/path");
    const QJsonObject e =
        parse(buildAuthorizerEvent(lambdaAuthorizer(QStringLiteral("2.0"), true), r, m, context(),
                                   {QStringLiteral("user1")}, QStringLiteral("us-east-1")));
    QCOMPARE(e.value(QStringLiteral("version")).toString(), QStringLiteral("2.0"));
    QCOMPARE(e.value(QStringLiteral("type")).toString(), QStringLiteral("REQUEST"));
    QCOMPARE(e.value(QStringLiteral("routeArn")).toString(),
             QStringLiteral("arn:aws:execute-api:us-east-1:123456789012:abcdef123/$default/POST/my/"
                            "path"));
    QCOMPARE(e.value(QStringLiteral("identitySource")).toArray(),
             QJsonArray{QStringLiteral("user1")});
    QCOMPARE(e.value(QStringLiteral("routeKey")).toString(), QStringLiteral("ANY /my/{proxy+}"));
    QCOMPARE(e.value(QStringLiteral("rawPath")).toString(), QStringLiteral("/my/path"));
    QCOMPARE(e.value(QStringLiteral("cookies")).toArray().size(), 2);
    QCOMPARE(e.value(QStringLiteral("queryStringParameters"))
                 .toObject()
                 .value(QStringLiteral("parameter1"))
                 .toString(),
             QStringLiteral("value1,value2"));
    QCOMPARE(e.value(QStringLiteral("pathParameters")).toObject().value(QStringLiteral("proxy")),
             QJsonValue(QStringLiteral("path")));
    QVERIFY(e.value(QStringLiteral("requestContext")).toObject().contains(QStringLiteral("http")));
    QVERIFY(!e.contains(QStringLiteral("body")));
    QVERIFY(!e.contains(QStringLiteral("isBase64Encoded")));
}

void tst_Authorizers::payload1EventHasMethodArnAndJoinedIdentity()
{
    const auto r = request("GET", "/request?q=1", {{"Authorization", "user1"}, {"X-Id", "123"}});
    const auto m = matchFor(QStringLiteral("GET"), QStringLiteral("/request"),
                            QStringLiteral("rest"), "GET", "/request");
    const QJsonObject e = parse(buildAuthorizerEvent(
        lambdaAuthorizer(QStringLiteral("1.0"), false), r, m, context(),
        {QStringLiteral("user1"), QStringLiteral("123")}, QStringLiteral("us-east-1")));
    QCOMPARE(e.value(QStringLiteral("version")).toString(), QStringLiteral("1.0"));
    QCOMPARE(e.value(QStringLiteral("type")).toString(), QStringLiteral("REQUEST"));
    QCOMPARE(
        e.value(QStringLiteral("methodArn")).toString(),
        QStringLiteral("arn:aws:execute-api:us-east-1:123456789012:abcdef123/Prod/GET/request"));
    QCOMPARE(e.value(QStringLiteral("identitySource")).toString(), QStringLiteral("user1,123"));
    QCOMPARE(e.value(QStringLiteral("authorizationToken")).toString(), QStringLiteral("user1,123"));
    QCOMPARE(e.value(QStringLiteral("resource")).toString(), QStringLiteral("/request"));
    QCOMPARE(e.value(QStringLiteral("httpMethod")).toString(), QStringLiteral("GET"));
    QCOMPARE(e.value(QStringLiteral("headers")).toObject().value(QStringLiteral("X-Id")).toString(),
             QStringLiteral("123"));
    QVERIFY(!e.contains(QStringLiteral("body")));
}

void tst_Authorizers::simpleResponseDecidesForEveryRoute()
{
    const AuthorizerSpec a = lambdaAuthorizer(QStringLiteral("2.0"), true);
    const auto allowed =
        parseAuthorizerResponse(a, R"({"isAuthorized": true, "context": {"user": "u1", "n": 3}})");
    QVERIFY(allowed.has_value());
    QCOMPARE(decide(*allowed, QStringLiteral("arn:any")), AuthorizerDecision::Allow);
    QCOMPARE(allowed->context.value(QStringLiteral("n")).toInt(), 3);
    const auto denied = parseAuthorizerResponse(a, R"({"isAuthorized": false})");
    QVERIFY(denied.has_value());
    QCOMPARE(decide(*denied, QStringLiteral("arn:any")), AuthorizerDecision::ExplicitDeny);
}

void tst_Authorizers::badResponsesAreRefused_data()
{
    QTest::addColumn<bool>("simple");
    QTest::addColumn<QString>("format");
    QTest::addColumn<QByteArray>("payload");
    const QString v2 = QStringLiteral("2.0");
    const QString v1 = QStringLiteral("1.0");
    QTest::newRow("not json") << true << v2 << QByteArray("allow");
    QTest::newRow("array") << true << v2 << QByteArray("[true]");
    QTest::newRow("string isAuthorized") << true << v2 << QByteArray(R"({"isAuthorized":"true"})");
    QTest::newRow("no isAuthorized") << true << v2 << QByteArray(R"({"context":{}})");
    QTest::newRow("context not object")
        << true << v2 << QByteArray(R"({"isAuthorized":true,"context":"x"})");
    QTest::newRow("simple answer to a policy authorizer")
        << false << v2 << QByteArray(R"({"isAuthorized":true})");
    QTest::newRow("no principalId")
        << false << v1 << QByteArray(R"({"policyDocument":{"Statement":[]}})");
    QTest::newRow("no Statement") << false << v1
                                  << QByteArray(R"({"principalId":"u","policyDocument":{}})");
    QTest::newRow("bad Effect")
        << false << v1
        << QByteArray(R"({"principalId":"u","policyDocument":{"Statement":[{"Effect":"allow",
            "Action":"execute-api:Invoke","Resource":"*"}]}})");
    QTest::newRow("1.0 context with object")
        << false << v1 << (policy("Allow", "*").replace(R"("tier": "gold")", R"("tier": {"a":1})"));
}

void tst_Authorizers::badResponsesAreRefused()
{
    QFETCH(bool, simple);
    QFETCH(QString, format);
    QFETCH(QByteArray, payload);
    const auto result = parseAuthorizerResponse(lambdaAuthorizer(format, simple), payload);
    QVERIFY(!result.has_value());
    QVERIFY(!result.error().isEmpty());
}

void tst_Authorizers::policyIsEvaluatedAgainstTheRoute()
{
    const AuthorizerSpec a = lambdaAuthorizer(QStringLiteral("1.0"), false);
    const QString orders =
        QStringLiteral("arn:aws:execute-api:us-east-1:123456789012:abcdef123/Prod/GET/orders");
    const QString admin =
        QStringLiteral("arn:aws:execute-api:us-east-1:123456789012:abcdef123/Prod/GET/admin");
    const auto exact = parseAuthorizerResponse(a, policy("Allow", qPrintable(orders)));
    QVERIFY(exact.has_value());
    QCOMPARE(exact->principalId, QStringLiteral("user-7"));
    QCOMPARE(decide(*exact, orders), AuthorizerDecision::Allow);
    QCOMPARE(decide(*exact, admin), AuthorizerDecision::NoAllow);
    const auto wildcard = parseAuthorizerResponse(
        a, policy("Allow", "arn:aws:execute-api:us-east-1:123456789012:abcdef123/*/GET/*"));
    QVERIFY(wildcard.has_value());
    QCOMPARE(decide(*wildcard, admin), AuthorizerDecision::Allow);
    QCOMPARE(decide(*wildcard,
                    QString(admin).replace(QStringLiteral("/GET/"), QStringLiteral("/POST/"))),
             AuthorizerDecision::NoAllow);
    const auto question = parseAuthorizerResponse(
        a, policy("Allow", "arn:aws:execute-api:us-east-1:123456789012:abcdef123/Prod/GET/or?ers"));
    QCOMPARE(decide(*question, orders), AuthorizerDecision::Allow);
    const auto denied = parseAuthorizerResponse(a, policy("Deny", "*"));
    QCOMPARE(decide(*denied, orders), AuthorizerDecision::ExplicitDeny);
}

void tst_Authorizers::denyStatementWinsOverAllow()
{
    const auto result = parseAuthorizerResponse(
        lambdaAuthorizer(QStringLiteral("2.0"), false),
        R"({"principalId":"u","policyDocument":{"Version":"2012-10-17","Statement":[
            {"Action":"execute-api:Invoke","Effect":"Allow","Resource":"*"},
            {"Action":["execute-api:*"],"Effect":"Deny","Resource":["arn:*/DELETE/*"]}]}})");
    QVERIFY(result.has_value());
    QCOMPARE(decide(*result, QStringLiteral("arn:x/$default/GET/a")), AuthorizerDecision::Allow);
    QCOMPARE(decide(*result, QStringLiteral("arn:x/$default/DELETE/a")),
             AuthorizerDecision::ExplicitDeny);
    // A statement for another action does not allow the invocation.
    const auto other = parseAuthorizerResponse(
        lambdaAuthorizer(QStringLiteral("2.0"), false),
        R"({"principalId":"u","policyDocument":{"Statement":{"Action":"s3:GetObject",
            "Effect":"Allow","Resource":"*"}}})");
    QVERIFY(other.has_value());
    QCOMPARE(decide(*other, QStringLiteral("arn:x")), AuthorizerDecision::NoAllow);
}

void tst_Authorizers::lambdaContextDependsOnTheApi()
{
    const auto result = parseAuthorizerResponse(lambdaAuthorizer(QStringLiteral("1.0"), false),
                                                policy("Allow", "*"));
    QVERIFY(result.has_value());
    const QJsonObject http = lambdaAuthorizerContext(*result, QStringLiteral("http"));
    QCOMPARE(http.value(QStringLiteral("lambda")).toObject().value(QStringLiteral("tier")),
             QJsonValue(QStringLiteral("gold")));
    const QJsonObject rest = lambdaAuthorizerContext(*result, QStringLiteral("rest"));
    QCOMPARE(rest.value(QStringLiteral("principalId")), QJsonValue(QStringLiteral("user-7")));
    QCOMPARE(rest.value(QStringLiteral("tier")), QJsonValue(QStringLiteral("gold")));
    QVERIFY(rest.contains(QStringLiteral("integrationLatency")));
}

void tst_Authorizers::refusalsUseApiGatewaysAnswers()
{
    const QString http = QStringLiteral("http");
    const QString rest = QStringLiteral("rest");
    QCOMPARE(authorizerUnauthorized(http).status, 401);
    QCOMPARE(authorizerUnauthorized(http).body, QByteArray("{\"message\":\"Unauthorized\"}"));
    QCOMPARE(authorizerForbidden(http, AuthorizerDecision::ExplicitDeny).status, 403);
    QCOMPARE(authorizerForbidden(http, AuthorizerDecision::ExplicitDeny).body,
             QByteArray("{\"message\":\"Forbidden\"}"));
    QCOMPARE(authorizerFailure(http).status, 500);
    QCOMPARE(authorizerFailure(http).body, QByteArray("{\"message\":\"Internal Server Error\"}"));
    QCOMPARE(authorizerForbidden(rest, AuthorizerDecision::ExplicitDeny).status, 403);
    QVERIFY(authorizerForbidden(rest, AuthorizerDecision::ExplicitDeny)
                .body.contains("with an explicit deny"));
    QVERIFY(!authorizerForbidden(rest, AuthorizerDecision::NoAllow).body.contains("explicit"));
    QCOMPARE(authorizerFailure(rest).status, 500);
}

void tst_Authorizers::cacheKeepsAResultForItsTtl()
{
    AuthorizerCache cache;
    AuthorizerResult allowed;
    allowed.simple = true;
    allowed.isAuthorized = true;
    const QStringList identity = {QStringLiteral("token-a")};
    QVERIFY(!cache.find(QStringLiteral("auth"), identity, 1000));
    cache.store(QStringLiteral("auth"), identity, allowed, 300, 1000);
    QVERIFY(cache.find(QStringLiteral("auth"), identity, 1000));
    QVERIFY(cache.find(QStringLiteral("auth"), identity, 1000 + 299999));
    QVERIFY(!cache.find(QStringLiteral("auth"), identity, 1000 + 300000));
}

void tst_Authorizers::cacheKeepsAuthorizersAndIdentitiesApart()
{
    AuthorizerCache cache;
    AuthorizerResult allowed;
    allowed.simple = true;
    allowed.isAuthorized = true;
    cache.store(QStringLiteral("a"), {QStringLiteral("x,y")}, allowed, 60, 0);
    QVERIFY(cache.find(QStringLiteral("a"), {QStringLiteral("x,y")}, 1));
    QVERIFY(!cache.find(QStringLiteral("b"), {QStringLiteral("x,y")}, 1));
    QVERIFY(!cache.find(QStringLiteral("a"), {QStringLiteral("x"), QStringLiteral("y")}, 1));
    QVERIFY(!cache.find(QStringLiteral("a"), {QStringLiteral("x,z")}, 1));
    QVERIFY(!cache.find(QStringLiteral("ax"), {QStringLiteral(",y")}, 1));
}

void tst_Authorizers::cacheWithTtlZeroKeepsNothing()
{
    AuthorizerCache cache;
    cache.store(QStringLiteral("a"), {QStringLiteral("x")}, AuthorizerResult{}, 0, 0);
    QCOMPARE(cache.size(), 0);
    QVERIFY(!cache.find(QStringLiteral("a"), {QStringLiteral("x")}, 0));
}

QTEST_GUILESS_MAIN(tst_Authorizers)
#include "tst_Authorizers.moc"
