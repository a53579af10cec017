#include "CostPanel.h"

#include "ChartStyle.h"

#include "HistoryStore.h"
#include "ScenarioItemDelegate.h"
#include "ScenarioTableModel.h"
#include "cost/CostEngine.h"
#include "cost/PricingCatalog.h"
#include "format/WorkspaceFile.h"
#include "model/Workspace.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLegend>
#include <QLineSeries>
#include <QLocale>
#include <QLogValueAxis>
#include <QPushButton>
#include <QResizeEvent>
#include <QScatterSeries>
#include <QSpinBox>
#include <QSplitter>
#include <QStackedBarSeries>
#include <QTableView>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>
#include <QValueAxis>
#include <QXYSeries>

#include <algorithm>
#include <cmath>

namespace swb {

namespace {

// Semantic colours for the breakdown's line kinds, chosen to read on light and dark palettes.
QColor kindColor(LineKind kind)
{
    switch (kind) {
    case LineKind::Requests:
        return QColor(0x2F, 0x7F, 0xD8);
    case LineKind::Compute:
        return QColor(0xE8, 0x8A, 0x1A);
    case LineKind::Init:
        return QColor(0x9B, 0x59, 0xB6);
    case LineKind::FreeTierCredit:
        return QColor(0x2E, 0x9E, 0x5B);
    case LineKind::Provisioned:
        return QColor(0xD0, 0x4A, 0x4A);
    case LineKind::Storage:
        return QColor(0x8C, 0x9A, 0xA6);
    case LineKind::Gateway:
        return QColor(0x1A, 0xA8, 0x9A);
    case LineKind::Cluster:
        return QColor(0xC8, 0xA4, 0x15);
    case LineKind::Server:
        return QColor(0x6D, 0x7F, 0x93);
    }
    return QColor(0x80, 0x80, 0x80);
}

const QList<LineKind> kKindOrder = {
    LineKind::Requests,    LineKind::Compute, LineKind::Init,
    LineKind::Provisioned, LineKind::Storage, LineKind::Gateway,
    LineKind::Cluster,     LineKind::Server,  LineKind::FreeTierCredit};

QString kindLabel(LineKind kind)
{
    switch (kind) {
    case LineKind::Requests:
        return CostPanel::tr("Requests");
    case LineKind::Compute:
        return CostPanel::tr("Compute");
    case LineKind::Init:
        return CostPanel::tr("Cold-start init");
    case LineKind::FreeTierCredit:
        return CostPanel::tr("Free tier credit");
    case LineKind::Provisioned:
        return CostPanel::tr("Provisioned");
    case LineKind::Storage:
        return CostPanel::tr("Storage");
    case LineKind::Gateway:
        return CostPanel::tr("API Gateway");
    case LineKind::Cluster:
        return CostPanel::tr("Cluster");
    case LineKind::Server:
        return CostPanel::tr("Server");
    }
    return {};
}

bool hasKind(const CostBreakdown& b, LineKind kind)
{
    return std::any_of(b.lines.begin(), b.lines.end(),
                       [kind](const CostLineItem& l) { return l.kind == kind; });
}

QString grouped(long long n)
{
    return QLocale().toString(qlonglong(n));
}

QChartView* makeChartView(const QString& name, const QString& description, QWidget* parent)
{
    auto* chart = new QChart;
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->setAnimationOptions(QChart::NoAnimation);
    auto* view = new QChartView(chart, parent);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(200);
    view->setAccessibleName(name);
    view->setAccessibleDescription(description);
    return view;
}

void clearChart(QChart* chart)
{
    chart->removeAllSeries();
    for (QAbstractAxis* axis : chart->axes()) {
        chart->removeAxis(axis);
        delete axis;
    }
}

QLabel* makeNote(const QString& name, QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setAccessibleName(name);
    return label;
}

} // namespace

CostPanel::CostPanel(QWidget* parent)
    : QWidget(parent), m_model(new ScenarioTableModel(this)), m_table(new QTableView(this)),
      m_status(new QLabel(this)), m_add(new QPushButton(tr("&Add scenario"), this)),
      m_duplicate(new QPushButton(tr("&Duplicate"), this)),
      m_remove(new QPushButton(tr("&Remove"), this)), m_debounce(new QTimer(this))
{
    setAccessibleName(tr("Cost"));

    m_add->setAccessibleName(tr("Add scenario"));
    m_add->setToolTip(tr("Add a scenario priced on AWS; edit its cells to shape it."));
    m_duplicate->setAccessibleName(tr("Duplicate scenario"));
    m_duplicate->setToolTip(tr("Copy the selected scenario to compare a variation of it."));
    m_remove->setAccessibleName(tr("Remove scenario"));
    m_remove->setToolTip(tr("Remove the selected scenario."));
    m_status->setAccessibleName(tr("Cost status"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_table->setModel(m_model);
    m_table->setItemDelegate(new ScenarioItemDelegate(m_table));
    m_table->setAccessibleName(tr("Scenarios"));
    m_table->setAccessibleDescription(
        tr("One row per scenario; edit a cell and every total and chart is recomputed."));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                             QAbstractItemView::AnyKeyPressed | QAbstractItemView::SelectedClicked);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->setVisible(false);
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_table->setWordWrap(false);
    // Five scenarios and the header fit without scrolling.
    m_table->setMinimumHeight(m_table->verticalHeader()->defaultSectionSize() * 6 +
                              m_table->horizontalHeader()->sizeHint().height() + 4);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);

    // Breakdown: chart and the same numbers as a table.
    m_breakdownView = makeChartView(
        tr("Breakdown chart"),
        tr("A stacked bar per scenario: requests, compute, init, free tier credit and the other "
           "lines of its monthly bill."),
        this);
    m_breakdownTable = new QTableWidget(this);
    m_breakdownTable->setAccessibleName(tr("Breakdown table"));
    m_breakdownTable->setAccessibleDescription(
        tr("The breakdown chart's numbers: one column per scenario, one row per line kind."));
    m_breakdownTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_breakdownTable->setAlternatingRowColors(true);
    m_breakdownTable->setWordWrap(false);

    // Cost against volume, with the break-even.
    m_volumeView = makeChartView(
        tr("Cost against volume chart"),
        tr("The selected scenario's monthly cost against invocations per month, with the "
           "always-on servers' monthly cost and the break-even volume."),
        this);
    m_server = new QComboBox(this);
    m_server->setAccessibleName(tr("Always-on server"));
    m_server->setToolTip(tr("The server the break-even compares with."));
    m_serverCount = new QSpinBox(this);
    m_serverCount->setRange(1, 10000);
    m_serverCount->setAccessibleName(tr("Number of servers"));
    m_serverCount->setToolTip(tr("How many always-on servers the function replaces."));
    m_serverCount->setPrefix(tr("× "));
    m_breakEvenLabel = makeNote(tr("Break-even"), this);

    // Memory sweep.
    m_sweepView = makeChartView(
        tr("Memory sweep chart"),
        tr("The selected scenario's monthly cost and duration at each memory size, the "
           "cheapest marked."),
        this);
    m_cpuBound = new QDoubleSpinBox(this);
    m_cpuBound->setRange(0, 1);
    m_cpuBound->setSingleStep(0.1);
    m_cpuBound->setDecimals(2);
    m_cpuBound->setValue(1);
    m_cpuBound->setAccessibleName(tr("CPU-bound share"));
    m_cpuBound->setToolTip(
        tr("The share of the duration that speeds up with more CPU (the rest waits on I/O)."));
    m_threads = new QDoubleSpinBox(this);
    m_threads->setRange(0.25, 64);
    m_threads->setSingleStep(1);
    m_threads->setDecimals(2);
    m_threads->setValue(1);
    m_threads->setAccessibleName(tr("Threads"));
    m_threads->setToolTip(tr("The CPUs the code keeps busy: single-threaded code gains nothing "
                             "beyond one vCPU."));
    m_sweepLabel = makeNote(tr("Memory sweep notes"), this);

    // Layout: buttons, status, table; below, the four views in a grid.
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_duplicate);
    buttons->addWidget(m_remove);
    buttons->addStretch(1);

