// How fast the timeline takes events and paints a frame: 100 000 invocations in view over 50
// instances, at device pixel ratio 1 and 2, and 1 000 000 stored with 100 000 in view.
//
//   cmake --build build/timeline -j1 --target bench_timeline && build/timeline/bench/bench_timeline

#include "TimelineModel.h"
#include "TimelineView.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QImage>
#include <QPainter>
#include <QRandomGenerator>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <unistd.h>
#include <vector>

using namespace swb;
using K = RunnerEvent::Kind;

namespace {

constexpr int Instances = 50;
constexpr int Functions = 2;

// Builds the event stream of `invocations` invocations spread over 50 instances of two
// functions: cold first, then warm with freeze/thaw between, 1 % errors, a throttle per 500.
std::vector<RunnerEvent> makeEvents(int invocations)
{
    std::vector<RunnerEvent> events;
    events.reserve(size_t(invocations) * 5);
    QRandomGenerator rng(7);
    const QString names[Functions] = {QStringLiteral("orders-api"), QStringLiteral("thumbnails")};
    std::vector<bool> started(Instances, false);
    for (int i = 0; i < invocations; ++i) {
        const int instance = i % Instances;
        const QString& f = names[instance % Functions];
        const quint64 id = quint64(instance + 1);
        const qint64 t = qint64(i) * 6; // each instance every 300 ms
        const qint64 run = 20 + rng.bounded(250);
        const QString rid = QStringLiteral("%1-%2").arg(i, 8, 16, QLatin1Char('0')).arg(instance);
        qint64 handlerStart = t;
        if (!started[size_t(instance)]) {
            started[size_t(instance)] = true;
            events.push_back({K::InstanceStarted, t, f, id, {}, {}});
            events.push_back({K::InvocationStarted, t, f, id, rid, QStringLiteral("cold")});
            handlerStart = t + 150;
            events.push_back({K::InstanceReady, handlerStart, f, id, {}, {}});
        } else {
            events.push_back({K::InstanceThawed, t, f, id, {}, {}});
            events.push_back({K::InvocationStarted, t, f, id, rid, QStringLiteral("warm")});
        }
        const bool error = rng.bounded(100) == 0;
        events.push_back({K::InvocationFinished, handlerStart + run, f, id, rid,
                          error ? QStringLiteral("function-error") : QStringLiteral("success")});
        events.push_back({K::InstanceFrozen, handlerStart + run, f, id, {}, {}});
        if (i % 500 == 499)
            events.push_back({K::Throttled, t + 1, f, 0, rid + QStringLiteral("-t"), {}});
    }
    return events;
}

// Resident memory, from /proc/self/statm.
double residentMb()
{
    long pages = 0, resident = 0;
    if (FILE* f = std::fopen("/proc/self/statm", "r")) {
        if (std::fscanf(f, "%ld %ld", &pages, &resident) != 2)
            resident = 0;
        std::fclose(f);
    }
    return double(resident) * double(sysconf(_SC_PAGESIZE)) / (1024.0 * 1024.0);
}

struct Figures {
    double p50 = 0, p95 = 0, max = 0;
    double cpuP50 = 0; // CPU time of the process (all threads) per frame: robust to a busy machine
};

double processCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

Figures paintFrames(TimelineView& view, double dpr, int frames)
{
    QImage image(QSize(int(view.width() * dpr), int(view.height() * dpr)),
                 QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(dpr);
    // What paintEvent() does on a backing store of that ratio. (QWidget::render() into an image
    // of another ratio than the screen's adds a copy and conversion that a window does not pay.)
    const auto frame = [&] {
        QPainter painter(&image);
        view.paint(painter);
    };
    frame(); // warm-up: fonts, glyph caches
    std::vector<double> ms, cpu;
    for (int i = 0; i < frames; ++i) {
        QElapsedTimer timer;
        const double cpuStart = processCpuMs();
        timer.start();
        frame();
        ms.push_back(timer.nsecsElapsed() / 1e6);
        cpu.push_back(processCpuMs() - cpuStart);
    }
    std::sort(ms.begin(), ms.end());
    std::sort(cpu.begin(), cpu.end());
    return {ms[ms.size() / 2], ms[std::min(ms.size() - 1, ms.size() * 95 / 100)], ms.back(),
            cpu[cpu.size() / 2]};
}

void report(const char* what, double dpr, qsizetype inView, const Figures& f)
{
    std::printf("%-34s dpr %.0f %7lld in view  p50 %6.2f  p95 %6.2f  max %6.2f ms  (cpu p50 "
                "%6.2f ms)\n",
                what, dpr, static_cast<long long>(inView), f.p50, f.p95, f.max, f.cpuP50);
}

qsizetype countInView(const TimelineModel& model, double from, double to)
{
    qsizetype n = 0;
    for (int l = 0; l < model.laneCount(); ++l) {
        const auto [a, b] = model.visibleBars(l, qint64(from), qint64(to));
        n += b - a;
    }
    return n;
}

} // namespace

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const int frames = 60;

