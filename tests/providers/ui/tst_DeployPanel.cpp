// labels: gui
// The deploy panel over a real local stage and over a provider that waits for a cancel: steps,
// result, history, logs that follow, and errors shown rather than thrown.
#include "CredentialsDialog.h"
#include "DeployPanel.h"
#include "HistoryStore.h"
#include "InvocationRecord.h"
#include "ProviderRegistry.h"
#include "TestFiles.h"
#include "common/DeployJob.h"
#include "common/LogTail.h"
#include "format/WorkspaceFile.h"
#include "model/Workspace.h"
#include "settings/InMemorySecretStore.h"
#include "vcs/GitRepository.h"

#include <QJsonDocument>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace swb;
using Step = DeployPanel::StepState;

namespace {

// Starts uploading and then waits: only a cancel ends it.
class StuckProvider : public Provider {
public:
    QString id() const override { return QStringLiteral("local"); }
    void checkIdentity(std::function<void(Result<ProviderIdentity>)> done) override
    {
        done(ProviderIdentity{});
    }
    DeployJob* deploy(const DeploySpec&) override
    {
        auto* job = new DeployJob(this);
        QTimer::singleShot(0, job, [job] {
            job->beginStep(QString::fromLatin1(DeployJob::kUpload), QStringLiteral("Uploading"));
        });
        connect(job, &DeployJob::cancelRequested, job, [job] { job->finishIfCancelled(); });
        return job;
    }
    LogTail* tailLogs(const LogQuery& q) override { return new LogTail(q, this); }
    void listFunctions(std::function<void(Result<QStringList>)> done) override
    {
        done(QStringList{});
    }
    void removeFunction(const QString&, std::function<void(Result<void>)> done) override
    {
        done({});
    }
};

} // namespace

