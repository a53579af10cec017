#include "SimulatePanel.h"

#include "ChartStyle.h"

#include "HistoryStore.h"
#include "KeepAlivePolicy.h"
#include "cost/CostEngine.h"
#include "sim/HybridHistogramPolicy.h"
#include "sim/InvocationTrace.h"
#include "sim/SimulationBilling.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QEvent>
#include <QFileDialog>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHorizontalStackedBarSeries>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QSplitter>
#include <QThread>
#include <QVBoxLayout>
#include <QValueAxis>

#include <climits>
#include <cmath>
#include <mutex>

namespace swb {

using namespace swb::sim;

namespace {

// Busy in the runner's warm colour, loaded/idle in a calm grey-blue: the two charts agree.
const QColor kBusyColor(0x2f, 0x86, 0xd6);
const QColor kLoadedColor(0x8a, 0x9b, 0xb0);

enum ArrivalModel { Poisson, Periodic, Bursty, Diurnal, Trace };
enum ServiceKind { Fixed, Exponential, LogNormal, Measured };
enum PolicyKind { FixedPolicy, NoKeepAlive, Hybrid };

// Measured durations as samples for an empirical service time: every count when there are
// few, proportionally fewer beyond kMaxSamples (the shape is kept, memory is bounded).
std::vector<double> samplesOf(const QList<std::pair<qint64, qint64>>& counts)
{
    constexpr double kMaxSamples = 100000;
    double total = 0;
    for (const auto& c : counts)
        total += double(c.second);
    const double scale = total > kMaxSamples ? kMaxSamples / total : 1.0;
    std::vector<double> samples;
    for (const auto& [ms, n] : counts) {
        const qint64 k = std::max<qint64>(1, std::llround(double(n) * scale));
        samples.insert(samples.end(), size_t(k), double(ms));
    }
    return samples;
}

} // namespace

// What the worker thread and the panel share: the worker writes result/error, then finishes;
// the panel reads them after QThread::finished (and wait()).
struct SimulatePanel::Worker {
    SimulationOptions options;
    std::unique_ptr<KeepAlivePolicy> policy;
    QStringList traceFiles;
    QString traceFunction;
    QString provider;
    std::atomic<bool> cancel{false};
    std::optional<Result<SimulationResult>> result;
};

SimulatePanel::SimulatePanel(QWidget* parent) : QWidget(parent)
{
    if (auto catalog = PricingCatalog::builtIn())
        m_engine = std::make_unique<CostEngine>(std::move(*catalog));

    auto* formHost = new QWidget;
    auto* form = new QFormLayout(formHost);
    m_form = form;
    buildForm(form);
    auto* scroll = new QScrollArea;
    scroll->setWidget(formHost);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);

