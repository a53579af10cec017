#pragma once
// The wsk CLI's settings file (~/.wskprops, or $WSK_CONFIG_FILE): KEY=VALUE lines naming the
// API host, the key ("uuid:key") and the namespace. Read-only: the CLI owns the file.

#include "Error.h"

#include <QProcessEnvironment>
#include <QString>

namespace swb {

struct WskProps {
    QString path;          // the file read (empty when there was none)
    QString apiHost;       // APIHOST, as written (a host, host:port or URL)
    QString auth;          // AUTH, "uuid:key"; a secret
    QString namespaceName; // NAMESPACE; empty when the file does not set it

    // $WSK_CONFIG_FILE when set, else <home>/.wskprops (home empty: the user's home).
    static QString location(const QProcessEnvironment& environment, const QString& homeFolder);
    // A missing file is NotFound; a line that is not KEY=VALUE, a comment or blank is a Parse
    // error naming the file and line (the line itself is never quoted: it may hold the key).
    // Keys the workbench does not use (APIGW_ACCESS_TOKEN, APIVERSION, …) are ignored.
    static Result<WskProps> read(const QString& path);
};

} // namespace swb
