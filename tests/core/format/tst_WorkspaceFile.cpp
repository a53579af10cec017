#include "format/WorkspaceFile.h"

#include "TestFiles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <sys/wait.h>
#include <unistd.h>

using namespace swb;
using swb::test::writeFile;

namespace {

// A small valid workspace: one Python function with its code.
const QByteArray kValid = R"json({
  "name": "shop",
  "functions": [
    {
      "name": "orders",
      "runtime": "python3.12",
      "handler": "app.handler",
      "codeUri": "orders",
      "memoryMb": 256,
      "timeoutSeconds": 10,
      "environment": {"TABLE": "orders"},
      "reservedConcurrency": 5,
      "triggers": [
        {"type": "http", "method": "GET", "path": "/orders/{id}", "api": "http"},
        {"type": "schedule", "schedule": "rate(5 minutes)"},
        {"type": "queue", "source": "arn:aws:sqs:us-east-1:123456789012:orders", "batchSize": 10}
      ]
    }
  ],
  "scenarios": [
    {"name": "launch", "provider": "aws", "region": "us-east-1", "memoryMb": 256,
     "invocationsPerMonth": 3000000, "durationMs": 120}
  ]
}
)json";

bool makeWorkspace(const QString& folder, const QByteArray& json)
{
    return writeFile(folder, QStringLiteral("workbench.json"), json) &&
           writeFile(folder, QStringLiteral("orders/app.py"),
                     "def handler(event, context):\n    return {}\n");
}

QString firstError(const Error& e)
{
    for (const Diagnostic& d : e.diagnostics) {
        if (d.severity == Severity::Error)
            return QStringLiteral("%1:%2 %3 %4")
                .arg(d.line)
                .arg(d.column)
                .arg(d.pointer, d.message);
    }
    return e.message;
}

} // namespace

class tst_WorkspaceFile : public QObject {
    Q_OBJECT
private slots:
    void loadsValidWorkspace();
    void copyFolderLeavesHistoryBehindAndMakesFilesWritable();
    void loadsFromFileOrFolder();
    void saveThenLoadGivesSameModel();
    void saveKeepsUnknownKeys();
    void saveWritesKnownKeysInFormatOrder();
    void reportsEveryProblemAtItsPlace_data();
    void reportsEveryProblemAtItsPlace();
    void reportsAllProblemsAtOnce();
    void warnsOnUnknownKeyWithSuggestion();
    void keepsCostOptionsOfScenariosWithoutWarning();
    void reportsTruncatedJsonWithLineAndColumn();
    void reportsMissingWorkspaceFile();
    void refusesHugeFile();
    void refusesNonUtf8File();
    void reportsUnreadableFolder();
    void failedLoadLeavesFileUntouched();
    void readsAndKeepsRunnerSettings();
    void rejectsBadRunnerSettings_data();
    void rejectsBadRunnerSettings();
};

void tst_WorkspaceFile::loadsValidWorkspace()
{
    QTemporaryDir dir;
    QVERIFY(makeWorkspace(dir.path(), kValid));
    const auto loaded = WorkspaceFile::load(dir.path());
    QVERIFY2(loaded.has_value(), qPrintable(loaded ? QString() : loaded.error().toString()));
    QVERIFY(loaded->warnings.isEmpty());
    const Workspace& ws = loaded->workspace;
    QCOMPARE(ws.name, QStringLiteral("shop"));
    QCOMPARE(ws.folder, QDir(dir.path()).canonicalPath());
    QCOMPARE(ws.functions.size(), 1);
    const FunctionSpec& f = ws.functions.first();
    QCOMPARE(f.name, QStringLiteral("orders"));
    QCOMPARE(f.runtime, QStringLiteral("python3.12"));
    QCOMPARE(f.memoryMb, 256);
    QCOMPARE(f.timeoutSeconds, 10);
    QCOMPARE(f.architecture, QStringLiteral("x86_64"));
    QCOMPARE(f.environment.value(QStringLiteral("TABLE")), QStringLiteral("orders"));
    QCOMPARE(f.reservedConcurrency, std::optional<int>(5));
    QCOMPARE(f.triggers.size(), 3);
    QCOMPARE(f.triggers.at(0).summary(), QStringLiteral("GET /orders/{id}"));
    QCOMPARE(f.triggers.at(1).type, TriggerType::Schedule);
    QCOMPARE(f.triggers.at(2).batchSize, 10);
    QCOMPARE(ws.scenarios.size(), 1);
    QCOMPARE(ws.scenarios.first().durationMs, std::optional<double>(120));
    QVERIFY(!ws.scenarios.first().coldStartShare.has_value());
}

