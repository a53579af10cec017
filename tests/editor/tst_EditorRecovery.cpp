// labels: gui
// Crash recovery end to end: a helper process (this binary with --crash-helper) opens a file,
// types into it, waits for the autosave and is killed with SIGKILL; the next EditorTabs finds
// the buffer in the recovery folder and restores it. Also: focus-loss autosave, and entries
// that go away once a buffer is saved, discarded or undone.

#include "EditorTabs.h"

#include <QApplication>
#include <QFile>
#include <QLineEdit>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QVBoxLayout>

#include <csignal>
#include <cstdio>

using namespace swb;

namespace {

const QByteArray kOriginal = "def handler(event, context):\n    return 1\n";
const QString kTyped = QStringLiteral("# typed before the crash: ü\n");

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

// Types `text` as key events; QTest::keyClicks only knows ASCII.
void typeText(QWidget* widget, const QString& text)
{
    for (const QChar c : text) {
        if (c == QLatin1Char('\n'))
            QTest::keyClick(widget, Qt::Key_Return);
        else if (c.unicode() < 0x80)
            QTest::keyClick(widget, c.toLatin1());
        else
            QTest::sendKeyEvent(QTest::Click, widget, Qt::Key_unknown, QString(c), Qt::NoModifier);
    }
}

// The process that crashes: args are the recovery folder, the file and the text to type.
int runCrashHelper(int argc, char** argv)
{
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    EditorTabs tabs;
    tabs.setAutosaveInterval(100);
    tabs.setRecoveryFolder(args.at(2));
    tabs.resize(600, 400);
    tabs.show();
    const Result<CodeEditor*> opened = tabs.open(args.at(3));
    if (!opened) {
        std::fprintf(stderr, "%s\n", qPrintable(opened.error().message));
        return 2;
    }
    QObject::connect(&tabs, &EditorTabs::recoveryWritten, [] {
        std::fputs("autosaved\n", stdout);
        std::fflush(stdout);
    });
    (*opened)->setFocus();
    typeText(*opened, args.at(4)); // real key events, as a user types
    return app.exec();             // until SIGKILL
}

} // namespace

class tst_EditorRecovery : public QObject {
    Q_OBJECT
private slots:
    void unsavedBufferSurvivesSigkill();
    void focusLossWritesTheRecoveryEntry();
    void savingOrUndoingRemovesTheEntry();
    void closingWithDiscardRemovesTheEntry();
    void restoresABufferWhoseFileIsGone();
    void discardedEntriesAreNotOfferedAgain();
};

void tst_EditorRecovery::unsavedBufferSurvivesSigkill()
{
    QTemporaryDir dir;
    const QString path = writeText(dir.filePath(QStringLiteral("handler.py")), kOriginal);
    const QString folder = dir.filePath(QStringLiteral(".swb/recovery"));

    QProcess helper;
    helper.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QByteArray output;
    connect(&helper, &QProcess::readyReadStandardOutput, this,
            [&] { output += helper.readAllStandardOutput(); });
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    helper.setProcessEnvironment(env);
    helper.start(QCoreApplication::applicationFilePath(),
                 {QStringLiteral("--crash-helper"), folder, path, kTyped.trimmed() + "\n"});
    QVERIFY(helper.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(output.contains("autosaved") || helper.state() == QProcess::NotRunning,
                             30000);
    QVERIFY2(output.contains("autosaved"), "the helper ended before its autosave");
    // The autosave fires while typing too; wait until the whole text has landed.
    QTRY_VERIFY_WITH_TIMEOUT(
        readBytes(RecoveryStore(folder).entryFileFor(path)).contains(kTyped.trimmed().toUtf8()),
        30000);

    QSignalSpy finished(&helper, &QProcess::finished);
    QCOMPARE(::kill(static_cast<pid_t>(helper.processId()), SIGKILL), 0);
    QVERIFY(finished.wait(10000));
    QCOMPARE(helper.exitStatus(), QProcess::CrashExit);
    QCOMPARE(readBytes(path), kOriginal); // the user never saved

    // The next start.
    EditorTabs tabs;
    tabs.setRecoveryFolder(folder);
    const QList<RecoveryEntry> entries = tabs.recoverable();
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries.at(0).originalPath, path);
    QCOMPARE(entries.at(0).text, kTyped + QString::fromUtf8(kOriginal));
    QVERIFY(entries.at(0).savedAt.isValid());

    QCOMPARE(tabs.restore(entries), 1);
    QCOMPARE(tabs.count(), 1);
    CodeEditor* editor = tabs.currentEditor();
    QCOMPARE(editor->filePath(), path);
    QCOMPARE(editor->text(), kTyped + QString::fromUtf8(kOriginal));
    QVERIFY(editor->isModified());
    QCOMPARE(tabs.tabTitle(0), QStringLiteral("handler.py •"));
    // Undo goes back to what is on disk.
    editor->undo();
    QCOMPARE(editor->text(), QString::fromUtf8(kOriginal));
    editor->redo();

    QVERIFY(tabs.save());
    QCOMPARE(readBytes(path), (kTyped + QString::fromUtf8(kOriginal)).toUtf8());
    QVERIFY(RecoveryStore(folder).pending().isEmpty());
}