    m_run = new QPushButton(tr("Run"));
    m_run->setAccessibleName(tr("Run the simulation"));
    m_cancel = new QPushButton(tr("Cancel"));
    m_cancel->setAccessibleName(tr("Cancel the simulation"));
    m_cancel->setEnabled(false);
    m_progress = new QProgressBar;
    m_progress->setRange(0, 1000);
    m_progress->setValue(0);
    m_progress->setTextVisible(true);
    m_progress->setFormat(tr("%p%"));
    m_progress->setAccessibleName(tr("Simulation progress"));
    m_status = new QLabel;
    m_status->setWordWrap(true);
    m_status->setAccessibleName(tr("Simulation status"));
    connect(m_run, &QPushButton::clicked, this, &SimulatePanel::run);
    connect(m_cancel, &QPushButton::clicked, this, &SimulatePanel::cancel);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_run);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_progress, 1);

    const auto figure = [this](const QString& name) {
        auto* l = new QLabel(QStringLiteral("–"));
        l->setAccessibleName(name);
        l->setTextInteractionFlags(Qt::TextSelectableByMouse);
        return l;
    };
    m_coldRatio = figure(tr("Cold-start ratio"));
    m_throttleRatio = figure(tr("Throttle ratio"));
    m_latency = figure(tr("Latency percentiles"));
    m_instances = figure(tr("Instances"));
    m_instanceTime = figure(tr("Instance time"));
    auto* figures = new QGridLayout;
    const QList<std::pair<QString, QLabel*>> rows = {{tr("Cold starts:"), m_coldRatio},
                                                     {tr("Throttled:"), m_throttleRatio},
                                                     {tr("Latency:"), m_latency},
                                                     {tr("Instances:"), m_instances},
                                                     {tr("Instance time:"), m_instanceTime}};
    for (int i = 0; i < rows.size(); ++i) {
        figures->addWidget(new QLabel(rows[i].first), i, 0);
        figures->addWidget(rows[i].second, i, 1);
    }
    figures->setColumnStretch(1, 1);

    m_instancesView = new QChartView(new QChart);
    m_instancesView->setRenderHint(QPainter::Antialiasing);
    m_instancesView->setAccessibleName(tr("Instances over time"));
    m_instancesView->setMinimumHeight(220);
    m_usageView = new QChartView(new QChart);
    m_usageView->setRenderHint(QPainter::Antialiasing);
    m_usageView->setAccessibleName(tr("Busy and idle instance time"));
    m_usageView->setMinimumHeight(150);
    m_usageView->setMaximumHeight(190);
    instancesChart()->setTitle(tr("Instances over time"));
    usageChart()->setTitle(tr("Instance-hours: busy and idle"));
    usageChart()->setMargins(QMargins(6, 2, 6, 2));
    styleChart(instancesChart(), *this);
    styleChart(usageChart(), *this);
    instancesChart()->legend()->setAlignment(Qt::AlignBottom);
    usageChart()->legend()->setAlignment(Qt::AlignBottom);

    m_cost = new QPlainTextEdit;
    m_cost->setReadOnly(true);
    m_cost->setAccessibleName(tr("Monthly cost"));
    m_cost->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_cost->setPlaceholderText(tr("The cost per 730-hour month appears here after a run."));
    m_cost->setMinimumHeight(110);

    auto* results = new QWidget;
    auto* resultsLayout = new QVBoxLayout(results);
    resultsLayout->addLayout(buttons);
    resultsLayout->addWidget(m_status);
    resultsLayout->addLayout(figures);
    resultsLayout->addWidget(m_instancesView, 3);
    resultsLayout->addWidget(m_usageView, 1);
    resultsLayout->addWidget(m_cost, 1);

    auto* splitter = new QSplitter;
    splitter->addWidget(scroll);
    splitter->addWidget(results);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    updateForm();
}

SimulatePanel::~SimulatePanel()
{
    if (m_worker)
        m_worker->cancel.store(true);
    if (m_thread) {
        m_thread->disconnect(this);
        m_thread->wait();
        delete m_thread;
    }
}

QLabel* SimulatePanel::errorLabel(const QString& name)
{
    auto* l = new QLabel;
    l->setObjectName(name);
    l->setWordWrap(true);
    l->setVisible(false);
    QPalette p = l->palette();
    p.setColor(QPalette::WindowText, QColor(0xE0, 0x2A, 0x2A));
    l->setPalette(p);
    return l;
}

