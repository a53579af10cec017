#include "events/EventTemplateCatalog.h"

#include "TestFiles.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace swb;

namespace {

// The value at a JSON pointer, independent of the code under test (undefined when missing).
QJsonValue at(const QJsonValue& root, const QString& pointer)
{
    QJsonValue node = root;
    if (pointer.isEmpty())
        return node;
    for (QString token : pointer.mid(1).split(QLatin1Char('/'))) {
        token.replace(QStringLiteral("~1"), QStringLiteral("/"));
        token.replace(QStringLiteral("~0"), QStringLiteral("~"));
        if (node.isObject()) {
            if (!node.toObject().contains(token))
                return QJsonValue(QJsonValue::Undefined);
            node = node.toObject().value(token);
        } else if (node.isArray()) {
            bool ok = false;
            const int index = token.toInt(&ok);
            if (!ok || index < 0 || index >= node.toArray().size())
                return QJsonValue(QJsonValue::Undefined);
            node = node.toArray().at(index);
        } else {
            return QJsonValue(QJsonValue::Undefined);
        }
    }
    return node;
}

// A JSON value written in a test table; "undefined" means the key must be absent.
QJsonValue json(const QByteArray& text)
{
    if (text == "undefined")
        return QJsonValue(QJsonValue::Undefined);
    const QJsonDocument doc = QJsonDocument::fromJson("[" + text + "]");
    Q_ASSERT(doc.isArray() && doc.array().size() == 1);
    return doc.array().at(0);
}

QString md5Hex(const QString& text)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Md5).toHex());
}

const QStringList kBuiltInKinds{"apigateway-http",
                                "apigateway-rest",
                                "dynamodb-stream",
                                "eventbridge-schedule",
                                "kinesis",
                                "s3-put",
                                "sns",
                                "sqs"};

// A small valid user template; tests break one thing at a time.
const QByteArray kValidTemplate = R"({
  "kind": "custom",
  "title": "Custom",
  "description": "A test template.",
  "fields": [{"name": "greeting", "path": "/greeting", "description": "What to say."}],
  "event": {"greeting": "hello", "count": 1}
})";

} // namespace

class tst_EventTemplateCatalog : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void loadsEveryBuiltInKindSortedByKind();
    void everyTemplateIsDocumented_data();
    void everyTemplateIsDocumented();
    void everyFieldChangesItsValue_data();
    void everyFieldChangesItsValue();
    void eventHasTheServiceKeys_data();
    void eventHasTheServiceKeys();
    void sqsMd5OfBodyMatchesEveryBody();
    void kinesisDataDecodesFromBase64();
    void httpContentLengthMatchesBody();
    void generateWithoutAssignmentsReturnsTheEvent();
    void generateAcceptsEveryTargetForm_data();
    void generateAcceptsEveryTargetForm();
    void fieldsKeepTheEventConsistent_data();
    void fieldsKeepTheEventConsistent();
    void appliesAssignmentsInOrder();
    void rejectsBadAssignments_data();
    void rejectsBadAssignments();
    void loadsUserTemplatesFromFolder();
    void rejectsMalformedTemplate_data();
    void rejectsMalformedTemplate();
    void locatesProblemsInTheFile();
    void ignoresHiddenAndOtherFiles();
    void reportsUnreadableTemplate();
    void rejectsDuplicateKinds();
    void rejectsMissingFolder();

private:
    EventTemplateCatalog m_builtIn;
};

void tst_EventTemplateCatalog::initTestCase()
{
    auto catalog = EventTemplateCatalog::loadBuiltIn();
    QVERIFY2(catalog.has_value(), qPrintable(catalog ? QString() : catalog.error().toString()));
    m_builtIn = *catalog;
}

void tst_EventTemplateCatalog::loadsEveryBuiltInKindSortedByKind()
{
    QCOMPARE(m_builtIn.kinds(), kBuiltInKinds);
    QVERIFY(m_builtIn.find(QStringLiteral("s3-put")) != nullptr);
    QCOMPARE(m_builtIn.find(QStringLiteral("s3-put"))->kind, QStringLiteral("s3-put"));
    QVERIFY(m_builtIn.find(QStringLiteral("s3")) == nullptr);
}

void tst_EventTemplateCatalog::everyTemplateIsDocumented_data()
{
    QTest::addColumn<QString>("kind");
    for (const QString& kind : kBuiltInKinds)
        QTest::newRow(qPrintable(kind)) << kind;
}

void tst_EventTemplateCatalog::everyTemplateIsDocumented()
{
    QFETCH(QString, kind);
    const EventTemplate* t = m_builtIn.find(kind);
    QVERIFY(t);
    QVERIFY(!t->title.isEmpty());
    QVERIFY(t->description.endsWith(QLatin1Char('.')));
    QVERIFY(!t->fields.isEmpty());
    QVERIFY(!t->event.isEmpty());
    for (const EventTemplateField& field : t->fields) {
        QVERIFY2(!field.description.isEmpty(), qPrintable(field.name));
        QVERIFY2(!at(t->event, field.pointer).isUndefined(), qPrintable(field.pointer));
        for (const EventTemplateTarget& also : field.alsoSets)
            QVERIFY2(!at(t->event, also.pointer).isUndefined(), qPrintable(also.pointer));
    }
}

