#include "SqsApi.h"

#include "LocalQueue.h"
#include "QueueService.h"
#include "model/TriggerSpec.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>
#include <QRegularExpression>
#include <QSet>
#include <QTimer>
#include <QUrl>
#include <QUuid>

#include <memory>

namespace swb {

using http::HttpRequest;
using http::HttpResponder;
using http::HttpResponse;

namespace {

constexpr const char* kXmlNamespace = "http://queue.amazonaws.com/doc/2012-11-05/";
constexpr int kMaxBatchEntries = 10;

SqsApi::Answer error(const char* code, const QString& message)
{
    return SqsApi::Answer{{}, QByteArray(code), message};
}

// The query protocol's code for an error the JSON protocol names `code`.
QByteArray queryErrorCode(const QByteArray& code)
{
    static const QSet<QByteArray> prefixed = {
        "UnsupportedOperation",     "TooManyEntriesInBatchRequest", "EmptyBatchRequest",
        "BatchEntryIdsNotDistinct", "BatchRequestTooLong",          "InvalidBatchEntryId",
        "MessageNotInflight"};
    if (code == "QueueDoesNotExist")
        return "AWS.SimpleQueueService.NonExistentQueue";
    if (prefixed.contains(code))
        return "AWS.SimpleQueueService." + code;
    return code;
}

// A number given as a JSON number (JSON protocol) or as text (query protocol).
std::optional<qint64> integerValue(const QJsonValue& v)
{
    if (v.isDouble())
        return qint64(v.toDouble());
    if (v.isString()) {
        bool ok = false;
        const qint64 n = v.toString().toLongLong(&ok);
        if (ok)
            return n;
    }
    return std::nullopt;
}

QString xmlEscaped(const QString& text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        switch (c.unicode()) {
        case '&':
            out += QLatin1String("&amp;");
            break;
        case '<':
            out += QLatin1String("&lt;");
            break;
        case '>':
            out += QLatin1String("&gt;");
            break;
        case '\r': // kept through XML's line-end normalisation
            out += QLatin1String("&#xD;");
            break;
        default:
            out += c;
        }
    }
    return out;
}

void appendXml(QString& out, const QString& name, const QJsonValue& value, const QString& action)
{
    const auto element = [&out](const QString& tag, const QString& inner) {
        out += QLatin1Char('<') + tag + QLatin1Char('>') + inner + QLatin1String("</") + tag +
               QLatin1Char('>');
    };
    if (name == QLatin1String("Attributes") && value.isObject()) {
        const QJsonObject o = value.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            element(QStringLiteral("Attribute"),
                    QStringLiteral("<Name>%1</Name><Value>%2</Value>")
                        .arg(xmlEscaped(it.key()), xmlEscaped(it.value().toString())));
        return;
    }
    if (name == QLatin1String("MessageAttributes") && value.isObject()) {
        const QJsonObject o = value.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            QString inner;
            appendXml(inner, QStringLiteral("Value"), it.value(), action);
            element(QStringLiteral("MessageAttribute"),
                    QStringLiteral("<Name>%1</Name>").arg(xmlEscaped(it.key())) + inner);
        }
        return;
    }
    if (value.isArray()) {
        // SQS's lists are flattened: one element per item, named after the item.
        QString item = name;
        if (name == QLatin1String("Messages"))
            item = QStringLiteral("Message");
        else if (name == QLatin1String("QueueUrls"))
            item = QStringLiteral("QueueUrl");
        else if (name == QLatin1String("Successful"))
            item = action + QLatin1String("ResultEntry");
        else if (name == QLatin1String("Failed"))
            item = QStringLiteral("BatchResultErrorEntry");
        for (const QJsonValue& v : value.toArray())
            appendXml(out, item, v, action);
        return;
    }
    if (value.isObject()) {
        QString inner;
        const QJsonObject o = value.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            appendXml(inner, it.key(), it.value(), action);
        element(name, inner);
        return;
    }
    if (value.isBool())
        element(name, value.toBool() ? QStringLiteral("true") : QStringLiteral("false"));
    else if (value.isDouble())
        element(name, QString::number(qint64(value.toDouble())));
    else
        element(name, xmlEscaped(value.toString()));
}

