#pragma once
// Turns SIGINT and SIGTERM into a Qt signal (through a self-pipe), so `swb serve` stops its
// instances cleanly instead of dying mid-write, and the window (logout, `kill`) stops its
// instances and databases as when it is closed.

#include <QObject>

class QSocketNotifier;

namespace swb {

class SignalWatcher : public QObject {
    Q_OBJECT
public:
    explicit SignalWatcher(QObject* parent = nullptr);
    ~SignalWatcher() override;

signals:
    void stopRequested(int signal);

private:
    QSocketNotifier* m_notifier = nullptr;
};

} // namespace swb
