#include "ImportTestFormat.h"
#include "TestFiles.h"
#include "import/TemplateImport.h"

#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace swb;

namespace {

// A minimal template around one function's properties (indented under Properties).
QByteArray templateWithFunction(const QByteArray& properties, const QByteArray& extra = {})
{
    return "AWSTemplateFormatVersion: '2010-09-09'\n"
           "Transform: AWS::Serverless-2016-10-31\n" +
           extra +
           "Resources:\n"
           "  OrdersFunction:\n"
           "    Type: AWS::Serverless::Function\n"
           "    Properties:\n"
           "      Handler: app.handler\n"
           "      Runtime: python3.12\n" +
           properties;
}

} // namespace

class tst_SamImport : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void importsEachFunctionOfTheSampleTemplate_data();
    void importsEachFunctionOfTheSampleTemplate();
    void skipsImageFunctionsAndOtherResources();
    void namesWorkspaceAfterTemplateFolder();
    void warnsAboutEverythingNotImported();
    void makesCodeUriRelativeToWorkspaceFolder_data();
    void makesCodeUriRelativeToWorkspaceFolder();
    void keepsOutOfRangeValuesAndWarns_data();
    void keepsOutOfRangeValuesAndWarns();
    void resolvesIntrinsicFunctions_data();
    void resolvesIntrinsicFunctions();
    void usesLambdaDefaultsWithoutGlobals();
    void usesLambdaDefaultForUnresolvableNumber();
    void namesFunctionByLogicalIdWhenFunctionNameIsNotText();
    void usesTemplateFolderForCodeInS3();
    void rejectsMalformedProperties_data();
    void rejectsMalformedProperties();
    void rejectsTwoFunctionsWithOneName();

private:
    Result<ImportResult> importText(const QByteArray& yaml);

    QString m_fixture;
    QString m_fixtureFolder;
    ImportResult m_sample;
    QTemporaryDir m_temp;
};

void tst_SamImport::initTestCase()
{
    m_fixture = test::fixturePath(QStringLiteral("import/sam-app/template.yaml"));
    m_fixtureFolder = QFileInfo(m_fixture).absolutePath();
    auto result = importSamTemplate(m_fixture, m_fixtureFolder);
    QVERIFY2(result.has_value(), qPrintable(result ? QString() : result.error().toString()));
    m_sample = *result;
    QVERIFY(m_temp.isValid());
}

Result<ImportResult> tst_SamImport::importText(const QByteArray& yaml)
{
    static int counter = 0;
    const QString relative = QStringLiteral("t%1/template.yaml").arg(++counter);
    if (!test::writeFile(m_temp.path(), relative, yaml))
        return fail(ErrorCode::Io, QStringLiteral("cannot write the test template"));
    const QString path = QDir(m_temp.path()).filePath(relative);
    return importSamTemplate(path, QFileInfo(path).absolutePath());
}

