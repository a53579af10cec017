// The local stage through the Deployer, as `swb deploy --provider local` runs it: a frozen copy
// of the package that serves as a workspace of its own, versions, the unchanged-code skip, the
// deploy record with its commit, and the stage's logs from the runner's history.
#include "HistoryStore.h"
#include "InvocationRecord.h"
#include "TestFiles.h"
#include "common/DeployJob.h"
#include "common/DeployLog.h"
#include "common/Deployer.h"
#include "common/LogTail.h"
#include "common/Packager.h"
#include "format/WorkspaceFile.h"
#include "local/LocalStageProvider.h"
#include "local/ZipExtractor.h"
#include "vcs/GitRepository.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace swb;

namespace {

const char* kWorkspace = R"({"name": "shop", "functions": [
    {"name": "orders", "runtime": "python3.12", "handler": "app.handler", "codeUri": "orders",
     "memoryMb": 256, "environment": {"TABLE": "orders"},
     "triggers": [{"type": "http", "method": "GET", "path": "/orders"}]}]})";

Result<DeployResult> runDeploy(Deployer& deployer, const Workspace& ws,
                               QStringList* steps = nullptr)
{
    DeployJob* job = deployer.deploy(ws, QStringLiteral("orders"), QStringLiteral("rehearsal"));
    QSignalSpy finished(job, &DeployJob::finished);
    QObject::connect(job, &DeployJob::stepStarted, job,
                     [steps](const QString& step, const QString&) {
                         if (steps)
                             *steps << step;
                     });
    if (!job->isFinished() && !finished.wait(20000))
        return fail(ErrorCode::Internal, QStringLiteral("the deploy did not finish"));
    return *job->result();
}

} // namespace

