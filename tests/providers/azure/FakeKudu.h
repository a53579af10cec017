#pragma once
// A strict local stand-in for an Azure function app's Kudu (SCM) site and for the Entra ID
// token endpoint, on 127.0.0.1 (port 0). Built on QTcpServer so it can stream the log and drop
// connections. It checks what the real services check — basic auth or a bearer token it issued,
// method, path, query, Content-Type, the zip's Functions layout, the client-credentials form —
// answers in their shapes (Kudu's deployment records and 202 + Location, the token JSON, the
// AADSTS error JSON), and records every request.
//
// Shapes follow projectkudu/kudu (PushDeploymentController: 202 with Location
// /api/deployments/latest?deployer=...&time=...; DeployStatus: 0 Pending, 1 Building,
// 2 Deploying, 3 Failed, 4 Success; LogEntryType 2 = Error) and the Microsoft identity
// platform's client-credentials reference (token and error answers).

#include "local/ZipExtractor.h"

#include <QByteArray>
#include <QDateTime>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QUrl>
#include <QUrlQuery>
#include <QUuid>

#include <functional>

class FakeKudu : public QObject {
public:
    struct Request {
        QByteArray method;
        QString path;
        QUrlQuery query;
        QList<std::pair<QByteArray, QByteArray>> headers;
        QByteArray body;
        QByteArray header(const QByteArray& name) const
        {
            for (const auto& [k, v] : headers)
                if (k.compare(name, Qt::CaseInsensitive) == 0)
                    return v;
            return {};
        }
    };
    struct Deployment {
        QString id;
        QString message;
        int status = 0; // Kudu's DeployStatus
        bool fail = false;
        QDateTime received;
    };

    // --- what the fake accepts ---
    QString app = QStringLiteral("orders-app");
    QString userName = QStringLiteral("$orders-app");
    QString password = QStringLiteral("pw-Secret+1/xyz");
    QString tenantId = QStringLiteral("72f988bf-86f1-41af-91ab-2d7cd011db47");
    QString clientId = QStringLiteral("00000000-0000-0000-0000-0000000000a1");
    QString clientSecret = QStringLiteral("cs~Secret+Value/2");
    int tokenLifetimeSeconds = 3599;
    // The function folder the zip must carry (host.json and <function>/function.json).
    QString expectedFunction = QStringLiteral("orders");

    // --- scripts ---
    int throttleUploads = 0; // answer the next N zip deploys 429 with Retry-After
    int retryAfterSeconds = 1;
    int unavailablePolls = 0; // answer the next N status polls 503
    bool busy = false;        // another deployment is running: 409 to zip deploys
    bool dropUploads = false; // read half the upload, then drop the connection
    bool holdUploads = false; // read the upload, never answer
    bool failNextDeployment = false;
    QString failureLog =
        QStringLiteral("Oryx build failed: requirements.txt: no such package 'nope'");
    int pollsPerStep = 1;          // status polls before the record moves on (0 -> 1 -> 4)
    QString locationBase;          // the 202's Location on this base instead of ours
    QStringList logLines;          // what /api/logstream sends (after the welcome line)
    int dropStreamAfterLines = -1; // first connection only: drop after N of logLines

    // --- what happened ---
    QList<Request> requests;
    QList<Deployment> deployments; // newest last
    QStringList issuedTokens;
    int tokenRequests = 0;
    int uploadAttempts = 0;
    int streamConnections = 0;
    QSet<QString> functions; // what /api/functions lists (from the last package)

    bool listen()
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* s = m_server.nextPendingConnection()) {
                s->setParent(this);
                connect(s, &QTcpSocket::readyRead, this, [this, s] { onData(s); });
                connect(s, &QTcpSocket::disconnected, this, [this, s] {
                    m_handled.remove(s);
                    m_buffers.remove(s);
                    s->deleteLater();
                });
            }
        });
        return m_server.listen(QHostAddress::LocalHost, 0);
    }
    QString url() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort()); }

    // Tokens issued so far stop working (expired or revoked): Kudu answers 401 until the
    // client fetches a new one.
    void revokeTokens() { m_revoked = QSet<QString>(issuedTokens.begin(), issuedTokens.end()); }

    // Sends a line to every open log stream.
    void pushLogLine(const QString& line)
    {
        logLines << line;
        for (const QPointer<QTcpSocket>& s : m_streams)
            if (s)
                writeChunk(s, line.toUtf8() + "\r\n");
    }
    int openStreams() const
    {
        int n = 0;
        for (const QPointer<QTcpSocket>& s : m_streams)
            if (s && s->state() == QAbstractSocket::ConnectedState)
                ++n;
        return n;
    }
    int count(const QByteArray& method, const QString& path) const
    {
        int n = 0;
        for (const Request& r : requests)
            if (r.method == method && r.path == path)
                ++n;
        return n;
    }

    // Names of the entries in a zip's central directory (APPNOTE.TXT 4.3.12).
    static QStringList zipEntries(const QByteArray& zip)
    {
        QStringList names;
        qsizetype at = 0;
        while ((at = zip.indexOf(QByteArray("PK\x01\x02", 4), at)) >= 0 && at + 46 <= zip.size()) {
            auto u16 = [&](qsizetype o) {
                return int(quint8(zip[at + o])) | (int(quint8(zip[at + o + 1])) << 8);
            };
            const int nameLength = u16(28);
            names << QString::fromUtf8(zip.mid(at + 46, nameLength));
            at += 46 + nameLength + u16(30) + u16(32);
        }
        return names;
    }

