#include "Theme.h"

#include <QApplication>
#include <QStyle>
#include <QStyleFactory>

namespace swb {

Theme::Theme()
    : m_systemStyle(QApplication::style() ? QApplication::style()->name() : QString()),
      m_systemPalette(QApplication::palette())
{}

QPalette Theme::darkPalette()
{
    // Greys with enough contrast for text (WCAG AA: #e6e6e6 on #1e1e1e is about 14:1), the
    // timeline's blue as the highlight, and dimmed text for disabled controls.
    const QColor window(0x2b, 0x2b, 0x2b);
    const QColor base(0x1e, 0x1e, 0x1e);
    const QColor text(0xe6, 0xe6, 0xe6);
    const QColor button(0x35, 0x35, 0x35);
    const QColor disabled(0x80, 0x80, 0x80);
    QPalette p;
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, window);
    p.setColor(QPalette::ToolTipBase, QColor(0x3a, 0x3a, 0x3a));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, disabled);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, button);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(0xff, 0x6b, 0x6b));
    p.setColor(QPalette::Light, QColor(0x4a, 0x4a, 0x4a));
    p.setColor(QPalette::Midlight, QColor(0x40, 0x40, 0x40));
    p.setColor(QPalette::Mid, QColor(0x25, 0x25, 0x25));
    p.setColor(QPalette::Dark, QColor(0x1a, 0x1a, 0x1a));
    p.setColor(QPalette::Shadow, QColor(0x10, 0x10, 0x10));
    p.setColor(QPalette::Highlight, QColor(0x2f, 0x7f, 0xd8));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x6c, 0xae, 0xff));
    p.setColor(QPalette::LinkVisited, QColor(0xb0, 0x8c, 0xff));
    for (const auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabled);
    p.setColor(QPalette::Disabled, QPalette::Base, window);
    p.setColor(QPalette::Disabled, QPalette::Highlight, QColor(0x50, 0x50, 0x50));
    return p;
}

QPalette Theme::lightPalette()
{
    QStyle* fusion = QStyleFactory::create(QStringLiteral("Fusion"));
    const QPalette p = fusion ? fusion->standardPalette() : QPalette();
    delete fusion;
    return p;
}

void Theme::apply(const QString& name)
{
    const QString theme = name == QLatin1String("light") || name == QLatin1String("dark")
                              ? name
                              : QStringLiteral("system");
    if (theme == m_current)
        return;
    if (theme == QLatin1String("system")) {
        if (!m_systemStyle.isEmpty())
            QApplication::setStyle(m_systemStyle);
        QApplication::setPalette(m_systemPalette);
    } else {
        QApplication::setStyle(QStringLiteral("Fusion"));
        QApplication::setPalette(theme == QLatin1String("dark") ? darkPalette() : lightPalette());
    }
    m_current = theme;
}

} // namespace swb
