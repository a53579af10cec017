#pragma once
// Colours a unified diff in a text view: file headers bold, hunk headers, removed lines red,
// added lines green — tinted from the view's palette so light and dark themes both read.

#include <QSyntaxHighlighter>

namespace swb {

class UnifiedDiffHighlighter : public QSyntaxHighlighter {
    Q_OBJECT
public:
    explicit UnifiedDiffHighlighter(QTextDocument* document);

protected:
    void highlightBlock(const QString& text) override;
};

} // namespace swb
