#include "SqsClient.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace swb {

SqsClient::SqsClient(QNetworkAccessManager& network, QUrl endpoint, QObject* parent)
    : QObject(parent), m_network(network), m_endpoint(std::move(endpoint))
{}

void SqsClient::call(const QString& action, const QJsonObject& input, Done done)
{
    QNetworkRequest request(m_endpoint.resolved(QUrl(QStringLiteral("/"))));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/x-amz-json-1.0"));
    request.setRawHeader("X-Amz-Target", "AmazonSQS." + action.toLatin1());
    request.setTransferTimeout(60 * 1000);
    QNetworkReply* reply =
        m_network.post(request, QJsonDocument(input).toJson(QJsonDocument::Compact));
    const QString endpoint = m_endpoint.toString();
    connect(reply, &QNetworkReply::finished, this, [reply, done, action, endpoint] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray body = reply->readAll();
        if (status == 0) {
            done(fail(ErrorCode::Network,
                      QStringLiteral("Nothing answers at %1 (%2); start the local SQS with "
                                     "`swb serve --workspace DIR` or give its address with "
                                     "--endpoint.")
                          .arg(endpoint, reply->errorString())));
            return;
        }
        const QJsonObject object = QJsonDocument::fromJson(body).object();
        if (status != 200) {
            QString type = object.value(QStringLiteral("__type")).toString();
            type = type.section(QLatin1Char('#'), -1);
            if (type.isEmpty()) // not the local SQS: perhaps another server on that port
                done(fail(ErrorCode::Network,
                          QStringLiteral("%1 answered %2 to %3 without an SQS error; is it a "
                                         "`swb serve`?")
                              .arg(endpoint)
                              .arg(status)
                              .arg(action)));
            else
                done(fail(ErrorCode::Remote,
                          QStringLiteral("%1: %2").arg(
                              type, object.value(QStringLiteral("message")).toString())));
            return;
        }
        done(object);
    });
}

void SqsClient::callOnQueue(const QString& queueName, const QString& action, QJsonObject input,
                            Done done)
{
    call(QStringLiteral("GetQueueUrl"), QJsonObject{{QStringLiteral("QueueName"), queueName}},
         [this, action, input, done](Result<QJsonObject> url) mutable {
             if (!url) {
                 done(std::unexpected(url.error()));
                 return;
             }
             input.insert(QStringLiteral("QueueUrl"), url->value(QStringLiteral("QueueUrl")));
             call(action, input, done);
         });
}

} // namespace swb