// The request's access key id (the SenderId SQS reports), from its SigV4 Authorization.
QString senderIdOf(const HttpRequest& request)
{
    static const QRegularExpression credential(QStringLiteral("Credential=([A-Z0-9]{4,128})/"));
    const auto match = credential.match(QString::fromLatin1(request.header("Authorization")));
    return match.hasMatch() ? match.captured(1) : QStringLiteral("AIDASWBLOCALSENDER");
}

Result<SqsMessageAttributes> messageAttributes(const QJsonValue& value)
{
    SqsMessageAttributes out;
    const QJsonObject o = value.toObject();
    for (auto it = o.begin(); it != o.end(); ++it) {
        const QJsonObject a = it.value().toObject();
        SqsMessageAttribute attribute;
        attribute.dataType = a.value(QStringLiteral("DataType")).toString();
        attribute.stringValue = a.value(QStringLiteral("StringValue")).toString();
        if (a.contains(QStringLiteral("BinaryValue"))) {
            const auto decoded = QByteArray::fromBase64Encoding(
                a.value(QStringLiteral("BinaryValue")).toString().toLatin1(),
                QByteArray::AbortOnBase64DecodingErrors);
            if (!decoded)
                return std::unexpected(
                    Error{ErrorCode::Validation,
                          QStringLiteral("The binary value of message attribute '%1' is not "
                                         "base64.")
                              .arg(it.key()),
                          QStringLiteral("InvalidParameterValue"),
                          {}});
            attribute.binaryValue = *decoded;
        }
        out.insert(it.key(), attribute);
    }
    return out;
}

QJsonObject attributeJson(const SqsMessageAttribute& a)
{
    QJsonObject o{{QStringLiteral("DataType"), a.dataType}};
    if (a.isBinary())
        o.insert(QStringLiteral("BinaryValue"), QString::fromLatin1(a.binaryValue.toBase64()));
    else
        o.insert(QStringLiteral("StringValue"), a.stringValue);
    return o;
}

QStringList stringList(const QJsonValue& v)
{
    QStringList out;
    for (const QJsonValue& item : v.toArray())
        out << item.toString();
    return out;
}

// Whether a name passes ReceiveMessage's MessageAttributeNames ("All", ".*", "name", "pre.*").
bool attributeRequested(const QStringList& requested, const QString& name)
{
    for (const QString& r : requested) {
        if (r == QLatin1String("All") || r == QLatin1String(".*") || r == name)
            return true;
        if (r.endsWith(QLatin1String(".*")) && name.startsWith(r.chopped(1)))
            return true;
    }
    return false;
}

} // namespace

SqsApi::SqsApi(QueueService& queues, QObject* parent) : QObject(parent), m_queues(queues) {}

bool SqsApi::handles(const HttpRequest& request)
{
    if (request.method != "POST")
        return false;
    if (request.header("X-Amz-Target").startsWith("AmazonSQS."))
        return true;
    return request.header("Content-Type").startsWith("application/x-www-form-urlencoded") &&
           (request.body.startsWith("Action=") || request.body.contains("&Action=")) &&
           request.body.contains("Version=2012-11-05");
}

QJsonObject SqsApi::queryToJson(const QList<QPair<QString, QString>>& form)
{
    // Group "Head.N.Rest" keys by head and index; plain keys are scalars.
    QJsonObject out;
    QMap<QString, QMap<int, QList<QPair<QString, QString>>>> groups;
    for (const auto& [key, value] : form) {
        const QStringList parts = key.split(QLatin1Char('.'));
        bool numeric = false;
        const int index = parts.size() >= 2 ? parts.at(1).toInt(&numeric) : 0;
        if (!numeric) {
            out.insert(key, value);
            continue;
        }
        groups[parts.at(0)][index].append({parts.mid(2).join(QLatin1Char('.')), value});
    }
    for (auto g = groups.begin(); g != groups.end(); ++g) {
        const QString& head = g.key();
        if (head == QLatin1String("MessageAttribute") || head == QLatin1String("Attribute")) {
            QJsonObject map;
            for (const auto& fields : g.value()) {
                QString name;
                QList<QPair<QString, QString>> valueFields;
                QString plainValue;
                for (const auto& [k, v] : fields) {
                    if (k == QLatin1String("Name"))
                        name = v;
                    else if (k == QLatin1String("Value"))
                        plainValue = v;
                    else if (k.startsWith(QLatin1String("Value.")))
                        valueFields.append({k.mid(6), v});
                }
                if (head == QLatin1String("Attribute"))
                    map.insert(name, plainValue);
                else
                    map.insert(name, queryToJson(valueFields));
            }
            out.insert(head + QLatin1Char('s'), map);
        } else if (head.endsWith(QLatin1String("Entry"))) {
            QJsonArray entries;
            for (const auto& fields : g.value())
                entries.append(queryToJson(fields));
            out.insert(QStringLiteral("Entries"), entries);
        } else {
            QJsonArray items; // AttributeName.1, MessageAttributeName.1, ...
            for (const auto& fields : g.value()) {
                for (const auto& field : fields)
                    items.append(field.second);
            }
            out.insert(head + QLatin1Char('s'), items);
        }
    }
    return out;
}

