#include "EventTemplateCatalog.h"

#include "format/JsonLocator.h"
#include "format/TextFile.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QRegularExpression>
#include <QUrl>

#include <algorithm>
#include <optional>

namespace swb {

namespace {

const QString kValuePlaceholder = QStringLiteral("{value}");

// ---- JSON pointers ---------------------------------------------------------------------------

// The unescaped tokens of an RFC 6901 pointer, or what is wrong with it.
std::expected<QStringList, QString> splitPointer(const QString& pointer)
{
    if (pointer.isEmpty())
        return QStringList{};
    if (!pointer.startsWith(QLatin1Char('/')))
        return std::unexpected(QStringLiteral("it must start with \"/\""));
    QStringList tokens;
    for (const QString& raw : pointer.mid(1).split(QLatin1Char('/'))) {
        QString token;
        for (qsizetype i = 0; i < raw.size(); ++i) {
            if (raw.at(i) != QLatin1Char('~')) {
                token += raw.at(i);
                continue;
            }
            const QChar next = i + 1 < raw.size() ? raw.at(i + 1) : QChar();
            if (next == QLatin1Char('0'))
                token += QLatin1Char('~');
            else if (next == QLatin1Char('1'))
                token += QLatin1Char('/');
            else
                return std::unexpected(QStringLiteral(
                    "\"~\" must be followed by 0 or 1 (write ~0 for \"~\" and ~1 for \"/\")"));
            ++i;
        }
        tokens.append(token);
    }
    return tokens;
}

// The pointer to the first `count` tokens (all of them when count < 0).
QString joinPointer(const QStringList& tokens, qsizetype count = -1)
{
    if (count < 0)
        count = tokens.size();
    QString pointer;
    for (qsizetype i = 0; i < count; ++i) {
        QString token = tokens.at(i);
        token.replace(QLatin1Char('~'), QStringLiteral("~0"));
        token.replace(QLatin1Char('/'), QStringLiteral("~1"));
        pointer += QLatin1Char('/') + token;
    }
    return pointer;
}

// An array index as RFC 6901 spells it: digits, no leading zero.
std::optional<qsizetype> arrayIndex(const QString& token)
{
    static const QRegularExpression digits(QStringLiteral("^(0|[1-9][0-9]{0,8})$"));
    if (!digits.match(token).hasMatch())
        return std::nullopt;
    return token.toLongLong();
}

// The value a pointer names, or undefined when there is none.
QJsonValue valueAt(const QJsonValue& root, const QStringList& tokens)
{
    QJsonValue node = root;
    for (const QString& token : tokens) {
        if (node.isObject()) {
            const QJsonObject object = node.toObject();
            if (!object.contains(token))
                return QJsonValue(QJsonValue::Undefined);
            node = object.value(token);
        } else if (node.isArray()) {
            const QJsonArray array = node.toArray();
            const auto index = arrayIndex(token);
            if (!index || *index >= array.size())
                return QJsonValue(QJsonValue::Undefined);
            node = array.at(*index);
        } else {
            return QJsonValue(QJsonValue::Undefined);
        }
    }
    return node;
}

QString describeKind(const QJsonValue& value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return QStringLiteral("a string");
    case QJsonValue::Double:
        return QStringLiteral("a number");
    case QJsonValue::Bool:
        return QStringLiteral("a boolean");
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Array:
        return QStringLiteral("an array");
    case QJsonValue::Object:
        return QStringLiteral("an object");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("missing");
}

QString describeArraySize(const QString& where, qsizetype size)
{
    if (size == 0)
        return QStringLiteral("%1 is an empty array").arg(where);
    if (size == 1)
        return QStringLiteral("%1 has 1 item (index 0)").arg(where);
    return QStringLiteral("%1 has %2 items (indexes 0 to %3)").arg(where).arg(size).arg(size - 1);
}

// Writes `value` at tokens[depth..] below `node`; an undefined value removes an object key.
// Only the last token may name a key that does not exist yet. Returns why it cannot, or "".
QString setAt(QJsonValue& node, const QStringList& tokens, qsizetype depth, const QJsonValue& value)
{
    const QString& token = tokens.at(depth);
    const bool last = depth + 1 == tokens.size();
    const QString here = depth == 0 ? QStringLiteral("the event") : joinPointer(tokens, depth);
    if (node.isObject()) {
        QJsonObject object = node.toObject();
        if (last) {
            if (value.isUndefined())
                object.remove(token);
            else
                object.insert(token, value);
        } else {
            if (!object.contains(token))
                return QStringLiteral("%1 does not exist; set it first (for example %1={}) or "
                                      "check the spelling")
                    .arg(joinPointer(tokens, depth + 1));
            QJsonValue child = object.value(token);
            const QString problem = setAt(child, tokens, depth + 1, value);
            if (!problem.isEmpty())
                return problem;
            object.insert(token, child);
        }
        node = object;
        return {};
    }
    if (node.isArray()) {
        QJsonArray array = node.toArray();
        const auto index = arrayIndex(token);
        if (!index) {
            if (array.isEmpty())
                return QStringLiteral("%1 is an empty array").arg(here);
            return QStringLiteral("%1 is an array, so \"%2\" must be an index from 0 to %3")
                .arg(here, token)
                .arg(array.size() - 1);
        }
        if (*index >= array.size())
            return describeArraySize(here, array.size());
        if (last) {
            if (value.isUndefined())
                return QStringLiteral("an array item cannot be removed");
            array.replace(*index, value);
        } else {
            QJsonValue child = array.at(*index);
            const QString problem = setAt(child, tokens, depth + 1, value);
            if (!problem.isEmpty())
                return problem;
            array.replace(*index, child);
        }
        node = array;
        return {};
    }
    return QStringLiteral("%1 is %2, not an object or array").arg(here, describeKind(node));
}

// ---- Values and encodings --------------------------------------------------------------------

// The user's text typed like the value it replaces: text for text, else JSON when it parses.
QJsonValue typedValue(const QString& text, const QJsonValue& existing)
{
    if (existing.isString())
        return text;
    // QJsonDocument parses only objects and arrays: wrap the text so scalars parse too.
    QJsonParseError error{};
    const QJsonDocument document =
        QJsonDocument::fromJson(QStringLiteral("[%1]").arg(text).toUtf8(), &error);
    if (error.error == QJsonParseError::NoError && document.array().size() == 1)
        return document.array().at(0);
    return text;
}

// S3 URL-encodes object keys in event notifications like an HTML form does (space -> '+',
// other bytes outside the unreserved set -> %XX) but keeps '/' as it is.
QString s3EncodedKey(const QString& key)
{
    QString encoded;
    for (const char c : key.toUtf8()) {
        const auto byte = static_cast<unsigned char>(c);
        if ((byte >= 'A' && byte <= 'Z') || (byte >= 'a' && byte <= 'z') ||
            (byte >= '0' && byte <= '9') || byte == '-' || byte == '_' || byte == '.' ||
            byte == '*' || byte == '/')
            encoded += QLatin1Char(char(byte));
        else if (byte == ' ')
            encoded += QLatin1Char('+');
        else
            encoded += QStringLiteral("%%1").arg(uint(byte), 2, 16, QLatin1Char('0')).toUpper();
    }
    return encoded;
}

// "a=1&b=x%20y&a=2" as (name, value) pairs, percent-decoded, in order.
QList<std::pair<QString, QString>> queryItems(const QString& query)
{
    QList<std::pair<QString, QString>> items;
    for (const QString& part : query.split(QLatin1Char('&'), Qt::SkipEmptyParts)) {
        const qsizetype equals = part.indexOf(QLatin1Char('='));
        const QString name = equals < 0 ? part : part.left(equals);
        const QString value = equals < 0 ? QString() : part.mid(equals + 1);
        items.append(
            {QUrl::fromPercentEncoding(name.toUtf8()), QUrl::fromPercentEncoding(value.toUtf8())});
    }
    return items;
}

enum class QueryShape { CommaJoined, LastValue, ValueLists };

// API Gateway's maps of a query string: HTTP APIs join repeated names with commas and omit the
// map when there is no query; REST APIs keep the last value (and every value in the
// multi-value map) and send null.
QJsonValue queryParameters(const QString& query, QueryShape shape)
{
    const auto items = queryItems(query);
    if (items.isEmpty())
        return shape == QueryShape::CommaJoined ? QJsonValue(QJsonValue::Undefined)
                                                : QJsonValue(QJsonValue::Null);
    QJsonObject parameters;
    for (const auto& [name, value] : items) {
        const QJsonValue previous = parameters.value(name);
        switch (shape) {
        case QueryShape::CommaJoined:
            parameters.insert(name, previous.isUndefined()
                                        ? value
                                        : previous.toString() + QLatin1Char(',') + value);
            break;
        case QueryShape::LastValue:
            parameters.insert(name, value);
            break;
        case QueryShape::ValueLists: {
            QJsonArray values = previous.toArray();
            values.append(value);
            parameters.insert(name, values);
            break;
        }
        }
    }
    return parameters;
}

// Encodings whose result is text, so a format can wrap it.
bool isTextEncoding(const QString& encoding)
{
    return encoding.isEmpty() || encoding == QLatin1String("base64") ||
           encoding == QLatin1String("s3-key") || encoding == QLatin1String("md5") ||
           encoding == QLatin1String("byte-length");
}

QJsonValue encode(const QString& encoding, const QString& text)
{
    if (encoding == QLatin1String("base64"))
        return QString::fromLatin1(text.toUtf8().toBase64());
    if (encoding == QLatin1String("s3-key"))
        return s3EncodedKey(text);
    if (encoding == QLatin1String("md5"))
        return QString::fromLatin1(
            QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Md5).toHex());
    if (encoding == QLatin1String("byte-length"))
        return QString::number(text.toUtf8().size());
    if (encoding == QLatin1String("array"))
        return QJsonArray{text};
    if (encoding == QLatin1String("query-parameters"))
        return queryParameters(text, QueryShape::CommaJoined);
    if (encoding == QLatin1String("query-parameters-last"))
        return queryParameters(text, QueryShape::LastValue);
    if (encoding == QLatin1String("query-multi-parameters"))
        return queryParameters(text, QueryShape::ValueLists);
    return text; // unreachable: templates are validated on load
}

QJsonValue targetValue(const EventTemplateTarget& target, const QString& text,
                       const QJsonValue& existing)
{
    if (target.encoding.isEmpty() && target.format.isEmpty())
        return typedValue(text, existing);
    QJsonValue value = target.encoding.isEmpty() ? QJsonValue(text) : encode(target.encoding, text);
    if (!target.format.isEmpty())
        value = QString(target.format).replace(kValuePlaceholder, value.toString());
    return value;
}

// ---- Loading ---------------------------------------------------------------------------------

// Collects the problems of one template file, each at a pointer and where the user wrote it.
class TemplateValidator {
public:
    TemplateValidator(QString file, const QByteArray& utf8)
        : m_file(std::move(file)), m_locator(utf8)
    {}

