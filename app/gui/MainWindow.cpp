#include "MainWindow.h"

#include "CodeEditor.h"
#include "CommitDialog.h"
#include "CostPanel.h"
#include "DeployPanel.h"
#include "DiffDialog.h"
#include "DiffView.h"
#include "EditorTabs.h"
#include "GatewayPanel.h"
#include "HistoryDialog.h"
#include "HistoryStore.h"
#include "LogModel.h"
#include "LogView.h"
#include "MetricsModel.h"
#include "MetricsPanel.h"
#include "OutcomeText.h"
#include "ProviderRegistry.h"
#include "RecoveryStore.h"
#include "RunPanel.h"
#include "Runner.h"
#include "RunnerEvent.h"
#include "RuntimeFiles.h"
#include "SimulatePanel.h"
#include "Theme.h"
#include "TimelineModel.h"
#include "TimelineView.h"
#include "Translations.h"
#include "WelcomePage.h"
#include "WorkspaceTree.h"
#include "common/Provider.h"
#include "format/WorkspaceFile.h"
#include "format/WorkspaceFunctions.h"
#include "import/TemplateImport.h"
#include "model/Runtime.h"
#include "model/Workspace.h"
#include "resources/ResourceSet.h"
#include "settings/KeychainSecretStore.h"
#include "settings/Settings.h"
#include "vcs/GitRepository.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCheckBox>
#include <QCloseEvent>
#include <QComboBox>
#include <QCoreApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QProcessEnvironment>
#include <QScreen>
#include <QScrollArea>
#include <QSpinBox>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTimer>

