// bench_gateway: the window's HTTP gateway (the Gateway panel) under load, beside `swb serve`
// on the same workspace in the same run.
//
//   - the window, offscreen, opens the workspace and starts its gateway on a free port; wrk
//     warms it (3 s), then measures it (S seconds, C connections) while a 10 ms timer measures
//     the window's event-loop lag (the timeline, logs and metrics take every request's events
//     on that loop);
//   - `swb serve --port 0` on the same workspace, the same wrk runs.
// Prints requests per second and wrk's latency p50/p99 of each, their ratio, the lag and the
// timeline's bars. Needs wrk (apt-get install wrk). Not a test.
//
// Usage: bench_gateway [--workspace DIR] [--path /hello] [--connections C] [--seconds S]

#include "GatewayPanel.h"
#include "MainWindow.h"
#include "TimelineModel.h"
#include "settings/Settings.h"

#include "LoopLag.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <vector>

using namespace swb;

namespace {

QTextStream out(stdout);

struct WrkResult {
    double rps = 0;
    double p50Ms = 0;
    double p99Ms = 0;
    qint64 requests = 0;
    qint64 non2xx = 0;
    QString error;
};

double toMs(const QString& value)
{
    static const QRegularExpression number(QStringLiteral("^([0-9.]+)(us|ms|s|m)$"));
    const auto m = number.match(value.trimmed());
    if (!m.hasMatch())
        return -1;
    const double v = m.captured(1).toDouble();
    const QString unit = m.captured(2);
    return unit == u"us" ? v / 1000 : unit == u"s" ? v * 1000 : unit == u"m" ? v * 60000 : v;
}

// Runs wrk to its end while the event loop keeps turning (the window serves on it).
WrkResult wrk(const QString& url, int connections, double seconds)
{
    QProcess process;
    process.start(QStringLiteral("wrk"),
                  {QStringLiteral("-t1"), QStringLiteral("-c%1").arg(connections),
                   QStringLiteral("-d%1s").arg(seconds), QStringLiteral("--latency"), url});
    WrkResult r;
    if (!process.waitForStarted(5000)) {
        r.error = QStringLiteral("wrk did not start: %1 (apt-get install wrk)")
                      .arg(process.errorString());
        return r;
    }
    // Blocking in the event loop (not spinning on processEvents), as the window does.
    QEventLoop loop;
    QObject::connect(&process, &QProcess::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(qint64(seconds * 1000) + 30000, &loop, &QEventLoop::quit);
    if (process.state() != QProcess::NotRunning)
        loop.exec();
    const QString text = QString::fromUtf8(process.readAllStandardOutput());
    for (const QString& line : text.split(QLatin1Char('\n'))) {
        const QStringList f = line.simplified().split(QLatin1Char(' '));
        if (line.startsWith(QLatin1String("Requests/sec:")))
            r.rps = f.value(1).toDouble();
        else if (f.value(0) == u"50%")
            r.p50Ms = toMs(f.value(1));
        else if (f.value(0) == u"99%")
            r.p99Ms = toMs(f.value(1));
        else if (line.contains(QLatin1String("requests in")))
            r.requests = f.value(0).toLongLong();
        else if (line.contains(QLatin1String("Non-2xx")))
            r.non2xx = f.value(f.size() - 1).toLongLong();
    }
    if (r.rps <= 0)
        r.error = QStringLiteral("wrk gave no figures: %1 %2")
                      .arg(text, QString::fromUtf8(process.readAllStandardError()));
    return r;
}

QString row(const QString& what, const WrkResult& r)
{
    return QStringLiteral("| %1 | %2 | %3 / %4 ms | %5 |\n")
        .arg(what, QString::number(r.rps, 'f', 0), QString::number(r.p50Ms, 'f', 2),
             QString::number(r.p99Ms, 'f', 2), QString::number(r.non2xx));
}

} // namespace

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QString workspace = QStringLiteral(SWB_SOURCE_DIR "/examples/hello-python");
    QString path = QStringLiteral("/hello?name=bench");
    int connections = 8;
    double seconds = 5;
    const QStringList args = app.arguments();
    for (qsizetype i = 1; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--workspace") && i + 1 < args.size())
            workspace = args[++i];
        else if (args[i] == QLatin1String("--path") && i + 1 < args.size())
            path = args[++i];
        else if (args[i] == QLatin1String("--connections") && i + 1 < args.size())
            connections = args[++i].toInt();
        else if (args[i] == QLatin1String("--seconds") && i + 1 < args.size())
            seconds = args[++i].toDouble();
        else {
            out << "usage: bench_gateway [--workspace DIR] [--path /hello] [--connections C] "
                   "[--seconds S]\n";
            return 2;
        }
    }
    if (connections < 1 || connections > 1000 || !(seconds > 0 && seconds <= 600)) {
        out << "bench_gateway: --connections needs 1 to 1000 and --seconds more than 0 (at most "
               "600)\n";
        return 2;
    }
    if (QStandardPaths::findExecutable(QStringLiteral("wrk")).isEmpty()) {
        out << "bench_gateway needs wrk: apt-get install wrk\n";
        return 1;
    }