void tst_WorkspaceFile::loadsFromFileOrFolder()
{
    QTemporaryDir dir;
    QVERIFY(makeWorkspace(dir.path(), kValid));
    const auto byFile = WorkspaceFile::load(dir.filePath(QStringLiteral("workbench.json")));
    QVERIFY(byFile.has_value());
    QCOMPARE(byFile->workspace.folder, QDir(dir.path()).canonicalPath());
}

void tst_WorkspaceFile::saveThenLoadGivesSameModel()
{
    QTemporaryDir dir;
    QVERIFY(makeWorkspace(dir.path(), kValid));
    auto loaded = WorkspaceFile::load(dir.path());
    QVERIFY(loaded.has_value());
    loaded->workspace.functions.first().memoryMb = 512;
    QVERIFY(WorkspaceFile::save(loaded->workspace).has_value());
    const auto again = WorkspaceFile::load(dir.path());
    QVERIFY2(again.has_value(), qPrintable(again ? QString() : again.error().toString()));
    QCOMPARE(again->workspace.functions.first().memoryMb, 512);
    QCOMPARE(WorkspaceFile::serialize(again->workspace),
             WorkspaceFile::serialize(loaded->workspace));
}

void tst_WorkspaceFile::saveKeepsUnknownKeys()
{
    QTemporaryDir dir;
    QByteArray json = kValid;
    json.replace(R"("name": "shop",)", R"("name": "shop", "x-team": {"owner": "ana"},)");
    json.replace(R"("memoryMb": 256,)", R"("memoryMb": 256, "x-note": "hot path",)");
    QVERIFY(makeWorkspace(dir.path(), json));
    const auto loaded = WorkspaceFile::load(dir.path());
    QVERIFY(loaded.has_value());
    QVERIFY(WorkspaceFile::save(loaded->workspace).has_value());
    const QJsonObject root =
        QJsonDocument::fromJson(test::readFile(dir.filePath(QStringLiteral("workbench.json"))))
            .object();
    QCOMPARE(
        root.value(QStringLiteral("x-team")).toObject().value(QStringLiteral("owner")).toString(),
        QStringLiteral("ana"));
    const QJsonObject function =
        root.value(QStringLiteral("functions")).toArray().first().toObject();
    QCOMPARE(function.value(QStringLiteral("x-note")).toString(), QStringLiteral("hot path"));
}

void tst_WorkspaceFile::saveWritesKnownKeysInFormatOrder()
{
    Workspace ws;
    ws.name = QStringLiteral("w");
    FunctionSpec f;
    f.name = QStringLiteral("a");
    f.runtime = QStringLiteral("nodejs20.x");
    f.handler = QStringLiteral("index.handler");
    f.codeUri = QStringLiteral("src");
    ws.functions.append(f);
    const QByteArray text = WorkspaceFile::serialize(ws);
    // Known keys in the format's order, not alphabetical (QJsonDocument would sort them).
    const QList<QByteArray> order = {
        "\"$schema\"",       "\"formatVersion\"",     "\"name\": \"w\"", "\"functions\"",
        "\"name\": \"a\"",   "\"runtime\"",           "\"handler\"",     "\"codeUri\"",
        "\"memoryMb\": 128", "\"timeoutSeconds\": 3", "\"architecture\""};
    qsizetype at = -1;
    for (const QByteArray& key : order) {
        const qsizetype next = text.indexOf(key);
        QVERIFY2(next > at, key.constData());
        at = next;
    }
}