void SimulatePanel::buildForm(QFormLayout* form)
{
    const auto named = [](QWidget* w, const char* objectName, const QString& accessible) {
        w->setObjectName(QString::fromLatin1(objectName));
        w->setAccessibleName(accessible);
        return w;
    };
    const auto withError = [](QWidget* field, QLabel* error) {
        auto* box = new QWidget;
        auto* v = new QVBoxLayout(box);
        v->setContentsMargins(0, 0, 0, 0);
        v->setSpacing(2);
        v->addWidget(field);
        v->addWidget(error);
        return box;
    };

    m_arrivalModel = new QComboBox;
    m_arrivalModel->addItems(
        {tr("Poisson"), tr("Periodic"), tr("Bursty on/off"), tr("Diurnal"), tr("Trace file")});
    named(m_arrivalModel, "arrivalModel", tr("Arrival model"));
    m_rate = new QDoubleSpinBox;
    m_rate->setRange(0, 1e9);
    m_rate->setDecimals(3);
    m_rate->setValue(1);
    m_rate->setSuffix(tr(" /s"));
    named(m_rate, "rate", tr("Invocations per second"));
    m_rateError = errorLabel(QStringLiteral("rateError"));
    m_on = new QLineEdit(QStringLiteral("1m"));
    named(m_on, "burstOn", tr("Burst length"));
    m_off = new QLineEdit(QStringLiteral("9m"));
    named(m_off, "burstOff", tr("Quiet time between bursts"));
    m_amplitude = new QDoubleSpinBox;
    m_amplitude->setRange(0, 1);
    m_amplitude->setSingleStep(0.1);
    m_amplitude->setValue(0.8);
    named(m_amplitude, "amplitude", tr("Diurnal amplitude"));
    m_period = new QLineEdit(QStringLiteral("1d"));
    named(m_period, "period", tr("Diurnal period"));
    m_shapeError = errorLabel(QStringLiteral("shapeError"));

    m_traceFile = new QLineEdit;
    m_traceFile->setPlaceholderText(tr("invocations_per_function_md.anon.d01.csv"));
    named(m_traceFile, "traceFile", tr("Trace file"));
    m_browse = new QPushButton(tr("Browse…"));
    m_browse->setAccessibleName(tr("Choose a trace file"));
    auto* traceRow = new QWidget;
    auto* traceLayout = new QHBoxLayout(traceRow);
    traceLayout->setContentsMargins(0, 0, 0, 0);
    traceLayout->addWidget(m_traceFile, 1);
    traceLayout->addWidget(m_browse);
    m_traceFunction = new QComboBox;
    named(m_traceFunction, "traceFunction", tr("Function hash to replay"));
    m_traceError = errorLabel(QStringLiteral("traceError"));

    m_duration = new QLineEdit(QStringLiteral("1d"));
    m_duration->setPlaceholderText(tr("1h, 1d, 30d"));
    named(m_duration, "duration", tr("Simulated duration"));
    m_durationError = errorLabel(QStringLiteral("durationError"));

    m_serviceKind = new QComboBox;
    m_serviceKind->addItems(
        {tr("Fixed"), tr("Exponential"), tr("Lognormal (p50, p99)"), tr("Measured")});
    named(m_serviceKind, "serviceKind", tr("Service time distribution"));
    m_serviceMs = new QDoubleSpinBox;
    m_serviceMs->setRange(0, 1e9);
    m_serviceMs->setValue(100);
    m_serviceMs->setSuffix(tr(" ms"));
    named(m_serviceMs, "serviceMs", tr("Service time in milliseconds"));
    m_serviceP99Ms = new QDoubleSpinBox;
    m_serviceP99Ms->setRange(0, 1e9);
    m_serviceP99Ms->setValue(400);
    m_serviceP99Ms->setSuffix(tr(" ms"));
    named(m_serviceP99Ms, "serviceP99Ms", tr("Service time p99 in milliseconds"));
    m_measuredFunction = new QComboBox;
    named(m_measuredFunction, "measuredFunction", tr("Function whose times are measured"));
    m_serviceError = errorLabel(QStringLiteral("serviceError"));

    m_initKind = new QComboBox;
    m_initKind->addItems({tr("Typed"), tr("Measured mean")});
    named(m_initKind, "initKind", tr("Init time source"));
    m_initMs = new QDoubleSpinBox;
    m_initMs->setRange(0, 1e9);
    m_initMs->setValue(250);
    m_initMs->setSuffix(tr(" ms"));
    named(m_initMs, "initMs", tr("Init time in milliseconds"));

    m_policy = new QComboBox;
    m_policy->addItems({tr("Fixed keep-alive"), tr("No keep-alive"), tr("Hybrid histogram")});
    named(m_policy, "policy", tr("Keep-alive policy"));
    m_keepAliveMinutes = new QDoubleSpinBox;
    m_keepAliveMinutes->setRange(0, 1e6);
    m_keepAliveMinutes->setValue(10);
    m_keepAliveMinutes->setSuffix(tr(" min"));
    named(m_keepAliveMinutes, "keepAliveMinutes", tr("Keep-alive in minutes"));

    m_cap = new QSpinBox;
    m_cap->setRange(0, 1000000000);
    m_cap->setSpecialValueText(tr("none"));
    m_cap->setValue(0);
    named(m_cap, "cap", tr("Concurrency cap"));
    m_provisioned = new QSpinBox;
    m_provisioned->setRange(0, 1000000);
    named(m_provisioned, "provisioned", tr("Provisioned instances"));
    m_provisionedError = errorLabel(QStringLiteral("provisionedError"));
    m_memory = new QSpinBox;
    m_memory->setRange(1, 1000000);
    m_memory->setValue(128);
    m_memory->setSuffix(tr(" MB"));
    named(m_memory, "memoryMb", tr("Memory in megabytes"));
    m_provider = new QComboBox;
    m_provider->addItems(CostEngine::providers());
    m_provider->addItem(QStringLiteral("none"));
    named(m_provider, "provider", tr("Provider for the cost"));
    m_seed = new QSpinBox;
    m_seed->setRange(0, INT_MAX);
    m_seed->setValue(1);
    named(m_seed, "seed", tr("Random seed"));

    form->addRow(tr("Arrivals:"), m_arrivalModel);
    form->addRow(tr("Rate:"), withError(m_rate, m_rateError));
    form->addRow(tr("Burst on:"), m_on);
    form->addRow(tr("Burst off:"), m_off);
    form->addRow(tr("Amplitude:"), m_amplitude);
    form->addRow(tr("Period:"), m_period);
    form->addRow(QString(), m_shapeError);
    form->addRow(tr("Trace file:"), traceRow);
    form->addRow(tr("Function hash:"), withError(m_traceFunction, m_traceError));
    form->addRow(tr("Duration:"), withError(m_duration, m_durationError));
    form->addRow(tr("Service time:"), m_serviceKind);
    form->addRow(tr("Service ms:"), m_serviceMs);
    form->addRow(tr("Service p99:"), m_serviceP99Ms);
    form->addRow(tr("Measured function:"), m_measuredFunction);
    form->addRow(QString(), m_serviceError);
    form->addRow(tr("Init:"), m_initKind);
    form->addRow(tr("Init ms:"), m_initMs);
    form->addRow(tr("Keep-alive:"), m_policy);
    form->addRow(tr("Keep for:"), m_keepAliveMinutes);
    form->addRow(tr("Concurrency cap:"), m_cap);
    form->addRow(tr("Provisioned:"), withError(m_provisioned, m_provisionedError));
    form->addRow(tr("Memory:"), m_memory);
    form->addRow(tr("Provider:"), m_provider);
    form->addRow(tr("Seed:"), m_seed);

    const auto changed = [this] { updateForm(); };
    for (QComboBox* c : {m_arrivalModel, m_serviceKind, m_initKind, m_policy, m_traceFunction,
                         m_measuredFunction, m_provider})
        connect(c, &QComboBox::currentIndexChanged, this, changed);
    for (QDoubleSpinBox* s : {m_rate, m_serviceMs, m_serviceP99Ms, m_amplitude})
        connect(s, &QDoubleSpinBox::valueChanged, this, changed);
    for (QSpinBox* s : {m_cap, m_provisioned})
        connect(s, &QSpinBox::valueChanged, this, changed);
    for (QLineEdit* e : {m_on, m_off, m_period, m_duration})
        connect(e, &QLineEdit::textChanged, this, changed);
    connect(m_traceFile, &QLineEdit::editingFinished, this, [this] {
        if (!m_traceFile->text().isEmpty())
            (void)loadTraceFile(m_traceFile->text());
    });
    connect(m_browse, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(
            this, tr("Azure Functions trace"), QString(), tr("CSV files (*.csv);;All files (*)"));
        if (!path.isEmpty()) {
            m_traceFile->setText(path);
            (void)loadTraceFile(path);
        }
    });
}

