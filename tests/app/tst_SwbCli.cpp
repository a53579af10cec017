// The swb binary as a user runs it: arguments in, text and exit codes out.
#include "SwbProcess.h"
#include "TestFiles.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using swb::test::writeFile;

namespace {

using Run = swb::test::SwbRun;
using swb::test::runSwb;

QString example(const char* name)
{
    return QStringLiteral(SWB_SOURCE_DIR "/examples/") + QLatin1String(name);
}

const QByteArray kSamTemplate = R"yaml(AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Description: orders service
Globals:
  Function:
    Timeout: 10
    Runtime: python3.12
Resources:
  OrdersFunction:
    Type: AWS::Serverless::Function
    Properties:
      CodeUri: orders/
      Handler: app.handler
      MemorySize: 256
      Events:
        GetOrder:
          Type: HttpApi
          Properties:
            Path: /orders/{id}
            Method: get
)yaml";

} // namespace

class tst_SwbCli : public QObject {
    Q_OBJECT
private slots:
    void printsVersion();
    void helpListsEveryCommand();
    void commandHelpShowsSynopsis();
    void unknownCommandIsUsageError();
    void unknownOptionIsUsageError();
    void noArgumentsIsUsageError();
    void validateSaysExampleIsValid_data();
    void validateSaysExampleIsValid();
    void validateNamesPlaceAndProblem();
    void validateJsonListsErrors();
    void validateUsesWorkspaceOptionAndCurrentFolder();
    void functionsPrintsTable();
    void functionsJson();
    void importSamWritesValidWorkspace();
    void importRefusesToReplaceWithoutForce();
    void importReportsUnreadableTemplate();
    void eventListNamesEveryKind();
    void eventGenerateAppliesSets();
    void eventGenerateUnknownKindFails();
    void eventGenerateWritesFile();
};

void tst_SwbCli::printsVersion()
{
    const Run r = runSwb({QStringLiteral("--version")});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, QStringLiteral("swb " SWB_VERSION "\n"));
}

void tst_SwbCli::helpListsEveryCommand()
{
    const Run r = runSwb({QStringLiteral("--help")});
    QCOMPARE(r.exitCode, 0);
    for (const char* command : {"validate", "functions", "import", "event"})
        QVERIFY2(r.out.contains(QStringLiteral("\n  ") + QLatin1String(command)), command);
    QVERIFY(r.out.contains(
        QStringLiteral("Exit codes: 0 success, 1 the operation failed, 2 bad usage.")));
}

void tst_SwbCli::commandHelpShowsSynopsis()
{
    const Run r = runSwb({QStringLiteral("import"), QStringLiteral("--help")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(
        r.out.startsWith(QStringLiteral("Usage: swb import FILE [--out DIR] [--force] [--json]\n")),
        qPrintable(r.out));
    QVERIFY(r.out.contains(QStringLiteral("--force")));
    QCOMPARE(runSwb({QStringLiteral("help"), QStringLiteral("validate")}).out.left(20),
             QStringLiteral("Usage: swb validate "));
}

void tst_SwbCli::unknownCommandIsUsageError()
{
    const Run r = runSwb({QStringLiteral("deplyo")});
    QCOMPARE(r.exitCode, 2);
    QCOMPARE(r.err,
             QStringLiteral("swb: unknown command \"deplyo\".\nRun \"swb --help\" for usage.\n"));
    QVERIFY(r.out.isEmpty());
}

void tst_SwbCli::unknownOptionIsUsageError()
{
    const Run r = runSwb({QStringLiteral("validate"), QStringLiteral("--frobnicate")});
    QCOMPARE(r.exitCode, 2);
    QCOMPARE(r.err, QStringLiteral("swb: Unknown option 'frobnicate'.\nRun \"swb validate --help\" "
                                   "for usage.\n"));
}

void tst_SwbCli::noArgumentsIsUsageError()
{
    const Run r = runSwb({});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.startsWith(QStringLiteral("Usage: swb COMMAND")));
}

void tst_SwbCli::validateSaysExampleIsValid_data()
{
    QTest::addColumn<QString>("folder");
    QTest::newRow("hello-python") << example("hello-python");
    QTest::newRow("hello-node") << example("hello-node");
}

void tst_SwbCli::validateSaysExampleIsValid()
{
    QFETCH(QString, folder);
    const Run r = runSwb({QStringLiteral("validate"), folder});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out,
             QStringLiteral("%1/workbench.json is a valid workspace: \"%2\" with 1 function.\n")
                 .arg(folder, QFileInfo(folder).fileName()));
    QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
}

