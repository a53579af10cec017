#pragma once
// The window's colours: the desktop's own style and palette ("system"), or a light or dark
// palette drawn with Qt's Fusion style, which honours every palette role (some desktop styles
// draw parts of a widget in their own fixed colours). Every view paints from the palette, so a
// switch repaints the whole window without a restart.

#include <QPalette>
#include <QString>

namespace swb {

class Theme {
public:
    // Remembers the desktop's style and palette, to go back to them on "system".
    Theme();

    // "system", "light" or "dark"; anything else is "system". Applies to the whole application.
    void apply(const QString& name);
    QString current() const { return m_current; }

    // The palettes, for tests and for views that want to preview them.
    static QPalette darkPalette();
    static QPalette lightPalette();

private:
    QString m_systemStyle;
    QPalette m_systemPalette;
    QString m_current = QStringLiteral("system");
};

} // namespace swb
