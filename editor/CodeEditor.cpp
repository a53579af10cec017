#include "CodeEditor.h"

#include "format/TextFile.h"

#include <Qsci/qscilexerbash.h>
#include <Qsci/qscilexercpp.h>
#include <Qsci/qscilexerjavascript.h>
#include <Qsci/qscilexerjson.h>
#include <Qsci/qscilexerpython.h>
#include <Qsci/qscilexeryaml.h>

#include <QEvent>
#include <QFileInfo>
#include <QFontDatabase>
#include <QPalette>
#include <QSaveFile>
#include <QTimer>

namespace swb {

namespace {

// Number of the brace/fold markers QScintilla's folding uses (Scintilla's SC_MARKNUM_FOLDER*).
constexpr int kFirstFoldMarker = 25;
constexpr int kLastFoldMarker = 31;
constexpr int kLineNumberMargin = 0;
constexpr int kFoldMargin = 2;
constexpr int kChangeMargin = 1;
// Marker numbers of the change margin (QScintilla's own folding uses 25..31).
constexpr int kAddedMarker = 10;
constexpr int kModifiedMarker = 11;
constexpr int kDeletedMarker = 12;
constexpr int kChangeMarkerMask =
    (1 << kAddedMarker) | (1 << kModifiedMarker) | (1 << kDeletedMarker);

QColor blend(const QColor& a, const QColor& b, double bWeight)
{
    const double aWeight = 1.0 - bWeight;
    return QColor::fromRgbF(float(a.redF() * aWeight + b.redF() * bWeight),
                            float(a.greenF() * aWeight + b.greenF() * bWeight),
                            float(a.blueF() * aWeight + b.blueF() * bWeight));
}

bool isDark(const QColor& color)
{
    return color.lightnessF() < 0.5;
}

// QScintilla's lexers choose colours for a white page. On a dark page, mirror each colour's
// lightness (dark blue keywords become light blue), keeping its hue, so every style stays
// readable.
QColor readableOn(const QColor& color, const QColor& paper)
{
    if (!isDark(paper))
        return color;
    float h = 0, s = 0, l = 0, a = 0;
    color.getHslF(&h, &s, &l, &a);
    const float mirrored = std::max(l, 1.0f - l);
    return QColor::fromHslF(h, s, std::max(mirrored, 0.62f), a);
}

QsciLexer* makeLexer(EditorLanguage language, QObject* parent)
{
    switch (language) {
    case EditorLanguage::Python: {
        auto* lexer = new QsciLexerPython(parent);
        lexer->setFoldComments(true);
        lexer->setFoldQuotes(true);
        lexer->setIndentationWarning(QsciLexerPython::Inconsistent);
        return lexer;
    }
    case EditorLanguage::JavaScript:
    case EditorLanguage::TypeScript: // QScintilla has no TypeScript lexer; the syntax is close
        return new QsciLexerJavaScript(parent);
    case EditorLanguage::Json:
        return new QsciLexerJSON(parent);
    case EditorLanguage::Yaml:
        return new QsciLexerYAML(parent);
    case EditorLanguage::Shell:
        return new QsciLexerBash(parent);
    case EditorLanguage::Cpp:
        return new QsciLexerCPP(parent);
    case EditorLanguage::PlainText:
        return nullptr;
    }
    return nullptr;
}

EditorLanguage languageOfShebang(const QString& firstLine)
{
    if (!firstLine.startsWith(QLatin1String("#!")))
        return EditorLanguage::PlainText;
    if (firstLine.contains(QLatin1String("python")))
        return EditorLanguage::Python;
    if (firstLine.contains(QLatin1String("node")) || firstLine.contains(QLatin1String("deno")))
        return EditorLanguage::JavaScript;
    return EditorLanguage::Shell; // sh, bash, dash, zsh, env -S ...
}

} // namespace

CodeEditor::CodeEditor(QWidget* parent) : QsciScintilla(parent)
{
    setUtf8(true);
    setMarginLineNumbers(kLineNumberMargin, true);
    setMarginWidth(kLineNumberMargin, QStringLiteral("00000"));
    setFolding(QsciScintilla::BoxedTreeFoldStyle, kFoldMargin);
    // The change margin: a thin bar beside the line numbers (shown once a baseline is set).
    setMarginType(kChangeMargin, QsciScintilla::SymbolMargin);
    setMarginWidth(kChangeMargin, 0);
    setMarginMarkerMask(kChangeMargin, kChangeMarkerMask);
    setMarginSensitivity(kChangeMargin, false);
    defineChangeMarkers();
    m_changeDebounce = new QTimer(this);
    m_changeDebounce->setSingleShot(true);
    m_changeDebounce->setInterval(250);
    connect(m_changeDebounce, &QTimer::timeout, this, &CodeEditor::updateChangeMarkers);
    connect(this, &QsciScintilla::textChanged, this, [this] {
        if (m_baseline)
            m_changeDebounce->start();
    });
    setBraceMatching(QsciScintilla::SloppyBraceMatch);
    setCaretLineVisible(true);
    setIndentationGuides(true);
    setAutoIndent(true);
    setIndentationsUseTabs(false);
    setTabIndents(true);
    setBackspaceUnindents(true);
    setScrollWidthTracking(true);
    setScrollWidth(1);
    setAccessibleName(tr("Code editor"));
    setLanguage(EditorLanguage::PlainText);
}

CodeEditor::~CodeEditor() = default;

EditorLanguage CodeEditor::languageFor(const QString& path, const QString& firstLine)
{
    const QFileInfo info(path);
    const QString suffix = info.suffix().toLower();
    if (suffix == QLatin1String("py") || suffix == QLatin1String("pyw"))
        return EditorLanguage::Python;
    if (suffix == QLatin1String("js") || suffix == QLatin1String("mjs") ||
        suffix == QLatin1String("cjs") || suffix == QLatin1String("jsx"))
        return EditorLanguage::JavaScript;
    if (suffix == QLatin1String("ts") || suffix == QLatin1String("mts") ||
        suffix == QLatin1String("cts") || suffix == QLatin1String("tsx"))
        return EditorLanguage::TypeScript;
    if (suffix == QLatin1String("json"))
        return EditorLanguage::Json;
    if (suffix == QLatin1String("yaml") || suffix == QLatin1String("yml"))
        return EditorLanguage::Yaml;
    if (suffix == QLatin1String("sh") || suffix == QLatin1String("bash"))
        return EditorLanguage::Shell;
    if (suffix == QLatin1String("cpp") || suffix == QLatin1String("cc") ||
        suffix == QLatin1String("cxx") || suffix == QLatin1String("c") ||
        suffix == QLatin1String("h") || suffix == QLatin1String("hpp") ||
        suffix == QLatin1String("hh") || suffix == QLatin1String("hxx"))
        return EditorLanguage::Cpp;
    if (suffix.isEmpty()) {
        const EditorLanguage byShebang = languageOfShebang(firstLine);
        if (byShebang != EditorLanguage::PlainText)
            return byShebang;
        if (info.fileName() == QLatin1String("bootstrap")) // a `provided` runtime's entry point
            return EditorLanguage::Shell;
    }
    return EditorLanguage::PlainText;
}

QString CodeEditor::languageName(EditorLanguage language)
{
    switch (language) {
    case EditorLanguage::Python:
        return QStringLiteral("Python");
    case EditorLanguage::JavaScript:
        return QStringLiteral("JavaScript");
    case EditorLanguage::TypeScript:
        return QStringLiteral("TypeScript");
    case EditorLanguage::Json:
        return QStringLiteral("JSON");
    case EditorLanguage::Yaml:
        return QStringLiteral("YAML");
    case EditorLanguage::Shell:
        return QStringLiteral("Shell");
    case EditorLanguage::Cpp:
        return QStringLiteral("C++");
    case EditorLanguage::PlainText:
        return tr("Plain text");
    }
    return {};
}

int CodeEditor::indentWidthFor(EditorLanguage language)
{
    switch (language) {
    case EditorLanguage::Python: // PEP 8
    case EditorLanguage::Cpp:
    case EditorLanguage::Shell:
    case EditorLanguage::PlainText:
        return 4;
    case EditorLanguage::JavaScript:
    case EditorLanguage::TypeScript:
    case EditorLanguage::Json:
    case EditorLanguage::Yaml: // YAML forbids tabs for indentation
        return 2;
    }
    return 4;
}

void CodeEditor::setLanguage(EditorLanguage language)
{
    m_language = language;
    QsciLexer* old = lexer();
    QsciLexer* next = makeLexer(language, this);
    setLexer(next);
    delete old;
    setTabWidth(indentWidthFor(language));
    setIndentationWidth(indentWidthFor(language));
    applyPalette();
}

void CodeEditor::applyPalette()
{
    const QPalette pal = palette();
    const QColor paper = pal.color(QPalette::Base);
    const QColor text = pal.color(QPalette::Text);
    const bool dark = isDark(paper);
    QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);