void tst_EventTemplateCatalog::everyFieldChangesItsValue_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("field");
    for (const EventTemplate& t : m_builtIn.templates()) {
        for (const EventTemplateField& field : t.fields)
            QTest::addRow("%s %s", qPrintable(t.kind), qPrintable(field.name))
                << t.kind << field.name;
    }
}

// A field whose pointer the assignment does not reach would silently do nothing.
void tst_EventTemplateCatalog::everyFieldChangesItsValue()
{
    QFETCH(QString, kind);
    QFETCH(QString, field);
    const EventTemplate* t = m_builtIn.find(kind);
    const QString pointer = t->field(field)->pointer;
    const auto event = m_builtIn.generate(kind, {field + QStringLiteral("=swb-test-value")});
    QVERIFY2(event.has_value(), qPrintable(event ? QString() : event.error().message));
    QVERIFY(at(*event, pointer) != at(t->event, pointer));
}

void tst_EventTemplateCatalog::eventHasTheServiceKeys_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("pointer");
    QTest::addColumn<QByteArray>("expected"); // JSON, or a type name: string, number, object
    // Values as the services document them: API Gateway developer guide
    // (http-api-develop-integrations-lambda, set-up-lambda-proxy-integrations), Lambda
    // developer guide (with-s3, with-sqs, with-sns, with-ddb, with-kinesis), EventBridge user
    // guide (scheduled events).
    QTest::newRow("http version") << "apigateway-http"
                                  << "/version" << QByteArray(R"("2.0")");
    QTest::newRow("http routeKey") << "apigateway-http"
                                   << "/routeKey" << QByteArray("string");
    QTest::newRow("http rawPath") << "apigateway-http"
                                  << "/rawPath" << QByteArray("string");
    QTest::newRow("http rawQueryString") << "apigateway-http"
                                         << "/rawQueryString" << QByteArray("string");
    QTest::newRow("http method") << "apigateway-http"
                                 << "/requestContext/http/method" << QByteArray(R"("POST")");
    QTest::newRow("http timeEpoch") << "apigateway-http"
                                    << "/requestContext/timeEpoch" << QByteArray("number");
    QTest::newRow("http isBase64Encoded") << "apigateway-http"
                                          << "/isBase64Encoded" << QByteArray("false");
    QTest::newRow("http no multiValueHeaders") << "apigateway-http"
                                               << "/multiValueHeaders" << QByteArray("undefined");
    QTest::newRow("rest resource") << "apigateway-rest"
                                   << "/resource" << QByteArray("string");
    QTest::newRow("rest httpMethod") << "apigateway-rest"
                                     << "/httpMethod" << QByteArray(R"("POST")");
    QTest::newRow("rest multiValueHeaders")
        << "apigateway-rest"
        << "/multiValueHeaders/Content-Type" << QByteArray(R"(["application/json"])");
    QTest::newRow("rest stage path") << "apigateway-rest"
                                     << "/requestContext/path" << QByteArray(R"("/prod/orders")");
    QTest::newRow("rest no version") << "apigateway-rest"
                                     << "/version" << QByteArray("undefined");
    QTest::newRow("s3 eventSource") << "s3-put"
                                    << "/Records/0/eventSource" << QByteArray(R"("aws:s3")");
    QTest::newRow("s3 eventName") << "s3-put"
                                  << "/Records/0/eventName" << QByteArray(R"("ObjectCreated:Put")");
    QTest::newRow("s3 schema") << "s3-put"
                               << "/Records/0/s3/s3SchemaVersion" << QByteArray(R"("1.0")");
    QTest::newRow("s3 size") << "s3-put"
                             << "/Records/0/s3/object/size" << QByteArray("number");
    QTest::newRow("sqs eventSource") << "sqs"
                                     << "/Records/0/eventSource" << QByteArray(R"("aws:sqs")");
    QTest::newRow("sqs receiptHandle") << "sqs"
                                       << "/Records/0/receiptHandle" << QByteArray("string");
    QTest::newRow("sqs batch") << "sqs"
                               << "/Records/1/messageId" << QByteArray("string");
    QTest::newRow("sqs SentTimestamp is text")
        << "sqs"
        << "/Records/0/attributes/SentTimestamp" << QByteArray("string");
    QTest::newRow("sns EventSource") << "sns"
                                     << "/Records/0/EventSource" << QByteArray(R"("aws:sns")");
    QTest::newRow("sns Type") << "sns"
                              << "/Records/0/Sns/Type" << QByteArray(R"("Notification")");
    QTest::newRow("sns TopicArn") << "sns"
                                  << "/Records/0/Sns/TopicArn" << QByteArray("string");
    QTest::newRow("schedule detail-type") << "eventbridge-schedule"
                                          << "/detail-type" << QByteArray(R"("Scheduled Event")");
    QTest::newRow("schedule source") << "eventbridge-schedule"
                                     << "/source" << QByteArray(R"("aws.events")");
    QTest::newRow("schedule version") << "eventbridge-schedule"
                                      << "/version" << QByteArray(R"("0")");
    QTest::newRow("schedule detail") << "eventbridge-schedule"
                                     << "/detail" << QByteArray("{}");
    QTest::newRow("ddb eventSource") << "dynamodb-stream"
                                     << "/Records/0/eventSource" << QByteArray(R"("aws:dynamodb")");
    QTest::newRow("ddb insert") << "dynamodb-stream"
                                << "/Records/0/eventName" << QByteArray(R"("INSERT")");
    QTest::newRow("ddb keys") << "dynamodb-stream"
                              << "/Records/0/dynamodb/Keys" << QByteArray("object");
    QTest::newRow("ddb insert has no OldImage")
        << "dynamodb-stream"
        << "/Records/0/dynamodb/OldImage" << QByteArray("undefined");
    QTest::newRow("ddb modify") << "dynamodb-stream"
                                << "/Records/1/eventName" << QByteArray(R"("MODIFY")");
    QTest::newRow("ddb modify OldImage") << "dynamodb-stream"
                                         << "/Records/1/dynamodb/OldImage" << QByteArray("object");
    QTest::newRow("ddb modify NewImage") << "dynamodb-stream"
                                         << "/Records/1/dynamodb/NewImage" << QByteArray("object");
    QTest::newRow("kinesis eventSource")
        << "kinesis"
        << "/Records/0/eventSource" << QByteArray(R"("aws:kinesis")");
    QTest::newRow("kinesis eventName")
        << "kinesis"
        << "/Records/0/eventName" << QByteArray(R"("aws:kinesis:record")");
    QTest::newRow("kinesis arrival")
        << "kinesis"
        << "/Records/0/kinesis/approximateArrivalTimestamp" << QByteArray("number");
}

