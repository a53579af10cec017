#include "gateway/RouteTable.h"

#include <QTest>

using namespace swb;
using namespace swb::gateway;

namespace {

Route route(const QString& method, const QString& path, const QString& api = QStringLiteral("http"),
            const QString& function = QStringLiteral("fn"))
{
    return Route{function, method, path, api};
}

// "GET /a" or "$default"; "" when it does not parse.
Route parseRoute(const QString& text, const QString& api)
{
    if (text == QLatin1String("$default"))
        return route(QStringLiteral("ANY"), text, api);
    const qsizetype space = text.indexOf(u' ');
    return route(text.left(space), text.mid(space + 1), api);
}

QString missName(RouteTable::Miss miss)
{
    return miss == RouteTable::Miss::NotFound ? QStringLiteral("NotFound")
                                              : QStringLiteral("MethodNotAllowed");
}

// The route key of the match, or the miss's name.
QString outcome(const RouteTable& table, const QByteArray& method, const QByteArray& path)
{
    const auto match = table.match(method, path);
    return match ? match->routeKey : missName(match.error());
}

RouteTable tableOf(const QStringList& routes, const QString& api = QStringLiteral("http"))
{
    RouteTable table;
    for (const QString& r : routes) {
        const auto added = table.add(parseRoute(r, api));
        if (!added)
            qFatal("cannot add %s: %s", qPrintable(r), qPrintable(added.error().message));
    }
    return table;
}

} // namespace

class tst_RouteTable : public QObject {
    Q_OBJECT
private slots:
    void routesLikeTheHttpApiGuideExample_data();
    void routesLikeTheHttpApiGuideExample();
    void literalBeatsParameterBeatsGreedy_data();
    void literalBeatsParameterBeatsGreedy();
    void specificMethodBeatsAnyOnTheSamePath();
    void moreSpecificPathBeatsSpecificMethod();
    void tellsMethodNotAllowedFromNotFound();
    void headIsNotServedByGet();
    void decodesPathParameters_data();
    void decodesPathParameters();
    void emptySegmentsFillNoVariable();
    void trailingSlashMattersOnHttpApiOnly();
    void rootIsNotCaughtByGreedyVariable();
    void defaultRouteCatchesEverythingElse();
    void rejectsInvalidRoutes_data();
    void rejectsInvalidRoutes();
    void rejectsSameMethodAndPathShape();
    void normalisesMethodAndApi();
    void missesAnswerAsRestOnlyWhenAllRoutesAreRest();
};

// https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-routes.html
// ("Routing API requests": the example routes and the table of selected routes).
void tst_RouteTable::routesLikeTheHttpApiGuideExample_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QString>("routeKey");
    QTest::newRow("full match") << QByteArray("GET") << QByteArray("/pets/dog/1")
                                << QStringLiteral("GET /pets/dog/{id}");
    QTest::newRow("greedy with method")
        << QByteArray("GET") << QByteArray("/pets/cat/1") << QStringLiteral("GET /pets/{proxy+}");
    QTest::newRow("ANY greedy beats $default")
        << QByteArray("POST") << QByteArray("/test/5") << QStringLiteral("ANY /{proxy+}");
    QTest::newRow("$default for the root")
        << QByteArray("GET") << QByteArray("/") << QStringLiteral("$default");
}

void tst_RouteTable::routesLikeTheHttpApiGuideExample()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, path);
    QFETCH(QString, routeKey);
    const RouteTable table =
        tableOf({QStringLiteral("GET /pets/dog/{id}"), QStringLiteral("GET /pets/{proxy+}"),
                 QStringLiteral("ANY /{proxy+}"), QStringLiteral("$default")});
    QCOMPARE(outcome(table, method, path), routeKey);
}