    if (QsciLexer* lex = lexer()) {
        lex->setDefaultFont(font);
        lex->setDefaultPaper(paper);
        lex->setDefaultColor(text);
        lex->setFont(font, -1);
        for (int style = 0; style < 128; ++style) {
            if (lex->description(style).isEmpty())
                continue;
            const QColor builtIn = lex->defaultColor(style);
            // Style 0 is the lexer's plain text; black in every lexer, the palette's text here.
            lex->setColor(style == 0 || builtIn == Qt::black ? text : readableOn(builtIn, paper),
                          style);
            const QColor builtInPaper = lex->defaultPaper(style);
            // Styles with their own background (unclosed strings, errors) keep a tint of it.
            lex->setPaper(builtInPaper == Qt::white ? paper : blend(paper, builtInPaper, 0.35),
                          style);
            QFont styleFont = lex->defaultFont(style);
            font.setBold(styleFont.bold());
            font.setItalic(styleFont.italic());
            lex->setFont(font, style);
        }
        // setLexer() copied the styles once; re-apply them after changing the lexer.
        setLexer(lex);
    } else {
        setFont(font);
        setPaper(paper);
        setColor(text);
    }

    const QColor margin = blend(paper, pal.color(QPalette::Window), 0.6);
    const QColor marginText = blend(text, paper, 0.45);
    setMarginsFont(font);
    setMarginsBackgroundColor(margin);
    setMarginsForegroundColor(marginText);
    setFoldMarginColors(margin, margin);
    for (int marker = kFirstFoldMarker; marker <= kLastFoldMarker; ++marker) {
        // Directly: QScintilla's setters skip markers it did not allocate, and the fold
        // markers are Scintilla's own. "Fore" fills the box, "back" draws its outline, sign and
        // the fold lines.
        SendScintilla(SCI_MARKERSETFORE, marker, margin);
        SendScintilla(SCI_MARKERSETBACK, marker, blend(marginText, margin, 0.2));
    }
    setCaretForegroundColor(text);
    setCaretLineBackgroundColor(blend(paper, pal.color(QPalette::Highlight), dark ? 0.28 : 0.12));
    setSelectionBackgroundColor(pal.color(QPalette::Highlight));
    setSelectionForegroundColor(pal.color(QPalette::HighlightedText));
    setIndentationGuidesForegroundColor(blend(paper, text, 0.25));
    setIndentationGuidesBackgroundColor(paper);
    setMatchedBraceBackgroundColor(blend(paper, QColor(0x2e, 0xa0, 0x43), dark ? 0.45 : 0.30));
    setMatchedBraceForegroundColor(text);
    setUnmatchedBraceBackgroundColor(blend(paper, QColor(0xd0, 0x30, 0x30), dark ? 0.55 : 0.35));
    setUnmatchedBraceForegroundColor(text);
    setEdgeColor(blend(paper, text, 0.2));
}