class tst_DeployPanel : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<QTemporaryDir> m_dir;
    Workspace m_ws;
    QString ws() const { return m_dir->filePath(QStringLiteral("ws")); }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(test::writeFile(ws(), QStringLiteral("workbench.json"),
                                R"({"name": "demo", "functions": [
            {"name": "hello", "runtime": "python3.12", "handler": "app.handler", "codeUri": "hello"},
            {"name": "other", "runtime": "python3.12", "handler": "app.handler", "codeUri": "hello"}],
            "deployTargets": [{"name": "prod", "provider": "aws", "region": "eu-west-1"}]})"));
        QVERIFY(test::writeFile(ws(), QStringLiteral("hello/app.py"),
                                "def handler(e, c):\n    return 1\n"));
        auto loaded = WorkspaceFile::load(ws());
        QVERIFY(loaded);
        m_ws = loaded->workspace;
    }

    void offersTheWorkspacesTargetsAndEveryPlatform()
    {
        DeployPanel panel;
        panel.setWorkspace(&m_ws);
        QStringList names;
        for (const DeployTarget& t : panel.targets())
            names << t.provider + QLatin1Char(':') + t.name;
        QCOMPARE(names, (QStringList{"aws:prod", "azure:azure", "gcp:gcp", "openwhisk:openwhisk",
                                     "local:default"}));
        // The current target is one this build can deploy to.
        QVERIFY(ProviderRegistry::available().contains(panel.currentTarget().provider));
    }

    void deploysToTheLocalStageAndFollowsItsLogs()
    {
        DeployPanel panel;
        panel.setProviderFactory([this](const DeployTarget& t) {
            ProviderContext ctx;
            ctx.workspaceFolder = ws();
            ctx.target = t;
            return ProviderRegistry::create(t.provider, ctx);
        });
        panel.setWorkspace(&m_ws);
        panel.setCurrentTarget(QStringLiteral("default"));
        QCOMPARE(panel.currentTarget().provider, QStringLiteral("local"));
        QSignalSpy finished(&panel, &DeployPanel::deployFinished);
        QSignalSpy lines(&panel, &DeployPanel::logLines);
        QTest::mouseClick(panel.deployButton(), Qt::LeftButton);
        QVERIFY(panel.isDeploying());
        QVERIFY(panel.cancelButton()->isEnabled());
        QVERIFY(finished.wait(20000));
        QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(panel.resultText()));
        for (const char* step : {"package", "upload", "update", "ready"})
            QCOMPARE(panel.stepState(QString::fromLatin1(step)), Step::Done);
        QVERIFY(panel.resultText().contains(QStringLiteral("version 1")));
        QVERIFY(panel.resultText().contains(QStringLiteral("Commit: none")));
        QCOMPARE(panel.historyRows(), 1);
        QCOMPARE(panel.historyText(0, 3), QStringLiteral("succeeded"));
        QVERIFY(!panel.cancelButton()->isEnabled());
        QVERIFY(panel.isFollowingLogs());

        // What the staged function logs (as swb serve --stage records it) reaches the panel.
        {
            auto store = HistoryStore::open(
                HistoryStore::defaultPath(ws() + QStringLiteral("/.swb/stages/default")));
            QVERIFY(store);
            InvocationRecord r;
            r.requestId = QStringLiteral("r1");
            r.functionName = QStringLiteral("hello");
            r.startedAtEpochMs = QDateTime::currentMSecsSinceEpoch();
            r.logs = QStringList{"a line from the stage"};
            (*store)->record(r);
            QVERIFY((*store)->flush());
        }
        QTRY_VERIFY_WITH_TIMEOUT(lines.count() > 0, 10000);
        QCOMPARE(lines.at(0).at(0).toString(), QStringLiteral("hello@local:default"));
        QCOMPARE(lines.at(0).at(1).value<QList<LogEvent>>().at(0).message,
                 QStringLiteral("a line from the stage"));
        panel.stopLogs();
        QVERIFY(!panel.isFollowingLogs());

        // History is per function.
        panel.setCurrentFunction(QStringLiteral("other"));
        QCOMPARE(panel.historyRows(), 0);
    }

    void aDirtyDeployOffersToCommitFirst()
    {
        auto repo = GitRepository::init(ws());
        QVERIFY(repo);
        const Signature me{QStringLiteral("Tester"), QStringLiteral("t@example.com")};
        QVERIFY(repo->ensureIgnored(QStringLiteral(".swb/")));
        const auto first = repo->commitAll(QStringLiteral("first"), me);
        QVERIFY(first);
        QVERIFY(test::writeFile(ws(), QStringLiteral("hello/app.py"),
                                "def handler(e, c):\n    return 2\n"));

        DeployPanel panel;
        panel.setProviderFactory([this](const DeployTarget& t) {
            ProviderContext ctx;
            ctx.workspaceFolder = ws();
            ctx.target = t;
            return ProviderRegistry::create(t.provider, ctx);
        });
        panel.setWorkspace(&m_ws);
        panel.setCurrentTarget(QStringLiteral("default"));
        panel.setFollowLogs(false);
        QVERIFY(!panel.deployedButton()->isEnabled()); // nothing deployed yet
        QStringList asked;
        DeployPanel::DirtyChoice answer = DeployPanel::DirtyChoice::Cancel;
        panel.setDirtyPrompt([&](const QString& function, const QString& note) {
            asked << function + QStringLiteral(": ") + note;
            return answer;
        });
        int commits = 0;
        QString committed;
        panel.setCommitHandler([&] {
            ++commits;
            auto again = GitRepository::open(ws());
            auto id = again->commitAll(QStringLiteral("second"), me);
            if (id)
                committed = *id;
            return bool(id);
        });

        // Cancel: nothing starts.
        QVERIFY(!panel.deploy());
        QCOMPARE(asked.size(), 1);
        QVERIFY2(asked[0].startsWith(QStringLiteral("hello: 1 file")), qPrintable(asked[0]));
        QVERIFY(!panel.isDeploying());
        QCOMPARE(panel.historyRows(), 0);

        // Commit first: the handler commits, the deploy comes from the new commit, clean.
        answer = DeployPanel::DirtyChoice::CommitFirst;
        QSignalSpy finished(&panel, &DeployPanel::deployFinished);
        QVERIFY(panel.deploy());
        QCOMPARE(commits, 1);
        QVERIFY(finished.wait(20000));
        QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(panel.resultText()));
        QCOMPARE(panel.historyRows(), 1);
        QCOMPARE(panel.historyText(0, 2), committed.left(8));

        // What is deployed: the button names that commit.
        QVERIFY(panel.deployedButton()->isEnabled());
        QSignalSpy deployed(&panel, &DeployPanel::deployedDiffRequested);
        QTest::mouseClick(panel.deployedButton(), Qt::LeftButton);
        QCOMPARE(deployed.count(), 1);
        QCOMPARE(deployed.at(0).at(0).toString(), QStringLiteral("hello"));
        QCOMPARE(deployed.at(0).at(1).toString(), QStringLiteral("local"));
        QCOMPARE(deployed.at(0).at(2).toString(), committed);

        // Deploy dirty: proceeds without a commit and is recorded dirty.
        QVERIFY(test::writeFile(ws(), QStringLiteral("hello/app.py"),
                                "def handler(e, c):\n    return 3\n"));
        answer = DeployPanel::DirtyChoice::DeployDirty;
        QVERIFY(panel.deploy());
        QCOMPARE(commits, 1);
        QVERIFY(finished.wait(20000));
        QCOMPARE(panel.historyRows(), 2);
        QVERIFY2(panel.historyText(0, 2).endsWith(QStringLiteral("(dirty)")) ||
                     panel.historyText(1, 2).endsWith(QStringLiteral("(dirty)")),
                 qPrintable(panel.historyText(0, 2)));
        QCOMPARE(asked.size(), 3);

        // A clean tree is not asked about.
        QVERIFY(GitRepository::open(ws())->commitAll(QStringLiteral("third"), me));
        QVERIFY(panel.deploy());
        QVERIFY(finished.wait(20000));
        QCOMPARE(asked.size(), 3);
    }

    void cancelStopsADeployInFlight()
    {
        DeployPanel panel;
        panel.setProviderFactory([](const DeployTarget&) -> Result<std::unique_ptr<Provider>> {
            return std::unique_ptr<Provider>(std::make_unique<StuckProvider>());
        });
        panel.setWorkspace(&m_ws);
        panel.setCurrentTarget(QStringLiteral("default"));
        QSignalSpy finished(&panel, &DeployPanel::deployFinished);
        QVERIFY(panel.deploy());
        QTRY_COMPARE(panel.stepState(QStringLiteral("upload")), Step::Running);
        QCOMPARE(panel.stepState(QStringLiteral("package")), Step::Done);
        QVERIFY(!panel.setWorkspace(nullptr)); // not while deploying
        QVERIFY(panel.cancelButton()->isEnabled());
        QTest::mouseClick(panel.cancelButton(), Qt::LeftButton);
        QVERIFY2(finished.count() == 1 || finished.wait(10000), qPrintable(panel.resultText()));
        QCOMPARE(finished.at(0).at(0).toBool(), false);
        QVERIFY(panel.resultText().startsWith(QStringLiteral("Cancelled")));
        QCOMPARE(panel.historyRows(), 1);
        QCOMPARE(panel.historyText(0, 3), QStringLiteral("cancelled"));
        QVERIFY(panel.deployButton()->isEnabled());
    }

    void aPlatformThatCannotBeMadeIsShownNotThrown()
    {
        DeployPanel panel;
        panel.setProviderFactory([](const DeployTarget&) -> Result<std::unique_ptr<Provider>> {
            return fail(ErrorCode::Unauthorized,
                        QStringLiteral("No AWS credentials were found (environment, profile "
                                       "'default')."));
        });
        panel.setWorkspace(&m_ws);
        panel.setCurrentTarget(QStringLiteral("prod"));
        QCOMPARE(panel.currentTarget().provider, QStringLiteral("aws"));
        QVERIFY(!panel.deploy());
        QVERIFY2(panel.resultText().contains(QStringLiteral("No AWS credentials")),
                 qPrintable(panel.resultText()));
        QVERIFY(!panel.isDeploying());
        QVERIFY(panel.deployButton()->isEnabled());
    }

    void credentialsDialogKeepsSecretsOutOfTheTarget()
    {
        InMemorySecretStore store;
        CredentialsDialog dialog(DeployTarget{"wsk", "openwhisk", {}, {}, {}}, &store, {});
        QSignalSpy saved(&dialog, &CredentialsDialog::saved);
        dialog.save(); // the API host is required
        QTRY_VERIFY(!dialog.errorText().isEmpty());
        QVERIFY(dialog.errorText().contains("API host"));
        dialog.field("apiHost")->setText("https://wsk.example.com");
        dialog.field("auth")->setText("uuid:very-secret-key");
        QCOMPARE(dialog.field("auth")->echoMode(), QLineEdit::Password);
        dialog.save();
        QTRY_COMPARE(saved.count(), 1);
        QVERIFY(dialog.savedTarget());
        QCOMPARE(dialog.savedTarget()->endpoint, QStringLiteral("https://wsk.example.com"));
        QCOMPARE(store.keys(), QStringList{"openwhisk/wsk/auth"});
        QVERIFY(dialog.field("auth")->text().isEmpty()); // typed secrets do not linger
        QVERIFY(!QJsonDocument(dialog.savedTarget()->extensions).toJson().contains("very-secret"));
    }
};

QTEST_MAIN(tst_DeployPanel)
#include "tst_DeployPanel.moc"
