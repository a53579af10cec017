#include "ServerlessVariables.h"

#include "ImportDiagnostics.h"

#include <QRegularExpression>

namespace swb {

namespace {

// Deep enough for any real configuration; a chain longer than this is almost surely a loop the
// cycle check cannot see (for example through a file that includes itself).
constexpr int kMaxDepth = 16;

YamlNode scalar(const QString& text)
{
    YamlNode node;
    node.kind = YamlNode::Kind::Scalar;
    node.text = text;
    node.quoted = true;
    return node;
}

const QRegularExpression& sourcePattern()
{
    // "self:custom.table", "env:HOME", "file(./config.yml):key"; a source starts lower case, so
    // CloudFormation's "${AWS::Region}" is not taken for a variable.
    static const QRegularExpression pattern(
        QStringLiteral("^([a-z][A-Za-z0-9]*)(?:\\(([^)]*)\\))?:(?!:)(.*)$"),
        QRegularExpression::DotMatchesEverythingOption);
    return pattern;
}

const QRegularExpression& legacyFilePattern()
{
    static const QRegularExpression pattern(QStringLiteral("^file\\(([^)]*)\\)$"));
    return pattern;
}

} // namespace

ServerlessVariables::ServerlessVariables(const YamlNode& root, QProcessEnvironment environment,
                                         ImportDiagnostics& diagnostics)
    : m_root(root), m_environment(std::move(environment)), m_diagnostics(diagnostics)
{}

YamlNode ServerlessVariables::resolve(const YamlNode& raw, const QString& pointer)
{
    return resolveAt(raw, pointer, 0);
}

QString ServerlessVariables::stage()
{
    return defaulted(QStringLiteral("stage"), QStringLiteral("dev"));
}

QString ServerlessVariables::region()
{
    return defaulted(QStringLiteral("region"), QStringLiteral("us-east-1"));
}

QString ServerlessVariables::defaulted(const QString& providerKey, const QString& fallback)
{
    const QString pointer = QStringLiteral("/provider/") + providerKey;
    const YamlNode* provider = m_root.value(QStringLiteral("provider"));
    const YamlNode* raw = provider ? provider->value(providerKey) : nullptr;
    // provider.stage: ${opt:stage} asks for the stage while it is being resolved.
    if (!raw || m_inProgress.contains(pointer))
        return fallback;
    const YamlNode value = resolveAt(*raw, pointer, 0);
    if (!value.isScalar() || value.text.isEmpty() || value.text.contains(QStringLiteral("${")))
        return fallback;
    return value.text;
}

YamlNode ServerlessVariables::resolveAt(const YamlNode& raw, const QString& pointer, int depth)
{
    if (const auto found = m_resolved.constFind(pointer); found != m_resolved.cend())
        return found.value();
    m_inProgress.append(pointer);
    YamlNode out = raw;
    if (raw.isScalar()) {
        out = resolveScalar(raw, pointer, depth);
    } else if (raw.isSequence()) {
        for (size_t i = 0; i < raw.items.size(); ++i)
            out.items[i] = resolveAt(raw.items[i], jsonPointerAppend(pointer, qsizetype(i)), depth);
    } else if (raw.isMap()) {
        for (size_t i = 0; i < raw.items.size(); ++i)
            out.items[i] = resolveAt(raw.items[i],
                                     jsonPointerAppend(pointer, raw.keys.at(qsizetype(i))), depth);
    }
    m_inProgress.removeLast();
    m_resolved.insert(pointer, out);
    return out;
}

YamlNode ServerlessVariables::resolveScalar(const YamlNode& raw, const QString& pointer, int depth)
{
    if (!raw.text.contains(QStringLiteral("${")))
        return raw;
    const QList<Segment> segments = parse(raw.text);
    const auto warnUnresolved = [&](const Variable& variable, const QString& problem) {
        m_diagnostics.warn(raw, pointer,
                           QStringLiteral("%1 is not resolved because %2; it is kept as written.")
                               .arg(variable.original, problem));
    };
    const auto giveNotes = [&](const Outcome& outcome) {
        for (const QString& note : outcome.notes)
            m_diagnostics.warn(raw, pointer, note);
    };
    // A value that is one variable takes the variable's value, whatever its kind.
    if (segments.size() == 1 && segments.first().variable) {
        const Outcome outcome = evaluate(*segments.first().variable, depth);
        giveNotes(outcome);
        if (!outcome.isVariable)
            return raw;
        if (!outcome.value) {
            warnUnresolved(*segments.first().variable, outcome.problem);
            return raw;
        }
        YamlNode value = *outcome.value;
        value.line = raw.line; // later messages point where the value is used
        value.column = raw.column;
        return value;
    }
    QString text;
    for (const Segment& segment : segments) {
        if (!segment.variable) {
            text += segment.text;
            continue;
        }
        const Outcome outcome = evaluate(*segment.variable, depth);
        giveNotes(outcome);
        if (!outcome.isVariable) {
            text += segment.variable->original;
        } else if (!outcome.value) {
            warnUnresolved(*segment.variable, outcome.problem);
            text += segment.variable->original;
        } else if (outcome.value->isMap() || outcome.value->isSequence()) {
            warnUnresolved(*segment.variable,
                           QStringLiteral("its value is %1, which cannot be part of text")
                               .arg(outcome.value->kindName()));
            text += segment.variable->original;
        } else {
            text += outcome.value->text;
        }
    }
    YamlNode out = raw;
    out.text = text;
    out.quoted = true;
    return out;
}

QList<ServerlessVariables::Segment> ServerlessVariables::parse(const QString& text)
{
    QList<Segment> segments;
    QString literal;
    qsizetype i = 0;
    while (i < text.size()) {
        if (text.at(i) == QLatin1Char('$') && i + 1 < text.size() &&
            text.at(i + 1) == QLatin1Char('{')) {
            qsizetype end = i + 2;
            if (auto variable = parseVariable(text, end)) {
                if (!literal.isEmpty())
                    segments.append(Segment{literal, nullptr});
                literal.clear();
                variable->original = text.mid(i, end - i);
                segments.append(Segment{{}, std::move(variable)});
                i = end;
                continue;
            }
        }
        literal += text.at(i);
        ++i;
    }
    if (!literal.isEmpty())
        segments.append(Segment{literal, nullptr});
    return segments;
}

// Reads after "${" up to the matching "}"; `i` ends past it. Null when the variable never ends.
std::shared_ptr<ServerlessVariables::Variable>
ServerlessVariables::parseVariable(const QString& text, qsizetype& i)
{
    auto variable = std::make_shared<Variable>();
    variable->arguments.append(QList<Segment>());
    QString literal;
    int parentheses = 0;
    const auto flush = [&] {
        if (!literal.isEmpty())
            variable->arguments.last().append(Segment{literal, nullptr});
        literal.clear();
    };
    while (i < text.size()) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('$') && i + 1 < text.size() && text.at(i + 1) == QLatin1Char('{')) {
            const qsizetype start = i;
            i += 2;
            auto inner = parseVariable(text, i);
            if (!inner)
                return nullptr;
            inner->original = text.mid(start, i - start);
            flush();
            variable->arguments.last().append(Segment{{}, std::move(inner)});
            continue;
        }
        if (c == QLatin1Char('\'') || c == QLatin1Char('"')) {
            const qsizetype close = text.indexOf(c, i + 1);
            if (close < 0)
                return nullptr;
            literal += text.mid(i, close - i + 1);
            i = close + 1;
            continue;
        }
        ++i;
        if (c == QLatin1Char('}')) {
            flush();
            return variable;
        }
        if (c == QLatin1Char('('))
            ++parentheses;
        else if (c == QLatin1Char(')'))
            --parentheses;
        if (c == QLatin1Char(',') && parentheses == 0) {
            flush();
            variable->arguments.append(QList<Segment>());
            continue;
        }
        literal += c;
    }
    return nullptr;
}

