#pragma once
// workbench.json: load (with every problem located), validate, and save atomically while
// keeping the keys a user wrote that this version does not know.

#include "Error.h"
#include "model/Workspace.h"

#include <QByteArray>
#include <QList>

namespace swb {

struct LoadedWorkspace {
    Workspace workspace;
    QList<Diagnostic> warnings; // the workspace is usable; these deserve a look
};

class WorkspaceFile {
public:
    static constexpr qint64 kMaxFileBytes = 4 * 1024 * 1024;

    // `path` is a workspace folder or a workbench.json file. Fails with ErrorCode::Validation
    // and one Diagnostic per problem (file, JSON pointer, line, column) when the file breaks
    // the format; a file that cannot be read is reported with its path.
    static Result<LoadedWorkspace> load(const QString& path);

    // Parses text that claims to be `fileName` inside `folder` (for editors and tests).
    static Result<LoadedWorkspace>
    parse(const QByteArray& utf8, const QString& folder,
          const QString& fileName = QStringLiteral("workbench.json"));

    // The file's text for `workspace` (what save() writes).
    static QByteArray serialize(const Workspace& workspace);

    // Writes workspace.filePath() atomically: a failure leaves the old file untouched.
    static Result<void> save(const Workspace& workspace);

    // Copies the workspace folder `from` into `to` (created; must not exist yet), without its
    // .swb/ (history, recovery, stages): how a read-only example becomes the user's own.
    static Result<void> copyFolder(const QString& from, const QString& to);

    // The keys the format defines, in the order they are written (also used by tests to keep
    // resources/schema/workbench.schema.json in step with the code).
    static const QStringList& keyOrder();
};

} // namespace swb
