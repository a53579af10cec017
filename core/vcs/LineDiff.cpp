#include "LineDiff.h"

#include <algorithm>
#include <vector>

namespace swb {

namespace {

enum class Op { Keep, Insert, Delete };

// Beyond this many differing lines the exact script is not worth its memory (the trace grows
// with the square): the middle is then marked as one changed block.
constexpr int kMaxEdits = 2000;

// Myers' greedy algorithm over a[aFrom, aTo) and b[bFrom, bTo), keeping the frontier of each
// step (only the diagonals it can reach) to walk back; false when it needs more than kMaxEdits.
bool editScript(const QStringList& a, int aFrom, int aTo, const QStringList& b, int bFrom, int bTo,
                std::vector<Op>& ops)
{
    const int n = aTo - aFrom, m = bTo - bFrom;
    const int max = std::min(n + m, kMaxEdits);
    const int offset = max + 1;
    std::vector<int> v(size_t(2 * max + 3), 0);
    std::vector<std::vector<int>> trace; // trace[d]: v on diagonals -d-1 .. d+1 before step d
    int found = -1;
    for (int d = 0; d <= max && found < 0; ++d) {
        trace.emplace_back(v.begin() + (offset - d - 1), v.begin() + (offset + d + 2));
        for (int k = -d; k <= d; k += 2) {
            int x;
            if (k == -d || (k != d && v[size_t(offset + k - 1)] < v[size_t(offset + k + 1)]))
                x = v[size_t(offset + k + 1)]; // down: an insertion
            else
                x = v[size_t(offset + k - 1)] + 1; // right: a deletion
            int y = x - k;
            while (x < n && y < m && a[aFrom + x] == b[bFrom + y]) {
                ++x;
                ++y;
            }
            v[size_t(offset + k)] = x;
            if (x >= n && y >= m) {
                found = d;
                break;
            }
        }
    }
    if (found < 0)
        return false;
    std::vector<Op> reversed;
    int x = n, y = m;
    for (int d = found; d > 0; --d) {
        const std::vector<int>& prev = trace[size_t(d)];
        auto at = [&](int k) { return prev[size_t(k + d + 1)]; };
        const int k = x - y;
        const int prevK = (k == -d || (k != d && at(k - 1) < at(k + 1))) ? k + 1 : k - 1;
        const int prevX = at(prevK);
        const int prevY = prevX - prevK;
        while (x > prevX && y > prevY) {
            reversed.push_back(Op::Keep);
            --x;
            --y;
        }
        reversed.push_back(x == prevX ? Op::Insert : Op::Delete);
        x = prevX;
        y = prevY;
    }
    while (x > 0 && y > 0) {
        reversed.push_back(Op::Keep);
        --x;
        --y;
    }
    ops.insert(ops.end(), reversed.rbegin(), reversed.rend());
    return true;
}

std::vector<Op> editScript(const QStringList& a, const QStringList& b)
{
    // Common lines at both ends cost nothing to match; most edits touch a few lines.
    int prefix = 0;
    const int n = int(a.size()), m = int(b.size());
    while (prefix < n && prefix < m && a[prefix] == b[prefix])
        ++prefix;
    int suffix = 0;
    while (suffix < n - prefix && suffix < m - prefix && a[n - 1 - suffix] == b[m - 1 - suffix])
        ++suffix;
    std::vector<Op> ops(size_t(prefix), Op::Keep);
    if (!editScript(a, prefix, n - suffix, b, prefix, m - suffix, ops)) {
        // Too different to align exactly: the whole middle counts as replaced.
        ops.insert(ops.end(), size_t(n - suffix - prefix), Op::Delete);
        ops.insert(ops.end(), size_t(m - suffix - prefix), Op::Insert);
    }
    ops.insert(ops.end(), size_t(suffix), Op::Keep);
    return ops;
}

// Walks a script as kept lines and changed runs (the deletions and insertions between two kept
// lines, however the script interleaves them).
template <typename OnKeep, typename OnRun>
void forEachRun(const std::vector<Op>& ops, OnKeep onKeep, OnRun onRun)
{
    size_t i = 0;
    while (i < ops.size()) {
        if (ops[i] == Op::Keep) {
            onKeep();
            ++i;
            continue;
        }
        int deleted = 0, inserted = 0;
        while (i < ops.size() && ops[i] != Op::Keep) {
            (ops[i] == Op::Delete ? deleted : inserted) += 1;
            ++i;
        }
        onRun(deleted, inserted);
    }
}

} // namespace

QList<AlignedLine> LineDiff::align(const QStringList& before, const QStringList& after)
{
    QList<AlignedLine> out;
    int oldLine = 0, newLine = 0;
    forEachRun(
        editScript(before, after),
        [&] {
            out << AlignedLine{AlignedLine::Kind::Same, oldLine++, newLine++};
        },
        [&](int deleted, int inserted) {
            // A reader expects a changed run's old lines first.
            for (int j = 0; j < deleted; ++j)
                out << AlignedLine{AlignedLine::Kind::Removed, oldLine++, -1};
            for (int j = 0; j < inserted; ++j)
                out << AlignedLine{AlignedLine::Kind::Added, -1, newLine++};
        });
    return out;
}

QStringList LineDiff::lines(const QString& text)
{
    QStringList out = text.split(QLatin1Char('\n'));
    if (!out.isEmpty() && out.last().isEmpty())
        out.removeLast();
    for (QString& line : out) {
        if (line.endsWith(QLatin1Char('\r')))
            line.chop(1);
    }
    return out;
}

QList<LineChange> LineDiff::changes(const QStringList& before, const QStringList& after)
{
    QList<LineChange> out;
    int line = 0; // in `after`
    forEachRun(
        editScript(before, after), [&] { ++line; },
        [&](int deleted, int inserted) {
            const int modified = std::min(deleted, inserted);
            for (int j = 0; j < inserted; ++j)
                out << LineChange{
                    j < modified ? LineChange::Kind::Modified : LineChange::Kind::Added, line + j};
            line += inserted;
            if (deleted > inserted)
                out << LineChange{LineChange::Kind::Deleted, line};
        });
    return out;
}

} // namespace swb
