// labels: gui
// The simulate panel: a run on its worker thread shows what Simulator::run computes for the
// same options and seed, cancel stops a long run and leaves the panel usable, invalid input
// and a bad trace file disable Run with a message, the instances chart has the requested
// points, and a panel destroyed mid-run neither crashes nor hangs.
#include "SimulatePanel.h"

#include "HistoryStore.h"
#include "InvocationRecord.h"
#include "KeepAlivePolicy.h"
#include "sim/Simulator.h"

#include <QChart>
#include <QComboBox>
#include <QDateTime>
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

using namespace swb;
using namespace swb::sim;

namespace {

template <typename T> T* field(const SimulatePanel& panel, const char* name)
{
    T* w = panel.findChild<T*>(QString::fromLatin1(name));
    if (!w)
        qFatal("no field %s", name);
    return w;
}

// Poisson 1/s for a day, fixed service 100 ms, init 250 ms, keep-alive 1 min, seed 7.
void fillShortRun(SimulatePanel& panel)
{
    field<QComboBox>(panel, "arrivalModel")->setCurrentIndex(0);
    field<QDoubleSpinBox>(panel, "rate")->setValue(1);
    field<QLineEdit>(panel, "duration")->setText(QStringLiteral("1 d"));
    field<QComboBox>(panel, "serviceKind")->setCurrentIndex(0);
    field<QDoubleSpinBox>(panel, "serviceMs")->setValue(100);
    field<QDoubleSpinBox>(panel, "initMs")->setValue(250);
    field<QComboBox>(panel, "policy")->setCurrentIndex(0);
    field<QDoubleSpinBox>(panel, "keepAliveMinutes")->setValue(1);
    field<QSpinBox>(panel, "seed")->setValue(7);
    field<QComboBox>(panel, "provider")->setCurrentText(QStringLiteral("aws"));
}

// Poisson 2000/s for 30 days: 5 * 10^9 arrivals, minutes of work even in a release build.
void fillLongRun(SimulatePanel& panel)
{
    fillShortRun(panel);
    field<QDoubleSpinBox>(panel, "rate")->setValue(2000);
    field<QLineEdit>(panel, "duration")->setText(QStringLiteral("30d"));
}

} // namespace

class tst_SimulatePanel : public QObject {
    Q_OBJECT
private slots:
    void shortRunShowsWhatTheSimulatorComputes()
    {
        SimulatePanel panel;
        fillShortRun(panel);
        QVERIFY(panel.runButton()->isEnabled());
        QSignalSpy finished(&panel, &SimulatePanel::finished);
        QVERIFY(panel.run());
        QVERIFY(panel.isRunning());
        QVERIFY(!panel.runButton()->isEnabled());
        QVERIFY(panel.cancelButton()->isEnabled());
        QVERIFY(finished.wait(60000));
        QVERIFY(!panel.isRunning());
        QVERIFY(panel.runButton()->isEnabled());
        QVERIFY(!panel.cancelButton()->isEnabled());

        // The same options, built here rather than by the panel.
        SimulationOptions o;
        o.arrivals = ArrivalProcess::poisson(1);
        o.serviceTime = ServiceTime::fixed(100);
        o.initTime = ServiceTime::fixed(250);
        o.durationMs = 86400000;
        o.seed = 7;
        FixedKeepAlivePolicy policy(60000);
        const auto expected = Simulator::run(o, policy);
        QVERIFY(expected);
        QVERIFY(expected->coldStarts > 0);
        QVERIFY(panel.lastResult());
        const SimulationResult& shown = *panel.lastResult();
        QCOMPARE(shown.arrivals, expected->arrivals);
        QCOMPARE(shown.coldStarts, expected->coldStarts);
        QCOMPARE(panel.coldStartRatioText(),
                 QStringLiteral("%1%").arg(100.0 * expected->coldStartRatio(), 0, 'f', 3));
        const auto signalled = finished.first().first().value<SimulationResult>();
        QCOMPARE(signalled.coldStarts, expected->coldStarts);
        QCOMPARE(panel.progressBar()->value(), panel.progressBar()->maximum());
        QVERIFY(panel.costText().contains(QStringLiteral("aws")));
    }