void tst_EventTemplateCatalog::eventHasTheServiceKeys()
{
    QFETCH(QString, kind);
    QFETCH(QString, pointer);
    QFETCH(QByteArray, expected);
    const QJsonValue value = at(m_builtIn.find(kind)->event, pointer);
    if (expected == "string")
        QVERIFY2(value.isString() && !value.toString().isEmpty(), qPrintable(pointer));
    else if (expected == "number")
        QVERIFY2(value.isDouble(), qPrintable(pointer));
    else if (expected == "object")
        QVERIFY2(value.isObject() && !value.toObject().isEmpty(), qPrintable(pointer));
    else
        QCOMPARE(value, json(expected));
}

void tst_EventTemplateCatalog::sqsMd5OfBodyMatchesEveryBody()
{
    const QJsonArray records = m_builtIn.find(QStringLiteral("sqs"))->event["Records"].toArray();
    QCOMPARE(records.size(), 2);
    for (const QJsonValue& record : records)
        QCOMPARE(record["md5OfBody"].toString(), md5Hex(record["body"].toString()));
}

void tst_EventTemplateCatalog::kinesisDataDecodesFromBase64()
{
    const QString data =
        at(m_builtIn.find(QStringLiteral("kinesis"))->event, "/Records/0/kinesis/data").toString();
    const auto decoded =
        QByteArray::fromBase64Encoding(data.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    QVERIFY(decoded);
    QVERIFY(QJsonDocument::fromJson(*decoded).isObject());
}

void tst_EventTemplateCatalog::httpContentLengthMatchesBody()
{
    const QJsonObject event = m_builtIn.find(QStringLiteral("apigateway-http"))->event;
    QCOMPARE(event["headers"]["content-length"].toString(),
             QString::number(event["body"].toString().toUtf8().size()));
}

void tst_EventTemplateCatalog::generateWithoutAssignmentsReturnsTheEvent()
{
    for (const EventTemplate& t : m_builtIn.templates()) {
        const auto event = m_builtIn.generate(t.kind, {});
        QVERIFY(event.has_value());
        QCOMPARE(*event, t.event);
    }
}

void tst_EventTemplateCatalog::generateAcceptsEveryTargetForm_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("assignment");
    QTest::addColumn<QString>("pointer");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("field name") << "s3-put"
                                << "size=1024"
                                << "/Records/0/s3/object/size" << QByteArray("1024");
    QTest::newRow("json pointer") << "s3-put"
                                  << "/Records/0/awsRegion=eu-west-1"
                                  << "/Records/0/awsRegion" << QByteArray(R"("eu-west-1")");
    QTest::newRow("dotted path") << "s3-put"
                                 << "Records.0.s3.object.size=7"
                                 << "/Records/0/s3/object/size" << QByteArray("7");
    QTest::newRow("pointer escapes") << "apigateway-http"
                                     << "/headers/a~1b~0c=1"
                                     << "/headers/a~1b~0c" << QByteArray("1");
    // A value replacing a string stays text, even when it looks like JSON.
    QTest::newRow("string stays string") << "sqs"
                                         << "body=42"
                                         << "/Records/0/body" << QByteArray(R"("42")");
    QTest::newRow("string keeps json text") << "sqs"
                                            << R"(body={"a": 1})"
                                            << "/Records/0/body" << QByteArray(R"("{\"a\": 1}")");
    QTest::newRow("value with =") << "sqs"
                                  << "body=a=b"
                                  << "/Records/0/body" << QByteArray(R"("a=b")");
    QTest::newRow("empty value") << "sqs"
                                 << "body="
                                 << "/Records/0/body" << QByteArray(R"("")");
    // Other values parse as JSON when they can.
    QTest::newRow("number") << "kinesis"
                            << "/Records/0/kinesis/approximateArrivalTimestamp=1.5"
                            << "/Records/0/kinesis/approximateArrivalTimestamp"
                            << QByteArray("1.5");
    QTest::newRow("bool") << "apigateway-http"
                          << "/isBase64Encoded=true"
                          << "/isBase64Encoded" << QByteArray("true");
    QTest::newRow("null to object") << "apigateway-rest"
                                    << R"(/pathParameters={"id":"42"})"
                                    << "/pathParameters" << QByteArray(R"({"id":"42"})");
    QTest::newRow("object") << "eventbridge-schedule"
                            << R"(/detail={"force":true})"
                            << "/detail" << QByteArray(R"({"force":true})");
    QTest::newRow("array") << "eventbridge-schedule"
                           << R"(/resources=[])"
                           << "/resources" << QByteArray("[]");
    QTest::newRow("not json becomes text") << "s3-put"
                                           << "size=big"
                                           << "/Records/0/s3/object/size" << QByteArray(R"("big")");
    QTest::newRow("two values become text")
        << "s3-put"
        << "size=1,2"
        << "/Records/0/s3/object/size" << QByteArray(R"("1,2")");
    QTest::newRow("new key parsed") << "apigateway-http"
                                    << "/stageVariables={}"
                                    << "/stageVariables" << QByteArray("{}");
    QTest::newRow("new key text") << "apigateway-http"
                                  << "headers.x-api-key=k-123"
                                  << "/headers/x-api-key" << QByteArray(R"("k-123")");
    QTest::newRow("array item") << "eventbridge-schedule"
                                << "resources.0=arn:x"
                                << "/resources/0" << QByteArray(R"("arn:x")");
}

void tst_EventTemplateCatalog::generateAcceptsEveryTargetForm()
{
    QFETCH(QString, kind);
    QFETCH(QString, assignment);
    QFETCH(QString, pointer);
    QFETCH(QByteArray, expected);
    const auto event = m_builtIn.generate(kind, {assignment});
    QVERIFY2(event.has_value(), qPrintable(event ? QString() : event.error().message));
    QCOMPARE(at(*event, pointer), json(expected));
}

void tst_EventTemplateCatalog::fieldsKeepTheEventConsistent_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("assignment");
    QTest::addColumn<QString>("pointer");
    QTest::addColumn<QByteArray>("expected");

    // API Gateway HTTP API (payload 2.0): rawPath and requestContext.http.path carry the path.
    QTest::newRow("http path") << "apigateway-http"
                               << "path=/orders/42"
                               << "/rawPath" << QByteArray(R"("/orders/42")");
    QTest::newRow("http path context")
        << "apigateway-http"
        << "path=/orders/42"
        << "/requestContext/http/path" << QByteArray(R"("/orders/42")");
    QTest::newRow("http method") << "apigateway-http"
                                 << "method=DELETE"
                                 << "/requestContext/http/method" << QByteArray(R"("DELETE")");
    QTest::newRow("http query raw") << "apigateway-http"
                                    << "query=a=1&a=2&b=x%20y"
                                    << "/rawQueryString" << QByteArray(R"("a=1&a=2&b=x%20y")");
    // "Duplicate query strings are combined with commas" (payload format differences).
    QTest::newRow("http query map")
        << "apigateway-http"
        << "query=a=1&a=2&b=x%20y"
        << "/queryStringParameters" << QByteArray(R"({"a":"1,2","b":"x y"})");
    QTest::newRow("http no query map") << "apigateway-http"
                                       << "query="
                                       << "/queryStringParameters" << QByteArray("undefined");
    QTest::newRow("http body length") << "apigateway-http"
                                      << "body=héllo"
                                      << "/headers/content-length" << QByteArray(R"("6")");
    QTest::newRow("http content type") << "apigateway-http"
                                       << "contentType=text/plain"
                                       << "/headers/content-type" << QByteArray(R"("text/plain")");

    // API Gateway REST API (payload 1.0).
    QTest::newRow("rest method") << "apigateway-rest"
                                 << "method=PUT"
                                 << "/httpMethod" << QByteArray(R"("PUT")");
    QTest::newRow("rest method context") << "apigateway-rest"
                                         << "method=PUT"
                                         << "/requestContext/httpMethod" << QByteArray(R"("PUT")");
    QTest::newRow("rest path") << "apigateway-rest"
                               << "path=/users"
                               << "/path" << QByteArray(R"("/users")");
    QTest::newRow("rest resource") << "apigateway-rest"
                                   << "path=/users"
                                   << "/resource" << QByteArray(R"("/users")");
    QTest::newRow("rest resourcePath")
        << "apigateway-rest"
        << "path=/users"
        << "/requestContext/resourcePath" << QByteArray(R"("/users")");
    QTest::newRow("rest stage path") << "apigateway-rest"
                                     << "path=/users"
                                     << "/requestContext/path" << QByteArray(R"("/prod/users")");
    QTest::newRow("rest query last")
        << "apigateway-rest"
        << "query=a=1&a=2&flag"
        << "/queryStringParameters" << QByteArray(R"({"a":"2","flag":""})");
    QTest::newRow("rest query multi")
        << "apigateway-rest"
        << "query=a=1&a=2&flag"
        << "/multiValueQueryStringParameters" << QByteArray(R"({"a":["1","2"],"flag":[""]})");
    QTest::newRow("rest no query") << "apigateway-rest"
                                   << "query="
                                   << "/queryStringParameters" << QByteArray("null");
    QTest::newRow("rest no query multi")
        << "apigateway-rest"
        << "query="
        << "/multiValueQueryStringParameters" << QByteArray("null");
    QTest::newRow("rest content type multi")
        << "apigateway-rest"
        << "contentType=text/csv"
        << "/multiValueHeaders/Content-Type" << QByteArray(R"(["text/csv"])");

    // S3 URL-encodes keys in notifications (with-s3: "the object key ... is URL encoded").
    QTest::newRow("s3 key spaces")
        << "s3-put"
        << "key=photos/my cat (1).jpg"
        << "/Records/0/s3/object/key" << QByteArray(R"("photos/my+cat+%281%29.jpg")");
    QTest::newRow("s3 key utf-8") << "s3-put"
                                  << "key=Ünï+=.txt"
                                  << "/Records/0/s3/object/key"
                                  << QByteArray(R"("%C3%9Cn%C3%AF%2B%3D.txt")");
    QTest::newRow("s3 bucket") << "s3-put"
                               << "bucket=my-bucket"
                               << "/Records/0/s3/bucket/name" << QByteArray(R"("my-bucket")");
    QTest::newRow("s3 bucket arn")
        << "s3-put"
        << "bucket=my-bucket"
        << "/Records/0/s3/bucket/arn" << QByteArray(R"("arn:aws:s3:::my-bucket")");

    // MD5 of "hello" (RFC 1321 test suite style value, well known).
    QTest::newRow("sqs body") << "sqs"
                              << "body=hello"
                              << "/Records/0/body" << QByteArray(R"("hello")");
    QTest::newRow("sqs md5") << "sqs"
                             << "body=hello"
                             << "/Records/0/md5OfBody"
                             << QByteArray(R"("5d41402abc4b2a76b9719d911017c592")");
    QTest::newRow("sqs other md5 untouched")
        << "sqs"
        << "body=hello"
        << "/Records/1/md5OfBody" << QByteArray(R"("165fd3dc3cad14794b47eec15e495564")");
    QTest::newRow("sqs second md5")
        << "sqs"
        << "secondBody=hello"
        << "/Records/1/md5OfBody" << QByteArray(R"("5d41402abc4b2a76b9719d911017c592")");
    QTest::newRow("sqs queue") << "sqs"
                               << "queue=payments"
                               << "/Records/1/eventSourceARN"
                               << QByteArray(R"("arn:aws:sqs:us-east-1:123456789012:payments")");

    QTest::newRow("sns topic") << "sns"
                               << "topic=alerts"
                               << "/Records/0/Sns/TopicArn"
                               << QByteArray(R"("arn:aws:sns:us-east-1:123456789012:alerts")");
    QTest::newRow("sns subscription")
        << "sns"
        << "topic=alerts"
        << "/Records/0/EventSubscriptionArn"
        << QByteArray(
               R"("arn:aws:sns:us-east-1:123456789012:alerts:4c8d2f1a-6b3e-4f5a-9d7c-2e1b0a9f8c7d")");
    QTest::newRow("sns subject null") << "sns"
                                      << "subject=null"
                                      << "/Records/0/Sns/Subject" << QByteArray(R"("null")");

    QTest::newRow("kinesis data") << "kinesis"
                                  << "data=Hello, Kinesis!"
                                  << "/Records/0/kinesis/data"
                                  << QByteArray(R"("SGVsbG8sIEtpbmVzaXMh")");
    QTest::newRow("kinesis stream")
        << "kinesis"
        << "stream=clicks"
        << "/Records/0/eventSourceARN"
        << QByteArray(R"("arn:aws:kinesis:us-east-1:123456789012:stream/clicks")");

    QTest::newRow("schedule rule")
        << "eventbridge-schedule"
        << "rule=hourly"
        << "/resources/0" << QByteArray(R"("arn:aws:events:us-east-1:123456789012:rule/hourly")");

    QTest::newRow("ddb keys insert")
        << "dynamodb-stream"
        << R"(keys={"pk":{"S":"A"}})"
        << "/Records/0/dynamodb/Keys" << QByteArray(R"({"pk":{"S":"A"}})");
    QTest::newRow("ddb keys modify")
        << "dynamodb-stream"
        << R"(keys={"pk":{"S":"A"}})"
        << "/Records/1/dynamodb/Keys" << QByteArray(R"({"pk":{"S":"A"}})");
    QTest::newRow("ddb table") << "dynamodb-stream"
                               << "table=users"
                               << "/Records/1/eventSourceARN"
                               << QByteArray(R"("arn:aws:dynamodb:us-east-1:123456789012:table/)"
                                             R"(users/stream/2024-05-01T08:15:42.118")");
}