    // The window's gateway.
    QTemporaryDir scratch;
    Settings settings(scratch.filePath(QStringLiteral("settings.ini")));
    MainWindow window(settings, scratch.filePath(QStringLiteral("runtimes")));
    if (const auto opened = window.openWorkspace(workspace); !opened) {
        out << "cannot open " << workspace << ": " << opened.error().message << '\n';
        return 1;
    }
    window.show();
    GatewayPanel* gateway = window.gatewayPanel();
    if (const auto started = gateway->start(0); !started) {
        out << "the gateway did not start: " << started.error().message << '\n';
        return 1;
    }
    const QString windowUrl = gateway->baseUrl() + path;
    const WrkResult windowWarm = wrk(windowUrl, connections, 3);
    if (!windowWarm.error.isEmpty()) {
        out << windowWarm.error << '\n';
        return 1;
    }
    swb::bench::LoopLag lag;
    lag.start();
    const WrkResult inWindow = wrk(windowUrl, connections, seconds);
    lag.stop();
    const qsizetype bars = window.timelineModel()->barCount();
    gateway->stop();

    // swb serve on the same workspace, after the window's gateway has let go of its instances.
    window.closeWorkspace();
    QProcess serve;
    serve.start(QStringLiteral(SWB_CLI_PATH),
                {QStringLiteral("serve"), QStringLiteral("--workspace"), workspace,
                 QStringLiteral("--port"), QStringLiteral("0")});
    QString serveBase;
    QElapsedTimer waitListen;
    waitListen.start();
    while (serveBase.isEmpty() && waitListen.elapsed() < 15000) {
        serve.waitForReadyRead(100);
        const QString line = QString::fromUtf8(serve.readLine()).trimmed();
        if (line.startsWith(QLatin1String("listening on ")))
            serveBase = line.mid(13);
    }
    if (serveBase.isEmpty()) {
        out << "swb serve did not start: " << serve.readAllStandardError() << '\n';
        return 1;
    }
    const WrkResult serveWarm = wrk(serveBase + path, connections, 3);
    const WrkResult served = wrk(serveBase + path, connections, seconds);
    serve.terminate();
    serve.waitForFinished(10000);
    if (!served.error.isEmpty()) {
        out << served.error << '\n';
        return 1;
    }

    out << "# bench_gateway: " << QFileInfo(workspace).fileName() << path << ", wrk -c"
        << connections << " for " << seconds << " s after 3 s of warming\n\n"
        << "| server | requests/s | latency p50 / p99 | non-2xx |\n| --- | ---: | ---: | ---: |\n"
        << row(QStringLiteral("window's Gateway panel"), inWindow)
        << row(QStringLiteral("swb serve"), served) << '\n'
        << "window / swb serve, requests per second: "
        << QString::number(inWindow.rps / served.rps, 'f', 2) << "\n"
        << "window event-loop lag while serving, p50 / p99 / max: " << lag.summary() << " ms\n"
        << "timeline bars: " << bars << " (wrk counted " << windowWarm.requests + inWindow.requests
        << " responses)\n\n"
        << "reproduce: `" << args.join(QLatin1Char(' ')) << "`\n";
    return 0;
}
