#include "DeployPanel.h"

#include "CredentialsDialog.h"

#include "ProviderRegistry.h"
#include "common/DeployJob.h"
#include "common/DeployLog.h"
#include "common/Deployer.h"
#include "model/Workspace.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardItemModel>
#include <QStyle>
#include <QTableWidget>
#include <QVBoxLayout>

namespace swb {

namespace {

const QStringList& stepIds()
{
    static const QStringList ids = {
        QString::fromLatin1(DeployJob::kPackage), QString::fromLatin1(DeployJob::kUpload),
        QString::fromLatin1(DeployJob::kUpdate), QString::fromLatin1(DeployJob::kReady)};
    return ids;
}

QString providerTitle(const QString& id)
{
    if (id == QLatin1String("aws"))
        return DeployPanel::tr("AWS Lambda");
    if (id == QLatin1String("azure"))
        return DeployPanel::tr("Azure Functions");
    if (id == QLatin1String("gcp"))
        return DeployPanel::tr("Google Cloud Functions");
    if (id == QLatin1String("openwhisk"))
        return DeployPanel::tr("Apache OpenWhisk");
    if (id == QLatin1String("local"))
        return DeployPanel::tr("local stage");
    return id;
}

const QColor ErrorColor(0xE0, 0x2A, 0x2A);
const QColor WarningColor(0xD0, 0x7A, 0x00);

// The provenance's note in the window's language: "3 files changed since the last commit".
QString dirtyNote(const DeployProvenance& p)
{
    return p.changedFiles > 0 ? DeployPanel::tr("%n file(s) changed since the last commit", nullptr,
                                                p.changedFiles)
                              : p.note;
}

} // namespace

DeployPanel::DeployPanel(QWidget* parent)
    : QWidget(parent), m_function(new QComboBox(this)), m_target(new QComboBox(this)),
      m_deploy(new QPushButton(tr("&Deploy"), this)), m_cancel(new QPushButton(tr("Cancel"), this)),
      m_credentials(new QPushButton(tr("Credentials…"), this)),
      m_deployed(new QPushButton(tr("What Is Deployed"), this)),
      m_followLogs(new QCheckBox(tr("Follow its logs after deploying"), this)),
      m_dirty(new QLabel(this)), m_steps(new QListWidget(this)), m_result(new QLabel(this)),
      m_history(new QTableWidget(this))
{
    m_function->setAccessibleName(tr("Function to deploy"));
    m_target->setAccessibleName(tr("Deploy target"));
    m_deploy->setAccessibleName(tr("Deploy the function"));
    m_cancel->setAccessibleName(tr("Cancel the deploy"));
    m_credentials->setAccessibleName(tr("Set up the target's credentials"));
    m_credentials->setToolTip(tr("How this target reaches its platform: keys, host, region. "
                                 "Secrets go to your keychain, never to workbench.json."));
    m_deployed->setAccessibleName(tr("Compare what is deployed with your files"));
    m_deployed->setToolTip(tr("Shows how your files differ from the commit last deployed to "
                              "this target's platform."));
    m_steps->setAccessibleName(tr("Deploy steps"));
    m_result->setAccessibleName(tr("Deploy result"));
    m_history->setAccessibleName(tr("Deploy history"));
    m_dirty->setAccessibleName(tr("Uncommitted changes"));
    for (QComboBox* combo : {m_function, m_target}) {
        combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        combo->setMinimumContentsLength(10);
    }
    m_followLogs->setChecked(true);
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_dirty->setWordWrap(true);
    m_dirty->hide();
    QPalette warn = m_dirty->palette();
    warn.setColor(QPalette::WindowText, WarningColor);
    m_dirty->setPalette(warn);

    const QStringList titles = {tr("Package the function's folder"), tr("Upload the package"),
                                tr("Update the function's configuration"),
                                tr("Wait until it is ready")};
    for (int i = 0; i < stepIds().size(); ++i) {
        auto* item = new QListWidgetItem(titles[i], m_steps);
        item->setData(Qt::UserRole, stepIds()[i]);
    }
    m_steps->setSelectionMode(QAbstractItemView::NoSelection);
    m_steps->setFocusPolicy(Qt::NoFocus);
    m_steps->setMaximumHeight(m_steps->sizeHintForRow(0) * 4 + 2 * m_steps->frameWidth() + 4);

    m_history->setColumnCount(6);
    m_history->setHorizontalHeaderLabels(
        {tr("When"), tr("Where"), tr("Commit"), tr("Outcome"), tr("Version"), tr("Message")});
    m_history->verticalHeader()->hide();
    m_history->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_history->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_history->horizontalHeader()->setStretchLastSection(true);

    auto* form = new QFormLayout;
    form->addRow(tr("&Function:"), m_function);
    form->addRow(tr("&Target:"), m_target);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_deploy);
    buttons->addWidget(m_cancel);
    buttons->addStretch(1);
    buttons->addWidget(m_deployed);
    buttons->addWidget(m_credentials);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addLayout(buttons);
    layout->addWidget(m_followLogs);
    layout->addWidget(m_dirty);
    layout->addWidget(m_steps);
    layout->addWidget(m_result);
    layout->addWidget(new QLabel(tr("Deploy history of this function:"), this));
    layout->addWidget(m_history, 1);

