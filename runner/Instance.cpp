#include "Instance.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTimer>

#include <csignal>
#include <sys/prctl.h>
#include <unistd.h>

namespace swb {

namespace {

QString signalName(int signal)
{
    switch (signal) {
    case SIGKILL:
        return QStringLiteral("killed");
    case SIGSEGV:
        return QStringLiteral("segmentation fault");
    case SIGABRT:
        return QStringLiteral("aborted");
    case SIGTERM:
        return QStringLiteral("terminated");
    case SIGBUS:
        return QStringLiteral("bus error");
    case SIGFPE:
        return QStringLiteral("floating point exception");
    case SIGILL:
        return QStringLiteral("illegal instruction");
    default:
        return QStringLiteral("signal %1").arg(signal);
    }
}

QByteArray lambdaError(const QString& type, const QString& message)
{
    QByteArray json = "{\"errorType\":\"" + type.toUtf8() + "\",\"errorMessage\":\"";
    for (const QChar c : message) {
        if (c == QLatin1Char('"') || c == QLatin1Char('\\'))
            json += '\\';
        json += QString(c).toUtf8();
    }
    return json + "\"}";
}

} // namespace

Instance::Instance(quint64 id, InstanceConfig config, InstanceLaunch launch,
                   const QElapsedTimer& clock, QObject* parent)
    : QObject(parent), m_id(id), m_config(std::move(config)), m_launch(std::move(launch)),
      m_clock(clock), m_api(new RuntimeApiServer(this)), m_timeout(new QTimer(this)),
      m_memoryPoll(new QTimer(this))
{
    m_memoryPoll->setInterval(m_config.memoryPollIntervalMs);
    connect(m_memoryPoll, &QTimer::timeout, this, &Instance::checkMemory);
    m_timeout->setSingleShot(true);
    m_timeout->setTimerType(Qt::PreciseTimer); // a coarse timer may fire up to 5% early
    connect(m_api, &RuntimeApiServer::nextRequested, this, &Instance::onNextRequested);
    connect(m_api, &RuntimeApiServer::responded, this,
            [this](const QByteArray&, const QByteArray& body) {
                complete(InvocationOutcome::Success, body, QString());
            });
    connect(m_api, &RuntimeApiServer::failed, this,
            [this](const QByteArray&, const QByteArray& type, const QByteArray& body) {
                complete(InvocationOutcome::FunctionError, body,
                         type.isEmpty() ? QStringLiteral("Unhandled") : QString::fromUtf8(type));
            });
    connect(
        m_api, &RuntimeApiServer::responseTooLarge, this, [this](const QByteArray&, qint64 bytes) {
            complete(InvocationOutcome::ResponseTooLarge,
                     lambdaError(QStringLiteral("Function.ResponseSizeTooLarge"),
                                 QStringLiteral("Response payload size (%1 bytes) exceeded maximum "
                                                "allowed payload size (6291556 bytes).")
                                     .arg(bytes)),
                     QStringLiteral("Function.ResponseSizeTooLarge"));
        });
    connect(m_api, &RuntimeApiServer::initFailed, this,
            [this](const QByteArray& type, const QByteArray& body) {
                const QString errorType =
                    type.isEmpty() ? QStringLiteral("Runtime.Unknown") : QString::fromUtf8(type);
                appendLog(QStringLiteral("INIT_REPORT Init Duration: %1 ms\tPhase: init\tStatus: "
                                         "error\tError Type: %2")
                              .arg(nowMs() - m_spawnedAtMs, 0, 'f', 2)
                              .arg(errorType));
                if (m_inFlight)
                    complete(InvocationOutcome::InitError, body, errorType);
                kill(QStringLiteral("init failed: %1").arg(errorType));
            });
    connect(m_api, &RuntimeApiServer::protocolError, this, [this](const QString& message) {
        appendLog(QStringLiteral("[swb] Runtime API misuse: %1").arg(message));
    });
    connect(m_timeout, &QTimer::timeout, this, [this] {
        if (!m_inFlight)
            return;
        const QString seconds = QString::number(m_config.timeoutSeconds, 'f', 2);
        const QString id = m_inFlight->record.requestId;
        appendLog(
            QStringLiteral("%1 %2 Task timed out after %3 seconds")
                .arg(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs), id, seconds));
        complete(InvocationOutcome::Timeout,
                 lambdaError(QStringLiteral("Sandbox.Timedout"),
                             QStringLiteral("RequestId: %1 Error: Task timed out after %2 seconds")
                                 .arg(id, seconds)),
                 QStringLiteral("Sandbox.Timedout"));
        kill(QStringLiteral("timed out"));
    });
}

