// "authorizers" in workbench.json and the http triggers that name them: reading, saving, and
// the located diagnostics for what API Gateway would refuse.
#include "format/WorkspaceFile.h"

#include "TestFiles.h"

#include <QTemporaryDir>
#include <QTest>

using namespace swb;
using swb::test::writeFile;

namespace {

QByteArray workspaceJson(const QByteArray& authorizers, const QByteArray& triggerExtra)
{
    QByteArray json = R"json({"name": "shop", "functions": [
        {"name": "orders", "runtime": "python3.12", "handler": "app.handler", "codeUri": "code",
         "triggers": [{"type": "http", "method": "GET", "path": "/orders")json";
    json += triggerExtra;
    json += R"json(}]},
        {"name": "authfn", "runtime": "python3.12", "handler": "app.handler", "codeUri": "code"}])json";
    if (!authorizers.isEmpty())
        json += ", \"authorizers\": " + authorizers;
    return json + "}\n";
}

Result<LoadedWorkspace> load(const QString& folder, const QByteArray& json)
{
    if (!writeFile(folder, QStringLiteral("workbench.json"), json) ||
        !writeFile(folder, QStringLiteral("code/app.py"), "def handler(e, c):\n    return 1\n"))
        return fail(ErrorCode::Io, QStringLiteral("cannot write the fixture"));
    return WorkspaceFile::load(folder);
}

QString errors(const Result<LoadedWorkspace>& loaded)
{
    if (loaded)
        return {};
    QStringList out;
    for (const Diagnostic& d : loaded.error().diagnostics) {
        if (d.severity == Severity::Error)
            out << QStringLiteral("%1 (line %2) %3").arg(d.pointer).arg(d.line).arg(d.message);
    }
    return out.join(QLatin1Char('\n'));
}

// (Plain literals: moc 6.4 loses the classes after some raw strings.)
const QByteArray kBoth =
    "{\"jwt\": {\"type\": \"jwt\", \"issuer\": \"https://issuer.example.com/pool\", "
    "\"audience\": [\"app\"]},"
    " \"lambda\": {\"type\": \"request\", \"function\": \"authfn\", \"identitySource\": "
    "[\"$request.header.Authorization\", \"$request.querystring.tenant\"], "
    "\"resultTtlSeconds\": 60, \"payloadFormat\": \"2.0\", \"simpleResponses\": true}}";

} // namespace

class tst_WorkspaceAuthorizers : public QObject {
    Q_OBJECT
private slots:
    void readsAuthorizersAndTriggerReferences();
    void jwtDefaultsToTheAuthorizationHeader();
    void savesAndReadsBack();
    void rejectsBadDeclarations_data();
    void rejectsBadDeclarations();
};

void tst_WorkspaceAuthorizers::readsAuthorizersAndTriggerReferences()
{
    QTemporaryDir dir;
    const auto loaded = load(
        dir.path(), workspaceJson(kBoth, R"(, "authorizer": "jwt", "scopes": ["orders:read"])"));
    QVERIFY2(loaded.has_value(), qPrintable(errors(loaded)));
    const Workspace& ws = loaded->workspace;
    QCOMPARE(ws.authorizers.size(), 2);
    const AuthorizerSpec* jwt = ws.authorizer(QStringLiteral("jwt"));
    QVERIFY(jwt);
    QCOMPARE(jwt->type, QStringLiteral("jwt"));
    QCOMPARE(jwt->issuer, QStringLiteral("https://issuer.example.com/pool"));
    QCOMPARE(jwt->audience, QStringList{QStringLiteral("app")});
    const AuthorizerSpec* lambda = ws.authorizer(QStringLiteral("lambda"));
    QVERIFY(lambda);
    QCOMPARE(lambda->function, QStringLiteral("authfn"));
    QCOMPARE(lambda->identitySource.size(), 2);
    QCOMPARE(lambda->resultTtlSeconds, 60);
    QVERIFY(lambda->simpleResponses);
    const TriggerSpec& t = ws.functions.first().triggers.first();
    QCOMPARE(t.authorizer, QStringLiteral("jwt"));
    QCOMPARE(t.scopes, QStringList{QStringLiteral("orders:read")});
    QVERIFY(loaded->warnings.isEmpty());
}

void tst_WorkspaceAuthorizers::jwtDefaultsToTheAuthorizationHeader()
{
    QTemporaryDir dir;
    const auto loaded = load(
        dir.path(), workspaceJson(R"({"local": {"type": "jwt"}})", R"(, "authorizer": "local")"));
    QVERIFY2(loaded.has_value(), qPrintable(errors(loaded)));
    const AuthorizerSpec* a = loaded->workspace.authorizer(QStringLiteral("local"));
    QCOMPARE(a->identitySource, QStringList{QStringLiteral("$request.header.Authorization")});
    QVERIFY(a->issuer.isEmpty());
}