    connect(m_deploy, &QPushButton::clicked, this, [this] { deploy(); });
    connect(m_cancel, &QPushButton::clicked, this, &DeployPanel::cancel);
    connect(m_credentials, &QPushButton::clicked, this, [this] { editCredentials(); });
    connect(m_deployed, &QPushButton::clicked, this, [this] {
        if (!m_deployedCommit.isEmpty())
            emit deployedDiffRequested(currentFunction(), currentTarget().provider,
                                       m_deployedCommit);
    });
    connect(m_function, &QComboBox::currentIndexChanged, this, [this] {
        refreshHistory();
        updateButtons();
    });
    connect(m_target, &QComboBox::currentIndexChanged, this, [this] {
        refreshDeployed();
        updateButtons();
    });
    showResult(tr("Deploy the function to a platform, or to a local stage that swb serve "
                  "--stage serves."),
               false);
    updateButtons();
}

DeployPanel::~DeployPanel()
{
    // The job and the tail belong to the provider or the deployer; neither may call back into
    // a half-destroyed panel.
    if (m_tail)
        disconnect(m_tail, nullptr, this, nullptr);
    if (m_job)
        disconnect(m_job, nullptr, this, nullptr);
}

void DeployPanel::setProviderFactory(ProviderFactory factory)
{
    m_factory = std::move(factory);
}

void DeployPanel::setSecretStore(SecretStore* secrets, const QString& homeFolder)
{
    m_secrets = secrets;
    m_home = homeFolder;
}

bool DeployPanel::editCredentials()
{
    if (!m_workspace || isDeploying())
        return false;
    CredentialsDialog dialog(currentTarget(), m_secrets, m_home, this);
    if (dialog.exec() != QDialog::Accepted || !dialog.savedTarget())
        return false;
    emit targetEdited(*dialog.savedTarget());
    return true;
}

bool DeployPanel::setWorkspace(const Workspace* workspace)
{
    if (isDeploying())
        return false;
    stopLogs();
    m_workspace = workspace;
    const QString previous = m_function->currentText();
    {
        const QSignalBlocker block(m_function);
        m_function->clear();
        if (workspace) {
            for (const FunctionSpec& f : workspace->functions)
                m_function->addItem(f.name);
        }
        const int at = m_function->findText(previous);
        m_function->setCurrentIndex(at >= 0 ? at : 0);
    }
    rebuildTargets();
    for (const QString& step : stepIds())
        setStep(step, StepState::Pending);
    refreshHistory();
    refreshProvenance();
    updateButtons();
    return true;
}