namespace swb {

namespace {

// The examples installed beside the program (<prefix>/share/serverless-workbench/examples),
// else those of the source tree it was built from.
QStringList exampleFolders()
{
    QStringList roots{QCoreApplication::applicationDirPath() +
                      QStringLiteral("/../share/serverless-workbench/examples")};
#ifdef SWB_EXAMPLES_DIR
    roots << QStringLiteral(SWB_EXAMPLES_DIR);
#endif
    for (const QString& root : roots) {
        const QDir examples(root);
        QStringList out;
        for (const QString& name :
             examples.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
            if (QFileInfo::exists(examples.filePath(name + QStringLiteral("/workbench.json"))))
                out << QDir::cleanPath(examples.filePath(name));
        }
        if (!out.isEmpty())
            return out;
    }
    return {};
}

} // namespace

MainWindow::MainWindow(Settings& settings, const QString& runtimeCache, QWidget* parent)
    : QMainWindow(parent), m_settings(settings), m_runtimeCache(runtimeCache),
      m_center(new QStackedWidget(this)), m_welcome(new WelcomePage(this)),
      m_editor(new EditorTabs(this)), m_runPanel(new RunPanel(this)),
      m_tree(new WorkspaceTree(this)), m_logView(new LogView(this)),
      m_timelineModel(new TimelineModel(this)), m_timeline(new TimelineView(this)),
      m_treeDock(new QDockWidget(tr("Workspace"), this)),
      m_runDock(new QDockWidget(tr("Run"), this)),
      m_timelineDock(new QDockWidget(tr("Timeline"), this)),
      m_logDock(new QDockWidget(tr("Logs"), this)), m_runnerStatus(new QLabel(this))
{
    m_theme = std::make_unique<Theme>();
    m_theme->apply(m_settings.theme());
    m_costPanel = new CostPanel(this);
    m_metrics = new MetricsPanel(this);
    m_simulate = new SimulatePanel(this);
    m_simulateDock = new QDockWidget(tr("Simulate"), this);
    m_deploy = new DeployPanel(this);
    m_deployDock = new QDockWidget(tr("Deploy"), this);
    m_gateway = new GatewayPanel(this);
    m_gatewayDock = new QDockWidget(tr("Gateway"), this);
    m_network = new QNetworkAccessManager(this);
    m_secrets = new KeychainSecretStore(this);
    m_metricsDock = new QDockWidget(tr("Metrics"), this);
    m_costDock = new QDockWidget(tr("Cost"), this);
    m_measureTimer = new QTimer(this);
    m_clockTimer = new QTimer(this);
    setWindowTitle(tr("Serverless Workbench"));
    setObjectName(QStringLiteral("MainWindow"));
    m_center->addWidget(m_welcome);
    m_center->addWidget(m_editor);
    setCentralWidget(m_center);
    m_timeline->setModel(m_timelineModel);

    const auto dock = [this](QDockWidget* d, const char* name, QWidget* content,
                             Qt::DockWidgetArea area) {
        d->setObjectName(QLatin1String(name));
        d->setWidget(content);
        addDockWidget(area, d);
    };
    dock(m_treeDock, "WorkspaceDock", m_tree, Qt::LeftDockWidgetArea);
    dock(m_runDock, "RunDock", m_runPanel, Qt::RightDockWidgetArea);
    dock(m_timelineDock, "TimelineDock", m_timeline, Qt::BottomDockWidgetArea);
    dock(m_logDock, "LogsDock", m_logView, Qt::BottomDockWidgetArea);
    // The cost panel's charts want more room than a dock has; it scrolls rather than forcing
    // the window larger than the screen.
    auto* costScroll = new QScrollArea(this);
    costScroll->setWidget(m_costPanel);
    costScroll->setWidgetResizable(true);
    costScroll->setFrameShape(QFrame::NoFrame);
    dock(m_costDock, "CostDock", costScroll, Qt::RightDockWidgetArea);
    auto* simulateScroll = new QScrollArea(this);
    simulateScroll->setWidget(m_simulate);
    simulateScroll->setWidgetResizable(true);
    simulateScroll->setFrameShape(QFrame::NoFrame);
    dock(m_simulateDock, "SimulateDock", simulateScroll, Qt::RightDockWidgetArea);
    dock(m_deployDock, "DeployDock", m_deploy, Qt::RightDockWidgetArea);
    dock(m_gatewayDock, "GatewayDock", m_gateway, Qt::RightDockWidgetArea);
    // The right-hand panels (run, cost, simulate) take the window's full height: the response,
    // the cost charts and the simulation results need it more than the timeline needs width.
    setCorner(Qt::TopRightCorner, Qt::RightDockWidgetArea);
    setCorner(Qt::BottomRightCorner, Qt::RightDockWidgetArea);
    tabifyDockWidget(m_runDock, m_costDock);
    tabifyDockWidget(m_costDock, m_simulateDock);
    tabifyDockWidget(m_simulateDock, m_deployDock);
    tabifyDockWidget(m_deployDock, m_gatewayDock);
    m_runDock->raise();
    dock(m_metricsDock, "MetricsDock", m_metrics, Qt::BottomDockWidgetArea);
    tabifyDockWidget(m_timelineDock, m_logDock);
    tabifyDockWidget(m_logDock, m_metricsDock);
    m_timelineDock->raise();
    statusBar()->addPermanentWidget(m_runnerStatus);
    m_runnerStatus->setAccessibleName(tr("Runner status"));

    buildMenus();
    m_welcome->setExamples(exampleFolders());
    m_welcome->setRecent(m_settings.recentWorkspaces());
    connect(m_welcome, &WelcomePage::openRequested, this, [this](const QString& folder) {
        if (folder.isEmpty()) {
            chooseWorkspace();
            return;
        }
        // An installed example is read-only: open the user's own copy of it (made once), so
        // the history, edits and deploys have somewhere to go.
        if (!QFileInfo(folder).isWritable()) {
            const QString copy = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
                                 QStringLiteral("/examples/") + QFileInfo(folder).fileName();
            if (!QFileInfo::exists(copy)) {
                if (auto copied = WorkspaceFile::copyFolder(folder, copy); !copied) {
                    m_welcome->setError(copied.error().message);
                    return;
                }
            }
            statusBar()->showMessage(
                tr("Opened your copy of the example in %1.").arg(QDir::toNativeSeparators(copy)),
                15000);
            openWorkspace(copy);
            return;
        }
        openWorkspace(folder);
    });
    connect(m_welcome, &WelcomePage::importRequested, this, &MainWindow::askImport);
    connect(m_tree, &WorkspaceTree::functionActivated, this, [this](const QString& f) {
        m_runPanel->selectFunction(f);
        m_deploy->setCurrentFunction(f);
    });
    // Deploys go through the same providers as `swb deploy`, with the user's credentials
    // chains and this window's network access.
    m_deploy->setProviderFactory([this](const DeployTarget& target) {
        ProviderContext ctx;
        ctx.network = m_network;
        ctx.secrets = m_secrets;
        ctx.target = target;
        ctx.profile = target.extensions.value(QLatin1String("profile")).toString();
        ctx.workspaceFolder = m_workspace ? m_workspace->folder : QString();
        return ProviderRegistry::create(target.provider, ctx);
    });
    // The platform's lines join the Logs panel, named function@provider:target.
    connect(m_deploy, &DeployPanel::logLines, this,
            [this](const QString& source, const QList<LogEvent>& events) {
                for (const LogEvent& e : events) {
                    LogEntry entry;
                    entry.function = source;
                    entry.wallMs = e.time.toMSecsSinceEpoch();
                    entry.text = e.message;
                    entry.kind = LogModel::classify(e.message);
                    m_logView->model()->append(std::move(entry));
                }
            });
    m_deploy->setSecretStore(m_secrets);
    // The credential set-up's non-secret answers become the target in workbench.json.
    connect(m_deploy, &DeployPanel::targetEdited, this, [this](const DeployTarget& target) {
        if (!m_workspace)
            return;
        Workspace updated = *m_workspace;
        auto it = std::find_if(updated.deployTargets.begin(), updated.deployTargets.end(),
                               [&](const DeployTarget& t) { return t.name == target.name; });
        if (it != updated.deployTargets.end())
            *it = target;
        else
            updated.deployTargets << target;
        if (auto saved = WorkspaceFile::save(updated); !saved) {
            statusBar()->showMessage(saved.error().message, 15000);
            return;
        }
        m_workspace->deployTargets = updated.deployTargets;
        m_deploy->setWorkspace(m_workspace.get());
        // Change marks against HEAD when the workspace is its own git repository (never a
        // parent's); .swb/ (history, recovery, stages) is kept out of it.
        const bool versioned = GitRepository::isRepository(m_workspace->folder);
        m_editor->setGitRoot(versioned ? m_workspace->folder : QString());
        if (versioned) {
            if (auto repo = GitRepository::open(m_workspace->folder); repo) {
                if (auto added = repo->ensureIgnored(QStringLiteral(".swb/")); added && *added)
                    statusBar()->showMessage(tr("Added .swb/ to the workspace's .gitignore."),
                                             10000);
            }
        }
        updateGitActions();
        m_deploy->setCurrentTarget(target.name);
        statusBar()->showMessage(tr("Saved the deploy target “%1” in workbench.json; its secrets "
                                    "are in your keychain.")
                                     .arg(target.name),
                                 10000);
    });
    // A deploy of uncommitted changes offers Git ▸ Commit first, so it is tied to a commit.
    m_deploy->setCommitHandler([this] { return commitFromDialog(); });
    m_deploy->setSaveHandler([this] { return m_editor->saveAll(); });
    connect(m_deploy, &DeployPanel::deployedDiffRequested, this,
            [this](const QString& function, const QString& provider, const QString& commit) {
                auto dialog = deployedDiffDialog(function, provider, commit);
                if (!dialog) {
                    statusBar()->showMessage(dialog.error().message, 15000);
                    return;
                }
                (*dialog)->exec();
            });
    connect(m_deploy, &DeployPanel::logProblem, this,
            [this](const QString& message) { statusBar()->showMessage(message, 15000); });
    connect(m_deploy, &DeployPanel::deployFinished, this, [this](bool ok, const QString& message) {
        statusBar()->showMessage(message, 15000);
        if (ok && m_deploy->isFollowingLogs())
            m_logDock->raise();
    });
    connect(
        m_tree, &WorkspaceTree::eventActivated, this,
        [this](const QString& function, const QString&) { m_runPanel->selectFunction(function); });
    connect(m_tree, &WorkspaceTree::fileActivated, this,
            [this](const QString& path) { openFile(path); });
    connect(m_editor, &EditorTabs::fileSaved, this, &MainWindow::onFileSaved);
    connect(m_editor, &EditorTabs::errorOccurred, this,
            [this](const QString& message) { statusBar()->showMessage(message, 15000); });
    connect(m_runPanel, &RunPanel::invocationStarted, this,
            [this](const QString&) { m_logView->setFollowing(true); });
    connect(m_timeline, &TimelineView::invocationSelected, this, [this](const QString& id) {
        m_logView->showRequest(id);
        m_logDock->raise();
    });
    // Scenarios edited in the cost panel are saved into workbench.json at once.
    connect(m_costPanel, &CostPanel::scenariosEdited, this,
            [this](const QList<ScenarioSpec>& scenarios) {
                if (!m_workspace)
                    return;
                if (const auto saved = m_costPanel->saveTo(m_workspace->folder); !saved) {
                    statusBar()->showMessage(saved.error().message, 15000);
                    return;
                }
                m_workspace->scenarios = scenarios;
                m_tree->setWorkspace(m_workspace.get());
            });
    // Measured durations come from the history, which writes in batches: refresh a moment
    // after the last run.
    // While something runs, the timeline's clock moves on four times a second, so a long
    // invocation grows on screen even when no event comes; idle, nothing ticks.
    m_clockTimer->setInterval(250);
    connect(m_clockTimer, &QTimer::timeout, this, [this] {
        if (m_runner && m_busy > 0)
            m_timelineModel->advanceTo(m_runner->elapsedMs());
        else
            m_clockTimer->stop();
    });
    m_measureTimer->setSingleShot(true);
    m_measureTimer->setInterval(1500);
    connect(m_measureTimer, &QTimer::timeout, this, [this] {
        if (m_history)
            m_history->flush();
        m_costPanel->refreshMeasurements();
    });
    m_recoveryPrompt = [this](int buffers) {
        return QMessageBox::question(
                   this, tr("Restore unsaved changes"),
                   tr("The workbench stopped with %n unsaved buffer(s) in this workspace. Restore "
                      "them? (No discards them.)",
                      nullptr, buffers)) == QMessageBox::Yes;
    };

    const bool firstStart = m_settings.windowGeometry().isEmpty();
    if (!firstStart)
        restoreGeometry(m_settings.windowGeometry());
    else
        resize(1280, 800);
    if (!m_settings.windowState().isEmpty()) {
        restoreState(m_settings.windowState());
    } else {
        // The first layout: sized once the window has its size (before, the docks' size hints
        // win and the bottom area takes half the window). Panels filled while opening the
        // workspace can have widened the window past 1280 pixels; it goes back (within the
        // screen) now that the layout's minimum is known.
        QTimer::singleShot(0, this, [this, firstStart] {
            if (firstStart) {
                QSize size(1280, 800);
                if (QScreen* s = screen())
                    size = size.boundedTo(s->availableGeometry().size());
                resize(size);
            }
            resizeDocks({m_treeDock, m_runDock}, {220, 500}, Qt::Horizontal);
            resizeDocks({m_timelineDock}, {240}, Qt::Vertical);
        });
    }
    closeWorkspace();
}

MainWindow::~MainWindow()
{
    // No prompts here: unsaved buffers stay in the recovery folder for the next start.
    m_costPanel->setHistory(nullptr);
    m_simulate->setHistory(nullptr);
    m_runPanel->setRunner(nullptr);
    m_gateway->setRunner(nullptr);
    if (m_runner) {
        m_runner->disconnect(this);
        m_runner->shutdown();
    }
    m_runner.reset();
    m_resources.reset(); // stops the databases (a bounded wait, at exit)
    m_history.reset();
}

void MainWindow::buildMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* open = file->addAction(tr("&Open Workspace…"), this, &MainWindow::chooseWorkspace);
    open->setShortcut(QKeySequence::Open);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    file->addAction(tr("&Import SAM Template or serverless.yml…"), this, &MainWindow::askImport);
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::rebuildRecentMenu);
    QAction* close = file->addAction(tr("&Close Workspace"), this, [this] { closeWorkspace(); });
    m_workspaceActions << close;
    file->addSeparator();
    file->addAction(m_editor->saveAction());
    file->addAction(m_editor->saveAllAction());
    file->addAction(m_editor->closeAction());
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(m_editor->findAction());
    edit->addAction(m_editor->replaceAction());
    edit->addAction(m_editor->goToLineAction());

    QMenu* run = menuBar()->addMenu(tr("&Run"));
    QAction* invoke = run->addAction(tr("&Invoke"), m_runPanel, &RunPanel::invoke);
    invoke->setShortcut(QKeySequence(Qt::Key_F5));
    QAction* retire = run->addAction(tr("&Retire Instances (next run is cold)"), this, [this] {
        if (m_runner && !m_runPanel->currentFunction().isEmpty())
            m_runner->retire(m_runPanel->currentFunction());
    });
    retire->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F5));
    QAction* deployAction = run->addAction(tr("&Deploy"), this, [this] {
        m_deployDock->show();
        m_deployDock->raise();
        if (!m_runPanel->currentFunction().isEmpty())
            m_deploy->setCurrentFunction(m_runPanel->currentFunction());
        m_deploy->deploy();
    });
    deployAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D));
    QAction* gatewayAction = run->addAction(tr("Start HTTP &Gateway"), this, [this] {
        m_gatewayDock->show();
        m_gatewayDock->raise();
        if (m_gateway->isServing())
            m_gateway->stop();
        else
            (void)m_gateway->start();
    });
    gatewayAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_G));
    m_gateway->portBox()->setValue(m_settings.gatewayPort());
    connect(
        m_gateway, &GatewayPanel::servingChanged, this,
        [this, gatewayAction](bool serving, const QString& url) {
            // The port chosen in the panel is the next start's too (0 stays "any free one").
            if (serving)
                (void)m_settings.setGatewayPort(m_gateway->portBox()->value());
            gatewayAction->setText(serving ? tr("Stop HTTP &Gateway") : tr("Start HTTP &Gateway"));
            statusBar()->showMessage(serving
                                         ? tr("The gateway serves the workspace on %1.").arg(url)
                                         : tr("The gateway stopped."),
                                     10000);
        });
    m_workspaceActions << invoke << retire << deployAction << gatewayAction;

    QMenu* view = menuBar()->addMenu(tr("&View"));
    QAction* treeToggle = m_treeDock->toggleViewAction();
    treeToggle->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_1));
    view->addAction(treeToggle);
    QAction* runToggle = m_runDock->toggleViewAction();
    runToggle->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_2));
    view->addAction(runToggle);
    QAction* timelineToggle = m_timelineDock->toggleViewAction();
    timelineToggle->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_3));
    view->addAction(timelineToggle);
    QAction* logToggle = m_logDock->toggleViewAction();
    logToggle->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_4));
    view->addAction(logToggle);
    QAction* costToggle = m_costDock->toggleViewAction();
    costToggle->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_5));
    view->addAction(costToggle);
    QAction* metricsToggle = m_metricsDock->toggleViewAction();
    metricsToggle->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_6));
    view->addAction(metricsToggle);
    QAction* deployToggle = m_deployDock->toggleViewAction();
    deployToggle->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_8));
    view->addAction(deployToggle);
    QAction* gatewayToggle = m_gatewayDock->toggleViewAction();
    gatewayToggle->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_9));
    view->addAction(gatewayToggle);
    QAction* simulateToggle = m_simulateDock->toggleViewAction();
    simulateToggle->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_7));
    view->addAction(simulateToggle);

    view->addSeparator();
    QMenu* themeMenu = view->addMenu(tr("&Theme"));
    auto* themeGroup = new QActionGroup(this);
    const QList<std::pair<QString, QString>> themes = {{QStringLiteral("system"), tr("&System")},
                                                       {QStringLiteral("light"), tr("&Light")},
                                                       {QStringLiteral("dark"), tr("&Dark")}};
    for (const auto& [id, label] : themes) {
        QAction* action = themeMenu->addAction(label, this, [this, id] { applyTheme(id, true); });
        action->setCheckable(true);
        action->setData(id);
        action->setChecked(id == m_theme->current());
        themeGroup->addAction(action);
        m_themeActions << action;
    }

    // View > Language keeps an override for the next start: the window's strings are set once,
    // when the widgets are built, so a switch now would leave half of them in the old language.
    QMenu* languageMenu = view->addMenu(tr("&Language"));
    languageMenu->setObjectName(QStringLiteral("LanguageMenu"));
    auto* languageGroup = new QActionGroup(this);
    QList<std::pair<QString, QString>> languages = {
        {QString(), tr("&System Language")}, {QStringLiteral("en"), QStringLiteral("English")}};
    for (const QString& code : Translations::available())
        if (code != QLatin1String("en")) // English is listed above (its catalogue has plurals only)
            languages.append({code, QLocale(code).nativeLanguageName()});
    for (const auto& [code, label] : languages) {
        QAction* action = languageMenu->addAction(label, this, [this, code] {
            m_settings.setLanguageOverride(code);
            statusBar()->showMessage(tr("The language changes at the next start."), 15000);
        });
        action->setCheckable(true);
        action->setData(code);
        action->setChecked(code == m_settings.languageOverride());
        languageGroup->addAction(action);
    }

    QMenu* git = menuBar()->addMenu(tr("&Git"));
    m_gitInit = git->addAction(tr("&Initialize Repository"), this, [this] {
        if (!m_workspace)
            return;
        auto repo = GitRepository::init(m_workspace->folder);
        if (!repo) {
            statusBar()->showMessage(repo.error().message, 15000);
            return;
        }
        (void)repo->ensureIgnored(QStringLiteral(".swb/"));
        m_editor->setGitRoot(m_workspace->folder);
        m_tree->refreshGitStatus();
        updateGitActions();
        statusBar()->showMessage(tr("%1 is now a git repository; commit with Git ▸ Commit.")
                                     .arg(QDir::toNativeSeparators(m_workspace->folder)),
                                 10000);
    });
    m_gitCommit = git->addAction(tr("&Commit…"), this, [this] { commitFromDialog(); });
    m_gitCommit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    m_gitHistory = git->addAction(tr("&History of Function…"), this, [this] {
        const QString function = m_runPanel->currentFunction();
        const FunctionSpec* f = m_workspace ? m_workspace->function(function) : nullptr;
        if (!f)
            return;
        const QString folder =
            QDir(m_workspace->folder).relativeFilePath(m_workspace->codeFolder(*f));
        HistoryDialog dialog(m_workspace->folder, function,
                             folder == QLatin1String(".") ? QString() : folder, this);
        connect(&dialog, &HistoryDialog::rollbackRequested, this,
                [this, function](const QString& commit) {
                    m_deployDock->show();
                    m_deployDock->raise();
                    m_deploy->setCurrentFunction(function);
                    m_deploy->rollback(commit);
                });
        dialog.exec();
    });
    m_gitWorkspaceHistory = git->addAction(tr("History of &Workspace…"), this, [this] {
        if (!m_workspace)
            return;
        HistoryDialog dialog(m_workspace->folder, QString(), QString(), this);
        dialog.exec();
    });
    m_gitCompare = git->addAction(tr("Compare &with Commit…"), this, [this] {
        CodeEditor* current = m_editor->currentEditor();
        auto dialog = compareDialog(current ? current->filePath() : QString());
        if (!dialog) {
            statusBar()->showMessage(dialog.error().message, 15000);
            return;
        }
        (*dialog)->exec();
    });
    m_gitCompare->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_D));

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Serverless Workbench"), this, [this] {
        QMessageBox::about(this, tr("About Serverless Workbench"),
                           tr("<b>Serverless Workbench %1</b><p>Write, run, see, price and "
                              "deploy serverless functions. Everything here is also in the "
                              "<code>swb</code> command line.</p>")
                               .arg(QStringLiteral(SWB_VERSION)));
    });
}

