// swb event list | generate: the test events shaped as the real services send them.
#include "Commands.h"

#include "events/EventTemplateCatalog.h"
#include "format/JsonWriter.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSaveFile>

namespace swb::cli {

namespace {

int listEvents(Console& console, const QStringList& args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Tr::tr("List the event templates."));
    parser.addOption(jsonOption());
    if (const auto exit = parseCommandLine(parser, args, console, QStringLiteral("event list"),
                                           QStringLiteral("[--json]")))
        return *exit;
    if (!parser.positionalArguments().isEmpty())
        return console.usage(Tr::tr("event list takes no arguments."),
                             QStringLiteral("event list"));
    const auto catalog = EventTemplateCatalog::loadBuiltIn();
    if (!catalog)
        return console.failed(catalog.error());
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray list;
        for (const EventTemplate& t : catalog->templates()) {
            QJsonObject o;
            o.insert(QStringLiteral("kind"), t.kind);
            o.insert(QStringLiteral("title"), t.title);
            o.insert(QStringLiteral("description"), t.description);
            QJsonArray fields;
            for (const EventTemplateField& f : t.fields) {
                QJsonObject fo;
                fo.insert(QStringLiteral("name"), f.name);
                fo.insert(QStringLiteral("pointer"), f.pointer);
                fo.insert(QStringLiteral("description"), f.description);
                fields.append(fo);
            }
            o.insert(QStringLiteral("fields"), fields);
            list.append(o);
        }
        console.printJson(list);
        return kSuccess;
    }
    qsizetype width = 4;
    for (const EventTemplate& t : catalog->templates())
        width = std::max(width, t.kind.size());
    for (const EventTemplate& t : catalog->templates()) {
        QStringList names;
        for (const EventTemplateField& f : t.fields)
            names << f.name;
        console.out() << t.kind.leftJustified(width + 2) << t.title << '\n'
                      << QString(width + 2, QLatin1Char(' ')) << Tr::tr("fields: ")
                      << (names.isEmpty() ? QStringLiteral("-") : names.join(QStringLiteral(", ")))
                      << '\n';
    }
    return kSuccess;
}

int generateEvent(Console& console, const QStringList& args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Tr::tr("Print an event of KIND, with fields set by --set. TARGET is a field "
               "name from \"swb event list\", a JSON pointer (/Records/0/s3/bucket/name) "
               "or a dotted path (Records.0.s3.bucket.name)."));
    parser.addPositionalArgument(QStringLiteral("KIND"),
                                 Tr::tr("An event kind from \"swb event list\"."));
    const QCommandLineOption set(QStringLiteral("set"),
                                 Tr::tr("Set TARGET to VALUE (JSON where the template "
                                        "holds a non-string; repeatable)."),
                                 QStringLiteral("TARGET=VALUE"));
    const QCommandLineOption out(QStringLiteral("out"),
                                 Tr::tr("Write the event to FILE instead of printing it."),
                                 QStringLiteral("FILE"));
    parser.addOption(set);
    parser.addOption(out);
    if (const auto exit = parseCommandLine(parser, args, console, QStringLiteral("event generate"),
                                           QStringLiteral("KIND [--set TARGET=VALUE ...] "
                                                          "[--out FILE]")))
        return *exit;
    if (parser.positionalArguments().size() != 1)
        return console.usage(Tr::tr("event generate needs one event kind; \"swb event "
                                    "list\" shows them."),
                             QStringLiteral("event generate"));
    const auto catalog = EventTemplateCatalog::loadBuiltIn();
    if (!catalog)
        return console.failed(catalog.error());
    const auto event = catalog->generate(parser.positionalArguments().first(), parser.values(set));
    if (!event)
        return console.failed(event.error());
    const QByteArray text = writeJson(*event);
    if (!parser.isSet(out)) {
        console.out() << QString::fromUtf8(text);
        return kSuccess;
    }
    QSaveFile file(parser.value(out));
    if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size() || !file.commit())
        return console.failed(
            Error{ErrorCode::Io,
                  Tr::tr("%1 cannot be written: %2.").arg(parser.value(out), file.errorString()),
                  {},
                  {}});
    console.out() << Tr::tr("Wrote %1.").arg(parser.value(out)) << '\n';
    return kSuccess;
}

} // namespace

int runEvent(Console& console, const QStringList& args)
{
    const QString sub = args.value(0);
    if (sub == QLatin1String("list"))
        return listEvents(console, args.mid(1));
    if (sub == QLatin1String("generate"))
        return generateEvent(console, args.mid(1));
    if (sub == QLatin1String("--help") || sub == QLatin1String("-h") || sub.isEmpty()) {
        if (sub.isEmpty())
            return console.usage(Tr::tr("event needs a subcommand: list or generate."),
                                 QStringLiteral("event"));
        console.out() << Tr::tr("Usage: swb event list [--json]\n"
                                "       swb event generate KIND [--set TARGET=VALUE ...] "
                                "[--out FILE]\n\n"
                                "Test events shaped as AWS services send them (API Gateway, S3, "
                                "SQS, SNS, EventBridge, DynamoDB, Kinesis).\n");
        return kSuccess;
    }
    return console.usage(Tr::tr("unknown event subcommand \"%1\"; use list or generate.").arg(sub),
                         QStringLiteral("event"));
}

} // namespace swb::cli
