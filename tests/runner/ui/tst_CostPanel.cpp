// labels: gui
// The cost panel over the hello-python example: its scenarios price as the cost engine prices
// them, an edit reprices at once, bad input is refused with a message, a row's pricing error
// stays in its row, the charts follow ScenarioAnalysis, and saveTo() keeps the rest of the file.
#include "CostPanel.h"
#include "HistoryStore.h"
#include "ScenarioTableModel.h"
#include "TestFiles.h"
#include "cost/CostEngine.h"
#include "cost/MeasuredUsage.h"
#include "cost/PricingCatalog.h"
#include "cost/ScenarioAnalysis.h"
#include "format/WorkspaceFile.h"

#include <QApplication>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QLineEdit>
#include <QLineSeries>
#include <QScatterSeries>
#include <QSignalSpy>
#include <QStackedBarSeries>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace swb;

namespace {

// A copy of examples/hello-python, so saves and pricing.json never touch the source tree.
bool copyExample(const QString& to)
{
    const QString from = QStringLiteral(SWB_SOURCE_DIR "/examples/hello-python");
    QDirIterator it(from, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString file = it.next();
        const QString target = to + QLatin1Char('/') + QDir(from).relativeFilePath(file);
        QDir().mkpath(QFileInfo(target).absolutePath());
        if (!QFile::copy(file, target))
            return false;
    }
    return QFile::exists(to + QStringLiteral("/workbench.json"));
}

template <typename T> T* series(QChart* chart, const QString& name)
{
    for (QAbstractSeries* s : chart->series()) {
        if (s->objectName() == name)
            return qobject_cast<T*>(s);
    }
    return nullptr;
}

QString cell(const CostPanel& panel, int row, int column)
{
    return panel.model()->index(row, column).data().toString();
}

} // namespace

class tst_CostPanel : public QObject {
    Q_OBJECT
private slots:
    void init();
    void helloPythonScenariosLoadAndPrice();
    void editingACellRepricesAtOnce_data();
    void editingACellRepricesAtOnce();
    void invalidCellIsRefusedWithAMessage_data();
    void invalidCellIsRefusedWithAMessage();
    void pricingErrorShowsInItsRowOnly();
    void breakEvenMarkerIsTheAnalysisBreakEven();
    void sweepHasOnePointPerMemorySize();
    void addDuplicateRemoveEmitEdits();
    void editorsInTheTableCommitThroughTheModel();
    void freeTierCheckBoxAddsTheCredit();
    void saveToReplacesScenariosAndKeepsFunctions();
    void saveToLeavesABrokenFileAlone();
    void measuredDurationsComeFromTheHistory();
    void brokenPriceListIsReportedNotFatal();
    void recomputeIsFastEnoughForTheGuiThread();
    void emptyPanelAndLastRowRemovedDrawNothing();
    void rendersOffscreen();
    void chartsStackWhenThePanelIsNarrow();

private:
    Workspace load();
    CostEngine engine();
    QString expectedTotal(const ScenarioSpec& spec, const MeasuredUsage* measured = nullptr);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_folder;
};

void tst_CostPanel::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_folder = m_dir->path();
    QVERIFY(copyExample(m_folder));
}

Workspace tst_CostPanel::load()
{
    auto loaded = WorkspaceFile::load(m_folder);
    if (!loaded)
        qWarning() << loaded.error().message;
    return loaded ? loaded->workspace : Workspace{};
}

CostEngine tst_CostPanel::engine()
{
    return CostEngine(*PricingCatalog::forWorkspace(m_folder));
}

QString tst_CostPanel::expectedTotal(const ScenarioSpec& spec, const MeasuredUsage* measured)
{
    const CostEngine e = engine();
    const auto usage = usageWithMeasurements(spec, measured);
    if (!usage)
        return QStringLiteral("usage error: ") + usage.error().message;
    const auto priced = e.price(spec.provider, *usage);
    if (!priced)
        return QStringLiteral("price error: ") + priced.error().message;
    return ScenarioTableModel::dollars(priced->total, priced->currency);
}