void MainWindow::applyTheme(const QString& theme, bool remember)
{
    m_theme->apply(theme);
    for (QAction* action : std::as_const(m_themeActions))
        action->setChecked(action->data().toString() == m_theme->current());
    if (remember)
        (void)m_settings.setTheme(m_theme->current()); // current() is always a valid name
}

QString MainWindow::theme() const
{
    return m_theme->current();
}

void MainWindow::rebuildRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = m_settings.recentWorkspaces();
    for (const QString& folder : recent)
        m_recentMenu->addAction(QDir::toNativeSeparators(folder), this,
                                [this, folder] { openWorkspace(folder); });
    if (recent.isEmpty())
        m_recentMenu->addAction(tr("(none)"))->setEnabled(false);
}

void MainWindow::chooseWorkspace()
{
    const QString folder = QFileDialog::getExistingDirectory(
        this, tr("Open a workspace folder (with workbench.json)"), m_settings.lastWorkspace());
    if (!folder.isEmpty())
        openWorkspace(folder);
}

Result<void> MainWindow::openWorkspace(const QString& folder)
{
    auto loaded = WorkspaceFile::load(folder);
    if (!loaded) {
        QString message = loaded.error().message;
        for (const Diagnostic& d : loaded.error().diagnostics)
            message += QLatin1Char('\n') + d.toString();
        m_welcome->setError(message);
        if (!m_workspace)
            m_center->setCurrentWidget(m_welcome);
        statusBar()->showMessage(loaded.error().message, 10000);
        return std::unexpected(loaded.error());
    }
    auto runtimeFolder = RuntimeFiles::materialize(m_runtimeCache);
    if (!runtimeFolder) {
        m_welcome->setError(runtimeFolder.error().message);
        return std::unexpected(runtimeFolder.error());
    }
    // Reopening the same workspace (after an edit of workbench.json) keeps a running gateway on
    // its port, so a client or a front end under development keeps working.
    const quint16 gatewayPort =
        m_workspace && QDir(m_workspace->folder) == QDir(folder) ? m_gateway->port() : 0;
    if (!closeWorkspace())
        return fail(ErrorCode::InvalidArgument,
                    tr("The current workspace has unsaved changes you chose to keep; save or "
                       "discard them first."));
    m_workspace = std::make_unique<Workspace>(loaded->workspace);
    m_runner = std::make_unique<Runner>(
        *m_workspace, RunnerOptions::fromSettings(m_workspace->runner, *runtimeFolder));
    connect(m_runner.get(), &Runner::event, this, &MainWindow::onRunnerEvent);
    // Every invocation, the run panel's and the load row's: its REPORT figures on the timeline,
    // and fresh measurements for the cost panel a moment later.
    connect(m_runner.get(), &Runner::invocationFinished, m_timelineModel,
            &TimelineModel::addRecord);
    connect(m_runner.get(), &Runner::invocationFinished, m_metrics->model(),
            &MetricsModel::addRecord);
    connect(m_runner.get(), &Runner::invocationFinished, m_measureTimer,
            qOverload<>(&QTimer::start));
    connect(m_runner.get(), &Runner::warning, this,
            [this](const QString& message) { statusBar()->showMessage(message, 15000); });
    // The workspace's databases start in the background; instances started before they are
    // ready retire when the connection variables arrive. Their messages are the runner's own
    // (like its warnings), shown in the status bar.
    ResourceOptions resourceOptions;
    resourceOptions.secrets = m_secrets;
    m_resources = std::make_unique<ResourceSet>(*m_workspace, resourceOptions);
    if (!m_resources->isEmpty()) {
        ResourceSet* resources = m_resources.get();
        connect(resources, &ResourceSet::warning, this,
                [this](const QString& message) { statusBar()->showMessage(message, 30000); });
        resources->start([this, resources](Result<void> started) {
            if (m_resources.get() != resources)
                return; // the workspace was closed meanwhile
            if (!started) {
                statusBar()->showMessage(started.error().message, 60000);
                return;
            }
            if (m_runner)
                m_runner->setExtraEnvironment(resources->environmentByFunction());
            statusBar()->showMessage(resources->descriptions().join(QStringLiteral("; ")), 15000);
        });
    }
    auto history = HistoryStore::open(HistoryStore::defaultPath(m_workspace->folder));
    if (history) {
        m_history = std::move(*history);
        HistoryStore* store = m_history.get();
        connect(m_runner.get(), &Runner::invocationFinished, this,
                [store](const InvocationRecord& r) { store->record(r); });
    } else {
        statusBar()->showMessage(
            tr("%1 Invocations are not recorded.").arg(history.error().message), 15000);
    }
    m_runPanel->setRunner(m_runner.get());
    m_gateway->setRunner(m_runner.get());
    if (gatewayPort != 0)
        (void)m_gateway->start(gatewayPort); // a port taken meanwhile is said in the panel
    m_tree->setWorkspace(m_workspace.get());
    m_costPanel->setHistory(m_history.get());
    m_costPanel->setWorkspace(m_workspace.get(), m_workspace->folder);
    m_deploy->setWorkspace(m_workspace.get());
    m_welcome->setError(QString());
    m_center->setCurrentWidget(m_editor);
    m_timelineModel->clear();
    QStringList functionNames;
    for (const FunctionSpec& f : m_workspace->functions)
        functionNames << f.name;
    m_metrics->setFunctions(functionNames);
    m_simulate->setHistory(m_history.get());
    m_simulate->setFunctions(functionNames);
    if (!m_workspace->functions.isEmpty())
        m_simulate->setDefaults(m_workspace->functions.first().name,
                                m_workspace->functions.first().memoryMb);
    m_metrics->model()->clear();
    m_editor->setRecoveryFolder(
        QDir(m_workspace->folder).filePath(QStringLiteral(".swb/recovery")));
    offerRecovery(); // before opening files: what a previous run left is offered first
    // The first function's handler file, so the window opens on code.
    if (!m_workspace->functions.isEmpty()) {
        const FunctionSpec& first = m_workspace->functions.first();
        if (const auto runtime = findRuntime(first.runtime)) {
            for (const QString& candidate :
                 handlerSourceCandidates(runtime->family, first.handler)) {
                const QString path = QDir(m_workspace->codeFolder(first)).filePath(candidate);
                if (QFileInfo::exists(path)) {
                    openFile(path);
                    break;
                }
            }
        }
    }
    m_settings.setLastWorkspace(m_workspace->folder);
    m_settings.addRecentWorkspace(m_workspace->folder);
    m_welcome->setRecent(m_settings.recentWorkspaces());
    for (QAction* a : m_workspaceActions)
        a->setEnabled(true);
    setWindowTitle(
        tr("%1 — Serverless Workbench")
            .arg(m_workspace->name.isEmpty() ? QFileInfo(folder).fileName() : m_workspace->name));
    if (!loaded->warnings.isEmpty())
        statusBar()->showMessage(
            tr("Opened with %n warning(s): %1", nullptr, int(loaded->warnings.size()))
                .arg(loaded->warnings.first().toString()),
            15000);
    updateStatus();
    return {};
}

