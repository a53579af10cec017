// labels: gui
// EditorTabs: open/save/close with the modified marker and the save prompt, re-opening an
// open file, the find/replace and go-to-line bars with their shortcuts, and files changed or
// deleted on disk by another program.

#include "EditorTabs.h"
#include "FindBar.h"
#include "GoToLineBar.h"
#include "vcs/GitRepository.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QFile>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStyle>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace swb;

namespace {

QString writeText(const QString& path, const QByteArray& content)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        file.write(content) != content.size())
        return {};
    return path;
}

QByteArray readBytes(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class tst_EditorTabs : public QObject {
    Q_OBJECT
private slots:
    void init();
    void openEditSaveWritesTheFileAndEmitsFileSaved();
    void modifiedMarkerAppearsAndClears();
    void reopeningFocusesTheExistingTab();
    void openingABinaryFileGivesAnErrorAndNoTab();
    void closeAsksBeforeDroppingChanges();
    void saveAllWritesEveryModifiedBuffer();
    void sameFileNamesAreTold();
    void currentFileChangedFollowsTheTabs();
    void findBarReplacesWithARegex();
    void shortcutsOpenTheBars();
    void goToLineBarJumps();
    void externalChangeReloadsAnUnmodifiedBuffer();
    void externalChangeIsOfferedForAModifiedBuffer();
    void externalChangePolicyDecidesWithoutTheBar();
    void ownSaveIsNotAnExternalChange();
    void deletedFileKeepsTheBuffer();
    void changeMarginFollowsTypingAgainstHead();
    void everyControlHasAnAccessibleName();
    void rendersWithThePalettesColours_data();
    void rendersWithThePalettesColours();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
};

void tst_EditorTabs::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
}

void tst_EditorTabs::openEditSaveWritesTheFileAndEmitsFileSaved()
{
    const QString path = writeText(m_dir->filePath(QStringLiteral("handler.py")),
                                   "def handler(event, context):\n    return 1\n");
    EditorTabs tabs;
    QSignalSpy saved(&tabs, &EditorTabs::fileSaved);
    const Result<CodeEditor*> opened = tabs.open(path);
    QVERIFY(opened);
    CodeEditor* editor = *opened;
    editor->setCursorPosition(1, 11);
    editor->insert(QStringLiteral("4"));
    QVERIFY(tabs.save());
    QCOMPARE(readBytes(path), QByteArray("def handler(event, context):\n    return 41\n"));
    QCOMPARE(saved.size(), 1);
    QCOMPARE(saved.at(0).at(0).toString(), path);
    QVERIFY(!editor->isModified());
    // No temporary file left next to it.
    QCOMPARE(QDir(m_dir->path()).entryList(QDir::Files), QStringList{QStringLiteral("handler.py")});
}

void tst_EditorTabs::modifiedMarkerAppearsAndClears()
{
    const QString path = writeText(m_dir->filePath(QStringLiteral("index.mjs")), "export {}\n");
    EditorTabs tabs;
    QSignalSpy modified(&tabs, &EditorTabs::modifiedChanged);
    CodeEditor* editor = *tabs.open(path);
    QCOMPARE(tabs.tabTitle(0), QStringLiteral("index.mjs"));
    editor->setFocus();
    QTest::keyClicks(editor, "// hi");
    QCOMPARE(tabs.tabTitle(0), QStringLiteral("index.mjs •"));
    QCOMPARE(modified.size(), 1);
    QVERIFY(tabs.hasUnsavedChanges());
    // Undoing back to the saved text clears it too.
    while (editor->isUndoAvailable())
        editor->undo();
    QCOMPARE(tabs.tabTitle(0), QStringLiteral("index.mjs"));
    QTest::keyClicks(editor, "x");
    QCOMPARE(tabs.tabTitle(0), QStringLiteral("index.mjs •"));
    QVERIFY(tabs.save());
    QCOMPARE(tabs.tabTitle(0), QStringLiteral("index.mjs"));
    QVERIFY(!tabs.hasUnsavedChanges());
}