void tst_CostPanel::helloPythonScenariosLoadAndPrice()
{
    const Workspace ws = load();
    QCOMPARE(ws.scenarios.size(), 5);
    CostPanel panel;
    panel.setWorkspace(&ws, m_folder);
    QCOMPARE(panel.model()->rowCount(), 5);
    QVERIFY(panel.statusMessage().isEmpty());
    for (int row = 0; row < 4; ++row) {
        QVERIFY2(panel.model()->result(row).ok(), qPrintable(panel.model()->result(row).error));
        QCOMPARE(cell(panel, row, ScenarioTableModel::TotalPerMonth),
                 expectedTotal(ws.scenarios.at(row)));
    }
    // aws-measured has no durationMs and no history is open: its row says so, alone.
    QVERIFY(!panel.model()->result(4).ok());
    QVERIFY2(cell(panel, 4, ScenarioTableModel::TotalPerMonth).contains(QLatin1String("measured")),
             qPrintable(cell(panel, 4, ScenarioTableModel::TotalPerMonth)));
    // Side by side: one bar per scenario, the text table has one column per scenario.
    QCOMPARE(panel.breakdownTable()->columnCount(), 5);
    QVERIFY(panel.breakdownChart()->series().size() == 1);
}

void tst_CostPanel::editingACellRepricesAtOnce_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("value");
    QTest::newRow("memory") << int(ScenarioTableModel::MemoryMb) << "1024";
    QTest::newRow("provider") << int(ScenarioTableModel::Provider) << "azure";
    QTest::newRow("duration") << int(ScenarioTableModel::DurationMs) << "250";
    QTest::newRow("invocations as 2.5M") << int(ScenarioTableModel::Invocations) << "2.5M";
    QTest::newRow("cold share as percent") << int(ScenarioTableModel::ColdStartShare) << "10%";
    QTest::newRow("architecture") << int(ScenarioTableModel::Architecture) << "arm64";
}

void tst_CostPanel::editingACellRepricesAtOnce()
{
    QFETCH(int, column);
    QFETCH(QString, value);
    const Workspace ws = load();
    CostPanel panel;
    panel.setWorkspace(&ws, m_folder);
    const QString before = cell(panel, 0, ScenarioTableModel::TotalPerMonth);
    const int recomputes = panel.recomputeCount();
    QSignalSpy edited(&panel, &CostPanel::scenariosEdited);

    QVERIFY(panel.model()->setData(panel.model()->index(0, column), value));
    // At once: the row's total is already the engine's price for the edited scenario.
    const ScenarioSpec edited0 = panel.scenarios().at(0);
    QCOMPARE(cell(panel, 0, ScenarioTableModel::TotalPerMonth), expectedTotal(edited0));
    QVERIFY(cell(panel, 0, ScenarioTableModel::TotalPerMonth) != before);
    QCOMPARE(edited.size(), 1);
    QCOMPARE(edited.first().first().value<QList<ScenarioSpec>>().at(0).name, edited0.name);
    // And the charts follow without a button.
    QTRY_VERIFY(panel.recomputeCount() > recomputes);
    QCOMPARE(panel.breakdownTable()->item(panel.breakdownTable()->rowCount() - 2, 0)->text(),
             expectedTotal(edited0));
    if (column == ScenarioTableModel::Provider) {
        QCOMPARE(edited0.provider, QStringLiteral("azure"));
        // A region of the new cloud, not us-east-1.
        QVERIFY(engine().catalog().regions(QStringLiteral("azure")).contains(edited0.region));
    }
}