    void problem(const QString& pointer, const QString& message)
    {
        const TextPosition pos = m_locator.find(pointer).value_or(TextPosition{0, 0});
        m_diagnostics.append(
            Diagnostic{Severity::Error, m_file, pointer, pos.line, pos.column, message});
    }

    // The string at object[key], or nullopt (with a problem) when missing, mistyped or empty.
    std::optional<QString> requiredText(const QJsonObject& object, const QString& pointer,
                                        const QString& key)
    {
        const QString at = pointer + QLatin1Char('/') + key;
        if (!object.contains(key)) {
            problem(at, QStringLiteral("this required key is missing"));
            return std::nullopt;
        }
        return text(object.value(key), at, /*required=*/true);
    }

    std::optional<QString> optionalText(const QJsonObject& object, const QString& pointer,
                                        const QString& key)
    {
        if (!object.contains(key))
            return QString();
        return text(object.value(key), pointer + QLatin1Char('/') + key, /*required=*/true);
    }

    void rejectUnknownKeys(const QJsonObject& object, const QString& pointer,
                           const QStringList& known)
    {
        for (const QString& key : object.keys()) {
            if (!known.contains(key))
                problem(pointer + QLatin1Char('/') + key,
                        QStringLiteral("unknown key \"%1\"; expected %2")
                            .arg(key, known.join(QStringLiteral(", "))));
        }
    }

