// "tokenService" in workbench.json: the token service's issuer, audience and default lifetime
// (docs/auth.md), read, checked, and written back with unknown keys kept.
#include "format/WorkspaceFile.h"

#include <QTest>

// (Strings holding "//" are not raw strings: moc's preprocessor reads "//" in one as a comment.)

using namespace swb;

namespace {

QByteArray workspaceJson(const QByteArray& tokenService)
{
    return R"({"name": "shop", "functions": [], "tokenService": )" + tokenService + "}\n";
}

QString problems(const Result<LoadedWorkspace>& loaded)
{
    if (loaded)
        return {};
    QStringList out;
    for (const Diagnostic& d : loaded.error().diagnostics)
        if (d.severity == Severity::Error)
            out << d.pointer + QLatin1Char(' ') + d.message;
    return out.join(QLatin1Char('\n'));
}

} // namespace

class tst_WorkspaceTokenService : public QObject {
    Q_OBJECT
private slots:
    void readsTheSettings()
    {
        const auto loaded = WorkspaceFile::parse(
            workspaceJson("{\"issuer\": \"https://auth.example.com/\", \"audience\": "
                          "[\"a\", \"b\"], \"defaultTtl\": \"15m\"}"),
            QStringLiteral("/tmp/shop"));
        QVERIFY2(loaded, qPrintable(problems(loaded)));
        const TokenServiceSpec& t = loaded->workspace.tokenService;
        QCOMPARE(t.issuer, QStringLiteral("https://auth.example.com/"));
        QCOMPARE(t.audiences, (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
        QCOMPARE(t.defaultTtl, QStringLiteral("15m"));
        QVERIFY(loaded->warnings.isEmpty());
    }

    void takesASingleAudienceAsAString()
    {
        const auto loaded = WorkspaceFile::parse(workspaceJson(R"({"audience": "orders"})"),
                                                 QStringLiteral("/tmp/x"));
        QVERIFY2(loaded, qPrintable(problems(loaded)));
        QCOMPARE(loaded->workspace.tokenService.audiences, QStringList{QStringLiteral("orders")});
    }

    void absentMeansDefaultsAndIsNotWritten()
    {
        const auto loaded = WorkspaceFile::parse(R"({"functions": []})", QStringLiteral("/tmp/x"));
        QVERIFY(loaded);
        QVERIFY(loaded->workspace.tokenService.isDefault());
        QVERIFY(!WorkspaceFile::serialize(loaded->workspace).contains("tokenService"));
    }

    void writesItBackWithUnknownKeys()
    {
        const auto loaded = WorkspaceFile::parse(
            workspaceJson("{\"issuer\": \"https://i.test\", \"audience\": \"api\", "
                          "\"defaultTtl\": \"7d\", \"rotation\": \"monthly\"}"),
            QStringLiteral("/tmp/x"));
        QVERIFY2(loaded, qPrintable(problems(loaded)));
        QCOMPARE(loaded->warnings.size(), 1); // "rotation" is kept but not used
        QVERIFY(loaded->warnings.first().pointer.startsWith(QStringLiteral("/tokenService/")));
        const QByteArray text = WorkspaceFile::serialize(loaded->workspace);
        const auto again = WorkspaceFile::parse(text, QStringLiteral("/tmp/x"));
        QVERIFY2(again, text.constData());
        const TokenServiceSpec& t = again->workspace.tokenService;
        QCOMPARE(t.issuer, QStringLiteral("https://i.test"));
        QCOMPARE(t.audiences, QStringList{QStringLiteral("api")});
        QCOMPARE(t.defaultTtl, QStringLiteral("7d"));
        QCOMPARE(t.extensions.value(QStringLiteral("rotation")).toString(),
                 QStringLiteral("monthly"));
        QCOMPARE(WorkspaceFile::serialize(again->workspace), text);
    }

    void rejectsBadSettings_data()
    {
        QTest::addColumn<QByteArray>("tokenService");
        QTest::addColumn<QString>("pointer");
        QTest::newRow("not an object") << QByteArray("\"x\"") << QStringLiteral("/tokenService");
        QTest::newRow("issuer a number")
            << QByteArray(R"({"issuer": 5})") << QStringLiteral("/tokenService/issuer");
        QTest::newRow("audience a number")
            << QByteArray(R"({"audience": 5})") << QStringLiteral("/tokenService/audience");
        QTest::newRow("audience item a number") << QByteArray(R"({"audience": ["a", 5]})")
                                                << QStringLiteral("/tokenService/audience/1");
        QTest::newRow("audience empty")
            << QByteArray(R"({"audience": [""]})") << QStringLiteral("/tokenService/audience/0");
        QTest::newRow("audience twice") << QByteArray(R"({"audience": ["a", "a"]})")
                                        << QStringLiteral("/tokenService/audience/1");
        QTest::newRow("ttl without unit")
            << QByteArray(R"({"defaultTtl": "60"})") << QStringLiteral("/tokenService/defaultTtl");
        QTest::newRow("ttl zero") << QByteArray(R"({"defaultTtl": "0m"})")
                                  << QStringLiteral("/tokenService/defaultTtl");
        QTest::newRow("ttl over a year") << QByteArray(R"({"defaultTtl": "366d"})")
                                         << QStringLiteral("/tokenService/defaultTtl");
        QTest::newRow("ttl a number")
            << QByteArray(R"({"defaultTtl": 3600})") << QStringLiteral("/tokenService/defaultTtl");
    }

    void rejectsBadSettings()
    {
        QFETCH(QByteArray, tokenService);
        QFETCH(QString, pointer);
        const auto loaded =
            WorkspaceFile::parse(workspaceJson(tokenService), QStringLiteral("/tmp/x"));
        QVERIFY(!loaded);
        QVERIFY2(problems(loaded).contains(pointer + QLatin1Char(' ')),
                 qPrintable(problems(loaded)));
        for (const Diagnostic& d : loaded.error().diagnostics)
            QVERIFY(d.line > 0); // placed in the file
    }
};

QTEST_GUILESS_MAIN(tst_WorkspaceTokenService)
#include "tst_WorkspaceTokenService.moc"