void tst_CostPanel::invalidCellIsRefusedWithAMessage_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("allowed");
    QTest::newRow("memory not a number") << int(ScenarioTableModel::MemoryMb) << "lots"
                                         << "from 128 to 32768";
    QTest::newRow("memory below the format's range") << int(ScenarioTableModel::MemoryMb) << "64"
                                                     << "from 128 to 32768";
    QTest::newRow("negative invocations") << int(ScenarioTableModel::Invocations) << "-5"
                                          << "from 0 to 10^12";
    QTest::newRow("share above one") << int(ScenarioTableModel::ColdStartShare) << "1.5"
                                     << "from 0 to 1";
    QTest::newRow("zero duration") << int(ScenarioTableModel::DurationMs) << "0"
                                   << "above 0";
    QTest::newRow("unknown provider") << int(ScenarioTableModel::Provider) << "ibm"
                                      << "aws, azure, gcp, openwhisk";
    QTest::newRow("unpriced region") << int(ScenarioTableModel::Region) << "mars-1"
                                     << "us-east-1";
    QTest::newRow("duplicate name") << int(ScenarioTableModel::Name) << "aws-arm"
                                    << "unique";
    QTest::newRow("unknown function") << int(ScenarioTableModel::Function) << "nope"
                                      << "hello";
}

void tst_CostPanel::invalidCellIsRefusedWithAMessage()
{
    QFETCH(int, column);
    QFETCH(QString, value);
    QFETCH(QString, allowed);
    const Workspace ws = load();
    CostPanel panel;
    panel.setWorkspace(&ws, m_folder);
    QSignalSpy edited(&panel, &CostPanel::scenariosEdited);
    const QString before = cell(panel, 0, column);

    QVERIFY(!panel.model()->setData(panel.model()->index(0, column), value));
    QCOMPARE(cell(panel, 0, column), before);
    QCOMPARE(edited.size(), 0);
    const QString message = panel.statusMessage();
    QVERIFY2(message.contains(QLatin1String("aws-x86")), qPrintable(message));
    QVERIFY2(message.contains(panel.model()->columnTitle(column)), qPrintable(message));
    QVERIFY2(message.contains(value), qPrintable(message));
    QVERIFY2(message.contains(allowed), qPrintable(message));
    // The next good edit clears it.
    QVERIFY(panel.model()->setData(panel.model()->index(0, ScenarioTableModel::MemoryMb), "256"));
    QVERIFY(panel.statusMessage().isEmpty());
}

void tst_CostPanel::pricingErrorShowsInItsRowOnly()
{
    const Workspace ws = load();
    CostPanel panel;
    panel.setWorkspace(&ws, m_folder);
    // 16 GB is a valid workspace value but more than AWS Lambda's 10,240 MB.
    QVERIFY(panel.model()->setData(panel.model()->index(0, ScenarioTableModel::MemoryMb), "16384"));
    QVERIFY(!panel.model()->result(0).ok());
    const QModelIndex total = panel.model()->index(0, ScenarioTableModel::TotalPerMonth);
    QVERIFY2(total.data().toString().startsWith(QLatin1String("Error")),
             qPrintable(total.data().toString()));
    QVERIFY2(total.data(Qt::ToolTipRole).toString().contains(QLatin1String("10240")),
             qPrintable(total.data(Qt::ToolTipRole).toString()));
    for (int row = 1; row < 4; ++row)
        QCOMPARE(cell(panel, row, ScenarioTableModel::TotalPerMonth),
                 expectedTotal(ws.scenarios.at(row)));
    // The charts keep drawing the others; the selected (broken) one says why it has no curve.
    panel.recompute();
    QVERIFY(panel.breakdownChart()->series().size() == 1);
    QVERIFY(!panel.breakEven().has_value());
    panel.selectScenario(1);
    panel.recompute();
    QVERIFY(panel.breakEven().has_value());
}