void tst_WorkspaceFile::reportsEveryProblemAtItsPlace_data()
{
    QTest::addColumn<QByteArray>("from");
    QTest::addColumn<QByteArray>("to");
    QTest::addColumn<QString>("expected"); // "line:column pointer message"

    QTest::newRow("wrong type") << QByteArray(R"("memoryMb": 256)")
                                << QByteArray(R"("memoryMb": "256")")
                                << "9:19 /functions/0/memoryMb expected a number, found a string.";
    QTest::newRow("fraction") << QByteArray(R"("memoryMb": 256)")
                              << QByteArray(R"("memoryMb": 256.5)")
                              << "9:19 /functions/0/memoryMb expected a whole number, found 256.5.";
    QTest::newRow("unknown runtime")
        << QByteArray(R"("python3.12")") << QByteArray(R"("python2.7")")
        << "6:18 /functions/0/runtime unknown runtime \"python2.7\"; allowed: python3.9, "
           "python3.10, python3.11, python3.12, python3.13, nodejs18.x, nodejs20.x, nodejs22.x, "
           "provided.al2023, provided.al2.";
    QTest::newRow("memory out of range")
        << QByteArray(R"("memoryMb": 256)") << QByteArray(R"("memoryMb": 20000)")
        << "9:19 /functions/0/memoryMb 20000 MB is out of range; allowed: 128 to 10240 MB.";
    QTest::newRow("timeout out of range")
        << QByteArray(R"("timeoutSeconds": 10)") << QByteArray(R"("timeoutSeconds": 0)")
        << "10:25 /functions/0/timeoutSeconds 0 seconds is out of range; allowed: 1 to 900 "
           "seconds.";
    QTest::newRow("missing handler file")
        << QByteArray(R"("app.handler")") << QByteArray(R"("main.handler")")
        << "7:18 /functions/0/handler the handler's file is missing: looked for orders/main.py, "
           "orders/main/__init__.py in the workspace.";
    QTest::newRow("missing code folder")
        << QByteArray(R"("codeUri": "orders")") << QByteArray(R"("codeUri": "order")")
        << QStringLiteral(
               "8:18 /functions/0/codeUri the code folder \"order\" does not exist in %1.");
    QTest::newRow("code outside workspace")
        << QByteArray(R"("codeUri": "orders")") << QByteArray(R"("codeUri": "../orders")")
        << "8:18 /functions/0/codeUri \"../orders\" is outside the workspace; give a folder "
           "relative to the workspace folder.";
    QTest::newRow("missing required key")
        << QByteArray(R"("handler": "app.handler",)") << QByteArray()
        << "4:5 /functions/0 missing required key \"handler\".";
    QTest::newRow("reserved variable")
        << QByteArray(R"({"TABLE": "orders"})") << QByteArray(R"({"AWS_REGION": "eu-west-1"})")
        << "11:37 /functions/0/environment/AWS_REGION AWS_REGION is set by Lambda itself and "
           "cannot be overridden; choose another name.";
    QTest::newRow("variable not a string")
        << QByteArray(R"({"TABLE": "orders"})") << QByteArray(R"({"RETRIES": 3})")
        << "11:34 /functions/0/environment/RETRIES expected a string, found a number; Lambda "
           "passes variables as text, so write it in quotes.";
    QTest::newRow("bad schedule")
        << QByteArray(R"j("rate(5 minutes)")j") << QByteArray(R"j("rate(1 minutes)")j")
        << "15:42 /functions/0/triggers/1/schedule \"rate(1 minutes)\" is not a schedule "
           "expression; write \"rate(5 minutes)\" (1 minute, N minutes, hours or days) or "
           "\"cron(0 12 * * ? *)\" with six fields.";
    QTest::newRow("bad http path")
        << QByteArray(R"("/orders/{id}")") << QByteArray(R"("orders")")
        << "14:51 /functions/0/triggers/0/path the path \"orders\" must start with \"/\".";
    QTest::newRow("unknown trigger type")
        << QByteArray(R"("type": "queue")") << QByteArray(R"("type": "mailbox")")
        << "16:18 /functions/0/triggers/2/type unknown trigger type \"mailbox\"; allowed: http, "
           "schedule, queue, topic, storage, stream.";
    QTest::newRow("duplicate key")
        << QByteArray(R"("memoryMb": 256,)") << QByteArray(R"("memoryMb": 256, "memoryMb": 512,)")
        << "9:24 /functions/0/memoryMb duplicate key \"memoryMb\"; only the last one would "
           "count, so remove one.";
    QTest::newRow("unknown provider")
        << QByteArray(R"("provider": "aws")") << QByteArray(R"("provider": "heroku")")
        << "21:36 /scenarios/0/provider unknown provider \"heroku\"; allowed: aws, azure, gcp, "
           "openwhisk.";
    QTest::newRow("top level array") << QByteArray(kValid) << QByteArray("[1, 2]")
                                     << "1:1  expected an object at the top level, found an array.";
    QTest::newRow("functions not array")
        << QByteArray(R"("functions": [)") << QByteArray(R"("functions": 3, "f": [)")
        << "3:16 /functions expected an array, found a number.";
}

