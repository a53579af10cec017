#pragma once
// Two versions of one file compared, unified (one column, removed lines above the added ones)
// or side by side (old left, new right, the rows aligned, scrolling together), with the
// changed lines coloured and Previous/Next Change to jump between the changed blocks. Read-only;
// the alignment is core's LineDiff, the same one the editor's margin markers use.

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QStackedWidget;
class QToolButton;

namespace swb {

class DiffView : public QWidget {
    Q_OBJECT
public:
    enum class Layout { Unified, SideBySide };

    explicit DiffView(QWidget* parent = nullptr);

    // `beforeTitle`/`afterTitle` name the versions ("HEAD 1a2b3c4d", "Working copy").
    void setTexts(const QString& before, const QString& after, const QString& beforeTitle,
                  const QString& afterTitle);
    void setLayout(Layout layout);
    Layout layoutMode() const { return m_layout; }

    // Blocks of consecutive changed rows; the summary counts lines ("+3 −1").
    int changeCount() const { return int(m_blockStarts.size()); }
    int addedLines() const { return m_added; }
    int removedLines() const { return m_removed; }
    QString summaryText() const;
    // Moves the cursor to the next/previous changed block (wrapping); the block's index.
    int nextChange();
    int previousChange();
    int currentChange() const { return m_current; }

    // What each pane shows, for tests.
    QString unifiedText() const;
    QString leftText() const;
    QString rightText() const;
    QPlainTextEdit* unifiedPane() const { return m_unified; }
    QPlainTextEdit* leftPane() const { return m_left; }
    QPlainTextEdit* rightPane() const { return m_right; }

private:
    void rebuild();
    void showChange(int index);

    Layout m_layout = Layout::SideBySide;
    QString m_before, m_after, m_beforeTitle, m_afterTitle;
    QList<int> m_blockStarts; // unified row of each changed block's first line
    QList<int> m_sideStarts;  // the same, side by side
    int m_added = 0, m_removed = 0, m_current = -1;

    QLabel* m_titles;
    QLabel* m_summary;
    QToolButton* m_unifiedButton;
    QToolButton* m_sideButton;
    QToolButton* m_previous;
    QToolButton* m_next;
    QStackedWidget* m_stack;
    QPlainTextEdit* m_unified;
    QPlainTextEdit* m_left;
    QPlainTextEdit* m_right;
};

} // namespace swb