private:
    void onData(QTcpSocket* s)
    {
        if (m_handled.contains(s))
            return;
        QByteArray& buffer = m_buffers[s];
        buffer += s->readAll();
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        const QList<QByteArray> lines = buffer.left(end).split('\n');
        Request r;
        const QList<QByteArray> first = lines.first().trimmed().split(' ');
        r.method = first.value(0);
        const QUrl target(QString::fromUtf8(first.value(1)));
        r.path = target.path();
        r.query = QUrlQuery(target.query(QUrl::FullyEncoded));
        qsizetype length = 0;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines[i].indexOf(':');
            if (colon < 0)
                continue;
            const QByteArray name = lines[i].left(colon).trimmed();
            const QByteArray value = lines[i].mid(colon + 1).trimmed();
            r.headers.append({name, value});
            if (name.compare("content-length", Qt::CaseInsensitive) == 0)
                length = value.toLongLong();
        }
        const qsizetype have = buffer.size() - (end + 4);
        if (r.method == "POST" && r.path == QLatin1String("/api/zipdeploy") && dropUploads &&
            have >= length / 2) {
            // The connection breaks while the package is still going up.
            m_handled.insert(s);
            ++uploadAttempts;
            requests << r;
            s->abort();
            return;
        }
        if (have < length)
            return;
        r.body = buffer.mid(end + 4, length);
        m_handled.insert(s);
        requests << r;
        route(s, r);
    }

    void respond(QTcpSocket* s, int status, const QByteArray& body,
                 QList<std::pair<QByteArray, QByteArray>> headers = {},
                 const QByteArray& type = "application/json; charset=utf-8")
    {
        QByteArray head = "HTTP/1.1 " + QByteArray::number(status) + " " + reason(status) + "\r\n";
        for (const auto& [k, v] : headers)
            head += k + ": " + v + "\r\n";
        if (!body.isEmpty())
            head += "Content-Type: " + type + "\r\n";
        head +=
            "Content-Length: " + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n";
        s->write(head + body);
        s->disconnectFromHost();
    }
    static QByteArray reason(int status)
    {
        switch (status) {
        case 200:
            return "OK";
        case 202:
            return "Accepted";
        case 204:
            return "No Content";
        case 400:
            return "Bad Request";
        case 401:
            return "Unauthorized";
        case 404:
            return "Not Found";
        case 405:
            return "Method Not Allowed";
        case 415:
            return "Unsupported Media Type";
        case 429:
            return "Too Many Requests";
        case 503:
            return "Service Unavailable";
        default:
            return "Status";
        }
    }
    void json(QTcpSocket* s, int status, const QJsonValue& value,
              QList<std::pair<QByteArray, QByteArray>> headers = {})
    {
        const QByteArray body =
            value.isArray() ? QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact)
                            : QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
        respond(s, status, body, std::move(headers));
    }
    void bad(QTcpSocket* s, int status, const QString& why)
    {
        violations << why;
        respond(s, status, why.toUtf8(), {}, "text/plain; charset=utf-8");
    }

public:
    // Every protocol rule a client broke, in order; tests expect it empty.
    QStringList violations;

