#pragma once
// The gateway's routes and how a request finds one, as Amazon API Gateway matches them:
// literal segments beat {param} segments beat a greedy {proxy+}, a specific method beats ANY,
// and the HTTP API's $default route catches what nothing else does. See docs/gateway.md.

#include "Error.h"

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>

#include <expected>

namespace swb::gateway {

struct Route {
    QString function;
    QString method; // "GET", "POST", ... or "ANY"; stored upper-case
    QString path;   // "/orders/{id}", "/files/{proxy+}", or "$default" (HTTP API only)
    QString api;    // "http" (HTTP API, payload 2.0; the default when empty) | "rest" (1.0)
};

struct RouteMatch {
    Route route;
    QMap<QString, QString> pathParameters; // URL-decoded, as API Gateway passes them
    QString routeKey;                      // HTTP API: "GET /orders/{id}", "$default"
};

class RouteTable {
public:
    enum class Miss {
        NotFound,         // no route has this path
        MethodNotAllowed, // a route has this path, none has this method (API Gateway still
                          // answers as for NotFound: 404 on HTTP APIs, 403 on REST APIs)
    };

    // Refuses a path template API Gateway would refuse, an unknown method or API, and a route
    // that has the same method and path shape as one already added ("/a/{id}" and "/a/{key}"
    // are the same shape).
    Result<void> add(const Route& route);

    // `rawPath` is the request path as sent, percent-encoded, without the query.
    std::expected<RouteMatch, Miss> match(const QByteArray& method,
                                          const QByteArray& rawPath) const;

    QList<Route> routes() const;

    // Which API's answers a miss gets: "rest" when every route is a REST route, else "http".
    QString apiForMisses() const;

private:
    struct Segment {
        enum Kind { Greedy, Parameter, Literal } kind; // ordered: more specific is greater
        QString text; // the literal, or the parameter's name (without braces and '+')
    };
    struct Entry {
        Route route;
        QList<Segment> segments;
        bool isDefault = false; // the HTTP API's "$default" route
    };

    static Result<QList<Segment>> parseTemplate(const Route& route);
    static bool matchSegments(const Entry& entry, const QList<QString>& decoded,
                              QMap<QString, QString>* parameters);
    static int compareSpecificity(const Entry& a, const Entry& b);

    QList<Entry> m_entries;
};

} // namespace swb::gateway
