#pragma once
// One source file in a QScintilla view: the lexer for its language, line numbers, folding,
// brace matching and colours taken from the palette; it loads through core's TextFile checks
// and saves atomically.

#include "Error.h"
#include "vcs/LineDiff.h"

#include <Qsci/qsciscintilla.h>

#include <QString>

#include <optional>

class QTimer;

namespace swb {

enum class EditorLanguage { PlainText, Python, JavaScript, TypeScript, Json, Yaml, Shell, Cpp };

// What the find bar asks for. The pattern is an ECMAScript (std::regex) expression when
// `regex` is set; the replacement may then use \1..\9 for captured groups.
struct FindQuery {
    QString pattern;
    bool regex = false;
    bool caseSensitive = false;
    bool wholeWord = false;
};

class CodeEditor : public QsciScintilla {
    Q_OBJECT
public:
    // Larger files are refused with an error rather than loaded into the editor.
    static constexpr qint64 kMaxFileBytes = 8 * 1024 * 1024;

    explicit CodeEditor(QWidget* parent = nullptr);
    ~CodeEditor() override;

    // The language for a path, by extension; a file without one (or named `bootstrap`) is
    // judged by its shebang line (`firstLine`).
    static EditorLanguage languageFor(const QString& path, const QString& firstLine = {});
    static QString languageName(EditorLanguage language);
    // Spaces per indentation level (Python 4, JavaScript/JSON/YAML 2, ...).
    static int indentWidthFor(EditorLanguage language);

    // Reads `path` (size, UTF-8 and binary checks) and shows it; on error the buffer is left
    // as it was.
    Result<void> load(const QString& path);
    // Writes the text atomically (QSaveFile) to filePath() / `path`.
    Result<void> save();
    Result<void> saveAs(const QString& path);
    // Reads the file again and keeps the cursor on its line.
    Result<void> reload();

    QString filePath() const { return m_path; }
    // Gives the buffer a path without reading it (a recovered buffer whose file is gone).
    void setFilePath(const QString& path);
    // The text as last read from or written to disk.
    QString diskText() const { return m_diskText; }
    // Records what is on disk now without touching the buffer ("keep mine" after an external
    // change), so the same change is not reported again.
    void setDiskText(const QString& text) { m_diskText = text; }

    EditorLanguage language() const { return m_language; }
    void setLanguage(EditorLanguage language);

    // 1-based; clamped to the buffer.
    void goToLine(int line);
    int cursorLine() const;

    // Selects the next (or previous) match from the cursor, wrapping around; false when none.
    bool find(const FindQuery& query, bool forward = true);
    // Replaces the selected match (if the selection is one) and finds the next one.
    bool replaceAndFindNext(const FindQuery& query, const QString& replacement);
    // Replaces every match as one undo step; returns how many.
    int replaceAll(const FindQuery& query, const QString& replacement);

    // Re-derives every colour (lexer styles, margins, caret line, guides) from palette().
    void applyPalette();

    // The committed text the change margin compares the buffer with (the file at HEAD; an
    // empty string for a file git does not have yet); nothing: no change margin. The marks
    // follow the typing, recomputed a moment after it pauses.
    void setBaseline(const std::optional<QString>& committedText);
    bool hasBaseline() const { return m_baseline.has_value(); }
    // The marks as drawn now.
    QList<LineChange> lineChanges() const { return m_changes; }
    // Recomputes the marks at once (the debounce does it otherwise).
    void updateChangeMarkers();

protected:
    void changeEvent(QEvent* event) override;

private:
    bool selectionMatches(const FindQuery& query);
    void defineChangeMarkers();

    QString m_path;
    QString m_diskText;
    EditorLanguage m_language = EditorLanguage::PlainText;
    std::optional<QString> m_baseline;
    QStringList m_baselineLines;
    QList<LineChange> m_changes;
    QTimer* m_changeDebounce = nullptr;
};

} // namespace swb