void CodeEditor::changeEvent(QEvent* event)
{
    QsciScintilla::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyPalette();
}

Result<void> CodeEditor::load(const QString& path)
{
    Result<QString> read = readTextFile(path, kMaxFileBytes);
    if (!read)
        return std::unexpected(read.error());
    // NUL is valid UTF-8, but no source file holds one: this is a binary file.
    if (read->contains(QChar(u'\0')))
        return fail(ErrorCode::Unsupported,
                    tr("%1 looks like a binary file (it contains NUL bytes); it cannot be "
                       "edited as text.")
                        .arg(path));
    const QString& content = *read;
    m_path = QFileInfo(path).absoluteFilePath();
    const qsizetype newline = content.indexOf(QLatin1Char('\n'));
    setLanguage(languageFor(m_path, content.left(newline < 0 ? 200 : newline)));
    setEolMode(content.contains(QLatin1String("\r\n")) ? EolWindows : EolUnix);
    setText(content);
    m_diskText = content;
    setModified(false);
    setCursorPosition(0, 0);
    return {};
}

void CodeEditor::setFilePath(const QString& path)
{
    m_path = QFileInfo(path).absoluteFilePath();
    setLanguage(languageFor(m_path, text(0)));
}

Result<void> CodeEditor::save()
{
    if (m_path.isEmpty())
        return fail(ErrorCode::InvalidArgument, tr("This buffer has no file name; save it as."));
    return saveAs(m_path);
}

