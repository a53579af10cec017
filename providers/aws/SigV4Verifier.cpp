#include "SigV4Verifier.h"

#include "SigV4Signer.h"

#include <QList>

#include <algorithm>
#include <cstdlib>
#include <optional>
#include <utility>

namespace swb {

namespace {

std::unexpected<SigV4Rejection> reject(SigV4Failure failure, QString message)
{
    return std::unexpected(SigV4Rejection{failure, std::move(message), {}, {}});
}

struct Authorization {
    QByteArray accessKeyId;
    QList<QByteArray> scope; // date, region, service, terminator
    QList<QByteArray> signedHeaders;
    QByteArray signature;
};

std::optional<Authorization> parseAuthorization(const QByteArray& value)
{
    const QByteArray algorithm = "AWS4-HMAC-SHA256 ";
    if (!value.startsWith(algorithm))
        return std::nullopt;
    Authorization a;
    QByteArray credential;
    for (const QByteArray& part : value.mid(algorithm.size()).split(',')) {
        const QByteArray item = part.trimmed();
        const qsizetype eq = item.indexOf('=');
        if (eq < 0)
            return std::nullopt;
        const QByteArray key = item.left(eq);
        const QByteArray v = item.mid(eq + 1);
        if (key == "Credential")
            credential = v;
        else if (key == "SignedHeaders")
            a.signedHeaders = v.split(';');
        else if (key == "Signature")
            a.signature = v;
    }
    const QList<QByteArray> parts = credential.split('/');
    if (parts.size() != 5 || a.signedHeaders.isEmpty() || a.signature.isEmpty())
        return std::nullopt;
    a.accessKeyId = parts[0];
    a.scope = parts.mid(1);
    return a;
}

// Same length and bytes, in time that does not depend on where they differ.
bool sameBytes(const QByteArray& a, const QByteArray& b)
{
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
}

QString text(const QByteArray& bytes)
{
    return QString::fromUtf8(bytes);
}

} // namespace

Error SigV4Rejection::toError() const
{
    QString detail;
    if (!canonicalRequest.isEmpty())
        detail = QStringLiteral("canonical request:\n%1\nstring to sign:\n%2")
                     .arg(text(canonicalRequest), text(stringToSign));
    return Error{ErrorCode::Unauthorized, message, detail, {}};
}

SigV4Verifier::SigV4Verifier(AwsCredentials expected, QString region, QString service)
    : m_expected(std::move(expected)), m_region(std::move(region)), m_service(std::move(service))
{}

std::expected<void, SigV4Rejection> SigV4Verifier::verify(const SigV4Request& received,
                                                          const QDateTime& nowUtc) const
{
    const QByteArray header = received.header("Authorization");
    if (header.isNull())
        return reject(
            SigV4Failure::MissingAuthorization,
            QStringLiteral("The request has no Authorization header: it was not signed."));
    const std::optional<Authorization> auth = parseAuthorization(header.trimmed());
    if (!auth)
        return reject(SigV4Failure::MalformedAuthorization,
                      QStringLiteral("The Authorization header is not \"AWS4-HMAC-SHA256 "
                                     "Credential=…, SignedHeaders=…, Signature=…\"."));
    if (text(auth->accessKeyId) != m_expected.accessKeyId)
        return reject(SigV4Failure::WrongAccessKey,
                      QStringLiteral("The request is signed with access key %1, not %2.")
                          .arg(text(auth->accessKeyId), m_expected.accessKeyId));
    const QByteArray token = received.header("X-Amz-Security-Token");
    if (m_expected.isTemporary() && token.isNull())
        return reject(SigV4Failure::WrongSecurityToken,
                      QStringLiteral("The request has no X-Amz-Security-Token, and access key %1 "
                                     "is temporary.")
                          .arg(m_expected.accessKeyId));
    if (m_expected.isTemporary() && !sameBytes(token, m_expected.sessionToken.toUtf8()))
        return reject(SigV4Failure::WrongSecurityToken,
                      QStringLiteral("The X-Amz-Security-Token is not the session token of %1.")
                          .arg(m_expected.accessKeyId));

    const QByteArray amzDate = received.header("X-Amz-Date").trimmed();
    QDateTime signedAt =
        QDateTime::fromString(text(amzDate), QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
    signedAt.setTimeSpec(Qt::UTC);
    if (amzDate.isEmpty() || !signedAt.isValid())
        return reject(
            SigV4Failure::MissingDate,
            QStringLiteral("The request has no X-Amz-Date in the form 20150830T123600Z."));

    const QList<QByteArray> expectedScope{amzDate.left(8), m_region.toUtf8(), m_service.toUtf8(),
                                          "aws4_request"};
    if (auth->scope != expectedScope)
        return reject(SigV4Failure::WrongScope,
                      QStringLiteral("The credential scope is %1, expected %2.")
                          .arg(text(auth->scope.join('/')), text(expectedScope.join('/'))));

    const qint64 skewSeconds = std::abs(signedAt.secsTo(nowUtc));
    if (skewSeconds > m_maxSkew.count())
        return reject(SigV4Failure::DateSkew,
                      QStringLiteral("X-Amz-Date %1 is %2 s away from the server's clock (%3); "
                                     "the limit is %4 s: check the client's clock.")
                          .arg(text(amzDate))
                          .arg(skewSeconds)
                          .arg(QString::fromLatin1(SigV4Signer::amzDate(nowUtc)))
                          .arg(m_maxSkew.count()));

    for (const QByteArray& required : {QByteArray("host"), QByteArray("x-amz-date")}) {
        if (!auth->signedHeaders.contains(required))
            return reject(SigV4Failure::HeaderNotSigned,
                          QStringLiteral("SignedHeaders (%1) leaves out %2, which must be signed.")
                              .arg(text(auth->signedHeaders.join(';')), text(required)));
    }
    for (const QByteArray& name : auth->signedHeaders) {
        if (!received.hasHeader(name))
            return reject(
                SigV4Failure::MissingSignedHeader,
                QStringLiteral("SignedHeaders lists %1, which the request does not carry.")
                    .arg(text(name)));
    }

    const QByteArray declared = received.header("x-amz-content-sha256").trimmed();
    if (!declared.isNull() && declared != "UNSIGNED-PAYLOAD" &&
        !declared.startsWith("STREAMING-") && declared != SigV4Signer::sha256Hex(received.body))
        return reject(SigV4Failure::PayloadHashMismatch,
                      QStringLiteral("X-Amz-Content-Sha256 is %1, but the body received hashes to "
                                     "%2: the body changed after signing.")
                          .arg(text(declared), text(SigV4Signer::sha256Hex(received.body))));

    const QByteArray canonical =
        SigV4Signer::canonicalRequest(received, auth->signedHeaders, m_service);
    const QByteArray scope = expectedScope.join('/');
    const QByteArray toSign = SigV4Signer::stringToSign(amzDate, scope, canonical);
    const QByteArray key =
        SigV4Signer::signingKey(m_expected.secretAccessKey, amzDate.left(8), m_region, m_service);
    if (!sameBytes(SigV4Signer::hmacHex(key, toSign), auth->signature.toLower())) {
        return std::unexpected(SigV4Rejection{
            SigV4Failure::BadSignature,
            QStringLiteral("The signature does not match: the method, path, query, a signed "
                           "header or the body changed after signing, or the secret differs."),
            canonical, toSign});
    }
    return {};
}

QString SigV4Verifier::describeDifference(const QByteArray& signedCanonicalRequest,
                                          const QByteArray& receivedCanonicalRequest)
{
    if (signedCanonicalRequest == receivedCanonicalRequest)
        return {};
    const QList<QByteArray> a = signedCanonicalRequest.split('\n');
    const QList<QByteArray> b = receivedCanonicalRequest.split('\n');
    auto at = [](const QList<QByteArray>& lines, qsizetype i) {
        return i < lines.size() ? lines[i] : QByteArray();
    };
    // Lines: method, path, query, one per header, an empty line, signed headers, payload hash.
    const QStringList fixed{QStringLiteral("the method"), QStringLiteral("the path"),
                            QStringLiteral("the query string")};
    for (qsizetype i = 0; i < 3; ++i) {
        if (at(a, i) != at(b, i))
            return fixed[i];
    }
    if (a.last() != b.last())
        return QStringLiteral("the payload hash (the body)");
    const qsizetype n = std::max(a.size(), b.size()) - 3;
    for (qsizetype i = 3; i < n; ++i) {
        const QByteArray left = at(a, i);
        const QByteArray right = at(b, i);
        if (left == right)
            continue;
        const QByteArray name = (left.isEmpty() ? right : left).split(':').first();
        return QStringLiteral("header %1").arg(text(name));
    }
    return QStringLiteral("the signed headers list");
}

} // namespace swb
