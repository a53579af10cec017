#pragma once
// The Kudu credentials in an App Service publish profile (.PublishSettings): which profile to
// use (ZipDeploy, else MSDeploy), the SCM host, the deployment user and password, the app's
// own address. Parsing never quotes the file back: it holds a password.

#include "Error.h"

#include <QByteArray>
#include <QString>
#include <QUrl>

namespace swb {

struct PublishProfile {
    QString file;              // where it was read from, for messages; empty when parsed from bytes
    QString profileName;       // "app - Zip Deploy"
    QString publishMethod;     // "ZipDeploy" or "MSDeploy"
    QString publishUrl;        // "app.scm.azurewebsites.net:443", as written
    QString siteName;          // msdeploySite, else the user name without its '$'
    QString userName;          // "$app"
    QString password;          // userPWD: a secret
    QString destinationAppUrl; // "https://app.azurewebsites.net"

    // https://<publishUrl host>[:port], the Kudu (SCM) site.
    QUrl kuduUrl() const;

    // Reads <publishData><publishProfile .../></publishData>, picking the ZipDeploy profile,
    // else the MSDeploy one. `file` names the source in error messages.
    static Result<PublishProfile> parse(const QByteArray& xml, const QString& file = {});
    static Result<PublishProfile> load(const QString& path);
};

} // namespace swb