void SimulatePanel::loadTraceFile(const QString& path)
{
    m_traceFile->setText(path);
    m_traceFunction->clear();
    m_traceLoadError.clear();
    m_traceLoading = true;
    const quint64 generation = ++m_traceGeneration;
    updateForm();
    auto hashes = std::make_shared<Result<QStringList>>(QStringList{});
    QThread* reader =
        QThread::create([path, hashes] { *hashes = InvocationTrace::functionsIn(path); });
    // The thread deletes itself, so a panel closed during the read leaves nothing running.
    connect(reader, &QThread::finished, reader, &QObject::deleteLater);
    connect(reader, &QThread::finished, this, [this, path, hashes, generation] {
        if (generation != m_traceGeneration)
            return; // another file was chosen meanwhile
        m_traceLoading = false;
        if (*hashes)
            m_traceFunction->addItems(**hashes);
        else
            m_traceLoadError = hashes->error().message;
        updateForm();
        emit traceFileLoaded(path, m_traceLoadError);
    });
    reader->start();
}

void SimulatePanel::setHistory(const HistoryStore* history)
{
    m_history = history;
    updateForm();
}

void SimulatePanel::setFunctions(const QStringList& functions)
{
    const QString current = m_measuredFunction->currentText();
    m_measuredFunction->clear();
    m_measuredFunction->addItems(functions);
    m_measuredFunction->setCurrentIndex(std::max(0, int(functions.indexOf(current))));
    updateForm();
}

void SimulatePanel::setDefaults(const QString& function, int memoryMb)
{
    m_memory->setValue(memoryMb);
    if (m_measuredFunction->findText(function) < 0)
        m_measuredFunction->addItem(function);
    m_measuredFunction->setCurrentText(function);
    if (m_history) {
        const auto stats = m_history->stats(function);
        if (stats && stats->ranCount > 0) {
            m_serviceKind->setCurrentIndex(Measured);
            if (stats->coldCount > 0)
                m_initKind->setCurrentIndex(1);
        }
    }
    updateForm();
}