void tst_WorkspaceFile::reportsEveryProblemAtItsPlace()
{
    QFETCH(QByteArray, from);
    QFETCH(QByteArray, to);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    QByteArray json = kValid;
    QVERIFY(json.contains(from));
    json.replace(from, to);
    QVERIFY(makeWorkspace(dir.path(), json));
    const auto loaded = WorkspaceFile::load(dir.path());
    QVERIFY(!loaded.has_value());
    if (expected.contains(QStringLiteral("%1")))
        expected = expected.arg(QDir(dir.path()).canonicalPath());
    QCOMPARE(firstError(loaded.error()), expected);
    // Every diagnostic names the file it is about.
    for (const Diagnostic& d : loaded.error().diagnostics)
        QVERIFY(d.file.endsWith(QStringLiteral("workbench.json")));
}

void tst_WorkspaceFile::reportsAllProblemsAtOnce()
{
    QTemporaryDir dir;
    QByteArray json = R"({"functions": [
  {"name": "a", "runtime": "python3.12", "handler": "app.handler", "codeUri": "orders"},
  {"name": "a", "runtime": "python3.12", "handler": "app.handler", "codeUri": "orders",
   "memoryMb": 64}
]})";
    QVERIFY(makeWorkspace(dir.path(), json));
    const auto loaded = WorkspaceFile::load(dir.path());
    QVERIFY(!loaded.has_value());
    QCOMPARE(loaded.error().code, ErrorCode::Validation);
    QCOMPARE(loaded.error().diagnostics.size(), 2);
    QCOMPARE(loaded.error().diagnostics.at(0).message,
             QStringLiteral("duplicate function name \"a\" (also at /functions/0/name); function "
                            "names must be unique."));
    QCOMPARE(loaded.error().diagnostics.at(0).line, 3);
    QCOMPARE(loaded.error().diagnostics.at(1).pointer, QStringLiteral("/functions/1/memoryMb"));
    QVERIFY(loaded.error().message.endsWith(
        QStringLiteral("workbench.json has 2 problems; fix them and validate again.")));
}

