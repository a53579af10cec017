#pragma once
// Reads the error of an AWS JSON API (Lambda's REST-JSON, and the "__type" of JSON-1.x
// services): the code from the x-amzn-ErrorType header or the body, the message, and the
// ErrorCode it means for us.

#include "Error.h"

#include <QByteArray>
#include <QString>

namespace swb {

struct AwsErrorShape {
    int httpStatus = 0;
    QString code;    // bare shape name: "ResourceConflictException"
    QString message; // AWS's own text ("Message" or "message")
    QString type;    // Lambda's "Type": "User" or "Service"; empty when absent
    QString reason;  // Lambda's throttling "Reason", when present

    // `errorTypeHeader` is x-amzn-ErrorType (may be empty), `body` the JSON answer (may be
    // empty or not JSON).
    static AwsErrorShape parse(int httpStatus, const QByteArray& errorTypeHeader,
                               const QByteArray& body);
    // "ResourceConflictException:http://internal.amazon.com/coral/…" and
    // "com.amazon.coral.service#UnrecognizedClientException" both give the bare name.
    static QString bareCode(QString code);

    // NotFound, Conflict, Throttled, Unauthorized or Remote; by HTTP status when no code.
    ErrorCode errorCode() const;
    // An Error for a person: `operation` ("Lambda UpdateFunctionCode for 'orders'") failed,
    // AWS's message, and what to check; code, type and status go to the detail.
    Error toError(const QString& operation) const;
};

} // namespace swb