void tst_EditorTabs::reopeningFocusesTheExistingTab()
{
    const QString a = writeText(m_dir->filePath(QStringLiteral("a.py")), "a = 1\n");
    const QString b = writeText(m_dir->filePath(QStringLiteral("b.py")), "b = 2\n");
    EditorTabs tabs;
    CodeEditor* first = *tabs.open(a);
    QVERIFY(tabs.open(b));
    QCOMPARE(tabs.currentIndex(), 1);
    first->insert(QStringLiteral("# unsaved\n"));
    const Result<CodeEditor*> again = tabs.open(m_dir->path() + QStringLiteral("/./a.py"));
    QVERIFY(again);
    QCOMPARE(*again, first);
    QCOMPARE(tabs.count(), 2);
    QCOMPARE(tabs.currentIndex(), 0);
    QVERIFY(first->text().startsWith(QLatin1String("# unsaved"))); // not reloaded
}

void tst_EditorTabs::openingABinaryFileGivesAnErrorAndNoTab()
{
    const QString path = writeText(m_dir->filePath(QStringLiteral("photo.png")),
                                   QByteArray("\x89PNG\r\n\x1a\n\0\0", 10));
    EditorTabs tabs;
    const Result<CodeEditor*> opened = tabs.open(path);
    QVERIFY(!opened);
    QVERIFY(opened.error().message.contains(path));
    QCOMPARE(tabs.count(), 0);
    QVERIFY(!tabs.open(m_dir->filePath(QStringLiteral("missing.py"))));
    QCOMPARE(tabs.count(), 0);
}

void tst_EditorTabs::closeAsksBeforeDroppingChanges()
{
    const QString path = writeText(m_dir->filePath(QStringLiteral("app.py")), "x = 1\n");
    EditorTabs tabs;
    QStringList asked;
    EditorTabs::SaveChoice answer = EditorTabs::SaveChoice::Cancel;
    tabs.setSavePrompt([&](const QString& file) {
        asked << file;
        return answer;
    });
    CodeEditor* editor = *tabs.open(path);

    // Unmodified: closes without asking.
    QVERIFY(tabs.close());
    QVERIFY(asked.isEmpty());

    editor = *tabs.open(path);
    editor->insert(QStringLiteral("y = 2\n"));
    answer = EditorTabs::SaveChoice::Cancel;
    QVERIFY(!tabs.close());
    QCOMPARE(asked, QStringList{path});
    QCOMPARE(tabs.count(), 1);

    answer = EditorTabs::SaveChoice::Discard;
    QVERIFY(tabs.close());
    QCOMPARE(tabs.count(), 0);
    QCOMPARE(readBytes(path), QByteArray("x = 1\n"));

    editor = *tabs.open(path);
    editor->insert(QStringLiteral("z = 3\n"));
    QSignalSpy saved(&tabs, &EditorTabs::fileSaved);
    answer = EditorTabs::SaveChoice::Save;
    QVERIFY(tabs.closeAll());
    QCOMPARE(tabs.count(), 0);
    QCOMPARE(readBytes(path), QByteArray("z = 3\nx = 1\n"));
    QCOMPARE(saved.size(), 1);
}

void tst_EditorTabs::saveAllWritesEveryModifiedBuffer()
{
    const QString a = writeText(m_dir->filePath(QStringLiteral("a.py")), "a\n");
    const QString b = writeText(m_dir->filePath(QStringLiteral("b.py")), "b\n");
    const QString c = writeText(m_dir->filePath(QStringLiteral("c.py")), "c\n");
    EditorTabs tabs;
    (*tabs.open(a))->insert(QStringLiteral("1"));
    QVERIFY(tabs.open(b));
    (*tabs.open(c))->insert(QStringLiteral("3"));
    QSignalSpy saved(&tabs, &EditorTabs::fileSaved);
    tabs.saveAllAction()->trigger();
    QCOMPARE(saved.size(), 2);
    QCOMPARE(readBytes(a), QByteArray("1a\n"));
    QCOMPARE(readBytes(b), QByteArray("b\n"));
    QCOMPARE(readBytes(c), QByteArray("3c\n"));
}

