#include "LogView.h"

#include "LogModel.h"
#include "RunnerEvent.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QScrollBar>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace swb {

namespace {
// One batch every 50 ms: at most 20 view updates a second, whatever the log rate.
constexpr int kBatchIntervalMs = 50;
} // namespace

LogView::LogView(QWidget* parent)
    : QWidget(parent), m_model(new LogModel(this)), m_list(new QListView(this)),
      m_function(new QComboBox(this)), m_filter(new QLineEdit(this)),
      m_follow(new QCheckBox(tr("Follow"), this)), m_pause(new QCheckBox(tr("Pause"), this)),
      m_status(new QLabel(this)), m_batch(new QTimer(this))
{
    m_function->addItem(tr("All functions"), QString());
    m_function->setAccessibleName(tr("Function filter"));
    m_filter->setPlaceholderText(tr("Filter by text or request id"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setAccessibleName(tr("Log filter"));
    m_follow->setChecked(true);
    m_follow->setToolTip(tr("Keep the newest line in view"));
    m_pause->setToolTip(tr("Stop adding lines to the view; they are kept and shown on resume"));
    auto* clear = new QPushButton(tr("Clear"), this);
    clear->setAccessibleName(tr("Clear logs"));
    auto* copy = new QPushButton(tr("Copy"), this);
    copy->setAccessibleName(tr("Copy selected log lines"));

    m_list->setModel(m_model);
    m_list->setUniformItemSizes(true); // constant-time layout however many lines
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_list->setAccessibleName(tr("Log lines"));
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    auto* copyAction = new QAction(tr("Copy"), m_list);
    copyAction->setShortcut(QKeySequence::Copy);
    copyAction->setShortcutContext(Qt::WidgetShortcut);
    m_list->addAction(copyAction);
    connect(copyAction, &QAction::triggered, this, &LogView::copySelection);

    auto* bar = new QHBoxLayout;
    bar->addWidget(m_function);
    bar->addWidget(m_filter, 1);
    bar->addWidget(m_follow);
    bar->addWidget(m_pause);
    bar->addWidget(clear);
    bar->addWidget(copy);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_status);

    connect(m_filter, &QLineEdit::textChanged, this, &LogView::applyFilter);
    connect(m_function, &QComboBox::currentIndexChanged, this, &LogView::applyFilter);
    connect(m_model, &LogModel::functionSeen, this,
            [this](const QString& f) { m_function->addItem(f, f); });
    connect(clear, &QPushButton::clicked, this, [this] {
        m_model->clear();
        updateStatus();
    });
    connect(copy, &QPushButton::clicked, this, &LogView::copySelection);
    connect(m_pause, &QCheckBox::toggled, this, [this](bool paused) {
        if (!paused)
            flushBatch();
        updateStatus();
    });
    // Scrolling up to read stops following; scrolling back to the end resumes it.
    connect(m_list->verticalScrollBar(), &QScrollBar::valueChanged, this, [this](int value) {
        if (m_list->verticalScrollBar()->isSliderDown())
            m_follow->setChecked(value == m_list->verticalScrollBar()->maximum());
    });
    m_batch->setInterval(kBatchIntervalMs);
    connect(m_batch, &QTimer::timeout, this, &LogView::flushBatch);
    updateStatus();
}

void LogView::add(const RunnerEvent& event)
{
    if (event.kind != RunnerEvent::Kind::LogLine)
        return;
    m_model->add(event);
    if (!m_batch->isActive())
        m_batch->start();
}

void LogView::flushBatch()
{
    if (m_model->pendingCount() == 0) {
        m_batch->stop(); // idle: no timer wake-ups
        return;
    }
    if (m_pause->isChecked())
        return; // kept in the model's bounded queue until resumed
    m_model->flush();
    if (m_follow->isChecked())
        m_list->scrollToBottom();
    updateStatus();
}

bool LogView::isFollowing() const
{
    return m_follow->isChecked();
}

void LogView::setFollowing(bool follow)
{
    m_follow->setChecked(follow);
    if (follow)
        m_list->scrollToBottom();
}

bool LogView::isPaused() const
{
    return m_pause->isChecked();
}

void LogView::setPaused(bool paused)
{
    m_pause->setChecked(paused);
}

void LogView::showRequest(const QString& requestId)
{
    m_function->setCurrentIndex(0);
    m_filter->setText(requestId);
}

void LogView::applyFilter()
{
    m_model->flush();
    m_model->setFilter(m_function->currentData().toString(), m_filter->text().trimmed());
    if (m_follow->isChecked())
        m_list->scrollToBottom();
    updateStatus();
}

QString LogView::selectedText() const
{
    QModelIndexList rows = m_list->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(),
              [](const QModelIndex& a, const QModelIndex& b) { return a.row() < b.row(); });
    QStringList lines;
    for (const QModelIndex& i : rows)
        lines << i.data(Qt::DisplayRole).toString();
    return lines.join(QLatin1Char('\n'));
}

void LogView::copySelection() const
{
    const QString text = selectedText();
    if (!text.isEmpty())
        QApplication::clipboard()->setText(text);
}

void LogView::updateStatus()
{
    QString text = tr("%n line(s)", nullptr, m_model->rowCount());
    if (m_model->rowCount() != m_model->totalCount())
        text += tr(" shown of %1").arg(m_model->totalCount());
    if (m_model->droppedCount() > 0)
        text += tr("; %1 older lines dropped (the panel keeps %2)")
                    .arg(m_model->droppedCount())
                    .arg(m_model->capacity());
    if (m_pause->isChecked() && m_model->pendingCount() > 0)
        text += tr("; paused, %n new line(s) waiting", nullptr, m_model->pendingCount());
    m_status->setText(text);
}

} // namespace swb
