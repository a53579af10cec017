#include "AwsErrorShape.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace swb {

namespace {

bool isOneOf(const QString& code, std::initializer_list<const char*> names)
{
    for (const char* name : names) {
        if (code == QLatin1String(name))
            return true;
    }
    return false;
}

} // namespace

QString AwsErrorShape::bareCode(QString code)
{
    code = code.trimmed();
    const qsizetype colon = code.indexOf(QLatin1Char(':'));
    if (colon >= 0)
        code.truncate(colon);
    const qsizetype hash = code.indexOf(QLatin1Char('#'));
    if (hash >= 0)
        code.remove(0, hash + 1);
    return code;
}

AwsErrorShape AwsErrorShape::parse(int httpStatus, const QByteArray& errorTypeHeader,
                                   const QByteArray& body)
{
    AwsErrorShape shape;
    shape.httpStatus = httpStatus;
    const QJsonObject json = QJsonDocument::fromJson(body).object();
    auto text = [&](const char* key) { return json.value(QLatin1String(key)).toString(); };

    // The header is authoritative (AWS's restJson1 protocol); the body's "__type" or "code"
    // stand in when a proxy or an older service leaves the header out.
    QString code = QString::fromUtf8(errorTypeHeader);
    if (code.trimmed().isEmpty())
        code = text("__type");
    if (code.trimmed().isEmpty())
        code = text("code");
    shape.code = bareCode(code);
    shape.message = text("Message");
    if (shape.message.isEmpty())
        shape.message = text("message");
    shape.type = text("Type");
    shape.reason = text("Reason");
    return shape;
}

ErrorCode AwsErrorShape::errorCode() const
{
    if (isOneOf(code, {"ResourceNotFoundException"}))
        return ErrorCode::NotFound;
    if (isOneOf(code, {"ResourceConflictException"}))
        return ErrorCode::Conflict;
    if (isOneOf(code, {"TooManyRequestsException", "ThrottlingException"}))
        return ErrorCode::Throttled;
    if (isOneOf(code, {"AccessDeniedException", "UnrecognizedClientException",
                       "InvalidSignatureException", "ExpiredTokenException"}))
        return ErrorCode::Unauthorized;
    if (!code.isEmpty())
        return ErrorCode::Remote;
    switch (httpStatus) {
    case 401:
    case 403:
        return ErrorCode::Unauthorized;
    case 404:
        return ErrorCode::NotFound;
    case 409:
        return ErrorCode::Conflict;
    case 429:
        return ErrorCode::Throttled;
    default:
        return ErrorCode::Remote;
    }
}

Error AwsErrorShape::toError(const QString& operation) const
{
    const QString said = message.isEmpty() ? QStringLiteral("no message") : message;
    QString advice;
    switch (errorCode()) {
    case ErrorCode::NotFound:
        advice = QStringLiteral("check the name, the region and the account");
        break;
    case ErrorCode::Conflict:
        advice = QStringLiteral("wait for the update in progress to finish and retry");
        break;
    case ErrorCode::Throttled:
        advice = QStringLiteral("slow down or raise the limit, then retry");
        break;
    case ErrorCode::Unauthorized:
        advice = code == QLatin1String("AccessDeniedException")
                     ? QStringLiteral("check the IAM permissions of these credentials")
                     : QStringLiteral("check the access key, its secret, the session token and "
                                      "this computer's clock");
        break;
    default:
        advice = QStringLiteral("see AWS's message");
        break;
    }
    const QString name = code.isEmpty() ? QStringLiteral("HTTP %1").arg(httpStatus) : code;
    QString detail = QStringLiteral("HTTP %1, code %2").arg(httpStatus).arg(name);
    if (!type.isEmpty())
        detail += QStringLiteral(", type %1").arg(type);
    if (!reason.isEmpty())
        detail += QStringLiteral(", reason %1").arg(reason);
    return Error{errorCode(),
                 QStringLiteral("%1 failed (%2: %3); %4.").arg(operation, name, said, advice),
                 detail,
                 {}};
}

} // namespace swb