void tst_EditorTabs::sameFileNamesAreTold()
{
    QVERIFY(QDir(m_dir->path()).mkpath(QStringLiteral("orders")));
    QVERIFY(QDir(m_dir->path()).mkpath(QStringLiteral("users")));
    const QString a = writeText(m_dir->filePath(QStringLiteral("orders/handler.py")), "a\n");
    const QString b = writeText(m_dir->filePath(QStringLiteral("users/handler.py")), "b\n");
    EditorTabs tabs;
    QVERIFY(tabs.open(a));
    QCOMPARE(tabs.tabTitle(0), QStringLiteral("handler.py"));
    QVERIFY(tabs.open(b));
    QCOMPARE(tabs.tabTitle(0), QStringLiteral("handler.py — orders"));
    QCOMPARE(tabs.tabTitle(1), QStringLiteral("handler.py — users"));
}

void tst_EditorTabs::currentFileChangedFollowsTheTabs()
{
    const QString a = writeText(m_dir->filePath(QStringLiteral("a.py")), "a\n");
    const QString b = writeText(m_dir->filePath(QStringLiteral("b.py")), "b\n");
    EditorTabs tabs;
    QSignalSpy current(&tabs, &EditorTabs::currentFileChanged);
    QVERIFY(tabs.open(a));
    QVERIFY(tabs.open(b));
    tabs.setCurrentIndex(0);
    QVERIFY(tabs.close(0));
    QVERIFY(tabs.close(0));
    QStringList paths;
    for (const auto& args : current)
        paths << args.at(0).toString();
    QCOMPARE(paths, (QStringList{a, b, a, b, QString()}));
}

void tst_EditorTabs::findBarReplacesWithARegex()
{
    const QString path = writeText(m_dir->filePath(QStringLiteral("h.py")),
                                   "timeout = 30\nmemory = 128\nname = 'x'\n");
    EditorTabs tabs;
    CodeEditor* editor = *tabs.open(path);
    tabs.replaceAction()->trigger();
    FindBar* bar = tabs.findBar();
    QVERIFY(!bar->isHidden());
    QVERIFY(!bar->replaceField()->isHidden());
    bar->setQuery(FindQuery{QStringLiteral("= (\\d+)"), true, false, false});
    bar->setReplacement(QStringLiteral("= int(\\1)"));
    editor->setCursorPosition(0, 0);
    QVERIFY(bar->findNext());
    QCOMPARE(editor->selectedText(), QStringLiteral("= 30"));
    QVERIFY(bar->replaceOne()); // replaces "= 30", selects "= 128"
    QCOMPARE(editor->selectedText(), QStringLiteral("= 128"));
    QCOMPARE(bar->replaceAll(), 1);
    QCOMPARE(editor->text(), QStringLiteral("timeout = int(30)\nmemory = int(128)\nname = 'x'\n"));
    QCOMPARE(bar->status(), QStringLiteral("1 replaced"));
    // A broken pattern is reported, not searched.
    bar->setQuery(FindQuery{QStringLiteral("(unclosed"), true, false, false});
    QVERIFY(!bar->findNext());
    QVERIFY2(bar->status().startsWith(QLatin1String("Invalid regular expression")),
             qPrintable(bar->status()));
    QVERIFY(tabs.open(path)); // still one tab
    QCOMPARE(tabs.count(), 1);
}

