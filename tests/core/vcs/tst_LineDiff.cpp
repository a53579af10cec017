// The editor's change markers: added, modified and deleted lines against the committed text.
#include "vcs/LineDiff.h"

#include <QRandomGenerator>
#include <QTest>

using namespace swb;
using K = LineChange::Kind;

Q_DECLARE_METATYPE(QList<swb::LineChange>)

class tst_LineDiff : public QObject {
    Q_OBJECT
private slots:
    void marksEachKindOfChange_data()
    {
        QTest::addColumn<QString>("before");
        QTest::addColumn<QString>("after");
        QTest::addColumn<QList<LineChange>>("expected");
        QTest::newRow("same") << "a\nb\nc\n"
                              << "a\nb\nc\n"
                              << QList<LineChange>{};
        QTest::newRow("added in the middle") << "a\nb\nc\n"
                                             << "a\nb\nX\nc\n"
                                             << QList<LineChange>{{K::Added, 2}};
        QTest::newRow("added at the end") << "a\nb\n"
                                          << "a\nb\nc\nd\n"
                                          << QList<LineChange>{{K::Added, 2}, {K::Added, 3}};
        QTest::newRow("modified") << "a\nb\nc\n"
                                  << "a\nB\nc\n"
                                  << QList<LineChange>{{K::Modified, 1}};
        QTest::newRow("deleted in the middle") << "a\nb\nc\n"
                                               << "a\nc\n"
                                               << QList<LineChange>{{K::Deleted, 1}};
        QTest::newRow("deleted at the end") << "a\nb\nc\n"
                                            << "a\nb\n"
                                            << QList<LineChange>{{K::Deleted, 2}};
        QTest::newRow("deleted at the start") << "a\nb\nc\n"
                                              << "b\nc\n"
                                              << QList<LineChange>{{K::Deleted, 0}};
        QTest::newRow("two replaced by three")
            << "a\nb\nc\nd\n"
            << "a\nX\nY\nZ\nd\n"
            << QList<LineChange>{{K::Modified, 1}, {K::Modified, 2}, {K::Added, 3}};
        QTest::newRow("three replaced by one")
            << "a\nb\nc\nd\ne\n"
            << "a\nX\ne\n"
            << QList<LineChange>{{K::Modified, 1}, {K::Deleted, 2}};
        QTest::newRow("new file") << ""
                                  << "a\nb\n"
                                  << QList<LineChange>{{K::Added, 0}, {K::Added, 1}};
        QTest::newRow("emptied") << "a\nb\n"
                                 << "" << QList<LineChange>{{K::Deleted, 0}};
        QTest::newRow("CRLF is the same line") << "a\r\nb\r\n"
                                               << "a\nb\n"
                                               << QList<LineChange>{};
    }
    void marksEachKindOfChange()
    {
        QFETCH(QString, before);
        QFETCH(QString, after);
        QFETCH(QList<LineChange>, expected);
        QCOMPARE(LineDiff::changes(LineDiff::lines(before), LineDiff::lines(after)), expected);
    }

    void randomEditsAreAccountedFor()
    {
        // Property: kept lines plus the changes rebuild the counts of both texts.
        QRandomGenerator rng(42);
        for (int round = 0; round < 200; ++round) {
            QStringList before;
            const int n = int(rng.bounded(30));
            for (int i = 0; i < n; ++i)
                before << QString::number(rng.bounded(6));
            QStringList after = before;
            for (int e = 0; e < 4; ++e) {
                const int at = after.isEmpty() ? 0 : int(rng.bounded(after.size() + 1));
                switch (rng.bounded(3)) {
                case 0:
                    after.insert(at, QStringLiteral("new"));
                    break;
                case 1:
                    if (at < after.size())
                        after.removeAt(at);
                    break;
                default:
                    if (at < after.size())
                        after[at] = QStringLiteral("changed");
                }
            }
            const auto changes = LineDiff::changes(before, after);
            int touched = 0;
            for (const LineChange& c : changes) {
                QVERIFY(c.line >= 0 && c.line <= after.size());
                if (c.kind != K::Deleted)
                    ++touched;
            }
            QVERIFY(touched <= after.size());
            if (before == after)
                QVERIFY(changes.isEmpty());
            else
                QVERIFY(!changes.isEmpty());
        }
    }

    void aFileRewrittenEntirelyStaysBounded()
    {
        // Every line differs: the exact script would need a huge trace; the middle is marked.
        QStringList before, after;
        for (int i = 0; i < 30000; ++i) {
            before << QStringLiteral("old %1").arg(i);
            after << QStringLiteral("new %1").arg(i);
        }
        const auto changes = LineDiff::changes(before, after);
        QCOMPARE(changes.size(), 30000);
        QCOMPARE(changes.first(), (LineChange{K::Modified, 0}));
        QCOMPARE(changes.last(), (LineChange{K::Modified, 29999}));
    }

    void aLongFileWithOneEditIsQuick()
    {
        QStringList before;
        for (int i = 0; i < 20000; ++i)
            before << QStringLiteral("line %1").arg(i);
        QStringList after = before;
        after[10000] = QStringLiteral("edited");
        const auto changes = LineDiff::changes(before, after);
        QCOMPARE(changes, (QList<LineChange>{{K::Modified, 10000}}));
    }

    void alignsBothTextsLineByLine()
    {
        using A = AlignedLine::Kind;
        // a b c d  ->  a X c d e : b removed then X added, c d kept, e added.
        const auto rows = LineDiff::align(LineDiff::lines(QStringLiteral("a\nb\nc\nd\n")),
                                          LineDiff::lines(QStringLiteral("a\nX\nc\nd\ne\n")));
        const QList<AlignedLine> expected{{A::Same, 0, 0}, {A::Removed, 1, -1}, {A::Added, -1, 1},
                                          {A::Same, 2, 2}, {A::Same, 3, 3},     {A::Added, -1, 4}};
        QCOMPARE(rows, expected);
        QCOMPARE(LineDiff::align({}, {}), QList<AlignedLine>{});
        QCOMPARE(LineDiff::align({QStringLiteral("x")}, {}),
                 (QList<AlignedLine>{{A::Removed, 0, -1}}));
    }

    void alignmentRebuildsBothTexts()
    {
        // Property: the old side of the rows is the old text, the new side the new text, and the
        // number of changed rows matches the markers' view of the same edit.
        QRandomGenerator rng(7);
        for (int round = 0; round < 200; ++round) {
            QStringList before, after;
            for (int i = 0, n = int(rng.bounded(25)); i < n; ++i)
                before << QString::number(rng.bounded(5));
            for (int i = 0, n = int(rng.bounded(25)); i < n; ++i)
                after << QString::number(rng.bounded(5));
            QStringList oldSide, newSide;
            int lastOld = -1, lastNew = -1;
            for (const AlignedLine& row : LineDiff::align(before, after)) {
                if (row.oldLine >= 0) {
                    QCOMPARE(row.oldLine, lastOld + 1);
                    lastOld = row.oldLine;
                    oldSide << before[row.oldLine];
                }
                if (row.newLine >= 0) {
                    QCOMPARE(row.newLine, lastNew + 1);
                    lastNew = row.newLine;
                    newSide << after[row.newLine];
                }
                if (row.kind == AlignedLine::Kind::Same)
                    QCOMPARE(before[row.oldLine], after[row.newLine]);
            }
            QCOMPARE(oldSide, before);
            QCOMPARE(newSide, after);
        }
    }
};

QTEST_GUILESS_MAIN(tst_LineDiff)
#include "tst_LineDiff.moc"
