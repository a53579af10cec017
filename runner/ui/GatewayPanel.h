#pragma once
// The window's HTTP gateway: what `swb serve` does, on the window's own runner, so a curl, a
// browser or a front end under development reaches the workspace's http routes, the Lambda
// Invoke API and the local SQS queues while the timeline shows every cold and warm start. The
// panel lists the routes and the requests served; the server itself is the runner's
// LocalServer.

#include "Error.h"

#include <QWidget>

#include <memory>
#include <vector>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;
class QTimer;

namespace swb {

class LocalServer;
class Runner;

class GatewayPanel : public QWidget {
    Q_OBJECT
public:
    static constexpr int kDefaultPort = 3000; // swb serve's
    static constexpr int kMaxRequestRows = 500;

    explicit GatewayPanel(QWidget* parent = nullptr);
    ~GatewayPanel() override;

    // The runner the gateway serves; null stops it. A gateway that was serving starts again on
    // the new runner (the workspace was reloaded), on the same port.
    void setRunner(Runner* runner);

    // Binds 127.0.0.1 on the port in the panel (0: a free one) and serves; the error (a port in
    // use, an invalid route) is shown and returned.
    Result<void> start();
    // The same on `port`, whatever the panel's port box says (the window reloading a workspace
    // keeps the port a client uses).
    Result<void> start(quint16 port);
    void stop();
    bool isServing() const;
    quint16 port() const;    // the bound port; 0 when stopped
    QString baseUrl() const; // "http://127.0.0.1:3000"; empty when stopped

    // A token from the workspace's token service (as `swb token issue`) for calling routes a
    // JWT authorizer guards: signed with the key pair in .swb/tokens (made on first use), for
    // `user` with `scopes`, the settings' lifetime; the token is put on the clipboard and the
    // panel says so. Token… asks for both.
    Result<QString> issueToken(const QString& user, const QStringList& scopes);

    // What the panel shows, for the window and tests.
    QSpinBox* portBox() const { return m_port; }
    QPushButton* startButton() const { return m_start; }
    QPushButton* tokenButton() const { return m_token; }
    QString tokenText() const; // what the panel says of the last token issued
    QString routesText() const;
    QString errorText() const;
    int requestRows() const;
    QString requestText(int row, int column) const; // time, method, target, status, ms

signals:
    // Started (with its base URL) or stopped.
    void servingChanged(bool serving, const QString& baseUrl);

private:
    void addRequest(const QByteArray& method, const QByteArray& target, int status,
                    double elapsedMs);
    void flushRequests();
    void showError(const QString& message);
    void updateState();

    Runner* m_runner = nullptr;
    std::unique_ptr<LocalServer> m_server;
    QSpinBox* m_port;
    QPushButton* m_start;
    QLabel* m_url;
    QPushButton* m_copy;
    QPushButton* m_token;
    QLabel* m_tokenNote;
    QLabel* m_error;
    QPlainTextEdit* m_routes;
    QTableWidget* m_requests;
    struct PendingRequest {
        QString time, method, target, status, ms;
        bool failed = false;
    };
    std::vector<PendingRequest> m_pending; // shown at the next flush
    QTimer* m_flush;
};

} // namespace swb