class tst_LocalStageProvider : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<QTemporaryDir> m_dir;
    Workspace m_ws;
    std::unique_ptr<LocalStageProvider> m_provider;

    QString ws() const { return m_dir->filePath(QStringLiteral("ws")); }
    QString stage() const { return m_provider->stageFolder(); }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(test::writeFile(ws(), QStringLiteral("workbench.json"), kWorkspace));
        QVERIFY(test::writeFile(ws(), QStringLiteral("orders/app.py"),
                                "def handler(event, context):\n    return {'statusCode': 200}\n"));
        QVERIFY(test::writeFile(ws(), QStringLiteral("orders/bootstrap"), "#!/bin/sh\n"));
        QFile::setPermissions(QDir(ws()).filePath(QStringLiteral("orders/bootstrap")),
                              QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        auto loaded = WorkspaceFile::load(ws());
        QVERIFY2(loaded, loaded ? "" : qPrintable(loaded.error().message));
        m_ws = loaded->workspace;
        ProviderContext ctx;
        ctx.workspaceFolder = ws();
        ctx.target = DeployTarget{QStringLiteral("rehearsal"), QStringLiteral("local"), {}, {}, {}};
        m_provider = std::make_unique<LocalStageProvider>(ctx);
    }

    void deployStagesAServableCopy()
    {
        Deployer deployer(m_provider.get());
        QStringList steps;
        const auto result = runDeploy(deployer, m_ws, &steps);
        QVERIFY2(result, result ? "" : qPrintable(result.error().message));
        QCOMPARE(steps, (QStringList{"package", "upload", "update", "ready"}));
        QCOMPARE(result->version, QStringLiteral("1"));
        QVERIFY(!result->codeUnchanged);
        QCOMPARE(stage(), QDir(ws()).filePath(QStringLiteral(".swb/stages/rehearsal")));
        // The stage is a workspace: the function as declared, its code the package's contents.
        auto staged = WorkspaceFile::load(stage());
        QVERIFY2(staged, staged ? "" : qPrintable(staged.error().message));
        const FunctionSpec* f = staged->workspace.function(QStringLiteral("orders"));
        QVERIFY(f);
        QCOMPARE(f->memoryMb, 256);
        QCOMPARE(f->environment.value(QStringLiteral("TABLE")), QStringLiteral("orders"));
        QCOMPARE(f->codeUri, QStringLiteral("functions/orders"));
        const QString code = staged->workspace.codeFolder(*f);
        QCOMPARE(test::readFile(QDir(code).filePath(QStringLiteral("app.py"))),
                 test::readFile(QDir(ws()).filePath(QStringLiteral("orders/app.py"))));
        QVERIFY(QFileInfo(QDir(code).filePath(QStringLiteral("bootstrap"))).isExecutable());
        // Frozen: editing the workspace does not touch the stage.
        QVERIFY(test::writeFile(ws(), QStringLiteral("orders/app.py"), "changed = True\n"));
        QVERIFY(!test::readFile(QDir(code).filePath(QStringLiteral("app.py"))).contains("changed"));
    }

    void sameCodeSkipsAndChangedCodeBumpsTheVersion()
    {
        Deployer deployer(m_provider.get());
        QVERIFY(runDeploy(deployer, m_ws));
        auto again = runDeploy(deployer, m_ws);
        QVERIFY(again);
        QVERIFY(again->codeUnchanged);
        QCOMPARE(again->version, QStringLiteral("1"));
        QVERIFY(test::writeFile(ws(), QStringLiteral("orders/app.py"),
                                "def handler(e, c):\n    return 2\n"));
        auto changed = runDeploy(deployer, m_ws);
        QVERIFY(changed);
        QVERIFY(!changed->codeUnchanged);
        QCOMPARE(changed->version, QStringLiteral("2"));
        QVERIFY(changed->codeSha256 != again->codeSha256);
        QVERIFY(test::readFile(QDir(stage()).filePath(QStringLiteral("functions/orders/app.py")))
                    .contains("return 2"));
        // No leftovers of the swap.
        const QStringList entries = QDir(stage() + QStringLiteral("/functions"))
                                        .entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        QCOMPARE(entries, QStringList{"orders"});
    }

    void everyDeployIsRecordedWithItsCommit()
    {
        auto repo = GitRepository::init(ws());
        QVERIFY(repo);
        auto commit = repo->commitAll(QStringLiteral("first"), Signature{"Ada", "ada@example.com"});
        QVERIFY(commit);
        Deployer deployer(m_provider.get());
        QVERIFY(runDeploy(deployer, m_ws));
        QVERIFY(deployer.record());
        QCOMPARE(deployer.record()->commitId, *commit);
        QVERIFY(!deployer.record()->dirty); // .swb/ (the stage, the log) is not the code
        QVERIFY(test::writeFile(ws(), QStringLiteral("orders/app.py"), "dirty = 1\n"));
        QVERIFY(runDeploy(deployer, m_ws));
        QVERIFY(deployer.record()->dirty);
        auto all = DeployLog(ws()).all();
        QVERIFY(all);
        QCOMPARE(all->size(), 2);
        QCOMPARE(all->at(0).outcome, DeployOutcome::Succeeded);
        QCOMPARE(all->at(0).provider, QStringLiteral("local"));
        QCOMPARE(all->at(0).target, QStringLiteral("rehearsal"));
        QCOMPARE(all->at(1).version, QStringLiteral("2"));
    }

    void failedDeployIsRecordedToo()
    {
        Deployer deployer(m_provider.get());
        Workspace broken = m_ws;
        broken.functions[0].codeUri = QStringLiteral("missing-folder");
        const auto result = runDeploy(deployer, broken);
        QVERIFY(!result);
        auto all = DeployLog(ws()).all();
        QVERIFY(all);
        QCOMPARE(all->size(), 1);
        QCOMPARE(all->at(0).outcome, DeployOutcome::Failed);
        QVERIFY(!all->at(0).message.isEmpty());
        QVERIFY(!QFileInfo::exists(QDir(stage()).filePath(QStringLiteral("workbench.json"))));
    }

    void cancelBeforeTheUploadStagesNothing()
    {
        Deployer deployer(m_provider.get());
        DeployJob* job =
            deployer.deploy(m_ws, QStringLiteral("orders"), QStringLiteral("rehearsal"));
        job->cancel();
        QSignalSpy finished(job, &DeployJob::finished);
        QVERIFY(job->isFinished() || finished.wait(10000));
        QCOMPARE(job->result()->error().code, ErrorCode::Cancelled);
        QVERIFY(!QFileInfo::exists(QDir(stage()).filePath(QStringLiteral("workbench.json"))));
        auto all = DeployLog(ws()).all();
        QVERIFY(all);
        QCOMPARE(all->size(), 1);
        QCOMPARE(all->at(0).outcome, DeployOutcome::Cancelled);
    }

    void badStageNameIsRefused()
    {
        ProviderContext ctx;
        ctx.workspaceFolder = ws();
        ctx.target = DeployTarget{QStringLiteral("../escape"), QStringLiteral("local"), {}, {}, {}};
        LocalStageProvider provider(ctx);
        Deployer deployer(&provider);
        const auto result = runDeploy(deployer, m_ws);
        QVERIFY(!result);
        QVERIFY(result.error().message.contains(QStringLiteral("stage name")));
        QVERIFY(!QDir(QDir(ws()).filePath(QStringLiteral(".swb/escape"))).exists());
    }

    void listAndRemove()
    {
        Deployer deployer(m_provider.get());
        QVERIFY(runDeploy(deployer, m_ws));
        std::optional<Result<QStringList>> listed;
        m_provider->listFunctions([&](Result<QStringList> r) { listed = std::move(r); });
        QTRY_VERIFY(listed.has_value());
        QCOMPARE(**listed, QStringList{"orders"});
        std::optional<Result<void>> removed;
        m_provider->removeFunction(QStringLiteral("orders"),
                                   [&](Result<void> r) { removed = std::move(r); });
        QTRY_VERIFY(removed.has_value());
        QVERIFY(*removed);
        QVERIFY(!QDir(QDir(stage()).filePath(QStringLiteral("functions/orders"))).exists());
        std::optional<Result<void>> again;
        m_provider->removeFunction(QStringLiteral("orders"),
                                   [&](Result<void> r) { again = std::move(r); });
        QTRY_VERIFY(again.has_value());
        QCOMPARE(again->error().code, ErrorCode::NotFound);
    }

    void logsComeFromWhatTheStageRecorded()
    {
        Deployer deployer(m_provider.get());
        QVERIFY(runDeploy(deployer, m_ws));
        {
            auto store = HistoryStore::open(HistoryStore::defaultPath(stage()));
            QVERIFY(store);
            InvocationRecord r;
            r.requestId = QStringLiteral("req-1");
            r.functionName = QStringLiteral("orders");
            r.instanceId = 1;
            r.startedAtEpochMs = QDateTime::currentMSecsSinceEpoch();
            r.logs = QStringList{"START RequestId: req-1", "hello from the stage",
                                 "END RequestId: req-1"};
            (*store)->record(r);
            QVERIFY((*store)->flush());
        }
        LogQuery q;
        q.function = QStringLiteral("orders");
        q.since = QDateTime::currentDateTimeUtc().addSecs(-60);
        LogTail* tail = m_provider->tailLogs(q);
        QSignalSpy events(tail, &LogTail::eventsArrived);
        QSignalSpy finished(tail, &LogTail::finished);
        QVERIFY(finished.wait(10000));
        QCOMPARE(events.count(), 1);
        const auto lines = events.at(0).at(0).value<QList<LogEvent>>();
        QCOMPARE(lines.size(), 3);
        QCOMPARE(lines.at(1).message, QStringLiteral("hello from the stage"));
    }

    void extractorRefusesEntriesOutsideTheFolder()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("python3")).isEmpty())
            QSKIP("python3 is needed to write a hostile zip");
        const QString zipPath = m_dir->filePath(QStringLiteral("evil.zip"));
        QProcess py;
        py.start(QStringLiteral("python3"),
                 {QStringLiteral("-c"),
                  QStringLiteral(
                      "import zipfile,sys\nz=zipfile.ZipFile(sys.argv[1],'w')\n"
                      "z.writestr('ok.txt','fine')\nz.writestr('../evil.txt','bad')\nz.close()"),
                  zipPath});
        QVERIFY(py.waitForFinished(20000));
        QCOMPARE(py.exitCode(), 0);
        QFile zip(zipPath);
        QVERIFY(zip.open(QIODevice::ReadOnly));
        const QString into = m_dir->filePath(QStringLiteral("out/inner"));
        const auto result = ZipExtractor::extract(zip.readAll(), into);
        QVERIFY(!result);
        QVERIFY(result.error().message.contains(QStringLiteral("../evil.txt")));
        QVERIFY(!QFileInfo::exists(m_dir->filePath(QStringLiteral("out/evil.txt"))));
        QVERIFY(
            !ZipExtractor::extract(QByteArray("not a zip"), m_dir->filePath(QStringLiteral("x"))));
    }
};

QTEST_GUILESS_MAIN(tst_LocalStageProvider)
#include "tst_LocalStageProvider.moc"
