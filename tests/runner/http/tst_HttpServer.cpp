#include "http/HttpServer.h"

#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

#include <optional>

using namespace swb::http;

namespace {

QByteArray s_leftover; // bytes of a pipelined second response read with the first

// Reads one HTTP response (head + Content-Length body); the server runs on this thread, so
// wait by spinning the event loop rather than blocking on the socket.
bool complete(const QByteArray& data)
{
    const qsizetype end = data.indexOf("\r\n\r\n");
    if (end < 0)
        return false;
    const qsizetype lengthAt = data.toLower().indexOf("content-length: ");
    qsizetype length = 0;
    if (lengthAt >= 0 && lengthAt < end)
        length =
            data.mid(lengthAt + 16, data.indexOf("\r\n", lengthAt) - lengthAt - 16).toLongLong();
    return data.size() >= end + 4 + length;
}

QByteArray readResponse(QTcpSocket& socket, int timeoutMs = 5000)
{
    QByteArray data;
    [[maybe_unused]] const bool done = QTest::qWaitFor(
        [&] {
            data += std::exchange(s_leftover, QByteArray()) + socket.readAll();
            return complete(data) || socket.state() == QAbstractSocket::UnconnectedState;
        },
        timeoutMs);
    // Keep what belongs to the next response in the socket's stead.
    const qsizetype end = data.indexOf("\r\n\r\n");
    if (end >= 0 && complete(data)) {
        const qsizetype lengthAt = data.toLower().indexOf("content-length: ");
        const qsizetype length =
            lengthAt >= 0 && lengthAt < end
                ? data.mid(lengthAt + 16, data.indexOf("\r\n", lengthAt) - lengthAt - 16)
                      .toLongLong()
                : 0;
        s_leftover = data.mid(end + 4 + length);
        data.truncate(end + 4 + length);
    }
    return data;
}

} // namespace

class tst_HttpServer : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void answersSimpleRequest();
    void keepsConnectionAliveAcrossRequests();
    void answersPipelinedRequestsInOrder();
    void decodesChunkedBody();
    void answersContinueBeforeBody();
    void refusesTooLargeBody();
    void refusesGarbageRequestLine();
    void refusesOversizedHeaders();
    void longPollIsAnsweredLater();
    void droppedResponderAnswers500();
    void responderKnowsClientLeft();
    void honoursConnectionClose();
    void sendsLargeResponsesWholeAndInOrder();

private:
    HttpServer* m_server = nullptr;
    std::optional<HttpResponder> m_held;
    QList<HttpRequest> m_requests;
    bool m_hold = false;
};

void tst_HttpServer::init()
{
    m_server = new HttpServer(this);
    m_requests.clear();
    m_hold = false;
    m_server->setLimits(HttpLimits{1024, 64});
    m_server->setHandler([this](HttpRequest&& request, HttpResponder&& responder) {
        m_requests.append(request);
        if (m_hold) {
            m_held.emplace(std::move(responder));
            return;
        }
        responder.respond(HttpResponse::text(200, request.method + ' ' + request.path + " q=" +
                                                      request.query + " body=" + request.body));
    });
    QVERIFY(m_server->listen(QHostAddress::LocalHost, 0));
    QVERIFY(m_server->port() != 0);
}

void tst_HttpServer::cleanup()
{
    m_held.reset();
    delete m_server;
    m_server = nullptr;
}

void tst_HttpServer::answersSimpleRequest()
{
    QTcpSocket s;
    s.connectToHost(QHostAddress::LocalHost, m_server->port());
    QVERIFY(s.waitForConnected());
    s.write("GET /a/b?x=1 HTTP/1.1\r\nHost: h\r\nX-Test: v \r\n\r\n");
    const QByteArray r = readResponse(s);
    QVERIFY2(r.startsWith("HTTP/1.1 200 OK\r\n"), r.constData());
    QVERIFY(r.endsWith("GET /a/b q=x=1 body="));
    QCOMPARE(m_requests.first().header("x-test"), QByteArray("v"));
}

void tst_HttpServer::keepsConnectionAliveAcrossRequests()
{
    QTcpSocket s;
    s.connectToHost(QHostAddress::LocalHost, m_server->port());
    QVERIFY(s.waitForConnected());
    for (int i = 0; i < 3; ++i) {
        s.write("POST /p HTTP/1.1\r\nContent-Length: 3\r\n\r\nabc");
        QVERIFY(readResponse(s).endsWith("POST /p q= body=abc"));
    }
    QCOMPARE(m_server->connectionCount(), 1);
}

void tst_HttpServer::answersPipelinedRequestsInOrder()
{
    QTcpSocket s;
    s.connectToHost(QHostAddress::LocalHost, m_server->port());
    QVERIFY(s.waitForConnected());
    s.write("GET /1 HTTP/1.1\r\n\r\nGET /2 HTTP/1.1\r\n\r\n");
    QVERIFY(readResponse(s).endsWith("GET /1 q= body="));
    QVERIFY(readResponse(s).endsWith("GET /2 q= body="));
}

void tst_HttpServer::decodesChunkedBody()
{
    QTcpSocket s;
    s.connectToHost(QHostAddress::LocalHost, m_server->port());
    QVERIFY(s.waitForConnected());
    s.write("POST /c HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n");
    s.flush();
    s.write("2;ext=1\r\nde\r\n0\r\nTrailer: x\r\n\r\n");
    QVERIFY(readResponse(s).endsWith("body=abcde"));
}