Instance::~Instance()
{
    if (m_process && m_process->state() != QProcess::NotRunning) {
        m_process->disconnect(this);
        signalGroup(SIGKILL);
        m_process->waitForFinished(2000);
    }
    if (!m_launch.temporaryFolder.isEmpty())
        QDir(m_launch.temporaryFolder).removeRecursively();
}

qint64 Instance::pid() const
{
    return m_process ? m_process->processId() : 0;
}

void Instance::signalGroup(int signal)
{
    const qint64 p = pid();
    if (p > 0)
        ::kill(-pid_t(p), signal); // the instance's own process group: children too
}

void Instance::start()
{
    if (!m_api->listen()) {
        m_state = State::Dead;
        m_deathReason =
            QStringLiteral("cannot open the Runtime API endpoint: %1").arg(m_api->errorString());
        QMetaObject::invokeMethod(
            this, [this] { emit died(m_deathReason); }, Qt::QueuedConnection);
        return;
    }
    m_process = new QProcess(this);
    QProcessEnvironment env = m_launch.environment;
    env.insert(QStringLiteral("AWS_LAMBDA_RUNTIME_API"), m_api->endpoint());
    m_process->setProcessEnvironment(env);
    m_process->setWorkingDirectory(m_launch.workingDirectory);
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    m_process->setInputChannelMode(QProcess::ForwardedInputChannel);
    m_process->setChildProcessModifier([] {
        ::setpgid(0, 0);                    // own process group: signals reach its children
        ::prctl(PR_SET_PDEATHSIG, SIGKILL); // never outlive the runner
    });
    connect(m_process, &QProcess::readyReadStandardOutput, this, &Instance::onOutput);
    connect(m_process, &QProcess::finished, this, [this](int code, QProcess::ExitStatus status) {
        // Deferred: finished can fire inside waitForReadyRead() while an invocation completes.
        QMetaObject::invokeMethod(
            this, [this, code, status] { onFinished(code, int(status)); }, Qt::QueuedConnection);
    });
    connect(m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error != QProcess::FailedToStart)
            return;
        const QString reason =
            QStringLiteral("cannot start %1: %2").arg(m_launch.program, m_process->errorString());
        QMetaObject::invokeMethod(
            this,
            [this, reason] {
                if (m_state == State::Dead)
                    return;
                m_deathReason = reason;
                if (m_inFlight)
                    complete(InvocationOutcome::RuntimeExit,
                             lambdaError(QStringLiteral("Runtime.ExitError"), reason),
                             QStringLiteral("Runtime.ExitError"));
                m_state = State::Dead;
                emit died(reason);
            },
            Qt::QueuedConnection);
    });
    m_spawnedAtMs = nowMs();
    m_timeout->start(int(m_config.initTimeoutMs + m_config.timeoutSeconds * 1000LL));
    m_process->start(m_launch.program, m_launch.arguments);
}

void Instance::invoke(const QString& requestId, const QByteArray& payload,
                      std::function<void(InvocationRecord)> done)
{
    InFlight f;
    f.record.requestId = requestId;
    f.record.functionName = m_config.functionName;
    f.record.instanceId = m_id;
    f.record.memorySizeMb = m_config.memorySizeMb;
    // The instance's first invocation, unless it was initialised in advance.
    f.record.coldStart = m_invocations == 0 && !m_provisioned;
    f.record.startedAtEpochMs = QDateTime::currentMSecsSinceEpoch();
    f.done = std::move(done);
    f.payload = payload;
    if (m_state == State::Dead) {
        InvocationRecord r = f.record;
        r.outcome = InvocationOutcome::RuntimeExit;
        r.errorType = QStringLiteral("Runtime.ExitError");
        r.payload = lambdaError(
            r.errorType, QStringLiteral("RequestId: %1 Error: %2").arg(requestId, m_deathReason));
        f.done(r);
        return;
    }
    ++m_invocations;
    m_inFlight = std::move(f);
    m_state = State::Busy;
    if (m_everReady)
        dispatch();
    // else: dispatched when the runtime first asks for work (onNextRequested)
}

void Instance::dispatch()
{
    if (m_frozen)
        thaw();
    InFlight& f = *m_inFlight;
    f.dispatchedAtMs = nowMs();
    if (f.record.coldStart) {
        f.record.initDurationMs = m_initDurationMs;
        f.record.logs += m_initLogs;
        m_initLogs.clear();
    }
    f.record.logs.append(f.record.startLine());
    emit logLine(f.record.requestId, f.record.logs.last());
    m_timeout->start(m_config.timeoutSeconds * 1000);
    m_memoryPoll->start();

    RuntimeEvent event;
    event.requestId = f.record.requestId.toUtf8();
    event.payload = f.payload;
    event.deadlineEpochMs = f.record.startedAtEpochMs + m_config.timeoutSeconds * 1000LL;
    event.invokedFunctionArn = m_config.functionArn.toUtf8();
    event.traceId = "Root=1-" + QByteArray::number(f.record.startedAtEpochMs / 1000, 16) + "-" +
                    f.record.requestId.toUtf8().replace('-', "").left(24) + ";Sampled=0";
    m_api->deliver(event);
}