void tst_EditorTabs::shortcutsOpenTheBars()
{
    const QString path = writeText(m_dir->filePath(QStringLiteral("h.py")), "a = 1\nb = 2\n");
    EditorTabs tabs;
    tabs.resize(600, 400);
    tabs.show();
    QVERIFY(QTest::qWaitForWindowExposed(&tabs));
    CodeEditor* editor = *tabs.open(path);
    editor->setFocus();
    QTRY_VERIFY(editor->hasFocus());

    QTest::keyClick(editor, Qt::Key_F, Qt::ControlModifier);
    QTRY_VERIFY(tabs.findBar()->isVisible());
    QVERIFY(tabs.findBar()->replaceField()->isHidden());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
    QTRY_VERIFY(!tabs.findBar()->isVisible());

    QTest::keyClick(editor, Qt::Key_H, Qt::ControlModifier);
    QTRY_VERIFY(tabs.findBar()->replaceField()->isVisible());

    editor->setFocus();
    QTest::keyClick(editor, Qt::Key_G, Qt::ControlModifier);
    QTRY_VERIFY(tabs.goToLineBar()->isVisible());
    QVERIFY(!tabs.findBar()->isVisible());

    editor->setFocus();
    editor->insert(QStringLiteral("c = 3\n"));
    QSignalSpy saved(&tabs, &EditorTabs::fileSaved);
    QTest::keyClick(editor, Qt::Key_S, Qt::ControlModifier);
    QCOMPARE(saved.size(), 1);
    QCOMPARE(readBytes(path), QByteArray("c = 3\na = 1\nb = 2\n"));

    tabs.setSavePrompt([](const QString&) { return EditorTabs::SaveChoice::Cancel; });
    QTest::keyClick(editor, Qt::Key_W, Qt::ControlModifier);
    QCOMPARE(tabs.count(), 0);
}

void tst_EditorTabs::goToLineBarJumps()
{
    QByteArray text;
    for (int i = 1; i <= 50; ++i)
        text += "line " + QByteArray::number(i) + "\n";
    const QString path = writeText(m_dir->filePath(QStringLiteral("long.py")), text);
    EditorTabs tabs;
    CodeEditor* editor = *tabs.open(path);
    tabs.goToLineAction()->trigger();
    GoToLineBar* bar = tabs.goToLineBar();
    QVERIFY(!bar->isHidden());
    QCOMPARE(bar->lineField()->maximum(), 51);
    bar->lineField()->setValue(37);
    bar->accept();
    QCOMPARE(editor->cursorLine(), 37);
    QVERIFY(bar->isHidden());
}

void tst_EditorTabs::externalChangeReloadsAnUnmodifiedBuffer()
{
    QByteArray text;
    for (int i = 1; i <= 20; ++i)
        text += "v" + QByteArray::number(i) + " = " + QByteArray::number(i) + "\n";
    const QString path = writeText(m_dir->filePath(QStringLiteral("conf.py")), text);
    EditorTabs tabs;
    CodeEditor* editor = *tabs.open(path);
    editor->setCursorPosition(11, 2);
    // Another program rewrites the file in place.
    QVERIFY(!writeText(path, "# changed elsewhere\n" + text).isEmpty());
    QTRY_COMPARE(editor->text(), QString::fromUtf8("# changed elsewhere\n" + text));
    QVERIFY(!editor->isModified());
    QCOMPARE(editor->cursorLine(), 12); // kept the line
    QVERIFY(tabs.noticeText(0).isEmpty());

    // An editor that saves by rename (a new inode) is seen too.
    const QString temp = m_dir->filePath(QStringLiteral(".conf.py.swp"));
    QVERIFY(!writeText(temp, "renamed = True\n").isEmpty());
    QVERIFY(::rename(QFile::encodeName(temp).constData(), QFile::encodeName(path).constData()) ==
            0);
    QTRY_COMPARE(editor->text(), QStringLiteral("renamed = True\n"));
    // ... and the watch survives it.
    QVERIFY(!writeText(path, "again = 1\n").isEmpty());
    QTRY_COMPARE(editor->text(), QStringLiteral("again = 1\n"));
}