    void instancesSeriesHasTheRequestedPoints()
    {
        SimulatePanel panel;
        fillShortRun(panel);
        QSignalSpy finished(&panel, &SimulatePanel::finished);
        QVERIFY(panel.run());
        QVERIFY(finished.wait(60000));
        QCOMPARE(int(panel.lastResult()->instanceSeries.size()), SimulatePanel::kInstanceSamples);
        const QList<QAbstractSeries*> series = panel.instancesChart()->series();
        QCOMPARE(series.size(), 2); // loaded and busy
        for (QAbstractSeries* s : series)
            QCOMPARE(static_cast<QLineSeries*>(s)->count(), SimulatePanel::kInstanceSamples);
        QVERIFY(!panel.usageChart()->series().isEmpty());
    }

    void cancelStopsALongRunAndThePanelIsUsableAgain()
    {
        SimulatePanel panel;
        fillLongRun(panel);
        QSignalSpy progress(&panel, &SimulatePanel::progressChanged);
        QSignalSpy cancelled(&panel, &SimulatePanel::cancelled);
        QSignalSpy finished(&panel, &SimulatePanel::finished);
        QVERIFY(panel.run());
        QVERIFY(!panel.run()); // refused while one runs
        QVERIFY(progress.wait(30000));
        QElapsedTimer clock;
        clock.start();
        panel.cancel();
        QVERIFY(cancelled.wait(10000));
        QVERIFY(clock.elapsed() < 5000);
        QVERIFY(finished.isEmpty());
        QVERIFY(progress.last().first().toDouble() < 1.0);
        QVERIFY(!panel.isRunning());
        QVERIFY(panel.runButton()->isEnabled());
        QVERIFY(panel.statusMessage().contains(QStringLiteral("Cancelled")));

        fillShortRun(panel);
        QVERIFY(panel.run());
        QVERIFY(finished.wait(60000));
    }

    // The simulator reports every 65,536 arrivals (dozens of times a second here); the panel
    // passes at most one report per kProgressIntervalMs, and the values only grow.
    void progressIsThrottled()
    {
        SimulatePanel panel;
        fillLongRun(panel);
        QSignalSpy progress(&panel, &SimulatePanel::progressChanged);
        QSignalSpy cancelled(&panel, &SimulatePanel::cancelled);
        QElapsedTimer clock;
        clock.start();
        QVERIFY(panel.run());
        QTRY_VERIFY_WITH_TIMEOUT(progress.size() >= 6, 60000);
        const qint64 elapsedMs = clock.elapsed();
        panel.cancel();
        QVERIFY(cancelled.wait(10000));
        QVERIFY2(
            progress.size() <= elapsedMs / SimulatePanel::kProgressIntervalMs + 2,
            qPrintable(QStringLiteral("%1 reports in %2 ms").arg(progress.size()).arg(elapsedMs)));
        for (qsizetype i = 1; i < progress.size(); ++i)
            QVERIFY(progress.at(i).first().toDouble() >= progress.at(i - 1).first().toDouble());
        QCOMPARE(panel.progressBar()->value(),
                 int(std::lround(progress.last().first().toDouble() * 1000)));
    }

    void invalidInputDisablesRunWithAMessage()
    {
        SimulatePanel panel;
        fillShortRun(panel);
        QVERIFY(panel.runButton()->isEnabled());
        auto* duration = field<QLineEdit>(panel, "duration");
        duration->setText(QStringLiteral("a while"));
        QVERIFY(!panel.runButton()->isEnabled());
        auto* durationError = field<QLabel>(panel, "durationError");
        QVERIFY(!durationError->isHidden());
        QVERIFY(durationError->text().contains(QStringLiteral("duration")));
        QVERIFY(!panel.run());
        duration->setText(QStringLiteral("1h"));
        QVERIFY(panel.runButton()->isEnabled());
        QVERIFY(durationError->isHidden());

        field<QDoubleSpinBox>(panel, "rate")->setValue(0);
        QVERIFY(!panel.runButton()->isEnabled());
        QVERIFY(!field<QLabel>(panel, "rateError")->isHidden());
        field<QDoubleSpinBox>(panel, "rate")->setValue(1);

        field<QSpinBox>(panel, "cap")->setValue(2);
        field<QSpinBox>(panel, "provisioned")->setValue(3);
        QVERIFY(!panel.runButton()->isEnabled());
        QVERIFY(!field<QLabel>(panel, "provisionedError")->isHidden());
        field<QSpinBox>(panel, "provisioned")->setValue(2);
        QVERIFY(panel.runButton()->isEnabled());

        // A lognormal whose p99 is not above its p50.
        field<QComboBox>(panel, "serviceKind")->setCurrentIndex(2);
        field<QDoubleSpinBox>(panel, "serviceP99Ms")->setValue(50);
        QVERIFY(!panel.runButton()->isEnabled());
        QVERIFY(!field<QLabel>(panel, "serviceError")->isHidden());
        field<QDoubleSpinBox>(panel, "serviceP99Ms")->setValue(500);
        QVERIFY(panel.runButton()->isEnabled());

        // Measured times without a history.
        field<QComboBox>(panel, "serviceKind")->setCurrentIndex(3);
        QVERIFY(!panel.runButton()->isEnabled());
        QVERIFY(field<QLabel>(panel, "serviceError")->text().contains(QStringLiteral("history")));
    }

