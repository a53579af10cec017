#pragma once
// The local FaaS platform for one workspace: routes each invocation to a warm instance or
// starts a cold one, throttles at the concurrency cap, freezes idle instances and expires
// them by the keep-alive policy, and reports everything on one event stream.

#include "Error.h"
#include "InvocationRecord.h"
#include "KeepAlivePolicy.h"
#include "RunnerEvent.h"
#include "model/Workspace.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QSet>

#include <functional>
#include <memory>

class QTimer;

namespace swb {

class FunctionPool;
class Instance;

struct RunnerOptions {
    int concurrencyLimit = 10; // per function without reserved concurrency
    qint64 keepAliveMs = 10 * 60 * 1000;
    bool freezeIdleInstances = true; // SIGSTOP between invocations, like Lambda
    QString region = QStringLiteral("us-east-1");
    QString runtimeFolder; // bootstraps (RuntimeFiles::materialize)
    QString temporaryRoot; // instances' private TMPDIRs (default: system temp)
    qsizetype maxRequestBytes = 6 * 1024 * 1024; // Lambda's synchronous payload limit
    // Variables added to each function's environment, by function name (the connections of
    // the workspace's databases: ResourceSet::environmentByFunction).
    QHash<QString, QMap<QString, QString>> extraEnvironment;

    // A workspace's own runner settings (keep-alive, concurrency limit, freezing, region)
    // with the bootstraps in `runtimeFolder`; callers override fields after.
    static RunnerOptions fromSettings(const RunnerSettings& settings, const QString& runtimeFolder);
};

class Runner : public QObject {
    Q_OBJECT
public:
    using Done = std::function<void(const InvocationRecord&)>;

    Runner(Workspace workspace, RunnerOptions options, QObject* parent = nullptr);
    ~Runner() override;

    const Workspace& workspace() const { return m_workspace; }
    const QString& region() const { return m_options.region; }
    // Starts one invocation; `done` is called exactly once, also for a throttle or an invalid
    // event. Returns the request id.
    QString invoke(const QString& function, const QByteArray& payload, Done done);
    // The function's code changed: its instances retire, the next invocation starts cold.
    void retire(const QString& function);
    void shutdown(); // kills every instance
    int instanceCount(const QString& function) const;
    // The keep-alive and the concurrency limit (functions without reserved concurrency) can be
    // changed while running, as the run panel's load row does; idle instances get the new
    // keep-alive from now on.
    void setKeepAliveMs(qint64 ms);
    qint64 keepAliveMs() const { return m_options.keepAliveMs; }
    void setConcurrencyLimit(int limit);
    // New variables for the functions' environments (databases started after the runner);
    // instances of a function whose variables change retire, so the next one starts with them.
    void setExtraEnvironment(const QHash<QString, QMap<QString, QString>>& byFunction);
    const QHash<QString, QMap<QString, QString>>& extraEnvironment() const
    {
        return m_options.extraEnvironment;
    }
    int concurrencyLimit() const { return m_options.concurrencyLimit; }
    qint64 elapsedMs() const { return m_clock.elapsed(); }

signals:
    void event(const swb::RunnerEvent& event);
    // Something the user should know once, e.g. a declared runtime version that differs from
    // the local interpreter.
    void warning(const QString& message);
    // Every invocation's record, refused and throttled ones too (for the history store).
    void invocationFinished(const swb::InvocationRecord& record);

private:
    struct FunctionState;
    FunctionState* state(const QString& function);
    void emitEvent(RunnerEvent::Kind kind, const QString& function, quint64 instanceId,
                   const QString& requestId = {}, const QString& text = {});
    Result<Instance*> startInstance(FunctionState& fs, quint64 id, bool provisioned = false);
    void provision(FunctionState& fs); // tops up provisioned concurrency
    void finish(FunctionState& fs, quint64 instanceId, const InvocationRecord& record,
                const Done& done);
    void scheduleExpiry();
    void expireIdle();

    Workspace m_workspace;
    RunnerOptions m_options;
    FixedKeepAlivePolicy m_policy;
    QElapsedTimer m_clock;
    QTimer* m_expiryTimer;
    QHash<QString, std::shared_ptr<FunctionState>> m_functions;
    QString m_pythonProgram; // resolved once (see resolveInterpreter)
    QString m_nodeProgram;
    QSet<QString> m_versionChecked;
    bool m_shuttingDown = false; // runtime ids compared with the local interpreter
    void checkRuntimeVersion(const FunctionSpec& function, const QString& program);
};

} // namespace swb