namespace {

HttpResponse jsonResponse(const SqsApi::Answer& answer, const QByteArray& requestId)
{
    HttpResponse r;
    if (answer.errorCode.isEmpty()) {
        r.status = 200;
        r.body = QJsonDocument(answer.result).toJson(QJsonDocument::Compact);
    } else {
        r.status = 400;
        r.body = QJsonDocument(QJsonObject{{QStringLiteral("__type"),
                                            QStringLiteral("com.amazonaws.sqs#") +
                                                QString::fromLatin1(answer.errorCode)},
                                           {QStringLiteral("message"), answer.errorMessage}})
                     .toJson(QJsonDocument::Compact);
        r.addHeader("x-amzn-query-error", queryErrorCode(answer.errorCode) + ";Sender");
    }
    r.addHeader("Content-Type", "application/x-amz-json-1.0");
    r.addHeader("x-amzn-RequestId", requestId);
    return r;
}

HttpResponse queryResponse(const SqsApi::Answer& answer, const QString& action,
                           const QByteArray& requestId)
{
    HttpResponse r;
    if (answer.errorCode.isEmpty()) {
        QString inner;
        for (auto it = answer.result.begin(); it != answer.result.end(); ++it)
            appendXml(inner, it.key(), it.value(), action);
        QString xml = QStringLiteral("<?xml version=\"1.0\"?><%1Response xmlns=\"%2\">")
                          .arg(action, QLatin1String(kXmlNamespace));
        if (!answer.result.isEmpty())
            xml += QStringLiteral("<%1Result>%2</%1Result>").arg(action, inner);
        xml += QStringLiteral("<ResponseMetadata><RequestId>%1</RequestId></ResponseMetadata>"
                              "</%2Response>")
                   .arg(QString::fromLatin1(requestId), action);
        r.status = 200;
        r.body = xml.toUtf8();
    } else {
        r.status = 400;
        r.body = QStringLiteral("<?xml version=\"1.0\"?><ErrorResponse xmlns=\"%1\"><Error>"
                                "<Type>Sender</Type><Code>%2</Code><Message>%3</Message>"
                                "<Detail/></Error><RequestId>%4</RequestId></ErrorResponse>")
                     .arg(QLatin1String(kXmlNamespace),
                          QString::fromLatin1(queryErrorCode(answer.errorCode)),
                          xmlEscaped(answer.errorMessage), QString::fromLatin1(requestId))
                     .toUtf8();
    }
    r.addHeader("Content-Type", "text/xml");
    r.addHeader("x-amzn-RequestId", requestId);
    return r;
}

// The answer to one request, in the protocol it came in.
struct Reply {
    bool json = true;
    QString action;
    QByteArray requestId;
    std::shared_ptr<HttpResponder> responder;

