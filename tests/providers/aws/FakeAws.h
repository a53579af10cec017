#pragma once
// A strict local stand-in for AWS Lambda, CloudWatch Logs and STS on 127.0.0.1: it checks every
// request's SigV4 signature (and the scope's service per endpoint), method, path, content type
// and required fields, answers with AWS's response and error shapes, records what it got, and
// can be told to misbehave (conflicts, throttling, slow states, dropped connections, expired
// tokens). Header-only, without Q_OBJECT, so a test includes it and needs no moc.
//
// Shapes follow the Lambda API reference (FunctionConfiguration, GetFunction, errors with
// x-amzn-ErrorType), the CloudWatch Logs API reference (FilterLogEvents, JSON 1.1 "__type"
// errors) and the STS API reference (Query API, XML answers and <ErrorResponse>).

#include "aws/AwsCredentials.h"
#include "aws/SigV4Request.h"
#include "aws/SigV4Verifier.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QPointer>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrlQuery>
#include <QUuid>

#include <algorithm>
#include <map>
#include <memory>

namespace swb::test {

struct FakeAwsRequest {
    QByteArray method;
    QByteArray path; // as on the wire
    QByteArray query;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    QString service;   // "lambda", "logs", "sts"; empty when unknown
    QString operation; // "CreateFunction", "FilterLogEvents", "AssumeRole", …
    int status = 0;    // 0: the connection was dropped
    QByteArray accessKeyId;

    QByteArray header(const QByteArray& name) const
    {
        for (const auto& [k, v] : headers)
            if (k.compare(name, Qt::CaseInsensitive) == 0)
                return v;
        return {};
    }
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
};

class FakeAws {
public:
    static constexpr const char* kAccount = "123456789012";

    struct Function {
        QJsonObject config;
        QByteArray zip;
        int pollsUntilSettled = 0; // GetFunctionConfiguration answers still Pending/InProgress
        int lastVersion = 0;
        QJsonObject url; // the function URL config; empty: none
        QStringList statementIds;
    };
    struct LogEventRecord {
        qint64 timestampMs = 0;
        QString stream;
        QString message;
        QString eventId;
    };

    // --- faults, set by tests ---
    int conflictsBeforeUpdate = 0; // 409 to the next N code/configuration updates and publishes
    int throttleNext = 0;          // 429 TooManyRequestsException to the next N Lambda calls
    int retryAfterSeconds = 1;
    int serviceErrorsNext = 0; // 500 ServiceException to the next N Lambda calls
    int pendingPolls = 0;      // a new function stays Pending for N GetFunctionConfiguration calls
    int inProgressPolls = 0;   // an update stays InProgress for N GetFunctionConfiguration calls
    int dropUploads = 0;       // drop the connection of the next N Create/UpdateFunctionCode calls
    int dropLogPolls = 0;      // drop the connection of the next N FilterLogEvents calls
    int logPageSize = 2;       // events per FilterLogEvents page (nextToken beyond)
    int listPageSize = 50;     // functions per ListFunctions page at most (NextMarker beyond)
    QString failCreateReason;  // non-empty: a new function goes to State Failed with this reason

    explicit FakeAws(AwsCredentials longTerm, QString region = QStringLiteral("us-east-1"))
        : m_region(std::move(region))
    {
        m_keys.insert(longTerm.accessKeyId, longTerm);
        m_arns.insert(longTerm.accessKeyId,
                      QStringLiteral("arn:aws:iam::%1:user/tester").arg(QLatin1String(kAccount)));
        QObject::connect(&m_server, &QTcpServer::newConnection, &m_server, [this] { accept(); });
    }

    ~FakeAws()
    {
        // The sockets are the server's children: gone with it, after the members they use.
        for (QTcpSocket* socket : m_server.findChildren<QTcpSocket*>()) {
            QObject::disconnect(socket, nullptr, nullptr, nullptr);
            delete socket;
        }
    }
    FakeAws(const FakeAws&) = delete;
    FakeAws& operator=(const FakeAws&) = delete;

    bool listen() { return m_server.listen(QHostAddress::LocalHost, 0); }
    QString endpoint() const
    {
        return QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort());
    }
    QString region() const { return m_region; }

    // Every request received, in order.
    const QList<FakeAwsRequest>& requests() const { return m_requests; }
    QList<FakeAwsRequest> requests(const QString& operation) const
    {
        QList<FakeAwsRequest> found;
        for (const FakeAwsRequest& r : m_requests)
            if (r.operation == operation)
                found << r;
        return found;
    }
    int count(const QString& operation) const { return int(requests(operation).size()); }
    QStringList operations() const
    {
        QStringList names;
        for (const FakeAwsRequest& r : m_requests)
            names << r.operation;
        return names;
    }

    bool hasFunction(const QString& name) const { return m_functions.contains(name); }
    const Function& function(const QString& name) const { return *m_functions.at(name); }

    // Credentials STS handed out with AssumeRole, oldest first.
    const QList<AwsCredentials>& issuedCredentials() const { return m_issued; }
    // Every session token issued so far is answered with ExpiredToken(Exception) from now on.
    void expireIssuedCredentials()
    {
        for (const AwsCredentials& c : m_issued)
            m_expiredTokens.insert(c.sessionToken);
    }

