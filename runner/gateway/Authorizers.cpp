#include "gateway/Authorizers.h"

#include <QJsonDocument>
#include <QRegularExpression>

namespace swb::gateway {

namespace {

QString joinedHeader(const http::HttpRequest& request, const QString& name)
{
    QStringList values;
    for (const auto& [n, v] : request.headers) {
        if (QString::fromLatin1(n).compare(name, Qt::CaseInsensitive) == 0)
            values << QString::fromUtf8(v);
    }
    return values.join(u',');
}

QString joinedQuery(const http::HttpRequest& request, const QString& name)
{
    QStringList values;
    for (const QByteArray& item : request.query.split('&')) {
        if (item.isEmpty())
            continue;
        const qsizetype eq = item.indexOf('=');
        const QString key = QString::fromUtf8(QByteArray::fromPercentEncoding(item.left(eq)));
        if (key == name)
            values << (eq < 0
                           ? QString()
                           : QString::fromUtf8(QByteArray::fromPercentEncoding(item.mid(eq + 1))));
    }
    return values.join(u',');
}

QString contextValue(const QString& name, const http::HttpRequest& request, const RouteMatch& match,
                     const GatewayContext& context)
{
    if (name == u"requestId")
        return context.requestId;
    if (name == u"routeKey")
        return match.routeKey;
    if (name == u"stage")
        return context.stage.isEmpty() ? (match.route.api == u"rest" ? QStringLiteral("Prod")
                                                                     : QStringLiteral("$default"))
                                       : context.stage;
    if (name == u"apiId")
        return context.apiId;
    if (name == u"accountId")
        return context.accountId;
    if (name == u"domainName")
        return context.domainName;
    if (name == u"httpMethod" || name == u"http.method")
        return QString::fromLatin1(request.method);
    if (name == u"identity.sourceIp" || name == u"http.sourceIp")
        return context.sourceIp;
    if (name == u"path" || name == u"http.path")
        return QString::fromUtf8(request.path);
    return {};
}

// `*` any run of characters, `?` one character; the rest literal (IAM's ARN matching).
bool wildcardMatch(const QString& pattern, const QString& text)
{
    QString expression;
    for (const QChar c : pattern) {
        if (c == u'*')
            expression += QStringLiteral(".*");
        else if (c == u'?')
            expression += u'.';
        else
            expression += QRegularExpression::escape(QString(c));
    }
    return QRegularExpression(QRegularExpression::anchoredPattern(expression),
                              QRegularExpression::DotMatchesEverythingOption)
        .match(text)
        .hasMatch();
}

QStringList stringOrList(const QJsonValue& value)
{
    if (value.isString())
        return {value.toString()};
    QStringList out;
    for (const QJsonValue& v : value.toArray()) {
        if (v.isString())
            out << v.toString();
    }
    return out;
}

bool actionMatches(const QJsonValue& action)
{
    for (const QString& a : stringOrList(action)) {
        if (a == u"*" || a.compare(QLatin1String("execute-api:*"), Qt::CaseInsensitive) == 0 ||
            a.compare(QLatin1String("execute-api:Invoke"), Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

bool resourceMatches(const QJsonValue& resource, const QString& arn)
{
    for (const QString& r : stringOrList(resource)) {
        if (wildcardMatch(r, arn))
            return true;
    }
    return false;
}

QJsonObject parseObject(const QByteArray& bytes)
{
    return QJsonDocument::fromJson(bytes).object();
}

} // namespace

std::optional<QStringList> identityValues(const QStringList& identitySource,
                                          const http::HttpRequest& request, const RouteMatch& match,
                                          const GatewayContext& context)
{
    static const QString header = QStringLiteral("$request.header.");
    static const QString query = QStringLiteral("$request.querystring.");
    static const QString contextPrefix = QStringLiteral("$context.");
    QStringList values;
    for (const QString& source : identitySource) {
        QString value;
        if (source.startsWith(header, Qt::CaseInsensitive))
            value = joinedHeader(request, source.mid(header.size()));
        else if (source.startsWith(query, Qt::CaseInsensitive))
            value = joinedQuery(request, source.mid(query.size()));
        else if (source.startsWith(contextPrefix))
            value = contextValue(source.mid(contextPrefix.size()), request, match, context);
        // $stageVariables.NAME: the local gateway has no stage variables.
        if (value.trimmed().isEmpty())
            return std::nullopt;
        values << value;
    }
    return values;
}

QByteArray bearerToken(const QString& value)
{
    const QString trimmed = value.trimmed();
    if (trimmed.startsWith(QLatin1String("bearer "), Qt::CaseInsensitive))
        return trimmed.mid(7).trimmed().toUtf8();
    return trimmed.toUtf8();
}

bool audienceAllows(const QJsonObject& claims, const QStringList& audiences)
{
    if (audiences.isEmpty())
        return true;
    const QJsonValue aud = claims.value(QLatin1String("aud"));
    const QStringList named = aud.isUndefined()
                                  ? stringOrList(claims.value(QLatin1String("client_id")))
                                  : stringOrList(aud);
    for (const QString& a : named) {
        if (audiences.contains(a))
            return true;
    }
    return false;
}

bool scopesAllow(const QStringList& routeScopes, const QStringList& tokenScopes)
{
    if (routeScopes.isEmpty())
        return true;
    for (const QString& scope : routeScopes) {
        if (tokenScopes.contains(scope))
            return true;
    }
    return false;
}

QString claimText(const QJsonValue& value)
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
        return QString::number(d, 'g', 17);
    }
    case QJsonValue::Array: {
        QStringList items;
        for (const QJsonValue& item : value.toArray())
            items << claimText(item);
        return u'[' + items.join(u' ') + u']';
    }
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Undefined:
        break;
    }
    return {};
}

QJsonObject jwtAuthorizerContext(const auth::VerifiedJwt& token, const QString& api)
{
    QJsonObject claims;
    for (auto it = token.claims.begin(); it != token.claims.end(); ++it)
        claims.insert(it.key(), claimText(it.value()));
    if (api == u"rest")
        return QJsonObject{{QStringLiteral("claims"), claims}};
    const QJsonObject jwt{{QStringLiteral("claims"), claims},
                          {QStringLiteral("scopes"), QJsonArray::fromStringList(token.scopes)}};
    return QJsonObject{{QStringLiteral("jwt"), jwt}};
}

QByteArray jwtChallenge(auth::JwtProblem problem)
{
    const char* description = "the token is malformed";
    switch (problem) {
    case auth::JwtProblem::Malformed:
        description = "the token is malformed";
        break;
    case auth::JwtProblem::UnsupportedAlgorithm:
        description = "the token's signing algorithm is not supported";
        break;
    case auth::JwtProblem::UnknownKey:
    case auth::JwtProblem::BadSignature:
        description = "the token has an invalid signature";
        break;
    case auth::JwtProblem::Expired:
        description = "the token has expired";
        break;
    case auth::JwtProblem::NotYetValid:
        description = "the token is not valid yet";
        break;
    case auth::JwtProblem::WrongIssuer:
        description = "the token does not have a valid issuer";
        break;
    case auth::JwtProblem::WrongAudience:
        // The one text AWS documents (http-api-troubleshooting-jwt.html).
        description = "the token does not have a valid audience";
        break;
    }
    return QByteArray("Bearer scope=\"\" error=\"invalid_token\" error_description=\"") +
           description + '"';
}

QString routeArn(const http::HttpRequest& request, const RouteMatch& match,
                 const GatewayContext& context, const QString& region)
{
    const QString stage =
        context.stage.isEmpty()
            ? (match.route.api == u"rest" ? QStringLiteral("Prod") : QStringLiteral("$default"))
            : context.stage;
    QString path = QString::fromUtf8(request.path);
    if (path.startsWith(u'/'))
        path.remove(0, 1);
    return QStringLiteral("arn:aws:execute-api:%1:%2:%3/%4/%5/%6")
        .arg(region, context.accountId, context.apiId, stage, QString::fromLatin1(request.method),
             path);
}

QByteArray buildAuthorizerEvent(const AuthorizerSpec& authorizer, const http::HttpRequest& request,
                                const RouteMatch& match, const GatewayContext& context,
                                const QStringList& identity, const QString& region)
{
    GatewayContext plain = context;
    plain.authorizer = {};
    const QString arn = routeArn(request, match, plain, region);
    QJsonObject event;
    if (authorizer.payloadFormat == u"1.0") {
        RouteMatch asRest = match;
        asRest.route.api = QStringLiteral("rest");
        event = parseObject(buildRestApiEvent(request, asRest, plain));
        event.insert(QStringLiteral("version"), QStringLiteral("1.0"));
        event.insert(QStringLiteral("type"), QStringLiteral("REQUEST"));
        event.insert(QStringLiteral("methodArn"), arn);
        const QString joined = identity.join(u',');
        event.insert(QStringLiteral("identitySource"), joined);
        event.insert(QStringLiteral("authorizationToken"), joined);
    } else {
        RouteMatch asHttp = match;
        asHttp.route.api = QStringLiteral("http");
        event = parseObject(buildHttpApiEvent(request, asHttp, plain));
        event.insert(QStringLiteral("type"), QStringLiteral("REQUEST"));
        event.insert(QStringLiteral("routeArn"), arn);
        event.insert(QStringLiteral("identitySource"), QJsonArray::fromStringList(identity));
    }
    // Authorizers see the request's metadata, never its body.
    event.remove(QStringLiteral("body"));
    event.remove(QStringLiteral("isBase64Encoded"));
    return QJsonDocument(event).toJson(QJsonDocument::Compact);
}

std::expected<AuthorizerResult, QString> parseAuthorizerResponse(const AuthorizerSpec& authorizer,
                                                                 const QByteArray& payload)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(payload, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return std::unexpected(QStringLiteral("the response is not a JSON object"));
    const QJsonObject o = doc.object();
    AuthorizerResult result;

    const QJsonValue context = o.value(QLatin1String("context"));
    if (context.isObject()) {
        result.context = context.toObject();
    } else if (!context.isUndefined() && !context.isNull()) {
        return std::unexpected(QStringLiteral("\"context\" is not an object"));
    }
    if (authorizer.payloadFormat == u"1.0") {
        for (auto it = result.context.begin(); it != result.context.end(); ++it) {
            if (it.value().isObject() || it.value().isArray())
                return std::unexpected(
                    QStringLiteral("context value \"%1\" is an object or array; payload 1.0 "
                                   "allows strings, numbers and booleans only")
                        .arg(it.key()));
        }
    }

    if (authorizer.simpleResponses) {
        const QJsonValue allowed = o.value(QLatin1String("isAuthorized"));
        if (!allowed.isBool())
            return std::unexpected(
                QStringLiteral("a simple response needs a boolean \"isAuthorized\""));
        result.simple = true;
        result.isAuthorized = allowed.toBool();
        return result;
    }

    const QJsonValue principal = o.value(QLatin1String("principalId"));
    if (!principal.isString())
        return std::unexpected(QStringLiteral("an IAM policy response needs a string "
                                              "\"principalId\""));
    result.principalId = principal.toString();
    const QJsonValue document = o.value(QLatin1String("policyDocument"));
    if (!document.isObject())
        return std::unexpected(
            QStringLiteral("an IAM policy response needs a \"policyDocument\" object"));
    const QJsonValue statement = document.toObject().value(QLatin1String("Statement"));
    if (statement.isObject())
        result.statements = QJsonArray{statement};
    else if (statement.isArray())
        result.statements = statement.toArray();
    else
        return std::unexpected(QStringLiteral("the policyDocument has no \"Statement\""));
    for (const QJsonValue& s : std::as_const(result.statements)) {
        const QString effect = s.toObject().value(QLatin1String("Effect")).toString();
        if (!s.isObject() || (effect != u"Allow" && effect != u"Deny"))
            return std::unexpected(QStringLiteral("a policy statement needs \"Effect\": "
                                                  "\"Allow\" or \"Deny\""));
    }
    return result;
}

AuthorizerDecision decide(const AuthorizerResult& result, const QString& arn)
{
    if (result.simple)
        return result.isAuthorized ? AuthorizerDecision::Allow : AuthorizerDecision::ExplicitDeny;
    bool allowed = false;
    for (const QJsonValue& value : result.statements) {
        const QJsonObject s = value.toObject();
        if (!actionMatches(s.value(QLatin1String("Action"))) ||
            !resourceMatches(s.value(QLatin1String("Resource")), arn))
            continue;
        if (s.value(QLatin1String("Effect")).toString() == u"Deny")
            return AuthorizerDecision::ExplicitDeny;
        allowed = true;
    }
    return allowed ? AuthorizerDecision::Allow : AuthorizerDecision::NoAllow;
}

QJsonObject lambdaAuthorizerContext(const AuthorizerResult& result, const QString& api)
{
    if (api != u"rest")
        return QJsonObject{{QStringLiteral("lambda"), result.context}};
    QJsonObject out;
    for (auto it = result.context.begin(); it != result.context.end(); ++it)
        out.insert(it.key(), claimText(it.value()));
    if (!result.principalId.isEmpty())
        out.insert(QStringLiteral("principalId"), result.principalId);
    out.insert(QStringLiteral("integrationLatency"), 0);
    return out;
}

http::HttpResponse authorizerUnauthorized(const QString& api)
{
    http::HttpResponse response = gatewayError(401, "Unauthorized");
    if (api == u"rest")
        response.addHeader("x-amzn-ErrorType", "UnauthorizedException");
    return response;
}

http::HttpResponse authorizerForbidden(const QString& api, AuthorizerDecision decision)
{
    if (api != u"rest")
        return gatewayError(403, "Forbidden");
    // REST APIs answer with "Message" (capital M) here.
    http::HttpResponse response = http::HttpResponse::json(
        403, decision == AuthorizerDecision::ExplicitDeny
                 ? QByteArray("{\"Message\":\"User is not authorized to access this resource "
                              "with an explicit deny\"}")
                 : QByteArray("{\"Message\":\"User is not authorized to access this "
                              "resource\"}"));
    response.addHeader("x-amzn-ErrorType", "AccessDeniedException");
    return response;
}

http::HttpResponse authorizerFailure(const QString& api)
{
    if (api != u"rest")
        return gatewayError(500, "Internal Server Error");
    http::HttpResponse response = http::HttpResponse::json(500, "{\"message\": null}");
    response.addHeader("x-amzn-ErrorType", "AuthorizerConfigurationException");
    return response;
}

QByteArray AuthorizerCache::key(const QString& authorizer, const QStringList& identity)
{
    // Length-prefixed parts: no choice of values can make two different keys equal.
    QByteArray k;
    for (const QString& part : QStringList{authorizer} + identity) {
        const QByteArray bytes = part.toUtf8();
        k += QByteArray::number(bytes.size()) + ':' + bytes;
    }
    return k;
}

void AuthorizerCache::dropExpired(qint64 nowMs)
{
    for (auto it = m_entries.begin(); it != m_entries.end();) {
        if (it->expiresAtMs <= nowMs)
            it = m_entries.erase(it);
        else
            ++it;
    }
}

std::optional<AuthorizerResult>
AuthorizerCache::find(const QString& authorizer, const QStringList& identity, qint64 nowMs) const
{
    const auto it = m_entries.constFind(key(authorizer, identity));
    if (it == m_entries.constEnd() || it->expiresAtMs <= nowMs)
        return std::nullopt;
    return it->result;
}

void AuthorizerCache::store(const QString& authorizer, const QStringList& identity,
                            const AuthorizerResult& result, int ttlSeconds, qint64 nowMs)
{
    if (ttlSeconds <= 0)
        return;
    dropExpired(nowMs);
    m_entries.insert(key(authorizer, identity), Entry{result, nowMs + qint64(ttlSeconds) * 1000});
}

} // namespace swb::gateway
