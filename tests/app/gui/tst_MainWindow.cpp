// labels: gui integration
// The workbench window as a user drives it, offscreen: open a workspace, invoke, read the
// response and the logs; bad input (a malformed event, a missing or broken workspace) is
// reported and never crashes or invokes.
#include "CodeEditor.h"
#include "CostPanel.h"
#include "DeployPanel.h"
#include "EditorTabs.h"
#include "GatewayPanel.h"
#include "InvocationRecord.h"
#include "LogModel.h"
#include "LogView.h"
#include "MainWindow.h"
#include "MetricsModel.h"
#include "MetricsPanel.h"
#include "RecoveryStore.h"
#include "RunPanel.h"
#include "Runner.h"
#include "TimelineModel.h"
#include "TimelineView.h"
#include "WelcomePage.h"
#include "WorkspaceTree.h"
#include "model/Workspace.h"
#include "settings/Settings.h"

#include "TestFiles.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabBar>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace swb;

namespace {

const QByteArray kHandler = R"py(import json

def handler(event, context):
    print("handling", event.get("name", "nobody"))
    return {"statusCode": 200, "body": json.dumps({"hello": event.get("name", "nobody")})}
)py";

} // namespace

class tst_MainWindow : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void opensWorkspaceAndListsItsFunctions();
    void invokeShowsResponseLogsAndStatus();
    void secondInvokeIsWarm();
    void malformedEventIsShownAndNotSent();
    void missingWorkspaceShowsAClearMessage();
    void brokenWorkbenchJsonNamesTheLine();
    void remembersRecentWorkspaces();
    void newRenameAndDeleteFunctionFromTheTree();
    void savingCodeRetiresTheFunctionsInstances();
    void offersToRestoreUnsavedBuffersAtOpen();
    void costPanelPricesTheWorkspacesScenarios();
    void loadTestProducesColdThenWarmBars();
    void loadRowLimitsApplyToTheRunner();
    void everyControlHasAnAccessibleName();
    void importsASamTemplateAndOpensIt();
    void themeSwitchRepaintsTheWindowAndIsKept();
    void deployShortcutStagesTheCurrentFunction();
    void gatewayServesTheOpenWorkspaceOnTheTimeline();

private:
    QString writeWorkspace();

    QTemporaryDir* m_dir = nullptr;
    Settings* m_settings = nullptr;
    MainWindow* m_window = nullptr;
};

void tst_MainWindow::initTestCase()
{
    qRegisterMetaType<InvocationRecord>();
    if (QStandardPaths::findExecutable(QStringLiteral("python3")).isEmpty())
        QSKIP("python3 is not installed");
}

void tst_MainWindow::init()
{
    m_dir = new QTemporaryDir;
    m_settings = new Settings(m_dir->filePath(QStringLiteral("settings.ini")));
    m_window = new MainWindow(*m_settings, m_dir->filePath(QStringLiteral("runtimes")));
    m_window->show();
}

void tst_MainWindow::cleanup()
{
    delete m_window;
    delete m_settings;
    delete m_dir;
}

QString tst_MainWindow::writeWorkspace()
{
    const QString ws = m_dir->filePath(QStringLiteral("ws"));
    [[maybe_unused]] const bool written =
        test::writeFile(ws, QStringLiteral("workbench.json"),
                        R"({"name": "gui-test", "functions": [
                {"name": "greet", "runtime": "python3.11", "handler": "app.handler",
                 "codeUri": "greet",
                 "triggers": [{"type": "http", "method": "GET", "path": "/greet"}]}]})") &&
        test::writeFile(ws, QStringLiteral("greet/app.py"), kHandler) &&
        test::writeFile(ws, QStringLiteral("events/greet/ada.json"), R"({"name": "Ada"})");
    return ws;
}

void tst_MainWindow::opensWorkspaceAndListsItsFunctions()
{
    QVERIFY(m_window->welcomePage()->isVisible());
    const auto opened = m_window->openWorkspace(writeWorkspace());
    QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().message));
    QVERIFY(m_window->windowTitle().startsWith(QStringLiteral("gui-test")));
    QVERIFY(m_window->workspaceTree()->functionItem(QStringLiteral("greet")));
    QVERIFY(m_window->workspaceTree()
                ->functionItem(QStringLiteral("greet"))
                ->text(0)
                .contains(QStringLiteral("GET /greet")));
    QCOMPARE(m_window->runPanel()->currentFunction(), QStringLiteral("greet"));
    // The function's saved event is preselected.
    QVERIFY2(m_window->runPanel()->payload().contains(QStringLiteral("Ada")),
             qPrintable(m_window->runPanel()->payload()));
    QVERIFY(m_window->runPanel()->isVisible());
}