bool SimulatePanel::isRunning() const
{
    return m_thread != nullptr;
}

QStringList SimulatePanel::validationErrors() const
{
    QStringList errors;
    const auto set = [&errors](QLabel* label, const QString& text) {
        label->setText(text);
        label->setVisible(!text.isEmpty());
        if (!text.isEmpty())
            errors << text;
    };
    const int model = m_arrivalModel->currentIndex();
    const bool trace = model == Trace;
    set(m_rateError, !trace && m_rate->value() <= 0
                         ? tr("The rate must be above 0 invocations per second.")
                         : QString());
    QString shape;
    if (model == Bursty) {
        const auto on = parseDurationMs(m_on->text());
        const auto off = parseDurationMs(m_off->text());
        if (!on || *on <= 0)
            shape = tr("The burst length needs a duration above 0, such as 1m.");
        else if (!off)
            shape = tr("The quiet time needs a duration, such as 9m.");
    } else if (model == Diurnal) {
        const auto period = parseDurationMs(m_period->text());
        if (!period || *period <= 0)
            shape = tr("The period needs a duration above 0, such as 1d.");
    }
    set(m_shapeError, shape);
    QString traceText;
    if (trace) {
        if (m_traceLoading)
            traceText = tr("Reading the trace file…");
        else if (!m_traceLoadError.isEmpty())
            traceText = m_traceLoadError;
        else if (m_traceFunction->currentText().isEmpty())
            traceText = tr("Choose a trace file, then the function hash to replay.");
    }
    set(m_traceError, traceText);
    const QString durationText = m_duration->text().trimmed();
    const auto duration = parseDurationMs(durationText);
    set(m_durationError,
        (durationText.isEmpty() && trace) || (duration && *duration > 0)
            ? QString()
            : tr("Give a duration above 0 such as 1h, 1d or 30d (ms, s, m, h, d, mo)."));
    QString service;
    if (m_serviceKind->currentIndex() == LogNormal &&
        m_serviceP99Ms->value() <= m_serviceMs->value())
        service = tr("The p99 must be above the p50.");
    const bool measured =
        m_serviceKind->currentIndex() == Measured || m_initKind->currentIndex() == 1;
    if (measured && !m_history)
        service = tr("Measured times need a workspace history; run the function first.");
    else if (measured && m_measuredFunction->currentText().isEmpty())
        service = tr("Choose the function whose measured times to use.");
    set(m_serviceError, service);
    set(m_provisionedError, m_cap->value() > 0 && m_provisioned->value() > m_cap->value()
                                ? tr("Provisioned instances cannot exceed the concurrency cap.")
                                : QString());
    return errors;
}

void SimulatePanel::updateForm()
{
    const int model = m_arrivalModel->currentIndex();
    if (m_form) {
        m_form->setRowVisible(m_rate->parentWidget(), model != Trace);
        m_form->setRowVisible(m_on, model == Bursty);
        m_form->setRowVisible(m_off, model == Bursty);
        m_form->setRowVisible(m_amplitude, model == Diurnal);
        m_form->setRowVisible(m_period, model == Diurnal);
        m_form->setRowVisible(m_traceFile->parentWidget(), model == Trace);
        m_form->setRowVisible(m_traceFunction->parentWidget(), model == Trace);
        const int service = m_serviceKind->currentIndex();
        m_form->setRowVisible(m_serviceMs, service != Measured);
        m_form->setRowVisible(m_serviceP99Ms, service == LogNormal);
        m_form->setRowVisible(m_initMs, m_initKind->currentIndex() == 0);
        m_form->setRowVisible(m_measuredFunction,
                              service == Measured || m_initKind->currentIndex() == 1);
        m_form->setRowVisible(m_keepAliveMinutes, m_policy->currentIndex() == FixedPolicy);
    }
    m_serviceMs->setAccessibleName(m_serviceKind->currentIndex() == LogNormal
                                       ? tr("Service time p50 in milliseconds")
                                       : tr("Service time in milliseconds"));
    const bool valid = validationErrors().isEmpty();
    m_run->setEnabled(valid && !isRunning());
    if (!isRunning() && !m_statusIsError)
        m_status->setText(valid ? QString() : tr("Fix the fields marked in red to run."));
}

