// Asynchronous invocations' retries and destinations imported from SAM (EventInvokeConfig) and
// serverless.yml (destinations, maximumRetryAttempts), into a workspace the validator accepts;
// what the local platform cannot send to is not imported, and a warning says so.
#include "format/WorkspaceValidator.h"
#include "import/TemplateImport.h"

#include "ImportTestFormat.h"
#include "TestFiles.h"

#include <QDir>
#include <QFileInfo>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>

using namespace swb;
using swb::test::errorsText;
using swb::test::validationErrors;
using swb::test::warningsText;
using swb::test::warns;

class tst_DestinationImport : public QObject {
    Q_OBJECT
private slots:
    void samEventInvokeConfig();
    void samDestinationsItCannotSendTo();
    void samRejectsRetriesLambdaRefuses();
    void serverlessDestinationsAndRetries();
    void serverlessDestinationsItCannotSendTo();

private:
    Result<ImportResult> import(const QString& file, const QByteArray& text);
    QTemporaryDir m_dir;
    int m_count = 0;
};

Result<ImportResult> tst_DestinationImport::import(const QString& file, const QByteArray& text)
{
    // The handlers' files, so the validator has only the destinations to judge.
    return test::importFile(
        m_dir.filePath(QStringLiteral("t%1").arg(++m_count)), file, text,
        {QStringLiteral("app.py"), QStringLiteral("resize.js"), QStringLiteral("notify.js")});
}

void tst_DestinationImport::samEventInvokeConfig()
{
    const auto result = import(QStringLiteral("template.yaml"), R"(
Transform: AWS::Serverless-2016-10-31
Globals:
  Function:
    Runtime: python3.12
    Handler: app.handler
    EventInvokeConfig:
      MaximumRetryAttempts: 1
Resources:
  Results:
    Type: AWS::SQS::Queue
  Resize:
    Type: AWS::Serverless::Function
    Properties:
      EventInvokeConfig:
        MaximumRetryAttempts: 0
        MaximumEventAgeInSeconds: 120
        DestinationConfig:
          OnSuccess:
            Type: SQS
            Destination: !GetAtt Results.Arn
          OnFailure:
            Type: Lambda
            Destination: !GetAtt Cleanup.Arn
  Cleanup:
    Type: AWS::Serverless::Function
    Properties:
      FunctionName: cleanup-images
      EventInvokeConfig:
        DestinationConfig:
          OnFailure:
            Type: SQS
            Destination: arn:aws:sqs:us-east-1:123456789012:failures
  Plain:
    Type: AWS::Serverless::Function
)");
    QVERIFY2(result, qPrintable(result ? QString() : errorsText(result.error())));
    const Workspace& ws = result->workspace;
    QCOMPARE(validationErrors(ws), QString());
    const FunctionSpec* resize = ws.function(QStringLiteral("Resize"));
    QVERIFY(resize);
    QCOMPARE(resize->destinations.onSuccess, QStringLiteral("queue:Results"));
    QCOMPARE(resize->destinations.onFailure, QStringLiteral("function:cleanup-images"));
    QCOMPARE(resize->maximumRetryAttempts, std::optional<int>(0)); // its own beats Globals
    const FunctionSpec* cleanup = ws.function(QStringLiteral("cleanup-images"));
    QVERIFY(cleanup);
    QCOMPARE(cleanup->destinations.onFailure,
             QStringLiteral("arn:aws:sqs:us-east-1:123456789012:failures"));
    QVERIFY(cleanup->destinations.onSuccess.isEmpty());
    QCOMPARE(ws.function(QStringLiteral("Plain"))->maximumRetryAttempts, std::optional<int>(1));
    QVERIFY2(warns(*result, QStringLiteral("/Resize/Properties/EventInvokeConfig/MaximumEventAge"),
                   QStringLiteral("however old")),
             qPrintable(warningsText(*result)));
}

void tst_DestinationImport::samDestinationsItCannotSendTo()
{
    const auto result = import(QStringLiteral("template.yaml"), R"(
Transform: AWS::Serverless-2016-10-31
Parameters:
  Target:
    Type: String
Resources:
  Topic:
    Type: AWS::SNS::Topic
  Worker:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: app.handler
      EventInvokeConfig:
        DestinationConfig:
          OnSuccess:
            Type: SNS
            Destination: !Ref Topic
          OnFailure:
            Type: SQS
  Other:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: app.handler
      EventInvokeConfig:
        DestinationConfig:
          OnSuccess:
            Type: Lambda
            Destination: !Ref Target
          OnFailure:
            Type: Lambda
            Destination: !GetAtt Topic.TopicName
)");
    QVERIFY2(result, qPrintable(result ? QString() : errorsText(result.error())));
    const Workspace& ws = result->workspace;
    QCOMPARE(validationErrors(ws), QString());
    QVERIFY(ws.function(QStringLiteral("Worker"))->destinations.isEmpty());
    QVERIFY(ws.function(QStringLiteral("Other"))->destinations.isEmpty());
    const QString all = warningsText(*result);
    QVERIFY2(warns(*result,
                   QStringLiteral("/Worker/Properties/EventInvokeConfig/DestinationConfig/"
                                  "OnSuccess"),
                   QStringLiteral("functions and SQS queues only")),
             qPrintable(all));
    QVERIFY2(warns(*result, QStringLiteral("DestinationConfig/OnFailure"),
                   QStringLiteral("SAM would create")),
             qPrintable(all));
    QVERIFY2(warns(*result,
                   QStringLiteral("/Other/Properties/EventInvokeConfig/DestinationConfig/"
                                  "OnSuccess/Destination"),
                   QStringLiteral("not imported")),
             qPrintable(all));
    QVERIFY2(warns(*result,
                   QStringLiteral("/Other/Properties/EventInvokeConfig/DestinationConfig/"
                                  "OnFailure/Destination"),
                   QStringLiteral("\"Topic\" is not a function")),
             qPrintable(all));
}

