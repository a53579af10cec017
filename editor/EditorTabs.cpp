#include "EditorTabs.h"

#include "FindBar.h"
#include "GoToLineBar.h"
#include "format/TextFile.h"
#include "vcs/GitRepository.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QFrame>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTabBar>
#include <QTabWidget>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace swb {

namespace {
constexpr int kDiskDebounceMs = 100; // let a writer finish before the file is read
const QString kModifiedMarker = QStringLiteral(" •");
} // namespace

// One tab: a notice bar (changed/deleted on disk, a failed save) over the editor.
class EditorTabs::Page : public QWidget {
public:
    explicit Page(std::unique_ptr<CodeEditor> ownedEditor, QWidget* parent) : QWidget(parent)
    {
        auto* column = new QVBoxLayout(this);
        column->setContentsMargins(0, 0, 0, 0);
        column->setSpacing(0);
        notice = new QFrame(this);
        notice->setAccessibleName(EditorTabs::tr("File notice"));
        notice->setFrameShape(QFrame::StyledPanel);
        notice->setAutoFillBackground(true);
        auto* row = new QHBoxLayout(notice);
        row->setContentsMargins(8, 4, 8, 4);
        noticeLabel = new QLabel(notice);
        noticeLabel->setWordWrap(true);
        noticeLabel->setAccessibleName(EditorTabs::tr("File notice text"));
        reloadButton = new QPushButton(EditorTabs::tr("Reload"), notice);
        reloadButton->setAccessibleName(EditorTabs::tr("Reload from disk"));
        reloadButton->setToolTip(EditorTabs::tr("Replace the buffer with the file on disk"));
        keepButton = new QPushButton(EditorTabs::tr("Keep mine"), notice);
        keepButton->setAccessibleName(EditorTabs::tr("Keep my changes"));
        keepButton->setToolTip(EditorTabs::tr("Keep the buffer; saving overwrites the file"));
        dismissButton = new QToolButton(notice);
        dismissButton->setText(QStringLiteral("✕"));
        dismissButton->setAutoRaise(true);
        dismissButton->setAccessibleName(EditorTabs::tr("Dismiss notice"));
        row->addWidget(noticeLabel, 1);
        row->addWidget(reloadButton);
        row->addWidget(keepButton);
        row->addWidget(dismissButton);
        notice->hide();
        editor = ownedEditor.release();
        editor->setParent(this);
        column->addWidget(notice);
        column->addWidget(editor, 1);
        diskDebounce = new QTimer(this);
        diskDebounce->setSingleShot(true);
        diskDebounce->setInterval(kDiskDebounceMs);
    }

    CodeEditor* editor = nullptr;
    QFrame* notice = nullptr;
    QLabel* noticeLabel = nullptr;
    QPushButton* reloadButton = nullptr;
    QPushButton* keepButton = nullptr;
    QToolButton* dismissButton = nullptr;
    QTimer* diskDebounce = nullptr;
    bool missingOnDisk = false;
    bool autosaveDirty = false; // text changed since the last recovery write
};

