// Authorizers imported from SAM (HttpApi/Api Auth, routes' Auth) and serverless.yml
// (provider.httpApi.authorizers, httpApi events' authorizer), into a workspace the validator
// accepts; what is not imported is said in a warning.
#include "format/WorkspaceValidator.h"
#include "import/TemplateImport.h"

#include "ImportTestFormat.h"
#include "TestFiles.h"

#include <QFileInfo>
#include <QProcessEnvironment>
#include <QTest>

using namespace swb;
using swb::test::errorsText;
using swb::test::validationErrors;
using swb::test::warningsText;
using swb::test::warns;

namespace {

const TriggerSpec* route(const Workspace& ws, const QString& function, const QString& method,
                         const QString& path)
{
    const FunctionSpec* f = ws.function(function);
    if (!f)
        return nullptr;
    for (const TriggerSpec& t : f->triggers) {
        if (t.method == method && t.path == path)
            return &t;
    }
    return nullptr;
}

} // namespace

class tst_AuthorizerImport : public QObject {
    Q_OBJECT
private slots:
    void samHttpApiAuthorizers();
    void samRoutesGetTheirAuthorizerAndScopes();
    void samRestRequestAuthorizerAndUnsupportedOnes();
    void serverlessHttpApiAuthorizers();
    void serverlessRoutesGetTheirAuthorizer();
};

void tst_AuthorizerImport::samHttpApiAuthorizers()
{
    const QString path = test::fixturePath(QStringLiteral("import/sam-authorizers/template.yaml"));
    const auto result = importSamTemplate(path, QFileInfo(path).absolutePath());
    QVERIFY2(result.has_value(), qPrintable(result ? QString() : result.error().toString()));
    const Workspace& ws = result->workspace;
    QCOMPARE(validationErrors(ws), QString());

    const AuthorizerSpec* jwt = ws.authorizer(QStringLiteral("OAuth"));
    QVERIFY(jwt);
    QCOMPARE(jwt->type, QStringLiteral("jwt"));
    QCOMPARE(jwt->issuer,
             QStringLiteral("https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Example"));
    QCOMPARE(jwt->audience,
             (QStringList{QStringLiteral("client-one"), QStringLiteral("client-two")}));
    QCOMPARE(jwt->identitySource, QStringList{QStringLiteral("$request.header.Authorization")});

    const AuthorizerSpec* lambda = ws.authorizer(QStringLiteral("LambdaAuth"));
    QVERIFY(lambda);
    QCOMPARE(lambda->type, QStringLiteral("request"));
    QCOMPARE(lambda->function, QStringLiteral("authfn")); // the FunctionName, not the logical id
    QCOMPARE(lambda->identitySource, QStringList{QStringLiteral("$request.header.Authorization")});
    QCOMPARE(lambda->resultTtlSeconds, 60);
    QCOMPARE(lambda->payloadFormat, QStringLiteral("2.0"));
    QVERIFY(lambda->simpleResponses);
}

void tst_AuthorizerImport::samRoutesGetTheirAuthorizerAndScopes()
{
    const QString path = test::fixturePath(QStringLiteral("import/sam-authorizers/template.yaml"));
    const auto result = importSamTemplate(path, QFileInfo(path).absolutePath());
    QVERIFY(result.has_value());
    const Workspace& ws = result->workspace;
    const QString fn = QStringLiteral("OrdersFunction");
    const TriggerSpec* list = route(ws, fn, QStringLiteral("GET"), QStringLiteral("/orders"));
    QVERIFY(list);
    QCOMPARE(list->authorizer, QStringLiteral("OAuth"));
    QCOMPARE(list->scopes, QStringList{QStringLiteral("orders:read")});
    // No Auth on the event: the API's DefaultAuthorizer with its AuthorizationScopes.
    const TriggerSpec* get = route(ws, fn, QStringLiteral("GET"), QStringLiteral("/orders/{id}"));
    QVERIFY(get);
    QCOMPARE(get->authorizer, QStringLiteral("OAuth"));
    QCOMPARE(get->scopes, QStringList{QStringLiteral("orders:default")});
    const TriggerSpec* admin = route(ws, fn, QStringLiteral("POST"), QStringLiteral("/admin"));
    QVERIFY(admin);
    QCOMPARE(admin->authorizer, QStringLiteral("LambdaAuth"));
    QVERIFY(admin->scopes.isEmpty());
    const TriggerSpec* health = route(ws, fn, QStringLiteral("GET"), QStringLiteral("/health"));
    QVERIFY(health);
    QVERIFY(health->authorizer.isEmpty()); // Authorizer: NONE
    // Auth and ApiId are read, so no "not imported" warning names them.
    QVERIFY2(!warns(*result, QStringLiteral("/Events/ListOrders/Properties/Auth"),
                    QStringLiteral("not imported")),
             qPrintable(warningsText(*result)));
}