void tst_HttpServer::answersContinueBeforeBody()
{
    QTcpSocket s;
    s.connectToHost(QHostAddress::LocalHost, m_server->port());
    QVERIFY(s.waitForConnected());
    s.write("POST /e HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n");
    QByteArray interim;
    QVERIFY(QTest::qWaitFor(
        [&] {
            interim += s.readAll();
            return interim.endsWith("\r\n\r\n");
        },
        5000));
    QCOMPARE(interim, QByteArray("HTTP/1.1 100 Continue\r\n\r\n"));
    s.write("ok");
    QVERIFY(readResponse(s).endsWith("body=ok"));
}

void tst_HttpServer::refusesTooLargeBody()
{
    QTcpSocket s;
    s.connectToHost(QHostAddress::LocalHost, m_server->port());
    QVERIFY(s.waitForConnected());
    s.write("POST /big HTTP/1.1\r\nContent-Length: 65\r\n\r\n");
    const QByteArray r = readResponse(s);
    QVERIFY2(r.startsWith("HTTP/1.1 413 Payload Too Large"), r.constData());
    QVERIFY(m_requests.isEmpty());
}

void tst_HttpServer::refusesGarbageRequestLine()
{
    QTcpSocket s;
    s.connectToHost(QHostAddress::LocalHost, m_server->port());
    QVERIFY(s.waitForConnected());
    s.write("\x16\x03\x01 hello\r\n\r\n");
    QVERIFY(readResponse(s).startsWith("HTTP/1.1 400 Bad Request"));
    QTRY_COMPARE(s.state(), QAbstractSocket::UnconnectedState);
}

void tst_HttpServer::refusesOversizedHeaders()
{
    QTcpSocket s;
    s.connectToHost(QHostAddress::LocalHost, m_server->port());
    QVERIFY(s.waitForConnected());
    s.write("GET / HTTP/1.1\r\nX: " + QByteArray(2000, 'a'));
    QVERIFY(readResponse(s).startsWith("HTTP/1.1 431"));
}

void tst_HttpServer::longPollIsAnsweredLater()
{
    m_hold = true;
    QTcpSocket s;
    s.connectToHost(QHostAddress::LocalHost, m_server->port());
    QVERIFY(s.waitForConnected());
    s.write("GET /next HTTP/1.1\r\n\r\n");
    QTRY_VERIFY(m_held.has_value());
    QVERIFY(m_held->isConnected());
    QTest::qWait(50); // give a wrong answer the chance to arrive: the poll must stay held
    QVERIFY(s.readAll().isEmpty());
    m_held->respond(HttpResponse::json(200, "{\"event\":1}"));
    QVERIFY(readResponse(s).endsWith("{\"event\":1}"));
    QVERIFY(!m_held->isConnected());
}

void tst_HttpServer::droppedResponderAnswers500()
{
    m_hold = true;
    QTcpSocket s;
    s.connectToHost(QHostAddress::LocalHost, m_server->port());
    QVERIFY(s.waitForConnected());
    s.write("GET /x HTTP/1.1\r\n\r\n");
    QTRY_VERIFY(m_held.has_value());
    m_held.reset();
    QVERIFY(readResponse(s).startsWith("HTTP/1.1 500"));
}

void tst_HttpServer::responderKnowsClientLeft()
{
    m_hold = true;
    QSignalSpy closed(m_server, &HttpServer::connectionClosed);
    {
        QTcpSocket s;
        s.connectToHost(QHostAddress::LocalHost, m_server->port());
        QVERIFY(s.waitForConnected());
        s.write("GET /next HTTP/1.1\r\n\r\n");
        QTRY_VERIFY(m_held.has_value());
        s.abort();
    }
    QVERIFY(closed.wait(5000));
    QVERIFY(!m_held->isConnected());
    m_held->respond(HttpResponse::text(200, "late")); // must not crash
}

void tst_HttpServer::honoursConnectionClose()
{
    QTcpSocket s;
    s.connectToHost(QHostAddress::LocalHost, m_server->port());
    QVERIFY(s.waitForConnected());
    s.write("GET /bye HTTP/1.1\r\nConnection: close\r\n\r\n");
    const QByteArray r = readResponse(s);
    QVERIFY(r.contains("Connection: close\r\n"));
    QTRY_COMPARE(s.state(), QAbstractSocket::UnconnectedState);
}

// A response larger than the kernel's socket buffer is partly sent directly and the rest
// through Qt's buffer; the next pipelined response must still come after all of it.
void tst_HttpServer::sendsLargeResponsesWholeAndInOrder()
{
    QByteArray big(8 * 1024 * 1024, Qt::Uninitialized);
    for (qsizetype i = 0; i < big.size(); ++i)
        big[i] = char('a' + i % 26);
    m_server->setHandler([&](HttpRequest&& request, HttpResponder&& responder) {
        responder.respond(HttpResponse::text(200, request.path == "/big" ? big : "small"));
    });
    QTcpSocket s;
    s.connectToHost(QHostAddress::LocalHost, m_server->port());
    QVERIFY(s.waitForConnected());
    s.write("GET /big HTTP/1.1\r\nHost: h\r\n\r\nGET /small HTTP/1.1\r\nHost: h\r\n\r\n");
    const QByteArray first = readResponse(s, 20000);
    QVERIFY2(first.startsWith("HTTP/1.1 200 OK\r\n"), first.left(200).constData());
    QVERIFY(first.endsWith(big));
    const QByteArray second = readResponse(s);
    QVERIFY2(second.startsWith("HTTP/1.1 200 OK\r\n"), second.left(200).constData());
    QVERIFY(second.endsWith("\r\n\r\nsmall"));
}

QTEST_GUILESS_MAIN(tst_HttpServer)
#include "tst_HttpServer.moc"
