#include "InvocationRecord.h"

#include <cmath>

namespace swb {

QString outcomeName(InvocationOutcome outcome)
{
    switch (outcome) {
    case InvocationOutcome::Success:
        return QStringLiteral("success");
    case InvocationOutcome::FunctionError:
        return QStringLiteral("function-error");
    case InvocationOutcome::InitError:
        return QStringLiteral("init-error");
    case InvocationOutcome::Timeout:
        return QStringLiteral("timeout");
    case InvocationOutcome::RuntimeExit:
        return QStringLiteral("runtime-exit");
    case InvocationOutcome::Throttled:
        return QStringLiteral("throttled");
    case InvocationOutcome::InvalidRequest:
        return QStringLiteral("invalid-request");
    case InvocationOutcome::ResponseTooLarge:
        return QStringLiteral("response-too-large");
    case InvocationOutcome::OutOfMemory:
        return QStringLiteral("out-of-memory");
    }
    return QStringLiteral("unknown");
}

qint64 billedDurationMs(double durationMs, double initDurationMs, bool coldStart)
{
    const double billed = durationMs + (coldStart ? initDurationMs : 0.0);
    return std::max<qint64>(1, qint64(std::ceil(billed)));
}

QString InvocationRecord::startLine() const
{
    return QStringLiteral("START RequestId: %1 Version: $LATEST").arg(requestId);
}

QString InvocationRecord::endLine() const
{
    return QStringLiteral("END RequestId: %1").arg(requestId);
}

QString InvocationRecord::reportLine() const
{
    QString line = QStringLiteral("REPORT RequestId: %1\tDuration: %2 ms\tBilled Duration: %3 ms\t"
                                  "Memory Size: %4 MB\tMax Memory Used: %5 MB\t")
                       .arg(requestId)
                       .arg(durationMs, 0, 'f', 2)
                       .arg(billedDurationMs)
                       .arg(memorySizeMb)
                       .arg(maxMemoryUsedMb);
    if (coldStart)
        line += QStringLiteral("Init Duration: %1 ms\t").arg(initDurationMs, 0, 'f', 2);
    return line;
}

} // namespace swb
