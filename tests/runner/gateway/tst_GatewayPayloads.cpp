#include "gateway/GatewayPayloads.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

Q_DECLARE_METATYPE(swb::http::HttpResponse)

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
    const auto added = table.add(Route{QStringLiteral("fn"), method, routePath, api});
    if (!added)
        qFatal("%s", qPrintable(added.error().message));
    const auto match = table.match(requestMethod, requestPath);
    if (!match)
        qFatal("no match for %s", requestPath.constData());
    return *match;
}

QJsonObject parse(const QByteArray& json)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        qFatal("not a JSON object: %s", json.constData());
    return doc.object();
}

QString pretty(const QJsonObject& object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented));
}

QByteArray headerValues(const http::HttpResponse& response, const QByteArray& name)
{
    QByteArrayList values;
    for (const auto& [n, v] : response.headers) {
        if (n.compare(name, Qt::CaseInsensitive) == 0)
            values.append(v);
    }
    return values.join('|');
}

GatewayContext docContext()
{
    GatewayContext context;
    context.requestId = QStringLiteral("id");
    context.apiId = QStringLiteral("api-id");
    context.domainName = QStringLiteral("id.execute-api.us-east-1.amazonaws.com");
    context.sourceIp = QStringLiteral("192.0.2.1");
    context.timeEpochMs = 1583348638390;
    return context;
}

} // namespace

class tst_GatewayPayloads : public QObject {
    Q_OBJECT
private slots:
    void httpApiEventHasTheDocumentedShape();
    void httpApiEventOmitsWhatTheRequestLacks();
    void httpApiEventDecodesQueryParameters();
    void httpApiEventEncodesNonTextBodies_data();
    void httpApiEventEncodesNonTextBodies();
    void restEventMatchesTheDocumentedExample();
    void restEventSendsNullForWhatTheRequestLacks();
    void restEventEncodesBinaryMediaTypes();
    void dispatchesOnTheRoutesApi();
    void httpApiInfersResponseWithoutStatusCode_data();
    void httpApiInfersResponseWithoutStatusCode();
    void httpApiMapsStructuredResponse();
    void httpApiDecodesBase64Body();
    void httpApiRejectsMalformedResult_data();
    void httpApiRejectsMalformedResult();
    void restMapsResponseAndMergesMultiValueHeaders();
    void restDecodesBase64OnlyForBinaryAccept_data();
    void restDecodesBase64OnlyForBinaryAccept();
    void restRejectsMalformedResult_data();
    void restRejectsMalformedResult();
    void gatewayErrorsUseApiGatewaysTexts_data();
    void gatewayErrorsUseApiGatewaysTexts();
};