void tst_EditorRecovery::focusLossWritesTheRecoveryEntry()
{
    QTemporaryDir dir;
    const QString path = writeText(dir.filePath(QStringLiteral("a.py")), "a = 1\n");
    const QString folder = dir.filePath(QStringLiteral("recovery"));
    QWidget window;
    auto* column = new QVBoxLayout(&window);
    auto* tabs = new EditorTabs(&window);
    auto* elsewhere = new QLineEdit(&window);
    column->addWidget(tabs);
    column->addWidget(elsewhere);
    tabs->setAutosaveInterval(60 * 60 * 1000); // only focus loss can write it in time
    tabs->setRecoveryFolder(folder);
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    CodeEditor* editor = *tabs->open(path);
    editor->setFocus();
    QTRY_VERIFY(editor->hasFocus());
    QTest::keyClicks(editor, "b = 2  ");
    QCOMPARE(RecoveryStore(folder).pending().size(), 0);
    QSignalSpy written(tabs, &EditorTabs::recoveryWritten);
    elsewhere->setFocus();
    QTRY_COMPARE(written.size(), 1);
    const QList<RecoveryEntry> entries = RecoveryStore(folder).pending();
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries.at(0).text, QStringLiteral("b = 2  a = 1\n"));
}

void tst_EditorRecovery::savingOrUndoingRemovesTheEntry()
{
    QTemporaryDir dir;
    const QString path = writeText(dir.filePath(QStringLiteral("a.py")), "a = 1\n");
    const QString folder = dir.filePath(QStringLiteral("recovery"));
    EditorTabs tabs;
    tabs.setRecoveryFolder(folder);
    CodeEditor* editor = *tabs.open(path);
    editor->insert(QStringLiteral("x"));
    QCOMPARE(tabs.autosaveNow(), 1);
    QCOMPARE(tabs.autosaveNow(), 0); // nothing new to write
    QCOMPARE(RecoveryStore(folder).pending().size(), 1);
    QVERIFY(tabs.save());
    QVERIFY(RecoveryStore(folder).pending().isEmpty());

    editor->insert(QStringLiteral("y"));
    QCOMPARE(tabs.autosaveNow(), 1);
    editor->undo(); // back at the save point: nothing to recover
    QVERIFY(!editor->isModified());
    QVERIFY(RecoveryStore(folder).pending().isEmpty());
    QCOMPARE(tabs.autosaveNow(), 0);
}

void tst_EditorRecovery::closingWithDiscardRemovesTheEntry()
{
    QTemporaryDir dir;
    const QString path = writeText(dir.filePath(QStringLiteral("a.py")), "a = 1\n");
    const QString folder = dir.filePath(QStringLiteral("recovery"));
    {
        EditorTabs tabs;
        tabs.setRecoveryFolder(folder);
        tabs.setSavePrompt([](const QString&) { return EditorTabs::SaveChoice::Discard; });
        (*tabs.open(path))->insert(QStringLiteral("x"));
        QCOMPARE(tabs.autosaveNow(), 1);
        QVERIFY(tabs.closeAll());
        QVERIFY(RecoveryStore(folder).pending().isEmpty());
    }
    // Quitting with the buffer still open (and not saved) leaves it for the next run.
    {
        EditorTabs tabs;
        tabs.setRecoveryFolder(folder);
        (*tabs.open(path))->insert(QStringLiteral("kept"));
    }
    QCOMPARE(RecoveryStore(folder).pending().size(), 1);
    QCOMPARE(readBytes(path), QByteArray("a = 1\n"));
}

void tst_EditorRecovery::restoresABufferWhoseFileIsGone()
{
    QTemporaryDir dir;
    const QString folder = dir.filePath(QStringLiteral("recovery"));
    const QString path = dir.filePath(QStringLiteral("fn/deleted.js"));
    QVERIFY(RecoveryStore(folder).write(path, QStringLiteral("export const x = 1;\n")));
    EditorTabs tabs;
    tabs.setRecoveryFolder(folder);
    QCOMPARE(tabs.restore(tabs.recoverable()), 1);
    CodeEditor* editor = tabs.currentEditor();
    QCOMPARE(editor->filePath(), path);
    QCOMPARE(editor->language(), EditorLanguage::JavaScript);
    QCOMPARE(editor->text(), QStringLiteral("export const x = 1;\n"));
    QVERIFY(editor->isModified());
    QVERIFY(tabs.isMissingOnDisk(0));
    QVERIFY(tabs.noticeText(0).contains(path));
    QVERIFY(QDir().mkpath(dir.filePath(QStringLiteral("fn"))));
    QVERIFY(tabs.save());
    QCOMPARE(readBytes(path), QByteArray("export const x = 1;\n"));
}

void tst_EditorRecovery::discardedEntriesAreNotOfferedAgain()
{
    QTemporaryDir dir;
    const QString folder = dir.filePath(QStringLiteral("recovery"));
    QVERIFY(RecoveryStore(folder).write(dir.filePath(QStringLiteral("a.py")), QStringLiteral("a")));
    QVERIFY(RecoveryStore(folder).write(dir.filePath(QStringLiteral("b.py")), QStringLiteral("b")));
    EditorTabs tabs;
    tabs.setRecoveryFolder(folder);
    QCOMPARE(tabs.recoverable().size(), 2);
    tabs.discardRecoverable(tabs.recoverable());
    QVERIFY(tabs.recoverable().isEmpty());
    QCOMPARE(tabs.count(), 0);
}

int main(int argc, char** argv)
{
    if (argc >= 5 && qstrcmp(argv[1], "--crash-helper") == 0)
        return runCrashHelper(argc, argv);
    QApplication app(argc, argv);
    tst_EditorRecovery test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_EditorRecovery.moc"
