#pragma once
// A strict local stand-in for Apache OpenWhisk's REST API (/api/v1), for provider tests: it
// checks basic auth, methods, paths, query parameters, content types and the action document
// (kind, base64 zip code, limits in range) and answers with OpenWhisk's response shapes and
// error documents ({"error": "...", "code": "..."}). Activations can be fed in over time, faults
// scripted (a status with headers, a dropped connection, no answer), and every request is kept.
// One request per connection ("Connection: close") keeps the HTTP side small.
//
// Shapes and texts follow apache/openwhisk: docs/rest_api.md, docs/webactions.md,
// core/controller/src/main/resources/apiv1swagger.json, ErrorResponse and the limit checks
// (MemoryLimit, TimeLimit: "memory 4096 MB exceeds allowed threshold of 512 MB"); the default
// limits are OpenWhisk's standard ones (docs/reference.md): memory 128..512 MB, timeout
// 100..300000 ms.

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QSet>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrl>
#include <QUrlQuery>
#include <QUuid>

#include <algorithm>
#include <memory>
#include <utility>

namespace swb::test {

class FakeOpenWhisk : public QObject {
public:
    using Headers = QList<std::pair<QByteArray, QByteArray>>;

    struct Request {
        QByteArray method;
        QString path; // decoded
        QUrlQuery query;
        Headers headers;
        QByteArray body;
        QByteArray header(const QByteArray& name) const
        {
            for (const auto& [k, v] : headers)
                if (k.compare(name, Qt::CaseInsensitive) == 0)
                    return v;
            return {};
        }
    };

    enum class FaultKind { Status, Drop, Hold };
    struct Fault {
        QByteArray method; // empty: any
        QString pathPrefix;
        FaultKind kind = FaultKind::Status;
        int status = 502;
        Headers headers;
        QString error; // the error document's text
    };

    // wsk's well-known guest key from OpenWhisk's own docs (a local test value, not a secret).
    QString key =
        QStringLiteral("23bc46b1-71f6-4ed5-8c54-816aa4f8c502:"
                       "123zO3xZCLrMN6v2BKK1dXYFpXlPkccOFqm12CdAsMgRU4VrNZ9lyGVCGuMDGIwP");
    QString namespaceName = QStringLiteral("guest");
    QStringList kinds{QStringLiteral("nodejs:18"),   QStringLiteral("nodejs:20"),
                      QStringLiteral("nodejs:22"),   QStringLiteral("python:3.9"),
                      QStringLiteral("python:3.10"), QStringLiteral("python:3.11"),
                      QStringLiteral("python:3.12"), QStringLiteral("python:3.13")};
    int minMemoryMb = 128;
    int maxMemoryMb = 512;
    int minTimeoutMs = 100;
    int maxTimeoutMs = 300000;

    QList<Request> requests;
    QList<Fault> faults;
    QMap<QString, QJsonObject> actions; // by name, as stored (with exec.code)
    QList<QJsonObject> activations;

    bool listen()
    {
        connect(&m_server, &QTcpServer::pendingConnectionAvailable, this, [this] {
            while (QTcpSocket* s = m_server.nextPendingConnection()) {
                s->setParent(this);
                connect(s, &QTcpSocket::readyRead, this, [this, s] { onData(s); });
                connect(s, &QTcpSocket::disconnected, this, [this, s] {
                    m_buffers.remove(s);
                    m_done.remove(s);
                    s->deleteLater();
                });
                if (s->bytesAvailable() > 0)
                    onData(s);
            }
        });
        return m_server.listen(QHostAddress::LocalHost, 0);
    }
    QString host() const
    {
        return QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort());
    }

    void addFault(Fault fault) { faults.append(std::move(fault)); }

    int count(const QByteArray& method, const QString& pathPrefix) const
    {
        return int(std::count_if(requests.begin(), requests.end(), [&](const Request& r) {
            return r.method == method && r.path.startsWith(pathPrefix);
        }));
    }

