// labels: gui
// CodeEditor: the lexer per file type, loading through TextFile's checks, atomic saves, go to
// line, find/replace with regular expressions, and palette colours.

#include "CodeEditor.h"

#include <Qsci/qscilexer.h>

#include <QFile>
#include <QPalette>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace swb;

Q_DECLARE_METATYPE(swb::EditorLanguage)

namespace {

QString writeText(const QTemporaryDir& dir, const QString& name, const QByteArray& content)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
        return {};
    return path;
}

} // namespace

class tst_CodeEditor : public QObject {
    Q_OBJECT
private slots:
    void languageByFileName_data();
    void languageByFileName();
    void loadsFileWithTheLanguagesLexerAndIndent();
    void saveWritesTheFileAtomicallyAndKeepsItsMode();
    void binaryFileIsAnErrorNotACrash();
    void hugeFileIsAnErrorAndLeavesTheBuffer();
    void invalidUtf8IsAnError();
    void goToLineMovesTheCursorAndClamps();
    void findWithRegexSelectsTheMatch();
    void findPreviousGoesBackwards();
    void replaceAllWithRegexUsesGroups();
    void replaceOneReplacesTheSelectedMatch();
    void darkPaletteGivesADarkPage();
};

void tst_CodeEditor::languageByFileName_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("firstLine");
    QTest::addColumn<EditorLanguage>("language");
    QTest::newRow("py") << "fn/handler.py"
                        << "" << EditorLanguage::Python;
    QTest::newRow("js") << "fn/index.js"
                        << "" << EditorLanguage::JavaScript;
    QTest::newRow("mjs") << "fn/index.mjs"
                         << "" << EditorLanguage::JavaScript;
    QTest::newRow("cjs") << "fn/index.cjs"
                         << "" << EditorLanguage::JavaScript;
    QTest::newRow("ts") << "fn/index.ts"
                        << "" << EditorLanguage::TypeScript;
    QTest::newRow("json") << "events/s3.json"
                          << "" << EditorLanguage::Json;
    QTest::newRow("yaml") << "template.yaml"
                          << "" << EditorLanguage::Yaml;
    QTest::newRow("yml") << "serverless.YML"
                         << "" << EditorLanguage::Yaml;
    QTest::newRow("sh") << "build.sh"
                        << "" << EditorLanguage::Shell;
    QTest::newRow("bootstrap") << "fn/bootstrap"
                               << "" << EditorLanguage::Shell;
    QTest::newRow("shebang sh") << "fn/run"
                                << "#!/bin/sh" << EditorLanguage::Shell;
    QTest::newRow("shebang env bash") << "fn/run"
                                      << "#!/usr/bin/env bash" << EditorLanguage::Shell;
    QTest::newRow("shebang python") << "fn/bootstrap"
                                    << "#!/usr/bin/env python3" << EditorLanguage::Python;
    QTest::newRow("no ext, no shebang") << "fn/LICENSE"
                                        << "MIT" << EditorLanguage::PlainText;
    QTest::newRow("cpp") << "fn/main.cpp"
                         << "" << EditorLanguage::Cpp;
    QTest::newRow("cc") << "fn/main.cc"
                        << "" << EditorLanguage::Cpp;
    QTest::newRow("h") << "fn/main.h"
                       << "" << EditorLanguage::Cpp;
    QTest::newRow("hpp") << "fn/main.hpp"
                         << "" << EditorLanguage::Cpp;
    QTest::newRow("txt") << "notes.txt"
                         << "" << EditorLanguage::PlainText;
}

void tst_CodeEditor::languageByFileName()
{
    QFETCH(QString, path);
    QFETCH(QString, firstLine);
    QFETCH(EditorLanguage, language);
    QCOMPARE(CodeEditor::languageFor(path, firstLine), language);
}

void tst_CodeEditor::loadsFileWithTheLanguagesLexerAndIndent()
{
    QTemporaryDir dir;
    const struct {
        const char* name;
        const char* lexer;
        int indent;
    } cases[] = {
        {"handler.py", "Python", 4}, {"index.mjs", "JavaScript", 2}, {"event.json", "JSON", 2},
        {"template.yml", "YAML", 2}, {"bootstrap", "Bash", 4},       {"main.cpp", "C++", 4},
    };
    for (const auto& c : cases) {
        const QString path = writeText(dir, QString::fromLatin1(c.name), "x = 1\n");
        QVERIFY(!path.isEmpty());
        CodeEditor editor;
        QVERIFY(editor.load(path));
        QVERIFY2(editor.lexer(), c.name);
        QCOMPARE(QString::fromLatin1(editor.lexer()->language()), QString::fromLatin1(c.lexer));
        QCOMPARE(editor.indentationWidth(), c.indent);
        QVERIFY(!editor.indentationsUseTabs());
        QCOMPARE(editor.filePath(), path);
        QVERIFY(!editor.isModified());
    }
}

