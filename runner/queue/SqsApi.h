#pragma once
// The SQS API over the local queues, on `swb serve`'s port, so that the AWS CLI and SDKs work
// with --endpoint-url: both of SQS's wire protocols (AWS JSON 1.0 with X-Amz-Target, used by
// current SDKs, and the form-encoded query protocol with XML answers, used by older ones such
// as Debian 12's awscli) for SendMessage, SendMessageBatch, ReceiveMessage, DeleteMessage,
// DeleteMessageBatch, ChangeMessageVisibility, GetQueueUrl, GetQueueAttributes, ListQueues,
// CreateQueue and PurgeQueue, with SQS's error shapes. An empty ReceiveMessage with
// WaitTimeSeconds (or a queue's ReceiveMessageWaitTimeSeconds) waits for a message, as SQS's long
// polling does, instead of answering at once.

#include "http/HttpServer.h"

#include <QJsonObject>
#include <QObject>

namespace swb {

class QueueService;

class SqsApi : public QObject {
    Q_OBJECT
public:
    explicit SqsApi(QueueService& queues, QObject* parent = nullptr);

    // An SQS call: a POST with an X-Amz-Target of AmazonSQS.*, or a form with Action= and
    // Version=2012-11-05.
    static bool handles(const http::HttpRequest& request);
    void handle(http::HttpRequest&& request, http::HttpResponder&& responder);

    // One call in the JSON protocol's shape (the query protocol's form is converted to it):
    // the result object, or an error whose detail is SQS's error code.
    struct Answer {
        QJsonObject result;
        QByteArray errorCode; // "QueueDoesNotExist", ...; empty on success
        QString errorMessage;
    };
    Answer call(const QString& action, const QJsonObject& input, const QString& senderId);

    // The query protocol's parameters (MessageAttribute.1.Name=...) in the JSON protocol's shape.
    static QJsonObject queryToJson(const QList<QPair<QString, QString>>& form);

private:
    Answer sendMessage(const QJsonObject& input, const QString& senderId);
    Answer sendMessageBatch(const QJsonObject& input, const QString& senderId);
    Answer receiveMessage(const QJsonObject& input);

    QueueService& m_queues;
};

} // namespace swb
