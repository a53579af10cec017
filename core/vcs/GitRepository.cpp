#include "GitRepository.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMultiHash>
#include <QSaveFile>

#include <git2.h>

#include <algorithm>
#include <optional>
#include <utility>

namespace swb {

namespace {

// libgit2 keeps global state (caches, thread-local errors) between git_libgit2_init and the
// matching shutdown; the calls are reference-counted, so each user holds one of these.
class LibGit2Session {
public:
    LibGit2Session() { git_libgit2_init(); }
    ~LibGit2Session() { git_libgit2_shutdown(); }
    LibGit2Session(const LibGit2Session&) = delete;
    LibGit2Session& operator=(const LibGit2Session&) = delete;
};

// Owners for libgit2's objects, so every early return frees what it allocated.
template <typename T, void (*Free)(T*)> struct GitDeleter {
    void operator()(T* p) const { Free(p); }
};
using RepositoryPtr =
    std::unique_ptr<git_repository, GitDeleter<git_repository, git_repository_free>>;
using IndexPtr = std::unique_ptr<git_index, GitDeleter<git_index, git_index_free>>;
using TreePtr = std::unique_ptr<git_tree, GitDeleter<git_tree, git_tree_free>>;
using CommitPtr = std::unique_ptr<git_commit, GitDeleter<git_commit, git_commit_free>>;
using SignaturePtr = std::unique_ptr<git_signature, GitDeleter<git_signature, git_signature_free>>;
using StatusListPtr =
    std::unique_ptr<git_status_list, GitDeleter<git_status_list, git_status_list_free>>;
using ConfigPtr = std::unique_ptr<git_config, GitDeleter<git_config, git_config_free>>;
using ObjectPtr = std::unique_ptr<git_object, GitDeleter<git_object, git_object_free>>;
using RevwalkPtr = std::unique_ptr<git_revwalk, GitDeleter<git_revwalk, git_revwalk_free>>;
using TreeEntryPtr =
    std::unique_ptr<git_tree_entry, GitDeleter<git_tree_entry, git_tree_entry_free>>;
using BlobPtr = std::unique_ptr<git_blob, GitDeleter<git_blob, git_blob_free>>;
using DiffPtr = std::unique_ptr<git_diff, GitDeleter<git_diff, git_diff_free>>;

// The tree of `folder` ('' for the root) inside a commit's tree; null when it is not there.
TreePtr subtree(git_repository* repo, git_tree* root, const QString& folder)
{
    if (folder.isEmpty()) {
        git_tree* copy = nullptr;
        git_tree_dup(&copy, root);
        return TreePtr(copy);
    }
    git_tree_entry* rawEntry = nullptr;
    if (git_tree_entry_bypath(&rawEntry, root, folder.toUtf8().constData()) != 0)
        return {};
    TreeEntryPtr entry(rawEntry);
    if (git_tree_entry_type(entry.get()) != GIT_OBJECT_TREE)
        return {};
    git_tree* tree = nullptr;
    if (git_tree_lookup(&tree, repo, git_tree_entry_id(entry.get())) != 0)
        return {};
    return TreePtr(tree);
}

// The id of `path` in a commit's tree, or a zero id when absent.
git_oid entryId(git_tree* root, const QString& path)
{
    git_oid id{};
    if (path.isEmpty()) {
        git_oid_cpy(&id, git_tree_id(root));
        return id;
    }
    git_tree_entry* rawEntry = nullptr;
    if (git_tree_entry_bypath(&rawEntry, root, path.toUtf8().constData()) == 0) {
        TreeEntryPtr entry(rawEntry);
        git_oid_cpy(&id, git_tree_entry_id(entry.get()));
    }
    return id;
}

QString cleanFolder(QString folder)
{
    folder = QDir::cleanPath(folder);
    if (folder == QLatin1String(".") || folder == QLatin1String("/"))
        return {};
    while (folder.endsWith(QLatin1Char('/')))
        folder.chop(1);
    return folder;
}

QString lastGitMessage(int code)
{
    const git_error* e = git_error_last();
    QString text = e && e->message ? QString::fromUtf8(e->message).trimmed()
                                   : QStringLiteral("libgit2 error %1").arg(code);
    while (text.endsWith(QLatin1Char('.')))
        text.chop(1);
    return text;
}

QString lastGitDetail(int code)
{
    const git_error* e = git_error_last();
    return QStringLiteral("libgit2 error %1 (class %2): %3")
        .arg(code)
        .arg(e ? e->klass : 0)
        .arg(e && e->message ? QString::fromUtf8(e->message) : QString());
}

// "Git could not read the status of /ws: <libgit2's reason>."
Error gitError(int code, const QString& what, const QString& folder)
{
    return Error{ErrorCode::Git,
                 QStringLiteral("Git could not %1 %2: %3.").arg(what, folder, lastGitMessage(code)),
                 lastGitDetail(code),
                 {}};
}

QString oidToString(const git_oid& oid)
{
    char hex[GIT_OID_HEXSZ + 1] = {};
    git_oid_tostr(hex, sizeof hex, &oid);
    return QString::fromLatin1(hex);
}

QString nativeFolder(const QString& folder)
{
    return QDir::toNativeSeparators(QDir::cleanPath(QFileInfo(folder).absoluteFilePath()));
}

QString canonical(const QString& path)
{
    const QString c = QFileInfo(path).canonicalFilePath();
    return c.isEmpty() ? QDir::cleanPath(QFileInfo(path).absoluteFilePath()) : c;
}

// The commit with this full id and its tree ("read REVISION in FOLDER" when either is missing).
Result<std::pair<CommitPtr, TreePtr>> commitAndTree(git_repository* repo, const QString& id,
                                                    const QString& revision, const QString& folder)
{
    git_oid oid;
    git_oid_fromstr(&oid, id.toUtf8().constData());
    git_commit* rawCommit = nullptr;
    int rc = git_commit_lookup(&rawCommit, repo, &oid);
    CommitPtr commit(rawCommit);
    git_tree* rawTree = nullptr;
    if (rc == 0)
        rc = git_commit_tree(&rawTree, commit.get());
    TreePtr tree(rawTree);
    if (rc < 0)
        return std::unexpected(gitError(rc, QStringLiteral("read %1 in").arg(revision), folder));
    return std::pair{std::move(commit), std::move(tree)};
}

// A diff as `git diff` prints it.
Result<QString> patchText(git_diff* diff, const QString& folderForMessages)
{
    QString text;
    const int rc = git_diff_print(
        diff, GIT_DIFF_FORMAT_PATCH,
        [](const git_diff_delta*, const git_diff_hunk*, const git_diff_line* line, void* payload) {
            auto* out = static_cast<QString*>(payload);
            if (line->origin == GIT_DIFF_LINE_CONTEXT || line->origin == GIT_DIFF_LINE_ADDITION ||
                line->origin == GIT_DIFF_LINE_DELETION)
                out->append(QLatin1Char(line->origin));
            out->append(QString::fromUtf8(line->content, int(line->content_len)));
            return 0;
        },
        &text);
    if (rc < 0)
        return std::unexpected(
            gitError(rc, QStringLiteral("write the diff of"), folderForMessages));
    return text;
}

} // namespace

struct GitRepository::Impl {
    LibGit2Session session; // first member: shut down last, after the repository is freed
    RepositoryPtr repo;
    QString folder; // as the user gave it, absolute and clean, for messages
};

GitRepository::GitRepository(std::unique_ptr<Impl> impl) : d(std::move(impl)) {}
GitRepository::GitRepository(GitRepository&& other) noexcept = default;
GitRepository& GitRepository::operator=(GitRepository&& other) noexcept = default;
GitRepository::~GitRepository() = default;

QString GitRepository::folder() const
{
    return d ? d->folder : QString();
}

Result<GitRepository> GitRepository::open(const QString& folder)
{
    auto impl = std::make_unique<Impl>();
    impl->folder = nativeFolder(folder);
    const QFileInfo info(impl->folder);
    if (!info.exists())
        return fail(ErrorCode::NotFound, QStringLiteral("%1 does not exist.").arg(impl->folder));
    if (!info.isDir())
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("%1 is a file; expected a folder.").arg(impl->folder));