// https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html
// (payload format 2.0 example). The documented "time" says 12/Mar/2020 while its timeEpoch
// 1583348638390 is 04/Mar/2020 19:03:58.390 UTC; the time is derived from the epoch here.
void tst_GatewayPayloads::httpApiEventHasTheDocumentedShape()
{
    const http::HttpRequest r =
        request("POST", "/my/path?parameter1=value1&parameter1=value2&parameter2=value",
                {{"Header1", "value1"},
                 {"Header2", "value1"},
                 {"Header2", "value2"},
                 {"Cookie", "cookie1; cookie2"},
                 {"User-Agent", "agent"},
                 {"Content-Type", "text/plain"}},
                "Hello from Lambda");
    const RouteMatch match = matchFor(QStringLiteral("POST"), QStringLiteral("/my/{parameter1}"),
                                      QStringLiteral("http"), "POST", "/my/path");
    const QJsonObject event = parse(buildHttpApiEvent(r, match, docContext()));

    const QJsonObject expected{
        {"version", "2.0"},
        {"routeKey", "POST /my/{parameter1}"},
        {"rawPath", "/my/path"},
        {"rawQueryString", "parameter1=value1&parameter1=value2&parameter2=value"},
        {"cookies", QJsonArray{"cookie1", "cookie2"}},
        {"headers", QJsonObject{{"header1", "value1"},
                                {"header2", "value1,value2"},
                                {"user-agent", "agent"},
                                {"content-type", "text/plain"},
                                {"x-forwarded-for", "192.0.2.1"},
                                {"x-forwarded-port", "80"},
                                {"x-forwarded-proto", "http"}}},
        {"queryStringParameters",
         QJsonObject{{"parameter1", "value1,value2"}, {"parameter2", "value"}}},
        {"pathParameters", QJsonObject{{"parameter1", "path"}}},
        {"requestContext", QJsonObject{{"accountId", "123456789012"},
                                       {"apiId", "api-id"},
                                       {"domainName", "id.execute-api.us-east-1.amazonaws.com"},
                                       {"domainPrefix", "id"},
                                       {"http", QJsonObject{{"method", "POST"},
                                                            {"path", "/my/path"},
                                                            {"protocol", "HTTP/1.1"},
                                                            {"sourceIp", "192.0.2.1"},
                                                            {"userAgent", "agent"}}},
                                       {"requestId", "id"},
                                       {"routeKey", "POST /my/{parameter1}"},
                                       {"stage", "$default"},
                                       {"time", "04/Mar/2020:19:03:58 +0000"},
                                       {"timeEpoch", qint64(1583348638390)}}},
        {"body", "Hello from Lambda"},
        {"isBase64Encoded", false}};
    QCOMPARE(pretty(event), pretty(expected));
}

void tst_GatewayPayloads::httpApiEventOmitsWhatTheRequestLacks()
{
    GatewayContext context = docContext();
    context.domainName = QStringLiteral("127.0.0.1:3000");
    context.stage = QStringLiteral("dev");
    context.traceId = QStringLiteral("Root=1-5e5ff2e2-0123456789abcdef01234567");
    const RouteMatch match =
        matchFor(QStringLiteral("GET"), QStringLiteral("/"), QStringLiteral("http"), "GET", "/");
    const QJsonObject event = parse(buildHttpApiEvent(request("GET", "/"), match, context));
    for (const char* key :
         {"cookies", "queryStringParameters", "pathParameters", "body", "stageVariables"})
        QVERIFY2(!event.contains(QLatin1String(key)), key);
    QCOMPARE(event.value("rawQueryString").toString(), QString());
    QCOMPARE(event.value("isBase64Encoded").toBool(true), false);
    const QJsonObject headers = event.value("headers").toObject();
    QCOMPARE(headers.value("x-forwarded-port").toString(), QStringLiteral("3000"));
    QCOMPARE(headers.value("x-amzn-trace-id").toString(), context.traceId);
    const QJsonObject rc = event.value("requestContext").toObject();
    QCOMPARE(rc.value("stage").toString(), QStringLiteral("dev"));
    QCOMPARE(rc.value("domainPrefix").toString(), QStringLiteral("127.0.0.1"));
    QCOMPARE(rc.value("http").toObject().value("userAgent").toString(), QString());
}

void tst_GatewayPayloads::httpApiEventDecodesQueryParameters()
{
    const http::HttpRequest r = request(
        "GET", "/q?name=J%C3%BCrgen&q=a%26b&flag&x=1+2&&e=", {{"X-Forwarded-For", "10.0.0.1"}});
    const RouteMatch match =
        matchFor(QStringLiteral("GET"), QStringLiteral("/q"), QStringLiteral("http"), "GET", "/q");
    const QJsonObject event = parse(buildHttpApiEvent(r, match, docContext()));
    QCOMPARE(event.value("rawQueryString").toString(),
             QStringLiteral("name=J%C3%BCrgen&q=a%26b&flag&x=1+2&&e="));
    const QJsonObject expected{
        {"name", "J\u00fcrgen"}, {"q", "a&b"}, {"flag", ""}, {"x", "1+2"}, {"e", ""}};
    QCOMPARE(pretty(event.value("queryStringParameters").toObject()), pretty(expected));
    // API Gateway appends the client's address to an X-Forwarded-For the client sent.
    QCOMPARE(event.value("headers").toObject().value("x-forwarded-for").toString(),
             QStringLiteral("10.0.0.1, 192.0.2.1"));
}

