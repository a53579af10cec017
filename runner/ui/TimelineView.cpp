#include "TimelineView.h"

#include "TimelineModel.h"

#include <QHelpEvent>
#include <QImage>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolButton>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace swb {

namespace {

// Semantic colours, chosen to read on light and dark palettes alike.
const QColor ColdColor(0xE8, 0x8A, 0x1A);  // init: spawn to ready
const QColor WarmColor(0x2F, 0x7F, 0xD8);  // the handler's time
const QColor ErrorColor(0xE0, 0x2A, 0x2A); // failed invocations, throttles, kills

// A bar narrower than this (logical pixels) joins its lane's per-pixel summary.
constexpr double DetailPx = 3.0;
constexpr double MinSpanMs = 0.5;
constexpr double MaxSpanMs = 1e10;

// Per-pixel summary priorities (higher wins a column).
constexpr quint32 SummaryWarm = 1, SummaryCold = 2, SummaryError = 3;

double niceStep(double atLeast)
{
    // 1, 2, 5 x 10^k; minutes and hours by 1, 2, 5, 10, 15, 30 of them.
    if (atLeast >= 60'000) {
        for (double m : {1.0, 2.0, 5.0, 10.0, 15.0, 30.0, 60.0, 120.0, 300.0, 600.0, 1440.0}) {
            if (m * 60'000 >= atLeast)
                return m * 60'000;
        }
    }
    const double magnitude = std::pow(10.0, std::floor(std::log10(std::max(atLeast, 1e-3))));
    for (double f : {1.0, 2.0, 5.0, 10.0}) {
        if (f * magnitude >= atLeast)
            return f * magnitude;
    }
    return 10 * magnitude;
}

QString tickLabel(double ms, double stepMs)
{
    if (stepMs >= 60'000) {
        const qint64 totalSeconds = qint64(std::llround(ms / 1000));
        const qint64 minutes = totalSeconds / 60;
        return QStringLiteral("%1:%2").arg(minutes).arg(totalSeconds % 60, 2, 10, QLatin1Char('0'));
    }
    if (stepMs >= 1000)
        return QStringLiteral("%1 s").arg(ms / 1000, 0, 'f', 0);
    const int decimals = std::clamp(int(std::ceil(-std::log10(stepMs / 1000) - 1e-9)), 1, 4);
    return QStringLiteral("%1 s").arg(ms / 1000, 0, 'f', decimals);
}

// A rectangle's outline as four fills: a stroked pen is far slower at fractional device ratios.
void outline(QPainter& painter, const QRectF& r, const QColor& color, double width)
{
    painter.fillRect(QRectF(r.left(), r.top(), r.width(), width), color);
    painter.fillRect(QRectF(r.left(), r.bottom() - width, r.width(), width), color);
    painter.fillRect(QRectF(r.left(), r.top(), width, r.height()), color);
    painter.fillRect(QRectF(r.right() - width, r.top(), width, r.height()), color);
}

QColor mix(const QColor& under, const QColor& over, double amount)
{
    const auto channel = [amount](int a, int b) { return int(std::lround(a + (b - a) * amount)); };
    return QColor(channel(under.red(), over.red()), channel(under.green(), over.green()),
                  channel(under.blue(), over.blue()));
}

QString formatMs(double ms)
{
    return QStringLiteral("%1 s").arg(ms / 1000, 0, 'f', 3);
}

} // namespace

TimelineView::TimelineView(QWidget* parent) : QWidget(parent)
{
    setFocusPolicy(Qt::StrongFocus);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setAccessibleName(tr("Invocation timeline"));
    setAccessibleDescription(
        tr("One lane per instance, one bar per invocation: cold start init, handler time, "
           "frozen time, expiry and throttles. Arrow keys pan, plus and minus zoom, F fits, "
           "End follows live."));
    m_liveButton = new QToolButton(this);
    m_liveButton->setText(tr("Live"));
    m_liveButton->setCheckable(true);
    m_liveButton->setChecked(m_followLive);
    m_liveButton->setAutoRaise(true);
    m_liveButton->setToolTip(tr("Follow live: keep the latest time in view (End)"));
    m_liveButton->setAccessibleName(tr("Follow live"));
    m_liveButton->setFocusPolicy(Qt::NoFocus); // End does it from the keyboard
    connect(m_liveButton, &QToolButton::toggled, this, &TimelineView::setFollowLive);
    placeLiveButton();
}

TimelineView::~TimelineView() = default;

void TimelineView::setModel(TimelineModel* model)
{
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    m_model = model;
    if (m_model) {
        connect(m_model, &TimelineModel::changed, this, &TimelineView::onModelChanged);
        connect(m_model, &TimelineModel::lanesReset, this, [this] {
            rebuildRows();
            update();
        });
    }
    onModelChanged();
}

double TimelineView::visibleToMs() const
{
    return m_fromMs + m_spanMs;
}

void TimelineView::setVisibleRange(double fromMs, double toMs)
{
    m_spanMs = std::clamp(toMs - fromMs, MinSpanMs, MaxSpanMs);
    m_fromMs = fromMs;
    emitRangeChanged();
    update();
}

QColor TimelineView::coldColor()
{
    return ColdColor;
}

QColor TimelineView::warmColor()
{
    return WarmColor;
}

QColor TimelineView::errorColor()
{
    return ErrorColor;
}

QSize TimelineView::sizeHint() const
{
    return {900, 220}; // a strip under the editor; it grows with its dock
}

QSize TimelineView::minimumSizeHint() const
{
    return {320, 120};
}

void TimelineView::onModelChanged()
{
    rebuildRows();
    if (m_followLive && m_model) {
        const double latest = double(m_model->latestMs());
        // Keep the latest time near the right edge; start at 0 until the data fills the view.
        m_fromMs = std::max(0.0, latest - m_spanMs * 0.97);
        emitRangeChanged();
    }
    update();
}

void TimelineView::rebuildRows()
{
    m_rows.clear();
    m_rowOfLane.clear();
    const QFontMetrics fm(font());
    const int headerHeight = fm.height() + 6;
    const int laneHeight = std::max(14, fm.height() + 2);
    int y = 0;
    if (m_model) {
        m_rowOfLane.assign(size_t(m_model->laneCount()), -1);
        for (int f = 0; f < m_model->functionCount(); ++f) {
            m_rows.push_back({f, -1, y, headerHeight});
            y += headerHeight;
            for (int lane : m_model->function(f).lanes) {
                m_rowOfLane[size_t(lane)] = int(m_rows.size());
                m_rows.push_back({f, lane, y, laneHeight});
                y += laneHeight;
            }
        }
    }
    m_contentHeight = y;
    clampScroll();
}

QRect TimelineView::plotRect() const
{
    const QFontMetrics fm(font());
    const int labelWidth = std::clamp(fm.horizontalAdvance(QLatin1Char('M')) * 14, 120, 260);
    const int axisHeight = fm.height() + 10;
    const int legendHeight = fm.height() + 8;
    return QRect(labelWidth, axisHeight, std::max(1, width() - labelWidth),
                 std::max(1, height() - axisHeight - legendHeight));
}

double TimelineView::msPerPixel() const
{
    return m_spanMs / std::max(1, plotRect().width());
}

double TimelineView::xOf(double ms) const
{
    const QRect plot = plotRect();
    return plot.left() + (ms - m_fromMs) / m_spanMs * plot.width();
}

double TimelineView::msAt(double x) const
{
    const QRect plot = plotRect();
    return m_fromMs + (x - plot.left()) / plot.width() * m_spanMs;
}

size_t TimelineView::firstVisibleRow() const
{
    const auto it = std::upper_bound(m_rows.begin(), m_rows.end(), m_scrollY,
                                     [](int value, const Row& row) { return value < row.y; });
    return it == m_rows.begin() ? 0 : size_t(it - 1 - m_rows.begin());
}

int TimelineView::rowAt(int y) const
{
    const QRect plot = plotRect();
    if (y < plot.top() || y >= plot.bottom() + 1)
        return -1;
    const int contentY = y - plot.top() + m_scrollY;
    const auto it = std::upper_bound(m_rows.begin(), m_rows.end(), contentY,
                                     [](int value, const Row& row) { return value < row.y; });
    if (it == m_rows.begin())
        return -1;
    const auto& row = *(it - 1);
    return contentY < row.y + row.height ? int(it - 1 - m_rows.begin()) : -1;
}

void TimelineView::clampScroll()
{
    const int maxScroll = std::max(0, m_contentHeight - plotRect().height());
    m_scrollY = std::clamp(m_scrollY, 0, maxScroll);
}

void TimelineView::emitRangeChanged()
{
    emit visibleRangeChanged(m_fromMs, visibleToMs());
}

void TimelineView::fit()
{
    if (!m_model || m_model->isEmpty()) {
        setVisibleRange(0, 10'000);
        return;
    }
    const double from = double(m_model->earliestMs());
    const double to = double(m_model->latestMs());
    const double margin = std::max((to - from) * 0.02, 1.0);
    setVisibleRange(from - margin, to + margin);
}

void TimelineView::setFollowLive(bool follow)
{
    if (m_followLive == follow)
        return;
    m_followLive = follow;
    {
        const QSignalBlocker blocker(m_liveButton);
        m_liveButton->setChecked(follow);
    }
    if (follow)
        onModelChanged();
    emit followLiveChanged(follow);
}

void TimelineView::zoomBy(double factor, double aroundX)
{
    // While following live the right edge stays on the latest time.
    const QRect plot = plotRect();
    const double anchorX = m_followLive ? plot.left() + plot.width() * 0.97 : aroundX;
    const double anchorMs = msAt(anchorX);
    m_spanMs = std::clamp(m_spanMs * factor, MinSpanMs, MaxSpanMs);
    m_fromMs = anchorMs - (anchorX - plot.left()) / plot.width() * m_spanMs;
    if (m_followLive)
        onModelChanged();
    emitRangeChanged();
    update();
}

void TimelineView::panByPixels(double dx)
{
    setFollowLive(false);
    m_fromMs -= dx * msPerPixel();
    emitRangeChanged();
    update();
}

void TimelineView::selectInvocation(const QString& requestId)
{
    if (m_selected == requestId)
        return;
    m_selected = requestId;
    update();
    emit invocationSelected(requestId);
}

// --- hit testing -------------------------------------------------------------------------

TimelineView::Hit TimelineView::hitAt(const QPoint& pos) const
{
    Hit hit;
    if (!m_model)
        return hit;
    hit.row = rowAt(pos.y());
    const QRect plot = plotRect();
    if (hit.row < 0 || pos.x() < plot.left())
        return hit;
    const Row& row = m_rows[size_t(hit.row)];
    const double t = msAt(pos.x());
    const double tolerance = 3 * msPerPixel();
    if (row.lane < 0) {
        const auto [first, last] = m_model->visibleThrottles(
            row.function, qint64(std::floor(t - tolerance)), qint64(std::ceil(t + tolerance)));
        double best = tolerance + 1;
        const auto& marks = m_model->function(row.function).throttles;
        for (qsizetype i = first; i < last; ++i) {
            const double d = std::abs(double(marks[size_t(i)].atMs) - t);
            if (d < best) {
                best = d;
                hit.throttle = int(i);
            }
        }
        return hit;
    }
    const TimelineLane& lane = m_model->lane(row.lane);
    const auto [first, last] = m_model->visibleBars(row.lane, qint64(std::floor(t - tolerance)),
                                                    qint64(std::ceil(t + tolerance)));
    double best = tolerance + 1;
    const double latest = double(m_model->latestMs());
    for (qsizetype i = first; i < last; ++i) {
        const quint64 seq = lane.bars[size_t(i)];
        const TimelineBar& bar = *m_model->barBySequence(seq);
        const double end = bar.endMs < 0 ? latest : double(bar.endMs);
        const double d = t < bar.startMs ? bar.startMs - t : (t > end ? t - end : 0.0);
        if (d < best) {
            best = d;
            hit.sequence = qint64(seq);
        }
    }
    if (hit.sequence < 0 && lane.end != TimelineLane::End::Alive &&
        std::abs(xOf(double(lane.endedAtMs)) - pos.x()) <= 4)
        hit.endCap = true;
    return hit;
}

QString TimelineView::requestIdAt(const QPoint& pos) const
{
    const Hit hit = hitAt(pos);
    if (hit.sequence >= 0)
        return m_model->barBySequence(quint64(hit.sequence))->requestId;
    return {};
}

QPoint TimelineView::barCenter(const QString& requestId) const
{
    if (!m_model)
        return {};
    for (qsizetype i = m_model->barCount() - 1; i >= 0; --i) {
        const TimelineBar& bar = m_model->bar(i);
        if (bar.requestId != requestId)
            continue;
        const int rowIndex = m_rowOfLane[size_t(bar.lane)];
        if (rowIndex < 0)
            return {};
        const Row& row = m_rows[size_t(rowIndex)];
        const double end = bar.endMs < 0 ? double(m_model->latestMs()) : double(bar.endMs);
        return QPoint(int(std::lround((xOf(double(bar.startMs)) + xOf(end)) / 2)),
                      plotRect().top() + row.y - m_scrollY + row.height / 2);
    }
    return {};
}

QString TimelineView::toolTipAt(const QPoint& pos) const
{
    if (!m_model)
        return {};
    const Hit hit = hitAt(pos);
    if (hit.row < 0)
        return {};
    const Row& row = m_rows[size_t(hit.row)];
    if (hit.sequence >= 0) {
        const TimelineBar& bar = *m_model->barBySequence(quint64(hit.sequence));
        if (bar.hasRecord)
            return bar.reportLine();
        const QString kind = bar.cold ? tr("cold start") : tr("warm start");
        if (bar.endMs < 0)
            return tr("RequestId: %1 (%2, running since %3)")
                .arg(bar.requestId, kind, formatMs(double(bar.startMs)));
        return tr("RequestId: %1 (%2, %3 ms, %4)")
            .arg(bar.requestId, kind)
            .arg(bar.endMs - bar.startMs)
            .arg(outcomeName(bar.outcome));
    }
    if (hit.throttle >= 0) {
        const TimelineThrottle& mark =
            m_model->function(row.function).throttles[size_t(hit.throttle)];
        return tr("Throttled at %1: TooManyRequestsException (RequestId: %2)")
            .arg(formatMs(double(mark.atMs)), mark.requestId);
    }
    if (row.lane >= 0) {
        const TimelineLane& lane = m_model->lane(row.lane);
        if (hit.endCap || pos.x() < plotRect().left()) {
            QString text = tr("%1, instance %2, started at %3")
                               .arg(lane.function)
                               .arg(lane.instanceId)
                               .arg(formatMs(double(lane.spawnedAtMs)));
            if (lane.end == TimelineLane::End::Expired)
                text +=
                    QLatin1Char('\n') +
                    tr("Expired at %1: %2").arg(formatMs(double(lane.endedAtMs)), lane.endReason);
            else if (lane.end == TimelineLane::End::Killed)
                text +=
                    QLatin1Char('\n') +
                    tr("Killed at %1: %2").arg(formatMs(double(lane.endedAtMs)), lane.endReason);
            return text;
        }
    }
    return {};
}

// --- events --------------------------------------------------------------------------------

bool TimelineView::event(QEvent* event)
{
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const QString text = toolTipAt(help->pos());
        if (text.isEmpty()) {
            QToolTip::hideText();
            event->ignore();
        } else {
            QToolTip::showText(help->globalPos(), text, this);
        }
        return true;
    }
    return QWidget::event(event);
}

void TimelineView::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    clampScroll();
    placeLiveButton();
    if (m_followLive)
        onModelChanged();
}