void tst_EventTemplateCatalog::fieldsKeepTheEventConsistent()
{
    QFETCH(QString, kind);
    QFETCH(QString, assignment);
    QFETCH(QString, pointer);
    QFETCH(QByteArray, expected);
    const auto event = m_builtIn.generate(kind, {assignment});
    QVERIFY2(event.has_value(), qPrintable(event ? QString() : event.error().message));
    QCOMPARE(at(*event, pointer), json(expected));
}

void tst_EventTemplateCatalog::appliesAssignmentsInOrder()
{
    const auto event = m_builtIn.generate(
        QStringLiteral("apigateway-http"),
        {"query=", "query=page=2", "body=x", "/body=later", "path=/a", "/rawPath=/b"});
    QVERIFY(event.has_value());
    QCOMPARE(at(*event, "/queryStringParameters"), json(R"({"page":"2"})"));
    QCOMPARE(at(*event, "/body"), json(R"("later")"));
    QCOMPARE(at(*event, "/headers/content-length"), json(R"("1")")); // from body=x
    QCOMPARE(at(*event, "/rawPath"), json(R"("/b")"));
    QCOMPARE(at(*event, "/requestContext/http/path"), json(R"("/a")"));
}

void tst_EventTemplateCatalog::rejectsBadAssignments_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QStringList>("assignments");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown kind")
        << "s3" << QStringList{} << int(ErrorCode::NotFound)
        << "There is no event template \"s3\"; known kinds: apigateway-http, apigateway-rest, "
           "dynamodb-stream, eventbridge-schedule, kinesis, s3-put, sns, sqs.";
    QTest::newRow("no equals")
        << "s3-put" << QStringList{"bucket"} << int(ErrorCode::InvalidArgument)
        << "The assignment \"bucket\" has no \"=\"; write it as TARGET=VALUE, for example "
           "bucket=VALUE.";
    QTest::newRow("no target")
        << "s3-put" << QStringList{"=x"} << int(ErrorCode::InvalidArgument)
        << "The assignment \"=x\" has nothing before \"=\"; write TARGET=VALUE with a field name, "
           "a JSON pointer or a dotted path, for example bucket=VALUE.";
    QTest::newRow("unknown field")
        << "s3-put" << QStringList{"bukket=x"} << int(ErrorCode::InvalidArgument)
        << "\"bukket\" is not a field of the s3-put template; use one of bucket, key, size, eTag, "
           "or a JSON pointer such as /bukket.";
    QTest::newRow("bad pointer escape")
        << "s3-put" << QStringList{"/Records/0/a~2=x"} << int(ErrorCode::InvalidArgument)
        << "\"/Records/0/a~2\" is not a valid JSON pointer: \"~\" must be followed by 0 or 1 "
           "(write ~0 for \"~\" and ~1 for \"/\").";
    QTest::newRow("empty dotted part")
        << "sqs" << QStringList{"Records..body=x"} << int(ErrorCode::InvalidArgument)
        << "\"Records..body\" is not a valid dotted path: it has an empty part; separate names "
           "and indexes with single dots, as in Records.0.body.";
    QTest::newRow("missing parent")
        << "apigateway-http" << QStringList{"/pathParameters/id=42"}
        << int(ErrorCode::InvalidArgument)
        << "Cannot set /pathParameters/id in the apigateway-http event: /pathParameters does not "
           "exist; set it first (for example /pathParameters={}) or check the spelling.";
    QTest::newRow("past array end")
        << "sqs" << QStringList{"Records.2.body=x"} << int(ErrorCode::InvalidArgument)
        << "Cannot set /Records/2/body in the sqs event: /Records has 2 items (indexes 0 to 1).";
    QTest::newRow("past one-item array")
        << "s3-put" << QStringList{"/Records/1/eventName=x"} << int(ErrorCode::InvalidArgument)
        << "Cannot set /Records/1/eventName in the s3-put event: /Records has 1 item (index 0).";
    QTest::newRow("not an index")
        << "sqs" << QStringList{"/Records/first/body=x"} << int(ErrorCode::InvalidArgument)
        << "Cannot set /Records/first/body in the sqs event: /Records is an array, so \"first\" "
           "must be an index from 0 to 1.";
    QTest::newRow("leading zero index")
        << "sqs" << QStringList{"/Records/01/body=x"} << int(ErrorCode::InvalidArgument)
        << "Cannot set /Records/01/body in the sqs event: /Records is an array, so \"01\" must "
           "be an index from 0 to 1.";
    QTest::newRow("through a string")
        << "sqs" << QStringList{"/Records/0/body/x=1"} << int(ErrorCode::InvalidArgument)
        << "Cannot set /Records/0/body/x in the sqs event: /Records/0/body is a string, not an "
           "object or array.";
    QTest::newRow("through a number")
        << "s3-put" << QStringList{"Records.0.s3.object.size.bytes=1"}
        << int(ErrorCode::InvalidArgument)
        << "Cannot set /Records/0/s3/object/size/bytes in the s3-put event: "
           "/Records/0/s3/object/size is a number, not an object or array.";
    QTest::newRow("field after emptying its array")
        << "sqs" << QStringList{"/Records=[]", "body=x"} << int(ErrorCode::InvalidArgument)
        << "Cannot set /Records/0/body in the sqs event: /Records is an empty array.";
    QTest::newRow("second assignment fails")
        << "kinesis" << QStringList{"data=ok", "nope"} << int(ErrorCode::InvalidArgument)
        << "The assignment \"nope\" has no \"=\"; write it as TARGET=VALUE, for example "
           "data=VALUE.";
}

