#include "AwsLambdaProvider.h"

#include "aws/AwsErrorShape.h"
#include "aws/SigV4Request.h"
#include "aws/SigV4Signer.h"
#include "aws/StsRequests.h"
#include "common/DeployJob.h"
#include "common/LogTail.h"
#include "common/Packager.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QRegularExpression>
#include <QTimer>

#include <algorithm>

namespace swb {

namespace {

constexpr int kExpiryMarginSeconds = 300; // renew assumed-role credentials this early
const QString kLambdaApi = QStringLiteral("/2015-03-31/functions");
const QString kUrlApi = QStringLiteral("/2021-10-31/functions");

QByteArray toJson(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QJsonObject fromJson(const QByteArray& body)
{
    return QJsonDocument::fromJson(body).object();
}

// HttpClient hands back an answer of 400 and above as an Error whose detail starts with
// "HTTP <status> …" and holds the body after the first line; AWS's error shape is read
// from there.
AwsLambdaProvider::Failure failureFrom(const Error& error, const QString& service,
                                       const QString& operation)
{
    AwsLambdaProvider::Failure failure{error, 0, {}};
    static const QRegularExpression statusLine(QStringLiteral("^HTTP (\\d{3}) "));
    const QRegularExpressionMatch m = statusLine.match(error.detail);
    if (!m.hasMatch() || error.code == ErrorCode::Cancelled || error.code == ErrorCode::Network)
        return failure;
    failure.status = m.captured(1).toInt();
    const qsizetype newline = error.detail.indexOf(QLatin1Char('\n'));
    failure.body = newline < 0 ? QByteArray() : error.detail.mid(newline + 1).toUtf8();
    Error read = service == QLatin1String("sts")
                     ? StsRequests::parseError(failure.status, failure.body)
                     : AwsErrorShape::parse(failure.status, {}, failure.body).toError(operation);
    if (service == QLatin1String("sts"))
        read.message = QStringLiteral("%1 failed: %2").arg(operation, read.message);
    read.detail += QLatin1Char('\n') + error.detail;
    failure.error = std::move(read);
    return failure;
}

bool isExpiredToken(const AwsLambdaProvider::Failure& failure)
{
    if (failure.status != 400 && failure.status != 403)
        return false;
    const QByteArray b = failure.body.toLower();
    return b.contains("expiredtoken") || b.contains("token included in the request is expired");
}

QJsonObject environmentObject(const QMap<QString, QString>& variables)
{
    QJsonObject vars;
    for (auto it = variables.begin(); it != variables.end(); ++it)
        vars.insert(it.key(), it.value());
    return QJsonObject{{QStringLiteral("Variables"), vars}};
}

bool wantsFunctionUrl(const DeploySpec& spec, const DeployTarget& target)
{
    if (!target.extensions.value(QLatin1String(AwsLambdaProvider::kFunctionUrlExtension)).toBool())
        return false;
    return std::any_of(spec.function.triggers.begin(), spec.function.triggers.end(),
                       [](const TriggerSpec& t) { return t.type == TriggerType::Http; });
}

// One deploy, step by step; a child of its job, so it goes when the job goes.
class LambdaDeploy : public QObject {
public:
    LambdaDeploy(AwsLambdaProvider* provider, DeployJob* job, DeploySpec spec, DeployTarget target)
        : QObject(job), m_provider(provider), m_job(job), m_spec(std::move(spec)),
          m_target(std::move(target))
    {
        m_timer.setSingleShot(true);
        connect(job, &DeployJob::cancelRequested, this, [this] { onCancel(); });
        m_result.codeSha256 = m_spec.package ? m_spec.package->sha256Base64 : QString();
        m_result.version = QStringLiteral("$LATEST");
    }

    void start()
    {
        if (m_job->finishIfCancelled())
            return;
        const QString name = m_spec.remoteName;
        if (!m_spec.package || m_spec.package->zipBytes.isEmpty()) {
            m_job->finish(fail(ErrorCode::InvalidArgument,
                               AwsLambdaProvider::tr("There is no package to deploy for '%1'; "
                                                     "package the function first.")
                                   .arg(name)));
            return;
        }
        const qint64 zipBytes = m_spec.package->zipBytes.size();
        if (zipBytes > AwsLambdaProvider::kMaxInlineZipBytes) {
            m_job->finish(fail(ErrorCode::Unsupported,
                               AwsLambdaProvider::tr("The package of '%1' is %2 MB zipped; Lambda "
                                                     "takes at most %3 MB uploaded directly. "
                                                     "Leave out what the function does not need "
                                                     "with a .swbignore file.")
                                   .arg(name)
                                   .arg(double(zipBytes) / (1024 * 1024), 0, 'f', 1)
                                   .arg(AwsLambdaProvider::kMaxInlineZipBytes / (1024 * 1024))));
            return;
        }
        m_role =
            m_target.extensions.value(QLatin1String(AwsLambdaProvider::kRoleExtension)).toString();
        if (m_role.isEmpty()) {
            m_job->finish(fail(
                ErrorCode::InvalidArgument,
                AwsLambdaProvider::tr("Deploy target '%1' names no IAM role for '%2'; add "
                                      "\"role\": \"arn:aws:iam::ACCOUNT:role/NAME\" to the deploy "
                                      "target in workbench.json.")
                    .arg(m_target.name, name)));
            return;
        }
        m_job->beginStep(DeployJob::kUpload,
                         AwsLambdaProvider::tr("Looking up '%1' on Lambda").arg(name));
        send(get(functionPath(), QStringLiteral("GetFunction")), [this](auto r) {
            if (!r) {
                if (r.error().status == 404)
                    create();
                else
                    failWith(r.error().error);
                return;
            }
            m_config = fromJson(r->body).value(QStringLiteral("Configuration")).toObject();
            const bool sameCode =
                m_config.value(QStringLiteral("CodeSha256")).toString() == m_result.codeSha256;
            const bool sameArchitecture =
                architectures() == m_config.value(QStringLiteral("Architectures")).toArray() ||
                m_config.value(QStringLiteral("Architectures")).isUndefined();
            if (sameCode && sameArchitecture) {
                m_result.codeUnchanged = true;
                updateConfiguration();
            } else {
                updateCode();
            }
        });
    }

private:
    using Done = std::function<void(AwsLambdaProvider::CallResult)>;

    QString functionPath() const { return kLambdaApi + QLatin1Char('/') + m_spec.remoteName; }
    QString operation(const QString& name) const
    {
        return QStringLiteral("Lambda %1 of '%2'").arg(name, m_spec.remoteName);
    }
    AwsLambdaProvider::Call get(const QString& path, const QString& name) const
    {
        AwsLambdaProvider::Call c;
        c.service = QStringLiteral("lambda");
        c.path = path;
        c.operation = operation(name);
        return c;
    }
    AwsLambdaProvider::Call withBody(QByteArray method, const QString& path, const QString& name,
                                     const QJsonObject& body) const
    {
        AwsLambdaProvider::Call c = get(path, name);
        c.method = std::move(method);
        c.body = toJson(body);
        c.contentType = "application/json";
        // An upload gets a minute plus a second per 64 KB (a slow uplink), not the default 30 s.
        c.timeoutMs = int(std::min<qint64>(60'000 + c.body.size() / 64, 3'600'000));
        return c;
    }
    QJsonArray architectures() const { return QJsonArray{m_spec.function.architecture}; }

    // Sends and, on 409 or a server error to a GET, waits and sends again, up to the
    // provider's conflictTries.
    void send(const AwsLambdaProvider::Call& call, Done done, int attempt = 1)
    {
        m_inFlight = m_provider->send(call, [this, guard = QPointer<LambdaDeploy>(this), call, done,
                                             attempt](AwsLambdaProvider::CallResult r) {
            if (!guard)
                return;
            m_inFlight = 0;
            if (m_job->finishIfCancelled())
                return;
            // 409: another update is in progress. 500 (ServiceException) to a read: Lambda
            // had a transient fault, and asking again cannot change anything.
            const bool retry = !r && (r.error().status == 409 ||
                                      (r.error().status >= 500 && call.method == "GET"));
            if (retry && attempt < m_provider->timing().conflictTries) {
                later(m_provider->timing().conflictDelayMs,
                      [this, call, done, attempt] { send(call, done, attempt + 1); });
                return;
            }
            done(std::move(r));
        });
    }

    void later(int delayMs, std::function<void()> next)
    {
        m_timer.disconnect();
        connect(&m_timer, &QTimer::timeout, this, [next = std::move(next)] { next(); });
        m_timer.start(std::max(0, delayMs));
    }

    void onCancel()
    {
        if (m_inFlight != 0) {
            // The call's callback sees Cancelled and finishes the job.
            m_provider->cancel(m_inFlight);
        } else if (m_timer.isActive()) {
            m_timer.stop();
            m_job->finishIfCancelled();
        }
    }

    void failWith(Error error)
    {
        if (m_job->finishIfCancelled())
            return;
        m_job->finish(std::unexpected(std::move(error)));
    }

    void create()
    {
        const Package& package = *m_spec.package;
        const FunctionSpec& f = m_spec.function;
        m_job->beginStep(DeployJob::kUpload,
                         AwsLambdaProvider::tr("Creating '%1' with a %2 KB package")
                             .arg(m_spec.remoteName)
                             .arg((package.zipBytes.size() + 1023) / 1024));
        const QJsonObject body{
            {QStringLiteral("FunctionName"), m_spec.remoteName},
            {QStringLiteral("Runtime"), f.runtime},
            {QStringLiteral("Role"), m_role},
            {QStringLiteral("Handler"), f.handler},
            {QStringLiteral("Code"),
             QJsonObject{
                 {QStringLiteral("ZipFile"), QString::fromLatin1(package.zipBytes.toBase64())}}},
            {QStringLiteral("Description"), f.description},
            {QStringLiteral("Timeout"), f.timeoutSeconds},
            {QStringLiteral("MemorySize"), f.memoryMb},
            {QStringLiteral("Publish"), false},
            {QStringLiteral("PackageType"), QStringLiteral("Zip")},
            {QStringLiteral("Environment"), environmentObject(f.environment)},
            {QStringLiteral("Architectures"), architectures()},
        };
        send(withBody("POST", kLambdaApi, QStringLiteral("CreateFunction"), body), [this](auto r) {
            if (!r)
                return failWith(r.error().error);
            m_config = fromJson(r->body);
            m_job->beginStep(
                DeployJob::kReady,
                AwsLambdaProvider::tr("Waiting for '%1' to become active").arg(m_spec.remoteName));
            waitUntilSettled(/*creating=*/true, [this] { publish(); });
        });
    }

    void updateCode()
    {
        const Package& package = *m_spec.package;
        m_job->beginStep(DeployJob::kUpload,
                         AwsLambdaProvider::tr("Uploading %1 KB of code to '%2'")
                             .arg((package.zipBytes.size() + 1023) / 1024)
                             .arg(m_spec.remoteName));
        const QJsonObject body{
            {QStringLiteral("ZipFile"), QString::fromLatin1(package.zipBytes.toBase64())},
            {QStringLiteral("Architectures"), architectures()},
            {QStringLiteral("Publish"), false},
        };
        send(withBody("PUT", functionPath() + QStringLiteral("/code"),
                      QStringLiteral("UpdateFunctionCode"), body),
             [this](auto r) {
                 if (!r)
                     return failWith(r.error().error);
                 m_config = fromJson(r->body);
                 waitUntilSettled(false, [this] { updateConfiguration(); });
             });
    }

    // What the workspace says that the function on Lambda does not have yet; empty: nothing.
    QJsonObject configurationChanges() const
    {
        const FunctionSpec& f = m_spec.function;
        QJsonObject wanted{
            {QStringLiteral("Runtime"), f.runtime},
            {QStringLiteral("Handler"), f.handler},
            {QStringLiteral("MemorySize"), f.memoryMb},
            {QStringLiteral("Timeout"), f.timeoutSeconds},
            {QStringLiteral("Description"), f.description},
        };
        QJsonObject changes;
        for (auto it = wanted.begin(); it != wanted.end(); ++it) {
            const QJsonValue have = m_config.value(it.key());
            const bool same = it.value().isDouble() ? have.toInt() == it.value().toInt()
                                                    : have.toString() == it.value().toString();
            if (!same)
                changes.insert(it.key(), it.value());
        }
        const QJsonObject haveVars = m_config.value(QStringLiteral("Environment"))
                                         .toObject()
                                         .value(QStringLiteral("Variables"))
                                         .toObject();
        const QJsonObject wantVars =
            environmentObject(f.environment).value(QStringLiteral("Variables")).toObject();
        if (haveVars != wantVars)
            changes.insert(QStringLiteral("Environment"), environmentObject(f.environment));
        return changes;
    }

    void updateConfiguration()
    {
        const QJsonObject changes = configurationChanges();
        if (changes.isEmpty())
            return publish();
        m_job->beginStep(DeployJob::kUpdate,
                         AwsLambdaProvider::tr("Updating the configuration of '%1' (%2)")
                             .arg(m_spec.remoteName, changes.keys().join(QStringLiteral(", "))));
        send(withBody("PUT", functionPath() + QStringLiteral("/configuration"),
                      QStringLiteral("UpdateFunctionConfiguration"), changes),
             [this](auto r) {
                 if (!r)
                     return failWith(r.error().error);
                 m_config = fromJson(r->body);
                 waitUntilSettled(false, [this] { publish(); });
             });
    }

    // Create: State Pending -> Active. Update: LastUpdateStatus InProgress -> Successful.
    void waitUntilSettled(bool creating, std::function<void()> next, int delayMs = 0,
                          int waitedMs = 0)
    {
        const QString name = m_spec.remoteName;
        if (creating) {
            const QString state = m_config.value(QStringLiteral("State")).toString();
            if (state == QLatin1String("Failed"))
                return failWith(
                    Error{ErrorCode::Remote,
                          AwsLambdaProvider::tr("Lambda could not make '%1' active: %2")
                              .arg(name, m_config.value(QStringLiteral("StateReason")).toString()),
                          m_config.value(QStringLiteral("StateReasonCode")).toString(),
                          {}});
            if (state.isEmpty() || state == QLatin1String("Active"))
                return next();
        } else {
            const QString status = m_config.value(QStringLiteral("LastUpdateStatus")).toString();
            if (status == QLatin1String("Failed"))
                return failWith(Error{
                    ErrorCode::Remote,
                    AwsLambdaProvider::tr("Lambda could not update '%1': %2")
                        .arg(name,
                             m_config.value(QStringLiteral("LastUpdateStatusReason")).toString()),
                    m_config.value(QStringLiteral("LastUpdateStatusReasonCode")).toString(),
                    {}});
            if (status.isEmpty() || status == QLatin1String("Successful"))
                return next();
        }
        const AwsLambdaProvider::Timing& t = m_provider->timing();
        if (waitedMs >= t.waitLimitMs)
            return failWith(Error{ErrorCode::Network,
                                  AwsLambdaProvider::tr("'%1' was still not ready after %2 "
                                                        "seconds; check it in the Lambda console "
                                                        "and deploy again.")
                                      .arg(name)
                                      .arg(waitedMs / 1000),
                                  {},
                                  {}});
        const int delay = delayMs == 0 ? t.pollFirstMs : std::min(delayMs * 2, t.pollMaxMs);
        later(delay, [this, creating, next, delay, waitedMs] {
            send(get(functionPath() + QStringLiteral("/configuration"),
                     QStringLiteral("GetFunctionConfiguration")),
                 [this, creating, next, delay, waitedMs](auto r) {
                     if (!r)
                         return failWith(r.error().error);
                     m_config = fromJson(r->body);
                     waitUntilSettled(creating, next, delay, waitedMs + delay);
                 });
        });
    }

    void publish()
    {
        if (m_job->finishIfCancelled())
            return;
        m_result.arn = m_config.value(QStringLiteral("FunctionArn")).toString();
        if (m_job->currentStep() != QLatin1String(DeployJob::kReady))
            m_job->beginStep(
                DeployJob::kReady,
                AwsLambdaProvider::tr("'%1' is updated and active").arg(m_spec.remoteName));
        if (!m_target.extensions.value(QLatin1String(AwsLambdaProvider::kPublishExtension))
                 .toBool())
            return functionUrl();
        m_job->beginStep(
            DeployJob::kReady,
            AwsLambdaProvider::tr("Publishing a version of '%1'").arg(m_spec.remoteName));
        const QJsonObject body{{QStringLiteral("CodeSha256"), m_result.codeSha256},
                               {QStringLiteral("Description"), m_spec.function.description}};
        send(withBody("POST", functionPath() + QStringLiteral("/versions"),
                      QStringLiteral("PublishVersion"), body),
             [this](auto r) {
                 if (!r)
                     return failWith(r.error().error);
                 m_result.version = fromJson(r->body).value(QStringLiteral("Version")).toString();
                 functionUrl();
             });
    }

    void functionUrl()
    {
        if (!wantsFunctionUrl(m_spec, m_target))
            return succeed();
        m_job->beginStep(
            DeployJob::kReady,
            AwsLambdaProvider::tr("Checking the function URL of '%1'").arg(m_spec.remoteName));
        const QString urlPath =
            kUrlApi + QLatin1Char('/') + m_spec.remoteName + QStringLiteral("/url");
        send(get(urlPath, QStringLiteral("GetFunctionUrlConfig")), [this, urlPath](auto r) {
            if (r) {
                m_result.url = fromJson(r->body).value(QStringLiteral("FunctionUrl")).toString();
                return succeed();
            }
            if (r.error().status != 404)
                return failWith(r.error().error);
            const QJsonObject body{{QStringLiteral("AuthType"), QStringLiteral("NONE")}};
            send(withBody("POST", urlPath, QStringLiteral("CreateFunctionUrlConfig"), body),
                 [this](auto created) {
                     if (!created)
                         return failWith(created.error().error);
                     m_result.url =
                         fromJson(created->body).value(QStringLiteral("FunctionUrl")).toString();
                     allowPublicUrl();
                 });
        });
    }

    // AuthType NONE still needs a resource policy that lets anyone call the URL.
    void allowPublicUrl()
    {
        const QJsonObject body{
            {QStringLiteral("StatementId"), QStringLiteral("FunctionURLAllowPublicAccess")},
            {QStringLiteral("Action"), QStringLiteral("lambda:InvokeFunctionUrl")},
            {QStringLiteral("Principal"), QStringLiteral("*")},
            {QStringLiteral("FunctionUrlAuthType"), QStringLiteral("NONE")},
        };
        AwsLambdaProvider::Call call = withBody("POST", functionPath() + QStringLiteral("/policy"),
                                                QStringLiteral("AddPermission"), body);
        m_inFlight = m_provider->send(call, [this, guard = QPointer<LambdaDeploy>(this)](auto r) {
            if (!guard)
                return;
            m_inFlight = 0;
            if (m_job->finishIfCancelled())
                return;
            // 409: the statement is there already.
            if (!r && r.error().status != 409)
                return failWith(r.error().error);
            succeed();
        });
    }

    void succeed()
    {
        if (m_job->finishIfCancelled())
            return;
        m_result.arn = m_config.value(QStringLiteral("FunctionArn")).toString();
        m_job->finish(m_result);
    }

    AwsLambdaProvider* m_provider;
    DeployJob* m_job;
    DeploySpec m_spec;
    DeployTarget m_target;
    QString m_role;
    QJsonObject m_config; // the latest FunctionConfiguration Lambda answered
    DeployResult m_result;
    quint64 m_inFlight = 0;
    QTimer m_timer;
};

// Polls FilterLogEvents for one function's log group; a child of its tail.
class LambdaLogPoll : public QObject {
public:
    LambdaLogPoll(AwsLambdaProvider* provider, LogTail* tail)
        : QObject(tail), m_provider(provider), m_tail(tail)
    {
        m_timer.setSingleShot(true);
        connect(&m_timer, &QTimer::timeout, this, [this] { poll(); });
        connect(tail, &LogTail::stopRequested, this, [this] {
            m_timer.stop();
            if (m_inFlight != 0)
                m_provider->cancel(m_inFlight);
            m_tail->finish();
        });
    }

    void poll()
    {
        if (m_tail->isFinished())
            return;
        m_batch.clear();
        m_pollStart = m_tail->lastSeen().toMSecsSinceEpoch();
        page({});
    }

private:
    void page(const QString& token)
    {
        const LogQuery& q = m_tail->query();
        QJsonObject body{
            {QStringLiteral("logGroupName"), QStringLiteral("/aws/lambda/") + q.function},
            {QStringLiteral("startTime"), double(m_pollStart)},
            {QStringLiteral("interleaved"), true},
        };
        if (!q.filter.isEmpty()) {
            // A quoted term matches the text literally (CloudWatch's filter pattern syntax).
            QString literal = q.filter;
            literal.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
            literal.replace(QLatin1Char('"'), QStringLiteral("\\\""));
            body.insert(QStringLiteral("filterPattern"),
                        QLatin1Char('"') + literal + QLatin1Char('"'));
        }
        if (!token.isEmpty())
            body.insert(QStringLiteral("nextToken"), token);
        AwsLambdaProvider::Call call;
        call.service = QStringLiteral("logs");
        call.method = "POST";
        call.path = QStringLiteral("/");
        call.body = toJson(body);
        call.contentType = "application/x-amz-json-1.1";
        call.target = "Logs_20140328.FilterLogEvents";
        call.idempotent = true; // a read
        call.operation = QStringLiteral("CloudWatch Logs FilterLogEvents for '%1'").arg(q.function);
        m_inFlight = m_provider->send(call, [this, guard = QPointer<LambdaLogPoll>(this),
                                             token](auto r) {
            if (!guard)
                return;
            m_inFlight = 0;
            if (m_tail->isFinished())
                return;
            if (!r)
                return failed(r.error());
            const QJsonObject answer = fromJson(r->body);
            for (const QJsonValue& v : answer.value(QStringLiteral("events")).toArray()) {
                const QJsonObject e = v.toObject();
                QString message = e.value(QStringLiteral("message")).toString();
                while (message.endsWith(QLatin1Char('\n')) || message.endsWith(QLatin1Char('\r')))
                    message.chop(1);
                m_batch.append(
                    LogEvent{QDateTime::fromMSecsSinceEpoch(
                                 qint64(e.value(QStringLiteral("timestamp")).toDouble()), Qt::UTC),
                             e.value(QStringLiteral("eventId")).toString(),
                             e.value(QStringLiteral("logStreamName")).toString(), message});
            }
            const QString next = answer.value(QStringLiteral("nextToken")).toString();
            if (!next.isEmpty() && next != token)
                return page(next);
            m_tail->deliver(std::move(m_batch));
            m_batch.clear();
            m_failures = 0;
            m_tail->reportRecovered();
            scheduleNext(m_tail->query().pollIntervalMs);
        });
    }

    void failed(const AwsLambdaProvider::Failure& failure)
    {
        if (failure.error.code == ErrorCode::NotFound) {
            // No log group yet: the function has not run (or logged) since it was created.
            m_tail->reportRecovered();
            return scheduleNext(m_tail->query().pollIntervalMs);
        }
        if (!m_tail->query().follow)
            return m_tail->finish(std::unexpected(failure.error));
        m_tail->reportProblem(failure.error);
        ++m_failures;
        const qint64 backoff = qint64(std::max(1, m_tail->query().pollIntervalMs))
                               << std::min(m_failures, 10);
        scheduleNext(int(std::min<qint64>(backoff, m_provider->timing().logBackoffMaxMs)));
    }

    void scheduleNext(int delayMs)
    {
        if (!m_tail->query().follow || m_tail->isStopRequested())
            return m_tail->finish();
        m_timer.start(std::max(0, delayMs));
    }

    AwsLambdaProvider* m_provider;
    LogTail* m_tail;
    QList<LogEvent> m_batch;
    qint64 m_pollStart = 0;
    int m_failures = 0;
    quint64 m_inFlight = 0;
    QTimer m_timer;
};

} // namespace

struct AwsLambdaProvider::CallState {
    Call call;
    std::function<void(CallResult)> done;
    HttpClient::RequestId request = 0;
    bool renewedCredentials = false;
};

AwsLambdaProvider::AwsLambdaProvider(ProviderContext context, QObject* parent)
    : Provider(parent), m_context(std::move(context)),
      m_http(new HttpClient(m_context.network, this))
{}

AwsLambdaProvider::~AwsLambdaProvider() = default;

QUrl AwsLambdaProvider::serviceEndpoint(const QString& service, const QString& region,
                                        const QString& endpointOverride)
{
    if (!endpointOverride.isEmpty())
        return QUrl(endpointOverride);
    if (service == QLatin1String("sts"))
        return StsRequests::endpoint(region);
    const QString domain = region.startsWith(QLatin1String("cn-"))
                               ? QStringLiteral("amazonaws.com.cn")
                               : QStringLiteral("amazonaws.com");
    return QUrl(QStringLiteral("https://%1.%2.%3/").arg(service, region, domain));
}

QString AwsLambdaProvider::endpointOverride() const
{
    return !m_context.endpoint.isEmpty() ? m_context.endpoint : m_context.target.endpoint;
}

Result<QString> AwsLambdaProvider::region(const AwsCredentialResolution& resolution) const
{
    if (!m_context.region.isEmpty())
        return m_context.region;
    if (!m_context.target.region.isEmpty())
        return m_context.target.region;
    if (!resolution.region.isEmpty())
        return resolution.region;
    return fail(ErrorCode::InvalidArgument,
                tr("No AWS region is set; add \"region\" to the deploy target in workbench.json, "
                   "pass --region, set AWS_REGION, or set region in the profile."));
}

void AwsLambdaProvider::rememberSecrets(const AwsCredentials& credentials)
{
    m_http->addSecret(credentials.secretAccessKey);
    m_http->addSecret(credentials.sessionToken);
}

void AwsLambdaProvider::session(std::function<void(Result<Session>)> done)
{
    const QString home = m_context.homeFolder.isEmpty() ? QDir::homePath() : m_context.homeFolder;
    const AwsCredentialChain chain(m_context.environment, home);
    Result<AwsCredentialResolution> resolution = chain.resolve(m_context.profile);
    if (!resolution)
        return done(std::unexpected(resolution.error()));
    const Result<QString> r = region(*resolution);
    if (!r)
        return done(std::unexpected(r.error()));
    rememberSecrets(resolution->credentials);
    if (!resolution->needsAssumeRole())
        return done(Session{resolution->credentials, *r, resolution->source()});
    const QDateTime renewAt = QDateTime::currentDateTimeUtc().addSecs(kExpiryMarginSeconds);
    if (m_assumed && m_assumed->region == *r &&
        (!m_assumed->credentials.expiration.isValid() ||
         m_assumed->credentials.expiration > renewAt))
        return done(*m_assumed);
    const AwsCredentials first = resolution->credentials;
    assumeRoles(std::move(*resolution), *r, 0, first, std::move(done));
}

void AwsLambdaProvider::assumeRoles(AwsCredentialResolution resolution, QString region, int step,
                                    AwsCredentials credentials,
                                    std::function<void(Result<Session>)> done)
{
    if (step >= resolution.roles.size()) {
        m_assumed = Session{credentials, region, resolution.source()};
        return done(*m_assumed);
    }
    const AwsRoleStep& role = resolution.roles.at(step);
    AwsAssumeRoleParameters parameters;
    parameters.roleArn = role.roleArn;
    parameters.roleSessionName =
        role.roleSessionName.isEmpty()
            ? QStringLiteral("serverless-workbench-%1").arg(QDateTime::currentSecsSinceEpoch())
            : role.roleSessionName;
    parameters.externalId = role.externalId;
    parameters.durationSeconds = role.durationSeconds;
    const QUrl endpoint = serviceEndpoint(QStringLiteral("sts"), region, endpointOverride());
    const SigV4Request sts = StsRequests::assumeRole(endpoint, parameters);

    HttpRequest request;
    request.method = sts.method;
    request.url = endpoint;
    request.body = sts.body;
    request.idempotent = true; // assuming a role twice only issues two sets of credentials
    for (const auto& [name, value] : sts.headers)
        if (name.compare("Host", Qt::CaseInsensitive) != 0)
            request.headers.append({name, value});
    request.prepare = [credentials, region](HttpRequest& r) {
        SigV4Request s = SigV4Request::fromUrl(r.method, r.url, r.body);
        for (const auto& [name, value] : r.headers)
            s.setHeader(name, value);
        SigV4Signer(credentials, region, QStringLiteral("sts"))
            .sign(s, QDateTime::currentDateTimeUtc());
        r.headers.clear();
        for (const auto& [name, value] : s.headers)
            if (name.compare("Host", Qt::CaseInsensitive) != 0) // Qt sends the same one
                r.headers.append({name, value});
    };
    const QString operation = tr("STS AssumeRole of %1 (%2)").arg(role.roleArn, role.source);
    m_http->send(request, [this, resolution = std::move(resolution), region, step, operation,
                           done = std::move(done)](Result<HttpResponse> r) mutable {
        if (!r)
            return done(
                std::unexpected(failureFrom(r.error(), QStringLiteral("sts"), operation).error));
        Result<AwsAssumedRole> assumed = StsRequests::parseAssumeRole(r->body);
        if (!assumed)
            return done(std::unexpected(assumed.error()));
        rememberSecrets(assumed->credentials);
        assumeRoles(std::move(resolution), region, step + 1, assumed->credentials, std::move(done));
    });
}

quint64 AwsLambdaProvider::send(const Call& call, std::function<void(CallResult)> done)
{
    const quint64 handle = m_nextCall++;
    auto state = std::make_unique<CallState>();
    state->call = call;
    state->done = std::move(done);
    m_calls.emplace(handle, std::move(state));
    // From the event loop, so the caller holds the handle before anything can answer.
    QMetaObject::invokeMethod(
        this, [this, handle] { sendAttempt(handle); }, Qt::QueuedConnection);
    return handle;
}

void AwsLambdaProvider::cancel(quint64 handle)
{
    const auto it = m_calls.find(handle);
    if (it == m_calls.end())
        return;
    if (it->second->request != 0 && m_http->cancel(it->second->request))
        return; // the request's callback reports Cancelled
    std::unique_ptr<CallState> state = std::move(it->second);
    m_calls.erase(it);
    QMetaObject::invokeMethod(
        this,
        [state = std::shared_ptr<CallState>(std::move(state))] {
            state->done(
                std::unexpected(Failure{Error{ErrorCode::Cancelled,
                                              tr("%1 was cancelled.").arg(state->call.operation),
                                              {},
                                              {}},
                                        0,
                                        {}}));
        },
        Qt::QueuedConnection);
}

void AwsLambdaProvider::sendAttempt(quint64 handle)
{
    if (!m_calls.contains(handle))
        return;
    session([this, handle](Result<Session> s) {
        const auto it = m_calls.find(handle);
        if (it == m_calls.end())
            return;
        CallState& state = *it->second;
        if (!s) {
            auto done = std::move(state.done);
            m_calls.erase(it);
            return done(std::unexpected(Failure{s.error(), 0, {}}));
        }
        const Call& c = state.call;
        QUrl url = serviceEndpoint(c.service, s->region, endpointOverride());
        QString base = url.path();
        while (base.endsWith(QLatin1Char('/')))
            base.chop(1);
        url.setPath(base + c.path);
        if (!c.query.isEmpty()) {
            QStringList parts;
            for (const auto& [name, value] : c.query)
                parts << QString::fromLatin1(QUrl::toPercentEncoding(name) + '=' +
                                             QUrl::toPercentEncoding(value));
            url.setQuery(parts.join(QLatin1Char('&')), QUrl::StrictMode);
        }
        HttpRequest request;
        request.method = c.method;
        request.url = url;
        request.body = c.body;
        request.idempotent = c.idempotent;
        request.timeoutMs = c.timeoutMs;
        if (!c.contentType.isEmpty())
            request.headers.append({"Content-Type", c.contentType});
        if (!c.target.isEmpty())
            request.headers.append({"X-Amz-Target", c.target});
        request.prepare = [credentials = s->credentials, region = s->region,
                           service = c.service](HttpRequest& r) {
            SigV4Request sig = SigV4Request::fromUrl(r.method, r.url, r.body);
            for (const auto& [name, value] : r.headers)
                sig.setHeader(name, value);
            SigV4Signer(credentials, region, service).sign(sig, QDateTime::currentDateTimeUtc());
            r.headers.clear();
            for (const auto& [name, value] : sig.headers)
                if (name.compare("Host", Qt::CaseInsensitive) != 0)
                    r.headers.append({name, value});
        };
        state.request =
            m_http->send(request, [this, handle, source = s->source](Result<HttpResponse> r) {
                const auto found = m_calls.find(handle);
                if (found == m_calls.end())
                    return;
                CallState& st = *found->second;
                st.request = 0;
                if (r) {
                    auto done = std::move(st.done);
                    m_calls.erase(found);
                    return done(std::move(*r));
                }
                Failure failure = failureFrom(r.error(), st.call.service, st.call.operation);
                if (isExpiredToken(failure) && !st.renewedCredentials) {
                    // Fresh credentials may be there (a renewed profile, a role to assume again).
                    st.renewedCredentials = true;
                    m_assumed.reset();
                    return sendAttempt(handle);
                }
                if (failure.error.code == ErrorCode::Unauthorized)
                    failure.error.message = tr("AWS did not accept the credentials from %1. %2")
                                                .arg(source, failure.error.message);
                auto done = std::move(st.done);
                m_calls.erase(found);
                done(std::unexpected(std::move(failure)));
            });
    });
}

void AwsLambdaProvider::checkIdentity(std::function<void(Result<ProviderIdentity>)> done)
{
    Call call;
    call.service = QStringLiteral("sts");
    call.method = "POST";
    call.contentType = "application/x-www-form-urlencoded; charset=utf-8";
    call.body = StsRequests::formBody({{"Action", QStringLiteral("GetCallerIdentity")},
                                       {"Version", QString::fromLatin1(StsRequests::apiVersion)}});
    call.idempotent = true;
    call.operation = tr("STS GetCallerIdentity");
    send(call, [this, done = std::move(done)](CallResult r) {
        if (!r)
            return done(std::unexpected(r.error().error));
        const Result<AwsCallerIdentity> who = StsRequests::parseGetCallerIdentity(r->body);
        if (!who)
            return done(std::unexpected(who.error()));
        // The session the call was signed with (cached: no second request).
        session([this, who = *who, done](Result<Session> s) {
            if (!s)
                return done(std::unexpected(s.error()));
            done(ProviderIdentity{
                who.arn, s->source,
                serviceEndpoint(QStringLiteral("lambda"), s->region, endpointOverride()).toString(),
                s->region});
        });
    });
}

DeployJob* AwsLambdaProvider::deploy(const DeploySpec& spec)
{
    auto* job = new DeployJob(this);
    auto* run = new LambdaDeploy(this, job, spec, m_context.target);
    // From the event loop, so the caller can connect to the job first.
    QMetaObject::invokeMethod(
        run, [run] { run->start(); }, Qt::QueuedConnection);
    return job;
}

LogTail* AwsLambdaProvider::tailLogs(const LogQuery& query)
{
    auto* tail = new LogTail(query, this);
    auto* poll = new LambdaLogPoll(this, tail);
    QMetaObject::invokeMethod(
        poll, [poll] { poll->poll(); }, Qt::QueuedConnection);
    return tail;
}

void AwsLambdaProvider::listFunctions(std::function<void(Result<QStringList>)> done)
{
    auto names = std::make_shared<QStringList>();
    auto page = std::make_shared<std::function<void(QString)>>();
    *page = [this, names, page, done = std::move(done)](const QString& marker) {
        Call call;
        call.service = QStringLiteral("lambda");
        call.path = kLambdaApi + QLatin1Char('/');
        call.query = {{QStringLiteral("MaxItems"), QStringLiteral("50")}};
        if (!marker.isEmpty())
            call.query.append({QStringLiteral("Marker"), marker});
        call.operation = tr("Lambda ListFunctions");
        send(call, [names, page, done, marker](CallResult r) {
            if (!r) {
                *page = nullptr; // breaks the cycle
                return done(std::unexpected(r.error().error));
            }
            const QJsonObject answer = fromJson(r->body);
            for (const QJsonValue& f : answer.value(QStringLiteral("Functions")).toArray())
                names->append(f.toObject().value(QStringLiteral("FunctionName")).toString());
            const QString next = answer.value(QStringLiteral("NextMarker")).toString();
            if (!next.isEmpty() && next != marker)
                return (*page)(next);
            *page = nullptr; // breaks the cycle
            names->sort();
            done(*names);
        });
    };
    (*page)(QString());
}

void AwsLambdaProvider::removeFunction(const QString& remoteName,
                                       std::function<void(Result<void>)> done)
{
    Call call;
    call.service = QStringLiteral("lambda");
    call.method = "DELETE";
    call.path = kLambdaApi + QLatin1Char('/') + remoteName;
    call.operation = tr("Lambda DeleteFunction of '%1'").arg(remoteName);
    send(call, [done = std::move(done)](CallResult r) {
        if (!r)
            return done(std::unexpected(r.error().error));
        done({});
    });
}

} // namespace swb
