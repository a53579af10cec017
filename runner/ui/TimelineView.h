#pragma once
// The live cold/warm timeline: one lane per instance grouped by function, one bar per
// invocation (init and handler time apart), frozen spans, expiry, throttles; zoom, pan, follow.

#include <QPointer>
#include <QWidget>

#include <vector>

class QPainter;
class QToolButton;

namespace swb {

class TimelineModel;

class TimelineView : public QWidget {
    Q_OBJECT
public:
    explicit TimelineView(QWidget* parent = nullptr);
    ~TimelineView() override;

    // The view does not own the model; it repaints on the model's changed().
    void setModel(TimelineModel* model);
    TimelineModel* model() const { return m_model; }

    // The visible time range, in the model's milliseconds.
    double visibleFromMs() const { return m_fromMs; }
    double visibleToMs() const;
    void setVisibleRange(double fromMs, double toMs);

    bool followsLive() const { return m_followLive; }
    QString selectedRequestId() const { return m_selected; }

    // What a tooltip at pos says: the REPORT line of the invocation there, a throttle, an end.
    QString toolTipAt(const QPoint& pos) const;
    // The request id of the invocation drawn at pos, or an empty string.
    QString requestIdAt(const QPoint& pos) const;
    // Where the middle of the bar of requestId is drawn (for tests and keyboard selection).
    QPoint barCenter(const QString& requestId) const;

    // The semantic colours: init of a cold start, the handler's time, errors and throttles.
    static QColor coldColor();
    static QColor warmColor();
    static QColor errorColor();

    // Paints the whole view (not its Live button) with painter, sized as the widget, at the
    // painter's device pixel ratio; paintEvent() uses it, and so can an image export.
    void paint(QPainter& painter);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

public slots:
    void fit();                      // shows everything stored (F)
    void setFollowLive(bool follow); // keeps the latest time at the right edge (End)
    void zoomBy(double factor, double aroundX);
    void panByPixels(double dx);
    void selectInvocation(const QString& requestId);

signals:
    void invocationSelected(const QString& requestId);
    void followLiveChanged(bool follow);
    void visibleRangeChanged(double fromMs, double toMs);

protected:
    bool event(QEvent* event) override;
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    struct Row {
        int function = -1; // index in the model
        int lane = -1;     // -1: the function's header row (name, throttles)
        int y = 0;         // top, in content coordinates (before the vertical scroll)
        int height = 0;
    };
    struct Hit {
        int row = -1;
        qint64 sequence = -1; // bar
        int throttle = -1;
        bool endCap = false;
    };

    void onModelChanged();
    void rebuildRows();
    QRect plotRect() const;
    double msPerPixel() const;
    double xOf(double ms) const;
    double msAt(double x) const;
    int rowAt(int y) const;
    size_t firstVisibleRow() const;
    double tickStepMs() const;
    Hit hitAt(const QPoint& pos) const;
    void clampScroll();
    // Keyboard selection: the selected bar's sequence number (-1 when none is stored), the next
    // or previous invocation in start order, the nearest one in the lane above or below.
    qint64 selectedSequence() const;
    void stepSelection(int direction);
    void selectInNeighbourLane(int direction);
    void selectSequence(quint64 sequence);
    void emitRangeChanged();
    void paintAxis(QPainter& painter, const QRect& plot);
    void paintRows(QPainter& painter, const QRect& plot, double dpr);
    void paintLegend(QPainter& painter);
    void placeLiveButton();

    QPointer<TimelineModel> m_model;
    std::vector<Row> m_rows;
    std::vector<int> m_rowOfLane; // model lane -> index in m_rows
    int m_contentHeight = 0;
    double m_fromMs = 0;
    double m_spanMs = 10'000;
    int m_scrollY = 0;
    bool m_followLive = true;
    bool m_dragging = false;
    bool m_dragMoved = false;
    QPoint m_pressPos;
    QPoint m_lastDragPos;
    QString m_selected;
    QToolButton* m_liveButton = nullptr;
    std::vector<quint32> m_rowPixels; // scratch for the per-pixel summary of dense lanes
};

} // namespace swb
