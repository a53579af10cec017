#include "YamlNode.h"

#include <yaml-cpp/yaml.h>

namespace swb {

namespace {

// Aliases are shared in yaml-cpp but copied here: bound the copy so that a "billion laughs"
// document or an anchor that contains itself is an error instead of exhausting memory.
constexpr int kMaxDepth = 200;
constexpr qsizetype kMaxNodes = 500'000;

struct ConversionLimit {
    QString reason;
    int line = 0;
    int column = 0;
};

class Converter {
public:
    YamlNode convert(const YAML::Node& node, int depth)
    {
        if (depth > kMaxDepth)
            throw ConversionLimit{QStringLiteral("the document nests more than %1 levels deep "
                                                 "(or an anchor contains itself)")
                                      .arg(kMaxDepth),
                                  node.Mark().line + 1, node.Mark().column + 1};
        if (++m_count > kMaxNodes)
            throw ConversionLimit{QStringLiteral("the document expands to more than %1 values "
                                                 "through its aliases")
                                      .arg(kMaxNodes),
                                  node.Mark().line + 1, node.Mark().column + 1};
        YamlNode out;
        const YAML::Mark mark = node.Mark();
        out.line = mark.line >= 0 ? mark.line + 1 : 0;
        out.column = mark.column >= 0 ? mark.column + 1 : 0;
        const QString tag = QString::fromStdString(node.Tag());
        if (tag == QLatin1String("!") || tag == QLatin1String("tag:yaml.org,2002:str"))
            out.quoted = true;
        else if (tag.startsWith(QLatin1Char('!')))
            out.tag = tag;
        switch (node.Type()) {
        case YAML::NodeType::Undefined:
        case YAML::NodeType::Null:
            out.kind = YamlNode::Kind::Null;
            break;
        case YAML::NodeType::Scalar:
            out.kind = YamlNode::Kind::Scalar;
            out.text = QString::fromStdString(node.Scalar());
            break;
        case YAML::NodeType::Sequence:
            out.kind = YamlNode::Kind::Sequence;
            for (const YAML::Node& item : node)
                out.items.push_back(convert(item, depth + 1));
            break;
        case YAML::NodeType::Map: {
            out.kind = YamlNode::Kind::Map;
            std::vector<YamlNode> merged;
            QStringList mergedKeys;
            for (auto it = node.begin(); it != node.end(); ++it) {
                const YAML::Node key = it->first; // copies: it-> yields a temporary proxy
                const YAML::Node value = it->second;
                const QString keyText =
                    key.IsScalar() ? QString::fromStdString(key.Scalar()) : QString();
                if (!key.IsScalar())
                    throw ConversionLimit{QStringLiteral("a key is a list or a mapping; keys "
                                                         "must be plain text"),
                                          key.Mark().line + 1, key.Mark().column + 1};
                YamlNode converted = convert(value, depth + 1);
                // yaml-cpp places an empty value at the next token and a block mapping or list
                // at its first item; a person looks for the key, so point there instead.
                if (converted.isNull() ||
                    (!converted.isScalar() && converted.line > key.Mark().line + 1)) {
                    converted.line = key.Mark().line + 1;
                    converted.column = key.Mark().column + 1;
                }
                if (keyText == QLatin1String("<<") && key.Tag() == "?") {
                    mergeInto(merged, mergedKeys, converted);
                    continue;
                }
                out.keys << keyText;
                out.items.push_back(std::move(converted));
            }
            // YAML merge keys: explicit keys win over merged ones.
            for (qsizetype i = 0; i < mergedKeys.size(); ++i) {
                if (!out.keys.contains(mergedKeys.at(i))) {
                    out.keys << mergedKeys.at(i);
                    out.items.push_back(merged[size_t(i)]);
                }
            }
            break;
        }
        }
        return out;
    }

private:
    static void mergeInto(std::vector<YamlNode>& merged, QStringList& keys, const YamlNode& source)
    {
        if (source.isMap()) {
            for (qsizetype i = 0; i < source.keys.size(); ++i) {
                if (!keys.contains(source.keys.at(i))) {
                    keys << source.keys.at(i);
                    merged.push_back(source.items[size_t(i)]);
                }
            }
        } else if (source.isSequence()) {
            for (const YamlNode& item : source.items)
                mergeInto(merged, keys, item);
        }
    }

    qsizetype m_count = 0;
};

Error parseError(const QString& file, int line, int column, const QString& reason)
{
    const QString& name = file;
    Error error{ErrorCode::Parse,
                QStringLiteral("%1 is not valid YAML: %2 at line %3, column %4; fix it and "
                               "import again.")
                    .arg(name, reason)
                    .arg(line)
                    .arg(column),
                file,
                {}};
    error.diagnostics.append(Diagnostic{Severity::Error, file, {}, line, column, reason});
    return error;
}

} // namespace

const YamlNode* YamlNode::value(const QString& key) const
{
    if (kind != Kind::Map)
        return nullptr;
    const qsizetype index = keys.indexOf(key);
    return index < 0 ? nullptr : &items[size_t(index)];
}

QString YamlNode::kindName() const
{
    switch (kind) {
    case Kind::Null:
        return QStringLiteral("empty");
    case Kind::Scalar:
        return QStringLiteral("text");
    case Kind::Sequence:
        return QStringLiteral("a list");
    case Kind::Map:
        return QStringLiteral("a mapping");
    }
    return {};
}

Result<YamlNode> parseYaml(const QString& text, const QString& file)
{
    try {
        const YAML::Node root = YAML::Load(text.toStdString());
        Converter converter;
        return converter.convert(root, 0);
    } catch (const YAML::Exception& e) {
        QString reason = QString::fromStdString(e.msg);
        if (reason.isEmpty())
            reason = QStringLiteral("the YAML cannot be read");
        return std::unexpected(parseError(file, e.mark.line >= 0 ? e.mark.line + 1 : 0,
                                          e.mark.column >= 0 ? e.mark.column + 1 : 0, reason));
    } catch (const ConversionLimit& limit) {
        return std::unexpected(parseError(file, limit.line, limit.column, limit.reason));
    }
}

QString jsonPointerAppend(const QString& pointer, const QString& key)
{
    QString escaped = key;
    escaped.replace(QLatin1Char('~'), QStringLiteral("~0"));
    escaped.replace(QLatin1Char('/'), QStringLiteral("~1"));
    return pointer + QLatin1Char('/') + escaped;
}

QString jsonPointerAppend(const QString& pointer, qsizetype index)
{
    return pointer + QLatin1Char('/') + QString::number(index);
}

} // namespace swb
