// labels: gui
#include "TimelineModel.h"
#include "TimelineView.h"

#include <QHelpEvent>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>
#include <QToolTip>
#include <QWheelEvent>

using namespace swb;
using K = RunnerEvent::Kind;

namespace {

RunnerEvent ev(K kind, qint64 atMs, const QString& function, quint64 instance = 0,
               const QString& requestId = {}, const QString& text = {})
{
    return RunnerEvent{kind, atMs, function, instance, requestId, text};
}

InvocationRecord recordFor(const QString& rid, const QString& function, quint64 instance, bool cold,
                           double initMs, double durationMs,
                           InvocationOutcome outcome = InvocationOutcome::Success)
{
    InvocationRecord record;
    record.outcome = outcome;
    record.requestId = rid;
    record.functionName = function;
    record.instanceId = instance;
    record.coldStart = cold;
    record.initDurationMs = initMs;
    record.durationMs = durationMs;
    record.billedDurationMs = qint64(durationMs + initMs + 1);
    record.memorySizeMb = 128;
    record.maxMemoryUsedMb = 37;
    return record;
}

// One function "api": instance 1 cold 0..400 init, handler to 600, frozen, warm 1000..1500.
// Instance 2 cold at 1200, expired at 1800. A throttle at 700.
void fill(TimelineModel& model)
{
    const QString f = QStringLiteral("api");
    model.add(ev(K::InstanceStarted, 0, f, 1));
    model.add(ev(K::InvocationStarted, 0, f, 1, QStringLiteral("cold-1"), QStringLiteral("cold")));
    model.add(ev(K::InstanceReady, 400, f, 1));
    model.add(
        ev(K::InvocationFinished, 600, f, 1, QStringLiteral("cold-1"), QStringLiteral("success")));
    model.addRecord(recordFor(QStringLiteral("cold-1"), f, 1, true, 400, 200));
    model.add(ev(K::InstanceFrozen, 600, f, 1));
    model.add(ev(K::Throttled, 700, f, 0, QStringLiteral("throttled-1")));
    model.add(ev(K::InstanceThawed, 1000, f, 1));
    model.add(
        ev(K::InvocationStarted, 1000, f, 1, QStringLiteral("warm-1"), QStringLiteral("warm")));
    model.add(ev(K::InstanceStarted, 1200, f, 2));
    model.add(
        ev(K::InvocationStarted, 1200, f, 2, QStringLiteral("cold-2"), QStringLiteral("cold")));
    model.add(ev(K::InstanceReady, 1300, f, 2));
    model.add(ev(K::InvocationFinished, 1400, f, 2, QStringLiteral("cold-2"),
                 QStringLiteral("function-error")));
    model.add(
        ev(K::InvocationFinished, 1500, f, 1, QStringLiteral("warm-1"), QStringLiteral("success")));
    model.addRecord(recordFor(QStringLiteral("warm-1"), f, 1, false, 0, 500));
    model.add(ev(K::InstanceExpired, 1800, f, 2));
    model.add(ev(K::InstanceKilled, 1800, f, 2, {}, QStringLiteral("expired after 400 ms idle")));
}

} // namespace

class tst_TimelineView : public QObject {
    Q_OBJECT
private:
    TimelineModel* m_model = nullptr;
    TimelineView* m_view = nullptr;

private slots:
    void init()
    {
        m_model = new TimelineModel;
        m_model->setChangeInterval(0);
        fill(*m_model);
        m_view = new TimelineView;
        m_view->resize(900, 300);
        m_view->setModel(m_model);
        m_view->setFollowLive(false);
        m_view->setVisibleRange(0, 2000);
    }

    void cleanup()
    {
        delete m_view;
        delete m_model;
    }

    // The window clears the model when a workspace is reopened, and the model drops old lanes
    // when it trims; a paint before the coalesced "changed" must not read the lanes that went.
    void paintsAtOnceAfterTheModelDropsItsLanes()
    {
        m_model->setChangeInterval(60 * 1000); // "changed" comes late, as under load
        QVERIFY(!m_view->grab().isNull());
        m_model->clear();
        QVERIFY(!m_view->grab().isNull()); // read the cleared model's lanes: crashed
        fill(*m_model);
        m_model->setMaxInvocations(1); // trimming renumbers the lanes
        QVERIFY(!m_view->grab().isNull());
        QVERIFY(m_view->barCenter(QStringLiteral("cold-1")).isNull()); // trimmed away
    }

