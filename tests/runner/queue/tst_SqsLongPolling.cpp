// labels: integration
// SQS's long polling over HTTP: an empty ReceiveMessage with WaitTimeSeconds (or the queue's
// ReceiveMessageWaitTimeSeconds) waits for the first message instead of answering at once, ends
// empty when the wait is over, refuses waits SQS refuses, and a client that gave up receives
// nothing (its message stays visible for the next consumer).
#include "http/HttpServer.h"
#include "queue/QueueService.h"
#include "queue/SqsApi.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

using namespace swb;

class tst_SqsLongPolling : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void waitsForTheFirstMessage();
    void endsEmptyWhenTheWaitIsOver();
    void queueAttributeSetsTheDefaultWait();
    void queryProtocolWaitsToo();
    void refusesWaitsSqsRefuses();
    void aClientThatGaveUpReceivesNothing();

private:
    QNetworkReply* post(const QByteArray& action, const QJsonObject& input);
    QNetworkReply* postForm(const QByteArray& form);
    QString sendMessage(const QString& body);

    QueueService* m_queues = nullptr;
    SqsApi* m_api = nullptr;
    http::HttpServer* m_server = nullptr;
    QNetworkAccessManager* m_net = nullptr;
    QString m_url;
};

void tst_SqsLongPolling::init()
{
    m_queues = new QueueService(QStringLiteral("us-east-1"));
    m_api = new SqsApi(*m_queues);
    m_server = new http::HttpServer;
    m_server->setHandler([this](http::HttpRequest&& request, http::HttpResponder&& responder) {
        m_api->handle(std::move(request), std::move(responder));
    });
    QVERIFY(m_server->listen(QHostAddress::LocalHost, 0));
    m_queues->setEndpoint(QStringLiteral("http://127.0.0.1:%1").arg(m_server->port()));
    m_queues->create(QStringLiteral("orders"));
    m_url = m_queues->queueUrl(QStringLiteral("orders"));
    m_net = new QNetworkAccessManager;
}

void tst_SqsLongPolling::cleanup()
{
    delete m_net;
    delete m_server;
    delete m_api;
    delete m_queues;
}

QNetworkReply* tst_SqsLongPolling::post(const QByteArray& action, const QJsonObject& input)
{
    QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(m_server->port())));
    request.setHeader(QNetworkRequest::ContentTypeHeader, "application/x-amz-json-1.0");
    request.setRawHeader("X-Amz-Target", "AmazonSQS." + action);
    return m_net->post(request, QJsonDocument(input).toJson(QJsonDocument::Compact));
}

QNetworkReply* tst_SqsLongPolling::postForm(const QByteArray& form)
{
    QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(m_server->port())));
    request.setHeader(QNetworkRequest::ContentTypeHeader, "application/x-www-form-urlencoded");
    return m_net->post(request, form);
}

QString tst_SqsLongPolling::sendMessage(const QString& body)
{
    const auto sent = m_api->call(
        QStringLiteral("SendMessage"),
        QJsonObject{{QStringLiteral("QueueUrl"), m_url}, {QStringLiteral("MessageBody"), body}},
        QStringLiteral("AKIDEXAMPLE"));
    return sent.result.value(QStringLiteral("MessageId")).toString();
}

namespace {

QJsonObject finished(QNetworkReply* reply)
{
    if (!reply->isFinished())
        QSignalSpy(reply, &QNetworkReply::finished).wait(30000);
    reply->deleteLater();
    return QJsonDocument::fromJson(reply->readAll()).object();
}

} // namespace

void tst_SqsLongPolling::waitsForTheFirstMessage()
{
    QElapsedTimer clock;
    clock.start();
    QNetworkReply* reply =
        post("ReceiveMessage", QJsonObject{{QStringLiteral("QueueUrl"), m_url},
                                           {QStringLiteral("WaitTimeSeconds"), 10}});
    QString id;
    QTimer::singleShot(300, this, [&] { id = sendMessage(QStringLiteral("late order")); });
    const QJsonObject answer = finished(reply);
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    const QJsonArray messages = answer.value(QStringLiteral("Messages")).toArray();
    QCOMPARE(messages.size(), 1);
    QCOMPARE(messages.at(0)[QStringLiteral("Body")].toString(), QStringLiteral("late order"));
    QCOMPARE(messages.at(0)[QStringLiteral("MessageId")].toString(), id);
    QVERIFY2(clock.elapsed() >= 250, qPrintable(QString::number(clock.elapsed())));
    QVERIFY2(clock.elapsed() < 8000, qPrintable(QString::number(clock.elapsed()))); // not the wait
    QCOMPARE(m_queues->queue(QStringLiteral("orders"))->inFlightCount(), 1);
}

