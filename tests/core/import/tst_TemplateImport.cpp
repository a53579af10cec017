#include "ImportTestFormat.h"
#include "TestFiles.h"
#include "import/TemplateImport.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace swb;

// importTemplate: telling the format by content, and every way a file can be unusable.
class tst_TemplateImport : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void detectsFormatByContent_data();
    void detectsFormatByContent();
    void rejectsFileThatIsNeitherFormat_data();
    void rejectsFileThatIsNeitherFormat();
    void reportsYamlSyntaxErrorsWithPosition_data();
    void reportsYamlSyntaxErrorsWithPosition();
    void warnsAboutUnknownTagsWithoutFailing();
    void rejectsResourcesThatAreNotAMapping();
    void rejectsResourceWithoutType();
    void rejectsNonUtf8File();
    void rejectsMissingFile();
    void rejectsAnchorThatContainsItself();
    void rejectsAliasExpansionBomb();
    void appliesYamlMergeKeys();

private:
    QString write(const QByteArray& content, const QString& name = QStringLiteral("template.yaml"));

    QTemporaryDir m_temp;
    int m_count = 0;
};

void tst_TemplateImport::initTestCase()
{
    QVERIFY(m_temp.isValid());
}

QString tst_TemplateImport::write(const QByteArray& content, const QString& name)
{
    const QString relative = QStringLiteral("c%1/").arg(++m_count) + name;
    if (!test::writeFile(m_temp.path(), relative, content))
        return {};
    return QDir(m_temp.path()).filePath(relative);
}

void tst_TemplateImport::detectsFormatByContent_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("functionName");
    const QByteArray samFunction = "Resources:\n"
                                   "  Fn:\n"
                                   "    Type: AWS::Serverless::Function\n"
                                   "    Properties: {Handler: app.handler, Runtime: python3.12}\n";
    QTest::newRow("SAM with format version")
        << "AWSTemplateFormatVersion: '2010-09-09'\n" + samFunction << "Fn";
    QTest::newRow("SAM with Transform only")
        << "Transform: AWS::Serverless-2016-10-31\n" + samFunction << "Fn";
    QTest::newRow("SAM with Resources only") << samFunction << "Fn";
    QTest::newRow("serverless with functions")
        << QByteArray("service: s\nfunctions:\n  hello:\n    handler: h.hello\n"
                      "    runtime: python3.12\n")
        << "hello";
    QTest::newRow("serverless with provider")
        << QByteArray("service: s\nprovider:\n  runtime: python3.12\n"
                      "functions:\n  hi:\n    handler: h.hi\n")
        << "hi";
}

void tst_TemplateImport::detectsFormatByContent()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, functionName);
    const QString path = write(content, QStringLiteral("anything.yml"));
    const auto result = importTemplate(path, QFileInfo(path).absolutePath(), {});
    QVERIFY2(result.has_value(), qPrintable(result ? QString() : result.error().toString()));
    QCOMPARE(result->workspace.functions.size(), 1);
    QCOMPARE(result->workspace.functions.first().name, functionName);
}

void tst_TemplateImport::rejectsFileThatIsNeitherFormat_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::newRow("some other YAML") << QByteArray("name: my-app\nversion: 1\n");
    QTest::newRow("service alone") << QByteArray("service: s\n");
    QTest::newRow("a list") << QByteArray("- a\n- b\n");
    QTest::newRow("empty file") << QByteArray();
}

void tst_TemplateImport::rejectsFileThatIsNeitherFormat()
{
    QFETCH(QByteArray, content);
    const QString path = write(content, QStringLiteral("config.yaml"));
    const auto result = importTemplate(path, m_temp.path(), {});
    QVERIFY(!result.has_value());
    QCOMPARE(result.error().code, ErrorCode::InvalidArgument);
    QCOMPARE(result.error().message,
             path + QStringLiteral(" is neither an AWS SAM template nor a serverless.yml (it has "
                                   "no Resources and no service with functions); choose the "
                                   "project's template.yaml or serverless.yml."));
}

void tst_TemplateImport::reportsYamlSyntaxErrorsWithPosition_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("reason"); // yaml-cpp's own words
    QTest::newRow("truncated flow list")
        << QByteArray("Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n"
                      "    Properties:\n      Architectures: [arm64\n")
        << 6 << 1 << "end of sequence flow not found";
    QTest::newRow("value after a value")
        << QByteArray("Resources:\n  Fn: a: b\n") << 2 << 8 << "illegal map value";
    QTest::newRow("key beside a list item")
        << QByteArray("Resources:\n  - x\n  y: 1\n") << 3 << 3 << "end of map not found";
}

void tst_TemplateImport::reportsYamlSyntaxErrorsWithPosition()
{
    QFETCH(QByteArray, content);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, reason);
    const QString path = write(content);
    const auto result = importTemplate(path, m_temp.path(), {});
    QVERIFY(!result.has_value());
    QCOMPARE(result.error().code, ErrorCode::Parse);
    QCOMPARE(result.error().message, QStringLiteral("%1 is not valid YAML: %2 at line %3, column "
                                                    "%4; fix it and import again.")
                                         .arg(path, reason)
                                         .arg(line)
                                         .arg(column));
    QCOMPARE(result.error().diagnostics.size(), 1);
    const Diagnostic& d = result.error().diagnostics.first();
    QCOMPARE(d.file, path);
    QCOMPARE(d.line, line);
    QCOMPARE(d.column, column);
    QCOMPARE(d.message, reason);
}

