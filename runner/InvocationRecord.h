#pragma once
// What one invocation did, as Lambda would report it: outcome, response or error, timings,
// memory, logs (with START/END/REPORT lines).

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace swb {

enum class InvocationOutcome {
    Success,
    FunctionError,  // the handler raised; payload is the runtime's error JSON
    InitError,      // the handler's module failed to load
    Timeout,        // Task timed out after N.NN seconds
    RuntimeExit,    // the process exited or crashed mid-invocation
    Throttled,      // TooManyRequestsException: the concurrency cap was reached
    InvalidRequest, // the event was refused before it ran (not JSON, too large)
    ResponseTooLarge,
    OutOfMemory, // the instance used more than its memory size and was killed
};

QString outcomeName(InvocationOutcome outcome); // "success", "function-error", ...

struct InvocationRecord {
    QString requestId;
    QString functionName;
    quint64 instanceId = 0;
    bool coldStart = false;
    InvocationOutcome outcome = InvocationOutcome::Success;
    QByteArray payload; // the function's result, or the error JSON Lambda would return
    QString errorType;  // "Unhandled", "Runtime.ImportModuleError", "Sandbox.Timedout", ...

    qint64 startedAtEpochMs = 0;
    double initDurationMs = 0; // cold starts: spawn to the runtime's first /next
    double durationMs = 0;     // event delivered to response
    qint64 billedDurationMs = 0;
    int memorySizeMb = 0;
    int maxMemoryUsedMb = 0;

    QStringList logs; // the function's lines and the platform's START/END/REPORT lines
    bool logsTruncated = false;

    bool failed() const { return outcome != InvocationOutcome::Success; }
    // "REPORT RequestId: … Duration: 1.23 ms Billed Duration: 2 ms …" (tab separated)
    QString reportLine() const;
    QString startLine() const;
    QString endLine() const;
};

// Lambda bills the invoke phase rounded up to 1 ms, and since August 2025 the INIT phase of
// on-demand cold starts as well.
qint64 billedDurationMs(double durationMs, double initDurationMs, bool coldStart);

} // namespace swb