    std::printf("bench_timeline: %d frames per case, 1600x900 logical pixels, offscreen\n", frames);
    if (FILE* load = std::fopen("/proc/loadavg", "r")) {
        char line[128] = {};
        if (std::fgets(line, sizeof line, load))
            std::printf("load average: %s", line);
        std::fclose(load);
    }

    // The fixed cost of a frame: backgrounds, labels, axis, legend, for 50 lanes and no bars.
    {
        TimelineModel lanesOnly;
        for (int i = 0; i < Instances; ++i)
            lanesOnly.add({K::InstanceStarted,
                           0,
                           i % 2 ? QStringLiteral("thumbnails") : QStringLiteral("orders-api"),
                           quint64(i + 1),
                           {},
                           {}});
        TimelineView view;
        view.resize(1600, 900);
        view.setModel(&lanesOnly);
        view.setFollowLive(false);
        view.setVisibleRange(0, 600'000);
        for (double dpr : {1.0, 2.0})
            report("50 lanes, no invocations", dpr, 0, paintFrames(view, dpr, frames));
        if (qEnvironmentVariableIsSet("BENCH_TIMELINE_EMPTY_ONLY"))
            return 0;
    }

    // The add() rate, on the 1 000 000-invocation stream.
    const std::vector<RunnerEvent> big = makeEvents(1'000'000);
    const double residentBefore = residentMb();
    TimelineModel bigModel;
    bigModel.setMaxInvocations(1'000'000);
    QElapsedTimer timer;
    timer.start();
    for (const RunnerEvent& e : big)
        bigModel.add(e);
    const double addSeconds = timer.nsecsElapsed() / 1e9;
    std::printf("model add(): %zu events in %.2f s = %.2f million events/s (%lld bars stored)\n",
                big.size(), addSeconds, big.size() / addSeconds / 1e6,
                static_cast<long long>(bigModel.barCount()));
    std::printf("model memory: %.0f MB resident for %lld bars (%.0f bytes a bar, %zu-byte struct "
                "+ request id)\n",
                residentMb() - residentBefore, static_cast<long long>(bigModel.barCount()),
                (residentMb() - residentBefore) * 1024 * 1024 / double(bigModel.barCount()),
                sizeof(TimelineBar));

    // 100 000 stored, all in view.
    const std::vector<RunnerEvent> small = makeEvents(100'000);
    TimelineModel model;
    for (const RunnerEvent& e : small)
        model.add(e);
    TimelineView view;
    view.resize(1600, 900);
    view.setModel(&model);
    view.setFollowLive(false);
    view.fit();
    for (double dpr : {1.0, 2.0})
        report("100 000 stored, all in view", dpr,
               countInView(model, view.visibleFromMs(), view.visibleToMs()),
               paintFrames(view, dpr, frames));

    // 1 000 000 stored, the last 100 000 in view.
    TimelineView bigView;
    bigView.resize(1600, 900);
    bigView.setModel(&bigModel);
    bigView.setFollowLive(false);
    const double latest = double(bigModel.latestMs());
    bigView.setVisibleRange(latest - 600'000, latest);
    for (double dpr : {1.0, 2.0})
        report("1 000 000 stored, 100 000 in view", dpr,
               countInView(bigModel, bigView.visibleFromMs(), bigView.visibleToMs()),
               paintFrames(bigView, dpr, frames));
    // A close-up: about 2 000 in view, every bar drawn one by one.
    bigView.setVisibleRange(latest - 12'000, latest);
    for (double dpr : {1.0, 2.0})
        report("1 000 000 stored, close-up", dpr,
               countInView(bigModel, bigView.visibleFromMs(), bigView.visibleToMs()),
               paintFrames(bigView, dpr, frames));

    std::printf("reproduce: cmake -S . -B build/timeline -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo"
                " && cmake --build build/timeline -j1 --target bench_timeline"
                " && build/timeline/bench/bench_timeline\n");
    return 0;
}
