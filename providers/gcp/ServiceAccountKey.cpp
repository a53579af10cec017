#include "ServiceAccountKey.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

namespace swb {

namespace {

QString whatToDo()
{
    return QStringLiteral("create a new JSON key for the service account (IAM > Service accounts > "
                          "Keys > Add key) and point the target's \"credentials\" at it");
}

} // namespace

Result<ServiceAccountKey> ServiceAccountKey::parse(const QByteArray& json, const QString& source)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (!doc.isObject())
        // The text may hold the private key: say where it broke, never what is there.
        return fail(
            ErrorCode::Parse,
            QStringLiteral("The service account key in %1 is not a JSON object (%2 at "
                           "offset %3); %4.")
                .arg(source, doc.isNull() ? error.errorString() : QStringLiteral("wrong shape"))
                .arg(doc.isNull() ? error.offset : 0)
                .arg(whatToDo()));
    const QJsonObject o = doc.object();
    ServiceAccountKey key;
    key.source = source;
    key.type = o.value(QLatin1String("type")).toString();
    key.projectId = o.value(QLatin1String("project_id")).toString();
    key.privateKeyId = o.value(QLatin1String("private_key_id")).toString();
    key.privateKey = o.value(QLatin1String("private_key")).toString();
    key.clientEmail = o.value(QLatin1String("client_email")).toString();
    key.tokenUri = o.value(QLatin1String("token_uri")).toString();
    if (key.tokenUri.isEmpty())
        key.tokenUri = QString::fromLatin1(kDefaultTokenUri);

    if (key.type != QLatin1String("service_account"))
        return fail(ErrorCode::Validation,
                    QStringLiteral("%1 is not a service account key (its \"type\" is \"%2\"; user "
                                   "credentials from gcloud auth are not supported); %3.")
                        .arg(source, key.type.left(40), whatToDo()));
    QStringList missing;
    if (key.clientEmail.isEmpty())
        missing << QStringLiteral("client_email");
    if (key.privateKey.isEmpty())
        missing << QStringLiteral("private_key");
    if (key.privateKeyId.isEmpty())
        missing << QStringLiteral("private_key_id");
    if (!missing.isEmpty())
        return fail(ErrorCode::Validation,
                    QStringLiteral("The service account key in %1 has no %2; %3.")
                        .arg(source, missing.join(QStringLiteral(", ")), whatToDo()));
    if (!key.privateKey.contains(QLatin1String("-----BEGIN")) ||
        !key.privateKey.contains(QLatin1String("PRIVATE KEY-----")))
        return fail(ErrorCode::Validation,
                    QStringLiteral("The \"private_key\" in %1 is not a PEM private key; %2.")
                        .arg(source, whatToDo()));
    return key;
}

Result<ServiceAccountKey> ServiceAccountKey::load(const QString& path, const QString& how)
{
    const QString native = QDir::toNativeSeparators(path);
    const QString source = how.isEmpty() ? QStringLiteral("key file %1").arg(native)
                                         : QStringLiteral("key file %1 (%2)").arg(native, how);
    QFile file(path);
    if (!QFileInfo(path).isFile())
        return fail(ErrorCode::NotFound,
                    QStringLiteral("The %1 does not exist; check the path, or %2.")
                        .arg(source, whatToDo()));
    if (!file.open(QIODevice::ReadOnly))
        return fail(ErrorCode::Io,
                    QStringLiteral("Cannot read the %1: %2.").arg(source, file.errorString()));
    return parse(file.readAll(), source);
}

QStringList ServiceAccountKey::secrets() const
{
    QStringList s;
    if (!privateKey.isEmpty()) {
        s << privateKey;
        // The base64 body alone, in case a line of it is quoted somewhere.
        for (const QString& line : privateKey.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
            if (!line.startsWith(QLatin1String("-----")) && line.size() > 16)
                s << line.trimmed();
    }
    if (!privateKeyId.isEmpty())
        s << privateKeyId;
    return s;
}

} // namespace swb
