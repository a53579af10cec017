#pragma once
// The metrics beside the timeline: the latency histogram split cold/warm, the cold-start share
// over time, the init duration distribution and concurrency over time (Qt Charts), redrawn at
// most twice a second from a MetricsModel.

#include <QWidget>

class QBarCategoryAxis;
class QBarSeries;
class QBarSet;
class QChart;
class QComboBox;
class QLabel;
class QLineSeries;
class QTimer;
class QValueAxis;

namespace swb {

class MetricsModel;

class MetricsPanel : public QWidget {
    Q_OBJECT
public:
    explicit MetricsPanel(QWidget* parent = nullptr);

    MetricsModel* model() const { return m_model; }
    void setFunctions(const QStringList& functions); // the filter's choices ("all" first)
    // Redraws now (the panel also does on its own, at most every 500 ms after a change).
    void refresh();

    // What the charts show, for tests: bars per histogram bin and the time series' points.
    QList<double> coldBars() const;
    QList<double> warmBars() const;
    QList<double> initBars() const;
    int coldShareSeconds() const;
    int concurrencySeconds() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void restyle();

    QList<QChart*> m_charts;
    MetricsModel* m_model;
    QComboBox* m_function;
    QLabel* m_summary;
    QTimer* m_redraw;
    QBarSet* m_coldSet;
    QBarSet* m_warmSet;
    QBarSet* m_initSet;
    QBarCategoryAxis* m_latencyAxis;
    QBarCategoryAxis* m_initAxis;
    QValueAxis* m_latencyCount;
    QValueAxis* m_initCount;
    QLineSeries* m_coldShare;
    QLineSeries* m_concurrency;
    QValueAxis* m_shareTime;
    QValueAxis* m_concurrencyTime;
    QValueAxis* m_concurrencyCount;
};

} // namespace swb