void tst_GatewayPayloads::httpApiEventEncodesNonTextBodies_data()
{
    // HTTP APIs send text only for text/*, application/json, application/xml and
    // application/javascript; everything else arrives base64-encoded, form posts and a missing
    // Content-Type included (verified against AWS in ministackorg/ministack#766).
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("base64");
    const QByteArray text = "{\"a\":1}";
    QTest::newRow("text/plain") << QByteArray("text/plain") << text << false;
    QTest::newRow("text/html charset") << QByteArray("text/html; charset=utf-8") << text << false;
    QTest::newRow("json") << QByteArray("application/json") << text << false;
    QTest::newRow("JSON charset") << QByteArray("Application/JSON; charset=UTF-8") << text << false;
    QTest::newRow("xml") << QByteArray("application/xml") << text << false;
    QTest::newRow("javascript") << QByteArray("application/javascript") << text << false;
    QTest::newRow("form") << QByteArray("application/x-www-form-urlencoded") << QByteArray("a=1")
                          << true;
    QTest::newRow("octet-stream") << QByteArray("application/octet-stream") << text << true;
    QTest::newRow("no content type") << QByteArray() << text << true;
    QTest::newRow("png") << QByteArray("image/png") << QByteArray("\x89PNG\r\n\x1a\n\0\xff", 10)
                         << true;
    QTest::newRow("text that is not utf-8")
        << QByteArray("text/plain") << QByteArray("caf\xe9") << true;
}

void tst_GatewayPayloads::httpApiEventEncodesNonTextBodies()
{
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, body);
    QFETCH(bool, base64);
    http::HeaderList headers;
    if (!contentType.isEmpty())
        headers.append({"Content-Type", contentType});
    const RouteMatch match = matchFor(QStringLiteral("POST"), QStringLiteral("/u"),
                                      QStringLiteral("http"), "POST", "/u");
    const QJsonObject event =
        parse(buildHttpApiEvent(request("POST", "/u", headers, body), match, docContext()));
    QCOMPARE(event.value("isBase64Encoded").toBool(), base64);
    const QString sent = event.value("body").toString();
    QCOMPARE(base64 ? QByteArray::fromBase64(sent.toLatin1()) : sent.toUtf8(), body);
}

