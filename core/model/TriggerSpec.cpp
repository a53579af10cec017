#include "TriggerSpec.h"

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

} // namespace swb
