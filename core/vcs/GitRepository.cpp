#include "GitRepository.h"

#include <QDir>
#include <QFileInfo>

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

    // `git add -A`: new and modified files (ignored ones skipped), then deletions.
    rc = git_index_add_all(index.get(), nullptr, GIT_INDEX_ADD_DEFAULT, nullptr, nullptr);
    if (rc == 0)
        rc = git_index_update_all(index.get(), nullptr, nullptr, nullptr);
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

} // namespace swb
