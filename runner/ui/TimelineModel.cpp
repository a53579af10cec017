#include "TimelineModel.h"

#include <QTimer>

#include <algorithm>
#include <limits>

namespace swb {

namespace {

constexpr qint64 Forever = std::numeric_limits<qint64>::max();

qint64 effectiveEnd(const TimelineBar& bar)
{
    return bar.endMs < 0 ? Forever : bar.endMs;
}

qint64 effectiveEnd(const TimelineSpan& span)
{
    return span.toMs < 0 ? Forever : span.toMs;
}

InvocationOutcome outcomeFromName(const QString& name)
{
    using O = InvocationOutcome;
    for (O o : {O::Success, O::FunctionError, O::InitError, O::Timeout, O::RuntimeExit,
                O::Throttled, O::InvalidRequest, O::ResponseTooLarge, O::OutOfMemory}) {
        if (outcomeName(o) == name)
            return o;
    }
    return name.isEmpty() ? O::Success : O::FunctionError;
}

} // namespace

QString TimelineBar::reportLine() const
{
    if (!hasRecord)
        return {};
    InvocationRecord record;
    record.requestId = requestId;
    record.coldStart = recordCold;
    record.durationMs = durationMs;
    record.initDurationMs = initDurationMs;
    record.billedDurationMs = billedDurationMs;
    record.memorySizeMb = memorySizeMb;
    record.maxMemoryUsedMb = maxMemoryUsedMb;
    return record.reportLine();
}

TimelineModel::TimelineModel(QObject* parent) : QObject(parent), m_changeTimer(new QTimer(this))
{
    m_changeTimer->setSingleShot(true);
    m_changeTimer->setInterval(25);
    connect(m_changeTimer, &QTimer::timeout, this, &TimelineModel::changed);
}

TimelineModel::~TimelineModel() = default;

void TimelineModel::setMaxInvocations(qsizetype max)
{
    m_maxBars = std::max<qsizetype>(1, max);
    trim();
    m_changeTimer->start();
}

void TimelineModel::setChangeInterval(int ms)
{
    m_changeTimer->setInterval(std::max(0, ms));
}

const TimelineBar* TimelineModel::barBySequence(quint64 sequence) const
{
    if (sequence < m_firstSequence || sequence - m_firstSequence >= m_bars.size())
        return nullptr;
    return &m_bars[size_t(sequence - m_firstSequence)];
}

int TimelineModel::laneOf(const QString& function, quint64 instanceId) const
{
    return m_laneIndex.value({function, instanceId}, -1);
}

std::pair<qsizetype, qsizetype> TimelineModel::visibleBars(int laneIndex, qint64 fromMs,
                                                           qint64 toMs) const
{
    // One instance runs one invocation at a time, so a lane's bars are ordered by start and by
    // end alike: the first visible is the first ending at or after fromMs.
    const auto& seqs = m_lanes[size_t(laneIndex)].bars;
    const auto barOf = [this](quint64 seq) -> const TimelineBar& {
        return m_bars[size_t(seq - m_firstSequence)];
    };
    const auto first = std::partition_point(
        seqs.begin(), seqs.end(), [&](quint64 seq) { return effectiveEnd(barOf(seq)) < fromMs; });
    const auto last = std::partition_point(first, seqs.end(),
                                           [&](quint64 seq) { return barOf(seq).startMs <= toMs; });
    return {first - seqs.begin(), last - seqs.begin()};
}

std::pair<qsizetype, qsizetype> TimelineModel::visibleThrottles(int functionIndex, qint64 fromMs,
                                                                qint64 toMs) const
{
    const auto& marks = m_functions[size_t(functionIndex)].throttles;
    const auto first = std::partition_point(
        marks.begin(), marks.end(), [&](const TimelineThrottle& t) { return t.atMs < fromMs; });
    const auto last = std::partition_point(
        first, marks.end(), [&](const TimelineThrottle& t) { return t.atMs <= toMs; });
    return {first - marks.begin(), last - marks.begin()};
}

std::pair<qsizetype, qsizetype> TimelineModel::visibleFrozen(int laneIndex, qint64 fromMs,
                                                             qint64 toMs) const
{
    const auto& spans = m_lanes[size_t(laneIndex)].frozen;
    const auto first = std::partition_point(spans.begin(), spans.end(), [&](const TimelineSpan& s) {
        return effectiveEnd(s) < fromMs;
    });
    const auto last = std::partition_point(first, spans.end(),
                                           [&](const TimelineSpan& s) { return s.fromMs <= toMs; });
    return {first - spans.begin(), last - spans.begin()};
}

qint64 TimelineModel::earliestMs() const
{
    qint64 earliest = m_latestMs;
    if (!m_bars.empty())
        earliest = std::min(earliest, m_bars.front().startMs);
    for (const auto& lane : m_lanes)
        earliest = std::min(earliest, lane.spawnedAtMs);
    for (const auto& f : m_functions) {
        if (!f.throttles.empty())
            earliest = std::min(earliest, f.throttles.front().atMs);
    }
    return earliest;
}

void TimelineModel::clear()
{
    m_bars.clear();
    m_lanes.clear();
    m_functions.clear();
    m_functionIndex.clear();
    m_laneIndex.clear();
    m_firstSequence = 0;
    m_throttleCount = 0;
    m_latestMs = 0;
    m_changeTimer->start();
    emit lanesReset();
}

int TimelineModel::ensureFunction(const QString& function)
{
    const auto it = m_functionIndex.constFind(function);
    if (it != m_functionIndex.constEnd())
        return *it;
    const int index = int(m_functions.size());
    m_functions.push_back(TimelineFunction{function, {}, {}});
    m_functionIndex.insert(function, index);
    return index;
}

int TimelineModel::ensureLane(const QString& function, quint64 instanceId, qint64 atMs)
{
    const auto it = m_laneIndex.constFind({function, instanceId});
    if (it != m_laneIndex.constEnd())
        return *it;
    // An instance first seen after its start (the model attached late): its life starts here.
    const int index = int(m_lanes.size());
    TimelineLane lane;
    lane.function = function;
    lane.instanceId = instanceId;
    lane.spawnedAtMs = atMs;
    m_lanes.push_back(std::move(lane));
    m_laneIndex.insert({function, instanceId}, index);
    m_functions[size_t(ensureFunction(function))].lanes.push_back(index);
    return index;
}

TimelineBar* TimelineModel::findBar(int laneIndex, const QString& requestId)
{
    // The bar looked for is nearly always the lane's last: search from the end.
    const auto& seqs = m_lanes[size_t(laneIndex)].bars;
    for (auto it = seqs.rbegin(); it != seqs.rend(); ++it) {
        TimelineBar& bar = m_bars[size_t(*it - m_firstSequence)];
        if (bar.requestId == requestId)
            return &bar;
    }
    return nullptr;
}

void TimelineModel::advanceTo(qint64 nowMs)
{
    if (nowMs > m_latestMs)
        touch(nowMs);
}

void TimelineModel::touch(qint64 atMs)
{
    m_latestMs = std::max(m_latestMs, atMs);
    if (!m_changeTimer->isActive())
        m_changeTimer->start();
}

void TimelineModel::add(const RunnerEvent& event)
{
    using K = RunnerEvent::Kind;
    const qint64 at = event.atMs;
    switch (event.kind) {
    case K::InstanceStarted: {
        const int index = ensureLane(event.function, event.instanceId, at);
        m_lanes[size_t(index)].spawnedAtMs = at;
        break;
    }
    case K::InstanceReady: {
        TimelineLane& lane = m_lanes[size_t(ensureLane(event.function, event.instanceId, at))];
        lane.readyAtMs = at;
        // The cold invocation that waited for this instance: its handler starts now.
        for (auto it = lane.bars.rbegin(); it != lane.bars.rend(); ++it) {
            TimelineBar& bar = m_bars[size_t(*it - m_firstSequence)];
            if (bar.cold && !bar.initKnown) {
                bar.initEndMs = std::max(bar.startMs, at);
                bar.initKnown = true;
                break;
            }
        }
        break;
    }
    case K::InstanceFrozen: {
        TimelineLane& lane = m_lanes[size_t(ensureLane(event.function, event.instanceId, at))];
        if (lane.frozen.empty() || lane.frozen.back().toMs >= 0)
            lane.frozen.push_back(
                {std::max(at, lane.frozen.empty() ? at : lane.frozen.back().toMs), -1});
        break;
    }
    case K::InstanceThawed: {
        TimelineLane& lane = m_lanes[size_t(ensureLane(event.function, event.instanceId, at))];
        if (!lane.frozen.empty() && lane.frozen.back().toMs < 0)
            lane.frozen.back().toMs = std::max(at, lane.frozen.back().fromMs);
        break;
    }
    case K::InstanceExpired:
    case K::InstanceKilled: {
        TimelineLane& lane = m_lanes[size_t(ensureLane(event.function, event.instanceId, at))];
        if (lane.end == TimelineLane::End::Alive) {
            lane.endedAtMs = at;
            lane.end = event.kind == K::InstanceExpired ? TimelineLane::End::Expired
                                                        : TimelineLane::End::Killed;
            lane.endReason = event.text;
        } else if (lane.endReason.isEmpty()) {
            lane.endReason = event.text; // the runner reports expiry, then the kill with why
        }
        if (!lane.frozen.empty() && lane.frozen.back().toMs < 0)
            lane.frozen.back().toMs = std::max(lane.endedAtMs, lane.frozen.back().fromMs);
        // A bar still running on a dead instance ends with it.
        if (!lane.bars.empty()) {
            TimelineBar& last = m_bars[size_t(lane.bars.back() - m_firstSequence)];
            if (last.endMs < 0) {
                last.endMs = std::max(last.startMs, at);
                if (!last.initKnown) {
                    last.initEndMs = last.endMs;
                    last.initKnown = true;
                }
            }
        }
        break;
    }
    case K::InvocationStarted: {
        const int index = ensureLane(event.function, event.instanceId, at);
        TimelineLane& lane = m_lanes[size_t(index)];
        TimelineBar bar;
        bar.startMs = at;
        bar.initEndMs = at;
        bar.lane = index;
        bar.cold = event.text == QLatin1String("cold");
        if (bar.cold && lane.readyAtMs >= 0 && lane.readyAtMs >= lane.spawnedAtMs)
            bar.initEndMs = std::max(at, lane.readyAtMs); // provisioned ahead: no init wait
        else
            bar.initKnown = !bar.cold;
        bar.requestId = event.requestId;
        // The runner emits in time order, so arrival order is start order. Should an event come
        // late anyway, the lane (which the queries search) stays sorted.
        if (!lane.bars.empty()) {
            const TimelineBar& previous = m_bars[size_t(lane.bars.back() - m_firstSequence)];
            const qint64 earliest = previous.endMs < 0 ? previous.startMs : previous.endMs;
            if (bar.startMs < earliest)
                bar.startMs = bar.initEndMs = earliest;
        }
        lane.bars.push_back(m_firstSequence + m_bars.size());
        m_bars.push_back(std::move(bar));
        if (qsizetype(m_bars.size()) > m_maxBars)
            trim();
        break;
    }
    case K::InvocationFinished: {
        const int index = ensureLane(event.function, event.instanceId, at);
        if (TimelineBar* bar = findBar(index, event.requestId)) {
            bar->endMs = std::max(at, bar->startMs);
            bar->finished = true;
            bar->outcome = outcomeFromName(event.text);
            if (!bar->initKnown) { // never became ready: the whole bar was init
                bar->initEndMs = bar->endMs;
                bar->initKnown = true;
            }
        }
        break;
    }
    case K::Throttled: {
        auto& marks = m_functions[size_t(ensureFunction(event.function))].throttles;
        marks.push_back({marks.empty() ? at : std::max(at, marks.back().atMs), event.requestId});
        ++m_throttleCount;
        break;
    }
    case K::LogLine:
        return; // the timeline shows no log lines: no repaint for them
    }
    touch(at);
}

void TimelineModel::addRecord(const InvocationRecord& record)
{
    const int index = laneOf(record.functionName, record.instanceId);
    if (index < 0)
        return;
    TimelineBar* bar = findBar(index, record.requestId);
    if (!bar)
        return;
    bar->hasRecord = true;
    bar->recordCold = record.coldStart;
    bar->durationMs = record.durationMs;
    bar->initDurationMs = record.initDurationMs;
    bar->billedDurationMs = record.billedDurationMs;
    bar->memorySizeMb = record.memorySizeMb;
    bar->maxMemoryUsedMb = record.maxMemoryUsedMb;
    bar->outcome = record.outcome;
    if (!bar->finished) { // the record arrived before (or without) InvocationFinished
        bar->finished = true;
        if (bar->endMs < 0)
            bar->endMs = std::max(bar->startMs,
                                  bar->startMs + qint64(record.initDurationMs + record.durationMs));
    }
    if (!bar->initKnown) {
        bar->initEndMs = std::min(bar->endMs, bar->startMs + qint64(record.initDurationMs));
        bar->initKnown = true;
    }
    if (!m_changeTimer->isActive())
        m_changeTimer->start();
}

void TimelineModel::trim()
{
    if (qsizetype(m_bars.size()) <= m_maxBars)
        return;
    // Drop in batches so that the cost of erasing from the front is spread over many adds.
    const qsizetype excess = qsizetype(m_bars.size()) - m_maxBars;
    const qsizetype drop =
        std::min<qsizetype>(qsizetype(m_bars.size()), std::max(excess, m_maxBars / 16));
    m_bars.erase(m_bars.begin(), m_bars.begin() + drop);
    m_firstSequence += quint64(drop);
    const qint64 cutoff = m_bars.empty() ? m_latestMs : m_bars.front().startMs;

    // Keep a lane while it has bars, is alive, or ended after the oldest kept bar began.
    std::vector<int> remap(m_lanes.size(), -1);
    std::vector<TimelineLane> kept;
    kept.reserve(m_lanes.size());
    for (size_t i = 0; i < m_lanes.size(); ++i) {
        TimelineLane& lane = m_lanes[i];
        lane.bars.erase(lane.bars.begin(),
                        std::lower_bound(lane.bars.begin(), lane.bars.end(), m_firstSequence));
        lane.frozen.erase(
            lane.frozen.begin(),
            std::partition_point(lane.frozen.begin(), lane.frozen.end(),
                                 [&](const TimelineSpan& s) { return effectiveEnd(s) < cutoff; }));
        const bool ended = lane.end != TimelineLane::End::Alive && lane.endedAtMs < cutoff;
        if (lane.bars.empty() && ended)
            continue;
        remap[i] = int(kept.size());
        kept.push_back(std::move(lane));
    }
    if (kept.size() != m_lanes.size()) {
        m_lanes = std::move(kept);
        for (auto& bar : m_bars)
            bar.lane = remap[size_t(bar.lane)];
        m_laneIndex.clear();
        for (size_t i = 0; i < m_lanes.size(); ++i)
            m_laneIndex.insert({m_lanes[i].function, m_lanes[i].instanceId}, int(i));
        for (auto& f : m_functions) {
            std::vector<int> lanes;
            for (int old : f.lanes) {
                if (remap[size_t(old)] >= 0)
                    lanes.push_back(remap[size_t(old)]);
            }
            f.lanes = std::move(lanes);
        }
        emit lanesReset();
    } else {
        m_lanes = std::move(kept);
    }
    for (auto& f : m_functions) {
        const auto end =
            std::partition_point(f.throttles.begin(), f.throttles.end(),
                                 [&](const TimelineThrottle& t) { return t.atMs < cutoff; });
        m_throttleCount -= end - f.throttles.begin();
        f.throttles.erase(f.throttles.begin(), end);
    }
}

} // namespace swb