    // A target's pointer: well formed, not the whole event, naming an existing value.
    void checkPointer(const QString& pointer, const QString& at, const QJsonObject& event)
    {
        const auto tokens = splitPointer(pointer);
        if (!tokens) {
            problem(at, QStringLiteral("\"%1\" is not a valid JSON pointer: %2")
                            .arg(pointer, tokens.error()));
            return;
        }
        if (tokens->isEmpty()) {
            problem(at, QStringLiteral("the empty pointer names the whole event; point at a value "
                                       "inside it"));
            return;
        }
        if (valueAt(event, *tokens).isUndefined())
            problem(at, QStringLiteral("\"%1\" does not exist in the event").arg(pointer));
    }

    void checkEncodingAndFormat(const QString& encoding, const QString& format, const QString& at)
    {
        if (!encoding.isEmpty() && !eventTemplateEncodings().contains(encoding))
            problem(at + QStringLiteral("/encoding"),
                    QStringLiteral("\"%1\" is not a known encoding; use one of %2")
                        .arg(encoding, eventTemplateEncodings().join(QStringLiteral(", "))));
        if (!format.isEmpty() && !format.contains(kValuePlaceholder))
            problem(at + QStringLiteral("/format"),
                    QStringLiteral("the format must contain {value}"));
        if (!format.isEmpty() && !isTextEncoding(encoding) &&
            eventTemplateEncodings().contains(encoding))
            problem(at + QStringLiteral("/format"),
                    QStringLiteral("a format needs a text encoding, and \"%1\" does not give text")
                        .arg(encoding));
    }