    // setDefaults with a history: memory, and service and init times measured from it. Every
    // measured duration is 40 ms and the one cold start's init is 300 ms, so a day at 1/s with
    // keep-alive 1 min shows a busy time of exactly 40 ms per request plus 300 ms per cold start.
    void measuredTimesComeFromTheHistory()
    {
        QTemporaryDir dir;
        auto store = HistoryStore::open(dir.filePath(QStringLiteral("history.sqlite")));
        QVERIFY(store);
        for (int i = 0; i < 5; ++i) {
            InvocationRecord r;
            r.requestId = QStringLiteral("req-%1").arg(i);
            r.functionName = QStringLiteral("hello");
            r.instanceId = 1;
            r.coldStart = i == 0;
            r.initDurationMs = i == 0 ? 300 : 0;
            r.durationMs = 40;
            r.billedDurationMs = 40;
            r.startedAtEpochMs = QDateTime::currentMSecsSinceEpoch() - 1000 + i;
            r.memorySizeMb = 256;
            (*store)->record(r);
        }
        QVERIFY((*store)->flush());

        SimulatePanel panel;
        fillShortRun(panel);
        panel.setFunctions({QStringLiteral("hello"), QStringLiteral("other")});
        panel.setDefaults(QStringLiteral("hello"), 256);
        QCOMPARE(field<QComboBox>(panel, "serviceKind")->currentIndex(), 0); // nothing measured
        panel.setHistory(store->get());
        panel.setDefaults(QStringLiteral("hello"), 256);
        QCOMPARE(field<QComboBox>(panel, "serviceKind")->currentIndex(), 3);
        QCOMPARE(field<QComboBox>(panel, "initKind")->currentIndex(), 1);
        QCOMPARE(field<QSpinBox>(panel, "memoryMb")->value(), 256);
        QVERIFY(panel.runButton()->isEnabled());
        QSignalSpy finished(&panel, &SimulatePanel::finished);
        QVERIFY(panel.run());
        QVERIFY(finished.wait(60000));
        const SimulationResult& r = *panel.lastResult();
        QCOMPARE(r.memoryMb, 256);
        QVERIFY(r.coldStarts > 0);
        QCOMPARE(r.serviceMsTotal, 40.0 * double(r.served()));
        QCOMPARE(r.initMsTotal, 300.0 * double(r.coldStarts));
    }

    void badTraceFileShowsAnError()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("not-a-trace.csv"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("name,value\nx,1\n");
        file.close();

        SimulatePanel panel;
        fillShortRun(panel);
        field<QComboBox>(panel, "arrivalModel")->setCurrentIndex(4);
        QSignalSpy loaded(&panel, &SimulatePanel::traceFileLoaded);
        panel.loadTraceFile(path);
        QVERIFY(panel.isLoadingTrace());
        QVERIFY(!panel.runButton()->isEnabled()); // not while the file is read
        QVERIFY(loaded.wait(10000));
        QVERIFY(!loaded.last().at(1).toString().isEmpty());
        auto* traceError = field<QLabel>(panel, "traceError");
        QVERIFY(!traceError->isHidden());
        QVERIFY2(traceError->text().contains(QStringLiteral("not-a-trace.csv")),
                 qPrintable(traceError->text()));
        QVERIFY(!panel.runButton()->isEnabled());
        panel.loadTraceFile(dir.filePath(QStringLiteral("missing.csv")));
        QVERIFY(loaded.wait(10000));
        QVERIFY(loaded.last().at(1).toString().contains(QStringLiteral("missing.csv")));
        QVERIFY(!panel.runButton()->isEnabled());
    }

