// Where each answer of the credential set-up goes: secrets to the keychain or AWS's own file,
// the rest into the deploy target — and never a secret into the target (workbench.json).
#include "TestFiles.h"
#include "common/CredentialForms.h"
#include "settings/InMemorySecretStore.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace swb;

namespace {

Result<DeployTarget> save(const QString& provider, DeployTarget target,
                          const QMap<QString, QString>& values, SecretStore* secrets,
                          const QString& home = {})
{
    std::optional<Result<DeployTarget>> result;
    saveCredentials(credentialForm(provider), std::move(target), values, secrets, home,
                    [&](Result<DeployTarget> r) { result = std::move(r); });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 5000))
        return fail(ErrorCode::Internal, QStringLiteral("no answer"));
    return *result;
}

QString targetText(const DeployTarget& t)
{
    return t.name + t.provider + t.region + t.endpoint +
           QString::fromUtf8(QJsonDocument(t.extensions).toJson());
}

} // namespace

class tst_CredentialForms : public QObject {
    Q_OBJECT
private slots:
    void everyPlatformHasAFormAndTheLocalStageNeedsNone()
    {
        for (const char* id : {"aws", "azure", "gcp", "openwhisk"}) {
            const CredentialForm form = credentialForm(QString::fromLatin1(id));
            QVERIFY2(!form.fields.isEmpty(), id);
            QVERIFY(!form.intro.isEmpty());
        }
        QVERIFY(credentialForm(QStringLiteral("local")).fields.isEmpty());
    }

    void openWhiskKeyGoesToTheKeychainOnly()
    {
        InMemorySecretStore store;
        const auto saved = save("openwhisk", DeployTarget{"prod", "openwhisk", {}, {}, {}},
                                {{"apiHost", "https://wsk.example.com"},
                                 {"namespace", "team"},
                                 {"auth", "23bc46b1-71f6:123zO3xZCLrMN6v2BKK1"}},
                                &store);
        QVERIFY2(saved, saved ? "" : qPrintable(saved.error().message));
        QCOMPARE(saved->endpoint, QStringLiteral("https://wsk.example.com"));
        QCOMPARE(saved->extensions.value("namespace").toString(), QStringLiteral("team"));
        QCOMPARE(store.keys(), QStringList{"openwhisk/prod/auth"});
        QVERIFY(!targetText(*saved).contains("123zO3xZCLrMN6v2BKK1"));
        std::optional<Result<QString>> read;
        store.readSecret("openwhisk/prod/auth", [&](Result<QString> r) { read = r; });
        QTRY_VERIFY(read.has_value());
        QCOMPARE(**read, QStringLiteral("23bc46b1-71f6:123zO3xZCLrMN6v2BKK1"));
        // The form shows the non-secret values back, never the key.
        const auto values = credentialValues(credentialForm("openwhisk"), *saved);
        QCOMPARE(values.value("apiHost"), QStringLiteral("https://wsk.example.com"));
        QVERIFY(!values.contains("auth"));
    }

    void anEmptySecretKeepsTheStoredOne()
    {
        InMemorySecretStore store;
        const auto saved = save("openwhisk", DeployTarget{"prod", "openwhisk", {}, {}, {}},
                                {{"apiHost", "https://wsk.example.com"}}, &store);
        QVERIFY(saved);
        QVERIFY(store.keys().isEmpty());
    }

    void awsKeysGoToTheSharedCredentialsFile()
    {
        QTemporaryDir home;
        const auto saved = save("aws", DeployTarget{"prod", "aws", {}, {}, {}},
                                {{"profile", "deployer"},
                                 {"accessKeyId", "AKIAIOSFODNN7EXAMPLE"},
                                 {"secretAccessKey", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"},
                                 {"region", "eu-west-1"},
                                 {"role", "arn:aws:iam::123456789012:role/lambda"}},
                                nullptr, home.path());
        QVERIFY2(saved, saved ? "" : qPrintable(saved.error().message));
        QCOMPARE(saved->region, QStringLiteral("eu-west-1"));
        QCOMPARE(saved->extensions.value("profile").toString(), QStringLiteral("deployer"));
        QVERIFY(!targetText(*saved).contains("wJalrXUtnFEMI"));
        QVERIFY(test::readFile(home.filePath(".aws/credentials")).contains("[deployer]"));
        QVERIFY(test::readFile(home.filePath(".aws/credentials")).contains("wJalrXUtnFEMI"));
        QVERIFY(test::readFile(home.filePath(".aws/config")).contains("[profile deployer]"));
        // Half a key pair is refused rather than half written.
        QTemporaryDir other;
        const auto half = save("aws", DeployTarget{"prod", "aws", {}, {}, {}},
                               {{"profile", "x"}, {"accessKeyId", "AKIA"}, {"region", "eu-west-1"}},
                               nullptr, other.path());
        QVERIFY(!half);
        QVERIFY(!QFile::exists(other.filePath(".aws/credentials")));
    }

    void gcpKeyFileContentIsKeptNotItsPath()
    {
        QTemporaryDir dir;
        QVERIFY(test::writeFile(dir.path(), "key.json", R"({"type": "service_account"})"));
        InMemorySecretStore store;
        const auto saved =
            save("gcp", DeployTarget{"g", "gcp", {}, {}, {}},
                 {{"project", "demo-1"}, {"keyFile", dir.filePath("key.json")}}, &store);
        QVERIFY(saved);
        QCOMPARE(store.keys(), QStringList{"gcp/g/service_account_json"});
        QVERIFY(!targetText(*saved).contains("key.json"));
        const auto missing = save("gcp", DeployTarget{"g", "gcp", {}, {}, {}},
                                  {{"keyFile", dir.filePath("nope.json")}}, &store);
        QVERIFY(!missing);
        QVERIFY(missing.error().message.contains("nope.json"));
    }

    void requiredFieldsAndAMissingKeychainAreSaid()
    {
        const auto noApp = save("azure", DeployTarget{"a", "azure", {}, {}, {}}, {}, nullptr);
        QVERIFY(!noApp);
        QVERIFY(noApp.error().message.contains("Function app"));
        const auto noStore = save("openwhisk", DeployTarget{"p", "openwhisk", {}, {}, {}},
                                  {{"apiHost", "https://h"}, {"auth", "k"}}, nullptr);
        QVERIFY(!noStore);
        QCOMPARE(noStore.error().code, ErrorCode::Unsupported);
    }
};

QTEST_GUILESS_MAIN(tst_CredentialForms)
#include "tst_CredentialForms.moc"