void TimelineView::placeLiveButton()
{
    const QSize hint = m_liveButton->sizeHint();
    const int axisHeight = plotRect().top();
    m_liveButton->setGeometry(width() - hint.width() - 2,
                              std::max(0, (axisHeight - hint.height()) / 2), hint.width(),
                              std::min(hint.height(), axisHeight));
}

void TimelineView::wheelEvent(QWheelEvent* event)
{
    const QPoint delta = event->angleDelta();
    if (event->modifiers() & Qt::ShiftModifier) { // scroll the lanes
        m_scrollY -= (delta.y() != 0 ? delta.y() : delta.x()) / 4;
        clampScroll();
        update();
    } else if (delta.y() != 0) {
        zoomBy(std::pow(0.8, delta.y() / 120.0), event->position().x());
    } else if (delta.x() != 0) {
        panByPixels(delta.x() / 2.0);
    }
    event->accept();
}

void TimelineView::mousePressEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton)
        return QWidget::mousePressEvent(event);
    m_dragging = true;
    m_dragMoved = false;
    m_pressPos = m_lastDragPos = event->position().toPoint();
    event->accept();
}

void TimelineView::mouseMoveEvent(QMouseEvent* event)
{
    if (!m_dragging)
        return QWidget::mouseMoveEvent(event);
    const QPoint pos = event->position().toPoint();
    if (!m_dragMoved && (pos - m_pressPos).manhattanLength() < 4)
        return;
    if (!m_dragMoved)
        setCursor(Qt::ClosedHandCursor);
    m_dragMoved = true;
    const QPoint delta = pos - m_lastDragPos;
    m_lastDragPos = pos;
    m_scrollY -= delta.y();
    clampScroll();
    if (delta.x() != 0)
        panByPixels(delta.x());
    else
        update();
}

