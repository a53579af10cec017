#pragma once
// The run panel: pick a function and an event (empty, a saved event of the function, or an
// event template), edit the payload, Invoke; the response or Lambda's error, the invocation's
// logs and its REPORT figures appear. Malformed JSON is shown with its line and is never sent.

#include "InvocationRecord.h"

#include <QList>
#include <QWidget>

class QComboBox;
class QDoubleSpinBox;
class QSpinBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QTimer;

namespace swb {

class EventEditor;
class EventTemplateCatalog;
class LoadTest;
class Runner;
struct InvocationRecord;

class RunPanel : public QWidget {
    Q_OBJECT
public:
    explicit RunPanel(QWidget* parent = nullptr);
    ~RunPanel() override;

    // The runner whose workspace's functions are offered (nullptr: nothing to run).
    void setRunner(Runner* runner);
    Runner* runner() const { return m_runner; }

    void selectFunction(const QString& name);
    QString currentFunction() const;
    void setPayload(const QString& json);
    QString payload() const;
    // Empty when the payload is valid JSON; else "line L, column C: what is wrong".
    QString payloadError() const;
    bool isRunning() const { return m_inFlight > 0; }
    // The workspace's saved events may have changed on disk.
    void reloadEvents();

    // The load row: the current function and payload at `ratePerSecond` for `seconds` with the
    // pattern (constant, poisson or burst).
    void setLoad(const QString& pattern, double ratePerSecond, int seconds);
    // The runner's keep-alive (seconds) and concurrency limit, set when the load starts.
    void setLoadLimits(int keepAliveSeconds, int concurrencyLimit);
    bool isLoadRunning() const;
    QString loadStatus() const;

public slots:
    // Invokes the current function with the payload; false (and nothing sent) when the payload
    // is not valid JSON or no function is selected.
    bool invoke();
    // Starts the load row's test (false, with the reason in the status, when it cannot start);
    // stopLoad() stops sending.
    bool startLoad();
    void stopLoad();

signals:
    void invocationStarted(const QString& requestId);
    void invocationFinished(const swb::InvocationRecord& record);
    void loadFinished();

private:
    void onFunctionChanged();
    void onEventChosen(int index);
    void validate();
    void show(const InvocationRecord& record);

    Runner* m_runner = nullptr;
    EventTemplateCatalog* m_catalog = nullptr;
    QComboBox* m_function;
    QComboBox* m_event;
    EventEditor* m_payload; // JSON, validated as you type (editor/)
    QLabel* m_payloadError; // a saved event that cannot be read
    QPushButton* m_invoke;
    QLabel* m_summary;
    QTabWidget* m_results;
    QPlainTextEdit* m_response;
    QPlainTextEdit* m_logs;
    LoadTest* m_load = nullptr;
    QComboBox* m_loadPattern;
    QDoubleSpinBox* m_loadRate;
    QSpinBox* m_loadSeconds;
    QSpinBox* m_loadKeepAlive;   // seconds; applies to the runner
    QSpinBox* m_loadConcurrency; // instances per function without reserved concurrency
    QPushButton* m_loadButton;
    QLabel* m_loadStatus;
    QTimer* m_loadStatusTimer;
    QList<InvocationRecord> m_loadRecords; // without payloads and logs, at most kMaxLoadRecords
    int m_loadDone = 0;
    static constexpr int kMaxLoadRecords = 100000;
    void updateLoadStatus();
    QString m_error;
    int m_inFlight = 0;
};

} // namespace swb
