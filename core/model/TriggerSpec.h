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

    // schedule: "rate(5 minutes)" or "cron(0 12 * * ? *)", as EventBridge writes them.
    QString schedule;

    // queue / topic / storage / stream: the resource's name or ARN as the user wrote it.
    QString source;
    QStringList events;       // storage: "s3:ObjectCreated:*", ...
    int batchSize = 0;        // queue / stream; 0 = the service's default
    QString startingPosition; // stream: "LATEST" | "TRIM_HORIZON"
    QString streamKind;       // stream: "dynamodb" | "kinesis"

    bool enabled = true;
    QJsonObject extensions; // keys the user wrote that this version does not know; kept on save

    // One line for listings: "GET /hello", "rate(5 minutes)", "queue orders".
    QString summary() const;
};

} // namespace swb