void TimelineView::mouseReleaseEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton || !m_dragging)
        return QWidget::mouseReleaseEvent(event);
    m_dragging = false;
    if (m_dragMoved) {
        unsetCursor();
        return;
    }
    const Hit hit = hitAt(event->position().toPoint());
    if (hit.sequence >= 0)
        selectInvocation(m_model->barBySequence(quint64(hit.sequence))->requestId);
}

qint64 TimelineView::selectedSequence() const
{
    if (!m_model || m_selected.isEmpty())
        return -1;
    for (qsizetype i = m_model->barCount() - 1; i >= 0; --i) {
        if (m_model->bar(i).requestId == m_selected)
            return qint64(m_model->droppedInvocations()) + i;
    }
    return -1;
}

void TimelineView::stepSelection(int direction)
{
    if (!m_model || m_model->barCount() == 0)
        return;
    const qint64 first = qint64(m_model->droppedInvocations());
    const qint64 count = m_model->barCount();
    qint64 index = selectedSequence();
    if (index >= 0) {
        index = index - first + direction;
    } else {
        // Nothing selected: start from what is in view, the first bar starting in it going
        // forwards, the last one going backwards. Bars are stored in start order.
        const double edge = direction > 0 ? m_fromMs : visibleToMs();
        qint64 lo = 0, hi = count;
        while (lo < hi) {
            const qint64 mid = (lo + hi) / 2;
            if (double(m_model->bar(mid).startMs) < edge)
                lo = mid + 1;
            else
                hi = mid;
        }
        index = direction > 0 ? lo : lo - 1;
        index = std::clamp<qint64>(index, 0, count - 1);
    }
    // Skip bars whose lane has no row (cannot happen today, but a hidden lane must not trap).
    while (index >= 0 && index < count) {
        const int lane = m_model->bar(index).lane;
        if (lane >= 0 && size_t(lane) < m_rowOfLane.size() && m_rowOfLane[size_t(lane)] >= 0) {
            selectSequence(quint64(first + index));
            return;
        }
        index += direction;
    }
}

