#include "Runner.h"

#include "FunctionPool.h"
#include "Instance.h"
#include "RuntimeLaunch.h"
#include "model/Runtime.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QProcess>
#include <QTemporaryDir>
#include <QTimer>
#include <QUuid>

namespace swb {

struct Runner::FunctionState {
    FunctionSpec spec;
    std::unique_ptr<FunctionPool> pool;
    QHash<quint64, Instance*> instances;
};

namespace {

// The error body Lambda's API returns for a request it refuses (the type travels in the
// X-Amzn-ErrorType header and, for SDKs, in the body's __type).
QByteArray apiError(const QString& type, const QString& message)
{
    QJsonObject o{{QStringLiteral("Type"), QStringLiteral("User")},
                  {QStringLiteral("message"), message},
                  {QStringLiteral("__type"), type}};
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

} // namespace

QString runnerEventKindName(RunnerEvent::Kind kind)
{
    switch (kind) {
    case RunnerEvent::Kind::InstanceStarted:
        return QStringLiteral("instance-started");
    case RunnerEvent::Kind::InstanceReady:
        return QStringLiteral("instance-ready");
    case RunnerEvent::Kind::InstanceFrozen:
        return QStringLiteral("instance-frozen");
    case RunnerEvent::Kind::InstanceThawed:
        return QStringLiteral("instance-thawed");
    case RunnerEvent::Kind::InstanceExpired:
        return QStringLiteral("instance-expired");
    case RunnerEvent::Kind::InstanceKilled:
        return QStringLiteral("instance-killed");
    case RunnerEvent::Kind::InvocationStarted:
        return QStringLiteral("invocation-started");
    case RunnerEvent::Kind::InvocationFinished:
        return QStringLiteral("invocation-finished");
    case RunnerEvent::Kind::Throttled:
        return QStringLiteral("throttled");
    case RunnerEvent::Kind::LogLine:
        return QStringLiteral("log");
    }
    return QStringLiteral("unknown");
}

RunnerOptions RunnerOptions::fromSettings(const RunnerSettings& settings,
                                          const QString& runtimeFolder)
{
    RunnerOptions options;
    options.runtimeFolder = runtimeFolder;
    options.keepAliveMs = qint64(settings.keepAliveSeconds) * 1000;
    options.concurrencyLimit = settings.concurrencyLimit;
    options.freezeIdleInstances = settings.freezeIdleInstances;
    options.region = settings.region;
    return options;
}

Runner::Runner(Workspace workspace, RunnerOptions options, QObject* parent)
    : QObject(parent), m_workspace(std::move(workspace)), m_options(std::move(options)),
      m_policy(m_options.keepAliveMs), m_expiryTimer(new QTimer(this))
{
    m_clock.start();
    m_expiryTimer->setSingleShot(true);
    connect(m_expiryTimer, &QTimer::timeout, this, &Runner::expireIdle);
    // Provisioned concurrency: those instances start with the runner, as they do at deploy.
    QMetaObject::invokeMethod(
        this,
        [this] {
            for (const FunctionSpec& f : m_workspace.functions) {
                if (f.provisionedConcurrency > 0)
                    if (FunctionState* fs = state(f.name))
                        provision(*fs);
            }
        },
        Qt::QueuedConnection);
}

void Runner::provision(FunctionState& fs)
{
    int provisioned = 0;
    for (const FunctionPool::Slot& slot : fs.pool->entries())
        provisioned += slot.provisioned ? 1 : 0;
    while (!m_shuttingDown && provisioned < fs.spec.provisionedConcurrency) {
        const auto id = fs.pool->provision();
        if (!id)
            break; // the cap is reached
        if (!startInstance(fs, *id, true)) {
            fs.pool->discard(*id);
            break;
        }
        ++provisioned;
    }
}

Runner::~Runner()
{
    shutdown();
}

void Runner::emitEvent(RunnerEvent::Kind kind, const QString& function, quint64 instanceId,
                       const QString& requestId, const QString& text)
{
    emit event(RunnerEvent{kind, m_clock.elapsed(), function, instanceId, requestId, text});
}

Runner::FunctionState* Runner::state(const QString& function)
{
    if (auto it = m_functions.find(function); it != m_functions.end())
        return it->get();
    const FunctionSpec* spec = m_workspace.function(function);
    if (!spec)
        return nullptr;
    auto fs = std::make_shared<FunctionState>();
    fs->spec = *spec;
    const int cap =
        spec->reservedConcurrency ? *spec->reservedConcurrency : m_options.concurrencyLimit;
    fs->pool = std::make_unique<FunctionPool>(cap, m_policy);
    m_functions.insert(function, fs);
    return fs.get();
}

void Runner::setKeepAliveMs(qint64 ms)
{
    m_options.keepAliveMs = std::max<qint64>(0, ms);
    m_policy = FixedKeepAlivePolicy(m_options.keepAliveMs); // the pools hold a reference to it
    scheduleExpiry();
}

void Runner::setConcurrencyLimit(int limit)
{
    m_options.concurrencyLimit = std::max(1, limit);
    for (const auto& fs : std::as_const(m_functions)) {
        if (!fs->spec.reservedConcurrency)
            fs->pool->setConcurrencyCap(m_options.concurrencyLimit);
    }
}

int Runner::instanceCount(const QString& function) const
{
    const auto it = m_functions.find(function);
    return it == m_functions.end() ? 0 : int((*it)->instances.size());
}

QString Runner::invoke(const QString& function, const QByteArray& payload, Done userDone)
{
    Done done = [this, userDone = std::move(userDone)](const InvocationRecord& record) {
        emit invocationFinished(record);
        userDone(record);
    };
    const QString requestId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    InvocationRecord rejected;
    rejected.requestId = requestId;
    rejected.functionName = function;
    rejected.startedAtEpochMs = QDateTime::currentMSecsSinceEpoch();
    auto reject = [&](InvocationOutcome outcome, const QString& type, const QString& message) {
        rejected.outcome = outcome;
        rejected.errorType = type;
        rejected.payload = apiError(type, message);
        QMetaObject::invokeMethod(
            this, [done, rejected] { done(rejected); }, Qt::QueuedConnection);
        return requestId;
    };

    FunctionState* fs = state(function);
    if (!fs)
        return reject(
            InvocationOutcome::InvalidRequest, QStringLiteral("ResourceNotFoundException"),
            QStringLiteral("Function not found: %1").arg(functionArn(function, m_options.region)));
    rejected.memorySizeMb = fs->spec.memoryMb;
    if (payload.size() > m_options.maxRequestBytes)
        return reject(InvocationOutcome::InvalidRequest, QStringLiteral("RequestTooLargeException"),
                      QStringLiteral("Request must be smaller than %1 bytes for the InvokeFunction "
                                     "operation")
                          .arg(m_options.maxRequestBytes));
    QJsonParseError parseError;
    QJsonDocument::fromJson(payload.isEmpty() ? QByteArray("{}") : payload, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        // Lambda accepts any JSON value; a bare scalar parses only inside an array.
        QJsonDocument::fromJson("[" + payload + "]", &parseError);
        if (parseError.error != QJsonParseError::NoError)
            return reject(InvocationOutcome::InvalidRequest,
                          QStringLiteral("InvalidRequestContentException"),
                          QStringLiteral("Could not parse request body into json: %1 at offset %2")
                              .arg(parseError.errorString())
                              .arg(parseError.offset - 1));
    }

    const FunctionPool::Acquired acquired = fs->pool->acquire(m_clock.elapsed());
    if (acquired.kind == FunctionPool::Acquired::Throttled) {
        emitEvent(RunnerEvent::Kind::Throttled, function, 0, requestId);
        return reject(InvocationOutcome::Throttled, QStringLiteral("TooManyRequestsException"),
                      QStringLiteral("Rate Exceeded."));
    }
    Instance* instance = nullptr;
    if (acquired.kind == FunctionPool::Acquired::Cold) {
        auto started = startInstance(*fs, acquired.instanceId);
        if (!started) { // the launch could not be planned: no interpreter, no bootstrap
            fs->pool->discard(acquired.instanceId);
            // Lambda reports an unusable entry point as the function's error, with the platform's
            // log lines around it.
            rejected.coldStart = true;
            rejected.outcome = InvocationOutcome::InitError;
            rejected.errorType = QStringLiteral("Runtime.InvalidEntrypoint");
            rejected.payload =
                QJsonDocument(QJsonObject{{QStringLiteral("errorType"), rejected.errorType},
                                          {QStringLiteral("errorMessage"),
                                           QStringLiteral("RequestId: %1 Error: %2")
                                               .arg(requestId, started.error().message)}})
                    .toJson(QJsonDocument::Compact);
            rejected.billedDurationMs = 1;
            rejected.logs = {
                QStringLiteral("INIT_REPORT Init Duration: 0.00 ms\tPhase: init\tStatus: "
                               "error\tError Type: Runtime.InvalidEntrypoint"),
                started.error().message, rejected.startLine(), rejected.endLine(),
                rejected.reportLine()};
            QMetaObject::invokeMethod(
                this, [done, rejected] { done(rejected); }, Qt::QueuedConnection);
            return requestId;
        }
        instance = *started;
    } else {
        instance = fs->instances.value(acquired.instanceId);
    }
    emitEvent(RunnerEvent::Kind::InvocationStarted, function, acquired.instanceId, requestId,
              acquired.kind == FunctionPool::Acquired::Cold ? QStringLiteral("cold")
                                                            : QStringLiteral("warm"));
    const quint64 id = acquired.instanceId;
    const std::weak_ptr<FunctionState> weak = m_functions.value(function);
    instance->invoke(requestId, payload.isEmpty() ? QByteArray("{}") : payload,
                     [this, weak, id, done](InvocationRecord record) {
                         if (const auto fsp = weak.lock())
                             finish(*fsp, id, record, done);
                         else
                             done(record);
                     });
    return requestId;
}

Result<Instance*> Runner::startInstance(FunctionState& fs, quint64 id, bool provisioned)
{
    LaunchContext context;
    context.codeFolder = m_workspace.codeFolder(fs.spec);
    context.runtimeFolder = m_options.runtimeFolder;
    context.region = m_options.region;
    context.provisioned = provisioned;
    context.extraEnvironment = m_options.extraEnvironment.value(fs.spec.name);
    // Resolve each interpreter once per runner: the lookup may run a shim script.
    const QString path =
        qEnvironmentVariable("PATH", QStringLiteral("/usr/local/bin:/usr/bin:/bin"));
    for (const auto& [name, slot] : {std::pair{QStringLiteral("python3"), &m_pythonProgram},
                                     std::pair{QStringLiteral("node"), &m_nodeProgram}}) {
        const bool needed = name == QLatin1String("python3")
                                ? fs.spec.runtime.startsWith(QLatin1String("python"))
                                : fs.spec.runtime.startsWith(QLatin1String("nodejs"));
        if (needed && slot->isEmpty())
            *slot = resolveInterpreter(name, path).value_or(QString());
    }
    context.pythonProgram = m_pythonProgram;
    context.nodeProgram = m_nodeProgram;
    if (fs.spec.runtime.startsWith(QLatin1String("python")))
        checkRuntimeVersion(fs.spec, m_pythonProgram);
    else if (fs.spec.runtime.startsWith(QLatin1String("nodejs")))
        checkRuntimeVersion(fs.spec, m_nodeProgram);
    const QString tempRoot =
        m_options.temporaryRoot.isEmpty() ? QDir::tempPath() : m_options.temporaryRoot;
    context.temporaryFolder = QDir(tempRoot).filePath(QStringLiteral("swb-%1-%2-%3")
                                                          .arg(fs.spec.name)
                                                          .arg(QCoreApplication::applicationPid())
                                                          .arg(id));
    QDir().mkpath(context.temporaryFolder);
    const auto launch = planLaunch(fs.spec, context);
    if (!launch) {
        QDir(context.temporaryFolder).removeRecursively();
        emitEvent(RunnerEvent::Kind::InstanceKilled, fs.spec.name, id, {}, launch.error().message);
        return std::unexpected(launch.error());
    }
    InstanceConfig config;
    config.functionName = fs.spec.name;
    config.functionArn = functionArn(fs.spec.name, m_options.region);
    config.memorySizeMb = fs.spec.memoryMb;
    config.timeoutSeconds = fs.spec.timeoutSeconds;
    auto* instance = new Instance(id, config, *launch, m_clock, this);
    instance->setFreezeWhenIdle(m_options.freezeIdleInstances);
    instance->setProvisioned(provisioned);
    fs.instances.insert(id, instance);
    const QString name = fs.spec.name;
    const std::weak_ptr<FunctionState> weakState = m_functions.value(name);
    connect(instance, &Instance::ready, this, [this, name, id, provisioned, weakState] {
        emitEvent(RunnerEvent::Kind::InstanceReady, name, id);
        if (const auto fsp = weakState.lock(); fsp && provisioned)
            fsp->pool->markReady(id, m_clock.elapsed());
    });
    connect(instance, &Instance::frozen, this,
            [this, name, id] { emitEvent(RunnerEvent::Kind::InstanceFrozen, name, id); });
    connect(instance, &Instance::thawed, this,
            [this, name, id] { emitEvent(RunnerEvent::Kind::InstanceThawed, name, id); });
    connect(instance, &Instance::logLine, this,
            [this, name, id](const QString& rid, const QString& line) {
                emitEvent(RunnerEvent::Kind::LogLine, name, id, rid, line);
            });
    const std::weak_ptr<FunctionState> weak = m_functions.value(name);
    connect(instance, &Instance::died, this,
            [this, weak, name, id, instance](const QString& reason) {
                emitEvent(RunnerEvent::Kind::InstanceKilled, name, id, {}, reason);
                if (const auto fsp = weak.lock()) {
                    fsp->pool->discard(id);
                    fsp->instances.remove(id);
                    if (instance->isProvisioned()) // Lambda replaces a lost provisioned environment
                        QMetaObject::invokeMethod(
                            this,
                            [this, weak] {
                                if (const auto again = weak.lock())
                                    provision(*again);
                            },
                            Qt::QueuedConnection);
                }
                instance->deleteLater();
            });
    emitEvent(RunnerEvent::Kind::InstanceStarted, name, id);
    instance->start();
    return instance;
}

void Runner::checkRuntimeVersion(const FunctionSpec& function, const QString& program)
{
    if (program.isEmpty() || m_versionChecked.contains(function.runtime))
        return;
    m_versionChecked.insert(function.runtime);
    const auto runtime = findRuntime(function.runtime);
    if (!runtime || runtime->languageVersion.isEmpty())
        return;
    QProcess probe;
    probe.start(program, {QStringLiteral("--version")});
    if (!probe.waitForFinished(10000))
        return;
    // "Python 3.11.2" or "v20.20.2"
    const QString text =
        QString::fromUtf8(probe.readAllStandardOutput() + probe.readAllStandardError()).trimmed();
    const QString local = text.section(QLatin1Char(' '), -1).remove(QLatin1Char('v'));
    const bool python = runtime->family == RuntimeFamily::Python;
    const QString localShort =
        python ? local.section(QLatin1Char('.'), 0, 1) : local.section(QLatin1Char('.'), 0, 0);
    if (localShort != runtime->languageVersion)
        emit warning(
            QStringLiteral("%1 declares %2, but the local interpreter is %3 (%4); code that "
                           "depends on the version may behave differently here.")
                .arg(function.name, function.runtime, text, program));
}

void Runner::finish(FunctionState& fs, quint64 instanceId, const InvocationRecord& record,
                    const Done& done)
{
    Instance* instance = fs.instances.value(instanceId);
    if (instance && instance->state() == Instance::State::Idle) {
        fs.pool->release(instanceId, m_clock.elapsed());
    } else {
        fs.pool->discard(instanceId);
    }
    emitEvent(RunnerEvent::Kind::InvocationFinished, fs.spec.name, instanceId, record.requestId,
              outcomeName(record.outcome));
    scheduleExpiry();
    done(record);
}

void Runner::setExtraEnvironment(const QHash<QString, QMap<QString, QString>>& byFunction)
{
    const auto before = m_options.extraEnvironment;
    m_options.extraEnvironment = byFunction;
    for (const FunctionSpec& f : m_workspace.functions) {
        if (before.value(f.name) != byFunction.value(f.name))
            retire(f.name);
    }
}

void Runner::retire(const QString& function)
{
    const auto it = m_functions.find(function);
    if (it == m_functions.end())
        return;
    // Out of the pool at once: an invocation right after the save must start cold with the new
    // code, not find the old instance idle before its death is processed.
    const auto instances = (*it)->instances; // a copy: a death may change the map
    for (auto i = instances.cbegin(); i != instances.cend(); ++i) {
        (*it)->pool->discard(i.key());
        i.value()->kill(QStringLiteral("retired: the function's code changed"));
    }
}

void Runner::scheduleExpiry()
{
    std::optional<qint64> next;
    for (const auto& fs : std::as_const(m_functions)) {
        const auto at = fs->pool->nextExpiryMs();
        if (at && (!next || *at < *next))
            next = at;
    }
    if (!next) {
        m_expiryTimer->stop();
        return;
    }
    m_expiryTimer->start(int(std::clamp<qint64>(*next - m_clock.elapsed(), 0, 24 * 3600 * 1000)));
}

void Runner::expireIdle()
{
    const qint64 now = m_clock.elapsed();
    for (const auto& fs : std::as_const(m_functions)) {
        for (quint64 id : fs->pool->expire(now)) {
            if (Instance* instance = fs->instances.value(id)) {
                emitEvent(RunnerEvent::Kind::InstanceExpired, fs->spec.name, id);
                instance->kill(
                    QStringLiteral("expired after %1 ms idle").arg(m_options.keepAliveMs));
            }
        }
    }
    scheduleExpiry();
}

void Runner::shutdown()
{
    m_shuttingDown = true;
    for (const auto& fs : std::as_const(m_functions)) {
        for (Instance* instance : std::as_const(fs->instances)) {
            instance->disconnect(this);
            instance->kill(QStringLiteral("the runner stopped"));
            delete instance;
        }
        fs->instances.clear();
    }
    m_functions.clear();
}

} // namespace swb
