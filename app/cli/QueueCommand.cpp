// swb queue send | list | receive: the local queues of a running `swb serve`.
#include "Commands.h"

#include "format/WorkspaceFile.h"
#include "queue/SqsClient.h"

#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>

namespace swb::cli {

namespace {

QCommandLineOption endpointOption()
{
    return QCommandLineOption(QStringLiteral("endpoint"),
                              Tr::tr("The running `swb serve` (default "
                                     "http://127.0.0.1:3000, serve's default port)."),
                              QStringLiteral("URL"), QStringLiteral("http://127.0.0.1:3000"));
}

// Runs one client call to its end on a local event loop.
Result<QJsonObject> await(const std::function<void(SqsClient&, SqsClient::Done)>& start,
                          const QString& endpoint)
{
    QNetworkAccessManager network;
    SqsClient client(network, QUrl(endpoint));
    std::optional<Result<QJsonObject>> result;
    QEventLoop loop;
    start(client, [&result, &loop](Result<QJsonObject> r) {
        result = std::move(r);
        loop.quit();
    });
    if (!result)
        loop.exec();
    return *result;
}

std::optional<QString> checkEndpoint(const QCommandLineParser& parser)
{
    const QUrl url(parser.value(QStringLiteral("endpoint")), QUrl::StrictMode);
    if (!url.isValid() ||
        (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")) ||
        url.host().isEmpty())
        return std::nullopt;
    return url.toString();
}

// With --workspace, a queue the workspace does not name is most likely a typo.
std::optional<int> checkQueueInWorkspace(Console& console, const QCommandLineParser& parser,
                                         const QString& queue, const QString& command)
{
    if (!parser.isSet(QStringLiteral("workspace")))
        return std::nullopt;
    const auto loaded = WorkspaceFile::load(workspaceArgument(parser, false));
    if (!loaded)
        return console.failed(loaded.error());
    QStringList names;
    for (const FunctionSpec& f : loaded->workspace.functions) {
        for (const TriggerSpec& t : f.triggers) {
            if (t.type == TriggerType::Queue) {
                names << sqsQueueName(t.source);
                if (!t.deadLetterQueue.isEmpty())
                    names << sqsQueueName(t.deadLetterQueue);
            }
        }
        for (const QString& d : {f.destinations.onSuccess, f.destinations.onFailure}) {
            const auto target = DestinationTarget::parse(d);
            if (target && target->kind == DestinationTarget::Kind::Queue)
                names << target->name;
        }
    }
    names.removeDuplicates();
    names.sort();
    if (names.contains(queue))
        return std::nullopt;
    return console.usage(Tr::tr("the workspace names no queue \"%1\"; its queues: %2.")
                             .arg(queue, names.isEmpty() ? QStringLiteral("none")
                                                         : names.join(QStringLiteral(", "))),
                         command);
}

int sendMessage(Console& console, const QStringList& args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Tr::tr(
        "Send a message to a local queue of a running `swb serve`; its queue trigger gets it "
        "in the next batch. Prints the message id and the body's MD5 as JSON."));
    parser.addPositionalArgument(QStringLiteral("QUEUE"), Tr::tr("The queue's name."));
    parser.addOption(workspaceOption());
    parser.addOption(endpointOption());
    const QCommandLineOption body(QStringLiteral("body"), Tr::tr("The message body."),
                                  QStringLiteral("TEXT"));
    const QCommandLineOption file(
        QStringLiteral("file"), Tr::tr("Read the message body from FILE."), QStringLiteral("FILE"));
    const QCommandLineOption attribute(QStringLiteral("attribute"),
                                       Tr::tr("A String message attribute (repeatable)."),
                                       QStringLiteral("NAME=VALUE"));
    const QCommandLineOption delay(QStringLiteral("delay"),
                                   Tr::tr("Seconds before the message is visible (0-900)."),
                                   QStringLiteral("S"), QStringLiteral("0"));
    parser.addOption(body);
    parser.addOption(file);
    parser.addOption(attribute);
    parser.addOption(delay);
    const QString command = QStringLiteral("queue send");
    if (const auto exit = parseCommandLine(
            parser, args, console, command,
            QStringLiteral("QUEUE (--body TEXT | --file FILE) [--attribute NAME=VALUE ...] "
                           "[--delay S] [--endpoint URL] [--workspace DIR]")))
        return *exit;
    if (parser.positionalArguments().size() != 1)
        return console.usage(Tr::tr("queue send takes one queue name."), command);
    const QString queue = parser.positionalArguments().first();
    if (parser.isSet(body) == parser.isSet(file))
        return console.usage(Tr::tr("give the message as --body TEXT or --file FILE."), command);
    const auto endpoint = checkEndpoint(parser);
    if (!endpoint)
        return console.usage(Tr::tr("--endpoint needs a URL such as http://127.0.0.1:3000."),
                             command);
    bool ok = false;
    const int delaySeconds = parser.value(delay).toInt(&ok);
    if (!ok || delaySeconds < 0 || delaySeconds > 900)
        return console.usage(Tr::tr("--delay needs a number of seconds from 0 to 900."), command);
    if (const auto exit = checkQueueInWorkspace(console, parser, queue, command))
        return *exit;
    QString text = parser.value(body);
    if (parser.isSet(file)) {
        QFile f(parser.value(file));
        if (!f.open(QIODevice::ReadOnly))
            return console.failed(
                Error{ErrorCode::Io,
                      Tr::tr("Cannot read %1: %2.").arg(parser.value(file), f.errorString()),
                      {},
                      {}});
        text = QString::fromUtf8(f.readAll());
    }
    QJsonObject attributes;
    for (const QString& a : parser.values(attribute)) {
        const qsizetype eq = a.indexOf(QLatin1Char('='));
        if (eq <= 0)
            return console.usage(Tr::tr("--attribute needs NAME=VALUE, not \"%1\".").arg(a),
                                 command);
        attributes.insert(a.left(eq),
                          QJsonObject{{QStringLiteral("DataType"), QStringLiteral("String")},
                                      {QStringLiteral("StringValue"), a.mid(eq + 1)}});
    }
    QJsonObject input{{QStringLiteral("MessageBody"), text}};
    if (!attributes.isEmpty())
        input.insert(QStringLiteral("MessageAttributes"), attributes);
    if (delaySeconds > 0)
        input.insert(QStringLiteral("DelaySeconds"), delaySeconds);
    const auto sent = await(
        [&](SqsClient& client, SqsClient::Done done) {
            client.callOnQueue(queue, QStringLiteral("SendMessage"), input, done);
        },
        *endpoint);
    if (!sent)
        return console.failed(sent.error());
    console.printJson(*sent);
    return kSuccess;
}

int listQueues(Console& console, const QStringList& args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Tr::tr("List the local queues of a running `swb serve` with their message counts."));
    parser.addOption(endpointOption());
    parser.addOption(jsonOption());
    const QString command = QStringLiteral("queue list");
    if (const auto exit = parseCommandLine(parser, args, console, command,
                                           QStringLiteral("[--endpoint URL] [--json]")))
        return *exit;
    if (!parser.positionalArguments().isEmpty())
        return console.usage(Tr::tr("queue list takes no arguments."), command);
    const auto endpoint = checkEndpoint(parser);
    if (!endpoint)
        return console.usage(Tr::tr("--endpoint needs a URL such as http://127.0.0.1:3000."),
                             command);
    const auto listed =
        await([](SqsClient& client,
                 SqsClient::Done done) { client.call(QStringLiteral("ListQueues"), {}, done); },
              *endpoint);
    if (!listed)
        return console.failed(listed.error());
    QJsonArray rows;
    for (const QJsonValue& url : listed->value(QStringLiteral("QueueUrls")).toArray()) {
        const auto attributes = await(
            [&url](SqsClient& client, SqsClient::Done done) {
                client.call(QStringLiteral("GetQueueAttributes"),
                            QJsonObject{{QStringLiteral("QueueUrl"), url},
                                        {QStringLiteral("AttributeNames"),
                                         QJsonArray{QStringLiteral("All")}}},
                            done);
            },
            *endpoint);
        if (!attributes)
            return console.failed(attributes.error());
        const QJsonObject a = attributes->value(QStringLiteral("Attributes")).toObject();
        rows.append(QJsonObject{
            {QStringLiteral("name"), url.toString().section(QLatin1Char('/'), -1)},
            {QStringLiteral("url"), url},
            {QStringLiteral("visible"),
             a.value(QStringLiteral("ApproximateNumberOfMessages")).toString().toInt()},
            {QStringLiteral("inFlight"),
             a.value(QStringLiteral("ApproximateNumberOfMessagesNotVisible")).toString().toInt()},
            {QStringLiteral("redrivePolicy"), a.value(QStringLiteral("RedrivePolicy"))}});
    }
    if (parser.isSet(QStringLiteral("json"))) {
        console.printJson(rows);
        return kSuccess;
    }
    for (const QJsonValue& v : rows) {
        const QJsonObject r = v.toObject();
        console.out() << Tr::tr("%1  %2 visible, %3 in flight  %4\n")
                             .arg(r.value(QStringLiteral("name")).toString())
                             .arg(r.value(QStringLiteral("visible")).toInt())
                             .arg(r.value(QStringLiteral("inFlight")).toInt())
                             .arg(r.value(QStringLiteral("url")).toString());
    }
    return kSuccess;
}

int receiveMessages(Console& console, const QStringList& args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Tr::tr(
        "Receive messages from a local queue of a running `swb serve` (a dead-letter queue, "
        "say) and print them as JSON, as `aws sqs receive-message` does. They stay hidden for "
        "the queue's visibility timeout and come back unless --delete is given."));
    parser.addPositionalArgument(QStringLiteral("QUEUE"), Tr::tr("The queue's name."));
    parser.addOption(workspaceOption());
    parser.addOption(endpointOption());
    const QCommandLineOption max(QStringLiteral("max"),
                                 Tr::tr("At most N messages, 1 to 10 (default 10)."),
                                 QStringLiteral("N"), QStringLiteral("10"));
    const QCommandLineOption remove(QStringLiteral("delete"),
                                    Tr::tr("Delete the messages after printing them."));
    parser.addOption(max);
    parser.addOption(remove);
    const QString command = QStringLiteral("queue receive");
    if (const auto exit = parseCommandLine(
            parser, args, console, command,
            QStringLiteral("QUEUE [--max N] [--delete] [--endpoint URL] [--workspace DIR]")))
        return *exit;
    if (parser.positionalArguments().size() != 1)
        return console.usage(Tr::tr("queue receive takes one queue name."), command);
    const QString queue = parser.positionalArguments().first();
    const auto endpoint = checkEndpoint(parser);
    if (!endpoint)
        return console.usage(Tr::tr("--endpoint needs a URL such as http://127.0.0.1:3000."),
                             command);
    bool ok = false;
    const int count = parser.value(max).toInt(&ok);
    if (!ok || count < 1 || count > 10)
        return console.usage(Tr::tr("--max needs a number from 1 to 10."), command);
    if (const auto exit = checkQueueInWorkspace(console, parser, queue, command))
        return *exit;
    const QJsonObject input{
        {QStringLiteral("MaxNumberOfMessages"), count},
        {QStringLiteral("AttributeNames"), QJsonArray{QStringLiteral("All")}},
        {QStringLiteral("MessageAttributeNames"), QJsonArray{QStringLiteral("All")}}};
    QString queueUrl;
    const auto received = await(
        [&](SqsClient& client, SqsClient::Done done) {
            client.callOnQueue(queue, QStringLiteral("ReceiveMessage"), input, done);
        },
        *endpoint);
    if (!received)
        return console.failed(received.error());
    const QJsonArray messages = received->value(QStringLiteral("Messages")).toArray();
    if (parser.isSet(remove)) {
        for (const QJsonValue& m : messages) {
            const auto deleted = await(
                [&](SqsClient& client, SqsClient::Done done) {
                    client.callOnQueue(
                        queue, QStringLiteral("DeleteMessage"),
                        QJsonObject{{QStringLiteral("ReceiptHandle"),
                                     m.toObject().value(QStringLiteral("ReceiptHandle"))}},
                        done);
                },
                *endpoint);
            if (!deleted)
                return console.failed(deleted.error());
        }
    }
    console.printJson(QJsonObject{{QStringLiteral("Messages"), messages}});
    return kSuccess;
}

} // namespace

