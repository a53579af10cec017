#pragma once
// Builds STS Query-API requests (GetCallerIdentity, AssumeRole) ready to sign, and reads STS's
// XML answers, errors included. Pure functions: sending is the caller's job.

#include "AwsCredentials.h"
#include "SigV4Request.h"

#include "Error.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

class QUrl;

namespace swb {

struct AwsCallerIdentity {
    QString arn;
    QString account;
    QString userId;
};

struct AwsAssumeRoleParameters {
    QString roleArn;
    QString roleSessionName; // required by STS: 2-64 of [A-Za-z0-9+=,.@_-]
    QString externalId;      // empty: not sent
    int durationSeconds = 0; // 0: not sent (STS's default, one hour)
};

struct AwsAssumedRole {
    AwsCredentials credentials; // temporary, with its expiration
    QString assumedRoleArn;     // arn:aws:sts::123456789012:assumed-role/demo/session
};

class StsRequests {
public:
    StsRequests() = delete;

    static constexpr const char* apiVersion = "2011-06-15";

    // The regional endpoint, https://sts.<region>.amazonaws.com/ (".com.cn" in China);
    // requests to it are signed for `region` with service "sts".
    static QUrl endpoint(const QString& region);

    // POST to `endpoint` (endpoint(region), or a local stand-in) with a form body and
    // Content-Type application/x-www-form-urlencoded; charset=utf-8.
    static SigV4Request getCallerIdentity(const QUrl& endpoint);
    static SigV4Request assumeRole(const QUrl& endpoint, const AwsAssumeRoleParameters& role);
    // "Action=…&Version=…": each name and value percent-encoded (RFC 3986), in the given order.
    static QByteArray formBody(const QList<QPair<QByteArray, QString>>& parameters);

    // The answer to a 200 response; an <ErrorResponse> body is returned as parseError's error.
    static Result<AwsCallerIdentity> parseGetCallerIdentity(const QByteArray& xml);
    static Result<AwsAssumedRole> parseAssumeRole(const QByteArray& xml);
    // STS's <ErrorResponse><Error><Type/><Code/><Message/></Error>…: expired or unknown keys,
    // bad signatures and refusals are Unauthorized with what to check; throttling is
    // Throttled; the rest is Remote. `httpStatus` is used when the body says nothing.
    static Error parseError(int httpStatus, const QByteArray& xml);
};

} // namespace swb