void tst_SamImport::importsEachFunctionOfTheSampleTemplate_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("runtime");
    QTest::addColumn<QString>("handler");
    QTest::addColumn<QString>("codeUri");
    QTest::addColumn<int>("memoryMb");
    QTest::addColumn<int>("timeoutSeconds");
    QTest::addColumn<QString>("architecture");
    QTest::addColumn<int>("reserved"); // -1: not set
    QTest::addColumn<int>("provisioned");
    QTest::addColumn<QString>("description");
    QTest::addColumn<QMap<QString, QString>>("environment");
    QTest::addColumn<QStringList>("triggers");

    // Globals.Function: Timeout 10, MemorySize 128, python3.12, x86_64, STAGE and LOG_LEVEL.
    // Pseudo parameters take sam local's values (AWS::Region us-east-1, AWS::StackName local).
    const QMap<QString, QString> globalEnvironment{{"STAGE", "dev"}, {"LOG_LEVEL", "DEBUG"}};
    QTest::newRow("hello world: Api event, arm64 overrides Globals")
        << "HelloWorldFunction"
        << "python3.12"
        << "app.lambda_handler"
        << "hello_world" << 128 << 10 << "arm64" << -1 << 0 << "" << globalEnvironment
        << QStringList{"http method=GET path=/hello api=rest enabled=true"};
    QTest::newRow("orders api: FunctionName, !Ref and !Sub, HttpApi and its $default route")
        << "orders-api"
        << "python3.12"
        << "handler.main"
        << "src/orders_api" << 256 << 10 << "x86_64" << 20 << 0 << "Orders API for dev in us-east-1"
        << QMap<QString, QString>{{"STAGE", "dev"},
                                  {"LOG_LEVEL", "WARNING"},
                                  {"TABLE_NAME", "OrdersTable"},
                                  {"API_BASE", "https://local.example.com/dev"}}
        << QStringList{"http method=GET path=/orders api=http enabled=true",
                       "http method=GET path=/orders/{id} api=http enabled=true",
                       "http method=ANY path=/{proxy+} api=http enabled=true"};
    QTest::newRow("nightly report: schedules, provisioned concurrency")
        << "NightlyReportFunction"
        << "nodejs20.x"
        << "report.handler"
        << "src/report" << 1024 << 120 << "x86_64" << -1 << 2 << "" << globalEnvironment
        << QStringList{"schedule schedule=cron(0 2 * * ? *) enabled=true",
                       "schedule schedule=rate(1 hour) enabled=false"};
    QTest::newRow("order worker: queue, bucket, topic and streams")
        << "OrderWorkerFunction"
        << "python3.12"
        << "worker.handle"
        << "src/worker" << 128 << 10 << "x86_64" << -1 << 0 << "" << globalEnvironment
        << QStringList{
               "queue source=OrdersQueue batchSize=10 enabled=true",
               "storage source=UploadsBucket events=s3:ObjectCreated:*,s3:ObjectRemoved:* "
               "enabled=true",
               "topic source=arn:aws:sns:us-east-1:123456789012:orders-alerts enabled=true",
               "stream source=OrdersTable batchSize=100 startingPosition=TRIM_HORIZON "
               "streamKind=dynamodb enabled=true",
               "stream source=arn:aws:kinesis:us-east-1:123456789012:stream/clicks batchSize=50 "
               "startingPosition=LATEST streamKind=kinesis enabled=false"};
}

void tst_SamImport::importsEachFunctionOfTheSampleTemplate()
{
    QFETCH(QString, name);
    const FunctionSpec* f = m_sample.workspace.function(name);
    QVERIFY2(f, qPrintable(name));
    QTEST(f->runtime, "runtime");
    QTEST(f->handler, "handler");
    QTEST(f->codeUri, "codeUri");
    QTEST(f->memoryMb, "memoryMb");
    QTEST(f->timeoutSeconds, "timeoutSeconds");
    QTEST(f->architecture, "architecture");
    QTEST(f->reservedConcurrency.value_or(-1), "reserved");
    QTEST(f->provisionedConcurrency, "provisioned");
    QTEST(f->description, "description");
    QTEST(f->environment, "environment");
    QTEST(test::describe(f->triggers), "triggers");
}

void tst_SamImport::skipsImageFunctionsAndOtherResources()
{
    QStringList names;
    for (const FunctionSpec& f : m_sample.workspace.functions)
        names << f.name;
    QCOMPARE(names, (QStringList{"HelloWorldFunction", "orders-api", "NightlyReportFunction",
                                 "OrderWorkerFunction"}));
}

void tst_SamImport::namesWorkspaceAfterTemplateFolder()
{
    QCOMPARE(m_sample.workspace.name, QStringLiteral("sam-app"));
    QCOMPARE(m_sample.workspace.folder, m_fixtureFolder);
}

