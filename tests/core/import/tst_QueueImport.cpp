// Queue triggers imported with their event source mapping (batch window, partial batch
// responses) and their queue's settings (VisibilityTimeout, RedrivePolicy's dead-letter queue and
// maxReceiveCount) from SAM and serverless.yml, so the local queue behaves as the deployed one.
#include "format/WorkspaceValidator.h"
#include "import/TemplateImport.h"

#include "ImportTestFormat.h"
#include "TestFiles.h"

#include <QDir>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>

using namespace swb;
using swb::test::errorsText;
using swb::test::validationErrors;
using swb::test::warns;

class tst_QueueImport : public QObject {
    Q_OBJECT
private slots:
    void samQueueTriggerWithItsQueue();
    void samQueueSettingsKnownOnlyAtDeploy();
    void serverlessQueueTriggerWithItsQueue();

private:
    Result<ImportResult> import(const QString& file, const QByteArray& text);
    QTemporaryDir m_dir;
    int m_count = 0;
};

Result<ImportResult> tst_QueueImport::import(const QString& file, const QByteArray& text)
{
    return test::importFile(m_dir.filePath(QStringLiteral("t%1").arg(++m_count)), file, text,
                            {QStringLiteral("app.py"), QStringLiteral("handler.js")});
}

void tst_QueueImport::samQueueTriggerWithItsQueue()
{
    const auto result = import(QStringLiteral("template.yaml"), R"(
Transform: AWS::Serverless-2016-10-31
Resources:
  Orders:
    Type: AWS::SQS::Queue
    Properties:
      VisibilityTimeout: 90
      RedrivePolicy:
        deadLetterTargetArn: !GetAtt OrdersDlq.Arn
        maxReceiveCount: 3
  OrdersDlq:
    Type: AWS::SQS::Queue
  Process:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: app.handler
      Events:
        FromOrders:
          Type: SQS
          Properties:
            Queue: !GetAtt Orders.Arn
            BatchSize: 5
            MaximumBatchingWindowInSeconds: 2
            FunctionResponseTypes: [ReportBatchItemFailures]
        FromElsewhere:
          Type: SQS
          Properties:
            Queue: arn:aws:sqs:us-east-1:123456789012:elsewhere
)");
    QVERIFY2(result, qPrintable(result ? QString() : errorsText(result.error())));
    QCOMPARE(validationErrors(result->workspace), QString());
    const FunctionSpec* process = result->workspace.function(QStringLiteral("Process"));
    QVERIFY(process && process->triggers.size() == 2);
    const TriggerSpec& orders = process->triggers.at(0);
    QCOMPARE(orders.source, QStringLiteral("Orders"));
    QCOMPARE(orders.batchSize, 5);
    QCOMPARE(orders.batchWindowSeconds, 2);
    QVERIFY(orders.reportBatchItemFailures);
    QCOMPARE(orders.visibilityTimeoutSeconds, std::optional<int>(90));
    QCOMPARE(orders.deadLetterQueue, QStringLiteral("OrdersDlq"));
    QCOMPARE(orders.maxReceiveCount, 3);
    const TriggerSpec& elsewhere = process->triggers.at(1); // no resource here: defaults
    QVERIFY(!elsewhere.reportBatchItemFailures);
    QCOMPARE(elsewhere.visibilityTimeoutSeconds, std::nullopt);
    QVERIFY(elsewhere.deadLetterQueue.isEmpty());
}

void tst_QueueImport::samQueueSettingsKnownOnlyAtDeploy()
{
    const auto result = import(QStringLiteral("template.yaml"), R"(
Transform: AWS::Serverless-2016-10-31
Parameters:
  Visibility:
    Type: Number
  DlqArn:
    Type: String
Resources:
  Orders:
    Type: AWS::SQS::Queue
    Properties:
      VisibilityTimeout: !Ref Visibility
      RedrivePolicy:
        deadLetterTargetArn: !Ref DlqArn
        maxReceiveCount: 3
  Process:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: app.handler
      Events:
        FromOrders:
          Type: SQS
          Properties:
            Queue: !GetAtt Orders.Arn
)");
    QVERIFY2(result, qPrintable(result ? QString() : errorsText(result.error())));
    const TriggerSpec& orders =
        result->workspace.function(QStringLiteral("Process"))->triggers.at(0);
    QCOMPARE(orders.visibilityTimeoutSeconds, std::nullopt);
    QVERIFY(orders.deadLetterQueue.isEmpty());
    QVERIFY(warns(*result, QStringLiteral("/Resources/Orders/Properties/VisibilityTimeout"),
                  QStringLiteral("not known before deploying")));
    QVERIFY(warns(*result,
                  QStringLiteral("/Resources/Orders/Properties/RedrivePolicy/deadLetterTargetArn"),
                  QStringLiteral("dead-letter queue is not imported")));

    const auto broken = import(QStringLiteral("template.yaml"), R"(
Transform: AWS::Serverless-2016-10-31
Resources:
  Orders:
    Type: AWS::SQS::Queue
    Properties:
      VisibilityTimeout: 99999
  Process:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: app.handler
      Events:
        FromOrders:
          Type: SQS
          Properties:
            Queue: !GetAtt Orders.Arn
)");
    QVERIFY(!broken);
    QVERIFY2(errorsText(broken.error()).contains(QStringLiteral("from 0 to 43200")),
             qPrintable(errorsText(broken.error())));
}

void tst_QueueImport::serverlessQueueTriggerWithItsQueue()
{
    const auto result = import(QStringLiteral("serverless.yml"), R"(
service: shop
provider:
  name: aws
  runtime: nodejs20.x
functions:
  process:
    handler: handler.process
    events:
      - sqs:
          arn:
            Fn::GetAtt: [Orders, Arn]
          batchSize: 10
          maximumBatchingWindow: 5
          functionResponseType: ReportBatchItemFailures
resources:
  Resources:
    Orders:
      Type: AWS::SQS::Queue
      Properties:
        VisibilityTimeout: 60
        RedrivePolicy:
          deadLetterTargetArn: arn:aws:sqs:us-east-1:123456789012:orders-dlq
          maxReceiveCount: 5
)");
    QVERIFY2(result, qPrintable(result ? QString() : errorsText(result.error())));
    QCOMPARE(validationErrors(result->workspace), QString());
    const TriggerSpec& orders =
        result->workspace.function(QStringLiteral("process"))->triggers.at(0);
    QCOMPARE(orders.source, QStringLiteral("Orders"));
    QCOMPARE(orders.batchWindowSeconds, 5);
    QVERIFY(orders.reportBatchItemFailures);
    QCOMPARE(orders.visibilityTimeoutSeconds, std::optional<int>(60));
    QCOMPARE(orders.deadLetterQueue, QStringLiteral("orders-dlq"));
    QCOMPARE(orders.maxReceiveCount, 5);
}

QTEST_MAIN(tst_QueueImport)
#include "tst_QueueImport.moc"
