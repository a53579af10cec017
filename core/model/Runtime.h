#pragma once
// The runtimes a function can declare, by Lambda's identifiers, and what each one needs locally.

#include <QString>
#include <QStringList>

#include <optional>

namespace swb {

enum class RuntimeFamily { Python, Node, Provided };

struct RuntimeInfo {
    QString id; // Lambda's identifier: "python3.12", "nodejs20.x", "provided.al2023"
    RuntimeFamily family;
    QString languageVersion; // "3.12", "20", "" for provided
};

// Every runtime id the workbench accepts, in a stable order (Python, Node.js, provided).
const QList<RuntimeInfo>& supportedRuntimes();
QStringList supportedRuntimeIds();
std::optional<RuntimeInfo> findRuntime(const QString& id);

// The source files a handler string points at, relative to the code folder, in the order the
// runtime would look for them ("app.handler" -> "app.py"; "src/index.handler" -> "src/index.js",
// "src/index.mjs", "src/index.cjs"; provided -> "bootstrap"). Empty when the handler is malformed.
QStringList handlerSourceCandidates(RuntimeFamily family, const QString& handler);

// Why a handler string is malformed for the family, or empty when it is fine.
QString handlerFormatProblem(RuntimeFamily family, const QString& handler);

} // namespace swb
