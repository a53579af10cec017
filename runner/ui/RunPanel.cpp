#include "RunPanel.h"

#include "EventEditor.h"
#include "InvocationRecord.h"
#include "InvocationStats.h"
#include "LoadTest.h"
#include "OutcomeText.h"
#include "Runner.h"
#include "events/EventTemplateCatalog.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFile>
#include <QFontDatabase>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace swb {

namespace {

enum EventSource { EmptyEvent, SavedEvent, TemplateEvent };

QString prettyJson(const QByteArray& payload)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(payload, &error);
    if (error.error != QJsonParseError::NoError || doc.isNull())
        return QString::fromUtf8(payload);
    return QString::fromUtf8(doc.toJson(QJsonDocument::Indented));
}

} // namespace

RunPanel::RunPanel(QWidget* parent)
    : QWidget(parent), m_function(new QComboBox(this)), m_event(new QComboBox(this)),
      m_payload(new EventEditor(this)), m_payloadError(new QLabel(this)),
      m_invoke(new QPushButton(tr("Invoke"), this)), m_summary(new QLabel(this)),
      m_results(new QTabWidget(this)), m_response(new QPlainTextEdit(this)),
      m_logs(new QPlainTextEdit(this)), m_loadPattern(new QComboBox(this)),
      m_loadRate(new QDoubleSpinBox(this)), m_loadSeconds(new QSpinBox(this)),
      m_loadKeepAlive(new QSpinBox(this)), m_loadConcurrency(new QSpinBox(this)),
      m_loadButton(new QPushButton(tr("Start load"), this)), m_loadStatus(new QLabel(this)),
      m_loadStatusTimer(new QTimer(this))
{
    if (auto catalog = EventTemplateCatalog::loadBuiltIn())
        m_catalog = new EventTemplateCatalog(std::move(*catalog));

    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_function->setAccessibleName(tr("Function to invoke"));
    m_function->setMinimumContentsLength(12);
    m_event->setAccessibleName(tr("Event"));
    m_event->setMinimumContentsLength(16);
    m_payload->setAccessibleName(tr("Event payload (JSON)"));
    m_payloadError->setWordWrap(true);
    m_payloadError->setAccessibleName(tr("Payload error"));
    m_payloadError->setStyleSheet(QStringLiteral("color: #d93f3f"));
    m_payloadError->hide();
    m_invoke->setAccessibleName(tr("Invoke the function"));
    m_invoke->setToolTip(tr("Invoke (Ctrl+Return)"));
    m_invoke->setDefault(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setAccessibleName(tr("Invocation summary"));
    m_summary->setWordWrap(true);
    for (QPlainTextEdit* view : {m_response, m_logs}) {
        view->setReadOnly(true);
        view->setFont(fixed);
        view->setLineWrapMode(QPlainTextEdit::NoWrap);
    }
    m_response->setAccessibleName(tr("Response"));
    m_logs->setAccessibleName(tr("Invocation logs"));
    m_results->addTab(m_response, tr("Response"));
    m_results->addTab(m_logs, tr("Logs"));

    auto* invokeAction = new QAction(tr("Invoke"), this);
    invokeAction->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)});
    invokeAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(invokeAction);
    connect(invokeAction, &QAction::triggered, this, &RunPanel::invoke);

    // Long event template names must not widen the panel: the combos elide, the popup is wide.
    for (QComboBox* combo : {m_function, m_event}) {
        combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        combo->setMinimumContentsLength(8);
    }
    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Function"), this));
    top->addWidget(m_function, 1);
    top->addWidget(new QLabel(tr("Event"), this));
    top->addWidget(m_event, 2);
    top->addWidget(m_invoke);
    // The load row: the same function and event, many times, to see cold starts against traffic.
    m_loadPattern->addItem(tr("Constant"), QStringLiteral("constant"));
    m_loadPattern->addItem(tr("Poisson"), QStringLiteral("poisson"));
    m_loadPattern->addItem(tr("Bursts"), QStringLiteral("burst"));
    m_loadPattern->setAccessibleName(tr("Load pattern"));
    m_loadRate->setRange(0.1, LoadTestOptions::kMaxRatePerSecond);
    m_loadRate->setDecimals(1);
    m_loadRate->setValue(10);
    m_loadRate->setSuffix(tr(" /s"));
    m_loadRate->setAccessibleName(tr("Requests per second"));
    m_loadSeconds->setRange(1, int(LoadTestOptions::kMaxDurationSeconds));
    m_loadSeconds->setValue(10);
    m_loadSeconds->setSuffix(tr(" s"));
    m_loadSeconds->setAccessibleName(tr("Load duration"));
    m_loadKeepAlive->setRange(0, 24 * 3600);
    m_loadKeepAlive->setValue(600);
    m_loadKeepAlive->setPrefix(tr("keep-alive "));
    m_loadKeepAlive->setSuffix(tr(" s"));
    m_loadKeepAlive->setAccessibleName(tr("Keep-alive of idle instances, in seconds"));
    m_loadKeepAlive->setToolTip(
        tr("How long an idle instance stays warm (the runner's keep-alive)"));
    m_loadConcurrency->setRange(1, 1000);
    m_loadConcurrency->setValue(10);
    m_loadConcurrency->setPrefix(tr("limit "));
    m_loadConcurrency->setAccessibleName(tr("Concurrency limit"));
    m_loadConcurrency->setToolTip(
        tr("Instances per function at most (unless it reserves its own); beyond it, throttled"));
    m_loadButton->setAccessibleName(tr("Start or stop the load test"));
    m_loadStatus->setAccessibleName(tr("Load test status"));
    m_loadStatus->setWordWrap(true);
    m_loadStatus->hide(); // until a load test has something to say
    auto* loadBox = new QGroupBox(tr("Load test"), this);
    // Two rows, so the panel fits beside the editor in a 1280-pixel window: what to send, then
    // the platform's settings for it.
    auto* loadRows = new QGridLayout;
    loadRows->addWidget(m_loadPattern, 0, 0);
    loadRows->addWidget(m_loadRate, 0, 1);
    loadRows->addWidget(new QLabel(tr("for"), loadBox), 0, 2);
    loadRows->addWidget(m_loadSeconds, 0, 3);
    loadRows->addWidget(m_loadButton, 0, 4);
    loadRows->addWidget(m_loadKeepAlive, 1, 0, 1, 2);
    loadRows->addWidget(m_loadConcurrency, 1, 2, 1, 2);
    loadRows->setColumnStretch(1, 1);
    loadRows->setColumnStretch(3, 1);
    auto* loadLayout = new QVBoxLayout(loadBox);
    loadLayout->addLayout(loadRows);
    loadLayout->addWidget(m_loadStatus);
    m_loadStatusTimer->setInterval(200);
    connect(m_loadStatusTimer, &QTimer::timeout, this, &RunPanel::updateLoadStatus);
    connect(m_loadButton, &QPushButton::clicked, this, [this] {
        if (isLoadRunning())
            stopLoad();
        else
            startLoad();
    });

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_payload, 2);
    layout->addWidget(m_payloadError);
    layout->addWidget(loadBox);
    layout->addWidget(m_summary);
    layout->addWidget(m_results, 3);

    // The event editor validates as you type (and marks the bad line); Invoke follows it.
    connect(m_payload, &EventEditor::validated, this, [this] {
        m_error = m_payload->isValid() ? QString() : m_payload->errorMessage();
        m_invoke->setEnabled(m_runner && !currentFunction().isEmpty() && m_error.isEmpty());
    });
    connect(m_invoke, &QPushButton::clicked, this, &RunPanel::invoke);
    connect(m_function, &QComboBox::currentIndexChanged, this, &RunPanel::onFunctionChanged);
    connect(m_event, &QComboBox::activated, this, &RunPanel::onEventChosen);
    setRunner(nullptr);
}