Result<SimulationOptions> SimulatePanel::options() const
{
    const QStringList errors = validationErrors();
    if (!errors.isEmpty())
        return fail(ErrorCode::Validation, errors.first());
    SimulationOptions o;
    o.seed = quint64(m_seed->value());
    o.concurrencyCap = m_cap->value();
    o.provisionedInstances = m_provisioned->value();
    o.memoryMb = m_memory->value();
    o.instanceSamples = kInstanceSamples;
    if (const auto d = parseDurationMs(m_duration->text()))
        o.durationMs = *d;
    const double rate = m_rate->value();
    switch (m_arrivalModel->currentIndex()) {
    case Poisson:
        o.arrivals = ArrivalProcess::poisson(rate);
        break;
    case Periodic:
        o.arrivals = ArrivalProcess::periodic(1000.0 / rate);
        break;
    case Bursty:
        o.arrivals = ArrivalProcess::bursty(rate, parseDurationMs(m_on->text()).value_or(60000),
                                            parseDurationMs(m_off->text()).value_or(0));
        break;
    case Diurnal:
        o.arrivals = ArrivalProcess::diurnal(rate, m_amplitude->value(),
                                             parseDurationMs(m_period->text()).value_or(864e5));
        break;
    default: // the trace is read by the worker
        break;
    }
    const double ms = m_serviceMs->value();
    switch (m_serviceKind->currentIndex()) {
    case Fixed:
        o.serviceTime = ServiceTime::fixed(ms);
        break;
    case Exponential:
        o.serviceTime = ServiceTime::exponential(ms);
        break;
    case LogNormal:
        o.serviceTime = ServiceTime::logNormalFromPercentiles(ms, m_serviceP99Ms->value());
        break;
    default: {
        const QString function = m_measuredFunction->currentText();
        const auto stats = m_history->stats(function);
        if (!stats)
            return std::unexpected(stats.error());
        if (stats->durationMsCounts.isEmpty())
            return fail(ErrorCode::NotFound,
                        tr("There are no measured invocations of %1; run it first.").arg(function));
        auto service = ServiceTime::empirical(samplesOf(stats->durationMsCounts));
        if (!service)
            return std::unexpected(service.error());
        o.serviceTime = *service;
    }
    }
    o.initTime = ServiceTime::fixed(m_initMs->value());
    if (m_initKind->currentIndex() == 1) {
        const QString function = m_measuredFunction->currentText();
        const auto stats = m_history->stats(function);
        if (!stats)
            return std::unexpected(stats.error());
        if (stats->coldCount == 0)
            return fail(
                ErrorCode::NotFound,
                tr("%1 has no measured cold start to take the init time from.").arg(function));
        o.initTime = ServiceTime::fixed(stats->initMeanMs);
    }
    return o;
}

std::unique_ptr<KeepAlivePolicy> SimulatePanel::keepAlivePolicy() const
{
    switch (m_policy->currentIndex()) {
    case NoKeepAlive:
        return std::make_unique<FixedKeepAlivePolicy>(0);
    case Hybrid:
        return std::make_unique<HybridHistogramPolicy>();
    default:
        return std::make_unique<FixedKeepAlivePolicy>(
            qint64(std::llround(m_keepAliveMinutes->value() * 60000.0)));
    }
}

bool SimulatePanel::run()
{
    if (isRunning())
        return false;
    auto options = this->options();
    if (!options) {
        showStatus(options.error().message, true);
        emit failed(options.error().message);
        return false;
    }
    auto worker = std::make_shared<Worker>();
    worker->options = std::move(*options);
    worker->policy = keepAlivePolicy();
    worker->provider = m_provider->currentText();
    if (m_arrivalModel->currentIndex() == Trace) {
        worker->traceFiles = {m_traceFile->text()};
        worker->traceFunction = m_traceFunction->currentText();
    }
    m_worker = worker;

    // Progress crosses threads as a queued call, at most every kProgressIntervalMs.
    SimulatePanel* panel = this;
    m_thread = QThread::create([worker, panel] {
        Worker& w = *worker;
        if (!w.traceFiles.isEmpty()) {
            auto trace = InvocationTrace::load(w.traceFiles, w.traceFunction);
            if (!trace) {
                w.result = std::unexpected(trace.error());
                return;
            }
            w.options.arrivals = ArrivalProcess::trace(
                std::make_shared<const std::vector<quint32>>(std::move(trace->countsPerMinute)));
        }
        QElapsedTimer clock;
        clock.start();
        qint64 lastMs = -kProgressIntervalMs;
        SimulationControl control;
        control.cancel = &w.cancel;
        control.progress = [&](double fraction) {
            const qint64 now = clock.elapsed();
            if (now - lastMs < kProgressIntervalMs || w.cancel.load())
                return;
            lastMs = now;
            // The panel outlives the thread (its destructor waits), so the pointer is valid.
            QMetaObject::invokeMethod(
                panel,
                [panel, fraction] {
                    panel->m_progress->setValue(int(std::lround(fraction * 1000)));
                    emit panel->progressChanged(fraction);
                },
                Qt::QueuedConnection);
        };
        w.result = Simulator::run(w.options, *w.policy, control);
    });
    connect(m_thread, &QThread::finished, this, &SimulatePanel::onWorkerDone);
    m_progress->setValue(0);
    m_run->setEnabled(false);
    m_cancel->setEnabled(true);
    showStatus(tr("Simulating…"), false);
    m_thread->start();
    return true;
}