void tst_EditorTabs::externalChangeIsOfferedForAModifiedBuffer()
{
    const QString path = writeText(m_dir->filePath(QStringLiteral("m.py")), "a = 1\n");
    EditorTabs tabs;
    CodeEditor* editor = *tabs.open(path);
    editor->insert(QStringLiteral("mine = 1\n"));
    QVERIFY(!writeText(path, "theirs = 2\n").isEmpty());
    QTRY_VERIFY(tabs.noticeText(0).contains(QLatin1String("changed on disk")));
    QCOMPARE(editor->text(), QStringLiteral("mine = 1\na = 1\n")); // untouched until asked

    // Keep mine: the bar goes, the buffer stays, the same change is not asked again.
    tabs.keepMine(0);
    QVERIFY(tabs.noticeText(0).isEmpty());
    QCOMPARE(editor->text(), QStringLiteral("mine = 1\na = 1\n"));
    QVERIFY(editor->isModified());

    // A second change: this time reload, through the bar's button.
    QVERIFY(!writeText(path, "theirs = 3\n").isEmpty());
    QTRY_VERIFY(!tabs.noticeText(0).isEmpty());
    QList<QPushButton*> buttons = tabs.tabWidget()->widget(0)->findChildren<QPushButton*>();
    QPushButton* reloadButton = nullptr;
    for (QPushButton* button : buttons)
        if (button->accessibleName() == QLatin1String("Reload from disk"))
            reloadButton = button;
    QVERIFY(reloadButton);
    reloadButton->click();
    QCOMPARE(editor->text(), QStringLiteral("theirs = 3\n"));
    QVERIFY(!editor->isModified());
    QVERIFY(tabs.noticeText(0).isEmpty());
}

void tst_EditorTabs::externalChangePolicyDecidesWithoutTheBar()
{
    const QString path = writeText(m_dir->filePath(QStringLiteral("p.py")), "a = 1\n");
    EditorTabs tabs;
    QStringList asked;
    tabs.setDiskChangePolicy([&](const QString& file) {
        asked << file;
        return EditorTabs::DiskChoice::Reload;
    });
    CodeEditor* editor = *tabs.open(path);
    editor->insert(QStringLiteral("mine\n"));
    QVERIFY(!writeText(path, "theirs\n").isEmpty());
    QTRY_COMPARE(editor->text(), QStringLiteral("theirs\n"));
    QCOMPARE(asked, QStringList{path});
    QVERIFY(tabs.noticeText(0).isEmpty());
}

void tst_EditorTabs::ownSaveIsNotAnExternalChange()
{
    const QString path = writeText(m_dir->filePath(QStringLiteral("o.py")), "a = 1\n");
    const QString other = writeText(m_dir->filePath(QStringLiteral("other.py")), "b = 1\n");
    EditorTabs tabs;
    int asked = 0;
    tabs.setDiskChangePolicy([&](const QString&) {
        ++asked;
        return EditorTabs::DiskChoice::Ask;
    });
    CodeEditor* editor = *tabs.open(path);
    editor->insert(QStringLiteral("x"));
    QVERIFY(tabs.save());
    editor->insert(QStringLiteral("y")); // modified again: a false alarm would ask
    // Another file's change in the same folder is our sync point: once it is reloaded, any
    // notification about our own save has been handled too.
    CodeEditor* second = *tabs.open(other);
    QVERIFY(!writeText(other, "b = 2\n").isEmpty());
    QTRY_COMPARE(second->text(), QStringLiteral("b = 2\n"));
    QCOMPARE(asked, 0);
    QVERIFY(tabs.noticeText(0).isEmpty());
}