void TimelineView::selectInNeighbourLane(int direction)
{
    const qint64 current = selectedSequence();
    if (current < 0)
        return stepSelection(direction);
    const TimelineBar& bar = *m_model->barBySequence(quint64(current));
    const double at = double(bar.startMs);
    for (int r = m_rowOfLane[size_t(bar.lane)] + direction; r >= 0 && r < int(m_rows.size());
         r += direction) {
        const Row& row = m_rows[size_t(r)];
        if (row.lane < 0)
            continue;
        // The bar of that lane nearest in time to the selected one's start.
        const std::vector<quint64>& seqs = m_model->lane(row.lane).bars;
        qint64 best = -1;
        double bestDistance = 0;
        for (quint64 seq : seqs) {
            const TimelineBar* candidate = m_model->barBySequence(seq);
            if (!candidate)
                continue;
            const double distance = std::abs(double(candidate->startMs) - at);
            if (best < 0 || distance < bestDistance) {
                best = qint64(seq);
                bestDistance = distance;
            }
            if (double(candidate->startMs) > at)
                break; // sorted by start: the rest are farther
        }
        if (best >= 0)
            return selectSequence(quint64(best));
    }
}

void TimelineView::selectSequence(quint64 sequence)
{
    const TimelineBar* bar = m_model->barBySequence(sequence);
    if (!bar)
        return;
    // Bring it into view: centred in time when it is outside, its lane scrolled into view.
    const double end = bar->endMs < 0 ? double(m_model->latestMs()) : double(bar->endMs);
    if (double(bar->startMs) < m_fromMs || end > visibleToMs()) {
        setFollowLive(false);
        const double span = std::max(m_spanMs, (end - double(bar->startMs)) * 1.25);
        setVisibleRange((double(bar->startMs) + end - span) / 2,
                        (double(bar->startMs) + end + span) / 2);
    }
    const Row& row = m_rows[size_t(m_rowOfLane[size_t(bar->lane)])];
    const int visibleHeight = plotRect().height();
    if (row.y < m_scrollY)
        m_scrollY = row.y;
    else if (row.y + row.height > m_scrollY + visibleHeight)
        m_scrollY = row.y + row.height - visibleHeight;
    clampScroll();
    selectInvocation(bar->requestId);
    update();
}

