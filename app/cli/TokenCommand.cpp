// swb token: the workspace's token service from the command line — issue a signed JWT, print
// the JWKS that verifies it, or check a token the way the gateway's JWT authorizer does.
#include "Commands.h"

#include "auth/Jwks.h"
#include "auth/JwtVerifier.h"
#include "auth/TokenService.h"
#include "format/WorkspaceFile.h"
#include "model/Workspace.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace swb::cli {

namespace {

// A --claim value: JSON when it parses as a JSON value (42, true, [1,2], {"a":1}, "x"),
// else the text itself.
QJsonValue claimValue(const QString& text)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson("[" + text.toUtf8() + "]", &error);
    if (error.error == QJsonParseError::NoError && doc.isArray() && doc.array().size() == 1)
        return doc.array().at(0);
    return text;
}

Result<auth::TokenService> openTokenService(Console& console, const QString& folder)
{
    auto loaded = WorkspaceFile::load(folder);
    if (!loaded)
        return std::unexpected(loaded.error());
    const Workspace& ws = loaded->workspace;
    auto settings = auth::TokenServiceSettings::fromWorkspace(ws);
    if (!settings)
        return std::unexpected(settings.error());
    auto service = auth::TokenService::open(ws.folder, *settings);
    if (service && service->keyPairCreated())
        console.err() << Tr::tr("Created the workspace's token signing key in %1 (private; keep "
                                "the .swb folder out of version control).")
                             .arg(QDir::toNativeSeparators(
                                 auth::TokenService::privateKeyPath(ws.folder)))
                      << '\n';
    console.err().flush();
    return service;
}

int issue(Console& console, const QCommandLineParser& parser, const QString& command)
{
    const QString user = parser.value(QStringLiteral("user"));
    if (user.trimmed().isEmpty())
        return console.usage(Tr::tr("token issue needs --user NAME (the token's "
                                    "subject)."),
                             command);
    auth::TokenRequest request;
    request.subject = user;
    for (const QString& scope : parser.values(QStringLiteral("scope")))
        request.scopes += scope.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (const QString& claim : parser.values(QStringLiteral("claim"))) {
        const qsizetype eq = claim.indexOf(QLatin1Char('='));
        if (eq <= 0)
            return console.usage(
                Tr::tr("--claim needs NAME=VALUE, not \"%1\".").arg(claim.left(eq < 0 ? 40 : eq)),
                command);
        const QString name = claim.left(eq);
        if (request.extraClaims.contains(name))
            return console.usage(Tr::tr("--claim %1 is given twice.").arg(name), command);
        request.extraClaims.insert(name, claimValue(claim.mid(eq + 1)));
    }
    if (parser.isSet(QStringLiteral("ttl"))) {
        const auto ttl = auth::parseTtl(parser.value(QStringLiteral("ttl")));
        if (!ttl)
            return console.usage(QStringLiteral("--ttl: %1").arg(ttl.error().message), command);
        request.ttlSeconds = *ttl;
    }
    auto service = openTokenService(console, workspaceArgument(parser, false));
    if (!service)
        return console.failed(service.error());
    const auto token = service->issue(request, QDateTime::currentSecsSinceEpoch());
    if (!token)
        return console.failed(token.error());
    console.out() << *token << '\n';
    console.out().flush();
    return kSuccess;
}