void tst_CostPanel::breakEvenMarkerIsTheAnalysisBreakEven()
{
    const Workspace ws = load();
    CostPanel panel;
    panel.setWorkspace(&ws, m_folder);
    panel.setServer(QStringLiteral("aws.t3.medium"), 2);
    panel.selectScenario(0);
    panel.recompute();

    const CostEngine e = engine();
    const ScenarioAnalysis analysis(e);
    const auto usage = CostEngine::usageFromScenario(ws.scenarios.at(0));
    QVERIFY(usage);
    const auto expected =
        analysis.breakEven(QStringLiteral("aws"), *usage, QStringLiteral("aws.t3.medium"), 2);
    QVERIFY(expected);
    QVERIFY(expected->invocationsPerMonth.has_value());

    QVERIFY(panel.breakEven().has_value());
    QCOMPARE(panel.breakEven()->invocationsPerMonth, expected->invocationsPerMonth);
    auto* marker = series<QScatterSeries>(panel.volumeChart(), QStringLiteral("breakEvenMarker"));
    QVERIFY(marker);
    QCOMPARE(marker->count(), 1);
    QCOMPARE(qint64(marker->at(0).x()), qint64(*expected->invocationsPerMonth));
    QCOMPARE(marker->at(0).y(), expected->serverMonthly.toDouble());
    auto* server = series<QLineSeries>(panel.volumeChart(), QStringLiteral("serverCost"));
    QVERIFY(server);
    QCOMPARE(server->at(0).y(), expected->serverMonthly.toDouble());
    // The cost curve spans 10^4 .. 10^10 at least.
    auto* cost = series<QLineSeries>(panel.volumeChart(), QStringLiteral("volumeCost"));
    QVERIFY(cost && cost->count() > 10);
    QVERIFY(cost->at(0).x() <= CostPanel::kMinVolume * 1.0001);
    QVERIFY(cost->at(cost->count() - 1).x() >= CostPanel::kMaxVolume * 0.9999);
}

void tst_CostPanel::sweepHasOnePointPerMemorySize()
{
    const Workspace ws = load();
    CostPanel panel;
    panel.setWorkspace(&ws, m_folder);
    panel.setCpuScaling(0.5, 1);
    panel.selectScenario(0);
    panel.recompute();
    QVERIFY(panel.memorySweep().has_value());
    // AWS offers 128..10,240 MB: the standard sizes in that range.
    const QList<int> sizes = ScenarioAnalysis::memorySizes(128, 10240);
    QCOMPARE(panel.memorySweep()->points.size(), sizes.size());
    QCOMPARE(panel.memorySweep()->model.cpuBoundShare, 0.5);
    auto* cost = series<QLineSeries>(panel.sweepChart(), QStringLiteral("sweepCost"));
    auto* duration = series<QLineSeries>(panel.sweepChart(), QStringLiteral("sweepDuration"));
    auto* cheapest = series<QScatterSeries>(panel.sweepChart(), QStringLiteral("sweepCheapest"));
    QVERIFY(cost && duration && cheapest);
    QCOMPARE(cost->count(), sizes.size());
    QCOMPARE(duration->count(), sizes.size());
    for (int i = 0; i < sizes.size(); ++i)
        QCOMPARE(int(cost->at(i).x()), sizes.at(i));
    // The mark sits on the cheapest point of the curve.
    double low = cost->at(0).y();
    for (int i = 1; i < cost->count(); ++i)
        low = std::min(low, cost->at(i).y());
    QCOMPARE(cheapest->at(0).y(), low);
    // Same result as the library's sweep.
    const CostEngine e = engine();
    const ScenarioAnalysis analysis(e);
    const auto expected =
        analysis.sweep(QStringLiteral("aws"), *CostEngine::usageFromScenario(ws.scenarios.at(0)),
                       sizes, CpuScalingModel{0.5, 1});
    QVERIFY(expected);
    for (int i = 0; i < sizes.size(); ++i)
        QCOMPARE(cost->at(i).y(), expected->points.at(i).breakdown.total.toDouble());
}

void tst_CostPanel::addDuplicateRemoveEmitEdits()
{
    const Workspace ws = load();
    CostPanel panel;
    panel.setWorkspace(&ws, m_folder);
    QSignalSpy edited(&panel, &CostPanel::scenariosEdited);
    const int copy = panel.model()->duplicateScenario(1);
    QCOMPARE(copy, 2);
    QCOMPARE(panel.scenarios().at(2).name, QStringLiteral("aws-arm (2)"));
    QCOMPARE(cell(panel, 2, ScenarioTableModel::TotalPerMonth),
             cell(panel, 1, ScenarioTableModel::TotalPerMonth));
    const int added = panel.model()->addScenario();
    QVERIFY(panel.model()->result(added).ok());
    QVERIFY(panel.model()->removeScenario(0));
    QCOMPARE(panel.scenarios().size(), 6);
    QCOMPARE(edited.size(), 3);
    QCOMPARE(edited.last().first().value<QList<ScenarioSpec>>().size(), 6);
}