bool MainWindow::closeWorkspace()
{
    if (m_deploy->isDeploying()) {
        statusBar()->showMessage(tr("A deploy is running: cancel it in the Deploy panel first."),
                                 15000);
        m_deployDock->raise();
        return false;
    }
    if (!m_editor->closeAll())
        return false;
    m_deploy->setWorkspace(nullptr);
    m_editor->setGitRoot(QString());
    QTimer::singleShot(0, this, [this] { updateGitActions(); });
    m_editor->setRecoveryFolder(QString());
    m_measureTimer->stop();
    m_clockTimer->stop();
    m_costPanel->setHistory(nullptr);
    m_costPanel->setWorkspace(nullptr, QString());
    m_simulate->cancel();
    m_simulate->setHistory(nullptr);
    m_runPanel->setRunner(nullptr);
    m_gateway->setRunner(nullptr); // stops it: it serves the runner that goes now
    m_tree->setWorkspace(nullptr);
    if (m_runner) {
        m_runner->disconnect(this);
        m_runner->shutdown();
    }
    m_runner.reset();
    if (m_resources) {
        // Stopped without holding up the window; deleted once stopped (or with the window).
        ResourceSet* closing = m_resources.release();
        closing->setParent(this);
        closing->stop([closing] { closing->deleteLater(); });
    }
    m_history.reset(); // writes what is pending
    m_workspace.reset();
    m_instances = 0;
    m_busy = 0;
    m_lastInvocation.clear();
    for (QAction* a : m_workspaceActions)
        a->setEnabled(false);
    m_center->setCurrentWidget(m_welcome);
    setWindowTitle(tr("Serverless Workbench"));
    updateStatus();
    return true;
}