RunPanel::~RunPanel()
{
    delete m_catalog;
}

void RunPanel::setRunner(Runner* runner)
{
    delete m_load; // a test of the previous runner: its results are not this one's
    m_load = nullptr;
    m_loadStatusTimer->stop();
    m_loadButton->setText(tr("Start load"));
    m_runner = runner;
    if (runner) {
        m_loadKeepAlive->setValue(int(runner->keepAliveMs() / 1000));
        m_loadConcurrency->setValue(runner->concurrencyLimit());
        m_load = new LoadTest(*runner, this);
        connect(m_load, &LoadTest::invocationFinished, this,
                [this](const InvocationRecord& record, int) {
                    ++m_loadDone;
                    if (m_loadRecords.size() >= kMaxLoadRecords)
                        m_loadRecords.removeFirst();
                    InvocationRecord light = record;
                    light.payload.clear();
                    light.logs.clear();
                    m_loadRecords.append(std::move(light));
                });
        connect(m_load, &LoadTest::finished, this, [this] {
            m_loadStatusTimer->stop();
            m_loadButton->setText(tr("Start load"));
            updateLoadStatus();
            emit loadFinished();
        });
    }
    const QSignalBlocker block(m_function);
    m_function->clear();
    if (runner) {
        for (const FunctionSpec& f : runner->workspace().functions)
            m_function->addItem(f.name, f.name);
    }
    m_invoke->setEnabled(runner && m_function->count() > 0);
    onFunctionChanged();
}

