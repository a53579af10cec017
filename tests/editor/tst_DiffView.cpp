// labels: gui
// DiffView: a file's two versions unified and side by side, rows aligned, changes counted and
// coloured, Previous/Next Change wrapping, a binary file refused as text.

#include "DiffView.h"

#include <QApplication>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QTest>
#include <QTextBlock>

using namespace swb;

namespace {

// The background colour of a pane's line, from its extra selections (Base when unmarked).
QColor lineColour(QPlainTextEdit* pane, int line)
{
    for (const QTextEdit::ExtraSelection& mark : pane->extraSelections()) {
        if (mark.cursor.blockNumber() == line)
            return mark.format.background().color();
    }
    return pane->palette().color(QPalette::Base);
}

} // namespace

class tst_DiffView : public QObject {
    Q_OBJECT
private slots:
    void showsUnifiedWithRemovedBeforeAdded()
    {
        DiffView view;
        view.setTexts(QStringLiteral("a\nb\nc\n"), QStringLiteral("a\nB\nc\nd\n"),
                      QStringLiteral("HEAD"), QStringLiteral("Working copy"));
        view.setLayout(DiffView::Layout::Unified);
        const QStringList lines = view.unifiedText().split(QLatin1Char('\n'));
        QCOMPARE(lines.size(), 5);
        QCOMPARE(lines[0], QStringLiteral("1 1   a"));
        QCOMPARE(lines[1], QStringLiteral("2   - b"));
        QCOMPARE(lines[2], QStringLiteral("  2 + B"));
        QCOMPARE(lines[3], QStringLiteral("3 3   c"));
        QCOMPARE(lines[4], QStringLiteral("  4 + d"));
        QCOMPARE(view.changeCount(), 2);
        QCOMPARE(view.addedLines(), 2);
        QCOMPARE(view.removedLines(), 1);
        // Changed rows are coloured, kept rows are not, removed and added differ.
        const QColor base = view.unifiedPane()->palette().color(QPalette::Base);
        QCOMPARE(lineColour(view.unifiedPane(), 0), base);
        QVERIFY(lineColour(view.unifiedPane(), 1) != base);
        QVERIFY(lineColour(view.unifiedPane(), 2) != base);
        QVERIFY(lineColour(view.unifiedPane(), 1) != lineColour(view.unifiedPane(), 2));
    }

    void sideBySidePairsRowsAndFillsTheShorterSide()
    {
        DiffView view;
        // Two lines replaced by one, then one added at the end.
        view.setTexts(QStringLiteral("keep\nold1\nold2\nend\n"),
                      QStringLiteral("keep\nnew\nend\nmore\n"), QString(), QString());
        QCOMPARE(view.layoutMode(), DiffView::Layout::SideBySide);
        const QStringList left = view.leftText().split(QLatin1Char('\n'));
        const QStringList right = view.rightText().split(QLatin1Char('\n'));
        QCOMPARE(left.size(), right.size()); // aligned rows
        QCOMPARE(left,
                 (QStringList{QStringLiteral("1  keep"), QStringLiteral("2  old1"),
                              QStringLiteral("3  old2"), QStringLiteral("4  end"), QString()}));
        QCOMPARE(right, (QStringList{QStringLiteral("1  keep"), QStringLiteral("2  new"), QString(),
                                     QStringLiteral("3  end"), QStringLiteral("4  more")}));
        // The filler row is marked too, in its own colour.
        const QColor base = view.rightPane()->palette().color(QPalette::Base);
        QVERIFY(lineColour(view.rightPane(), 2) != base);
        QVERIFY(lineColour(view.rightPane(), 2) != lineColour(view.rightPane(), 1));
        QCOMPARE(lineColour(view.rightPane(), 3), base);
    }

    void nextAndPreviousWalkTheChangesAndWrap()
    {
        QStringList before, after;
        for (int i = 0; i < 300; ++i)
            before << QStringLiteral("line %1").arg(i);
        after = before;
        after[10] = QStringLiteral("changed 10");
        after[150] = QStringLiteral("changed 150");
        after[290] = QStringLiteral("changed 290");
        DiffView view;
        view.resize(600, 300);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setTexts(before.join(QLatin1Char('\n')), after.join(QLatin1Char('\n')), QString(),
                      QString());
        QCOMPARE(view.changeCount(), 3);
        QCOMPARE(view.currentChange(), 0); // the first change is shown at once
        QCOMPARE(view.nextChange(), 1);
        QCOMPARE(view.leftPane()->textCursor().blockNumber(), 150);
        // The right side scrolled with the left.
        QCOMPARE(view.rightPane()->verticalScrollBar()->value(),
                 view.leftPane()->verticalScrollBar()->value());
        QVERIFY(view.leftPane()->verticalScrollBar()->value() > 0);
        QCOMPARE(view.nextChange(), 2);
        QCOMPARE(view.nextChange(), 0); // wraps
        QCOMPARE(view.previousChange(), 2);
        view.setLayout(DiffView::Layout::Unified);
        // Unified rows: change 2 (line 290) is at row 291 (one extra removed row before it).
        QCOMPARE(view.unifiedPane()->textCursor().blockNumber(), 290 + 2);
    }

    void sameTextsHaveNoChanges()
    {
        DiffView view;
        view.setTexts(QStringLiteral("x\ny\n"), QStringLiteral("x\r\ny\r\n"), QString(), QString());
        QCOMPARE(view.changeCount(), 0);
        QCOMPARE(view.summaryText(), QStringLiteral("No differences"));
        QCOMPARE(view.nextChange(), -1);
    }

    void binaryFilesAreNotShownAsText()
    {
        DiffView view;
        view.setTexts(QStringLiteral("PNG\u0000\u0001"), QStringLiteral("PNG\u0000\u0002"),
                      QString(), QString());
        QCOMPARE(view.changeCount(), 0);
        QVERIFY(view.unifiedText().contains(QStringLiteral("Binary file")));
        QVERIFY(!view.unifiedText().contains(QChar(0)));
    }
};

QTEST_MAIN(tst_DiffView)
#include "tst_DiffView.moc"