void tst_EventTemplateCatalog::rejectsBadAssignments()
{
    QFETCH(QString, kind);
    QFETCH(QStringList, assignments);
    QFETCH(int, code);
    QFETCH(QString, message);
    const auto event = m_builtIn.generate(kind, assignments);
    QVERIFY(!event.has_value());
    QCOMPARE(event.error().message, message);
    QCOMPARE(int(event.error().code), code);
}

void tst_EventTemplateCatalog::loadsUserTemplatesFromFolder()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(test::writeFile(dir.path(), "custom.json", kValidTemplate));
    const auto catalog = EventTemplateCatalog::loadFromFolder(dir.path());
    QVERIFY2(catalog.has_value(), qPrintable(catalog ? QString() : catalog.error().toString()));
    QCOMPARE(catalog->kinds(), QStringList{"custom"});
    const auto event = catalog->generate("custom", {"greeting=hi", "/count=2"});
    QVERIFY(event.has_value());
    QCOMPARE(*event, QJsonObject({{"greeting", "hi"}, {"count", 2}}));
}

void tst_EventTemplateCatalog::rejectsMalformedTemplate_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("message"); // %1 is the file's path

    // A missing comma between two members; Qt reports the offset just past the next quote.
    QTest::newRow("not json") << QByteArray("{\n  \"kind\": \"x\"\n  \"title\": \"T\"\n}\n")
                              << int(ErrorCode::Parse)
                              << "Event template %1 is not valid JSON: unterminated object at line "
                                 "3, column 4; fix the syntax there.";
    QTest::newRow("array") << QByteArray("[]") << int(ErrorCode::Validation)
                           << "Event template %1 is invalid at the top level: the file must hold "
                              "a JSON object.";
    QTest::newRow("missing kind")
        << QByteArray(kValidTemplate).replace(R"("kind": "custom",)", "")
        << int(ErrorCode::Validation)
        << "Event template %1 is invalid at /kind: this required key is missing.";
    QTest::newRow("kind not a string")
        << QByteArray(kValidTemplate).replace(R"("kind": "custom")", R"("kind": 3)")
        << int(ErrorCode::Validation)
        << "Event template %1 is invalid at /kind: expected a string, found a number.";
    QTest::newRow("bad kind")
        << QByteArray(kValidTemplate).replace(R"("kind": "custom")", R"("kind": "My Kind")")
        << int(ErrorCode::Validation)
        << "Event template %1 is invalid at /kind: \"My Kind\" is not a valid kind; use "
           "lower-case letters, digits and single dashes.";
    QTest::newRow("empty title")
        << QByteArray(kValidTemplate).replace(R"("title": "Custom")", R"("title": " ")")
        << int(ErrorCode::Validation)
        << "Event template %1 is invalid at /title: must not be empty.";
    QTest::newRow("unknown top-level key")
        << QByteArray(kValidTemplate).replace(R"("title")", R"("extra": 1, "title")")
        << int(ErrorCode::Validation)
        << "Event template %1 is invalid at /extra: unknown key \"extra\"; expected kind, title, "
           "description, fields, event.";
    QTest::newRow("event not an object")
        << QByteArray(kValidTemplate)
               .replace(R"("event": {"greeting": "hello", "count": 1})", R"("event": [])")
               .replace(R"("path": "/greeting")", R"("path": "/0")")
        << int(ErrorCode::Validation)
        << "Event template %1 is invalid at /event: expected an object, found an array.";
    QTest::newRow("fields not an array")
        << QByteArray(R"({"kind": "k", "title": "T", "description": "D.", "fields": {}, )"
                      R"("event": {}})")
        << int(ErrorCode::Validation)
        << "Event template %1 is invalid at /fields: expected an array, found an object.";
    QTest::newRow("path missing in event")
        << QByteArray(kValidTemplate).replace(R"("path": "/greeting")", R"("path": "/greetings")")
        << int(ErrorCode::Validation)
        << "Event template %1 is invalid at /fields/0/path: \"/greetings\" does not exist in the "
           "event.";
    QTest::newRow("path not a pointer")
        << QByteArray(kValidTemplate).replace(R"("path": "/greeting")", R"("path": "greeting")")
        << int(ErrorCode::Validation)
        << "Event template %1 is invalid at /fields/0/path: \"greeting\" is not a valid JSON "
           "pointer: it must start with \"/\".";
    QTest::newRow("bad field name")
        << QByteArray(kValidTemplate).replace(R"("name": "greeting")", R"("name": "a.b")")
        << int(ErrorCode::Validation)
        << "Event template %1 is invalid at /fields/0/name: \"a.b\" is not a valid field name; "
           "start with a letter and use letters, digits, '_' and '-'.";
    QTest::newRow("unknown field key")
        << QByteArray(kValidTemplate)
               .replace(R"("name": "greeting")", R"("name": "greeting", "alsoSet": [])")
        << int(ErrorCode::Validation)
        << "Event template %1 is invalid at /fields/0/alsoSet: unknown key \"alsoSet\"; expected "
           "name, path, description, encoding, format, alsoSets.";
    QTest::newRow("unknown encoding")
        << QByteArray(kValidTemplate)
               .replace(R"("name": "greeting")", R"("name": "greeting", "encoding": "rot13")")
        << int(ErrorCode::Validation)
        << "Event template %1 is invalid at /fields/0/encoding: \"rot13\" is not a known "
           "encoding; use one of base64, s3-key, md5, byte-length, array, query-parameters, "
           "query-parameters-last, query-multi-parameters.";
    QTest::newRow("format without placeholder")
        << QByteArray(kValidTemplate)
               .replace(R"("name": "greeting")", R"("name": "greeting", "format": "hi {name}")")
        << int(ErrorCode::Validation)
        << "Event template %1 is invalid at /fields/0/format: the format must contain {value}.";
    QTest::newRow("format of non-text encoding")
        << QByteArray(kValidTemplate)
               .replace(R"("name": "greeting")",
                        R"("name": "greeting", "alsoSets": [{"path": "/count", )"
                        R"("encoding": "array", "format": "x{value}"}])")
        << int(ErrorCode::Validation)
        << "Event template %1 is invalid at /fields/0/alsoSets/0/format: a format needs a text "
           "encoding, and \"array\" does not give text.";
    QTest::newRow("alsoSets pointer missing")
        << QByteArray(kValidTemplate)
               .replace(R"("name": "greeting")", R"("name": "greeting", "alsoSets": ["/nope"])")
        << int(ErrorCode::Validation)
        << "Event template %1 is invalid at /fields/0/alsoSets/0: \"/nope\" does not exist in the "
           "event.";
    QTest::newRow("alsoSets wrong type")
        << QByteArray(kValidTemplate)
               .replace(R"("name": "greeting")", R"("name": "greeting", "alsoSets": [7])")
        << int(ErrorCode::Validation)
        << "Event template %1 is invalid at /fields/0/alsoSets/0: expected a pointer or a {path, "
           "encoding, format} object, found a number.";
    QTest::newRow("duplicate field names")
        << QByteArray(R"({"kind": "k", "title": "T", "description": "D.", "fields": [)"
                      R"({"name": "a", "path": "/x", "description": "d"}, )"
                      R"({"name": "a", "path": "/x", "description": "d"}], "event": {"x": 1}})")
        << int(ErrorCode::Validation)
        << "Event template %1 is invalid at /fields/1/name: \"a\" is already the name of "
           "/fields/0.";
    QTest::newRow("several problems")
        << QByteArray(R"({"kind": "k", "fields": [], "event": {}})") << int(ErrorCode::Validation)
        << "Event template %1 has 2 problems, the first at /title: this required key is missing.";
}