    const QString notRepository =
        QStringLiteral("%1 is not a git repository; initialise one there to track its changes.")
            .arg(impl->folder);
    git_repository* raw = nullptr;
    // NO_SEARCH: a workspace inside someone else's repository (a home folder under git, a
    // monorepo) must not silently commit into that repository.
    const int rc = git_repository_open_ext(&raw, impl->folder.toUtf8().constData(),
                                           GIT_REPOSITORY_OPEN_NO_SEARCH, nullptr);
    impl->repo.reset(raw);
    if (rc == GIT_ENOTFOUND)
        return fail(ErrorCode::NotFound, notRepository, lastGitDetail(rc));
    if (rc < 0)
        return std::unexpected(
            gitError(rc, QStringLiteral("open the repository in"), impl->folder));

    // Opening "ws/.git" or a bare repository also succeeds; neither has `folder` as its
    // work tree root.
    if (git_repository_is_bare(impl->repo.get()))
        return fail(ErrorCode::Unsupported,
                    QStringLiteral("%1 is a bare git repository, which has no files to work on; "
                                   "clone it into a folder and open that.")
                        .arg(impl->folder));
    const char* workdir = git_repository_workdir(impl->repo.get());
    if (!workdir || canonical(QString::fromUtf8(workdir)) != canonical(impl->folder))
        return fail(ErrorCode::NotFound, notRepository,
                    QStringLiteral("its work tree is %1").arg(QString::fromUtf8(workdir)));
    return GitRepository(std::move(impl));
}

