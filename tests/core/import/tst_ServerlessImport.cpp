#include "ImportTestFormat.h"
#include "TestFiles.h"
#include "import/TemplateImport.h"

#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace swb;

class tst_ServerlessImport : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void importsEachFunctionOfTheSampleConfig_data();
    void importsEachFunctionOfTheSampleConfig();
    void skipsImageFunctions();
    void namesWorkspaceAfterService_data();
    void namesWorkspaceAfterService();
    void warnsAboutEverythingNotImported();
    void resolvesVariables_data();
    void resolvesVariables();
    void stopsAtCyclicVariables();
    void usesFrameworkDefaultsForMemoryAndTimeout();
    void makesCodeUriTheConfigFolder();
    void usesDefaultForUnresolvableMemory();
    void readsHttpShortForms_data();
    void readsHttpShortForms();
    void rejectsMalformedFunctions_data();
    void rejectsMalformedFunctions();

private:
    Result<ImportResult> importText(const QByteArray& yaml, const QProcessEnvironment& env = {});

    QString m_fixture;
    ImportResult m_sample;
    QTemporaryDir m_temp;
};

void tst_ServerlessImport::initTestCase()
{
    m_fixture = test::fixturePath(QStringLiteral("import/serverless-app/serverless.yml"));
    QProcessEnvironment environment;
    environment.insert(QStringLiteral("ORDERS_API_URL"), QStringLiteral("https://api.example.com"));
    auto result =
        importServerlessConfig(m_fixture, QFileInfo(m_fixture).absolutePath(), environment);
    QVERIFY2(result.has_value(), qPrintable(result ? QString() : result.error().toString()));
    m_sample = *result;
    QVERIFY(m_temp.isValid());
}

Result<ImportResult> tst_ServerlessImport::importText(const QByteArray& yaml,
                                                      const QProcessEnvironment& env)
{
    static int counter = 0;
    const QString relative = QStringLiteral("s%1/serverless.yml").arg(++counter);
    if (!test::writeFile(m_temp.path(), relative, yaml))
        return fail(ErrorCode::Io, QStringLiteral("cannot write the test configuration"));
    const QString path = QDir(m_temp.path()).filePath(relative);
    return importServerlessConfig(path, QFileInfo(path).absolutePath(), env);
}