void MainWindow::setCommitDialogDriver(std::function<void(CommitDialog&)> driver)
{
    m_commitDialogHook = std::move(driver);
}

void MainWindow::setRecoveryPrompt(std::function<bool(int)> prompt)
{
    m_recoveryPrompt = std::move(prompt);
}

void MainWindow::offerRecovery()
{
    const QList<RecoveryEntry> entries = m_editor->recoverable();
    if (entries.isEmpty())
        return;
    if (m_recoveryPrompt && m_recoveryPrompt(int(entries.size()))) {
        const int restored = m_editor->restore(entries);
        statusBar()->showMessage(
            tr("Restored %n unsaved buffer(s); save them to keep them.", nullptr, restored), 15000);
    } else {
        m_editor->discardRecoverable(entries);
    }
}

Result<void> MainWindow::openFile(const QString& path)
{
    const auto opened = m_editor->open(path);
    if (!opened) {
        statusBar()->showMessage(opened.error().message, 15000);
        return std::unexpected(opened.error());
    }
    m_center->setCurrentWidget(m_editor);
    return {};
}

// Saving a function's code retires its instances: the next invocation starts cold with the new
// code, as a deploy would.
void MainWindow::onFileSaved(const QString& path)
{
    m_tree->refreshGitStatus();
    if (!m_workspace || !m_runner)
        return;
    const QString file = QDir::cleanPath(QFileInfo(path).absoluteFilePath());
    for (const FunctionSpec& f : m_workspace->functions) {
        const QString folder = QDir::cleanPath(m_workspace->codeFolder(f)) + QLatin1Char('/');
        if (file.startsWith(folder)) {
            m_runner->retire(f.name);
            statusBar()->showMessage(
                tr("%1 saved: the instances of “%2” retire; its next invocation starts cold.")
                    .arg(QFileInfo(path).fileName(), f.name),
                10000);
        }
    }
}

