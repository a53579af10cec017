// A remote JWT issuer's keys as the gateway fetches them: discovery, then the JWKS, kept;
// refetched on demand at most once a minute; every failure a clear error, never kept.
#include "auth/TokenService.h"
#include "gateway/IssuerKeys.h"
#include "http/HttpServer.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <QTest>

using namespace swb;
using namespace swb::gateway;

class tst_IssuerKeys : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void fetchesDiscoveryThenKeysAndKeepsThem();
    void callersWaitingTogetherShareOneFetch();
    void refetchesAtMostOnceAMinute();
    void failuresAreErrorsAndNotKept_data();
    void failuresAreErrorsAndNotKept();
    void unreachableIssuerIsAnError();

private:
    Result<auth::Jwks> wait(IssuerKeys& keys, bool refetch = false, bool* started = nullptr);

    QTemporaryDir* m_dir = nullptr;
    http::HttpServer* m_server = nullptr;
    QNetworkAccessManager* m_net = nullptr;
    QString m_issuer;
    QByteArray m_jwks;
    QByteArray m_configuration;
    int m_discoveryStatus = 200;
    int m_discoveries = 0;
    int m_jwksFetches = 0;
};

void tst_IssuerKeys::init()
{
    m_dir = new QTemporaryDir;
    m_server = new http::HttpServer;
    m_net = new QNetworkAccessManager;
    m_discoveries = 0;
    m_jwksFetches = 0;
    m_discoveryStatus = 200;
    m_server->setHandler([this](http::HttpRequest&& request, http::HttpResponder&& responder) {
        if (request.path == "/pool/.well-known/openid-configuration") {
            ++m_discoveries;
            responder.respond(http::HttpResponse::json(m_discoveryStatus, m_configuration));
        } else if (request.path == "/pool/jwks.json") {
            ++m_jwksFetches;
            responder.respond(http::HttpResponse::json(200, m_jwks));
        } else {
            responder.respond(http::HttpResponse::json(404, "{}"));
        }
    });
    QVERIFY(m_server->listen(QHostAddress::LocalHost, 0));
    m_issuer = QStringLiteral("http://127.0.0.1:%1/pool/").arg(m_server->port());
    m_configuration =
        QJsonDocument(
            QJsonObject{
                {QStringLiteral("issuer"), m_issuer},
                {QStringLiteral("jwks_uri"),
                 QStringLiteral("http://127.0.0.1:%1/pool/jwks.json").arg(m_server->port())}})
            .toJson();
    auth::TokenServiceSettings settings;
    settings.issuer = m_issuer;
    settings.audiences = {QStringLiteral("app")};
    const auto service = auth::TokenService::open(m_dir->path(), settings);
    QVERIFY(service.has_value());
    m_jwks = QJsonDocument(service->publicKeys().toJson()).toJson();
}

void tst_IssuerKeys::cleanup()
{
    delete m_net;
    delete m_server;
    delete m_dir;
}

Result<auth::Jwks> tst_IssuerKeys::wait(IssuerKeys& keys, bool refetch, bool* started)
{
    std::optional<Result<auth::Jwks>> result;
    auto done = [&result](const Result<auth::Jwks>& r) { result = r; };
    if (refetch) {
        const bool ok = keys.refetch(done);
        if (started)
            *started = ok;
        if (!ok)
            return fail(ErrorCode::Internal, QStringLiteral("not started"));
    } else {
        keys.keys(done);
    }
    if (!QTest::qWaitFor([&result] { return result.has_value(); }, 20000))
        return fail(ErrorCode::Internal, QStringLiteral("no answer"));
    return *result;
}

void tst_IssuerKeys::fetchesDiscoveryThenKeysAndKeepsThem()
{
    qint64 now = 0;
    IssuerKeys keys(m_issuer, m_net, [&now] { return now; });
    const auto first = wait(keys);
    QVERIFY2(first.has_value(), qPrintable(first ? QString() : first.error().message));
    QCOMPARE(first->keys().size(), 1);
    QCOMPARE(m_discoveries, 1); // the trailing slash of the issuer is not doubled
    QCOMPARE(m_jwksFetches, 1);
    const auto second = wait(keys);
    QVERIFY(second.has_value());
    QCOMPARE(m_jwksFetches, 1);
    QCOMPARE(keys.fetchCount(), 1);
}

