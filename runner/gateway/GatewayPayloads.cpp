#include "gateway/GatewayPayloads.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QStringDecoder>

#include <optional>

namespace swb::gateway {

namespace {

struct HeaderGroup {
    QString name;       // as the client first spelled it
    QStringList values; // in order
};

// Headers grouped case-insensitively, in the order they first appeared.
QList<HeaderGroup> groupHeaders(const http::HeaderList& headers)
{
    QList<HeaderGroup> groups;
    for (const auto& [rawName, rawValue] : headers) {
        const QString name = QString::fromLatin1(rawName);
        const QString value = QString::fromUtf8(rawValue);
        auto it = std::find_if(groups.begin(), groups.end(), [&](const HeaderGroup& g) {
            return g.name.compare(name, Qt::CaseInsensitive) == 0;
        });
        if (it == groups.end())
            groups.append(HeaderGroup{name, {value}});
        else
            it->values.append(value);
    }
    return groups;
}

HeaderGroup* findGroup(QList<HeaderGroup>& groups, QStringView name)
{
    for (HeaderGroup& g : groups) {
        if (g.name.compare(name, Qt::CaseInsensitive) == 0)
            return &g;
    }
    return nullptr;
}

QString portOf(const QString& domainName)
{
    const qsizetype colon = domainName.lastIndexOf(u':');
    if (colon > 0 && !domainName.endsWith(u']')) {
        bool ok = false;
        const QString port = domainName.mid(colon + 1);
        port.toUInt(&ok);
        if (ok)
            return port;
    }
    return QStringLiteral("80");
}

QString hostOf(const QString& domainName)
{
    if (domainName.startsWith(u'[')) // [::1]:8080
        return domainName.mid(1, domainName.indexOf(u']') - 1);
    const qsizetype colon = domainName.lastIndexOf(u':');
    return colon > 0 && domainName.count(u':') == 1 ? domainName.left(colon) : domainName;
}

// "id" for "id.execute-api.us-east-1.amazonaws.com"; an IP address is its own prefix.
QString domainPrefixOf(const QString& domainName)
{
    const QString host = hostOf(domainName);
    if (!QHostAddress(host).isNull())
        return host;
    return host.section(u'.', 0, 0);
}

// What API Gateway adds before the integration sees the request: the client's address
// appended to X-Forwarded-For, the port and scheme it arrived on, a trace id.
QList<HeaderGroup> forwardedHeaders(const http::HttpRequest& request, const GatewayContext& context)
{
    QList<HeaderGroup> groups = groupHeaders(request.headers);
    if (!context.sourceIp.isEmpty()) {
        if (HeaderGroup* g = findGroup(groups, u"X-Forwarded-For"))
            g->values = {g->values.join(QStringLiteral(", ")) + QStringLiteral(", ") +
                         context.sourceIp};
        else
            groups.append(HeaderGroup{QStringLiteral("X-Forwarded-For"), {context.sourceIp}});
    }
    if (!findGroup(groups, u"X-Forwarded-Port"))
        groups.append(
            HeaderGroup{QStringLiteral("X-Forwarded-Port"), {portOf(context.domainName)}});
    if (!findGroup(groups, u"X-Forwarded-Proto"))
        groups.append(HeaderGroup{QStringLiteral("X-Forwarded-Proto"), {QStringLiteral("http")}});
    if (!context.traceId.isEmpty() && !findGroup(groups, u"X-Amzn-Trace-Id"))
        groups.append(HeaderGroup{QStringLiteral("X-Amzn-Trace-Id"), {context.traceId}});
    return groups;
}

QString decodeComponent(const QByteArray& raw)
{
    // Percent-decoding only: API Gateway leaves '+' as '+' (see docs/gateway.md).
    return QString::fromUtf8(QByteArray::fromPercentEncoding(raw));
}

QList<std::pair<QString, QString>> parseQuery(const QByteArray& query)
{
    QList<std::pair<QString, QString>> pairs;
    for (const QByteArray& item : query.split('&')) {
        if (item.isEmpty())
            continue;
        const qsizetype eq = item.indexOf('=');
        if (eq < 0)
            pairs.append({decodeComponent(item), QString()});
        else
            pairs.append({decodeComponent(item.left(eq)), decodeComponent(item.mid(eq + 1))});
    }
    return pairs;
}

QString requestTime(qint64 epochMs)
{
    const QDateTime time = QDateTime::fromMSecsSinceEpoch(epochMs, Qt::UTC);
    return QLocale::c().toString(time, QStringLiteral("dd/MMM/yyyy:HH:mm:ss")) +
           QStringLiteral(" +0000");
}

QString mediaTypeOf(const QByteArray& contentType)
{
    return QString::fromLatin1(contentType.split(';').first().trimmed().toLower());
}

bool isValidUtf8(const QByteArray& bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    [[maybe_unused]] const QString text = decoder(bytes);
    return !decoder.hasError();
}

// HTTP API: text only for text/*, application/json, application/xml and
// application/javascript; everything else, a missing Content-Type and form posts included,
// arrives base64-encoded.
bool httpApiTreatsAsText(const QByteArray& contentType)
{
    const QString type = mediaTypeOf(contentType);
    return type.startsWith(QLatin1String("text/")) || type == QLatin1String("application/json") ||
           type == QLatin1String("application/xml") ||
           type == QLatin1String("application/javascript");
}

bool matchesMediaType(const QString& type, const QStringList& binaryMediaTypes)
{
    if (type.isEmpty())
        return binaryMediaTypes.contains(QLatin1String("*/*"));
    for (const QString& pattern : binaryMediaTypes) {
        const QString p = pattern.trimmed().toLower();
        if (p == QLatin1String("*/*") || p == type)
            return true;
        if (p.endsWith(QLatin1String("/*")) && type.startsWith(p.left(p.size() - 1)))
            return true;
    }
    return false;
}

struct EncodedBody {
    QJsonValue body; // a string, or null when there is no body
    bool base64 = false;
};

EncodedBody encodeBody(const QByteArray& body, bool text)
{
    if (body.isEmpty())
        return {QJsonValue(QJsonValue::Null), false};
    // Bytes that are not UTF-8 cannot travel in a JSON string: they go base64 whatever the
    // Content-Type claims, with isBase64Encoded telling the function.
    if (text && isValidUtf8(body))
        return {QString::fromUtf8(body), false};
    return {QString::fromLatin1(body.toBase64()), true};
}

QString stageOr(const GatewayContext& context, const QString& fallback)
{
    return context.stage.isEmpty() ? fallback : context.stage;
}

QJsonObject toJsonObject(const QMap<QString, QString>& map)
{
    QJsonObject object;
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        object.insert(it.key(), it.value());
    return object;
}

// Short and stable like API Gateway's resource ids ("roq9wj").
QString resourceIdOf(const Route& route)
{
    const QByteArray hash =
        QCryptographicHash::hash(route.path.toUtf8(), QCryptographicHash::Sha1).toHex();
    return QString::fromLatin1(hash.left(6));
}

std::optional<QJsonValue> parseAnyJson(const QByteArray& text)
{
    // QJsonDocument parses only arrays and objects; wrap to accept any JSON value.
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson('[' + text + ']', &error);
    if (error.error != QJsonParseError::NoError || !doc.isArray() || doc.array().size() != 1)
        return std::nullopt;
    return doc.array().first();
}

std::optional<QString> scalarText(const QJsonValue& value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double: {
        const double d = value.toDouble();
        if (d == static_cast<double>(static_cast<qint64>(d)))
            return QString::number(static_cast<qint64>(d));
        return QString::number(d);
    }
    default:
        return std::nullopt;
    }
}

std::optional<int> statusCodeOf(const QJsonValue& value, bool acceptDigitsString)
{
    double number = 0;
    if (value.isDouble()) {
        number = value.toDouble();
    } else if (acceptDigitsString && value.isString()) {
        bool ok = false;
        number = value.toString().toInt(&ok);
        if (!ok)
            return std::nullopt;
    } else {
        return std::nullopt;
    }
    if (number != static_cast<double>(static_cast<int>(number)) || number < 100 || number > 599)
        return std::nullopt;
    return static_cast<int>(number);
}

std::optional<QByteArray> decodeBase64Strict(const QString& text)
{
    const auto result =
        QByteArray::fromBase64Encoding(text.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!result)
        return std::nullopt;
    return *result;
}

bool hasHeader(const http::HeaderList& headers, const QByteArray& name)
{
    for (const auto& header : headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

// API Gateway's integration errors on REST APIs carry a space after the colon
// ({"message": "Internal server error"}); its other errors do not.
http::HttpResponse spacedError(int status, const QByteArray& message)
{
    const QByteArray quoted =
        QJsonDocument(QJsonArray{QString::fromUtf8(message)}).toJson(QJsonDocument::Compact);
    http::HttpResponse response;
    response.status = status;
    response.addHeader("Content-Type", "application/json");
    response.body = "{\"message\": " + quoted.mid(1, quoted.size() - 2) + '}';
    return response;
}

http::HttpResponse withErrorType(http::HttpResponse response, const QByteArray& type)
{
    response.addHeader("x-amzn-ErrorType", type);
    return response;
}

} // namespace

QByteArray buildHttpApiEvent(const http::HttpRequest& request, const RouteMatch& match,
                             const GatewayContext& context)
{
    QJsonObject event;
    event.insert(QStringLiteral("version"), QStringLiteral("2.0"));
    event.insert(QStringLiteral("routeKey"), match.routeKey);
    const QString rawPath = QString::fromUtf8(request.path.isEmpty() ? "/" : request.path);
    event.insert(QStringLiteral("rawPath"), rawPath);
    event.insert(QStringLiteral("rawQueryString"), QString::fromUtf8(request.query));

    // Cookies leave the headers for their own list, one entry per cookie.
    QJsonArray cookies;
    QJsonObject headers;
    for (const HeaderGroup& group : forwardedHeaders(request, context)) {
        const QString name = group.name.toLower();
        if (name == QLatin1String("cookie")) {
            for (const QString& line : group.values) {
                for (const QString& cookie : line.split(u';')) {
                    if (!cookie.trimmed().isEmpty())
                        cookies.append(cookie.trimmed());
                }
            }
            continue;
        }
        headers.insert(name, group.values.join(u','));
    }
    if (!cookies.isEmpty())
        event.insert(QStringLiteral("cookies"), cookies);
    event.insert(QStringLiteral("headers"), headers);

    const auto query = parseQuery(request.query);
    if (!query.isEmpty()) {
        QJsonObject parameters;
        for (const auto& [key, value] : query) {
            const QJsonValue existing = parameters.value(key);
            parameters.insert(key,
                              existing.isUndefined() ? value : existing.toString() + u',' + value);
        }
        event.insert(QStringLiteral("queryStringParameters"), parameters);
    }
    if (!match.pathParameters.isEmpty())
        event.insert(QStringLiteral("pathParameters"), toJsonObject(match.pathParameters));

    QJsonObject http;
    http.insert(QStringLiteral("method"), QString::fromLatin1(request.method));
    http.insert(QStringLiteral("path"), rawPath);
    http.insert(QStringLiteral("protocol"), request.version.isEmpty()
                                                ? QStringLiteral("HTTP/1.1")
                                                : QString::fromLatin1(request.version));
    http.insert(QStringLiteral("sourceIp"), context.sourceIp);
    http.insert(QStringLiteral("userAgent"), QString::fromUtf8(request.header("User-Agent")));

    QJsonObject requestContext;
    requestContext.insert(QStringLiteral("accountId"), context.accountId);
    requestContext.insert(QStringLiteral("apiId"), context.apiId);
    if (!context.authorizer.isEmpty())
        requestContext.insert(QStringLiteral("authorizer"), context.authorizer);
    requestContext.insert(QStringLiteral("domainName"), context.domainName);
    requestContext.insert(QStringLiteral("domainPrefix"), domainPrefixOf(context.domainName));
    requestContext.insert(QStringLiteral("http"), http);
    requestContext.insert(QStringLiteral("requestId"), context.requestId);
    requestContext.insert(QStringLiteral("routeKey"), match.routeKey);
    requestContext.insert(QStringLiteral("stage"), stageOr(context, QStringLiteral("$default")));
    requestContext.insert(QStringLiteral("time"), requestTime(context.timeEpochMs));
    requestContext.insert(QStringLiteral("timeEpoch"), context.timeEpochMs);
    event.insert(QStringLiteral("requestContext"), requestContext);

    const EncodedBody body =
        encodeBody(request.body, httpApiTreatsAsText(request.header("Content-Type")));
    if (!body.body.isNull())
        event.insert(QStringLiteral("body"), body.body);
    event.insert(QStringLiteral("isBase64Encoded"), body.base64);
    return QJsonDocument(event).toJson(QJsonDocument::Compact);
}

QByteArray buildRestApiEvent(const http::HttpRequest& request, const RouteMatch& match,
                             const GatewayContext& context)
{
    QJsonObject event;
    const QString path = QString::fromUtf8(request.path.isEmpty() ? "/" : request.path);
    const QString method = QString::fromLatin1(request.method);
    event.insert(QStringLiteral("resource"), match.route.path);
    event.insert(QStringLiteral("path"), path);
    event.insert(QStringLiteral("httpMethod"), method);

    // `headers` holds the last value of each header, `multiValueHeaders` all of them.
    QJsonObject headers;
    QJsonObject multiValueHeaders;
    for (const HeaderGroup& group : forwardedHeaders(request, context)) {
        headers.insert(group.name, group.values.last());
        multiValueHeaders.insert(group.name, QJsonArray::fromStringList(group.values));
    }
    event.insert(QStringLiteral("headers"), headers);
    event.insert(QStringLiteral("multiValueHeaders"), multiValueHeaders);

    const auto query = parseQuery(request.query);
    if (query.isEmpty()) {
        event.insert(QStringLiteral("queryStringParameters"), QJsonValue::Null);
        event.insert(QStringLiteral("multiValueQueryStringParameters"), QJsonValue::Null);
    } else {
        QJsonObject single;
        QJsonObject multi;
        for (const auto& [key, value] : query) {
            single.insert(key, value);
            QJsonArray values = multi.value(key).toArray();
            values.append(value);
            multi.insert(key, values);
        }
        event.insert(QStringLiteral("queryStringParameters"), single);
        event.insert(QStringLiteral("multiValueQueryStringParameters"), multi);
    }
    event.insert(QStringLiteral("pathParameters"),
                 match.pathParameters.isEmpty() ? QJsonValue(QJsonValue::Null)
                                                : QJsonValue(toJsonObject(match.pathParameters)));
    event.insert(QStringLiteral("stageVariables"), QJsonValue::Null);

    const QString stage = stageOr(context, QStringLiteral("Prod"));
    QJsonObject identity;
    for (const char* key :
         {"accessKey", "accountId", "apiKey", "caller", "cognitoAuthenticationProvider",
          "cognitoAuthenticationType", "cognitoIdentityId", "cognitoIdentityPoolId",
          "principalOrgId", "user", "userArn"})
        identity.insert(QLatin1String(key), QJsonValue::Null);
    identity.insert(QStringLiteral("sourceIp"), context.sourceIp);
    identity.insert(QStringLiteral("userAgent"), QString::fromUtf8(request.header("User-Agent")));

    QJsonObject requestContext;
    requestContext.insert(QStringLiteral("accountId"), context.accountId);
    requestContext.insert(QStringLiteral("apiId"), context.apiId);
    if (!context.authorizer.isEmpty())
        requestContext.insert(QStringLiteral("authorizer"), context.authorizer);
    requestContext.insert(QStringLiteral("domainName"), context.domainName);
    requestContext.insert(QStringLiteral("domainPrefix"), domainPrefixOf(context.domainName));
    requestContext.insert(QStringLiteral("extendedRequestId"), context.extendedRequestId.isEmpty()
                                                                   ? context.requestId
                                                                   : context.extendedRequestId);
    requestContext.insert(QStringLiteral("httpMethod"), method);
    requestContext.insert(QStringLiteral("identity"), identity);
    requestContext.insert(QStringLiteral("path"), u'/' + stage + path);
    requestContext.insert(QStringLiteral("protocol"), request.version.isEmpty()
                                                          ? QStringLiteral("HTTP/1.1")
                                                          : QString::fromLatin1(request.version));
    requestContext.insert(QStringLiteral("requestId"), context.requestId);
    requestContext.insert(QStringLiteral("requestTime"), requestTime(context.timeEpochMs));
    requestContext.insert(QStringLiteral("requestTimeEpoch"), context.timeEpochMs);
    requestContext.insert(QStringLiteral("resourceId"), resourceIdOf(match.route));
    requestContext.insert(QStringLiteral("resourcePath"), match.route.path);
    requestContext.insert(QStringLiteral("stage"), stage);
    event.insert(QStringLiteral("requestContext"), requestContext);

    const bool binary =
        matchesMediaType(mediaTypeOf(request.header("Content-Type")), context.binaryMediaTypes);
    const EncodedBody body = encodeBody(request.body, !binary);
    event.insert(QStringLiteral("body"), body.body);
    event.insert(QStringLiteral("isBase64Encoded"), body.base64);
    return QJsonDocument(event).toJson(QJsonDocument::Compact);
}

http::HttpResponse httpApiResponse(const QByteArray& functionResult)
{
    const http::HttpResponse invalid = gatewayError(500, "Internal Server Error");
    const std::optional<QJsonValue> parsed = parseAnyJson(functionResult);
    if (!parsed)
        return invalid;

    if (!parsed->isObject() || !parsed->toObject().contains(QLatin1String("statusCode"))) {
        // Inferred format: 200, application/json, the function's response as the body.
        http::HttpResponse response;
        response.status = 200;
        response.addHeader("Content-Type", "application/json");
        response.body = parsed->isString() ? parsed->toString().toUtf8() : functionResult.trimmed();
        return response;
    }

    const QJsonObject object = parsed->toObject();
    const std::optional<int> status =
        statusCodeOf(object.value(QLatin1String("statusCode")), false);
    if (!status)
        return invalid;
    http::HttpResponse response;
    response.status = *status;

    const QJsonValue headers = object.value(QLatin1String("headers"));
    if (headers.isObject()) {
        const QJsonObject h = headers.toObject();
        for (auto it = h.begin(); it != h.end(); ++it) {
            const std::optional<QString> value = scalarText(it.value());
            if (!value)
                return invalid;
            response.addHeader(it.key().toUtf8(), value->toUtf8());
        }
    } else if (!headers.isUndefined() && !headers.isNull()) {
        return invalid;
    }

    const QJsonValue cookies = object.value(QLatin1String("cookies"));
    if (cookies.isArray()) {
        for (const QJsonValue& cookie : cookies.toArray()) {
            if (!cookie.isString())
                return invalid;
            response.addHeader("Set-Cookie", cookie.toString().toUtf8());
        }
    } else if (!cookies.isUndefined() && !cookies.isNull()) {
        return invalid;
    }

    const QJsonValue body = object.value(QLatin1String("body"));
    const QJsonValue base64 = object.value(QLatin1String("isBase64Encoded"));
    if (!base64.isUndefined() && !base64.isNull() && !base64.isBool())
        return invalid;
    if (body.isString()) {
        if (base64.toBool()) {
            const auto decoded = decodeBase64Strict(body.toString());
            if (!decoded)
                return invalid;
            response.body = *decoded;
        } else {
            response.body = body.toString().toUtf8();
        }
    } else if (!body.isUndefined() && !body.isNull()) {
        return invalid;
    }
    if (!hasHeader(response.headers, "Content-Type"))
        response.addHeader("Content-Type", "application/json");
    return response;
}

http::HttpResponse restApiResponse(const QByteArray& functionResult, const QByteArray& acceptHeader,
                                   const QStringList& binaryMediaTypes)
{
    const http::HttpResponse malformed =
        withErrorType(spacedError(502, "Internal server error"), "InternalServerErrorException");
    const std::optional<QJsonValue> parsed = parseAnyJson(functionResult);
    if (!parsed || !parsed->isObject())
        return malformed;
    const QJsonObject object = parsed->toObject();
    static const QStringList allowed = {QStringLiteral("statusCode"), QStringLiteral("headers"),
                                        QStringLiteral("multiValueHeaders"), QStringLiteral("body"),
                                        QStringLiteral("isBase64Encoded")};
    for (const QString& key : object.keys()) {
        if (!allowed.contains(key))
            return malformed;
    }
    const std::optional<int> status = statusCodeOf(object.value(QLatin1String("statusCode")), true);
    if (!status)
        return malformed;
    http::HttpResponse response;
    response.status = *status;

    // multiValueHeaders wins for a name present in both (header names compare case-insensitively).
    const QJsonValue multi = object.value(QLatin1String("multiValueHeaders"));
    QStringList multiNames;
    if (multi.isObject()) {
        const QJsonObject m = multi.toObject();
        for (auto it = m.begin(); it != m.end(); ++it) {
            if (!it.value().isArray())
                return malformed;
            multiNames.append(it.key().toLower());
            for (const QJsonValue& v : it.value().toArray()) {
                const std::optional<QString> value = scalarText(v);
                if (!value)
                    return malformed;
                response.addHeader(it.key().toUtf8(), value->toUtf8());
            }
        }
    } else if (!multi.isUndefined() && !multi.isNull()) {
        return malformed;
    }
    const QJsonValue headers = object.value(QLatin1String("headers"));
    if (headers.isObject()) {
        const QJsonObject h = headers.toObject();
        for (auto it = h.begin(); it != h.end(); ++it) {
            const std::optional<QString> value = scalarText(it.value());
            if (!value)
                return malformed;
            if (!multiNames.contains(it.key().toLower()))
                response.addHeader(it.key().toUtf8(), value->toUtf8());
        }
    } else if (!headers.isUndefined() && !headers.isNull()) {
        return malformed;
    }

    const QJsonValue body = object.value(QLatin1String("body"));
    const QJsonValue base64 = object.value(QLatin1String("isBase64Encoded"));
    if (!base64.isUndefined() && !base64.isNull() && !base64.isBool())
        return malformed;
    if (body.isString()) {
        // Decoded only when the client's first Accept type is a binary media type.
        const QString firstAccept = mediaTypeOf(acceptHeader.split(',').first());
        if (base64.toBool() && !firstAccept.isEmpty() &&
            matchesMediaType(firstAccept, binaryMediaTypes)) {
            const auto decoded = decodeBase64Strict(body.toString());
            if (!decoded)
                return malformed;
            response.body = *decoded;
        } else {
            response.body = body.toString().toUtf8();
        }
    } else if (!body.isUndefined() && !body.isNull()) {
        return malformed;
    }
    if (!hasHeader(response.headers, "Content-Type"))
        response.addHeader("Content-Type", "application/json");
    return response;
}

QByteArray buildEvent(const http::HttpRequest& request, const RouteMatch& match,
                      const GatewayContext& context)
{
    return match.route.api == QLatin1String("rest") ? buildRestApiEvent(request, match, context)
                                                    : buildHttpApiEvent(request, match, context);
}

http::HttpResponse functionResponse(const QString& api, const QByteArray& functionResult,
                                    const QByteArray& acceptHeader,
                                    const QStringList& binaryMediaTypes)
{
    return api == QLatin1String("rest")
               ? restApiResponse(functionResult, acceptHeader, binaryMediaTypes)
               : httpApiResponse(functionResult);
}

http::HttpResponse gatewayError(int status, const QByteArray& message)
{
    QJsonObject body;
    body.insert(QStringLiteral("message"), QString::fromUtf8(message));
    return http::HttpResponse::json(status, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

http::HttpResponse gatewayErrorForFunctionFailure(const QString& api, FunctionFailure failure)
{
    if (api == QLatin1String("rest")) {
        switch (failure) {
        case FunctionFailure::FunctionError:
            return withErrorType(spacedError(502, "Internal server error"),
                                 "InternalServerErrorException");
        case FunctionFailure::Throttled:
            return withErrorType(spacedError(500, "Internal server error"),
                                 "InternalServerErrorException");
        case FunctionFailure::IntegrationTimeout:
            return spacedError(504, "Endpoint request timed out");
        }
    }
    switch (failure) {
    case FunctionFailure::FunctionError:
    case FunctionFailure::Throttled:
        return gatewayError(500, "Internal Server Error");
    case FunctionFailure::IntegrationTimeout:
        return gatewayError(503, "Service Unavailable");
    }
    return gatewayError(500, "Internal Server Error");
}

http::HttpResponse gatewayRouteMiss(const QString& api)
{
    if (api == QLatin1String("rest"))
        return withErrorType(gatewayError(403, "Missing Authentication Token"),
                             "MissingAuthenticationTokenException");
    return gatewayError(404, "Not Found");
}

http::HttpResponse gatewayPayloadTooLarge(const QString& api)
{
    if (api == QLatin1String("rest"))
        return gatewayError(413, "Request Too Long");
    return gatewayError(413, "Request Entity Too Large");
}

} // namespace swb::gateway
