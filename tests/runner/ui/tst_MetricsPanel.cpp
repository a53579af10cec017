// labels: gui
// The metrics: histogram bins, cold/warm split, init distribution, per-second share and
// concurrency, and the charts that show them.
#include "InvocationRecord.h"
#include "MetricsModel.h"
#include "MetricsPanel.h"
#include "RunnerEvent.h"

#include <QChart>
#include <QChartView>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>
#include <numeric>

using namespace swb;

namespace {

InvocationRecord record(const QString& function, bool cold, double durationMs, double initMs = 0)
{
    InvocationRecord r;
    r.functionName = function;
    r.coldStart = cold;
    r.durationMs = durationMs;
    r.initDurationMs = initMs;
    return r;
}

RunnerEvent runnerEvent(RunnerEvent::Kind kind, qint64 atMs,
                        const QString& function = QStringLiteral("f"))
{
    return RunnerEvent{kind, atMs, function, 1, QStringLiteral("r"), QString()};
}

double sum(const QList<double>& v)
{
    return std::accumulate(v.begin(), v.end(), 0.0);
}

} // namespace

class tst_MetricsPanel : public QObject {
    Q_OBJECT
private slots:
    void binsAreOrderedAndCoverTheRange();
    void splitsColdAndWarmAndKeepsInit();
    void secondsCarryShareThrottlesAndConcurrency();
    void filtersByFunction();
    void seriesAreBounded();
    void panelShowsWhatTheModelHolds();
    void chartsFollowThePalette();
};

void tst_MetricsPanel::binsAreOrderedAndCoverTheRange()
{
    QCOMPARE(MetricsModel::binOf(0.0), 0);
    QCOMPARE(MetricsModel::binOf(0.05), 0);
    for (const double ms : {0.1, 0.7, 1.0, 12.5, 120.0, 999.0, 4000.0, 60000.0}) {
        const int b = MetricsModel::binOf(ms);
        QVERIFY2(MetricsModel::binLowerEdgeMs(b) <= ms + 1e-9, qPrintable(QString::number(ms)));
        if (b + 1 < MetricsModel::kBins)
            QVERIFY2(ms < MetricsModel::binLowerEdgeMs(b + 1), qPrintable(QString::number(ms)));
    }
    QCOMPARE(MetricsModel::binOf(1e9), MetricsModel::kBins - 1); // the last bin takes the rest
    QVERIFY(MetricsModel::binLowerEdgeMs(MetricsModel::kBins - 1) > 100000);
}

void tst_MetricsPanel::splitsColdAndWarmAndKeepsInit()
{
    MetricsModel m;
    m.add(runnerEvent(RunnerEvent::Kind::InvocationStarted, 10));
    m.add(runnerEvent(RunnerEvent::Kind::InvocationFinished, 20));
    m.addRecord(record(QStringLiteral("f"), true, 5, 80));
    for (int i = 0; i < 3; ++i)
        m.addRecord(record(QStringLiteral("f"), false, 1.2));
    InvocationRecord throttled = record(QStringLiteral("f"), false, 0);
    throttled.outcome = InvocationOutcome::Throttled;
    m.addRecord(throttled); // no duration: not in the histograms
    QCOMPARE(m.recordCount(), 4);
    QCOMPARE(m.coldDurations()[MetricsModel::binOf(5)], 1);
    QCOMPARE(m.warmDurations()[MetricsModel::binOf(1.2)], 3);
    QCOMPARE(m.initDurations()[MetricsModel::binOf(80)], 1);
    QCOMPARE(std::accumulate(m.initDurations().begin(), m.initDurations().end(), qint64(0)), 1);
}