void tst_ServerlessImport::importsEachFunctionOfTheSampleConfig_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("runtime");
    QTest::addColumn<QString>("handler");
    QTest::addColumn<int>("memoryMb");
    QTest::addColumn<int>("timeoutSeconds");
    QTest::addColumn<QString>("architecture");
    QTest::addColumn<int>("reserved"); // -1: not set
    QTest::addColumn<int>("provisioned");
    QTest::addColumn<QString>("description");
    QTest::addColumn<QMap<QString, QString>>("environment");
    QTest::addColumn<QStringList>("triggers");

    // provider: python3.12, memory ${self:custom.memory.${self:provider.stage}} = 256 for the
    // default stage "dev" (from ${opt:stage, 'dev'}), timeout 10, arm64, region eu-west-1.
    const QMap<QString, QString> providerEnvironment{{"TABLE_NAME", "orders-dev"},
                                                     {"STAGE", "dev"},
                                                     {"REGION", "eu-west-1"},
                                                     {"API_URL", "https://api.example.com"}};
    QMap<QString, QString> createOrderEnvironment = providerEnvironment;
    createOrderEnvironment.insert("API_KEY", "${ssm:/orders/${self:custom.stage}/api-key}");
    createOrderEnvironment.insert("NOTIFY_EMAIL", "${env:NOTIFY_EMAIL}");

    QTest::newRow("hello: http and httpApi short forms")
        << "hello"
        << "python3.12"
        << "handler.hello" << 256 << 10 << "arm64" << -1 << 0 << "Greets the caller"
        << providerEnvironment
        << QStringList{"http method=GET path=/hello api=rest enabled=true",
                       "http method=GET path=/hello/{name} api=http enabled=true"};
    QTest::newRow("createOrder: own limits and concurrency, long forms, catch-all route")
        << "createOrder"
        << "python3.12"
        << "src/orders.create" << 512 << 29 << "arm64" << 5 << 2 << "" << createOrderEnvironment
        << QStringList{"http method=POST path=/orders api=rest enabled=true",
                       "http method=ANY path=/orders/{id} api=http enabled=true",
                       "http method=ANY path=/{proxy+} api=http enabled=true"};
    QTest::newRow("report: schedules, several rates")
        << "report"
        << "nodejs20.x"
        << "src/report.handler" << 256 << 10 << "x86_64" << -1 << 0 << "" << providerEnvironment
        << QStringList{"schedule schedule=rate(1 hour) enabled=true",
                       "schedule schedule=cron(0 8 * * ? *) enabled=false",
                       "schedule schedule=cron(0 18 * * ? *) enabled=false"};
    QTest::newRow("worker: queues, topics, buckets, streams")
        << "worker"
        << "python3.12"
        << "src/worker.handle" << 256 << 60 << "arm64" << -1 << 0 << "" << providerEnvironment
        << QStringList{"queue source=OrdersQueue batchSize=10 enabled=true",
                       "queue source=arn:aws:sqs:eu-west-1:123456789012:dead-letters enabled=true",
                       "topic source=order-events enabled=true",
                       "topic source=arn:aws:sns:eu-west-1:123456789012:alerts enabled=true",
                       "storage source=orders-dev-uploads events=s3:ObjectCreated:* enabled=true",
                       "storage source=photos events=s3:ObjectRemoved:* enabled=true",
                       "stream source=arn:aws:dynamodb:eu-west-1:123456789012:table/orders/stream/"
                       "2024-01-01T00:00:00.000 startingPosition=TRIM_HORIZON streamKind=dynamodb "
                       "enabled=true",
                       "stream source=ClickStream batchSize=100 startingPosition=LATEST "
                       "streamKind=kinesis enabled=true"};
}

void tst_ServerlessImport::importsEachFunctionOfTheSampleConfig()
{
    QFETCH(QString, name);
    const FunctionSpec* f = m_sample.workspace.function(name);
    QVERIFY2(f, qPrintable(name));
    QTEST(f->runtime, "runtime");
    QTEST(f->handler, "handler");
    QCOMPARE(f->codeUri, QStringLiteral("."));
    QTEST(f->memoryMb, "memoryMb");
    QTEST(f->timeoutSeconds, "timeoutSeconds");
    QTEST(f->architecture, "architecture");
    QTEST(f->reservedConcurrency.value_or(-1), "reserved");
    QTEST(f->provisionedConcurrency, "provisioned");
    QTEST(f->description, "description");
    QTEST(f->environment, "environment");
    QTEST(test::describe(f->triggers), "triggers");
}

void tst_ServerlessImport::skipsImageFunctions()
{
    QStringList names;
    for (const FunctionSpec& f : m_sample.workspace.functions)
        names << f.name;
    QCOMPARE(names, (QStringList{"hello", "createOrder", "report", "worker"}));
}

void tst_ServerlessImport::namesWorkspaceAfterService_data()
{
    QTest::addColumn<QByteArray>("service");
    QTest::addColumn<QString>("name");
    QTest::newRow("text") << QByteArray("service: orders") << "orders";
    QTest::newRow("v1 mapping form") << QByteArray("service:\n  name: orders-v1") << "orders-v1";
    QTest::newRow("with a variable")
        << QByteArray("service: orders-${env:TEAM, 'core'}") << "orders-core";
}