    // An activation record as OpenWhisk stores it; `logs` are full lines with their timestamps.
    void addActivation(const QString& action, const QString& activationId, qint64 startMs,
                       const QStringList& logs)
    {
        activations.append(QJsonObject{
            {QStringLiteral("namespace"), namespaceName},
            {QStringLiteral("name"), action},
            {QStringLiteral("version"), QStringLiteral("0.0.1")},
            {QStringLiteral("subject"), namespaceName},
            {QStringLiteral("activationId"), activationId},
            {QStringLiteral("start"), double(startMs)},
            {QStringLiteral("end"), double(startMs + 25)},
            {QStringLiteral("duration"), 25},
            {QStringLiteral("statusCode"), 0},
            {QStringLiteral("response"),
             QJsonObject{{QStringLiteral("status"), QStringLiteral("success")},
                         {QStringLiteral("statusCode"), 0},
                         {QStringLiteral("success"), true},
                         {QStringLiteral("result"), QJsonObject{}}}},
            {QStringLiteral("logs"), QJsonArray::fromStringList(logs)},
            {QStringLiteral("annotations"), QJsonArray{}},
            {QStringLiteral("publish"), false},
        });
    }

    // The zip bytes an action holds now (empty when it has none).
    QByteArray code(const QString& action) const
    {
        return QByteArray::fromBase64(actions.value(action)
                                          .value(QStringLiteral("exec"))
                                          .toObject()
                                          .value(QStringLiteral("code"))
                                          .toString()
                                          .toLatin1());
    }

private:
    struct Reply {
        int status = 200;
        QJsonValue body;
        Headers headers;
    };

    static QJsonObject errorDocument(const QString& text)
    {
        // The code is the request's transaction id: 32 hex digits.
        return QJsonObject{{QStringLiteral("error"), text},
                           {QStringLiteral("code"), QUuid::createUuid().toString(QUuid::Id128)}};
    }
    static Reply error(int status, const QString& text, Headers headers = {})
    {
        return Reply{status, errorDocument(text), std::move(headers)};
    }
    static Reply malformed(const QString& why)
    {
        return error(400, QStringLiteral("The request content was malformed:\n") + why);
    }

    void onData(QTcpSocket* s)
    {
        QByteArray& buffer = m_buffers[s];
        buffer += s->readAll();
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0 || m_done.contains(s))
            return;
        const QList<QByteArray> lines = buffer.left(end).split('\n');
        Request r;
        const QList<QByteArray> first = lines.first().trimmed().split(' ');
        r.method = first.value(0);
        const QUrl target(QString::fromLatin1(first.value(1)));
        r.path = target.path(QUrl::FullyDecoded);
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
        if (buffer.size() < end + 4 + length)
            return;
        r.body = buffer.mid(end + 4, length);
        m_done.insert(s);
        requests.append(r);