void TimelineView::keyPressEvent(QKeyEvent* event)
{
    const QRect plot = plotRect();
    const double centerX = plot.left() + plot.width() / 2.0;
    const int laneStep = m_rows.empty() ? 16 : m_rows.back().height;
    // Ctrl+arrows (and [ ]) move the selection from invocation to invocation; plain arrows pan.
    if (event->modifiers() & Qt::ControlModifier) {
        switch (event->key()) {
        case Qt::Key_Right:
            stepSelection(1);
            return event->accept();
        case Qt::Key_Left:
            stepSelection(-1);
            return event->accept();
        case Qt::Key_Down:
            selectInNeighbourLane(1);
            return event->accept();
        case Qt::Key_Up:
            selectInNeighbourLane(-1);
            return event->accept();
        default:
            break;
        }
    }
    switch (event->key()) {
    case Qt::Key_BracketRight:
        stepSelection(1);
        break;
    case Qt::Key_BracketLeft:
        stepSelection(-1);
        break;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (!m_selected.isEmpty())
            emit invocationSelected(m_selected); // show its logs again
        break;
    case Qt::Key_Left:
        panByPixels(plot.width() / 10.0);
        break;
    case Qt::Key_Right:
        panByPixels(-plot.width() / 10.0);
        break;
    case Qt::Key_Up:
    case Qt::Key_Down:
    case Qt::Key_PageUp:
    case Qt::Key_PageDown: {
        const bool page = event->key() == Qt::Key_PageUp || event->key() == Qt::Key_PageDown;
        const bool up = event->key() == Qt::Key_Up || event->key() == Qt::Key_PageUp;
        m_scrollY += (up ? -1 : 1) * (page ? plot.height() - laneStep : laneStep);
        clampScroll();
        update();
        break;
    }
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomBy(1 / 1.5, centerX);
        break;
    case Qt::Key_Minus:
    case Qt::Key_Underscore:
        zoomBy(1.5, centerX);
        break;
    case Qt::Key_F:
        fit();
        break;
    case Qt::Key_End:
        setFollowLive(true);
        break;
    case Qt::Key_Home:
        if (m_model) {
            setFollowLive(false);
            setVisibleRange(double(m_model->earliestMs()),
                            double(m_model->earliestMs()) + m_spanMs);
        }
        break;
    case Qt::Key_Escape:
        if (!m_selected.isEmpty()) {
            m_selected.clear();
            update();
        }
        break;
    default:
        return QWidget::keyPressEvent(event);
    }
    event->accept();
}