void tst_SwbCli::validateNamesPlaceAndProblem()
{
    QTemporaryDir dir;
    QVERIFY(writeFile(dir.path(), QStringLiteral("workbench.json"),
                      "{\n  \"functions\": [\n    {\"name\": \"f\", \"runtime\": \"python3.12\",\n"
                      "     \"handler\": \"app.handler\", \"memoryMb\": 64}\n  ]\n}\n"));
    QVERIFY(writeFile(dir.path(), QStringLiteral("app.py"), "def handler(e, c):\n    return 1\n"));
    const Run r = runSwb({QStringLiteral("validate"), dir.path()});
    QCOMPARE(r.exitCode, 1);
    const QString file = QDir(dir.path()).canonicalPath() + QStringLiteral("/workbench.json");
    QCOMPARE(r.err, QStringLiteral("swb: %1 has 1 problem; fix it and validate again.\n"
                                   "  %1:4:44: /functions/0/memoryMb: 64 MB is out of range; "
                                   "allowed: 128 to 10240 MB.\n")
                        .arg(file));
    QVERIFY(r.out.isEmpty());
}

void tst_SwbCli::validateJsonListsErrors()
{
    QTemporaryDir dir;
    QVERIFY(writeFile(dir.path(), QStringLiteral("workbench.json"), "{\"functions\": 5}"));
    const Run r = runSwb({QStringLiteral("validate"), dir.path(), QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 1);
    const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(o.value(QStringLiteral("valid")).toBool(true), false);
    QCOMPARE(o.value(QStringLiteral("code")).toString(), QStringLiteral("validation"));
    const QJsonObject e = o.value(QStringLiteral("errors")).toArray().first().toObject();
    QCOMPARE(e.value(QStringLiteral("pointer")).toString(), QStringLiteral("/functions"));
    QCOMPARE(e.value(QStringLiteral("line")).toInt(), 1);
    QCOMPARE(e.value(QStringLiteral("column")).toInt(), 15);
    QCOMPARE(e.value(QStringLiteral("message")).toString(),
             QStringLiteral("expected an array, found a number."));
}

void tst_SwbCli::validateUsesWorkspaceOptionAndCurrentFolder()
{
    QCOMPARE(
        runSwb({QStringLiteral("validate"), QStringLiteral("--workspace"), example("hello-node")})
            .exitCode,
        0);
    QCOMPARE(runSwb({QStringLiteral("validate")}, example("hello-python")).exitCode, 0);
    QTemporaryDir empty;
    const Run r = runSwb({QStringLiteral("functions")}, empty.path());
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QStringLiteral("is not a workspace: it has no workbench.json")),
             qPrintable(r.err));
}

void tst_SwbCli::functionsPrintsTable()
{
    const Run r = runSwb({QStringLiteral("functions"), example("hello-python")});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out,
             QStringLiteral("NAME   RUNTIME     HANDLER      MEMORY  TIMEOUT  TRIGGERS\n"
                            "hello  python3.11  app.handler  128 MB  3 s      GET /hello\n"));
}

void tst_SwbCli::functionsJson()
{
    const Run r =
        runSwb({QStringLiteral("functions"), example("hello-node"), QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject f = QJsonDocument::fromJson(r.out.toUtf8()).array().first().toObject();
    QCOMPARE(f.value(QStringLiteral("name")).toString(), QStringLiteral("hello"));
    QCOMPARE(f.value(QStringLiteral("runtime")).toString(), QStringLiteral("nodejs20.x"));
    QCOMPARE(f.value(QStringLiteral("memoryMb")).toInt(), 128);
    QCOMPARE(f.value(QStringLiteral("triggers"))
                 .toArray()
                 .first()
                 .toObject()
                 .value(QStringLiteral("summary"))
                 .toString(),
             QStringLiteral("POST /hello"));
}

void tst_SwbCli::importSamWritesValidWorkspace()
{
    QTemporaryDir dir;
    QVERIFY(writeFile(dir.path(), QStringLiteral("template.yaml"), kSamTemplate));
    QVERIFY(writeFile(dir.path(), QStringLiteral("orders/app.py"),
                      "def handler(e, c):\n    return 1\n"));
    const Run r = runSwb({QStringLiteral("import"), dir.filePath(QStringLiteral("template.yaml"))});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.out.startsWith(QStringLiteral("Wrote ")), qPrintable(r.out));
    QVERIFY(r.out.contains(QStringLiteral("with 1 function")));
    const Run validate = runSwb({QStringLiteral("validate"), dir.path()});
    QCOMPARE(validate.exitCode, 0);
    const Run functions = runSwb({QStringLiteral("functions"), dir.path()});
    QVERIFY2(functions.out.contains(QStringLiteral(
                 "OrdersFunction  python3.12  app.handler  256 MB  10 s     GET /orders/{id}")),
             qPrintable(functions.out));
}

void tst_SwbCli::importRefusesToReplaceWithoutForce()
{
    QTemporaryDir dir;
    QVERIFY(writeFile(dir.path(), QStringLiteral("template.yaml"), kSamTemplate));
    QVERIFY(writeFile(dir.path(), QStringLiteral("orders/app.py"),
                      "def handler(e, c):\n    return 1\n"));
    QVERIFY(writeFile(dir.path(), QStringLiteral("workbench.json"), "{\"mine\": true}"));
    const QString templatePath = dir.filePath(QStringLiteral("template.yaml"));
    const Run r = runSwb({QStringLiteral("import"), templatePath});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QStringLiteral("already exists; use --force to replace it or --out to "
                                           "write elsewhere.")),
             qPrintable(r.err));
    QCOMPARE(swb::test::readFile(dir.filePath(QStringLiteral("workbench.json"))),
             QByteArray("{\"mine\": true}"));
    QCOMPARE(runSwb({QStringLiteral("import"), templatePath, QStringLiteral("--force")}).exitCode,
             0);
}

