#include "StsRequests.h"

#include "SigV4Signer.h"

#include <QHash>
#include <QUrl>
#include <QXmlStreamReader>

namespace swb {

namespace {

const char* const kFormType = "application/x-www-form-urlencoded; charset=utf-8";

SigV4Request formPost(const QUrl& endpoint, const QByteArray& body)
{
    SigV4Request request = SigV4Request::fromUrl("POST", endpoint, body);
    request.setHeader("Content-Type", kFormType);
    return request;
}

// The text of every leaf element under the first `within` element (at any depth), by name; the
// root element's name too, so an <ErrorResponse> is recognised.
struct XmlFields {
    QString root;
    QHash<QString, QString> values;
    QString problem; // empty when the XML is well formed
};

XmlFields readFields(const QByteArray& xml, const QString& within)
{
    XmlFields fields;
    QXmlStreamReader reader(xml);
    struct Open {
        QString name;
        QString text;
        bool hasChildren = false;
    };
    QList<Open> open;
    int insideAt = -1; // index in `open` of the `within` element, -1 when outside
    while (!reader.atEnd()) {
        reader.readNext();
        if (reader.isStartElement()) {
            const QString name = reader.name().toString();
            if (fields.root.isEmpty())
                fields.root = name;
            if (!open.isEmpty())
                open.last().hasChildren = true;
            open.append({name, {}, false});
            if (insideAt < 0 && name == within)
                insideAt = int(open.size()) - 1;
        } else if (reader.isCharacters() && !open.isEmpty()) {
            open.last().text += reader.text();
        } else if (reader.isEndElement() && !open.isEmpty()) {
            const Open element = open.takeLast();
            const bool inside = insideAt >= 0 && int(open.size()) > insideAt;
            if (inside && !element.hasChildren && !fields.values.contains(element.name))
                fields.values.insert(element.name, element.text.trimmed());
            if (int(open.size()) == insideAt)
                insideAt = -1;
        }
    }
    if (reader.hasError())
        fields.problem = QStringLiteral("%1 (line %2, column %3)")
                             .arg(reader.errorString())
                             .arg(reader.lineNumber())
                             .arg(reader.columnNumber());
    return fields;
}

// The error of an answer that is not XML or lacks what it must carry. The body is not quoted:
// an AssumeRole answer holds a secret.
Error unreadable(const QString& operation, const QString& problem)
{
    return Error{ErrorCode::Remote,
                 QStringLiteral("STS answered %1 with something Serverless Workbench cannot "
                                "read; check the endpoint is AWS STS.")
                     .arg(operation),
                 problem,
                 {}};
}

} // namespace

QUrl StsRequests::endpoint(const QString& region)
{
    const QString r = region.isEmpty() ? QStringLiteral("us-east-1") : region;
    const QString suffix = r.startsWith(QLatin1String("cn-")) ? QStringLiteral("amazonaws.com.cn")
                                                              : QStringLiteral("amazonaws.com");
    return QUrl(QStringLiteral("https://sts.%1.%2/").arg(r, suffix));
}

QByteArray StsRequests::formBody(const QList<QPair<QByteArray, QString>>& parameters)
{
    QByteArray body;
    for (const auto& [name, value] : parameters) {
        if (!body.isEmpty())
            body += '&';
        body += SigV4Signer::uriEncode(name) + '=' + SigV4Signer::uriEncode(value.toUtf8());
    }
    return body;
}

SigV4Request StsRequests::getCallerIdentity(const QUrl& endpoint)
{
    return formPost(endpoint, formBody({{"Action", QStringLiteral("GetCallerIdentity")},
                                        {"Version", QString::fromLatin1(apiVersion)}}));
}

SigV4Request StsRequests::assumeRole(const QUrl& endpoint, const AwsAssumeRoleParameters& role)
{
    QList<QPair<QByteArray, QString>> parameters{{"Action", QStringLiteral("AssumeRole")},
                                                 {"Version", QString::fromLatin1(apiVersion)},
                                                 {"RoleArn", role.roleArn},
                                                 {"RoleSessionName", role.roleSessionName}};
    if (!role.externalId.isEmpty())
        parameters.append({"ExternalId", role.externalId});
    if (role.durationSeconds > 0)
        parameters.append({"DurationSeconds", QString::number(role.durationSeconds)});
    return formPost(endpoint, formBody(parameters));
}

Result<AwsCallerIdentity> StsRequests::parseGetCallerIdentity(const QByteArray& xml)
{
    const XmlFields f = readFields(xml, QStringLiteral("GetCallerIdentityResult"));
    if (f.root == QLatin1String("ErrorResponse"))
        return std::unexpected(parseError(200, xml));
    if (!f.problem.isEmpty())
        return std::unexpected(unreadable(QStringLiteral("GetCallerIdentity"), f.problem));
    AwsCallerIdentity identity{f.values.value(QStringLiteral("Arn")),
                               f.values.value(QStringLiteral("Account")),
                               f.values.value(QStringLiteral("UserId"))};
    if (identity.arn.isEmpty() || identity.account.isEmpty())
        return std::unexpected(unreadable(QStringLiteral("GetCallerIdentity"),
                                          QStringLiteral("no GetCallerIdentityResult/Arn and "
                                                         "Account in <%1>")
                                              .arg(f.root)));
    return identity;
}

Result<AwsAssumedRole> StsRequests::parseAssumeRole(const QByteArray& xml)
{
    const XmlFields f = readFields(xml, QStringLiteral("AssumeRoleResult"));
    if (f.root == QLatin1String("ErrorResponse"))
        return std::unexpected(parseError(200, xml));
    if (!f.problem.isEmpty())
        return std::unexpected(unreadable(QStringLiteral("AssumeRole"), f.problem));
    AwsAssumedRole role;
    role.credentials.accessKeyId = f.values.value(QStringLiteral("AccessKeyId"));
    role.credentials.secretAccessKey = f.values.value(QStringLiteral("SecretAccessKey"));
    role.credentials.sessionToken = f.values.value(QStringLiteral("SessionToken"));
    role.credentials.expiration =
        QDateTime::fromString(f.values.value(QStringLiteral("Expiration")), Qt::ISODateWithMs);
    // Arn appears under AssumedRoleUser only, Credentials has none.
    role.assumedRoleArn = f.values.value(QStringLiteral("Arn"));
    if (!role.credentials.isComplete() || role.credentials.sessionToken.isEmpty())
        return std::unexpected(unreadable(
            QStringLiteral("AssumeRole"),
            QStringLiteral("no AssumeRoleResult/Credentials with AccessKeyId, SecretAccessKey "
                           "and SessionToken in <%1>")
                .arg(f.root)));
    return role;
}

Error StsRequests::parseError(int httpStatus, const QByteArray& xml)
{
    const XmlFields f = readFields(xml, QStringLiteral("Error"));
    const QString code = f.values.value(QStringLiteral("Code"));
    const QString stsMessage = f.values.value(QStringLiteral("Message"));
    const QString requestId = readFields(xml, f.root).values.value(QStringLiteral("RequestId"));
    const QString detail =
        QStringLiteral("HTTP %1, code %2, type %3, request ID %4: %5")
            .arg(httpStatus)
            .arg(code.isEmpty() ? QStringLiteral("(none)") : code,
                 f.values.value(QStringLiteral("Type")),
                 requestId.isEmpty() ? QStringLiteral("(none)") : requestId, stsMessage);

    if (code == QLatin1String("ExpiredToken") || code == QLatin1String("ExpiredTokenException"))
        return {ErrorCode::Unauthorized,
                QStringLiteral("The AWS session token has expired; get fresh temporary "
                               "credentials (sign in again or refresh AWS_SESSION_TOKEN)."),
                detail,
                {}};
    if (code == QLatin1String("InvalidClientTokenId"))
        return {ErrorCode::Unauthorized,
                QStringLiteral("AWS does not know this access key ID or session token; check "
                               "the key in your credentials source and that it is still active."),
                detail,
                {}};
    if (code == QLatin1String("SignatureDoesNotMatch"))
        return {ErrorCode::Unauthorized,
                QStringLiteral("AWS rejected the request signature; check that the secret access "
                               "key belongs to the access key ID and that this computer's clock "
                               "is right."),
                detail,
                {}};
    if (code == QLatin1String("AccessDenied") ||
        code == QLatin1String("MissingAuthenticationToken"))
        return {ErrorCode::Unauthorized,
                QStringLiteral("STS refused the call (%1: %2); check the caller's IAM policy and, "
                               "for a role, its trust policy and external ID.")
                    .arg(code, stsMessage),
                detail,
                {}};
    if (code == QLatin1String("Throttling") || code == QLatin1String("ThrottlingException") ||
        httpStatus == 429)
        return {ErrorCode::Throttled,
                QStringLiteral("STS is throttling these calls; wait a little and retry."),
                detail,
                {}};
    if (!code.isEmpty())
        return {ErrorCode::Remote,
                QStringLiteral("STS answered %1: %2").arg(code, stsMessage),
                detail,
                {}};
    if (httpStatus == 401 || httpStatus == 403)
        return {
            ErrorCode::Unauthorized,
            QStringLiteral("STS refused the credentials (HTTP %1); check them.").arg(httpStatus),
            detail,
            {}};
    return {ErrorCode::Remote, QStringLiteral("STS answered HTTP %1.").arg(httpStatus), detail, {}};
}

} // namespace swb
