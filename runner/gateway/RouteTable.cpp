#include "gateway/RouteTable.h"

#include <QSet>
#include <QStringList>

#include <algorithm>

namespace swb::gateway {

namespace {

const QStringList kMethods = {QStringLiteral("GET"),     QStringLiteral("POST"),
                              QStringLiteral("PUT"),     QStringLiteral("PATCH"),
                              QStringLiteral("DELETE"),  QStringLiteral("HEAD"),
                              QStringLiteral("OPTIONS"), QStringLiteral("ANY")};

const QString kDefaultRoute = QStringLiteral("$default");

// REST API resource path parts: "only allow a-zA-Z0-9._- and curly braces at the beginning
// and the end" (API Gateway's CreateResource error). HTTP API routes also take RFC 3986 path
// characters such as ':', '~', '@', '!', '$', '&', '\'', '(', ')', '*', '+', ',', ';', '='.
bool isRestLiteralChar(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') ||
           c == u'.' || c == u'_' || c == u'-';
}

bool isHttpLiteralChar(QChar c)
{
    return isRestLiteralChar(c) || QStringView(u"~:@!$&'()*+,;=").contains(c);
}

bool isNameChar(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') ||
           c == u'_' || c == u'-' || c == u'.';
}

QString decodeSegment(const QByteArray& raw)
{
    return QString::fromUtf8(QByteArray::fromPercentEncoding(raw));
}

} // namespace

Result<QList<RouteTable::Segment>> RouteTable::parseTemplate(const Route& route)
{
    const QString& path = route.path;
    const bool rest = route.api == QLatin1String("rest");
    if (!path.startsWith(u'/'))
        return fail(
            ErrorCode::Validation,
            QStringLiteral("The route path \"%1\" must start with \"/\", like /orders/{id}.")
                .arg(path));
    QList<Segment> segments;
    if (path == QLatin1String("/"))
        return segments;

    const QStringList parts = path.mid(1).split(u'/');
    QSet<QString> names;
    for (qsizetype i = 0; i < parts.size(); ++i) {
        const QString& part = parts[i];
        if (part.isEmpty())
            return fail(ErrorCode::Validation,
                        QStringLiteral("The route path \"%1\" has an empty segment; remove the "
                                       "doubled or trailing \"/\" (API Gateway refuses it).")
                            .arg(path));
        const bool opens = part.startsWith(u'{');
        const bool closes = part.endsWith(u'}');
        if (opens || closes || part.contains(u'{') || part.contains(u'}')) {
            if (!opens || !closes || part.count(u'{') != 1 || part.count(u'}') != 1)
                return fail(
                    ErrorCode::Validation,
                    QStringLiteral("The route path \"%1\" has the segment \"%2\" that mixes "
                                   "text and a variable; a variable must be a whole "
                                   "segment, like /orders/{id}.")
                        .arg(path, part));
            QString name = part.mid(1, part.size() - 2);
            const bool greedy = name.endsWith(u'+');
            if (greedy)
                name.chop(1);
            if (name.isEmpty())
                return fail(ErrorCode::Validation,
                            QStringLiteral("The route path \"%1\" has a variable without a name; "
                                           "write {id} or {proxy+}.")
                                .arg(path));
            for (const QChar c : name) {
                if (!isNameChar(c))
                    return fail(
                        ErrorCode::Validation,
                        QStringLiteral("The route path \"%1\" has the variable \"%2\" whose "
                                       "name contains '%3'; use letters, digits, '_', '-' "
                                       "and '.'.")
                            .arg(path, part, c));
            }
            if (greedy && i != parts.size() - 1)
                return fail(ErrorCode::Validation,
                            QStringLiteral("The route path \"%1\" has the greedy variable \"%2\" "
                                           "before its end; API Gateway allows {name+} only as "
                                           "the last segment.")
                                .arg(path, part));
            if (names.contains(name))
                return fail(ErrorCode::Validation,
                            QStringLiteral("The route path \"%1\" uses the variable {%2} twice; "
                                           "give each variable its own name.")
                                .arg(path, name));
            names.insert(name);
            segments.append(Segment{greedy ? Segment::Greedy : Segment::Parameter, name});
            continue;
        }
        for (const QChar c : part) {
            if (rest ? !isRestLiteralChar(c) : !isHttpLiteralChar(c))
                return fail(
                    ErrorCode::Validation,
                    rest ? QStringLiteral("The route path \"%1\" contains '%2', which a REST "
                                          "API does not allow in a path; use letters, "
                                          "digits, '.', '_' and '-'.")
                               .arg(path, c)
                         : QStringLiteral("The route path \"%1\" contains '%2', which is "
                                          "not allowed in a path; percent-encoded and "
                                          "reserved characters cannot appear in a route.")
                               .arg(path, c));
        }
        segments.append(Segment{Segment::Literal, part});
    }
    return segments;
}

Result<void> RouteTable::add(const Route& input)
{
    Route route = input;
    route.method = route.method.trimmed().toUpper();
    route.path = route.path.trimmed();
    route.api = route.api.trimmed().toLower();
    if (route.api.isEmpty())
        route.api = QStringLiteral("http");

    if (route.api != QLatin1String("http") && route.api != QLatin1String("rest"))
        return fail(ErrorCode::Validation,
                    QStringLiteral("The route %1 %2 names the API \"%3\"; use \"http\" (HTTP API, "
                                   "payload 2.0) or \"rest\" (REST API, payload 1.0).")
                        .arg(input.method, input.path, input.api));
    if (route.function.isEmpty())
        return fail(
            ErrorCode::InvalidArgument,
            QStringLiteral("The route %1 %2 names no function.").arg(route.method, route.path));

    Entry entry;
    if (route.path == kDefaultRoute) {
        if (route.api == QLatin1String("rest"))
            return fail(ErrorCode::Validation,
                        QStringLiteral("The $default route exists only on HTTP APIs; a REST API "
                                       "catches every path with ANY /{proxy+}."));
        route.method = QStringLiteral("ANY"); // $default has no method of its own
        entry.isDefault = true;
    } else {
        if (!kMethods.contains(route.method))
            return fail(ErrorCode::Validation,
                        QStringLiteral("The route %1 %2 has the method \"%3\", which API Gateway "
                                       "does not route; use GET, POST, PUT, PATCH, DELETE, HEAD, "
                                       "OPTIONS or ANY.")
                            .arg(input.method, route.path, input.method));
        auto segments = parseTemplate(route);
        if (!segments)
            return std::unexpected(segments.error());
        entry.segments = *segments;
    }
    entry.route = route;

    for (const Entry& other : std::as_const(m_entries)) {
        bool same = other.isDefault == entry.isDefault && other.route.method == route.method &&
                    other.segments.size() == entry.segments.size();
        for (qsizetype i = 0; same && i < entry.segments.size(); ++i) {
            const Segment& a = entry.segments[i];
            const Segment& b = other.segments[i];
            same = a.kind == b.kind && (a.kind != Segment::Literal || a.text == b.text);
        }
        if (same) {
            const auto key = [](const Route& r) {
                return r.path == kDefaultRoute ? r.path : r.method + u' ' + r.path;
            };
            return fail(
                ErrorCode::Validation,
                QStringLiteral("The route %1 of function \"%2\" clashes with %3 of function "
                               "\"%4\": API Gateway allows one route per method and path.")
                    .arg(key(route), route.function, key(other.route), other.route.function));
        }
    }
    m_entries.append(entry);
    return {};
}

bool RouteTable::matchSegments(const Entry& entry, const QList<QString>& decoded,
                               QMap<QString, QString>* parameters)
{
    const QList<Segment>& segments = entry.segments;
    QMap<QString, QString> found;
    for (qsizetype i = 0; i < segments.size(); ++i) {
        const Segment& segment = segments[i];
        if (segment.kind == Segment::Greedy) {
            // One or more segments, none empty: "/files/" does not match /files/{proxy+}.
            if (i >= decoded.size())
                return false;
            const QList<QString> rest = decoded.mid(i);
            for (const QString& s : rest) {
                if (s.isEmpty())
                    return false;
            }
            found.insert(segment.text, rest.join(u'/'));
            *parameters = found;
            return true;
        }
        if (i >= decoded.size())
            return false;
        if (segment.kind == Segment::Literal) {
            if (decoded[i] != segment.text)
                return false;
        } else {
            if (decoded[i].isEmpty()) // "/orders/" does not fill {id} with ""
                return false;
            found.insert(segment.text, decoded[i]);
        }
    }
    if (decoded.size() != segments.size())
        return false;
    *parameters = found;
    return true;
}

int RouteTable::compareSpecificity(const Entry& a, const Entry& b)
{
    if (a.isDefault != b.isDefault)
        return a.isDefault ? -1 : 1;
    const qsizetype n = std::min(a.segments.size(), b.segments.size());
    for (qsizetype i = 0; i < n; ++i) {
        if (a.segments[i].kind != b.segments[i].kind)
            return a.segments[i].kind < b.segments[i].kind ? -1 : 1;
    }
    if (a.segments.size() != b.segments.size())
        return a.segments.size() < b.segments.size() ? -1 : 1;
    const bool anyA = a.route.method == QLatin1String("ANY");
    const bool anyB = b.route.method == QLatin1String("ANY");
    if (anyA != anyB)
        return anyA ? -1 : 1;
    return 0;
}

std::expected<RouteMatch, RouteTable::Miss> RouteTable::match(const QByteArray& method,
                                                              const QByteArray& rawPath) const
{
    QByteArray path = rawPath.isEmpty() ? QByteArray("/") : rawPath;
    QList<QString> decoded;
    if (path.startsWith('/') && path != "/") {
        const QList<QByteArray> parts = path.mid(1).split('/');
        decoded.reserve(parts.size());
        for (const QByteArray& part : parts)
            decoded.append(decodeSegment(part));
    }
    // A REST API routes "/pets/" as "/pets"; an HTTP API does not (see docs/gateway.md).
    QList<QString> restDecoded = decoded;
    if (!restDecoded.isEmpty() && restDecoded.last().isEmpty())
        restDecoded.removeLast();

    const QString requestMethod = QString::fromLatin1(method);
    const Entry* best = nullptr;
    QMap<QString, QString> bestParameters;
    bool pathMatched = false;
    for (const Entry& entry : m_entries) {
        QMap<QString, QString> parameters;
        if (!entry.isDefault) {
            const bool rest = entry.route.api == QLatin1String("rest");
            if (!matchSegments(entry, rest ? restDecoded : decoded, &parameters))
                continue;
            pathMatched = true;
        }
        if (entry.route.method != QLatin1String("ANY") && entry.route.method != requestMethod)
            continue;
        if (!best || compareSpecificity(entry, *best) > 0) {
            best = &entry;
            bestParameters = parameters;
        }
    }
    if (!best)
        return std::unexpected(pathMatched ? Miss::MethodNotAllowed : Miss::NotFound);
    RouteMatch match;
    match.route = best->route;
    match.pathParameters = bestParameters;
    match.routeKey = best->isDefault ? kDefaultRoute : best->route.method + u' ' + best->route.path;
    return match;
}

QList<Route> RouteTable::routes() const
{
    QList<Route> routes;
    routes.reserve(m_entries.size());
    for (const Entry& entry : m_entries)
        routes.append(entry.route);
    return routes;
}

QString RouteTable::apiForMisses() const
{
    if (m_entries.isEmpty())
        return QStringLiteral("http");
    for (const Entry& entry : m_entries) {
        if (entry.route.api != QLatin1String("rest"))
            return QStringLiteral("http");
    }
    return QStringLiteral("rest");
}

} // namespace swb::gateway
