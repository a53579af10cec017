#pragma once
// How the import tests spell a trigger and a warning, so expected values read as one line each.

#include "Error.h"
#include "model/TriggerSpec.h"

#include <QStringList>

namespace swb::test {

// "queue source=OrdersQueue batchSize=10 enabled=true": the type, then every field that is set.
inline QString describe(const TriggerSpec& t)
{
    QStringList parts{triggerTypeName(t.type)};
    const auto add = [&](const char* name, const QString& value) {
        if (!value.isEmpty())
            parts << QString::fromLatin1(name) + QLatin1Char('=') + value;
    };
    add("method", t.method);
    add("path", t.path);
    add("api", t.api);
    add("schedule", t.schedule);
    add("source", t.source);
    add("events", t.events.join(QLatin1Char(',')));
    if (t.batchSize != 0)
        add("batchSize", QString::number(t.batchSize));
    add("startingPosition", t.startingPosition);
    add("streamKind", t.streamKind);
    parts << (t.enabled ? QStringLiteral("enabled=true") : QStringLiteral("enabled=false"));
    return parts.join(QLatin1Char(' '));
}

inline QStringList describe(const QList<TriggerSpec>& triggers)
{
    QStringList out;
    for (const TriggerSpec& t : triggers)
        out << describe(t);
    return out;
}

// "14:7 /Resources/Orders/Properties/Layers: Layers are not imported; ..." (file left out: the
// tests check it separately).
inline QStringList describe(const QList<Diagnostic>& diagnostics)
{
    QStringList out;
    for (const Diagnostic& d : diagnostics)
        out << QStringLiteral("%1:%2 %3: %4").arg(d.line).arg(d.column).arg(d.pointer, d.message);
    return out;
}

} // namespace swb::test