// --- painting ------------------------------------------------------------------------------

void TimelineView::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    paint(painter);
}

void TimelineView::paint(QPainter& painter)
{
    const double dpr = painter.device()->devicePixelRatioF();
    const QRect plot = plotRect();
    painter.fillRect(rect(), palette().window());
    painter.fillRect(plot, palette().base());
    paintRows(painter, plot, dpr);
    paintAxis(painter, plot);
    paintLegend(painter);
    if (hasFocus()) {
        outline(painter, QRectF(rect()), palette().highlight().color(), 1);
    }
}

double TimelineView::tickStepMs() const
{
    const QFontMetrics fm(font());
    return niceStep(msPerPixel() *
                    std::max(80, fm.horizontalAdvance(QStringLiteral("00:00.000")) + 20));
}

void TimelineView::paintAxis(QPainter& painter, const QRect& plot)
{
    const QFontMetrics fm(font());
    const double stepMs = tickStepMs();
    const QColor text = palette().color(QPalette::WindowText);
    painter.save();
    painter.setPen(text);
    const int axisBottom = plot.top() - 1;
    painter.fillRect(QRect(plot.left(), axisBottom, plot.width(), 1), text);
    const double first = std::ceil(m_fromMs / stepMs) * stepMs;
    const int buttonLeft = m_liveButton->geometry().left();
    for (double t = first; t <= visibleToMs(); t += stepMs) {
        const double x = xOf(t);
        painter.setPen(text);
        painter.fillRect(QRectF(x, axisBottom - 4, 1, 4), text);
        const QString label = tickLabel(t, stepMs);
        const double w = fm.horizontalAdvance(label);
        const double left = std::max<double>(x - w / 2, plot.left());
        if (left + w > buttonLeft - 2)
            continue;
        painter.drawText(QPointF(left, axisBottom - 6), label);
    }
    painter.restore();
}