ServerlessVariables::Outcome ServerlessVariables::evaluateText(const QList<Segment>& segments,
                                                               int depth, QString& text)
{
    Outcome result;
    for (const Segment& segment : segments) {
        if (!segment.variable) {
            text += segment.text;
            continue;
        }
        Outcome inner = evaluate(*segment.variable, depth + 1);
        result.notes += inner.notes;
        if (!inner.isVariable) {
            text += segment.variable->original;
            continue;
        }
        if (!inner.value) {
            inner.notes = result.notes;
            return inner;
        }
        if (!inner.value->isScalar() && !inner.value->isNull()) {
            result.problem = QStringLiteral("%1 is %2, which cannot be part of text")
                                 .arg(segment.variable->original, inner.value->kindName());
            return result;
        }
        text += inner.value->text;
    }
    result.value = scalar(text);
    return result;
}

ServerlessVariables::Outcome ServerlessVariables::evaluate(const Variable& variable, int depth)
{
    Outcome result;
    if (depth > kMaxDepth) {
        result.problem = QStringLiteral("variables nest more than %1 levels deep").arg(kMaxDepth);
        return result;
    }
    QString primary;
    {
        Outcome address = evaluateText(variable.arguments.first(), depth, primary);
        if (!address.value)
            return address;
        result.notes = address.notes;
    }
    primary = primary.trimmed();
    QString source;
    QString address;
    const QRegularExpressionMatch match = sourcePattern().match(primary);
    if (match.hasMatch()) {
        source = match.captured(1);
        address = match.captured(3).trimmed();
    } else if (legacyFilePattern().match(primary).hasMatch()) {
        source = QStringLiteral("file");
    } else {
        result.isVariable = false;
        return result;
    }

    bool readLater = false; // a source the Framework reads when deploying, never here
    if (source == u"self") {
        Outcome found = lookupSelf(address, depth + 1);
        if (found.value && !found.value->isNull()) {
            found.notes = result.notes + found.notes;
            return found;
        }
        result.problem = found.value ? QStringLiteral("%1 is empty").arg(address) : found.problem;
    } else if (source == u"env") {
        if (m_environment.contains(address)) {
            result.value = scalar(m_environment.value(address));
            return result;
        }
        result.problem = QStringLiteral("the environment variable %1 is not set").arg(address);
    } else if (source == u"opt") {
        result.problem = QStringLiteral("no --%1 option is given when importing").arg(address);
    } else if (source == u"sls" && address == u"stage") {
        result.value = scalar(stage());
        return result;
    } else if (source == u"aws" && address == u"region") {
        result.value = scalar(region());
        return result;
    } else {
        readLater = true;
        result.problem =
            QStringLiteral("%1 variables are not read when importing")
                .arg(source == u"sls" || source == u"aws" ? source + QLatin1Char(':') + address
                                                          : source);
    }

    for (qsizetype a = 1; a < variable.arguments.size(); ++a) {
        const QList<Segment>& argument = variable.arguments.at(a);
        std::optional<YamlNode> fallback;
        QString shown;
        const bool onlyVariable =
            std::count_if(
                argument.begin(), argument.end(),
                [](const Segment& s) { return s.variable || !s.text.trimmed().isEmpty(); }) == 1 &&
            std::any_of(argument.begin(), argument.end(),
                        [](const Segment& s) { return s.variable != nullptr; });
        if (onlyVariable) {
            for (const Segment& s : argument) {
                if (!s.variable)
                    continue;
                Outcome inner = evaluate(*s.variable, depth + 1);
                result.notes += inner.notes;
                if (inner.value && !inner.value->isNull())
                    fallback = inner.value;
                shown = s.variable->original;
            }
        } else {
            QString literal;
            for (const Segment& s : argument)
                literal += s.text;
            literal = literal.trimmed();
            if (literal.size() >= 2 &&
                (literal.startsWith(QLatin1Char('\'')) || literal.startsWith(QLatin1Char('"'))) &&
                literal.endsWith(literal.at(0))) {
                fallback = scalar(literal.mid(1, literal.size() - 2));
            } else if (sourcePattern().match(literal).hasMatch()) {
                // Framework v1/v2 style: ${opt:stage, self:provider.stage}.
                Variable legacy{QStringLiteral("${") + literal + QLatin1Char('}'),
                                {{Segment{literal, nullptr}}}};
                Outcome inner = evaluate(legacy, depth + 1);
                result.notes += inner.notes;
                if (inner.value && !inner.value->isNull())
                    fallback = inner.value;
            } else if (!literal.isEmpty() && literal != u"null") {
                fallback = scalar(literal); // a number or a boolean
            }
            shown = literal;
        }
        if (fallback) {
            if (readLater)
                result.notes << QStringLiteral("%1 is not read when importing, so its fallback "
                                               "%2 is used.")
                                    .arg(variable.original, shown);
            result.value = fallback;
            return result;
        }
    }
    // The Framework's own defaults when no option is given.
    if (source == u"opt" && address == u"stage") {
        result.value = scalar(stage());
    } else if (source == u"opt" && address == u"region") {
        result.value = scalar(region());
    }
    return result;
}

