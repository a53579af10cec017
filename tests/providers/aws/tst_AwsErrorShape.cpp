#include "aws/AwsErrorShape.h"

#include <QTest>

using namespace swb;

// Shapes follow AWS's restJson1 protocol (the error name in x-amzn-ErrorType, possibly with
// ":<url>" after it; for JSON-1.x services a "__type" that may carry "namespace#"), as the
// SDKs' sanitize_error_code does. Bodies and headers are Lambda's answers as recorded in
// clients and issues found with the search: "Function not found" with the coral URL suffix
// and "Type":"User"; "An update is in progress" (aws-amplify/amplify-backend #2510,
// nelhage/llama #64); the throttling Reason (erlcloud's Lambda tests); the reserved
// concurrency refusal; the JSON-1.x "com.amazon.coral.service#UnrecognizedClientException".

class tst_AwsErrorShape : public QObject {
    Q_OBJECT
private slots:
    void readsRealAnswers_data();
    void readsRealAnswers();
    void stripsNamespaceAndUrl_data();
    void stripsNamespaceAndUrl();
    void errorSaysWhatFailedAndWhatToCheck();
};

void tst_AwsErrorShape::readsRealAnswers_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("type");
    QTest::addColumn<int>("errorCode");

    QTest::newRow("not found, coral suffix, lowercase message")
        << 404
        << QByteArray("ResourceNotFoundException:http://internal.amazon.com/coral/"
                      "com.amazonaws.awslambda/")
        << QByteArray("{\"Type\":\"User\",\"message\":\"Function not found: arn:...\"}")
        << "ResourceNotFoundException"
        << "Function not found: arn:..."
        << "User" << int(ErrorCode::NotFound);
    QTest::newRow("not found, bare header, Message")
        << 404 << QByteArray("ResourceNotFoundException")
        << QByteArray("{\"Type\":\"User\",\"Message\":\"Function not found: jobs\"}")
        << "ResourceNotFoundException"
        << "Function not found: jobs"
        << "User" << int(ErrorCode::NotFound);
    const QString busy = QStringLiteral(
        "The operation cannot be performed at this time. An update is in progress for resource: "
        "arn:aws:lambda:us-east-1:123456789012:function:orders");
    QTest::newRow("conflict while an update is in progress")
        << 409
        << QByteArray("ResourceConflictException:http://internal.amazon.com/coral/"
                      "com.amazonaws.awslambda/")
        << QByteArray("{\"Type\":\"User\",\"message\":\"" + busy.toUtf8() + "\"}")
        << "ResourceConflictException" << busy << "User" << int(ErrorCode::Conflict);
    QTest::newRow("throttled with a reason")
        << 429 << QByteArray("TooManyRequestsException")
        << QByteArray("{\"Reason\":\"ReservedFunctionConcurrentInvocationLimitExceeded\","
                      "\"Type\":\"User\",\"message\":\"Rate Exceeded.\"}")
        << "TooManyRequestsException"
        << "Rate Exceeded."
        << "User" << int(ErrorCode::Throttled);
    QTest::newRow("invalid parameter is remote")
        << 400 << QByteArray("InvalidParameterValueException")
        << QByteArray("{\"Type\":\"User\",\"message\":\"Specified ReservedConcurrentExecutions "
                      "decreases the account UnreservedConcurrentExecution below its minimum "
                      "value of [10].\"}")
        << "InvalidParameterValueException"
        << "Specified ReservedConcurrentExecutions decreases the account "
           "UnreservedConcurrentExecution below its minimum value of [10]."
        << "User" << int(ErrorCode::Remote);
    QTest::newRow("JSON 1.x __type with namespace")
        << 400 << QByteArray()
        << QByteArray("{\"__type\":\"com.amazon.coral.service#UnrecognizedClientException\","
                      "\"message\":\"The security token included in the request is invalid.\"}")
        << "UnrecognizedClientException"
        << "The security token included in the request is invalid." << QString()
        << int(ErrorCode::Unauthorized);
    QTest::newRow("bad signature")
        << 403 << QByteArray("InvalidSignatureException")
        << QByteArray("{\"message\":\"The request signature we calculated does not match the "
                      "signature you provided.\"}")
        << "InvalidSignatureException"
        << "The request signature we calculated does not match the signature you provided."
        << QString() << int(ErrorCode::Unauthorized);
    QTest::newRow("access denied, header only")
        << 403 << QByteArray("AccessDeniedException") << QByteArray() << "AccessDeniedException"
        << QString() << QString() << int(ErrorCode::Unauthorized);
    QTest::newRow("no code: 429 by status") << 429 << QByteArray() << QByteArray() << QString()
                                            << QString() << QString() << int(ErrorCode::Throttled);
    QTest::newRow("no code: a gateway's HTML page")
        << 502 << QByteArray() << QByteArray("<html><body>Bad Gateway</body></html>") << QString()
        << QString() << QString() << int(ErrorCode::Remote);
}