void tst_CostPanel::editorsInTheTableCommitThroughTheModel()
{
    const Workspace ws = load();
    CostPanel panel;
    panel.resize(1200, 800);
    panel.setWorkspace(&ws, m_folder);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QTableView* table = panel.table();

    // A provider combo: choosing commits at once and the region follows the cloud.
    table->edit(panel.model()->index(0, ScenarioTableModel::Provider));
    auto* combo = table->viewport()->findChild<QComboBox*>();
    QVERIFY(combo);
    QCOMPARE(combo->accessibleName(), panel.model()->columnTitle(ScenarioTableModel::Provider));
    const int gcp = combo->findData(QStringLiteral("gcp"));
    QVERIFY(gcp >= 0);
    combo->setCurrentIndex(gcp);
    emit combo->activated(gcp);
    QCOMPARE(panel.scenarios().at(0).provider, QStringLiteral("gcp"));
    QCOMPARE(panel.scenarios().at(0).region, QStringLiteral("us-central1"));
    QCOMPARE(cell(panel, 0, ScenarioTableModel::TotalPerMonth),
             expectedTotal(panel.scenarios().at(0)));

    // A typed duration that is not a number is refused with the message in the panel.
    const QModelIndex duration = panel.model()->index(1, ScenarioTableModel::DurationMs);
    table->setCurrentIndex(duration);
    table->edit(duration);
    QLineEdit* line = nullptr;
    QTRY_VERIFY((line = table->viewport()->findChild<QLineEdit*>()) != nullptr);
    QCOMPARE(line->placeholderText(), QStringLiteral("measured"));
    line->setText(QStringLiteral("fast"));
    QTest::keyClick(line, Qt::Key_Return);
    QTRY_VERIFY(panel.statusMessage().contains(QLatin1String("\"fast\"")));
    QCOMPARE(panel.scenarios().at(1).durationMs, std::optional<double>(12));
}

void tst_CostPanel::freeTierCheckBoxAddsTheCredit()
{
    const Workspace ws = load();
    CostPanel panel;
    panel.setWorkspace(&ws, m_folder);
    const QModelIndex freeTier = panel.model()->index(0, ScenarioTableModel::FreeTier);
    QVERIFY(panel.model()->flags(freeTier) & Qt::ItemIsUserCheckable);
    QVERIFY(panel.model()->setData(freeTier, Qt::Checked, Qt::CheckStateRole));
    QVERIFY(panel.scenarios().at(0).includeFreeTier);
    QVERIFY(panel.model()->result(0).breakdown->amountOf(LineKind::FreeTierCredit) < Money());
    QCOMPARE(cell(panel, 0, ScenarioTableModel::TotalPerMonth),
             expectedTotal(panel.scenarios().at(0)));
    // The breakdown chart gains a negative segment for the credit.
    panel.recompute();
    bool credit = false;
    for (QAbstractSeries* s : panel.breakdownChart()->series()) {
        for (QBarSet* set : qobject_cast<QStackedBarSeries*>(s)->barSets())
            credit =
                credit || (set->objectName() == QLatin1String("freeTierCredit") && set->at(0) < 0);
    }
    QVERIFY(credit);
}