void tst_ServerlessImport::namesWorkspaceAfterService()
{
    QFETCH(QByteArray, service);
    QFETCH(QString, name);
    const auto result = importText(service + "\nprovider:\n  runtime: python3.12\n"
                                             "functions:\n  f:\n    handler: h.f\n");
    QVERIFY2(result.has_value(), qPrintable(result ? QString() : result.error().toString()));
    QCOMPARE(result->workspace.name, name);
    QCOMPARE(m_sample.workspace.name, QStringLiteral("orders-service"));
}

void tst_ServerlessImport::warnsAboutEverythingNotImported()
{
    for (const Diagnostic& d : m_sample.warnings) {
        QCOMPARE(d.file, m_fixture);
        QCOMPARE(d.severity, Severity::Warning);
    }
    const QStringList expected = {
        "7:1 /plugins: plugins are not imported; the workbench does not run Serverless "
        "Framework plugins.",
        "41:17 /package/individually: package.individually is not imported; every function runs "
        "from the folder of serverless.yml.",
        "42:3 /package/patterns: package.patterns is not imported; the local runner uses the "
        "whole code folder.",
        "120:1 /resources: resources are not imported; the workbench imports functions only (the "
        "sqs events read their queues' VisibilityTimeout and RedrivePolicy).",
        "31:3 /provider/iam: iam is not imported; functions run locally with your own "
        "permissions.",
        "16:11 /custom/apiKey: ${ssm:/orders/${self:custom.stage}/api-key} is not resolved "
        "because ssm variables are not read when importing; it is kept as written.",
        "61:21 /functions/createOrder/environment/NOTIFY_EMAIL: ${env:NOTIFY_EMAIL} is not "
        "resolved because the environment variable NOTIFY_EMAIL is not set; it is kept as "
        "written.",
        "66:17 /functions/createOrder/events/0/http/cors: cors is not imported; the local "
        "gateway does not apply CORS rules.",
        "83:11 /functions/report/events/1/schedule/input: input is not imported; scheduled runs "
        "send EventBridge's standard scheduled event.",
        "98:11 /functions/worker/events/3/sns/filterPolicy: filterPolicy is not imported; every "
        "message triggers the function locally.",
        "105:11 /functions/worker/events/5/s3/rules: rules are not imported; every object event "
        "triggers the function locally.",
        "114:9 /functions/worker/events/8/websocket: websocket events are not imported; the "
        "workbench has no websocket trigger, so invoke the function with a saved event "
        "instead.",
        "117:5 /functions/thumbnail/image: This image-packaged function is not imported; the "
        "local runner runs zip-packaged code only.",
    };
    QCOMPARE(test::describe(m_sample.warnings), expected);
}

