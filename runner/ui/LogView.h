#pragma once
// The logs panel: the runner's live log lines, coloured by kind (START/END/REPORT, errors,
// warnings), filtered by function and by text or request id, with follow and pause. Lines are
// appended in batches on a timer, so a flood of output never stalls the window.

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListView;
class QTimer;

namespace swb {

class LogModel;
struct RunnerEvent;

class LogView : public QWidget {
    Q_OBJECT
public:
    explicit LogView(QWidget* parent = nullptr);

    LogModel* model() const { return m_model; }
    void add(const RunnerEvent& event); // queued; shown at the next batch
    bool isFollowing() const;
    void setFollowing(bool follow);
    bool isPaused() const;
    void setPaused(bool paused);
    // The lines of one request (the run panel's "show in logs").
    void showRequest(const QString& requestId);
    QString selectedText() const;
    void copySelection() const;

private:
    void applyFilter();
    void flushBatch();
    void updateStatus();

    LogModel* m_model;
    QListView* m_list;
    QComboBox* m_function;
    QLineEdit* m_filter;
    QCheckBox* m_follow;
    QCheckBox* m_pause;
    QLabel* m_status;
    QTimer* m_batch;
};

} // namespace swb