void tst_SwbCli::importReportsUnreadableTemplate()
{
    QTemporaryDir dir;
    const Run r = runSwb({QStringLiteral("import"), dir.filePath(QStringLiteral("nope.yaml"))});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.startsWith(QStringLiteral("swb: ")) &&
                 r.err.contains(QStringLiteral("nope.yaml")),
             qPrintable(r.err));
    QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("workbench.json"))));
    QCOMPARE(runSwb({QStringLiteral("import")}).exitCode, 2);
}

void tst_SwbCli::eventListNamesEveryKind()
{
    const Run r =
        runSwb({QStringLiteral("event"), QStringLiteral("list"), QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 0);
    QStringList kinds;
    for (const QJsonValue& v : QJsonDocument::fromJson(r.out.toUtf8()).array())
        kinds << v.toObject().value(QStringLiteral("kind")).toString();
    for (const char* kind : {"apigateway-http", "apigateway-rest", "s3-put", "sqs", "sns",
                             "eventbridge-schedule", "dynamodb-stream", "kinesis"})
        QVERIFY2(kinds.contains(QLatin1String(kind)), kind);
}

void tst_SwbCli::eventGenerateAppliesSets()
{
    const Run r =
        runSwb({QStringLiteral("event"), QStringLiteral("generate"), QStringLiteral("s3-put"),
                QStringLiteral("--set"), QStringLiteral("/Records/0/s3/bucket/name=photos"),
                QStringLiteral("--set"), QStringLiteral("Records.0.s3.object.size=2048")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QJsonObject s3 = QJsonDocument::fromJson(r.out.toUtf8())
                               .object()
                               .value(QStringLiteral("Records"))
                               .toArray()
                               .first()
                               .toObject()
                               .value(QStringLiteral("s3"))
                               .toObject();
    QCOMPARE(s3.value(QStringLiteral("bucket")).toObject().value(QStringLiteral("name")).toString(),
             QStringLiteral("photos"));
    QCOMPARE(s3.value(QStringLiteral("object")).toObject().value(QStringLiteral("size")).toInt(),
             2048);
}

void tst_SwbCli::eventGenerateUnknownKindFails()
{
    const Run r =
        runSwb({QStringLiteral("event"), QStringLiteral("generate"), QStringLiteral("s4-put")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.startsWith(QStringLiteral("swb: ")) && r.err.contains(QStringLiteral("s3-put")),
             qPrintable(r.err));
    QCOMPARE(runSwb({QStringLiteral("event"), QStringLiteral("explode")}).exitCode, 2);
    QCOMPARE(runSwb({QStringLiteral("event"), QStringLiteral("generate")}).exitCode, 2);
}

void tst_SwbCli::eventGenerateWritesFile()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("e.json"));
    const Run r = runSwb({QStringLiteral("event"), QStringLiteral("generate"),
                          QStringLiteral("sqs"), QStringLiteral("--out"), file});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, QStringLiteral("Wrote %1.\n").arg(file));
    QVERIFY(QJsonDocument::fromJson(swb::test::readFile(file)).isObject());
}

QTEST_GUILESS_MAIN(tst_SwbCli)
#include "tst_SwbCli.moc"
