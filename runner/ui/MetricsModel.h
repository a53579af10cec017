#pragma once
// The figures behind the metrics panel, kept as the runner reports them: duration histograms
// split cold/warm, the init duration distribution, and per-second series of the cold-start
// share and of concurrency. Fixed memory: the histograms have fixed bins and the series keep
// the last kMaxSeconds seconds.

#include <QList>
#include <QObject>
#include <QString>

#include <deque>

namespace swb {

struct InvocationRecord;
struct RunnerEvent;

class MetricsModel : public QObject {
    Q_OBJECT
public:
    static constexpr int kMaxSeconds = 3600;
    // Bin i holds durations in [edge(i), edge(i+1)) ms; the edges grow by a factor of ~1.47
    // from 0.1 ms (bin 0 is [0, 0.1)) to over 100 s, so 1 ms and 1 s both read well.
    static constexpr int kBins = 38;
    static double binLowerEdgeMs(int bin);
    static int binOf(double ms);

    struct Second {
        qint64 second = 0; // since the runner started
        int cold = 0;
        int warm = 0;
        int throttled = 0;
        int maxConcurrency = 0; // invocations running at once, the most in that second
    };

    explicit MetricsModel(QObject* parent = nullptr);

    // Only `function`'s invocations (empty: all).
    void setFunction(const QString& function);
    const QString& function() const { return m_function; }

    void add(const RunnerEvent& event);             // concurrency and throttles
    void addRecord(const InvocationRecord& record); // durations, cold/warm, init
    void clear();

    const QList<qint64>& coldDurations() const { return m_cold; } // per bin
    const QList<qint64>& warmDurations() const { return m_warm; }
    const QList<qint64>& initDurations() const { return m_init; }
    const std::deque<Second>& seconds() const { return m_seconds; }
    qint64 recordCount() const { return m_records; }

signals:
    void changed();

private:
    Second& secondAt(qint64 atMs);

    QString m_function;
    QList<qint64> m_cold, m_warm, m_init;
    std::deque<Second> m_seconds;
    qint64 m_records = 0;
    int m_running = 0;
};

} // namespace swb