void Instance::onNextRequested()
{
    if (!m_everReady) {
        m_everReady = true;
        m_initDurationMs = nowMs() - m_spawnedAtMs;
        m_timeout->stop();
        if (m_inFlight) {
            m_state = State::Busy;
            dispatch();
        } else {
            m_state = State::Idle;
        }
        emit ready();
        if (m_state == State::Idle && m_freezeWhenIdle)
            freeze();
        return;
    }
    if (m_state == State::Idle && m_freezeWhenIdle)
        freeze();
}

void Instance::complete(InvocationOutcome outcome, const QByteArray& payload,
                        const QString& errorType)
{
    if (!m_inFlight)
        return;
    m_timeout->stop();
    m_memoryPoll->stop();
    drainOutput(); // lines the handler printed before answering belong to this invocation
    InFlight f = std::move(*m_inFlight);
    m_inFlight.reset();
    m_api->clearCurrent();

    InvocationRecord& r = f.record;
    r.outcome = outcome;
    r.payload = payload;
    r.errorType = errorType;
    r.durationMs = f.dispatchedAtMs >= 0 ? nowMs() - f.dispatchedAtMs : 0;
    if (r.coldStart && f.dispatchedAtMs < 0)
        r.initDurationMs = nowMs() - m_spawnedAtMs; // failed before its init finished
    r.billedDurationMs = billedDurationMs(r.durationMs, r.initDurationMs, r.coldStart);
    r.maxMemoryUsedMb = std::max(peakMemoryMb(), m_polledPeakMb);
    if (outcome == InvocationOutcome::OutOfMemory)
        r.maxMemoryUsedMb = m_config.memorySizeMb; // what Lambda reports for an OOM kill
    if (f.dispatchedAtMs < 0) {
        // Never reached START (init failed): show the init logs and a START for the record.
        r.logs += m_initLogs;
        m_initLogs.clear();
        r.logs.append(r.startLine());
    }
    r.logs.append(r.endLine());
    r.logs.append(r.reportLine());
    emit logLine(r.requestId, r.logs.at(r.logs.size() - 2));
    emit logLine(r.requestId, r.logs.last());

    const bool keepInstance =
        outcome == InvocationOutcome::Success || outcome == InvocationOutcome::FunctionError;
    if (keepInstance && m_state == State::Busy)
        m_state = State::Idle;
    f.done(std::move(r));
}

void Instance::freeze()
{
    if (m_state != State::Idle || m_frozen || !m_api->isWaitingForWork())
        return;
    signalGroup(SIGSTOP);
    m_frozen = true;
    emit frozen();
}

void Instance::thaw()
{
    if (!m_frozen)
        return;
    signalGroup(SIGCONT);
    m_frozen = false;
    emit thawed();
}

void Instance::kill(const QString& reason)
{
    if (m_state == State::Dead)
        return;
    if (m_deathReason.isEmpty())
        m_deathReason = reason;
    if (m_inFlight) {
        const QString id = m_inFlight->record.requestId;
        complete(InvocationOutcome::RuntimeExit,
                 lambdaError(QStringLiteral("Runtime.ExitError"),
                             QStringLiteral("RequestId: %1 Error: Runtime exited with error: "
                                            "signal: killed")
                                 .arg(id)),
                 QStringLiteral("Runtime.ExitError"));
    }
    m_state = State::Dead;
    m_api->close();
    signalGroup(SIGKILL);
}

void Instance::onOutput()
{
    m_partialLine += m_process->readAllStandardOutput();
    qsizetype start = 0;
    while (true) {
        const qsizetype nl = m_partialLine.indexOf('\n', start);
        if (nl < 0)
            break;
        QByteArray line = m_partialLine.mid(start, nl - start);
        if (line.endsWith('\r'))
            line.chop(1);
        appendLog(QString::fromUtf8(line));
        start = nl + 1;
    }
    m_partialLine.remove(0, start);
    if (m_partialLine.size() > 64 * 1024) { // a line without end: cut it here
        appendLog(QString::fromUtf8(m_partialLine));
        m_partialLine.clear();
    }
}

void Instance::drainOutput()
{
    if (!m_process || m_process->state() != QProcess::Running)
        return;
    while (m_process->waitForReadyRead(0)) {
    }
    onOutput();
}

