#pragma once
// The function editor's tabs: one CodeEditor per open file, with modified markers, the
// find/replace and go-to-line bars, save prompts, reload of files changed on disk and the
// crash-safe autosave of unsaved buffers into a recovery folder.

#include "CodeEditor.h"
#include "RecoveryStore.h"

#include <QHash>
#include <QWidget>

#include <functional>
#include <memory>

class QAction;
class QFileSystemWatcher;
class QTabWidget;
class QTimer;

namespace swb {

class FindBar;
class GoToLineBar;

class EditorTabs : public QWidget {
    Q_OBJECT
public:
    enum class SaveChoice { Save, Discard, Cancel };
    // What to do when a file with unsaved changes in its buffer changed on disk. Ask shows a
    // non-modal bar over the editor ("Reload" / "Keep mine").
    enum class DiskChoice { Ask, Reload, KeepMine };
    // Asked before closing a modified buffer; the default shows a Save/Discard/Cancel box.
    using SavePrompt = std::function<SaveChoice(const QString& path)>;
    using DiskChangePolicy = std::function<DiskChoice(const QString& path)>;

    static constexpr int kDefaultAutosaveIntervalMs = 3000;

    explicit EditorTabs(QWidget* parent = nullptr);
    ~EditorTabs() override;

    // Opens `path` in a new tab, or focuses its tab when it is open already. A file that
    // cannot be edited (missing, binary, too large, not UTF-8) gives an error and no tab.
    Result<CodeEditor*> open(const QString& path);
    // Writes the buffer (current tab when index is -1) atomically; emits fileSaved.
    Result<void> save(int index = -1);
    // Saves every modified buffer; the first error, after trying them all.
    Result<void> saveAll();
    // Closes a tab, asking the SavePrompt when it is modified; false when the user cancelled
    // or the save failed (the tab stays open).
    bool close(int index = -1);
    bool closeFile(const QString& path);
    // Closes every tab (for quitting); false as soon as one is kept open.
    bool closeAll();

    int count() const;
    int currentIndex() const;
    void setCurrentIndex(int index);
    CodeEditor* editor(int index) const;
    CodeEditor* currentEditor() const;
    CodeEditor* editorFor(const QString& path) const;
    int indexOf(const QString& path) const;
    QStringList openFiles() const;
    QString tabTitle(int index) const;
    bool hasUnsavedChanges() const;
    // True when the file of tab `index` was deleted (or is missing) on disk.
    bool isMissingOnDisk(int index) const;

    void setSavePrompt(SavePrompt prompt);
    void setDiskChangePolicy(DiskChangePolicy policy);

    // Crash recovery. Autosave starts once a folder is set (the app uses
    // <workspace>/.swb/recovery/); it writes every few seconds and when focus leaves an editor
    // or the application becomes inactive.
    void setRecoveryFolder(const QString& folder);
    // The root of the git repository the files belong to (the workspace folder when it is a
    // repository; empty: none). Each file then shows its changes against HEAD in the margin.
    void setGitRoot(const QString& folder);
    // Re-reads every open file's committed text (after a commit, a checkout, a pull).
    void refreshBaselines();
    QString recoveryFolder() const;
    void setAutosaveInterval(int milliseconds);
    // What a previous run left in the recovery folder (not counting buffers open here).
    QList<RecoveryEntry> recoverable() const;
    // Opens each entry's file (or an empty buffer when the file is gone) with the recovered
    // text, modified and unsaved; returns how many were restored.
    int restore(const QList<RecoveryEntry>& entries);
    // Deletes entries the user chose not to restore.
    void discardRecoverable(const QList<RecoveryEntry>& entries);
    // Writes every modified buffer whose text changed since the last write; returns how many.
    int autosaveNow();

    // Bars and actions (the main window may put the actions in its menus).
    FindBar* findBar() const { return m_findBar; }
    GoToLineBar* goToLineBar() const { return m_goToLineBar; }
    QTabWidget* tabWidget() const { return m_tabs; }
    QAction* findAction() const { return m_findAction; }
    QAction* replaceAction() const { return m_replaceAction; }
    QAction* goToLineAction() const { return m_goToLineAction; }
    QAction* saveAction() const { return m_saveAction; }
    QAction* saveAllAction() const { return m_saveAllAction; }
    QAction* closeAction() const { return m_closeAction; }

    // The notice shown over a tab's editor (changed or deleted on disk, a failed save), or
    // an empty string when none is shown.
    QString noticeText(int index) const;
    // Answers the "changed on disk" bar of a tab as the user would.
    void reloadFromDisk(int index);
    void keepMine(int index);

signals:
    // A buffer was written to `path` (absolute): the main window retires the function whose
    // code folder holds it, so its next run starts cold.
    void fileSaved(const QString& path);
    // The current tab shows another file (empty when no tab is left).
    void currentFileChanged(const QString& path);
    void modifiedChanged(const QString& path, bool modified);
    // Autosave wrote `buffers` recovery entries.
    void recoveryWritten(int buffers);
    // Something the user should read (a save or autosave failed); shown in the tab too.
    void errorOccurred(const QString& message);

private:
    void applyBaseline(CodeEditor* editor);
    QString m_gitRoot;
    class Page;
    Page* page(int index) const;
    Page* pageFor(const CodeEditor* editor) const;
    CodeEditor* addPage(const QString& path, std::unique_ptr<CodeEditor> editor);
    void updateTitles();
    void watch(const QString& path);
    void unwatch(const QString& path);
    void onFileChanged(const QString& path);
    void onDirectoryChanged(const QString& directory);
    void checkDisk(Page* page);
    void showDiskChangedBar(Page* page);
    void showNotice(Page* page, const QString& text, bool diskChoice);
    void hideNotice(Page* page);
    void removeRecovery(const QString& path);

    QTabWidget* m_tabs = nullptr;
    FindBar* m_findBar = nullptr;
    GoToLineBar* m_goToLineBar = nullptr;
    QFileSystemWatcher* m_watcher = nullptr;
    QTimer* m_autosaveTimer = nullptr;
    std::unique_ptr<RecoveryStore> m_recovery;
    SavePrompt m_savePrompt;
    DiskChangePolicy m_diskPolicy;
    QAction* m_findAction = nullptr;
    QAction* m_replaceAction = nullptr;
    QAction* m_goToLineAction = nullptr;
    QAction* m_saveAction = nullptr;
    QAction* m_saveAllAction = nullptr;
    QAction* m_closeAction = nullptr;
};

} // namespace swb