    void addLogEvent(const QString& function, const QString& stream, qint64 timestampMs,
                     const QString& message)
    {
        auto& events = m_logs[QStringLiteral("/aws/lambda/") + function];
        ++m_nextEventId;
        events.append(
            {timestampMs, stream, message,
             QStringLiteral("%1%2").arg(timestampMs).arg(m_nextEventId, 20, 10, QLatin1Char('0'))});
        std::stable_sort(events.begin(), events.end(), [](const auto& a, const auto& b) {
            return a.timestampMs < b.timestampMs;
        });
    }

private:
    struct Response {
        int status = 200;
        QByteArray contentType = "application/json";
        QByteArray body;
        QList<QPair<QByteArray, QByteArray>> headers;
        bool drop = false;
    };

    static QByteArray reason(int status)
    {
        switch (status) {
        case 200:
            return "OK";
        case 201:
            return "Created";
        case 204:
            return "No Content";
        case 400:
            return "Bad Request";
        case 403:
            return "Forbidden";
        case 404:
            return "Not Found";
        case 409:
            return "Conflict";
        case 412:
            return "Precondition Failed";
        case 415:
            return "Unsupported Media Type";
        case 429:
            return "Too Many Requests";
        case 503:
            return "Service Unavailable";
        default:
            return "Error";
        }
    }

    void accept()
    {
        while (QTcpSocket* socket = m_server.nextPendingConnection()) {
            QObject::connect(socket, &QTcpSocket::disconnected, socket, [this, socket] {
                m_buffers.remove(socket);
                socket->deleteLater();
            });
            QObject::connect(socket, &QTcpSocket::readyRead, socket,
                             [this, socket] { read(socket); });
        }
    }

    void read(QTcpSocket* socket)
    {
        QByteArray& buffer = m_buffers[socket];
        buffer += socket->readAll();
        for (;;) {
            const qsizetype end = buffer.indexOf("\r\n\r\n");
            if (end < 0)
                return;
            const QList<QByteArray> lines = buffer.left(end).split('\n');
            const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
            FakeAwsRequest r;
            r.method = requestLine.value(0);
            const QByteArray target = requestLine.value(1);
            const qsizetype q = target.indexOf('?');
            r.path = q < 0 ? target : target.left(q);
            r.query = q < 0 ? QByteArray() : target.mid(q + 1);
            qsizetype length = 0;
            for (qsizetype i = 1; i < lines.size(); ++i) {
                const QByteArray line = lines.at(i).trimmed();
                const qsizetype colon = line.indexOf(':');
                if (colon <= 0)
                    continue;
                const QByteArray name = line.left(colon).trimmed();
                const QByteArray value = line.mid(colon + 1).trimmed();
                r.headers.append({name, value});
                if (name.compare("Content-Length", Qt::CaseInsensitive) == 0)
                    length = value.toLongLong();
            }
            classify(r);
            const bool upload = r.operation == QLatin1String("CreateFunction") ||
                                r.operation == QLatin1String("UpdateFunctionCode");
            if (upload && dropUploads > 0) {
                // Mid-upload: the headers are in, the body is not.
                --dropUploads;
                m_requests.append(r);
                m_buffers.remove(socket);
                socket->abort();
                return;
            }
            if (buffer.size() < end + 4 + length)
                return;
            r.body = buffer.mid(end + 4, length);
            buffer.remove(0, end + 4 + length);
            if (r.operation == QLatin1String("FilterLogEvents") && dropLogPolls > 0) {
                --dropLogPolls;
                m_requests.append(r);
                m_buffers.remove(socket);
                socket->abort();
                return;
            }
            const Response response = handle(r);
            r.status = response.status;
            m_requests.append(r);
            QByteArray wire = "HTTP/1.1 " + QByteArray::number(response.status) + ' ' +
                              reason(response.status) + "\r\n";
            if (!response.body.isEmpty() || response.status != 204)
                wire += "Content-Type: " + response.contentType + "\r\n";
            wire += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
            wire += "x-amzn-RequestId: " + QUuid::createUuid().toByteArray(QUuid::WithoutBraces) +
                    "\r\n";
            for (const auto& [name, value] : response.headers)
                wire += name + ": " + value + "\r\n";
            wire += "\r\n" + response.body;
            socket->write(wire);
        }
    }