    auto* top = new QWidget(this);
    auto* topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addLayout(buttons);
    topLayout->addWidget(m_table, 1);
    topLayout->addWidget(m_status);

    auto* volumeControls = new QHBoxLayout;
    auto* serverLabel = new QLabel(tr("&Server:"), this);
    serverLabel->setBuddy(m_server);
    volumeControls->addWidget(serverLabel);
    volumeControls->addWidget(m_server, 1);
    volumeControls->addWidget(m_serverCount);
    auto* sweepControls = new QHBoxLayout;
    auto* cpuLabel = new QLabel(tr("&CPU-bound share:"), this);
    cpuLabel->setBuddy(m_cpuBound);
    auto* threadsLabel = new QLabel(tr("&Threads:"), this);
    threadsLabel->setBuddy(m_threads);
    sweepControls->addWidget(cpuLabel);
    sweepControls->addWidget(m_cpuBound);
    sweepControls->addWidget(threadsLabel);
    sweepControls->addWidget(m_threads);
    sweepControls->addStretch(1);

    auto* bottom = new QWidget(this);
    m_grid = new QGridLayout(bottom);
    m_grid->setContentsMargins(0, 0, 0, 0);
    auto* volume = new QWidget(bottom);
    auto* volumeBox = new QVBoxLayout(volume);
    volumeBox->setContentsMargins(0, 0, 0, 0);
    volumeBox->addLayout(volumeControls);
    volumeBox->addWidget(m_volumeView, 1);
    volumeBox->addWidget(m_breakEvenLabel);
    auto* sweep = new QWidget(bottom);
    auto* sweepBox = new QVBoxLayout(sweep);
    sweepBox->setContentsMargins(0, 0, 0, 0);
    sweepBox->addLayout(sweepControls);
    sweepBox->addWidget(m_sweepView, 1);
    sweepBox->addWidget(m_sweepLabel);
    m_views = {m_breakdownView, m_breakdownTable, volume, sweep};
    // Narrow first: a two-column minimum width would widen the window before the panel is
    // placed in its dock; resizeEvent() spreads the views out when there is room.
    arrangeViews(true);

    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(top);
    splitter->addWidget(bottom);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 5);
    splitter->setChildrenCollapsible(false);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(splitter);

    m_debounce->setSingleShot(true);
    m_debounce->setInterval(kDebounceMs);
    connect(m_debounce, &QTimer::timeout, this, &CostPanel::recompute);

    connect(m_model, &ScenarioTableModel::editRefused, this,
            [this](const QString& message) { showStatus(message, true); });
    connect(m_model, &ScenarioTableModel::scenariosChanged, this, [this] {
        // An accepted edit retires the last refusal; a price list that did not load stays said.
        if (m_statusIsError)
            showStatus(m_loadError, !m_loadError.isEmpty());
        emit scenariosEdited(m_model->scenarios());
        updateButtons();
        scheduleRecompute();
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this] { scheduleRecompute(); });
    connect(m_add, &QPushButton::clicked, this, [this] { selectScenario(m_model->addScenario()); });
    connect(m_duplicate, &QPushButton::clicked, this,
            [this] { selectScenario(m_model->duplicateScenario(selectedScenario())); });
    connect(m_remove, &QPushButton::clicked, this, [this] {
        const int row = selectedScenario();
        if (m_model->removeScenario(row))
            selectScenario(std::min(row, m_model->rowCount() - 1));
    });
    connect(m_server, &QComboBox::currentIndexChanged, this, &CostPanel::scheduleRecompute);
    connect(m_serverCount, &QSpinBox::valueChanged, this, &CostPanel::scheduleRecompute);
    connect(m_cpuBound, &QDoubleSpinBox::valueChanged, this, &CostPanel::scheduleRecompute);
    connect(m_threads, &QDoubleSpinBox::valueChanged, this, &CostPanel::scheduleRecompute);

    updateButtons();
}