void DeployPanel::rebuildTargets()
{
    const QString previous = currentTarget().name;
    m_targets.clear();
    if (m_workspace)
        m_targets = m_workspace->deployTargets;
    // One for every platform the workspace names no target for, so a first deploy needs no
    // editing of workbench.json (the local stage is "default").
    for (const QString& id : ProviderRegistry::ids()) {
        const bool has = std::any_of(m_targets.begin(), m_targets.end(),
                                     [&](const DeployTarget& t) { return t.provider == id; });
        if (!has)
            m_targets << DeployTarget{
                id == QLatin1String("local") ? QStringLiteral("default") : id, id, {}, {}, {}};
    }
    const QSignalBlocker block(m_target);
    m_target->clear();
    const QStringList available = ProviderRegistry::available();
    for (const DeployTarget& t : std::as_const(m_targets)) {
        QString label = t.provider == QLatin1String("local")
                            ? tr("%1 \"%2\"").arg(providerTitle(t.provider), t.name)
                            : tr("%1 — %2").arg(t.name, providerTitle(t.provider));
        if (!t.region.isEmpty())
            label += QStringLiteral(" (%1)").arg(t.region);
        m_target->addItem(label, t.name);
        if (!available.contains(t.provider)) {
            // Listed so the user sees where deploys will go, but not offered yet.
            auto* model = qobject_cast<QStandardItemModel*>(m_target->model());
            if (QStandardItem* item = model ? model->item(m_target->count() - 1) : nullptr) {
                item->setEnabled(false);
                item->setToolTip(
                    tr("Deploying to %1 is not built yet.").arg(providerTitle(t.provider)));
            }
        }
    }
    int at = m_target->findData(previous);
    if (at < 0 || !available.contains(m_targets.value(at).provider)) {
        at = -1;
        for (int i = 0; i < m_targets.size() && at < 0; ++i) {
            if (available.contains(m_targets[i].provider))
                at = i;
        }
    }
    m_target->setCurrentIndex(std::max(at, 0));
}

void DeployPanel::setCurrentFunction(const QString& function)
{
    const int at = m_function->findText(function);
    if (at >= 0)
        m_function->setCurrentIndex(at);
}

QString DeployPanel::currentFunction() const
{
    return m_function->currentText();
}

QList<DeployTarget> DeployPanel::targets() const
{
    return m_targets;
}

void DeployPanel::setCurrentTarget(const QString& name)
{
    const int at = m_target->findData(name);
    if (at >= 0)
        m_target->setCurrentIndex(at);
}

DeployTarget DeployPanel::currentTarget() const
{
    return m_targets.value(m_target->currentIndex());
}

bool DeployPanel::isDeploying() const
{
    return m_job != nullptr;
}

void DeployPanel::updateButtons()
{
    const bool can = m_workspace && !currentFunction().isEmpty() && !isDeploying() &&
                     m_target->currentIndex() >= 0;
    m_deploy->setEnabled(can);
    m_cancel->setEnabled(isDeploying());
    m_credentials->setEnabled(m_workspace && !isDeploying() &&
                              !credentialForm(currentTarget().provider).fields.isEmpty());
    m_function->setEnabled(!isDeploying());
    m_target->setEnabled(!isDeploying());
    m_deployed->setEnabled(!isDeploying() && !m_deployedCommit.isEmpty());
}

void DeployPanel::refreshDeployed()
{
    m_deployedCommit.clear();
    if (m_workspace && !currentFunction().isEmpty() && m_target->currentIndex() >= 0) {
        auto last = DeployLog(m_workspace->folder)
                        .latestSucceeded(currentFunction(), currentTarget().provider);
        if (last && *last)
            m_deployedCommit = (*last)->commitId;
    }
    m_deployed->setToolTip(m_deployedCommit.isEmpty()
                               ? tr("Nothing deployed to this target's platform from a commit yet.")
                               : tr("Shows how your files differ from commit %1, last deployed to "
                                    "this target's platform.")
                                     .arg(m_deployedCommit.left(12)));
}

void DeployPanel::setCommitHandler(CommitHandler commit)
{
    m_commit = std::move(commit);
}