    // Which service and operation a request is, from its path, method, target or Action.
    static void classify(FakeAwsRequest& r)
    {
        const QString path = QString::fromUtf8(r.path);
        static const QRegularExpression fn(
            QStringLiteral("^/(2015-03-31|2021-10-31)/functions/?([^/]*)/?([^/]*)$"));
        const QRegularExpressionMatch m = fn.match(path);
        if (m.hasMatch()) {
            r.service = QStringLiteral("lambda");
            const QString api = m.captured(1), name = m.captured(2), sub = m.captured(3);
            const QByteArray method = r.method;
            if (api == QLatin1String("2021-10-31")) {
                if (sub == QLatin1String("url"))
                    r.operation = method == "GET"    ? QStringLiteral("GetFunctionUrlConfig")
                                  : method == "POST" ? QStringLiteral("CreateFunctionUrlConfig")
                                                     : QString();
            } else if (name.isEmpty()) {
                r.operation = method == "GET"    ? QStringLiteral("ListFunctions")
                              : method == "POST" ? QStringLiteral("CreateFunction")
                                                 : QString();
            } else if (sub.isEmpty()) {
                r.operation = method == "GET"      ? QStringLiteral("GetFunction")
                              : method == "DELETE" ? QStringLiteral("DeleteFunction")
                                                   : QString();
            } else if (sub == QLatin1String("code") && method == "PUT") {
                r.operation = QStringLiteral("UpdateFunctionCode");
            } else if (sub == QLatin1String("configuration")) {
                r.operation = method == "GET"   ? QStringLiteral("GetFunctionConfiguration")
                              : method == "PUT" ? QStringLiteral("UpdateFunctionConfiguration")
                                                : QString();
            } else if (sub == QLatin1String("versions") && method == "POST") {
                r.operation = QStringLiteral("PublishVersion");
            } else if (sub == QLatin1String("policy") && method == "POST") {
                r.operation = QStringLiteral("AddPermission");
            }
            return;
        }
        if (path == QLatin1String("/") && r.method == "POST") {
            const QByteArray target = r.header("X-Amz-Target");
            if (!target.isEmpty()) {
                r.service = QStringLiteral("logs");
                if (target == "Logs_20140328.FilterLogEvents")
                    r.operation = QStringLiteral("FilterLogEvents");
                return;
            }
            r.service = QStringLiteral("sts");
            // The body is not in yet; the Action is read in handle().
        }
    }

    // --- error shapes ---
    static Response lambdaError(int status, const QByteArray& code, const QString& message,
                                bool withType = true)
    {
        QJsonObject body{{QStringLiteral("message"), message}};
        if (withType)
            body.insert(QStringLiteral("Type"), QStringLiteral("User"));
        Response r;
        r.status = status;
        r.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
        r.headers.append({"x-amzn-ErrorType", code});
        return r;
    }
    static Response logsError(int status, const QString& code, const QString& message)
    {
        Response r;
        r.status = status;
        r.contentType = "application/x-amz-json-1.1";
        r.body = QJsonDocument(QJsonObject{{QStringLiteral("__type"), code},
                                           {QStringLiteral("message"), message}})
                     .toJson(QJsonDocument::Compact);
        return r;
    }
    static Response stsError(int status, const QString& code, const QString& message)
    {
        Response r;
        r.status = status;
        r.contentType = "text/xml";
        r.body =
            QStringLiteral("<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"
                           "<Error><Type>Sender</Type><Code>%1</Code><Message>%2</Message>"
                           "</Error><RequestId>%3</RequestId></ErrorResponse>")
                .arg(code, message.toHtmlEscaped(),
                     QUuid::createUuid().toString(QUuid::WithoutBraces))
                .toUtf8();
        return r;
    }
    static Response authError(const QString& service, const QString& code, const QString& message)
    {
        if (service == QLatin1String("sts"))
            return stsError(403,
                            code == QLatin1String("InvalidSignatureException")
                                ? QStringLiteral("SignatureDoesNotMatch")
                            : code == QLatin1String("ExpiredTokenException")
                                ? QStringLiteral("ExpiredToken")
                                : QStringLiteral("InvalidClientTokenId"),
                            message);
        if (service == QLatin1String("logs"))
            return logsError(400, code, message);
        return lambdaError(403, code.toUtf8(), message, false);
    }
    static Response invalid(const QString& message)
    {
        return lambdaError(400, "InvalidParameterValueException", message);
    }

    Response checkSignature(FakeAwsRequest& r)
    {
        static const QRegularExpression credential(
            QStringLiteral("Credential=([^/]+)/[^/]+/[^/]+/([^/]+)/aws4_request"));
        const QRegularExpressionMatch m =
            credential.match(QString::fromLatin1(r.header("Authorization")));
        const QString akid = m.captured(1);
        r.accessKeyId = akid.toLatin1();
        if (!m.hasMatch() || !m_keys.contains(akid))
            return authError(r.service, QStringLiteral("UnrecognizedClientException"),
                             QStringLiteral("The security token included in the request is "
                                            "invalid."));
        const AwsCredentials& known = m_keys.value(akid);
        if (m_expiredTokens.contains(known.sessionToken) && !known.sessionToken.isEmpty())
            return authError(r.service, QStringLiteral("ExpiredTokenException"),
                             QStringLiteral("The security token included in the request is "
                                            "expired"));
        SigV4Request wire;
        wire.method = r.method;
        wire.path = r.path;
        wire.query = r.query;
        wire.headers = r.headers;
        wire.body = r.body;
        const auto verified =
            SigV4Verifier(known, m_region, r.service).verify(wire, QDateTime::currentDateTimeUtc());
        if (!verified) {
            m_rejections << verified.error().message;
            return authError(r.service, QStringLiteral("InvalidSignatureException"),
                             QStringLiteral("The request signature we calculated does not match "
                                            "the signature you provided. Check your AWS Secret "
                                            "Access Key and signing method. Consult the service "
                                            "documentation for details."));
        }
        Response ok;
        ok.status = 0;
        return ok;
    }

