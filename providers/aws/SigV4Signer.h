#pragma once
// Signs an HTTP request with AWS Signature Version 4 in the Authorization header. The time is
// passed in, and every intermediate string is returned, so tests can hold each step against
// AWS's published examples and a test server can show what it recomputed.

#include "AwsCredentials.h"
#include "SigV4Request.h"

#include <QByteArray>
#include <QString>

class QDateTime;

namespace swb {

// What a signature was computed from, step by step (none of it is secret).
struct SigV4Signature {
    QByteArray canonicalRequest;
    QByteArray signedHeaders;   // "host;x-amz-date"
    QByteArray credentialScope; // "20150830/us-east-1/service/aws4_request"
    QByteArray stringToSign;
    QByteArray signature;     // lowercase hex
    QByteArray authorization; // the Authorization header's value
};

class SigV4Signer {
public:
    SigV4Signer(AwsCredentials credentials, QString region, QString service);

    // Sets X-Amz-Date (from `timeUtc`), X-Amz-Security-Token (temporary credentials) and
    // Authorization on `request`, which must carry its Host header (SigV4Request::fromUrl adds
    // it). Every header present is signed except Authorization.
    // A request carrying X-Amz-Content-Sha256 is signed with that payload hash (S3's
    // UNSIGNED-PAYLOAD) instead of the body's.
    SigV4Signature sign(SigV4Request& request, const QDateTime& timeUtc) const;

    // The steps, public for the verifier and for tests.
    static QByteArray canonicalUri(const QByteArray& wirePath, const QString& service);
    static QByteArray canonicalQuery(const QByteArray& wireQuery);
    // The canonical request over the headers named in `signedHeaders` (lowercase, sorted).
    static QByteArray canonicalRequest(const SigV4Request& request,
                                       const QList<QByteArray>& signedHeaders,
                                       const QString& service);
    static QByteArray payloadHash(const SigV4Request& request);
    static QByteArray signingKey(const QString& secretAccessKey, const QByteArray& date,
                                 const QString& region, const QString& service);
    static QByteArray stringToSign(const QByteArray& amzDate, const QByteArray& scope,
                                   const QByteArray& canonicalRequest);
    static QByteArray hmacHex(const QByteArray& key, const QByteArray& data);
    static QByteArray sha256Hex(const QByteArray& data);
    static QByteArray amzDate(const QDateTime& timeUtc); // 20150830T123600Z
    // RFC 3986 encoding: unreserved characters stay, every other byte becomes %XX (uppercase).
    static QByteArray uriEncode(const QByteArray& bytes, bool keepSlash = false);

private:
    AwsCredentials m_credentials;
    QString m_region;
    QString m_service;
};

} // namespace swb
