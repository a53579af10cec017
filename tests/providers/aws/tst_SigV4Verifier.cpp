#include "aws/SigV4Signer.h"
#include "aws/SigV4Verifier.h"

#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSignalSpy>
#include <QTest>
#include <QUrl>

using namespace swb;

namespace {

const AwsCredentials kKeys{QStringLiteral("AKIDEXAMPLE"),
                           QStringLiteral("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"),
                           {},
                           {}};
const QDateTime kSignedAt(QDate(2026, 11, 27), QTime(6, 0, 0), Qt::UTC);

struct Signed {
    SigV4Request request;
    SigV4Signature signature;
};

Signed signedInvoke(const AwsCredentials& keys = kKeys)
{
    SigV4Request request = SigV4Request::fromUrl(
        "POST",
        QUrl(QStringLiteral("https://lambda.eu-west-1.amazonaws.com/2015-03-31/functions/"
                            "orders/invocations?Qualifier=live")),
        R"({"id":1})");
    request.setHeader("Content-Type", "application/json");
    request.setHeader("X-Amz-Invocation-Type", "RequestResponse");
    const SigV4Signer signer(keys, QStringLiteral("eu-west-1"), QStringLiteral("lambda"));
    const SigV4Signature s = signer.sign(request, kSignedAt);
    return {request, s};
}

// QVERIFY2 evaluates its message even when the check passes.
QString why(const std::expected<void, SigV4Rejection>& verdict)
{
    return verdict ? QString() : verdict.error().message + '\n' + verdict.error().toError().detail;
}

SigV4Verifier lambdaVerifier(const AwsCredentials& keys = kKeys)
{
    return SigV4Verifier(keys, QStringLiteral("eu-west-1"), QStringLiteral("lambda"));
}

} // namespace

class tst_SigV4Verifier : public QObject {
    Q_OBJECT
private slots:
    void acceptsWhatTheSignerSigned();
    void acceptsAHeaderAddedAfterSigning();
    void rejectsTamperedRequests_data();
    void rejectsTamperedRequests();
    void rejectsWrongKeyScopeOrClock_data();
    void rejectsWrongKeyScopeOrClock();
    void rejectsAChangedBodyByItsDeclaredHash();
    void checksTheSessionToken();
    void rejectionIsAnUnauthorizedErrorWithoutTheSecret();
    void verifiesWhatQtSendsOverTheWire();
};

void tst_SigV4Verifier::acceptsWhatTheSignerSigned()
{
    const Signed s = signedInvoke();
    const auto verdict = lambdaVerifier().verify(s.request, kSignedAt.addSecs(60));
    QVERIFY2(verdict.has_value(), qPrintable(why(verdict)));
}

void tst_SigV4Verifier::acceptsAHeaderAddedAfterSigning()
{
    // Proxies add headers; only the signed ones count.
    Signed s = signedInvoke();
    s.request.headers.append(qMakePair(QByteArray("Via"), QByteArray("1.1 proxy")));
    QVERIFY(lambdaVerifier().verify(s.request, kSignedAt).has_value());
}

void tst_SigV4Verifier::rejectsTamperedRequests_data()
{
    QTest::addColumn<QString>("change");
    QTest::addColumn<int>("failure");
    QTest::addColumn<QString>("difference");

    const int bad = int(SigV4Failure::BadSignature);
    QTest::newRow("body") << "body" << bad << "the payload hash (the body)";
    QTest::newRow("signed header") << "header" << bad << "header x-amz-invocation-type";
    QTest::newRow("query") << "query" << bad << "the query string";
    QTest::newRow("path") << "path" << bad << "the path";
    QTest::newRow("method") << "method" << bad << "the method";
    QTest::newRow("signed header removed")
        << "remove" << int(SigV4Failure::MissingSignedHeader) << QString();
    QTest::newRow("no authorization")
        << "unsigned" << int(SigV4Failure::MissingAuthorization) << QString();
    QTest::newRow("garbled authorization")
        << "garbled" << int(SigV4Failure::MalformedAuthorization) << QString();
}