Result<GitRepository> GitRepository::init(const QString& folder)
{
    if (isRepository(folder))
        return open(folder);
    auto impl = std::make_unique<Impl>();
    impl->folder = nativeFolder(folder);
    if (QFileInfo(impl->folder).isFile())
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("%1 is a file; expected a folder.").arg(impl->folder));
    git_repository* raw = nullptr;
    const int rc = git_repository_init(&raw, impl->folder.toUtf8().constData(), 0);
    impl->repo.reset(raw);
    if (rc < 0)
        return std::unexpected(
            gitError(rc, QStringLiteral("create a repository in"), impl->folder));
    return GitRepository(std::move(impl));
}

bool GitRepository::isRepository(const QString& folder)
{
    return open(folder).has_value();
}

Result<Signature> GitRepository::defaultSignature(const QString& folder)
{
    LibGit2Session session;
    git_config* rawConfig = nullptr;
    int rc = 0;
    std::optional<GitRepository> repository;
    if (!folder.isEmpty()) {
        auto opened = open(folder);
        if (opened)
            repository.emplace(std::move(*opened));
    }
    if (repository)
        rc = git_repository_config_snapshot(&rawConfig, repository->d->repo.get());
    else
        rc = git_config_open_default(&rawConfig);
    ConfigPtr config(rawConfig);
    const QString where = repository ? repository->folder() : QStringLiteral("this computer");
    if (rc < 0)
        return std::unexpected(gitError(rc, QStringLiteral("read the configuration for"), where));

    Signature signature;
    for (const auto& [key, target] :
         {std::pair{"user.name", &signature.name}, std::pair{"user.email", &signature.email}}) {
        git_buf value = GIT_BUF_INIT;
        rc = git_config_get_string_buf(&value, config.get(), key);
        if (rc == 0)
            *target = QString::fromUtf8(value.ptr, qsizetype(value.size)).trimmed();
        git_buf_dispose(&value);
        if (rc < 0 && rc != GIT_ENOTFOUND)
            return std::unexpected(
                gitError(rc, QStringLiteral("read %1 for").arg(QLatin1String(key)), where));
    }
    if (signature.name.isEmpty() || signature.email.isEmpty()) {
        const QString missing = signature.name.isEmpty() && signature.email.isEmpty()
                                    ? QStringLiteral("user.name and user.email are")
                                : signature.name.isEmpty() ? QStringLiteral("user.name is")
                                                           : QStringLiteral("user.email is");
        return fail(ErrorCode::NotFound,
                    QStringLiteral("Git's %1 not set for %2; set them with git config --global "
                                   "user.name \"Your Name\" and git config --global user.email "
                                   "you@example.com.")
                        .arg(missing, where));
    }
    return signature;
}

Result<QList<FileStatus>> GitRepository::status(bool includeIgnored) const
{
    git_status_options options = GIT_STATUS_OPTIONS_INIT;
    options.show = GIT_STATUS_SHOW_INDEX_AND_WORKDIR;
    options.flags = GIT_STATUS_OPT_INCLUDE_UNTRACKED | GIT_STATUS_OPT_RECURSE_UNTRACKED_DIRS |
                    GIT_STATUS_OPT_RENAMES_HEAD_TO_INDEX | GIT_STATUS_OPT_RENAMES_INDEX_TO_WORKDIR |
                    GIT_STATUS_OPT_SORT_CASE_SENSITIVELY;
    if (includeIgnored)
        options.flags |= GIT_STATUS_OPT_INCLUDE_IGNORED; // ignored folders stay one entry

    git_status_list* rawList = nullptr;
    const int rc = git_status_list_new(&rawList, d->repo.get(), &options);
    StatusListPtr list(rawList);
    if (rc < 0)
        return std::unexpected(gitError(rc, QStringLiteral("read the status of"), d->folder));

    static constexpr std::pair<unsigned, FileStatus::Flag> kFlags[] = {
        {GIT_STATUS_INDEX_NEW, FileStatus::IndexNew},
        {GIT_STATUS_INDEX_MODIFIED, FileStatus::IndexModified},
        {GIT_STATUS_INDEX_DELETED, FileStatus::IndexDeleted},
        {GIT_STATUS_INDEX_RENAMED, FileStatus::IndexRenamed},
        {GIT_STATUS_INDEX_TYPECHANGE, FileStatus::IndexTypeChange},
        {GIT_STATUS_WT_NEW, FileStatus::WorkTreeNew},
        {GIT_STATUS_WT_MODIFIED, FileStatus::WorkTreeModified},
        {GIT_STATUS_WT_DELETED, FileStatus::WorkTreeDeleted},
        {GIT_STATUS_WT_RENAMED, FileStatus::WorkTreeRenamed},
        {GIT_STATUS_WT_TYPECHANGE, FileStatus::WorkTreeTypeChange},
        {GIT_STATUS_WT_UNREADABLE, FileStatus::WorkTreeUnreadable},
        {GIT_STATUS_IGNORED, FileStatus::Ignored},
        {GIT_STATUS_CONFLICTED, FileStatus::Conflicted},
    };

    QList<FileStatus> result;
    const size_t count = git_status_list_entrycount(list.get());
    result.reserve(qsizetype(count));
    for (size_t i = 0; i < count; ++i) {
        const git_status_entry* entry = git_status_byindex(list.get(), i);
        if (!entry || entry->status == GIT_STATUS_CURRENT)
            continue;
        FileStatus file;
        for (const auto& [gitFlag, flag] : kFlags) {
            if (entry->status & gitFlag)
                file.flags |= flag;
        }
        // The newest name of the file: the work tree's, else the index's.
        const git_diff_delta* delta =
            entry->index_to_workdir ? entry->index_to_workdir : entry->head_to_index;
        if (!delta)
            continue;
        file.path = QString::fromUtf8(delta->new_file.path);
        // The oldest name: HEAD's when the rename is staged, else the index's.
        const git_diff_delta* rename =
            (entry->status & GIT_STATUS_INDEX_RENAMED) ? entry->head_to_index
            : (entry->status & GIT_STATUS_WT_RENAMED)  ? entry->index_to_workdir
                                                       : nullptr;
        if (rename && rename->old_file.path)
            file.oldPath = QString::fromUtf8(rename->old_file.path);
        result.append(file);
    }
    std::sort(result.begin(), result.end(),
              [](const FileStatus& a, const FileStatus& b) { return a.path < b.path; });
    return result;
}