// https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-lambda-proxy-integrations.html
// ("Input format of a Lambda function for proxy integration": POST /testStage/hello/world?name=me
// to the resource /{proxy+}). Locally there is no stage prefix in the URL.
void tst_GatewayPayloads::restEventMatchesTheDocumentedExample()
{
    const http::HttpRequest r =
        request("POST", "/hello/world?name=me&multivalueName=you&multivalueName=me",
                {{"Content-Type", "application/json"},
                 {"headerName", "headerValue"},
                 {"User-Agent", "PostmanRuntime/2.4.5"}},
                "{\r\n\t\"a\": 1\r\n}");
    const RouteMatch match = matchFor(QStringLiteral("ANY"), QStringLiteral("/{proxy+}"),
                                      QStringLiteral("rest"), "POST", "/hello/world");
    GatewayContext context = docContext();
    context.requestId = QStringLiteral("deef4878-7910-11e6-8f14-25afc3e9ae33");
    context.apiId = QStringLiteral("gy415nuibc");
    context.domainName = QStringLiteral("gy415nuibc.execute-api.us-east-1.amazonaws.com");
    context.accountId = QStringLiteral("12345678912");
    context.stage = QStringLiteral("testStage");
    context.sourceIp = QStringLiteral("192.168.196.186");
    // From the same guide's payload 1.0 example: requestTimeEpoch 1583349317135 is
    // "04/Mar/2020:19:15:17 +0000".
    context.timeEpochMs = 1583349317135;
    const QJsonObject event = parse(buildRestApiEvent(r, match, context));

    const QJsonObject requestContext = event.value("requestContext").toObject();
    const QJsonObject expected{
        {"resource", "/{proxy+}"},
        {"path", "/hello/world"},
        {"httpMethod", "POST"},
        {"headers", QJsonObject{{"Content-Type", "application/json"},
                                {"headerName", "headerValue"},
                                {"User-Agent", "PostmanRuntime/2.4.5"},
                                {"X-Forwarded-For", "192.168.196.186"},
                                {"X-Forwarded-Port", "80"},
                                {"X-Forwarded-Proto", "http"}}},
        {"multiValueHeaders", QJsonObject{{"Content-Type", QJsonArray{"application/json"}},
                                          {"headerName", QJsonArray{"headerValue"}},
                                          {"User-Agent", QJsonArray{"PostmanRuntime/2.4.5"}},
                                          {"X-Forwarded-For", QJsonArray{"192.168.196.186"}},
                                          {"X-Forwarded-Port", QJsonArray{"80"}},
                                          {"X-Forwarded-Proto", QJsonArray{"http"}}}},
        {"queryStringParameters", QJsonObject{{"name", "me"}, {"multivalueName", "me"}}},
        {"multiValueQueryStringParameters",
         QJsonObject{{"name", QJsonArray{"me"}}, {"multivalueName", QJsonArray{"you", "me"}}}},
        {"pathParameters", QJsonObject{{"proxy", "hello/world"}}},
        {"stageVariables", QJsonValue::Null},
        {"requestContext",
         QJsonObject{{"accountId", "12345678912"},
                     {"apiId", "gy415nuibc"},
                     {"domainName", "gy415nuibc.execute-api.us-east-1.amazonaws.com"},
                     {"domainPrefix", "gy415nuibc"},
                     {"extendedRequestId", "deef4878-7910-11e6-8f14-25afc3e9ae33"},
                     {"httpMethod", "POST"},
                     {"identity", QJsonObject{{"accessKey", QJsonValue::Null},
                                              {"accountId", QJsonValue::Null},
                                              {"apiKey", QJsonValue::Null},
                                              {"caller", QJsonValue::Null},
                                              {"cognitoAuthenticationProvider", QJsonValue::Null},
                                              {"cognitoAuthenticationType", QJsonValue::Null},
                                              {"cognitoIdentityId", QJsonValue::Null},
                                              {"cognitoIdentityPoolId", QJsonValue::Null},
                                              {"principalOrgId", QJsonValue::Null},
                                              {"sourceIp", "192.168.196.186"},
                                              {"user", QJsonValue::Null},
                                              {"userAgent", "PostmanRuntime/2.4.5"},
                                              {"userArn", QJsonValue::Null}}},
                     {"path", "/testStage/hello/world"},
                     {"protocol", "HTTP/1.1"},
                     {"requestId", "deef4878-7910-11e6-8f14-25afc3e9ae33"},
                     {"requestTime", "04/Mar/2020:19:15:17 +0000"},
                     {"requestTimeEpoch", qint64(1583349317135)},
                     {"resourceId", requestContext.value("resourceId")},
                     {"resourcePath", "/{proxy+}"},
                     {"stage", "testStage"}}},
        {"body", "{\r\n\t\"a\": 1\r\n}"},
        {"isBase64Encoded", false}};
    QCOMPARE(pretty(event), pretty(expected));
    QCOMPARE(requestContext.value("resourceId").toString().size(), 6);
}