    void operator()(const SqsApi::Answer& answer) const
    {
        responder->respond(json ? jsonResponse(answer, requestId)
                                : queryResponse(answer, action, requestId));
    }
    bool clientWaiting() const { return responder->isConnected(); }
};

// How long an empty ReceiveMessage waits: its WaitTimeSeconds (checked by receiveMessage), else
// the queue's ReceiveMessageWaitTimeSeconds.
qint64 longPollMs(const QJsonObject& input, const LocalQueue& queue)
{
    if (input.contains(QStringLiteral("WaitTimeSeconds")))
        return integerValue(input.value(QStringLiteral("WaitTimeSeconds"))).value_or(0) * 1000;
    return queue.receiveWaitMs();
}

// One waiting ReceiveMessage: answered with the first messages that become visible, or empty
// when the wait is over. A client that went away receives nothing, so no message is hidden for a
// consumer that is not there.
void waitForMessages(SqsApi& api, LocalQueue& queue, const QJsonObject& input,
                     const QString& senderId, qint64 waitMs, const Reply& reply)
{
    auto* waiting = new QObject(&api);
    auto* timer = new QTimer(waiting);
    timer->setSingleShot(true);
    const auto attempt = [&api, waiting, input, senderId, reply](bool timedOut) {
        if (!reply.clientWaiting()) {
            waiting->deleteLater();
            return;
        }
        const SqsApi::Answer answer = api.call(QStringLiteral("ReceiveMessage"), input, senderId);
        if (answer.result.isEmpty() && answer.errorCode.isEmpty() && !timedOut)
            return; // a trigger or another consumer took them first: wait on
        reply(answer);
        waiting->deleteLater();
    };
    // Queued: a SendMessage that wakes this finishes answering first.
    QObject::connect(
        &queue, &LocalQueue::messagesAvailable, waiting, [attempt] { attempt(false); },
        Qt::QueuedConnection);
    QObject::connect(timer, &QTimer::timeout, waiting, [attempt] { attempt(true); });
    timer->start(int(waitMs));
}

} // namespace

void SqsApi::handle(HttpRequest&& request, HttpResponder&& responder)
{
    const QByteArray requestId = QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
    const QString senderId = senderIdOf(request);
    const QByteArray target = request.header("X-Amz-Target");
    QString action;
    QJsonObject input;
    Answer answer;
    const bool json = target.startsWith("AmazonSQS.");
    if (json) {
        action = QString::fromLatin1(target.mid(10));
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(
            request.body.isEmpty() ? QByteArray("{}") : request.body, &parseError);
        if (doc.isObject())
            input = doc.object();
        else
            answer = error("InvalidParameterValue",
                           QStringLiteral("The request body is not a JSON object."));
    } else {
        // The query protocol: a form, answered in XML.
        QList<QPair<QString, QString>> form;
        for (const QByteArray& pair : request.body.split('&')) {
            if (pair.isEmpty())
                continue;
            const qsizetype eq = pair.indexOf('=');
            const auto decode = [](QByteArray s) {
                return QUrl::fromPercentEncoding(s.replace('+', ' '));
            };
            form.append({decode(eq < 0 ? pair : pair.left(eq)),
                         eq < 0 ? QString() : decode(pair.mid(eq + 1))});
        }
        input = queryToJson(form);
        action = input.take(QStringLiteral("Action")).toString();
        input.remove(QStringLiteral("Version"));
        // Older SDKs post to the queue's URL instead of naming it.
        if (!input.contains(QStringLiteral("QueueUrl")) && request.path.count('/') == 2 &&
            request.path != "/")
            input.insert(QStringLiteral("QueueUrl"), QString::fromUtf8(request.path));
    }
    const Reply reply{json, action, requestId,
                      std::make_shared<HttpResponder>(std::move(responder))};
    if (!answer.errorCode.isEmpty()) {
        reply(answer);
        return;
    }
    answer = call(action, input, senderId);
    // Long polling: an empty ReceiveMessage with WaitTimeSeconds (or the queue's
    // ReceiveMessageWaitTimeSeconds) waits for a message, as SQS does.
    if (action == QLatin1String("ReceiveMessage") && answer.errorCode.isEmpty() &&
        answer.result.isEmpty()) {
        LocalQueue* queue = m_queues.find(input.value(QStringLiteral("QueueUrl")).toString());
        if (const qint64 waitMs = longPollMs(input, *queue); waitMs > 0) {
            waitForMessages(*this, *queue, input, senderId, waitMs, reply);
            return;
        }
    }
    reply(answer);
}