void tst_CostPanel::saveToReplacesScenariosAndKeepsFunctions()
{
    const Workspace ws = load();
    CostPanel panel;
    panel.setWorkspace(&ws, m_folder);
    QVERIFY(panel.model()->setData(panel.model()->index(0, ScenarioTableModel::MemoryMb), "1024"));
    QVERIFY(panel.model()->setData(panel.model()->index(4, ScenarioTableModel::DurationMs), "33"));
    QVERIFY(panel.model()->removeScenario(2));
    const auto saved = panel.saveTo(m_folder);
    QVERIFY2(saved, saved ? "" : qPrintable(saved.error().message));

    const Workspace back = load();
    QCOMPARE(back.scenarios.size(), 4);
    QCOMPARE(back.scenarios.at(0).memoryMb, 1024);
    QCOMPARE(back.scenarios.at(3).name, QStringLiteral("aws-measured"));
    QCOMPARE(back.scenarios.at(3).durationMs, std::optional<double>(33));
    QCOMPARE(back.scenarios.at(1).coldStartShare, std::optional<double>(0.02));
    // Everything else is kept.
    QCOMPARE(back.name, ws.name);
    QCOMPARE(back.functions.size(), 1);
    QCOMPARE(back.functions.at(0).name, QStringLiteral("hello"));
    QCOMPARE(back.functions.at(0).environment, ws.functions.at(0).environment);
    QCOMPARE(back.functions.at(0).triggers.size(), 1);
}

void tst_CostPanel::saveToLeavesABrokenFileAlone()
{
    const Workspace ws = load();
    CostPanel panel;
    panel.setWorkspace(&ws, m_folder);
    const QByteArray broken = "{ \"formatVersion\": 1, \"name\": ";
    QVERIFY(test::writeFile(m_folder, QStringLiteral("workbench.json"), broken));
    QVERIFY(!panel.saveTo(m_folder));
    QCOMPARE(test::readFile(m_folder + QStringLiteral("/workbench.json")), broken);
}

void tst_CostPanel::measuredDurationsComeFromTheHistory()
{
    auto store = HistoryStore::open(m_folder + QStringLiteral("/history.sqlite"));
    QVERIFY(store);
    // Four runs of hello, one of them cold: durations 10, 20, 30 and 41.5 ms, init 200 ms.
    const double durations[] = {10, 20, 30, 41.5};
    for (int i = 0; i < 4; ++i) {
        InvocationRecord r;
        r.requestId = QStringLiteral("req-%1").arg(i);
        r.functionName = QStringLiteral("hello");
        r.instanceId = 1;
        r.coldStart = i == 0;
        r.initDurationMs = i == 0 ? 200 : 0;
        r.durationMs = durations[i];
        r.billedDurationMs = qint64(std::ceil(durations[i]));
        r.startedAtEpochMs = QDateTime::currentMSecsSinceEpoch() - 1000 + i;
        r.memorySizeMb = 128;
        r.maxMemoryUsedMb = 40;
        (*store)->record(r);
    }
    QVERIFY((*store)->flush());
    const auto stats = (*store)->stats(QStringLiteral("hello"));
    QVERIFY(stats);
    QCOMPARE(stats->ranCount, 4);
    const MeasuredUsage measured = MeasuredUsage::fromStats(*stats);

    const Workspace ws = load();
    CostPanel panel;
    panel.setWorkspace(&ws, m_folder);
    QVERIFY(!panel.model()->result(4).ok());
    panel.setHistory(store->get());
    QVERIFY2(panel.model()->result(4).ok(), qPrintable(panel.model()->result(4).error));
    QCOMPARE(cell(panel, 4, ScenarioTableModel::TotalPerMonth),
             expectedTotal(ws.scenarios.at(4), &measured));
    // The measured figures are shown where the scenario types none.
    QVERIFY(cell(panel, 4, ScenarioTableModel::DurationMs).startsWith(QLatin1String("measured")));
    QVERIFY(cell(panel, 4, ScenarioTableModel::ColdStartShare).contains(QLatin1String("0.250")));
    QCOMPARE(panel.model()->result(4).usage->coldStartShare, std::optional<double>(0.25));
    QCOMPARE(panel.model()->result(4).usage->initDurationMs, std::optional<double>(200));
    QCOMPARE(panel.model()->result(4).usage->durations.size(), 4);
    // A typed duration wins over the measured one; clearing it goes back to measured.
    QVERIFY(panel.model()->setData(panel.model()->index(4, ScenarioTableModel::DurationMs), "12"));
    QCOMPARE(panel.model()->result(4).usage->durations.size(), 1);
    QVERIFY(panel.model()->setData(panel.model()->index(4, ScenarioTableModel::DurationMs),
                                   "measured"));
    QCOMPARE(panel.model()->result(4).usage->durations.size(), 4);
    panel.setHistory(nullptr);
    QVERIFY(!panel.model()->result(4).ok());
}

