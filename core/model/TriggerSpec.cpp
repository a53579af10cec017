#include "TriggerSpec.h"

#include <QRegularExpression>

namespace swb {

namespace {
struct TriggerName {
    TriggerType type;
    const char* name;
};
constexpr TriggerName kTriggerNames[] = {
    {TriggerType::Http, "http"},       {TriggerType::Schedule, "schedule"},
    {TriggerType::Queue, "queue"},     {TriggerType::Topic, "topic"},
    {TriggerType::Storage, "storage"}, {TriggerType::Stream, "stream"},
};
} // namespace

QString triggerTypeName(TriggerType type)
{
    for (const TriggerName& t : kTriggerNames) {
        if (t.type == type)
            return QString::fromLatin1(t.name);
    }
    return {};
}

std::optional<TriggerType> triggerTypeFromName(const QString& name)
{
    for (const TriggerName& t : kTriggerNames) {
        if (name == QLatin1String(t.name))
            return t.type;
    }
    return std::nullopt;
}

QStringList triggerTypeNames()
{
    QStringList names;
    for (const TriggerName& t : kTriggerNames)
        names << QString::fromLatin1(t.name);
    return names;
}

QString TriggerSpec::summary() const
{
    switch (type) {
    case TriggerType::Http:
        return (method.isEmpty() ? QStringLiteral("ANY") : method) + QLatin1Char(' ') + path;
    case TriggerType::Schedule:
        return schedule;
    case TriggerType::Stream:
        return (streamKind.isEmpty() ? QStringLiteral("stream") : streamKind) + QLatin1Char(' ') +
               source;
    default:
        return triggerTypeName(type) + QLatin1Char(' ') + source;
    }
}

QString sqsQueueName(const QString& nameArnOrUrl)
{
    const QString s = nameArnOrUrl.trimmed();
    if (s.startsWith(QLatin1String("arn:")))
        return s.section(QLatin1Char(':'), 5);
    if (s.startsWith(QLatin1String("http://")) || s.startsWith(QLatin1String("https://")))
        return s.section(QLatin1Char('/'), -1, -1, QString::SectionSkipEmpty);
    return s;
}

QString sqsQueueNameProblem(const QString& name)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9_-]{1,80}$"));
    if (name.endsWith(QLatin1String(".fifo")))
        return QStringLiteral("\"%1\" is a FIFO queue; the local runner emulates standard queues "
                              "only, so drop the .fifo suffix to test locally.")
            .arg(name);
    if (!pattern.match(name).hasMatch())
        return QStringLiteral("\"%1\" is not a queue name; use 1 to 80 letters, digits, "
                              "hyphens or underscores.")
            .arg(name);
    return {};
}

} // namespace swb