CostPanel::~CostPanel()
{
    // The model keeps a pointer to the engine: let it go first.
    m_model->setEngine(nullptr);
}

void CostPanel::setWorkspace(const Workspace* workspace, const QString& workspaceFolder)
{
    m_model->setEngine(nullptr);
    m_analysis.reset();
    m_engine.reset();
    m_loadError.clear();
    if (workspace || !workspaceFolder.isEmpty()) {
        auto catalog = workspaceFolder.isEmpty() ? PricingCatalog::builtIn()
                                                 : PricingCatalog::forWorkspace(workspaceFolder);
        if (catalog) {
            m_engine = std::make_unique<CostEngine>(std::move(*catalog));
            m_analysis = std::make_unique<ScenarioAnalysis>(*m_engine);
        } else {
            m_loadError = tr("The price list could not be loaded, so nothing is priced: %1")
                              .arg(catalog.error().message);
        }
    }
    fillServers();
    QStringList functions;
    if (workspace) {
        for (const FunctionSpec& f : workspace->functions)
            functions << f.name;
    }
    m_model->setFunctions(functions);
    m_model->setScenarios(workspace ? workspace->scenarios : QList<ScenarioSpec>{});
    // Another workspace's function of the same name has another history.
    m_model->clearMeasurements();
    m_model->setEngine(m_engine.get());
    fitColumns();
    showStatus(m_loadError, !m_loadError.isEmpty());
    updateButtons();
    if (m_model->rowCount() > 0)
        selectScenario(0);
    recompute();
}

