#include "AwsCredentials.h"

namespace swb {

QString AwsCredentials::toString() const
{
    const QString id = accessKeyId.isEmpty() ? QStringLiteral("(no access key ID)") : accessKeyId;
    if (!isTemporary())
        return id;
    if (!expiration.isValid())
        return QStringLiteral("%1 (temporary)").arg(id);
    return QStringLiteral("%1 (temporary, expires %2)")
        .arg(id, expiration.toUTC().toString(Qt::ISODate));
}

QStringList AwsCredentials::secrets() const
{
    QStringList values;
    if (!secretAccessKey.isEmpty())
        values << secretAccessKey;
    if (!sessionToken.isEmpty())
        values << sessionToken;
    return values;
}

} // namespace swb
