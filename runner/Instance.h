#pragma once
// One execution environment: a real OS process (its own process group) running a function's
// runtime against its own Runtime API endpoint. Runs one invocation at a time and reports it
// as Lambda would; any failure kills the instance.

#include "InvocationRecord.h"
#include "ProcessStatusFile.h"
#include "RuntimeApiServer.h"

#include <QElapsedTimer>
#include <QObject>
#include <QProcessEnvironment>
#include <QStringList>

#include <functional>
#include <optional>

class QProcess;
class QTimer;

namespace swb {

struct InstanceLaunch {
    QString program;
    QStringList arguments;
    QProcessEnvironment environment; // without AWS_LAMBDA_RUNTIME_API: the instance adds it
    QString workingDirectory;
    QString temporaryFolder; // private per instance; removed when it dies
};

struct InstanceConfig {
    QString functionName;
    QString functionArn;
    int memorySizeMb = 128;
    int timeoutSeconds = 3;
    qint64 initTimeoutMs = 10000; // Lambda's INIT phase limit for on-demand instances
    qsizetype maxLogBytesPerInvocation = 256 * 1024;
    int memoryPollIntervalMs = 10;
};

class Instance : public QObject {
    Q_OBJECT
public:
    enum class State { Starting, Idle, Busy, Dead };

    Instance(quint64 id, InstanceConfig config, InstanceLaunch launch, const QElapsedTimer& clock,
             QObject* parent = nullptr);
    ~Instance() override;

    quint64 id() const { return m_id; }
    State state() const { return m_state; }
    bool isFrozen() const { return m_frozen; }
    qint64 pid() const;
    double initDurationMs() const { return m_initDurationMs; }

    void start();
    // Runs one invocation; `done` is called exactly once (also when the instance dies).
    void invoke(const QString& requestId, const QByteArray& payload,
                std::function<void(InvocationRecord)> done);
    void freeze(); // SIGSTOP the process group (idle only)
    // Freeze as soon as the runtime waits for work after an invocation, as Lambda does.
    void setFreezeWhenIdle(bool freeze) { m_freezeWhenIdle = freeze; }
    // Started in advance (provisioned concurrency): its first invocation is not a cold start.
    void setProvisioned(bool provisioned) { m_provisioned = provisioned; }
    bool isProvisioned() const { return m_provisioned; }
    void thaw();
    void kill(const QString& reason); // SIGKILL the group; an invocation in flight fails

signals:
    void ready();                     // init done: the runtime asked for its first event
    void died(const QString& reason); // the process is gone, for whatever reason
    void logLine(const QString& requestId, const QString& line);
    void frozen();
    void thawed();

private:
    void onOutput();
    void onFinished(int exitCode, int exitStatus);
    void onNextRequested();
    void dispatch();
    void complete(InvocationOutcome outcome, const QByteArray& payload, const QString& errorType);
    void appendLog(const QString& line);
    void drainOutput();
    int peakMemoryMb() const;
    int currentMemoryMb() const; // resident memory of the process and its children
    void checkMemory();
    double nowMs() const { return m_clock.nsecsElapsed() / 1e6; }
    void signalGroup(int signal);

    quint64 m_id;
    InstanceConfig m_config;
    InstanceLaunch m_launch;
    const QElapsedTimer& m_clock;
    QProcess* m_process = nullptr;
    RuntimeApiServer* m_api = nullptr;
    QTimer* m_timeout = nullptr;
    QTimer* m_memoryPoll = nullptr; // enforces memorySizeMb while an invocation runs
    int m_polledPeakMb = 0;
    mutable ProcessStatusFile m_status; // kept open: peak memory after every invocation
    State m_state = State::Starting;
    bool m_frozen = false;
    bool m_everReady = false;
    bool m_freezeWhenIdle = false;
    bool m_provisioned = false;
    int m_invocations = 0;
    QString m_deathReason;
    double m_spawnedAtMs = 0;
    double m_initDurationMs = 0;
    QByteArray m_partialLine;
    QStringList m_initLogs; // printed before the first invocation: shown with it

    struct InFlight {
        InvocationRecord record;
        std::function<void(InvocationRecord)> done;
        QByteArray payload;
        double dispatchedAtMs = -1;
        qsizetype logBytes = 0;
    };
    std::optional<InFlight> m_inFlight;
};

} // namespace swb
