#include "MetricsPanel.h"

#include "ChartStyle.h"
#include "MetricsModel.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineSeries>
#include <QTimer>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>

namespace swb {

namespace {

QString binLabel(int bin)
{
    const double ms = MetricsModel::binLowerEdgeMs(bin);
    if (bin == 0)
        return QStringLiteral("<0.1");
    if (ms >= 1000)
        return QStringLiteral("%1 s").arg(ms / 1000.0, 0, 'g', 2);
    return QString::number(ms, 'g', 2);
}

// An axis of counts: whole numbers, three ticks at most (0, half, top) — the charts are short,
// and five labels did not fit their height (Qt elided them all to "…").
void setCountRange(QValueAxis* axis, qint64 highest)
{
    // Round the top up to a multiple of the tick step so every label is a whole number.
    const qint64 steps = std::min<qint64>(highest, 2);
    const qint64 step = (highest + steps - 1) / steps;
    axis->setRange(0, double(step * steps));
    axis->setTickCount(int(steps) + 1);
}

QChartView* chartView(QChart* chart, const QString& accessibleName, QWidget* parent)
{
    chart->setMargins(QMargins(2, 2, 2, 2));
    auto* view = new QChartView(chart, parent);
    view->setRenderHint(QPainter::Antialiasing);
    view->setAccessibleName(accessibleName);
    view->setMinimumSize(200, 110); // four fit in a short dock under the editor
    return view;
}

// The bins worth showing: from the first to the last that holds anything, at least 8 wide.
std::pair<int, int> usedRange(const QList<QList<qint64>>& histograms)
{
    int first = MetricsModel::kBins, last = -1;
    for (const auto& h : histograms) {
        for (int i = 0; i < h.size(); ++i) {
            if (h[i] > 0) {
                first = std::min(first, i);
                last = std::max(last, i);
            }
        }
    }
    if (last < 0)
        return {8, 15}; // 1 ms to 10 ms while there is nothing yet
    while (last - first < 7) {
        if (first > 0)
            --first;
        else
            ++last;
    }
    return {first, std::min(last, MetricsModel::kBins - 1)};
}

} // namespace

MetricsPanel::MetricsPanel(QWidget* parent)
    : QWidget(parent), m_model(new MetricsModel(this)), m_function(new QComboBox(this)),
      m_summary(new QLabel(this)), m_redraw(new QTimer(this)), m_coldSet(new QBarSet(tr("Cold"))),
      m_warmSet(new QBarSet(tr("Warm"))), m_initSet(new QBarSet(tr("Init"))),
      m_latencyAxis(new QBarCategoryAxis), m_initAxis(new QBarCategoryAxis),
      m_latencyCount(new QValueAxis), m_initCount(new QValueAxis), m_coldShare(new QLineSeries),
      m_concurrency(new QLineSeries), m_shareTime(new QValueAxis),
      m_concurrencyTime(new QValueAxis), m_concurrencyCount(new QValueAxis)
{
    m_function->setAccessibleName(tr("Function shown in the metrics"));
    m_summary->setAccessibleName(tr("Metrics summary"));
    // Cold in the timeline's init colour, warm in its handler colour.
    m_coldSet->setColor(QColor(0xe8, 0x8a, 0x1a));
    m_warmSet->setColor(QColor(0x2f, 0x86, 0xd6));
    m_initSet->setColor(QColor(0xe8, 0x8a, 0x1a));

    auto* latency = new QChart;
    latency->setTitle(tr("Duration (ms), cold and warm"));
    auto* latencySeries = new QBarSeries;
    latencySeries->append(m_coldSet);
    latencySeries->append(m_warmSet);
    latency->addSeries(latencySeries);
    latency->addAxis(m_latencyAxis, Qt::AlignBottom);
    latency->addAxis(m_latencyCount, Qt::AlignLeft);
    latencySeries->attachAxis(m_latencyAxis);
    latencySeries->attachAxis(m_latencyCount);
    m_latencyCount->setLabelFormat(QStringLiteral("%d"));
    latency->legend()->setAlignment(Qt::AlignRight); // keeps the plot's height for the bars

    auto* init = new QChart;
    init->setTitle(tr("Init duration of cold starts (ms)"));
    auto* initSeries = new QBarSeries;
    initSeries->append(m_initSet);
    init->addSeries(initSeries);
    init->addAxis(m_initAxis, Qt::AlignBottom);
    init->addAxis(m_initCount, Qt::AlignLeft);
    initSeries->attachAxis(m_initAxis);
    initSeries->attachAxis(m_initCount);
    m_initCount->setLabelFormat(QStringLiteral("%d"));
    init->legend()->hide();

    auto* share = new QChart;
    share->setTitle(tr("Cold-start share, per second"));
    m_coldShare->setName(tr("cold / all"));
    m_coldShare->setPointsVisible(true); // a second on its own is a point, not a line
    m_concurrency->setPointsVisible(true);
    share->addSeries(m_coldShare);
    auto* shareAxis = new QValueAxis;
    shareAxis->setRange(0, 1);
    shareAxis->setTickCount(3);
    shareAxis->setLabelFormat(QStringLiteral("%.1f"));
    share->addAxis(m_shareTime, Qt::AlignBottom);
    share->addAxis(shareAxis, Qt::AlignLeft);
    m_coldShare->attachAxis(m_shareTime);
    m_coldShare->attachAxis(shareAxis);
    // No axis titles: the chart titles name the units, and a short dock has no height to spare
    // (with them the time labels were elided to "…").
    m_shareTime->setLabelFormat(QStringLiteral("%d"));
    share->legend()->hide();

    auto* concurrency = new QChart;
    concurrency->setTitle(tr("Concurrency: most at once, per second"));
    concurrency->addSeries(m_concurrency);
    concurrency->addAxis(m_concurrencyTime, Qt::AlignBottom);
    concurrency->addAxis(m_concurrencyCount, Qt::AlignLeft);
    m_concurrency->attachAxis(m_concurrencyTime);
    m_concurrency->attachAxis(m_concurrencyCount);

    m_concurrencyTime->setLabelFormat(QStringLiteral("%d"));
    m_concurrencyCount->setLabelFormat(QStringLiteral("%d"));
    concurrency->legend()->hide();

    m_charts = {latency, share, init, concurrency};
    restyle();

    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Function"), this));
    top->addWidget(m_function);
    top->addWidget(m_summary, 1);
    auto* grid = new QGridLayout;
    grid->addWidget(chartView(latency, tr("Duration histogram, cold and warm"), this), 0, 0);
    grid->addWidget(chartView(share, tr("Cold-start share over time"), this), 0, 1);
    grid->addWidget(chartView(init, tr("Init duration distribution"), this), 1, 0);
    grid->addWidget(chartView(concurrency, tr("Concurrency over time"), this), 1, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addLayout(grid, 1);

    setFunctions({});
    m_redraw->setSingleShot(true);
    m_redraw->setInterval(500);
    connect(m_redraw, &QTimer::timeout, this, &MetricsPanel::refresh);
    connect(m_model, &MetricsModel::changed, this, [this] {
        if (!m_redraw->isActive())
            m_redraw->start();
    });
    connect(m_function, &QComboBox::currentIndexChanged, this, [this] {
        m_model->setFunction(m_function->currentData().toString());
        refresh();
    });
    refresh();
}

void MetricsPanel::setFunctions(const QStringList& functions)
{
    const QSignalBlocker block(m_function);
    m_function->clear();
    m_function->addItem(tr("All functions"), QString());
    for (const QString& f : functions)
        m_function->addItem(f, f);
    m_model->setFunction(QString());
}

void MetricsPanel::refresh()
{
    const auto& cold = m_model->coldDurations();
    const auto& warm = m_model->warmDurations();
    const auto& initBins = m_model->initDurations();

    const auto [first, last] = usedRange({cold, warm});
    QStringList labels;
    QList<qreal> coldValues, warmValues;
    qint64 highest = 1;
    for (int b = first; b <= last; ++b) {
        labels << binLabel(b);
        coldValues << qreal(cold[b]);
        warmValues << qreal(warm[b]);
        highest = std::max({highest, cold[b], warm[b]});
    }
    m_coldSet->remove(0, m_coldSet->count());
    m_warmSet->remove(0, m_warmSet->count());
    m_coldSet->append(coldValues);
    m_warmSet->append(warmValues);
    m_latencyAxis->setCategories(labels);
    setCountRange(m_latencyCount, highest);

    const auto [initFirst, initLast] = usedRange({initBins});
    QStringList initLabels;
    QList<qreal> initValues;
    qint64 initHighest = 1;
    for (int b = initFirst; b <= initLast; ++b) {
        initLabels << binLabel(b);
        initValues << qreal(initBins[b]);
        initHighest = std::max(initHighest, initBins[b]);
    }
    m_initSet->remove(0, m_initSet->count());
    m_initSet->append(initValues);
    m_initAxis->setCategories(initLabels);
    setCountRange(m_initCount, initHighest);

    QList<QPointF> share, concurrency;
    int most = 1;
    qint64 coldTotal = 0, warmTotal = 0;
    for (const MetricsModel::Second& s : m_model->seconds()) {
        const int ran = s.cold + s.warm;
        if (ran > 0)
            share << QPointF(double(s.second), double(s.cold) / ran);
        concurrency << QPointF(double(s.second), s.maxConcurrency);
        most = std::max(most, s.maxConcurrency);
        coldTotal += s.cold;
        warmTotal += s.warm;
    }
    m_coldShare->replace(share);
    m_concurrency->replace(concurrency);
    const double from = m_model->seconds().empty() ? 0 : double(m_model->seconds().front().second);
    const double to = m_model->seconds().empty() ? 60 : double(m_model->seconds().back().second);
    m_shareTime->setRange(from, std::max(from + 10, to));
    m_concurrencyTime->setRange(from, std::max(from + 10, to));
    setCountRange(m_concurrencyCount, most + 1);
    m_summary->setText(m_model->recordCount() == 0
                           ? tr("No invocations yet: invoke, or start a load test.")
                           : tr("%1 invocations: %2 cold, %3 warm")
                                 .arg(m_model->recordCount())
                                 .arg(coldTotal)
                                 .arg(warmTotal));
}

void MetricsPanel::restyle()
{
    // The palette's colours (light or dark theme); axis labels a little smaller than the text so
    // a dozen duration bins fit in a half-width chart without being elided.
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    for (QChart* chart : std::as_const(m_charts)) {
        styleChart(chart, *this);
        for (QAbstractAxis* axis : chart->axes())
            axis->setLabelsFont(small);
        chart->legend()->setFont(small);
    }
}

void MetricsPanel::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange)
        restyle();
}

QList<double> MetricsPanel::coldBars() const
{
    QList<double> v;
    for (int i = 0; i < m_coldSet->count(); ++i)
        v << m_coldSet->at(i);
    return v;
}

QList<double> MetricsPanel::warmBars() const
{
    QList<double> v;
    for (int i = 0; i < m_warmSet->count(); ++i)
        v << m_warmSet->at(i);
    return v;
}

QList<double> MetricsPanel::initBars() const
{
    QList<double> v;
    for (int i = 0; i < m_initSet->count(); ++i)
        v << m_initSet->at(i);
    return v;
}

int MetricsPanel::coldShareSeconds() const
{
    return int(m_coldShare->count());
}

int MetricsPanel::concurrencySeconds() const
{
    return int(m_concurrency->count());
}

} // namespace swb