EditorTabs::EditorTabs(QWidget* parent) : QWidget(parent)
{
    setAccessibleName(tr("Editor"));
    auto* column = new QVBoxLayout(this);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(0);
    m_tabs = new QTabWidget(this);
    m_tabs->setAccessibleName(tr("Open files"));
    m_tabs->setTabsClosable(true);
    m_tabs->setMovable(true);
    m_tabs->setDocumentMode(true);
    m_tabs->tabBar()->setAccessibleName(tr("Open file tabs"));
    m_findBar = new FindBar(this);
    m_findBar->hide();
    m_goToLineBar = new GoToLineBar(this);
    m_goToLineBar->hide();
    column->addWidget(m_tabs, 1);
    column->addWidget(m_findBar);
    column->addWidget(m_goToLineBar);

    m_watcher = new QFileSystemWatcher(this);
    connect(m_watcher, &QFileSystemWatcher::fileChanged, this, &EditorTabs::onFileChanged);
    connect(m_watcher, &QFileSystemWatcher::directoryChanged, this,
            &EditorTabs::onDirectoryChanged);

    m_autosaveTimer = new QTimer(this);
    m_autosaveTimer->setInterval(kDefaultAutosaveIntervalMs);
    connect(m_autosaveTimer, &QTimer::timeout, this, &EditorTabs::autosaveNow);

    connect(m_tabs, &QTabWidget::tabCloseRequested, this, [this](int index) { close(index); });
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int) {
        CodeEditor* current = currentEditor();
        m_findBar->setEditor(current);
        m_goToLineBar->setEditor(current);
        emit currentFileChanged(current ? current->filePath() : QString());
    });
    // Autosave when focus leaves an editor (to another window or widget) and when the
    // application is deactivated: the moments a crash or a kill is most likely to follow.
    connect(qApp, &QApplication::focusChanged, this, [this](QWidget* old, QWidget* now) {
        // The focus widget may be the editor or a child of it (its viewport).
        QWidget* editorWidget = old;
        while (editorWidget && !qobject_cast<CodeEditor*>(editorWidget))
            editorWidget = editorWidget->parentWidget();
        if (editorWidget && isAncestorOf(editorWidget) &&
            !(now && (now == editorWidget || editorWidget->isAncestorOf(now))))
            autosaveNow();
    });
    connect(qApp, &QGuiApplication::applicationStateChanged, this,
            [this](Qt::ApplicationState state) {
                if (state != Qt::ApplicationActive)
                    autosaveNow();
            });

    const auto addAction = [this](const QString& text, const QKeySequence& keys, auto slot) {
        auto* action = new QAction(text, this);
        action->setShortcut(keys);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(action, &QAction::triggered, this, slot);
        QWidget::addAction(action);
        return action;
    };
    m_findAction = addAction(tr("&Find…"), QKeySequence(tr("Ctrl+F")), [this] {
        m_goToLineBar->hide();
        m_findBar->open(false);
    });
    m_replaceAction = addAction(tr("&Replace…"), QKeySequence(tr("Ctrl+H")), [this] {
        m_goToLineBar->hide();
        m_findBar->open(true);
    });
    m_goToLineAction = addAction(tr("&Go to Line…"), QKeySequence(tr("Ctrl+G")), [this] {
        m_findBar->hide();
        m_goToLineBar->open();
    });
    m_saveAction = addAction(tr("&Save"), QKeySequence(tr("Ctrl+S")), [this] { save(); });
    m_saveAllAction =
        addAction(tr("Save A&ll"), QKeySequence(tr("Ctrl+Shift+S")), [this] { saveAll(); });
    m_closeAction = addAction(tr("&Close"), QKeySequence(tr("Ctrl+W")), [this] { close(); });
    auto* findNext =
        addAction(tr("Find &Next"), QKeySequence(tr("F3")), [this] { m_findBar->findNext(); });
    auto* findPrevious = addAction(tr("Find &Previous"), QKeySequence(tr("Shift+F3")),
                                   [this] { m_findBar->findPrevious(); });
    Q_UNUSED(findNext);
    Q_UNUSED(findPrevious);

    m_savePrompt = [this](const QString& path) {
        QMessageBox box(
            QMessageBox::Warning, tr("Unsaved changes"),
            tr("Save the changes to %1 before closing?").arg(QFileInfo(path).fileName()),
            QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, this);
        box.setInformativeText(path);
        box.setDefaultButton(QMessageBox::Save);
        switch (box.exec()) {
        case QMessageBox::Save:
            return SaveChoice::Save;
        case QMessageBox::Discard:
            return SaveChoice::Discard;
        default:
            return SaveChoice::Cancel;
        }
    };
    m_findBar->setEditor(nullptr);
    m_goToLineBar->setEditor(nullptr);
}

EditorTabs::~EditorTabs()
{
    // A last write, so that quitting with unsaved buffers still leaves them recoverable; then
    // no more focus signals while the children are torn down.
    autosaveNow();
    disconnect(qApp, nullptr, this, nullptr);
    m_autosaveTimer->stop();
}

EditorTabs::Page* EditorTabs::page(int index) const
{
    if (index == -1)
        index = m_tabs->currentIndex();
    if (index < 0 || index >= m_tabs->count())
        return nullptr;
    return static_cast<Page*>(m_tabs->widget(index));
}