void tst_WorkspaceAuthorizers::savesAndReadsBack()
{
    QTemporaryDir dir;
    const auto loaded =
        load(dir.path(), workspaceJson(kBoth, R"(, "authorizer": "jwt", "scopes": ["a", "b"])"));
    QVERIFY2(loaded.has_value(), qPrintable(errors(loaded)));
    QVERIFY(WorkspaceFile::save(loaded->workspace).has_value());
    const auto again = WorkspaceFile::load(dir.path());
    QVERIFY2(again.has_value(), qPrintable(errors(again)));
    QCOMPARE(WorkspaceFile::serialize(again->workspace),
             WorkspaceFile::serialize(loaded->workspace));
    QCOMPARE(again->workspace.functions.first().triggers.first().scopes,
             (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
    const AuthorizerSpec* lambda = again->workspace.authorizer(QStringLiteral("lambda"));
    QCOMPARE(lambda->identitySource.size(), 2);
    QCOMPARE(lambda->payloadFormat, QStringLiteral("2.0"));
    // A jwt authorizer's one identity source is written as a string, as it was read.
    QVERIFY(WorkspaceFile::serialize(again->workspace)
                .contains("\"identitySource\": \"$request.header.Authorization\""));
}

void tst_WorkspaceAuthorizers::rejectsBadDeclarations_data()
{
    QTest::addColumn<QByteArray>("authorizers");
    QTest::addColumn<QByteArray>("trigger");
    QTest::addColumn<QString>("pointer");
    QTest::addColumn<QString>("words");
    QTest::newRow("unknown authorizer on a trigger")
        << kBoth << QByteArray(R"(, "authorizer": "nope")")
        << QStringLiteral("/functions/0/triggers/0/authorizer") << QStringLiteral("nope");
    QTest::newRow("no authorizers at all")
        << QByteArray() << QByteArray(R"(, "authorizer": "jwt")")
        << QStringLiteral("/functions/0/triggers/0/authorizer") << QStringLiteral("authorizers");
    QTest::newRow("scopes without authorizer")
        << kBoth << QByteArray(R"(, "scopes": ["a"])")
        << QStringLiteral("/functions/0/triggers/0/scopes") << QStringLiteral("authorizer");
    QTest::newRow("scopes on a request authorizer")
        << kBoth << QByteArray(R"(, "authorizer": "lambda", "scopes": ["a"])")
        << QStringLiteral("/functions/0/triggers/0/scopes") << QStringLiteral("jwt");
    QTest::newRow("missing function")
        << QByteArray(R"({"l": {"type": "request", "function": "gone"}})") << QByteArray()
        << QStringLiteral("/authorizers/l/function") << QStringLiteral("gone");
    QTest::newRow("no function") << QByteArray(R"({"l": {"type": "request"}})") << QByteArray()
                                 << QStringLiteral("/authorizers/l") << QStringLiteral("function");
    QTest::newRow("ttl above 3600")
        << QByteArray(R"({"l": {"type": "request", "function": "authfn", "resultTtlSeconds": 3601,
            "identitySource": ["$request.header.A"]}})")
        << QByteArray() << QStringLiteral("/authorizers/l/resultTtlSeconds")
        << QStringLiteral("3600");
    QTest::newRow("negative ttl")
        << QByteArray(R"({"l": {"type": "request", "function": "authfn", "resultTtlSeconds": -1}})")
        << QByteArray() << QStringLiteral("/authorizers/l/resultTtlSeconds")
        << QStringLiteral("range");
    QTest::newRow("cache without identity")
        << QByteArray(R"({"l": {"type": "request", "function": "authfn", "resultTtlSeconds": 5}})")
        << QByteArray() << QStringLiteral("/authorizers/l/identitySource")
        << QStringLiteral("cache");
    QTest::newRow("bad payload format")
        << QByteArray(R"({"l": {"type": "request", "function": "authfn", "payloadFormat": "3.0"}})")
        << QByteArray() << QStringLiteral("/authorizers/l/payloadFormat") << QStringLiteral("3.0");
    QTest::newRow("simple responses with 1.0")
        << QByteArray(R"({"l": {"type": "request", "function": "authfn", "payloadFormat": "1.0",
            "simpleResponses": true}})")
        << QByteArray() << QStringLiteral("/authorizers/l/simpleResponses")
        << QStringLiteral("2.0");
    QTest::newRow("unknown type") << QByteArray(R"({"l": {"type": "iam"}})") << QByteArray()
                                  << QStringLiteral("/authorizers/l/type") << QStringLiteral("iam");
    QTest::newRow("bad identity source")
        << QByteArray(R"({"j": {"type": "jwt", "identitySource": "Authorization"}})")
        << QByteArray() << QStringLiteral("/authorizers/j/identitySource")
        << QStringLiteral("$request.header");
    QTest::newRow("bad issuer") << QByteArray(
                                       R"({"j": {"type": "jwt", "issuer": "issuer.example.com"}})")
                                << QByteArray() << QStringLiteral("/authorizers/j/issuer")
                                << QStringLiteral("URL");
    QTest::newRow("jwt with two sources")
        << QByteArray(R"({"j": {"type": "jwt", "identitySource": ["$request.header.A",
            "$request.header.B"]}})")
        << QByteArray() << QStringLiteral("/authorizers/j/identitySource") << QStringLiteral("one");
    QTest::newRow("audience not a string")
        << QByteArray(R"({"j": {"type": "jwt", "audience": [1]}})") << QByteArray()
        << QStringLiteral("/authorizers/j/audience/0") << QStringLiteral("string");
}

void tst_WorkspaceAuthorizers::rejectsBadDeclarations()
{
    QFETCH(QByteArray, authorizers);
    QFETCH(QByteArray, trigger);
    QFETCH(QString, pointer);
    QFETCH(QString, words);
    QTemporaryDir dir;
    const auto loaded = load(dir.path(), workspaceJson(authorizers, trigger));
    QVERIFY(!loaded.has_value());
    bool found = false;
    for (const Diagnostic& d : loaded.error().diagnostics) {
        if (d.severity == Severity::Error && d.pointer == pointer && d.message.contains(words)) {
            found = true;
            QVERIFY2(d.line > 0, qPrintable(d.pointer)); // located in the file
        }
    }
    QVERIFY2(found, qPrintable(errors(loaded)));
}

QTEST_GUILESS_MAIN(tst_WorkspaceAuthorizers)
#include "tst_WorkspaceAuthorizers.moc"