    Response handle(FakeAwsRequest& r)
    {
        if (r.service.isEmpty())
            return lambdaError(404, "UnknownOperationException",
                               QStringLiteral("Unknown operation"), false);
        if (r.service == QLatin1String("sts")) {
            const QUrlQuery form(QString::fromUtf8(r.body));
            r.operation = form.queryItemValue(QStringLiteral("Action"));
        }
        Response signature = checkSignature(r);
        if (signature.status != 0)
            return signature;
        if (r.service == QLatin1String("sts"))
            return sts(r);
        if (r.service == QLatin1String("logs"))
            return logs(r);
        if (serviceErrorsNext > 0) {
            --serviceErrorsNext;
            Response e = lambdaError(500, "ServiceException",
                                     QStringLiteral("An internal error occurred. Try again."));
            e.body = QJsonDocument(QJsonObject{{QStringLiteral("Type"), QStringLiteral("Service")},
                                               {QStringLiteral("message"),
                                                QStringLiteral("An internal error occurred.")}})
                         .toJson(QJsonDocument::Compact);
            return e;
        }
        if (throttleNext > 0) {
            --throttleNext;
            Response t =
                lambdaError(429, "TooManyRequestsException", QStringLiteral("Rate exceeded"));
            QJsonObject body = QJsonDocument::fromJson(t.body).object();
            body.insert(QStringLiteral("Reason"), QStringLiteral("CallerRateLimitExceeded"));
            body.insert(QStringLiteral("retryAfterSeconds"), QString::number(retryAfterSeconds));
            t.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
            t.headers.append({"Retry-After", QByteArray::number(retryAfterSeconds)});
            return t;
        }
        return lambda(r);
    }

    // --- STS ---
    Response sts(const FakeAwsRequest& r)
    {
        const QUrlQuery form(QString::fromUtf8(r.body));
        if (!r.header("Content-Type").startsWith("application/x-www-form-urlencoded"))
            return stsError(400, QStringLiteral("InvalidAction"),
                            QStringLiteral("Expected a form body."));
        if (form.queryItemValue(QStringLiteral("Version")) != QLatin1String("2011-06-15"))
            return stsError(400, QStringLiteral("InvalidAction"),
                            QStringLiteral("Could not find operation for version."));
        const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        Response ok;
        ok.contentType = "text/xml";
        if (r.operation == QLatin1String("GetCallerIdentity")) {
            const QString akid = QString::fromLatin1(r.accessKeyId);
            ok.body =
                QStringLiteral("<GetCallerIdentityResponse "
                               "xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"
                               "<GetCallerIdentityResult><Arn>%1</Arn><UserId>%2</UserId>"
                               "<Account>%3</Account></GetCallerIdentityResult>"
                               "<ResponseMetadata><RequestId>%4</RequestId></ResponseMetadata>"
                               "</GetCallerIdentityResponse>")
                    .arg(m_arns.value(akid), akid, QLatin1String(kAccount), id)
                    .toUtf8();
            return ok;
        }
        if (r.operation == QLatin1String("AssumeRole")) {
            const QString roleArn = QUrl::fromPercentEncoding(
                form.queryItemValue(QStringLiteral("RoleArn"), QUrl::FullyEncoded).toLatin1());
            const QString session = QUrl::fromPercentEncoding(
                form.queryItemValue(QStringLiteral("RoleSessionName"), QUrl::FullyEncoded)
                    .toLatin1());
            static const QRegularExpression role(
                QStringLiteral("^arn:aws:iam::\\d{12}:role/(.+)$"));
            const QRegularExpressionMatch m = role.match(roleArn);
            if (!m.hasMatch() || session.isEmpty())
                return stsError(400, QStringLiteral("ValidationError"),
                                QStringLiteral("RoleArn and RoleSessionName are required."));
            const int n = int(m_issued.size()) + 1;
            AwsCredentials c;
            c.accessKeyId = QStringLiteral("ASIAFAKE%1").arg(n, 12, 10, QLatin1Char('0'));
            c.secretAccessKey = QStringLiteral("assumedSecret%1/Kq9vX2mP7rT4wZ8bN3cF6hJ1").arg(n);
            c.sessionToken = QStringLiteral("FwoGZXIvYXdzEfakeSessionToken%1+AbCdEf==").arg(n);
            c.expiration = QDateTime::currentDateTimeUtc().addSecs(3600);
            m_issued << c;
            m_keys.insert(c.accessKeyId, c);
            const QString assumedArn = QStringLiteral("arn:aws:sts::%1:assumed-role/%2/%3")
                                           .arg(QLatin1String(kAccount), m.captured(1), session);
            m_arns.insert(c.accessKeyId, assumedArn);
            ok.body = QStringLiteral(
                          "<AssumeRoleResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"
                          "<AssumeRoleResult><AssumedRoleUser><Arn>%1</Arn>"
                          "<AssumedRoleId>AROAFAKE:%2</AssumedRoleId></AssumedRoleUser>"
                          "<Credentials><AccessKeyId>%3</AccessKeyId>"
                          "<SecretAccessKey>%4</SecretAccessKey><SessionToken>%5</SessionToken>"
                          "<Expiration>%6</Expiration></Credentials>"
                          "<PackedPolicySize>6</PackedPolicySize></AssumeRoleResult>"
                          "<ResponseMetadata><RequestId>%7</RequestId></ResponseMetadata>"
                          "</AssumeRoleResponse>")
                          .arg(assumedArn, session, c.accessKeyId, c.secretAccessKey,
                               c.sessionToken, c.expiration.toString(Qt::ISODate), id)
                          .toUtf8();
            return ok;
        }
        return stsError(
            400, QStringLiteral("InvalidAction"),
            QStringLiteral("Could not find operation %1 for version 2011-06-15.").arg(r.operation));
    }

