#pragma once
// Which lines of a text differ from an older version of it, as an editor's margin shows them:
// added, modified, and where lines were deleted. Myers' O(ND) diff over whole lines, so a small
// edit in a long file costs little (the editor recomputes it as the user types).

#include <QList>
#include <QStringList>

namespace swb {

struct LineChange {
    enum class Kind { Added, Modified, Deleted };
    Kind kind = Kind::Added;
    // 0-based line of the new text; for Deleted, the line the deleted ones stood before (it
    // may equal the new text's line count: deleted at the end).
    int line = 0;
    bool operator==(const LineChange&) const = default;
};

// One row of two texts laid side by side: a line both have, one only the old text has, or one
// only the new text has. Line numbers are 0-based; -1 where that side has no line.
struct AlignedLine {
    enum class Kind { Same, Removed, Added };
    Kind kind = Kind::Same;
    int oldLine = -1;
    int newLine = -1;
    bool operator==(const AlignedLine&) const = default;
};

class LineDiff {
public:
    // Changes from `before` to `after`, ordered by line. An added line next to deleted ones
    // (a run replaced by another) is Modified; extra added lines in that run stay Added, extra
    // deleted ones give one Deleted mark after the run.
    static QList<LineChange> changes(const QStringList& before, const QStringList& after);
    // Every line of both texts in order, as a diff view shows them: within a changed run the
    // removed lines come before the added ones (as unified diffs print them).
    static QList<AlignedLine> align(const QStringList& before, const QStringList& after);
    // Splits text into lines as an editor counts them (a final newline ends the last line).
    static QStringList lines(const QString& text);
};

} // namespace swb