Result<QString> GitRepository::headCommitId() const
{
    const int unborn = git_repository_head_unborn(d->repo.get());
    if (unborn == 1)
        return fail(ErrorCode::NotFound,
                    QStringLiteral("The git repository in %1 has no commits yet; commit once "
                                   "to give it a history.")
                        .arg(d->folder));
    if (unborn < 0)
        return std::unexpected(gitError(unborn, QStringLiteral("read HEAD in"), d->folder));
    git_oid oid;
    const int rc = git_reference_name_to_id(&oid, d->repo.get(), "HEAD");
    if (rc < 0)
        return std::unexpected(gitError(rc, QStringLiteral("read HEAD in"), d->folder));
    return oidToString(oid);
}

Result<bool> GitRepository::isDirty() const
{
    auto changes = status(false);
    if (!changes)
        return std::unexpected(changes.error());
    return !changes->isEmpty();
}

Result<QString> GitRepository::commitAll(const QString& message, const Signature& author)
{
    if (message.trimmed().isEmpty())
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("The commit message is empty; describe what changed."));
    if (author.name.trimmed().isEmpty() || author.email.trimmed().isEmpty())
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("A commit needs the author's name and email; set git's "
                                   "user.name and user.email."));
    git_repository* repo = d->repo.get();
    const QString what = QStringLiteral("commit in");

    // HEAD first: a damaged HEAD should be reported before anything is staged.
    const int unborn = git_repository_head_unborn(repo);
    if (unborn < 0)
        return std::unexpected(gitError(unborn, QStringLiteral("read HEAD in"), d->folder));
    CommitPtr parent;
    if (unborn == 0) {
        git_oid headId;
        int rc = git_reference_name_to_id(&headId, repo, "HEAD");
        git_commit* rawParent = nullptr;
        if (rc == 0)
            rc = git_commit_lookup(&rawParent, repo, &headId);
        parent.reset(rawParent);
        if (rc < 0)
            return std::unexpected(gitError(rc, QStringLiteral("read HEAD in"), d->folder));
    }

    git_index* rawIndex = nullptr;
    int rc = git_repository_index(&rawIndex, repo);
    IndexPtr index(rawIndex);
    if (rc < 0)
        return std::unexpected(gitError(rc, QStringLiteral("read the index of"), d->folder));
    if (git_index_has_conflicts(index.get()))
        return fail(ErrorCode::Git,
                    QStringLiteral("%1 has unresolved merge conflicts; resolve them before "
                                   "committing.")
                        .arg(d->folder));

    if (m_stagePaths.has_value()) {
        // Exactly these paths: added or updated when on disk, removed from the index when not.
        for (const QString& path : *m_stagePaths) {
            const QByteArray p = path.toUtf8();
            rc = QFileInfo::exists(QDir(d->folder).filePath(path))
                     ? git_index_add_bypath(index.get(), p.constData())
                     : git_index_remove_bypath(index.get(), p.constData());
            if (rc < 0)
                break;
        }
    } else {
        // `git add -A`: new and modified files (ignored ones skipped), then deletions.
        rc = git_index_add_all(index.get(), nullptr, GIT_INDEX_ADD_DEFAULT, nullptr, nullptr);
        if (rc == 0)
            rc = git_index_update_all(index.get(), nullptr, nullptr, nullptr);
    }
    if (rc < 0)
        return std::unexpected(gitError(rc, QStringLiteral("stage the changes in"), d->folder));
    rc = git_index_write(index.get());
    if (rc == GIT_ELOCKED) {
        const QString lockFile =
            QDir::toNativeSeparators(QDir(QString::fromUtf8(git_repository_path(repo)))
                                         .filePath(QStringLiteral("index.lock")));
        return fail(ErrorCode::Git,
                    QStringLiteral("The git index of %1 is locked by another git program (%2 "
                                   "exists); wait for it to finish, or delete that file if no git "
                                   "program is running.")
                        .arg(d->folder, lockFile),
                    lastGitDetail(rc));
    }
    if (rc < 0)
        return std::unexpected(gitError(rc, QStringLiteral("write the index of"), d->folder));

    git_oid treeId;
    rc = git_index_write_tree(&treeId, index.get());
    if (rc < 0)
        return std::unexpected(gitError(rc, what, d->folder));
    const bool unchanged = parent ? git_oid_equal(&treeId, git_commit_tree_id(parent.get()))
                                  : git_index_entrycount(index.get()) == 0;
    if (unchanged)
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("Nothing to commit in %1: no file changed since the last "
                                   "commit.")
                        .arg(d->folder));
    git_tree* rawTree = nullptr;
    rc = git_tree_lookup(&rawTree, repo, &treeId);
    TreePtr tree(rawTree);
    if (rc < 0)
        return std::unexpected(gitError(rc, what, d->folder));

    git_signature* rawSignature = nullptr;
    rc = git_signature_now(&rawSignature, author.name.trimmed().toUtf8().constData(),
                           author.email.trimmed().toUtf8().constData());
    SignaturePtr signature(rawSignature);
    if (rc < 0)
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("\"%1 <%2>\" cannot sign a git commit: %3.")
                        .arg(author.name, author.email, lastGitMessage(rc)),
                    lastGitDetail(rc));

    const git_commit* parents[] = {parent.get()};
    git_oid commitId;
    QByteArray messageUtf8 = message.toUtf8();
    if (!messageUtf8.endsWith('\n')) // as `git commit` writes it
        messageUtf8.append('\n');
    rc = git_commit_create(&commitId, repo, "HEAD", signature.get(), signature.get(), nullptr,
                           messageUtf8.constData(), tree.get(), parent ? 1 : 0, parents);
    if (rc < 0)
        return std::unexpected(gitError(rc, what, d->folder));
    return oidToString(commitId);
}