void tst_EventTemplateCatalog::rejectsMalformedTemplate()
{
    QFETCH(QByteArray, content);
    QFETCH(int, code);
    QFETCH(QString, message);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(test::writeFile(dir.path(), "good.json", kValidTemplate));
    QVERIFY(test::writeFile(dir.path(), "bad.json", content));
    const QString file = QDir(dir.path()).filePath("bad.json");
    const auto catalog = EventTemplateCatalog::loadFromFolder(dir.path());
    QVERIFY(!catalog.has_value());
    QCOMPARE(catalog.error().message, message.arg(file));
    QCOMPARE(int(catalog.error().code), code);
    QVERIFY(!catalog.error().diagnostics.isEmpty());
    QCOMPARE(catalog.error().diagnostics.first().file, file);
    QVERIFY(catalog.error().diagnostics.first().line > 0);
}

void tst_EventTemplateCatalog::locatesProblemsInTheFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(test::writeFile(
        dir.path(), "bad.json",
        QByteArray(kValidTemplate).replace(R"("path": "/greeting")", R"("path": "/greetings")")));
    const auto catalog = EventTemplateCatalog::loadFromFolder(dir.path());
    QVERIFY(!catalog.has_value());
    const Diagnostic d = catalog.error().diagnostics.value(0);
    QCOMPARE(d.pointer, QStringLiteral("/fields/0/path"));
    QCOMPARE(d.line, 5); // the "fields" line of kValidTemplate
    QVERIFY(d.column > 1);
}