    void traceFileReplaysTheChosenFunction()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("d01.csv"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QByteArray header = "HashOwner,HashApp,HashFunction,Trigger";
        QByteArray a = "o,p,aaa,http";
        QByteArray b = "o,p,bbb,timer";
        for (int m = 1; m <= 1440; ++m) {
            header += ',' + QByteArray::number(m);
            a += m % 10 == 0 ? ",3" : ",0"; // 144 minutes with 3 each
            b += ",1";
        }
        file.write(header + '\n' + a + '\n' + b + '\n');
        file.close();

        SimulatePanel panel;
        fillShortRun(panel);
        field<QComboBox>(panel, "arrivalModel")->setCurrentIndex(4);
        field<QLineEdit>(panel, "duration")->clear(); // the trace's own length
        QSignalSpy loaded(&panel, &SimulatePanel::traceFileLoaded);
        panel.loadTraceFile(dir.filePath(QStringLiteral("missing.csv")));
        panel.loadTraceFile(path); // the first read's answer comes late and is ignored
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 10000);
        QCOMPARE(loaded.last().at(0).toString(), path);
        QCOMPARE(loaded.last().at(1).toString(), QString());
        auto* functions = field<QComboBox>(panel, "traceFunction");
        QCOMPARE(functions->count(), 2);
        QCOMPARE(functions->itemText(1), QStringLiteral("bbb"));
        functions->setCurrentIndex(0);
        QVERIFY(panel.runButton()->isEnabled());
        QSignalSpy finished(&panel, &SimulatePanel::finished);
        QVERIFY(panel.run());
        QVERIFY(finished.wait(60000));
        QCOMPARE(panel.lastResult()->arrivals, quint64(144 * 3));
        QCOMPARE(panel.lastResult()->simulatedMs, 86400000.0);
    }

    void destroyingThePanelMidRunNeitherCrashesNorHangs()
    {
        auto panel = std::make_unique<SimulatePanel>();
        fillLongRun(*panel);
        QSignalSpy progress(panel.get(), &SimulatePanel::progressChanged);
        QVERIFY(panel->run());
        QVERIFY(progress.wait(30000));
        QElapsedTimer clock;
        clock.start();
        panel.reset();
        QVERIFY(clock.elapsed() < 5000);
        // Progress calls queued before the destruction must not reach the dead panel.
        QCoreApplication::processEvents();
    }

    // Not a check: with SWB_SCREENSHOT_DIR set, renders the panel after a run to
    // simulate-panel.png there (docs/screenshots).
    void screenshot()
    {
        const QString dir = qEnvironmentVariable("SWB_SCREENSHOT_DIR");
        if (dir.isEmpty())
            QSKIP("SWB_SCREENSHOT_DIR is not set");
        SimulatePanel panel;
        fillShortRun(panel);
        field<QComboBox>(panel, "arrivalModel")->setCurrentIndex(3); // diurnal
        field<QDoubleSpinBox>(panel, "rate")->setValue(20);
        field<QLineEdit>(panel, "duration")->setText(QStringLiteral("3d"));
        field<QComboBox>(panel, "serviceKind")->setCurrentIndex(2);
        field<QDoubleSpinBox>(panel, "serviceMs")->setValue(120);
        field<QDoubleSpinBox>(panel, "serviceP99Ms")->setValue(600);
        field<QDoubleSpinBox>(panel, "keepAliveMinutes")->setValue(5);
        field<QSpinBox>(panel, "memoryMb")->setValue(512);
        panel.resize(1280, 860);
        panel.show();
        QSignalSpy finished(&panel, &SimulatePanel::finished);
        QVERIFY(panel.run());
        QVERIFY(finished.wait(120000));
        // The charts lay out their axes and legends on the next turns of the event loop.
        for (int i = 0; i < 5; ++i)
            QCoreApplication::processEvents();
        QVERIFY(panel.grab().save(dir + QStringLiteral("/simulate-panel.png")));
    }
};

QTEST_MAIN(tst_SimulatePanel)
#include "tst_SimulatePanel.moc"
