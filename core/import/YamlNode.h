#pragma once
// A YAML document as plain Qt values, so importers never see yaml-cpp (and its exceptions).

#include "Error.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace swb {

struct YamlNode {
    enum class Kind { Null, Scalar, Sequence, Map };

    Kind kind = Kind::Null;
    // A local tag as written ("!Ref", "!Sub"); empty for untagged nodes and for the standard
    // YAML tags ("!!str" and friends), which only say how to read the text.
    QString tag;
    QString text;        // scalars
    bool quoted = false; // a quoted or block scalar, or one tagged !!str: text, never a number
    std::vector<YamlNode> items; // sequence items, or map values in document order
    QStringList keys;            // map keys, parallel to items
    int line = 0;                // 1-based; 0 when unknown
    int column = 0;

    bool isNull() const { return kind == Kind::Null; }
    bool isScalar() const { return kind == Kind::Scalar; }
    bool isSequence() const { return kind == Kind::Sequence; }
    bool isMap() const { return kind == Kind::Map; }

    // The value under `key` in a map, or nullptr (also for non-maps).
    const YamlNode* value(const QString& key) const;
    // "a mapping", "a list", "text", "empty": what a person would call the node's kind.
    QString kindName() const;
};

// Parses the first document of `text`. Merge keys ("<<: *defaults") are applied. Syntax errors
// are ErrorCode::Parse with one Diagnostic at the 1-based line and column; `file` names the file
// in messages.
Result<YamlNode> parseYaml(const QString& text, const QString& file);

// RFC 6901: "~" -> "~0", "/" -> "~1".
QString jsonPointerAppend(const QString& pointer, const QString& key);
QString jsonPointerAppend(const QString& pointer, qsizetype index);

} // namespace swb