void tst_SigV4Verifier::rejectsTamperedRequests()
{
    QFETCH(QString, change);
    QFETCH(int, failure);
    QFETCH(QString, difference);

    Signed s = signedInvoke();
    SigV4Request& r = s.request;
    if (change == QLatin1String("body"))
        r.body = R"({"id":2})";
    else if (change == QLatin1String("header"))
        r.setHeader("X-Amz-Invocation-Type", "Event");
    else if (change == QLatin1String("query"))
        r.query = "Qualifier=prod";
    else if (change == QLatin1String("path"))
        r.path = "/2015-03-31/functions/payments/invocations";
    else if (change == QLatin1String("method"))
        r.method = "PUT";
    else if (change == QLatin1String("remove"))
        r.removeHeader("Content-Type");
    else if (change == QLatin1String("unsigned"))
        r.removeHeader("Authorization");
    else if (change == QLatin1String("garbled"))
        r.setHeader("Authorization", "Bearer abc");

    const auto verdict = lambdaVerifier().verify(r, kSignedAt);
    QVERIFY(!verdict.has_value());
    QCOMPARE(int(verdict.error().failure), failure);
    QVERIFY(!verdict.error().message.isEmpty());
    if (failure == int(SigV4Failure::BadSignature)) {
        QCOMPARE(SigV4Verifier::describeDifference(s.signature.canonicalRequest,
                                                   verdict.error().canonicalRequest),
                 difference);
    }
    if (change == QLatin1String("remove"))
        QVERIFY(verdict.error().message.contains(QLatin1String("content-type")));
}

void tst_SigV4Verifier::rejectsWrongKeyScopeOrClock_data()
{
    QTest::addColumn<QString>("region");
    QTest::addColumn<QString>("service");
    QTest::addColumn<QString>("secret");
    QTest::addColumn<QString>("accessKeyId");
    QTest::addColumn<int>("clockSeconds"); // server clock minus signing time
    QTest::addColumn<int>("failure");      // -1: accepted
    QTest::addColumn<QString>("inMessage");

    const QString r = QStringLiteral("eu-west-1");
    const QString l = QStringLiteral("lambda");
    const QString secret = kKeys.secretAccessKey;
    const QString id = kKeys.accessKeyId;
    QTest::newRow("other region") << "us-east-1" << l << secret << id << 0
                                  << int(SigV4Failure::WrongScope) << "eu-west-1";
    QTest::newRow("other service")
        << r << "sts" << secret << id << 0 << int(SigV4Failure::WrongScope) << "/lambda/";
    QTest::newRow("other secret") << r << l << "another-secret" << id << 0
                                  << int(SigV4Failure::BadSignature) << "signature";
    QTest::newRow("other access key") << r << l << secret << "AKIDOTHER" << 0
                                      << int(SigV4Failure::WrongAccessKey) << "AKIDEXAMPLE";
    QTest::newRow("4 min 59 s late") << r << l << secret << id << 299 << -1 << QString();
    QTest::newRow("5 min 1 s late")
        << r << l << secret << id << 301 << int(SigV4Failure::DateSkew) << "301 s";
    QTest::newRow("6 min early") << r << l << secret << id << -360 << int(SigV4Failure::DateSkew)
                                 << "360 s";
}

void tst_SigV4Verifier::rejectsWrongKeyScopeOrClock()
{
    QFETCH(QString, region);
    QFETCH(QString, service);
    QFETCH(QString, secret);
    QFETCH(QString, accessKeyId);
    QFETCH(int, clockSeconds);
    QFETCH(int, failure);
    QFETCH(QString, inMessage);

    const Signed s = signedInvoke();
    const SigV4Verifier verifier({accessKeyId, secret, {}, {}}, region, service);
    const auto verdict = verifier.verify(s.request, kSignedAt.addSecs(clockSeconds));
    if (failure < 0) {
        QVERIFY2(verdict.has_value(), qPrintable(why(verdict)));
        return;
    }
    QVERIFY(!verdict.has_value());
    QCOMPARE(int(verdict.error().failure), failure);
    QVERIFY2(verdict.error().message.contains(inMessage), qPrintable(why(verdict)));
}