void tst_AuthorizerImport::samRestRequestAuthorizerAndUnsupportedOnes()
{
    const QString path = test::fixturePath(QStringLiteral("import/sam-authorizers/template.yaml"));
    const auto result = importSamTemplate(path, QFileInfo(path).absolutePath());
    QVERIFY(result.has_value());
    const Workspace& ws = result->workspace;
    const AuthorizerSpec* key = ws.authorizer(QStringLiteral("KeyAuth"));
    QVERIFY(key);
    QCOMPARE(key->type, QStringLiteral("request"));
    QCOMPARE(key->payloadFormat, QStringLiteral("1.0"));
    QCOMPARE(key->identitySource, (QStringList{QStringLiteral("$request.header.X-Api-Key"),
                                               QStringLiteral("$request.querystring.tenant")}));
    QCOMPARE(key->resultTtlSeconds, 300); // SAM's ReauthorizeEvery default
    const TriggerSpec* legacy = route(ws, QStringLiteral("OrdersFunction"), QStringLiteral("GET"),
                                      QStringLiteral("/legacy"));
    QVERIFY(legacy);
    QCOMPARE(legacy->api, QStringLiteral("rest"));
    QCOMPARE(legacy->authorizer, QStringLiteral("KeyAuth"));

    QVERIFY(!ws.authorizer(QStringLiteral("UserPool")));
    QVERIFY2(warns(*result,
                   QStringLiteral("/Resources/LegacyApi/Properties/Auth/Authorizers/UserPool"),
                   QStringLiteral("Cognito")),
             qPrintable(warningsText(*result)));
    const TriggerSpec* pool = route(ws, QStringLiteral("OrdersFunction"), QStringLiteral("GET"),
                                    QStringLiteral("/legacy/pool"));
    QVERIFY(pool);
    QVERIFY(pool->authorizer.isEmpty());
    QVERIFY2(warns(*result, QStringLiteral("/Events/LegacyPool/Properties/Auth"),
                   QStringLiteral("\"UserPool\"")),
             qPrintable(warningsText(*result)));
}

void tst_AuthorizerImport::serverlessHttpApiAuthorizers()
{
    const QString path =
        test::fixturePath(QStringLiteral("import/serverless-authorizers/serverless.yml"));
    const auto result =
        importServerlessConfig(path, QFileInfo(path).absolutePath(), QProcessEnvironment());
    QVERIFY2(result.has_value(), qPrintable(result ? QString() : result.error().toString()));
    const Workspace& ws = result->workspace;
    QCOMPARE(validationErrors(ws), QString());
    QCOMPARE(ws.authorizers.size(), 2);

    const AuthorizerSpec* jwt = ws.authorizer(QStringLiteral("cognito"));
    QVERIFY(jwt);
    QCOMPARE(jwt->type, QStringLiteral("jwt"));
    QCOMPARE(jwt->issuer,
             QStringLiteral("https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Example"));
    QCOMPARE(jwt->audience, QStringList{QStringLiteral("client-one")});

    const AuthorizerSpec* custom = ws.authorizer(QStringLiteral("custom"));
    QVERIFY(custom);
    QCOMPARE(custom->type, QStringLiteral("request"));
    QCOMPARE(custom->function, QStringLiteral("authorize"));
    QCOMPARE(custom->identitySource.size(), 2);
    QCOMPARE(custom->resultTtlSeconds, 120);
    QVERIFY(custom->simpleResponses);
    QCOMPARE(custom->payloadFormat, QStringLiteral("2.0"));

    QVERIFY(!ws.authorizer(QStringLiteral("external")));
    QVERIFY2(warns(*result, QStringLiteral("/provider/httpApi/authorizers/external"),
                   QStringLiteral("functionArn")),
             qPrintable(warningsText(*result)));
}

void tst_AuthorizerImport::serverlessRoutesGetTheirAuthorizer()
{
    const QString path =
        test::fixturePath(QStringLiteral("import/serverless-authorizers/serverless.yml"));
    const auto result =
        importServerlessConfig(path, QFileInfo(path).absolutePath(), QProcessEnvironment());
    QVERIFY(result.has_value());
    const Workspace& ws = result->workspace;
    const QString fn = QStringLiteral("orders");
    const TriggerSpec* list = route(ws, fn, QStringLiteral("GET"), QStringLiteral("/orders"));
    QVERIFY(list);
    QCOMPARE(list->authorizer, QStringLiteral("cognito"));
    QCOMPARE(list->scopes, QStringList{QStringLiteral("orders:read")});
    const TriggerSpec* create = route(ws, fn, QStringLiteral("POST"), QStringLiteral("/orders"));
    QVERIFY(create);
    QCOMPARE(create->authorizer, QStringLiteral("custom"));
    const TriggerSpec* remove =
        route(ws, fn, QStringLiteral("DELETE"), QStringLiteral("/orders/{id}"));
    QVERIFY(remove);
    QVERIFY(remove->authorizer.isEmpty()); // its authorizer was not imported
    QVERIFY2(warns(*result, QStringLiteral("/events/2/httpApi/authorizer"),
                   QStringLiteral("\"external\"")),
             qPrintable(warningsText(*result)));
    const TriggerSpec* health = route(ws, fn, QStringLiteral("GET"), QStringLiteral("/health"));
    QVERIFY(health);
    QVERIFY(health->authorizer.isEmpty());
}

QTEST_GUILESS_MAIN(tst_AuthorizerImport)
#include "tst_AuthorizerImport.moc"
