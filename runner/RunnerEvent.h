#pragma once
// One stream of what happens in the runner; the GUI's timeline, the CLI and the history store
// all consume it.

#include <QString>

namespace swb {

struct RunnerEvent {
    enum class Kind {
        InstanceStarted, // process spawned (cold start begins)
        InstanceReady,   // the runtime asked for its first event (init done)
        InstanceFrozen,
        InstanceThawed,
        InstanceExpired, // idle past keep-alive
        InstanceKilled,  // failed, timed out or retired
        InvocationStarted,
        InvocationFinished,
        Throttled,
        LogLine,
    };
    Kind kind;
    qint64 atMs = 0; // monotonic, since the runner started
    QString function;
    quint64 instanceId = 0;
    QString requestId;
    QString text; // log line, kill reason, outcome name
};

QString runnerEventKindName(RunnerEvent::Kind kind);

} // namespace swb