    bool ok() const { return m_diagnostics.isEmpty(); }

    Error error() const
    {
        const Diagnostic& first = m_diagnostics.first();
        const QString where =
            first.pointer.isEmpty() ? QStringLiteral("the top level") : first.pointer;
        Error error{ErrorCode::Validation,
                    m_diagnostics.size() == 1
                        ? QStringLiteral("Event template %1 is invalid at %2: %3.")
                              .arg(m_file, where, first.message)
                        : QStringLiteral("Event template %1 has %2 problems, the first at %3: %4.")
                              .arg(m_file)
                              .arg(m_diagnostics.size())
                              .arg(where, first.message),
                    {},
                    m_diagnostics};
        return error;
    }

private:
    std::optional<QString> text(const QJsonValue& value, const QString& at, bool required)
    {
        if (!value.isString()) {
            problem(at, QStringLiteral("expected a string, found %1").arg(describeKind(value)));
            return std::nullopt;
        }
        if (required && value.toString().trimmed().isEmpty()) {
            problem(at, QStringLiteral("must not be empty"));
            return std::nullopt;
        }
        return value.toString();
    }

    QString m_file;
    JsonLocator m_locator;
    QList<Diagnostic> m_diagnostics;
};

Result<EventTemplate> parseTemplate(const QString& file, const QByteArray& utf8)
{
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(utf8, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        const TextPosition pos = positionAtUtf8(utf8, parseError.offset);
        Error error{ErrorCode::Parse,
                    QStringLiteral("Event template %1 is not valid JSON: %2 at line %3, column "
                                   "%4; fix the syntax there.")
                        .arg(file, parseError.errorString())
                        .arg(pos.line)
                        .arg(pos.column),
                    {},
                    {}};
        error.diagnostics.append(
            Diagnostic{Severity::Error, file, {}, pos.line, pos.column, parseError.errorString()});
        return std::unexpected(error);
    }

    TemplateValidator check(file, utf8);
    if (!document.isObject()) {
        check.problem({}, QStringLiteral("the file must hold a JSON object"));
        return std::unexpected(check.error());
    }
    const QJsonObject root = document.object();
    check.rejectUnknownKeys(root, {},
                            {QStringLiteral("kind"), QStringLiteral("title"),
                             QStringLiteral("description"), QStringLiteral("fields"),
                             QStringLiteral("event")});

    EventTemplate result;
    if (const auto kind = check.requiredText(root, {}, QStringLiteral("kind"))) {
        static const QRegularExpression kindPattern(QStringLiteral("^[a-z0-9]+(-[a-z0-9]+)*$"));
        if (!kindPattern.match(*kind).hasMatch())
            check.problem(QStringLiteral("/kind"),
                          QStringLiteral("\"%1\" is not a valid kind; use lower-case letters, "
                                         "digits and single dashes")
                              .arg(*kind));
        result.kind = *kind;
    }
    result.title = check.requiredText(root, {}, QStringLiteral("title")).value_or(QString());
    result.description =
        check.requiredText(root, {}, QStringLiteral("description")).value_or(QString());

    bool haveEvent = false;
    if (!root.contains(QStringLiteral("event"))) {
        check.problem(QStringLiteral("/event"), QStringLiteral("this required key is missing"));
    } else if (!root.value(QStringLiteral("event")).isObject()) {
        check.problem(QStringLiteral("/event"),
                      QStringLiteral("expected an object, found %1")
                          .arg(describeKind(root.value(QStringLiteral("event")))));
    } else {
        result.event = root.value(QStringLiteral("event")).toObject();
        haveEvent = true;
    }

    const QJsonValue fields = root.value(QStringLiteral("fields"));
    if (fields.isUndefined()) {
        check.problem(QStringLiteral("/fields"), QStringLiteral("this required key is missing"));
    } else if (!fields.isArray()) {
        check.problem(QStringLiteral("/fields"),
                      QStringLiteral("expected an array, found %1").arg(describeKind(fields)));
    } else {
        static const QRegularExpression namePattern(QStringLiteral("^[A-Za-z][A-Za-z0-9_-]*$"));
        const QJsonArray array = fields.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            const QString at = QStringLiteral("/fields/%1").arg(i);
            if (!array.at(i).isObject()) {
                check.problem(
                    at,
                    QStringLiteral("expected an object, found %1").arg(describeKind(array.at(i))));
                continue;
            }
            const QJsonObject object = array.at(i).toObject();
            check.rejectUnknownKeys(object, at,
                                    {QStringLiteral("name"), QStringLiteral("path"),
                                     QStringLiteral("description"), QStringLiteral("encoding"),
                                     QStringLiteral("format"), QStringLiteral("alsoSets")});
            EventTemplateField field;
            if (const auto name = check.requiredText(object, at, QStringLiteral("name"))) {
                field.name = *name;
                if (!namePattern.match(*name).hasMatch()) {
                    check.problem(at + QStringLiteral("/name"),
                                  QStringLiteral("\"%1\" is not a valid field name; start with a "
                                                 "letter and use letters, digits, '_' and '-'")
                                      .arg(*name));
                } else {
                    for (qsizetype j = 0; j < result.fields.size(); ++j) {
                        if (result.fields.at(j).name == *name)
                            check.problem(at + QStringLiteral("/name"),
                                          QStringLiteral("\"%1\" is already the name of "
                                                         "/fields/%2")
                                              .arg(*name)
                                              .arg(j));
                    }
                }
            }
            if (const auto path = check.requiredText(object, at, QStringLiteral("path"))) {
                field.pointer = *path;
                if (haveEvent)
                    check.checkPointer(*path, at + QStringLiteral("/path"), result.event);
            }
            field.description =
                check.requiredText(object, at, QStringLiteral("description")).value_or(QString());
            field.encoding =
                check.optionalText(object, at, QStringLiteral("encoding")).value_or(QString());
            field.format =
                check.optionalText(object, at, QStringLiteral("format")).value_or(QString());
            check.checkEncodingAndFormat(field.encoding, field.format, at);

            const QJsonValue alsoSets = object.value(QStringLiteral("alsoSets"));
            if (!alsoSets.isUndefined() && !alsoSets.isArray()) {
                check.problem(at + QStringLiteral("/alsoSets"),
                              QStringLiteral("expected an array of pointers or {path, encoding, "
                                             "format} objects, found %1")
                                  .arg(describeKind(alsoSets)));
            }
            const QJsonArray also = alsoSets.toArray();
            for (qsizetype j = 0; j < also.size(); ++j) {
                const QString alsoAt = at + QStringLiteral("/alsoSets/%1").arg(j);
                EventTemplateTarget target;
                if (also.at(j).isString()) {
                    target.pointer = also.at(j).toString();
                    if (haveEvent)
                        check.checkPointer(target.pointer, alsoAt, result.event);
                } else if (also.at(j).isObject()) {
                    const QJsonObject entry = also.at(j).toObject();
                    check.rejectUnknownKeys(entry, alsoAt,
                                            {QStringLiteral("path"), QStringLiteral("encoding"),
                                             QStringLiteral("format")});
                    if (const auto path =
                            check.requiredText(entry, alsoAt, QStringLiteral("path"))) {
                        target.pointer = *path;
                        if (haveEvent)
                            check.checkPointer(*path, alsoAt + QStringLiteral("/path"),
                                               result.event);
                    }
                    target.encoding = check.optionalText(entry, alsoAt, QStringLiteral("encoding"))
                                          .value_or(QString());
                    target.format = check.optionalText(entry, alsoAt, QStringLiteral("format"))
                                        .value_or(QString());
                    check.checkEncodingAndFormat(target.encoding, target.format, alsoAt);
                } else {
                    check.problem(alsoAt,
                                  QStringLiteral("expected a pointer or a {path, encoding, format} "
                                                 "object, found %1")
                                      .arg(describeKind(also.at(j))));
                }
                field.alsoSets.append(target);
            }
            result.fields.append(field);
        }
    }