void tst_ServerlessImport::resolvesVariables_data()
{
    QTest::addColumn<QByteArray>("custom"); // lines under "custom:"
    QTest::addColumn<QByteArray>("value");  // the value of the variable VALUE
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QStringList>("warnings"); // messages, in order
    QTest::newRow("self, nested path")
        << QByteArray("  db:\n    table: orders") << QByteArray("${self:custom.db.table}")
        << "orders" << QStringList{};
    QTest::newRow("self inside a self address")
        << QByteArray("  which: b\n  a: A\n  b: B")
        << QByteArray("${self:custom.${self:custom.which}}") << "B" << QStringList{};
    QTest::newRow("env, set") << QByteArray("  x: 1") << QByteArray("${env:TEAM}") << "payments"
                              << QStringList{};
    QTest::newRow("env, unset, with fallback")
        << QByteArray("  x: 1") << QByteArray("${env:MISSING, 'fallback value'}")
        << "fallback value" << QStringList{};
    QTest::newRow("env, unset, fallback is another variable")
        << QByteArray("  x: 1") << QByteArray("${env:MISSING, ${env:TEAM}}") << "payments"
        << QStringList{};
    QTest::newRow("opt:stage without fallback: provider.stage")
        << QByteArray("  x: 1") << QByteArray("${opt:stage}") << "qa" << QStringList{};
    QTest::newRow("sls:stage") << QByteArray("  x: 1") << QByteArray("api-${sls:stage}") << "api-qa"
                               << QStringList{};
    QTest::newRow("aws:region defaults to us-east-1")
        << QByteArray("  x: 1") << QByteArray("${aws:region}") << "us-east-1" << QStringList{};
    QTest::newRow("legacy fallback source")
        << QByteArray("  x: 1") << QByteArray("${opt:stage, self:provider.stage}") << "qa"
        << QStringList{};
    QTest::newRow("CloudFormation's ${AWS::Region} is left alone")
        << QByteArray("  x: 1") << QByteArray("arn:aws:s3:${AWS::Region}")
        << "arn:aws:s3:${AWS::Region}" << QStringList{};
    QTest::newRow("cf: kept as written")
        << QByteArray("  x: 1") << QByteArray("${cf:network.VpcId}") << "${cf:network.VpcId}"
        << QStringList{"${cf:network.VpcId} is not resolved because cf variables are not read "
                       "when importing; it is kept as written."};
    QTest::newRow("file() kept as written")
        << QByteArray("  x: 1") << QByteArray("${file(./config.yml):url}")
        << "${file(./config.yml):url}"
        << QStringList{"${file(./config.yml):url} is not resolved because file variables are not "
                       "read when importing; it is kept as written."};
    QTest::newRow("ssm with fallback: fallback, with a note")
        << QByteArray("  x: 1") << QByteArray("${ssm:/orders/url, 'http://localhost'}")
        << "http://localhost"
        << QStringList{"${ssm:/orders/url, 'http://localhost'} is not read when importing, so "
                       "its fallback 'http://localhost' is used."};
    QTest::newRow("missing self path")
        << QByteArray("  x: 1") << QByteArray("${self:custom.nothing}") << "${self:custom.nothing}"
        << QStringList{"${self:custom.nothing} is not resolved because custom.nothing is not set "
                       "in the file; it is kept as written."};
    QTest::newRow("a mapping cannot be part of text")
        << QByteArray("  db:\n    table: orders") << QByteArray("x-${self:custom.db}")
        << "x-${self:custom.db}"
        << QStringList{"${self:custom.db} is not resolved because its value is a mapping, which "
                       "cannot be part of text; it is kept as written."};
    QTest::newRow("unterminated variable is text")
        << QByteArray("  x: 1") << QByteArray("'${env:TEAM'") << "${env:TEAM" << QStringList{};
}

void tst_ServerlessImport::resolvesVariables()
{
    QFETCH(QByteArray, custom);
    QFETCH(QByteArray, value);
    QFETCH(QString, expected);
    QFETCH(QStringList, warnings);
    QProcessEnvironment env;
    env.insert(QStringLiteral("TEAM"), QStringLiteral("payments"));
    const auto result = importText("service: vars\n"
                                   "custom:\n" +
                                       custom +
                                       "\n"
                                       "provider:\n"
                                       "  runtime: python3.12\n"
                                       "  stage: ${opt:stage, 'qa'}\n"
                                       "functions:\n"
                                       "  f:\n"
                                       "    handler: h.f\n"
                                       "    environment:\n"
                                       "      VALUE: " +
                                       value + "\n",
                                   env);
    QVERIFY2(result.has_value(), qPrintable(result ? QString() : result.error().toString()));
    QCOMPARE(result->workspace.functions.first().environment.value(QStringLiteral("VALUE")),
             expected);
    QStringList messages;
    for (const Diagnostic& d : result->warnings)
        messages << d.message;
    QCOMPARE(messages, warnings);
}