void tst_MainWindow::invokeShowsResponseLogsAndStatus()
{
    QVERIFY(m_window->openWorkspace(writeWorkspace()));
    RunPanel* run = m_window->runPanel();
    QSignalSpy finished(run, &RunPanel::invocationFinished);
    QVERIFY(run->invoke());
    QVERIFY(finished.wait(30000));
    auto* response = run->findChild<QPlainTextEdit*>();
    QVERIFY(response);
    const QList<QPlainTextEdit*> views = run->findChildren<QPlainTextEdit*>();
    bool sawResponse = false;
    for (QPlainTextEdit* v : views)
        sawResponse =
            sawResponse || v->toPlainText().contains(QStringLiteral("\\\"hello\\\": \\\"Ada\\\""));
    QVERIFY2(sawResponse, "the response with the greeting is shown");
    // The live logs get START, the handler's line and REPORT (after the next batch).
    LogModel* logs = m_window->logView()->model();
    QTRY_VERIFY_WITH_TIMEOUT(logs->rowCount() >= 3, 5000);
    bool sawReport = false, sawOutput = false;
    for (int i = 0; i < logs->rowCount(); ++i) {
        sawReport = sawReport || logs->entry(i).kind == LogEntry::Kind::Report;
        sawOutput = sawOutput || logs->entry(i).text.contains(QStringLiteral("handling Ada"));
    }
    QVERIFY(sawReport);
    QVERIFY(sawOutput);
    QVERIFY2(m_window->statusText().contains(QStringLiteral("1 instance")),
             qPrintable(m_window->statusText()));
    // And one new bar on the timeline: a cold start, with its REPORT figures.
    QTRY_COMPARE_WITH_TIMEOUT(m_window->timelineModel()->barCount(), qsizetype(1), 5000);
    QVERIFY(m_window->timelineModel()->bar(0).cold);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->timelineModel()->bar(0).hasRecord, 5000);
    QVERIFY(m_window->timelineModel()->bar(0).reportLine().startsWith(QStringLiteral("REPORT")));
}

void tst_MainWindow::secondInvokeIsWarm()
{
    QVERIFY(m_window->openWorkspace(writeWorkspace()));
    RunPanel* run = m_window->runPanel();
    QSignalSpy finished(run, &RunPanel::invocationFinished);
    QVERIFY(run->invoke());
    QVERIFY(finished.wait(30000));
    QVERIFY(run->invoke());
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 30000);
    const auto first = finished.at(0).at(0).value<InvocationRecord>();
    const auto second = finished.at(1).at(0).value<InvocationRecord>();
    QVERIFY(first.coldStart);
    QVERIFY(!second.coldStart);
}

void tst_MainWindow::malformedEventIsShownAndNotSent()
{
    QVERIFY(m_window->openWorkspace(writeWorkspace()));
    RunPanel* run = m_window->runPanel();
    QSignalSpy started(run, &RunPanel::invocationStarted);
    run->setPayload(QStringLiteral("{\n  \"name\": \"Ada\",\n  oops\n}"));
    QVERIFY(!run->invoke());
    QCOMPARE(started.size(), 0);
    QVERIFY2(run->payloadError().startsWith(QStringLiteral("Line 3")),
             qPrintable(run->payloadError()));
    run->setPayload(QStringLiteral("{\"name\": \"Bo\"}"));
    QVERIFY(run->payloadError().isEmpty());
}

void tst_MainWindow::missingWorkspaceShowsAClearMessage()
{
    const QString missing = m_dir->filePath(QStringLiteral("nowhere"));
    const auto opened = m_window->openWorkspace(missing);
    QVERIFY(!opened);
    QVERIFY(m_window->welcomePage()->isVisible());
    QVERIFY2(m_window->welcomePage()->error().contains(QStringLiteral("nowhere")),
             qPrintable(m_window->welcomePage()->error()));
    // Still usable: a good workspace opens after it.
    QVERIFY(m_window->openWorkspace(writeWorkspace()));
    QVERIFY(m_window->welcomePage()->error().isEmpty());
}

