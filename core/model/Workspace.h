#pragma once
// A workspace: a folder holding workbench.json, the functions' code, saved events and scenarios.

#include "FunctionSpec.h"
#include "ScenarioSpec.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace swb {

struct Workspace {
    static constexpr int kFormatVersion = 1;
    static constexpr const char* kFileName = "workbench.json";

    QString folder; // absolute path of the workspace folder (not saved in the file)
    QString name;
    int formatVersion = kFormatVersion;
    QList<FunctionSpec> functions;
    QList<ScenarioSpec> scenarios;
    QList<DeployTarget> deployTargets;
    QJsonObject extensions; // unknown top-level keys, kept on save

    const FunctionSpec* function(const QString& name) const;
    FunctionSpec* function(const QString& name);

    QString filePath() const;                               // folder/workbench.json
    QString codeFolder(const FunctionSpec& function) const; // absolute
    // Saved events of a function live in events/<function>/<name>.json.
    QString eventsFolder(const QString& functionName) const;
    QStringList savedEvents(const QString& functionName) const; // names without .json
};

} // namespace swb
