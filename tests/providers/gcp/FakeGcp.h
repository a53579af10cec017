#pragma once
// A strict local stand-in for the Google APIs the GCP provider calls, on 127.0.0.1: the OAuth 2.0
// token endpoint (verifies the RS256 assertion with the test key's public key, its claims and the
// grant type), Cloud Functions v2 (Bearer tokens, paths, query, bodies; long-running operations),
// the signed upload URL (Content-Type, a zip body) and Cloud Logging's entries:list. Failures are
// scriptable (status + Retry-After, dropped uploads, expired tokens, failing operations) and every
// request is recorded. Test-only: the RSA key is generated when the tests run.

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QObject>
#include <QPointer>
#include <QRegularExpression>
#include <QSet>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrl>
#include <QUrlQuery>
#include <QUuid>

#include <openssl/evp.h>
#include <openssl/pem.h>

#include <functional>
#include <memory>

namespace swb::test {

// --- the test key --------------------------------------------------------------------------

using PkeyPtr = std::shared_ptr<EVP_PKEY>;

// A 2048-bit RSA key made once per test process. TEST KEY ONLY: never a real credential.
inline PkeyPtr testRsaKey()
{
    static PkeyPtr key(EVP_RSA_gen(2048), EVP_PKEY_free);
    return key;
}

inline QString privateKeyPem(EVP_PKEY* key)
{
    BIO* bio = BIO_new(BIO_s_mem());
    PEM_write_bio_PrivateKey(bio, key, nullptr, nullptr, 0, nullptr, nullptr);
    char* data = nullptr;
    const long n = BIO_get_mem_data(bio, &data);
    const QString pem = QString::fromLatin1(data, n);
    BIO_free(bio);
    return pem;
}

inline QByteArray fromBase64Url(const QByteArray& text, bool* ok = nullptr)
{
    auto r = QByteArray::fromBase64Encoding(text, QByteArray::Base64UrlEncoding |
                                                      QByteArray::OmitTrailingEquals |
                                                      QByteArray::AbortOnBase64DecodingErrors);
    if (ok)
        *ok = bool(r);
    return r.decoded;
}

// Verifies a compact JWS signed RS256 with `key`; fills header and claims. Empty: valid;
// otherwise why not.
inline QString verifyRs256(EVP_PKEY* key, const QByteArray& jwt, QJsonObject* header = nullptr,
                           QJsonObject* claims = nullptr)
{
    const QList<QByteArray> parts = jwt.split('.');
    if (parts.size() != 3)
        return QStringLiteral("not a JWS: %1 parts").arg(parts.size());
    bool ok1 = false, ok2 = false, ok3 = false;
    const QByteArray h = fromBase64Url(parts[0], &ok1);
    const QByteArray c = fromBase64Url(parts[1], &ok2);
    const QByteArray sig = fromBase64Url(parts[2], &ok3);
    if (!ok1 || !ok2 || !ok3)
        return QStringLiteral("a part is not base64url");
    const QJsonDocument hd = QJsonDocument::fromJson(h), cd = QJsonDocument::fromJson(c);
    if (!hd.isObject() || !cd.isObject())
        return QStringLiteral("header or claims are not JSON objects");
    if (header)
        *header = hd.object();
    if (claims)
        *claims = cd.object();
    const QByteArray input = parts[0] + '.' + parts[1];
    EVP_MD_CTX* ctx = EVP_MD_CTX_new();
    const bool good = EVP_DigestVerifyInit(ctx, nullptr, EVP_sha256(), nullptr, key) == 1 &&
                      EVP_DigestVerify(ctx, reinterpret_cast<const unsigned char*>(sig.constData()),
                                       size_t(sig.size()),
                                       reinterpret_cast<const unsigned char*>(input.constData()),
                                       size_t(input.size())) == 1;
    EVP_MD_CTX_free(ctx);
    return good ? QString() : QStringLiteral("signature does not verify");
}

// --- the fake ------------------------------------------------------------------------------

struct FakeRequest {
    QByteArray method;
    QString path;
    QUrlQuery query;
    QHash<QByteArray, QByteArray> headers; // lower-case names
    QByteArray body;
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
};

class FakeGcp : public QObject {
public:
    // The token URI written in the key, and so the assertion's expected audience.
    static constexpr const char* kTokenUri = "https://oauth2.googleapis.com/token";
    static constexpr const char* kBucket = "gcf-v2-uploads-632370127831-us-central1";

