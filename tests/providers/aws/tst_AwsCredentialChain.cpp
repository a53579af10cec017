#include "aws/AwsCredentialChain.h"

#include "TestFiles.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

using namespace swb;

// File layouts and precedence follow the AWS CLI user guide ("Configuration and credential
// file settings", "Environment variables to configure the AWS CLI", "Use an IAM role in the
// AWS CLI"): [default] and [NAME] in credentials, [default] and [profile NAME] in config,
// role_arn + source_profile (+ role_session_name, external_id, duration_seconds).

namespace {

// AWS's documented example key pair (IAM user guide); never a real one.
const QString kId = QStringLiteral("AKIAIOSFODNN7EXAMPLE");
const QString kSecret = QStringLiteral("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
const QString kEnvSecret = QStringLiteral("je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY");

QProcessEnvironment env(std::initializer_list<std::pair<const char*, QString>> values)
{
    QProcessEnvironment e;
    for (const auto& [name, value] : values)
        e.insert(QString::fromLatin1(name), value);
    return e;
}

} // namespace

class tst_AwsCredentialChain : public QObject {
    Q_OBJECT
private slots:
    void init();
    void environmentVariablesComeFirst();
    void awsProfileKeepsEnvironmentKeysButAnExplicitProfileDoesNot();
    void readsTheDefaultProfileAndItsRegion();
    void readsNamedProfilesFromEitherFile();
    void credentialsFileWinsOverConfigFile();
    void honoursFileLocationVariables();
    void regionPrecedence_data();
    void regionPrecedence();
    void roleProfileIsAPlanNotCredentials();
    void rolesChainThroughSourceProfiles();
    void roleProfileMayBeItsOwnSource();
    void skipsCommentsAndNestedSettings();
    void reportsBadInput_data();
    void reportsBadInput();
    void neverShowsTheSecret();

private:
    void write(const QString& relative, const QByteArray& text)
    {
        QVERIFY(test::writeFile(m_home->path(), relative, text));
    }
    QString path(const QString& relative) const { return QDir(m_home->path()).filePath(relative); }
    AwsCredentialChain chain(const QProcessEnvironment& e = {}) const
    {
        return AwsCredentialChain(e, m_home->path());
    }