void tst_SqsLongPolling::endsEmptyWhenTheWaitIsOver()
{
    QElapsedTimer clock;
    clock.start();
    QNetworkReply* reply =
        post("ReceiveMessage", QJsonObject{{QStringLiteral("QueueUrl"), m_url},
                                           {QStringLiteral("WaitTimeSeconds"), 1}});
    const QJsonObject answer = finished(reply);
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    QVERIFY(!answer.contains(QStringLiteral("Messages")));
    QVERIFY2(clock.elapsed() >= 950, qPrintable(QString::number(clock.elapsed())));

    // Without WaitTimeSeconds (and the queue's default 0) the answer comes at once.
    clock.restart();
    finished(post("ReceiveMessage", QJsonObject{{QStringLiteral("QueueUrl"), m_url}}));
    QVERIFY2(clock.elapsed() < 900, qPrintable(QString::number(clock.elapsed())));
}

void tst_SqsLongPolling::queueAttributeSetsTheDefaultWait()
{
    const auto created = m_api->call(
        QStringLiteral("CreateQueue"),
        QJsonObject{
            {QStringLiteral("QueueName"), QStringLiteral("patient")},
            {QStringLiteral("Attributes"),
             QJsonObject{{QStringLiteral("ReceiveMessageWaitTimeSeconds"), QStringLiteral("1")}}}},
        {});
    QVERIFY2(created.errorCode.isEmpty(), qPrintable(created.errorMessage));
    const QString url = created.result.value(QStringLiteral("QueueUrl")).toString();
    const auto attributes = m_api->call(
        QStringLiteral("GetQueueAttributes"),
        QJsonObject{{QStringLiteral("QueueUrl"), url},
                    {QStringLiteral("AttributeNames"), QJsonArray{QStringLiteral("All")}}},
        {});
    QCOMPARE(
        attributes
            .result[QStringLiteral("Attributes")][QStringLiteral("ReceiveMessageWaitTimeSeconds")]
            .toString(),
        QStringLiteral("1"));
    QElapsedTimer clock;
    clock.start();
    finished(post("ReceiveMessage", QJsonObject{{QStringLiteral("QueueUrl"), url}}));
    QVERIFY2(clock.elapsed() >= 950, qPrintable(QString::number(clock.elapsed())));
    // WaitTimeSeconds 0 overrides the queue's wait.
    clock.restart();
    finished(post("ReceiveMessage", QJsonObject{{QStringLiteral("QueueUrl"), url},
                                                {QStringLiteral("WaitTimeSeconds"), 0}}));
    QVERIFY2(clock.elapsed() < 900, qPrintable(QString::number(clock.elapsed())));
}

void tst_SqsLongPolling::queryProtocolWaitsToo()
{
    QNetworkReply* reply = postForm("Action=ReceiveMessage&Version=2012-11-05&QueueUrl=" +
                                    QUrl::toPercentEncoding(m_url) + "&WaitTimeSeconds=10");
    QTimer::singleShot(200, this, [&] { sendMessage(QStringLiteral("by form")); });
    if (!reply->isFinished())
        QVERIFY(QSignalSpy(reply, &QNetworkReply::finished).wait(8000));
    const QByteArray xml = reply->readAll();
    reply->deleteLater();
    QVERIFY2(xml.contains("<Body>by form</Body>"), xml.constData());
}

void tst_SqsLongPolling::refusesWaitsSqsRefuses()
{
    QNetworkReply* reply =
        post("ReceiveMessage", QJsonObject{{QStringLiteral("QueueUrl"), m_url},
                                           {QStringLiteral("WaitTimeSeconds"), 21}});
    const QJsonObject answer = finished(reply);
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 400);
    QCOMPARE(answer.value(QStringLiteral("__type")).toString(),
             QStringLiteral("com.amazonaws.sqs#InvalidParameterValue"));
    QVERIFY(answer.value(QStringLiteral("message")).toString().contains(QStringLiteral("<= 20")));
    const auto created = m_api->call(
        QStringLiteral("CreateQueue"),
        QJsonObject{
            {QStringLiteral("QueueName"), QStringLiteral("impatient")},
            {QStringLiteral("Attributes"),
             QJsonObject{{QStringLiteral("ReceiveMessageWaitTimeSeconds"), QStringLiteral("-1")}}}},
        {});
    QCOMPARE(created.errorCode, QByteArray("InvalidAttributeValue"));
}

void tst_SqsLongPolling::aClientThatGaveUpReceivesNothing()
{
    QNetworkReply* reply =
        post("ReceiveMessage", QJsonObject{{QStringLiteral("QueueUrl"), m_url},
                                           {QStringLiteral("WaitTimeSeconds"), 10}});
    QTest::qWait(300); // the request reaches the server and waits there
    reply->abort();
    reply->deleteLater();
    QTest::qWait(300); // the server sees the connection close
    sendMessage(QStringLiteral("for someone still listening"));
    QTest::qWait(200);
    LocalQueue* queue = m_queues->queue(QStringLiteral("orders"));
    QCOMPARE(queue->inFlightCount(), 0);
    QCOMPARE(queue->visibleCount(), 1);
}

QTEST_MAIN(tst_SqsLongPolling)
#include "tst_SqsLongPolling.moc"