void tst_SamImport::warnsAboutEverythingNotImported()
{
    for (const Diagnostic& d : m_sample.warnings) {
        QCOMPARE(d.file, m_fixture);
        QCOMPARE(d.severity, Severity::Warning);
    }
    const QStringList expected = {
        "3:14 /Description: The template's Description is not imported; a workspace has no "
        "description.",
        "213:1 /Outputs: Outputs are not imported; they describe a deployed stack.",
        "41:14 /Globals/Function/Tracing: Tracing is not imported; the workbench does not use "
        "it.",
        "46:3 /Globals/Api: Globals.Api is not imported; the workbench only applies "
        "Globals.Function.",
        "73:7 /Resources/OrdersApiFunction/Properties/Layers: Layers are not imported; the local "
        "runner does not load layers.",
        "75:7 /Resources/OrdersApiFunction/Properties/Policies: Policies are not imported; "
        "functions run locally with your own permissions.",
        "81:23 /Resources/OrdersApiFunction/Properties/Environment/Variables/TABLE_NAME: !Ref "
        "OrdersTable names a resource of this template, so the variable holds its logical id "
        "\"OrdersTable\"; change it to the deployed resource's name to reach it.",
        "105:25 /Resources/NightlyReportFunction/Properties/AutoPublishAlias: AutoPublishAlias "
        "is not imported; the workbench does not use it.",
        "125:16 /Resources/OrderWorkerFunction/Properties/Timeout: !If depends on conditions "
        "CloudFormation evaluates when deploying, so the default 10 seconds is used.",
        "139:13 /Resources/OrderWorkerFunction/Properties/Events/UploadEvent/Properties/Filter: "
        "Filter is not imported; every object event triggers the function locally.",
        "161:9 /Resources/OrderWorkerFunction/Properties/Events/UserSignup: Cognito events are "
        "not imported; the workbench has no Cognito trigger, so invoke the function with a "
        "saved event instead.",
        "170:20 /Resources/ThumbnailFunction/Properties/PackageType: This image-packaged "
        "function is not imported; the local runner runs zip-packaged code only.",
        "178:3 /Resources/OrdersTable: This AWS::DynamoDB::Table is not imported; the workbench "
        "imports functions only.",
        "192:3 /Resources/OrdersQueue: This AWS::SQS::Queue is not imported as such; swb serve "
        "makes a local queue named by its logical id for the triggers and destinations that use "
        "it, with its VisibilityTimeout and RedrivePolicy.",
        "197:3 /Resources/UploadsBucket: This AWS::S3::Bucket is not imported; the workbench "
        "imports functions only.",
        "200:3 /Resources/UserPool: This AWS::Cognito::UserPool is not imported; the workbench "
        "imports functions only.",
        "203:3 /Resources/SharedLayer: This AWS::Serverless::LayerVersion is not imported; the "
        "local runner does not load layers.",
    };
    QCOMPARE(test::describe(m_sample.warnings), expected);
}

void tst_SamImport::makesCodeUriRelativeToWorkspaceFolder_data()
{
    QTest::addColumn<QString>("workspace"); // relative to the template's folder
    QTest::addColumn<QString>("codeUri");
    QTest::addColumn<QString>("expected");
    QTest::newRow("same folder, trailing slash") << "."
                                                 << "hello_world/"
                                                 << "hello_world";
    QTest::newRow("same folder, dot") << "."
                                      << "."
                                      << ".";
    QTest::newRow("same folder, dot-slash and ..") << "."
                                                   << "./src/../lib/"
                                                   << "lib";
    QTest::newRow("workspace above the template") << ".."
                                                  << "hello_world/"
                                                  << "app/hello_world";
    QTest::newRow("workspace beside the template") << "../ws"
                                                   << "src"
                                                   << "../app/src";
    QTest::newRow("no CodeUri: the template's folder") << ".."
                                                       << ""
                                                       << "app";
}

void tst_SamImport::makesCodeUriRelativeToWorkspaceFolder()
{
    QFETCH(QString, workspace);
    QFETCH(QString, codeUri);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    const QByteArray property =
        codeUri.isEmpty() ? QByteArray() : "      CodeUri: " + codeUri.toUtf8() + "\n";
    QVERIFY(test::writeFile(dir.path(), QStringLiteral("app/template.yaml"),
                            templateWithFunction(property)));
    const QString workspaceFolder =
        QDir::cleanPath(QDir(dir.path()).filePath(QStringLiteral("app/") + workspace));
    const auto result = importSamTemplate(
        QDir(dir.path()).filePath(QStringLiteral("app/template.yaml")), workspaceFolder);
    QVERIFY2(result.has_value(), qPrintable(result ? QString() : result.error().toString()));
    QCOMPARE(result->workspace.functions.size(), 1);
    QCOMPARE(result->workspace.functions.first().codeUri, expected);
    QCOMPARE(result->workspace.folder, workspaceFolder);
    QVERIFY(result->warnings.isEmpty());
}