Result<void> CodeEditor::saveAs(const QString& path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    const QString content = text();
    QSaveFile file(absolute);
    if (!file.open(QIODevice::WriteOnly))
        return fail(ErrorCode::Io,
                    tr("%1 cannot be written: %2.").arg(absolute, file.errorString()),
                    file.errorString());
    const QByteArray bytes = content.toUtf8();
    if (file.write(bytes) != bytes.size() || !file.commit())
        return fail(ErrorCode::Io,
                    tr("%1 cannot be written: %2; the file on disk is unchanged.")
                        .arg(absolute, file.errorString()),
                    file.errorString());
    if (absolute != m_path) {
        m_path = absolute;
        setLanguage(languageFor(m_path, text(0)));
    }
    m_diskText = content;
    setModified(false);
    return {};
}

Result<void> CodeEditor::reload()
{
    int line = 0;
    int index = 0;
    getCursorPosition(&line, &index);
    const int firstVisible = firstVisibleLine();
    Result<void> loaded = load(m_path);
    if (!loaded)
        return loaded;
    const int lastLine = std::max(0, lines() - 1);
    line = std::min(line, lastLine);
    setCursorPosition(line, std::min(index, lineLength(line)));
    setFirstVisibleLine(std::min(firstVisible, lastLine));
    return {};
}

void CodeEditor::goToLine(int line)
{
    const int target = std::clamp(line, 1, std::max(1, lines())) - 1;
    setCursorPosition(target, 0);
    ensureLineVisible(target);
    // Centre it, as editors do after "go to line".
    setFirstVisibleLine(
        std::max(0, target - static_cast<int>(SendScintilla(SCI_LINESONSCREEN)) / 2));
}

int CodeEditor::cursorLine() const
{
    int line = 0;
    int index = 0;
    getCursorPosition(&line, &index);
    return line + 1;
}

bool CodeEditor::find(const FindQuery& query, bool forward)
{
    if (query.pattern.isEmpty())
        return false;
    int line = -1;
    int index = -1;
    if (!forward && hasSelectedText()) {
        // Search backwards from the start of the current match, not from inside it.
        int lineTo = 0;
        int indexTo = 0;
        getSelection(&line, &index, &lineTo, &indexTo);
    }
    return findFirst(query.pattern, query.regex, query.caseSensitive, query.wholeWord,
                     /*wrap=*/true, forward, line, index, /*show=*/true, /*posix=*/false,
                     /*cxx11=*/query.regex);
}

