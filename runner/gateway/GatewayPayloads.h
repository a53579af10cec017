#pragma once
// The gateway's translation layer, faithful to Amazon API Gateway's Lambda proxy integrations:
// an HTTP request becomes an event (HTTP API payload 2.0, REST API payload 1.0) and what the
// function returned becomes the HTTP response, or the gateway's own error. No sockets here.
// The rules and their sources are in docs/gateway.md.

#include "gateway/RouteTable.h"
#include "http/HttpServer.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace swb::gateway {

struct GatewayContext {
    QString requestId;         // HTTP API: "JKJaXmPLvHcESHA=" style; REST: a UUID
    QString extendedRequestId; // REST only; the requestId when empty
    QString apiId = QStringLiteral("local");
    QString stage; // empty: "$default" (HTTP API), "Prod" (REST, as sam local)
    QString accountId = QStringLiteral("123456789012");
    qint64 timeEpochMs = 0;
    QString sourceIp;             // the client's address, without port
    QString domainName;           // the Host header, or 127.0.0.1:PORT
    QString traceId;              // X-Amzn-Trace-Id value ("Root=1-..."); none when empty
    QStringList binaryMediaTypes; // REST only: "image/png", "image/*", "*/*"
    // requestContext.authorizer, set by an authorizer that let the request through (see
    // Authorizers.h); none when empty.
    QJsonObject authorizer;
};

QByteArray buildHttpApiEvent(const http::HttpRequest& request, const RouteMatch& match,
                             const GatewayContext& context);
QByteArray buildRestApiEvent(const http::HttpRequest& request, const RouteMatch& match,
                             const GatewayContext& context);

// Payload 2.0: a JSON object with "statusCode" is a response description; any other valid
// JSON is the body of a 200 application/json response; anything else is a 500.
http::HttpResponse httpApiResponse(const QByteArray& functionResult);
// Payload 1.0 (REST): the object must have an integer statusCode and only the documented keys,
// else 502. A base64 body is decoded only when the request's first Accept type is one of the
// binary media types (as REST APIs do); otherwise the base64 text is sent as is.
http::HttpResponse restApiResponse(const QByteArray& functionResult,
                                   const QByteArray& acceptHeader = {},
                                   const QStringList& binaryMediaTypes = {});

// Dispatches on the route's api ("http" | "rest").
QByteArray buildEvent(const http::HttpRequest& request, const RouteMatch& match,
                      const GatewayContext& context);
http::HttpResponse functionResponse(const QString& api, const QByteArray& functionResult,
                                    const QByteArray& acceptHeader = {},
                                    const QStringList& binaryMediaTypes = {});

// {"message":"..."} with Content-Type application/json, as API Gateway sends its own errors.
http::HttpResponse gatewayError(int status, const QByteArray& message);

enum class FunctionFailure {
    FunctionError,      // the handler raised, timed out, crashed, or its response was too big
    Throttled,          // Lambda refused the invocation (TooManyRequestsException)
    IntegrationTimeout, // no answer within the gateway's own limit (29 s REST, 30 s HTTP API)
};

// What the client gets when there is no function result to translate.
http::HttpResponse
gatewayErrorForFunctionFailure(const QString& api,
                               FunctionFailure failure = FunctionFailure::FunctionError);
// No route for this method and path: HTTP API 404 Not Found; REST 403 Missing Authentication Token.
http::HttpResponse gatewayRouteMiss(const QString& api);
// The request body is over the gateway's limit (10 MB).
http::HttpResponse gatewayPayloadTooLarge(const QString& api);

} // namespace swb::gateway