EditorTabs::Page* EditorTabs::pageFor(const CodeEditor* editor) const
{
    for (int i = 0; i < m_tabs->count(); ++i)
        if (page(i)->editor == editor)
            return page(i);
    return nullptr;
}

int EditorTabs::count() const
{
    return m_tabs->count();
}
int EditorTabs::currentIndex() const
{
    return m_tabs->currentIndex();
}
void EditorTabs::setCurrentIndex(int index)
{
    m_tabs->setCurrentIndex(index);
}

CodeEditor* EditorTabs::editor(int index) const
{
    Page* p = page(index);
    return p ? p->editor : nullptr;
}

CodeEditor* EditorTabs::currentEditor() const
{
    return editor(-1);
}

int EditorTabs::indexOf(const QString& path) const
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    for (int i = 0; i < m_tabs->count(); ++i)
        if (page(i)->editor->filePath() == absolute)
            return i;
    return -1;
}

CodeEditor* EditorTabs::editorFor(const QString& path) const
{
    const int index = indexOf(path);
    return index < 0 ? nullptr : editor(index);
}

QStringList EditorTabs::openFiles() const
{
    QStringList files;
    for (int i = 0; i < m_tabs->count(); ++i)
        files.append(page(i)->editor->filePath());
    return files;
}

QString EditorTabs::tabTitle(int index) const
{
    return m_tabs->tabText(index == -1 ? m_tabs->currentIndex() : index);
}

bool EditorTabs::hasUnsavedChanges() const
{
    for (int i = 0; i < m_tabs->count(); ++i)
        if (page(i)->editor->isModified())
            return true;
    return false;
}

bool EditorTabs::isMissingOnDisk(int index) const
{
    Page* p = page(index);
    return p && p->missingOnDisk;
}

QString EditorTabs::noticeText(int index) const
{
    Page* p = page(index);
    return p && !p->notice->isHidden() ? p->noticeLabel->text() : QString();
}

void EditorTabs::setSavePrompt(SavePrompt prompt)
{
    m_savePrompt = std::move(prompt);
}
void EditorTabs::setDiskChangePolicy(DiskChangePolicy policy)
{
    m_diskPolicy = std::move(policy);
}

Result<CodeEditor*> EditorTabs::open(const QString& path)
{
    const int existing = indexOf(path);
    if (existing >= 0) {
        m_tabs->setCurrentIndex(existing);
        editor(existing)->setFocus();
        return editor(existing);
    }
    auto editor = std::make_unique<CodeEditor>();
    Result<void> loaded = editor->load(path);
    if (!loaded)
        return std::unexpected(loaded.error());
    const QString absolute = editor->filePath();
    applyBaseline(editor.get());
    return addPage(absolute, std::move(editor));
}

void EditorTabs::setGitRoot(const QString& folder)
{
    m_gitRoot = folder;
    refreshBaselines();
}

void EditorTabs::refreshBaselines()
{
    for (int i = 0; i < m_tabs->count(); ++i) {
        if (CodeEditor* ed = editor(i))
            applyBaseline(ed);
    }
}

void EditorTabs::applyBaseline(CodeEditor* ed)
{
    std::optional<QString> baseline;
    if (!m_gitRoot.isEmpty() && !ed->filePath().isEmpty()) {
        const QString relative = QDir(m_gitRoot).relativeFilePath(ed->filePath());
        if (!relative.startsWith(QLatin1String(".."))) {
            if (auto repo = GitRepository::open(m_gitRoot); repo) {
                auto committed = repo->fileAt(QStringLiteral("HEAD"), relative);
                if (committed)
                    baseline = QString::fromUtf8(*committed);
                else if (committed.error().code == ErrorCode::NotFound)
                    baseline = QString(); // not committed yet: every line is new
            }
        }
    }
    ed->setBaseline(baseline);
}