    void drawsColdInitAndWarmBarsInDifferentColours()
    {
        const QImage image = m_view->grab().toImage();
        // The cold bar's middle (300 ms) is inside its init (0..400 ms); the warm bar is handler.
        const QPoint cold = m_view->barCenter(QStringLiteral("cold-1"));
        const QPoint warm = m_view->barCenter(QStringLiteral("warm-1"));
        QVERIFY(!cold.isNull());
        QVERIFY(!warm.isNull());
        QCOMPARE(cold.y(), warm.y()); // the same instance: one lane
        QCOMPARE(QColor(image.pixel(cold)), TimelineView::coldColor());
        QCOMPARE(QColor(image.pixel(warm)), TimelineView::warmColor());
        QVERIFY(TimelineView::coldColor() != TimelineView::warmColor());
        // The cold bar's handler part (400..600 ms) is drawn in the warm colour.
        const double pxPerMs = (warm.x() - cold.x()) / (1250.0 - 300.0);
        const QPoint handler(int(cold.x() + 200 * pxPerMs), cold.y());
        QCOMPARE(QColor(image.pixel(handler)), TimelineView::warmColor());
        // Between the bars the instance is frozen: not a bar colour.
        const QPoint frozen(int(cold.x() + 500 * pxPerMs), cold.y());
        QVERIFY(QColor(image.pixel(frozen)) != TimelineView::warmColor());
        QVERIFY(QColor(image.pixel(frozen)) != TimelineView::coldColor());
    }

    void drawsAtDevicePixelRatioTwo()
    {
        QImage image(m_view->size() * 2, QImage::Format_ARGB32_Premultiplied);
        image.setDevicePixelRatio(2);
        image.fill(Qt::transparent);
        m_view->render(&image);
        const QPoint cold = m_view->barCenter(QStringLiteral("cold-1")) * 2;
        const QPoint warm = m_view->barCenter(QStringLiteral("warm-1")) * 2;
        QCOMPARE(QColor(image.pixel(cold)), TimelineView::coldColor());
        QCOMPARE(QColor(image.pixel(warm)), TimelineView::warmColor());
    }

    void errorBarIsOutlinedInRed()
    {
        const QImage image = m_view->grab().toImage();
        const QPoint failed = m_view->barCenter(QStringLiteral("cold-2"));
        // Walk up from the middle to the bar's top edge: it is red.
        bool red = false;
        for (int y = failed.y(); y > failed.y() - 10 && !red; --y)
            red = QColor(image.pixel(failed.x(), y)) == TimelineView::errorColor();
        QVERIFY(red);
    }

    void throttleIsARedTickOnTheFunctionRow()
    {
        const QImage image = m_view->grab().toImage();
        const QPoint cold = m_view->barCenter(QStringLiteral("cold-1"));
        const QPoint warm = m_view->barCenter(QStringLiteral("warm-1"));
        const double pxPerMs = (warm.x() - cold.x()) / (1250.0 - 300.0);
        const int x = int(std::lround(cold.x() + 400 * pxPerMs)); // 700 ms
        bool red = false;
        for (int y = 1; y < cold.y() && !red; ++y) // the header row is above the lanes
            red = QColor(image.pixel(x, y)) == TimelineView::errorColor();
        QVERIFY(red);
        const QString tip = m_view->toolTipAt(QPoint(x, cold.y() - 16));
        QVERIFY2(tip.contains(QStringLiteral("throttled-1")), qPrintable(tip));
    }