void tst_GatewayPayloads::restEventSendsNullForWhatTheRequestLacks()
{
    const RouteMatch match =
        matchFor(QStringLiteral("GET"), QStringLiteral("/"), QStringLiteral("rest"), "GET", "/");
    GatewayContext context = docContext();
    const QJsonObject event = parse(
        buildRestApiEvent(request("GET", "/", {{"Accept", "a"}, {"Accept", "b"}}), match, context));
    for (const char* key : {"queryStringParameters", "multiValueQueryStringParameters",
                            "pathParameters", "stageVariables", "body"}) {
        QVERIFY2(event.contains(QLatin1String(key)), key);
        QVERIFY2(event.value(QLatin1String(key)).isNull(), key);
    }
    QCOMPARE(event.value("isBase64Encoded").toBool(true), false);
    QVERIFY(!event.contains("version"));
    // `headers` keeps the last value, `multiValueHeaders` all of them.
    QCOMPARE(event.value("headers").toObject().value("Accept").toString(), QStringLiteral("b"));
    QCOMPARE(event.value("multiValueHeaders").toObject().value("Accept").toArray(),
             (QJsonArray{"a", "b"}));
    // SAM's implicit REST API stage.
    const QJsonObject rc = event.value("requestContext").toObject();
    QCOMPARE(rc.value("stage").toString(), QStringLiteral("Prod"));
    QCOMPARE(rc.value("path").toString(), QStringLiteral("/Prod/"));
}

void tst_GatewayPayloads::restEventEncodesBinaryMediaTypes()
{
    const RouteMatch match = matchFor(QStringLiteral("PUT"), QStringLiteral("/img"),
                                      QStringLiteral("rest"), "PUT", "/img");
    const http::HttpRequest r = request("PUT", "/img", {{"Content-Type", "image/png"}}, "PNGDATA");
    GatewayContext context = docContext();
    QJsonObject event = parse(buildRestApiEvent(r, match, context));
    QCOMPARE(event.value("isBase64Encoded").toBool(), false);
    QCOMPARE(event.value("body").toString(), QStringLiteral("PNGDATA"));

    context.binaryMediaTypes = {QStringLiteral("image/*")};
    event = parse(buildRestApiEvent(r, match, context));
    QCOMPARE(event.value("isBase64Encoded").toBool(), true);
    QCOMPARE(event.value("body").toString(), QString::fromLatin1(QByteArray("PNGDATA").toBase64()));
}

void tst_GatewayPayloads::dispatchesOnTheRoutesApi()
{
    const RouteMatch rest =
        matchFor(QStringLiteral("GET"), QStringLiteral("/a"), QStringLiteral("rest"), "GET", "/a");
    const RouteMatch http =
        matchFor(QStringLiteral("GET"), QStringLiteral("/a"), QStringLiteral("http"), "GET", "/a");
    QVERIFY(parse(buildEvent(request("GET", "/a"), rest, docContext())).contains("httpMethod"));
    QCOMPARE(parse(buildEvent(request("GET", "/a"), http, docContext())).value("version"),
             QJsonValue("2.0"));
    QCOMPARE(functionResponse(QStringLiteral("rest"), "\"x\"").status, 502);
    QCOMPARE(functionResponse(QStringLiteral("http"), "\"x\"").status, 200);
}

// http-api-develop-integrations-lambda.html, "Lambda function response for format 2.0": without
// a statusCode, API Gateway assumes 200, application/json, and the function's response as body.
void tst_GatewayPayloads::httpApiInfersResponseWithoutStatusCode_data()
{
    QTest::addColumn<QByteArray>("result");
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("string (documented)")
        << QByteArray("\"Hello from Lambda!\"") << QByteArray("Hello from Lambda!");
    QTest::newRow("object (documented)") << QByteArray("{ \"message\": \"Hello from Lambda!\" }")
                                         << QByteArray("{ \"message\": \"Hello from Lambda!\" }");
    QTest::newRow("object with body but no statusCode")
        << QByteArray("{\"body\":\"x\"}") << QByteArray("{\"body\":\"x\"}");
    QTest::newRow("number") << QByteArray("42") << QByteArray("42");
    QTest::newRow("array") << QByteArray("[1,2]") << QByteArray("[1,2]");
    QTest::newRow("null") << QByteArray("null") << QByteArray("null");
}

