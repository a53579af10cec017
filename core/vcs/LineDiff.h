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

class LineDiff {
public:
    // Changes from `before` to `after`, ordered by line. An added line next to deleted ones
    // (a run replaced by another) is Modified; extra added lines in that run stay Added, extra
    // deleted ones give one Deleted mark after the run.
    static QList<LineChange> changes(const QStringList& before, const QStringList& after);
    // Splits text into lines as an editor counts them (a final newline ends the last line).
    static QStringList lines(const QString& text);
};

} // namespace swb
