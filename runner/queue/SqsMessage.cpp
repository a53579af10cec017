#include "SqsMessage.h"

#include <QCryptographicHash>
#include <QRegularExpression>
#include <QtEndian>

namespace swb {

namespace {

void appendLengthPrefixed(QByteArray& out, const QByteArray& bytes)
{
    char length[4];
    qToBigEndian(quint32(bytes.size()), length);
    out.append(length, 4);
    out.append(bytes);
}

Error invalid(const char* sqsCode, const QString& message)
{
    return Error{ErrorCode::Validation, message, QLatin1String(sqsCode), {}};
}

} // namespace

QString sqsMd5OfBody(const QString& body)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(body.toUtf8(), QCryptographicHash::Md5).toHex());
}

QString sqsMd5OfMessageAttributes(const SqsMessageAttributes& attributes)
{
    if (attributes.isEmpty())
        return {};
    QByteArray bytes;
    for (auto it = attributes.begin(); it != attributes.end(); ++it) {
        appendLengthPrefixed(bytes, it.key().toUtf8());
        appendLengthPrefixed(bytes, it.value().dataType.toUtf8());
        if (it.value().isBinary()) {
            bytes.append(char(2));
            appendLengthPrefixed(bytes, it.value().binaryValue);
        } else {
            bytes.append(char(1));
            appendLengthPrefixed(bytes, it.value().stringValue.toUtf8());
        }
    }
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Md5).toHex());
}

Result<void> validateSqsMessage(const QString& body, const SqsMessageAttributes& attributes)
{
    constexpr qsizetype kMaxBytes = 256 * 1024;
    if (body.isEmpty())
        return std::unexpected(
            invalid("MissingParameter", QStringLiteral("The request must contain the parameter "
                                                       "MessageBody.")));
    // #x9 | #xA | #xD | #x20 to #xD7FF | #xE000 to #xFFFD | #x10000 to #x10FFFF
    for (const char32_t c : body.toUcs4()) {
        const bool allowed = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
                             (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
        if (!allowed)
            return std::unexpected(invalid(
                "InvalidMessageContents",
                QStringLiteral("Invalid characters found in the message body (U+%1); SQS allows "
                               "only the characters XML allows.")
                    .arg(quint32(c), 4, 16, QLatin1Char('0'))));
    }
    qsizetype bytes = body.toUtf8().size();
    if (attributes.size() > 10)
        return std::unexpected(
            invalid("InvalidParameterValue",
                    QStringLiteral("Number of message attributes [%1] exceeds the allowed "
                                   "maximum [10].")
                        .arg(attributes.size())));
    static const QRegularExpression namePattern(QStringLiteral("^[A-Za-z0-9_.-]{1,256}$"));
    static const QRegularExpression typePattern(
        QStringLiteral("^(String|Number|Binary)(\\.[^\\s]{1,255})?$"));
    for (auto it = attributes.begin(); it != attributes.end(); ++it) {
        const QString& name = it.key();
        if (!namePattern.match(name).hasMatch() || name.startsWith(QLatin1Char('.')) ||
            name.endsWith(QLatin1Char('.')) || name.contains(QLatin1String("..")) ||
            name.startsWith(QLatin1String("AWS."), Qt::CaseInsensitive) ||
            name.startsWith(QLatin1String("Amazon."), Qt::CaseInsensitive))
            return std::unexpected(
                invalid("InvalidParameterValue",
                        QStringLiteral("Message attribute name '%1' is invalid; use letters, "
                                       "digits, '_', '-' and '.' (not leading, trailing or "
                                       "doubled), without the prefixes AWS. and Amazon.")
                            .arg(name)));
        if (!typePattern.match(it.value().dataType).hasMatch())
            return std::unexpected(invalid(
                "InvalidParameterValue",
                QStringLiteral("The type of message (user) attribute '%1' is invalid; allowed: "
                               "String, Number, Binary, optionally followed by .LABEL.")
                    .arg(name)));
        if (it.value().isBinary() ? it.value().binaryValue.isEmpty()
                                  : it.value().stringValue.isEmpty())
            return std::unexpected(
                invalid("InvalidParameterValue",
                        QStringLiteral("Message (user) attribute '%1' must contain a non-empty "
                                       "value of type '%2'.")
                            .arg(name, it.value().dataType)));
        bytes += name.toUtf8().size() + it.value().dataType.toUtf8().size() +
                 (it.value().isBinary() ? it.value().binaryValue.size()
                                        : it.value().stringValue.toUtf8().size());
    }
    if (bytes > kMaxBytes)
        return std::unexpected(
            invalid("InvalidParameterValue",
                    QStringLiteral("One or more parameters are invalid. Reason: Message must be "
                                   "shorter than %1 bytes.")
                        .arg(kMaxBytes)));
    return {};
}

} // namespace swb