void tst_ServerlessImport::stopsAtCyclicVariables()
{
    const auto result = importText("service: loop\n"
                                   "custom:\n"
                                   "  a: ${self:custom.b}\n"
                                   "  b: ${self:custom.a}\n"
                                   "provider:\n"
                                   "  runtime: python3.12\n"
                                   "  stage: ${sls:stage}\n"
                                   "functions:\n"
                                   "  f:\n"
                                   "    handler: h.f\n"
                                   "    environment:\n"
                                   "      A: ${self:custom.a}\n"
                                   "      STAGE: ${sls:stage}\n");
    QVERIFY2(result.has_value(), qPrintable(result ? QString() : result.error().toString()));
    const FunctionSpec& f = result->workspace.functions.first();
    QCOMPARE(f.environment.value(QStringLiteral("A")), QStringLiteral("${self:custom.a}"));
    QCOMPARE(f.environment.value(QStringLiteral("STAGE")), QStringLiteral("dev"));
    QCOMPARE(test::describe(result->warnings),
             QStringList{"4:6 /custom/b: ${self:custom.a} is not resolved because self:custom.a "
                         "refers back to itself; it is kept as written."});
}

void tst_ServerlessImport::usesFrameworkDefaultsForMemoryAndTimeout()
{
    // serverless.com/framework/docs/providers/aws/guide/functions: memorySize "default is
    // 1024", timeout "default is 6"; the Framework deploys these, not Lambda's 128 MB / 3 s.
    const auto result = importText("service: defaults\n"
                                   "provider:\n  name: aws\n  runtime: nodejs20.x\n"
                                   "functions:\n  f:\n    handler: index.handler\n");
    QVERIFY2(result.has_value(), qPrintable(result ? QString() : result.error().toString()));
    const FunctionSpec& f = result->workspace.functions.first();
    QCOMPARE(f.memoryMb, 1024);
    QCOMPARE(f.timeoutSeconds, 6);
    QCOMPARE(f.architecture, QStringLiteral("x86_64"));
    QVERIFY(result->warnings.isEmpty());
}

void tst_ServerlessImport::makesCodeUriTheConfigFolder()
{
    QTemporaryDir dir;
    QVERIFY(test::writeFile(dir.path(), QStringLiteral("services/orders/serverless.yml"),
                            "service: orders\nprovider:\n  runtime: python3.12\n"
                            "functions:\n  f:\n    handler: src/handler.hello\n"));
    const auto result = importServerlessConfig(
        QDir(dir.path()).filePath(QStringLiteral("services/orders/serverless.yml")), dir.path(),
        {});
    QVERIFY2(result.has_value(), qPrintable(result ? QString() : result.error().toString()));
    QCOMPARE(result->workspace.functions.first().codeUri, QStringLiteral("services/orders"));
    QCOMPARE(result->workspace.functions.first().handler, QStringLiteral("src/handler.hello"));
}

void tst_ServerlessImport::usesDefaultForUnresolvableMemory()
{
    const auto result = importText("service: s\n"
                                   "provider:\n"
                                   "  runtime: python3.12\n"
                                   "  memorySize: ${ssm:/orders/memory}\n"
                                   "functions:\n"
                                   "  f:\n"
                                   "    handler: h.f\n");
    QVERIFY2(result.has_value(), qPrintable(result ? QString() : result.error().toString()));
    QCOMPARE(result->workspace.functions.first().memoryMb, 1024);
    QCOMPARE(test::describe(result->warnings),
             (QStringList{"4:15 /provider/memorySize: ${ssm:/orders/memory} is not resolved "
                          "because ssm variables are not read when importing; it is kept as "
                          "written.",
                          "4:15 /provider/memorySize: ${ssm:/orders/memory} is not resolved, so "
                          "the default 1024 MB is used."}));
}

