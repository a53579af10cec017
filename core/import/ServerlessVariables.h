#pragma once
// Resolves the Serverless Framework's ${source:address, fallback} variables that can be known on
// this machine (self, env, opt, sls, aws:region); the others are kept as written, with a warning.

#include "YamlNode.h"

#include <QHash>
#include <QProcessEnvironment>
#include <QStringList>

#include <memory>
#include <optional>

namespace swb {

class ImportDiagnostics;

class ServerlessVariables {
public:
    ServerlessVariables(const YamlNode& root, QProcessEnvironment environment,
                        ImportDiagnostics& diagnostics);

    // `raw` (the document's node at `pointer`) with every variable in it resolved. Each value is
    // resolved once; a warning is given where an unresolvable variable is written.
    YamlNode resolve(const YamlNode& raw, const QString& pointer);

    // provider.stage (resolved) or "dev"; provider.region or "us-east-1": the Framework's defaults.
    QString stage();
    QString region();

private:
    struct Variable;
    struct Segment {
        QString text;
        std::shared_ptr<Variable> variable;
    };
    struct Variable {
        QString original; // "${env:NAME, 'x'}" as written
        QList<QList<Segment>> arguments;
    };
    struct Outcome {
        std::optional<YamlNode> value;
        QString problem;        // why there is no value
        bool isVariable = true; // false for "${AWS::Region}" and other non-Framework text
        QStringList notes;      // warnings to give even though a value was found
    };

    static QList<Segment> parse(const QString& text);
    static std::shared_ptr<Variable> parseVariable(const QString& text, qsizetype& i);

    YamlNode resolveAt(const YamlNode& raw, const QString& pointer, int depth);
    YamlNode resolveScalar(const YamlNode& raw, const QString& pointer, int depth);
    Outcome evaluate(const Variable& variable, int depth);
    Outcome evaluateText(const QList<Segment>& segments, int depth, QString& text);
    Outcome lookupSelf(const QString& address, int depth);
    QString defaulted(const QString& providerKey, const QString& fallback);

    const YamlNode& m_root;
    QProcessEnvironment m_environment;
    ImportDiagnostics& m_diagnostics;
    QHash<QString, YamlNode> m_resolved;
    QStringList m_inProgress;
};

} // namespace swb