void SimulatePanel::cancel()
{
    if (m_worker)
        m_worker->cancel.store(true);
}

void SimulatePanel::onWorkerDone()
{
    m_thread->wait();
    m_thread->deleteLater();
    m_thread = nullptr;
    const std::shared_ptr<Worker> worker = std::move(m_worker);
    m_cancel->setEnabled(false);
    m_statusIsError = false;
    updateForm();
    if (!worker->result || !*worker->result) {
        const QString message =
            worker->result ? worker->result->error().message : tr("The simulation did not run.");
        showStatus(message, true);
        emit failed(message);
        return;
    }
    const SimulationResult& r = **worker->result;
    if (r.cancelled) {
        showStatus(tr("Cancelled at %1 of %2 simulated.")
                       .arg(formatDuration(r.simulatedMs),
                            formatDuration(worker->options.durationMs > 0
                                               ? worker->options.durationMs
                                               : worker->options.arrivals.naturalDurationMs())),
                   false);
        emit cancelled();
        return;
    }
    m_progress->setValue(m_progress->maximum());
    showResult(r, worker->provider);
    showStatus(tr("Simulated %1: %2 arrivals.").arg(formatDuration(r.simulatedMs)).arg(r.arrivals),
               false);
    // The models in full, for whoever wants them, without pushing the figures down.
    m_status->setToolTip(tr("Arrivals %1; service %2; init %3; keep-alive %4.")
                             .arg(worker->options.arrivals.describe(),
                                  worker->options.serviceTime.describe(),
                                  worker->options.initTime.describe(), worker->policy->describe()));
    emit finished(r);
}