void tst_GatewayPayloads::httpApiInfersResponseWithoutStatusCode()
{
    QFETCH(QByteArray, result);
    QFETCH(QByteArray, body);
    const http::HttpResponse response = httpApiResponse(result);
    QCOMPARE(response.status, 200);
    QCOMPARE(headerValues(response, "content-type"), QByteArray("application/json"));
    QCOMPARE(response.body, body);
}

void tst_GatewayPayloads::httpApiMapsStructuredResponse()
{
    const http::HttpResponse response = httpApiResponse(
        R"({"statusCode":201,"headers":{"Content-Type":"text/plain","X-Count":3,"X-Ok":true},
            "multiValueHeaders":{"X-Multi":["a","b"]},
            "cookies":["a=1; Path=/","b=2; HttpOnly"],"body":"created","isBase64Encoded":false})");
    QCOMPARE(response.status, 201);
    QCOMPARE(headerValues(response, "Content-Type"), QByteArray("text/plain"));
    QCOMPARE(headerValues(response, "X-Count"), QByteArray("3"));
    QCOMPARE(headerValues(response, "X-Ok"), QByteArray("true"));
    // Each cookie becomes a set-cookie header (the guide's "Payload format differences").
    QCOMPARE(headerValues(response, "Set-Cookie"), QByteArray("a=1; Path=/|b=2; HttpOnly"));
    // Payload 2.0 has no multiValueHeaders: they are not sent.
    QCOMPARE(headerValues(response, "X-Multi"), QByteArray());
    QCOMPARE(response.body, QByteArray("created"));

    const http::HttpResponse bare = httpApiResponse(R"({"statusCode":204})");
    QCOMPARE(bare.status, 204);
    QCOMPARE(bare.body, QByteArray());
    QCOMPARE(headerValues(bare, "content-type"), QByteArray("application/json"));
}

void tst_GatewayPayloads::httpApiDecodesBase64Body()
{
    const QByteArray png("\x89PNG\r\n\x1a\n\0\xff", 10);
    const http::HttpResponse response = httpApiResponse(
        R"({"statusCode":200,"headers":{"content-type":"image/png"},"isBase64Encoded":true,"body":")" +
        png.toBase64() + "\"}");
    QCOMPARE(response.status, 200);
    QCOMPARE(response.body, png);
    QCOMPARE(headerValues(response, "content-type"), QByteArray("image/png"));
}

void tst_GatewayPayloads::httpApiRejectsMalformedResult_data()
{
    QTest::addColumn<QByteArray>("result");
    QTest::newRow("not JSON") << QByteArray("Hello");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("two values") << QByteArray("1,2");
    QTest::newRow("statusCode as string") << QByteArray(R"({"statusCode":"200"})");
    QTest::newRow("statusCode fraction") << QByteArray(R"({"statusCode":200.5})");
    QTest::newRow("statusCode out of range") << QByteArray(R"({"statusCode":42})");
    QTest::newRow("body object") << QByteArray(R"({"statusCode":200,"body":{"a":1}})");
    QTest::newRow("nested header") << QByteArray(R"({"statusCode":200,"headers":{"a":{}}})");
    QTest::newRow("headers array") << QByteArray(R"({"statusCode":200,"headers":[]})");
    QTest::newRow("cookies string") << QByteArray(R"({"statusCode":200,"cookies":"a=1"})");
    QTest::newRow("bad base64") << QByteArray(
        R"({"statusCode":200,"isBase64Encoded":true,"body":"@@@"})");
    QTest::newRow("isBase64Encoded string")
        << QByteArray(R"({"statusCode":200,"isBase64Encoded":"yes","body":"x"})");
}

void tst_GatewayPayloads::httpApiRejectsMalformedResult()
{
    QFETCH(QByteArray, result);
    const http::HttpResponse response = httpApiResponse(result);
    QCOMPARE(response.status, 500);
    QCOMPARE(response.body, QByteArray(R"({"message":"Internal Server Error"})"));
}