void tst_MetricsPanel::secondsCarryShareThrottlesAndConcurrency()
{
    MetricsModel m;
    // Second 0: three at once, one of them cold. Second 2: a throttle. Second 1 is empty.
    for (int i = 0; i < 3; ++i)
        m.add(runnerEvent(RunnerEvent::Kind::InvocationStarted, 100 + i));
    for (int i = 0; i < 3; ++i) {
        m.add(runnerEvent(RunnerEvent::Kind::InvocationFinished, 500 + i));
        m.addRecord(record(QStringLiteral("f"), i == 0, 2));
    }
    m.add(runnerEvent(RunnerEvent::Kind::Throttled, 2500));
    const auto& s = m.seconds();
    QCOMPARE(s.size(), size_t(3));
    QCOMPARE(s[0].maxConcurrency, 3);
    QCOMPARE(s[0].cold, 1);
    QCOMPARE(s[0].warm, 2);
    QCOMPARE(s[1].cold + s[1].warm, 0);
    QCOMPARE(s[1].maxConcurrency, 0);
    QCOMPARE(s[2].throttled, 1);
}

void tst_MetricsPanel::filtersByFunction()
{
    MetricsModel m;
    m.setFunction(QStringLiteral("a"));
    m.addRecord(record(QStringLiteral("a"), false, 3));
    m.addRecord(record(QStringLiteral("b"), false, 3));
    m.add(runnerEvent(RunnerEvent::Kind::InvocationStarted, 5, QStringLiteral("b")));
    QCOMPARE(m.recordCount(), 1);
    QVERIFY(m.seconds().empty());
    m.setFunction(QString()); // a new selection starts afresh
    QCOMPARE(m.recordCount(), 0);
}

void tst_MetricsPanel::seriesAreBounded()
{
    MetricsModel m;
    m.add(runnerEvent(RunnerEvent::Kind::InvocationStarted, 0));
    m.add(runnerEvent(RunnerEvent::Kind::InvocationFinished,
                      qint64(MetricsModel::kMaxSeconds) * 5000));
    QCOMPARE(m.seconds().size(), size_t(MetricsModel::kMaxSeconds));
    QCOMPARE(m.seconds().back().second, qint64(MetricsModel::kMaxSeconds) * 5);
}

void tst_MetricsPanel::panelShowsWhatTheModelHolds()
{
    MetricsPanel panel;
    panel.resize(900, 600);
    panel.setFunctions({QStringLiteral("f")});
    MetricsModel* m = panel.model();
    m->add(runnerEvent(RunnerEvent::Kind::InvocationStarted, 100));
    m->add(runnerEvent(RunnerEvent::Kind::InvocationFinished, 300));
    m->addRecord(record(QStringLiteral("f"), true, 40, 120));
    for (int i = 0; i < 9; ++i) {
        m->add(runnerEvent(RunnerEvent::Kind::InvocationStarted, 1100 + 100 * i));
        m->add(runnerEvent(RunnerEvent::Kind::InvocationFinished, 1150 + 100 * i));
        m->addRecord(record(QStringLiteral("f"), false, 1.5));
    }
    panel.refresh();
    QCOMPARE(sum(panel.coldBars()), 1.0);
    QCOMPARE(sum(panel.warmBars()), 9.0);
    QCOMPARE(sum(panel.initBars()), 1.0);
    QCOMPARE(panel.coldShareSeconds(), 2); // seconds 0 and 1 had invocations
    QCOMPARE(panel.concurrencySeconds(), 2);
    QVERIFY(!panel.grab().isNull());
}

void tst_MetricsPanel::chartsFollowThePalette()
{
    MetricsPanel panel;
    panel.resize(900, 400);
    auto darkest = [&panel] {
        // The chart views' median lightness: their background dominates.
        QList<int> values;
        for (QChartView* view : panel.findChildren<QChartView*>()) {
            const QImage image = view->grab().toImage();
            for (int x = 0; x < image.width(); x += 5)
                values << image.pixelColor(x, image.height() / 3).lightness();
        }
        std::sort(values.begin(), values.end());
        return values.at(values.size() / 2);
    };
    QPalette light;
    light.setColor(QPalette::Base, Qt::white);
    light.setColor(QPalette::Text, Qt::black);
    panel.setPalette(light);
    QVERIFY(darkest() > 200);
    QPalette dark;
    dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    dark.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
    panel.setPalette(dark);
    QVERIFY(darkest() < 60);
    for (QChartView* view : panel.findChildren<QChartView*>())
        QCOMPARE(view->chart()->backgroundBrush().color(), QColor(0x1e, 0x1e, 0x1e));
}

QTEST_MAIN(tst_MetricsPanel)
#include "tst_MetricsPanel.moc"
