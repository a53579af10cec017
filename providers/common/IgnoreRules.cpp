#include "IgnoreRules.h"

namespace swb {

namespace {

// A glob as a regular expression over a '/'-separated path.
QString globToRegex(const QString& glob)
{
    QString rx;
    const qsizetype n = glob.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = glob.at(i);
        if (c == QLatin1Char('*')) {
            if (i + 1 < n && glob.at(i + 1) == QLatin1Char('*')) {
                const bool segmentStart = i == 0 || glob.at(i - 1) == QLatin1Char('/');
                if (segmentStart && i + 2 < n && glob.at(i + 2) == QLatin1Char('/')) {
                    rx += QStringLiteral("(?:.*/)?"); // "**/": zero or more folders
                    i += 2;
                } else {
                    rx += QStringLiteral(".*");
                    i += 1;
                }
            } else {
                rx += QStringLiteral("[^/]*");
            }
        } else if (c == QLatin1Char('?')) {
            rx += QStringLiteral("[^/]");
        } else if (c == QLatin1Char('[')) {
            const qsizetype close = glob.indexOf(QLatin1Char(']'), i + 2);
            if (close < 0) {
                rx += QStringLiteral("\\[");
                continue;
            }
            QString set = glob.mid(i + 1, close - i - 1);
            const bool negate =
                set.startsWith(QLatin1Char('!')) || set.startsWith(QLatin1Char('^'));
            if (negate)
                set.remove(0, 1);
            set.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
            rx += (negate ? QStringLiteral("[^/") : QStringLiteral("[")) + set + QLatin1Char(']');
            i = close;
        } else if (c == QLatin1Char('\\') && i + 1 < n) {
            rx += QRegularExpression::escape(glob.mid(++i, 1));
        } else {
            rx += QRegularExpression::escape(QString(c));
        }
    }
    return rx;
}

} // namespace

QStringList IgnoreRules::defaultPatterns()
{
    return {QStringLiteral(".swb/"), QStringLiteral(".git/"), QStringLiteral("__pycache__/"),
            QStringLiteral("*.pyc"), QStringLiteral(".DS_Store")};
}

IgnoreRules::IgnoreRules()
{
    for (const QString& p : defaultPatterns())
        addLine(p);
}

IgnoreRules::IgnoreRules(const QString& text) : IgnoreRules()
{
    for (const QString& line : text.split(QLatin1Char('\n')))
        addLine(line);
}

void IgnoreRules::addLine(QString line)
{
    if (line.endsWith(QLatin1Char('\r')))
        line.chop(1);
    // Trailing spaces are dropped unless escaped with a backslash.
    while (line.endsWith(QLatin1Char(' ')) && !line.endsWith(QStringLiteral("\\ ")))
        line.chop(1);
    if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
        return;
    Rule rule;
    if (line.startsWith(QLatin1Char('!'))) {
        rule.negated = true;
        line.remove(0, 1);
    } else if (line.startsWith(QStringLiteral("\\#")) || line.startsWith(QStringLiteral("\\!"))) {
        line.remove(0, 1);
    }
    if (line.endsWith(QLatin1Char('/'))) {
        rule.foldersOnly = true;
        line.chop(1);
    }
    if (line.isEmpty())
        return;
    rule.matchesName = !line.contains(QLatin1Char('/'));
    if (line.startsWith(QLatin1Char('/')))
        line.remove(0, 1);
    rule.regex.setPattern(QStringLiteral("\\A(?:") + globToRegex(line) + QStringLiteral(")\\z"));
    if (rule.regex.isValid())
        m_rules.append(rule);
}

bool IgnoreRules::isIgnored(const QString& relativePath, bool isFolder) const
{
    const QString name = relativePath.mid(relativePath.lastIndexOf(QLatin1Char('/')) + 1);
    bool ignored = false;
    for (const Rule& rule : m_rules) {
        if (rule.foldersOnly && !isFolder)
            continue;
        if (rule.regex.match(rule.matchesName ? name : relativePath).hasMatch())
            ignored = !rule.negated;
    }
    return ignored;
}

} // namespace swb
