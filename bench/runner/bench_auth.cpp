// What the gateway's authorizers cost per request, next to what building the function's event
// costs anyway: issuing a token, verifying it (RS256), the whole JWT authorizer step (bearer
// token, verify, scopes, claims for the event), and a Lambda authorizer's cache lookup.
//
//   cmake --build build/release --target bench_auth && build/release/bench/bench_auth
//
// Prints one line per figure: operations per second and microseconds per operation.
#include "auth/TokenService.h"
#include "gateway/Authorizers.h"
#include "gateway/GatewayPayloads.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <cstdio>
#include <functional>

using namespace swb;

namespace {

// Runs `op` for about `seconds` and prints the rate; returns microseconds per operation.
double measure(const char* name, double seconds, const std::function<void()>& op)
{
    for (int i = 0; i < 50; ++i) // warm caches
        op();
    QElapsedTimer timer;
    timer.start();
    qint64 count = 0;
    while (timer.nsecsElapsed() < qint64(seconds * 1e9)) {
        for (int i = 0; i < 20; ++i)
            op();
        count += 20;
    }
    const double elapsedS = double(timer.nsecsElapsed()) / 1e9;
    const double usPerOp = elapsedS * 1e6 / double(count);
    std::printf("%-44s %12.0f /s  %9.2f us/op\n", name, double(count) / elapsedS, usPerOp);
    return usPerOp;
}

http::HttpRequest requestWith(const QByteArray& token)
{
    http::HttpRequest r;
    r.method = "GET";
    r.version = "HTTP/1.1";
    r.target = "/orders/42?expand=items";
    r.path = "/orders/42";
    r.query = "expand=items";
    r.headers.append(qMakePair(QByteArray("host"), QByteArray("127.0.0.1:3000")));
    r.headers.append(qMakePair(QByteArray("user-agent"), QByteArray("bench")));
    r.headers.append(qMakePair(QByteArray("authorization"), QByteArray("Bearer " + token)));
    return r;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QTemporaryDir dir;
    auth::TokenServiceSettings settings;
    settings.issuer = QStringLiteral("http://127.0.0.1/bench");
    settings.audiences = {QStringLiteral("swb")};
    auto service = auth::TokenService::open(dir.path(), settings);
    if (!service) {
        std::fprintf(stderr, "bench_auth: %s\n", qPrintable(service.error().message));
        return 1;
    }
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    auth::TokenRequest request;
    request.subject = QStringLiteral("ada");
    request.scopes = {QStringLiteral("orders:read"), QStringLiteral("orders:write")};
    request.extraClaims.insert(QStringLiteral("tenant"), QStringLiteral("acme"));
    const QByteArray token = service->issue(request, now)->toUtf8();
    const auth::Jwks keys = service->publicKeys();
    const auth::JwtExpectations expect = service->expectations(now);

    std::printf("token: %lld bytes, RSA-2048, RS256\n", static_cast<long long>(token.size()));
    measure("issue (sign) a token", 1.5, [&] { (void)service->issue(request, now); });
    const double verifyUs = measure("verify a token", 1.5, [&] {
        if (!auth::verifyJwt(token, keys, expect))
            std::abort();
    });

    gateway::RouteMatch match;
    match.route = {QStringLiteral("orders"), QStringLiteral("GET"), QStringLiteral("/orders/{id}"),
                   QStringLiteral("http")};
    match.pathParameters.insert(QStringLiteral("id"), QStringLiteral("42"));
    match.routeKey = QStringLiteral("GET /orders/{id}");
    gateway::GatewayContext context;
    context.requestId = QStringLiteral("bench");
    context.timeEpochMs = now * 1000;
    context.sourceIp = QStringLiteral("127.0.0.1");
    const http::HttpRequest withToken = requestWith(token);
    const QStringList routeScopes{QStringLiteral("orders:read")};

    const double eventUs = measure("build the event (no authorizer)", 1.5,
                                   [&] { (void)gateway::buildEvent(withToken, match, context); });
    const double jwtUs = measure("JWT authorizer step (token to claims)", 1.5, [&] {
        const auto identity = gateway::identityValues(
            {QStringLiteral("$request.header.Authorization")}, withToken, match, context);
        const auto verified =
            auth::verifyJwt(gateway::bearerToken(identity->first()), keys, expect);
        if (!verified || !gateway::scopesAllow(routeScopes, verified->scopes))
            std::abort();
        (void)gateway::jwtAuthorizerContext(*verified, QStringLiteral("http"));
    });

    gateway::AuthorizerCache cache;
    gateway::AuthorizerResult allow;
    allow.simple = true;
    allow.isAuthorized = true;
    const qint64 nowMs = now * 1000;
    for (int i = 0; i < 10000; ++i)
        cache.store(QStringLiteral("custom"), {QStringLiteral("token-%1").arg(i)}, allow, 300,
                    nowMs);
    int hit = 0;
    measure("Lambda authorizer cache hit (10k identities)", 1.0, [&] {
        const QStringList identity{QStringLiteral("token-%1").arg(hit++ % 10000)};
        if (!cache.find(QStringLiteral("custom"), identity, nowMs))
            std::abort();
    });

    std::printf("JWT authorizer / event building: %.1fx (%.1f us added per request; verify is "
                "%.0f%% of it)\n",
                jwtUs / eventUs, jwtUs, 100.0 * verifyUs / jwtUs);
    return 0;
}