SqsApi::Answer SqsApi::call(const QString& action, const QJsonObject& input,
                            const QString& senderId)
{
    static const QStringList actions = {
        QStringLiteral("SendMessage"),        QStringLiteral("SendMessageBatch"),
        QStringLiteral("ReceiveMessage"),     QStringLiteral("DeleteMessage"),
        QStringLiteral("DeleteMessageBatch"), QStringLiteral("ChangeMessageVisibility"),
        QStringLiteral("GetQueueUrl"),        QStringLiteral("GetQueueAttributes"),
        QStringLiteral("ListQueues"),         QStringLiteral("CreateQueue"),
        QStringLiteral("PurgeQueue")};
    if (!actions.contains(action))
        return error("InvalidAction",
                     QStringLiteral("The action %1 is not valid for this endpoint; the local SQS "
                                    "serves %2.")
                         .arg(action.left(64), actions.join(QStringLiteral(", "))));

    if (action == QLatin1String("ListQueues")) {
        const QString prefix = input.value(QStringLiteral("QueueNamePrefix")).toString();
        QJsonArray urls;
        for (const LocalQueue* q : m_queues.queues()) {
            if (q->name().startsWith(prefix))
                urls.append(m_queues.queueUrl(q->name()));
        }
        return Answer{urls.isEmpty() ? QJsonObject()
                                     : QJsonObject{{QStringLiteral("QueueUrls"), urls}},
                      {},
                      {}};
    }
    if (action == QLatin1String("GetQueueUrl") || action == QLatin1String("CreateQueue")) {
        const QString name = input.value(QStringLiteral("QueueName")).toString();
        if (name.isEmpty())
            return error("MissingParameter",
                         QStringLiteral("The request must contain the parameter QueueName."));
        if (action == QLatin1String("CreateQueue")) {
            if (const QString problem = sqsQueueNameProblem(name); !problem.isEmpty())
                return error("InvalidParameterValue", problem);
            LocalQueue* q = m_queues.create(name);
            const QJsonObject attributes = input.value(QStringLiteral("Attributes")).toObject();
            if (attributes.contains(QStringLiteral("VisibilityTimeout"))) {
                const auto seconds =
                    integerValue(attributes.value(QStringLiteral("VisibilityTimeout")));
                if (!seconds || *seconds < 0 || *seconds > 43200)
                    return error("InvalidAttributeValue",
                                 QStringLiteral("Invalid value for the parameter "
                                                "VisibilityTimeout; allowed: 0 to 43200."));
                q->setVisibilityTimeoutMs(*seconds * 1000);
            }
            if (attributes.contains(QStringLiteral("ReceiveMessageWaitTimeSeconds"))) {
                const auto seconds =
                    integerValue(attributes.value(QStringLiteral("ReceiveMessageWaitTimeSeconds")));
                if (!seconds || *seconds < 0 || *seconds > 20)
                    return error("InvalidAttributeValue",
                                 QStringLiteral("Invalid value for the parameter "
                                                "ReceiveMessageWaitTimeSeconds; allowed: 0 to "
                                                "20."));
                q->setReceiveWaitMs(*seconds * 1000);
            }
        } else if (!m_queues.queue(name)) {
            return error("QueueDoesNotExist",
                         QStringLiteral("The specified queue %1 does not exist; the local queues "
                                        "are the ones the workspace's queue triggers, "
                                        "dead-letter queues and queue destinations name (%2), "
                                        "and those made by CreateQueue.")
                             .arg(name, [this] {
                                 QStringList names;
                                 for (const LocalQueue* q : m_queues.queues())
                                     names << q->name();
                                 return names.isEmpty() ? QStringLiteral("none")
                                                        : names.join(QStringLiteral(", "));
                             }()));
        }
        return Answer{QJsonObject{{QStringLiteral("QueueUrl"), m_queues.queueUrl(name)}}, {}, {}};
    }

    const QString url = input.value(QStringLiteral("QueueUrl")).toString();
    if (url.isEmpty())
        return error("MissingParameter",
                     QStringLiteral("The request must contain the parameter QueueUrl."));
    LocalQueue* queue = m_queues.find(url);
    if (!queue)
        return error("QueueDoesNotExist",
                     QStringLiteral("The specified queue does not exist: %1 (list the local "
                                    "queues with ListQueues or swb queue list).")
                         .arg(url.left(200)));

    if (action == QLatin1String("SendMessage"))
        return sendMessage(input, senderId);
    if (action == QLatin1String("SendMessageBatch"))
        return sendMessageBatch(input, senderId);
    if (action == QLatin1String("ReceiveMessage"))
        return receiveMessage(input);
    if (action == QLatin1String("DeleteMessage")) {
        if (auto deleted =
                queue->deleteMessage(input.value(QStringLiteral("ReceiptHandle")).toString());
            !deleted)
            return error(deleted.error().detail.toLatin1().constData(), deleted.error().message);
        return {};
    }
    if (action == QLatin1String("DeleteMessageBatch")) {
        const QJsonArray entries = input.value(QStringLiteral("Entries")).toArray();
        if (entries.isEmpty())
            return error(
                "EmptyBatchRequest",
                QStringLiteral("There should be at least one DeleteMessageBatchRequestEntry "
                               "in the request."));
        if (entries.size() > kMaxBatchEntries)
            return error("TooManyEntriesInBatchRequest",
                         QStringLiteral("Maximum number of entries per request are 10. You have "
                                        "sent %1.")
                             .arg(entries.size()));
        QJsonArray successful, failed;
        for (const QJsonValue& v : entries) {
            const QJsonObject e = v.toObject();
            const QString id = e.value(QStringLiteral("Id")).toString();
            if (auto deleted =
                    queue->deleteMessage(e.value(QStringLiteral("ReceiptHandle")).toString()))
                successful.append(QJsonObject{{QStringLiteral("Id"), id}});
            else
                failed.append(QJsonObject{{QStringLiteral("Id"), id},
                                          {QStringLiteral("SenderFault"), true},
                                          {QStringLiteral("Code"), deleted.error().detail},
                                          {QStringLiteral("Message"), deleted.error().message}});
        }
        QJsonObject result{{QStringLiteral("Successful"), successful}};
        if (!failed.isEmpty())
            result.insert(QStringLiteral("Failed"), failed);
        return Answer{result, {}, {}};
    }
    if (action == QLatin1String("ChangeMessageVisibility")) {
        const auto seconds = integerValue(input.value(QStringLiteral("VisibilityTimeout")));
        if (!seconds || *seconds < 0 || *seconds > 43200)
            return error("InvalidParameterValue",
                         QStringLiteral("VisibilityTimeout must be 0 to 43200 seconds."));
        if (auto changed = queue->changeVisibility(
                input.value(QStringLiteral("ReceiptHandle")).toString(), *seconds * 1000);
            !changed)
            return error(changed.error().detail.toLatin1().constData(), changed.error().message);
        return {};
    }
    if (action == QLatin1String("PurgeQueue")) {
        queue->purge();
        return {};
    }
    // GetQueueAttributes
    const QJsonObject all{
        {QStringLiteral("QueueArn"), queue->arn()},
        {QStringLiteral("ApproximateNumberOfMessages"), QString::number(queue->visibleCount())},
        {QStringLiteral("ApproximateNumberOfMessagesNotVisible"),
         QString::number(queue->inFlightCount())},
        {QStringLiteral("ApproximateNumberOfMessagesDelayed"),
         QString::number(queue->delayedCount())},
        {QStringLiteral("CreatedTimestamp"), QString::number(queue->createdTimestampMs() / 1000)},
        {QStringLiteral("LastModifiedTimestamp"),
         QString::number(queue->createdTimestampMs() / 1000)},
        {QStringLiteral("VisibilityTimeout"), QString::number(queue->visibilityTimeoutMs() / 1000)},
        {QStringLiteral("MaximumMessageSize"), QStringLiteral("262144")},
        {QStringLiteral("MessageRetentionPeriod"), QStringLiteral("345600")},
        {QStringLiteral("DelaySeconds"), QStringLiteral("0")},
        {QStringLiteral("ReceiveMessageWaitTimeSeconds"),
         QString::number(queue->receiveWaitMs() / 1000)},
    };
    QJsonObject withRedrive = all;
    if (queue->deadLetterQueue())
        withRedrive.insert(
            QStringLiteral("RedrivePolicy"),
            QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("deadLetterTargetArn"),
                                                         queue->deadLetterQueue()->arn()},
                                                        {QStringLiteral("maxReceiveCount"),
                                                         queue->maxReceiveCount()}})
                                  .toJson(QJsonDocument::Compact)));
    const QStringList names = stringList(input.value(QStringLiteral("AttributeNames")));
    QJsonObject attributes;
    for (const QString& n : names) {
        if (n == QLatin1String("All")) {
            attributes = withRedrive;
            break;
        }
        if (n == QLatin1String("RedrivePolicy")) {
            if (withRedrive.contains(n))
                attributes.insert(n, withRedrive.value(n));
            continue;
        }
        if (!all.contains(n))
            return error("InvalidAttributeName", QStringLiteral("Unknown Attribute %1.").arg(n));
        attributes.insert(n, all.value(n));
    }
    return Answer{attributes.isEmpty() ? QJsonObject()
                                       : QJsonObject{{QStringLiteral("Attributes"), attributes}},
                  {},
                  {}};
}