int verify(Console& console, const QCommandLineParser& parser, const QString& command)
{
    const QStringList positional = parser.positionalArguments();
    QByteArray token;
    if (positional.size() == 2 && positional[1] != QLatin1String("-")) {
        token = positional[1].toLatin1();
    } else if (positional.size() <= 2) {
        // From stdin: keeps the token out of the shell history and the process list.
        QFile in;
        if (!in.open(stdin, QIODevice::ReadOnly))
            return console.usage(Tr::tr("token verify needs a TOKEN (or - to read it "
                                        "from stdin)."),
                                 command);
        token = in.read(auth::kMaxJwtBytes + 2).trimmed();
    } else {
        return console.usage(Tr::tr("token verify takes one TOKEN."), command);
    }
    auto service = openTokenService(console, workspaceArgument(parser, false));
    if (!service)
        return console.failed(service.error());
    const auto verified = auth::verifyJwt(
        token, service->publicKeys(), service->expectations(QDateTime::currentSecsSinceEpoch()));
    if (!verified) {
        console.err() << Tr::tr("The token was refused (%1): %2")
                             .arg(auth::jwtProblemName(verified.error().problem),
                                  verified.error().message)
                      << '\n';
        console.err().flush();
        return kFailed;
    }
    console.printJson(
        QJsonObject{{QStringLiteral("header"), verified->header},
                    {QStringLiteral("claims"), verified->claims},
                    {QStringLiteral("scopes"), QJsonArray::fromStringList(verified->scopes)}});
    return kSuccess;
}

} // namespace

int runToken(Console& console, const QStringList& args)
{
    const QString command = QStringLiteral("token");
    QCommandLineParser parser;
    parser.setApplicationDescription(Tr::tr(
        "The workspace's token service: RS256 JWTs signed with a key pair kept in "
        ".swb/tokens/ (made on first use; the private key is never printed).\n"
        "  issue --user NAME [--scope S ...] [--claim NAME=VALUE ...] [--ttl 1h]\n"
        "                 prints a signed token (iss, sub, aud, iat, nbf, exp, jti, scope)\n"
        "  jwks           prints the public keys (what swb serve publishes at "
        "/.well-known/jwks.json)\n"
        "  verify TOKEN   checks a token (- or nothing: read from stdin) against the workspace's "
        "keys, issuer and audience; prints its header, claims and scopes, or why it was "
        "refused (exit 1)\n"
        "Issuer, audience and the default lifetime come from workbench.json's \"tokenService\" "
        "(see docs/auth.md)."));
    parser.addPositionalArgument(QStringLiteral("ACTION"), Tr::tr("issue, jwks or verify"));
    parser.addOption(workspaceOption());
    parser.addOption({QStringLiteral("user"), Tr::tr("For issue: the subject (\"sub\")."),
                      QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("scope"), Tr::tr("For issue: a scope; repeat for more."),
                      QStringLiteral("S")});
    parser.addOption({QStringLiteral("claim"),
                      Tr::tr("For issue: an extra claim; VALUE is JSON when it parses "
                             "(42, true, [\"a\"]), else text. Repeat for more."),
                      QStringLiteral("NAME=VALUE")});
    parser.addOption({QStringLiteral("ttl"),
                      Tr::tr("For issue: the lifetime, such as 30s, 15m, 1h or 7d "
                             "(default: the workspace's, else 1h)."),
                      QStringLiteral("DURATION")});
    if (const auto exit = parseCommandLine(
            parser, args, console, command,
            QStringLiteral("issue --user NAME [--scope S ...] [--claim NAME=VALUE ...] "
                           "[--ttl 1h] | jwks | verify [TOKEN|-]  [--workspace DIR]")))
        return *exit;
    const QStringList positional = parser.positionalArguments();
    const QString action = positional.value(0);
    if (action == QLatin1String("issue")) {
        if (positional.size() != 1)
            return console.usage(Tr::tr("token issue takes no arguments, only options."), command);
        return issue(console, parser, command);
    }
    if (action == QLatin1String("jwks")) {
        if (positional.size() != 1)
            return console.usage(Tr::tr("token jwks takes no arguments."), command);
        auto service = openTokenService(console, workspaceArgument(parser, false));
        if (!service)
            return console.failed(service.error());
        console.printJson(service->publicKeys().toJson());
        return kSuccess;
    }
    if (action == QLatin1String("verify"))
        return verify(console, parser, command);
    return console.usage(Tr::tr("token needs an action: issue, jwks or verify."), command);
}

} // namespace swb::cli