void RunPanel::selectFunction(const QString& name)
{
    const int i = m_function->findData(name);
    if (i >= 0)
        m_function->setCurrentIndex(i);
}

QString RunPanel::currentFunction() const
{
    return m_function->currentData().toString();
}

void RunPanel::setPayload(const QString& json)
{
    m_payloadError->hide();
    m_payload->setText(json);
    validate();
}

QString RunPanel::payload() const
{
    return m_payload->text();
}

QString RunPanel::payloadError() const
{
    return m_error;
}

void RunPanel::reloadEvents()
{
    const QString function = currentFunction();
    const QSignalBlocker block(m_event);
    m_event->clear();
    m_event->addItem(tr("Empty event {}"), QVariantList{EmptyEvent, QString()});
    if (m_runner && !function.isEmpty()) {
        for (const QString& name : m_runner->workspace().savedEvents(function))
            m_event->addItem(tr("Saved: %1").arg(name), QVariantList{SavedEvent, name});
    }
    if (m_catalog) {
        for (const QString& kind : m_catalog->kinds())
            m_event->addItem(tr("Template: %1").arg(kind), QVariantList{TemplateEvent, kind});
    }
}

void RunPanel::onFunctionChanged()
{
    reloadEvents();
    // The function's first saved event is the likeliest thing to run; else an empty event.
    const int firstSaved =
        m_event->count() > 1 && m_event->itemData(1).toList().value(0).toInt() == SavedEvent ? 1
                                                                                             : 0;
    m_event->setCurrentIndex(firstSaved);
    onEventChosen(firstSaved);
}

void RunPanel::onEventChosen(int index)
{
    const QVariantList data = m_event->itemData(index).toList();
    const int source = data.value(0).toInt();
    const QString name = data.value(1).toString();
    if (source == SavedEvent && m_runner) {
        QFile file(QDir(m_runner->workspace().eventsFolder(currentFunction()))
                       .filePath(name + QStringLiteral(".json")));
        if (!file.open(QIODevice::ReadOnly)) {
            m_payloadError->setText(
                tr("Cannot read the saved event %1: %2.").arg(file.fileName(), file.errorString()));
            m_payloadError->show();
            return;
        }
        setPayload(QString::fromUtf8(file.readAll()));
    } else if (source == TemplateEvent && m_catalog) {
        const auto event = m_catalog->generate(name, {});
        setPayload(event ? QString::fromUtf8(QJsonDocument(*event).toJson(QJsonDocument::Indented))
                         : QStringLiteral("{}"));
    } else {
        setPayload(QStringLiteral("{}"));
    }
}

void RunPanel::validate()
{
    m_payload->validateNow(); // emits validated(): m_error and Invoke follow it
}

bool RunPanel::invoke()
{
    validate();
    if (!m_runner || currentFunction().isEmpty() || !m_error.isEmpty())
        return false;
    const QByteArray body = m_payload->payload();
    ++m_inFlight;
    m_summary->setText(tr("Invoking %1…").arg(currentFunction()));
    const QPointer<RunPanel> self(this);
    const QString requestId =
        m_runner->invoke(currentFunction(), body, [self](const InvocationRecord& record) {
            if (!self)
                return;
            --self->m_inFlight;
            self->show(record);
            emit self->invocationFinished(record);
        });
    emit invocationStarted(requestId);
    return true;
}