void Instance::appendLog(const QString& line)
{
    if (!m_inFlight) {
        if (!m_everReady)
            m_initLogs.append(line);
        emit logLine(QString(), line);
        return;
    }
    InFlight& f = *m_inFlight;
    if (f.record.logsTruncated)
        return;
    f.logBytes += line.size() + 1;
    if (f.logBytes > m_config.maxLogBytesPerInvocation) {
        f.record.logsTruncated = true;
        const QString marker = QStringLiteral("[swb] log output truncated: this invocation "
                                              "printed more than %1 KB")
                                   .arg(m_config.maxLogBytesPerInvocation / 1024);
        f.record.logs.append(marker);
        emit logLine(f.record.requestId, marker);
        return;
    }
    f.record.logs.append(line);
    emit logLine(f.record.requestId, line);
}

namespace {

qint64 residentKb(qint64 pid)
{
    return std::max<qint64>(ProcessStatusFile::fieldKb(pid, "VmRSS"), 0);
}

// The process and its descendants (a handler may fork workers), two levels deep.
qint64 treeResidentKb(qint64 pid, int depth = 0)
{
    qint64 kb = residentKb(pid);
    if (depth >= 2)
        return kb;
    QFile children(QStringLiteral("/proc/%1/task/%1/children").arg(pid));
    if (children.open(QIODevice::ReadOnly)) {
        for (const QByteArray& child : children.readAll().split(' ')) {
            if (!child.trimmed().isEmpty())
                kb += treeResidentKb(child.trimmed().toLongLong(), depth + 1);
        }
    }
    return kb;
}

} // namespace

int Instance::currentMemoryMb() const
{
    const qint64 p = pid();
    return p > 0 ? int((treeResidentKb(p) + 1023) / 1024) : 0;
}

void Instance::checkMemory()
{
    if (!m_inFlight)
        return;
    const int mb = currentMemoryMb();
    m_polledPeakMb = std::max(m_polledPeakMb, mb);
    if (mb <= m_config.memorySizeMb)
        return;
    const QString id = m_inFlight->record.requestId;
    const QString message =
        QStringLiteral("RequestId: %1 Error: Runtime exited with error: signal: killed").arg(id);
    appendLog(QStringLiteral("[swb] the instance used %1 MB, more than its %2 MB memory size, and "
                             "was killed")
                  .arg(mb)
                  .arg(m_config.memorySizeMb));
    appendLog(message);
    complete(InvocationOutcome::OutOfMemory,
             lambdaError(QStringLiteral("Runtime.OutOfMemory"), message),
             QStringLiteral("Runtime.OutOfMemory"));
    kill(QStringLiteral("out of memory"));
}

int Instance::peakMemoryMb() const
{
    if (!m_status.isOpen() && !m_status.open(pid()))
        return 0;
    const qint64 kb = m_status.fieldKb("VmHWM");
    return kb > 0 ? int((kb + 1023) / 1024) : 0;
}

void Instance::onFinished(int exitCode, int exitStatus)
{
    m_status.close();
    if (m_process)
        onOutput();
    if (!m_partialLine.isEmpty()) {
        appendLog(QString::fromUtf8(m_partialLine));
        m_partialLine.clear();
    }
    const bool crashed = exitStatus == QProcess::CrashExit;
    QString how;
    if (crashed) {
        // For a CrashExit, Qt 6 on Unix passes the signal number as the exit code.
        how = QStringLiteral("signal: %1").arg(signalName(exitCode == 0 ? SIGKILL : exitCode));
    } else {
        how = QStringLiteral("exit status %1").arg(exitCode);
    }
    if (!m_everReady && m_state != State::Dead)
        appendLog(
            QStringLiteral("INIT_REPORT Init Duration: %1 ms\tPhase: init\tStatus: error\tError "
                           "Type: Runtime.ExitError")
                .arg(nowMs() - m_spawnedAtMs, 0, 'f', 2));
    if (m_inFlight) {
        const QString id = m_inFlight->record.requestId;
        // Lambda's wording for a clean exit, which no runtime should do while it has work.
        const QString message =
            !crashed && exitCode == 0
                ? QStringLiteral("RequestId: %1 Error: Runtime exited without providing a reason")
                      .arg(id)
                : QStringLiteral("RequestId: %1 Error: Runtime exited with error: %2").arg(id, how);
        appendLog(message);
        complete(InvocationOutcome::RuntimeExit,
                 lambdaError(QStringLiteral("Runtime.ExitError"), message),
                 QStringLiteral("Runtime.ExitError"));
    }
    if (m_deathReason.isEmpty())
        m_deathReason = QStringLiteral("runtime exited with error: %1").arg(how);
    m_state = State::Dead;
    m_api->close();
    emit died(m_deathReason);
}

} // namespace swb