const Workspace* MainWindow::workspace() const
{
    return m_workspace.get();
}

void MainWindow::updateGitActions()
{
    const bool open = m_workspace != nullptr;
    const bool versioned = open && GitRepository::isRepository(m_workspace->folder);
    m_gitInit->setEnabled(open && !versioned);
    m_gitCommit->setEnabled(versioned);
    m_gitHistory->setEnabled(versioned);
    m_gitWorkspaceHistory->setEnabled(versioned);
    m_gitCompare->setEnabled(versioned);
}

bool MainWindow::commitFromDialog()
{
    if (!m_workspace || !GitRepository::isRepository(m_workspace->folder))
        return false;
    if (!m_editor->saveAll())
        return false; // a buffer that could not be saved is not committed half-way
    CommitDialog dialog(m_workspace->folder, this);
    dialog.setFallbackAuthor(m_settings.commitAuthorName(), m_settings.commitAuthorEmail());
    if (m_commitDialogHook)
        m_commitDialogHook(dialog);
    else
        dialog.exec();
    if (dialog.result() != QDialog::Accepted)
        return false;
    // The next commit starts with this author when git's configuration names none.
    m_settings.setCommitAuthor(dialog.authorName()->text(), dialog.authorEmail()->text());
    m_editor->refreshBaselines();
    m_tree->refreshGitStatus();
    m_deploy->setWorkspace(m_workspace.get()); // its dirty mark changes
    statusBar()->showMessage(tr("Committed %1.").arg(dialog.committedId().left(12)), 10000);
    return true;
}