SqsApi::Answer SqsApi::sendMessage(const QJsonObject& input, const QString& senderId)
{
    LocalQueue* queue = m_queues.find(input.value(QStringLiteral("QueueUrl")).toString());
    auto attributes = messageAttributes(input.value(QStringLiteral("MessageAttributes")));
    if (!attributes)
        return error("InvalidParameterValue", attributes.error().message);
    const auto delay = input.contains(QStringLiteral("DelaySeconds"))
                           ? integerValue(input.value(QStringLiteral("DelaySeconds")))
                           : std::optional<qint64>(0);
    if (!delay)
        return error("InvalidParameterValue",
                     QStringLiteral("DelaySeconds must be a whole number of seconds, 0 to 900."));
    const auto sent = queue->send(input.value(QStringLiteral("MessageBody")).toString(),
                                  *attributes, senderId, *delay * 1000);
    if (!sent)
        return error(sent.error().detail.toLatin1().constData(), sent.error().message);
    QJsonObject result{{QStringLiteral("MessageId"), sent->messageId},
                       {QStringLiteral("MD5OfMessageBody"), sqsMd5OfBody(sent->body)}};
    if (!sent->messageAttributes.isEmpty())
        result.insert(QStringLiteral("MD5OfMessageAttributes"),
                      sqsMd5OfMessageAttributes(sent->messageAttributes));
    return Answer{result, {}, {}};
}