private:
    void route(QTcpSocket* s, const Request& r)
    {
        if (r.path == QStringLiteral("/%1/oauth2/v2.0/token").arg(tenantId) ||
            r.path.endsWith(QLatin1String("/oauth2/v2.0/token")))
            return token(s, r);
        if (!r.path.startsWith(QLatin1String("/api/")))
            return bad(s, 404, QStringLiteral("no such path %1").arg(r.path));
        if (!authorized(r)) {
            respond(s, 401, "401 - Unauthorized: Access is denied due to invalid credentials.",
                    {{"WWW-Authenticate", "Basic realm=\"site\""}}, "text/html");
            return;
        }
        if (r.path == QLatin1String("/api/environment") ||
            r.path == QLatin1String("/api/settings")) {
            if (r.method != "GET")
                return bad(s, 405,
                           QStringLiteral("%1 %2").arg(QString::fromLatin1(r.method), r.path));
            return json(s, 200,
                        QJsonObject{{"version", "106.0.0.0"},
                                    {"siteLastModified", "2026-11-27T06:00:00.0000000Z"}});
        }
        if (r.path == QLatin1String("/api/zipdeploy"))
            return zipdeploy(s, r);
        if (r.path == QLatin1String("/api/deployments") && r.method == "GET") {
            QJsonArray all;
            for (qsizetype i = deployments.size() - 1; i >= 0; --i)
                all << record(deployments[i], i == deployments.size() - 1);
            return json(s, 200, all);
        }
        if (r.path.startsWith(QLatin1String("/api/deployments/")) && r.method == "GET")
            return deployment(s, r);
        if (r.path == QLatin1String("/api/functions") && r.method == "GET") {
            QJsonArray list;
            QStringList names(functions.begin(), functions.end());
            names.sort();
            for (const QString& name : names)
                list << QJsonObject{
                    {"name", name},
                    {"function_app_id", QJsonValue::Null},
                    {"script_root_path_href", url() + "/api/vfs/site/wwwroot/" + name + "/"},
                    {"config_href", url() + "/api/vfs/site/wwwroot/" + name + "/function.json"},
                    {"config", QJsonObject{}}};
            return json(s, 200, list);
        }
        if (r.path.startsWith(QLatin1String("/api/functions/")) && r.method == "DELETE") {
            const QString name = QUrl::fromPercentEncoding(r.path.mid(15).toUtf8());
            if (!functions.remove(name))
                return respond(s, 404, "Function not found", {}, "text/plain");
            return respond(s, 204, {});
        }
        if (r.path == QLatin1String("/api/logstream") && r.method == "GET")
            return stream(s);
        bad(s, 404, QStringLiteral("unexpected %1 %2").arg(QString::fromLatin1(r.method), r.path));
    }

    bool authorized(const Request& r) const
    {
        const QByteArray auth = r.header("Authorization");
        if (auth.startsWith("Basic "))
            return QByteArray::fromBase64(auth.mid(6)) == (userName + ':' + password).toUtf8();
        if (auth.startsWith("Bearer ")) {
            const QString token = QString::fromUtf8(auth.mid(7));
            return issuedTokens.contains(token) && !m_revoked.contains(token);
        }
        return false;
    }

    void token(QTcpSocket* s, const Request& r)
    {
        ++tokenRequests;
        if (r.method != "POST")
            return bad(s, 405, QStringLiteral("token endpoint wants POST"));
        if (!r.header("Content-Type").startsWith("application/x-www-form-urlencoded"))
            return bad(s, 400, QStringLiteral("token request is not a form"));
        // Form values: '+' is a space, %XX a byte.
        QHash<QString, QString> form;
        for (const QByteArray& pair : r.body.split('&')) {
            const qsizetype eq = pair.indexOf('=');
            QByteArray value = pair.mid(eq + 1);
            value.replace('+', ' ');
            form.insert(QString::fromUtf8(QByteArray::fromPercentEncoding(pair.left(eq))),
                        QString::fromUtf8(QByteArray::fromPercentEncoding(value)));
        }
        auto aadError = [&](int status, const QString& error, int code, const QString& text) {
            const QString trace = QUuid::createUuid().toString(QUuid::WithoutBraces);
            const QString stamp =
                QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss'Z'"));
            json(
                s, status,
                QJsonObject{
                    {"error", error},
                    {"error_description",
                     QStringLiteral(
                         "AADSTS%1: %2\r\nTrace ID: %3\r\nCorrelation ID: %3\r\nTimestamp: %4")
                         .arg(code)
                         .arg(text, trace, stamp)},
                    {"error_codes", QJsonArray{code}},
                    {"timestamp", stamp},
                    {"trace_id", trace},
                    {"correlation_id", trace},
                    {"error_uri",
                     QStringLiteral("https://login.microsoftonline.com/error?code=%1").arg(code)}});
        };
        if (!r.path.startsWith(QStringLiteral("/%1/").arg(tenantId)))
            return aadError(
                400, "invalid_request", 90002,
                QStringLiteral("Tenant '%1' not found.").arg(r.path.section('/', 1, 1)));
        if (form.value("grant_type") != QLatin1String("client_credentials"))
            return aadError(400, "unsupported_grant_type", 70003,
                            "The app requested an unsupported grant type.");
        if (form.value("scope") != QLatin1String("https://management.azure.com/.default"))
            return aadError(400, "invalid_scope", 1002012,
                            "The provided value for scope is not valid.");
        if (form.value("client_id") != clientId)
            return aadError(
                400, "unauthorized_client", 700016,
                QStringLiteral("Application with identifier '%1' was not found in the directory.")
                    .arg(form.value("client_id")));
        if (form.value("client_secret") != clientSecret)
            return aadError(
                401, "invalid_client", 7000215,
                QStringLiteral("Invalid client secret provided. Ensure the secret being sent in "
                               "the request is the client secret value, not the client secret ID, "
                               "for a secret added to app '%1'.")
                    .arg(clientId));
        const QString token = QStringLiteral("eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.%1.sig")
                                  .arg(QUuid::createUuid().toString(QUuid::Id128));
        issuedTokens << token;
        json(s, 200,
             QJsonObject{{"token_type", "Bearer"},
                         {"expires_in", tokenLifetimeSeconds},
                         {"ext_expires_in", tokenLifetimeSeconds},
                         {"access_token", token}});
    }

    void zipdeploy(QTcpSocket* s, const Request& r)
    {
        ++uploadAttempts;
        if (r.method != "POST" && r.method != "PUT")
            return bad(s, 405, QStringLiteral("zipdeploy wants POST"));
        if (r.query.queryItemValue("isAsync") != QLatin1String("true"))
            return bad(s, 400, QStringLiteral("zipdeploy without isAsync=true"));
        if (!r.header("Content-Type").startsWith("application/zip"))
            return bad(s, 415,
                       QStringLiteral("zipdeploy Content-Type is %1")
                           .arg(QString::fromLatin1(r.header("Content-Type"))));
        const QStringList entries = zipEntries(r.body);
        if (!r.body.startsWith("PK\x03\x04") || !entries.contains(QLatin1String("host.json")) ||
            !entries.contains(expectedFunction + QLatin1String("/function.json")))
            return bad(s, 400,
                       QStringLiteral("the zip lacks host.json or %1/function.json: %2")
                           .arg(expectedFunction, entries.join(',')));
        // What the Functions host reads: host.json v2 and a trigger binding (unpacked for real).
        {
            QTemporaryDir unpacked;
            if (!swb::ZipExtractor::extract(r.body, unpacked.filePath("wwwroot")))
                return bad(s, 400, QStringLiteral("the zip does not unpack"));
            auto read = [&](const QString& path) {
                QFile f(unpacked.filePath("wwwroot/" + path));
                return f.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(f.readAll()).object()
                                                   : QJsonObject();
            };
            if (read("host.json").value("version").toString() != QLatin1String("2.0"))
                return bad(s, 400, QStringLiteral("host.json is not version 2.0"));
            const QJsonArray bindings =
                read(expectedFunction + "/function.json").value("bindings").toArray();
            if (bindings.isEmpty() ||
                !bindings.first().toObject().value("type").toString().endsWith(
                    QLatin1String("Trigger")) ||
                bindings.first().toObject().value("direction").toString() != QLatin1String("in"))
                return bad(s, 400,
                           QStringLiteral("%1/function.json has no trigger binding")
                               .arg(expectedFunction));
        }
        if (holdUploads)
            return; // never answers
        if (busy)   // Kudu's Resources.Error_DeploymentInProgress
            return respond(
                s, 409,
                "There is a deployment currently in progress. Please try again when it completes.",
                {}, "text/plain; charset=utf-8");
        if (throttleUploads > 0) {
            --throttleUploads;
            return respond(s, 429, "Too many requests",
                           {{"Retry-After", QByteArray::number(retryAfterSeconds)}}, "text/plain");
        }
        Deployment d;
        d.id = QUuid::createUuid().toString(QUuid::Id128);
        d.message = r.query.queryItemValue("message", QUrl::FullyDecoded);
        d.fail = failNextDeployment;
        d.received = QDateTime::currentDateTimeUtc();
        failNextDeployment = false;
        deployments << d;
        m_pollsAt = 0;
        if (!d.fail) {
            functions.clear();
            for (const QString& e : entries)
                if (e.endsWith(QLatin1String("/function.json")))
                    functions.insert(e.section('/', 0, 0));
        }
        const QByteArray location =
            ((locationBase.isEmpty() ? url() : locationBase) +
             "/api/deployments/latest?deployer=ZipDeploy&time=" +
             QDateTime::currentDateTimeUtc().toString("yyyy-MM-dd_HH-mm-ssZ"))
                .toUtf8();
        respond(s, 202, {}, {{"Location", location}, {"Retry-After", "30"}});
    }

    QJsonObject record(const Deployment& d, bool latest) const
    {
        const bool complete = d.status == 3 || d.status == 4;
        static const char* texts[] = {"Pending", "Building", "Deploying", "", ""};
        return QJsonObject{
            {"id", d.id},
            {"status", d.status},
            {"status_text", d.status == 3 ? QString() : QString::fromLatin1(texts[d.status])},
            {"author_email", "N/A"},
            {"author", "N/A"},
            {"deployer", "ZipDeploy"},
            {"message", d.message},
            {"progress", ""},
            {"received_time", d.received.toString(Qt::ISODateWithMs)},
            {"start_time", d.received.toString(Qt::ISODateWithMs)},
            {"end_time",
             complete ? QJsonValue(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs))
                      : QJsonValue()},
            {"last_success_end_time", QJsonValue()},
            {"complete", complete},
            {"active", latest && d.status == 4},
            {"is_temp", false},
            {"is_readonly", true},
            {"url", url() + "/api/deployments/" + d.id},
            {"log_url", url() + "/api/deployments/" + d.id + "/log"},
            {"site_name", app},
        };
    }

    void deployment(QTcpSocket* s, const Request& r)
    {
        const QStringList parts = r.path.mid(QStringLiteral("/api/deployments/").size()).split('/');
        const QString id = parts.value(0);
        qsizetype index = -1;
        if (id == QLatin1String("latest"))
            index = deployments.size() - 1;
        else
            for (qsizetype i = 0; i < deployments.size(); ++i)
                if (deployments[i].id == id)
                    index = i;
        if (index < 0)
            return respond(s, 404,
                           QJsonDocument(QJsonObject{{"Message", "Deployment not found"}})
                               .toJson(QJsonDocument::Compact));
        Deployment& d = deployments[index];
        if (parts.value(1) == QLatin1String("log")) {
            QJsonArray entries{
                QJsonObject{{"log_time", d.received.toString(Qt::ISODateWithMs)},
                            {"id", QUuid::createUuid().toString(QUuid::WithoutBraces)},
                            {"message", "Updating submodules."},
                            {"type", 0},
                            {"details_url", QJsonValue()}}};
            if (d.fail)
                entries << QJsonObject{
                    {"log_time", d.received.toString(Qt::ISODateWithMs)},
                    {"id", QUuid::createUuid().toString(QUuid::WithoutBraces)},
                    {"message", failureLog},
                    {"type", 2},
                    {"details_url", url() + "/api/deployments/" + d.id + "/log/x"}};
            return json(s, 200, entries);
        }
        if (unavailablePolls > 0) {
            --unavailablePolls;
            return respond(s, 503, "Service Unavailable", {}, "text/html");
        }
        // Each poll of the deployment in progress moves it on: 0 -> 1 -> 4 (or 3).
        if (d.status != 3 && d.status != 4 && ++m_pollsAt >= pollsPerStep) {
            m_pollsAt = 0;
            d.status = d.status == 0 ? 1 : (d.fail ? 3 : 4);
        }
        json(s, 200, record(d, index == deployments.size() - 1));
    }

    void stream(QTcpSocket* s)
    {
        ++streamConnections;
        const bool first = streamConnections == 1;
        s->write("HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\nTransfer-Encoding: "
                 "chunked\r\n\r\n");
        writeChunk(s, QDateTime::currentDateTimeUtc().toString("yyyy-MM-ddTHH:mm:ss").toUtf8() +
                          "  Welcome, you are now connected to log-streaming service.\r\n");
        // A reconnect sees the recent lines again, as Kudu's tail does.
        int sent = 0;
        for (const QString& line : logLines) {
            if (first && dropStreamAfterLines >= 0 && sent == dropStreamAfterLines) {
                s->flush();
                s->abort();
                return;
            }
            writeChunk(s, line.toUtf8() + "\r\n");
            ++sent;
        }
        m_streams << s;
    }
    static void writeChunk(QTcpSocket* s, const QByteArray& data)
    {
        s->write(QByteArray::number(data.size(), 16) + "\r\n" + data + "\r\n");
        s->flush();
    }

    QTcpServer m_server;
    QHash<QTcpSocket*, QByteArray> m_buffers;
    QSet<QTcpSocket*> m_handled;
    QSet<QString> m_revoked;
    QList<QPointer<QTcpSocket>> m_streams;
    int m_pollsAt = 0;
};