void TimelineView::paintRows(QPainter& painter, const QRect& plot, double dpr)
{
    if (!m_model)
        return;
    const QFontMetrics fm(font());
    QFont bold = font();
    bold.setBold(true);
    const double latest = double(m_model->latestMs());
    const double toMs = visibleToMs();
    const qint64 queryFrom = qint64(std::floor(m_fromMs)) - 1;
    const qint64 queryTo = qint64(std::ceil(toMs)) + 1;
    const double plotLeft = plot.left();
    const double pxPerMs = plot.width() / m_spanMs;
    const auto x = [&](double ms) { return plotLeft + (ms - m_fromMs) * pxPerMs; };
    const double clipLeft = plotLeft - 4, clipRight = plot.right() + 4.0;

    const QColor textColor = palette().color(QPalette::Text);
    const QColor windowText = palette().color(QPalette::WindowText);
    // Opaque mixes of Text over Base rather than translucent colours: the raster engine fills
    // opaque spans several times faster, which is most of a frame's cost at ratio 2.
    const QColor base = palette().color(QPalette::Base);
    const QColor lifeColor = mix(base, textColor, 0.35);
    const QColor frozenFill = mix(base, textColor, 0.10);
    const QBrush hatch(mix(base, textColor, 0.40), Qt::BDiagPattern);
    const QColor expiredColor = mix(base, windowText, 0.7);
    const QColor highlight = palette().color(QPalette::Highlight);

    // The per-pixel summary: one row of device pixels per lane, stretched to the bar's height.
    const int columns = std::max(1, int(std::ceil(plot.width() * dpr)));
    m_rowPixels.assign(size_t(columns), 0);
    QImage summary(reinterpret_cast<uchar*>(m_rowPixels.data()), columns, 1, columns * 4,
                   QImage::Format_ARGB32_Premultiplied);
    const quint32 summaryColors[4] = {0, WarmColor.rgba(), ColdColor.rgba(), ErrorColor.rgba()};
    const double colsPerMs = pxPerMs * dpr;

    const int top = plot.top();
    const int bottom = plot.bottom();
    painter.save();
    // Row backgrounds, then the time grid, then what each row holds.
    painter.setClipRect(QRect(0, top, width(), plot.height()));
    for (size_t r = firstVisibleRow(); r < m_rows.size(); ++r) {
        const Row& row = m_rows[r];
        const int y = top + row.y - m_scrollY;
        if (y > bottom)
            break;
        // No per-lane stripes: each is a large fill, and the life line tells lanes apart.
        if (row.lane < 0)
            painter.fillRect(QRect(0, y, width(), row.height), palette().button());
    }
    {
        const QColor grid = mix(palette().color(QPalette::Base), textColor, 0.12);
        const double stepMs = tickStepMs();
        for (double t = std::ceil(m_fromMs / stepMs) * stepMs; t <= toMs; t += stepMs)
            painter.fillRect(QRectF(x(t), top, 1, plot.height()), grid);
    }
    std::vector<QRectF> frozenRects;
    for (size_t r = firstVisibleRow(); r < m_rows.size(); ++r) {
        const Row& row = m_rows[r];
        const int y = top + row.y - m_scrollY;
        if (y + row.height <= top)
            continue;
        if (y > bottom)
            break;
        const QRect rowRect(0, y, width(), row.height);
        painter.setClipRect(QRect(0, top, width(), plot.height()));
        if (row.lane < 0) {
            // The function's header: its name, and a red tick per throttled request.
            const TimelineFunction& function = m_model->function(row.function);
            painter.setPen(palette().color(QPalette::ButtonText));
            painter.setFont(bold);
            painter.drawText(QRect(6, y, plot.left() - 10, row.height),
                             Qt::AlignVCenter | Qt::AlignLeft,
                             fm.elidedText(function.name, Qt::ElideRight, plot.left() - 12));
            painter.setFont(font());
            painter.setClipRect(QRect(plot.left(), top, plot.width(), plot.height()));
            const auto [first, last] = m_model->visibleThrottles(row.function, queryFrom, queryTo);
            double lastX = -1e9;
            for (qsizetype i = first; i < last; ++i) {
                const double tx = x(double(function.throttles[size_t(i)].atMs));
                if (tx - lastX < 1.0 / dpr)
                    continue; // one tick per device pixel is enough
                lastX = tx;
                painter.fillRect(QRectF(tx - 1, y + 2, 2, row.height - 4), ErrorColor);
            }
            continue;
        }

        const TimelineLane& lane = m_model->lane(row.lane);
        painter.setPen(textColor);
        painter.drawText(QRect(14, y, plot.left() - 18, row.height), Qt::AlignVCenter,
                         fm.elidedText(tr("%1 #%2").arg(lane.function).arg(lane.instanceId),
                                       Qt::ElideMiddle, plot.left() - 18));
        painter.setClipRect(QRect(plot.left(), top, plot.width(), plot.height()));

        // The instance's life, and its frozen spans hatched.
        const double lifeEnd = lane.endedAtMs >= 0 ? double(lane.endedAtMs) : latest;
        const double lx0 = std::max(clipLeft, x(double(lane.spawnedAtMs)));
        const double lx1 = std::min(clipRight, x(lifeEnd));
        const double barTop = y + row.height * 0.18;
        const double barHeight = row.height * 0.64;
        // The instance's life: a thin line through the lane (thin, so cheap at any ratio), in the
        // cold colour while it initialises (provisioned instances start with no invocation).
        if (lx1 > lx0)
            painter.fillRect(QRectF(lx0, y + row.height / 2.0 - 1, lx1 - lx0, 2), lifeColor);
        const double readyAt = lane.readyAtMs >= 0 ? double(lane.readyAtMs) : lifeEnd;
        const double rx1 = std::min(clipRight, x(readyAt));
        if (rx1 > lx0)
            painter.fillRect(QRectF(lx0, y + row.height / 2.0 - 1, rx1 - lx0, 2), ColdColor);
        frozenRects.clear();
        {
            const auto [first, last] = m_model->visibleFrozen(row.lane, queryFrom, queryTo);
            for (qsizetype i = first; i < last; ++i) {
                const TimelineSpan& span = lane.frozen[size_t(i)];
                const double fx0 = std::max(clipLeft, x(double(span.fromMs)));
                const double fx1 =
                    std::min(clipRight, x(span.toMs < 0 ? lifeEnd : double(span.toMs)));
                if (fx1 - fx0 < 2)
                    continue; // narrower than two pixels: nothing to see between the bars
                if (!frozenRects.empty() && fx0 - frozenRects.back().right() < 1)
                    frozenRects.back().setRight(fx1);
                else
                    frozenRects.emplace_back(fx0, y + 1, fx1 - fx0, row.height - 2);
            }
            for (const QRectF& fr : frozenRects) {
                painter.fillRect(fr, frozenFill);
                painter.fillRect(fr, hatch);
            }
        }

        // Bars: wide ones drawn one by one, narrow ones summarised per device pixel.
        const auto [first, last] = m_model->visibleBars(row.lane, queryFrom, queryTo);
        int minCol = columns, maxCol = -1;
        for (qsizetype i = first; i < last; ++i) {
            const TimelineBar& bar = *m_model->barBySequence(lane.bars[size_t(i)]);
            const double end = bar.endMs < 0 ? latest : double(bar.endMs);
            const double bx0 = x(double(bar.startMs));
            const double bx1 = x(end);
            if (bx1 - bx0 < DetailPx && bar.requestId != m_selected) {
                const int c0 =
                    std::clamp(int((double(bar.startMs) - m_fromMs) * colsPerMs), 0, columns - 1);
                const int c1 = std::clamp(int((end - m_fromMs) * colsPerMs), c0, columns - 1);
                const quint32 kind =
                    bar.failed() ? SummaryError
                    : (bar.cold && (bar.initEndMs - bar.startMs) * 2 >= end - double(bar.startMs))
                        ? SummaryCold
                        : SummaryWarm;
                for (int c = c0; c <= c1; ++c)
                    m_rowPixels[size_t(c)] = std::max(m_rowPixels[size_t(c)], kind);
                minCol = std::min(minCol, c0);
                maxCol = std::max(maxCol, c1);
                continue;
            }
            const double cx0 = std::max(clipLeft, bx0);
            const double cx1 = std::min(clipRight, bx1);
            const double ix = std::clamp(x(double(bar.initEndMs)), cx0, cx1);
            if (ix > cx0)
                painter.fillRect(QRectF(cx0, barTop, ix - cx0, barHeight), ColdColor);
            if (cx1 > ix)
                painter.fillRect(QRectF(ix, barTop, cx1 - ix, barHeight), WarmColor);
            if (bar.failed() || bar.requestId == m_selected) {
                const bool selected = bar.requestId == m_selected;
                outline(painter, QRectF(cx0, barTop, std::max(1.0, cx1 - cx0), barHeight),
                        selected ? highlight : ErrorColor, selected ? 2.0 : 1.5);
            }
        }
        if (maxCol >= 0) {
            for (int c = minCol; c <= maxCol; ++c)
                m_rowPixels[size_t(c)] = summaryColors[m_rowPixels[size_t(c)]];
            painter.drawImage(
                QRectF(plotLeft + minCol / dpr, barTop, (maxCol - minCol + 1) / dpr, barHeight),
                summary, QRectF(minCol, 0, maxCol - minCol + 1, 1));
            std::fill(m_rowPixels.begin() + minCol, m_rowPixels.begin() + maxCol + 1, 0u);
        }

        // How the instance ended: a cap, red when killed.
        if (lane.end != TimelineLane::End::Alive) {
            const double ex = x(double(lane.endedAtMs));
            if (ex >= clipLeft && ex <= clipRight) {
                const QColor cap =
                    lane.end == TimelineLane::End::Killed ? ErrorColor : expiredColor;
                painter.fillRect(QRectF(ex - 1, y + 1, 2.5, row.height - 2), cap);
                painter.fillRect(QRectF(ex - 4, y + 1, 5, 2), cap);
                painter.fillRect(QRectF(ex - 4, y + row.height - 3, 5, 2), cap);
            }
        }
    }
    painter.restore();
    // The label column's edge.
    painter.fillRect(QRect(plot.left() - 1, plot.top(), 1, plot.height()),
                     palette().color(QPalette::Mid));
}