void tst_DestinationImport::samRejectsRetriesLambdaRefuses()
{
    const auto result = import(QStringLiteral("template.yaml"), R"(
Transform: AWS::Serverless-2016-10-31
Resources:
  Worker:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: app.handler
      EventInvokeConfig:
        MaximumRetryAttempts: 5
)");
    QVERIFY(!result);
    QCOMPARE(result.error().code, ErrorCode::Validation);
    QVERIFY2(errorsText(result.error()).contains(QStringLiteral("0, 1 or 2")),
             qPrintable(errorsText(result.error())));
    QVERIFY(errorsText(result.error()).contains(QStringLiteral("MaximumRetryAttempts")));
}

void tst_DestinationImport::serverlessDestinationsAndRetries()
{
    const auto result = import(QStringLiteral("serverless.yml"), R"(
service: media
provider:
  name: aws
  runtime: nodejs20.x
functions:
  resize:
    handler: resize.handler
    maximumRetryAttempts: 1
    maximumEventAge: 3600
    destinations:
      onSuccess: notify
      onFailure:
        type: sqs
        arn:
          Fn::GetAtt: [FailedResizes, Arn]
  notify:
    handler: notify.handler
    destinations:
      onFailure: arn:aws:sqs:us-east-1:123456789012:notify-failures
resources:
  Resources:
    FailedResizes:
      Type: AWS::SQS::Queue
)");
    QVERIFY2(result, qPrintable(result ? QString() : errorsText(result.error())));
    const Workspace& ws = result->workspace;
    QCOMPARE(validationErrors(ws), QString());
    const FunctionSpec* resize = ws.function(QStringLiteral("resize"));
    QVERIFY(resize);
    QCOMPARE(resize->destinations.onSuccess, QStringLiteral("function:notify"));
    QCOMPARE(resize->destinations.onFailure, QStringLiteral("queue:FailedResizes"));
    QCOMPARE(resize->maximumRetryAttempts, std::optional<int>(1));
    QCOMPARE(ws.function(QStringLiteral("notify"))->destinations.onFailure,
             QStringLiteral("arn:aws:sqs:us-east-1:123456789012:notify-failures"));
    QCOMPARE(ws.function(QStringLiteral("notify"))->maximumRetryAttempts, std::nullopt);
    QVERIFY2(warns(*result, QStringLiteral("/functions/resize/maximumEventAge"),
                   QStringLiteral("however old")),
             qPrintable(warningsText(*result)));
}

void tst_DestinationImport::serverlessDestinationsItCannotSendTo()
{
    const auto result = import(QStringLiteral("serverless.yml"), R"(
service: media
provider:
  name: aws
  runtime: nodejs20.x
functions:
  resize:
    handler: resize.handler
    destinations:
      onSuccess: arn:aws:sns:us-east-1:123456789012:done
      onFailure:
        type: eventBus
        arn: arn:aws:events:us-east-1:123456789012:event-bus/default
      onTimeout: notify
  notify:
    handler: notify.handler
)");
    QVERIFY2(result, qPrintable(result ? QString() : errorsText(result.error())));
    QVERIFY(result->workspace.function(QStringLiteral("resize"))->destinations.isEmpty());
    const QString all = warningsText(*result);
    QVERIFY2(warns(*result, QStringLiteral("/functions/resize/destinations/onSuccess"),
                   QStringLiteral("sns")),
             qPrintable(all));
    QVERIFY2(warns(*result, QStringLiteral("/functions/resize/destinations/onFailure"),
                   QStringLiteral("eventBus destination is not imported")),
             qPrintable(all));
    QVERIFY2(warns(*result, QStringLiteral("/functions/resize/destinations/onTimeout"),
                   QStringLiteral("not imported")),
             qPrintable(all));

    const auto broken = import(QStringLiteral("serverless.yml"), R"(
service: media
provider:
  name: aws
  runtime: nodejs20.x
functions:
  broken:
    handler: broken.handler
    maximumRetryAttempts: three
)");
    QVERIFY(!broken);
    const QString errors = errorsText(broken.error());
    QVERIFY2(errors.contains(QStringLiteral("/functions/broken/maximumRetryAttempts")),
             qPrintable(errors));
}

QTEST_MAIN(tst_DestinationImport)
#include "tst_DestinationImport.moc"