void tst_SamImport::keepsOutOfRangeValuesAndWarns_data()
{
    QTest::addColumn<QByteArray>("properties");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("warning");
    // Lambda's limits: 128-10240 MB, 1-900 s (docs: gettingstarted-limits.html).
    QTest::newRow("memory above Lambda's limit")
        << QByteArray("      MemorySize: 20000\n") << "memoryMb"
        << "20000"
        << "9:19 /Resources/OrdersFunction/Properties/MemorySize: 20000 MB is outside Lambda's "
           "range of 128–10240 MB; it is imported as written, change it before running the "
           "function.";
    QTest::newRow("timeout of zero")
        << QByteArray("      Timeout: 0\n") << "timeoutSeconds"
        << "0"
        << "9:16 /Resources/OrdersFunction/Properties/Timeout: 0 seconds is outside Lambda's "
           "range of 1–900 seconds; it is imported as written, change it before running the "
           "function.";
    QTest::newRow("unknown architecture")
        << QByteArray("      Architectures: [arm]\n") << "architecture"
        << "arm"
        << "9:23 /Resources/OrdersFunction/Properties/Architectures/0: \"arm\" is not a Lambda "
           "architecture (x86_64 or arm64); it is imported as written, change it before "
           "running the function.";
}

void tst_SamImport::keepsOutOfRangeValuesAndWarns()
{
    QFETCH(QByteArray, properties);
    QFETCH(QString, field);
    QFETCH(QString, value);
    QFETCH(QString, warning);
    const auto result = importText(templateWithFunction(properties));
    QVERIFY2(result.has_value(), qPrintable(result ? QString() : result.error().toString()));
    const FunctionSpec& f = result->workspace.functions.first();
    const QString actual = field == u"memoryMb"         ? QString::number(f.memoryMb)
                           : field == u"timeoutSeconds" ? QString::number(f.timeoutSeconds)
                                                        : f.architecture;
    QCOMPARE(actual, value);
    QCOMPARE(test::describe(result->warnings), QStringList{warning});
}

void tst_SamImport::resolvesIntrinsicFunctions_data()
{
    QTest::addColumn<QByteArray>("description"); // the YAML after "Description: "
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QString>("warning");
    // Parameters: Stage (Default dev), Bucket (no Default); Mappings: Sizes/dev/Label small.
    QTest::newRow("!Ref parameter with Default") << QByteArray("!Ref Stage") << "dev"
                                                 << "";
    QTest::newRow("Ref long form") << QByteArray("{Ref: Stage}") << "dev"
                                   << "";
    QTest::newRow("!Ref pseudo parameter") << QByteArray("!Ref AWS::AccountId") << "123456789012"
                                           << "";
    QTest::newRow("!Sub with parameters and pseudo parameters")
        << QByteArray("!Sub '${AWS::StackName}-${Stage}-${AWS::Region}'") << "local-dev-us-east-1"
        << "";
    QTest::newRow("Fn::Sub with its own variables")
        << QByteArray("{'Fn::Sub': ['${Name}-${Stage}', {Name: orders}]}") << "orders-dev"
        << "";
    QTest::newRow("!Sub keeps ${!Literal}")
        << QByteArray("!Sub 'cost ${!Total}'") << "cost ${Total}"
        << "";
    QTest::newRow("!Join") << QByteArray("!Join ['-', [a, !Ref Stage, c]]") << "a-dev-c"
                           << "";
    QTest::newRow("!Select") << QByteArray("!Select [1, [x, y, z]]") << "y"
                             << "";
    QTest::newRow("!FindInMap") << QByteArray("!FindInMap [Sizes, !Ref Stage, Label]") << "small"
                                << "";
    QTest::newRow("!Ref parameter without Default")
        << QByteArray("!Ref Bucket") << "!Ref Bucket"
        << "parameter Bucket has no Default, so it is kept as written: !Ref Bucket.";
    QTest::newRow("!ImportValue")
        << QByteArray("!ImportValue shared-description") << "!ImportValue shared-description"
        << "!ImportValue is evaluated by CloudFormation when deploying, so it is kept as "
           "written: !ImportValue shared-description.";
    QTest::newRow("!Sub of a resource attribute")
        << QByteArray("!Sub '${OrdersFunction.Arn}'") << "!Sub ${OrdersFunction.Arn}"
        << "${OrdersFunction.Arn} is a resource attribute known only after deployment, so it is "
           "kept as written: !Sub ${OrdersFunction.Arn}.";
    QTest::newRow("Fn::GetAtt long form of a resource")
        << QByteArray("{'Fn::GetAtt': [OrdersFunction, Arn]}") << "OrdersFunction"
        << "!GetAtt OrdersFunction.Arn names a resource of this template, so its logical id "
           "\"OrdersFunction\" is imported instead.";
    QTest::newRow("!If")
        << QByteArray("!If [IsProd, big, small]") << "!If [IsProd, big, small]"
        << "!If depends on conditions CloudFormation evaluates when deploying, so it is kept as "
           "written: !If [IsProd, big, small].";
    QTest::newRow("!Base64 of !Sub")
        << QByteArray("!Base64 {'Fn::Sub': x}") << "!Base64 {Fn::Sub: x}"
        << "!Base64 is evaluated by CloudFormation when deploying, so it is kept as written: "
           "!Base64 {Fn::Sub: x}.";
    QTest::newRow("every other short tag parses")
        << QByteArray("!Select [0, !Split [',', !Join [',', !GetAZs '']]]")
        << "!Select [0, !Split [,, !Join [,, !GetAZs ]]]"
        << "!Select is evaluated by CloudFormation when deploying, so it is kept as written: "
           "!Select [0, !Split [,, !Join [,, !GetAZs ]]].";
}