void tst_ServerlessImport::readsHttpShortForms_data()
{
    QTest::addColumn<QByteArray>("event");
    QTest::addColumn<QString>("trigger");
    QTest::newRow("http without leading slash")
        << QByteArray("http: get users/{id}")
        << "http method=GET path=/users/{id} api=rest enabled=true";
    QTest::newRow("http root") << QByteArray("http: ANY /")
                               << "http method=ANY path=/ api=rest enabled=true";
    QTest::newRow("httpApi star method")
        << QByteArray("httpApi: '* /items'") << "http method=ANY path=/items api=http enabled=true";
    QTest::newRow("httpApi catch-all")
        << QByteArray("httpApi: '*'") << "http method=ANY path=/{proxy+} api=http enabled=true";
    QTest::newRow("stream of kinesis by arn")
        << QByteArray("stream: arn:aws:kinesis:us-east-1:123456789012:stream/clicks")
        << "stream source=arn:aws:kinesis:us-east-1:123456789012:stream/clicks "
           "startingPosition=TRIM_HORIZON streamKind=kinesis enabled=true";
    QTest::newRow("sns by topicName")
        << QByteArray("sns: {topicName: alerts}") << "topic source=alerts enabled=true";
}

void tst_ServerlessImport::readsHttpShortForms()
{
    QFETCH(QByteArray, event);
    QFETCH(QString, trigger);
    const auto result = importText("service: s\nprovider:\n  runtime: python3.12\n"
                                   "functions:\n  f:\n    handler: h.f\n    events:\n      - " +
                                   event + "\n");
    QVERIFY2(result.has_value(), qPrintable(result ? QString() : result.error().toString()));
    QCOMPARE(test::describe(result->workspace.functions.first().triggers), QStringList{trigger});
    QVERIFY(result->warnings.isEmpty());
}

void tst_ServerlessImport::rejectsMalformedFunctions_data()
{
    QTest::addColumn<QByteArray>("function"); // lines under "  f:"
    QTest::addColumn<QStringList>("errors");
    QTest::newRow("no handler")
        << QByteArray("    runtime: python3.12\n")
        << QStringList{"5:3 /functions/f/handler: The function has no handler; add one such as "
                       "handler.hello."};
    QTest::newRow("no runtime anywhere")
        << QByteArray("    handler: h.f\n")
        << QStringList{"5:3 /functions/f/runtime: The function has no runtime; set "
                       "provider.runtime or the function's runtime."};
    QTest::newRow("memory that is not a number")
        << QByteArray("    handler: h.f\n    runtime: python3.12\n    memorySize: big\n")
        << QStringList{"8:17 /functions/f/memorySize: Expected a whole number of MB here, not "
                       "\"big\"."};
    QTest::newRow("stream whose type cannot be told")
        << QByteArray("    handler: h.f\n    runtime: python3.12\n    events:\n"
                      "      - stream: {arn: {Ref: Stream}}\n")
        << QStringList{"9:17 /functions/f/events/0/stream: The stream's type cannot be told "
                       "from its arn; add type: dynamodb or type: kinesis."};
    QTest::newRow("http short form without a path")
        << QByteArray("    handler: h.f\n    runtime: python3.12\n    events:\n"
                      "      - http: GET\n")
        << QStringList{"9:15 /functions/f/events/0/http: Expected \"METHOD path\" such as \"GET "
                       "/hello\", not \"GET\"."};
    QTest::newRow("event with two kinds")
        << QByteArray("    handler: h.f\n    runtime: python3.12\n    events:\n"
                      "      - {http: GET a, sqs: q}\n")
        << QStringList{"9:9 /functions/f/events/0: An event must be a mapping with one key "
                       "naming its kind, such as http or schedule."};
}

void tst_ServerlessImport::rejectsMalformedFunctions()
{
    QFETCH(QByteArray, function);
    QFETCH(QStringList, errors);
    const auto result =
        importText("service: s\nprovider:\n  name: aws\nfunctions:\n  f:\n" + function);
    QVERIFY(!result.has_value());
    QCOMPARE(result.error().code, ErrorCode::Validation);
    QCOMPARE(test::describe(result.error().diagnostics), errors);
}

QTEST_GUILESS_MAIN(tst_ServerlessImport)
#include "tst_ServerlessImport.moc"