SqsApi::Answer SqsApi::sendMessageBatch(const QJsonObject& input, const QString& senderId)
{
    const QJsonArray entries = input.value(QStringLiteral("Entries")).toArray();
    if (entries.isEmpty())
        return error("EmptyBatchRequest",
                     QStringLiteral("There should be at least one SendMessageBatchRequestEntry in "
                                    "the request."));
    if (entries.size() > kMaxBatchEntries)
        return error("TooManyEntriesInBatchRequest",
                     QStringLiteral("Maximum number of entries per request are 10. You have sent "
                                    "%1.")
                         .arg(entries.size()));
    static const QRegularExpression idPattern(QStringLiteral("^[A-Za-z0-9_-]{1,80}$"));
    QSet<QString> ids;
    qsizetype totalBytes = 0;
    for (const QJsonValue& v : entries) {
        const QString id = v.toObject().value(QStringLiteral("Id")).toString();
        if (!idPattern.match(id).hasMatch())
            return error("InvalidBatchEntryId",
                         QStringLiteral("A batch entry id can only contain alphanumeric "
                                        "characters, hyphens and underscores. It can be at most "
                                        "80 letters long."));
        if (ids.contains(id))
            return error("BatchEntryIdsNotDistinct", QStringLiteral("Id %1 repeated.").arg(id));
        ids.insert(id);
        totalBytes += v.toObject().value(QStringLiteral("MessageBody")).toString().toUtf8().size();
    }
    if (totalBytes > 256 * 1024)
        return error("BatchRequestTooLong",
                     QStringLiteral("Batch requested message too long; the bodies total %1 bytes, "
                                    "at most 262144 are allowed.")
                         .arg(totalBytes));
    QJsonArray successful, failed;
    for (const QJsonValue& v : entries) {
        QJsonObject e = v.toObject();
        e.insert(QStringLiteral("QueueUrl"), input.value(QStringLiteral("QueueUrl")));
        const Answer one = sendMessage(e, senderId);
        const QString id = e.value(QStringLiteral("Id")).toString();
        if (one.errorCode.isEmpty()) {
            QJsonObject entry = one.result;
            entry.insert(QStringLiteral("Id"), id);
            successful.append(entry);
        } else {
            failed.append(QJsonObject{{QStringLiteral("Id"), id},
                                      {QStringLiteral("SenderFault"), true},
                                      {QStringLiteral("Code"), QString::fromLatin1(one.errorCode)},
                                      {QStringLiteral("Message"), one.errorMessage}});
        }
    }
    QJsonObject result{{QStringLiteral("Successful"), successful}};
    if (!failed.isEmpty())
        result.insert(QStringLiteral("Failed"), failed);
    return Answer{result, {}, {}};
}

