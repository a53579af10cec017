#include "InvocationPrinter.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

namespace swb::cli {

QJsonObject recordToJson(const InvocationRecord& r)
{
    QJsonObject o;
    o.insert(QStringLiteral("requestId"), r.requestId);
    o.insert(QStringLiteral("function"), r.functionName);
    o.insert(QStringLiteral("instanceId"), qint64(r.instanceId));
    o.insert(QStringLiteral("coldStart"), r.coldStart);
    o.insert(QStringLiteral("outcome"), outcomeName(r.outcome));
    if (!r.errorType.isEmpty())
        o.insert(QStringLiteral("errorType"), r.errorType);
    o.insert(QStringLiteral("initDurationMs"), r.coldStart ? r.initDurationMs : 0.0);
    o.insert(QStringLiteral("durationMs"), r.durationMs);
    o.insert(QStringLiteral("billedDurationMs"), r.billedDurationMs);
    o.insert(QStringLiteral("memorySizeMb"), r.memorySizeMb);
    o.insert(QStringLiteral("maxMemoryUsedMb"), r.maxMemoryUsedMb);
    o.insert(
        QStringLiteral("startedAt"),
        QDateTime::fromMSecsSinceEpoch(r.startedAtEpochMs, Qt::UTC).toString(Qt::ISODateWithMs));
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson("[" + r.payload + "]", &error);
    if (error.error == QJsonParseError::NoError && !r.payload.trimmed().isEmpty())
        o.insert(QStringLiteral("response"), doc.array().first());
    else
        o.insert(QStringLiteral("response"), QString::fromUtf8(r.payload));
    o.insert(QStringLiteral("logs"), QJsonArray::fromStringList(r.logs));
    if (r.logsTruncated)
        o.insert(QStringLiteral("logsTruncated"), true);
    return o;
}

void printInvocationTable(Console& console, const QList<InvocationRecord>& records)
{
    console.out() << QStringLiteral("%1  %2  %3  %4  %5  %6  %7\n")
                         .arg(QStringLiteral("#").rightJustified(5), padRight(Tr::tr("START"), 5),
                              padLeft(Tr::tr("INIT ms"), 9), padLeft(Tr::tr("DURATION ms"), 11),
                              padLeft(Tr::tr("BILLED ms"), 9), padLeft(Tr::tr("MEMORY MB"), 9),
                              Tr::tr("OUTCOME"));
    for (qsizetype i = 0; i < records.size(); ++i) {
        const InvocationRecord& r = records.at(i);
        const bool ran = r.outcome != InvocationOutcome::Throttled &&
                         r.outcome != InvocationOutcome::InvalidRequest;
        const QString outcome =
            r.failed() ? QStringLiteral("%1 (%2)").arg(outcomeName(r.outcome), r.errorType)
                       : outcomeName(r.outcome);
        console.out() << QStringLiteral("%1  %2  %3  %4  %5  %6  %7\n")
                             .arg(QString::number(i + 1).rightJustified(5),
                                  !ran ? QStringLiteral("-    ")
                                       : (r.coldStart ? QStringLiteral("cold ")
                                                      : QStringLiteral("warm ")),
                                  r.coldStart
                                      ? QString::number(r.initDurationMs, 'f', 2).rightJustified(9)
                                      : QStringLiteral("-").rightJustified(9),
                                  ran ? QString::number(r.durationMs, 'f', 2).rightJustified(11)
                                      : QStringLiteral("-").rightJustified(11),
                                  ran ? QString::number(r.billedDurationMs).rightJustified(9)
                                      : QStringLiteral("-").rightJustified(9),
                                  ran ? QStringLiteral("%1/%2")
                                            .arg(r.maxMemoryUsedMb)
                                            .arg(r.memorySizeMb)
                                            .rightJustified(9)
                                      : QStringLiteral("-").rightJustified(9),
                                  outcome);
    }
}

void printInvocationSummary(Console& console, const InvocationStats& s)
{
    console.out() << Tr::tr("\n%1 invocations: %2 cold, %3 warm, %4 failed")
                         .arg(s.count)
                         .arg(s.coldStarts)
                         .arg(s.count - s.coldStarts - s.throttles)
                         .arg(s.failures);
    if (s.throttles > 0)
        console.out() << Tr::tr(" (%1 throttled)").arg(s.throttles);
    console.out() << Tr::tr(". Duration p50 %1 ms, p95 %2 ms, p99 %3 ms")
                         .arg(s.durationP50Ms, 0, 'f', 2)
                         .arg(s.durationP95Ms, 0, 'f', 2)
                         .arg(s.durationP99Ms, 0, 'f', 2);
    if (s.coldStarts > 0)
        console.out() << Tr::tr("; init p50 %1 ms").arg(s.initP50Ms, 0, 'f', 2);
    console.out() << Tr::tr(".") << '\n';
    console.out().flush();
}

QJsonObject statsToJson(const InvocationStats& s)
{
    return QJsonObject{{QStringLiteral("invocations"), s.count},
                       {QStringLiteral("coldStarts"), s.coldStarts},
                       {QStringLiteral("coldShare"), s.coldShare()},
                       {QStringLiteral("failures"), s.failures},
                       {QStringLiteral("throttles"), s.throttles},
                       {QStringLiteral("durationP50Ms"), s.durationP50Ms},
                       {QStringLiteral("durationP95Ms"), s.durationP95Ms},
                       {QStringLiteral("durationP99Ms"), s.durationP99Ms},
                       {QStringLiteral("durationMaxMs"), s.durationMaxMs},
                       {QStringLiteral("initP50Ms"), s.initP50Ms},
                       {QStringLiteral("initP95Ms"), s.initP95Ms},
                       {QStringLiteral("billedMsTotal"), s.billedMsTotal},
                       {QStringLiteral("maxMemoryUsedMb"), s.maxMemoryUsedMb}};
}

} // namespace swb::cli
