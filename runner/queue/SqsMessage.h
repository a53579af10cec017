#pragma once
// One SQS message as the local queues keep it, and SQS's checksums of a message: the MD5 of
// its body and of its message attributes (the algorithm SQS documents and SDKs verify).

#include "Error.h"

#include <QByteArray>
#include <QMap>
#include <QString>

namespace swb {

struct SqsMessageAttribute {
    QString dataType;    // "String", "Number", "Binary", optionally with ".label"
    QString stringValue; // String and Number
    QByteArray binaryValue;

    bool isBinary() const { return dataType.startsWith(QLatin1String("Binary")); }
};

using SqsMessageAttributes =
    QMap<QString, SqsMessageAttribute>; // by name (sorted, as the MD5 needs)

struct SqsMessage {
    QString messageId;
    QString body;
    SqsMessageAttributes messageAttributes;
    QString senderId;
    qint64 sentTimestampMs = 0;
    qint64 firstReceiveTimestampMs = 0; // 0 until the first receive
    int receiveCount = 0;
    QString receiptHandle;       // of the latest receive
    QString deadLetterSourceArn; // the queue it came from, once in a dead-letter queue
};

// MD5OfMessageBody / md5OfBody: hex MD5 of the body's UTF-8 bytes.
QString sqsMd5OfBody(const QString& body);
// MD5OfMessageAttributes: for each attribute by name, the 4-byte big-endian length and bytes of
// its name, of its data type, a transport byte (1 string, 2 binary) and the length and bytes
// of its value; empty when there are none.
QString sqsMd5OfMessageAttributes(const SqsMessageAttributes& attributes);

// SQS's limits on what may be sent: a body of 1 byte to 256 KB of the characters XML allows;
// at most 10 attributes with valid names and types. The error's detail names SQS's error code
// ("InvalidMessageContents", "InvalidParameterValue").
Result<void> validateSqsMessage(const QString& body, const SqsMessageAttributes& attributes);

} // namespace swb
