#pragma once
// A small SQS client (AWS JSON 1.0 protocol) for talking to a running `swb serve`: what
// `swb queue send|list|receive` use. No request signing: the local SQS does not check it.

#include "Error.h"

#include <QJsonObject>
#include <QObject>
#include <QUrl>

#include <functional>

class QNetworkAccessManager;

namespace swb {

class SqsClient : public QObject {
    Q_OBJECT
public:
    using Done = std::function<void(Result<QJsonObject>)>;

    SqsClient(QNetworkAccessManager& network, QUrl endpoint, QObject* parent = nullptr);

    // One call ("SendMessage", {"QueueUrl": ...}); `done` gets the result, or an error that
    // names SQS's error code, or says that nothing answers at the endpoint.
    void call(const QString& action, const QJsonObject& input, Done done);
    // GetQueueUrl, then `action` with the URL in "QueueUrl".
    void callOnQueue(const QString& queueName, const QString& action, QJsonObject input, Done done);

private:
    QNetworkAccessManager& m_network;
    QUrl m_endpoint;
};

} // namespace swb