// set-up-lambda-proxy-integrations.html, "Output format of a Lambda function for proxy
// integration": headers and multiValueHeaders are merged; for a name in both, only the
// multiValueHeaders values appear.
void tst_GatewayPayloads::restMapsResponseAndMergesMultiValueHeaders()
{
    const http::HttpResponse response = restApiResponse(
        R"({"statusCode":200,"headers":{"X-A":"single","X-B":"kept"},
            "multiValueHeaders":{"x-a":["one","two"],"Set-Cookie":["a=1","b=2"]},
            "body":"results","isBase64Encoded":false})");
    QCOMPARE(response.status, 200);
    QCOMPARE(headerValues(response, "X-A"), QByteArray("one|two"));
    QCOMPARE(headerValues(response, "X-B"), QByteArray("kept"));
    QCOMPARE(headerValues(response, "Set-Cookie"), QByteArray("a=1|b=2"));
    QCOMPARE(headerValues(response, "Content-Type"), QByteArray("application/json"));
    QCOMPARE(response.body, QByteArray("results"));

    // The guide's Node.js examples: {"statusCode": 400, "body": "Missing parameters of ..."}.
    const http::HttpResponse clientError =
        restApiResponse(R"({"statusCode": 400, "body": "Missing parameters of ..."})");
    QCOMPARE(clientError.status, 400);
    QCOMPARE(clientError.body, QByteArray("Missing parameters of ..."));
    QCOMPARE(restApiResponse(R"({"statusCode":"201"})").status, 201);
    QCOMPARE(restApiResponse(R"({"statusCode":200,"body":null})").body, QByteArray());
}

void tst_GatewayPayloads::restDecodesBase64OnlyForBinaryAccept_data()
{
    // "API Gateway uses the first Accept header from clients to determine if a response should
    // return binary media." (lambda-proxy-binary-media.html)
    QTest::addColumn<QByteArray>("accept");
    QTest::addColumn<QStringList>("binaryMediaTypes");
    QTest::addColumn<bool>("decoded");
    QTest::newRow("first accept matches")
        << QByteArray("image/png, */*") << QStringList{"image/*"} << true;
    QTest::newRow("all types binary") << QByteArray("text/html") << QStringList{"*/*"} << true;
    QTest::newRow("first accept does not match")
        << QByteArray("text/html, image/png") << QStringList{"image/png"} << false;
    QTest::newRow("no binary media types") << QByteArray("image/png") << QStringList{} << false;
    QTest::newRow("no accept") << QByteArray() << QStringList{"image/png"} << false;
}

void tst_GatewayPayloads::restDecodesBase64OnlyForBinaryAccept()
{
    QFETCH(QByteArray, accept);
    QFETCH(QStringList, binaryMediaTypes);
    QFETCH(bool, decoded);
    const QByteArray encoded = QByteArray("binary\xff", 7).toBase64();
    const http::HttpResponse response = restApiResponse(
        R"({"statusCode":200,"isBase64Encoded":true,"headers":{"Content-Type":"image/png"},"body":")" +
            encoded + "\"}",
        accept, binaryMediaTypes);
    QCOMPARE(response.status, 200);
    QCOMPARE(response.body, decoded ? QByteArray("binary\xff", 7) : encoded);
}

void tst_GatewayPayloads::restRejectsMalformedResult_data()
{
    // "If the function output is of a different format, API Gateway returns a 502 Bad Gateway
    // error response." (set-up-lambda-proxy-integrations.html)
    QTest::addColumn<QByteArray>("result");
    QTest::newRow("string") << QByteArray("\"Hello\"");
    QTest::newRow("not JSON") << QByteArray("Hello");
    QTest::newRow("no statusCode") << QByteArray(R"({"body":"x"})");
    QTest::newRow("unknown key") << QByteArray(R"({"statusCode":200,"body":"x","data":1})");
    QTest::newRow("cookies is not 1.0") << QByteArray(R"({"statusCode":200,"cookies":["a=1"]})");
    QTest::newRow("body object") << QByteArray(R"({"statusCode":200,"body":{"a":1}})");
    QTest::newRow("multiValueHeaders not lists")
        << QByteArray(R"({"statusCode":200,"multiValueHeaders":{"a":"b"}})");
    QTest::newRow("statusCode word") << QByteArray(R"({"statusCode":"OK"})");
}