void SimulatePanel::showResult(const SimulationResult& r, const QString& provider)
{
    m_lastResult = r;
    m_coldRatio->setText(
        tr("%1 (%2 of %3 served)").arg(coldStartRatioText()).arg(r.coldStarts).arg(r.served()));
    m_throttleRatio->setText(tr("%1% (%2 of %3 arrivals)")
                                 .arg(100.0 * r.throttleRatio(), 0, 'f', 3)
                                 .arg(r.throttled)
                                 .arg(r.arrivals));
    m_latency->setText(tr("p50 %1 ms · p90 %2 ms · p99 %3 ms · max %4 ms")
                           .arg(r.latency.percentileMs(50), 0, 'f', 1)
                           .arg(r.latency.percentileMs(90), 0, 'f', 1)
                           .arg(r.latency.percentileMs(99), 0, 'f', 1)
                           .arg(r.latency.maxMs(), 0, 'f', 1));
    m_instances->setText(tr("mean %1 (busy %2), max %3")
                             .arg(r.meanInstances, 0, 'f', 3)
                             .arg(r.meanBusyInstances, 0, 'f', 3)
                             .arg(r.maxInstances));
    m_instanceTime->setText(tr("busy %1 h, idle %2 h")
                                .arg(r.busyInstanceMs / 3600000.0, 0, 'f', 2)
                                .arg(r.idleInstanceMs / 3600000.0, 0, 'f', 2));

    // Instances over time, in hours (or days for long runs).
    QChart* chart = instancesChart();
    chart->removeAllSeries();
    for (QAbstractAxis* a : chart->axes())
        chart->removeAxis(a);
    const bool days = r.simulatedMs > 3 * 86400000.0;
    const double unitMs = days ? 86400000.0 : 3600000.0;
    auto* loaded = new QLineSeries;
    loaded->setName(tr("loaded"));
    auto* busy = new QLineSeries;
    busy->setName(tr("busy"));
    // The same colours as the instance-hours bar below: busy one hue, loaded (and idle) another.
    loaded->setColor(kLoadedColor);
    busy->setColor(kBusyColor);
    int peak = 1;
    for (const InstanceSample& s : r.instanceSeries) {
        loaded->append(s.timeMs / unitMs, s.loaded);
        busy->append(s.timeMs / unitMs, s.busy);
        peak = std::max(peak, s.loaded);
    }
    chart->addSeries(loaded);
    chart->addSeries(busy);
    auto* x = new QValueAxis;
    x->setTitleText(days ? tr("days") : tr("hours"));
    x->setRange(0, std::max(r.simulatedMs / unitMs, 1e-9));
    x->applyNiceNumbers();
    x->setLabelFormat(QStringLiteral("%g"));
    auto* y = new QValueAxis;
    y->setTitleText(tr("instances"));
    y->setRange(0, peak * 1.1);
    y->applyNiceNumbers();
    y->setLabelFormat(QStringLiteral("%g"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    for (QAbstractSeries* s : chart->series()) {
        s->attachAxis(x);
        s->attachAxis(y);
    }

    // Busy against idle instance-hours, one stacked bar.
    QChart* usage = usageChart();
    usage->removeAllSeries();
    for (QAbstractAxis* a : usage->axes())
        usage->removeAxis(a);
    auto* busySet = new QBarSet(tr("busy"));
    busySet->setColor(kBusyColor);
    *busySet << r.busyInstanceMs / 3600000.0;
    auto* idleSet = new QBarSet(tr("idle"));
    idleSet->setColor(kLoadedColor);
    *idleSet << r.idleInstanceMs / 3600000.0;
    auto* bars = new QHorizontalStackedBarSeries;
    bars->setBarWidth(0.7);
    bars->append(busySet);
    bars->append(idleSet);
    usage->addSeries(bars);
    auto* category = new QBarCategoryAxis;
    category->append(tr("instance-h"));
    auto* hours = new QValueAxis;
    hours->setRange(0, std::max(1e-9, (r.busyInstanceMs + r.idleInstanceMs) / 3600000.0));
    hours->applyNiceNumbers();
    hours->setTickCount(5);
    hours->setLabelFormat(QStringLiteral("%.4g"));
    usage->addAxis(category, Qt::AlignLeft);
    usage->addAxis(hours, Qt::AlignBottom);
    bars->attachAxis(category);
    bars->attachAxis(hours);
    styleChart(chart, *this);
    styleChart(usage, *this);
    chart->legend()->setAlignment(Qt::AlignBottom);
    usage->legend()->setAlignment(Qt::AlignBottom);

    // The cost, scaled to a month as swb simulate does.
    m_cost->clear();
    if (provider == QLatin1String("none") || r.simulatedMs <= 0) {
        m_cost->setPlaceholderText(tr("No provider chosen: the run is not priced."));
    } else if (!m_engine) {
        m_cost->setPlainText(tr("The built-in price list could not be loaded."));
    } else {
        const double scale = monthScaleOf(r.simulatedMs);
        const auto priced = m_engine->price(provider, billingUsageOf(r, scale, false));
        if (priced)
            m_cost->setPlainText(
                tr("Cost per 730-hour month on %1 (the run scaled by %2):\n%3")
                    .arg(provider, QString::number(scale, 'g', 4), priced->toText()));
        else
            m_cost->setPlainText(tr("Cannot price the run: %1").arg(priced.error().message));
    }
}

QString SimulatePanel::statusMessage() const
{
    return m_status->text();
}

QString SimulatePanel::coldStartRatioText() const
{
    if (!m_lastResult)
        return QString();
    return tr("%1%").arg(100.0 * m_lastResult->coldStartRatio(), 0, 'f', 3);
}

QString SimulatePanel::costText() const
{
    return m_cost->toPlainText();
}

QChart* SimulatePanel::instancesChart() const
{
    return m_instancesView->chart();
}

QChart* SimulatePanel::usageChart() const
{
    return m_usageView->chart();
}

void SimulatePanel::showStatus(const QString& text, bool isError)
{
    m_statusIsError = isError;
    m_status->setText(text);
    QPalette p = m_status->palette();
    p.setColor(QPalette::WindowText,
               isError ? QColor(0xE0, 0x2A, 0x2A) : palette().color(QPalette::WindowText));
    m_status->setPalette(p);
}

void SimulatePanel::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange) {
        styleChart(instancesChart(), *this);
        styleChart(usageChart(), *this);
    }
}

} // namespace swb