void tst_CodeEditor::saveWritesTheFileAtomicallyAndKeepsItsMode()
{
    QTemporaryDir dir;
    const QString path = writeText(dir, QStringLiteral("bootstrap"), "#!/bin/sh\necho hi\n");
    QVERIFY(QFile::setPermissions(path, QFile::permissions(path) | QFile::ExeOwner));
    struct stat before {};
    QCOMPARE(::stat(QFile::encodeName(path).constData(), &before), 0);

    CodeEditor editor;
    QVERIFY(editor.load(path));
    editor.setCursorPosition(1, 0);
    editor.insert(QStringLiteral("# ünïcode\n"));
    QVERIFY(editor.isModified());
    QVERIFY(editor.save());
    QVERIFY(!editor.isModified());

    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("#!/bin/sh\n# \xc3\xbcn\xc3\xaf"
                                        "code\necho hi\n"));
    struct stat after {};
    QCOMPARE(::stat(QFile::encodeName(path).constData(), &after), 0);
    // QSaveFile renames a new file over the old one: a new inode, same permissions.
    QVERIFY(after.st_ino != before.st_ino);
    QVERIFY(QFile::permissions(path) & QFile::ExeOwner);
    QCOMPARE(editor.diskText(), editor.text());
    // No temporary file is left behind.
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 1);
}

void tst_CodeEditor::binaryFileIsAnErrorNotACrash()
{
    QTemporaryDir dir;
    const QString path = writeText(dir, QStringLiteral("lib.so"),
                                   QByteArray("\x7f"
                                              "ELF\x02\x01\x01\0\0\0",
                                              10));
    CodeEditor editor;
    const Result<void> loaded = editor.load(path);
    QVERIFY(!loaded);
    QVERIFY2(loaded.error().message.contains(QLatin1String("binary")),
             qPrintable(loaded.error().message));
    QVERIFY(loaded.error().message.contains(path));
    QVERIFY(editor.filePath().isEmpty());
}

