#include "WorkspaceTree.h"

#include "model/Workspace.h"
#include "vcs/GitRepository.h"

#include <QBrush>
#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QHash>
#include <QHeaderView>
#include <QMenu>
#include <QTreeWidgetItemIterator>

namespace swb {

namespace {

constexpr int kKindRole = Qt::UserRole;
constexpr int kPathRole = Qt::UserRole + 1;
constexpr int kNameRole = Qt::UserRole + 2;

// Folders that are build output or caches, not the user's code.
bool skippedFolder(const QString& name)
{
    return name == QLatin1String("__pycache__") || name == QLatin1String("node_modules") ||
           name == QLatin1String(".swb") || name == QLatin1String(".git") ||
           name == QLatin1String(".aws-sam") || name == QLatin1String(".serverless");
}

QString triggerSummary(const FunctionSpec& f)
{
    QStringList parts;
    for (const TriggerSpec& t : f.triggers) {
        switch (t.type) {
        case TriggerType::Http:
            parts << QStringLiteral("%1 %2").arg(t.method, t.path);
            break;
        case TriggerType::Schedule:
            parts << t.schedule;
            break;
        default:
            parts << triggerTypeName(t.type);
        }
    }
    return parts.join(QStringLiteral(", "));
}

} // namespace

WorkspaceTree::WorkspaceTree(QWidget* parent) : QTreeWidget(parent)
{
    setHeaderHidden(true);
    setColumnCount(1);
    setAccessibleName(tr("Workspace"));
    setUniformRowHeights(true);
    connect(this, &QTreeWidget::itemActivated, this,
            [this](QTreeWidgetItem* item, int) { onActivated(item); });
    setContextMenuPolicy(Qt::CustomContextMenu);
    connect(this, &QWidget::customContextMenuRequested, this, &WorkspaceTree::showContextMenu);
}

void WorkspaceTree::showContextMenu(const QPoint& at)
{
    QMenu menu(this);
    menu.addAction(tr("New Function…"), this, &WorkspaceTree::newFunctionRequested);
    QTreeWidgetItem* item = itemAt(at);
    while (item && item->parent() && item->data(0, kKindRole).toInt() != FunctionItem)
        item = item->parent();
    if (item && item->data(0, kKindRole).toInt() == FunctionItem) {
        const QString function = item->data(0, kNameRole).toString();
        menu.addSeparator();
        menu.addAction(tr("Rename “%1”…").arg(function), this,
                       [this, function] { emit renameFunctionRequested(function); });
        menu.addAction(tr("Delete “%1”…").arg(function), this,
                       [this, function] { emit deleteFunctionRequested(function); });
    }
    menu.exec(viewport()->mapToGlobal(at));
}

void WorkspaceTree::setWorkspace(const Workspace* ws)
{
    clear();
    m_workspaceFolder = ws ? ws->folder : QString();
    if (!ws)
        return;
    for (const FunctionSpec& f : ws->functions) {
        auto* fn = new QTreeWidgetItem(this);
        const QString triggers = triggerSummary(f);
        fn->setText(0, triggers.isEmpty() ? tr("%1 (%2)").arg(f.name, f.runtime)
                                          : tr("%1 (%2) · %3").arg(f.name, f.runtime, triggers));
        fn->setToolTip(0, tr("%1\nHandler: %2\nMemory: %3 MB, timeout %4 s")
                              .arg(f.description.isEmpty() ? f.name : f.description, f.handler)
                              .arg(f.memoryMb)
                              .arg(f.timeoutSeconds));
        fn->setData(0, kKindRole, FunctionItem);
        fn->setData(0, kNameRole, f.name);

        auto* code = new QTreeWidgetItem(fn, {tr("Code")});
        code->setData(0, kKindRole, GroupItem);
        const QString root = ws->codeFolder(f);
        QDirIterator it(root, QDir::Files | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
        QStringList files;
        while (it.hasNext() && files.size() < kMaxFilesPerFunction) {
            const QString path = it.next();
            const QString relative = QDir(root).relativeFilePath(path);
            bool skip = false;
            for (const QString& part :
                 relative.split(QLatin1Char('/')).mid(0, relative.count(QLatin1Char('/'))))
                skip = skip || skippedFolder(part);
            if (!skip)
                files << relative;
        }
        files.sort();
        for (const QString& relative : files) {
            auto* file = new QTreeWidgetItem(code, {relative});
            file->setData(0, kKindRole, FileItem);
            file->setData(0, kPathRole, QDir(root).filePath(relative));
            file->setToolTip(0, QDir(root).filePath(relative));
        }
        const QStringList events = ws->savedEvents(f.name);
        if (!events.isEmpty()) {
            auto* group = new QTreeWidgetItem(fn, {tr("Events")});
            group->setData(0, kKindRole, GroupItem);
            for (const QString& name : events) {
                auto* e = new QTreeWidgetItem(group, {name});
                e->setData(0, kKindRole, EventItem);
                e->setData(0, kNameRole, name);
                e->setData(0, kPathRole, f.name);
            }
        }
        fn->setExpanded(true);
        code->setExpanded(true);
    }
    if (!ws->scenarios.isEmpty()) {
        auto* group = new QTreeWidgetItem(this, {tr("Cost scenarios")});
        group->setData(0, kKindRole, GroupItem);
        for (const ScenarioSpec& s : ws->scenarios) {
            auto* item = new QTreeWidgetItem(
                group, {tr("%1 (%2, %3 MB)").arg(s.name, s.provider).arg(s.memoryMb)});
            item->setData(0, kKindRole, ScenarioItem);
            item->setData(0, kNameRole, s.name);
        }
    }
    refreshGitStatus();
}

QTreeWidgetItem* WorkspaceTree::functionItem(const QString& name) const
{
    for (int i = 0; i < topLevelItemCount(); ++i) {
        QTreeWidgetItem* item = topLevelItem(i);
        if (item->data(0, kKindRole).toInt() == FunctionItem &&
            item->data(0, kNameRole).toString() == name)
            return item;
    }
    return nullptr;
}

void WorkspaceTree::onActivated(QTreeWidgetItem* item)
{
    switch (item->data(0, kKindRole).toInt()) {
    case FunctionItem:
        emit functionActivated(item->data(0, kNameRole).toString());
        break;
    case FileItem:
        emit fileActivated(item->data(0, kPathRole).toString());
        break;
    case EventItem:
        emit eventActivated(item->data(0, kPathRole).toString(),
                            item->data(0, kNameRole).toString());
        break;
    case ScenarioItem:
        emit scenarioActivated(item->data(0, kNameRole).toString());
        break;
    default:
        break;
    }
}

void WorkspaceTree::refreshGitStatus()
{
    QHash<QString, FileStatus::Flags> flags;
    QStringList ignoredFolders;
    const bool versioned =
        !m_workspaceFolder.isEmpty() && GitRepository::isRepository(m_workspaceFolder);
    if (versioned) {
        if (auto repo = GitRepository::open(m_workspaceFolder); repo) {
            if (auto status = repo->status(true); status) {
                for (const FileStatus& f : *status) {
                    if (f.path.endsWith(QLatin1Char('/')))
                        ignoredFolders << f.path;
                    else
                        flags.insert(f.path, f.flags);
                }
            }
        }
    }
    const QDir root(m_workspaceFolder);
    for (QTreeWidgetItemIterator it(this); *it; ++it) {
        QTreeWidgetItem* item = *it;
        if (item->data(0, kKindRole).toInt() != FileItem)
            continue;
        const QString relative = root.relativeFilePath(item->data(0, kPathRole).toString());
        QString mark;
        QColor colour;
        const FileStatus::Flags f = flags.value(relative);
        const bool ignored =
            (f & FileStatus::Ignored) ||
            std::any_of(ignoredFolders.begin(), ignoredFolders.end(),
                        [&](const QString& folder) { return relative.startsWith(folder); });
        if (!versioned) {
            // no marks outside a repository
        } else if (ignored) {
            mark = tr("ignored");
            colour = palette().color(QPalette::Disabled, QPalette::Text);
        } else if (f & (FileStatus::WorkTreeNew)) {
            mark = tr("new");
            colour = QColor(0x2e, 0xa0, 0x43);
        } else if (f & (FileStatus::WorkTreeModified | FileStatus::WorkTreeDeleted |
                        FileStatus::WorkTreeRenamed | FileStatus::WorkTreeTypeChange)) {
            mark = tr("modified");
            colour = QColor(0x2f, 0x7f, 0xd8);
        } else if (f &
                   (FileStatus::IndexNew | FileStatus::IndexModified | FileStatus::IndexDeleted |
                    FileStatus::IndexRenamed | FileStatus::IndexTypeChange)) {
            mark = tr("staged");
            colour = QColor(0xd0, 0x7a, 0x00);
        }
        QString base = item->text(0);
        if (const int at = base.indexOf(QStringLiteral("  [")); at >= 0)
            base.truncate(at);
        item->setText(0, mark.isEmpty() ? base : QStringLiteral("%1  [%2]").arg(base, mark));
        item->setData(0, Qt::UserRole + 10, mark);
        item->setForeground(0, mark.isEmpty() ? palette().brush(QPalette::Text) : QBrush(colour));
    }
}

QString WorkspaceTree::gitStatusOf(const QString& path) const
{
    for (QTreeWidgetItemIterator it(const_cast<WorkspaceTree*>(this)); *it; ++it) {
        if ((*it)->data(0, kKindRole).toInt() == FileItem &&
            QDir::cleanPath((*it)->data(0, kPathRole).toString()) == QDir::cleanPath(path))
            return (*it)->data(0, Qt::UserRole + 10).toString();
    }
    return {};
}

} // namespace swb
