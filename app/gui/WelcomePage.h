#pragma once
// What the window shows without a workspace: open one, open an example, the recent ones, and
// what went wrong with the last attempt.

#include <QWidget>

class QLabel;
class QListWidget;
class QPushButton;

namespace swb {

class WelcomePage : public QWidget {
    Q_OBJECT
public:
    explicit WelcomePage(QWidget* parent = nullptr);

    void setRecent(const QStringList& folders);
    void setExamples(const QStringList& folders);
    void setError(const QString& message); // empty: none
    QString error() const;

signals:
    void openRequested(const QString& folder); // empty: ask the user for a folder
    void importRequested();                    // a SAM template or serverless.yml

private:
    QListWidget* m_recent;
    QListWidget* m_examples;
    QLabel* m_error;
};

} // namespace swb
