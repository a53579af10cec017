#pragma once
// The simulate panel: a form for the platform simulator (arrivals, service and init times,
// keep-alive, cap, provisioned instances, memory, provider), a run on a worker thread with
// progress and cancel, and its results: ratios, latency percentiles, instances over time, busy
// against idle instance-time and the monthly cost. Every number comes from runner/sim and
// runner/cost.

#include "Error.h"
#include "sim/Simulator.h"

#include <QStringList>
#include <QWidget>

#include <atomic>
#include <memory>
#include <optional>

class QChart;
class QChartView;
class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QThread;

namespace swb {

class CostEngine;
class HistoryStore;
class KeepAlivePolicy;

class SimulatePanel : public QWidget {
    Q_OBJECT
public:
    // Points of the instances-over-time chart.
    static constexpr int kInstanceSamples = 400;
    // Progress updates reach the GUI at most this often.
    static constexpr int kProgressIntervalMs = 50;

    explicit SimulatePanel(QWidget* parent = nullptr);
    // Cancels a running simulation and waits for its thread.
    ~SimulatePanel() override;

    // Where "measured" service and init times come from; the store must outlive the panel or
    // be replaced. Null: nothing is measured.
    void setHistory(const HistoryStore* history);
    // The workspace's functions, offered for measured times.
    void setFunctions(const QStringList& functions);
    // Prefills the form from a workspace function: its memory, and measured service and init
    // times when the history has them.
    void setDefaults(const QString& function, int memoryMb);
    // Reads a trace file's function hashes into the chooser (the "trace file" model) on a
    // worker thread (a day's trace is ~100 MB): Run waits until it is read; an unreadable file
    // or one in another format is shown next to the field. traceFileLoaded() says when.
    void loadTraceFile(const QString& path);
    bool isLoadingTrace() const { return m_traceLoading; }

    bool isRunning() const;
    // The form's problems, one line each; empty when Run can start.
    QStringList validationErrors() const;
    // The options and policy the form describes (measured times read from the history), or
    // the first problem. The trace itself is read on the worker thread at run().
    Result<sim::SimulationOptions> options() const;
    std::unique_ptr<KeepAlivePolicy> keepAlivePolicy() const;

    // What the panel shows, for the window's status bar and for tests.
    const std::optional<sim::SimulationResult>& lastResult() const { return m_lastResult; }
    QString statusMessage() const;
    QString coldStartRatioText() const;
    QString costText() const;
    QChart* instancesChart() const;
    QChart* usageChart() const;
    QPushButton* runButton() const { return m_run; }
    QPushButton* cancelButton() const { return m_cancel; }
    QProgressBar* progressBar() const { return m_progress; }

public slots:
    // Starts the simulation on a worker thread; refused (false) while one runs or when the
    // form is invalid.
    bool run();
    // Asks a running simulation to stop; cancelled() follows.
    void cancel();

signals:
    void progressChanged(double fraction);
    void finished(const swb::sim::SimulationResult& result);
    void cancelled();
    void failed(const QString& message);
    // The trace file's hashes are in the chooser (error empty), or why not.
    void traceFileLoaded(const QString& path, const QString& error);

protected:
    void changeEvent(QEvent* event) override;

private:
    struct Worker;
    void buildForm(QFormLayout* form);
    void updateForm();
    void onWorkerDone();
    void showResult(const sim::SimulationResult& result, const QString& provider);
    void showStatus(const QString& text, bool isError);
    QLabel* errorLabel(const QString& name);

    const HistoryStore* m_history = nullptr;
    std::unique_ptr<CostEngine> m_engine;
    std::shared_ptr<Worker> m_worker;
    QThread* m_thread = nullptr;
    quint64 m_traceGeneration = 0; // a newer file makes an older read's result stale
    bool m_traceLoading = false;

    QComboBox* m_arrivalModel;
    QDoubleSpinBox* m_rate;
    QLineEdit* m_on;
    QLineEdit* m_off;
    QDoubleSpinBox* m_amplitude;
    QLineEdit* m_period;
    QLineEdit* m_traceFile;
    QPushButton* m_browse;
    QComboBox* m_traceFunction;
    QLineEdit* m_duration;
    QComboBox* m_serviceKind;
    QDoubleSpinBox* m_serviceMs;
    QDoubleSpinBox* m_serviceP99Ms;
    QComboBox* m_measuredFunction;
    QComboBox* m_initKind;
    QDoubleSpinBox* m_initMs;
    QComboBox* m_policy;
    QDoubleSpinBox* m_keepAliveMinutes;
    QSpinBox* m_cap;
    QSpinBox* m_provisioned;
    QSpinBox* m_memory;
    QComboBox* m_provider;
    QSpinBox* m_seed;
    QLabel* m_rateError;
    QLabel* m_durationError;
    QLabel* m_shapeError;
    QLabel* m_traceError;
    QLabel* m_serviceError;
    QLabel* m_provisionedError;
    QFormLayout* m_form = nullptr;
    QString m_traceLoadError;

    QPushButton* m_run;
    QPushButton* m_cancel;
    QProgressBar* m_progress;
    QLabel* m_status;
    QLabel* m_coldRatio;
    QLabel* m_throttleRatio;
    QLabel* m_latency;
    QLabel* m_instances;
    QLabel* m_instanceTime;
    QChartView* m_instancesView;
    QChartView* m_usageView;
    QPlainTextEdit* m_cost;
    std::optional<sim::SimulationResult> m_lastResult;
    bool m_statusIsError = false;
};

} // namespace swb