void tst_MainWindow::brokenWorkbenchJsonNamesTheLine()
{
    const QString ws = m_dir->filePath(QStringLiteral("broken"));
    QVERIFY(test::writeFile(ws, QStringLiteral("workbench.json"), "{\n  \"functions\": [\n  ,\n}"));
    const auto opened = m_window->openWorkspace(ws);
    QVERIFY(!opened);
    QVERIFY2(m_window->welcomePage()->error().contains(QStringLiteral("line 3")),
             qPrintable(m_window->welcomePage()->error()));
    QVERIFY(!m_window->workspace());
}

void tst_MainWindow::remembersRecentWorkspaces()
{
    const QString ws = writeWorkspace();
    QVERIFY(m_window->openWorkspace(ws));
    m_window->close();
    QVERIFY(m_settings->recentWorkspaces().contains(QDir(ws).absolutePath()) ||
            m_settings->recentWorkspaces().contains(ws));
    QCOMPARE(QDir(m_settings->lastWorkspace()).absolutePath(), QDir(ws).absolutePath());
    QVERIFY(!m_window->workspace()); // closing the window stops the runner
}

void tst_MainWindow::newRenameAndDeleteFunctionFromTheTree()
{
    const QString ws = writeWorkspace();
    QVERIFY(m_window->openWorkspace(ws));
    const auto created =
        m_window->createFunction(QStringLiteral("fresh"), QStringLiteral("python3.11"));
    QVERIFY2(created, qPrintable(created ? QString() : created.error().message));
    QVERIFY(m_window->workspaceTree()->functionItem(QStringLiteral("fresh")));
    QCOMPARE(m_window->runPanel()->currentFunction(), QStringLiteral("fresh"));
    // The new function runs at once from its template and saved event.
    QSignalSpy finished(m_window->runPanel(), &RunPanel::invocationFinished);
    QVERIFY(m_window->runPanel()->payload().contains(QStringLiteral("Ada")));
    QVERIFY(m_window->runPanel()->invoke());
    QVERIFY(finished.wait(30000));
    QVERIFY(!finished.first().first().value<InvocationRecord>().failed());

    QVERIFY(!m_window->createFunction(QStringLiteral("fresh"), QStringLiteral("python3.11")));
    QVERIFY(m_window->renameFunction(QStringLiteral("fresh"), QStringLiteral("renamed")));
    QVERIFY(!m_window->workspaceTree()->functionItem(QStringLiteral("fresh")));
    QVERIFY(m_window->workspaceTree()->functionItem(QStringLiteral("renamed")));
    QVERIFY(m_window->deleteFunction(QStringLiteral("renamed"), true));
    QVERIFY(!m_window->workspace()->function(QStringLiteral("renamed")));
    QVERIFY(!QFileInfo::exists(QDir(ws).filePath(QStringLiteral("fresh"))));
}

// Saving a function's code tells the runner: its instances retire and the next run is cold,
// with the new code.
void tst_MainWindow::savingCodeRetiresTheFunctionsInstances()
{
    const QString ws = writeWorkspace();
    QVERIFY(m_window->openWorkspace(ws));
    const QString app = QDir(ws).filePath(QStringLiteral("greet/app.py"));
    QCOMPARE(m_window->editorTabs()->currentEditor()->filePath(), app); // opened on its handler
    RunPanel* run = m_window->runPanel();
    QSignalSpy finished(run, &RunPanel::invocationFinished);
    QVERIFY(run->invoke());
    QVERIFY(finished.wait(30000));
    QVERIFY(run->invoke());
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 30000);
    QVERIFY(!finished.at(1).at(0).value<InvocationRecord>().coldStart);

    CodeEditor* editor = m_window->editorTabs()->currentEditor();
    editor->setText(editor->text().replace(QStringLiteral("\"hello\""), QStringLiteral("\"hi\"")));
    QVERIFY(m_window->editorTabs()->save());
    QVERIFY(test::readFile(app).contains("\"hi\""));
    QVERIFY(run->invoke());
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 3, 30000);
    const auto after = finished.at(2).at(0).value<InvocationRecord>();
    QVERIFY(after.coldStart);
    QVERIFY2(after.payload.contains("\\\"hi\\\""), after.payload.constData());
}