QString MainWindow::workingText(const QString& relativePath) const
{
    if (!m_workspace)
        return {};
    const QString path = QDir(m_workspace->folder).filePath(relativePath);
    // Unsaved typing counts; an unmodified buffer may not have caught up with the disk yet.
    if (CodeEditor* editor = m_editor->editorFor(path); editor && editor->isModified())
        return editor->text();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {}; // deleted in the working copy
    return QString::fromUtf8(file.readAll());
}

Result<std::unique_ptr<DiffDialog>> MainWindow::compareDialog(const QString& filePath)
{
    if (!m_workspace)
        return fail(ErrorCode::InvalidArgument, tr("Open a workspace first."));
    if (filePath.isEmpty())
        return fail(ErrorCode::InvalidArgument, tr("Open a file in the editor to compare it."));
    auto repo = GitRepository::open(m_workspace->folder);
    if (!repo)
        return std::unexpected(repo.error());
    const QString relative = QDir(m_workspace->folder).relativeFilePath(filePath);
    if (relative.startsWith(QLatin1String("../")))
        return fail(ErrorCode::InvalidArgument, tr("%1 is outside the workspace's repository.")
                                                    .arg(QDir::toNativeSeparators(filePath)));
    auto dialog = std::make_unique<DiffDialog>(
        m_workspace->folder, QStringList{relative}, DiffDialog::revisionsOf(*repo, relative),
        [this](const QString& path) { return workingText(path); }, QString(), this);
    return dialog;
}

Result<std::unique_ptr<DiffDialog>> MainWindow::deployedDiffDialog(const QString& function,
                                                                   const QString& provider,
                                                                   const QString& commit)
{
    const FunctionSpec* f = m_workspace ? m_workspace->function(function) : nullptr;
    if (!f)
        return fail(ErrorCode::NotFound,
                    tr("%1 is not a function of this workspace.").arg(function));
    auto repo = GitRepository::open(m_workspace->folder);
    if (!repo)
        return std::unexpected(repo.error());
    QString folder = QDir(m_workspace->folder).relativeFilePath(m_workspace->codeFolder(*f));
    if (folder == QLatin1String("."))
        folder.clear();
    // Unsaved buffers count: what would be deployed is what is on disk, so save first.
    if (!m_editor->saveAll())
        return fail(ErrorCode::Io, tr("Save the open files first: what is deployed is compared "
                                      "with the files on disk."));
    auto paths = repo->changedSince(commit, folder);
    if (!paths)
        return std::unexpected(paths.error());
    const QString message =
        paths->isEmpty() ? tr("%1's files are as deployed to %2 (commit %3).")
                               .arg(function, provider, commit.left(12))
                         : tr("%n file(s) of %1 differ from what is deployed to %2 (commit %3).",
                              nullptr, int(paths->size()))
                               .arg(function, provider, commit.left(12));
    auto dialog = std::make_unique<DiffDialog>(
        m_workspace->folder, *paths,
        QList<DiffDialog::Revision>{
            {commit, tr("Deployed to %1: %2").arg(provider, commit.left(12))}},
        [this](const QString& path) { return workingText(path); }, message, this);
    dialog->setWindowTitle(tr("What Is Deployed: %1").arg(function));
    return dialog;
}

void MainWindow::setSecretStore(SecretStore* secrets)
{
    m_secrets = secrets;
    m_deploy->setSecretStore(secrets);
}

Result<void> MainWindow::reportAndReopen(Result<void> changed)
{
    if (!changed) {
        statusBar()->showMessage(changed.error().message, 15000);
        return changed;
    }
    const QString folder = m_workspace->folder;
    const QString function = m_runPanel->currentFunction();
    auto reopened = openWorkspace(folder);
    if (reopened)
        m_runPanel->selectFunction(function);
    return reopened;
}

Result<void> MainWindow::createFunction(const QString& name, const QString& runtimeId)
{
    if (!m_workspace)
        return fail(ErrorCode::InvalidArgument, tr("Open a workspace first."));
    Workspace ws = *m_workspace;
    const auto created = WorkspaceFunctions::create(ws, name, runtimeId);
    if (!created)
        return reportAndReopen(std::unexpected(created.error()));
    auto reopened = reportAndReopen({});
    m_runPanel->selectFunction(name);
    return reopened;
}

Result<void> MainWindow::renameFunction(const QString& from, const QString& to)
{
    if (!m_workspace)
        return fail(ErrorCode::InvalidArgument, tr("Open a workspace first."));
    Workspace ws = *m_workspace;
    return reportAndReopen(WorkspaceFunctions::rename(ws, from, to));
}

Result<void> MainWindow::deleteFunction(const QString& name, bool deleteFiles)
{
    if (!m_workspace)
        return fail(ErrorCode::InvalidArgument, tr("Open a workspace first."));
    Workspace ws = *m_workspace;
    return reportAndReopen(WorkspaceFunctions::remove(ws, name, deleteFiles));
}