bool CodeEditor::selectionMatches(const FindQuery& query)
{
    if (!hasSelectedText())
        return false;
    int lineFrom = 0;
    int indexFrom = 0;
    int lineTo = 0;
    int indexTo = 0;
    getSelection(&lineFrom, &indexFrom, &lineTo, &indexTo);
    // Search from the selection's start: a match there that covers the selection is "it".
    if (!findFirst(query.pattern, query.regex, query.caseSensitive, query.wholeWord, false, true,
                   lineFrom, indexFrom, true, false, query.regex))
        return false;
    int l1 = 0;
    int i1 = 0;
    int l2 = 0;
    int i2 = 0;
    getSelection(&l1, &i1, &l2, &i2);
    return l1 == lineFrom && i1 == indexFrom && l2 == lineTo && i2 == indexTo;
}

bool CodeEditor::replaceAndFindNext(const FindQuery& query, const QString& replacement)
{
    if (query.pattern.isEmpty())
        return false;
    if (selectionMatches(query))
        replace(replacement);
    return find(query, true);
}

int CodeEditor::replaceAll(const FindQuery& query, const QString& replacement)
{
    if (query.pattern.isEmpty())
        return 0;
    int count = 0;
    beginUndoAction();
    bool found =
        findFirst(query.pattern, query.regex, query.caseSensitive, query.wholeWord,
                  /*wrap=*/false, /*forward=*/true, 0, 0, /*show=*/false, false, query.regex);
    long lastStart = -1;
    while (found) {
        const long start = SendScintilla(SCI_GETSELECTIONSTART);
        const long end = SendScintilla(SCI_GETSELECTIONEND);
        // An empty match at the same place again (e.g. "^" after replacing with "") would
        // loop forever.
        if (start == end && start == lastStart)
            break;
        lastStart = start;
        replace(replacement);
        ++count;
        found = findNext();
    }
    endUndoAction();
    return count;
}

void CodeEditor::defineChangeMarkers()
{
    // Green added, blue modified, a red wedge where lines were deleted (as most editors do).
    markerDefine(QsciScintilla::FullRectangle, kAddedMarker);
    setMarkerBackgroundColor(QColor(0x2e, 0xa0, 0x43), kAddedMarker);
    markerDefine(QsciScintilla::FullRectangle, kModifiedMarker);
    setMarkerBackgroundColor(QColor(0x2f, 0x7f, 0xd8), kModifiedMarker);
    markerDefine(QsciScintilla::RightTriangle, kDeletedMarker);
    setMarkerBackgroundColor(QColor(0xe0, 0x2a, 0x2a), kDeletedMarker);
    setMarkerForegroundColor(QColor(0xe0, 0x2a, 0x2a), kDeletedMarker);
}

void CodeEditor::setBaseline(const std::optional<QString>& committedText)
{
    m_baseline = committedText;
    m_baselineLines = committedText ? LineDiff::lines(*committedText) : QStringList();
    setMarginWidth(kChangeMargin, committedText ? 5 : 0);
    updateChangeMarkers();
}

void CodeEditor::updateChangeMarkers()
{
    m_changeDebounce->stop();
    markerDeleteAll(kAddedMarker);
    markerDeleteAll(kModifiedMarker);
    markerDeleteAll(kDeletedMarker);
    if (!m_baseline) {
        m_changes.clear();
        return;
    }
    m_changes = LineDiff::changes(m_baselineLines, LineDiff::lines(text()));
    const int lastLine = std::max(0, lines() - 1);
    for (const LineChange& c : std::as_const(m_changes)) {
        switch (c.kind) {
        case LineChange::Kind::Added:
            markerAdd(c.line, kAddedMarker);
            break;
        case LineChange::Kind::Modified:
            markerAdd(c.line, kModifiedMarker);
            break;
        case LineChange::Kind::Deleted:
            markerAdd(std::min(c.line, lastLine), kDeletedMarker);
            break;
        }
    }
}

} // namespace swb