void tst_MainWindow::offersToRestoreUnsavedBuffersAtOpen()
{
    const QString ws = writeWorkspace();
    const QString app = QDir(ws).filePath(QStringLiteral("greet/app.py"));
    RecoveryStore store(QDir(ws).filePath(QStringLiteral(".swb/recovery")));
    QVERIFY(store.write(app, QStringLiteral("# typed before the crash\n")));
    int asked = 0;
    m_window->setRecoveryPrompt([&asked](int buffers) {
        asked = buffers;
        return true;
    });
    QVERIFY(m_window->openWorkspace(ws));
    QCOMPARE(asked, 1);
    CodeEditor* editor = m_window->editorTabs()->editorFor(app);
    QVERIFY(editor);
    QCOMPARE(editor->text(), QStringLiteral("# typed before the crash\n"));
    QVERIFY(editor->isModified());
    QVERIFY(!test::readFile(app).contains("typed before")); // the file itself is untouched
}

void tst_MainWindow::costPanelPricesTheWorkspacesScenarios()
{
    QVERIFY(m_window->openWorkspace(QStringLiteral(SWB_SOURCE_DIR "/examples/hello-python")));
    QCOMPARE(m_window->costPanel()->scenarios().size(), m_window->workspace()->scenarios.size());
    QVERIFY(m_window->costPanel()->scenarios().size() >= 2);
    QVERIFY(m_window->closeWorkspace());
    QVERIFY(m_window->costPanel()->scenarios().isEmpty());
}

// The load row sends the function many times: the timeline shows one cold bar (or a few,
// while instances start) and then warm ones on the same lanes.
void tst_MainWindow::loadTestProducesColdThenWarmBars()
{
    QVERIFY(m_window->openWorkspace(writeWorkspace()));
    RunPanel* run = m_window->runPanel();
    QSignalSpy done(run, &RunPanel::loadFinished);
    // 5 a second for 6 s: slow enough that an instance is ready before most requests come
    // (faster, concurrent cold starts pile up as on Lambda, and the cap throttles), and long
    // enough that instances are warm even when a busy machine makes a cold start take seconds.
    run->setLoad(QStringLiteral("constant"), 5, 6);
    QVERIFY(run->startLoad());
    QVERIFY(run->isLoadRunning());
    QVERIFY(done.wait(60000));
    QVERIFY2(run->loadStatus().contains(QStringLiteral("sent 30 · done 30")),
             qPrintable(run->loadStatus()));
    TimelineModel* timeline = m_window->timelineModel();
    QTRY_VERIFY_WITH_TIMEOUT(timeline->barCount() >= 1, 5000);
    int cold = 0, warm = 0;
    for (qsizetype i = 0; i < timeline->barCount(); ++i)
        (timeline->bar(i).cold ? cold : warm) += 1;
    QVERIFY(timeline->bar(0).cold);
    QVERIFY2(
        cold >= 1 && warm >= 1,
        qPrintable(
            QStringLiteral("%1 cold, %2 warm; %3").arg(cold).arg(warm).arg(run->loadStatus())));
    QVERIFY(!run->isLoadRunning());
    // The metrics saw the same invocations (those that ran: a throttled request has no bar,
    // and is counted apart, when a slow machine makes cold starts pile up to the limit).
    QTRY_COMPARE_WITH_TIMEOUT(m_window->metricsPanel()->model()->recordCount(),
                              qint64(timeline->barCount()), 5000);
}

// The load row's concurrency limit is the runner's: a limit of 1 with a slow handler
// throttles the requests that overlap.
void tst_MainWindow::loadRowLimitsApplyToTheRunner()
{
    const QString ws = writeWorkspace();
    QVERIFY(test::writeFile(ws, QStringLiteral("greet/app.py"),
                            "import time\n\ndef handler(event, context):\n    time.sleep(0.3)\n"
                            "    return {\"statusCode\": 200}\n"));
    QVERIFY(m_window->openWorkspace(ws));
    RunPanel* run = m_window->runPanel();
    QSignalSpy done(run, &RunPanel::loadFinished);
    run->setLoad(QStringLiteral("constant"), 10, 1);
    run->setLoadLimits(5, 1);
    QVERIFY(run->startLoad());
    QCOMPARE(m_window->runner()->concurrencyLimit(), 1);
    QCOMPARE(m_window->runner()->keepAliveMs(), qint64(5000));
    QVERIFY(done.wait(60000));
    QVERIFY2(!run->loadStatus().contains(QStringLiteral("throttled 0 ")),
             qPrintable(run->loadStatus()));
}

