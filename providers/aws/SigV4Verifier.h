#pragma once
// Checks a received request's SigV4 signature against a known secret, for test servers that
// play AWS (and, later, to refuse unsigned calls). A rejection says precisely what differs.

#include "AwsCredentials.h"
#include "SigV4Request.h"

#include "Error.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <chrono>
#include <expected>

namespace swb {

enum class SigV4Failure {
    MissingAuthorization,   // no Authorization header
    MalformedAuthorization, // not "AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…"
    WrongAccessKey,         // signed with another access key ID
    WrongSecurityToken,     // X-Amz-Security-Token missing or not the expected one
    MissingDate,            // no (or an unreadable) X-Amz-Date
    WrongScope,             // date, region, service or terminator of the scope do not match
    DateSkew,               // X-Amz-Date too far from the server's clock
    HeaderNotSigned,        // host or x-amz-date left out of SignedHeaders
    MissingSignedHeader,    // SignedHeaders names a header the request does not carry
    PayloadHashMismatch,    // X-Amz-Content-Sha256 is not the body's hash
    BadSignature,           // everything above holds, the signature does not
};

struct SigV4Rejection {
    SigV4Failure failure = SigV4Failure::BadSignature;
    QString message;             // one sentence: what differs
    QByteArray canonicalRequest; // what the verifier computed (BadSignature only)
    QByteArray stringToSign;     // idem

    // An Unauthorized error: the message, and the canonical request and string to sign as detail.
    Error toError() const;
};

class SigV4Verifier {
public:
    SigV4Verifier(AwsCredentials expected, QString region, QString service);

    // AWS refuses requests more than 5 minutes from its clock.
    void setMaxSkew(std::chrono::seconds skew) { m_maxSkew = skew; }

    // Succeeds when `received` is signed with our key for our region and service, now.
    std::expected<void, SigV4Rejection> verify(const SigV4Request& received,
                                               const QDateTime& nowUtc) const;

    // Names the first part two canonical requests disagree on ("the payload hash",
    // "header my-header1", "the query string", …), or an empty string when they are equal:
    // a test server that also has the client's canonical request can say what changed.
    static QString describeDifference(const QByteArray& signedCanonicalRequest,
                                      const QByteArray& receivedCanonicalRequest);

private:
    AwsCredentials m_expected;
    QString m_region;
    QString m_service;
    std::chrono::seconds m_maxSkew{300};
};

} // namespace swb