Result<QString> GitRepository::resolveCommit(const QString& revision) const
{
    git_object* raw = nullptr;
    const int rc = git_revparse_single(&raw, d->repo.get(), revision.toUtf8().constData());
    ObjectPtr object(raw);
    if (rc == GIT_ENOTFOUND)
        return fail(ErrorCode::NotFound,
                    QStringLiteral("\"%1\" names no commit in %2; swb history lists them.")
                        .arg(revision, d->folder));
    if (rc == GIT_EAMBIGUOUS)
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("\"%1\" is ambiguous in %2; give more of the commit id.")
                        .arg(revision, d->folder));
    if (rc < 0)
        return std::unexpected(
            gitError(rc, QStringLiteral("find \"%1\" in").arg(revision), d->folder));
    git_object* peeled = nullptr;
    if (git_object_peel(&peeled, object.get(), GIT_OBJECT_COMMIT) != 0)
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("\"%1\" is not a commit in %2.").arg(revision, d->folder));
    ObjectPtr commit(peeled);
    return oidToString(*git_object_id(commit.get()));
}

Result<QList<CommitInfo>> GitRepository::history(const QString& rawFolder, int limit) const
{
    git_repository* repo = d->repo.get();
    const QString folder = cleanFolder(rawFolder);
    QList<CommitInfo> out;
    if (git_repository_head_unborn(repo) == 1)
        return out;
    // Tags by the commit they point at.
    QMultiHash<QString, QString> tagsByCommit;
    if (auto names = tags(); names) {
        for (const QString& name : *names) {
            if (auto id = resolveCommit(QStringLiteral("refs/tags/") + name); id)
                tagsByCommit.insert(*id, name);
        }
    }
    git_revwalk* rawWalk = nullptr;
    int rc = git_revwalk_new(&rawWalk, repo);
    RevwalkPtr walk(rawWalk);
    if (rc == 0)
        rc = git_revwalk_push_head(walk.get());
    if (rc < 0)
        return std::unexpected(gitError(rc, QStringLiteral("read the history of"), d->folder));
    git_revwalk_sorting(walk.get(), GIT_SORT_TOPOLOGICAL | GIT_SORT_TIME); // children first
    git_oid id;
    while (out.size() < limit && git_revwalk_next(&id, walk.get()) == 0) {
        git_commit* rawCommit = nullptr;
        if (git_commit_lookup(&rawCommit, repo, &id) != 0)
            continue;
        CommitPtr commit(rawCommit);
        git_tree* rawTree = nullptr;
        if (git_commit_tree(&rawTree, commit.get()) != 0)
            continue;
        TreePtr tree(rawTree);
        const git_oid mine = entryId(tree.get(), folder);
        bool changed = false;
        if (git_commit_parentcount(commit.get()) == 0) {
            changed = !git_oid_is_zero(&mine);
        } else {
            // Changed against any parent (a merge that brought the folder in counts).
            for (unsigned i = 0; i < git_commit_parentcount(commit.get()) && !changed; ++i) {
                git_commit* rawParent = nullptr;
                if (git_commit_parent(&rawParent, commit.get(), i) != 0)
                    continue;
                CommitPtr parent(rawParent);
                git_tree* rawParentTree = nullptr;
                if (git_commit_tree(&rawParentTree, parent.get()) != 0)
                    continue;
                TreePtr parentTree(rawParentTree);
                const git_oid theirs = entryId(parentTree.get(), folder);
                changed = !git_oid_equal(&mine, &theirs);
            }
        }
        if (!changed)
            continue;
        CommitInfo info;
        info.id = oidToString(id);
        info.message = QString::fromUtf8(git_commit_message(commit.get())).trimmed();
        info.summary = info.message.section(QLatin1Char('\n'), 0, 0);
        const git_signature* author = git_commit_author(commit.get());
        info.author = QStringLiteral("%1 <%2>").arg(QString::fromUtf8(author->name),
                                                    QString::fromUtf8(author->email));
        info.timeEpochSeconds = qint64(git_commit_time(commit.get()));
        info.tags = tagsByCommit.values(info.id);
        info.tags.sort();
        out << info;
    }
    return out;
}