    // --- CloudWatch Logs ---
    Response logs(const FakeAwsRequest& r)
    {
        if (r.operation.isEmpty())
            return logsError(400, QStringLiteral("UnknownOperationException"),
                             QStringLiteral("Unknown operation"));
        if (r.header("Content-Type") != "application/x-amz-json-1.1")
            return logsError(400, QStringLiteral("SerializationException"),
                             QStringLiteral("Expected application/x-amz-json-1.1."));
        const QJsonObject in = r.json();
        const QString group = in.value(QStringLiteral("logGroupName")).toString();
        if (group.isEmpty())
            return logsError(400, QStringLiteral("InvalidParameterException"),
                             QStringLiteral("logGroupName is required."));
        if (!m_logs.contains(group))
            return logsError(400, QStringLiteral("ResourceNotFoundException"),
                             QStringLiteral("The specified log group does not exist."));
        const qint64 start = qint64(in.value(QStringLiteral("startTime")).toDouble());
        QString pattern = in.value(QStringLiteral("filterPattern")).toString();
        QStringList terms;
        if (pattern.startsWith(QLatin1Char('"')) && pattern.endsWith(QLatin1Char('"')) &&
            pattern.size() >= 2) {
            pattern = pattern.mid(1, pattern.size() - 2);
            pattern.replace(QStringLiteral("\\\""), QStringLiteral("\""));
            pattern.replace(QStringLiteral("\\\\"), QStringLiteral("\\"));
            terms << pattern;
        } else if (!pattern.isEmpty()) {
            terms = pattern.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        }
        QList<LogEventRecord> matching;
        for (const LogEventRecord& e : m_logs.value(group)) {
            if (e.timestampMs < start)
                continue;
            if (std::all_of(terms.begin(), terms.end(),
                            [&](const QString& t) { return e.message.contains(t); }))
                matching << e;
        }
        const QString token = in.value(QStringLiteral("nextToken")).toString();
        const qsizetype offset = token.isEmpty() ? 0 : token.mid(4).toLongLong();
        QJsonArray events;
        const qsizetype end = std::min(matching.size(), offset + std::max(1, logPageSize));
        for (qsizetype i = offset; i < end; ++i) {
            const LogEventRecord& e = matching.at(i);
            events.append(QJsonObject{{QStringLiteral("logStreamName"), e.stream},
                                      {QStringLiteral("timestamp"), double(e.timestampMs)},
                                      {QStringLiteral("message"), e.message},
                                      {QStringLiteral("ingestionTime"), double(e.timestampMs + 50)},
                                      {QStringLiteral("eventId"), e.eventId}});
        }
        QJsonObject out{{QStringLiteral("events"), events},
                        {QStringLiteral("searchedLogStreams"), QJsonArray()}};
        if (end < matching.size())
            out.insert(QStringLiteral("nextToken"), QStringLiteral("tok-%1").arg(end));
        Response ok;
        ok.contentType = "application/x-amz-json-1.1";
        ok.body = QJsonDocument(out).toJson(QJsonDocument::Compact);
        return ok;
    }