void tst_RouteTable::literalBeatsParameterBeatsGreedy_data()
{
    QTest::addColumn<QString>("api");
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QString>("routeKey");
    QTest::addColumn<QString>("parameters");
    for (const QString& api : {QStringLiteral("http"), QStringLiteral("rest")}) {
        const QByteArray a = api.toLatin1();
        QTest::addRow("%s literal", a.constData())
            << api << QByteArray("/orders/new") << QStringLiteral("GET /orders/new") << QString();
        QTest::addRow("%s parameter", a.constData())
            << api << QByteArray("/orders/42") << QStringLiteral("GET /orders/{id}")
            << QStringLiteral("id=42");
        QTest::addRow("%s greedy", a.constData())
            << api << QByteArray("/orders/42/items/7") << QStringLiteral("GET /orders/{proxy+}")
            << QStringLiteral("proxy=42/items/7");
        QTest::addRow("%s first difference decides", a.constData())
            << api << QByteArray("/orders/42/lines") << QStringLiteral("GET /orders/{id}/lines")
            << QStringLiteral("id=42");
        QTest::addRow("%s deeper literal beats shallower greedy", a.constData())
            << api << QByteArray("/orders/new/x") << QStringLiteral("GET /orders/new/{proxy+}")
            << QStringLiteral("proxy=x");
    }
}

void tst_RouteTable::literalBeatsParameterBeatsGreedy()
{
    QFETCH(QString, api);
    QFETCH(QByteArray, path);
    QFETCH(QString, routeKey);
    QFETCH(QString, parameters);
    // Added least specific first so that insertion order cannot be what decides.
    const RouteTable table =
        tableOf({QStringLiteral("GET /{proxy+}"), QStringLiteral("GET /orders/{proxy+}"),
                 QStringLiteral("GET /{kind}/{id}/lines"), QStringLiteral("GET /orders/{id}/lines"),
                 QStringLiteral("GET /orders/{id}"), QStringLiteral("GET /orders/new"),
                 QStringLiteral("GET /orders/new/{proxy+}")},
                api);
    const auto match = table.match("GET", path);
    QVERIFY(match);
    QCOMPARE(match->routeKey, routeKey);
    QStringList found;
    for (auto it = match->pathParameters.cbegin(); it != match->pathParameters.cend(); ++it)
        found.append(it.key() + u'=' + it.value());
    QCOMPARE(found.join(u'&'), parameters);
    QCOMPARE(match->route.api, api);
}

void tst_RouteTable::specificMethodBeatsAnyOnTheSamePath()
{
    // "You can use the ANY method to match all methods that you haven't defined for a resource."
    // (http-api-develop-routes.html)
    const RouteTable table = tableOf({QStringLiteral("ANY /pets"), QStringLiteral("GET /pets")});
    QCOMPARE(outcome(table, "GET", "/pets"), QStringLiteral("GET /pets"));
    QCOMPARE(outcome(table, "DELETE", "/pets"), QStringLiteral("ANY /pets"));
}

void tst_RouteTable::moreSpecificPathBeatsSpecificMethod()
{
    // A full match (ANY /pets) comes before a greedy match (priority 1 vs 2 in the guide).
    const RouteTable table =
        tableOf({QStringLiteral("GET /{proxy+}"), QStringLiteral("ANY /pets")});
    QCOMPARE(outcome(table, "GET", "/pets"), QStringLiteral("ANY /pets"));
    QCOMPARE(outcome(table, "GET", "/cats"), QStringLiteral("GET /{proxy+}"));
}

void tst_RouteTable::tellsMethodNotAllowedFromNotFound()
{
    const RouteTable table = tableOf({QStringLiteral("GET /orders/{id}")});
    QCOMPARE(outcome(table, "POST", "/orders/1"), QStringLiteral("MethodNotAllowed"));
    QCOMPARE(outcome(table, "GET", "/orders"), QStringLiteral("NotFound"));
    QCOMPARE(outcome(table, "GET", "/orders/1/x"), QStringLiteral("NotFound"));
    QCOMPARE(outcome(RouteTable(), "GET", "/"), QStringLiteral("NotFound"));
}

