#pragma once
// The git repository of a workspace folder (libgit2): status, HEAD and "commit everything".

#include "Error.h"

#include <QFlags>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace swb {

// One changed (or ignored) path, as `git status` shows it.
struct FileStatus {
    // Index = staged against HEAD; WorkTree = on disk against the index.
    enum Flag : unsigned {
        IndexNew = 1u << 0,
        IndexModified = 1u << 1,
        IndexDeleted = 1u << 2,
        IndexRenamed = 1u << 3,
        IndexTypeChange = 1u << 4,
        WorkTreeNew = 1u << 8, // untracked
        WorkTreeModified = 1u << 9,
        WorkTreeDeleted = 1u << 10,
        WorkTreeRenamed = 1u << 11,
        WorkTreeTypeChange = 1u << 12,
        WorkTreeUnreadable = 1u << 13,
        Ignored = 1u << 16,
        Conflicted = 1u << 17,
    };
    Q_DECLARE_FLAGS(Flags, Flag)

    QString path;    // relative to the work tree, '/'-separated; an ignored folder ends in '/'
    QString oldPath; // the path before a rename; empty otherwise
    Flags flags;
};
Q_DECLARE_OPERATORS_FOR_FLAGS(FileStatus::Flags)

// Who a commit is by.
struct Signature {
    QString name;
    QString email;
};

// One commit, as a history lists it.
struct CommitInfo {
    QString id;      // 40 hex digits
    QString summary; // the message's first line
    QString message; // the whole message
    QString author;  // "Name <email>"
    qint64 timeEpochSeconds = 0;
    QStringList tags; // lightweight or annotated tags pointing at it
};

// A repository whose work tree root is exactly the folder it was opened with: a folder inside
// some other repository is not silently treated as part of it. Move-only; every failure is an
// Error (ErrorCode::Git unless said otherwise) naming the folder and libgit2's reason.
class GitRepository {
public:
    // NotFound when `folder` is not the root of a repository's work tree.
    static Result<GitRepository> open(const QString& folder);
    // Creates a repository in `folder` (and the folder); opens it when it already is one.
    static Result<GitRepository> init(const QString& folder);
    static bool isRepository(const QString& folder);

    // user.name and user.email from git's configuration: the repository's own (with the
    // global and system files behind it) when `folder` is a repository, otherwise the
    // global and system files. NotFound, saying how to set them, when unset.
    static Result<Signature> defaultSignature(const QString& folder = {});

    GitRepository(GitRepository&& other) noexcept;
    GitRepository& operator=(GitRepository&& other) noexcept;
    GitRepository(const GitRepository&) = delete;
    GitRepository& operator=(const GitRepository&) = delete;
    ~GitRepository();

    QString folder() const;

    // Every path that differs from HEAD or the index, plus untracked files; ignored files
    // only when asked. Sorted by path.
    Result<QList<FileStatus>> status(bool includeIgnored = false) const;
    // 40 hex digits; NotFound when the repository has no commits yet.
    Result<QString> headCommitId() const;
    // Any tracked change, or an untracked file that is not ignored.
    Result<bool> isDirty() const;

    // Stages every change like `git add -A` (new, modified, deleted; .gitignore respected)
    // and commits it on HEAD — also the first commit. Returns the new commit's id.
    // InvalidArgument when the message is empty or nothing changed since HEAD.
    Result<QString> commitAll(const QString& message, const Signature& author);

    // Stages exactly `paths` (new, modified or deleted files, relative to the work tree) and
    // commits them on HEAD; other changes stay as they are. InvalidArgument for an empty message,
    // an empty list or a path outside the work tree.
    Result<QString> commitPaths(const QStringList& paths, const QString& message,
                                const Signature& author);
    // Adds `pattern` (".swb/") to the work tree's .gitignore unless it is already ignored;
    // true when the file was changed.
    Result<bool> ensureIgnored(const QString& pattern);

    // A revision ("HEAD", a tag, a full or abbreviated commit id) as a full commit id;
    // NotFound when it names nothing, InvalidArgument when an abbreviation is ambiguous.
    Result<QString> resolveCommit(const QString& revision) const;
    // The commits reachable from HEAD, newest first, that changed `folder` (a path relative to
    // the work tree, '' for all), at most `limit`.
    Result<QList<CommitInfo>> history(const QString& folder = {}, int limit = 200) const;
    // A file's content at a commit (NotFound when the file is not in it).
    Result<QByteArray> fileAt(const QString& revision, const QString& path) const;
    // Writes `folder` as it was at `revision` into `destination` (created; must not exist):
    // read from the object database, never by checking out, so the working tree is untouched.
    Result<void> exportFolder(const QString& revision, const QString& folder,
                              const QString& destination) const;
    // A unified diff of `folder` between `revision` and the working tree (tracked and new files;
    // ignored ones left out); empty when nothing differs.
    Result<QString> diffToWorkTree(const QString& revision, const QString& folder) const;
    // The paths (relative to the work tree) that differ between `revision` and the working tree
    // within `folder`, as diffToWorkTree() compares them; sorted.
    Result<QStringList> changedSince(const QString& revision, const QString& folder) const;
    // A unified diff of what `revision` changed in `folder` (against its first parent; the
    // whole folder for a first commit).
    Result<QString> diffOfCommit(const QString& revision, const QString& folder) const;
    // Creates the lightweight tag `name` at `revision`; Conflict when it exists.
    Result<void> createTag(const QString& name, const QString& revision);
    // Tag names starting with `prefix`, sorted.
    Result<QStringList> tags(const QString& prefix = {}) const;

private:
    struct Impl;
    std::optional<QStringList> m_stagePaths; // set by commitPaths() for commitAll()
    explicit GitRepository(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> d;
};

} // namespace swb