void tst_CodeEditor::hugeFileIsAnErrorAndLeavesTheBuffer()
{
    QTemporaryDir dir;
    const QString small = writeText(dir, QStringLiteral("small.py"), "print(1)\n");
    const QString path = dir.filePath(QStringLiteral("huge.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QVERIFY(file.resize(CodeEditor::kMaxFileBytes + 1)); // sparse: no 8 MB written
    file.close();

    CodeEditor editor;
    QVERIFY(editor.load(small));
    const Result<void> loaded = editor.load(path);
    QVERIFY(!loaded);
    QVERIFY2(loaded.error().message.contains(QLatin1String("larger than")),
             qPrintable(loaded.error().message));
    QCOMPARE(editor.filePath(), small);
    QCOMPARE(editor.text(), QStringLiteral("print(1)\n"));
}

void tst_CodeEditor::invalidUtf8IsAnError()
{
    QTemporaryDir dir;
    const QString path = writeText(dir, QStringLiteral("latin1.py"), "s = '\xe9t\xe9'\n");
    CodeEditor editor;
    const Result<void> loaded = editor.load(path);
    QVERIFY(!loaded);
    QVERIFY(loaded.error().message.contains(QLatin1String("UTF-8")));
}

void tst_CodeEditor::goToLineMovesTheCursorAndClamps()
{
    CodeEditor editor;
    QStringList lines;
    for (int i = 1; i <= 200; ++i)
        lines << QStringLiteral("line %1").arg(i);
    editor.setText(lines.join(QLatin1Char('\n')));
    editor.resize(400, 300);
    editor.goToLine(120);
    QCOMPARE(editor.cursorLine(), 120);
    int line = 0;
    int index = 0;
    editor.getCursorPosition(&line, &index);
    QCOMPARE(line, 119);
    QCOMPARE(index, 0);
    QVERIFY(editor.firstVisibleLine() > 0);
    editor.goToLine(10000);
    QCOMPARE(editor.cursorLine(), 200);
    editor.goToLine(-3);
    QCOMPARE(editor.cursorLine(), 1);
}

void tst_CodeEditor::findWithRegexSelectsTheMatch()
{
    CodeEditor editor;
    editor.setText(QStringLiteral("def handler(event, context):\n    return {'status': 200}\n"));
    editor.setCursorPosition(0, 0);
    QVERIFY(editor.find(FindQuery{QStringLiteral("\\d{3}"), true, false, false}));
    QCOMPARE(editor.selectedText(), QStringLiteral("200"));
    // The same pattern as plain text is not found.
    editor.setCursorPosition(0, 0);
    QVERIFY(!editor.find(FindQuery{QStringLiteral("\\d{3}"), false, false, false}));
    // Case and whole word.
    editor.setCursorPosition(0, 0);
    QVERIFY(!editor.find(FindQuery{QStringLiteral("HANDLER"), false, true, false}));
    QVERIFY(editor.find(FindQuery{QStringLiteral("HANDLER"), false, false, false}));
    editor.setCursorPosition(0, 0);
    QVERIFY(!editor.find(FindQuery{QStringLiteral("hand"), false, false, true}));
}

void tst_CodeEditor::findPreviousGoesBackwards()
{
    CodeEditor editor;
    editor.setText(QStringLiteral("a1\na2\na3\n"));
    editor.setCursorPosition(3, 0);
    const FindQuery query{QStringLiteral("a\\d"), true, false, false};
    QVERIFY(editor.find(query, false));
    QCOMPARE(editor.selectedText(), QStringLiteral("a3"));
    QVERIFY(editor.find(query, false));
    QCOMPARE(editor.selectedText(), QStringLiteral("a2"));
    QVERIFY(editor.find(query, true));
    QCOMPARE(editor.selectedText(), QStringLiteral("a3"));
}

void tst_CodeEditor::replaceAllWithRegexUsesGroups()
{
    CodeEditor editor;
    editor.setText(QStringLiteral("x = get(a)\ny = get(b)\nz = put(c)\n"));
    const int replaced =
        editor.replaceAll(FindQuery{QStringLiteral("get\\((\\w)\\)"), true, true, false},
                          QStringLiteral("fetch(\\1, 1)"));
    QCOMPARE(replaced, 2);
    QCOMPARE(editor.text(), QStringLiteral("x = fetch(a, 1)\ny = fetch(b, 1)\nz = put(c)\n"));
    // One undo step restores everything.
    editor.undo();
    QCOMPARE(editor.text(), QStringLiteral("x = get(a)\ny = get(b)\nz = put(c)\n"));
    // An empty-matching pattern ends.
    QCOMPARE(
        editor.replaceAll(FindQuery{QStringLiteral("^"), true, true, false}, QStringLiteral("# ")),
        4);
    QVERIFY(editor.text().startsWith(QLatin1String("# x = get(a)\n# y")));
}

void tst_CodeEditor::replaceOneReplacesTheSelectedMatch()
{
    CodeEditor editor;
    editor.setText(QStringLiteral("foo foo foo"));
    editor.setCursorPosition(0, 0);
    const FindQuery query{QStringLiteral("foo"), false, true, true};
    QVERIFY(editor.find(query));
    QVERIFY(editor.replaceAndFindNext(query, QStringLiteral("bar")));
    QCOMPARE(editor.text(), QStringLiteral("bar foo foo"));
    QCOMPARE(editor.selectedText(), QStringLiteral("foo"));
    editor.replaceAndFindNext(query, QStringLiteral("bar"));
    QCOMPARE(editor.text(), QStringLiteral("bar bar foo"));
}

void tst_CodeEditor::darkPaletteGivesADarkPage()
{
    CodeEditor editor;
    editor.setLanguage(EditorLanguage::Python);
    QPalette dark;
    dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    dark.setColor(QPalette::Text, QColor(0xdd, 0xdd, 0xdd));
    dark.setColor(QPalette::Window, QColor(0x2a, 0x2a, 0x2a));
    editor.setPalette(dark);
    QsciLexer* lexer = editor.lexer();
    QVERIFY(lexer);
    QCOMPARE(lexer->defaultPaper(), QColor(0x1e, 0x1e, 0x1e));
    for (int style = 0; style < 128; ++style) {
        if (lexer->description(style).isEmpty())
            continue;
        QVERIFY2(lexer->paper(style).lightnessF() < 0.5, qPrintable(lexer->description(style)));
        // Every style's text is lighter than the page.
        QVERIFY2(lexer->color(style).lightnessF() > 0.55, qPrintable(lexer->description(style)));
    }
    // And back to light.
    QPalette light;
    light.setColor(QPalette::Base, Qt::white);
    light.setColor(QPalette::Text, Qt::black);
    editor.setPalette(light);
    QCOMPARE(lexer->paper(0), QColor(Qt::white));
    QCOMPARE(lexer->color(0), QColor(Qt::black));
}

QTEST_MAIN(tst_CodeEditor)
#include "tst_CodeEditor.moc"