CodeEditor* EditorTabs::addPage(const QString& path, std::unique_ptr<CodeEditor> owned)
{
    auto* p = new Page(std::move(owned), m_tabs);
    CodeEditor* ed = p->editor;
    connect(ed, &QsciScintilla::modificationChanged, this, [this, ed](bool modified) {
        if (!modified)
            removeRecovery(ed->filePath());
        updateTitles();
        emit modifiedChanged(ed->filePath(), modified);
    });
    connect(ed, &QsciScintilla::textChanged, this, [this, ed] {
        if (Page* owner = pageFor(ed))
            owner->autosaveDirty = true;
    });
    connect(p->diskDebounce, &QTimer::timeout, this, [this, p] { checkDisk(p); });
    connect(p->reloadButton, &QPushButton::clicked, this,
            [this, p] { reloadFromDisk(m_tabs->indexOf(p)); });
    connect(p->keepButton, &QPushButton::clicked, this,
            [this, p] { keepMine(m_tabs->indexOf(p)); });
    connect(p->dismissButton, &QToolButton::clicked, this, [this, p] { hideNotice(p); });
    const int index = m_tabs->addTab(p, QFileInfo(path).fileName());
    m_tabs->setTabToolTip(index, path);
    watch(path);
    updateTitles();
    m_tabs->setCurrentIndex(index);
    ed->setFocus();
    return ed;
}

void EditorTabs::updateTitles()
{
    QHash<QString, int> nameCount;
    for (int i = 0; i < m_tabs->count(); ++i)
        ++nameCount[QFileInfo(page(i)->editor->filePath()).fileName()];
    for (int i = 0; i < m_tabs->count(); ++i) {
        Page* p = page(i);
        const QFileInfo info(p->editor->filePath());
        QString title = info.fileName();
        // Two handler.py from two functions: name the folder too.
        if (nameCount.value(title) > 1)
            title = tr("%1 — %2").arg(title, info.dir().dirName());
        if (p->missingOnDisk)
            title = tr("%1 (deleted)").arg(title);
        if (p->editor->isModified())
            title += kModifiedMarker;
        m_tabs->setTabText(i, title);
        m_tabs->setTabToolTip(i, p->editor->filePath());
    }
}

Result<void> EditorTabs::save(int index)
{
    Page* p = page(index);
    if (!p)
        return fail(ErrorCode::InvalidArgument, tr("There is no file to save."));
    Result<void> saved = p->editor->save();
    if (!saved) {
        showNotice(p, saved.error().message, false);
        emit errorOccurred(saved.error().message);
        return saved;
    }
    const QString path = p->editor->filePath();
    removeRecovery(path);
    if (p->missingOnDisk) {
        p->missingOnDisk = false;
        hideNotice(p);
    } else if (p->keepButton->isVisible() || !p->notice->isHidden()) {
        hideNotice(p);
    }
    watch(path); // the atomic rename replaced the watched inode
    updateTitles();
    emit fileSaved(path);
    return {};
}

Result<void> EditorTabs::saveAll()
{
    Result<void> first;
    for (int i = 0; i < m_tabs->count(); ++i) {
        if (!page(i)->editor->isModified() && !page(i)->missingOnDisk)
            continue;
        Result<void> saved = save(i);
        if (!saved && first)
            first = saved;
    }
    return first;
}

bool EditorTabs::close(int index)
{
    Page* p = page(index);
    if (!p)
        return false;
    const QString path = p->editor->filePath();
    if (p->editor->isModified()) {
        m_tabs->setCurrentWidget(p);
        switch (m_savePrompt ? m_savePrompt(path) : SaveChoice::Cancel) {
        case SaveChoice::Save:
            if (!save(m_tabs->indexOf(p)))
                return false;
            break;
        case SaveChoice::Discard:
            break;
        case SaveChoice::Cancel:
            return false;
        }
    }
    removeRecovery(path);
    p->diskDebounce->stop();
    m_tabs->removeTab(m_tabs->indexOf(p));
    p->deleteLater();
    unwatch(path);
    updateTitles();
    return true;
}

bool EditorTabs::closeFile(const QString& path)
{
    const int index = indexOf(path);
    return index < 0 || close(index);
}

bool EditorTabs::closeAll()
{
    while (m_tabs->count() > 0)
        if (!close(m_tabs->count() - 1))
            return false;
    return true;
}

// --- external changes -------------------------------------------------------------------