void tst_RouteTable::headIsNotServedByGet()
{
    // API Gateway routes HEAD like any other method: only a HEAD or an ANY route takes it.
    const RouteTable table =
        tableOf({QStringLiteral("GET /a"), QStringLiteral("ANY /b"), QStringLiteral("HEAD /c")});
    QCOMPARE(outcome(table, "HEAD", "/a"), QStringLiteral("MethodNotAllowed"));
    QCOMPARE(outcome(table, "HEAD", "/b"), QStringLiteral("ANY /b"));
    QCOMPARE(outcome(table, "HEAD", "/c"), QStringLiteral("HEAD /c"));
}

void tst_RouteTable::decodesPathParameters_data()
{
    // "API Gateway decodes URL-encoded request parameters before passing them to your backend
    // integration." (http-api-develop-routes.html)
    QTest::addColumn<QString>("routePath");
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("value");
    QTest::newRow("space") << QStringLiteral("/files/{name}") << QByteArray("/files/a%20b")
                           << QStringLiteral("name") << QStringLiteral("a b");
    QTest::newRow("encoded slash stays in the segment")
        << QStringLiteral("/files/{name}") << QByteArray("/files/a%2Fb") << QStringLiteral("name")
        << QStringLiteral("a/b");
    QTest::newRow("utf-8") << QStringLiteral("/users/{user}") << QByteArray("/users/J%C3%BCrgen")
                           << QStringLiteral("user") << QStringLiteral("J\u00fcrgen");
    QTest::newRow("plus is not a space") << QStringLiteral("/q/{term}") << QByteArray("/q/a+b")
                                         << QStringLiteral("term") << QStringLiteral("a+b");
    QTest::newRow("greedy") << QStringLiteral("/s/{proxy+}") << QByteArray("/s/x%20y/z")
                            << QStringLiteral("proxy") << QStringLiteral("x y/z");
}

void tst_RouteTable::decodesPathParameters()
{
    QFETCH(QString, routePath);
    QFETCH(QByteArray, path);
    QFETCH(QString, name);
    QFETCH(QString, value);
    RouteTable table;
    QVERIFY(table.add(route(QStringLiteral("GET"), routePath)));
    const auto match = table.match("GET", path);
    QVERIFY(match);
    QCOMPARE(match->pathParameters.value(name), value);
    QCOMPARE(match->routeKey, QStringLiteral("GET ") + routePath);
}

void tst_RouteTable::emptySegmentsFillNoVariable()
{
    // A variable is never "" (API Gateway does not match /resource/ to /resource/{name}).
    for (const QString& api : {QStringLiteral("http"), QStringLiteral("rest")}) {
        const RouteTable table = tableOf(
            {QStringLiteral("GET /orders/{id}"), QStringLiteral("GET /files/{proxy+}")}, api);
        QCOMPARE(outcome(table, "GET", "/orders/"), QStringLiteral("NotFound"));
        QCOMPARE(outcome(table, "GET", "/orders//"), QStringLiteral("NotFound"));
        QCOMPARE(outcome(table, "GET", "/files/"), QStringLiteral("NotFound"));
        QCOMPARE(outcome(table, "GET", "/files/a//b"), QStringLiteral("NotFound"));
    }
}

void tst_RouteTable::trailingSlashMattersOnHttpApiOnly()
{
    // REST APIs route /hello/ as /hello (aws/chalice#65, powertools-lambda-python#1552);
    // HTTP APIs do not (storacha/w3infra#166 had to add a route for it).
    const RouteTable http = tableOf({QStringLiteral("GET /hello")}, QStringLiteral("http"));
    QCOMPARE(outcome(http, "GET", "/hello"), QStringLiteral("GET /hello"));
    QCOMPARE(outcome(http, "GET", "/hello/"), QStringLiteral("NotFound"));
    const RouteTable rest = tableOf({QStringLiteral("GET /hello")}, QStringLiteral("rest"));
    QCOMPARE(outcome(rest, "GET", "/hello/"), QStringLiteral("GET /hello"));
}