SqsApi::Answer SqsApi::receiveMessage(const QJsonObject& input)
{
    LocalQueue* queue = m_queues.find(input.value(QStringLiteral("QueueUrl")).toString());
    const auto max = input.contains(QStringLiteral("MaxNumberOfMessages"))
                         ? integerValue(input.value(QStringLiteral("MaxNumberOfMessages")))
                         : std::optional<qint64>(1);
    if (!max || *max < 1 || *max > 10)
        return error("InvalidParameterValue",
                     QStringLiteral("Value for parameter MaxNumberOfMessages is invalid. Reason: "
                                    "Must be between 1 and 10."));
    qint64 visibilityMs = -1;
    if (input.contains(QStringLiteral("VisibilityTimeout"))) {
        const auto seconds = integerValue(input.value(QStringLiteral("VisibilityTimeout")));
        if (!seconds || *seconds < 0 || *seconds > 43200)
            return error("InvalidParameterValue",
                         QStringLiteral("VisibilityTimeout must be 0 to 43200 seconds."));
        visibilityMs = *seconds * 1000;
    }
    if (input.contains(QStringLiteral("WaitTimeSeconds"))) {
        const auto seconds = integerValue(input.value(QStringLiteral("WaitTimeSeconds")));
        if (!seconds || *seconds < 0 || *seconds > 20)
            return error("InvalidParameterValue",
                         QStringLiteral("Value %1 for parameter WaitTimeSeconds is invalid. "
                                        "Reason: Must be >= 0 and <= 20, if provided.")
                             .arg(input.value(QStringLiteral("WaitTimeSeconds"))
                                      .toVariant()
                                      .toString()
                                      .left(32)));
    }
    const QStringList systemNames =
        stringList(input.value(QStringLiteral("AttributeNames"))) +
        stringList(input.value(QStringLiteral("MessageSystemAttributeNames")));
    const QStringList attributeNames =
        stringList(input.value(QStringLiteral("MessageAttributeNames")));
    QJsonArray messages;
    for (const SqsMessage& m : queue->receive(int(*max), visibilityMs)) {
        QJsonObject o{{QStringLiteral("MessageId"), m.messageId},
                      {QStringLiteral("ReceiptHandle"), m.receiptHandle},
                      {QStringLiteral("MD5OfBody"), sqsMd5OfBody(m.body)},
                      {QStringLiteral("Body"), m.body}};
        const QJsonObject system{
            {QStringLiteral("SenderId"), m.senderId},
            {QStringLiteral("SentTimestamp"), QString::number(m.sentTimestampMs)},
            {QStringLiteral("ApproximateReceiveCount"), QString::number(m.receiveCount)},
            {QStringLiteral("ApproximateFirstReceiveTimestamp"),
             QString::number(m.firstReceiveTimestampMs)}};
        QJsonObject attributes;
        for (auto it = system.begin(); it != system.end(); ++it) {
            if (systemNames.contains(QLatin1String("All")) || systemNames.contains(it.key()))
                attributes.insert(it.key(), it.value());
        }
        if (!m.deadLetterSourceArn.isEmpty() &&
            (systemNames.contains(QLatin1String("All")) ||
             systemNames.contains(QLatin1String("DeadLetterQueueSourceArn"))))
            attributes.insert(QStringLiteral("DeadLetterQueueSourceArn"), m.deadLetterSourceArn);
        if (!attributes.isEmpty())
            o.insert(QStringLiteral("Attributes"), attributes);
        SqsMessageAttributes returned;
        for (auto it = m.messageAttributes.begin(); it != m.messageAttributes.end(); ++it) {
            if (attributeRequested(attributeNames, it.key()))
                returned.insert(it.key(), it.value());
        }
        if (!returned.isEmpty()) {
            QJsonObject a;
            for (auto it = returned.begin(); it != returned.end(); ++it)
                a.insert(it.key(), attributeJson(it.value()));
            o.insert(QStringLiteral("MD5OfMessageAttributes"), sqsMd5OfMessageAttributes(returned));
            o.insert(QStringLiteral("MessageAttributes"), a);
        }
        messages.append(o);
    }
    return Answer{messages.isEmpty() ? QJsonObject()
                                     : QJsonObject{{QStringLiteral("Messages"), messages}},
                  {},
                  {}};
}

} // namespace swb