void EditorTabs::watch(const QString& path)
{
    if (QFileInfo::exists(path) && !m_watcher->files().contains(path))
        m_watcher->addPath(path);
    const QString directory = QFileInfo(path).absolutePath();
    if (QFileInfo::exists(directory) && !m_watcher->directories().contains(directory))
        m_watcher->addPath(directory);
}

void EditorTabs::unwatch(const QString& path)
{
    if (indexOf(path) >= 0)
        return;
    m_watcher->removePath(path);
    const QString directory = QFileInfo(path).absolutePath();
    for (const QString& open : openFiles())
        if (QFileInfo(open).absolutePath() == directory)
            return;
    m_watcher->removePath(directory);
}

void EditorTabs::onFileChanged(const QString& path)
{
    const int index = indexOf(path);
    if (index >= 0)
        page(index)->diskDebounce->start();
}

void EditorTabs::onDirectoryChanged(const QString& directory)
{
    // A file replaced by rename (as editors and QSaveFile do) or deleted and created again is
    // seen here; one whose watch is intact reports through fileChanged.
    for (int i = 0; i < m_tabs->count(); ++i) {
        Page* p = page(i);
        const QString path = p->editor->filePath();
        if (QFileInfo(path).absolutePath() != directory)
            continue;
        const bool exists = QFileInfo::exists(path);
        if (exists == p->missingOnDisk || (exists && !m_watcher->files().contains(path)))
            p->diskDebounce->start();
    }
}

void EditorTabs::checkDisk(Page* p)
{
    if (m_tabs->indexOf(p) < 0)
        return; // closed while the debounce ran
    CodeEditor* ed = p->editor;
    const QString path = ed->filePath();
    if (!QFileInfo::exists(path)) {
        if (!p->missingOnDisk) {
            p->missingOnDisk = true;
            showNotice(p,
                       tr("%1 was deleted on disk. The buffer is kept; saving writes it again.")
                           .arg(QFileInfo(path).fileName()),
                       false);
            updateTitles();
        }
        return;
    }
    watch(path);
    if (p->missingOnDisk) {
        p->missingOnDisk = false;
        hideNotice(p);
        updateTitles();
    }
    Result<QString> onDisk = readTextFile(path, CodeEditor::kMaxFileBytes);
    if (!onDisk) {
        showNotice(p, onDisk.error().message, false);
        return;
    }
    if (*onDisk == ed->diskText())
        return; // our own save, or a touch
    if (!ed->isModified()) {
        reloadFromDisk(m_tabs->indexOf(p));
        return;
    }
    const DiskChoice choice = m_diskPolicy ? m_diskPolicy(path) : DiskChoice::Ask;
    if (choice == DiskChoice::Reload)
        reloadFromDisk(m_tabs->indexOf(p));
    else if (choice == DiskChoice::KeepMine)
        ed->setDiskText(*onDisk);
    else
        showDiskChangedBar(p);
}

void EditorTabs::showDiskChangedBar(Page* p)
{
    showNotice(p,
               tr("%1 changed on disk, and this buffer has unsaved changes.")
                   .arg(QFileInfo(p->editor->filePath()).fileName()),
               true);
}

void EditorTabs::showNotice(Page* p, const QString& text, bool diskChoice)
{
    p->noticeLabel->setText(text);
    p->reloadButton->setVisible(diskChoice);
    p->keepButton->setVisible(diskChoice);
    QPalette pal = p->notice->palette();
    const QColor base = palette().color(QPalette::Window);
    const QColor tint = QColor(0xf0, 0xb4, 0x29);
    pal.setColor(QPalette::Window,
                 QColor::fromRgbF(float(base.redF() * 0.75 + tint.redF() * 0.25),
                                  float(base.greenF() * 0.75 + tint.greenF() * 0.25),
                                  float(base.blueF() * 0.75 + tint.blueF() * 0.25)));
    p->notice->setPalette(pal);
    p->notice->show();
}

void EditorTabs::hideNotice(Page* p)
{
    p->notice->hide();
}