void CostPanel::setHistory(const HistoryStore* history)
{
    if (!history) {
        setMeasuredSource({});
        return;
    }
    setMeasuredSource([history](const QString& function) {
        return MeasuredUsage::fromHistory(*history, function);
    });
}

void CostPanel::setMeasuredSource(
    std::function<Result<MeasuredUsage>(const QString& function)> source)
{
    m_model->setMeasuredSource(std::move(source));
    scheduleRecompute();
}

void CostPanel::refreshMeasurements()
{
    m_model->refreshMeasurements();
    scheduleRecompute();
}

QList<ScenarioSpec> CostPanel::scenarios() const
{
    return m_model->scenarios();
}

Result<void> CostPanel::saveTo(const QString& workspaceFolder) const
{
    auto loaded = WorkspaceFile::load(workspaceFolder);
    if (!loaded)
        return std::unexpected(loaded.error());
    Workspace workspace = std::move(loaded->workspace);
    workspace.scenarios = m_model->scenarios();
    return WorkspaceFile::save(workspace);
}

void CostPanel::setServer(const QString& serverId, int count)
{
    const int at = m_server->findData(serverId);
    m_server->setCurrentIndex(at >= 0 ? at : 0);
    m_serverCount->setValue(count);
    scheduleRecompute();
}

void CostPanel::setCpuScaling(double cpuBoundShare, double usableCpus)
{
    m_cpuBound->setValue(cpuBoundShare);
    m_threads->setValue(usableCpus);
    scheduleRecompute();
}

void CostPanel::selectScenario(int row)
{
    if (row < 0 || row >= m_model->rowCount())
        return;
    m_table->setCurrentIndex(m_model->index(row, ScenarioTableModel::Name));
    scheduleRecompute();
}

int CostPanel::selectedScenario() const
{
    const QModelIndex current = m_table->currentIndex();
    if (current.isValid())
        return current.row();
    return m_model->rowCount() > 0 ? 0 : -1;
}

QString CostPanel::statusMessage() const
{
    return m_status->text();
}

QChart* CostPanel::breakdownChart() const
{
    return m_breakdownView->chart();
}

QChart* CostPanel::volumeChart() const
{
    return m_volumeView->chart();
}

QChart* CostPanel::sweepChart() const
{
    return m_sweepView->chart();
}

void CostPanel::arrangeViews(bool oneColumn)
{
    // Side by side in two columns when the panel is wide; one above the other when it is a
    // narrow dock beside the editor (the scroll area around it then scrolls down), because
    // half of a narrow panel leaves the charts' labels elided.
    for (QWidget* view : std::as_const(m_views))
        m_grid->removeWidget(view);
    for (int i = 0; i < m_views.size(); ++i) {
        if (oneColumn)
            m_grid->addWidget(m_views[i], i, 0);
        else
            m_grid->addWidget(m_views[i], i / 2, i % 2);
    }
    m_grid->setColumnStretch(0, 1);
    m_grid->setColumnStretch(1, oneColumn ? 0 : 1);
    // Stacked, the log-scale charts get the height for a label per decade (the panel scrolls).
    for (QWidget* view : {static_cast<QWidget*>(m_volumeView), static_cast<QWidget*>(m_sweepView)})
        view->setMinimumHeight(oneColumn ? 300 : 200);
    m_oneColumn = oneColumn;
}

void CostPanel::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    const bool oneColumn = width() < kTwoColumnWidth;
    if (oneColumn != m_oneColumn)
        arrangeViews(oneColumn);
}

void CostPanel::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange) {
        styleChart(breakdownChart(), *this);
        styleChart(volumeChart(), *this);
        styleChart(sweepChart(), *this);
    }
}

void CostPanel::fitColumns()
{
    // To their contents, but a long error message must not push the totals out of view: its
    // full text is in the cell's tooltip.
    m_table->resizeColumnsToContents();
    const int widest = fontMetrics().horizontalAdvance(QLatin1Char('M')) * 16;
    for (int c = 0; c < m_model->columnCount(); ++c)
        m_table->setColumnWidth(c, std::min(m_table->columnWidth(c), widest));
}

void CostPanel::scheduleRecompute()
{
    m_debounce->start();
}