void tst_GatewayPayloads::restRejectsMalformedResult()
{
    QFETCH(QByteArray, result);
    const http::HttpResponse response = restApiResponse(result);
    QCOMPARE(response.status, 502);
    QCOMPARE(response.body, QByteArray(R"({"message": "Internal server error"})"));
    QCOMPARE(headerValues(response, "x-amzn-ErrorType"),
             QByteArray("InternalServerErrorException"));
}

void tst_GatewayPayloads::gatewayErrorsUseApiGatewaysTexts_data()
{
    QTest::addColumn<http::HttpResponse>("response");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    const QString http = QStringLiteral("http");
    const QString rest = QStringLiteral("rest");
    // HTTP API: http-api-develop-routes.html ({"message":"Not Found"}).
    QTest::newRow("http route miss")
        << gatewayRouteMiss(http) << 404 << QByteArray(R"({"message":"Not Found"})");
    QTest::newRow("http function error")
        << gatewayErrorForFunctionFailure(http, FunctionFailure::FunctionError) << 500
        << QByteArray(R"({"message":"Internal Server Error"})");
    QTest::newRow("http throttled")
        << gatewayErrorForFunctionFailure(http, FunctionFailure::Throttled) << 500
        << QByteArray(R"({"message":"Internal Server Error"})");
    QTest::newRow("http integration timeout")
        << gatewayErrorForFunctionFailure(http, FunctionFailure::IntegrationTimeout) << 503
        << QByteArray(R"({"message":"Service Unavailable"})");
    QTest::newRow("http too large") << gatewayPayloadTooLarge(http) << 413
                                    << QByteArray(R"({"message":"Request Entity Too Large"})");
    // REST API: SAM CLI's service_error_responses.py (403 Missing Authentication Token,
    // 502 Internal server error); a throttled Lambda is a 500 (re:Post, "API Gateway proxy
    // integration does not forward Lambda throttling").
    QTest::newRow("rest route miss") << gatewayRouteMiss(rest) << 403
                                     << QByteArray(R"({"message":"Missing Authentication Token"})");
    QTest::newRow("rest function error")
        << gatewayErrorForFunctionFailure(rest, FunctionFailure::FunctionError) << 502
        << QByteArray(R"({"message": "Internal server error"})");
    QTest::newRow("rest throttled")
        << gatewayErrorForFunctionFailure(rest, FunctionFailure::Throttled) << 500
        << QByteArray(R"({"message": "Internal server error"})");
    QTest::newRow("rest integration timeout")
        << gatewayErrorForFunctionFailure(rest, FunctionFailure::IntegrationTimeout) << 504
        << QByteArray(R"({"message": "Endpoint request timed out"})");
    QTest::newRow("rest too large")
        << gatewayPayloadTooLarge(rest) << 413 << QByteArray(R"({"message":"Request Too Long"})");
    QTest::newRow("custom") << gatewayError(429, "Too Many \"Requests\"") << 429
                            << QByteArray(R"({"message":"Too Many \"Requests\""})");
}

void tst_GatewayPayloads::gatewayErrorsUseApiGatewaysTexts()
{
    QFETCH(http::HttpResponse, response);
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QCOMPARE(response.status, status);
    QCOMPARE(response.body, body);
    QCOMPARE(headerValues(response, "Content-Type"), QByteArray("application/json"));
}

QTEST_GUILESS_MAIN(tst_GatewayPayloads)
#include "tst_GatewayPayloads.moc"