void tst_EventTemplateCatalog::ignoresHiddenAndOtherFiles()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(test::writeFile(dir.path(), "custom.json", kValidTemplate));
    QVERIFY(test::writeFile(dir.path(), ".#custom.json", "{ half-saved"));
    QVERIFY(test::writeFile(dir.path(), "README.md", "# notes"));
    const auto catalog = EventTemplateCatalog::loadFromFolder(dir.path());
    QVERIFY2(catalog.has_value(), qPrintable(catalog ? QString() : catalog.error().toString()));
    QCOMPARE(catalog->kinds(), QStringList{"custom"});
}

void tst_EventTemplateCatalog::reportsUnreadableTemplate()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(test::writeFile(dir.path(), "custom.json", kValidTemplate));
    const QString file = QDir(dir.path()).filePath("custom.json");
    QVERIFY(QFile::setPermissions(file, QFileDevice::WriteOwner));
    if (QFileInfo(file).isReadable())
        QSKIP("running with privileges that read any file");
    const auto catalog = EventTemplateCatalog::loadFromFolder(dir.path());
    QVERIFY(!catalog.has_value());
    QCOMPARE(catalog.error().code, ErrorCode::PermissionDenied);
    QVERIFY(catalog.error().message.startsWith(file));
}

void tst_EventTemplateCatalog::rejectsDuplicateKinds()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(test::writeFile(dir.path(), "a.json", kValidTemplate));
    QVERIFY(test::writeFile(dir.path(), "b.json", kValidTemplate));
    const auto catalog = EventTemplateCatalog::loadFromFolder(dir.path());
    QVERIFY(!catalog.has_value());
    QCOMPARE(catalog.error().message,
             QStringLiteral("Event templates %1 and %2 both define the kind \"custom\"; rename one "
                            "of them.")
                 .arg(QDir(dir.path()).filePath("a.json"), QDir(dir.path()).filePath("b.json")));
    QCOMPARE(catalog.error().code, ErrorCode::Validation);
}

void tst_EventTemplateCatalog::rejectsMissingFolder()
{
    QTemporaryDir dir;
    const QString missing = QDir(dir.path()).filePath("nope");
    const auto catalog = EventTemplateCatalog::loadFromFolder(missing);
    QVERIFY(!catalog.has_value());
    QCOMPARE(catalog.error().code, ErrorCode::NotFound);
    QCOMPARE(catalog.error().message,
             QStringLiteral("The event template folder %1 does not exist; check the path.")
                 .arg(missing));
}

QTEST_GUILESS_MAIN(tst_EventTemplateCatalog)
#include "tst_EventTemplateCatalog.moc"
