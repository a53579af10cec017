#pragma once
// How the import tests spell a trigger and a warning, so expected values read as one line each.

#include "Error.h"
#include "format/WorkspaceValidator.h"
#include "import/TemplateImport.h"
#include "model/TriggerSpec.h"

#include "TestFiles.h"

#include <QDir>
#include <QProcessEnvironment>
#include <QStringList>

#include <algorithm>

namespace swb::test {

// "queue source=OrdersQueue batchSize=10 enabled=true": the type, then every field that is set.
inline QString describe(const TriggerSpec& t)
{
    QStringList parts{triggerTypeName(t.type)};
    const auto add = [&](const char* name, const QString& value) {
        if (!value.isEmpty())
            parts << QString::fromLatin1(name) + QLatin1Char('=') + value;
    };
    add("method", t.method);
    add("path", t.path);
    add("api", t.api);
    add("schedule", t.schedule);
    add("source", t.source);
    add("events", t.events.join(QLatin1Char(',')));
    if (t.batchSize != 0)
        add("batchSize", QString::number(t.batchSize));
    add("startingPosition", t.startingPosition);
    add("streamKind", t.streamKind);
    parts << (t.enabled ? QStringLiteral("enabled=true") : QStringLiteral("enabled=false"));
    return parts.join(QLatin1Char(' '));
}

inline QStringList describe(const QList<TriggerSpec>& triggers)
{
    QStringList out;
    for (const TriggerSpec& t : triggers)
        out << describe(t);
    return out;
}

// "14:7 /Resources/Orders/Properties/Layers: Layers are not imported; ..." (file left out: the
// tests check it separately).
inline QStringList describe(const QList<Diagnostic>& diagnostics)
{
    QStringList out;
    for (const Diagnostic& d : diagnostics)
        out << QStringLiteral("%1:%2 %3: %4").arg(d.line).arg(d.column).arg(d.pointer, d.message);
    return out;
}

// Writes `text` as `file` ("template.yaml" or "serverless.yml") in `folder`, with an empty file
// for each of `codeFiles` (so the validator finds the handlers), and imports it as `swb import`
// does, with no environment variables.
inline Result<ImportResult> importFile(const QString& folder, const QString& file,
                                       const QByteArray& text, const QStringList& codeFiles)
{
    for (const QString& code : codeFiles)
        if (!writeFile(folder, code, "\n"))
            return fail(ErrorCode::Io, QStringLiteral("cannot write %1 in %2").arg(code, folder));
    if (!writeFile(folder, file, text))
        return fail(ErrorCode::Io, QStringLiteral("cannot write %1 in %2").arg(file, folder));
    const QString path = QDir(folder).filePath(file);
    return file == QLatin1String("template.yaml")
               ? importSamTemplate(path, folder)
               : importServerlessConfig(path, folder, QProcessEnvironment());
}

// An import's warnings, one a line.
inline QString warningsText(const ImportResult& result)
{
    return describe(result.warnings).join(QLatin1Char('\n'));
}

// An import's error with each of its diagnostics, one a line.
inline QString errorsText(const Error& error)
{
    QStringList out{error.message};
    for (const Diagnostic& d : error.diagnostics)
        out << d.pointer + QLatin1Char(' ') + d.message;
    return out.join(QLatin1Char('\n'));
}

// The errors WorkspaceValidator finds in an imported workspace, one a line (empty: none).
inline QString validationErrors(const Workspace& ws)
{
    QStringList out;
    for (const Diagnostic& d : WorkspaceValidator::validate(ws)) {
        if (d.severity == Severity::Error)
            out << d.pointer + QLatin1Char(' ') + d.message;
    }
    return out.join(QLatin1Char('\n'));
}

// Whether the import warned, at a line of the file, at a pointer containing `pointerPart`, with
// a message containing `words`.
inline bool warns(const ImportResult& result, const QString& pointerPart, const QString& words)
{
    return std::any_of(result.warnings.cbegin(), result.warnings.cend(), [&](const Diagnostic& d) {
        return d.pointer.contains(pointerPart) && d.message.contains(words) && d.line > 0;
    });
}

} // namespace swb::test
