#pragma once
// What makes a function run: an HTTP route, a schedule, a queue, a topic, a bucket or a stream.

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace swb {

enum class TriggerType { Http, Schedule, Queue, Topic, Storage, Stream };

QString triggerTypeName(TriggerType type); // "http", "schedule", ...
std::optional<TriggerType> triggerTypeFromName(const QString& name);
QStringList triggerTypeNames();

// One flat record; which fields matter depends on `type` (see docs/workspace-format.md).
struct TriggerSpec {
    TriggerType type = TriggerType::Http;

    // http: method ("GET", ..., or "ANY"), path ("/orders/{id}"), API flavour:
    // "http" (API Gateway HTTP API, payload 2.0) or "rest" (REST API, payload 1.0).
    QString method;
    QString path;
    QString api;
    // http: the workspace authorizer that guards the route (empty: none) and, for a jwt
    // authorizer, the route's authorization scopes (the token needs at least one of them).
    QString authorizer;
    QStringList scopes;

    // schedule: "rate(5 minutes)" or "cron(0 12 * * ? *)", as EventBridge writes them.
    QString schedule;

    // queue / topic / storage / stream: the resource's name or ARN as the user wrote it.
    QString source;
    QStringList events;       // storage: "s3:ObjectCreated:*", ...
    int batchSize = 0;        // queue / stream; 0 = the service's default
    QString startingPosition; // stream: "LATEST" | "TRIM_HORIZON"
    QString streamKind;       // stream: "dynamodb" | "kinesis"

    // queue: the event source mapping and its local queue (docs/queues.md).
    int batchWindowSeconds = 0; // "batchWindow": MaximumBatchingWindowInSeconds, 0 to 300
    std::optional<int> visibilityTimeoutSeconds; // "visibilityTimeout": the queue's, default 30
    bool reportBatchItemFailures = false;        // the function may answer batchItemFailures
    QString deadLetterQueue; // "deadLetterQueue": where a message goes after maxReceiveCount
    int maxReceiveCount = 0; // receives before a message moves to the dead-letter queue

    bool enabled = true;
    QJsonObject extensions; // keys the user wrote that this version does not know; kept on save

    // One line for listings: "GET /hello", "rate(5 minutes)", "queue orders".
    QString summary() const;
};

// The queue name in a trigger's or destination's "source": a name ("orders"), an ARN
// ("arn:aws:sqs:us-east-1:123456789012:orders") or a queue URL (".../123456789012/orders").
QString sqsQueueName(const QString& nameArnOrUrl);
// Empty when `name` is a valid standard SQS queue name, else what is wrong with it.
QString sqsQueueNameProblem(const QString& name);

} // namespace swb