void TimelineView::paintLegend(QPainter& painter)
{
    const QFontMetrics fm(font());
    const int y = height() - fm.height() - 6;
    const int h = fm.height();
    int x = 8;
    painter.save();
    const QColor text = palette().color(QPalette::WindowText);
    QColor frozenHatch = palette().color(QPalette::Text);
    frozenHatch.setAlphaF(0.35f);
    const auto label = [&](const QString& s) {
        painter.setPen(text);
        painter.drawText(QRect(x, y, fm.horizontalAdvance(s) + 2, h), Qt::AlignVCenter, s);
        x += fm.horizontalAdvance(s) + 16;
    };
    const QRectF swatch(0, y + h * 0.2, 14, h * 0.6);
    painter.fillRect(swatch.translated(x, 0), ColdColor);
    x += 18;
    label(tr("Init (cold start)"));
    painter.fillRect(swatch.translated(x, 0), WarmColor);
    x += 18;
    label(tr("Handler"));
    painter.fillRect(swatch.translated(x, 0), WarmColor);
    outline(painter, swatch.translated(x, 0), ErrorColor, 1.5);
    x += 18;
    label(tr("Error"));
    painter.fillRect(swatch.translated(x, 0), QBrush(frozenHatch, Qt::BDiagPattern));
    x += 18;
    label(tr("Frozen"));
    painter.fillRect(QRectF(x + 6, y + 1, 2, h - 2), ErrorColor);
    x += 14;
    label(tr("Throttled"));
    painter.fillRect(QRectF(x + 6, y + 1, 2.5, h - 2), text);
    x += 14;
    label(tr("Expired / killed"));
    painter.restore();
}

} // namespace swb
