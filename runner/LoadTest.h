#pragma once
// A bounded load test through a Runner: requests arrive by a LoadPattern (constant, Poisson,
// bursts) for a duration, each an invocation of one function; every result is reported as it
// comes. `swb load` and the run panel's load row both drive it.

#include "Error.h"
#include "InvocationRecord.h"
#include "LoadPattern.h"

#include <QElapsedTimer>
#include <QObject>

class QTimer;

namespace swb {

class Runner;

struct LoadTestOptions {
    QString function;
    QByteArray payload = "{}";
    LoadPattern::Kind pattern = LoadPattern::Kind::Constant;
    double ratePerSecond = 1;
    double durationSeconds = 10;
    quint64 seed = 1;

    static constexpr double kMaxRatePerSecond = 10000;
    static constexpr double kMaxDurationSeconds = 3600;
};

class LoadTest : public QObject {
    Q_OBJECT
public:
    explicit LoadTest(Runner& runner, QObject* parent = nullptr);
    ~LoadTest() override;

    // Starts sending; an error (and nothing sent) for an unknown function, a rate or duration
    // out of range, or a test already running.
    Result<void> start(const LoadTestOptions& options);
    // Stops sending; what is in flight still finishes (then finished()).
    void stop();
    bool isRunning() const { return m_sending || m_inFlight > 0; }
    int sentCount() const { return m_sent; }
    int inFlightCount() const { return m_inFlight; }

signals:
    // `second`: the second of the test the request was sent in (0-based).
    void invocationFinished(const swb::InvocationRecord& record, int second);
    void finished(); // everything sent has finished (or the test was stopped and drained)

private:
    void send();
    void finishIfDone();

    Runner& m_runner;
    LoadTestOptions m_options;
    std::optional<LoadPattern> m_arrivals;
    QElapsedTimer m_clock;
    QTimer* m_tick;
    double m_nextAtMs = 0;
    bool m_sending = false;
    int m_inFlight = 0;
    int m_sent = 0;
    quint64 m_generation = 0; // results of an earlier test are not reported as this one's
};

} // namespace swb