void tst_AwsErrorShape::readsRealAnswers()
{
    QFETCH(int, status);
    QFETCH(QByteArray, header);
    QFETCH(QByteArray, body);
    QFETCH(QString, code);
    QFETCH(QString, message);
    QFETCH(QString, type);
    QFETCH(int, errorCode);

    const AwsErrorShape shape = AwsErrorShape::parse(status, header, body);
    QCOMPARE(shape.httpStatus, status);
    QCOMPARE(shape.code, code);
    QCOMPARE(shape.message, message);
    QCOMPARE(shape.type, type);
    QCOMPARE(int(shape.errorCode()), errorCode);
}

void tst_AwsErrorShape::stripsNamespaceAndUrl_data()
{
    QTest::addColumn<QString>("wire");
    QTest::addColumn<QString>("bare");
    QTest::newRow("bare") << "FooError"
                          << "FooError";
    QTest::newRow("namespace") << "com.example#FooError"
                               << "FooError";
    QTest::newRow("url") << "FooError:http://internal.example.com/coral/x/"
                         << "FooError";
    QTest::newRow("both") << "com.example#FooError:http://x/"
                          << "FooError";
    QTest::newRow("spaces") << " FooError "
                            << "FooError";
}

void tst_AwsErrorShape::stripsNamespaceAndUrl()
{
    QFETCH(QString, wire);
    QFETCH(QString, bare);
    QCOMPARE(AwsErrorShape::bareCode(wire), bare);
}

void tst_AwsErrorShape::errorSaysWhatFailedAndWhatToCheck()
{
    const AwsErrorShape shape = AwsErrorShape::parse(
        429, "TooManyRequestsException",
        "{\"Reason\":\"ReservedFunctionConcurrentInvocationLimitExceeded\",\"Type\":\"User\","
        "\"message\":\"Rate Exceeded.\"}");
    const Error error = shape.toError(QStringLiteral("Lambda Invoke of 'orders'"));
    QCOMPARE(error.code, ErrorCode::Throttled);
    QCOMPARE(error.message, QStringLiteral("Lambda Invoke of 'orders' failed "
                                           "(TooManyRequestsException: Rate Exceeded.); slow "
                                           "down or raise the limit, then retry."));
    QVERIFY(error.detail.contains(QLatin1String("HTTP 429")));
    QVERIFY(
        error.detail.contains(QLatin1String("ReservedFunctionConcurrentInvocationLimitExceeded")));

    const Error denied = AwsErrorShape::parse(403, "AccessDeniedException", {})
                             .toError(QStringLiteral("Lambda GetFunction"));
    QCOMPARE(denied.code, ErrorCode::Unauthorized);
    QVERIFY(denied.message.contains(QLatin1String("IAM permissions")));
}

QTEST_GUILESS_MAIN(tst_AwsErrorShape)
#include "tst_AwsErrorShape.moc"
