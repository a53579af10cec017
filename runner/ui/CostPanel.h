#pragma once
// The cost panel: the workspace's what-if scenarios in an editable table, priced side by side
// (a stacked bar chart of each breakdown and the same numbers as text), the selected scenario's
// monthly cost against its volume with the break-even against always-on servers, and its memory
// sweep. Every edit reprices everything at once; all numbers come from runner/cost.

#include "Error.h"
#include "cost/MeasuredUsage.h"
#include "cost/ScenarioAnalysis.h"
#include "model/ScenarioSpec.h"

#include <QList>
#include <QWidget>

#include <functional>
#include <memory>
#include <optional>

class QChart;
class QChartView;
class QComboBox;
class QDoubleSpinBox;
class QGridLayout;
class QLabel;
class QPushButton;
class QSpinBox;
class QTableView;
class QTableWidget;
class QTimer;

namespace swb {

class CostEngine;
class HistoryStore;
class ScenarioTableModel;
struct Workspace;

class CostPanel : public QWidget {
    Q_OBJECT
public:
    // Volumes the cost-against-volume chart spans (invocations per month).
    static constexpr double kMinVolume = 1e4;
    static constexpr double kMaxVolume = 1e10;
    // Edits arriving within this many ms are recomputed once.
    static constexpr int kDebounceMs = 50;

    explicit CostPanel(QWidget* parent = nullptr);
    ~CostPanel() override;

    // Shows the workspace's scenarios, priced with the built-in tables and the folder's
    // pricing.json. A price list that cannot be loaded is reported in the panel. Null: empty.
    void setWorkspace(const Workspace* workspace, const QString& workspaceFolder);
    // Where "measured" durations, cold-start shares and init durations come from; the store
    // must outlive the panel or be replaced (null: nothing is measured).
    void setHistory(const HistoryStore* history);
    void setMeasuredSource(std::function<Result<MeasuredUsage>(const QString& function)> source);
    // The history changed (new runs): measure again and reprice.
    void refreshMeasurements();

    QList<ScenarioSpec> scenarios() const;
    // Loads <workspaceFolder>/workbench.json, replaces its scenarios with the panel's and saves
    // it atomically, keeping everything else. A file that does not load is left untouched.
    Result<void> saveTo(const QString& workspaceFolder) const;

    // The always-on servers the break-even compares with; an empty id: the selected
    // scenario's cloud, its smallest server.
    void setServer(const QString& serverId, int count = 1);
    void setCpuScaling(double cpuBoundShare, double usableCpus);
    void selectScenario(int row);
    int selectedScenario() const; // -1 when there is none

    // What the panel shows, for the window's status bar and for tests.
    ScenarioTableModel* model() const { return m_model; }
    QTableView* table() const { return m_table; }
    QString statusMessage() const;
    const std::optional<BreakEven>& breakEven() const { return m_breakEven; }
    const std::optional<MemorySweep>& memorySweep() const { return m_sweep; }
    QChart* breakdownChart() const;
    QChart* volumeChart() const;
    QChart* sweepChart() const;
    QTableWidget* breakdownTable() const { return m_breakdownTable; }
    qint64 lastRecomputeMicros() const { return m_lastRecomputeMicros; }
    int recomputeCount() const { return m_recomputeCount; }

public slots:
    // Reprices every row and redraws every chart now (edits schedule this after kDebounceMs).
    void recompute();

signals:
    // The user changed the scenarios; the window saves them (saveTo) when it sees fit.
    void scenariosEdited(const QList<swb::ScenarioSpec>& scenarios);
    // Everything shown has been recomputed.
    void recomputed();

protected:
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    // Below this width the four views stack in one column.
    static constexpr int kTwoColumnWidth = 820;
    void arrangeViews(bool oneColumn);
    QGridLayout* m_grid = nullptr;
    QList<QWidget*> m_views;
    bool m_oneColumn = false;

    void scheduleRecompute();
    void fitColumns();
    void showStatus(const QString& text, bool isError);
    void updateButtons();
    void fillServers();
    QString serverFor(const QString& provider) const;
    void drawBreakdown();
    void drawVolume(int row);
    void drawSweep(int row);

    std::unique_ptr<CostEngine> m_engine;
    std::unique_ptr<ScenarioAnalysis> m_analysis;
    ScenarioTableModel* m_model;
    QTableView* m_table;
    QLabel* m_status;
    QPushButton* m_add;
    QPushButton* m_duplicate;
    QPushButton* m_remove;
    QChartView* m_breakdownView;
    QTableWidget* m_breakdownTable;
    QChartView* m_volumeView;
    QComboBox* m_server;
    QSpinBox* m_serverCount;
    QLabel* m_breakEvenLabel;
    QChartView* m_sweepView;
    QDoubleSpinBox* m_cpuBound;
    QDoubleSpinBox* m_threads;
    QLabel* m_sweepLabel;
    QTimer* m_debounce;
    QString m_loadError;
    std::optional<BreakEven> m_breakEven;
    std::optional<MemorySweep> m_sweep;
    qint64 m_lastRecomputeMicros = 0;
    int m_recomputeCount = 0;
    bool m_statusIsError = false;
};

} // namespace swb