void tst_RouteTable::rootIsNotCaughtByGreedyVariable()
{
    RouteTable table = tableOf({QStringLiteral("ANY /{proxy+}")});
    QCOMPARE(outcome(table, "GET", "/"), QStringLiteral("NotFound"));
    QVERIFY(table.add(route(QStringLiteral("GET"), QStringLiteral("/"))));
    QCOMPARE(outcome(table, "GET", "/"), QStringLiteral("GET /"));
    QCOMPARE(outcome(table, "GET", ""), QStringLiteral("GET /"));
}

void tst_RouteTable::defaultRouteCatchesEverythingElse()
{
    const RouteTable table = tableOf({QStringLiteral("GET /a"), QStringLiteral("$default")});
    QCOMPARE(outcome(table, "GET", "/a"), QStringLiteral("GET /a"));
    QCOMPARE(outcome(table, "POST", "/a"), QStringLiteral("$default"));
    const auto match = table.match("PATCH", "/x/y");
    QVERIFY(match);
    QCOMPARE(match->routeKey, QStringLiteral("$default"));
    QVERIFY(match->pathParameters.isEmpty());
}

void tst_RouteTable::rejectsInvalidRoutes_data()
{
    QTest::addColumn<QString>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("api");
    QTest::addColumn<QString>("message");
    QTest::newRow("no leading slash")
        << "GET"
        << "orders"
        << "http"
        << "The route path \"orders\" must start with \"/\", like /orders/{id}.";
    QTest::newRow("trailing slash")
        << "GET"
        << "/orders/"
        << "http"
        << "The route path \"/orders/\" has an empty segment; remove the doubled or trailing \"/\" "
           "(API Gateway refuses it).";
    QTest::newRow("double slash")
        << "GET"
        << "/a//b"
        << "rest"
        << "The route path \"/a//b\" has an empty segment; remove the doubled or trailing \"/\" "
           "(API Gateway refuses it).";
    QTest::newRow("greedy not last")
        << "GET"
        << "/files/{proxy+}/meta"
        << "http"
        << "The route path \"/files/{proxy+}/meta\" has the greedy variable \"{proxy+}\" before "
           "its end; API Gateway allows {name+} only as the last segment.";
    QTest::newRow("variable mixed with text")
        << "GET"
        << "/orders/id-{id}"
        << "http"
        << "The route path \"/orders/id-{id}\" has the segment \"id-{id}\" that mixes text and a "
           "variable; a variable must be a whole segment, like /orders/{id}.";
    QTest::newRow("unclosed variable")
        << "GET"
        << "/orders/{id"
        << "http"
        << "The route path \"/orders/{id\" has the segment \"{id\" that mixes text and a "
           "variable; a variable must be a whole segment, like /orders/{id}.";
    QTest::newRow("nameless variable")
        << "GET"
        << "/orders/{}"
        << "http"
        << "The route path \"/orders/{}\" has a variable without a name; write {id} or {proxy+}.";
    QTest::newRow("bad variable name")
        << "GET"
        << "/orders/{a b}"
        << "http"
        << "The route path \"/orders/{a b}\" has the variable \"{a b}\" whose name contains ' '; "
           "use letters, digits, '_', '-' and '.'.";
    QTest::newRow("variable twice")
        << "GET"
        << "/{id}/x/{id}"
        << "http"
        << "The route path \"/{id}/x/{id}\" uses the variable {id} twice; give each variable its "
           "own name.";
    QTest::newRow("REST literal character")
        << "GET"
        << "/items:search"
        << "rest"
        << "The route path \"/items:search\" contains ':', which a REST API does not allow in a "
           "path; use letters, digits, '.', '_' and '-'.";
    QTest::newRow("percent in a route")
        << "GET"
        << "/a%20b"
        << "http"
        << "The route path \"/a%20b\" contains '%', which is not allowed in a path; "
           "percent-encoded and reserved characters cannot appear in a route.";
    QTest::newRow("unknown method")
        << "FETCH"
        << "/a"
        << "http"
        << "The route FETCH /a has the method \"FETCH\", which API Gateway does not route; use "
           "GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS or ANY.";
    QTest::newRow("unknown api")
        << "GET"
        << "/a"
        << "soap"
        << "The route GET /a names the API \"soap\"; use \"http\" (HTTP API, payload 2.0) or "
           "\"rest\" (REST API, payload 1.0).";
    QTest::newRow("$default on REST")
        << "ANY"
        << "$default"
        << "rest"
        << "The $default route exists only on HTTP APIs; a REST API catches every path with ANY "
           "/{proxy+}.";
}

