// Writing a profile as `aws configure` does: the rest of the user's files untouched, the file
// private, and the result read back by the same chain the deploy uses.
#include "TestFiles.h"
#include "aws/AwsCredentialChain.h"
#include "aws/AwsProfileWriter.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace swb;

class tst_AwsProfileWriter : public QObject {
    Q_OBJECT
private slots:
    void editsOnlyTheNamedSection()
    {
        const QString before = "# my keys\n[default]\naws_access_key_id = AKIAOLD\n"
                               "aws_secret_access_key = oldsecret\n\n[other]\n"
                               "aws_access_key_id = AKIAOTHER\nsome_tool_setting = 1\n";
        const QString after = AwsProfileWriter::setKeys(before, "default",
                                                        {{"aws_access_key_id", "AKIANEW"},
                                                         {"aws_secret_access_key", "new"},
                                                         {"aws_session_token", ""}});
        QCOMPARE(after, QStringLiteral("# my keys\n[default]\naws_access_key_id = AKIANEW\n"
                                       "aws_secret_access_key = new\n\n[other]\n"
                                       "aws_access_key_id = AKIAOTHER\nsome_tool_setting = 1\n"));
    }

    void addsAMissingSectionAndKeys()
    {
        const QString after = AwsProfileWriter::setKeys("[default]\nregion = eu-west-1\n",
                                                        "profile dev", {{"region", "us-east-2"}});
        QCOMPARE(after, QStringLiteral("[default]\nregion = eu-west-1\n\n[profile dev]\n"
                                       "region = us-east-2\n"));
        const QString inserted =
            AwsProfileWriter::setKeys("[dev]\naws_access_key_id = A\n\n[next]\nx = 1\n", "dev",
                                      {{"aws_secret_access_key", "S"}});
        QCOMPARE(inserted,
                 QStringLiteral("[dev]\naws_access_key_id = A\naws_secret_access_key = S\n"
                                "\n[next]\nx = 1\n"));
    }

    void writesAPrivateFileTheChainReads()
    {
        QTemporaryDir home;
        const QString credentials = home.filePath(".aws/credentials");
        QVERIFY(test::writeFile(home.path(), ".aws/credentials",
                                "[keep]\naws_access_key_id = K\n"
                                "aws_secret_access_key = KS\n"));
        QVERIFY(
            AwsProfileWriter::writeKeys(credentials, "deployer", "AKIAEXAMPLE", "s3cr3t/value"));
        QVERIFY(AwsProfileWriter::writeRegion(home.filePath(".aws/config"), "deployer",
                                              "eu-central-1"));
        QCOMPARE(QFile::permissions(credentials) &
                     (QFile::ReadGroup | QFile::ReadOther | QFile::ReadUser),
                 QFile::Permissions(QFile::ReadUser));
        QVERIFY(test::readFile(credentials).contains("[keep]"));
        QProcessEnvironment env;
        AwsCredentialChain chain(env, home.path());
        auto resolved = chain.resolve("deployer");
        QVERIFY2(resolved, resolved ? "" : qPrintable(resolved.error().message));
        QCOMPARE(resolved->credentials.accessKeyId, QStringLiteral("AKIAEXAMPLE"));
        QCOMPARE(resolved->credentials.secretAccessKey, QStringLiteral("s3cr3t/value"));
        QCOMPARE(resolved->region, QStringLiteral("eu-central-1"));
        auto kept = chain.resolve("keep");
        QVERIFY(kept);
        QCOMPARE(kept->credentials.accessKeyId, QStringLiteral("K"));
    }

    void refusesWhatWouldBreakTheFile()
    {
        QTemporaryDir home;
        const QString path = home.filePath("credentials");
        QVERIFY(!AwsProfileWriter::writeKeys(path, "bad name]", "A", "S"));
        QVERIFY(!AwsProfileWriter::writeKeys(path, "dev", "A", "S\n[default]"));
        QVERIFY(!AwsProfileWriter::writeKeys(path, "dev", "", "S"));
        QVERIFY(!AwsProfileWriter::writeRegion(home.filePath("config"), "dev", "mars-north"));
        QVERIFY(!QFile::exists(path));
    }
};

QTEST_GUILESS_MAIN(tst_AwsProfileWriter)
#include "tst_AwsProfileWriter.moc"