Result<QByteArray> GitRepository::fileAt(const QString& revision, const QString& path) const
{
    auto id = resolveCommit(revision);
    if (!id)
        return std::unexpected(id.error());
    auto found = commitAndTree(d->repo.get(), *id, revision, d->folder);
    if (!found)
        return std::unexpected(found.error());
    TreePtr tree = std::move(found->second);
    git_tree_entry* rawEntry = nullptr;
    if (git_tree_entry_bypath(&rawEntry, tree.get(), cleanFolder(path).toUtf8().constData()) != 0)
        return fail(ErrorCode::NotFound,
                    QStringLiteral("%1 is not in commit %2.").arg(path, id->left(12)));
    TreeEntryPtr entry(rawEntry);
    git_blob* rawBlob = nullptr;
    if (git_tree_entry_type(entry.get()) != GIT_OBJECT_BLOB ||
        git_blob_lookup(&rawBlob, d->repo.get(), git_tree_entry_id(entry.get())) != 0)
        return fail(ErrorCode::NotFound,
                    QStringLiteral("%1 is not a file in commit %2.").arg(path, id->left(12)));
    BlobPtr blob(rawBlob);
    return QByteArray(static_cast<const char*>(git_blob_rawcontent(blob.get())),
                      qsizetype(git_blob_rawsize(blob.get())));
}

Result<void> GitRepository::exportFolder(const QString& revision, const QString& rawFolder,
                                         const QString& destination) const
{
    auto id = resolveCommit(revision);
    if (!id)
        return std::unexpected(id.error());
    if (QFileInfo::exists(destination))
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("%1 already exists; export into a new folder.")
                        .arg(QDir::toNativeSeparators(destination)));
    git_repository* repo = d->repo.get();
    auto found = commitAndTree(d->repo.get(), *id, revision, d->folder);
    if (!found)
        return std::unexpected(found.error());
    TreePtr root = std::move(found->second);
    const QString folder = cleanFolder(rawFolder);
    TreePtr tree = subtree(repo, root.get(), folder);
    if (!tree)
        return fail(ErrorCode::NotFound,
                    QStringLiteral("%1 is not a folder in commit %2.")
                        .arg(folder.isEmpty() ? QStringLiteral(".") : folder, id->left(12)));
    if (!QDir().mkpath(destination))
        return fail(ErrorCode::Io,
                    QStringLiteral("Cannot create %1.").arg(QDir::toNativeSeparators(destination)));
    struct Walk {
        git_repository* repo;
        QString destination;
        std::optional<Error> error;
    } walk{repo, destination, std::nullopt};
    auto callback = [](const char* root, const git_tree_entry* entry, void* payload) -> int {
        auto* w = static_cast<Walk*>(payload);
        const QString relative =
            QString::fromUtf8(root) + QString::fromUtf8(git_tree_entry_name(entry));
        const QString target = QDir(w->destination).filePath(relative);
        const git_filemode_t mode = git_tree_entry_filemode(entry);
        if (mode == GIT_FILEMODE_TREE) {
            QDir().mkpath(target);
            return 0;
        }
        if (mode != GIT_FILEMODE_BLOB && mode != GIT_FILEMODE_BLOB_EXECUTABLE)
            return 0; // links and submodules are not code to deploy
        git_blob* rawBlob = nullptr;
        if (git_blob_lookup(&rawBlob, w->repo, git_tree_entry_id(entry)) != 0) {
            w->error = Error{
                ErrorCode::Git, QStringLiteral("Cannot read %1 from git.").arg(relative), {}, {}};
            return -1;
        }
        BlobPtr blob(rawBlob);
        QFile file(target);
        if (!file.open(QIODevice::WriteOnly) ||
            file.write(static_cast<const char*>(git_blob_rawcontent(blob.get())),
                       qint64(git_blob_rawsize(blob.get()))) !=
                qint64(git_blob_rawsize(blob.get()))) {
            w->error = Error{ErrorCode::Io,
                             QStringLiteral("Cannot write %1: %2.")
                                 .arg(QDir::toNativeSeparators(target), file.errorString()),
                             {},
                             {}};
            return -1;
        }
        file.close();
        if (mode == GIT_FILEMODE_BLOB_EXECUTABLE)
            file.setPermissions(file.permissions() | QFileDevice::ExeOwner | QFileDevice::ExeGroup |
                                QFileDevice::ExeOther);
        return 0;
    };
    int rc = git_tree_walk(tree.get(), GIT_TREEWALK_PRE, callback, &walk);
    if (walk.error)
        return std::unexpected(*walk.error);
    if (rc < 0)
        return std::unexpected(
            gitError(rc, QStringLiteral("export %1 from").arg(folder), d->folder));
    return {};
}