void EditorTabs::reloadFromDisk(int index)
{
    Page* p = index >= 0 ? page(index) : nullptr;
    if (!p)
        return;
    Result<void> reloaded = p->editor->reload();
    if (!reloaded) {
        showNotice(p, reloaded.error().message, false);
        return;
    }
    hideNotice(p);
    removeRecovery(p->editor->filePath());
    updateTitles();
}

void EditorTabs::keepMine(int index)
{
    Page* p = index >= 0 ? page(index) : nullptr;
    if (!p)
        return;
    if (Result<QString> onDisk = readTextFile(p->editor->filePath(), CodeEditor::kMaxFileBytes))
        p->editor->setDiskText(*onDisk);
    hideNotice(p);
}

// --- recovery ------------------------------------------------------------------------------

void EditorTabs::setRecoveryFolder(const QString& folder)
{
    m_recovery = std::make_unique<RecoveryStore>(folder);
    for (int i = 0; i < m_tabs->count(); ++i)
        page(i)->autosaveDirty = true;
    m_autosaveTimer->start();
}

QString EditorTabs::recoveryFolder() const
{
    return m_recovery ? m_recovery->folder() : QString();
}

void EditorTabs::setAutosaveInterval(int milliseconds)
{
    m_autosaveTimer->setInterval(milliseconds);
}

void EditorTabs::removeRecovery(const QString& path)
{
    if (m_recovery)
        m_recovery->remove(path);
    if (const int index = indexOf(path); index >= 0)
        page(index)->autosaveDirty = false;
}

int EditorTabs::autosaveNow()
{
    if (!m_recovery)
        return 0;
    int written = 0;
    for (int i = 0; i < m_tabs->count(); ++i) {
        Page* p = page(i);
        if (!p->autosaveDirty || !p->editor->isModified())
            continue;
        Result<void> result = m_recovery->write(p->editor->filePath(), p->editor->text());
        if (!result) {
            emit errorOccurred(result.error().message);
            continue;
        }
        p->autosaveDirty = false;
        ++written;
    }
    if (written > 0)
        emit recoveryWritten(written);
    return written;
}

QList<RecoveryEntry> EditorTabs::recoverable() const
{
    if (!m_recovery)
        return {};
    QList<RecoveryEntry> entries;
    for (const RecoveryEntry& entry : m_recovery->pending())
        if (indexOf(entry.originalPath) < 0)
            entries.append(entry);
    return entries;
}

int EditorTabs::restore(const QList<RecoveryEntry>& entries)
{
    int restored = 0;
    for (const RecoveryEntry& entry : entries) {
        CodeEditor* ed = editorFor(entry.originalPath);
        if (!ed && QFileInfo::exists(entry.originalPath)) {
            if (Result<CodeEditor*> opened = open(entry.originalPath))
                ed = *opened;
        }
        if (!ed) {
            // The file is gone (or no longer readable as text): the buffer still comes back.
            auto fresh = std::make_unique<CodeEditor>();
            fresh->setFilePath(entry.originalPath);
            const QString absolute = fresh->filePath();
            ed = addPage(absolute, std::move(fresh));
            Page* p = pageFor(ed);
            p->missingOnDisk = !QFileInfo::exists(entry.originalPath);
            if (p->missingOnDisk)
                showNotice(p,
                           tr("%1 no longer exists on disk; this buffer was recovered. Save "
                              "it to write the file again.")
                               .arg(entry.originalPath),
                           false);
        }
        if (ed->text() == entry.text && ed->text() == ed->diskText()) {
            removeRecovery(entry.originalPath); // nothing was lost after all
        } else {
            // As an edit (not setText, which empties the undo history): undo goes back to the
            // file on disk.
            ed->selectAll();
            ed->replaceSelectedText(entry.text);
            ed->setCursorPosition(0, 0);
            if (Page* p = pageFor(ed))
                p->autosaveDirty = true;
        }
        m_tabs->setCurrentIndex(m_tabs->indexOf(pageFor(ed)));
        ++restored;
    }
    updateTitles();
    return restored;
}

void EditorTabs::discardRecoverable(const QList<RecoveryEntry>& entries)
{
    if (!m_recovery)
        return;
    for (const RecoveryEntry& entry : entries)
        m_recovery->discard(entry);
}

} // namespace swb