    if (!check.ok())
        return std::unexpected(check.error());
    return result;
}

// ---- Assignments -----------------------------------------------------------------------------

// What an assignment's target names: the places to write and how.
Result<QList<EventTemplateTarget>> resolveTarget(const EventTemplate& tmpl, const QString& target)
{
    if (target.startsWith(QLatin1Char('/'))) {
        const auto tokens = splitPointer(target);
        if (!tokens)
            return fail(ErrorCode::InvalidArgument,
                        QStringLiteral("\"%1\" is not a valid JSON pointer: %2.")
                            .arg(target, tokens.error()));
        return QList<EventTemplateTarget>{{target, {}, {}}};
    }
    if (const EventTemplateField* field = tmpl.field(target)) {
        QList<EventTemplateTarget> targets{{field->pointer, field->encoding, field->format}};
        targets.append(field->alsoSets);
        return targets;
    }
    if (target.contains(QLatin1Char('.'))) {
        const QStringList segments = target.split(QLatin1Char('.'));
        if (segments.contains(QString()))
            return fail(ErrorCode::InvalidArgument,
                        QStringLiteral("\"%1\" is not a valid dotted path: it has an empty part; "
                                       "separate names and indexes with single dots, as in "
                                       "Records.0.body.")
                            .arg(target));
        return QList<EventTemplateTarget>{{joinPointer(segments), {}, {}}};
    }
    QStringList names;
    for (const EventTemplateField& field : tmpl.fields)
        names.append(field.name);
    return fail(ErrorCode::InvalidArgument,
                QStringLiteral("\"%1\" is not a field of the %2 template; use one of %3, or a "
                               "JSON pointer such as /%1.")
                    .arg(target, tmpl.kind,
                         names.isEmpty() ? QStringLiteral("(no fields)")
                                         : names.join(QStringLiteral(", "))));
}

