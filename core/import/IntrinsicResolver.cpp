#include "IntrinsicResolver.h"

namespace swb {

namespace {

constexpr int kMaxDepth = 32;

// Short tags CloudFormation's YAML accepts, including the AWS::LanguageExtensions ones.
const QStringList& knownTags()
{
    static const QStringList tags = {
        QStringLiteral("!Ref"),       QStringLiteral("!Sub"),          QStringLiteral("!GetAtt"),
        QStringLiteral("!Join"),      QStringLiteral("!If"),           QStringLiteral("!Select"),
        QStringLiteral("!FindInMap"), QStringLiteral("!ImportValue"),  QStringLiteral("!Split"),
        QStringLiteral("!Base64"),    QStringLiteral("!Equals"),       QStringLiteral("!Not"),
        QStringLiteral("!And"),       QStringLiteral("!Or"),           QStringLiteral("!Condition"),
        QStringLiteral("!GetAZs"),    QStringLiteral("!Cidr"),         QStringLiteral("!Transform"),
        QStringLiteral("!Length"),    QStringLiteral("!ToJsonString"),
    };
    return tags;
}

// The function's long name ("Ref", "Fn::Sub", "Condition") and where its argument is.
struct Intrinsic {
    QString function;
    const YamlNode* argument = nullptr;
};

std::optional<Intrinsic> intrinsicOf(const YamlNode& node)
{
    if (!node.tag.isEmpty() && knownTags().contains(node.tag)) {
        const QString name = node.tag.mid(1);
        if (name == QLatin1String("Ref") || name == QLatin1String("Condition"))
            return Intrinsic{name, &node};
        return Intrinsic{QStringLiteral("Fn::") + name, &node};
    }
    if (node.isMap() && node.keys.size() == 1 && node.tag.isEmpty()) {
        const QString& key = node.keys.first();
        if (key == QLatin1String("Ref") || key.startsWith(QLatin1String("Fn::")))
            return Intrinsic{key, &node.items.front()};
    }
    return std::nullopt;
}

QString shortName(const QString& function)
{
    return QLatin1Char('!') +
           (function.startsWith(QLatin1String("Fn::")) ? function.mid(4) : function);
}

// The argument as written, without the intrinsic's own tag.
QString flow(const YamlNode& node, bool ignoreTag)
{
    if (!ignoreTag && IntrinsicResolver::isIntrinsic(node))
        return IntrinsicResolver::readable(node);
    switch (node.kind) {
    case YamlNode::Kind::Null:
        return QStringLiteral("null");
    case YamlNode::Kind::Scalar:
        return node.text;
    case YamlNode::Kind::Sequence: {
        QStringList parts;
        for (const YamlNode& item : node.items)
            parts << flow(item, false);
        return QLatin1Char('[') + parts.join(QStringLiteral(", ")) + QLatin1Char(']');
    }
    case YamlNode::Kind::Map: {
        QStringList parts;
        for (qsizetype i = 0; i < node.keys.size(); ++i)
            parts << node.keys.at(i) + QStringLiteral(": ") + flow(node.items[size_t(i)], false);
        return QLatin1Char('{') + parts.join(QStringLiteral(", ")) + QLatin1Char('}');
    }
    }
    return {};
}

ResolvedText unresolved(const YamlNode& whole, QString reason)
{
    return ResolvedText{ResolvedText::Status::Unresolved, IntrinsicResolver::readable(whole),
                        std::move(reason)};
}

ResolvedText deployTime(const QString& function, const YamlNode& whole)
{
    return unresolved(whole, QStringLiteral("%1 is evaluated by CloudFormation when deploying")
                                 .arg(shortName(function)));
}

} // namespace

IntrinsicResolver::IntrinsicResolver(YamlNode parameters, YamlNode mappings,
                                     QStringList resourceIds)
    : m_parameters(std::move(parameters)), m_mappings(std::move(mappings)),
      m_resourceIds(std::move(resourceIds))
{}

const QMap<QString, QString>& IntrinsicResolver::pseudoParameters()
{
    static const QMap<QString, QString> values = {
        {QStringLiteral("AWS::AccountId"), QStringLiteral("123456789012")},
        {QStringLiteral("AWS::Partition"), QStringLiteral("aws")},
        {QStringLiteral("AWS::Region"), QStringLiteral("us-east-1")},
        {QStringLiteral("AWS::StackName"), QStringLiteral("local")},
        {QStringLiteral("AWS::StackId"),
         QStringLiteral("arn:aws:cloudformation:us-east-1:123456789012:stack/local/"
                        "51af3dc0-da77-11e4-872e-1234567db123")},
        {QStringLiteral("AWS::URLSuffix"), QStringLiteral("localhost")},
    };
    return values;
}

bool IntrinsicResolver::isIntrinsic(const YamlNode& node)
{
    return intrinsicOf(node).has_value();
}

bool IntrinsicResolver::isKnownTag(const QString& tag)
{
    return knownTags().contains(tag);
}

QString IntrinsicResolver::readable(const YamlNode& node)
{
    const auto intrinsic = intrinsicOf(node);
    if (!intrinsic)
        return flow(node, true);
    const YamlNode& argument = *intrinsic->argument;
    const bool ownTag = intrinsic->argument == &node;
    if (intrinsic->function == QLatin1String("Fn::GetAtt") && argument.isSequence() &&
        argument.items.size() == 2 && argument.items[0].isScalar() && argument.items[1].isScalar())
        return QStringLiteral("!GetAtt %1.%2").arg(argument.items[0].text, argument.items[1].text);
    return shortName(intrinsic->function) + QLatin1Char(' ') + flow(argument, ownTag);
}

ResolvedText IntrinsicResolver::resolve(const YamlNode& node) const
{
    return resolveAt(node, 0);
}

ResolvedText IntrinsicResolver::resolveAt(const YamlNode& node, int depth) const
{
    if (depth > kMaxDepth)
        return unresolved(node, QStringLiteral("the value refers to itself"));
    if (const auto intrinsic = intrinsicOf(node))
        return evaluate(intrinsic->function, *intrinsic->argument, node, depth + 1);
    switch (node.kind) {
    case YamlNode::Kind::Null:
        return ResolvedText{ResolvedText::Status::Literal, {}, {}};
    case YamlNode::Kind::Scalar:
        return ResolvedText{ResolvedText::Status::Literal, node.text, {}};
    default:
        return ResolvedText{ResolvedText::Status::NotText, flow(node, true), {}};
    }
}

ResolvedText IntrinsicResolver::evaluate(const QString& function, const YamlNode& argument,
                                         const YamlNode& whole, int depth) const
{
    using Status = ResolvedText::Status;
    if (function == QLatin1String("Ref")) {
        if (!argument.isScalar())
            return unresolved(whole, QStringLiteral("!Ref needs the name of a parameter or "
                                                    "resource"));
        return ref(argument.text.trimmed(), whole, depth);
    }
    if (function == QLatin1String("Fn::GetAtt")) {
        QString resource;
        if (argument.isScalar())
            resource = argument.text.section(QLatin1Char('.'), 0, 0);
        else if (argument.isSequence() && !argument.items.empty() && argument.items[0].isScalar())
            resource = argument.items[0].text;
        if (m_resourceIds.contains(resource))
            return ResolvedText{Status::ResourceReference, resource, {}};
        return unresolved(whole, QStringLiteral("!GetAtt names no resource of this template"));
    }
    if (function == QLatin1String("Fn::Sub"))
        return sub(argument, whole, depth);
    if (function == QLatin1String("Fn::Join")) {
        if (!argument.isSequence() || argument.items.size() != 2 ||
            !argument.items[1].isSequence() || IntrinsicResolver::isIntrinsic(argument.items[1]))
            return deployTime(function, whole);
        const ResolvedText delimiter = resolveAt(argument.items[0], depth);
        if (!delimiter.isText())
            return deployTime(function, whole);
        QStringList parts;
        for (const YamlNode& item : argument.items[1].items) {
            const ResolvedText part = resolveAt(item, depth);
            if (!part.isText())
                return unresolved(whole, part.status == Status::Unresolved
                                             ? part.reason
                                             : QStringLiteral("!Join joins a value known only "
                                                              "after deployment"));
            parts << part.text;
        }
        return ResolvedText{Status::Resolved, parts.join(delimiter.text), {}};
    }
    if (function == QLatin1String("Fn::Select")) {
        if (!argument.isSequence() || argument.items.size() != 2 ||
            !argument.items[1].isSequence() || IntrinsicResolver::isIntrinsic(argument.items[1]))
            return deployTime(function, whole);
        const ResolvedText index = resolveAt(argument.items[0], depth);
        bool ok = false;
        const int i = index.text.toInt(&ok);
        if (!index.isText() || !ok || i < 0 || size_t(i) >= argument.items[1].items.size())
            return unresolved(whole, QStringLiteral("!Select's index is not a position in its "
                                                    "list"));
        const ResolvedText chosen = resolveAt(argument.items[1].items[size_t(i)], depth);
        if (chosen.isText())
            return ResolvedText{Status::Resolved, chosen.text, {}};
        return chosen.status == Status::Unresolved ? unresolved(whole, chosen.reason) : chosen;
    }
    if (function == QLatin1String("Fn::FindInMap")) {
        if (!argument.isSequence() || argument.items.size() != 3)
            return deployTime(function, whole);
        QStringList keys;
        for (const YamlNode& item : argument.items) {
            const ResolvedText key = resolveAt(item, depth);
            if (!key.isText())
                return unresolved(whole, key.status == Status::Unresolved
                                             ? key.reason
                                             : QStringLiteral("!FindInMap's keys must be text"));
            keys << key.text;
        }
        const YamlNode* map = m_mappings.value(keys[0]);
        const YamlNode* top = map ? map->value(keys[1]) : nullptr;
        const YamlNode* value = top ? top->value(keys[2]) : nullptr;
        if (!value)
            return unresolved(
                whole, QStringLiteral("Mappings has no %1/%2/%3").arg(keys[0], keys[1], keys[2]));
        const ResolvedText found = resolveAt(*value, depth);
        if (found.isText())
            return ResolvedText{Status::Resolved, found.text, {}};
        return found.status == Status::Unresolved ? unresolved(whole, found.reason) : found;
    }
    if (function == QLatin1String("Fn::If") || function == QLatin1String("Condition"))
        return unresolved(whole, QStringLiteral("%1 depends on conditions CloudFormation "
                                                "evaluates when deploying")
                                     .arg(shortName(function)));
    return deployTime(function, whole);
}

ResolvedText IntrinsicResolver::ref(const QString& name, const YamlNode& whole, int depth) const
{
    using Status = ResolvedText::Status;
    if (const auto pseudo = pseudoParameters().constFind(name); pseudo != pseudoParameters().cend())
        return ResolvedText{Status::Resolved, pseudo.value(), {}};
    if (const YamlNode* parameter = m_parameters.value(name)) {
        const YamlNode* fallback = parameter->value(QStringLiteral("Default"));
        if (!fallback)
            return unresolved(whole, QStringLiteral("parameter %1 has no Default").arg(name));
        const ResolvedText value = resolveAt(*fallback, depth);
        if (value.isText())
            return ResolvedText{Status::Resolved, value.text, {}};
        if (value.status == Status::NotText) // a CommaDelimitedList written as a YAML list
            return ResolvedText{Status::Resolved, value.text, {}};
        return unresolved(whole,
                          QStringLiteral("parameter %1's Default is not plain text").arg(name));
    }
    if (m_resourceIds.contains(name))
        return ResolvedText{Status::ResourceReference, name, {}};
    if (name.startsWith(QLatin1String("AWS::")))
        return unresolved(whole, QStringLiteral("%1 has no local value").arg(name));
    return unresolved(whole, QStringLiteral("%1 is neither a parameter nor a resource of this "
                                            "template")
                                 .arg(name));
}

ResolvedText IntrinsicResolver::sub(const YamlNode& argument, const YamlNode& whole,
                                    int depth) const
{
    using Status = ResolvedText::Status;
    const YamlNode* format = &argument;
    const YamlNode* variables = nullptr;
    if (argument.isSequence()) {
        if (argument.items.size() != 2 || !argument.items[1].isMap())
            return deployTime(QStringLiteral("Fn::Sub"), whole);
        format = &argument.items[0];
        variables = &argument.items[1];
    }
    if (!format->isScalar())
        return unresolved(whole, QStringLiteral("!Sub needs text to substitute into"));
    const QString& text = format->text;
    QString out;
    qsizetype i = 0;
    while (i < text.size()) {
        const qsizetype start = text.indexOf(QStringLiteral("${"), i);
        if (start < 0) {
            out += text.mid(i);
            break;
        }
        out += text.mid(i, start - i);
        const qsizetype end = text.indexOf(QLatin1Char('}'), start + 2);
        if (end < 0) {
            out += text.mid(start);
            break;
        }
        const QString name = text.mid(start + 2, end - start - 2).trimmed();
        i = end + 1;
        if (name.startsWith(QLatin1Char('!'))) { // ${!Literal} writes "${Literal}"
            out += QStringLiteral("${") + name.mid(1) + QLatin1Char('}');
            continue;
        }
        ResolvedText value;
        if (const YamlNode* variable = variables ? variables->value(name) : nullptr)
            value = resolveAt(*variable, depth);
        else if (name.contains(QLatin1Char('.')) && !name.startsWith(QLatin1String("AWS::")))
            return unresolved(whole, QStringLiteral("${%1} is a resource attribute known only "
                                                    "after deployment")
                                         .arg(name));
        else
            value = ref(name, whole, depth);
        if (value.status == Status::ResourceReference)
            return unresolved(whole, QStringLiteral("${%1} names a resource known only after "
                                                    "deployment")
                                         .arg(name));
        if (value.status == Status::Unresolved)
            return unresolved(whole, value.reason);
        if (value.status == Status::NotText)
            return unresolved(whole, QStringLiteral("${%1} is not text").arg(name));
        out += value.text;
    }
    return ResolvedText{Status::Resolved, out, {}};
}

} // namespace swb