void CostPanel::showStatus(const QString& text, bool isError)
{
    m_statusIsError = isError;
    m_status->setText(text);
    QPalette p = m_status->palette();
    p.setColor(QPalette::WindowText,
               isError ? QColor(0xE0, 0x2A, 0x2A) : palette().color(QPalette::WindowText));
    m_status->setPalette(p);
    m_status->setVisible(!text.isEmpty());
}

void CostPanel::updateButtons()
{
    const bool any = m_model->rowCount() > 0;
    m_duplicate->setEnabled(any);
    m_remove->setEnabled(any);
}

void CostPanel::fillServers()
{
    const QString current = m_server->currentData().toString();
    const QSignalBlocker block(m_server);
    m_server->clear();
    m_server->addItem(tr("Same cloud, smallest"), QString());
    if (m_engine) {
        for (const QString& id : m_engine->catalog().serverIds())
            m_server->addItem(id, id);
    }
    const int at = m_server->findData(current);
    m_server->setCurrentIndex(at >= 0 ? at : 0);
}

QString CostPanel::serverFor(const QString& provider) const
{
    const QString chosen = m_server->currentData().toString();
    if (!chosen.isEmpty() || !m_engine)
        return chosen;
    // As swb cost --break-even: the provider's own cloud, its first (smallest) size.
    const QStringList ids = m_engine->catalog().serverIds();
    for (const QString& id : ids) {
        if (id.startsWith(provider + QLatin1Char('.')))
            return id;
    }
    return ids.value(0);
}

void CostPanel::recompute()
{
    m_debounce->stop();
    QElapsedTimer timer;
    timer.start();
    m_model->repriceAll();
    const int row = selectedScenario();
    drawBreakdown();
    drawVolume(row);
    drawSweep(row);
    m_lastRecomputeMicros = timer.nsecsElapsed() / 1000;
    ++m_recomputeCount;
    emit recomputed();
}

void CostPanel::drawBreakdown()
{
    QChart* chart = breakdownChart();
    clearChart(chart);
    chart->setTitle(tr("Monthly bill by scenario"));
    const int rows = m_model->rowCount();
    QStringList names;
    QList<LineKind> kinds;
    for (int r = 0; r < rows; ++r) {
        const ScenarioRowResult& result = m_model->result(r);
        names << (result.ok() ? m_model->scenarios().at(r).name
                              : tr("%1 (error)").arg(m_model->scenarios().at(r).name));
        if (!result.ok())
            continue;
        for (const LineKind kind : kKindOrder) {
            if (!kinds.contains(kind) && hasKind(*result.breakdown, kind))
                kinds << kind;
        }
    }
    std::sort(kinds.begin(), kinds.end(),
              [](LineKind a, LineKind b) { return kKindOrder.indexOf(a) < kKindOrder.indexOf(b); });

    auto* series = new QStackedBarSeries;
    series->setObjectName(QStringLiteral("breakdown"));
    double low = 0, high = 0;
    QList<double> positive(rows, 0.0), negative(rows, 0.0);
    for (const LineKind kind : kinds) {
        auto* set = new QBarSet(kindLabel(kind));
        set->setObjectName(lineKindName(kind));
        set->setColor(kindColor(kind));
        set->setBorderColor(kindColor(kind).darker(130));
        for (int r = 0; r < rows; ++r) {
            const ScenarioRowResult& result = m_model->result(r);
            const double v = result.ok() ? result.breakdown->amountOf(kind).toDouble() : 0.0;
            set->append(v);
            (v < 0 ? negative[r] : positive[r]) += v;
        }
        series->append(set);
    }
    for (int r = 0; r < rows; ++r) {
        high = std::max(high, positive[r]);
        low = std::min(low, negative[r]);
    }
    chart->addSeries(series);
    auto* x = new QBarCategoryAxis;
    x->append(names);
    auto* y = new QValueAxis;
    y->setTitleText(tr("USD per month"));
    y->setLabelFormat(QStringLiteral("$%.2f"));
    y->setRange(low * 1.1, high > 0 ? high * 1.1 : 1.0);
    y->applyNiceNumbers();
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(x);
    series->attachAxis(y);
    chart->legend()->setVisible(true);
    chart->legend()->setAlignment(Qt::AlignBottom);
    styleChart(chart, *this);

    // The same numbers as text.
    QTableWidget* t = m_breakdownTable;
    t->clear();
    t->setColumnCount(rows);
    t->setRowCount(int(kinds.size()) + 2);
    QStringList rowTitles;
    for (const LineKind kind : kinds)
        rowTitles << kindLabel(kind);
    rowTitles << tr("Total / month") << tr("Per million");
    t->setVerticalHeaderLabels(rowTitles);
    QStringList headers;
    for (const ScenarioSpec& s : m_model->scenarios())
        headers << s.name;
    t->setHorizontalHeaderLabels(headers);
    for (int r = 0; r < rows; ++r) {
        const ScenarioRowResult& result = m_model->result(r);
        auto cell = [&](int at, const QString& text, const QString& tip) {
            auto* item = new QTableWidgetItem(text);
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            item->setToolTip(tip);
            t->setItem(at, r, item);
        };
        for (int k = 0; k < kinds.size(); ++k) {
            const bool has = result.ok() && hasKind(*result.breakdown, kinds[k]);
            cell(k,
                 has ? ScenarioTableModel::dollars(result.breakdown->amountOf(kinds[k]),
                                                   result.breakdown->currency)
                     : QStringLiteral("—"),
                 QString());
        }
        const QModelIndex total = m_model->index(r, ScenarioTableModel::TotalPerMonth);
        const QModelIndex perMillion = m_model->index(r, ScenarioTableModel::PerMillion);
        cell(int(kinds.size()), total.data().toString(), total.data(Qt::ToolTipRole).toString());
        cell(int(kinds.size()) + 1, perMillion.data().toString(), QString());
    }
    t->resizeColumnsToContents();
    const int widest = fontMetrics().horizontalAdvance(QLatin1Char('M')) * 12;
    for (int c = 0; c < t->columnCount(); ++c)
        t->setColumnWidth(c, std::min(t->columnWidth(c), widest));
}