    void hoverShowsTheReportLine()
    {
        const QPoint warm = m_view->barCenter(QStringLiteral("warm-1"));
        const QString report =
            recordFor(QStringLiteral("warm-1"), QStringLiteral("api"), 1, false, 0, 500)
                .reportLine();
        QCOMPARE(m_view->toolTipAt(warm), report);
        m_view->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_view));
        QHelpEvent help(QEvent::ToolTip, warm, m_view->mapToGlobal(warm));
        QCoreApplication::sendEvent(m_view, &help);
        QTRY_COMPARE(QToolTip::text(), report);
    }

    void expiryTooltipSaysWhy()
    {
        // Instance 2's lane, at its end cap (1800 ms).
        const QPoint cold2 = m_view->barCenter(QStringLiteral("cold-2"));
        const QPoint cold1 = m_view->barCenter(QStringLiteral("cold-1"));
        const QPoint warm = m_view->barCenter(QStringLiteral("warm-1"));
        const double pxPerMs = (warm.x() - cold1.x()) / (1250.0 - 300.0);
        const QPoint cap(int(std::lround(cold1.x() + 1500 * pxPerMs)), cold2.y());
        const QString tip = m_view->toolTipAt(cap);
        QVERIFY2(tip.contains(QStringLiteral("expired after 400 ms idle")), qPrintable(tip));
    }

    void clickSelectsTheInvocation()
    {
        QSignalSpy spy(m_view, &TimelineView::invocationSelected);
        QTest::mouseClick(m_view, Qt::LeftButton, {}, m_view->barCenter(QStringLiteral("warm-1")));
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.at(0).at(0).toString(), QStringLiteral("warm-1"));
        QCOMPARE(m_view->selectedRequestId(), QStringLiteral("warm-1"));
        QTest::mouseClick(m_view, Qt::LeftButton, {}, m_view->barCenter(QStringLiteral("cold-2")));
        QCOMPARE(spy.count(), 2);
        QCOMPARE(spy.at(1).at(0).toString(), QStringLiteral("cold-2"));
    }

    void keyboardMovesTheSelectionBetweenInvocations()
    {
        QSignalSpy spy(m_view, &TimelineView::invocationSelected);
        QTest::keyClick(m_view, Qt::Key_Right, Qt::ControlModifier); // first bar in view
        QCOMPARE(m_view->selectedRequestId(), QStringLiteral("cold-1"));
        QTest::keyClick(m_view, Qt::Key_Right, Qt::ControlModifier); // next in start order
        QCOMPARE(m_view->selectedRequestId(), QStringLiteral("warm-1"));
        QTest::keyClick(m_view, Qt::Key_Down, Qt::ControlModifier); // lane below, nearest in time
        QCOMPARE(m_view->selectedRequestId(), QStringLiteral("cold-2"));
        QTest::keyClick(m_view, Qt::Key_Up, Qt::ControlModifier); // back up: 1000 ms is nearer
        QCOMPARE(m_view->selectedRequestId(), QStringLiteral("warm-1"));
        QTest::keyClick(m_view, Qt::Key_BracketLeft);
        QCOMPARE(m_view->selectedRequestId(), QStringLiteral("cold-1"));
        QTest::keyClick(m_view, Qt::Key_Left, Qt::ControlModifier); // already the first
        QCOMPARE(m_view->selectedRequestId(), QStringLiteral("cold-1"));
        QCOMPARE(spy.count(), 5);
        QTest::keyClick(m_view, Qt::Key_Return); // shows its logs again
        QCOMPARE(spy.count(), 6);
        QCOMPARE(spy.last().at(0).toString(), QStringLiteral("cold-1"));
    }

    void keyboardSelectionBringsTheBarIntoView()
    {
        m_view->setVisibleRange(5000, 6000);                        // nothing in view
        QTest::keyClick(m_view, Qt::Key_Left, Qt::ControlModifier); // the last bar before it
        QCOMPARE(m_view->selectedRequestId(), QStringLiteral("cold-2"));
        QVERIFY(m_view->visibleFromMs() <= 1200);
        QVERIFY(m_view->visibleToMs() >= 1400);
        QCOMPARE(m_view->requestIdAt(m_view->barCenter(QStringLiteral("cold-2"))),
                 QStringLiteral("cold-2"));
    }

    void zoomKeepsTheTimeUnderTheCursor()
    {
        const QPoint warm = m_view->barCenter(QStringLiteral("warm-1"));
        const double before = m_view->visibleToMs() - m_view->visibleFromMs();
        QWheelEvent wheel(QPointF(warm), QPointF(m_view->mapToGlobal(warm)), QPoint(),
                          QPoint(0, 120), Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
        QCoreApplication::sendEvent(m_view, &wheel);
        const double after = m_view->visibleToMs() - m_view->visibleFromMs();
        QVERIFY(after < before * 0.9);
        // The warm bar's middle stays under the cursor (within a pixel).
        QVERIFY(std::abs(m_view->barCenter(QStringLiteral("warm-1")).x() - warm.x()) <= 1);
        QTest::keyClick(m_view, Qt::Key_Minus);
        QVERIFY(m_view->visibleToMs() - m_view->visibleFromMs() > after);
        const double span = m_view->visibleToMs() - m_view->visibleFromMs();
        QTest::keyClick(m_view, Qt::Key_Plus);
        QVERIFY(m_view->visibleToMs() - m_view->visibleFromMs() < span);
    }

    void panMovesTheRangeAndStopsFollowing()
    {
        m_view->setFollowLive(true);
        QVERIFY(m_view->followsLive());
        QSignalSpy follow(m_view, &TimelineView::followLiveChanged);
        const double from = m_view->visibleFromMs();
        const QPoint start = m_view->barCenter(QStringLiteral("warm-1"));
        QTest::mousePress(m_view, Qt::LeftButton, {}, start);
        QTest::mouseMove(m_view, start + QPoint(100, 0));
        QTest::mouseRelease(m_view, Qt::LeftButton, {}, start + QPoint(100, 0));
        QVERIFY(m_view->visibleFromMs() < from); // dragging right shows earlier times
        QVERIFY(!m_view->followsLive());
        QCOMPARE(follow.count(), 1);
        const double dragged = m_view->visibleFromMs();
        QTest::keyClick(m_view, Qt::Key_Right);
        QVERIFY(m_view->visibleFromMs() > dragged);
        QTest::keyClick(m_view, Qt::Key_End);
        QVERIFY(m_view->followsLive());
    }

    void followLiveScrollsWithNewData()
    {
        m_view->setFollowLive(true);
        m_view->setVisibleRange(0, 1000);
        m_model->add(ev(K::InvocationStarted, 60'000, QStringLiteral("api"), 1,
                        QStringLiteral("late"), QStringLiteral("warm")));
        QTRY_VERIFY(m_view->visibleToMs() >= 60'000);
        QVERIFY(m_view->visibleFromMs() > 58'000); // the zoom is kept
        m_view->setFollowLive(false);
        const double from = m_view->visibleFromMs();
        m_model->add(ev(K::InvocationFinished, 90'000, QStringLiteral("api"), 1,
                        QStringLiteral("late"), QStringLiteral("success")));
        QSignalSpy changed(m_model, &TimelineModel::changed);
        QVERIFY(changed.wait(1000));
        QCOMPARE(m_view->visibleFromMs(), from);
    }

    void fitShowsEverything()
    {
        m_view->setVisibleRange(5000, 6000);
        QTest::keyClick(m_view, Qt::Key_F);
        QVERIFY(m_view->visibleFromMs() <= 0);
        QVERIFY(m_view->visibleToMs() >= 1800);
        QVERIFY(m_view->visibleToMs() - m_view->visibleFromMs() < 2500);
    }

    void rendersARealisticTimeline()
    {
        // A few functions: cold then warm bars, throttles, frozen gaps, an expiry, a kill.
        // SWB_TIMELINE_SCREENSHOT=path.png saves it (docs/screenshots/timeline.png).
        // Generated per instance, then fed in time order as the runner would.
        std::vector<RunnerEvent> events;
        std::vector<InvocationRecord> records;
        QRandomGenerator rng(3);
        const QString names[] = {QStringLiteral("orders-api"), QStringLiteral("thumbnails"),
                                 QStringLiteral("nightly-report")};
        const int instancesOf[] = {3, 2, 1};
        quint64 nextId = 1;
        for (int f = 0; f < 3; ++f) {
            for (int n = 0; n < instancesOf[f]; ++n) {
                const quint64 id = nextId++;
                qint64 t = 200 + n * 900 + f * 300;
                const qint64 init = 250 + rng.bounded(300);
                const QString fn = names[f];
                int count = 0;
                bool cold = true;
                while (t < (f == 2 ? 3000 : 9000 - n * 800)) {
                    const QString rid = QStringLiteral("%1-%2-%3").arg(fn).arg(id).arg(count++);
                    const qint64 run = 40 + rng.bounded(f == 1 ? 500 : 160);
                    if (cold) {
                        events.push_back(ev(K::InstanceStarted, t, fn, id));
                        events.push_back(
                            ev(K::InvocationStarted, t, fn, id, rid, QStringLiteral("cold")));
                        events.push_back(ev(K::InstanceReady, t + init, fn, id));
                    } else {
                        events.push_back(ev(K::InstanceThawed, t, fn, id));
                        events.push_back(
                            ev(K::InvocationStarted, t, fn, id, rid, QStringLiteral("warm")));
                    }
                    const qint64 end = t + (cold ? init : 0) + run;
                    const bool error = rng.bounded(12) == 0;
                    events.push_back(
                        ev(K::InvocationFinished, end, fn, id, rid,
                           error ? QStringLiteral("function-error") : QStringLiteral("success")));
                    records.push_back(recordFor(
                        rid, fn, id, cold, cold ? double(init) : 0, double(run),
                        error ? InvocationOutcome::FunctionError : InvocationOutcome::Success));
                    events.push_back(ev(K::InstanceFrozen, end, fn, id));
                    cold = false;
                    t = end + 60 + rng.bounded(f == 1 ? 900 : 400);
                }
                if (f == 2) {
                    events.push_back(ev(K::InstanceExpired, 6000, fn, id));
                    events.push_back(ev(K::InstanceKilled, 6000, fn, id, {},
                                        QStringLiteral("expired after 3000 ms idle")));
                } else if (f == 1 && n == 1) {
                    events.push_back(ev(K::InstanceKilled, 8300, fn, id, {},
                                        QStringLiteral("out of memory: 131 MB used of 128 MB")));
                }
            }
        }
        for (qint64 t : {2400, 2440, 2480, 5200})
            events.push_back(
                ev(K::Throttled, t, names[0], 0, QStringLiteral("throttled-%1").arg(t)));
        events.push_back(ev(K::InstanceStarted, 9400, names[0], 99)); // latest time: 9.4 s
        std::stable_sort(
            events.begin(), events.end(),
            [](const RunnerEvent& a, const RunnerEvent& b) { return a.atMs < b.atMs; });
        TimelineModel model;
        for (const RunnerEvent& e : events)
            model.add(e);
        for (const InvocationRecord& r : records)
            model.addRecord(r);
        TimelineView view;
        view.resize(1000, 340);
        view.setModel(&model);
        view.setFollowLive(false);
        view.fit();
        const QImage image = view.grab().toImage();
        QCOMPARE(image.size(), QSize(1000, 340));
        // Every instance got its bars: each lane has a bar pixel somewhere.
        for (const InvocationRecord& r : {records.front(), records.back()}) {
            const QPoint p = view.barCenter(r.requestId);
            QVERIFY(!p.isNull());
        }
        const QString path = qEnvironmentVariable("SWB_TIMELINE_SCREENSHOT");
        if (!path.isEmpty())
            QVERIFY(image.save(path));
        // The same on a dark palette: the semantic colours must read there too.
        QPalette dark;
        dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2e));
        dark.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
        dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x21));
        dark.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
        dark.setColor(QPalette::Button, QColor(0x35, 0x35, 0x39));
        dark.setColor(QPalette::ButtonText, QColor(0xf0, 0xf0, 0xf0));
        view.setPalette(dark);
        const QImage darkImage = view.grab().toImage();
        const QPoint bar = view.barCenter(records.back().requestId);
        QCOMPARE(QColor(darkImage.pixel(bar)), QColor(image.pixel(bar))); // semantic: unchanged
        if (!path.isEmpty())
            QVERIFY(darkImage.save(
                QString(path).replace(QStringLiteral(".png"), QStringLiteral("-dark.png"))));
    }

    void isAccessible()
    {
        QVERIFY(!m_view->accessibleName().isEmpty());
        QCOMPARE(m_view->focusPolicy(), Qt::StrongFocus);
    }

    void usesThePalette()
    {
        // A dark palette: the plot's background follows QPalette::Base.
        QPalette dark = m_view->palette();
        dark.setColor(QPalette::Base, QColor(20, 20, 24));
        dark.setColor(QPalette::AlternateBase, QColor(20, 20, 24));
        dark.setColor(QPalette::Window, QColor(30, 30, 34));
        dark.setColor(QPalette::Text, QColor(230, 230, 230));
        m_view->setPalette(dark);
        m_view->setVisibleRange(5000, 6000); // nothing there: background only
        const QImage image = m_view->grab().toImage();
        const QPoint warm = m_view->barCenter(QStringLiteral("warm-1"));
        // A point of the plot right of the label column, at a lane with nothing drawn.
        const QColor c = image.pixel(image.width() - 20, warm.y() - 1);
        QVERIFY2(c.lightness() < 80, qPrintable(c.name()));
    }
};

QTEST_MAIN(tst_TimelineView)
#include "tst_TimelineView.moc"
