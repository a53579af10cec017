#pragma once
// Decides which files of a function folder stay out of its package: gitignore-like rules
// from `.swbignore` after built-in defaults (.swb/, .git/, __pycache__/, *.pyc, .DS_Store).

#include <QList>
#include <QRegularExpression>
#include <QString>

namespace swb {

class IgnoreRules {
public:
    // The defaults only.
    IgnoreRules();
    // The defaults, then `text` in the .swbignore syntax: one glob per line; `#` starts a
    // comment; `!` re-includes; a trailing `/` matches folders only; a `/` at the start or in
    // the middle anchors the pattern to the folder, otherwise it matches a name at any depth;
    // `*` and `?` stay within one path segment, `**` spans segments. The last match wins.
    explicit IgnoreRules(const QString& text);

    static QStringList defaultPatterns();

    // `relativePath` uses '/' separators and no leading '/'. As in git, a file inside an
    // ignored folder cannot be re-included; the caller skips ignored folders whole.
    bool isIgnored(const QString& relativePath, bool isFolder) const;

private:
    struct Rule {
        QRegularExpression regex;
        bool negated = false;
        bool foldersOnly = false;
        bool matchesName = false; // no slash: compare with the last segment only
    };
    void addLine(QString line);

    QList<Rule> m_rules;
};

} // namespace swb