Result<void> apply(const EventTemplate& tmpl, QJsonValue& event, const QString& assignment)
{
    const qsizetype equals = assignment.indexOf(QLatin1Char('='));
    const QString example =
        tmpl.fields.isEmpty() ? QStringLiteral("/path") : tmpl.fields.first().name;
    if (equals < 0)
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("The assignment \"%1\" has no \"=\"; write it as TARGET=VALUE, "
                                   "for example %2=VALUE.")
                        .arg(assignment, example));
    const QString target = assignment.left(equals);
    const QString text = assignment.mid(equals + 1);
    if (target.isEmpty())
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("The assignment \"%1\" has nothing before \"=\"; write "
                                   "TARGET=VALUE with a field name, a JSON pointer or a dotted "
                                   "path, for example %2=VALUE.")
                        .arg(assignment, example));
    const auto targets = resolveTarget(tmpl, target);
    if (!targets)
        return std::unexpected(targets.error());
    for (const EventTemplateTarget& place : *targets) {
        const QStringList tokens = splitPointer(place.pointer).value_or(QStringList{});
        if (tokens.isEmpty())
            return fail(ErrorCode::InvalidArgument,
                        QStringLiteral("The target \"%1\" names the whole event; point at a value "
                                       "inside it.")
                            .arg(target));
        const QJsonValue value = targetValue(place, text, valueAt(event, tokens));
        const QString problem = setAt(event, tokens, 0, value);
        if (!problem.isEmpty())
            return fail(ErrorCode::InvalidArgument,
                        QStringLiteral("Cannot set %1 in the %2 event: %3.")
                            .arg(place.pointer, tmpl.kind, problem));
    }
    return {};
}

} // namespace