// Screen readers name a control by its accessible name, else its text: every input, button
// and list in the window must have one or the other.
void tst_MainWindow::everyControlHasAnAccessibleName()
{
    QVERIFY(m_window->openWorkspace(QStringLiteral(SWB_SOURCE_DIR "/examples/hello-python")));
    QStringList unnamed;
    for (QWidget* w : m_window->findChildren<QWidget*>()) {
        const bool control = qobject_cast<QAbstractButton*>(w) || qobject_cast<QComboBox*>(w) ||
                             qobject_cast<QLineEdit*>(w) || qobject_cast<QAbstractSpinBox*>(w) ||
                             qobject_cast<QAbstractItemView*>(w) ||
                             qobject_cast<QPlainTextEdit*>(w);
        if (!control || !w->isVisibleTo(m_window))
            continue;
        // Qt's own inner parts (a combo box's line edit, a spin box's editor, a scroll area's
        // buttons) are named by their owner.
        const QByteArray cls = w->metaObject()->className();
        if (qobject_cast<QAbstractSpinBox*>(w->parentWidget()) ||
            qobject_cast<QComboBox*>(w->parentWidget()) ||
            qobject_cast<QAbstractItemView*>(w->parentWidget()) || // headers, corner button
            qobject_cast<QTabBar*>(w->parentWidget()) ||           // a tab's close button
            w->objectName().startsWith("qt_") || cls == "QTableCornerButton")
            continue;
        QString text;
        if (auto* b = qobject_cast<QAbstractButton*>(w))
            text = b->text().remove(QLatin1Char('&'));
        if (w->accessibleName().isEmpty() && text.trimmed().isEmpty())
            unnamed << QStringLiteral("%1 in %2")
                           .arg(QString::fromLatin1(w->metaObject()->className()),
                                QString::fromLatin1(
                                    w->parentWidget() ? w->parentWidget()->metaObject()->className()
                                                      : "window"));
    }
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QStringLiteral("; "))));
}

void tst_MainWindow::importsASamTemplateAndOpensIt()
{
    const QString folder = m_dir->filePath(QStringLiteral("sam"));
    QVERIFY(test::writeFile(folder, QStringLiteral("template.yaml"),
                            R"yaml(AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Resources:
  OrdersFunction:
    Type: AWS::Serverless::Function
    Properties:
      CodeUri: orders/
      Handler: app.handler
      Runtime: python3.12
      Events:
        GetOrder:
          Type: HttpApi
          Properties:
            Path: /orders/{id}
            Method: get
)yaml"));
    QVERIFY(test::writeFile(folder, QStringLiteral("orders/app.py"),
                            "def handler(e, c):\n    return 1\n"));
    const auto imported =
        m_window->importTemplate(QDir(folder).filePath(QStringLiteral("template.yaml")), folder);
    QVERIFY2(imported, qPrintable(imported ? QString() : imported.error().message));
    QVERIFY(m_window->workspace());
    QVERIFY(m_window->workspaceTree()->functionItem(QStringLiteral("OrdersFunction")));
    // A second import into the same folder would overwrite it: refused, said on the page.
    QVERIFY(m_window->closeWorkspace());
    QVERIFY(
        !m_window->importTemplate(QDir(folder).filePath(QStringLiteral("template.yaml")), folder));
    QVERIFY(m_window->welcomePage()->error().contains(QStringLiteral("already exists")));
}

void tst_MainWindow::themeSwitchRepaintsTheWindowAndIsKept()
{
    QVERIFY(m_window->openWorkspace(QStringLiteral(SWB_SOURCE_DIR "/examples/hello-python")));
    auto* timeline = m_window->findChild<TimelineView*>();
    QVERIFY(timeline);
    auto lightness = [](QWidget* w) {
        // The colour most of the widget is painted in: its middle row's median pixel.
        const QImage image = w->grab().toImage();
        QList<int> values;
        for (int x = 0; x < image.width(); x += 4)
            values << image.pixelColor(x, image.height() / 2).lightness();
        std::sort(values.begin(), values.end());
        return values.isEmpty() ? -1 : values.at(values.size() / 2);
    };
    m_window->applyTheme(QStringLiteral("light"), true);
    QVERIFY(lightness(timeline) > 160);
    const QString editorWas = QString::number(lightness(m_window->editorTabs()));
    QVERIFY2(lightness(m_window->editorTabs()) > 160, qPrintable(editorWas));
    m_window->applyTheme(QStringLiteral("dark"), true);
    QCOMPARE(m_window->theme(), QStringLiteral("dark"));
    QVERIFY(qApp->palette().color(QPalette::Base).lightness() < 60);
    QTRY_VERIFY(lightness(timeline) < 90);
    QTRY_VERIFY(lightness(m_window->editorTabs()) < 90); // the editor follows (mirrored lexer)
    QCOMPARE(m_settings->theme(), QStringLiteral("dark"));
    // The View menu shows the choice; a run-only theme is not kept.
    QAction* dark = nullptr;
    for (QAction* a : m_window->findChildren<QAction*>())
        if (a->isCheckable() && a->data().toString() == QLatin1String("dark"))
            dark = a;
    QVERIFY(dark && dark->isChecked());
    m_window->applyTheme(QStringLiteral("system"), false);
    QCOMPARE(m_settings->theme(), QStringLiteral("dark"));
    QVERIFY(!dark->isChecked());
}

void tst_MainWindow::deployShortcutStagesTheCurrentFunction()
{
    const QString ws = writeWorkspace();
    QVERIFY(m_window->openWorkspace(ws));
    DeployPanel* panel = m_window->deployPanel();
    panel->setCurrentTarget(QStringLiteral("default"));
    QCOMPARE(panel->currentTarget().provider, QStringLiteral("local"));
    QSignalSpy finished(panel, &DeployPanel::deployFinished);
    QAction* deploy = nullptr;
    for (QAction* a : m_window->findChildren<QAction*>())
        if (a->shortcut() == QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D))
            deploy = a;
    QVERIFY(deploy);
    deploy->trigger();
    QVERIFY(finished.wait(20000));
    QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(panel->resultText()));
    QVERIFY(QFileInfo::exists(ws + QStringLiteral("/.swb/stages/default/functions/greet/app.py")));
    QCOMPARE(panel->historyRows(), 1);
    // A running deploy keeps the workspace open; a finished one does not.
    QVERIFY(m_window->closeWorkspace());
}