// The diff of `folder` ('' for all) between a commit's tree and the working tree, with untracked
// files; ignored ones left out.
static Result<DiffPtr> workTreeDiff(git_repository* repo, const QString& repoFolder,
                                    const Result<QString>& id, const QString& revision,
                                    const QString& rawFolder)
{
    if (!id)
        return std::unexpected(id.error());
    auto found = commitAndTree(repo, *id, revision, repoFolder);
    if (!found)
        return std::unexpected(found.error());
    TreePtr tree = std::move(found->second);
    const QString folder = cleanFolder(rawFolder);
    const QByteArray spec =
        folder.isEmpty() ? QByteArray() : (folder + QStringLiteral("/")).toUtf8();
    char* specs[] = {const_cast<char*>(spec.constData())};
    git_diff_options options = GIT_DIFF_OPTIONS_INIT;
    options.flags = GIT_DIFF_INCLUDE_UNTRACKED | GIT_DIFF_RECURSE_UNTRACKED_DIRS |
                    GIT_DIFF_SHOW_UNTRACKED_CONTENT;
    if (!spec.isEmpty()) {
        options.pathspec.strings = specs;
        options.pathspec.count = 1;
    }
    git_diff* rawDiff = nullptr;
    int rc = git_diff_tree_to_workdir_with_index(&rawDiff, repo, tree.get(), &options);
    DiffPtr diff(rawDiff);
    if (rc < 0)
        return std::unexpected(gitError(
            rc, QStringLiteral("compare %1 with the working tree of").arg(revision), repoFolder));
    return diff;
}

Result<QString> GitRepository::diffToWorkTree(const QString& revision, const QString& folder) const
{
    auto diff = workTreeDiff(d->repo.get(), d->folder, resolveCommit(revision), revision, folder);
    if (!diff)
        return std::unexpected(diff.error());
    return patchText(diff->get(), d->folder);
}

Result<QStringList> GitRepository::changedSince(const QString& revision,
                                                const QString& folder) const
{
    auto diff = workTreeDiff(d->repo.get(), d->folder, resolveCommit(revision), revision, folder);
    if (!diff)
        return std::unexpected(diff.error());
    QStringList paths;
    const size_t count = git_diff_num_deltas(diff->get());
    for (size_t i = 0; i < count; ++i) {
        const git_diff_delta* delta = git_diff_get_delta(diff->get(), i);
        const char* path = delta->new_file.path ? delta->new_file.path : delta->old_file.path;
        paths << QString::fromUtf8(path);
    }
    paths.sort();
    paths.removeDuplicates();
    return paths;
}