void DeployPanel::setSaveHandler(SaveHandler save)
{
    m_save = std::move(save);
}

void DeployPanel::setDirtyPrompt(DirtyPrompt prompt)
{
    m_dirtyPrompt = std::move(prompt);
}

DeployPanel::DirtyChoice DeployPanel::askDirty(const QString& note)
{
    if (m_dirtyPrompt)
        return m_dirtyPrompt(currentFunction(), note);
    QMessageBox box(QMessageBox::Question, tr("Uncommitted Changes"),
                    tr("The workspace has uncommitted changes (%1). Commit them first, so the "
                       "deploy is tied to a commit and tagged, or deploy them marked dirty?")
                        .arg(note),
                    QMessageBox::NoButton, this);
    QPushButton* commit = box.addButton(tr("&Commit First…"), QMessageBox::AcceptRole);
    QPushButton* dirty = box.addButton(tr("Deploy &Dirty"), QMessageBox::DestructiveRole);
    box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(commit);
    box.exec();
    if (box.clickedButton() == commit)
        return DirtyChoice::CommitFirst;
    if (box.clickedButton() == dirty)
        return DirtyChoice::DeployDirty;
    return DirtyChoice::Cancel;
}

void DeployPanel::refreshProvenance()
{
    if (!m_workspace) {
        m_dirty->hide();
        return;
    }
    const DeployProvenance p = Deployer::provenance(m_workspace->folder);
    m_dirty->setText(p.dirty ? tr("Uncommitted changes (%1): the deploy will be marked dirty in "
                                  "its record.")
                                   .arg(dirtyNote(p))
                             : QString());
    m_dirty->setVisible(p.dirty);
}

void DeployPanel::setStep(const QString& step, StepState state)
{
    for (int i = 0; i < m_steps->count(); ++i) {
        QListWidgetItem* item = m_steps->item(i);
        if (item->data(Qt::UserRole).toString() != step)
            continue;
        item->setData(Qt::UserRole + 1, int(state));
        QStyle::StandardPixmap icon = QStyle::SP_CustomBase;
        QString status;
        switch (state) {
        case StepState::Pending:
            status = tr("waiting");
            break;
        case StepState::Running:
            icon = QStyle::SP_ArrowRight;
            status = tr("running");
            break;
        case StepState::Done:
            icon = QStyle::SP_DialogApplyButton;
            status = tr("done");
            break;
        case StepState::Failed:
            icon = QStyle::SP_MessageBoxCritical;
            status = tr("failed");
            break;
        case StepState::Skipped:
            status = tr("not needed");
            break;
        }
        item->setIcon(icon == QStyle::SP_CustomBase ? QIcon() : style()->standardIcon(icon));
        item->setData(Qt::AccessibleDescriptionRole, status);
        item->setForeground(state == StepState::Pending || state == StepState::Skipped
                                ? palette().brush(QPalette::Disabled, QPalette::Text)
                                : palette().brush(QPalette::Text));
    }
}

DeployPanel::StepState DeployPanel::stepState(const QString& step) const
{
    for (int i = 0; i < m_steps->count(); ++i) {
        if (m_steps->item(i)->data(Qt::UserRole).toString() == step)
            return StepState(m_steps->item(i)->data(Qt::UserRole + 1).toInt());
    }
    return StepState::Pending;
}

void DeployPanel::showResult(const QString& text, bool isError)
{
    m_result->setText(text);
    QPalette p = m_result->palette();
    p.setColor(QPalette::WindowText, isError ? ErrorColor : palette().color(QPalette::WindowText));
    m_result->setPalette(p);
}

QString DeployPanel::resultText() const
{
    return m_result->text();
}