void tst_WorkspaceFile::warnsOnUnknownKeyWithSuggestion()
{
    QTemporaryDir dir;
    QByteArray json = kValid;
    json.replace(R"("memoryMb": 256,)", R"("memroyMb": 256,)");
    QVERIFY(makeWorkspace(dir.path(), json));
    const auto loaded = WorkspaceFile::load(dir.path());
    QVERIFY(loaded.has_value());
    QCOMPARE(loaded->warnings.size(), 2); // the function's and the scenario's
    const Diagnostic& w = loaded->warnings.first();
    QCOMPARE(w.pointer, QStringLiteral("/functions/0/memroyMb"));
    QCOMPARE(w.line, 9);
    QCOMPARE(w.message, QStringLiteral("unknown key \"memroyMb\" (did you mean \"memoryMb\"?); it "
                                       "is kept but not used."));
    QCOMPARE(loaded->workspace.functions.first().memoryMb, 128); // the default, not 256
}

// The cost engine's scenario options (plan, gateway, ...) are kept for it without a warning;
// a misspelt one still gets one.
void tst_WorkspaceFile::keepsCostOptionsOfScenariosWithoutWarning()
{
    QTemporaryDir dir;
    QByteArray json = kValid;
    json.replace(R"("durationMs": 120})", R"("durationMs": 120, "plan": "flex", "gateway": "http",
                 "provisionedInstances": 2, "gatway": "rest"})");
    QVERIFY(makeWorkspace(dir.path(), json));
    const auto loaded = WorkspaceFile::load(dir.path());
    QVERIFY(loaded.has_value());
    QCOMPARE(loaded->warnings.size(), 1);
    QCOMPARE(loaded->warnings.first().pointer, QStringLiteral("/scenarios/0/gatway"));
    const QJsonObject ext = loaded->workspace.scenarios.first().extensions;
    QCOMPARE(ext.value(QStringLiteral("plan")).toString(), QStringLiteral("flex"));
    QCOMPARE(ext.value(QStringLiteral("gateway")).toString(), QStringLiteral("http"));
    QCOMPARE(ext.value(QStringLiteral("provisionedInstances")).toInt(), 2);
}

void tst_WorkspaceFile::reportsTruncatedJsonWithLineAndColumn()
{
    QTemporaryDir dir;
    QVERIFY(makeWorkspace(dir.path(), kValid.left(kValid.indexOf("\"timeoutSeconds\""))));
    const auto loaded = WorkspaceFile::load(dir.path());
    QVERIFY(!loaded.has_value());
    QCOMPARE(loaded.error().code, ErrorCode::Parse);
    QCOMPARE(loaded.error().message,
             QStringLiteral("%1 is not valid JSON: unterminated object at line 10, column 7.")
                 .arg(QDir(dir.path()).canonicalPath() + QStringLiteral("/workbench.json")));
}

void tst_WorkspaceFile::reportsMissingWorkspaceFile()
{
    QTemporaryDir dir;
    const auto loaded = WorkspaceFile::load(dir.path());
    QVERIFY(!loaded.has_value());
    QCOMPARE(loaded.error().code, ErrorCode::NotFound);
    QCOMPARE(loaded.error().message,
             QStringLiteral("%1 is not a workspace: it has no workbench.json; create one with "
                            "\"swb import\" or from the examples.")
                 .arg(QDir(dir.path()).canonicalPath()));
}