void RunPanel::show(const InvocationRecord& r)
{
    QString summary =
        tr("%1 · %2 · duration %3 ms · billed %4 ms · memory %5/%6 MB")
            .arg(r.coldStart ? tr("cold start, init %1 ms").arg(r.initDurationMs, 0, 'f', 2)
                             : tr("warm"),
                 OutcomeText::of(r.outcome))
            .arg(r.durationMs, 0, 'f', 2)
            .arg(r.billedDurationMs)
            .arg(r.maxMemoryUsedMb)
            .arg(r.memorySizeMb);
    if (r.failed() && !r.errorType.isEmpty())
        summary = tr("Failed (%1) · ").arg(r.errorType) + summary;
    m_summary->setText(summary);
    m_summary->setToolTip(r.reportLine());
    m_response->setPlainText(prettyJson(r.payload));
    m_logs->setPlainText(r.logs.join(QLatin1Char('\n')));
    m_results->setCurrentWidget(r.failed() ? m_logs : m_response);
}

} // namespace swb

namespace swb {

void RunPanel::setLoad(const QString& pattern, double ratePerSecond, int seconds)
{
    const int i = m_loadPattern->findData(pattern);
    if (i >= 0)
        m_loadPattern->setCurrentIndex(i);
    m_loadRate->setValue(ratePerSecond);
    m_loadSeconds->setValue(seconds);
}

void RunPanel::setLoadLimits(int keepAliveSeconds, int concurrencyLimit)
{
    m_loadKeepAlive->setValue(keepAliveSeconds);
    m_loadConcurrency->setValue(concurrencyLimit);
}

bool RunPanel::isLoadRunning() const
{
    return m_load && m_load->isRunning();
}

QString RunPanel::loadStatus() const
{
    return m_loadStatus->text();
}

bool RunPanel::startLoad()
{
    validate();
    if (!m_load || currentFunction().isEmpty()) {
        m_loadStatus->setText(tr("Open a workspace and pick a function to load."));
        m_loadStatus->show();
        return false;
    }
    if (!m_error.isEmpty()) {
        m_loadStatus->setText(tr("Fix the event first: %1").arg(m_error));
        m_loadStatus->show();
        return false;
    }
    LoadTestOptions options;
    options.function = currentFunction();
    options.payload = m_payload->payload();
    options.pattern = LoadPattern::kindFromName(m_loadPattern->currentData().toString())
                          .value_or(LoadPattern::Kind::Constant);
    options.ratePerSecond = m_loadRate->value();
    options.durationSeconds = m_loadSeconds->value();
    m_runner->setKeepAliveMs(qint64(m_loadKeepAlive->value()) * 1000);
    m_runner->setConcurrencyLimit(m_loadConcurrency->value());
    m_loadRecords.clear();
    m_loadDone = 0;
    if (const auto started = m_load->start(options); !started) {
        m_loadStatus->setText(started.error().message);
        m_loadStatus->show();
        return false;
    }
    m_loadButton->setText(tr("Stop load"));
    m_loadStatusTimer->start();
    updateLoadStatus();
    return true;
}

void RunPanel::stopLoad()
{
    if (m_load)
        m_load->stop();
}

void RunPanel::updateLoadStatus()
{
    if (!m_load)
        return;
    const InvocationStats s = summarize(m_loadRecords);
    QString text = tr("sent %1 · done %2 · cold %3 · throttled %4 · failed %5")
                       .arg(m_load->sentCount())
                       .arg(m_loadDone)
                       .arg(s.coldStarts)
                       .arg(s.throttles)
                       .arg(s.failures - s.throttles);
    if (s.count > s.throttles)
        text += tr(" · duration p50 %1 ms, p99 %2 ms")
                    .arg(s.durationP50Ms, 0, 'f', 2)
                    .arg(s.durationP99Ms, 0, 'f', 2);
    if (isLoadRunning())
        text += tr(" · running");
    m_loadStatus->setText(text);
    m_loadStatus->show();
}

} // namespace swb