bool DeployPanel::deploy()
{
    if (isDeploying() || !m_workspace || currentFunction().isEmpty())
        return false;
    // What is deployed is what is on disk: the editor's unsaved typing is saved first, so the
    // deploy (and the dirty check below) sees what the user sees.
    if (m_save) {
        if (const auto saved = m_save(); !saved) {
            showResult(tr("Deploy cancelled: %1").arg(saved.error().message), true);
            return false;
        }
    }
    // A deploy should come from a commit (it is then recorded and tagged); offer to make one.
    if (m_commit) {
        const DeployProvenance p = Deployer::provenance(m_workspace->folder);
        if (p.dirty) {
            switch (askDirty(dirtyNote(p))) {
            case DirtyChoice::Cancel:
                showResult(tr("Deploy cancelled: commit or deploy the changes marked dirty."),
                           false);
                return false;
            case DirtyChoice::CommitFirst:
                if (!m_commit()) {
                    showResult(tr("Deploy cancelled: nothing was committed."), false);
                    return false;
                }
                break;
            case DirtyChoice::DeployDirty:
                break;
            }
        }
    }
    return start(QString());
}

bool DeployPanel::rollback(const QString& commit)
{
    return start(commit);
}

bool DeployPanel::start(const QString& commit)
{
    if (isDeploying() || !m_workspace || currentFunction().isEmpty())
        return false;
    const DeployTarget target = currentTarget();
    if (!m_factory) {
        showResult(tr("No platform can be reached from here (no provider factory)."), true);
        return false;
    }
    stopLogs();
    auto provider = m_factory(target);
    if (!provider) {
        showResult(provider.error().message, true);
        return false;
    }
    m_provider = std::move(*provider);
    delete m_deployer;
    m_deployer = new Deployer(m_provider.get(), this);
    for (const QString& step : stepIds())
        setStep(step, StepState::Pending);
    refreshProvenance();
    if (commit.isEmpty()) {
        showResult(tr("Deploying %1 to %2…").arg(currentFunction(), m_target->currentText()),
                   false);
        m_job = m_deployer->deploy(*m_workspace, currentFunction(), target.name);
    } else {
        showResult(tr("Rolling %1 on %2 back to %3…")
                       .arg(currentFunction(), m_target->currentText(), commit.left(12)),
                   false);
        m_job = m_deployer->deployAt(*m_workspace, currentFunction(), target.name, commit);
    }
    connect(m_job, &DeployJob::stepStarted, this,
            [this](const QString& step, const QString&) { onStepStarted(step); });
    connect(m_job, &DeployJob::finished, this, &DeployPanel::onFinished);
    updateButtons();
    return true;
}

void DeployPanel::cancel()
{
    if (m_job) {
        showResult(tr("Cancelling…"), false);
        m_job->cancel();
    }
}

void DeployPanel::onStepStarted(const QString& step)
{
    // Steps before this one are done; one that was skipped never started.
    bool before = true;
    for (const QString& id : stepIds()) {
        if (id == step) {
            before = false;
            setStep(id, StepState::Running);
        } else if (before && stepState(id) == StepState::Running) {
            setStep(id, StepState::Done);
        } else if (before && stepState(id) == StepState::Pending) {
            setStep(id, StepState::Skipped);
        }
    }
}

