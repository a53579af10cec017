#pragma once
// Evaluates the CloudFormation intrinsic functions (!Ref, !Sub, !Join, ...) that can be known
// before deployment, and renders the others in a form a person can read.

#include "YamlNode.h"

#include <QMap>
#include <QString>
#include <QStringList>

namespace swb {

struct ResolvedText {
    enum class Status {
        Literal,           // plain text in the document
        Resolved,          // an intrinsic function evaluated here
        ResourceReference, // !Ref / !GetAtt of a resource of the same template: `text` = its id
        Unresolved,        // known only at deploy time: `text` is the readable form
        NotText,           // a list or mapping where text was expected
    };
    Status status = Status::Literal;
    QString text;
    QString reason; // Unresolved: why, as a clause ("!ImportValue is evaluated when deploying")

    bool isText() const { return status == Status::Literal || status == Status::Resolved; }
};

class IntrinsicResolver {
public:
    IntrinsicResolver() = default;
    // `parameters` and `mappings` are the template's sections (or null nodes); `resourceIds`
    // the logical ids under Resources.
    IntrinsicResolver(YamlNode parameters, YamlNode mappings, QStringList resourceIds);

    ResolvedText resolve(const YamlNode& node) const;

    // A node written with a short tag (!Ref) or as a one-key mapping ({"Fn::GetAtt": ...}).
    static bool isIntrinsic(const YamlNode& node);
    static bool isKnownTag(const QString& tag);
    // "!GetAtt OrdersTable.Arn", "!Sub ${AWS::StackName}-orders", "!If [IsProd, 1024, 128]".
    static QString readable(const YamlNode& node);
    // The values `sam local` gives pseudo parameters (samcli's IntrinsicsSymbolTable).
    static const QMap<QString, QString>& pseudoParameters();

private:
    ResolvedText resolveAt(const YamlNode& node, int depth) const;
    ResolvedText evaluate(const QString& function, const YamlNode& argument, const YamlNode& whole,
                          int depth) const;
    ResolvedText ref(const QString& name, const YamlNode& whole, int depth) const;
    ResolvedText sub(const YamlNode& argument, const YamlNode& whole, int depth) const;

    YamlNode m_parameters;
    YamlNode m_mappings;
    QStringList m_resourceIds;
};

} // namespace swb