void tst_SamImport::resolvesIntrinsicFunctions()
{
    QFETCH(QByteArray, description);
    QFETCH(QString, expected);
    QFETCH(QString, warning);
    const QByteArray extra = "Parameters:\n"
                             "  Stage: {Type: String, Default: dev}\n"
                             "  Bucket: {Type: String}\n"
                             "Mappings:\n"
                             "  Sizes:\n"
                             "    dev: {Label: small}\n"
                             "Conditions:\n"
                             "  IsProd: !Equals [!Ref Stage, prod]\n";
    const auto result =
        importText(templateWithFunction("      Description: " + description + "\n", extra));
    QVERIFY2(result.has_value(), qPrintable(result ? QString() : result.error().toString()));
    QCOMPARE(result->workspace.functions.first().description, expected);
    QStringList messages;
    for (const Diagnostic& d : result->warnings) {
        QCOMPARE(d.pointer, QStringLiteral("/Resources/OrdersFunction/Properties/Description"));
        QCOMPARE(d.line, 17);
        messages << d.message;
    }
    QCOMPARE(messages, warning.isEmpty() ? QStringList() : QStringList{warning});
}

void tst_SamImport::usesLambdaDefaultsWithoutGlobals()
{
    const auto result = importText(templateWithFunction({}));
    QVERIFY2(result.has_value(), qPrintable(result ? QString() : result.error().toString()));
    const FunctionSpec& f = result->workspace.functions.first();
    QCOMPARE(f.memoryMb, 128);
    QCOMPARE(f.timeoutSeconds, 3);
    QCOMPARE(f.architecture, QStringLiteral("x86_64"));
    QCOMPARE(f.codeUri, QStringLiteral("."));
    QVERIFY(!f.reservedConcurrency.has_value());
    QCOMPARE(f.provisionedConcurrency, 0);
    QVERIFY(f.triggers.isEmpty());
    QVERIFY(result->warnings.isEmpty());
}

void tst_SamImport::usesLambdaDefaultForUnresolvableNumber()
{
    const auto result =
        importText(templateWithFunction("      MemorySize: !ImportValue shared-memory\n"));
    QVERIFY2(result.has_value(), qPrintable(result ? QString() : result.error().toString()));
    QCOMPARE(result->workspace.functions.first().memoryMb, 128);
    QCOMPARE(test::describe(result->warnings),
             QStringList{"9:19 /Resources/OrdersFunction/Properties/MemorySize: !ImportValue is "
                         "evaluated by CloudFormation when deploying, so the default 128 MB is "
                         "used."});
}

void tst_SamImport::namesFunctionByLogicalIdWhenFunctionNameIsNotText()
{
    const auto result =
        importText(templateWithFunction("      FunctionName: !Sub '${AWS::StackName}-orders'\n"));
    QVERIFY2(result.has_value(), qPrintable(result ? QString() : result.error().toString()));
    QCOMPARE(result->workspace.functions.first().name, QStringLiteral("OrdersFunction"));
    QCOMPARE(test::describe(result->warnings),
             QStringList{"9:21 /Resources/OrdersFunction/Properties/FunctionName: FunctionName "
                         "is not plain text, so the function is named by its logical id "
                         "\"OrdersFunction\"."});
}