    QString project = QStringLiteral("demo-project");
    QString location = QStringLiteral("us-central1");
    QString email = QStringLiteral("deployer@demo-project.iam.gserviceaccount.com");
    QString keyId = QStringLiteral("7f3a7e0b9c2d4e5f60718293a4b5c6d7e8f90123");
    int tokenLifetimeSeconds = 3599;
    int operationPolls = 2;    // GETs of an operation before it is done
    QString failNextOperation; // error message of the next operation that finishes
    int dropUploads = 0;       // uploads to cut off before answering
    QString stateAfterDeploy = QStringLiteral("ACTIVE");
    int logPageSize = 2;
    bool holdResponses = false; // accept requests but never answer (for cancel tests)

    QList<FakeRequest> requests;
    QMap<QString, QJsonObject> functions; // by full resource name
    QSet<QString> uploaded;               // object names
    QStringList issuedTokens;
    QStringList assertions;
    QList<QJsonObject> logEntries;

    explicit FakeGcp(QObject* parent = nullptr) : QObject(parent), m_key(testRsaKey())
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* s = m_server.nextPendingConnection()) {
                connect(s, &QTcpSocket::readyRead, this, [this, s] { onData(s); });
                connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
            }
        });
    }

    QString endpoint() const
    {
        return QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort());
    }
    QString privateKey() const { return privateKeyPem(m_key.get()); }

    QByteArray keyJson() const
    {
        return QJsonDocument(QJsonObject{
                                 {"type", "service_account"},
                                 {"project_id", project},
                                 {"private_key_id", keyId},
                                 {"private_key", privateKey()},
                                 {"client_email", email},
                                 {"client_id", "104825932487912345678"},
                                 {"auth_uri", "https://accounts.google.com/o/oauth2/auth"},
                                 {"token_uri", QString::fromLatin1(kTokenUri)},
                             })
            .toJson();
    }

    // The next `count` requests whose path contains `pathPart` get `status` (Google's error JSON).
    void failNext(const QString& pathPart, int status, int count = 1,
                  const QByteArray& retryAfter = {})
    {
        m_failures.append({pathPart, status, count, retryAfter});
    }
    // Every token issued so far is refused from now on (as after it expired).
    void expireTokens() { m_expired = QSet<QString>(issuedTokens.begin(), issuedTokens.end()); }

    void addLog(const QString& service, const QString& insertId, const QDateTime& time,
                const QString& text, const QString& instance = QStringLiteral("inst-1"))
    {
        logEntries.append(QJsonObject{
            {"insertId", insertId},
            {"timestamp",
             time.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz")) + "123456Z"},
            {"textPayload", text + "\n"},
            {"labels", QJsonObject{{"instanceId", instance}}},
            {"resource",
             QJsonObject{{"type", "cloud_run_revision"},
                         {"labels", QJsonObject{{"service_name", service},
                                                {"revision_name", service + "-00001-abc"}}}}}});
    }

    QString functionName(const QString& id) const
    {
        return QStringLiteral("projects/%1/locations/%2/functions/%3").arg(project, location, id);
    }
    int count(const QByteArray& method, const QString& pathPart) const
    {
        int n = 0;
        for (const FakeRequest& r : requests)
            n += r.method == method && r.path.contains(pathPart);
        return n;
    }
    const FakeRequest* last(const QByteArray& method, const QString& pathPart) const
    {
        for (auto it = requests.crbegin(); it != requests.crend(); ++it)
            if (it->method == method && it->path.contains(pathPart))
                return &*it;
        return nullptr;
    }

private:
    struct Failure {
        QString pathPart;
        int status;
        int count;
        QByteArray retryAfter;
    };
    struct Operation {
        int pollsLeft = 0;
        QString error;
        std::function<QJsonObject()> apply; // runs when done; returns the response
    };

    QTcpServer m_server;
    PkeyPtr m_key;
    QHash<QTcpSocket*, QByteArray> m_buffers;
    QList<Failure> m_failures;
    QSet<QString> m_expired;
    QHash<QString, QDateTime> m_tokenExpiry;
    QMap<QString, Operation> m_operations;
    QHash<QString, QString> m_pageFilters;
    int m_nextId = 1;

    static QString bucketPath() { return QStringLiteral("/") + QLatin1String(kBucket); }

    static QByteArray reason(int status)
    {
        switch (status) {
        case 200:
            return "OK";
        case 400:
            return "Bad Request";
        case 401:
            return "Unauthorized";
        case 403:
            return "Forbidden";
        case 404:
            return "Not Found";
        case 409:
            return "Conflict";
        case 429:
            return "Too Many Requests";
        case 503:
            return "Service Unavailable";
        default:
            return "Status";
        }
    }
    static const char* statusName(int status)
    {
        switch (status) {
        case 400:
            return "INVALID_ARGUMENT";
        case 401:
            return "UNAUTHENTICATED";
        case 403:
            return "PERMISSION_DENIED";
        case 404:
            return "NOT_FOUND";
        case 409:
            return "ALREADY_EXISTS";
        case 429:
            return "RESOURCE_EXHAUSTED";
        case 503:
            return "UNAVAILABLE";
        default:
            return "UNKNOWN";
        }
    }

    void respond(QTcpSocket* s, int status, const QByteArray& body,
                 const QByteArray& extraHeaders = {})
    {
        if (holdResponses)
            return;
        QByteArray out = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason(status) + "\r\n" +
                         "Content-Type: application/json; charset=UTF-8\r\nContent-Length: " +
                         QByteArray::number(body.size()) + "\r\nConnection: close\r\n" +
                         extraHeaders + "\r\n" + body;
        s->write(out);
        s->disconnectFromHost();
    }
    void respondJson(QTcpSocket* s, int status, const QJsonObject& o, const QByteArray& extra = {})
    {
        respond(s, status, QJsonDocument(o).toJson(QJsonDocument::Compact), extra);
    }
    // Google's error shape: {"error": {"code", "message", "status"}}.
    void respondError(QTcpSocket* s, int status, const QString& message,
                      const QByteArray& extra = {})
    {
        respondJson(s, status,
                    QJsonObject{{"error",
                                 QJsonObject{{"code", status},
                                             {"message", message},
                                             {"status", QString::fromLatin1(statusName(status))}}}},
                    extra);
    }

    void onData(QTcpSocket* s)
    {
        QByteArray& buf = m_buffers[s];
        buf += s->readAll();
        const qsizetype end = buf.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        FakeRequest r;
        const QList<QByteArray> lines = buf.left(end).split('\n');
        const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
        r.method = first.value(0);
        const QUrl url(QString::fromLatin1(first.value(1)));
        r.path = url.path();
        r.query = QUrlQuery(url);
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines[i].indexOf(':');
            if (colon > 0)
                r.headers.insert(lines[i].left(colon).trimmed().toLower(),
                                 lines[i].mid(colon + 1).trimmed());
        }
        const qsizetype length = r.headers.value("content-length", "0").toLongLong();
        if (r.method == "PUT" && r.path.startsWith(bucketPath()) && dropUploads > 0) {
            // Cut the upload off before it is complete and before any answer.
            --dropUploads;
            requests.append(r);
            m_buffers.remove(s);
            s->abort();
            return;
        }
        if (buf.size() - (end + 4) < length)
            return;
        r.body = buf.mid(end + 4, length);
        m_buffers.remove(s);
        requests.append(r);
        route(s, r);
    }

    void route(QTcpSocket* s, const FakeRequest& r)
    {
        for (Failure& f : m_failures) {
            if (f.count > 0 && r.path.contains(f.pathPart)) {
                --f.count;
                return respondError(s, f.status, QStringLiteral("Scripted failure."),
                                    f.retryAfter.isEmpty()
                                        ? QByteArray()
                                        : "Retry-After: " + f.retryAfter + "\r\n");
            }
        }
        if (r.path == QLatin1String("/token"))
            return token(s, r);
        if (r.path.startsWith(bucketPath()))
            return upload(s, r);
        // Everything else is an API call and needs a valid access token.
        const QByteArray auth = r.headers.value("authorization");
        const QString token = QString::fromLatin1(auth.mid(7));
        if (!auth.startsWith("Bearer ") || !m_tokenExpiry.contains(token) ||
            m_expired.contains(token) ||
            m_tokenExpiry.value(token) < QDateTime::currentDateTimeUtc())
            return respondError(
                s, 401,
                QStringLiteral("Request had invalid authentication credentials. Expected "
                               "OAuth 2 access token, login cookie or other valid "
                               "authentication credential."));
        if (r.path == QLatin1String("/v2/entries:list"))
            return entries(s, r);
        const QString parent =
            QStringLiteral("/v2/projects/%1/locations/%2").arg(project, location);
        if (!r.path.startsWith(parent))
            return respondError(s, 404, QStringLiteral("Unknown path %1").arg(r.path));
        const QString rest = r.path.mid(parent.size());
        if (rest.startsWith(QLatin1String("/operations/")) && r.method == "GET")
            return operation(s, r.path.mid(4));
        if (rest == QLatin1String("/functions:generateUploadUrl") && r.method == "POST")
            return generateUploadUrl(s);
        if (rest == QLatin1String("/functions") && r.method == "GET")
            return list(s, r);
        if (rest == QLatin1String("/functions") && r.method == "POST")
            return create(s, r);
        if (rest.startsWith(QLatin1String("/functions/"))) {
            const QString name = r.path.mid(4);
            if (!functions.contains(name))
                return respondError(s, 404,
                                    QStringLiteral("Resource '%1' was not found").arg(name));
            if (r.method == "GET")
                return respondJson(s, 200, functions.value(name));
            if (r.method == "PATCH")
                return patch(s, r, name);
            if (r.method == "DELETE")
                return startOperation(s, [this, name] {
                    functions.remove(name);
                    return QJsonObject{};
                });
        }
        respondError(
            s, 404,
            QStringLiteral("No route for %1 %2").arg(QString::fromLatin1(r.method), r.path));
    }

    void token(QTcpSocket* s, const FakeRequest& r)
    {
        auto invalid = [&](const QString& why) {
            respondJson(s, 400,
                        QJsonObject{{"error", "invalid_grant"}, {"error_description", why}});
        };
        if (r.method != "POST" ||
            !r.headers.value("content-type").startsWith("application/x-www-form-urlencoded"))
            return respondJson(s, 400,
                               QJsonObject{{"error", "invalid_request"},
                                           {"error_description", "form-encoded POST expected"}});
        const QUrlQuery form(QString::fromLatin1(r.body));
        if (form.queryItemValue("grant_type", QUrl::FullyDecoded) !=
            QLatin1String("urn:ietf:params:oauth:grant-type:jwt-bearer"))
            return respondJson(s, 400,
                               QJsonObject{{"error", "unsupported_grant_type"},
                                           {"error_description", "Invalid grant_type: "}});
        const QByteArray jwt = form.queryItemValue("assertion", QUrl::FullyDecoded).toLatin1();
        assertions << QString::fromLatin1(jwt);
        QJsonObject header, claims;
        if (const QString why = verifyRs256(m_key.get(), jwt, &header, &claims); !why.isEmpty())
            return invalid(QStringLiteral("Invalid JWT Signature."));
        if (header.value("alg") != "RS256" || header.value("typ") != "JWT" ||
            header.value("kid") != keyId)
            return invalid(QStringLiteral("Invalid JWT header."));
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        const qint64 iat = claims.value("iat").toInteger(), exp = claims.value("exp").toInteger();
        if (claims.value("iss") != email)
            return invalid(QStringLiteral("Invalid JWT: iss is not the service account."));
        if (claims.value("aud") != QLatin1String(kTokenUri))
            return invalid(QStringLiteral("Invalid JWT: aud is not the token URI."));
        if (claims.value("scope") !=
            QLatin1String("https://www.googleapis.com/auth/cloud-platform"))
            return invalid(QStringLiteral("Invalid JWT: scope."));
        if (exp - iat > 3600 || exp <= iat)
            return invalid(
                QStringLiteral("Invalid JWT: expiration must be within an hour of issue."));
        if (exp < now || iat > now + 60)
            return invalid(
                QStringLiteral("Invalid JWT: Token must be a short-lived token (60 minutes) "
                               "and in a reasonable timeframe. Check your iat and exp values."));
        const QString token =
            QStringLiteral("ya29.c.fake-%1").arg(QUuid::createUuid().toString(QUuid::Id128));
        issuedTokens << token;
        m_tokenExpiry.insert(token, QDateTime::currentDateTimeUtc().addSecs(tokenLifetimeSeconds));
        respondJson(s, 200,
                    QJsonObject{{"access_token", token},
                                {"expires_in", tokenLifetimeSeconds},
                                {"token_type", "Bearer"}});
    }

    void generateUploadUrl(QTcpSocket* s)
    {
        const QString object = QStringLiteral("upload-%1.zip").arg(m_nextId++);
        // The real URL is a V4-signed Cloud Storage URL; the provider routes it to the endpoint.
        const QString url =
            QStringLiteral("https://storage.googleapis.com/%1/%2?X-Goog-Algorithm=GOOG4-RSA-SHA256"
                           "&X-Goog-Credential=uploader%%40fake&X-Goog-Expires=1800"
                           "&X-Goog-SignedHeaders=content-type%%3Bhost&X-Goog-Signature=abcdef0123")
                .arg(QString::fromLatin1(kBucket), object);
        respondJson(
            s, 200,
            QJsonObject{{"uploadUrl", url},
                        {"storageSource", QJsonObject{{"bucket", QString::fromLatin1(kBucket)},
                                                      {"object", object}}}});
    }

    void upload(QTcpSocket* s, const FakeRequest& r)
    {
        if (r.method != "PUT")
            return respondError(s, 405, QStringLiteral("PUT expected"));
        if (r.headers.value("content-type") != "application/zip")
            return respondError(s, 403,
                                QStringLiteral("SignatureDoesNotMatch: Content-Type must be "
                                               "application/zip, as signed."));
        if (!r.query.hasQueryItem("X-Goog-Signature") || r.headers.contains("authorization"))
            return respondError(s, 400,
                                QStringLiteral("A signed URL takes no Authorization header."));
        if (!r.body.startsWith("PK\x03\x04"))
            return respondError(s, 400, QStringLiteral("The upload is not a zip archive."));
        uploaded.insert(r.path.section(QLatin1Char('/'), 2));
        respond(s, 200, QByteArray());
    }

    static bool knownRuntime(const QString& runtime)
    {
        static const QStringList known = {"python39",  "python310", "python311", "python312",
                                          "python313", "nodejs18",  "nodejs20",  "nodejs22"};
        return known.contains(runtime);
    }

    // Why a Function body is unacceptable for these fields, or empty.
    QString checkFunction(const QJsonObject& f, const QStringList& fields) const
    {
        const QJsonObject build = f.value("buildConfig").toObject();
        const QJsonObject service = f.value("serviceConfig").toObject();
        for (const QString& field : fields) {
            if (field == "buildConfig.runtime" && !knownRuntime(build.value("runtime").toString()))
                return QStringLiteral("Invalid runtime '%1'")
                    .arg(build.value("runtime").toString());
            if (field == "buildConfig.entryPoint" && build.value("entryPoint").toString().isEmpty())
                return QStringLiteral("buildConfig.entryPoint is required");
            if (field == "buildConfig.source") {
                const QJsonObject src =
                    build.value("source").toObject().value("storageSource").toObject();
                if (src.value("bucket") != QLatin1String(kBucket) ||
                    !uploaded.contains(src.value("object").toString()))
                    return QStringLiteral(
                        "buildConfig.source.storageSource names no uploaded object");
            }
            if (field == "serviceConfig.availableMemory" &&
                !QRegularExpression(QStringLiteral("^\\d+(k|M|G|Mi|Gi)?$"))
                     .match(service.value("availableMemory").toString())
                     .hasMatch())
                return QStringLiteral("Invalid value for availableMemory");
            if (field == "serviceConfig.timeoutSeconds") {
                const int t = service.value("timeoutSeconds").toInt();
                if (t < 1 || t > 3600)
                    return QStringLiteral("timeoutSeconds must be within 1 and 3600");
            }
            const QJsonObject labels = f.value("labels").toObject();
            if (field == "labels")
                for (auto it = labels.begin(); it != labels.end(); ++it)
                    if (!QRegularExpression(QStringLiteral("^[a-z][a-z0-9_-]{0,62}$"))
                             .match(it.key())
                             .hasMatch() ||
                        !QRegularExpression(QStringLiteral("^[a-z0-9_-]{0,63}$"))
                             .match(it.value().toString())
                             .hasMatch())
                        return QStringLiteral("Invalid label %1").arg(it.key());
        }
        return {};
    }

    static QStringList allFields()
    {
        return {"buildConfig.source",
                "buildConfig.runtime",
                "buildConfig.entryPoint",
                "buildConfig.environmentVariables",
                "serviceConfig.availableMemory",
                "serviceConfig.timeoutSeconds",
                "serviceConfig.environmentVariables",
                "labels"};
    }

    // What the service adds once a deploy is done.
    QJsonObject deployed(QJsonObject f, const QString& id)
    {
        QJsonObject service = f.value("serviceConfig").toObject();
        service.insert("uri", QStringLiteral("https://%1-abc123xyz-uc.a.run.app").arg(id));
        service.insert("revision",
                       QStringLiteral("%1-%2").arg(id).arg(m_nextId++, 5, 10, QLatin1Char('0')));
        QJsonObject env = service.value("environmentVariables").toObject();
        env.insert("LOG_EXECUTION_ID", "true"); // the platform adds it
        service.insert("environmentVariables", env);
        f.insert("serviceConfig", service);
        f.insert("state", stateAfterDeploy);
        f.insert("updateTime", QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
        f.insert("environment", "GEN_2");
        return f;
    }

    void create(QTcpSocket* s, const FakeRequest& r)
    {
        const QString id = r.query.queryItemValue("functionId");
        if (!QRegularExpression(QStringLiteral("^[a-z][a-z0-9-]{3,62}$")).match(id).hasMatch())
            return respondError(s, 400, QStringLiteral("Invalid functionId '%1'").arg(id));
        const QString name = functionName(id);
        if (functions.contains(name))
            return respondError(s, 409, QStringLiteral("Function %1 already exists").arg(id));
        const QJsonObject f = r.json();
        if (!f.value("name").toString().isEmpty() && f.value("name").toString() != name)
            return respondError(s, 400, QStringLiteral("name does not match functionId"));
        if (const QString why = checkFunction(f, allFields()); !why.isEmpty())
            return respondError(s, 400, why);
        startOperation(s, [this, f, name, id] {
            QJsonObject done = deployed(f, id);
            done.insert("name", name);
            functions.insert(name, done);
            return done;
        });
    }

    void patch(QTcpSocket* s, const FakeRequest& r, const QString& name)
    {
        const QStringList mask =
            r.query.queryItemValue("updateMask").split(',', Qt::SkipEmptyParts);
        if (mask.isEmpty())
            return respondError(s, 400, QStringLiteral("updateMask is required"));
        for (const QString& field : mask)
            if (!allFields().contains(field))
                return respondError(s, 400,
                                    QStringLiteral("Invalid field in updateMask: %1").arg(field));
        const QJsonObject f = r.json();
        if (const QString why = checkFunction(f, mask); !why.isEmpty())
            return respondError(s, 400, why);
        const QString id = name.section('/', -1);
        startOperation(s, [this, f, name, mask, id] {
            QJsonObject current = functions.value(name);
            for (const QString& field : mask) {
                const QString top = field.section('.', 0, 0), sub = field.section('.', 1);
                if (sub.isEmpty()) {
                    current.insert(top, f.value(top));
                } else {
                    QJsonObject part = current.value(top).toObject();
                    part.insert(sub, f.value(top).toObject().value(sub));
                    current.insert(top, part);
                }
            }
            current = deployed(current, id);
            functions.insert(name, current);
            return current;
        });
    }

    void startOperation(QTcpSocket* s, std::function<QJsonObject()> apply)
    {
        const QString name = QStringLiteral("projects/%1/locations/%2/operations/operation-%3")
                                 .arg(project, location)
                                 .arg(m_nextId++);
        Operation op;
        op.pollsLeft = operationPolls;
        op.error = failNextOperation;
        failNextOperation.clear();
        op.apply = std::move(apply);
        m_operations.insert(name, op);
        respondJson(s, 200, QJsonObject{{"name", name}, {"done", false}});
    }

    void operation(QTcpSocket* s, const QString& name)
    {
        if (!m_operations.contains(name))
            return respondError(s, 404, QStringLiteral("Operation %1 not found").arg(name));
        Operation& op = m_operations[name];
        if (op.pollsLeft > 1) {
            --op.pollsLeft;
            return respondJson(s, 200, QJsonObject{{"name", name}, {"done", false}});
        }
        if (!op.error.isEmpty())
            return respondJson(
                s, 200,
                QJsonObject{{"name", name},
                            {"done", true},
                            {"error", QJsonObject{{"code", 3}, {"message", op.error}}}});
        if (op.apply) {
            m_lastResponse[name] = op.apply();
            op.apply = nullptr;
        }
        QJsonObject response = m_lastResponse.value(name);
        response.insert("@type", "type.googleapis.com/google.cloud.functions.v2.Function");
        respondJson(s, 200, QJsonObject{{"name", name}, {"done", true}, {"response", response}});
    }
    QHash<QString, QJsonObject> m_lastResponse;

    void list(QTcpSocket* s, const FakeRequest& r)
    {
        const int size = std::max(1, r.query.queryItemValue("pageSize").toInt());
        const int from = r.query.queryItemValue("pageToken").toInt();
        const QList<QJsonObject> all = functions.values();
        QJsonArray page;
        for (int i = from; i < all.size() && i < from + size; ++i)
            page.append(all[i]);
        QJsonObject o{{"functions", page}};
        if (from + size < all.size())
            o.insert("nextPageToken", QString::number(from + size));
        respondJson(s, 200, o);
    }

    void entries(QTcpSocket* s, const FakeRequest& r)
    {
        const QJsonObject body = r.json();
        if (body.value("resourceNames").toArray() !=
            QJsonArray{QStringLiteral("projects/%1").arg(project)})
            return respondError(s, 400,
                                QStringLiteral("resourceNames must be [projects/%1]").arg(project));
        if (body.value("orderBy").toString() != QLatin1String("timestamp asc"))
            return respondError(s, 400, QStringLiteral("orderBy must be \"timestamp asc\""));
        const QString filter = body.value("filter").toString();
        static const QRegularExpression re(
            QStringLiteral("^resource\\.type=\"cloud_run_revision\" AND "
                           "resource\\.labels\\.service_name=\"([^\"]+)\" AND "
                           "timestamp>=\"([^\"]+)\"$"));
        const auto m = re.match(filter);
        if (!m.hasMatch())
            return respondError(s, 400, QStringLiteral("Unparseable filter"));
        const QString pageToken = body.value("pageToken").toString();
        if (!pageToken.isEmpty() && m_pageFilters.value(pageToken) != filter)
            return respondError(s, 400, QStringLiteral("The page token does not match the filter"));
        const QDateTime from = QDateTime::fromString(m.captured(2), Qt::ISODateWithMs);
        QList<QJsonObject> matching;
        for (const QJsonObject& e : logEntries) {
            const QString service = e.value("resource")
                                        .toObject()
                                        .value("labels")
                                        .toObject()
                                        .value("service_name")
                                        .toString();
            QString ts = e.value("timestamp").toString();
            ts.replace(QRegularExpression(QStringLiteral("\\.(\\d{3})\\d*Z$")),
                       QStringLiteral(".\\1Z"));
            if (service == m.captured(1) && QDateTime::fromString(ts, Qt::ISODateWithMs) >= from)
                matching << e;
        }
        const int start = pageToken.isEmpty() ? 0 : pageToken.section(':', 1, 1).toInt();
        QJsonArray page;
        for (int i = start; i < matching.size() && i < start + logPageSize; ++i)
            page.append(matching[i]);
        QJsonObject o{{"entries", page}};
        if (start + logPageSize < matching.size()) {
            const QString next =
                QStringLiteral("page:%1:%2").arg(start + logPageSize).arg(m_nextId++);
            m_pageFilters.insert(next, filter);
            o.insert("nextPageToken", next);
        }
        respondJson(s, 200, o);
    }
};

} // namespace swb::test