        for (qsizetype i = 0; i < faults.size(); ++i) {
            const Fault f = faults[i];
            if ((!f.method.isEmpty() && f.method != r.method) || !r.path.startsWith(f.pathPrefix))
                continue;
            faults.removeAt(i);
            if (f.kind == FaultKind::Hold)
                return;
            if (f.kind == FaultKind::Drop) {
                s->abort();
                return;
            }
            send(s, error(f.status, f.error, f.headers));
            return;
        }
        send(s, handle(r));
    }

    void send(QTcpSocket* s, const Reply& reply)
    {
        const QByteArray body =
            reply.body.isArray()
                ? QJsonDocument(reply.body.toArray()).toJson(QJsonDocument::Compact)
                : QJsonDocument(reply.body.toObject()).toJson(QJsonDocument::Compact);
        QByteArray head = "HTTP/1.1 " + QByteArray::number(reply.status) + " Fake\r\n";
        for (const auto& [k, v] : reply.headers)
            head += k + ": " + v + "\r\n";
        head += "Content-Type: application/json\r\nConnection: close\r\nContent-Length: " +
                QByteArray::number(body.size()) + "\r\n\r\n";
        s->write(head + body);
        s->disconnectFromHost();
    }

    Reply handle(const Request& r)
    {
        const QByteArray authorization = r.header("Authorization");
        if (authorization.isEmpty())
            return error(401, QStringLiteral("The resource requires authentication, which was not "
                                             "supplied with the request"));
        if (authorization != "Basic " + key.toUtf8().toBase64())
            return error(401, QStringLiteral("The supplied authentication is invalid"));

        const QStringList parts = r.path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
        if (parts.size() < 3 || parts[0] != QLatin1String("api") ||
            parts[1] != QLatin1String("v1") || parts[2] != QLatin1String("namespaces"))
            return error(404, QStringLiteral("The requested resource does not exist."));
        if (parts.size() == 3) {
            if (r.method != "GET")
                return error(405,
                             QStringLiteral("HTTP method not allowed, supported methods: GET"));
            return Reply{200, QJsonArray{namespaceName}, {}};
        }
        if (parts[3] != QLatin1String("_") && parts[3] != namespaceName)
            return error(403, QStringLiteral("The supplied authentication is not authorized to "
                                             "access this resource."));
        if (parts.size() == 5 && parts[4] == QLatin1String("actions") && r.method == "GET")
            return listActions(r);
        if (parts.size() == 6 && parts[4] == QLatin1String("actions")) {
            if (r.method == "GET")
                return getAction(r, parts[5]);
            if (r.method == "PUT")
                return putAction(r, parts[5]);
            if (r.method == "DELETE") {
                if (!actions.contains(parts[5]))
                    return error(404, QStringLiteral("The requested resource does not exist."));
                return Reply{200, view(actions.take(parts[5]), false), {}};
            }
            return error(405, QStringLiteral("HTTP method not allowed, supported methods: GET, "
                                             "PUT, DELETE"));
        }
        if (parts.size() == 5 && parts[4] == QLatin1String("activations") && r.method == "GET")
            return listActivations(r);
        return error(404, QStringLiteral("The requested resource does not exist."));
    }

    static std::optional<Reply> unknownParameter(const Request& r, const QStringList& allowed)
    {
        for (const auto& [key, value] : r.query.queryItems())
            if (!allowed.contains(key))
                return malformed(QStringLiteral("unknown query parameter '%1'").arg(key));
        return std::nullopt;
    }

    // skip and limit as OpenWhisk checks them (limit 0..200, default 30).
    static std::optional<Reply> paging(const Request& r, int* skip, int* limit)
    {
        *skip = r.query.hasQueryItem(QStringLiteral("skip"))
                    ? r.query.queryItemValue(QStringLiteral("skip")).toInt()
                    : 0;
        *limit = r.query.hasQueryItem(QStringLiteral("limit"))
                     ? r.query.queryItemValue(QStringLiteral("limit")).toInt()
                     : 30;
        if (*limit < 0 || *limit > 200)
            return error(400, QStringLiteral("The value '%1' is not in the range of 0 to 200 "
                                             "for query parameter 'limit'.")
                                  .arg(*limit));
        if (*skip < 0)
            return error(400, QStringLiteral("The value '%1' is negative for query parameter "
                                             "'skip'.")
                                  .arg(*skip));
        return std::nullopt;
    }

    QJsonObject view(QJsonObject action, bool withCode) const
    {
        if (!withCode) {
            QJsonObject exec = action.value(QStringLiteral("exec")).toObject();
            exec.remove(QStringLiteral("code"));
            action.insert(QStringLiteral("exec"), exec);
        }
        return action;
    }

    Reply listActions(const Request& r)
    {
        if (auto bad = unknownParameter(r, {QStringLiteral("skip"), QStringLiteral("limit")}))
            return *bad;
        int skip = 0, limit = 0;
        if (auto bad = paging(r, &skip, &limit))
            return *bad;
        QJsonArray list;
        const QStringList names = actions.keys();
        for (qsizetype i = skip; i < names.size() && list.size() < limit; ++i) {
            QJsonObject summary = view(actions.value(names[i]), false);
            summary.remove(QStringLiteral("parameters"));
            list.append(summary);
        }
        return Reply{200, list, {}};
    }

    Reply getAction(const Request& r, const QString& name)
    {
        if (auto bad = unknownParameter(r, {QStringLiteral("code")}))
            return *bad;
        if (!actions.contains(name))
            return error(404, QStringLiteral("The requested resource does not exist."));
        return Reply{200,
                     view(actions.value(name),
                          r.query.queryItemValue(QStringLiteral("code")) != QLatin1String("false")),
                     {}};
    }

    static std::optional<Reply> checkKeyValues(const QJsonObject& doc, const QString& field)
    {
        if (!doc.contains(field))
            return std::nullopt;
        if (!doc.value(field).isArray())
            return malformed(QStringLiteral("%1 must be an array of key/value pairs").arg(field));
        for (const QJsonValue& entry : doc.value(field).toArray())
            if (!entry.isObject() || !entry.toObject().value(QStringLiteral("key")).isString() ||
                !entry.toObject().contains(QStringLiteral("value")))
                return malformed(
                    QStringLiteral("%1 must be an array of key/value pairs").arg(field));
        return std::nullopt;
    }

    Reply putAction(const Request& r, const QString& name)
    {
        if (auto bad = unknownParameter(r, {QStringLiteral("overwrite")}))
            return *bad;
        if (!r.header("Content-Type").startsWith("application/json"))
            return error(415, QStringLiteral("The request's Content-Type is not supported. "
                                             "Expected:\napplication/json"));
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(r.body, &parseError);
        if (!doc.isObject())
            return malformed(parseError.errorString());
        const QJsonObject put = doc.object();
        const bool exists = actions.contains(name);
        if (exists && r.query.queryItemValue(QStringLiteral("overwrite")) != QLatin1String("true"))
            return error(409, QStringLiteral("resource already exists"));
        if (put.contains(QStringLiteral("name")) &&
            put.value(QStringLiteral("name")).toString() != name)
            return malformed(QStringLiteral("the name in the body is not the one in the path"));

        QJsonObject stored = exists ? actions.value(name) : QJsonObject{};
        if (put.contains(QStringLiteral("exec"))) {
            const QJsonObject exec = put.value(QStringLiteral("exec")).toObject();
            const QString kind = exec.value(QStringLiteral("kind")).toString();
            if (!kinds.contains(kind))
                return malformed(QStringLiteral("kind '%1' not in Set(%2)")
                                     .arg(kind, kinds.join(QStringLiteral(", "))));
            if (!exec.value(QStringLiteral("code")).isString())
                return malformed(
                    QStringLiteral("'code' must be a string defined in 'exec' for '%1' actions")
                        .arg(kind));
            if (exec.contains(QStringLiteral("main")) &&
                !exec.value(QStringLiteral("main")).isString())
                return malformed(QStringLiteral("'main' must be a string"));
            if (exec.value(QStringLiteral("binary")).toBool()) {
                const auto decoded = QByteArray::fromBase64Encoding(
                    exec.value(QStringLiteral("code")).toString().toLatin1(),
                    QByteArray::AbortOnBase64DecodingErrors);
                if (!decoded || !decoded.decoded.startsWith("PK\x03\x04"))
                    return malformed(QStringLiteral("binary code is not a base64-encoded zip"));
            }
            stored.insert(QStringLiteral("exec"), exec);
        } else if (!exists) {
            return malformed(QStringLiteral("exec undefined"));
        }

        QJsonObject limits = stored.value(QStringLiteral("limits")).toObject();
        if (limits.isEmpty())
            limits = QJsonObject{{QStringLiteral("concurrency"), 1},
                                 {QStringLiteral("logs"), 10},
                                 {QStringLiteral("memory"), 256},
                                 {QStringLiteral("timeout"), 60000}};
        const QJsonObject wanted = put.value(QStringLiteral("limits")).toObject();
        if (wanted.contains(QStringLiteral("memory"))) {
            const int mb = wanted.value(QStringLiteral("memory")).toInt();
            if (mb < minMemoryMb)
                return malformed(QStringLiteral("requirement failed: memory %1 MB below allowed "
                                                "threshold of %2 MB")
                                     .arg(mb)
                                     .arg(minMemoryMb));
            if (mb > maxMemoryMb)
                return malformed(QStringLiteral("requirement failed: memory %1 MB exceeds allowed "
                                                "threshold of %2 MB")
                                     .arg(mb)
                                     .arg(maxMemoryMb));
            limits.insert(QStringLiteral("memory"), mb);
        }
        if (wanted.contains(QStringLiteral("timeout"))) {
            const int ms = wanted.value(QStringLiteral("timeout")).toInt();
            if (ms < minTimeoutMs || ms > maxTimeoutMs)
                return malformed(QStringLiteral("requirement failed: timeout %1 milliseconds %2 "
                                                "allowed threshold of %3 milliseconds")
                                     .arg(ms)
                                     .arg(ms < minTimeoutMs ? QStringLiteral("below")
                                                            : QStringLiteral("exceeds"))
                                     .arg(ms < minTimeoutMs ? minTimeoutMs : maxTimeoutMs));
            limits.insert(QStringLiteral("timeout"), ms);
        }
        for (const QString& field : {QStringLiteral("annotations"), QStringLiteral("parameters")})
            if (auto bad = checkKeyValues(put, field))
                return *bad;

        const QString kind = stored.value(QStringLiteral("exec"))
                                 .toObject()
                                 .value(QStringLiteral("kind"))
                                 .toString();
        QJsonArray annotations = put.contains(QStringLiteral("annotations"))
                                     ? put.value(QStringLiteral("annotations")).toArray()
                                     : stored.value(QStringLiteral("annotations")).toArray();
        // OpenWhisk records the runtime family as the "exec" annotation.
        for (qsizetype i = annotations.size() - 1; i >= 0; --i)
            if (annotations[i].toObject().value(QStringLiteral("key")) == QLatin1String("exec"))
                annotations.removeAt(i);
        annotations.append(
            QJsonObject{{QStringLiteral("key"), QStringLiteral("exec")},
                        {QStringLiteral("value"), kind.section(QLatin1Char(':'), 0, 0)}});
        int patch = 1;
        if (exists)
            patch = stored.value(QStringLiteral("version"))
                        .toString()
                        .section(QLatin1Char('.'), 2)
                        .toInt() +
                    1;
        stored.insert(QStringLiteral("namespace"), namespaceName);
        stored.insert(QStringLiteral("name"), name);
        stored.insert(QStringLiteral("version"), QStringLiteral("0.0.%1").arg(patch));
        stored.insert(QStringLiteral("limits"), limits);
        stored.insert(QStringLiteral("annotations"), annotations);
        stored.insert(QStringLiteral("parameters"),
                      put.contains(QStringLiteral("parameters"))
                          ? put.value(QStringLiteral("parameters")).toArray()
                          : stored.value(QStringLiteral("parameters")).toArray());
        stored.insert(QStringLiteral("publish"), put.value(QStringLiteral("publish")).toBool());
        stored.insert(QStringLiteral("updated"), double(QDateTime::currentMSecsSinceEpoch()));
        actions.insert(name, stored);
        return Reply{200, view(stored, false), {}};
    }

    Reply listActivations(const Request& r)
    {
        if (auto bad = unknownParameter(r, {QStringLiteral("name"), QStringLiteral("since"),
                                            QStringLiteral("upto"), QStringLiteral("docs"),
                                            QStringLiteral("skip"), QStringLiteral("limit")}))
            return *bad;
        int skip = 0, limit = 0;
        if (auto bad = paging(r, &skip, &limit))
            return *bad;
        const QString name = r.query.queryItemValue(QStringLiteral("name"));
        const qint64 since = r.query.queryItemValue(QStringLiteral("since")).toLongLong();
        const bool docs = r.query.queryItemValue(QStringLiteral("docs")) == QLatin1String("true");
        QList<QJsonObject> matching;
        for (const QJsonObject& a : activations)
            if ((name.isEmpty() || a.value(QStringLiteral("name")).toString() == name) &&
                qint64(a.value(QStringLiteral("start")).toDouble()) >= since)
                matching.append(a);
        // Newest first, as OpenWhisk lists them.
        std::stable_sort(matching.begin(), matching.end(),
                         [](const QJsonObject& a, const QJsonObject& b) {
                             return a.value(QStringLiteral("start")).toDouble() >
                                    b.value(QStringLiteral("start")).toDouble();
                         });
        QJsonArray list;
        for (qsizetype i = skip; i < matching.size() && list.size() < limit; ++i) {
            QJsonObject a = matching[i];
            if (!docs) {
                a.remove(QStringLiteral("logs"));
                a.remove(QStringLiteral("response"));
            }
            list.append(a);
        }
        return Reply{200, list, {}};
    }

    QTcpServer m_server;
    QHash<QTcpSocket*, QByteArray> m_buffers;
    QSet<QTcpSocket*> m_done;
};

} // namespace swb::test