void CostPanel::drawVolume(int row)
{
    QChart* chart = volumeChart();
    clearChart(chart);
    m_breakEven.reset();
    const ScenarioRowResult* result =
        row >= 0 && row < m_model->rowCount() ? &m_model->result(row) : nullptr;
    if (!result || !result->ok() || !m_analysis) {
        chart->setTitle(tr("Cost against volume"));
        m_breakEvenLabel->setText(
            result && !result->ok()
                ? tr("The selected scenario has no price: %1").arg(result->error)
                : tr("Select a priced scenario."));
        styleChart(chart, *this);
        return;
    }
    const ScenarioSpec& s = m_model->scenarios().at(row);
    chart->setTitle(tr("%1: cost against invocations per month").arg(s.name));

    const QString serverId = serverFor(s.provider);
    std::optional<BreakEven> be;
    QString beError;
    if (!serverId.isEmpty()) {
        auto r =
            m_analysis->breakEven(s.provider, *result->usage, serverId, m_serverCount->value());
        if (r)
            be = std::move(*r);
        else
            beError = r.error().message;
    }
    m_breakEven = be;

    double xMin = kMinVolume, xMax = kMaxVolume;
    if (be && be->invocationsPerMonth && *be->invocationsPerMonth > 0) {
        xMin = std::min(xMin, double(*be->invocationsPerMonth) / 2);
        xMax = std::max(xMax, double(*be->invocationsPerMonth) * 2);
    }
    // The cost curve: 8 points a decade. Only the volume changes; the rest of the usage is the
    // scenario's shape (its cold-start share scales with the volume).
    constexpr double kFloor = 0.001; // a log axis has no zero: free months sit on the floor
    auto* cost = new QLineSeries;
    cost->setObjectName(QStringLiteral("volumeCost"));
    cost->setName(tr("Function (%1)").arg(s.provider));
    cost->setColor(kindColor(LineKind::Compute));
    double yMin = 1e300, yMax = kFloor;
    const double decades = std::log10(xMax / xMin);
    const int steps = std::max(8, int(std::ceil(decades * 8)));
    for (int i = 0; i <= steps; ++i) {
        const double volume = xMin * std::pow(10.0, decades * i / steps);
        BillingUsage u = *result->usage;
        u.invocations = std::llround(volume);
        auto priced = m_engine->price(s.provider, u);
        if (!priced)
            continue;
        const double y = std::max(priced->total.toDouble(), kFloor);
        cost->append(volume, y);
        yMin = std::min(yMin, y);
        yMax = std::max(yMax, y);
    }
    chart->addSeries(cost);
    QList<QAbstractSeries*> all{cost};
    if (be) {
        const double server = std::max(be->serverMonthly.toDouble(), kFloor);
        auto* line = new QLineSeries;
        line->setObjectName(QStringLiteral("serverCost"));
        line->setName(be->serverCount == 1
                          ? tr("%1 always on").arg(be->serverId)
                          : tr("%1 × %2 always on").arg(be->serverCount).arg(be->serverId));
        line->setColor(kindColor(LineKind::Server));
        QPen pen = line->pen();
        pen.setStyle(Qt::DashLine);
        pen.setWidthF(2);
        line->setPen(pen);
        line->append(xMin, server);
        line->append(xMax, server);
        chart->addSeries(line);
        all << line;
        yMin = std::min(yMin, server);
        yMax = std::max(yMax, server);
        if (be->invocationsPerMonth) {
            auto* marker = new QScatterSeries;
            marker->setObjectName(QStringLiteral("breakEvenMarker"));
            marker->setName(tr("Break-even"));
            marker->setColor(QColor(0xE0, 0x2A, 0x2A));
            marker->setMarkerSize(11);
            marker->append(std::max(double(*be->invocationsPerMonth), xMin), server);
            marker->setPointLabelsVisible(true);
            marker->setPointLabelsClipping(false);
            marker->setPointLabelsColor(palette().color(QPalette::Text));
            marker->setPointLabelsFormat(tr("break-even"));
            chart->addSeries(marker);
            all << marker;
            const double perSecond = double(*be->invocationsPerMonth) / (730.0 * 3600.0);
            m_breakEvenLabel->setText(
                tr("Break-even: %1 invocations a month (%2 a second) cost what %3 costs: %4 a "
                   "month.")
                    .arg(grouped(*be->invocationsPerMonth))
                    .arg(QLocale().toString(perSecond, 'g', 3))
                    .arg(line->name(), ScenarioTableModel::dollars(be->serverMonthly,
                                                                   be->serverBreakdown.currency)));
        } else {
            m_breakEvenLabel->setText(
                tr("The function stays cheaper than %1 (%2 a month) up to %3 invocations a "
                   "month.")
                    .arg(line->name(),
                         ScenarioTableModel::dollars(be->serverMonthly,
                                                     be->serverBreakdown.currency),
                         grouped(be->searchLimit)));
        }
    } else {
        m_breakEvenLabel->setText(beError.isEmpty() ? tr("No always-on server is priced.")
                                                    : tr("No break-even: %1").arg(beError));
    }

    auto* x = new QLogValueAxis;
    x->setBase(10);
    x->setRange(xMin, xMax);
    x->setLabelFormat(QStringLiteral("%.0e"));
    x->setTitleText(tr("Invocations per month"));
    auto* y = new QLogValueAxis;
    y->setBase(10);
    y->setRange(std::pow(10.0, std::floor(std::log10(std::max(yMin, kFloor)))),
                std::pow(10.0, std::ceil(std::log10(yMax * 1.01))));
    y->setLabelFormat(QStringLiteral("$%g"));
    y->setTitleText(tr("USD per month"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    for (QAbstractSeries* series : all) {
        series->attachAxis(x);
        series->attachAxis(y);
    }
    chart->legend()->setVisible(true);
    chart->legend()->setAlignment(Qt::AlignBottom);
    styleChart(chart, *this);
}

void CostPanel::drawSweep(int row)
{
    QChart* chart = sweepChart();
    clearChart(chart);
    m_sweep.reset();
    const ScenarioRowResult* result =
        row >= 0 && row < m_model->rowCount() ? &m_model->result(row) : nullptr;
    if (!result || !result->ok() || !m_analysis) {
        chart->setTitle(tr("Memory sweep"));
        m_sweepLabel->clear();
        styleChart(chart, *this);
        return;
    }
    const ScenarioSpec& s = m_model->scenarios().at(row);
    chart->setTitle(tr("%1: cost and duration against memory").arg(s.name));

    // The sizes the provider offers are the standard sizes its billing accepts.
    QList<int> sizes;
    for (const int mb : ScenarioAnalysis::memorySizes(ScenarioTableModel::kMinMemoryMb,
                                                      ScenarioTableModel::kMaxMemoryMb)) {
        BillingUsage u = *result->usage;
        u.memoryMb = mb;
        if (m_engine->price(s.provider, u) && m_analysis->cpuForMemory(s.provider, u.plan, mb))
            sizes << mb;
    }
    if (sizes.isEmpty()) {
        m_sweepLabel->setText(tr("No memory size prices for this scenario."));
        styleChart(chart, *this);
        return;
    }
    CpuScalingModel model;
    model.cpuBoundShare = m_cpuBound->value();
    model.usableCpus = m_threads->value();
    auto sweep = m_analysis->sweep(s.provider, *result->usage, sizes, model);
    if (!sweep) {
        m_sweepLabel->setText(tr("No sweep: %1").arg(sweep.error().message));
        styleChart(chart, *this);
        return;
    }
    m_sweep = *sweep;

    double baseDuration = 0, weight = 0;
    for (const DurationBucket& b : result->usage->durations) {
        baseDuration += b.durationMs * b.weight;
        weight += b.weight;
    }
    baseDuration = weight > 0 ? baseDuration / weight : 0;

    auto* cost = new QLineSeries;
    cost->setObjectName(QStringLiteral("sweepCost"));
    cost->setName(tr("Cost per month"));
    cost->setColor(kindColor(LineKind::Compute));
    cost->setPointsVisible(true);
    auto* duration = new QLineSeries;
    duration->setObjectName(QStringLiteral("sweepDuration"));
    duration->setName(tr("Duration (ms)"));
    duration->setColor(kindColor(LineKind::Requests));
    QPen pen = duration->pen();
    pen.setStyle(Qt::DashLine);
    pen.setWidthF(2);
    duration->setPen(pen);
    const SweepPoint* cheapest = &sweep->points.first();
    double costMax = 0, durationMax = 0;
    for (const SweepPoint& p : sweep->points) {
        const double c = p.breakdown.total.toDouble();
        const double d = baseDuration * p.durationScale;
        cost->append(p.memoryMb, c);
        duration->append(p.memoryMb, d);
        costMax = std::max(costMax, c);
        durationMax = std::max(durationMax, d);
        if (p.breakdown.total < cheapest->breakdown.total)
            cheapest = &p;
    }
    auto* marker = new QScatterSeries;
    marker->setObjectName(QStringLiteral("sweepCheapest"));
    marker->setName(tr("Cheapest"));
    marker->setColor(QColor(0x2E, 0x9E, 0x5B));
    marker->setMarkerSize(12);
    marker->append(cheapest->memoryMb, cheapest->breakdown.total.toDouble());
    marker->setPointLabelsVisible(true);
    marker->setPointLabelsClipping(false);
    marker->setPointLabelsColor(palette().color(QPalette::Text));
    marker->setPointLabelsFormat(tr("cheapest: %1 MB").arg(cheapest->memoryMb));
    chart->addSeries(cost);
    chart->addSeries(duration);
    chart->addSeries(marker);

    auto* x = new QLogValueAxis;
    x->setBase(2);
    // A little room either side so the marks and their labels at the ends stay inside.
    x->setRange(sizes.first() / 1.2, sizes.last() * 1.2);
    x->setLabelFormat(QStringLiteral("%.0f"));
    x->setTitleText(tr("Memory (MB)"));
    auto* yCost = new QValueAxis;
    yCost->setRange(0, costMax > 0 ? costMax * 1.15 : 1);
    yCost->setLabelFormat(QStringLiteral("$%.2f"));
    yCost->setTitleText(tr("USD per month"));
    yCost->applyNiceNumbers();
    auto* yDuration = new QValueAxis;
    yDuration->setRange(0, durationMax > 0 ? durationMax * 1.15 : 1);
    yDuration->setLabelFormat(QStringLiteral("%.0f ms"));
    yDuration->setTitleText(tr("Duration"));
    yDuration->applyNiceNumbers();
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(yCost, Qt::AlignLeft);
    chart->addAxis(yDuration, Qt::AlignRight);
    for (QAbstractSeries* series :
         {static_cast<QAbstractSeries*>(cost), static_cast<QAbstractSeries*>(marker)}) {
        series->attachAxis(x);
        series->attachAxis(yCost);
    }
    duration->attachAxis(x);
    duration->attachAxis(yDuration);
    chart->legend()->setVisible(true);
    chart->legend()->setAlignment(Qt::AlignBottom);
    styleChart(chart, *this);

    QStringList notes;
    notes << tr("Cheapest: %1 MB at %2 a month (%3 ms).")
                 .arg(cheapest->memoryMb)
                 .arg(ScenarioTableModel::dollars(cheapest->breakdown.total,
                                                  cheapest->breakdown.currency))
                 .arg(QLocale().toString(baseDuration * cheapest->durationScale, 'f', 1));
    notes << sweep->notes;
    m_sweepLabel->setText(notes.join(QLatin1Char(' ')));
}

} // namespace swb