void tst_MainWindow::gatewayServesTheOpenWorkspaceOnTheTimeline()
{
    const QString ws = writeWorkspace();
    QVERIFY(m_window->openWorkspace(ws));
    GatewayPanel* gateway = m_window->gatewayPanel();
    gateway->portBox()->setValue(0);
    QAction* toggle = nullptr;
    for (QAction* a : m_window->findChildren<QAction*>())
        if (a->shortcut() == QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_G))
            toggle = a;
    QVERIFY(toggle && toggle->isEnabled());
    toggle->trigger();
    QVERIFY2(gateway->isServing(), qPrintable(gateway->errorText()));
    QCOMPARE(toggle->text(), QStringLiteral("Stop HTTP &Gateway"));
    const quint16 port = gateway->port();

    // A request from outside runs on the window's runner: its bar is on the timeline.
    QNetworkAccessManager net;
    const auto get = [&net](const QString& url) {
        QNetworkReply* reply = net.get(QNetworkRequest(QUrl(url)));
        if (!QTest::qWaitFor([reply] { return reply->isFinished(); }, 60000))
            return -1;
        reply->deleteLater();
        return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    };
    QCOMPARE(get(gateway->baseUrl() + QStringLiteral("/greet")), 200);
    QTRY_COMPARE(m_window->timelineModel()->barCount(), qsizetype(1));

    // Reopening the workspace (workbench.json edited) keeps serving on the same port.
    QVERIFY(m_window->openWorkspace(ws));
    QVERIFY(gateway->isServing());
    QCOMPARE(gateway->port(), port);
    QCOMPARE(get(gateway->baseUrl() + QStringLiteral("/greet")), 200);

    // Closing it stops the gateway: nothing serves a workspace that is not open.
    QVERIFY(m_window->closeWorkspace());
    QVERIFY(!gateway->isServing());
    QCOMPARE(toggle->text(), QStringLiteral("Start HTTP &Gateway"));

    // The port chosen is kept for the next window (here 0: any free one).
    QCOMPARE(m_settings->gatewayPort(), 0);
    MainWindow next(*m_settings, m_dir->filePath(QStringLiteral("runtimes")));
    QCOMPARE(next.gatewayPanel()->portBox()->value(), 0);
}

QTEST_MAIN(tst_MainWindow)
#include "tst_MainWindow.moc"