void tst_IssuerKeys::callersWaitingTogetherShareOneFetch()
{
    IssuerKeys keys(m_issuer, m_net, [] { return qint64(0); });
    int answers = 0;
    for (int i = 0; i < 3; ++i)
        keys.keys([&answers](const Result<auth::Jwks>& r) { answers += r.has_value() ? 1 : 100; });
    QTRY_COMPARE_WITH_TIMEOUT(answers, 3, 20000);
    QCOMPARE(m_jwksFetches, 1);
}

void tst_IssuerKeys::refetchesAtMostOnceAMinute()
{
    qint64 now = 1000;
    IssuerKeys keys(m_issuer, m_net, [&now] { return now; });
    QVERIFY(wait(keys).has_value());
    bool started = true;
    now += IssuerKeys::kRefetchIntervalMs - 1;
    QVERIFY(!wait(keys, true, &started).has_value());
    QVERIFY(!started);
    QCOMPARE(m_jwksFetches, 1);
    now += 1;
    const auto again = wait(keys, true, &started);
    QVERIFY(started);
    QVERIFY(again.has_value());
    QCOMPARE(m_jwksFetches, 2);
    QVERIFY(!wait(keys, true, &started).has_value());
    QCOMPARE(m_jwksFetches, 2);
}

void tst_IssuerKeys::failuresAreErrorsAndNotKept_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("configuration");
    QTest::addColumn<QByteArray>("jwks");
    QTest::addColumn<QString>("words");
    QTest::newRow("discovery 404")
        << 404 << QByteArray("{}") << QByteArray() << QStringLiteral("404");
    QTest::newRow("no jwks_uri") << 200 << QByteArray("{\"issuer\":\"x\"}") << QByteArray()
                                 << QStringLiteral("jwks_uri");
    QTest::newRow("discovery not JSON")
        << 200 << QByteArray("<html>") << QByteArray() << QStringLiteral("not a JSON object");
    QTest::newRow("JWKS without keys")
        << 200 << QByteArray() << QByteArray("{\"keys\": 5}") << QStringLiteral("JWKS");
}

void tst_IssuerKeys::failuresAreErrorsAndNotKept()
{
    QFETCH(int, status);
    QFETCH(QByteArray, configuration);
    QFETCH(QByteArray, jwks);
    QFETCH(QString, words);
    const QByteArray goodConfiguration = m_configuration;
    const QByteArray goodJwks = m_jwks;
    m_discoveryStatus = status;
    if (!configuration.isEmpty())
        m_configuration = configuration;
    if (!jwks.isEmpty())
        m_jwks = jwks;
    IssuerKeys keys(m_issuer, m_net, [] { return qint64(0); });
    const auto failed = wait(keys);
    QVERIFY(!failed.has_value());
    QVERIFY2(failed.error().message.contains(words), qPrintable(failed.error().message));
    QVERIFY2(failed.error().message.contains(QStringLiteral("127.0.0.1")),
             qPrintable(failed.error().message));
    // The issuer is fixed: the next request fetches again and succeeds.
    m_discoveryStatus = 200;
    m_configuration = goodConfiguration;
    m_jwks = goodJwks;
    QVERIFY(wait(keys).has_value());
}

void tst_IssuerKeys::unreachableIssuerIsAnError()
{
    const quint16 port = m_server->port();
    delete m_server; // nothing listens there any more
    m_server = nullptr;
    IssuerKeys keys(QStringLiteral("http://127.0.0.1:%1/pool").arg(port), m_net);
    const auto failed = wait(keys);
    QVERIFY(!failed.has_value());
    QVERIFY2(failed.error().message.contains(QStringLiteral("Cannot fetch")),
             qPrintable(failed.error().message));
}

QTEST_GUILESS_MAIN(tst_IssuerKeys)
#include "tst_IssuerKeys.moc"
