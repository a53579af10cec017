#include "UnifiedDiffHighlighter.h"

#include <QGuiApplication>
#include <QPalette>

namespace swb {

UnifiedDiffHighlighter::UnifiedDiffHighlighter(QTextDocument* document)
    : QSyntaxHighlighter(document)
{}

void UnifiedDiffHighlighter::highlightBlock(const QString& text)
{
    const bool dark = QGuiApplication::palette().color(QPalette::Base).lightness() < 128;
    QTextCharFormat format;
    if (text.startsWith(QLatin1String("diff ")) || text.startsWith(QLatin1String("+++ ")) ||
        text.startsWith(QLatin1String("--- ")) || text.startsWith(QLatin1String("index ")) ||
        text.startsWith(QLatin1String("new file")) ||
        text.startsWith(QLatin1String("deleted file"))) {
        format.setFontWeight(QFont::Bold);
    } else if (text.startsWith(QLatin1String("@@"))) {
        format.setForeground(dark ? QColor(110, 170, 255) : QColor(20, 90, 200));
    } else if (text.startsWith(QLatin1Char('-'))) {
        format.setForeground(dark ? QColor(255, 120, 120) : QColor(180, 20, 20));
    } else if (text.startsWith(QLatin1Char('+'))) {
        format.setForeground(dark ? QColor(120, 220, 130) : QColor(20, 130, 40));
    } else {
        return;
    }
    setFormat(0, int(text.size()), format);
}

} // namespace swb