void tst_WorkspaceFile::refusesHugeFile()
{
    QTemporaryDir dir;
    QFile file(dir.filePath(QStringLiteral("workbench.json")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    QVERIFY(file.resize(50LL * 1024 * 1024)); // sparse: 50 MB without writing them
    file.close();
    const auto loaded = WorkspaceFile::load(dir.path());
    QVERIFY(!loaded.has_value());
    QCOMPARE(loaded.error().code, ErrorCode::InvalidArgument);
    QCOMPARE(loaded.error().message,
             QStringLiteral("%1 is 50.0 MB, larger than the 4 MB this file may have; check that "
                            "it is the right file.")
                 .arg(file.fileName()));
}

void tst_WorkspaceFile::refusesNonUtf8File()
{
    QTemporaryDir dir;
    QByteArray json = kValid;
    json.replace("\"shop\"", "\"sh\xF6p\""); // Latin-1 "ö"
    QVERIFY(makeWorkspace(dir.path(), json));
    const auto loaded = WorkspaceFile::load(dir.path());
    QVERIFY(!loaded.has_value());
    QCOMPARE(loaded.error().code, ErrorCode::Parse);
    QCOMPARE(loaded.error().message,
             QStringLiteral("%1/workbench.json is not valid UTF-8 text (byte 0xf6 at line 2, "
                            "column 14); save it as UTF-8.")
                 .arg(QDir(dir.path()).canonicalPath()));
}

void tst_WorkspaceFile::reportsUnreadableFolder()
{
    QTemporaryDir dir;
    const QString folder = dir.filePath(QStringLiteral("locked"));
    QVERIFY(makeWorkspace(folder, kValid));
    QVERIFY(QFile::setPermissions(folder, QFileDevice::WriteOwner));
    const QString expected =
        QStringLiteral("The workspace folder %1 cannot be opened: permission denied; check the "
                       "folder's permissions.")
            .arg(QDir(dir.path()).canonicalPath() + QStringLiteral("/locked"));
    if (::geteuid() != 0) {
        const auto loaded = WorkspaceFile::load(folder);
        QVERIFY(!loaded.has_value());
        QCOMPARE(loaded.error().message, expected);
    } else {
        // Root reads any folder, so check as an unprivileged user in a child process; the
        // temporary folder must be reachable by that user.
        QVERIFY(QFile::setPermissions(dir.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                      QFileDevice::ExeOwner |
                                                      QFileDevice::ExeOther));
        int pipeFds[2];
        QCOMPARE(::pipe(pipeFds), 0);
        const pid_t child = ::fork();
        if (child == 0) {
            ::close(pipeFds[0]);
            QByteArray answer;
            if (::setgid(65534) != 0 || ::setuid(65534) != 0) {
                answer = "could not drop privileges";
            } else {
                const auto loaded = WorkspaceFile::load(folder);
                answer = loaded ? QByteArray("loaded") : loaded.error().message.toUtf8();
            }
            [[maybe_unused]] auto written = ::write(pipeFds[1], answer.constData(), answer.size());
            ::_exit(0);
        }
        ::close(pipeFds[1]);
        QByteArray answer;
        char buffer[512];
        for (ssize_t n; (n = ::read(pipeFds[0], buffer, sizeof buffer)) > 0;)
            answer.append(buffer, n);
        ::close(pipeFds[0]);
        int status = 0;
        ::waitpid(child, &status, 0);
        QCOMPARE(QString::fromUtf8(answer), expected);
    }
    QFile::setPermissions(folder,
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
}

void tst_WorkspaceFile::failedLoadLeavesFileUntouched()
{
    QTemporaryDir dir;
    const QByteArray broken = "{\"functions\": [ {\"name\": ";
    QVERIFY(makeWorkspace(dir.path(), broken));
    QVERIFY(!WorkspaceFile::load(dir.path()).has_value());
    QCOMPARE(test::readFile(dir.filePath(QStringLiteral("workbench.json"))), broken);
}

void tst_WorkspaceFile::readsAndKeepsRunnerSettings()
{
    QTemporaryDir dir;
    QByteArray json = kValid;
    json.replace(
        R"("name": "shop",)",
        R"("name": "shop", "runner": {"keepAliveSeconds": 30, "concurrencyLimit": 2, "freezeIdleInstances": false, "region": "eu-west-1"},)");
    QVERIFY(makeWorkspace(dir.path(), json));
    const auto loaded = WorkspaceFile::load(dir.path());
    QVERIFY2(loaded.has_value(), qPrintable(loaded ? QString() : loaded.error().toString()));
    const RunnerSettings& r = loaded->workspace.runner;
    QCOMPARE(r.keepAliveSeconds, 30);
    QCOMPARE(r.concurrencyLimit, 2);
    QCOMPARE(r.freezeIdleInstances, false);
    QCOMPARE(r.region, QStringLiteral("eu-west-1"));
    QVERIFY(WorkspaceFile::save(loaded->workspace).has_value());
    const auto again = WorkspaceFile::load(dir.path());
    QVERIFY(again.has_value());
    QCOMPARE(again->workspace.runner.keepAliveSeconds, 30);
    QCOMPARE(again->workspace.runner.region, QStringLiteral("eu-west-1"));
    // Defaults are not written out.
    Workspace plain;
    plain.name = QStringLiteral("p");
    QVERIFY(!WorkspaceFile::serialize(plain).contains("\"runner\""));
}

void tst_WorkspaceFile::rejectsBadRunnerSettings_data()
{
    QTest::addColumn<QByteArray>("runner");
    QTest::addColumn<QString>("expected");
    QTest::newRow("cap 0")
        << QByteArray(R"({"concurrencyLimit": 0})")
        << "/runner/concurrencyLimit 0 instances is out of range; allowed: 1 to 1000 instances.";
    QTest::newRow("keep-alive")
        << QByteArray(R"({"keepAliveSeconds": -1})")
        << "/runner/keepAliveSeconds -1 seconds is out of range; allowed: 0 to 86400 seconds.";
    QTest::newRow("region")
        << QByteArray(R"({"region": "Frankfurt"})")
        << "/runner/region \"Frankfurt\" is not an AWS region id; write it like \"us-east-1\".";
    QTest::newRow("not object") << QByteArray("true")
                                << "/runner expected an object, found a boolean.";
}

void tst_WorkspaceFile::rejectsBadRunnerSettings()
{
    QFETCH(QByteArray, runner);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    QByteArray json = kValid;
    json.replace(R"("name": "shop",)", "\"name\": \"shop\", \"runner\": " + runner + ",");
    QVERIFY(makeWorkspace(dir.path(), json));
    const auto loaded = WorkspaceFile::load(dir.path());
    QVERIFY(!loaded.has_value());
    const QString first = firstError(loaded.error());
    QCOMPARE(first.mid(first.indexOf(QLatin1Char(' ')) + 1), expected);
}

void tst_WorkspaceFile::copyFolderLeavesHistoryBehindAndMakesFilesWritable()
{
    QTemporaryDir dir;
    const QString from = dir.filePath(QStringLiteral("example"));
    QVERIFY(test::writeFile(from, QStringLiteral("workbench.json"),
                            R"({"name": "x", "functions": []})"));
    QVERIFY(test::writeFile(from, QStringLiteral("fn/app.py"), "print(1)\n"));
    QVERIFY(test::writeFile(from, QStringLiteral(".swb/history.sqlite"), "history"));
    QVERIFY(QFile::setPermissions(from + QStringLiteral("/fn/app.py"), QFileDevice::ReadOwner));
    const QString to = dir.filePath(QStringLiteral("mine/example"));
    QVERIFY(WorkspaceFile::copyFolder(from, to));
    QCOMPARE(test::readFile(to + QStringLiteral("/fn/app.py")), QByteArray("print(1)\n"));
    QVERIFY(QFileInfo(to + QStringLiteral("/fn/app.py")).isWritable());
    QVERIFY(!QFileInfo::exists(to + QStringLiteral("/.swb")));
    QVERIFY(WorkspaceFile::load(to));
    // Never over an existing folder, never from a folder that is not a workspace.
    QVERIFY(!WorkspaceFile::copyFolder(from, to));
    QVERIFY(!WorkspaceFile::copyFolder(dir.filePath(QStringLiteral("mine")),
                                       dir.filePath(QStringLiteral("x"))));
}

QTEST_GUILESS_MAIN(tst_WorkspaceFile)
#include "tst_WorkspaceFile.moc"
