// bench_window: the workbench window's start-up, memory and log throughput, offscreen.
//
//   - process start -> the main window's first paint (the process's start time from
//     /proc/self/stat, so dynamic loading and static initialisation count);
//   - resident memory (VmRSS) with the hello-python example open, after one invocation;
//   - the logs panel under a flood: L log lines per second for S seconds arrive as runner
//     events (in bursts every millisecond, as instances print), while a 10 ms timer measures the
//     event loop's lag (how late it fires). Reports the lag p50/p99/max and the lines shown.
// Targets (issue: the workbench window): first paint under 600 ms, idle RSS under 150 MB,
// 10 000 lines a second with event-loop lag under 50 ms. Not a test.
//
// Usage: bench_window [--workspace DIR] [--lines-per-second L] [--seconds S]

#include "InvocationRecord.h"
#include "LogModel.h"
#include "LogView.h"
#include "MainWindow.h"
#include "RunPanel.h"
#include "RunnerEvent.h"
#include "settings/Settings.h"

#include "LoopLag.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <ctime>
#include <unistd.h>
#include <vector>

using namespace swb;

namespace {

QTextStream out(stdout);

// Milliseconds since this process started (CLOCK_BOOTTIME, as /proc/self/stat counts).
double msSinceProcessStart()
{
    QFile stat(QStringLiteral("/proc/self/stat"));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray text = stat.readAll();
    // Field 22 (starttime, clock ticks since boot) comes after the ")" closing the name.
    const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
    const double startTicks = fields.value(19).toDouble();
    timespec now{};
    clock_gettime(CLOCK_BOOTTIME, &now);
    const double nowMs = double(now.tv_sec) * 1000.0 + double(now.tv_nsec) / 1e6;
    return nowMs - startTicks * 1000.0 / double(sysconf(_SC_CLK_TCK));
}

double residentMb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : status.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
    return -1;
}

class FirstPaint : public QObject {
public:
    double atMs = -1;
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::Paint && atMs < 0)
            atMs = msSinceProcessStart();
        return QObject::eventFilter(watched, event);
    }
};

} // namespace

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QString workspace = QStringLiteral(SWB_SOURCE_DIR "/examples/hello-python");
    int linesPerSecond = 10000;
    double seconds = 5;
    const QStringList args = app.arguments();
    for (qsizetype i = 1; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--workspace") && i + 1 < args.size())
            workspace = args[++i];
        else if (args[i] == QLatin1String("--lines-per-second") && i + 1 < args.size())
            linesPerSecond = args[++i].toInt();
        else if (args[i] == QLatin1String("--seconds") && i + 1 < args.size())
            seconds = args[++i].toDouble();
        else {
            out << "usage: bench_window [--workspace DIR] [--lines-per-second L] [--seconds S]\n";
            return 2;
        }
    }
    QTemporaryDir scratch;
    Settings settings(scratch.filePath(QStringLiteral("settings.ini")));
    FirstPaint firstPaint;
    MainWindow window(settings, scratch.filePath(QStringLiteral("runtimes")));
    window.installEventFilter(&firstPaint);
    for (QWidget* child : window.findChildren<QWidget*>())
        child->installEventFilter(&firstPaint);
    const auto opened = window.openWorkspace(workspace);
    if (!opened) {
        out << "cannot open " << workspace << ": " << opened.error().message << '\n';
        return 1;
    }
    window.show();
    QElapsedTimer wait;
    wait.start();
    while (firstPaint.atMs < 0 && wait.elapsed() < 10000)
        QApplication::processEvents(QEventLoop::AllEvents, 50);

    // One invocation, then idle memory.
    bool done = false;
    QObject::connect(window.runPanel(), &RunPanel::invocationFinished, &window,
                     [&done](const InvocationRecord&) { done = true; });
    window.runPanel()->invoke();
    while (!done && wait.elapsed() < 30000)
        QApplication::processEvents(QEventLoop::AllEvents, 50);
    QTimer::singleShot(500, &app, [] {});
    QElapsedTimer settle;
    settle.start();
    while (settle.elapsed() < 500)
        QApplication::processEvents(QEventLoop::AllEvents, 50);
    const double rssMb = residentMb();

    // The flood: bursts every millisecond, lag measured by a 10 ms timer.
    LogView* logs = window.logView();
    QElapsedTimer clock;
    clock.start();
    qint64 sent = 0;
    const qint64 total = qint64(double(linesPerSecond) * seconds);
    QTimer producer;
    producer.setTimerType(Qt::PreciseTimer);
    producer.setInterval(1);
    QObject::connect(&producer, &QTimer::timeout, &app, [&] {
        const qint64 due =
            std::min(total, qint64(double(clock.nsecsElapsed()) / 1e9 * linesPerSecond));
        for (; sent < due; ++sent) {
            RunnerEvent e{RunnerEvent::Kind::LogLine,
                          clock.elapsed(),
                          QStringLiteral("hello"),
                          1,
                          QStringLiteral("req-%1").arg(sent / 10),
                          QStringLiteral("[INFO]\tline %1 of a busy handler").arg(sent)};
            logs->add(e);
        }
    });
    swb::bench::LoopLag lag;
    producer.start();
    lag.start();
    while (sent < total || clock.elapsed() < qint64(seconds * 1000) + 200)
        QApplication::processEvents(QEventLoop::AllEvents, 5);
    producer.stop();
    lag.stop();
    const double floodSeconds = double(clock.nsecsElapsed()) / 1e9;

    out << "# bench_window\n\n"
        << "| measure | value | target |\n| --- | ---: | --- |\n"
        << "| process start -> first paint | " << QString::number(firstPaint.atMs, 'f', 0)
        << " ms | < 600 ms |\n"
        << "| RSS, " << QFileInfo(workspace).fileName() << " open, after one invocation | "
        << QString::number(rssMb, 'f', 1) << " MiB | < 150 MiB |\n"
        << "| log lines sent | " << sent << " in " << QString::number(floodSeconds, 'f', 2)
        << " s (" << QString::number(double(sent) / floodSeconds, 'f', 0) << "/s) | "
        << linesPerSecond << "/s |\n"
        << "| lines kept by the panel | " << logs->model()->totalCount() << " (dropped "
        << logs->model()->droppedCount() << ") | bounded |\n"
        << "| event-loop lag p50 / p99 / max | " << lag.summary() << " ms | < 50 ms |\n\n"
        << "reproduce: `" << args.join(QLatin1Char(' ')) << "`\n";
    window.closeWorkspace();
    return 0;
}