void tst_SamImport::usesTemplateFolderForCodeInS3()
{
    const auto result = importText(templateWithFunction("      CodeUri:\n"
                                                        "        Bucket: artifacts\n"
                                                        "        Key: orders.zip\n"));
    QVERIFY2(result.has_value(), qPrintable(result ? QString() : result.error().toString()));
    QCOMPARE(result->workspace.functions.first().codeUri, QStringLiteral("."));
    QCOMPARE(test::describe(result->warnings),
             QStringList{"9:7 /Resources/OrdersFunction/Properties/CodeUri: CodeUri points at "
                         "code in Amazon S3, which is not downloaded, so the template's folder "
                         "is used; copy the code there or change the function's code folder."});
}

void tst_SamImport::rejectsMalformedProperties_data()
{
    QTest::addColumn<QByteArray>("properties");
    QTest::addColumn<QStringList>("errors");
    QTest::newRow("memory that is not a number")
        << QByteArray("      MemorySize: lots\n")
        << QStringList{"9:19 /Resources/OrdersFunction/Properties/MemorySize: Expected a whole "
                       "number of MB here, not \"lots\"."};
    QTest::newRow("events as a list")
        << QByteArray("      Events:\n        - Type: Api\n")
        << QStringList{"9:7 /Resources/OrdersFunction/Properties/Events: Events must be a "
                       "mapping of event names to events, not a list."};
    QTest::newRow("Api event without Path and Method")
        << QByteArray("      Events:\n        Get:\n          Type: Api\n")
        << QStringList{"10:9 /Resources/OrdersFunction/Properties/Events/Get/Properties/Path: "
                       "The Api event has no Path; add it.",
                       "10:9 /Resources/OrdersFunction/Properties/Events/Get/Properties/Method: "
                       "The Api event has no Method; add it."};
    QTest::newRow("event without Type")
        << QByteArray("      Events:\n        Get:\n          Properties: {Path: /}\n")
        << QStringList{"10:9 /Resources/OrdersFunction/Properties/Events/Get/Type: The event has "
                       "no Type; add one such as Api or Schedule."};
    QTest::newRow("environment as a list")
        << QByteArray("      Environment:\n        - A\n")
        << QStringList{"9:7 /Resources/OrdersFunction/Properties/Environment: Environment must "
                       "be a mapping with Variables, not a list."};
}

void tst_SamImport::rejectsMalformedProperties()
{
    QFETCH(QByteArray, properties);
    QFETCH(QStringList, errors);
    const auto result = importText(templateWithFunction(properties));
    QVERIFY(!result.has_value());
    QCOMPARE(result.error().code, ErrorCode::Validation);
    QVERIFY2(result.error().message.endsWith(
                 errors.size() == 1
                     ? QStringLiteral(" cannot be imported because of 1 problem; fix it and "
                                      "import again.")
                     : QStringLiteral(" cannot be imported because of %1 problems; fix them and "
                                      "import again.")
                           .arg(errors.size())),
             qPrintable(result.error().message));
    QCOMPARE(test::describe(result.error().diagnostics), errors);
}

void tst_SamImport::rejectsTwoFunctionsWithOneName()
{
    const auto result = importText("Resources:\n"
                                   "  A:\n"
                                   "    Type: AWS::Serverless::Function\n"
                                   "    Properties: {Handler: a.h, Runtime: python3.12, "
                                   "FunctionName: orders}\n"
                                   "  B:\n"
                                   "    Type: AWS::Serverless::Function\n"
                                   "    Properties: {Handler: b.h, Runtime: python3.12, "
                                   "FunctionName: orders}\n");
    QVERIFY(!result.has_value());
    QCOMPARE(result.error().code, ErrorCode::Validation);
    QCOMPARE(test::describe(result.error().diagnostics),
             QStringList{"5:3 /Resources/B: Another function is already named \"orders\"; give "
                         "each function its own FunctionName."});
}

QTEST_GUILESS_MAIN(tst_SamImport)
#include "tst_SamImport.moc"