void tst_EditorTabs::deletedFileKeepsTheBuffer()
{
    const QString path = writeText(m_dir->filePath(QStringLiteral("gone.py")), "keep = 1\n");
    EditorTabs tabs;
    CodeEditor* editor = *tabs.open(path);
    QVERIFY(QFile::remove(path));
    QTRY_VERIFY(tabs.isMissingOnDisk(0));
    QCOMPARE(tabs.count(), 1);
    QCOMPARE(editor->text(), QStringLiteral("keep = 1\n"));
    QVERIFY(tabs.tabTitle(0).contains(QLatin1String("deleted")));
    QVERIFY(tabs.noticeText(0).contains(QLatin1String("deleted")));
    // Saving writes it again.
    QVERIFY(tabs.save());
    QCOMPARE(readBytes(path), QByteArray("keep = 1\n"));
    QVERIFY(!tabs.isMissingOnDisk(0));
    QCOMPARE(tabs.tabTitle(0), QStringLiteral("gone.py"));
}

void tst_EditorTabs::everyControlHasAnAccessibleName()
{
    const QString path = writeText(m_dir->filePath(QStringLiteral("a.py")), "a\n");
    EditorTabs tabs;
    QVERIFY(tabs.open(path));
    tabs.replaceAction()->trigger();
    tabs.goToLineAction()->trigger();
    const QList<QWidget*> widgets = tabs.findChildren<QWidget*>();
    for (QWidget* widget : widgets) {
        const bool control =
            qobject_cast<QAbstractButton*>(widget) || qobject_cast<QLineEdit*>(widget) ||
            qobject_cast<QAbstractSpinBox*>(widget) || qobject_cast<QsciScintilla*>(widget);
        if (!control || qobject_cast<QLineEdit*>(widget->parentWidget()) ||
            qobject_cast<QAbstractSpinBox*>(widget->parentWidget()))
            continue; // the spin box's own line edit, a line edit's clear button
        if (widget->inherits("QTabBar") || widget->parentWidget()->inherits("QTabBar"))
            continue; // the tab bar's scroll and close buttons: Qt names them
        QVERIFY2(!widget->accessibleName().isEmpty(), widget->metaObject()->className());
    }
}

void tst_EditorTabs::rendersWithThePalettesColours_data()
{
    QTest::addColumn<bool>("dark");
    QTest::newRow("light") << false;
    QTest::newRow("dark") << true;
}

// Renders the tabs with a Python file and checks the page is the palette's base colour (not
// QScintilla's white in dark mode). With SWB_SCREENSHOT_DIR set, saves editor-<mode>.png there.
void tst_EditorTabs::rendersWithThePalettesColours()
{
    QFETCH(bool, dark);
    const QString path =
        writeText(m_dir->filePath(QStringLiteral("handler.py")),
                  "import json\n"
                  "\n"
                  "\n"
                  "def handler(event, context):\n"
                  "    \"\"\"Echo the order with its total.\"\"\"\n"
                  "    order = json.loads(event.get(\"body\") or \"{}\")\n"
                  "    total = sum(item[\"price\"] * item[\"qty\"] for item in "
                  "order.get(\"items\", []))\n"
                  "    if total > 100:  # free shipping\n"
                  "        order[\"shipping\"] = 0\n"
                  "    return {\"statusCode\": 200, \"body\": json.dumps({**order, "
                  "\"total\": total})}\n");
    QPalette palette;
    if (dark) {
        palette.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
        palette.setColor(QPalette::WindowText, QColor(0xe0, 0xe0, 0xe0));
        palette.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
        palette.setColor(QPalette::AlternateBase, QColor(0x26, 0x26, 0x26));
        palette.setColor(QPalette::Text, QColor(0xdc, 0xdc, 0xdc));
        palette.setColor(QPalette::Button, QColor(0x35, 0x35, 0x35));
        palette.setColor(QPalette::ButtonText, QColor(0xe0, 0xe0, 0xe0));
        palette.setColor(QPalette::Highlight, QColor(0x2f, 0x65, 0xca));
        palette.setColor(QPalette::HighlightedText, Qt::white);
    } else {
        palette = QApplication::style()->standardPalette();
    }
    EditorTabs tabs;
    tabs.setPalette(palette);
    tabs.resize(760, 330);
    CodeEditor* editor = *tabs.open(path);
    editor->setCursorPosition(5, 4);
    tabs.findBar()->setQuery(FindQuery{QStringLiteral("total"), false, false, true});
    tabs.findAction()->trigger();
    tabs.show();
    QVERIFY(QTest::qWaitForWindowExposed(&tabs));
    editor->append(QStringLiteral("\n")); // modified: the tab shows its marker
    tabs.activateWindow();
    editor->setFocus(); // the current-line highlight shows in a focused editor
    QTRY_VERIFY(editor->hasFocus());
    const QImage image = tabs.grab().toImage();
    // A pixel inside the text area, right of the last line's end.
    const QPoint inside = editor->mapTo(&tabs, QPoint(editor->width() - 30, editor->height() - 30));
    const QColor page = image.pixelColor(inside);
    QCOMPARE(page.lightnessF() < 0.5, dark);
    QCOMPARE(page, palette.color(QPalette::Base));
    if (const QString dir = qEnvironmentVariable("SWB_SCREENSHOT_DIR"); !dir.isEmpty())
        QVERIFY(image.save(QDir(dir).filePath(dark ? QStringLiteral("editor-dark.png")
                                                   : QStringLiteral("editor-light.png"))));
}