QStringList eventTemplateEncodings()
{
    return {QStringLiteral("base64"),
            QStringLiteral("s3-key"),
            QStringLiteral("md5"),
            QStringLiteral("byte-length"),
            QStringLiteral("array"),
            QStringLiteral("query-parameters"),
            QStringLiteral("query-parameters-last"),
            QStringLiteral("query-multi-parameters")};
}

const EventTemplateField* EventTemplate::field(const QString& name) const
{
    for (const EventTemplateField& f : fields) {
        if (f.name == name)
            return &f;
    }
    return nullptr;
}

Result<EventTemplateCatalog> EventTemplateCatalog::loadBuiltIn()
{
    return loadFromFolder(QStringLiteral(":/swb/events"));
}

Result<EventTemplateCatalog> EventTemplateCatalog::loadFromFolder(const QString& folder)
{
    const QFileInfo info(folder);
    if (!info.exists() || !info.isDir())
        return fail(ErrorCode::NotFound,
                    QStringLiteral("The event template folder %1 does not exist; check the path.")
                        .arg(folder));
    const QDir dir(folder);
    // Unreadable files are listed too, so that reading them reports the problem; hidden files
    // (editor backups such as ".#s3-put.json") are not templates.
    const QStringList names = dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);

    EventTemplateCatalog catalog;
    QStringList files; // parallel to m_templates, for duplicate messages
    for (const QString& name : names) {
        const QString path = dir.filePath(name);
        const auto text = readTextFile(path);
        if (!text)
            return std::unexpected(text.error());
        auto parsed = parseTemplate(path, text->toUtf8());
        if (!parsed)
            return std::unexpected(parsed.error());
        for (qsizetype i = 0; i < catalog.m_templates.size(); ++i) {
            if (catalog.m_templates.at(i).kind != parsed->kind)
                continue;
            Error error{ErrorCode::Validation,
                        QStringLiteral("Event templates %1 and %2 both define the kind \"%3\"; "
                                       "rename one of them.")
                            .arg(files.at(i), path, parsed->kind),
                        {},
                        {}};
            error.diagnostics.append(Diagnostic{Severity::Error, files.at(i),
                                                QStringLiteral("/kind"), 0, 0,
                                                QStringLiteral("first definition")});
            error.diagnostics.append(Diagnostic{Severity::Error, path, QStringLiteral("/kind"), 0,
                                                0, QStringLiteral("second definition")});
            return std::unexpected(error);
        }
        catalog.m_templates.append(std::move(*parsed));
        files.append(path);
    }
    std::sort(catalog.m_templates.begin(), catalog.m_templates.end(),
              [](const EventTemplate& a, const EventTemplate& b) { return a.kind < b.kind; });
    return catalog;
}

const EventTemplate* EventTemplateCatalog::find(const QString& kind) const
{
    for (const EventTemplate& t : m_templates) {
        if (t.kind == kind)
            return &t;
    }
    return nullptr;
}

QStringList EventTemplateCatalog::kinds() const
{
    QStringList kinds;
    for (const EventTemplate& t : m_templates)
        kinds.append(t.kind);
    return kinds;
}

Result<QJsonObject> EventTemplateCatalog::generate(const QString& kind,
                                                   const QStringList& assignments) const
{
    const EventTemplate* tmpl = find(kind);
    if (!tmpl)
        return fail(ErrorCode::NotFound,
                    QStringLiteral("There is no event template \"%1\"; known kinds: %2.")
                        .arg(kind, kinds().isEmpty() ? QStringLiteral("(none)")
                                                     : kinds().join(QStringLiteral(", "))));
    QJsonValue event = tmpl->event;
    for (const QString& assignment : assignments) {
        const auto applied = apply(*tmpl, event, assignment);
        if (!applied)
            return std::unexpected(applied.error());
    }
    return event.toObject();
}

} // namespace swb