void tst_RouteTable::rejectsInvalidRoutes()
{
    QFETCH(QString, method);
    QFETCH(QString, path);
    QFETCH(QString, api);
    QFETCH(QString, message);
    RouteTable table;
    const auto added = table.add(route(method, path, api));
    QVERIFY(!added);
    QCOMPARE(added.error().message, message);
    QCOMPARE(added.error().code, ErrorCode::Validation);
    QVERIFY(table.routes().isEmpty());
}

void tst_RouteTable::rejectsSameMethodAndPathShape()
{
    RouteTable table;
    QVERIFY(table.add(route(QStringLiteral("GET"), QStringLiteral("/orders/{id}"),
                            QStringLiteral("http"), QStringLiteral("getOrder"))));
    const auto clash = table.add(route(QStringLiteral("GET"), QStringLiteral("/orders/{orderId}"),
                                       QStringLiteral("rest"), QStringLiteral("other")));
    QVERIFY(!clash);
    QCOMPARE(
        clash.error().message,
        QStringLiteral("The route GET /orders/{orderId} of function \"other\" clashes with GET "
                       "/orders/{id} of function \"getOrder\": API Gateway allows one route "
                       "per method and path."));
    QVERIFY(!table.add(route(QStringLiteral("get"), QStringLiteral("/orders/{id}"))));
    // Another method, ANY, or another shape is a different route.
    QVERIFY(table.add(route(QStringLiteral("POST"), QStringLiteral("/orders/{id}"))));
    QVERIFY(table.add(route(QStringLiteral("ANY"), QStringLiteral("/orders/{id}"))));
    QVERIFY(table.add(route(QStringLiteral("GET"), QStringLiteral("/orders/{proxy+}"))));
    QVERIFY(table.add(route(QStringLiteral("GET"), QStringLiteral("/orders/new"))));
    QVERIFY(table.add(route(QStringLiteral("ANY"), QStringLiteral("$default"))));
    const auto secondDefault = table.add(route(QStringLiteral("GET"), QStringLiteral("$default")));
    QVERIFY(!secondDefault);
    QVERIFY(secondDefault.error().message.contains(QLatin1String("clashes with $default")));
    QCOMPARE(table.routes().size(), 6);
}

void tst_RouteTable::normalisesMethodAndApi()
{
    RouteTable table;
    QVERIFY(
        table.add(Route{QStringLiteral("fn"), QStringLiteral("get"), QStringLiteral("/a"), {}}));
    QVERIFY(!table.add(Route{{}, QStringLiteral("GET"), QStringLiteral("/b"), {}}));
    const QList<Route> routes = table.routes();
    QCOMPARE(routes.size(), 1);
    QCOMPARE(routes.first().method, QStringLiteral("GET"));
    QCOMPARE(routes.first().api, QStringLiteral("http"));
    QCOMPARE(outcome(table, "GET", "/a"), QStringLiteral("GET /a"));
}

void tst_RouteTable::missesAnswerAsRestOnlyWhenAllRoutesAreRest()
{
    QCOMPARE(RouteTable().apiForMisses(), QStringLiteral("http"));
    QCOMPARE(tableOf({QStringLiteral("GET /a")}, QStringLiteral("rest")).apiForMisses(),
             QStringLiteral("rest"));
    RouteTable mixed = tableOf({QStringLiteral("GET /a")}, QStringLiteral("rest"));
    QVERIFY(mixed.add(route(QStringLiteral("GET"), QStringLiteral("/b"))));
    QCOMPARE(mixed.apiForMisses(), QStringLiteral("http"));
}

QTEST_GUILESS_MAIN(tst_RouteTable)
#include "tst_RouteTable.moc"