int runQueue(Console& console, const QStringList& args)
{
    const QString sub = args.value(0);
    if (sub == QLatin1String("send"))
        return sendMessage(console, args.mid(1));
    if (sub == QLatin1String("list"))
        return listQueues(console, args.mid(1));
    if (sub == QLatin1String("receive"))
        return receiveMessages(console, args.mid(1));
    if (sub == QLatin1String("--help") || sub == QLatin1String("-h")) {
        console.out() << Tr::tr(
            "Usage: swb queue send QUEUE (--body TEXT | --file FILE) [--attribute NAME=VALUE "
            "...] [--delay S] [--endpoint URL] [--workspace DIR]\n"
            "       swb queue list [--endpoint URL] [--json]\n"
            "       swb queue receive QUEUE [--max N] [--delete] [--endpoint URL] "
            "[--workspace DIR]\n\n"
            "The local SQS queues of a running `swb serve` (default endpoint "
            "http://127.0.0.1:3000): send messages to queue triggers, list the queues, read "
            "a dead-letter queue. The AWS CLI and SDKs work too: aws sqs send-message "
            "--endpoint-url http://127.0.0.1:3000 --queue-url URL --message-body TEXT.\n");
        return kSuccess;
    }
    return console.usage(sub.isEmpty() ? Tr::tr("queue needs a subcommand: send, list or receive.")
                                       : Tr::tr("unknown queue subcommand \"%1\"; use send, list "
                                                "or receive.")
                                             .arg(sub),
                         QStringLiteral("queue"));
}

} // namespace swb::cli