void tst_CostPanel::brokenPriceListIsReportedNotFatal()
{
    QVERIFY(test::writeFile(m_folder, QStringLiteral("pricing.json"), "{ not json"));
    const Workspace ws = load();
    CostPanel panel;
    panel.setWorkspace(&ws, m_folder);
    QVERIFY2(panel.statusMessage().contains(QLatin1String("price list")),
             qPrintable(panel.statusMessage()));
    QVERIFY2(panel.statusMessage().contains(QLatin1String("pricing.json")),
             qPrintable(panel.statusMessage()));
    QCOMPARE(panel.model()->rowCount(), 5);
    QVERIFY(!panel.model()->result(0).ok());
    // Still editable, and the scenarios can still be saved.
    QVERIFY(!panel.model()->setData(panel.model()->index(0, ScenarioTableModel::MemoryMb), "1"));
    QVERIFY(panel.statusMessage().contains(QLatin1String("Memory (MB)")));
    QVERIFY(panel.model()->setData(panel.model()->index(0, ScenarioTableModel::MemoryMb), "512"));
    // The refusal is gone; the price list's error is still said.
    QVERIFY(panel.statusMessage().contains(QLatin1String("price list")));
    QVERIFY(panel.saveTo(m_folder));
}

void tst_CostPanel::recomputeIsFastEnoughForTheGuiThread()
{
    const Workspace ws = load();
    CostPanel panel;
    panel.setWorkspace(&ws, m_folder);
    panel.selectScenario(0);
    // Reprice five rows, the volume curve, the break-even and the sweep, several times.
    QList<qint64> micros;
    for (int i = 0; i < 9; ++i) {
        panel.recompute();
        micros << panel.lastRecomputeMicros();
    }
    std::sort(micros.begin(), micros.end());
    const qint64 worst = micros.last();
    qInfo("recompute (5 scenarios, volume curve, break-even, sweep): best %lld us, median %lld "
          "us, worst %lld us of 9",
          static_cast<long long>(micros.first()), static_cast<long long>(micros.at(4)),
          static_cast<long long>(worst));
    // The library's share of it: the same pricing without any widget.
    const CostEngine e = engine();
    const ScenarioAnalysis analysis(e);
    QElapsedTimer timer;
    timer.start();
    for (int row = 0; row < 4; ++row)
        QVERIFY(e.price(ws.scenarios.at(row).provider,
                        *CostEngine::usageFromScenario(ws.scenarios.at(row))));
    const BillingUsage usage = *CostEngine::usageFromScenario(ws.scenarios.at(0));
    for (int i = 0; i <= 48; ++i) {
        BillingUsage u = usage;
        u.invocations = std::llround(1e4 * std::pow(10.0, 6.0 * i / 48));
        QVERIFY(e.price(QStringLiteral("aws"), u));
    }
    QVERIFY(analysis.breakEven(QStringLiteral("aws"), usage, QStringLiteral("aws.t3.small")));
    QVERIFY(
        analysis.sweep(QStringLiteral("aws"), usage, ScenarioAnalysis::memorySizes(128, 10240)));
    qInfo("of which pricing alone (rows, curve, break-even, sweep): %lld us",
          static_cast<long long>(timer.nsecsElapsed() / 1000));
    // A frame's worth in a debug build on a slow machine: no worker thread needed.
    QVERIFY2(worst < 250'000, qPrintable(QString::number(worst)));
}

void tst_CostPanel::emptyPanelAndLastRowRemovedDrawNothing()
{
    CostPanel panel;
    panel.setWorkspace(nullptr, QString());
    QCOMPARE(panel.model()->rowCount(), 0);
    QCOMPARE(panel.selectedScenario(), -1);
    QVERIFY(!panel.breakEven());
    QVERIFY(!panel.memorySweep());
    QVERIFY(panel.volumeChart()->series().isEmpty());

    const Workspace ws = load();
    panel.setWorkspace(&ws, m_folder);
    QVERIFY(panel.breakEven());
    while (panel.model()->rowCount() > 0)
        QVERIFY(panel.model()->removeScenario(0));
    panel.recompute();
    QVERIFY(!panel.breakEven());
    QCOMPARE(panel.breakdownTable()->columnCount(), 0);
    // And back: a new scenario prices and draws.
    panel.selectScenario(panel.model()->addScenario());
    panel.recompute();
    QVERIFY(panel.model()->result(0).ok());
    QVERIFY(panel.breakEven());
    QVERIFY(panel.memorySweep());
}

void tst_CostPanel::rendersOffscreen()
{
    const Workspace ws = load();
    CostPanel panel;
    panel.resize(1400, 900);
    panel.setWorkspace(&ws, m_folder);
    panel.setServer(QStringLiteral("aws.t3.small"), 1);
    panel.selectScenario(0);
    panel.recompute();
    const QPixmap shot = panel.grab();
    QVERIFY(!shot.isNull());
    const QString out = qEnvironmentVariable("SWB_COST_PANEL_PNG");
    if (!out.isEmpty())
        QVERIFY(shot.save(out));

    // A dark palette restyles the charts: their background follows the palette's base.
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x2B, 0x2B, 0x2B));
    dark.setColor(QPalette::WindowText, QColor(0xE6, 0xE6, 0xE6));
    dark.setColor(QPalette::Base, QColor(0x1E, 0x1E, 0x1E));
    dark.setColor(QPalette::AlternateBase, QColor(0x26, 0x26, 0x26));
    dark.setColor(QPalette::Text, QColor(0xE6, 0xE6, 0xE6));
    dark.setColor(QPalette::Button, QColor(0x35, 0x35, 0x35));
    dark.setColor(QPalette::ButtonText, QColor(0xE6, 0xE6, 0xE6));
    dark.setColor(QPalette::Mid, QColor(0x55, 0x55, 0x55));
    dark.setColor(QPalette::Highlight, QColor(0x2F, 0x7F, 0xD8));
    panel.setPalette(dark);
    QCOMPARE(panel.volumeChart()->backgroundBrush().color(), QColor(0x1E, 0x1E, 0x1E));
    const QString outDark = qEnvironmentVariable("SWB_COST_PANEL_PNG_DARK");
    if (!outDark.isEmpty())
        QVERIFY(panel.grab().save(outDark));
}