    // --- Lambda ---
    QString functionArn(const QString& name) const
    {
        return QStringLiteral("arn:aws:lambda:%1:%2:function:%3")
            .arg(m_region, QLatin1String(kAccount), name);
    }
    Response notFound(const QString& name) const
    {
        return lambdaError(404, "ResourceNotFoundException",
                           QStringLiteral("Function not found: %1").arg(functionArn(name)));
    }
    Response json(const QJsonObject& body, int status = 200) const
    {
        Response ok;
        ok.status = status;
        ok.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
        return ok;
    }
    Response conflict(const QString& name)
    {
        return lambdaError(409, "ResourceConflictException",
                           QStringLiteral("The operation cannot be performed at this time. An "
                                          "update is in progress for resource: %1")
                               .arg(functionArn(name)));
    }
    // A busy function, or a conflict the test asked for.
    bool busy(const Function& f)
    {
        if (conflictsBeforeUpdate > 0) {
            --conflictsBeforeUpdate;
            return true;
        }
        return f.pollsUntilSettled > 0;
    }
    static QString now()
    {
        return QDateTime::currentDateTimeUtc().toString(
            QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz+0000"));
    }
    void setCode(Function& f, const QByteArray& zip)
    {
        f.zip = zip;
        f.config.insert(QStringLiteral("CodeSha256"),
                        QString::fromLatin1(
                            QCryptographicHash::hash(zip, QCryptographicHash::Sha256).toBase64()));
        f.config.insert(QStringLiteral("CodeSize"), double(zip.size()));
    }
    void touch(Function& f)
    {
        f.config.insert(QStringLiteral("LastModified"), now());
        f.config.insert(QStringLiteral("RevisionId"),
                        QUuid::createUuid().toString(QUuid::WithoutBraces));
    }
    // Starts an update: InProgress for inProgressPolls polls, else Successful at once.
    void beginUpdate(Function& f)
    {
        touch(f);
        f.pollsUntilSettled = inProgressPolls;
        if (inProgressPolls > 0) {
            f.config.insert(QStringLiteral("LastUpdateStatus"), QStringLiteral("InProgress"));
            f.config.insert(QStringLiteral("LastUpdateStatusReason"),
                            QStringLiteral("The function is being created."));
            f.config.insert(QStringLiteral("LastUpdateStatusReasonCode"),
                            QStringLiteral("Creating"));
        } else {
            settle(f);
        }
    }
    void settle(Function& f)
    {
        f.pollsUntilSettled = 0;
        f.config.insert(QStringLiteral("State"), QStringLiteral("Active"));
        f.config.insert(QStringLiteral("LastUpdateStatus"), QStringLiteral("Successful"));
        f.config.remove(QStringLiteral("StateReason"));
        f.config.remove(QStringLiteral("StateReasonCode"));
        f.config.remove(QStringLiteral("LastUpdateStatusReason"));
        f.config.remove(QStringLiteral("LastUpdateStatusReasonCode"));
    }
    static bool isJson(const FakeAwsRequest& r)
    {
        return r.header("Content-Type").startsWith("application/json");
    }
    static std::optional<QString> checkLimits(const QJsonObject& in)
    {
        if (in.contains(QStringLiteral("MemorySize"))) {
            const int mb = in.value(QStringLiteral("MemorySize")).toInt();
            if (mb < 128 || mb > 10240)
                return QStringLiteral("1 validation error detected: Value '%1' at 'memorySize' "
                                      "failed to satisfy constraint: Member must have value "
                                      "less than or equal to 10240")
                    .arg(mb);
        }
        if (in.contains(QStringLiteral("Timeout"))) {
            const int s = in.value(QStringLiteral("Timeout")).toInt();
            if (s < 1 || s > 900)
                return QStringLiteral("1 validation error detected: Value '%1' at 'timeout' "
                                      "failed to satisfy constraint: Member must have value "
                                      "less than or equal to 900")
                    .arg(s);
        }
        return std::nullopt;
    }
    static std::optional<QByteArray> zipFrom(const QJsonValue& value)
    {
        const auto decoded = QByteArray::fromBase64Encoding(
            value.toString().toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded || decoded.decoded.isEmpty() || !decoded.decoded.startsWith("PK"))
            return std::nullopt;
        return decoded.decoded;
    }

    Response lambda(const FakeAwsRequest& r)
    {
        const QString op = r.operation;
        if (op.isEmpty())
            return lambdaError(404, "UnknownOperationException",
                               QStringLiteral("Unknown operation"), false);
        const QStringList parts =
            QString::fromUtf8(r.path).split(QLatin1Char('/'), Qt::SkipEmptyParts);
        const QString name = parts.value(2);
        const bool hasBody = r.method == "POST" || r.method == "PUT";
        if (hasBody && !isJson(r))
            return lambdaError(415, "UnsupportedMediaTypeException",
                               QStringLiteral("The content type is not supported."));
        const QJsonObject in = r.json();
        if (hasBody && QJsonDocument::fromJson(r.body).isNull())
            return invalid(QStringLiteral("Could not parse request body into json."));

        if (op == QLatin1String("ListFunctions")) {
            const QUrlQuery query(QString::fromLatin1(r.query));
            const int max = std::clamp(query.queryItemValue(QStringLiteral("MaxItems")).toInt(), 1,
                                       std::max(1, listPageSize));
            const int from = query.queryItemValue(QStringLiteral("Marker")).toInt();
            QJsonArray list;
            int i = 0;
            for (const auto& [n, f] : m_functions) {
                if (i >= from && i < from + max)
                    list.append(f->config);
                ++i;
            }
            QJsonObject out{{QStringLiteral("Functions"), list}};
            if (from + max < i)
                out.insert(QStringLiteral("NextMarker"), QString::number(from + max));
            return json(out);
        }
        if (op == QLatin1String("CreateFunction")) {
            const QString fn = in.value(QStringLiteral("FunctionName")).toString();
            static const QRegularExpression role(QStringLiteral("^arn:aws:iam::\\d{12}:role/.+$"));
            for (const char* required : {"FunctionName", "Role", "Code", "Runtime", "Handler"})
                if (in.value(QLatin1String(required)).isUndefined())
                    return invalid(QStringLiteral("%1 is required for a .zip package.")
                                       .arg(QLatin1String(required)));
            if (!role.match(in.value(QStringLiteral("Role")).toString()).hasMatch())
                return invalid(QStringLiteral("1 validation error detected: Value at 'role' "
                                              "failed to satisfy constraint."));
            const auto zip = zipFrom(
                in.value(QStringLiteral("Code")).toObject().value(QStringLiteral("ZipFile")));
            if (!zip)
                return invalid(QStringLiteral("Could not unzip uploaded file. Please check your "
                                              "file, then try to upload again."));
            if (const auto problem = checkLimits(in))
                return invalid(*problem);
            if (m_functions.contains(fn))
                return lambdaError(409, "ResourceConflictException",
                                   QStringLiteral("Function already exist: %1").arg(fn));
            auto f = std::make_unique<Function>();
            f->config = QJsonObject{
                {QStringLiteral("FunctionName"), fn},
                {QStringLiteral("FunctionArn"), functionArn(fn)},
                {QStringLiteral("Runtime"), in.value(QStringLiteral("Runtime"))},
                {QStringLiteral("Role"), in.value(QStringLiteral("Role"))},
                {QStringLiteral("Handler"), in.value(QStringLiteral("Handler"))},
                {QStringLiteral("Description"), in.value(QStringLiteral("Description")).toString()},
                {QStringLiteral("Timeout"), in.value(QStringLiteral("Timeout")).toInt(3)},
                {QStringLiteral("MemorySize"), in.value(QStringLiteral("MemorySize")).toInt(128)},
                {QStringLiteral("Version"), QStringLiteral("$LATEST")},
                {QStringLiteral("PackageType"), QStringLiteral("Zip")},
                {QStringLiteral("Architectures"),
                 in.value(QStringLiteral("Architectures")).isArray()
                     ? in.value(QStringLiteral("Architectures"))
                     : QJsonArray{QStringLiteral("x86_64")}},
                {QStringLiteral("Environment"),
                 QJsonObject{{QStringLiteral("Variables"), in.value(QStringLiteral("Environment"))
                                                               .toObject()
                                                               .value(QStringLiteral("Variables"))
                                                               .toObject()}}},
                {QStringLiteral("TracingConfig"),
                 QJsonObject{{QStringLiteral("Mode"), QStringLiteral("PassThrough")}}},
            };
            setCode(*f, *zip);
            touch(*f);
            if (pendingPolls > 0 || !failCreateReason.isEmpty()) {
                f->pollsUntilSettled = std::max(1, pendingPolls);
                f->config.insert(QStringLiteral("State"), QStringLiteral("Pending"));
                f->config.insert(QStringLiteral("StateReason"),
                                 QStringLiteral("The function is being created."));
                f->config.insert(QStringLiteral("StateReasonCode"), QStringLiteral("Creating"));
                f->config.insert(QStringLiteral("LastUpdateStatus"), QStringLiteral("InProgress"));
            } else {
                settle(*f);
            }
            const QJsonObject config = f->config;
            m_functions.emplace(fn, std::move(f));
            return json(config, 201);
        }
        if (!m_functions.contains(name))
            return notFound(name);
        Function& f = *m_functions.at(name);

        if (op == QLatin1String("GetFunction"))
            return json(QJsonObject{
                {QStringLiteral("Configuration"), f.config},
                {QStringLiteral("Code"),
                 QJsonObject{{QStringLiteral("RepositoryType"), QStringLiteral("S3")},
                             {QStringLiteral("Location"),
                              QStringLiteral("https://awslambda-%1-tasks.s3.%1.amazonaws.com/"
                                             "snapshots/%2/%3")
                                  .arg(m_region, QLatin1String(kAccount), name)}}}});
        if (op == QLatin1String("GetFunctionConfiguration")) {
            if (f.pollsUntilSettled > 0) {
                if (--f.pollsUntilSettled == 0) {
                    if (!failCreateReason.isEmpty() &&
                        f.config.value(QStringLiteral("State")) == QLatin1String("Pending")) {
                        f.config.insert(QStringLiteral("State"), QStringLiteral("Failed"));
                        f.config.insert(QStringLiteral("StateReason"), failCreateReason);
                        f.config.insert(QStringLiteral("StateReasonCode"),
                                        QStringLiteral("InvalidConfiguration"));
                    } else {
                        settle(f);
                    }
                }
            }
            return json(f.config);
        }
        if (op == QLatin1String("DeleteFunction")) {
            m_functions.erase(name);
            Response gone;
            gone.status = 204;
            return gone;
        }
        if (op == QLatin1String("UpdateFunctionCode")) {
            const auto zip = zipFrom(in.value(QStringLiteral("ZipFile")));
            if (!zip)
                return invalid(QStringLiteral("Could not unzip uploaded file. Please check your "
                                              "file, then try to upload again."));
            if (busy(f))
                return conflict(name);
            setCode(f, *zip);
            if (in.value(QStringLiteral("Architectures")).isArray())
                f.config.insert(QStringLiteral("Architectures"),
                                in.value(QStringLiteral("Architectures")));
            beginUpdate(f);
            return json(f.config);
        }
        if (op == QLatin1String("UpdateFunctionConfiguration")) {
            if (const auto problem = checkLimits(in))
                return invalid(*problem);
            if (busy(f))
                return conflict(name);
            for (const char* key :
                 {"Runtime", "Handler", "MemorySize", "Timeout", "Description", "Role"})
                if (in.contains(QLatin1String(key)))
                    f.config.insert(QLatin1String(key), in.value(QLatin1String(key)));
            if (in.contains(QStringLiteral("Environment")))
                f.config.insert(QStringLiteral("Environment"),
                                QJsonObject{{QStringLiteral("Variables"),
                                             in.value(QStringLiteral("Environment"))
                                                 .toObject()
                                                 .value(QStringLiteral("Variables"))
                                                 .toObject()}});
            beginUpdate(f);
            return json(f.config);
        }
        if (op == QLatin1String("PublishVersion")) {
            if (busy(f))
                return conflict(name);
            const QString sha = in.value(QStringLiteral("CodeSha256")).toString();
            if (!sha.isEmpty() && sha != f.config.value(QStringLiteral("CodeSha256")).toString())
                return lambdaError(412, "PreconditionFailedException",
                                   QStringLiteral("CodeSha256 (%1) is different from current "
                                                  "CodeSha256 in $LATEST.")
                                       .arg(sha));
            QJsonObject version = f.config;
            ++f.lastVersion;
            version.insert(QStringLiteral("Version"), QString::number(f.lastVersion));
            version.insert(QStringLiteral("FunctionArn"),
                           functionArn(name) + QLatin1Char(':') + QString::number(f.lastVersion));
            return json(version, 201);
        }
        if (op == QLatin1String("AddPermission")) {
            for (const char* required : {"StatementId", "Action", "Principal"})
                if (in.value(QLatin1String(required)).toString().isEmpty())
                    return invalid(QStringLiteral("%1 is required.").arg(QLatin1String(required)));
            const QString sid = in.value(QStringLiteral("StatementId")).toString();
            if (f.statementIds.contains(sid))
                return lambdaError(409, "ResourceConflictException",
                                   QStringLiteral("The statement id (%1) provided already exists. "
                                                  "Please provide a new statement id, or remove "
                                                  "the existing statement.")
                                       .arg(sid));
            f.statementIds << sid;
            const QJsonObject statement{
                {QStringLiteral("Sid"), sid},
                {QStringLiteral("Effect"), QStringLiteral("Allow")},
                {QStringLiteral("Action"), in.value(QStringLiteral("Action"))},
                {QStringLiteral("Resource"), functionArn(name)}};
            return json(QJsonObject{{QStringLiteral("Statement"),
                                     QString::fromUtf8(
                                         QJsonDocument(statement).toJson(QJsonDocument::Compact))}},
                        201);
        }
        if (op == QLatin1String("GetFunctionUrlConfig")) {
            if (f.url.isEmpty())
                return lambdaError(404, "ResourceNotFoundException",
                                   QStringLiteral("The resource you requested does not exist."));
            return json(f.url);
        }
        if (op == QLatin1String("CreateFunctionUrlConfig")) {
            const QString auth = in.value(QStringLiteral("AuthType")).toString();
            if (auth != QLatin1String("NONE") && auth != QLatin1String("AWS_IAM"))
                return invalid(QStringLiteral("1 validation error detected: Value '%1' at "
                                              "'authType' failed to satisfy constraint.")
                                   .arg(auth));
            if (!f.url.isEmpty())
                return lambdaError(409, "ResourceConflictException",
                                   QStringLiteral("Failed to create function url config for "
                                                  "[functionArn = %1]. Error message:  "
                                                  "FunctionUrlConfig exists for this Lambda "
                                                  "function")
                                       .arg(functionArn(name)));
            f.url = QJsonObject{
                {QStringLiteral("FunctionUrl"),
                 QStringLiteral("https://%1.lambda-url.%2.on.aws/")
                     .arg(QString::fromLatin1(
                              QCryptographicHash::hash(name.toUtf8(), QCryptographicHash::Md5)
                                  .toHex()),
                          m_region)},
                {QStringLiteral("FunctionArn"), functionArn(name)},
                {QStringLiteral("AuthType"), auth},
                {QStringLiteral("CreationTime"), now()},
                {QStringLiteral("InvokeMode"), QStringLiteral("BUFFERED")},
            };
            return json(f.url, 201);
        }
        return lambdaError(404, "UnknownOperationException", QStringLiteral("Unknown operation"),
                           false);
    }

    QTcpServer m_server;
    QString m_region;
    QHash<QTcpSocket*, QByteArray> m_buffers;
    QHash<QString, AwsCredentials> m_keys; // access key ID -> credentials
    QHash<QString, QString> m_arns;        // access key ID -> who it is
    QSet<QString> m_expiredTokens;
    QList<AwsCredentials> m_issued;
    QList<FakeAwsRequest> m_requests;
    QStringList m_rejections;
    std::map<QString, std::unique_ptr<Function>> m_functions;
    QMap<QString, QList<LogEventRecord>> m_logs;
    int m_nextEventId = 0;

public:
    // Why each refused signature was refused (the verifier's sentence).
    const QStringList& signatureRejections() const { return m_rejections; }
};

} // namespace swb::test