ServerlessVariables::Outcome ServerlessVariables::lookupSelf(const QString& address, int depth)
{
    Outcome result;
    if (depth > kMaxDepth) {
        result.problem = QStringLiteral("variables nest more than %1 levels deep").arg(kMaxDepth);
        return result;
    }
    const QStringList path = address.isEmpty() ? QStringList() : address.split(QLatin1Char('.'));
    YamlNode current = m_root;
    QString pointer;
    bool resolved = false; // once through a resolved value, the rest is resolved too
    for (const QString& key : path) {
        if (!resolved && current.isScalar() && current.text.contains(QStringLiteral("${"))) {
            if (m_inProgress.contains(pointer)) {
                result.problem = QStringLiteral("self:%1 refers back to itself").arg(address);
                return result;
            }
            current = resolveAt(current, pointer, depth);
            resolved = true;
        }
        const YamlNode* child = nullptr;
        if (current.isMap()) {
            child = current.value(key);
        } else if (current.isSequence()) {
            bool ok = false;
            const int index = key.toInt(&ok);
            if (ok && index >= 0 && size_t(index) < current.items.size())
                child = &current.items[size_t(index)];
        }
        if (!child) {
            result.problem = QStringLiteral("%1 is not set in the file").arg(address);
            return result;
        }
        pointer = jsonPointerAppend(pointer, key);
        const YamlNode next = *child;
        current = next;
    }
    if (resolved) {
        result.value = current;
        return result;
    }
    if (m_inProgress.contains(pointer)) {
        result.problem = QStringLiteral("self:%1 refers back to itself").arg(address);
        return result;
    }
    result.value = resolveAt(current, pointer, depth);
    return result;
}

} // namespace swb
