// labels: gui integration
// The window's HTTP gateway: started on a port, it serves the workspace's routes over the
// window's runner (the invocation reaches the runner, the request is listed), says why it cannot
// start (a port in use, no workspace), and moves to a new runner on the same port when the
// workspace is reloaded.
#include "GatewayPanel.h"
#include "Runner.h"
#include "RuntimeFiles.h"
#include "TestFiles.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace swb;

namespace {

const QByteArray kHandler = R"py(import json

def handler(event, context):
    name = (event.get("queryStringParameters") or {}).get("name", "world")
    return {"statusCode": 200, "body": json.dumps({"hello": name})}
)py";

} // namespace

class tst_GatewayPanel : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void servesTheRoutesOverTheWindowsRunner();
    void saysWhyItCannotStart();
    void followsTheRunnerOnTheSamePort();
    void issuesTokensTheGuardedRoutesAccept();

private:
    std::unique_ptr<Runner> makeRunner(bool guarded = false);
    struct Reply {
        int status = 0;
        QByteArray body;
    };
    Reply get(const QString& url, const QByteArray& token = {});

    QTemporaryDir* m_dir = nullptr;
    QNetworkAccessManager* m_net = nullptr;
    RunnerOptions m_options;
};

void tst_GatewayPanel::initTestCase()
{
    if (QStandardPaths::findExecutable(QStringLiteral("python3")).isEmpty())
        QSKIP("python3 is not installed");
}

void tst_GatewayPanel::init()
{
    m_dir = new QTemporaryDir;
    QVERIFY(test::writeFile(m_dir->path(), QStringLiteral("hello/app.py"), kHandler));
    const auto folder = RuntimeFiles::materialize(m_dir->filePath(QStringLiteral("runtimes")));
    QVERIFY(folder.has_value());
    m_options.runtimeFolder = *folder;
    m_options.temporaryRoot = m_dir->path();
    m_net = new QNetworkAccessManager;
}

void tst_GatewayPanel::cleanup()
{
    delete m_net;
    delete m_dir;
}

std::unique_ptr<Runner> tst_GatewayPanel::makeRunner(bool guarded)
{
    Workspace ws;
    ws.folder = m_dir->path();
    ws.name = QStringLiteral("gateway-test");
    FunctionSpec f;
    f.name = QStringLiteral("hello");
    f.runtime = QStringLiteral("python3.11");
    f.handler = QStringLiteral("app.handler");
    f.codeUri = QStringLiteral("hello");
    TriggerSpec http;
    http.type = TriggerType::Http;
    http.method = QStringLiteral("GET");
    http.path = QStringLiteral("/hello");
    http.api = QStringLiteral("http");
    if (guarded) {
        // A JWT authorizer that trusts the workspace's own token service.
        AuthorizerSpec users;
        users.name = QStringLiteral("users");
        users.type = QStringLiteral("jwt");
        users.identitySource = {QStringLiteral("$request.header.Authorization")};
        ws.authorizers = {users};
        http.authorizer = QStringLiteral("users");
        http.scopes = {QStringLiteral("greetings:read")};
    }
    f.triggers = {http};
    ws.functions = {f};
    return std::make_unique<Runner>(ws, m_options);
}

tst_GatewayPanel::Reply tst_GatewayPanel::get(const QString& url, const QByteArray& token)
{
    QNetworkRequest request{QUrl(url)};
    if (!token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + token);
    QNetworkReply* reply = m_net->get(request);
    Reply r;
    if (!QTest::qWaitFor([reply] { return reply->isFinished(); }, 60000))
        return r;
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.body = reply->readAll();
    reply->deleteLater();
    return r;
}

void tst_GatewayPanel::servesTheRoutesOverTheWindowsRunner()
{
    auto runner = makeRunner();
    GatewayPanel panel;
    QVERIFY(!panel.startButton()->isEnabled()); // no workspace yet
    panel.setRunner(runner.get());
    QVERIFY(panel.startButton()->isEnabled());
    panel.portBox()->setValue(0);
    QSignalSpy serving(&panel, &GatewayPanel::servingChanged);
    QSignalSpy invocations(runner.get(), &Runner::invocationFinished);
    QTest::mouseClick(panel.startButton(), Qt::LeftButton);
    QVERIFY2(panel.isServing(), qPrintable(panel.errorText()));
    QVERIFY(panel.port() != 0);
    QCOMPARE(serving.count(), 1);
    QCOMPARE(serving.at(0).at(1).toString(), panel.baseUrl());
    QVERIFY2(panel.routesText().contains(QStringLiteral("GET /hello -> hello")),
             qPrintable(panel.routesText()));
    QVERIFY(panel.routesText().contains(QStringLiteral("Lambda Invoke API")));

    const Reply r = get(panel.baseUrl() + QStringLiteral("/hello?name=Ada"));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.body, QByteArray(R"({"hello": "Ada"})"));
    QCOMPARE(invocations.count(), 1); // the window's runner ran it: the timeline sees it
    QTRY_COMPARE(panel.requestRows(), 1);
    QCOMPARE(panel.requestText(0, 1), QStringLiteral("GET"));
    QCOMPARE(panel.requestText(0, 2), QStringLiteral("/hello?name=Ada"));
    QCOMPARE(panel.requestText(0, 3), QStringLiteral("200"));
    QCOMPARE(get(panel.baseUrl() + QStringLiteral("/nowhere")).status, 404);
    QTRY_COMPARE(panel.requestRows(), 2);
    QCOMPARE(panel.requestText(0, 3), QStringLiteral("404")); // newest first

    const QString url = panel.baseUrl();
    QTest::mouseClick(panel.startButton(), Qt::LeftButton); // Stop
    QVERIFY(!panel.isServing());
    QCOMPARE(serving.count(), 2);
    QCOMPARE(get(url + QStringLiteral("/hello")).status, 0); // the port is closed
    panel.setRunner(nullptr);
}