void tst_EditorTabs::changeMarginFollowsTypingAgainstHead()
{
    // libgit2 must not read this machine's git configuration.
    qputenv("HOME", QFile::encodeName(m_dir->filePath(QStringLiteral("home"))));
    QVERIFY(QDir().mkpath(m_dir->filePath(QStringLiteral("home"))));
    const QString root = m_dir->filePath(QStringLiteral("repo"));
    QVERIFY(QDir().mkpath(root));
    const QString path = writeText(root + QStringLiteral("/app.py"), "a = 1\nb = 2\nc = 3\n");
    auto repo = GitRepository::init(root);
    QVERIFY(repo);
    const auto committed =
        repo->commitAll(QStringLiteral("first"), Signature{"Ada", "ada@example.com"});
    QVERIFY2(committed, committed ? "" : qPrintable(committed.error().message));
    const QString fresh = writeText(root + QStringLiteral("/new.py"), "x = 1\ny = 2\n");

    EditorTabs tabs;
    tabs.setGitRoot(root);
    CodeEditor* editor = *tabs.open(path);
    QVERIFY(editor->hasBaseline());
    QVERIFY(editor->lineChanges().isEmpty()); // as committed
    editor->setSelection(1, 4, 1, 5);
    editor->replaceSelectedText(QStringLiteral("20")); // b = 20
    editor->append(QStringLiteral("d = 4\n"));
    // The margin follows as the typing pauses.
    QTRY_COMPARE(editor->lineChanges(), (QList<LineChange>{{LineChange::Kind::Modified, 1},
                                                           {LineChange::Kind::Added, 3}}));
    editor->setSelection(0, 0, 1, 0);
    editor->removeSelectedText(); // the first line goes
    editor->updateChangeMarkers();
    // "a = 1" and "b = 2" became "b = 20": one line changed, one gone, "d = 4" still new.
    QCOMPARE(editor->lineChanges(), (QList<LineChange>{{LineChange::Kind::Modified, 0},
                                                       {LineChange::Kind::Deleted, 1},
                                                       {LineChange::Kind::Added, 2}}));

    // A file git does not have yet: every line is new. Outside a repository: no margin.
    CodeEditor* untracked = *tabs.open(fresh);
    QCOMPARE(untracked->lineChanges().size(), 2);
    QCOMPARE(untracked->lineChanges().at(0).kind, LineChange::Kind::Added);
    tabs.setGitRoot(QString());
    QVERIFY(!editor->hasBaseline());
    QVERIFY(editor->lineChanges().isEmpty());
}

QTEST_MAIN(tst_EditorTabs)
#include "tst_EditorTabs.moc"
