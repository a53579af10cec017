#pragma once
// What the cold/warm timeline draws, built from the runner's event stream: one lane per
// instance (life, init, frozen spans, end), one bar per invocation, throttle marks per function.
//
// Times are the events' atMs (monotonic, since the runner started). Storage is append-only in
// arrival order, which is start order for the runner's stream, and each lane's bars are sorted
// by start and end, so a view finds what is visible by binary search. Memory is bounded: at most
// maxInvocations() bars are kept; past that the oldest are dropped in batches of 1/16 of the cap,
// and with them the throttle marks, frozen spans and ended lanes that lie wholly before the
// oldest kept bar.

#include "InvocationRecord.h"
#include "RunnerEvent.h"

#include <QHash>
#include <QObject>
#include <QString>
#include <QStringList>

#include <utility>
#include <vector>

class QTimer;

namespace swb {

// One invocation on one instance.
struct TimelineBar {
    qint64 startMs = 0;
    qint64 initEndMs = 0; // cold: when the instance became ready (the handler began); else startMs
    qint64 endMs = -1;    // -1 while running
    int lane = -1;        // index into TimelineModel::lane()
    bool cold = false;
    bool initKnown = true; // false for a cold bar until its instance reports ready
    bool finished = false;
    bool hasRecord = false; // the record arrived: the REPORT figures below are set
    bool recordCold = false;
    InvocationOutcome outcome = InvocationOutcome::Success;
    int memorySizeMb = 0;
    int maxMemoryUsedMb = 0;
    qint64 billedDurationMs = 0;
    double durationMs = 0;
    double initDurationMs = 0;
    QString requestId;

    bool failed() const { return finished && outcome != InvocationOutcome::Success; }
    // Lambda's REPORT line, rebuilt from the record's figures (kept as numbers, not text, so that
    // a stored bar stays small); empty until the record arrived.
    QString reportLine() const;
};

// A span of time [fromMs, toMs); toMs is -1 while it lasts.
struct TimelineSpan {
    qint64 fromMs = 0;
    qint64 toMs = -1;
};

// One instance: spawned, ready, frozen spans, and how it ended.
struct TimelineLane {
    enum class End { Alive, Expired, Killed };
    QString function;
    quint64 instanceId = 0;
    qint64 spawnedAtMs = 0;
    qint64 readyAtMs = -1;
    qint64 endedAtMs = -1;
    End end = End::Alive;
    QString endReason;
    std::vector<TimelineSpan> frozen; // sorted, non-overlapping
    std::vector<quint64> bars;        // sequence numbers of its bars, ascending (by start)
};

struct TimelineThrottle {
    qint64 atMs = 0;
    QString requestId;
};

// The lanes of one function, in spawn order, and its throttle marks.
struct TimelineFunction {
    QString name;
    std::vector<int> lanes;
    std::vector<TimelineThrottle> throttles; // sorted by atMs
};

class TimelineModel : public QObject {
    Q_OBJECT
public:
    // About 200 bytes a bar with a UUID request id: the default keeps the timeline near 40 MB.
    static constexpr qsizetype DefaultMaxInvocations = 200'000;

    explicit TimelineModel(QObject* parent = nullptr);
    ~TimelineModel() override;

    // At most this many bars are stored (oldest dropped first). Lowering it trims at once.
    void setMaxInvocations(qsizetype max);
    qsizetype maxInvocations() const { return m_maxBars; }
    // changed() fires at most once per interval (default 25 ms); 0 = on the next event loop turn.
    void setChangeInterval(int ms);

    // Bars: stored in arrival (= start) order; index 0 is the oldest kept.
    qsizetype barCount() const { return qsizetype(m_bars.size()); }
    const TimelineBar& bar(qsizetype index) const { return m_bars[size_t(index)]; }
    // The bar with this sequence number (as held by TimelineLane::bars), or nullptr if dropped.
    const TimelineBar* barBySequence(quint64 sequence) const;
    quint64 droppedInvocations() const { return m_firstSequence; }

    int laneCount() const { return int(m_lanes.size()); }
    const TimelineLane& lane(int index) const { return m_lanes[size_t(index)]; }
    int laneOf(const QString& function, quint64 instanceId) const;

    // Functions in the order they first appeared.
    int functionCount() const { return int(m_functions.size()); }
    const TimelineFunction& function(int index) const { return m_functions[size_t(index)]; }

    // The positions in lane(laneIndex).bars of the bars overlapping [fromMs, toMs], as the
    // half-open range [first, last). A running bar extends to +infinity. O(log n).
    std::pair<qsizetype, qsizetype> visibleBars(int laneIndex, qint64 fromMs, qint64 toMs) const;
    // The positions in function(f).throttles within [fromMs, toMs], half-open.
    std::pair<qsizetype, qsizetype> visibleThrottles(int functionIndex, qint64 fromMs,
                                                     qint64 toMs) const;
    // The positions in lane(laneIndex).frozen overlapping [fromMs, toMs], half-open.
    std::pair<qsizetype, qsizetype> visibleFrozen(int laneIndex, qint64 fromMs, qint64 toMs) const;

    // The earliest time stored (oldest bar, lane or throttle) and the latest event's time.
    qint64 earliestMs() const;
    qint64 latestMs() const { return m_latestMs; }
    bool isEmpty() const { return m_lanes.empty() && m_throttleCount == 0; }

    void clear();

public slots:
    void add(const swb::RunnerEvent& event);
    // Attaches the REPORT line and the outcome to the invocation's bar.
    void addRecord(const swb::InvocationRecord& record);
    // The runner's clock moved on with nothing to report (an invocation still running): the
    // time axis and the running bars reach `nowMs`. Never moves backwards.
    void advanceTo(qint64 nowMs);

signals:
    void changed(); // coalesced: at most once per change interval
    // Lanes or functions were removed or renumbered (clear, trim): emitted at once, so views
    // drop the indexes they hold before their next paint rather than at the next changed().
    void lanesReset();

private:
    int ensureLane(const QString& function, quint64 instanceId, qint64 atMs);
    int ensureFunction(const QString& function);
    TimelineBar* findBar(int laneIndex, const QString& requestId);
    void trim();
    void touch(qint64 atMs);

    std::vector<TimelineBar> m_bars;
    std::vector<TimelineLane> m_lanes;
    std::vector<TimelineFunction> m_functions;
    QHash<QString, int> m_functionIndex;
    QHash<std::pair<QString, quint64>, int> m_laneIndex;
    quint64 m_firstSequence = 0; // sequence number of m_bars[0]
    qsizetype m_maxBars = DefaultMaxInvocations;
    qsizetype m_throttleCount = 0;
    qint64 m_latestMs = 0;
    QTimer* m_changeTimer = nullptr;
};

} // namespace swb
