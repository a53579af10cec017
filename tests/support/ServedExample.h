#pragma once
// `swb serve` on a temporary copy of one of the shipped example workspaces, for the tests that
// drive an example end to end (they get SWB_CLI_PATH and Qt6::Network). The copy keeps the
// server's .swb/ (history, databases) out of the source tree; the destructor stops the server
// (SIGTERM, then SIGKILL), so a test that fails half-way leaves nothing running.

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <memory>

namespace swb::test {

class ServedExample {
public:
    struct Reply {
        int status = 0; // 0: no answer in time
        QByteArray body;
        QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    };

    explicit ServedExample(const QString& example) : m_example(example) {}
    ~ServedExample() { stop(); }
    ServedExample(const ServedExample&) = delete;
    ServedExample& operator=(const ServedExample&) = delete;

    // The environment swb serve runs with (default: the test's own).
    void setEnvironment(const QProcessEnvironment& environment) { m_env = environment; }

    // Copies the example into the temporary folder (once); empty, else what went wrong.
    QString copy()
    {
        if (m_copied)
            return {};
        if (!m_dir.isValid())
            return QStringLiteral("cannot create a temporary folder");
        // As root, PostgreSQL runs as another user, who must enter the (0700) folder.
        QFile::setPermissions(m_dir.path(), QFile::permissions(m_dir.path()) | QFile::ExeOther |
                                                QFile::ReadOther | QFile::ExeGroup |
                                                QFile::ReadGroup);
        const QDir source(QStringLiteral(SWB_SOURCE_DIR "/examples/") + m_example);
        if (!source.exists(QStringLiteral("workbench.json")))
            return QStringLiteral("no example %1").arg(source.path());
        QDirIterator it(source.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString file = it.next();
            const QString relative = source.relativeFilePath(file);
            if (relative.startsWith(QLatin1String(".swb/")) || relative.contains(u"__pycache__"))
                continue;
            const QString target = m_dir.filePath(relative);
            if (!QDir().mkpath(QFileInfo(target).path()) || !QFile::copy(file, target))
                return QStringLiteral("cannot copy %1 to %2").arg(file, target);
        }
        m_copied = true;
        return {};
    }

    // Copies the example and starts the server on a free port; empty when it listens (with
    // its databases up), else what went wrong (for QVERIFY2).
    QString start()
    {
        if (const QString copied = copy(); !copied.isEmpty())
            return copied;
        m_process = std::make_unique<QProcess>();
        m_process->setProcessEnvironment(m_env);
        QObject::connect(m_process.get(), &QProcess::readyReadStandardError, m_process.get(),
                         [this] { m_log += m_process->readAllStandardError(); });
        m_process->start(QStringLiteral(SWB_CLI_PATH),
                         {QStringLiteral("serve"), QStringLiteral("--workspace"), m_dir.path(),
                          QStringLiteral("--port"), QStringLiteral("0")});
        if (!m_process->waitForStarted())
            return QStringLiteral("swb did not start: %1").arg(m_process->errorString());
        if (!QTest::qWaitFor(
                [this] {
                    return m_process->canReadLine() || m_process->state() == QProcess::NotRunning;
                },
                60000) ||
            !m_process->canReadLine())
            return QStringLiteral("swb serve printed no address: %1").arg(log());
        const QString first = QString::fromUtf8(m_process->readLine()).trimmed();
        m_port = quint16(first.section(QLatin1Char(':'), -1).toUInt());
        if (!first.startsWith(QLatin1String("listening on http://127.0.0.1:")) || m_port == 0)
            return QStringLiteral("unexpected first line \"%1\": %2").arg(first, log());
        return {};
    }

    void stop()
    {
        if (!m_process || m_process->state() == QProcess::NotRunning)
            return;
        ::kill(pid_t(m_process->processId()), SIGTERM); // lets it stop its instances
        if (!m_process->waitForFinished(15000)) {
            m_process->kill();
            m_process->waitForFinished(5000);
        }
    }
    bool isValid() const { return m_dir.isValid(); }

    QString folder() const { return m_dir.path(); }
    quint16 port() const { return m_port; }
    QString log() const { return QString::fromUtf8(m_log); }

    Reply request(const QByteArray& method, const QString& path, const QByteArray& body = {},
                  const QList<QPair<QByteArray, QByteArray>>& headers = {}, int timeoutMs = 30000)
    {
        QNetworkRequest request(
            QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_port).arg(path)));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        for (const auto& [name, value] : headers)
            request.setRawHeader(name, value);
        std::unique_ptr<QNetworkReply> reply(m_network.sendCustomRequest(request, method, body));
        Reply r;
        if (!QTest::qWaitFor([&reply] { return reply->isFinished(); }, timeoutMs))
            return r;
        r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        r.body = reply->readAll();
        return r;
    }

    // Lambda's Invoke API: RequestResponse, or Event when `async`.
    Reply invoke(const QString& function, const QByteArray& payload, bool async = false)
    {
        return request("POST", QStringLiteral("/2015-03-31/functions/%1/invocations").arg(function),
                       payload, {{"X-Amz-Invocation-Type", async ? "Event" : "RequestResponse"}});
    }

    // One SQS action over the AWS JSON 1.0 protocol, as current SDKs speak it.
    Reply sqs(const QString& action, const QJsonObject& input)
    {
        return request("POST", QStringLiteral("/"),
                       QJsonDocument(input).toJson(QJsonDocument::Compact),
                       {{"X-Amz-Target", "AmazonSQS." + action.toLatin1()},
                        {"Content-Type", "application/x-amz-json-1.0"}});
    }

    QString queueUrl(const QString& queue)
    {
        return sqs(QStringLiteral("GetQueueUrl"), {{QStringLiteral("QueueName"), queue}})
            .json()
            .value(QStringLiteral("QueueUrl"))
            .toString();
    }

    // ApproximateNumberOfMessages + NotVisible, or -1 when the queue does not answer.
    int messagesIn(const QString& queue, bool includeInFlight = true)
    {
        const Reply r =
            sqs(QStringLiteral("GetQueueAttributes"),
                {{QStringLiteral("QueueUrl"), queueUrl(queue)},
                 {QStringLiteral("AttributeNames"), QJsonArray{QStringLiteral("All")}}});
        if (r.status != 200)
            return -1;
        const QJsonObject a = r.json().value(QStringLiteral("Attributes")).toObject();
        return a.value(QStringLiteral("ApproximateNumberOfMessages")).toString().toInt() +
               (includeInFlight ? a.value(QStringLiteral("ApproximateNumberOfMessagesNotVisible"))
                                      .toString()
                                      .toInt()
                                : 0);
    }

private:
    QString m_example;
    QTemporaryDir m_dir;
    QProcessEnvironment m_env = QProcessEnvironment::systemEnvironment();
    bool m_copied = false;
    std::unique_ptr<QProcess> m_process;
    QByteArray m_log;
    quint16 m_port = 0;
    QNetworkAccessManager m_network;
};

} // namespace swb::test