void tst_GatewayPanel::saysWhyItCannotStart()
{
    GatewayPanel panel;
    QVERIFY(!panel.start());
    QVERIFY(panel.errorText().contains(QStringLiteral("Open a workspace")));

    QTcpServer taken;
    QVERIFY(taken.listen(QHostAddress::LocalHost, 0));
    auto runner = makeRunner();
    panel.setRunner(runner.get());
    panel.portBox()->setValue(taken.serverPort());
    const auto started = panel.start();
    QVERIFY(!started);
    QVERIFY(!panel.isServing());
    QVERIFY2(panel.errorText().contains(QString::number(taken.serverPort())) &&
                 panel.errorText().contains(QStringLiteral("choose another port")),
             qPrintable(panel.errorText()));
    panel.portBox()->setValue(0); // the way out the message names
    QVERIFY(panel.start());
    QVERIFY(panel.errorText().isEmpty());
    panel.setRunner(nullptr);
}

void tst_GatewayPanel::followsTheRunnerOnTheSamePort()
{
    auto first = makeRunner();
    GatewayPanel panel;
    panel.setRunner(first.get());
    panel.portBox()->setValue(0);
    QVERIFY(panel.start());
    const quint16 port = panel.port();
    QCOMPARE(get(panel.baseUrl() + QStringLiteral("/hello")).status, 200);

    // The workspace is reloaded: a new runner, the gateway on the same port, no old runner used.
    auto second = makeRunner();
    QSignalSpy secondRan(second.get(), &Runner::invocationFinished);
    panel.setRunner(second.get());
    first.reset();
    QVERIFY(panel.isServing());
    QCOMPARE(panel.port(), port);
    QCOMPARE(get(panel.baseUrl() + QStringLiteral("/hello")).status, 200);
    QCOMPARE(secondRan.count(), 1);
    QCOMPARE(panel.portBox()->value(), 0); // the user's choice is kept for the next start

    panel.setRunner(nullptr); // the workspace is closed
    QVERIFY(!panel.isServing());
    QVERIFY(!panel.startButton()->isEnabled());
}

void tst_GatewayPanel::issuesTokensTheGuardedRoutesAccept()
{
    GatewayPanel panel;
    QVERIFY(!panel.tokenButton()->isEnabled()); // no workspace, no token service
    QVERIFY(!panel.issueToken(QStringLiteral("alice"), {}));

    auto runner = makeRunner(true);
    panel.setRunner(runner.get());
    QVERIFY(panel.tokenButton()->isEnabled());
    panel.portBox()->setValue(0);
    QVERIFY2(panel.start(), qPrintable(panel.errorText()));
    const QString url = panel.baseUrl() + QStringLiteral("/hello");
    QCOMPARE(get(url).status, 401);

    // Without the route's scope the authorizer refuses; with it the function runs.
    const auto unscoped = panel.issueToken(QStringLiteral("alice"), {});
    QVERIFY2(unscoped, qPrintable(panel.errorText()));
    QVERIFY(panel.tokenText().contains(QStringLiteral("signing key was made"))); // first use
    QCOMPARE(get(url, unscoped->toLatin1()).status, 403);
    const auto token =
        panel.issueToken(QStringLiteral("alice"), {QStringLiteral("greetings:read")});
    QVERIFY2(token, qPrintable(panel.errorText()));
    QVERIFY(!panel.tokenText().contains(QStringLiteral("signing key was made"))); // kept
    QVERIFY(panel.tokenText().contains(QStringLiteral("greetings:read")));
    QCOMPARE(QGuiApplication::clipboard()->text(), *token);
    QCOMPARE(get(url, token->toLatin1()).status, 200);

    QVERIFY(!panel.issueToken(QStringLiteral("  "), {})); // a token needs a subject
    QVERIFY(panel.errorText().contains(QStringLiteral("needs a user")));
    panel.setRunner(nullptr);
}

QTEST_MAIN(tst_GatewayPanel)
#include "tst_GatewayPanel.moc"