Result<void> MainWindow::importTemplate(const QString& templatePath, const QString& folder)
{
    const QString target = QDir(folder).filePath(QString::fromLatin1(Workspace::kFileName));
    if (QFileInfo::exists(target)) {
        const auto error = fail(ErrorCode::InvalidArgument,
                                tr("%1 already exists; import into another folder, or open that "
                                   "workspace.")
                                    .arg(target));
        m_welcome->setError(error.error().message);
        return error;
    }
    auto imported = swb::importTemplate(templatePath, QDir::cleanPath(folder),
                                        QProcessEnvironment::systemEnvironment());
    if (!imported) {
        QString message = imported.error().message;
        for (const Diagnostic& d : imported.error().diagnostics)
            message += QLatin1Char('\n') + d.toString();
        m_welcome->setError(message);
        return std::unexpected(imported.error());
    }
    if (auto saved = WorkspaceFile::save(imported->workspace); !saved) {
        m_welcome->setError(saved.error().message);
        return saved;
    }
    auto opened = openWorkspace(folder);
    if (opened && !imported->warnings.isEmpty())
        statusBar()->showMessage(tr("Imported with %n thing(s) not taken over, the first: %1",
                                    nullptr, int(imported->warnings.size()))
                                     .arg(imported->warnings.first().toString()),
                                 20000);
    return opened;
}

void MainWindow::askImport()
{
    const QString file = QFileDialog::getOpenFileName(
        this, tr("Import a SAM template or a serverless.yml"), m_settings.lastWorkspace(),
        tr("Templates (*.yaml *.yml *.json);;All files (*)"));
    if (file.isEmpty())
        return;
    const QString folder = QFileDialog::getExistingDirectory(
        this, tr("Folder for the new workspace (workbench.json goes here)"),
        QFileInfo(file).absolutePath());
    if (folder.isEmpty())
        return;
    if (const auto imported = importTemplate(file, folder); !imported && m_workspace)
        QMessageBox::warning(this, tr("Import"), imported.error().message);
}

void MainWindow::askNewFunction()
{
    if (!m_workspace)
        return;
    QDialog dialog(this);
    dialog.setWindowTitle(tr("New Function"));
    auto* name = new QLineEdit(&dialog);
    name->setAccessibleName(tr("Function name"));
    name->setPlaceholderText(tr("letters, digits, - and _"));
    auto* runtime = new QComboBox(&dialog);
    runtime->setAccessibleName(tr("Runtime"));
    runtime->addItems(supportedRuntimeIds());
    runtime->setCurrentText(QStringLiteral("python3.12"));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    auto* form = new QFormLayout(&dialog);
    form->addRow(tr("Name"), name);
    form->addRow(tr("Runtime"), runtime);
    form->addRow(new QLabel(tr("Creates a folder with a handler that answers GET /NAME, an http "
                               "trigger and a saved event."),
                            &dialog));
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (const auto created = createFunction(name->text().trimmed(), runtime->currentText());
        !created)
        QMessageBox::warning(this, tr("New Function"), created.error().message);
}

void MainWindow::askRenameFunction(const QString& function)
{
    bool ok = false;
    const QString to =
        QInputDialog::getText(this, tr("Rename Function"), tr("New name for “%1”:").arg(function),
                              QLineEdit::Normal, function, &ok)
            .trimmed();
    if (!ok || to == function)
        return;
    if (const auto renamed = renameFunction(function, to); !renamed)
        QMessageBox::warning(this, tr("Rename Function"), renamed.error().message);
}

void MainWindow::askDeleteFunction(const QString& function)
{
    QMessageBox box(QMessageBox::Question, tr("Delete Function"),
                    tr("Remove “%1” from the workspace?").arg(function),
                    QMessageBox::Yes | QMessageBox::Cancel, this);
    auto* files = new QCheckBox(tr("Also delete its code folder and saved events"), &box);
    box.setCheckBox(files);
    box.setDefaultButton(QMessageBox::Cancel);
    if (box.exec() != QMessageBox::Yes)
        return;
    if (const auto removed = deleteFunction(function, files->isChecked()); !removed)
        QMessageBox::warning(this, tr("Delete Function"), removed.error().message);
}

void MainWindow::onRunnerEvent(const RunnerEvent& event)
{
    m_logView->add(event);
    m_timelineModel->add(event);
    m_metrics->model()->add(event);
    switch (event.kind) {
    case RunnerEvent::Kind::InstanceStarted:
        ++m_instances;
        break;
    case RunnerEvent::Kind::InstanceExpired:
    case RunnerEvent::Kind::InstanceKilled:
        m_instances = std::max(0, m_instances - 1);
        break;
    case RunnerEvent::Kind::InvocationStarted:
        ++m_busy;
        if (!m_clockTimer->isActive())
            m_clockTimer->start();
        break;
    case RunnerEvent::Kind::InvocationFinished:
        m_busy = std::max(0, m_busy - 1);
        m_lastInvocation = tr("last: %1 %2").arg(event.function, OutcomeText::ofName(event.text));
        break;
    case RunnerEvent::Kind::Throttled:
        m_lastInvocation = tr("last: %1 throttled").arg(event.function);
        break;
    default:
        return;
    }
    updateStatus();
}

QString MainWindow::statusText() const
{
    return m_runnerStatus->text();
}

void MainWindow::updateStatus()
{
    if (!m_runner) {
        m_runnerStatus->setText(tr("No workspace open"));
        return;
    }
    QString text = tr("%n instance(s), %1 busy", nullptr, m_instances).arg(m_busy);
    if (!m_lastInvocation.isEmpty())
        text += QStringLiteral(" · ") + m_lastInvocation;
    m_runnerStatus->setText(text);
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (!closeWorkspace()) {
        event->ignore(); // the user kept an unsaved buffer
        return;
    }
    m_settings.setWindowGeometry(saveGeometry());
    m_settings.setWindowState(saveState());
    if (const auto synced = m_settings.sync(); !synced)
        statusBar()->showMessage(synced.error().message);
    event->accept();
}

} // namespace swb