Result<QString> GitRepository::diffOfCommit(const QString& revision, const QString& rawFolder) const
{
    auto id = resolveCommit(revision);
    if (!id)
        return std::unexpected(id.error());
    git_repository* repo = d->repo.get();
    auto found = commitAndTree(d->repo.get(), *id, revision, d->folder);
    if (!found)
        return std::unexpected(found.error());
    CommitPtr commit = std::move(found->first);
    TreePtr tree = std::move(found->second);
    TreePtr parentTree;
    if (git_commit_parentcount(commit.get()) > 0) {
        git_commit* rawParent = nullptr;
        if (git_commit_parent(&rawParent, commit.get(), 0) == 0) {
            CommitPtr parent(rawParent);
            git_tree* rawParentTree = nullptr;
            if (git_commit_tree(&rawParentTree, parent.get()) == 0)
                parentTree.reset(rawParentTree);
        }
    }
    const QString folder = cleanFolder(rawFolder);
    const QByteArray spec =
        folder.isEmpty() ? QByteArray() : (folder + QStringLiteral("/")).toUtf8();
    char* specs[] = {const_cast<char*>(spec.constData())};
    git_diff_options options = GIT_DIFF_OPTIONS_INIT;
    if (!spec.isEmpty()) {
        options.pathspec.strings = specs;
        options.pathspec.count = 1;
    }
    git_diff* rawDiff = nullptr;
    int rc = git_diff_tree_to_tree(&rawDiff, repo, parentTree.get(), tree.get(), &options);
    DiffPtr diff(rawDiff);
    if (rc < 0)
        return std::unexpected(
            gitError(rc, QStringLiteral("compare %1 with its parent in").arg(revision), d->folder));
    return patchText(diff.get(), d->folder);
}

Result<void> GitRepository::createTag(const QString& name, const QString& revision)
{
    auto id = resolveCommit(revision);
    if (!id)
        return std::unexpected(id.error());
    git_oid oid;
    git_oid_fromstr(&oid, id->toUtf8().constData());
    git_object* raw = nullptr;
    int rc = git_object_lookup(&raw, d->repo.get(), &oid, GIT_OBJECT_COMMIT);
    ObjectPtr target(raw);
    if (rc < 0)
        return std::unexpected(gitError(rc, QStringLiteral("find %1 in").arg(revision), d->folder));
    git_oid tagId;
    rc = git_tag_create_lightweight(&tagId, d->repo.get(), name.toUtf8().constData(), target.get(),
                                    0);
    if (rc == GIT_EEXISTS)
        return fail(ErrorCode::Conflict,
                    QStringLiteral("The tag %1 already exists in %2.").arg(name, d->folder));
    if (rc == GIT_EINVALIDSPEC)
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("\"%1\" is not a valid tag name.").arg(name));
    if (rc < 0)
        return std::unexpected(gitError(rc, QStringLiteral("tag %1 in").arg(name), d->folder));
    return {};
}

Result<QStringList> GitRepository::tags(const QString& prefix) const
{
    git_strarray raw{};
    const QByteArray pattern = (prefix + QStringLiteral("*")).toUtf8();
    const int rc = git_tag_list_match(&raw, pattern.constData(), d->repo.get());
    if (rc < 0)
        return std::unexpected(gitError(rc, QStringLiteral("list the tags of"), d->folder));
    QStringList out;
    for (size_t i = 0; i < raw.count; ++i)
        out << QString::fromUtf8(raw.strings[i]);
    git_strarray_dispose(&raw); // the names; the struct is on the stack
    out.sort();
    return out;
}

Result<QString> GitRepository::commitPaths(const QStringList& paths, const QString& message,
                                           const Signature& author)
{
    if (paths.isEmpty())
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("Choose at least one file to commit."));
    QStringList clean;
    for (const QString& path : paths) {
        const QString c = QDir::cleanPath(path);
        if (c.isEmpty() || c.startsWith(QLatin1String("..")) || QDir::isAbsolutePath(c))
            return fail(ErrorCode::InvalidArgument,
                        QStringLiteral("%1 is not inside %2.").arg(path, d->folder));
        clean << c;
    }
    m_stagePaths = clean;
    auto result = commitAll(message, author);
    m_stagePaths.reset();
    return result;
}

Result<bool> GitRepository::ensureIgnored(const QString& pattern)
{
    const QString probe =
        pattern.endsWith(QLatin1Char('/')) ? pattern + QStringLiteral("x") : pattern;
    int ignored = 0;
    if (git_ignore_path_is_ignored(&ignored, d->repo.get(), probe.toUtf8().constData()) == 0 &&
        ignored == 1)
        return false;
    const QString path = QDir(d->folder).filePath(QStringLiteral(".gitignore"));
    QFile file(path);
    QByteArray text;
    if (file.exists()) {
        if (!file.open(QIODevice::ReadOnly))
            return fail(ErrorCode::Io,
                        QStringLiteral("Cannot read %1: %2.")
                            .arg(QDir::toNativeSeparators(path), file.errorString()));
        text = file.readAll();
        file.close();
    }
    if (!text.isEmpty() && !text.endsWith('\n'))
        text.append('\n');
    text.append("# Serverless Workbench: history, recovery files, stages (not code)\n");
    text.append(pattern.toUtf8() + '\n');
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly) || out.write(text) != text.size() || !out.commit())
        return fail(ErrorCode::Io, QStringLiteral("Cannot write %1: %2.")
                                       .arg(QDir::toNativeSeparators(path), out.errorString()));
    return true;
}

} // namespace swb