    std::unique_ptr<QTemporaryDir> m_home;
};

void tst_AwsCredentialChain::init()
{
    m_home = std::make_unique<QTemporaryDir>();
    QVERIFY(m_home->isValid());
}

void tst_AwsCredentialChain::environmentVariablesComeFirst()
{
    write(".aws/credentials", "[default]\naws_access_key_id = AKIDFILE\n"
                              "aws_secret_access_key = file-secret\n");
    const auto r = chain(env({{"AWS_ACCESS_KEY_ID", "ASIAENV"},
                              {"AWS_SECRET_ACCESS_KEY", kEnvSecret},
                              {"AWS_SESSION_TOKEN", "env-token"}}))
                       .resolve();
    QVERIFY2(r, qPrintable(r ? QString() : r.error().message));
    QCOMPARE(r->credentials.accessKeyId, QStringLiteral("ASIAENV"));
    QCOMPARE(r->credentials.secretAccessKey, kEnvSecret);
    QCOMPARE(r->credentials.sessionToken, QStringLiteral("env-token"));
    QCOMPARE(r->source(), QStringLiteral("environment variables"));
    QVERIFY(!r->needsAssumeRole());
}

void tst_AwsCredentialChain::awsProfileKeepsEnvironmentKeysButAnExplicitProfileDoesNot()
{
    write(".aws/credentials", "[dev]\naws_access_key_id = AKIDDEV\naws_secret_access_key = dev\n");
    const QProcessEnvironment e = env({{"AWS_ACCESS_KEY_ID", "AKIDENV"},
                                       {"AWS_SECRET_ACCESS_KEY", kEnvSecret},
                                       {"AWS_PROFILE", "dev"}});
    const auto viaVariable = chain(e).resolve();
    QVERIFY(viaVariable);
    QCOMPARE(viaVariable->credentials.accessKeyId, QStringLiteral("AKIDENV"));

    const auto explicitProfile = chain(e).resolve(QStringLiteral("dev"));
    QVERIFY(explicitProfile);
    QCOMPARE(explicitProfile->credentials.accessKeyId, QStringLiteral("AKIDDEV"));
    QCOMPARE(explicitProfile->profile, QStringLiteral("dev"));
    QCOMPARE(explicitProfile->source(),
             QStringLiteral("profile 'dev' in %1").arg(path(".aws/credentials")));
}

void tst_AwsCredentialChain::readsTheDefaultProfileAndItsRegion()
{
    write(".aws/credentials", "[default]\naws_access_key_id = " + kId.toUtf8() +
                                  "\naws_secret_access_key = " + kSecret.toUtf8() + "\n");
    write(".aws/config", "[default]\nregion = us-west-2\noutput = json\n");
    const auto r = chain().resolve();
    QVERIFY2(r, qPrintable(r ? QString() : r.error().message));
    QCOMPARE(r->credentials.accessKeyId, kId);
    QCOMPARE(r->credentials.secretAccessKey, kSecret);
    QVERIFY(r->credentials.sessionToken.isEmpty());
    QCOMPARE(r->profile, QStringLiteral("default"));
    QCOMPARE(r->region, QStringLiteral("us-west-2"));
    QCOMPARE(r->regionSource, QStringLiteral("profile 'default' in %1").arg(path(".aws/config")));
    QCOMPARE(r->source(), QStringLiteral("profile 'default' in %1").arg(path(".aws/credentials")));
}

void tst_AwsCredentialChain::readsNamedProfilesFromEitherFile()
{
    write(".aws/credentials", "[ci]\naws_access_key_id = AKIDCI\naws_secret_access_key = ci\n"
                              "aws_session_token = ci-token\n");
    write(".aws/config", "[profile dev]\naws_access_key_id = AKIDDEV\n"
                         "aws_secret_access_key = dev\nregion = eu-central-1\n");
    const auto dev = chain(env({{"AWS_PROFILE", "dev"}})).resolve();
    QVERIFY(dev);
    QCOMPARE(dev->credentials.accessKeyId, QStringLiteral("AKIDDEV"));
    QCOMPARE(dev->source(), QStringLiteral("profile 'dev' in %1").arg(path(".aws/config")));
    QCOMPARE(dev->region, QStringLiteral("eu-central-1"));

    const auto ci = chain().resolve(QStringLiteral("ci"));
    QVERIFY(ci);
    QCOMPARE(ci->credentials.sessionToken, QStringLiteral("ci-token"));
    QVERIFY(ci->region.isEmpty());
}

void tst_AwsCredentialChain::credentialsFileWinsOverConfigFile()
{
    write(".aws/credentials", "[dev]\naws_access_key_id = AKIDCRED\naws_secret_access_key = c\n");
    write(".aws/config", "[profile dev]\naws_access_key_id = AKIDCONF\n"
                         "aws_secret_access_key = d\nregion = ap-south-1\n");
    const auto r = chain().resolve(QStringLiteral("dev"));
    QVERIFY(r);
    QCOMPARE(r->credentials.accessKeyId, QStringLiteral("AKIDCRED"));
    QCOMPARE(r->region, QStringLiteral("ap-south-1"));
}

void tst_AwsCredentialChain::honoursFileLocationVariables()
{
    write("elsewhere/creds",
          "[default]\naws_access_key_id = AKIDMOVED\naws_secret_access_key = m\n");
    write("elsewhere/conf", "[default]\nregion = sa-east-1\n");
    const auto c = chain(env({{"AWS_SHARED_CREDENTIALS_FILE", "~/elsewhere/creds"},
                              {"AWS_CONFIG_FILE", path("elsewhere/conf")}}));
    QCOMPARE(c.credentialsFilePath(), path("elsewhere/creds"));
    const auto r = c.resolve();
    QVERIFY(r);
    QCOMPARE(r->credentials.accessKeyId, QStringLiteral("AKIDMOVED"));
    QCOMPARE(r->region, QStringLiteral("sa-east-1"));
}

void tst_AwsCredentialChain::regionPrecedence_data()
{
    QTest::addColumn<QString>("awsRegion");
    QTest::addColumn<QString>("awsDefaultRegion");
    QTest::addColumn<QString>("region");
    QTest::addColumn<QString>("source");
    QTest::newRow("AWS_REGION first") << "eu-west-1"
                                      << "eu-west-2"
                                      << "eu-west-1"
                                      << "AWS_REGION";
    QTest::newRow("then AWS_DEFAULT_REGION") << ""
                                             << "eu-west-2"
                                             << "eu-west-2"
                                             << "AWS_DEFAULT_REGION";
    QTest::newRow("then the profile") << ""
                                      << ""
                                      << "us-east-2"
                                      << "profile";
}

void tst_AwsCredentialChain::regionPrecedence()
{
    QFETCH(QString, awsRegion);
    QFETCH(QString, awsDefaultRegion);
    QFETCH(QString, region);
    QFETCH(QString, source);
    write(".aws/credentials", "[default]\naws_access_key_id = A\naws_secret_access_key = s\n");
    write(".aws/config", "[default]\nregion = us-east-2\n");
    QProcessEnvironment e;
    if (!awsRegion.isEmpty())
        e.insert(QStringLiteral("AWS_REGION"), awsRegion);
    if (!awsDefaultRegion.isEmpty())
        e.insert(QStringLiteral("AWS_DEFAULT_REGION"), awsDefaultRegion);
    const auto r = chain(e).resolve();
    QVERIFY(r);
    QCOMPARE(r->region, region);
    QVERIFY(r->regionSource.startsWith(source));
}

void tst_AwsCredentialChain::roleProfileIsAPlanNotCredentials()
{
    write(".aws/credentials", "[base]\naws_access_key_id = AKIDBASE\n"
                              "aws_secret_access_key = base-secret\n");
    write(".aws/config", "[profile deploy]\n"
                         "role_arn = arn:aws:iam::123456789012:role/deployer\n"
                         "source_profile = base\n"
                         "role_session_name = swb-deploy\n"
                         "external_id = 123ABC\n"
                         "duration_seconds = 1800\n"
                         "region = eu-north-1\n");
    const auto r = chain().resolve(QStringLiteral("deploy"));
    QVERIFY2(r, qPrintable(r ? QString() : r.error().message));
    QVERIFY(r->needsAssumeRole());
    QCOMPARE(r->credentials.accessKeyId, QStringLiteral("AKIDBASE"));
    QCOMPARE(r->roles.size(), 1);
    const AwsRoleStep& role = r->roles.first();
    QCOMPARE(role.profile, QStringLiteral("deploy"));
    QCOMPARE(role.roleArn, QStringLiteral("arn:aws:iam::123456789012:role/deployer"));
    QCOMPARE(role.roleSessionName, QStringLiteral("swb-deploy"));
    QCOMPARE(role.externalId, QStringLiteral("123ABC"));
    QCOMPARE(role.durationSeconds, 1800);
    QCOMPARE(r->region, QStringLiteral("eu-north-1"));
    QCOMPARE(r->source(),
             QStringLiteral("role arn:aws:iam::123456789012:role/deployer (profile 'deploy' in %1) "
                            "assumed with profile 'base' in %2")
                 .arg(path(".aws/config"), path(".aws/credentials")));
}

void tst_AwsCredentialChain::rolesChainThroughSourceProfiles()
{
    write(".aws/credentials", "[base]\naws_access_key_id = AKIDBASE\naws_secret_access_key = b\n");
    write(".aws/config", "[profile hub]\nrole_arn = arn:aws:iam::111111111111:role/hub\n"
                         "source_profile = base\n"
                         "[profile spoke]\nrole_arn = arn:aws:iam::222222222222:role/spoke\n"
                         "source_profile = hub\n");
    const auto r = chain().resolve(QStringLiteral("spoke"));
    QVERIFY2(r, qPrintable(r ? QString() : r.error().message));
    QCOMPARE(r->roles.size(), 2);
    QCOMPARE(r->roles[0].roleArn, QStringLiteral("arn:aws:iam::111111111111:role/hub"));
    QCOMPARE(r->roles[1].roleArn, QStringLiteral("arn:aws:iam::222222222222:role/spoke"));
    QCOMPARE(r->credentials.accessKeyId, QStringLiteral("AKIDBASE"));
}

void tst_AwsCredentialChain::roleProfileMayBeItsOwnSource()
{
    write(".aws/credentials", "[ops]\naws_access_key_id = AKIDOPS\naws_secret_access_key = o\n");
    write(".aws/config", "[profile ops]\nrole_arn = arn:aws:iam::123456789012:role/ops\n"
                         "source_profile = ops\n");
    const auto r = chain().resolve(QStringLiteral("ops"));
    QVERIFY2(r, qPrintable(r ? QString() : r.error().message));
    QCOMPARE(r->credentials.accessKeyId, QStringLiteral("AKIDOPS"));
    QCOMPARE(r->roles.size(), 1);
}

void tst_AwsCredentialChain::skipsCommentsAndNestedSettings()
{
    write(".aws/credentials", "# keys for the sandbox\n\n[default]\r\n"
                              "; another comment\naws_access_key_id=AKIDX\r\n"
                              "aws_secret_access_key   =   x  \n");
    write(".aws/config", "[default]\nregion = us-east-1\ns3 =\n  max_concurrent_requests = 20\n"
                         "  max_queue_size = 10000\n[sso-session corp]\nsso_region = us-east-1\n"
                         "[services local]\nlambda =\n  endpoint_url = http://localhost:3001\n");
    const auto r = chain().resolve();
    QVERIFY2(r, qPrintable(r ? QString() : r.error().toString()));
    QCOMPARE(r->credentials.accessKeyId, QStringLiteral("AKIDX"));
    QCOMPARE(r->credentials.secretAccessKey, QStringLiteral("x"));
    QCOMPARE(r->region, QStringLiteral("us-east-1"));
}

void tst_AwsCredentialChain::reportsBadInput_data()
{
    QTest::addColumn<QByteArray>("credentials");
    QTest::addColumn<QByteArray>("config");
    QTest::addColumn<QString>("profile");
    QTest::addColumn<QStringList>("environment"); // NAME=value
    QTest::addColumn<int>("code");
    QTest::addColumn<QStringList>("mentions"); // "~" is the home folder

    const QByteArray base = "[base]\naws_access_key_id = AKIDBASE\naws_secret_access_key = b\n";
    const int parse = int(ErrorCode::Parse);
    const int validation = int(ErrorCode::Validation);
    const int notFound = int(ErrorCode::NotFound);

    QTest::newRow("line without =")
        << QByteArray("[default]\naws_access_key_id = A\nthis is not a setting\n") << QByteArray()
        << QString() << QStringList() << parse
        << QStringList{"~/.aws/credentials line 3", "key = value", "fix or remove"};
    QTest::newRow("unclosed section")
        << QByteArray() << QByteArray("[default]\nregion = x\n[profile dev\n") << QString()
        << QStringList() << parse << QStringList{"~/.aws/config line 3", "']'"};
    QTest::newRow("setting before any section")
        << QByteArray("aws_access_key_id = A\n[default]\n") << QByteArray() << QString()
        << QStringList() << parse << QStringList{"~/.aws/credentials line 1", "[default]"};
    QTest::newRow("profile that does not exist")
        << base << QByteArray() << "staging" << QStringList() << notFound
        << QStringList{"'staging'", "~/.aws/credentials", "~/.aws/config", "aws configure"};
    QTest::newRow("AWS_PROFILE that does not exist")
        << base << QByteArray() << QString() << QStringList{"AWS_PROFILE=qa"} << notFound
        << QStringList{"'qa'", "AWS_PROFILE"};
    QTest::newRow("AWS_PROFILE that does not exist, keys in the environment")
        << base << QByteArray() << QString()
        << QStringList{"AWS_PROFILE=qa", "AWS_ACCESS_KEY_ID=AKIDENV", "AWS_SECRET_ACCESS_KEY=s"}
        << notFound << QStringList{"'qa'"};
    QTest::newRow("source_profile missing")
        << base
        << QByteArray("[profile deploy]\nrole_arn = arn:aws:iam::1:role/r\nsource_profile = nope\n")
        << "deploy" << QStringList() << notFound
        << QStringList{"'deploy'", "'nope'", "~/.aws/config (line 3)", "fix source_profile"};
    QTest::newRow("source_profile loop")
        << QByteArray()
        << QByteArray("[profile a]\nrole_arn = arn:aws:iam::1:role/a\nsource_profile = b\n"
                      "[profile b]\nrole_arn = arn:aws:iam::1:role/b\nsource_profile = a\n")
        << "a" << QStringList() << validation
        << QStringList{"a -> b -> a", "loop", "~/.aws/config line 6"};
    QTest::newRow("role without source_profile")
        << base << QByteArray("[profile deploy]\nrole_arn = arn:aws:iam::1:role/r\n") << "deploy"
        << QStringList() << validation
        << QStringList{"'deploy'", "~/.aws/config (line 2)", "add source_profile"};
    QTest::newRow("bad duration_seconds")
        << base
        << QByteArray("[profile deploy]\nrole_arn = arn:aws:iam::1:role/r\nsource_profile = base\n"
                      "duration_seconds = an hour\n")
        << "deploy" << QStringList() << validation
        << QStringList{"(line 4)", "duration_seconds", "900 to 43200"};
    QTest::newRow("key ID without secret")
        << QByteArray("[dev]\naws_access_key_id = AKIDDEV\n") << QByteArray() << "dev"
        << QStringList() << validation
        << QStringList{"'dev'", "(line 2)", "has aws_access_key_id but not aws_secret_access_key"};
    QTest::newRow("profile with nothing to sign with")
        << QByteArray() << QByteArray("[profile empty]\nregion = us-east-1\n") << "empty"
        << QStringList() << validation << QStringList{"'empty'", "role_arn", "aws_access_key_id"};
    QTest::newRow("only one key variable")
        << base << QByteArray() << QString() << QStringList{"AWS_ACCESS_KEY_ID=AKIDENV"}
        << validation << QStringList{"AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not"};
    QTest::newRow("nothing configured")
        << QByteArray() << QByteArray() << QString() << QStringList() << notFound
        << QStringList{"No AWS credentials found", "AWS_ACCESS_KEY_ID", "aws configure"};
    QTest::newRow("sso profile") << QByteArray()
                                 << QByteArray(
                                        "[profile corp]\nsso_session = corp\nsso_account_id = 1\n")
                                 << "corp" << QStringList() << int(ErrorCode::Unsupported)
                                 << QStringList{"'corp'", "SSO", "export-credentials"};
}

void tst_AwsCredentialChain::reportsBadInput()
{
    QFETCH(QByteArray, credentials);
    QFETCH(QByteArray, config);
    QFETCH(QString, profile);
    QFETCH(QStringList, environment);
    QFETCH(int, code);
    QFETCH(QStringList, mentions);

    if (!credentials.isEmpty())
        write(".aws/credentials", credentials);
    if (!config.isEmpty())
        write(".aws/config", config);
    QProcessEnvironment e;
    for (const QString& pair : environment)
        e.insert(pair.section(QLatin1Char('='), 0, 0), pair.section(QLatin1Char('='), 1));

    const auto r = chain(e).resolve(profile);
    QVERIFY(!r);
    QCOMPARE(int(r.error().code), code);
    const QString message = r.error().message;
    for (QString expected : mentions) {
        expected.replace(QLatin1Char('~'), m_home->path());
        QVERIFY2(message.contains(expected), qPrintable(message + " lacks " + expected));
    }
    if (code == int(ErrorCode::Parse)) {
        QCOMPARE(r.error().diagnostics.size(), 1);
        QVERIFY(r.error().diagnostics.first().line > 0);
    }
}

void tst_AwsCredentialChain::neverShowsTheSecret()
{
    // A resolution, a malformed line holding a secret, and a role plan: the secret and the
    // token are in none of the strings made for a person.
    write(".aws/credentials", "[default]\naws_access_key_id = " + kId.toUtf8() +
                                  "\naws_secret_access_key = " + kSecret.toUtf8() +
                                  "\naws_session_token = the-session-token\n"
                                  "[broken]\n" +
                                  kSecret.toUtf8() + "\n");
    write(".aws/config", "[profile deploy]\nrole_arn = arn:aws:iam::1:role/r\n"
                         "source_profile = default\n");
    const auto broken = chain().resolve();
    QVERIFY(!broken); // the stray line breaks the whole file, as in the CLI
    QVERIFY(!broken.error().toString().contains(kSecret));
    QVERIFY(!broken.error().detail.contains(kSecret));

    write(".aws/credentials", "[default]\naws_access_key_id = " + kId.toUtf8() +
                                  "\naws_secret_access_key = " + kSecret.toUtf8() +
                                  "\naws_session_token = the-session-token\n");
    for (const QString& profile : {QString(), QStringLiteral("deploy")}) {
        const auto r = chain().resolve(profile);
        QVERIFY(r);
        QCOMPARE(r->credentials.secretAccessKey, kSecret);
        for (const QString& text : {r->toString(), r->source(), r->credentials.toString()}) {
            QVERIFY2(!text.contains(kSecret), qPrintable(text));
            QVERIFY2(!text.contains(QLatin1String("the-session-token")), qPrintable(text));
            QVERIFY(text.contains(kId) || text == r->source());
        }
    }
}

QTEST_GUILESS_MAIN(tst_AwsCredentialChain)
#include "tst_AwsCredentialChain.moc"