void tst_CostPanel::chartsStackWhenThePanelIsNarrow()
{
    const Workspace ws = load();
    CostPanel panel;
    panel.setWorkspace(&ws, m_folder);
    panel.show();
    auto position = [&panel](QChart* chart) {
        const QWidget* view = nullptr;
        for (QChartView* v : panel.findChildren<QChartView*>())
            if (v->chart() == chart)
                view = v;
        return view ? view->mapTo(&panel, QPoint(0, 0)) : QPoint(-1, -1);
    };
    panel.resize(1400, 900); // side by side: the breakdown table beside its chart
    QTRY_VERIFY(panel.breakdownTable()->mapTo(&panel, QPoint(0, 0)).x() >
                position(panel.breakdownChart()).x() + 100);
    QCOMPARE(position(panel.volumeChart()).y(), position(panel.sweepChart()).y());
    panel.resize(480, 900); // a dock beside the editor: one above the other
    QTRY_COMPARE(panel.breakdownTable()->mapTo(&panel, QPoint(0, 0)).x(),
                 position(panel.breakdownChart()).x());
    QCOMPARE(position(panel.volumeChart()).x(), position(panel.sweepChart()).x());
    QVERIFY(position(panel.sweepChart()).y() > position(panel.volumeChart()).y());
    QVERIFY(panel.minimumSizeHint().width() < 480); // a narrow dock does not widen the window
}

QTEST_MAIN(tst_CostPanel)
#include "tst_CostPanel.moc"
