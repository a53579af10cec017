#include "GatewayPanel.h"

#include "LocalServer.h"
#include "Runner.h"
#include "auth/TokenService.h"

#include <QApplication>
#include <QClipboard>
#include <QDateTime>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

#include <algorithm>

namespace swb {

GatewayPanel::GatewayPanel(QWidget* parent)
    : QWidget(parent), m_port(new QSpinBox(this)), m_start(new QPushButton(tr("&Start"), this)),
      m_url(new QLabel(this)), m_copy(new QPushButton(tr("Copy URL"), this)),
      m_token(new QPushButton(tr("&Token…"), this)), m_tokenNote(new QLabel(this)),
      m_error(new QLabel(this)), m_routes(new QPlainTextEdit(this)),
      m_requests(new QTableWidget(0, 5, this)), m_flush(new QTimer(this))
{
    m_port->setRange(0, 65535);
    m_port->setValue(kDefaultPort);
    m_port->setSpecialValueText(tr("any free port"));
    m_port->setAccessibleName(tr("Gateway port"));
    m_port->setToolTip(tr("The port on 127.0.0.1 (0: any free one). swb serve uses 3000 too: "
                          "stop one of them or pick another port."));
    m_start->setAccessibleName(tr("Start or stop the gateway"));
    m_url->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_url->setAccessibleName(tr("Gateway address"));
    m_copy->setAccessibleName(tr("Copy the gateway's address"));
    m_token->setAccessibleName(tr("Issue a token"));
    m_token->setToolTip(tr("Issue a token from the workspace's token service for routes a JWT "
                           "authorizer guards, and copy it (as swb token issue)."));
    m_tokenNote->setWordWrap(true);
    m_tokenNote->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_tokenNote->setAccessibleName(tr("Token issued"));
    m_tokenNote->hide();
    m_error->setWordWrap(true);
    m_error->setAccessibleName(tr("Gateway problem"));
    QPalette p = m_error->palette();
    p.setColor(QPalette::WindowText, QColor(0xE0, 0x2A, 0x2A));
    m_error->setPalette(p);
    m_error->hide();
    m_routes->setReadOnly(true);
    m_routes->setAccessibleName(tr("Routes served"));
    m_routes->setMaximumBlockCount(1000);
    m_requests->setHorizontalHeaderLabels(
        {tr("Time"), tr("Method"), tr("Path"), tr("Status"), tr("ms")});
    m_requests->setAccessibleName(tr("Requests served"));
    m_requests->verticalHeader()->hide();
    m_requests->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_requests->setSelectionBehavior(QAbstractItemView::SelectRows);
    // Widths from the font, not ResizeToContents: measuring every row's text at each request
    // made a busy gateway spend its time laying out text.
    const QFontMetrics fm(m_requests->font());
    const int pad = fm.horizontalAdvance(QLatin1Char('M'));
    const QStringList widest{QStringLiteral("00:00:00"), QStringLiteral("OPTIONS"), QString(),
                             QStringLiteral("Status"), QStringLiteral("99999.9")};
    for (int column : {0, 1, 3, 4}) {
        m_requests->horizontalHeader()->setSectionResizeMode(column, QHeaderView::Interactive);
        m_requests->setColumnWidth(column, fm.horizontalAdvance(widest.at(column)) + 2 * pad);
    }
    m_requests->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_requests->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_requests->verticalHeader()->setDefaultSectionSize(fm.height() + 6);
    m_flush->setSingleShot(true);
    m_flush->setInterval(100);
    connect(m_flush, &QTimer::timeout, this, &GatewayPanel::flushRequests);

    auto* row = new QHBoxLayout;
    auto* portLabel = new QLabel(tr("&Port:"), this);
    portLabel->setBuddy(m_port);
    row->addWidget(portLabel);
    row->addWidget(m_port);
    row->addWidget(m_start);
    row->addStretch(1);
    auto* urlRow = new QHBoxLayout;
    urlRow->addWidget(m_url, 1);
    urlRow->addWidget(m_copy);
    urlRow->addWidget(m_token);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(row);
    layout->addLayout(urlRow);
    layout->addWidget(m_error);
    layout->addWidget(m_tokenNote);
    layout->addWidget(new QLabel(tr("Routes:"), this));
    layout->addWidget(m_routes, 1);
    layout->addWidget(new QLabel(tr("Requests:"), this));
    layout->addWidget(m_requests, 2);

    connect(m_start, &QPushButton::clicked, this, [this] {
        if (isServing())
            stop();
        else
            (void)start();
    });
    connect(m_token, &QPushButton::clicked, this, [this] {
        QDialog dialog(this);
        dialog.setWindowTitle(tr("Issue a Token"));
        auto* user = new QLineEdit(QStringLiteral("alice"), &dialog);
        auto* scopes = new QLineEdit(&dialog);
        user->setAccessibleName(tr("Token subject"));
        scopes->setAccessibleName(tr("Token scopes"));
        scopes->setPlaceholderText(tr("orders:read orders:write"));
        // Every scope the workspace's routes ask for, so the token opens them all; trim at will.
        QStringList routeScopes;
        if (m_runner)
            for (const FunctionSpec& f : m_runner->workspace().functions)
                for (const TriggerSpec& t : f.triggers)
                    routeScopes += t.scopes;
        routeScopes.removeDuplicates();
        scopes->setText(routeScopes.join(QLatin1Char(' ')));
        const int wide = fontMetrics().horizontalAdvance(QLatin1Char('M')) * 28;
        user->setMinimumWidth(wide);
        scopes->setMinimumWidth(wide);
        auto* form = new QFormLayout(&dialog);
        form->addRow(tr("&User (sub):"), user);
        form->addRow(tr("&Scopes:"), scopes);
        auto* buttons =
            new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
        form->addRow(buttons);
        connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
        connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
        if (dialog.exec() != QDialog::Accepted)
            return;
        (void)issueToken(user->text(), scopes->text().split(QLatin1Char(' '), Qt::SkipEmptyParts));
    });
    connect(m_copy, &QPushButton::clicked, this, [this] {
        if (isServing())
            QApplication::clipboard()->setText(baseUrl());
    });
    updateState();
}

GatewayPanel::~GatewayPanel() = default;

void GatewayPanel::setRunner(Runner* runner)
{
    if (runner == m_runner)
        return;
    const bool wasServing = isServing();
    const quint16 previousPort = port();
    stop();
    m_runner = runner;
    if (wasServing && m_runner)
        (void)start(previousPort); // the URL a client or a front end uses keeps working
    updateState();
}

Result<void> GatewayPanel::start()
{
    return start(quint16(m_port->value()));
}

Result<void> GatewayPanel::start(quint16 port)
{
    if (isServing())
        return {};
    if (!m_runner) {
        const QString message = tr("Open a workspace first: the gateway serves its functions.");
        showError(message);
        return fail(ErrorCode::InvalidArgument, message);
    }
    auto server = std::make_unique<LocalServer>(*m_runner);
    if (auto listening = server->listen(QHostAddress::LocalHost, port); !listening) {
        showError(listening.error().message);
        return std::unexpected(listening.error());
    }
    if (auto schedules = server->startSchedules(); !schedules) {
        showError(schedules.error().message);
        return std::unexpected(schedules.error());
    }
    connect(server.get(), &LocalServer::served, this, &GatewayPanel::addRequest);
    connect(server.get(), &LocalServer::scheduleFired, this,
            [this](const QString& function, const QString& expression, const QString&) {
                addRequest("SCHEDULE", (function + QLatin1Char(' ') + expression).toUtf8(), 0, 0);
            });
    connect(server.get(), &LocalServer::authorizerProblem, this,
            [this](const QString& message) { showError(message); });
    m_server = std::move(server);
    m_error->hide();

    QStringList lines = m_server->routeDescriptions();
    for (const QString& schedule : m_server->scheduleDescriptions())
        lines << tr("schedule %1").arg(schedule);
    for (const QString& queue : m_server->queueDescriptions())
        lines << tr("queue %1").arg(queue);
    QStringList names;
    for (const FunctionSpec& f : m_runner->workspace().functions)
        names << f.name;
    lines << tr("POST /2015-03-31/functions/{%1}/invocations (Lambda Invoke API)")
                 .arg(names.join(QLatin1Char('|')));
    lines << tr("POST / (SQS API)");
    m_routes->setPlainText(lines.join(QLatin1Char('\n')));
    updateState();
    emit servingChanged(true, baseUrl());
    return {};
}

void GatewayPanel::stop()
{
    if (!m_server)
        return;
    m_server.reset(); // closes the port; requests still waiting get no answer
    m_routes->clear();
    updateState();
    emit servingChanged(false, QString());
}

bool GatewayPanel::isServing() const
{
    return m_server != nullptr;
}

quint16 GatewayPanel::port() const
{
    return m_server ? m_server->port() : 0;
}

QString GatewayPanel::baseUrl() const
{
    return m_server ? QStringLiteral("http://127.0.0.1:%1").arg(m_server->port()) : QString();
}

Result<QString> GatewayPanel::issueToken(const QString& user, const QStringList& scopes)
{
    const auto refuse = [this](const Error& error) -> Result<QString> {
        showError(error.message);
        m_tokenNote->hide();
        return std::unexpected(error);
    };
    if (!m_runner)
        return refuse(Error{ErrorCode::InvalidArgument,
                            tr("Open a workspace first: tokens come from its token service."),
                            {},
                            {}});
    if (user.trimmed().isEmpty())
        return refuse(Error{
            ErrorCode::InvalidArgument, tr("A token needs a user (its \"sub\" claim)."), {}, {}});
    const Workspace& workspace = m_runner->workspace();
    auto settings = auth::TokenServiceSettings::fromWorkspace(workspace);
    if (!settings)
        return refuse(settings.error());
    auto service = auth::TokenService::open(workspace.folder, *settings);
    if (!service)
        return refuse(service.error());
    auth::TokenRequest request;
    request.subject = user.trimmed();
    request.scopes = scopes;
    auto token = service->issue(request, QDateTime::currentSecsSinceEpoch());
    if (!token)
        return refuse(token.error());
    QApplication::clipboard()->setText(*token);
    m_error->hide();
    m_tokenNote->setText(
        tr("A token for %1 (%2) is on the clipboard: send it as \"Authorization: Bearer "
           "TOKEN\".%3")
            .arg(request.subject,
                 scopes.isEmpty() ? tr("no scopes") : scopes.join(QLatin1Char(' ')),
                 service->keyPairCreated()
                     ? tr(" The workspace's signing key was made in %1 (private: keep the .swb "
                          "folder out of version control).")
                           .arg(QDir::toNativeSeparators(
                               auth::TokenService::privateKeyPath(workspace.folder)))
                     : QString()));
    m_tokenNote->show();
    return token;
}

QString GatewayPanel::tokenText() const
{
    return m_tokenNote->isHidden() ? QString() : m_tokenNote->text();
}

QString GatewayPanel::routesText() const
{
    return m_routes->toPlainText();
}

QString GatewayPanel::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

int GatewayPanel::requestRows() const
{
    const_cast<GatewayPanel*>(this)->flushRequests(); // what is gathered counts too
    return m_requests->rowCount();
}

QString GatewayPanel::requestText(int row, int column) const
{
    const_cast<GatewayPanel*>(this)->flushRequests();
    const QTableWidgetItem* item = m_requests->item(row, column);
    return item ? item->text() : QString();
}

void GatewayPanel::addRequest(const QByteArray& method, const QByteArray& target, int status,
                              double elapsedMs)
{
    // Gathered and shown every 100 ms: one table update per batch, not one per request.
    m_pending.push_back({QDateTime::currentDateTime().toString(QStringLiteral("HH:mm:ss")),
                         QString::fromLatin1(method), QString::fromUtf8(target),
                         status > 0 ? QString::number(status) : QStringLiteral("—"),
                         status > 0 ? QString::number(elapsedMs, 'f', 1) : QString(),
                         status >= 400});
    if (m_pending.size() > size_t(kMaxRequestRows))
        m_pending.erase(m_pending.begin(), m_pending.end() - kMaxRequestRows);
    if (!m_flush->isActive())
        m_flush->start();
}

void GatewayPanel::flushRequests()
{
    if (m_pending.empty())
        return;
    const int added = int(m_pending.size());
    m_requests->setUpdatesEnabled(false);
    // Newest first, at most kMaxRequestRows.
    const int keep = std::max(0, kMaxRequestRows - added);
    while (m_requests->rowCount() > keep)
        m_requests->removeRow(m_requests->rowCount() - 1);
    for (int i = 0; i < added; ++i)
        m_requests->insertRow(0);
    for (int i = 0; i < added; ++i) {
        const PendingRequest& r = m_pending[size_t(added - 1 - i)]; // the newest on top
        const QStringList cells{r.time, r.method, r.target, r.status, r.ms};
        for (int column = 0; column < cells.size(); ++column) {
            auto* item = new QTableWidgetItem(cells.at(column));
            if (column == 3 && r.failed)
                item->setForeground(QColor(0xE0, 0x2A, 0x2A));
            m_requests->setItem(i, column, item);
        }
    }
    m_pending.clear();
    m_requests->setUpdatesEnabled(true);
}

void GatewayPanel::showError(const QString& message)
{
    m_error->setText(message);
    m_error->show();
}

void GatewayPanel::updateState()
{
    const bool serving = isServing();
    m_start->setText(serving ? tr("&Stop") : tr("&Start"));
    m_start->setEnabled(serving || m_runner != nullptr);
    m_port->setEnabled(!serving);
    m_copy->setEnabled(serving);
    m_token->setEnabled(m_runner != nullptr);
    m_url->setText(serving ? tr("Serving on %1").arg(baseUrl())
                           : (m_runner ? tr("Not serving.") : tr("No workspace open.")));
}

} // namespace swb
