#include "LoadTest.h"

#include "Runner.h"

#include <QPointer>
#include <QTimer>

#include <algorithm>

namespace swb {

LoadTest::LoadTest(Runner& runner, QObject* parent)
    : QObject(parent), m_runner(runner), m_tick(new QTimer(this))
{
    m_tick->setTimerType(Qt::PreciseTimer);
    m_tick->setSingleShot(true);
    connect(m_tick, &QTimer::timeout, this, &LoadTest::send);
}

LoadTest::~LoadTest() = default;

Result<void> LoadTest::start(const LoadTestOptions& options)
{
    if (isRunning())
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("A load test is already running; stop it first."));
    if (!m_runner.workspace().function(options.function))
        return fail(ErrorCode::NotFound,
                    QStringLiteral("There is no function \"%1\" to load.").arg(options.function));
    if (!(options.ratePerSecond > 0) || options.ratePerSecond > LoadTestOptions::kMaxRatePerSecond)
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("The rate must be above 0 and at most %1 requests a second.")
                        .arg(LoadTestOptions::kMaxRatePerSecond));
    if (!(options.durationSeconds > 0) ||
        options.durationSeconds > LoadTestOptions::kMaxDurationSeconds)
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("The duration must be above 0 and at most %1 seconds.")
                        .arg(LoadTestOptions::kMaxDurationSeconds));
    m_options = options;
    m_arrivals.emplace(options.pattern, options.ratePerSecond, options.seed);
    m_nextAtMs = m_arrivals->next();
    m_sent = 0;
    m_sending = true;
    ++m_generation;
    m_clock.start();
    QTimer::singleShot(0, this, &LoadTest::send);
    return {};
}

void LoadTest::stop()
{
    if (!m_sending)
        return;
    m_sending = false;
    m_tick->stop();
    finishIfDone();
}

void LoadTest::send()
{
    if (!m_sending)
        return;
    const double endMs = m_options.durationSeconds * 1000.0;
    const double now = double(m_clock.nsecsElapsed()) / 1e6;
    const quint64 generation = m_generation;
    const QPointer<LoadTest> self(this);
    while (m_nextAtMs < endMs && m_nextAtMs <= now) {
        const int second = int(m_nextAtMs / 1000.0);
        ++m_inFlight;
        ++m_sent;
        m_runner.invoke(m_options.function, m_options.payload,
                        [self, second, generation](const InvocationRecord& r) {
                            if (!self)
                                return;
                            --self->m_inFlight;
                            if (generation == self->m_generation)
                                emit self->invocationFinished(r, second);
                            self->finishIfDone();
                        });
        if (!self)
            return; // a synchronous answer destroyed us
        m_nextAtMs = m_arrivals->next();
    }
    if (m_nextAtMs >= endMs) {
        m_sending = false;
        finishIfDone();
        return;
    }
    m_tick->start(int(std::max(0.0, m_nextAtMs - double(m_clock.nsecsElapsed()) / 1e6)));
}

void LoadTest::finishIfDone()
{
    if (!m_sending && m_inFlight == 0)
        emit finished();
}

} // namespace swb