void tst_TemplateImport::warnsAboutUnknownTagsWithoutFailing()
{
    const QString path = write("Resources:\n"
                               "  Fn:\n"
                               "    Type: AWS::Serverless::Function\n"
                               "    Properties:\n"
                               "      Handler: app.handler\n"
                               "      Runtime: python3.12\n"
                               "      Description: !Foo bar\n");
    const auto result = importTemplate(path, QFileInfo(path).absolutePath(), {});
    QVERIFY2(result.has_value(), qPrintable(result ? QString() : result.error().toString()));
    QCOMPARE(result->workspace.functions.first().description, QStringLiteral("bar"));
    QCOMPARE(test::describe(result->warnings),
             QStringList{"7:20 /Resources/Fn/Properties/Description: !Foo is not a "
                         "CloudFormation tag, so it is ignored and the value is read as "
                         "written."});
    QCOMPARE(result->warnings.first().file, path);
}

void tst_TemplateImport::rejectsResourcesThatAreNotAMapping()
{
    const QString path = write("AWSTemplateFormatVersion: '2010-09-09'\n"
                               "Resources:\n"
                               "  - Type: AWS::Serverless::Function\n");
    const auto result = importTemplate(path, m_temp.path(), {});
    QVERIFY(!result.has_value());
    QCOMPARE(result.error().code, ErrorCode::Validation);
    QCOMPARE(result.error().message,
             path + QStringLiteral(" cannot be imported because of 1 problem; fix it and import "
                                   "again."));
    QCOMPARE(test::describe(result.error().diagnostics),
             QStringList{"2:1 /Resources: Resources must be a mapping, not a list."});
    QCOMPARE(result.error().diagnostics.first().file, path);
}

void tst_TemplateImport::rejectsResourceWithoutType()
{
    const QString path = write("Resources:\n  Fn:\n    Properties: {}\n");
    const auto result = importTemplate(path, m_temp.path(), {});
    QVERIFY(!result.has_value());
    QCOMPARE(result.error().code, ErrorCode::Validation);
    QCOMPARE(test::describe(result.error().diagnostics),
             QStringList{"2:3 /Resources/Fn/Type: The resource has no Type; add one such as "
                         "AWS::Serverless::Function."});
}

void tst_TemplateImport::rejectsNonUtf8File()
{
    const QString path = write("Resources:\n  Fn: caf\xe9\n"); // Latin-1 é
    const auto result = importTemplate(path, m_temp.path(), {});
    QVERIFY(!result.has_value());
    QCOMPARE(result.error().code, ErrorCode::Parse);
    QCOMPARE(result.error().message,
             path + QStringLiteral(" is not valid UTF-8 text (byte 0xe9 at line 2, column 10); "
                                   "save it as UTF-8."));
}

void tst_TemplateImport::rejectsMissingFile()
{
    const QString path = QDir(m_temp.path()).filePath(QStringLiteral("nowhere/template.yaml"));
    const auto result = importTemplate(path, m_temp.path(), {});
    QVERIFY(!result.has_value());
    QCOMPARE(result.error().code, ErrorCode::NotFound);
    QCOMPARE(result.error().message, path + QStringLiteral(" does not exist."));
    const auto sam = importSamTemplate(path, m_temp.path());
    QVERIFY(!sam.has_value());
    QCOMPARE(sam.error().code, ErrorCode::NotFound);
}

void tst_TemplateImport::rejectsAnchorThatContainsItself()
{
    const QString path = write("Resources: &r\n  Fn: [*r]\n");
    const auto result = importTemplate(path, m_temp.path(), {});
    QVERIFY(!result.has_value());
    QCOMPARE(result.error().code, ErrorCode::Parse);
    QVERIFY2(result.error().message.contains(
                 QStringLiteral("the document nests more than 200 levels deep (or an anchor "
                                "contains itself)")),
             qPrintable(result.error().message));
}

void tst_TemplateImport::rejectsAliasExpansionBomb()
{
    // "Billion laughs": each level repeats the previous one ten times.
    QByteArray yaml = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
    for (int i = 1; i < 9; ++i) {
        const QByteArray prev = "*a" + QByteArray::number(i - 1);
        yaml += "a" + QByteArray::number(i) + ": &a" + QByteArray::number(i) + " [" + prev;
        for (int k = 1; k < 10; ++k)
            yaml += ", " + prev;
        yaml += "]\n";
    }
    yaml += "Resources: {}\n";
    const QString path = write(yaml);
    const auto result = importTemplate(path, m_temp.path(), {});
    QVERIFY(!result.has_value());
    QCOMPARE(result.error().code, ErrorCode::Parse);
    QVERIFY2(result.error().message.contains(
                 QStringLiteral("the document expands to more than 500000 values through its "
                                "aliases")),
             qPrintable(result.error().message));
}

void tst_TemplateImport::appliesYamlMergeKeys()
{
    const QString path = write("service: merged\n"
                               "defaults: &defaults\n"
                               "  runtime: python3.12\n"
                               "  memorySize: 512\n"
                               "functions:\n"
                               "  f:\n"
                               "    <<: *defaults\n"
                               "    memorySize: 256\n"
                               "    handler: h.f\n",
                               QStringLiteral("serverless.yml"));
    const auto result = importTemplate(path, QFileInfo(path).absolutePath(), {});
    QVERIFY2(result.has_value(), qPrintable(result ? QString() : result.error().toString()));
    const FunctionSpec& f = result->workspace.functions.first();
    QCOMPARE(f.runtime, QStringLiteral("python3.12"));
    QCOMPARE(f.memoryMb, 256);
    QCOMPARE(test::describe(result->warnings),
             QStringList{"2:11 /defaults: defaults is not imported; the workbench does not use "
                         "it."});
}

QTEST_GUILESS_MAIN(tst_TemplateImport)
#include "tst_TemplateImport.moc"