void DeployPanel::onFinished()
{
    DeployJob* job = m_job;
    m_job = nullptr;
    const Result<DeployResult> result = *job->result();
    const QString function = currentFunction();
    const DeployTarget target = currentTarget();
    if (result) {
        for (const QString& id : stepIds())
            setStep(id, stepState(id) == StepState::Pending ? StepState::Skipped : StepState::Done);
        QStringList lines;
        lines << tr("Deployed %1 to %2: version %3%4.")
                     .arg(function, m_target->currentText(), result->version,
                          result->codeUnchanged ? tr(" (code unchanged, upload skipped)")
                                                : QString());
        if (!result->url.isEmpty())
            lines << tr("URL: %1").arg(result->url);
        if (!result->arn.isEmpty())
            lines << tr("Id: %1").arg(result->arn);
        const DeployProvenance& from = m_deployer->lastProvenance();
        lines << (from.commitId.isEmpty()
                      ? tr("Commit: none (%1).").arg(from.note)
                      : tr("Commit: %1%2.")
                            .arg(from.commitId.left(12),
                                 from.dirty ? tr(" + uncommitted changes (marked dirty)")
                                            : QString()));
        if (m_deployer->recordError())
            lines << tr("Not recorded: %1").arg(m_deployer->recordError()->message);
        showResult(lines.join(QLatin1Char('\n')), false);
        emit deployFinished(true, lines.first());
        if (m_followLogs->isChecked())
            startLogs(function, target);
    } else {
        for (const QString& id : stepIds()) {
            if (stepState(id) == StepState::Running)
                setStep(id, result.error().code == ErrorCode::Cancelled ? StepState::Skipped
                                                                        : StepState::Failed);
        }
        const QString text = result.error().code == ErrorCode::Cancelled
                                 ? tr("Cancelled: %1").arg(result.error().message)
                                 : tr("The deploy failed: %1").arg(result.error().message);
        showResult(text, result.error().code != ErrorCode::Cancelled);
        emit deployFinished(false, text);
    }
    refreshHistory();
    updateButtons();
}

void DeployPanel::startLogs(const QString& function, const DeployTarget& target)
{
    if (!m_provider)
        return;
    LogQuery query;
    query.function = function;
    query.since = QDateTime::currentDateTimeUtc().addSecs(-60);
    query.follow = true;
    m_tail = m_provider->tailLogs(query);
    const QString source = QStringLiteral("%1@%2:%3").arg(function, target.provider, target.name);
    connect(m_tail, &LogTail::eventsArrived, this,
            [this, source](const QList<LogEvent>& events) { emit logLines(source, events); });
    connect(m_tail, &LogTail::problem, this, &DeployPanel::logProblem);
    connect(m_tail, &LogTail::finished, this, [this] { m_tail = nullptr; });
}

void DeployPanel::stopLogs()
{
    if (!m_tail)
        return;
    LogTail* tail = m_tail;
    m_tail = nullptr;
    disconnect(tail, nullptr, this, nullptr);
    tail->stop();
}

void DeployPanel::setFollowLogs(bool follow)
{
    m_followLogs->setChecked(follow);
}

bool DeployPanel::isFollowingLogs() const
{
    return m_tail != nullptr;
}

void DeployPanel::refreshHistory()
{
    refreshDeployed();
    m_deployed->setEnabled(!isDeploying() && !m_deployedCommit.isEmpty());
    m_history->setRowCount(0);
    if (!m_workspace || currentFunction().isEmpty())
        return;
    auto records = DeployLog(m_workspace->folder).forFunction(currentFunction());
    if (!records) {
        showResult(records.error().message, true);
        return;
    }
    // Newest first.
    const QList<DeployRecord>& list = *records;
    m_history->setRowCount(int(list.size()));
    for (qsizetype i = 0; i < list.size(); ++i) {
        const DeployRecord& r = list[list.size() - 1 - i];
        const QStringList cells = {
            QLocale().toString(r.finishedAt.toLocalTime(), QLocale::ShortFormat),
            QStringLiteral("%1 %2").arg(providerTitle(r.provider), r.target),
            r.commitId.isEmpty() ? tr("—")
                                 : r.commitId.left(8) + (r.dirty ? tr(" (dirty)") : QString()),
            deployOutcomeName(r.outcome),
            r.version,
            r.message};
        for (int c = 0; c < cells.size(); ++c) {
            auto* item = new QTableWidgetItem(cells[c]);
            item->setToolTip(cells[c]);
            if (c == 3 && r.outcome == DeployOutcome::Failed)
                item->setForeground(ErrorColor);
            m_history->setItem(int(i), c, item);
        }
    }
    m_history->resizeColumnsToContents();
}

int DeployPanel::historyRows() const
{
    return m_history->rowCount();
}

QString DeployPanel::historyText(int row, int column) const
{
    const QTableWidgetItem* item = m_history->item(row, column);
    return item ? item->text() : QString();
}

} // namespace swb