void tst_SigV4Verifier::rejectsAChangedBodyByItsDeclaredHash()
{
    SigV4Request request =
        SigV4Request::fromUrl("PUT", QUrl(QStringLiteral("https://b.s3.amazonaws.com/k")), "v1");
    request.setHeader("X-Amz-Content-Sha256", SigV4Signer::sha256Hex("v1"));
    SigV4Signer(kKeys, QStringLiteral("us-east-1"), QStringLiteral("s3")).sign(request, kSignedAt);
    request.body = "v2";
    const auto verdict = SigV4Verifier(kKeys, QStringLiteral("us-east-1"), QStringLiteral("s3"))
                             .verify(request, kSignedAt);
    QVERIFY(!verdict.has_value());
    QCOMPARE(verdict.error().failure, SigV4Failure::PayloadHashMismatch);
}

void tst_SigV4Verifier::checksTheSessionToken()
{
    const AwsCredentials temporary{
        QStringLiteral("ASIAEXAMPLE"), QStringLiteral("s3cr3t"), QStringLiteral("token-1"), {}};
    Signed s = signedInvoke(temporary);
    QVERIFY(lambdaVerifier(temporary).verify(s.request, kSignedAt).has_value());

    AwsCredentials other = temporary;
    other.sessionToken = QStringLiteral("token-2");
    const auto verdict = lambdaVerifier(other).verify(s.request, kSignedAt);
    QVERIFY(!verdict.has_value());
    QCOMPARE(verdict.error().failure, SigV4Failure::WrongSecurityToken);
    QVERIFY(!verdict.error().message.contains(QLatin1String("token-")));
}

void tst_SigV4Verifier::rejectionIsAnUnauthorizedErrorWithoutTheSecret()
{
    Signed s = signedInvoke();
    s.request.body = "changed";
    const auto verdict = lambdaVerifier().verify(s.request, kSignedAt);
    QVERIFY(!verdict.has_value());
    const Error error = verdict.error().toError();
    QCOMPARE(error.code, ErrorCode::Unauthorized);
    QVERIFY(error.detail.contains(QLatin1String("POST\n/2015-03-31/functions/orders/invocations")));
    QVERIFY(!error.message.contains(kKeys.secretAccessKey));
    QVERIFY(!error.detail.contains(kKeys.secretAccessKey));
}

void tst_SigV4Verifier::verifiesWhatQtSendsOverTheWire()
{
    // What QNetworkAccessManager puts on the wire (its own headers added, the path as the URL
    // encodes it) must verify on a server that rebuilds the request from what it received.
    QHttpServer server;
    QList<SigV4Request> received;
    server.route(QStringLiteral("/2015-03-31/functions/<arg>/invocations"),
                 [&](const QString&, const QHttpServerRequest& r) {
                     SigV4Request got;
                     got.method = r.method() == QHttpServerRequest::Method::Post ? "POST" : "?";
                     got.path = r.url().path(QUrl::FullyEncoded).toUtf8();
                     got.query = r.url().query(QUrl::FullyEncoded).toUtf8();
                     got.headers = r.headers();
                     got.body = r.body();
                     received.append(got);
                     return QHttpServerResponse(QHttpServerResponse::StatusCode::Ok);
                 });
    const quint16 port = server.listen(QHostAddress::LocalHost, 0);
    QVERIFY(port != 0);

    const QUrl url(QStringLiteral("http://127.0.0.1:%1/2015-03-31/functions/"
                                  "my%20fn/invocations?Qualifier=%24LATEST")
                       .arg(port));
    SigV4Request request = SigV4Request::fromUrl("POST", url, R"({"ok":true})");
    request.setHeader("Content-Type", "application/json");
    const QDateTime now = QDateTime::currentDateTimeUtc();
    SigV4Signer(kKeys, QStringLiteral("eu-west-1"), QStringLiteral("lambda")).sign(request, now);

    QNetworkAccessManager network;
    QNetworkRequest wire(url);
    for (const auto& [name, value] : request.headers)
        wire.setRawHeader(name, value);
    QNetworkReply* reply = network.post(wire, request.body);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    QVERIFY(finished.wait(5000));
    QCOMPARE(reply->error(), QNetworkReply::NoError);
    reply->deleteLater();

    QCOMPARE(received.size(), 1);
    const auto verdict = lambdaVerifier().verify(received.first(), now);
    QVERIFY2(verdict.has_value(), qPrintable(why(verdict)));
}

QTEST_GUILESS_MAIN(tst_SigV4Verifier)
#include "tst_SigV4Verifier.moc"
